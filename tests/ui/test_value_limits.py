"""In the window, a value a plan cannot hold is refused with a message, and nothing changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.commands import EditContext
from qdplanner.ui.indicators_view import IndicatorsView
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.milestone_editor import MilestoneDialog
from qdplanner.ui.models.task_table import Col
from qdplanner.ui.models.units_table import UnitCol
from qdplanner.ui.progress_dialog import ProgressDialog
from qdplanner.ui.units_view import UnitsView


@pytest.fixture
def window(qtbot, small_plan):
    store, ids = small_plan
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.plan_view.tree.setCurrentIndex(
        w.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    w.plan_view.table.setCurrentIndex(w.plan_view.tasks.index(0, Col.TITLE))
    return w


def _task(window):
    return window.store.db["tasks"].get(window.plan_view.tasks.row_at(0).id)


@pytest.mark.parametrize(
    ("col", "text", "says"),
    [
        (Col.TITLE, "逾期\x01任务", "control character U+0001"),
        (Col.START, "9999-12-31", "between 1900-01-01 and 2100-12-31"),
        (Col.DUE, "9999-12-31", "between 1900-01-01 and 2100-12-31"),  # a due date's too
        (Col.DUE, "2101年底前", "cannot read the deadline"),
    ],
)
def test_a_table_edit_beyond_the_limits_is_refused_at_the_cell(qtbot, window, col, text, says):
    before = _task(window)
    tasks = window.plan_view.tasks
    with qtbot.waitSignal(tasks.edit_refused) as refused:
        assert not tasks.setData(tasks.index(0, col), text)
    assert says in refused.args[1]
    assert says in window.plan_view.last_refusal
    assert _task(window) == before
    assert window.plan_view.ctx.undo_stack.count() == 0


def test_a_pasted_block_with_a_control_character_is_refused_naming_row_and_column(window):
    before = _task(window)
    error = window.plan_view.clipboard.paste_text("新名称\n第二\x02行\n")
    assert "Row 2, column “Task”" in error and "U+0002" in error
    assert _task(window) == before
    assert window.plan_view.ctx.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("field", "text", "says"),
    [
        ("narrative", "进展\x01顺利", "control character U+0001"),
        ("reported_on", "9999-12-31", "between 1900-01-01 and 2100-12-31"),
    ],
)
def test_a_progress_report_beyond_the_limits_keeps_the_dialog_open(
    window, monkeypatch, field, text, says
):
    answers = iter([QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])

    def fill(dialog):
        dialog.period.setText("2024Q3")
        if field == "narrative":
            dialog.narrative.setPlainText(text)
        else:
            dialog.reported_on.setText(text)
        return next(answers)

    monkeypatch.setattr(ProgressDialog, "exec", fill)
    window.plan_view.progress_action.trigger()
    assert says in window.plan_view.last_refusal
    assert "2024Q3" in window.plan_view.last_refusal  # the report is named
    assert window.store.db["progress_reports"].count == 0


def test_a_milestone_dated_past_2100_is_refused(window, monkeypatch):
    answers = iter([QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])

    def fill(dialog):
        dialog.title.setText("远期节点")
        dialog.planned.setText("2999-06-30")
        return next(answers)

    monkeypatch.setattr(MilestoneDialog, "exec", fill)
    window.plan_view.detail._add_milestone()
    assert "(got 2999-06-30)" in window.plan_view.last_refusal
    assert window.store.db["milestones"].count == 0


def test_renaming_a_program_with_a_control_character_is_refused(window, small_plan, monkeypatch):
    store, ids = small_plan
    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROGRAM, ids["program"]))
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("计划\x03一", True))
    window.plan_view.outline_actions.rename.trigger()
    assert "U+0003" in window.plan_view.last_refusal
    assert store.db["programs"].get(ids["program"])["name"] == "计划一"


def test_a_unit_name_with_a_control_character_is_refused_at_the_cell(qtbot, small_plan):
    store, ids = small_plan
    messages: list[str] = []
    view = UnitsView(EditContext(store), show_message=messages.append)
    qtbot.addWidget(view)
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "市财政局")
    assert not model.setData(model.index(row, UnitCol.NAME), "市财政\x04局")
    assert "U+0004" in messages[-1]
    assert store.db["units"].get(ids["support"])["name"] == "市财政局"
    assert view.ctx.undo_stack.count() == 0


@pytest.mark.parametrize("typed", ["1e308", "inf", "nan", "-2e15"])
def test_an_indicator_value_beyond_the_limits_is_refused(qtbot, sample_plan, typed):
    view = IndicatorsView(EditContext(sample_plan))
    qtbot.addWidget(view)
    view.as_of = date(2025, 12, 31)
    view.refresh()
    refused: list[str] = []
    view.grid.model.edit_refused.connect(refused.append)
    grid = view.grid.model
    before = sample_plan.db["indicator_values"].count
    assert not grid.setData(grid.index(0, 1 + grid.years.index(2024)), typed)
    assert refused and "must be a number from" in refused[-1]
    assert sample_plan.db["indicator_values"].count == before
