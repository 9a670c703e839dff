"""The main window: the frame (menus, status bar, remembered size) around one open plan.

The frame is built from Qt alone, so it can show as soon as the application exists — before
the store, sqlite-utils and the many views of a plan are imported (issue 8: the window shows
in under 1.5× a bare Qt window). ``attach(store)`` then fills it with a ``PlanView``; until
then, or when no plan could be opened, it says so and offers the ways to open one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdplanner.addresses import is_server_address, shown
from qdplanner.paths import PLAN_SUFFIX
from qdplanner.ui.i18n import LANGUAGES

if TYPE_CHECKING:  # imported once the window is up (see attach)
    from qdplanner.store import PlanStore
    from qdplanner.ui.plan_view import PlanView

# File → Open Server Plan… (set with the other shortcuts once the first frame is up)
SERVER_PLAN_SHORTCUT = "Ctrl+Shift+O"
# If the window is never painted (started minimised), the plan is opened anyway after this.
OPEN_ANYWAY_MS = 500


def _shown(path: Path | str) -> str:
    """A plan's path, or a server plan's address without its password."""
    return shown(path) if is_server_address(path) else str(path)


class NoPlanPane(QWidget):
    """The window's centre while a plan is being opened, or when none is open."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("noPlanPane")
        self.message = QLabel()
        self.message.setObjectName("noPlanMessage")
        # Centred by stretches, not by an alignment flag: the first use of Qt's ``Qt``
        # namespace builds all its enums, ~25 ms that would delay the first frame.
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(self.message)
        line.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons = []
        for text, slot in (
            (self.tr("Open Plan…"), window.choose_plan),
            (self.tr("New Plan…"), window.choose_new_plan),
            (self.tr("Open Sample Plan"), window.sample_requested),
            (self.tr("Open Server Plan…"), window.choose_server_plan),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons.append(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addLayout(line)
        column.addLayout(buttons)
        column.addStretch(2)

    def opening(self, path: Path | str) -> None:
        self.message.setText(self.tr("Opening %1…").replace("%1", _shown(path)))
        for button in self.buttons:
            button.hide()

    def no_plan(self) -> None:
        self.message.setText(self.tr("No plan is open."))
        for button in self.buttons:
            button.show()


class MainWindow(QMainWindow):
    """The window; ``plan_view`` is the open plan, if any. Emits requests the application acts
    on (open a file, make a new plan, open the sample, change language), and ``first_painted``
    once it has been drawn on screen."""

    open_requested = Signal(str)
    new_requested = Signal(str)
    sample_requested = Signal()
    language_requested = Signal(str)
    first_painted = Signal()

    def __init__(self, store: PlanStore | None = None, *, language: str, font_warning: str = ""):
        super().__init__()
        self.language = language
        self.plan_view: PlanView | None = None
        self._painted = False
        self._font_warning = font_warning
        self._shortcuts: list[tuple[QAction, QKeySequence.StandardKey | str]] | None = []
        self.setObjectName("MainWindow")
        self.setWindowTitle("qdplanner")
        self._build_menus()
        self.no_plan = NoPlanPane(self)
        self.no_plan.no_plan()
        self.setCentralWidget(self.no_plan)
        self.restore_state()
        # Connected first, so it runs before whoever opens the plan on the same signal.
        self.first_painted.connect(self._complete_frame)
        if store is not None:
            self.attach(store)

    def _complete_frame(self) -> None:
        """What the first frame can do without: the keyboard shortcuts (setting the first one
        builds all of Qt's key enums, ~25 ms) and the status bar (~10 ms to make)."""
        if self._shortcuts is None:
            return
        for action, key in self._shortcuts:
            action.setShortcut(key)
        self._shortcuts = None
        if self._font_warning:
            self.statusBar().showMessage(self._font_warning)
        else:
            self.statusBar()

    # -- the plan ------------------------------------------------------------------
    def opening(self, path: Path | str) -> None:
        """Say, in the title and the middle of the window, that ``path`` (a file, or a
        server plan's address) is being opened."""
        name = _shown(path) if is_server_address(path) else Path(path).name
        self.setWindowTitle(self.tr("%1 — qdplanner").replace("%1", name))
        self.no_plan.opening(path)

    def not_opened(self) -> None:
        """Opening failed (the reason was shown): offer the ways to open a plan."""
        self.setWindowTitle("qdplanner")
        self.no_plan.no_plan()

    def attach(self, store: PlanStore) -> PlanView:
        """Show ``store`` in this window (once per window); return its ``PlanView``."""
        from qdplanner.ui.plan_place import title_name
        from qdplanner.ui.plan_view import PlanView  # the heavy half, after the first frame

        self._complete_frame()
        title = self.tr("%1 — qdplanner").replace("%1", title_name(store))
        if store.readonly:
            title = self.tr("%1 (read-only)").replace("%1", title)
        self.setWindowTitle(title)
        self.plan_view = PlanView(store, self, language=self.language)
        self.setCentralWidget(self.plan_view)  # the no-plan pane goes
        self.no_plan = None
        for menu in (self.edit_menu, self.plan_menu):
            menu.menuAction().setEnabled(True)
        if store.readonly:
            notice = (
                self.tr("Read-only: your database role may read this plan, not change it.")
                if store.role_reads_only
                else self.tr(
                    "Read-only: someone else has this plan open; your changes cannot be saved."
                )
            )
            self.statusBar().showMessage(notice)
        return self.plan_view

    @property
    def store(self) -> PlanStore | None:
        """The open plan's store, or None."""
        return self.plan_view.store if self.plan_view is not None else None

    # -- menus ---------------------------------------------------------------------
    def _build_menus(self) -> None:
        """The window's own entries; a plan view adds its own (see PlanView)."""
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_action = QAction(self.tr("&New Plan…"), self)
        self._shortcuts.append((new_action, QKeySequence.StandardKey.New))
        new_action.triggered.connect(self.choose_new_plan)
        self.file_menu.addAction(new_action)
        open_action = QAction(self.tr("&Open Plan…"), self)
        self._shortcuts.append((open_action, QKeySequence.StandardKey.Open))
        open_action.triggered.connect(self.choose_plan)
        self.file_menu.addAction(open_action)
        server_action = QAction(self.tr("Open Ser&ver Plan…"), self)
        server_action.setObjectName("openServerPlanAction")
        self._shortcuts.append((server_action, SERVER_PLAN_SHORTCUT))
        server_action.triggered.connect(self.choose_server_plan)
        self.file_menu.addAction(server_action)
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        sample_action = QAction(self.tr("Open &Sample Plan"), self)
        sample_action.triggered.connect(self.sample_requested)
        self.file_menu.addAction(sample_action)
        self.file_plan_anchor = self.file_menu.addSeparator()  # the plan's entries go above
        quit_action = QAction(self.tr("&Quit"), self)
        self._shortcuts.append((quit_action, QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)

        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.plan_menu = self.menuBar().addMenu(self.tr("&Plan"))
        for menu in (self.edit_menu, self.plan_menu):  # filled by the plan view
            menu.menuAction().setEnabled(False)

        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        language_menu = self.view_menu.addMenu(self.tr("&Language"))
        self.view_plan_anchor = language_menu.menuAction()  # the plan's entries go above
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.language)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(lambda a: self.language_requested.emit(a.data()))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User Guide"), self)
        self._shortcuts.append((guide, QKeySequence.StandardKey.HelpContents))
        guide.triggered.connect(self._show_user_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About qdplanner"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _show_user_guide(self) -> None:
        from qdplanner.ui.user_guide import show_user_guide

        show_user_guide(self, self.language)

    def _show_about(self) -> None:
        from qdplanner.ui.about import show_about

        show_about(self, self.store)

    def plan_file_filter(self) -> str:
        """The file dialogs' filter for plan files."""
        return self.tr("qdplanner plans (*%1);;All files (*)").replace("%1", PLAN_SUFFIX)

    def _start_folder(self) -> str:
        from qdplanner.ui.plan_place import plan_folder

        return plan_folder(self.store) if self.store is not None else ""

    def choose_new_plan(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Plan"), self._start_folder(), self.plan_file_filter()
        )
        if path:
            if not path.endswith(PLAN_SUFFIX):
                path += PLAN_SUFFIX
            self.new_requested.emit(path)

    def choose_plan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Plan"), self._start_folder(), self.plan_file_filter()
        )
        if path:
            self.open_requested.emit(path)

    def choose_server_plan(self) -> None:
        """File → Open Server Plan…: ask for the address, then open it."""
        from qdplanner.ui.server_dialog import ask_server_address

        store = self.store
        current = str(store.path) if store is not None and store.engine == "postgresql" else ""
        address = ask_server_address(self, current)
        if address:
            self.open_requested.emit(address)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in QSettings().value("files/recent", [], type=list) if p]
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_requested.emit(p))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- window state --------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this frame has reached the screen (the rest of it is painted and flushed
            # within the same event), not before: the user sees the window first.
            QTimer.singleShot(0, self, self.first_painted.emit)  # not after the window is gone

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._painted:  # never painted (minimised, hidden): go on regardless
            QTimer.singleShot(OPEN_ANYWAY_MS, self, self._paint_overdue)

    def _paint_overdue(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 820)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if self.plan_view is not None:
            self.plan_view.save_state()

    def closeEvent(self, event) -> None:
        self.save_state()
        super().closeEvent(event)
