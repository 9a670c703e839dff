"""Application start-up: settings, language, fonts, choosing the plan, and the main window.

The window is shown first — a frame built from Qt alone — and the plan is opened once that
frame is on screen (``MainWindow.first_painted``): the store, sqlite-utils and the plan's
views are imported only then, so the window appears about as fast as a bare Qt window.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from qdplanner import __version__
from qdplanner.addresses import is_server_address, shown
from qdplanner.errors import QdError
from qdplanner.ui.fonts import apply_cjk_font
from qdplanner.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_language
from qdplanner.ui.icons import app_icon
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.messages import user_message

if TYPE_CHECKING:  # the store is imported once the window is up
    from qdplanner.store import PlanStore
    from qdplanner.store.lock import PlanLockedError

ORGANIZATION = "qdplanner"
APPLICATION = "qdplanner"
SAMPLE_FILE_NAME = "qingdao-sample.qdplan"
# Seconds the window waits for a command writing the plan before asking what to do: long
# enough for a short command-line write, short enough not to keep "Opening …" up.
WINDOW_LOCK_WAIT = 1.5


def data_folder() -> Path:
    """The user's data folder for qdplanner (the sample plan lives here): one level,
    ``…/share/qdplanner`` (not the ``…/qdplanner/qdplanner`` Qt's AppDataLocation gives when
    organisation and application share a name). An older version's folder is moved in."""
    generic = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    folder = Path(generic) / APPLICATION
    folder.mkdir(parents=True, exist_ok=True)
    old = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    if old != folder and old.is_dir():
        _move_old_data_folder(old, folder)
    return folder


def _move_old_data_folder(old: Path, folder: Path) -> None:
    """Move what an older version kept in ``old`` into ``folder`` (a file already there is
    kept, the old one left in place), and point the recent-files list at the moved plans."""
    moved: dict[str, str] = {}
    for item in list(old.iterdir()):
        target = folder / item.name
        if target.exists():
            continue
        names = {str(item), str(item.resolve())}
        try:
            item.rename(target)
        except OSError:  # another disk (Windows: Roaming → Local): copy, then remove
            try:
                shutil.move(str(item), str(target))
            except OSError:
                continue
        moved.update(dict.fromkeys(names, str(target.resolve())))
    if moved:
        settings = QSettings()
        last = settings.value("files/lastPlan")
        if last in moved:
            settings.setValue("files/lastPlan", moved[last])
        recent = settings.value("files/recent", [], type=list)
        if any(p in moved for p in recent):
            settings.setValue("files/recent", [moved.get(p, p) for p in recent])
    with contextlib.suppress(OSError):  # only when empty: what could not be moved stays
        old.rmdir()


def sample_plan_path(create: bool = True) -> Path:
    """The sample plan in the data folder, created on first use (unless ``create`` is False)."""
    path = data_folder() / SAMPLE_FILE_NAME
    if create and not path.exists():
        from qdplanner.store.sample import create_sample_plan

        create_sample_plan(path).close()
    return path


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("qdplanner")  # Wayland/GNOME: the icon of qdplanner.desktop
    return app


