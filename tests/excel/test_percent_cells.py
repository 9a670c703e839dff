"""Percent as Excel shows it (issue 14, item 6): a cell formatted ``0%`` holding 0.8 reads as
80 %, as the person who typed “80%” saw it; a plain 0.8 is still refused, never guessed."""

from __future__ import annotations

from qdplanner.excel.workbook_import import preview_import
from tests.excel.conftest import SheetEditor, edit, exported


def _percent_change(preview, task_id):
    for change in preview.changed:
        if change.record_id == task_id:
            return {f.key: f.new for f in change.fields}.get("percent")
    raise AssertionError([(c.record_id, c.fields) for c in preview.changed])


def test_a_percent_formatted_cell_reads_as_excel_shows_it(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    row = tasks.set(ids["late"], "完成进度(%)", 0.8)
    tasks.ws.cell(row, tasks.columns["完成进度(%)"]).number_format = "0%"
    one = tasks.set(ids["ongoing"], "完成进度(%)", 1)
    tasks.ws.cell(one, tasks.columns["完成进度(%)"]).number_format = "0.0%"
    save()
    preview = preview_import(store, path)
    assert preview.ok, [str(e) for e in preview.errors]
    assert _percent_change(preview, ids["late"]) == 80
    assert _percent_change(preview, ids["ongoing"]) == 100  # 100% typed, not 1 %


def test_a_plain_fraction_is_still_refused_with_its_cell_named(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    row = tasks.set(ids["late"], "完成进度(%)", 0.8)
    save()
    preview = preview_import(store, path)
    errors = {(e.sheet, e.row): e.message for e in preview.errors}
    assert "0.8" in errors[("任务", row)]
