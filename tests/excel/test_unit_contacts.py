"""A unit's contact person (联系人) and phone (联系电话) round-trip through the plan workbook."""

from __future__ import annotations

from qdplanner.domain.enums import ChangeSource
from qdplanner.excel.workbook_import import apply_import, preview_import
from qdplanner.store.units import read_unit_rows, update_unit
from tests.excel.conftest import SheetEditor, edit, exported


def test_contact_person_and_phone_are_exported_and_imported(small_plan, tmp_path):
    store, ids = small_plan
    with store.action(ChangeSource.FORM, "contact") as changes:
        update_unit(store, changes, ids["lead"], {"contact": "张三", "phone": "0532-85911234"})
    path = exported(store, tmp_path)
    book, save = edit(path)
    units = SheetEditor(book["责任单位"])
    assert units.get(ids["lead"], "联系人") == "张三"
    assert units.get(ids["lead"], "联系电话") == "0532-85911234"
    assert preview_import(store, path).is_empty  # exported as it is: nothing to change
    units.set(ids["lead"], "联系电话", "0532-66661234")
    units.set(ids["support"], "联系人", "李四")
    save()
    apply_import(store, preview_import(store, path))
    rows = {r.id: r for r in read_unit_rows(store)}
    assert (rows[ids["lead"]].contact, rows[ids["lead"]].phone) == ("张三", "0532-66661234")
    assert rows[ids["support"]].contact == "李四"


def test_a_workbook_with_the_old_contact_column_still_imports(small_plan, tmp_path):
    """Workbooks written before the phone had its column named the contact 联系方式."""
    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit(path)
    sheet = book["责任单位"]
    for cell in sheet[1]:
        if cell.value == "联系人":
            cell.value = "联系方式"
    SheetEditor(sheet).set(ids["lead"], "联系方式", "王五")
    save()
    preview = preview_import(store, path)
    assert preview.errors == []
    apply_import(store, preview)
    rows = {r.id: r for r in read_unit_rows(store)}
    assert rows[ids["lead"]].contact == "王五"


def test_english_headers_round_trip_too(small_plan, tmp_path):
    store, ids = small_plan
    with store.action(ChangeSource.FORM, "contact") as changes:
        update_unit(store, changes, ids["lead"], {"contact": "Zhang", "phone": "+86 532 1234"})
    path = exported(store, tmp_path, lang="en")
    book, _save = edit(path)
    units = SheetEditor(book["Units"])
    assert units.get(ids["lead"], "Contact person") == "Zhang"
    assert units.get(ids["lead"], "Phone") == "+86 532 1234"
