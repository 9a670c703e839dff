"""The filter bar narrows the table as the user types, and says how many match."""

from __future__ import annotations

from qdplanner.domain.enums import StatusLight
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


def titles(window):
    """The titles of the tasks shown (a program's or project's header line is no task)."""
    m = window.plan_view.tasks
    return [m.index(r, Col.TITLE).data() for r in range(m.rowCount()) if m.row_at(r)]


def test_typing_in_the_search_box_filters_the_table(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    for char in "逾期":  # typed one character at a time (QTest.keyClicks cannot type CJK)
        window.plan_view.filter_bar.search.insert(char)
    assert titles(window) == ["逾期任务"]
    assert "1 of 3 tasks match" in window.plan_view.file_label.text()
    window.plan_view.filter_bar.clear()
    assert len(titles(window)) == 3


def test_unit_and_light_filters_combine(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.filter_bar.unit.setEditText("市科技局")
    assert titles(window) == ["逾期任务"]
    window.plan_view.filter_bar.light.setCurrentIndex(
        window.plan_view.filter_bar.light.findData(StatusLight.DONE)
    )
    assert titles(window) == []


def test_a_bad_date_in_the_range_is_marked_and_ignored(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.filter_bar.due_from.setText("2024-13-01")
    assert "YYYY-MM-DD" in window.plan_view.filter_bar.due_from.toolTip()
    assert len(titles(window)) == 3
    window.plan_view.filter_bar.due_from.setText("2024-01-01")
    assert titles(window) == ["子任务"]


def test_filter_stays_when_switching_nodes(qtbot, small_plan):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.filter_bar.search.setText("子任务")
    from qdplanner.store.task_rows import Scope, ScopeKind

    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    assert titles(window) == ["子任务"]


def test_the_unit_filter_finds_a_unit_by_part_of_any_written_form(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    bar = window.plan_view.filter_bar
    for text in ("市科技", "科学技术", "青岛市科技局", "市 科技局"):
        bar.unit.setEditText(text)
        assert titles(window) == ["逾期任务"], text
    bar.unit.setEditText("市教育局")  # no such unit: nothing matches, nothing is guessed
    assert titles(window) == []
