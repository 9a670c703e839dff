"""The window on a plan kept on a PostgreSQL server (issue 19): File → Open Server Plan…,
the recent list without passwords, a server that cannot be reached, and other editors'
changes appearing in every open window with the selection and scroll kept. Run on the
session's test server (tests/pg_server.py); skipped, saying what to install, without it."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from qdplanner.addresses import is_server_address
from qdplanner.store import PlanStore
from qdplanner.ui import live_refresh
from qdplanner.ui.app import Controller, initial_plan
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col
from qdplanner.ui.server_dialog import (
    ServerPlanDialog,
    asks_for_password,
    compose,
    fields_of,
    password_help,
)

SECRET = "s3cret-Pw"


@pytest.fixture
def controller(qapp):
    c = Controller(qapp, "en")
    yield c
    if c.window is not None:
        c.window.close()
    c.shutdown()


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes shown (text, informative text), none waiting for a click."""
    shown: list[tuple[str, str]] = []

    def exec_(box):
        shown.append((box.text(), box.informativeText()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((text, ""))
    )
    return shown


def test_the_fields_make_the_address_and_an_address_fills_the_fields():
    assert compose("db.example.org", "5433", "qingdao plan", "li") == (
        "postgresql://li@db.example.org:5433/qingdao%20plan"
    )
    assert compose("/run/postgresql", "", "plan", "") == "postgresql:///plan?host=/run/postgresql"
    assert fields_of("postgresql://li:pw@db.example.org:5433/qingdao%20plan") == {
        "host": "db.example.org",
        "port": "5433",
        "database": "qingdao plan",
        "user": "li",
    }
    assert fields_of("/home/li/plan.qdplan") is None


def test_the_dialog_keeps_fields_and_address_in_step_and_has_no_password_field(qtbot):
    dialog = ServerPlanDialog(None, f"postgresql://li:{SECRET}@db:5432/plan")
    qtbot.addWidget(dialog)
    assert SECRET not in dialog.address()  # a remembered or suggested address: no password
    fields = (dialog.host.text(), dialog.port.text(), dialog.database.text())
    assert fields == ("db", "5432", "plan")
    qtbot.keyClicks(dialog.database, "2")
    assert dialog.address() == "postgresql://li@db:5432/plan2"
    assert dialog.open_button.isEnabled()
    dialog.address_edit.clear()
    qtbot.keyClicks(dialog.address_edit, "not an address")
    assert not dialog.open_button.isEnabled()
    from PySide6.QtWidgets import QLineEdit

    echo = QLineEdit.EchoMode.Normal
    assert all(edit.echoMode() == echo for edit in dialog.findChildren(QLineEdit))
    assert "PGPASSWORD" in dialog.password_note.text()


def test_open_a_server_plan_from_the_dialog_and_remember_it_without_its_password(
    controller, server_plan_url, monkeypatch, qtbot
):
    url = server_plan_url("sample")
    typed = f"{url}&password={SECRET}"  # trust authentication: the password is not needed

    def answer(dialog):
        dialog.address_edit.setText(typed)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ServerPlanDialog, "exec", answer)
    window = MainWindow(language="en")
    qtbot.addWidget(window)
    window.open_requested.connect(controller.open_plan)
    window.findChild(type(window.file_menu.actions()[0]), "openServerPlanAction").trigger()
    store = controller.store
    assert store is not None and store.engine == "postgresql"
    assert store.path.name in controller.window.windowTitle()
    assert "(server)" in controller.window.windowTitle()
    label = controller.window.plan_view.file_label.text()
    assert url in label and SECRET not in label
    recent = QSettings().value("files/recent", [], type=list)
    assert recent == [url] and QSettings().value("files/lastPlan") == url
    assert not any(SECRET in str(v) for v in (recent, QSettings().value("files/lastPlan")))
    assert initial_plan(None) == url  # reopened at the next start
    assert controller.window.plan_view.tasks.rowCount() > 0


