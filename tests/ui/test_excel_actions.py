"""File → Export / Import: work off the UI thread, the preview the user confirms, Cancel."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QPushButton

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import NotFoundError
from qdplanner.ui.background import Cancelled, run_in_background
from qdplanner.ui.excel_actions import ImportPreviewDialog
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col
from tests.excel.conftest import SheetEditor, edit


@pytest.fixture
def window(qtbot, small_plan):
    store, ids = small_plan
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.ids = ids
    return w


def titles(window) -> list[str]:
    return [
        window.plan_view.tasks.index(r, Col.TITLE).data()
        for r in range(window.plan_view.tasks.rowCount())
    ]


def test_export_writes_the_workbook_and_says_so(window, tmp_path):
    out = tmp_path / "plan.xlsx"
    counts = window.plan_view.excel.export_to(out)
    assert out.exists() and counts["tasks"] == 3
    assert "Exported 3 tasks" in window.statusBar().currentMessage()


def test_edited_workbook_is_previewed_field_by_field_then_applied_as_one_step(window, tmp_path):
    out = tmp_path / "plan.xlsx"
    window.plan_view.excel.export_to(out)
    book, save = edit(out)
    SheetEditor(book["Tasks"]).set(window.ids["late"], "Title", "改过的任务")
    save()
    preview = window.plan_view.excel.preview(out)
    assert preview is not None and preview.ok
    dialog = ImportPreviewDialog(preview, window)
    assert dialog.apply_button.isEnabled()
    assert "Change: 1 task" in dialog.summary.text()
    changed = dialog.changes.topLevelItem(0)
    field_row = changed.child(0).child(0)
    assert [field_row.text(c) for c in (1, 2, 3)] == ["Title", "逾期任务", "改过的任务"]

    assert window.plan_view.excel.apply(preview)
    assert "改过的任务" in titles(window)
    store = window.store
    batch = store.db.execute(
        "SELECT source, description FROM change_batches ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert batch == ("import", "import of plan.xlsx")
    assert window.plan_view.ctx.undo_stack.count() == 0


def test_a_workbook_with_errors_cannot_be_applied_and_names_the_cell(window, tmp_path):
    out = tmp_path / "plan.xlsx"
    window.plan_view.excel.export_to(out)
    book, save = edit(out)
    row = SheetEditor(book["Tasks"]).set(window.ids["late"], "Percent complete", 150)
    save()
    preview = window.plan_view.excel.preview(out)
    dialog = ImportPreviewDialog(preview, window)
    assert not dialog.apply_button.isEnabled()
    problem = dialog.errors.topLevelItem(0)
    assert problem.text(0) == "Tasks" and problem.text(1) == str(row)
    assert "error" in dialog.summary.text()
    assert "逾期任务" in titles(window)


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(window, tmp_path, monkeypatch):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook")
    shown = []
    monkeypatch.setattr(
        "qdplanner.ui.excel_actions.QMessageBox.warning", lambda *a: shown.append(a[2])
    )
    assert window.plan_view.excel.preview(bad) is None
    assert "notes.xlsx" in shown[0]


def press_cancel(dialog) -> None:
    dialog.findChild(QPushButton).click()


def test_cancel_stops_the_work_and_rolls_its_writes_back(window):
    store = window.store
    before = store.db.execute("SELECT count(*) FROM tasks").fetchone()[0]

    def slow_import(worker_store, progress):
        with worker_store.action(ChangeSource.IMPORT, "slow") as changes:
            changes.insert("tasks", {"program_id": window.ids["program"], "title": "半截"})
            for step in range(500):
                progress(step, 500)
                time.sleep(0.01)

    with pytest.raises(Cancelled):
        run_in_background(window, store, "working", slow_import, on_dialog=press_cancel)
    assert store.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == before


def test_an_error_in_the_worker_reaches_the_caller(window):
    def failing(worker_store, progress):
        raise NotFoundError("no such thing")

    with pytest.raises(NotFoundError):
        run_in_background(window, window.store, "working", failing)


# -- task-breakdown sheets -----------------------------------------------------------------


@pytest.fixture
def empty_window(qtbot, empty_plan):
    w = MainWindow(empty_plan, language="en")
    qtbot.addWidget(w)
    return w


def test_a_breakdown_sheet_preview_says_where_its_tasks_go(empty_window, tmp_path):
    from tests.excel import breakdown_books as books

    preview = empty_window.plan_view.excel.preview(books.classic(tmp_path / "classic.xlsx"))
    dialog = ImportPreviewDialog(preview, empty_window)
    text = dialog.destination.text()
    assert "分解表" in text and "三年行动方案（2022—2024年）" in text and "(new)" in text
    assert dialog.apply_button.isEnabled()


def test_unknown_columns_are_mapped_in_a_dialog_then_imported(empty_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from qdplanner.ui.breakdown_dialog import BreakdownDialog
    from tests.excel import breakdown_books as books

    shown = {}

    def map_columns(dialog):
        shown["headers"] = [dialog.columns.item(r, 1).text() for r in range(4)]
        for column, name in books.UNKNOWN_MAPPING.items():
            box = dialog.boxes[column]
            box.setCurrentIndex(box.findData(name))
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(BreakdownDialog, "exec", map_columns)
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    assert empty_window.plan_view.excel.import_from(
        books.unknown_headers(tmp_path / "unknown.xlsx")
    )
    assert shown["headers"] == ["栏目", "事项", "承接", "办结"]
    assert "推进海洋科学考察船队等重大科技基础设施集群建设" in titles(empty_window)


def test_the_mapping_dialog_insists_on_a_task_column(empty_window, tmp_path):
    from qdplanner.ui.breakdown_dialog import BreakdownDialog
    from tests.excel import breakdown_books as books

    preview = empty_window.plan_view.excel.preview(books.unknown_headers(tmp_path / "unknown.xlsx"))
    dialog = BreakdownDialog(empty_window.store, preview, empty_window)
    dialog._accept()
    assert dialog.result() == 0 and "tasks" in dialog.warning.text()


def test_an_import_that_removes_records_asks_first_naming_the_counts(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    out = tmp_path / "plan.xlsx"
    window.plan_view.excel.export_to(out)
    book, save = edit(out)
    SheetEditor(book["Tasks"]).delete(window.ids["ongoing"])
    save()
    preview = window.plan_view.excel.preview(out)
    asked: list[tuple[str, str]] = []

    def answer(box, button_text):
        def exec_(self):
            asked.append((self.text(), self.informativeText()))
            wanted = next((b for b in self.buttons() if b.text() == button_text), None)
            self._clicked = wanted
            return 0

        return exec_

    monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: getattr(self, "_clicked", None))
    monkeypatch.setattr(QMessageBox, "exec", answer(None, "Cancel"))
    assert not window.plan_view.excel.apply(preview)
    assert "长期任务" in titles(window)
    assert "removes 1 record" in asked[0][0] and "task: 1" in asked[0][1]
    monkeypatch.setattr(QMessageBox, "exec", answer(None, "Remove and Import"))
    assert window.plan_view.excel.apply(preview)
    assert "长期任务" not in titles(window)


def test_a_workbook_of_another_plan_is_read_only_when_the_user_says_so(
    window, tmp_path, sample_plan, monkeypatch
):
    from qdplanner.excel.workbook_export import export_plan

    out = tmp_path / "other.xlsx"
    export_plan(sample_plan, out)
    excel = window.plan_view.excel
    monkeypatch.setattr(type(excel), "confirm_other_plan", lambda self, exc: False)
    assert excel.preview(out) is None
    monkeypatch.setattr(type(excel), "confirm_other_plan", lambda self, exc: True)
    preview = excel.preview(out)
    assert preview is not None and "tasks" in preview.sheets


def test_close_titles_are_decided_in_the_preview_never_taken_by_themselves(
    qtbot, sample_plan, tmp_path
):
    from PySide6.QtCore import Qt

    from qdplanner.excel.breakdown_import import BreakdownOptions
    from tests.excel.breakdown_books import write_book

    window = MainWindow(sample_plan, language="en")
    qtbot.addWidget(window)
    task_id = sample_plan.db.execute(
        "SELECT id FROM tasks WHERE title = '开展重大科技基础设施预研'"
    ).fetchone()[0]
    book = write_book(
        tmp_path / "close.xlsx",
        [
            ["序号", "重点任务", "完成时限"],
            ["一、战略科技力量起势工程"],
            [1, "开展重大科技基础设施预研工作", "2024年底前"],
        ],
    )
    excel = window.plan_view.excel
    dialog = ImportPreviewDialog(excel.preview(book), window)
    assert not dialog.apply_button.isEnabled()  # undecided: nothing can be applied
    assert dialog.tabs.tabText(0) == "Similar titles (1 to decide)"
    assert dialog.matches() == {3: None}
    dialog.similar.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    assert dialog.matches() == {3: task_id}
    decided = excel.preview(book, breakdown=BreakdownOptions(matches=dialog.matches()))
    again = ImportPreviewDialog(decided, window)
    assert again.apply_button.isEnabled()
    assert [c.record_id for c in decided.changed if c.kind == "tasks"] == [task_id]


def test_two_columns_of_one_meaning_are_asked_about_then_chosen_in_the_window(
    empty_window, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QDialog

    from qdplanner.ui.breakdown_dialog import BreakdownDialog
    from tests.excel.test_breakdown_columns import TASK_1, two_deadlines

    path = two_deadlines(tmp_path / "two.xlsx", hide="F")
    seen = []

    def look(dialog):
        tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        columns = dialog.columns
        rows = [
            [columns.topLevelItem(r).text(c) for c in range(3)]
            for r in range(columns.topLevelItemCount())
        ]
        problems = [
            dialog.errors.topLevelItem(r).text(3) for r in range(dialog.errors.topLevelItemCount())
        ]
        seen.append((tabs, rows, problems, dialog.apply_button.isEnabled()))
        if len(seen) == 1:
            return ImportPreviewDialog.ADJUST  # the user goes to Columns and Destination…
        return QDialog.DialogCode.Accepted

    def choose(dialog):
        dialog.boxes[5].setCurrentIndex(0)  # F (完成时限（调整前）): not read
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ImportPreviewDialog, "exec", look)
    monkeypatch.setattr(BreakdownDialog, "exec", choose)
    assert empty_window.plan_view.excel.import_from(path)
    (tabs, rows, problems, can_apply), (_, rows2, _, can_apply2) = seen
    assert not can_apply and any("would all be read as" in p for p in problems)
    assert "Columns (6)" in tabs
    assert rows[3] == ["D", "协同部门", "Supporting units (配合单位)"]
    assert rows[5][2] == "Deadline (完成时限) (hidden in the workbook)"
    assert can_apply2 and rows2[5][2].startswith("Not read")
    assert TASK_1 in titles(empty_window)
