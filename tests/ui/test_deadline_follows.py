"""The deadline phrase follows its due date (issue 17, item 2): after a drag, a typed due date,
a shift of dates, the phrase is rewritten in its own style; where it cannot be (长期坚持 with a
date, a phrase not read), the cells are flagged and Deadline from Due Date offers the fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


@pytest.fixture
def window(qtbot, small_plan):
    store, ids = small_plan
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.plan_view.tree.setCurrentIndex(
        w.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    w.ids = ids
    return w


def _cell(window, task_id, col, role=Qt.ItemDataRole.DisplayRole):
    tasks = window.plan_view.tasks
    return tasks.index(tasks.row_of_task(task_id), col).data(role)


def _set(window, task_id, col, text) -> bool:
    tasks = window.plan_view.tasks
    return tasks.setData(tasks.index(tasks.row_of_task(task_id), col), text)


def test_a_typed_due_date_rewrites_the_phrase_in_its_style_and_undo_restores_both(window):
    late = window.ids["late"]
    assert _cell(window, late, Col.DEADLINE) == "2022年底前"
    assert _set(window, late, Col.DUE, "2022-11-30")
    assert _cell(window, late, Col.DEADLINE) == "2022年11月底前"
    assert _cell(window, late, Col.DUE) == "2022-11-30"
    assert _cell(window, late, Col.DEADLINE, Qt.ItemDataRole.ForegroundRole) is None  # agrees
    window.plan_view.undo_action.trigger()
    assert (_cell(window, late, Col.DEADLINE), _cell(window, late, Col.DUE)) == (
        "2022年底前",
        "2022-12-31",
    )


def test_shifting_dates_moves_the_phrase_too(window):
    late = window.ids["late"]
    window.plan_view.task_actions.shift_tasks([late], 365)
    assert _cell(window, late, Col.DUE) == "2023-12-31"
    assert _cell(window, late, Col.DEADLINE) == "2023年底前"


def test_a_phrase_that_cannot_follow_is_flagged_and_the_fix_is_one_undo_step(window):
    late = window.ids["late"]
    assert _set(window, late, Col.DEADLINE, "明年春节前")  # kept as written, not refused
    assert _cell(window, late, Col.DEADLINE) == "明年春节前"
    assert _cell(window, late, Col.DUE) == "2022-12-31"  # the due date is left as it was
    tip = _cell(window, late, Col.DEADLINE, Qt.ItemDataRole.ToolTipRole)
    assert "cannot be read" in tip and "Deadline from Due Date" in tip
    assert _cell(window, late, Col.DUE, Qt.ItemDataRole.ForegroundRole) is not None
    table = window.plan_view.table
    table.setCurrentIndex(window.plan_view.tasks.index(window.plan_view.tasks.row_of_task(late), 1))
    depth = window.plan_view.ctx.undo_stack.count()
    window.plan_view.task_actions.fix_deadlines.trigger()
    assert _cell(window, late, Col.DEADLINE) == "2022年底前"
    assert _cell(window, late, Col.DEADLINE, Qt.ItemDataRole.ForegroundRole) is None
    assert window.plan_view.ctx.undo_stack.count() == depth + 1
    window.plan_view.undo_action.trigger()
    assert _cell(window, late, Col.DEADLINE) == "明年春节前"


def test_an_ongoing_phrase_given_a_due_date_is_flagged_not_overwritten(window):
    late = window.ids["late"]
    assert _set(window, late, Col.DEADLINE, "长期坚持")
    assert _cell(window, late, Col.DUE) == ""  # ongoing: no due date
    assert _set(window, late, Col.DUE, "2025-06-30")
    assert _cell(window, late, Col.DEADLINE) == "长期坚持"
    tip = _cell(window, late, Col.DUE, Qt.ItemDataRole.ToolTipRole)
    assert "does not say the due date (2025-06-30)" in tip
