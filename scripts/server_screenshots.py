"""Screenshots of the window on a plan kept on a PostgreSQL server (issue 19), for review.

    .venv/bin/python scripts/server_screenshots.py [OUTDIR]     # default /tmp/server_shots

Starts a throw-away server as the tests do (tests/pg_server.py: Debian's ``postgresql``
binaries, a Unix socket in a temporary folder), puts the sample plan on it, and writes with
``QWidget.grab()``, for each language (``zh_CN``, ``en``):

- ``server_dialog_<lang>.png``: File → Open Server Plan…, filled in;
- ``server_window_<lang>.png``: a window on the server plan, scrolled, a task chosen, just
  after another editor (the role ``wang_fang``, in a second window) changed a task: the
  status bar says who changed what, the selection and scroll are where they were;
- ``server_password_<lang>.png``: what the window says when the server asks for a password;
- ``server_connecting_<lang>.png``: the window waiting for a server that does not answer, its
  busy dialog offering Cancel;
- ``server_reader_<lang>.png``: the plan opened by a role that may only read it (the README's
  plan_readers): read-only, and the status bar says why.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

OTHER_EDITOR = "wang_fang"
READER = "li_si"  # a role granted SELECT only


def _wait(app, condition, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def shoot_dialog(app, out: Path, language: str) -> None:
    from qdplanner.ui.server_dialog import ServerPlanDialog

    dialog = ServerPlanDialog(None, "")
    for edit, text in (
        (dialog.host, "db.example.org"),
        (dialog.port, "5432"),
        (dialog.database, "qingdao_plan"),
        (dialog.user, "li_ming"),
    ):
        edit.setText(text)
        edit.textEdited.emit(text)
    dialog.show()
    dialog.database.setFocus()
    app.processEvents()
    dialog.grab().save(str(out / f"server_dialog_{language}.png"))
    dialog.close()


def shoot_password(app, out: Path, language: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from qdplanner.ui.server_dialog import password_help

    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("App", "Cannot open plan"))
    address = "postgresql://li_ming@db.example.org:5432/qingdao_plan"
    box.setText(
        QCoreApplication.translate("Messages", "{address}: cannot connect to the server ({reason})")
        .replace("{address}", address)
        .replace(
            "{reason}",
            'connection to server at "db.example.org" (10.0.0.5), port 5432 failed: '
            "fe_sendauth: no password supplied",
        )
    )
    box.setInformativeText(password_help())
    box.show()
    app.processEvents()
    box.grab().save(str(out / f"server_password_{language}.png"))
    box.close()


def shoot_window(app, out: Path, language: str, url: str, other_url: str) -> None:
    from qdplanner.store import PlanStore
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.models.task_table import Col

    mine = MainWindow(PlanStore.open(url), language=language)
    theirs = MainWindow(PlanStore.open(other_url), language=language)
    for window in (mine, theirs):
        window.resize(1500, 820)
        window.show()
    app.processEvents()
    view, other = mine.plan_view, theirs.plan_view
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    app.processEvents()
    row = view.table.rowAt(view.table.viewport().height() // 3)
    while view.tasks.row_at(row) is None:
        row += 1
    view.table.setCurrentIndex(view.tasks.index(row, Col.PERCENT))
    app.processEvents()
    # the other editor renames the task three rows below
    changed = row + 3
    while other.tasks.row_at(changed) is None:
        changed += 1
    task = view.tasks.row_at(changed).id
    at = other.tasks.row_of_task(task)
    done = []
    if view.live is not None:
        view.live.refreshed.connect(done.append)
    title = other.tasks.row_at(at).title
    if not other.tasks.setData(other.tasks.index(at, Col.TITLE), title + "（已调整）"):
        print(f"{language}: the other editor's edit was refused: {other.last_refusal}")
    if not _wait(app, lambda: bool(done)):
        print(f"{language}: no refresh within 5 s", file=sys.stderr)
    app.processEvents()
    mine.grab().save(str(out / f"server_window_{language}.png"))
    for window in (theirs, mine):
        store = window.store
        window.close()
        store.close()


def shoot_connecting(app, out: Path, language: str) -> None:
    import contextlib
    import socket
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    from qdplanner.store import PlanStore
    from qdplanner.ui.background import Cancelled, open_in_background
    from qdplanner.ui.main_window import MainWindow

    silent = socket.socket()  # takes the connection, never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    held: list[socket.socket] = []
    threading.Thread(target=lambda: held.append(silent.accept()[0]), daemon=True).start()
    address = f"postgresql://li_ming@127.0.0.1:{silent.getsockname()[1]}/qingdao_plan"
    window = MainWindow(language=language)
    window.resize(1000, 600)
    window.show()
    app.processEvents()

    def shoot(dialog) -> None:
        def grab() -> None:  # the window with its dialog drawn where it stands over it
            from PySide6.QtCore import QPoint
            from PySide6.QtGui import QPainter

            picture = window.grab()
            painter = QPainter(picture)
            where = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
            painter.drawPixmap(where, dialog.grab())
            painter.end()
            picture.save(str(out / f"server_connecting_{language}.png"))
            dialog.findChild(QPushButton).click()

        QTimer.singleShot(900, grab)

    from PySide6.QtCore import QCoreApplication

    label = QCoreApplication.translate("App", "Connecting to %1…").replace("%1", address)
    with contextlib.suppress(Cancelled):  # given up, as a person would
        open_in_background(window, label, lambda: PlanStore.open(address), on_dialog=shoot)
    silent.close()
    for conn in held:
        conn.close()
    window.close()


def shoot_reader(app, out: Path, language: str, url: str, database: str, server) -> None:
    import psycopg

    from qdplanner.store import PlanStore
    from qdplanner.ui.main_window import MainWindow

    with psycopg.connect(server.url(database), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {READER}_{language.lower()} LOGIN")
        admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER}_{language.lower()}")
    store = PlanStore.open(url.replace("user=postgres", f"user={READER}_{language.lower()}"))
    window = MainWindow(store, language=language)
    window.resize(1500, 820)
    window.show()
    app.processEvents()
    window.grab().save(str(out / f"server_reader_{language}.png"))
    window.close()
    store.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/server_shots")
    out.mkdir(parents=True, exist_ok=True)
    from tests.pg_server import SKIP_REASON, PgServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        print(SKIP_REASON, file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("qdplanner-screenshots")  # not the user's own settings
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.i18n import install_language

    apply_cjk_font(app)
    server = PgServer(bindir)
    server.start()
    try:
        import psycopg

        from qdplanner.store.sample import create_sample_plan

        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {OTHER_EDITOR} LOGIN SUPERUSER")
        with tempfile.TemporaryDirectory():
            for language in ("zh_CN", "en"):
                install_language(app, language)
                name = server.create_database(f"qingdao_{language.lower()}")
                url = server.url(name)
                create_sample_plan(url).close()
                other_url = url.replace("user=postgres", f"user={OTHER_EDITOR}")
                shoot_dialog(app, out, language)
                shoot_window(app, out, language, url, other_url)
                shoot_password(app, out, language)
                shoot_connecting(app, out, language)
                shoot_reader(app, out, language, url, name, server)
    finally:
        server.stop()
    for path in sorted(out.glob("server_*.png")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
