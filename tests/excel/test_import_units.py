"""Units on import: names, short names and aliases; new units; the Task units sheet."""

from __future__ import annotations

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.unit_names import AmbiguousUnit, UnitEntry, UnitResolver
from qdplanner.domain.unit_names import split_unit_names as split_names
from qdplanner.excel.workbook_import import apply_import, preview_import
from tests.excel.conftest import SheetEditor, edit, exported


def test_split_names_knows_the_usual_separators():
    assert split_names("市科技局、市财政局，市教育局；市商务局/市统计局\n市工信局") == [
        "市科技局",
        "市财政局",
        "市教育局",
        "市商务局",
        "市统计局",
        "市工信局",
    ]
    assert split_names(None) == [] and split_names("  ") == []


def test_resolver_prefers_names_then_aliases_then_unique_short_names():
    resolver = UnitResolver(
        [
            UnitEntry(1, "青岛市科学技术局", "市科技局", ("科技局",)),
            UnitEntry(2, "崂山区科技局", "区科技局"),
            UnitEntry(3, "黄岛区科技局", "区科技局"),
        ]
    )
    assert resolver.find("青岛市科学技术局").key == 1
    assert resolver.find(" 科技局 ").key == 1
    assert resolver.find("市科技局").key == 1
    assert resolver.find("ＱＱ") is None
    with pytest.raises(AmbiguousUnit):
        resolver.find("区科技局")
    assert [key for _, e in resolver.find_list("市科技局、崂山区科技局") for key in [e.key]] == [
        1,
        2,
    ]


def test_lead_unit_by_short_name_is_no_change(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["late"], "牵头单位", "市科技局")  # its short name
    save()
    preview = preview_import(store, path)
    assert preview.is_empty and preview.errors == []


def test_unknown_units_are_listed_and_created_on_apply(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["child"], "配合单位", "市财政局、青岛大学、青岛大学")
    save()
    preview = preview_import(store, path)
    assert preview.units_to_create == ["青岛大学"]
    assert any("listed twice" in e.message for e in preview.errors)

    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["child"], "配合单位", "市财政局、青岛大学")
    save()
    preview = preview_import(store, path)
    assert preview.errors == [] and preview.units_to_create == ["青岛大学"]
    apply_import(store, preview)
    unit = store.db.execute("SELECT id, kind FROM units WHERE name = '青岛大学'").fetchone()
    assert unit[1] == "other"
    supports = store.db.execute(
        "SELECT unit_id FROM task_units WHERE task_id = ? AND role = 'support' ORDER BY position",
        [ids["child"]],
    ).fetchall()
    assert supports == [(ids["support"],), (unit[0],)]


def test_renaming_a_unit_and_adding_an_alias(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    units = SheetEditor(book["责任单位"])
    units.set(ids["support"], "单位名称", "青岛市财政局")
    units.set(ids["support"], "别名", "财政局、市财政")
    SheetEditor(book["任务"]).set(ids["late"], "配合单位", "市财政")  # the new alias
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    assert preview.units_to_create == []
    assert preview.counts()["changed"] == {"units": 1}
    apply_import(store, preview)
    assert store.db["units"].get(ids["support"])["name"] == "青岛市财政局"
    aliases = [r[0] for r in store.db.execute("SELECT alias FROM unit_aliases ORDER BY alias")]
    assert aliases == sorted(["财政局", "市财政"])


def test_roles_are_edited_in_the_task_units_sheet_when_it_is_the_only_copy(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    del book["任务"]  # the workbook holds the units once: in 任务分工
    for row in book["任务分工"].iter_rows(min_row=2):
        if row[0].value == ids["late"]:  # swap lead and support
            row[3].value = "配合" if row[3].value == "牵头" else "牵头"
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    apply_import(store, preview, allow_removals=True)
    lead = store.db.execute(
        "SELECT unit_id FROM task_units WHERE task_id = ? AND role = 'lead'", [ids["late"]]
    ).fetchone()[0]
    assert lead == ids["support"]


def test_with_the_task_sheet_the_task_units_sheet_is_a_view_and_its_edits_are_named(
    small_plan, tmp_path
):
    """One fact, one editable cell: the task sheet's 牵头单位 wins; 任务分工 saying otherwise
    is one warning, not a second change (nor an error on every later import)."""
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    tasks.set(ids["late"], "牵头单位", "市财政局")
    tasks.set(ids["late"], "配合单位", "青岛市科学技术局")
    for cells in book["任务分工"].iter_rows(min_row=2):
        if cells[0].value == ids["late"]:
            cells[3].value = "配合"  # no lead at all: ignored
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    [warning] = [w for w in preview.warnings if getattr(w, "sheet", "") == "任务分工"]
    assert "read-only" in str(warning) and "1 difference" in str(warning)
    apply_import(store, preview, allow_removals=True)
    lead = store.db.execute(
        "SELECT unit_id FROM task_units WHERE task_id = ? AND role = 'lead'", [ids["late"]]
    ).fetchone()[0]
    assert lead == ids["support"]  # 市财政局


def test_importing_the_same_workbook_again_changes_nothing(small_plan, tmp_path):
    """The flip-flop the office met: a lead changed in 任务 only, and a due date cleared
    beside a typed deadline phrase. The second import of the same file is empty."""
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    tasks.set(ids["late"], "牵头单位", "市财政局")
    tasks.set(ids["late"], "配合单位", "青岛市科学技术局")
    tasks.set(ids["ongoing"], "截止日期", None)
    tasks.set(ids["ongoing"], "完成时限", "2025年6月底前")
    save()
    first = preview_import(store, path)
    apply_import(store, first, allow_removals=True)
    due = store.db.execute("SELECT due_date FROM tasks WHERE id = ?", [ids["ongoing"]]).fetchone()
    assert due == ("2025-06-30",)
    again = preview_import(store, path)
    assert again.is_empty, again.changed
    again_twice = preview_import(store, path)
    assert again_twice.is_empty


def test_the_same_edit_in_both_sheets_is_fine(small_plan, tmp_path):
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["late"], "配合单位", None)
    roles = book["任务分工"]
    for cells in list(roles.iter_rows(min_row=2)):
        if cells[0].value == ids["late"] and cells[3].value == "配合":
            roles.delete_rows(cells[0].row)
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    assert [r.record_id for r in preview.removed] == [(ids["late"], ids["support"])]


def test_an_ambiguous_short_name_is_an_error(small_plan, tmp_path):
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "two units, one short name") as ch:
        ch.insert("units", {"name": "崂山区科技局", "short_name": "区科技局"})
        ch.insert("units", {"name": "黄岛区科技局", "short_name": "区科技局"})
    path = exported(store, tmp_path)
    book, save = edit(path)
    row = SheetEditor(book["任务"]).set(ids["ongoing"], "牵头单位", "区科技局")
    save()
    preview = preview_import(store, path)
    assert [(e.row, e.column) for e in preview.errors] == [(row, "P (牵头单位)")]
    assert "崂山区科技局" in preview.errors[0].message
