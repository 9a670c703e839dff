"""Quarterly collection in the window: issue workbooks, import returns with a conflict, status."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from qdplanner.store.collections import lead_units
from qdplanner.ui.collect_dialog import CollectDialog
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.collection_table import StatusCol
from qdplanner.ui.returns_dialog import ReturnsDialog
from tests.excel.collection_helpers import fill, task_ids

PERIOD = "2021Q4"  # the sample has no report of it (its ledger starts 2022Q1)


@pytest.fixture
def window(qtbot, sample_plan):
    w = MainWindow(sample_plan, language="en")
    qtbot.addWidget(w)
    return w


def issued(window, tmp_path, count=2):
    units = [u.id for u in lead_units(window.store)][:count]
    result = window.plan_view.collection.collect(tmp_path, PERIOD, units)
    assert result is not None and len(result.workbooks) == count
    return result.workbooks


def status_rows(window) -> dict[str, str]:
    view = window.plan_view.collection_view
    view.load_periods(PERIOD)
    model = view.model
    return {
        model.index(r, StatusCol.UNIT).data(): model.index(r, StatusCol.STATE).data()
        for r in range(model.rowCount())
    }


def test_the_collect_dialog_lists_lead_units_and_checks_its_input(window, tmp_path):
    dialog = CollectDialog(window.plan_view.ctx, "en", window)
    assert dialog.units.count() == len(lead_units(window.store))
    dialog.period_edit.setText("2024Q5")
    dialog._accept()
    assert dialog.result() == 0 and dialog.warning.text()
    dialog.period_edit.setText(PERIOD)
    dialog.folder_edit.setText(str(tmp_path))
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.period() == PERIOD and len(dialog.unit_ids()) == dialog.units.count()


def test_issue_then_status_shows_issued_and_not_issued(window, tmp_path):
    workbooks = issued(window, tmp_path)
    assert all(w.path.exists() for w in workbooks)
    states = set(status_rows(window).values())
    # issued without a due date: due by 2022-01-10, the 10th of the month after the quarter
    assert {"■ Late, not returned", "○ Not issued"} <= states
    assert "Wrote 2 workbook(s)" in window.statusBar().currentMessage()


def test_returns_with_a_conflict_are_resolved_in_the_dialog_and_undone(window, tmp_path):
    first, _second = issued(window, tmp_path)
    task = task_ids(first.path)[0]
    a = fill(first.path, {task: {"本期状态": "进行中", "完成进度(%)": 40}}, tmp_path / "a.xlsx")
    b = fill(first.path, {task: {"本期状态": "进行中", "完成进度(%)": 60}}, tmp_path / "b.xlsx")
    preview = window.plan_view.collection.read_returns([a, b])
    dialog = ReturnsDialog(preview, window)
    assert not dialog.apply_button.isEnabled()  # the conflict is open
    box = next(iter(dialog.choice_boxes.values()))
    assert box.count() == 3  # — choose —, a.xlsx, b.xlsx
    box.setCurrentIndex(box.findData("b.xlsx"))
    assert dialog.apply_button.isEnabled()

    assert window.plan_view.collection.apply_returns(preview, dialog.choices())
    report = window.store.db.execute(
        "SELECT percent FROM progress_reports WHERE task_id = ? AND period = ?", [task, PERIOD]
    ).fetchone()
    assert report == (60,)
    # one row of the unit's workbook filled in, the others left empty: a partial return
    assert "◐ Partly returned" in status_rows(window).values()
    window.plan_view.ctx.undo_stack.undo()
    gone = window.store.db.execute(
        "SELECT count(*) FROM progress_reports WHERE task_id = ? AND period = ?", [task, PERIOD]
    ).fetchone()
    assert gone == (0,)
    assert "◐ Partly returned" not in status_rows(window).values()


def test_a_tampered_return_is_listed_with_its_cell_and_not_applied(window, tmp_path):
    from tests.excel.collection_helpers import set_cell

    (first,) = issued(window, tmp_path, count=1)
    task = task_ids(first.path)[0]
    filled = fill(
        first.path, {task: {"本期状态": "进行中", "完成进度(%)": 40}}, tmp_path / "a.xlsx"
    )
    tampered = set_cell(filled, "D4", "改过的任务")
    preview = window.plan_view.collection.read_returns([tampered])
    dialog = ReturnsDialog(preview, window)
    assert not dialog.apply_button.isEnabled()
    problem = dialog.problems.topLevelItem(0)
    assert (
        problem.text(0) == "a.xlsx" and problem.text(2) == "4" and problem.text(3).startswith("D")
    )
