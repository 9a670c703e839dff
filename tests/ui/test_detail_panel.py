"""The detail panel shows every field of the chosen task and edits them, undoably."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qdplanner.store.task_input import TaskColumn
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


@pytest.fixture
def window(qtbot, small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        ch.update("tasks", ids["late"], {"description": "第一行\n第二行", "notes": "需督办"})
        ch.insert(
            "milestones",
            {"task_id": ids["late"], "title": "完成立项", "planned_date": "2022-06-30"},
        )
        ch.insert(
            "progress_reports",
            {
                "task_id": ids["late"],
                "period": "2022Q4",
                "status": "in_progress",
                "percent": 50,
                "narrative": "已完成选址",
                "problems": "资金未到位",
            },
        )
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.plan_view.tree.setCurrentIndex(
        w.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    w.plan_view.table.setCurrentIndex(w.plan_view.tasks.index(0, Col.TITLE))
    return w


def test_choosing_a_row_shows_all_its_fields(window):
    d = window.plan_view.detail
    assert d.title.text() == "逾期任务"
    assert d.description.toPlainText() == "第一行\n第二行"
    assert d.notes.toPlainText() == "需督办"
    assert d.lead.text() == "市科技局" and d.support.text() == "市财政局"
    assert d.deadline.text() == "2022年底前" and d.due.text() == "2022-12-31"
    assert "完成立项" in d.milestones.item(0).text()
    assert "已完成选址" in d.progress.text() and "资金未到位" in d.progress.text()
    # a long title shows its beginning, not its tail (the cursor is put back at the start)
    assert [e.cursorPosition() for e in (d.title, d.deadline, d.lead, d.support)] == [0] * 4


def test_editing_notes_in_the_form_is_logged_as_form_and_undoable(window):
    d = window.plan_view.detail
    d.notes.setPlainText("需督办；已发函")
    d.commit(TaskColumn.NOTES, d.notes.toPlainText())
    store = window.store
    assert store.db["tasks"].get(d.task_id)["notes"] == "需督办；已发函"
    source = store.db.execute("SELECT source FROM change_batches ORDER BY id DESC LIMIT 1")
    assert source.fetchone()[0] == "form"
    window.plan_view.undo_action.trigger()
    assert d.notes.toPlainText() == "需督办"


def test_a_refused_form_value_is_explained_and_the_form_restored(window):
    d = window.plan_view.detail
    before = d.start.text()
    d.start.setText("2024-13-01")
    d.commit(TaskColumn.START, "2024-13-01")
    assert "2024-13-01" in window.plan_view.last_refusal
    assert d.start.text() == before


def test_an_unread_deadline_typed_in_the_form_is_kept_and_flagged_not_refused(window):
    d = window.plan_view.detail
    due = window.store.db["tasks"].get(d.task_id)["due_date"]
    d.deadline.setText("明年春节前")
    d.commit(TaskColumn.DEADLINE, "明年春节前")
    task = window.store.db["tasks"].get(d.task_id)
    assert (task["deadline_text"], task["due_date"]) == ("明年春节前", due)
    tasks = window.plan_view.tasks
    row = tasks.row_of_task(d.task_id)
    tip = tasks.index(row, Col.DEADLINE).data(Qt.ItemDataRole.ToolTipRole)
    assert "cannot be read" in tip and "kept as written" in tip


def test_the_table_follows_a_form_edit(window):
    window.plan_view.detail.commit(TaskColumn.TITLE, "逾期任务（已改）")
    assert window.plan_view.tasks.index(0, Col.TITLE).data() == "逾期任务（已改）"


def test_add_edit_and_delete_a_milestone_each_undoable(window, monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from qdplanner.ui.milestone_editor import MilestoneDialog

    d = window.plan_view.detail
    store = window.store

    def fill(title, planned, actual=""):
        def run(dialog):
            dialog.title.setText(title)
            dialog.planned.setText(planned)
            dialog.actual.setText(actual)
            return QDialog.DialogCode.Accepted

        return run

    monkeypatch.setattr(MilestoneDialog, "exec", fill("中期评估", "2023-06-30"))
    d._add_milestone()
    assert [d.milestones.item(i).text() for i in range(d.milestones.count())][-1].endswith(
        "中期评估"
    )
    d.milestones.setCurrentRow(1)
    monkeypatch.setattr(MilestoneDialog, "exec", fill("中期评估", "2023-06-30", "2023-07-05"))
    d._edit_milestone()
    assert "✔ 2023-07-05" in d.milestones.item(1).text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    d.milestones.setCurrentRow(1)
    d._delete_milestone()
    assert d.milestones.count() == 1
    for _ in range(3):
        window.plan_view.undo_action.trigger()
    assert d.milestones.count() == 1 and store.db["milestones"].count == 1


def test_a_milestone_without_a_planned_date_is_refused(window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from qdplanner.ui.milestone_editor import MilestoneDialog

    answers = iter([QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])

    def fill(dialog):
        dialog.title.setText("无日期节点")
        return next(answers)

    monkeypatch.setattr(MilestoneDialog, "exec", fill)
    window.plan_view.detail._add_milestone()
    assert "planned date" in window.plan_view.last_refusal
    assert window.store.db["milestones"].count == 1
