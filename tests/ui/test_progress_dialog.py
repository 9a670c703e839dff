"""Recording progress from the window: the task follows, evidence is kept, undo restores."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col
from qdplanner.ui.progress_dialog import ProgressDialog


def test_record_progress_with_evidence_then_undo(qtbot, small_plan, monkeypatch, tmp_path):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    window.plan_view.table.setCurrentIndex(window.plan_view.tasks.index(0, Col.TITLE))
    evidence = tmp_path / "验收报告.pdf"
    evidence.write_bytes(b"%PDF-1.4 test")

    def fill(dialog):
        assert dialog.unit.currentText() == "市科技局"  # the lead unit reports by default
        dialog.period.setText("2024年第三季度")
        dialog.status.setCurrentIndex(dialog.status.findData("done"))
        dialog.percent.setValue(100)
        dialog.narrative.setPlainText("已完成验收")
        dialog.add_file(evidence)
        monkeypatch.setattr(ProgressDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ProgressDialog, "exec", fill)
    window.plan_view.progress_action.trigger()
    report = store.db.execute("SELECT period, status, narrative FROM progress_reports").fetchone()
    assert report == ("2024Q3", "done", "已完成验收")
    assert store.db["evidence_files"].count == 1
    assert "Done" in window.plan_view.tasks.index(0, Col.LIGHT).data()
    assert "已完成验收" in window.plan_view.detail.progress.text()
    window.plan_view.undo_action.trigger()
    assert store.db["progress_reports"].count == 0
    assert store.db["evidence_files"].count == 0
    assert "Overdue" in window.plan_view.tasks.index(0, Col.LIGHT).data()


def test_a_bad_period_keeps_the_dialog_open_with_the_reason(qtbot, small_plan, monkeypatch):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    window.plan_view.table.setCurrentIndex(window.plan_view.tasks.index(0, Col.TITLE))
    answers = iter([QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])

    def fill(dialog):
        dialog.period.setText("去年")
        return next(answers)

    monkeypatch.setattr(ProgressDialog, "exec", fill)
    window.plan_view.progress_action.trigger()
    assert "not a reporting period" in window.plan_view.last_refusal
    assert store.db["progress_reports"].count == 0
