"""Export → (edit) → import: the identity, an edited workbook's preview and apply, LibreOffice."""

from __future__ import annotations

import datetime
import json

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.excel.workbook_import import ImportRefused, apply_import, preview_import
from tests.excel.conftest import SheetEditor, edit, exported, needs_soffice, soffice_convert


def _assert_no_changes(preview):
    assert preview.errors == []
    assert preview.counts() == {"added": {}, "changed": {}, "removed": {}}
    assert preview.units_to_create == []
    assert preview.is_empty


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_export_then_import_of_the_sample_plan_changes_nothing(sample_plan, tmp_path, lang):
    path = exported(sample_plan, tmp_path, lang=lang)
    preview = preview_import(sample_plan, path)
    _assert_no_changes(preview)
    assert preview.warnings == []
    assert preview.lang == lang


def test_export_then_import_of_the_small_plan_changes_nothing(small_plan, tmp_path):
    store, _ = small_plan
    _assert_no_changes(preview_import(store, exported(store, tmp_path)))


def test_awkward_values_survive_the_round_trip(small_plan, tmp_path):
    """Whole floats, zero, empty text, booleans, surrounding blanks and formula-like text."""
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "awkward values") as ch:
        ch.update(
            "tasks",
            ids["late"],
            {"notes": "  padded  \n", "code": "1.10", "percent": 0, "is_illustrative": True},
        )
        ch.update("tasks", ids["child"], {"title": '=HYPERLINK("http://evil.example","点我")'})
        doc = store.db.execute("SELECT id FROM plan_documents").fetchone()[0]
        indicator = ch.insert(
            "indicators", {"plan_document_id": doc, "name": "R&D", "target_value": 3.0}
        )
        ch.insert("indicator_values", {"indicator_id": indicator, "year": 2024, "value": 0.1 + 0.2})
    path = exported(store, tmp_path)
    _assert_no_changes(preview_import(store, path))


def test_a_formula_like_title_is_exported_as_text_and_reimported_verbatim(small_plan, tmp_path):
    store, ids = small_plan
    title = '=HYPERLINK("http://evil.example","点我")'
    with store.action(ChangeSource.COMMAND, "t") as ch:
        ch.update("tasks", ids["late"], {"title": title})
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    cell = book["任务"].cell(tasks.row_of(ids["late"]), tasks.columns["任务名称"])
    assert (cell.value, cell.data_type) == (title, "s")
    tasks.set(ids["late"], "备注", "只改备注")
    save()
    preview = preview_import(store, path)
    assert [f.key for c in preview.changed for f in c.fields] == ["notes"]
    assert preview.warnings == []
    apply_import(store, preview)
    assert store.db["tasks"].get(ids["late"])["title"] == title


def test_a_formula_typed_into_the_workbook_is_read_as_its_value_with_a_warning(
    small_plan, tmp_path
):
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "t") as ch:
        ch.update("tasks", ids["late"], {"notes": "旧备注"})
    path = exported(store, tmp_path)
    book, save = edit(path)
    row = SheetEditor(book["任务"]).set(ids["late"], "备注", '="a"&"b"')  # no cached value
    save()
    preview = preview_import(store, path)
    assert any(f"sheet 任务: 1 cell(s) hold formulas (R{row})" in str(w) for w in preview.warnings)
    assert [(f.key, f.new) for c in preview.changed for f in c.fields] == [("notes", None)]


