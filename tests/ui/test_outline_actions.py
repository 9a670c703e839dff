"""Typing a plan in from nothing: plan document, project, task — each step undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from qdplanner.store.task_rows import ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.outline_actions import PlanDocumentDialog


def outline(window):
    model = window.plan_view.outline
    out = []
    for r in range(model.rowCount()):
        item = model.item(r)
        out.append(item.text())
        out.extend("  " + item.child(c).text() for c in range(item.rowCount()))
    return out


def test_build_a_plan_from_an_empty_file(qtbot, empty_plan, monkeypatch):
    window = MainWindow(empty_plan, language="en")
    qtbot.addWidget(window)

    def fill_dialog(self):
        self.title.setText("三年行动方案（2022—2024年）")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlanDocumentDialog, "exec", fill_dialog)
    window.plan_view.outline_actions.add_document.trigger()
    assert outline(window) == ["All tasks", "三年行动方案（2022—2024年）"]
    doc = empty_plan.db["plan_documents"].get(1)
    assert (doc["start_year"], doc["end_year"]) == (2022, 2024)

    window.plan_view.tree.setCurrentIndex(window.plan_view.outline.index(1, 0))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("科技园区提升工程", True))
    window.plan_view.outline_actions.add_project.trigger()
    assert outline(window)[-1] == "  科技园区提升工程"

    window.plan_view.tree.setCurrentIndex(
        window.plan_view.outline.index(0, 0, window.plan_view.outline.index(1, 0))
    )
    assert window.plan_view.current_scope().kind == ScopeKind.PROJECT
    window.plan_view.task_actions.insert.trigger()
    assert window.plan_view.tasks.rowCount() == 1

    for _ in range(3):
        window.plan_view.undo_action.trigger()
    assert outline(window) == ["All tasks"]
    for _ in range(3):
        window.plan_view.redo_action.trigger()
    assert outline(window)[-1] == "  科技园区提升工程"
    assert empty_plan.db["tasks"].count == 1


def test_rename_a_program_and_undo(qtbot, small_plan, monkeypatch):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    from qdplanner.store.task_rows import Scope

    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROGRAM, ids["program"]))
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("计划一（改）", True))
    window.plan_view.outline_actions.rename.trigger()
    assert "  计划一（改）" in outline(window)
    window.plan_view.undo_action.trigger()
    assert "  计划一" in outline(window)


def test_a_program_with_tasks_is_not_removed(qtbot, small_plan, monkeypatch):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    from qdplanner.store.task_rows import Scope

    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROGRAM, ids["program"]))
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.plan_view.outline_actions.remove.trigger()
    assert "tasks (1), milestones (0)" in window.plan_view.last_refusal
    assert store.db["programs"].count == 1
