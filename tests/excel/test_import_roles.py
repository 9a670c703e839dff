"""A workbook's unit roles are applied through the store's one path for a task's units: only
the rows that change are written, logged as the task's lead / supporting units."""

from __future__ import annotations

import json

from qdplanner.excel.workbook_import import apply_import, preview_import
from tests.excel.conftest import SheetEditor, edit, exported


def logged(store) -> list[tuple]:
    batch = store.db.execute("SELECT max(id) FROM change_batches").fetchone()[0]
    return store.db.execute(
        "SELECT entity, entity_id, field, old_value, new_value FROM change_log"
        " WHERE batch_id = ? AND (field IN ('lead_unit', 'support_units')"
        " OR entity = 'task_units') ORDER BY id",
        [batch],
    ).fetchall()


def statements_on_roles(store, work) -> list[str]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        store.db.conn.set_trace_callback(None)
    return [s.split()[0].upper() for s in seen if "task_units" in s and " WHERE task_id" in s]


def test_a_swapped_lead_and_supporter_are_two_row_updates_logged_on_the_task(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])  # the task sheet's units are the editable ones
    tasks.set(ids["late"], "牵头单位", "市财政局")
    tasks.set(ids["late"], "配合单位", "青岛市科学技术局")
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    writes = statements_on_roles(store, lambda: apply_import(store, preview))
    assert [w for w in writes if w != "SELECT"] == ["UPDATE", "UPDATE"]
    lead, support = ids["lead"], ids["support"]
    assert logged(store) == [
        ("tasks", ids["late"], "lead_unit", str(lead), str(support)),
        ("tasks", ids["late"], "support_units", json.dumps([support]), json.dumps([lead])),
    ]


def test_a_lead_given_in_the_tasks_sheet_to_old_and_new_tasks_is_logged_as_a_field(
    small_plan, tmp_path
):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    tasks.set(ids["ongoing"], "牵头单位", "市财政局")
    row = {"计划ID": ids["program"], "任务名称": "新增的任务", "状态": "未开始"}
    tasks.append({**row, "牵头单位": "市科技局"})
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    apply_import(store, preview)
    new_task = store.db.execute("SELECT id FROM tasks WHERE title = '新增的任务'").fetchone()[0]
    assert logged(store) == [
        ("tasks", ids["ongoing"], "lead_unit", None, str(ids["support"])),
        ("tasks", new_task, "lead_unit", None, str(ids["lead"])),
    ]
    assert store.db.execute(
        "SELECT unit_id, role, position FROM task_units WHERE task_id = ?", [new_task]
    ).fetchall() == [(ids["lead"], "lead", 0)]
