"""Start-up: which plan opens, language switching, and refusals shown in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from qdplanner.ui import app as app_module
from qdplanner.ui.app import Controller, initial_plan


@pytest.fixture
def controller(qapp):
    c = Controller(qapp, "en")
    yield c
    if c.window is not None:
        c.window.close()
    c.shutdown()


@pytest.fixture
def warnings_shown(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text))
    )
    return shown


def test_first_start_creates_the_sample_plan_in_the_data_folder(qapp):
    path = initial_plan(None)
    assert path.name == app_module.SAMPLE_FILE_NAME
    assert path.exists() and path.parent == app_module.data_folder()
    assert initial_plan(None) == path  # made once, then reused


def test_last_plan_used_is_opened_next_time(controller, small_plan):
    store, _ = small_plan
    store.close()
    assert controller.open_plan(store.path)
    assert Path(QSettings().value("files/lastPlan")) == store.path.resolve()
    assert initial_plan(None) == store.path.resolve()


def test_an_explicit_plan_wins_over_the_last_one(tmp_path):
    QSettings().setValue("files/lastPlan", str(tmp_path / "old.qdplan"))
    assert initial_plan(tmp_path / "new.qdplan") == tmp_path / "new.qdplan"


def test_a_foreign_file_is_refused_with_a_message_and_nothing_opens(
    controller, tmp_path, warnings_shown
):
    bad = tmp_path / "notes.qdplan"
    bad.write_text("not a plan")
    assert not controller.open_plan(bad)
    assert controller.window is None
    assert len(warnings_shown) == 1
    assert "notes.qdplan" in warnings_shown[0][1]
    assert "not an SQLite database" in warnings_shown[0][1]
    assert bad.read_text() == "not a plan"


def test_opening_another_plan_replaces_the_window_and_closes_the_old_plan(
    controller, small_plan, tmp_path
):
    store, _ = small_plan
    store.close()
    controller.open_plan(store.path)
    first_window, first_store = controller.window, controller.store
    from qdplanner.store import PlanStore

    other = tmp_path / "other.qdplan"
    PlanStore.create(other).close()
    controller.open_plan(other)
    assert controller.window is not first_window
    assert controller.store.path == other
    with pytest.raises(Exception):  # noqa: B017 - the old connection is closed
        first_store.db.execute("SELECT 1")


def test_switching_language_redraws_the_window_in_chinese(controller, small_plan):
    store, _ = small_plan
    store.close()
    controller.open_plan(store.path)
    assert controller.window.menuBar().actions()[0].text() == "&File"
    controller.set_language("zh_CN")
    assert controller.window.menuBar().actions()[0].text() == "文件(&F)"
    assert QSettings().value("ui/language") == "zh_CN"
    controller.set_language("en")


def test_a_plan_open_elsewhere_can_be_opened_read_only(controller, plan_path, monkeypatch):
    from qdplanner.store import PlanStore

    holder = PlanStore.create(plan_path)  # "another person" has it open
    monkeypatch.setattr(Controller, "_ask_about_lock", lambda self, exc: "readonly")
    assert controller.open_plan(plan_path)
    assert controller.store.readonly
    assert "(read-only)" in controller.window.windowTitle()
    assert not controller.window.plan_view.task_actions.insert.isEnabled()
    # the status bar says why, in place of the plan's address — not drawn over it (found on
    # a screenshot: Qt's own hiding was undone when the bar laid itself out again)
    bar, label = controller.window.statusBar(), controller.window.plan_view.file_label
    QApplication.processEvents()
    assert bar.currentMessage().startswith("Read-only: someone else has this plan open")
    assert not label.isVisible()
    bar.clearMessage()
    QApplication.processEvents()
    assert label.isVisible() and str(plan_path) in label.text()
    holder.close()


def test_cancelling_at_the_lock_question_opens_nothing(controller, plan_path, monkeypatch):
    from qdplanner.store import PlanStore

    holder = PlanStore.create(plan_path)
    monkeypatch.setattr(Controller, "_ask_about_lock", lambda self, exc: "")
    assert not controller.open_plan(plan_path)
    assert controller.window is None
    holder.close()


def test_breaking_the_lock_opens_for_editing(controller, plan_path, monkeypatch):
    from qdplanner.store import PlanStore

    holder = PlanStore.create(plan_path)
    monkeypatch.setattr(Controller, "_ask_about_lock", lambda self, exc: "break")
    assert controller.open_plan(plan_path)
    assert not controller.store.readonly
    holder.close()


def test_new_plan_is_created_opened_and_remembered_among_recent(controller, tmp_path, small_plan):
    store, _ = small_plan
    store.close()
    controller.open_plan(store.path)
    new = tmp_path / "新规划.qdplan"
    assert controller.new_plan(new)
    assert controller.store.path == new
    recent = QSettings().value("files/recent")
    assert recent[:2] == [str(new.resolve()), str(store.path.resolve())]
    controller.window._fill_recent_menu()
    assert [a.text() for a in controller.window.recent_menu.actions()][:2] == recent[:2]


def test_the_window_shows_first_and_the_plan_fills_it_once_on_screen(controller, small_plan, qtbot):
    store, _ = small_plan
    store.close()
    controller.start(store.path)
    window = controller.window
    # The frame is up before the plan is opened: title, menus, and a word on what is coming.
    assert window.isVisible()
    assert window.windowTitle() == f"{store.path.name} — qdplanner"
    assert controller.store is None and window.plan_view is None
    assert str(store.path) in window.no_plan.message.text()
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File", "&Edit", "&Plan", "&View", "&Help"
    ]  # fmt: skip
    qtbot.waitUntil(lambda: controller.store is not None, timeout=10_000)
    assert controller.window is window  # filled in place: no second window
    assert window.centralWidget() is window.plan_view
    assert window.plan_view.tasks.rowCount() > 0
    assert window.edit_menu.menuAction().isEnabled()
    # The frame's shortcuts (set after its first paint) are in place.
    open_action = window.file_menu.actions()[1]
    assert open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)


def test_a_plan_that_cannot_be_opened_at_start_leaves_the_window_offering_the_others(
    controller, tmp_path, warnings_shown, qtbot
):
    bad = tmp_path / "notes.qdplan"
    bad.write_text("not a plan")
    controller.start(bad)
    window = controller.window
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=10_000)
    assert "notes.qdplan" in warnings_shown[0][1]
    assert window.isVisible() and window.plan_view is None
    assert window.windowTitle() == "qdplanner"
    assert window.no_plan.message.text() == "No plan is open."
    assert [b.text() for b in window.no_plan.buttons if b.isVisible()] == [
        "Open Plan…", "New Plan…", "Open Sample Plan", "Open Server Plan…"
    ]  # fmt: skip
    assert not window.edit_menu.menuAction().isEnabled()
    sample = window.no_plan.buttons[2]
    sample.click()
    assert controller.store is not None and controller.store.path.name == "qingdao-sample.qdplan"
    assert controller.window is window and window.plan_view.tasks.rowCount() > 0


def test_the_plan_view_puts_its_entries_in_the_window_s_menus(controller, small_plan):
    store, _ = small_plan
    store.close()
    controller.open_plan(store.path)
    window = controller.window
    file_entries = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert file_entries[:5] == [
        "&New Plan…", "&Open Plan…", "Open Ser&ver Plan…", "Open &Recent", "Open &Sample Plan"
    ]  # fmt: skip
    assert file_entries[5] == "Save a &Copy As…"
    assert file_entries[-1] == "&Quit"
    view_entries = [a.text() for a in window.view_menu.actions() if not a.isSeparator()]
    assert view_entries[:5] == ["Tasks", "Units", "Indicators", "History", "Collection"]
    assert view_entries[-5:] == [
        "&Refresh",
        "&As Of…",
        "Bac&k to Today",
        "&Timeline",
        "&Language",
    ]


def test_an_unexpected_failure_while_opening_leaves_the_window_offering_the_others(
    controller, small_plan, qtbot, monkeypatch
):
    from qdplanner.store import PlanStore

    store, _ = small_plan
    store.close()

    def broken_open(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(PlanStore, "open", broken_open)
    with qtbot.capture_exceptions() as raised:
        controller.start(store.path)
        qtbot.waitUntil(lambda: bool(raised), timeout=10_000)
    assert "disk on fire" in str(raised[0][1])
    window = controller.window
    assert window.plan_view is None
    assert window.no_plan.message.text() == "No plan is open."


def test_an_unexpected_error_is_put_in_words_with_the_details_behind_a_button(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: shown.append((box.windowTitle(), box.text(), box.detailedText())),
    )
    try:
        raise ValueError("bad cell")
    except ValueError as exc:
        app_module.show_unexpected_error(type(exc), exc, exc.__traceback__)
    title, text, details = shown[0]
    assert title == "Unexpected error"
    assert text == "Something went wrong: ValueError: bad cell"
    assert "Traceback" in details and 'raise ValueError("bad cell")' in details


def test_a_plan_left_by_a_crash_opens_undone_and_the_user_is_told_once(
    controller, sample_template, tmp_path, monkeypatch
):
    import shutil

    from tests.faults import kill_mid_write, table_dump

    plan = tmp_path / "crashed.qdplan"
    shutil.copy(sample_template, plan)
    before = table_dump(plan)
    kill_mid_write(plan)
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text, *a, **k: told.append(title)
    )
    assert controller.open_plan(plan)
    assert told == ["Last change undone"]
    assert not plan.with_name("crashed.qdplan-journal").exists()
    controller.shutdown()
    assert table_dump(plan) == before
    controller.store = None
    assert controller.open_plan(plan)
    assert told == ["Last change undone"]  # once


def test_an_unreadable_lock_is_explained_and_can_be_broken(controller, plan_path, monkeypatch):
    from qdplanner.store import PlanStore
    from qdplanner.store.lock import lock_path

    PlanStore.create(plan_path).close()
    lock_path(plan_path).write_text("")  # what a full disk left behind
    asked = []

    def ask(self, exc):
        asked.append(exc.info)
        return "break"

    monkeypatch.setattr(Controller, "_ask_about_lock", ask)
    assert controller.open_plan(plan_path)
    assert asked == [None] and not controller.store.readonly


def test_a_full_disk_during_an_edit_is_a_sentence_and_changes_nothing(
    controller, sample_plan, qtbot
):
    from qdplanner.store.task_rows import Scope, ScopeKind
    from qdplanner.ui.models.task_table import Col

    path = sample_plan.path
    sample_plan.close()
    assert controller.open_plan(path)
    view = controller.window.plan_view
    view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.ALL, None)))
    store = controller.store
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    first = next(r for r in range(view.tasks.rowCount()) if view.tasks.row_at(r) is not None)
    index = view.tasks.index(first, Col.NOTES)  # a task's line, not a program's header
    with qtbot.waitSignal(view.tasks.edit_refused) as refused:
        assert not view.tasks.setData(index, "很长的备注" * 3000)
    assert "disk is full" in refused.args[1]
    assert view.ctx.undo_stack.count() == 0