def test_a_role_that_may_only_read_gets_the_plan_read_only_and_told_why(
    controller, server_plan_url, pg_server, qtbot
):
    """Tried on a fresh machine: a reader (the README's plan_readers) got cells that looked
    editable, each edit refused with a clipped 'permission denied'. The plan now opens
    read-only for such a role, saying why, as a plan file opened read-only does."""
    import os

    import psycopg

    url = server_plan_url("sample")
    database = url.split("?")[0].rsplit("/", 1)[1]
    role = f"reader_{os.getpid()}"
    with psycopg.connect(pg_server.url(database), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"')
    window = None
    try:
        assert controller.open_plan(url.replace("user=postgres", f"user={role}"))
        window = controller.window
        assert window.windowTitle().endswith("(read-only)")
        assert window.statusBar().currentMessage() == (
            "Read-only: your database role may read this plan, not change it."
        )
        tasks = window.plan_view.tasks
        row = next(r for r in range(tasks.rowCount()) if tasks.row_at(r) is not None)
        assert not tasks.flags(tasks.index(row, Col.PERCENT)) & Qt.ItemFlag.ItemIsEditable
        assert not window.plan_view.progress_action.isEnabled()
    finally:
        if window is not None:
            window.close()
        controller.shutdown()
        with psycopg.connect(pg_server.url(database), autocommit=True) as conn:
            conn.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"')
        with psycopg.connect(pg_server.url(), autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def test_the_last_server_plan_reopens_at_start(controller, server_plan_url, qtbot):
    url = server_plan_url("sample")
    QSettings().setValue("files/lastPlan", url)
    controller.start(None)
    qtbot.waitUntil(lambda: controller.store is not None, timeout=10_000)
    assert str(controller.store.path) == url
    assert controller.window.plan_view.tasks.rowCount() > 0


def test_a_server_that_cannot_be_reached_at_start_is_said_not_hung_on(controller, boxes, qtbot):
    # Nothing listens on port 1: refused at once (an unreachable host waits connect_timeout)
    QSettings().setValue("files/lastPlan", "postgresql://li@127.0.0.1:1/plan")
    started = time.monotonic()
    controller.start(None)
    qtbot.waitUntil(lambda: bool(boxes), timeout=15_000)
    assert time.monotonic() - started < 12
    text, _info = boxes[0]
    assert "postgresql://li@127.0.0.1:1/plan: cannot connect to the server" in text
    assert controller.store is None and controller.window.plan_view is None
    assert controller.window.no_plan.message.text() == "No plan is open."


def test_a_server_that_does_not_answer_leaves_the_window_responsive_and_can_be_given_up(
    controller, boxes, qtbot
):
    """A server that takes the connection but never answers: the window does not hang on
    it — a busy dialog says what it waits for, the window repaints, and Cancel gives up at
    once, changing nothing and saying nothing more."""
    import socket
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    port = silent.getsockname()[1]
    held: list[socket.socket] = []
    threading.Thread(target=lambda: held.append(silent.accept()[0]), daemon=True).start()
    seen: list[str] = []

    def give_up() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        if not dialogs or not dialogs[0].isVisible():
            QTimer.singleShot(100, give_up)
            return
        seen.append(dialogs[0].labelText())
        dialogs[0].findChild(QPushButton).click()  # the dialog's Cancel

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, give_up)
    started = time.monotonic()
    try:
        assert not controller.open_plan(f"postgresql://li@127.0.0.1:{port}/plan?connect_timeout=8")
        waited = time.monotonic() - started
    finally:
        silent.close()
        for conn in held:
            conn.close()
    assert seen == [f"Connecting to postgresql://li@127.0.0.1:{port}/plan?connect_timeout=8…"]
    assert waited < 3, "Cancel gave up at once, not after the connection's timeout"
    assert boxes == [] and controller.store is None


def test_a_server_asking_for_a_password_is_told_how_to_give_one(controller, boxes, monkeypatch):
    from qdplanner.store import server_connect

    class NoPassword(Exception):
        sqlstate = None

    def refuse(url, **_kwargs):
        try:
            raise NoPassword("connection failed: fe_sendauth: no password supplied")
        except NoPassword as exc:
            raise server_connect.ServerError(
                "{address}: cannot connect to the server ({reason})",
                address=server_connect.shown(url),
                reason=server_connect.reason(exc, url),
            ) from None

    monkeypatch.setattr(server_connect, "connect", refuse)
    assert not controller.open_plan(f"postgresql://li:{SECRET}@db.example.org/plan")
    text, info = boxes[0]
    assert "no password supplied" in text and SECRET not in text
    assert info == password_help()
    assert "~/.pgpass" in info and "PGPASSWORD" in info
    assert asks_for_password(Exception("password authentication failed for user li"))
    assert not asks_for_password(Exception("database plan does not exist"))


def test_save_a_copy_of_a_server_plan_writes_a_plan_file(
    server_plan_url, tmp_path, monkeypatch, qtbot
):
    from PySide6.QtWidgets import QFileDialog

    store = PlanStore.open(server_plan_url("sample"))
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    target = tmp_path / "copy.qdplan"
    offered = []

    def choose(parent, caption, folder, filters, *a, **k):
        offered.append(folder)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    window.plan_view._save_copy()
    assert offered[0].endswith(f"{store.path.stem}.qdplan") and "postgresql" not in offered[0]
    copy = PlanStore.open(target)
    try:
        assert copy.db.execute("SELECT count(*) FROM tasks").fetchone()[0] > 0
    finally:
        copy.close()
    store.close()


# -- other editors' changes ------------------------------------------------------------
def _window(qtbot, url: str) -> MainWindow:
    window = MainWindow(PlanStore.open(url), language="en")
    qtbot.addWidget(window)
    window.resize(900, 420)  # the sample's 61 tasks do not fit: the table scrolls
    window.show()
    qtbot.waitExposed(window)
    return window


def _selected(view) -> list[int]:
    rows = [view.tasks.row_at(i.row()) for i in view.table.selectionModel().selectedRows()]
    return sorted(r.id for r in rows if r is not None)


def _close(*windows: MainWindow) -> None:
    for window in windows:
        store = window.store
        window.close()
        store.close()


def test_an_edit_in_one_window_appears_in_the_other_with_its_selection_and_scroll_kept(
    server_plan_url, qtbot
):
    url = server_plan_url("sample")
    a, b = _window(qtbot, url), _window(qtbot, url)
    try:
        assert a.plan_view.live is not None and b.plan_view.live is not None
        view_a, view_b = a.plan_view, b.plan_view
        # B: scrolled to the middle, a task chosen in the percent column, two rows selected
        table = view_b.table
        bar = table.verticalScrollBar()
        assert bar.maximum() > 0
        bar.setValue(bar.maximum() // 2)
        row = table.rowAt(table.viewport().height() // 2)
        chosen = view_b.tasks.row_at(row)
        while chosen is None:  # a group's header line: the next row
            row += 1
            chosen = view_b.tasks.row_at(row)
        table.setCurrentIndex(view_b.tasks.index(row, Col.PERCENT))
        other = next(r for r in range(row + 1, row + 5) if view_b.tasks.row_at(r) is not None)
        flags = QItemSelectionModel.SelectionFlag
        table.selectionModel().select(view_b.tasks.index(other, 0), flags.Select | flags.Rows)
        selected = _selected(view_b)
        assert len(selected) == 2
        scrolled = bar.value()
        # A: another task's title changed
        edited_row = next(
            r for r in range(view_a.tasks.rowCount()) if view_a.tasks.row_at(r) is not None
        )
        edited = view_a.tasks.row_at(edited_row).id
        assert view_a.tasks.setData(view_a.tasks.index(edited_row, Col.TITLE), "由甲修改的任务")
        started = time.monotonic()
        qtbot.waitUntil(
            lambda: (
                view_b.tasks.data(view_b.tasks.index(view_b.tasks.row_of_task(edited), Col.TITLE))
                == "由甲修改的任务"
            ),
            timeout=2_000,
        )
        assert time.monotonic() - started < 2.0
        current = table.currentIndex()
        assert view_b.tasks.row_at(current.row()).id == chosen.id
        assert current.column() == Col.PERCENT
        assert view_b.detail.task_id == chosen.id
        assert bar.value() == scrolled
        assert _selected(view_b) == selected and len(selected) == 2
        message = b.statusBar().currentMessage()
        assert "changed the plan" in message and view_a.store.user in message
    finally:
        _close(a, b)


def test_a_cell_being_edited_is_not_interrupted_the_refresh_comes_after(server_plan_url, qtbot):
    url = server_plan_url("sample")
    a, b = _window(qtbot, url), _window(qtbot, url)
    try:
        view_a, view_b = a.plan_view, b.plan_view
        rows = [r for r in range(view_b.tasks.rowCount()) if view_b.tasks.row_at(r) is not None]
        b.activateWindow()
        index = view_b.tasks.index(rows[0], Col.NOTES)
        view_b.table.setCurrentIndex(index)
        view_b.table.edit(index)
        assert view_b.live.busy()
        edited = view_a.tasks.row_at(rows[1]).id
        assert view_a.tasks.setData(view_a.tasks.index(rows[1], Col.TITLE), "编辑中别动")
        refreshed = []
        view_b.live.refreshed.connect(refreshed.append)
        qtbot.waitUntil(lambda: bool(view_b.live.pending), timeout=2_000)
        qtbot.wait(600)
        assert not refreshed  # still editing: nothing re-read under the editor
        editor = next(w for w in view_b.table.viewport().findChildren(QWidget) if w.isVisible())
        editor.insert("备注")  # (QTest types ASCII only)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the editor closes: now the refresh
        qtbot.waitUntil(lambda: bool(refreshed), timeout=2_000)
        row = view_b.tasks.row_of_task(edited)
        assert view_b.tasks.data(view_b.tasks.index(row, Col.TITLE)) == "编辑中别动"
    finally:
        _close(a, b)


def test_a_file_plan_has_no_listener_and_shows_nothing_new(small_plan, qtbot):
    store, _ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    assert window.plan_view.live is None
    assert "(server)" not in window.windowTitle()
    assert window.windowTitle() == f"{store.path.name} — qdplanner"
    assert not is_server_address(str(store.path))
    assert live_refresh.attach_live_refresh(window.plan_view) is None


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_dialog_s_alt_keys_are_unique_and_its_chinese_complete(qtbot, qapp, language):
    from qdplanner.ui import server_dialog
    from qdplanner.ui.i18n import install_language
    from tests.ui.chinese_texts import LATIN, Texts, english, mnemonic_clashes

    install_language(qapp, language)
    try:
        dialog = ServerPlanDialog(None, "")
        qtbot.addWidget(dialog)
        dialog.show()
        assert mnemonic_clashes(dialog, "server dialog") == []
        if language == "zh_CN":
            texts = Texts()
            texts.widget(dialog, "server dialog")
            texts.add("password help", password_help())
            login = {w.casefold() for w in LATIN.findall(server_dialog._login_name())}
            assert english(texts.seen, login) == []  # the login name is the user's own
    finally:
        install_language(qapp, "en")


def test_the_command_line_hands_the_window_a_server_address_as_typed(monkeypatch):
    from click.testing import CliRunner

    from qdplanner.cli import open_window, window_request
    from qdplanner.cli.plan_commands import open_cmd
    from qdplanner.ui import app as app_module

    url = "postgresql://li@db.example.org:5432/qingdao"
    given = []
    monkeypatch.setattr(app_module, "run", lambda plan, lang=None: given.append(plan) or 0)
    assert window_request([url]) == (url, None)
    assert open_window(url, None) == 0
    CliRunner().invoke(open_cmd, [url])
    assert given == [url, url]  # a string, not a Path folding its //
