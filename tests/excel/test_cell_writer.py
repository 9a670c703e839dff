"""The one cell writer: text stays text, is shown as written, and never breaks a workbook."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine
from openpyxl.cell import WriteOnlyCell

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.limits import MAX_TEXT
from qdplanner.excel.cell_writer import ExportError, needs_care, put_value
from qdplanner.excel.workbook_export import export_plan
from qdplanner.excel.workbook_import import apply_import, preview_import
from tests.excel.conftest import SheetEditor, edit, exported

TEXTS = [
    "plain",
    "_x0041_",
    "_x0041__x0042_",
    "_x0041_x0042_",
    "a_x005F_b",
    "_x005F_x0041_",
    "_X0041_ and _x00410_ and _x004_",
    '_x0001_=HYPERLINK("http://x","click")',
    '=HYPERLINK("http://x","click")',
    "+1",
    "-3",
    "@SUM(A1)",
    "#N/A",
    "#REF!",
    "line\nbreak\ttab",
]


def _decoded(raw: str) -> str:
    """What an OOXML reader shows for the string ``raw`` a file holds."""
    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), raw)


def _cell():
    return WriteOnlyCell(openpyxl.Workbook(write_only=True).create_sheet())


def _calamine(path: Path, sheet: int = 0) -> list[list]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_index(sheet).to_python()


@pytest.mark.parametrize("write_only", [False, True])
def test_text_reads_back_exactly_as_written(tmp_path, write_only):
    book = openpyxl.Workbook(write_only=write_only)
    ws = book.create_sheet("s") if write_only else book.active
    for n, text in enumerate(TEXTS, start=1):
        if write_only:
            ws.append([put_value(WriteOnlyCell(ws), text)])
        else:
            put_value(ws.cell(n, 1), text)
    book.save(tmp_path / "t.xlsx")
    assert [row[0] for row in _calamine(tmp_path / "t.xlsx")] == TEXTS
    back = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[0]
    for n, text in enumerate(TEXTS, start=1):
        cell = back.cell(n, 1)
        assert cell.data_type == "s", text  # never a formula, never an error value
        # openpyxl does not decode _xHHHH_: it shows what the file holds, escaped
        assert _decoded(cell.value) == text
        assert cell.quotePrefix == text.startswith(("=", "+", "-", "@", "#"))
    with zipfile.ZipFile(tmp_path / "t.xlsx") as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")


def test_a_literal_escape_is_escaped_once_per_underscore():
    cell = put_value(_cell(), "_x0041__x0042_")
    assert cell.value == "_x005F_x0041__x005F_x0042_"
    assert put_value(_cell(), "a_x005F_b").value == "a_x005F_x005F_b"


def test_control_characters_are_dropped_before_the_quote_check():
    cell = put_value(_cell(), '\x01=HYPERLINK("http://x")\x00')
    assert cell.value == '=HYPERLINK("http://x")'
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


def test_over_long_text_is_refused_naming_the_record():
    put_value(_cell(), "x" * MAX_TEXT + "\x01")  # counted without the control
    with pytest.raises(ExportError, match=r"任务 #7, 任务名称: the text .* 32,768 characters"):
        put_value(_cell(), "x" * (MAX_TEXT + 1), "任务 #7, 任务名称")


def test_escaping_may_go_past_a_cells_length_and_the_text_still_reads_back(tmp_path):
    text = "_x0041_" * (MAX_TEXT // 7)  # within the limit; escaped it is longer than 32,767
    book = openpyxl.Workbook()
    put_value(book.active.cell(1, 1), text)
    assert len(book.active.cell(1, 1).value) > MAX_TEXT
    book.save(tmp_path / "long.xlsx")
    assert _calamine(tmp_path / "long.xlsx")[0][0] == text


def test_plain_values_need_no_care():
    assert not needs_care("市科技局")
    assert not needs_care(12) and not needs_care(None)
    for text in ("=1", "#N/A", "a_x0041_", "a\x02", "x" * (MAX_TEXT + 1)):
        assert needs_care(text)


# -- the plan export -------------------------------------------------------------------------


def _set(store, table, record_id, values):
    """Write values the way an older plan may hold them (straight into the file)."""
    with store.action(ChangeSource.COMMAND, "old values") as ch:
        ch.update(table, record_id, values)


def test_export_then_import_of_escape_like_text_changes_nothing(small_plan, tmp_path):
    store, ids = small_plan
    _set(store, "tasks", ids["late"], {"title": "_x0041_ 任务", "notes": "#N/A"})
    _set(store, "units", ids["lead"], {"name": "_x0042_局"})
    doc = store.db.execute("SELECT id FROM plan_documents").fetchone()[0]
    _set(store, "plan_documents", doc, {"title": '_x0001_=HYPERLINK("http://x","click")'})
    path = exported(store, tmp_path)
    preview = preview_import(store, path)
    assert preview.errors == [] and preview.is_empty, preview.text()
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    tasks.set(ids["late"], "完成进度(%)", 60)
    save()
    apply_import(store, preview_import(store, path))
    row = store.db["tasks"].get(ids["late"])
    assert (row["title"], row["notes"], row["percent"]) == ("_x0041_ 任务", "#N/A", 60)
    assert store.db["units"].get(ids["lead"])["name"] == "_x0042_局"


def test_an_older_plan_with_control_characters_still_exports(small_plan, tmp_path):
    store, ids = small_plan
    _set(store, "tasks", ids["late"], {"title": "a\x01b", "notes": "\x1f=1+1"})
    _set(store, "units", ids["support"], {"name": "市\x02财政局"})
    path = exported(store, tmp_path)
    ws = openpyxl.load_workbook(path)["任务"]
    row = SheetEditor(ws).row_of(ids["late"])
    values = [c.value for c in ws[row]]
    assert "ab" in values and "=1+1" in values
    names = [r[0] for r in _calamine(path, openpyxl.load_workbook(path).sheetnames.index("_lists"))]
    assert "市财政局" in names


@pytest.mark.file_only("a NUL only an older plan file can hold: the store refuses to write one")
def test_an_older_plan_file_holding_a_nul_still_exports(small_plan, tmp_path):
    store, ids = small_plan
    with store.db.conn:  # as a version before the store refused NUL wrote it
        store.db.execute("UPDATE tasks SET notes = ? WHERE id = ?", ["\x00=1+1", ids["late"]])
    path = exported(store, tmp_path)
    ws = openpyxl.load_workbook(path)["任务"]
    assert "=1+1" in [c.value for c in ws[SheetEditor(ws).row_of(ids["late"])]]


def test_an_older_plan_with_an_over_long_text_is_refused_naming_the_record(small_plan, tmp_path):
    store, ids = small_plan
    _set(store, "tasks", ids["child"], {"notes": "长" * (MAX_TEXT + 1)})
    with pytest.raises(ExportError, match=rf"任务 #{ids['child']}, 备注: the text “长长"):
        export_plan(store, tmp_path / "plan.xlsx")
    assert not (tmp_path / "plan.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
