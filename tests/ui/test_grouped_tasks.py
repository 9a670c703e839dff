"""全部任务 under a header line per program / project: counts and lights, folding, and the
table still edits, pastes, copies, sorts, filters and lines up with the timeline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt

from qdplanner.domain.enums import StatusLight
from qdplanner.store.task_filter import TaskFilter
from qdplanner.store.task_groups import TaskGroup
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.group_rows import GROUPING_KEY
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


@pytest.fixture(autouse=True)
def english(qapp):
    from qdplanner.ui.i18n import install_language

    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


@pytest.fixture
def window(qtbot, small_plan):
    store, _ = small_plan
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.plan_view.timeline.toggle_action.setChecked(True)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def names(window) -> list[str]:
    """The table's lines: ``[group, count]`` for a header line, else the task's title."""
    m = window.plan_view.tasks
    out = []
    for r in range(m.rowCount()):
        group = m.group_at(r)
        out.append(f"[{group.label}, {group.count}]" if group else m.row_at(r).title)
    return out


def line_of(window, title: str) -> int:
    m = window.plan_view.tasks
    return next(r for r in range(m.rowCount()) if m.row_at(r) and m.row_at(r).title == title)


def header_line(window, label: str) -> int:
    m = window.plan_view.tasks
    return next(r for r in range(m.rowCount()) if m.group_at(r) and m.group_at(r).label == label)


def click_line(window, qtbot, row: int) -> None:
    table = window.plan_view.table
    rect = table.visualRect(window.plan_view.tasks.index(row, Col.TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_all_tasks_shows_each_tasks_program_or_project(window):
    assert names(window) == ["[计划一, 1]", "长期任务", "[工程一, 2]", "逾期任务", "子任务"]
    m = window.plan_view.tasks
    group = None
    for r in range(m.rowCount()):  # every task sits under its own program's or project's line
        group = m.group_at(r) or group
        if m.row_at(r):
            assert m.row_at(r).stream_name == group.label
    assert m.index(0, Col.TITLE).data() == "计划一 — 1 task(s)"
    # without header lines, the Program / project column still names it
    window.plan_view.group_rows.grouping.setChecked(False)
    assert names(window) == ["长期任务", "逾期任务", "子任务"]
    assert [m.index(r, Col.STREAM).data() for r in range(3)] == ["计划一", "工程一", "工程一"]


def test_headers_count_tasks_and_tally_their_lights(window):
    m = window.plan_view.tasks
    project = m.group_at(header_line(window, "工程一"))
    assert project.count == 2
    assert project.lights == ((StatusLight.DONE, 1), (StatusLight.RED, 1))  # the bar's order
    program = m.group_at(header_line(window, "计划一"))
    assert program.lights == ((m.row_at(line_of(window, "长期任务")).light, 1),)
    tip = m.index(header_line(window, "工程一"), Col.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "✔ Done: 1" in tip and "■ Overdue / far behind: 1" in tip


def test_a_header_line_folds_and_unfolds_by_click_key_and_menu(window, qtbot):
    view = window.plan_view
    pane = view.timeline
    click_line(window, qtbot, header_line(window, "工程一"))
    assert names(window) == ["[计划一, 1]", "长期任务", "[工程一, 2]"]  # count and lights kept
    assert view.tasks.group_at(2).collapsed
    assert len(pane.scene.lines) == 3
    view.table.setFocus()
    view.table.setCurrentIndex(view.tasks.index(2, Col.TITLE))
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert names(window)[-2:] == ["逾期任务", "子任务"]
    view.group_rows.collapse_all.trigger()
    assert names(window) == ["[计划一, 1]", "[工程一, 2]"]
    assert "2 of 3" not in view.file_label.text()  # folded tasks are still shown tasks
    view.group_rows.expand_all.trigger()
    assert len(names(window)) == 5


def test_the_chosen_task_stays_chosen_when_a_group_above_folds(window, qtbot):
    view = window.plan_view
    view.table.setCurrentIndex(view.tasks.index(line_of(window, "逾期任务"), Col.PERCENT))
    view.tasks.set_collapsed(view.tasks.group_at(0).key, True)
    current = view.table.currentIndex()
    assert view.tasks.row_at(current.row()).title == "逾期任务"
    assert current.column() == Col.PERCENT
    assert view.task_actions.current_task() == view.detail.task_id


def test_editing_a_cell_in_a_grouped_view_edits_that_task_and_its_tally(window, small_plan):
    store, ids = small_plan
    m = window.plan_view.tasks
    row = line_of(window, "逾期任务")
    assert m.setData(m.index(row, Col.PERCENT), "100")
    assert m.setData(m.index(row, Col.STATUS), "已完成")
    assert store.db["tasks"].get(ids["late"])["percent"] == 100
    assert store.db["tasks"].get(ids["ongoing"])["percent"] == 20  # the other group's task
    assert m.group_at(header_line(window, "工程一")).lights == ((StatusLight.DONE, 2),)
    window.plan_view.undo_action.trigger()
    window.plan_view.undo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["percent"] == 50
    project = m.group_at(header_line(window, "工程一"))
    assert project.lights == ((StatusLight.DONE, 1), (StatusLight.RED, 1))


def test_a_header_line_is_not_a_task(window):
    view = window.plan_view
    index = view.tasks.index(0, Col.PERCENT)
    assert not view.tasks.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not view.tasks.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert not view.tasks.setData(index, "10")
    view.table.setCurrentIndex(index)
    assert view.task_actions.current_task() is None
    assert view.detail.task_id is None


def test_timeline_lines_stay_aligned_with_the_tables(window, qtbot):
    view = window.plan_view
    pane = view.timeline

    def aligned():
        lines = pane.scene.lines
        assert len(lines) == view.tasks.rowCount()
        for r, line in enumerate(lines):
            if isinstance(line, TaskGroup):
                assert view.tasks.group_at(r) == line
            else:
                assert view.tasks.row_at(r) is line
        assert view.table.rowHeight(0) * view.tasks.rowCount() == pane.scene.body_height

    aligned()
    click_line(window, qtbot, header_line(window, "计划一"))
    aligned()
    view.filter_bar.changed.emit(TaskFilter(text="任务"))
    aligned()
    view.table.sortByColumn(Col.TITLE, Qt.SortOrder.DescendingOrder)
    aligned()
    view.table.setCurrentIndex(view.tasks.index(line_of(window, "子任务"), Col.TITLE))
    assert pane.scene.selected == {line_of(window, "子任务")}


def test_filter_keeps_only_the_groups_with_matches(window):
    view = window.plan_view
    view.filter_bar.changed.emit(TaskFilter(text="逾期"))
    assert names(window) == ["[工程一, 1]", "逾期任务"]
    assert view.tasks.group_at(0).lights == ((StatusLight.RED, 1),)
    view.filter_bar.changed.emit(TaskFilter(lights=frozenset({StatusLight.GREEN})))
    assert names(window) == []
    view.filter_bar.changed.emit(TaskFilter())
    assert len(names(window)) == 5


def test_sorting_sorts_within_each_group(window):
    view = window.plan_view
    view.table.sortByColumn(Col.TITLE, Qt.SortOrder.DescendingOrder)
    assert names(window) == ["[计划一, 1]", "长期任务", "[工程一, 2]", "逾期任务", "子任务"]
    view.table.sortByColumn(Col.TITLE, Qt.SortOrder.AscendingOrder)
    assert names(window) == ["[计划一, 1]", "长期任务", "[工程一, 2]", "子任务", "逾期任务"]


def test_copying_a_selection_leaves_out_the_header_lines(window):
    view = window.plan_view
    selection = view.table.selectionModel()
    first = view.tasks.index(0, Col.CODE)
    last = view.tasks.index(view.tasks.rowCount() - 1, Col.TITLE)
    from PySide6.QtCore import QItemSelection

    selection.select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    text = view.clipboard.selection_text()
    assert [line.split("\t")[1] for line in text.splitlines()] == ["长期任务", "逾期任务", "子任务"]
    assert "task(s)" not in text


def test_a_pasted_block_fills_task_lines_across_a_header(window, small_plan):
    store, ids = small_plan
    view = window.plan_view
    view.table.setCurrentIndex(view.tasks.index(line_of(window, "长期任务"), Col.PERCENT))
    assert view.clipboard.paste_text("30\n60\n") is None
    assert store.db["tasks"].get(ids["ongoing"])["percent"] == 30
    assert store.db["tasks"].get(ids["late"])["percent"] == 60  # the header line skipped
    assert store.db["tasks"].get(ids["child"])["percent"] == 100
    assert view.ctx.undo_stack.count() == 1
    view.undo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["percent"] == 50


def test_one_program_or_project_has_no_header_and_the_choice_is_remembered(window, small_plan):
    _, ids = small_plan
    view = window.plan_view
    view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.PROJECT, ids["project"])))
    assert names(window) == ["逾期任务", "子任务"]
    view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.DOCUMENT, ids["doc"])))
    assert names(window)[0] == "[计划一, 1]"  # a plan document's tasks are grouped too
    view.group_rows.grouping.setChecked(False)
    assert QSettings().value(GROUPING_KEY, type=bool) is False
    assert names(window) == ["长期任务", "逾期任务", "子任务"]


def test_header_lines_are_drawn_across_the_table(window):
    """The header's words are painted over its row, whatever the column widths."""
    view = window.plan_view
    picture = view.table.viewport().grab().toImage()
    top = view.table.rowViewportPosition(0)
    # the header's grey band runs across the whole width of the viewport
    right = picture.width() - 3
    assert picture.pixelColor(QPoint(right, top + 3)).name() == "#e4e4e4"
