"""Filling in a collection workbook as a unit would: open it, type into cells, save it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from qdplanner.excel import collection_layout as layout


def progress_sheet(book: Any) -> Any:
    for name in layout.SHEETS["progress"]:
        if name in book.sheetnames:
            return book[name]
    raise KeyError("no progress sheet")


def header_columns(ws: Any) -> dict[str, int]:
    """Header text → 1-based column."""
    return {
        ws.cell(layout.HEADER_ROW, c).value: c
        for c in range(1, ws.max_column + 1)
        if ws.cell(layout.HEADER_ROW, c).value
    }


def row_of_task(ws: Any, task_id: int) -> int:
    for row in range(layout.FIRST_ROW, ws.max_row + 1):
        if ws.cell(row, 1).value == task_id:
            return row
    raise KeyError(task_id)


def task_ids(path: Path) -> list[int]:
    ws = progress_sheet(openpyxl.load_workbook(path))
    return [
        ws.cell(r, 1).value
        for r in range(layout.FIRST_ROW, ws.max_row + 1)
        if ws.cell(r, 1).value is not None
    ]


def fill(path: Path, reports: dict[int, dict[str, Any]], out: Path | None = None) -> Path:
    """Type ``reports`` ({task id: {header: value}}) into the workbook; save as ``out``."""
    book = openpyxl.load_workbook(path)
    ws = progress_sheet(book)
    columns = header_columns(ws)
    for task_id, values in reports.items():
        row = row_of_task(ws, task_id)
        for header, value in values.items():
            ws.cell(row, columns[header]).value = value
    target = out or path
    book.save(target)
    return target


def set_cell(path: Path, ref: str, value: Any, out: Path | None = None) -> Path:
    book = openpyxl.load_workbook(path)
    progress_sheet(book)[ref] = value
    target = out or path
    book.save(target)
    return target


def conflicting_returns(first: Path, second: Path, folder: Path) -> list[Path]:
    """Three returned copies of two units' workbooks (``first``, ``second``): two of the first
    disagree about its first task (70 % / 80 %), the second reports its first task done —
    what the screenshots of the returns dialog show."""
    task = task_ids(first)[0]
    a = fill(first, {task: {"完成进度(%)": 70, "进展情况": "已完成年度建设任务的七成。"}},
             folder / "a.xlsx")  # fmt: skip
    b = fill(first, {task: {"完成进度(%)": 80, "进展情况": "主体工程基本完成。"}},
             folder / "b.xlsx")  # fmt: skip
    other = task_ids(second)[0]
    c = fill(second, {other: {"完成进度(%)": 100, "本期状态": "已完成"}},
             folder / "c.xlsx")  # fmt: skip
    return [a, b, c]
