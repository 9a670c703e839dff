"""Task rules on import: deadlines read again, sub-tasks, moving and removing."""

from __future__ import annotations

import datetime

from qdplanner.excel.workbook_import import apply_import, preview_import
from tests.excel.conftest import SheetEditor, edit, exported


def _edit_tasks(store, tmp_path, changes):
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    for record_id, header, value in changes:
        tasks.set(record_id, header, value)
    save()
    return preview_import(store, path)


def _fields(preview, task_id):
    change = next(c for c in preview.changed if c.kind == "tasks" and c.record_id == task_id)
    return {f.key: (f.old, f.new) for f in change.fields}


def test_a_new_deadline_text_sets_the_due_date(small_plan, tmp_path):
    store, ids = small_plan
    preview = _edit_tasks(
        store,
        tmp_path,
        [(ids["late"], "完成时限", "2023年6月底前"), (ids["late"], "截止日期", None)],
    )
    assert _fields(preview, ids["late"]) == {
        "deadline_text": ("2022年底前", "2023年6月底前"),
        "due_date": (datetime.date(2022, 12, 31), datetime.date(2023, 6, 30)),
    }
    apply_import(store, preview)
    assert store.db["tasks"].get(ids["late"])["due_date"] == "2023-06-30"


def test_an_ongoing_deadline_clears_the_due_date(small_plan, tmp_path):
    store, ids = small_plan
    preview = _edit_tasks(store, tmp_path, [(ids["late"], "完成时限", "持续推进")])
    assert "clear the due date" in str(preview.errors[0])  # the due cell still names a day
    preview = _edit_tasks(
        store, tmp_path, [(ids["late"], "完成时限", "持续推进"), (ids["late"], "截止日期", None)]
    )
    assert _fields(preview, ids["late"])["due_date"] == (datetime.date(2022, 12, 31), None)


def test_a_new_phrase_beside_a_due_date_naming_another_day_is_an_error_naming_both(
    small_plan, tmp_path
):
    store, ids = small_plan
    preview = _edit_tasks(store, tmp_path, [(ids["late"], "完成时限", "2023年底前")])
    [error] = preview.errors  # the due date cell still says 2022-12-31
    assert "2022-12-31" in str(error) and "2023年底前" in str(error) and "2023-12-31" in str(error)


def test_an_edited_due_date_is_taken_and_the_old_phrase_flagged(small_plan, tmp_path):
    store, ids = small_plan
    preview = _edit_tasks(store, tmp_path, [(ids["late"], "截止日期", datetime.date(2023, 3, 31))])
    assert _fields(preview, ids["late"]) == {
        "due_date": (datetime.date(2022, 12, 31), datetime.date(2023, 3, 31))
    }
    assert any("kept as written and flagged" in str(w) for w in preview.warnings)


def test_an_unreadable_deadline_is_kept_with_a_warning(small_plan, tmp_path):
    store, ids = small_plan
    preview = _edit_tasks(store, tmp_path, [(ids["late"], "完成时限", "视情况而定")])
    assert preview.errors == []
    assert set(_fields(preview, ids["late"])) == {"deadline_text"}
    assert any("视情况而定" in str(w) and "not understood" in str(w) for w in preview.warnings)


def test_a_new_subtask_takes_its_parents_project_and_goes_last(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).append(
        {"上级任务ID": ids["late"], "任务名称": "新子任务", "开始日期": datetime.date(2022, 3, 1)}
    )
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    apply_import(store, preview)
    new = store.db.execute(
        "SELECT project_id, program_id, parent_id, position, start_date FROM tasks"
        " WHERE title = '新子任务'"
    ).fetchone()
    assert new == (ids["project"], None, ids["late"], 1, "2022-03-01")


def test_a_subtask_moved_away_from_a_removed_parent_survives(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    tasks.set(ids["child"], "上级任务ID", None)
    tasks.delete(ids["late"])
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    assert [r.record_id for r in preview.removed if r.kind == "tasks"] == [ids["late"]]
    apply_import(store, preview, allow_removals=True)
    assert store.db["tasks"].get(ids["child"])["parent_id"] is None


def test_a_subtask_in_another_project_than_its_parent_is_an_error(small_plan, tmp_path):
    store, ids = small_plan
    preview = _edit_tasks(store, tmp_path, [(ids["ongoing"], "上级任务ID", ids["late"])])
    assert [e.column for e in preview.errors] == ["B (上级任务ID)"]
    assert "another program or project" in preview.errors[0].message
