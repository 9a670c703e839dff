"""Merged cells of .ods workbooks, which python-calamine (0.9) does not report.

:func:`ods_merged_ranges` reads them from ``content.xml`` (``table:number-rows-spanned`` /
``table:number-columns-spanned``) in the form python-calamine gives for .xlsx and .xls:
0-based inclusive ``((first_row, first_col), (last_row, last_col))``.
:func:`sheet_with_merges` reads a sheet and fills in those ranges when the workbook is .ods.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from defusedxml.ElementTree import iterparse  # no entity expansion from a hostile file

from qdplanner.excel.cells import SheetCells, WorkbookCells

__all__ = ["ods_merged_ranges", "sheet_with_merges"]

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_CELLS = {f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"}
Range = tuple[tuple[int, int], tuple[int, int]]


def ods_merged_ranges(path: str | Path) -> dict[str, list[Range]]:
    """Sheet name → its merged ranges, for an .ods file (already checked by ``open_workbook``)."""
    found: dict[str, list[Range]] = {}
    ranges: list[Range] = []
    row = column = 0
    rows_repeated = 1
    depth = 0  # cells inside a cell (a sub-table) are skipped
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag
            if tag in _CELLS:
                depth += 1 if event == "start" else -1
                if event == "start" and depth == 1:
                    rows_span = int(element.get(f"{_TABLE}number-rows-spanned", 1))
                    cols_span = int(element.get(f"{_TABLE}number-columns-spanned", 1))
                    if rows_span > 1 or cols_span > 1:
                        last = (row + rows_span - 1, column + cols_span - 1)
                        ranges.append(((row, column), last))
                    column += int(element.get(f"{_TABLE}number-columns-repeated", 1))
            elif depth:
                continue
            elif tag == f"{_TABLE}table-row":
                if event == "start":
                    column = 0
                    rows_repeated = int(element.get(f"{_TABLE}number-rows-repeated", 1))
                else:
                    row += rows_repeated
            elif tag == f"{_TABLE}table" and event == "start":
                ranges, row = [], 0
                found[element.get(f"{_TABLE}name", "")] = ranges
            if event == "end":
                element.clear()
    return found


def sheet_with_merges(book: WorkbookCells, name: str) -> SheetCells:
    """Sheet ``name`` of ``book``, with its merged ranges also for an .ods workbook."""
    sheet = book.sheet(name)
    if book.format == "ods" and not sheet.merged:
        sheet.merged = ods_merged_ranges(book.path).get(name, [])
    return sheet