def test_an_edited_workbook_previews_exactly_its_edits_and_applies_them(sample_plan, tmp_path):
    store = sample_plan
    path = exported(store, tmp_path, "计划导出.xlsx")
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    task_ids = [r[0] for r in store.db.execute("SELECT id FROM tasks ORDER BY id")]
    dated, renamed, relead = task_ids[1], task_ids[2], task_ids[3]
    old_due = tasks.get(dated, "截止日期")
    tasks.set(dated, "截止日期", datetime.date(2027, 6, 30))
    tasks.set(renamed, "任务名称", "新的任务名称")
    old_lead = tasks.get(relead, "牵头单位")
    alias_unit, alias = store.db.execute(
        "SELECT u.id, a.alias FROM unit_aliases a JOIN units u ON u.id = a.unit_id"
        " WHERE u.name <> ? ORDER BY a.id LIMIT 1",
        [old_lead],
    ).fetchone()
    tasks.set(relead, "牵头单位", alias)
    leaf, leaf_title = store.db.execute(
        "SELECT id, title FROM tasks t"
        " WHERE NOT EXISTS (SELECT 1 FROM tasks c WHERE c.parent_id = t.id)"
        " ORDER BY id DESC LIMIT 1"
    ).fetchone()
    tasks.delete(leaf)
    program = store.db.execute("SELECT id FROM programs ORDER BY id").fetchone()[0]
    added_row = tasks.append(
        {"计划ID": program, "任务名称": "新增的任务", "完成时限": "2025年底前", "状态": "未开始"}
    )
    save()

    preview = preview_import(store, path)
    assert preview.errors == []
    changed = {c.record_id: c for c in preview.changed if c.kind == "tasks"}
    assert set(changed) == {dated, renamed, relead}
    assert [(f.key, f.new) for f in changed[dated].fields] == [
        ("due_date", datetime.date(2027, 6, 30))
    ]
    assert changed[dated].fields[0].old == old_due.date()
    assert [(f.key, f.new) for f in changed[renamed].fields] == [("title", "新的任务名称")]
    assert [(f.key, f.old_text, f.new_text) for f in changed[relead].fields] == [
        ("lead_unit", old_lead, store.db["units"].get(alias_unit)["name"])
    ]
    added = [a for a in preview.added if a.kind == "tasks"]
    assert [(a.row, a.label) for a in added] == [(added_row, "新增的任务")]
    assert [r.record_id for r in preview.removed if r.kind == "tasks"] == [leaf]
    role_changes = {(r.kind, bool(r.cascade_of)) for r in preview.removed if r.kind != "tasks"}
    assert ("task_units", False) in role_changes  # the old lead of `relead`
    assert preview.units_to_create == []
    assert "新的任务名称" in preview.text()

    apply_import(store, preview, allow_removals=True)
    assert store.db["tasks"].get(dated)["due_date"] == "2027-06-30"
    assert store.db["tasks"].get(renamed)["title"] == "新的任务名称"
    lead = store.db.execute(
        "SELECT unit_id FROM task_units WHERE task_id = ? AND role = 'lead'", [relead]
    ).fetchone()[0]
    assert lead == alias_unit
    new_task = store.db.execute(
        "SELECT due_date, deadline_text, program_id FROM tasks WHERE title = '新增的任务'"
    ).fetchone()
    assert new_task == ("2025-12-31", "2025年底前", program)  # due date read from the deadline
    assert store.db["tasks"].count_where("title = ?", [leaf_title]) == 0
    batch = store.db.execute(
        "SELECT id, source, description FROM change_batches ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert batch[1:] == ("import", "import of 计划导出.xlsx")
    logged = store.db.execute(
        "SELECT entity, entity_id, field FROM change_log WHERE batch_id = ?", [batch[0]]
    ).fetchall()
    assert ("tasks", dated, "due_date") in logged
    assert ("tasks", renamed, "title") in logged
    assert ("tasks", leaf, "*") in logged
    _assert_no_changes(preview_import(store, exported(store, tmp_path, "after.xlsx")))


def test_removing_a_task_takes_its_subtasks_and_records_along(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).delete(ids["late"])
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    removed = {(r.kind, r.record_id): r.cascade_of for r in preview.removed}
    assert removed[("tasks", ids["late"])] == ""
    assert removed[("tasks", ids["child"])] == f"task #{ids['late']}"
    assert removed[("task_units", (ids["late"], ids["lead"]))]
    apply_import(store, preview, allow_removals=True)
    assert store.db["tasks"].count == 1
    assert store.db["task_units"].count == 0
    logged = store.db.execute(
        "SELECT entity, entity_id FROM change_log WHERE field = '*' AND new_value IS NULL"
    ).fetchall()
    assert ("tasks", ids["child"]) in logged  # the sub-task's removal is logged too


def test_a_sheet_missing_from_the_workbook_changes_nothing(small_plan, tmp_path):
    store, _ = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    for name in ("任务", "任务分工", "责任单位"):
        del book[name]
    save()
    _assert_no_changes(preview_import(store, path))


def test_a_preview_is_refused_once_the_plan_has_changed(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["late"], "任务名称", "改")
    save()
    preview = preview_import(store, path)
    with store.action(ChangeSource.FORM, "meanwhile") as ch:
        ch.update("tasks", ids["child"], {"notes": "x"})
    with pytest.raises(ImportRefused, match="changed after the preview"):
        apply_import(store, preview)
    assert store.db["tasks"].get(ids["late"])["title"] == "逾期任务"


def test_cancelling_an_apply_leaves_the_plan_as_it_was(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["late"], "任务名称", "改")
    save()
    preview = preview_import(store, path)

    def cancel(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        apply_import(store, preview, progress=cancel)
    assert store.db["tasks"].get(ids["late"])["title"] == "逾期任务"


@needs_soffice
@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_a_workbook_resaved_by_libreoffice_imports_with_no_changes(sample_plan, tmp_path, fmt):
    path = exported(sample_plan, tmp_path)
    resaved = soffice_convert(path, fmt, tmp_path / "lo")
    preview = preview_import(sample_plan, resaved)
    _assert_no_changes(preview)


@needs_soffice
def test_libreoffice_keeps_formula_like_text_as_text(small_plan, tmp_path):
    store, ids = small_plan
    title = '=HYPERLINK("http://evil.example","点我")'
    with store.action(ChangeSource.COMMAND, "t") as ch:
        ch.update("tasks", ids["late"], {"title": title})
    resaved = soffice_convert(exported(store, tmp_path), "xlsx", tmp_path / "lo")
    preview = preview_import(store, resaved)
    _assert_no_changes(preview)
    assert not any("formula" in str(w) for w in preview.warnings)


def test_preview_json_names_counts_units_and_errors(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["late"], "牵头单位", "新成立的单位")
    save()
    data = preview_import(store, path).as_json()
    json.dumps(data, ensure_ascii=False)
    assert data["units_created"] == ["新成立的单位"]
    assert data["changed"] == {"tasks": 1}
    assert data["added"] == {"task_units": 1}
    assert data["removed"] == {"task_units": 1}
    assert data["errors"] == []
