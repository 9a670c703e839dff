"""Collection workbooks carry no formula and show every text as written; returned values a
plan cannot hold are refused, named by file, sheet, row and column."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.limits import MAX_TEXT
from qdplanner.excel import collection_layout as layout
from qdplanner.excel.collection_export import collect_workbooks
from qdplanner.excel.collection_import import ReturnsRefused, apply_returns, preview_returns
from qdplanner.excel.workbook_export import ExportError
from qdplanner.store import PlanStore
from tests.excel.collection_helpers import fill, header_columns, progress_sheet, row_of_task
from tests.plan_state import plan_state

PERIOD = "2024Q3"
TITLE = '_x0001_=HYPERLINK("http://x","click")'


def _set(store, table: str, record_id: int, values: dict) -> None:
    """Values as an older plan may hold them, written straight into the file."""
    with store.action(ChangeSource.COMMAND, "old values") as ch:
        ch.update(table, record_id, values)


def _collect(store, folder: Path) -> Path:
    (book,) = collect_workbooks(store, folder, PERIOD).workbooks
    return book.path


def _calamine(path: Path, sheet: str) -> list[list]:
    return (
        python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    )


def test_a_formula_like_plan_title_stays_text_in_every_sheet(small_plan, tmp_path):
    store, ids = small_plan
    _set(store, "plan_documents", ids["doc"], {"title": TITLE})
    _set(store, "tasks", ids["late"], {"title": "=cmd|' /C calc'!A0", "code": "_x0041_"})
    path = _collect(store, tmp_path)
    with zipfile.ZipFile(path) as zf:
        sheets = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and all(b"<f>" not in zf.read(n) for n in sheets)
    book = openpyxl.load_workbook(path)
    assert all(c.data_type != "f" for ws in book for row in ws.iter_rows() for c in row)
    info = book["填报说明"]
    plan_cell = next(row[1] for row in info.iter_rows() if row[0].value == "规划")
    assert plan_cell.data_type == "s"
    assert plan_cell.value == "_x005F_" + TITLE[1:]  # escaped: a reader shows it literally
    rows = _calamine(path, "填报说明")
    assert ["规划", TITLE] in [row[:2] for row in rows]
    progress = _calamine(path, "进展填报")
    task_row = progress[layout.FIRST_ROW - 1]
    assert task_row[1:4:2] == ["_x0041_", "=cmd|' /C calc'!A0"]


def test_a_returned_workbook_of_escape_like_and_control_text_is_accepted(small_plan, tmp_path):
    """The digests of the locked cells are taken of what a reader gets back: the literal
    ``_x0041_``, and the title without the control character an older plan held."""
    store, ids = small_plan
    _set(store, "tasks", ids["late"], {"title": "逾期\x01任务_x0041_", "code": "=1"})
    path = _collect(store, tmp_path / "out")
    returned = fill(path, {ids["late"]: {"完成进度(%)": 80, "进展情况": "按计划推进"}},
                    tmp_path / "back.xlsx")  # fmt: skip
    preview = preview_returns(store, [returned], period=PERIOD)
    assert preview.errors == [] and len(preview.planned) == 1, preview.text()
    apply_returns(store, preview)
    report = store.db.execute("SELECT percent, narrative FROM progress_reports").fetchone()
    assert report == (80, "按计划推进")


def _over_long(cell) -> None:
    cell._value = "进" * (MAX_TEXT + 1)  # openpyxl's setter would cut it
    cell.data_type = "s"


@pytest.mark.parametrize(
    ("header", "value", "says"),
    [
        ("进展情况", "进展_x0001_顺利", "control character U+0001"),
        ("存在问题", "_x0000_无", "control character U+0000"),
        ("填报人", "张三_x0007_", "control character U+0007"),
        ("进展情况", _over_long, "32,768 characters long"),
        ("填报日期", datetime.date(9999, 12, 31), "between 1900-01-01 and 2100-12-31"),
        ("填报日期", "2101-01-01", "(got 2101-01-01)"),
    ],
)
def test_a_returned_value_a_plan_cannot_hold_is_refused_where_it_is(
    small_plan, tmp_path, header, value, says
):
    store, ids = small_plan
    path = _collect(store, tmp_path / "out")
    book = openpyxl.load_workbook(path)
    ws = progress_sheet(book)
    columns = header_columns(ws)
    row = row_of_task(ws, ids["late"])
    ws.cell(row, columns["完成进度(%)"]).value = 70
    cell = ws.cell(row, columns[header])
    if callable(value):
        value(cell)
    else:
        cell.value = value
    book.save(tmp_path / "back.xlsx")
    store.close()
    before = plan_state(store.path)
    with PlanStore.open(store.path) as store:
        preview = preview_returns(store, [tmp_path / "back.xlsx"], period=PERIOD)
        letter = openpyxl.utils.get_column_letter(columns[header])
        assert [(e.file, e.sheet, e.row, e.column) for e in preview.errors] == [
            ("back.xlsx", "进展填报", row, f"{letter} ({header})")
        ]
        assert says in preview.errors[0].message
        with pytest.raises(ReturnsRefused, match="each has errors"):
            apply_returns(store, preview)
    assert plan_state(store.path) == before


def test_an_older_plan_with_an_over_long_title_is_refused_naming_the_task(small_plan, tmp_path):
    store, ids = small_plan
    _set(store, "tasks", ids["late"], {"title": "长" * (MAX_TEXT + 1)})
    with pytest.raises(ExportError, match=rf"进展填报 #{ids['late']}, 任务: the text “长长"):
        collect_workbooks(store, tmp_path / "out", PERIOD)
    assert list((tmp_path / "out").glob("*.xlsx")) == []
    assert store.db["collections"].count == 0
