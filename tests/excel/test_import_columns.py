"""A sheet's columns are read whole (text checked at once, numbers by their extremes, repeated
values converted once), yet every cell is read exactly as it would be on its own: a refused
cell is named by its row, and values that are equal across types (1 and True) stay apart."""

from __future__ import annotations

import datetime

import pytest

from qdplanner.excel.cells import SheetCells
from qdplanner.excel.import_parse import parse_sheet
from qdplanner.excel.sheet_specs import SHEETS_BY_KEY

SPEC = SHEETS_BY_KEY["tasks"]
HEAD = [
    "ID",
    "上级任务ID",
    "计划ID",
    "排序",
    "任务名称",
    "截止日期",
    "状态",
    "完成进度(%)",
    "示例数据",
]
LETTER = {h: chr(ord("A") + i) for i, h in enumerate(HEAD)}
KEY = {"排序": "position", "任务名称": "title", "截止日期": "due_date", "状态": "status",
       "完成进度(%)": "percent", "示例数据": "is_illustrative"}  # fmt: skip


def _row(n: int, **cells) -> list:
    values = {
        "ID": n, "上级任务ID": None, "计划ID": 1, "排序": n % 7, "任务名称": f"任务{n}",
        "截止日期": datetime.date(2026, 6, 30), "状态": "进行中", "完成进度(%)": 50,
        "示例数据": "否",
    }  # fmt: skip
    values.update(cells)
    return [values[h] for h in HEAD]


def _parse(rows: list[list]):
    errors: list = []
    parsed = parse_sheet(SPEC, SheetCells("任务", [HEAD, *rows]), "plan.xlsx", errors, [])
    return parsed, {(e.row, e.column): e.message for e in errors}


def _where(header: str) -> str:
    return f"{LETTER[header]} ({header})"


def test_a_clean_sheet_reads_every_value():
    rows = [_row(n) for n in range(1, 101)]
    parsed, errors = _parse(rows)
    assert errors == {}
    assert [r.id for r in parsed.rows] == list(range(1, 101))
    assert [r.row for r in parsed.rows] == list(range(2, 102))
    first = parsed.rows[0].values
    assert first["status"] == "in_progress" and first["percent"] == 50
    assert first["is_illustrative"] is False and first["position"] == 1
    assert first["due_date"] == datetime.date(2026, 6, 30)
    assert first["title"] == "任务1"


@pytest.mark.parametrize(
    ("header", "bad", "says"),
    [
        ("状态", "差不多吧", "差不多吧"),  # one odd word among 100 repeated ones
        ("完成进度(%)", 140, "140"),  # a whole number past the column's top
        ("排序", -1, "-1"),  # … or below its bottom
        ("任务名称", "标题\x07", "U+0007"),  # a control character in one text of many
        ("任务名称", "长" * 32_768, "32,768"),  # a text longer than a cell holds
        ("截止日期", "2026-13-01", "2026-13-01"),
        ("示例数据", "也许", "也许"),
    ],
)
def test_one_refused_cell_among_many_is_named_by_its_row(header, bad, says):
    rows = [_row(n) for n in range(1, 101)]
    rows[57] = _row(58, **{header: bad})
    parsed, errors = _parse(rows)
    assert list(errors) == [(59, _where(header))]
    assert says in errors[(59, _where(header))]
    assert len(parsed.rows) == 100  # the row is kept, without the refused value
    kept = next(r for r in parsed.rows if r.row == 59)
    assert kept.id == 58
    assert KEY[header] not in kept.values
    assert all(key in kept.values for key in KEY.values() if key != KEY[header])


def test_a_yes_no_cell_is_not_the_whole_number_it_equals():
    # True == 1 in Python: a column of mostly 1s must still refuse the yes/no cell
    rows = [_row(n, **{"排序": 1}) for n in range(1, 101)]
    rows[10] = _row(11, **{"排序": True})
    _, errors = _parse(rows)
    assert list(errors) == [(12, _where("排序"))]
    assert "not a whole number" in errors[(12, _where("排序"))]


def test_blank_cells_take_the_columns_defaults_and_blank_rows_are_skipped():
    rows = [_row(n, **{"排序": None, "状态": None}) for n in range(1, 51)]
    rows.insert(20, [None] * len(HEAD))
    parsed, errors = _parse(rows)
    assert errors == {}
    assert len(parsed.rows) == 50
    assert {r.values["status"] for r in parsed.rows} == {"not_started"}
    assert {r.values["position"] for r in parsed.rows} == {None}
    assert parsed.rows[20].row == 23  # the blank row 22 is skipped, numbering kept


def test_rows_of_different_widths_read_as_rows_of_one_width():
    rows = [_row(n) for n in range(1, 41)]
    ragged = [r[: 5 + n % 5] for n, r in enumerate(rows)]  # trailing cells missing
    full = [r[: 5 + n % 5] + [None] * (len(HEAD) - 5 - n % 5) for n, r in enumerate(rows)]
    parsed_ragged, errors_ragged = _parse(ragged)
    parsed_full, errors_full = _parse(full)
    assert errors_ragged == errors_full == {}
    assert [(r.row, r.id, r.values) for r in parsed_ragged.rows] == [
        (r.row, r.id, r.values) for r in parsed_full.rows
    ]
