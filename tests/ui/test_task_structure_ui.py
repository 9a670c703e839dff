"""Insert, delete (with confirmation), indent/outdent and move tasks from the Edit menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

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
    return w


def titles(window):
    m = window.plan_view.tasks
    return [m.index(r, Col.TITLE).data() for r in range(m.rowCount())]


def select(window, title):
    row = titles(window).index(title)
    window.plan_view.table.setCurrentIndex(window.plan_view.tasks.index(row, Col.TITLE))


def test_insert_adds_a_task_after_the_current_one_and_undo_removes_it(window):
    select(window, "逾期任务")
    window.plan_view.task_actions.insert.trigger()
    assert titles(window) == ["逾期任务", "子任务", "New task"]
    assert window.plan_view.table.currentIndex().row() == 2  # the new task is selected for typing
    window.plan_view.undo_action.trigger()
    assert titles(window) == ["逾期任务", "子任务"]
    window.plan_view.redo_action.trigger()
    assert titles(window) == ["逾期任务", "子任务", "New task"]


def test_add_sub_task_then_outdent_and_indent_back(window):
    select(window, "逾期任务")
    window.plan_view.task_actions.add_child.trigger()
    assert titles(window) == ["逾期任务", "子任务", "New task"]
    depth = [window.plan_view.tasks.row_at(r).depth for r in range(3)]
    assert depth == [0, 1, 1]
    select(window, "New task")
    window.plan_view.task_actions.outdent.trigger()
    assert [window.plan_view.tasks.row_at(r).depth for r in range(3)] == [0, 1, 0]
    window.plan_view.task_actions.indent.trigger()
    assert [window.plan_view.tasks.row_at(r).depth for r in range(3)] == [0, 1, 1]
    window.plan_view.undo_action.trigger()
    window.plan_view.undo_action.trigger()
    window.plan_view.undo_action.trigger()
    assert titles(window) == ["逾期任务", "子任务"]


def test_delete_asks_first_and_does_nothing_on_no(window, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    select(window, "逾期任务")
    window.plan_view.task_actions.delete.trigger()
    assert "1 sub-task" in asked[0]
    assert titles(window) == ["逾期任务", "子任务"]


def test_delete_with_sub_tasks_then_undo_restores_them(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    store = window.store
    select(window, "逾期任务")
    window.plan_view.task_actions.delete.trigger()
    assert titles(window) == []
    assert store.db["task_units"].count == 0
    window.plan_view.undo_action.trigger()
    assert titles(window) == ["逾期任务", "子任务"]
    assert store.db["task_units"].count == 2
    assert window.plan_view.tasks.index(0, Col.LEAD).data() == "市科技局"


def test_move_down_and_up(window):
    select(window, "逾期任务")
    window.plan_view.task_actions.insert.trigger()  # a second top-level task after it
    select(window, "New task")
    window.plan_view.task_actions.move_up.trigger()
    assert titles(window) == ["New task", "逾期任务", "子任务"]
    window.plan_view.task_actions.move_down.trigger()
    assert titles(window) == ["逾期任务", "子任务", "New task"]


def test_edit_menu_names_each_undo_step(window):
    select(window, "逾期任务")
    window.plan_view.task_actions.indent.trigger()  # first task: nothing to indent under
    assert window.plan_view.ctx.undo_stack.count() == 0
    window.plan_view.task_actions.insert.trigger()
    assert window.plan_view.undo_action.text() == "&Undo Insert task"


def test_shift_dates_of_selected_tasks_in_one_step(window):
    from datetime import date

    from PySide6.QtCore import QItemSelectionModel

    sel = window.plan_view.table.selectionModel()
    for row in (0, 1):
        sel.select(
            window.plan_view.tasks.index(row, Col.TITLE),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    window.plan_view.task_actions.shift_tasks(window.plan_view.task_actions.selected_tasks(), 30)
    late = window.plan_view.tasks.row_at(0)
    assert (late.start_date, late.due_date) == (date(2022, 1, 31), date(2023, 1, 30))
    assert late.deadline_text == "2023年1月30日前"  # the phrase follows, in its style
    window.plan_view.undo_action.trigger()
    late = window.plan_view.tasks.row_at(0)
    assert (late.due_date, late.deadline_text) == (date(2022, 12, 31), "2022年底前")
