"""Copy to and paste from spreadsheets: a block is checked whole and is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.clipboard import from_tsv, to_tsv
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


def test_tsv_round_trip_keeps_tabs_quotes_and_line_breaks():
    rows = [["任务甲", "多行\n说明", 'a "quoted" word'], ["x\ty", "", "80"]]
    assert from_tsv(to_tsv(rows)) == rows


def test_excel_clipboard_with_crlf_and_trailing_newline():
    assert from_tsv("a\tb\r\nc\td\r\n") == [["a", "b"], ["c", "d"]]


@pytest.fixture
def window(qtbot, small_plan):
    store, ids = small_plan
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.plan_view.tree.setCurrentIndex(
        w.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    return w


def at(window, row, col):
    return window.plan_view.tasks.index(row, col)


def test_copy_gives_tab_separated_cells(window):
    sel = window.plan_view.table.selectionModel()
    sel.select(at(window, 0, Col.TITLE), QItemSelectionModel.SelectionFlag.Select)
    sel.select(at(window, 0, Col.DUE), QItemSelectionModel.SelectionFlag.Select)
    sel.select(at(window, 1, Col.TITLE), QItemSelectionModel.SelectionFlag.Select)
    text = window.plan_view.clipboard.selection_text()
    assert text.splitlines()[0] == "逾期任务\t2022-12-31"
    assert text.splitlines()[1] == "子任务\t"


def test_pasting_a_block_fills_rows_and_columns_as_one_undo_step(window):
    store = window.store
    window.plan_view.table.setCurrentIndex(at(window, 0, Col.PERCENT))  # % | status | lead
    error = window.plan_view.clipboard.paste_text("60\t进行中\t市财政局\n100\t已完成\t市科技局\n")
    assert error is None
    assert [at(window, r, Col.PERCENT).data() for r in (0, 1)] == [60, 100]
    assert at(window, 0, Col.LEAD).data() == "市财政局"
    assert window.plan_view.ctx.undo_stack.count() == 1
    assert window.plan_view.undo_action.text() == "&Undo Paste 2 row(s)"
    window.plan_view.undo_action.trigger()
    assert [at(window, r, Col.PERCENT).data() for r in (0, 1)] == [50, 100]
    assert at(window, 0, Col.LEAD).data() == "市科技局"
    assert store.db["tasks"].get(window.plan_view.tasks.row_at(0).id)["percent"] == 50


def test_one_bad_cell_refuses_the_whole_block_naming_row_and_column(window):
    window.plan_view.table.setCurrentIndex(at(window, 0, Col.PERCENT))
    error = window.plan_view.clipboard.paste_text("100\n140\n")  # row 2 is done: 100 fits
    assert "Row 2" in error and "Progress %" in error
    assert at(window, 0, Col.PERCENT).data() == 50  # the good first row was not applied
    assert window.plan_view.ctx.undo_stack.count() == 0


def test_rows_pasted_below_the_last_task_become_new_tasks_in_one_step(window):
    store = window.store
    window.plan_view.table.setCurrentIndex(at(window, 1, Col.TITLE))
    error = window.plan_view.clipboard.paste_text("子任务（改）\n新增任务甲\n新增任务乙\n")
    assert error is None
    titles = [at(window, r, Col.TITLE).data() for r in range(window.plan_view.tasks.rowCount())]
    assert titles == ["逾期任务", "子任务（改）", "新增任务甲", "新增任务乙"]
    new = store.db.execute("SELECT project_id, parent_id FROM tasks WHERE title = '新增任务甲'")
    assert new.fetchone()[1] is None  # at the top level of the last row's project
    assert window.plan_view.ctx.undo_stack.count() == 1
    window.plan_view.undo_action.trigger()
    assert [at(window, r, Col.TITLE).data() for r in range(window.plan_view.tasks.rowCount())] == [
        "逾期任务",
        "子任务",
    ]
    window.plan_view.redo_action.trigger()
    assert window.plan_view.tasks.rowCount() == 4


def test_a_bad_cell_in_an_appended_row_refuses_everything(window):
    window.plan_view.table.setCurrentIndex(at(window, 1, Col.PERCENT))
    error = window.plan_view.clipboard.paste_text("100\n140\n")  # row 2 is done: 100 fits
    assert "Row 3" in error and "0 to 100" in error
    assert window.plan_view.tasks.rowCount() == 2
    assert window.store.db["tasks"].count == 3


def test_one_value_pasted_over_a_selection_fills_every_row(window):
    sel = window.plan_view.table.selectionModel()
    for row in (0, 1):
        sel.select(at(window, row, Col.STATUS), QItemSelectionModel.SelectionFlag.Select)
    window.plan_view.table.setCurrentIndex(at(window, 0, Col.STATUS))
    sel.select(at(window, 1, Col.STATUS), QItemSelectionModel.SelectionFlag.Select)
    assert window.plan_view.clipboard.paste_text("暂缓") is None
    assert [window.plan_view.tasks.row_at(r).status for r in (0, 1)] == ["suspended", "suspended"]
    assert window.plan_view.ctx.undo_stack.count() == 1  # one bulk edit, one undo step
    window.plan_view.undo_action.trigger()
    assert [window.plan_view.tasks.row_at(r).status for r in (0, 1)] == ["in_progress", "done"]