class Controller:
    """Owns the open plan and its window; swaps them when the user opens another plan."""

    def __init__(self, app: QApplication, language: str):
        self.app = app
        self.language = language
        self.window: MainWindow | None = None
        self.store: PlanStore | None = None
        family = apply_cjk_font(app)
        self.font_warning = (
            ""
            if family
            else QCoreApplication.translate(
                "App",
                "No Chinese font is installed: Chinese text will show as boxes. "
                "Install one (e.g. fonts-noto-cjk) and restart qdplanner.",
            )
        )

    def start(self, requested: Path | str | None) -> None:
        """Show the window at once; open the plan (``requested``, else the last one, else the
        sample) as soon as the window is on screen."""
        window = self._new_window()
        self.window = window
        window.opening(planned_plan(requested))
        window.first_painted.connect(lambda: self._open_first(requested))
        window.show()

    def _open_first(self, requested: Path | str | None) -> None:
        try:
            path = initial_plan(requested)
        except QdError as exc:
            QMessageBox.critical(
                self.window,
                QCoreApplication.translate("App", "Cannot create the sample plan"),
                user_message(exc),
            )
            self.window.not_opened()
            return
        try:
            self.open_plan(path)
        finally:  # refused, or failed unexpectedly: never left saying "Opening …"
            if self.store is None:
                self.window.not_opened()

    def _ask_about_lock(self, exc: PlanLockedError) -> str:
        """Ask what to do with a plan someone else has open: "readonly", "break" or ""."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("App", "Plan in use"))
        if exc.info is not None:
            box.setText(
                QCoreApplication.translate(
                    "App", "This plan is already open for editing by %1."
                ).replace("%1", exc.info.describe())
            )
        else:
            box.setText(
                QCoreApplication.translate(
                    "App",
                    "This plan's lock file cannot be read: whoever wrote it may have "
                    "stopped while writing it (a crash, or a full disk).",
                )
            )
        box.setInformativeText(
            QCoreApplication.translate(
                "App",
                "Open it read-only, or break the lock if you are sure that person has "
                "closed it (for example after a crash). Two people editing at once can "
                "overwrite each other's work.",
            )
        )
        readonly = box.addButton(
            QCoreApplication.translate("App", "Open Read-Only"), QMessageBox.ButtonRole.AcceptRole
        )
        steal = box.addButton(
            QCoreApplication.translate("App", "Break Lock and Open"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(readonly)
        box.exec()
        return {readonly: "readonly", steal: "break"}.get(box.clickedButton(), "")

    def open_plan(self, address: Path | str) -> bool:
        """Open the plan at ``address`` — a file's path, or a server plan's ``postgresql://``
        address — in a new window, closing the current one; explain any refusal."""
        if is_server_address(address):
            return self._open_server_plan(str(address))
        return self._open_file_plan(Path(address))

    def _open_server_plan(self, address: str) -> bool:
        """A plan on a server: no lock to ask about; a server that cannot be reached, or asks
        for a password, is said in words. The connection is made off the UI thread behind a
        busy dialog whose Cancel gives up waiting (connect_timeout bounds the wait)."""
        from qdplanner.store import PlanStore
        from qdplanner.store.server_plan import ServerPlan
        from qdplanner.ui.server_dialog import asks_for_password, password_help

        if self.store is not None and self.store.path == ServerPlan(address):
            self.window.raise_()
            return True
        from qdplanner.addresses import shown
        from qdplanner.ui.background import Cancelled, open_in_background

        try:
            store = open_in_background(
                self.window,
                QCoreApplication.translate("App", "Connecting to %1…").replace(
                    "%1", shown(address)
                ),
                lambda: PlanStore.open(address),
            )
        except Cancelled:
            return False
        except QdError as exc:
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("App", "Cannot open plan"))
            box.setText(user_message(exc))
            if asks_for_password(exc):
                box.setInformativeText(password_help())
            box.exec()
            return False
        self._show(store)
        self._remember(address)
        return True

    def _open_file_plan(self, path: Path) -> bool:
        from qdplanner.store import PlanStore
        from qdplanner.store.lock import PlanLockedError, default_wait

        if (
            self.store is not None
            and self.store.engine != "postgresql"
            and self.store.path.resolve() == path.resolve()
        ):
            self.window.raise_()
            return True
        try:
            try:
                store = PlanStore.open(path, wait=min(WINDOW_LOCK_WAIT, default_wait()))
            except PlanLockedError as exc:
                choice = self._ask_about_lock(exc)
                if not choice:
                    return False
                store = PlanStore.open(
                    path, readonly=choice == "readonly", break_lock=choice == "break"
                )
        except QdError as exc:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("App", "Cannot open plan"),
                user_message(exc),
            )
            return False
        self._show(store)
        self._remember(path)
        if store.recovered:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("App", "Last change undone"),
                QCoreApplication.translate(
                    "App",
                    "The last change to this plan was interrupted (the program stopped or "
                    "the power failed while it was saving) and has been undone. The plan "
                    "is as it was before that change; make that change again if you need it.",
                ),
            )
        return True

    @staticmethod
    def _remember(address: Path | str) -> None:
        """The last plan, and the recent list (newest first, at most eight); a server
        plan's address without its password."""
        resolved = shown(address) if is_server_address(address) else str(Path(address).resolve())
        settings = QSettings()
        settings.setValue("files/lastPlan", resolved)
        recent = [p for p in settings.value("files/recent", [], type=list) if p != resolved]
        settings.setValue("files/recent", [resolved, *recent][:8])

    def new_plan(self, path: Path) -> bool:
        """Create an empty plan at ``path`` (replacing it if the user agreed) and open it."""
        from qdplanner.store import PlanStore

        try:
            PlanStore.create(path, overwrite=Path(path).exists()).close()
        except QdError as exc:
            QMessageBox.warning(
                self.window, QCoreApplication.translate("App", "New Plan"), user_message(exc)
            )
            return False
        return self.open_plan(path)

    def open_sample(self) -> None:
        try:
            path = sample_plan_path()
        except QdError as exc:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("App", "Cannot create the sample plan"),
                user_message(exc),
            )
            return
        self.open_plan(path)

    def set_language(self, lang: str) -> None:
        if lang == self.language or lang not in LANGUAGES:
            return
        self.language = lang
        install_language(self.app, lang)
        QSettings().setValue("ui/language", lang)
        # A new window, so every string is drawn again in the new language.
        store, self.store = self.store, None
        self._show(store)

    def _new_window(self) -> MainWindow:
        window = MainWindow(language=self.language, font_warning=self.font_warning)
        window.open_requested.connect(self.open_plan)
        window.sample_requested.connect(self.open_sample)
        window.new_requested.connect(lambda p: self.new_plan(Path(p)))
        window.language_requested.connect(self.set_language)
        return window

    def _show(self, store: PlanStore | None) -> None:
        """Show ``store`` (or no plan, if None): in the window if it has no plan yet (the one
        shown at start-up), else in a new window that replaces it."""
        old_window, old_store = self.window, self.store
        self.store = store
        if old_window is not None and old_window.plan_view is None and store is not None:
            old_window.attach(store)
            return
        if old_window is not None:  # the new window takes the old one's size and panes
            old_window.save_state()
        self.window = self._new_window()
        if store is not None:
            self.window.attach(store)
        if old_window is not None and old_window.isFullScreen():
            self.window.showFullScreen()
        elif old_window is not None and old_window.isMaximized():
            self.window.showMaximized()  # a language switch leaves it as it was
        else:
            self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_store is not None and old_store is not store:
            old_store.close()

    def shutdown(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


def planned_plan(requested: Path | str | None) -> Path | str:
    """The plan the window will open: ``requested``, else the last one (a file that is
    still there, or a server plan's address), else the sample."""
    if requested is not None:
        return requested
    last = QSettings().value("files/lastPlan")
    if last and is_server_address(last):
        return last
    if last and Path(last).exists():
        return Path(last)
    return sample_plan_path(create=False)


def initial_plan(requested: Path | str | None) -> Path | str:
    """``planned_plan``, the sample plan made if it is the one and does not exist yet."""
    path = planned_plan(requested)
    if not is_server_address(path) and path == sample_plan_path(create=False):
        sample_plan_path()
    return path


def show_unexpected_error(exc_type, exc, tb, store: PlanStore | None = None) -> None:
    """``sys.excepthook`` of the window: an error no code expected, raised in a slot, is put in
    words in a dialog (details behind a button) and on stderr; the program goes on.

    A refusal of the plan file a user can meet (disk full, read-only, damaged), met where no
    code expected it, is shown as what it is, a sentence naming the plan."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    if sys.stderr is not None:
        print(details, file=sys.stderr, flush=True)
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        return
    told = store.explain(exc) if store is not None and store.is_open else exc
    if told is not exc:
        QMessageBox.warning(
            QApplication.activeWindow(),
            QCoreApplication.translate("App", "The plan file"),
            user_message(told),
        )
        return
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "Unexpected error"))
    box.setText(
        QCoreApplication.translate("App", "Something went wrong: %1").replace(
            "%1", user_message(exc) if isinstance(exc, QdError) else f"{exc_type.__name__}: {exc}"
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "App",
            "What you changed before this is saved: every change is written to the plan file "
            "in its own transaction. If it happens again, please report it with the details.",
        )
    )
    box.setDetailedText(details)
    box.exec()


def run(plan: Path | str | None = None, *, lang: str | None = None) -> int:
    """Start the window on ``plan`` — a file, or a server plan's address — (or the last plan,
    or the sample); return the exit code."""
    app = ensure_application()
    language = lang or QSettings().value("ui/language", DEFAULT_LANGUAGE)
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    install_language(app, language)
    controller = Controller(app, language)
    previous_hook = sys.excepthook
    sys.excepthook = lambda *exc: show_unexpected_error(*exc, store=controller.store)
    try:
        controller.start(plan)
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
        controller.shutdown()
    return code
