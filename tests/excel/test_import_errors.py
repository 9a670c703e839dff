"""Bad values are named by file, sheet, row and column, and nothing is applied."""

from __future__ import annotations

import datetime

import pytest

from qdplanner.excel.workbook_import import ImportRefused, apply_import, preview_import
from tests.excel.conftest import SheetEditor, edit, exported
from tests.plan_state import plan_state


def _errors(preview):
    return {(e.sheet, e.row, e.column): e.message for e in preview.errors}


def test_bad_values_are_named_by_sheet_row_and_column_and_nothing_is_applied(small_plan, tmp_path):
    store, ids = small_plan
    store.close()
    before = plan_state(store.path)
    store = type(store).open(store.path)
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    percent_row = tasks.set(ids["late"], "完成进度(%)", 140)
    date_row = tasks.set(ids["child"], "开始日期", "2024-13-01")
    status_row = tasks.set(ids["ongoing"], "状态", "差不多吧")
    save()

    preview = preview_import(store, path)
    errors = _errors(preview)
    assert set(errors) == {
        ("任务", percent_row, "O (完成进度(%))"),
        ("任务", date_row, "K (开始日期)"),
        ("任务", status_row, "N (状态)"),
    }
    assert "140" in errors[("任务", percent_row, "O (完成进度(%))")]
    assert "from 0 to 100" in errors[("任务", percent_row, "O (完成进度(%))")]
    assert "2024-13-01" in errors[("任务", date_row, "K (开始日期)")]
    assert "差不多吧" in errors[("任务", status_row, "N (状态)")]
    assert all(e.file == "plan.xlsx" for e in preview.errors)
    assert "nothing can be applied" in preview.text()
    with pytest.raises(ImportRefused, match="3 error"):
        apply_import(store, preview)
    store.close()
    assert plan_state(store.path) == before


def test_due_before_start_and_an_unknown_parent_are_errors(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    due_row = tasks.set(ids["late"], "截止日期", datetime.date(2021, 1, 1))
    parent_row = tasks.set(ids["ongoing"], "上级任务ID", 999)
    save()
    errors = _errors(preview_import(store, path))
    assert "before the start date" in errors[("任务", due_row, "L (截止日期)")]
    assert "no task with ID 999" in errors[("任务", parent_row, "B (上级任务ID)")]


def test_a_task_cannot_become_its_own_subtask(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    row = SheetEditor(book["任务"]).set(ids["late"], "上级任务ID", ids["child"])
    save()
    errors = _errors(preview_import(store, path))
    assert "its own sub-task" in errors[("任务", row, "B (上级任务ID)")]


def test_unknown_and_duplicate_ids_and_missing_titles(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    title_row = tasks.set(ids["late"], "任务名称", "   ")
    unknown_row = tasks.append({"ID": 4242, "计划ID": 1, "任务名称": "x"})
    duplicate_row = tasks.append({"ID": ids["child"], "任务名称": "twice"})
    no_stream_row = tasks.append({"任务名称": "无归属"})
    save()
    errors = _errors(preview_import(store, path))
    assert "is required" in errors[("任务", title_row, "I (任务名称)")]
    assert "no record with ID 4242" in errors[("任务", unknown_row, "A (ID)")]
    assert "appears twice" in errors[("任务", duplicate_row, "A (ID)")]
    assert "one program or one project" in errors[("任务", no_stream_row, "C (计划ID)")]


def test_an_edited_row_that_refers_to_a_removed_record_is_an_error(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    tasks.delete(ids["late"])
    row = tasks.set(ids["child"], "备注", "edited, but its parent goes")
    save()
    errors = _errors(preview_import(store, path))
    assert any(key[1] == row and "removed" in message for key, message in errors.items())


def test_units_removed_while_still_assigned_are_an_error(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["责任单位"]).delete(ids["support"])
    save()
    preview = preview_import(store, path)
    assert any("市财政局" in e.message and "still" in e.message for e in preview.errors)


def test_a_missing_id_column_makes_the_sheet_unusable(small_plan, tmp_path):
    store, _ = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    book["节点"].delete_cols(1)
    save()
    preview = preview_import(store, path)
    assert [(e.sheet, e.message) for e in preview.errors] == [("节点", "the ID column is missing")]


def test_unknown_columns_and_sheets_are_warnings(small_plan, tmp_path):
    store, _ = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    book["任务"].cell(1, 30).value = "我的备注列"
    book.create_sheet("草稿")
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    assert any("我的备注列" in str(w) and "ignored" in str(w) for w in preview.warnings)
    assert any("草稿" in str(w) for w in preview.warnings)
