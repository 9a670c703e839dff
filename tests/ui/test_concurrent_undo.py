"""Editors at once in the window (issue 19): an edit of a task another editor changed since
the table was read is refused at the cell, the row read again; undo and redo refuse a step
whose records another editor changed since, and the undo list stays true to the plan.

"Another editor" is another client of the same plan: a connection of its own with another
client id (on a server another window or process; the window code is the same for both).
"""

from __future__ import annotations

import uuid

import pytest

from qdplanner.store.task_edits import apply_task_edits, capture_task_edit
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


@pytest.fixture
def window_and_other(qtbot, small_plan):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    other = store.worker_store()
    other.client = uuid.uuid4().hex
    other.user = "lisi"
    yield window, store, ids, other
    other.close()


def other_edits(other, task_id, **fields):
    apply_task_edits(other, [capture_task_edit(other, task_id, fields)], description="theirs")


def cell(window, col, row=0):
    return window.plan_view.tasks.index(row, col)


def test_an_edit_of_a_task_changed_by_another_is_refused_at_the_cell_and_the_row_read_again(
    qtbot, window_and_other
):
    window, store, ids, other = window_and_other
    view = window.plan_view
    assert cell(window, Col.PERCENT).data() in ("50", 50, "50%")
    shown_before = cell(window, Col.PERCENT).data()
    other_edits(other, ids["late"], percent=70)
    assert cell(window, Col.PERCENT).data() == shown_before  # not read yet
    with qtbot.waitSignal(view.tasks.edit_refused) as refused:
        assert not view.tasks.setData(cell(window, Col.PERCENT), "60")
    message = refused.args[1]
    assert "lisi" in message and "逾期任务" in message and "Not saved" in message, message
    assert view.last_refusal == message
    assert view.tasks.refusal_at(cell(window, Col.PERCENT)) == message  # the red border
    assert store.db["tasks"].get(ids["late"])["percent"] == 70
    assert cell(window, Col.PERCENT).data() != shown_before  # the fresh value is shown
    assert "70" in str(cell(window, Col.PERCENT).data())
    assert view.ctx.undo_stack.count() == 0
    # typed again over what is now shown: saved
    assert view.tasks.setData(cell(window, Col.PERCENT), "60")
    assert store.db["tasks"].get(ids["late"])["percent"] == 60
    # a reload of the views takes in every change made so far
    other_edits(other, ids["late"], notes="再改")
    view.reload()
    assert view.ctx.seen == store.latest_batch() and view.ctx.reread == {}


def test_undo_refuses_a_step_whose_task_another_changed_since_and_leaves_the_list_true(
    qtbot, window_and_other
):
    window, store, ids, other = window_and_other
    view = window.plan_view
    stack = view.ctx.undo_stack
    assert view.tasks.setData(cell(window, Col.NOTES), "我的备注")
    assert view.tasks.setData(cell(window, Col.PERCENT), "60")
    assert stack.count() == 2
    other_edits(other, ids["late"], percent=65)
    view.undo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["percent"] == 65  # nothing changed
    assert stack.count() == 1 and stack.index() == 1  # the refused step left the list
    assert "Cannot undo" in view.ctx.refused and "lisi" in view.ctx.refused
    qtbot.waitUntil(lambda: "Cannot undo" in view.last_refusal)  # said in the status bar
    assert "Edit Progress" in view.last_refusal or "逾期任务" in view.last_refusal
    # the step before it wrote the same task, which the other changed after it too
    view.undo_action.trigger()
    assert stack.count() == 0
    assert store.db["tasks"].get(ids["late"])["notes"] == "我的备注"


def test_undo_of_another_task_stays_possible_and_redo_refuses_the_same_way(qtbot, window_and_other):
    window, store, ids, other = window_and_other
    view = window.plan_view
    stack = view.ctx.undo_stack
    assert view.tasks.setData(cell(window, Col.PERCENT), "60")  # 逾期任务
    view.undo_action.trigger()  # undone: percent 50 again
    assert store.db["tasks"].get(ids["late"])["percent"] == 50
    other_edits(other, ids["late"], notes="他们的")
    view.redo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["percent"] == 50  # not redone
    assert stack.count() == 0 and "Cannot redo" in view.ctx.refused
    # a step on a task nobody else touched undoes and redoes as always
    other_edits(other, ids["child"], notes="他们的")
    view.reload()
    assert view.tasks.setData(cell(window, Col.PERCENT), "55")
    view.undo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["percent"] == 50
    view.redo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["percent"] == 55
    assert stack.count() == 1 and stack.index() == 1
