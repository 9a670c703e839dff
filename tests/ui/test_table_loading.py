"""What the window reads late to open faster still reaches the user: descriptions for the
search box, the timeline's rows when it is opened."""

from __future__ import annotations

import pytest

from qdplanner.store.server_plan import ServerPlan
from qdplanner.store.task_filter import TaskFilter
from qdplanner.store.task_rows import Scope
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models import task_table
from qdplanner.ui.models.task_table import Col


def titles(window) -> list[str]:
    m = window.plan_view.tasks
    return [m.index(r, Col.TITLE).data() for r in range(m.rowCount()) if m.row_at(r)]


def test_the_search_box_finds_a_task_by_its_description(qtbot, small_plan):
    store, ids = small_plan
    store.db.execute("UPDATE tasks SET description = '对接省级平台' WHERE id = ?", [ids["ongoing"]])
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.filter_bar.search.setText("省级平台")
    assert titles(window) == ["长期任务"]


def test_a_timeline_opened_after_filtering_shows_the_rows_the_table_shows(qtbot, small_plan):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    view = window.plan_view
    assert not view.timeline.toggle_action.isChecked()  # closed at a first start
    view.filter_bar.search.setText("任务")
    view.tasks.sort(Col.TITLE)
    view.timeline.toggle_action.setChecked(True)
    scene = view.timeline.scene
    assert list(scene.lines) == list(view.tasks.lines())
    assert scene.line_of(ids["late"]) == view.tasks.row_of_task(ids["late"])
    view.filter_bar.search.setText("逾期")  # and it follows the table from then on
    assert list(view.timeline.scene.lines) == list(view.tasks.lines())


def _describe_in_a_thread(monkeypatch, store, ids) -> None:
    """Every table reads its descriptions in a thread (a plan file's, from 500 rows on)."""
    monkeypatch.setattr(task_table, "THREAD_FROM", 0)
    with store.action("form") as ch:  # committed: what a connection of its own sees
        ch.update("tasks", ids["ongoing"], {"description": "对接省级平台"})


def test_the_first_keystroke_finds_a_description_read_in_a_thread(qtbot, small_plan, monkeypatch):
    store, ids = small_plan
    _describe_in_a_thread(monkeypatch, store, ids)
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    threaded = window.plan_view.tasks._describer is not None
    assert threaded == (not isinstance(store.path, ServerPlan))  # a plan file's only
    window.plan_view.filter_bar.search.insert("省")  # typed at once, before the idle work
    assert titles(window) == ["长期任务"]
    window.plan_view.filter_bar.search.insert("级平")
    assert titles(window) == ["长期任务"]


def test_a_thread_that_failed_leaves_the_descriptions_to_the_ui_thread(
    qtbot, small_plan, monkeypatch
):
    store, ids = small_plan
    _describe_in_a_thread(monkeypatch, store, ids)

    def fails(_store):
        raise OSError("unreadable")

    monkeypatch.setattr(task_table, "fetch_descriptions", fails)
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.filter_bar.search.insert("省级平台")
    assert titles(window) == ["长期任务"]


@pytest.mark.file_only("a plan file's connection, its transaction not committed")
def test_an_uncommitted_change_keeps_the_descriptions_in_the_ui_thread(small_plan, monkeypatch):
    store, ids = small_plan
    monkeypatch.setattr(task_table, "THREAD_FROM", 0)
    store.db.execute("BEGIN")
    store.db.execute("UPDATE tasks SET description = '对接省级平台' WHERE id = ?", [ids["ongoing"]])
    assert store.db.conn.in_transaction
    model = task_table.TaskTableModel()
    model.load(store, Scope())
    assert model._describer is None  # a connection of its own would not see the change
    model.set_filter(TaskFilter(text="省级平台"))
    assert [r.title for r in model.rows()] == ["长期任务"]
    store.db.conn.rollback()
