"""Reading workbooks (.xlsx, .xls, .ods) with python-calamine, values normalised at the edge.

Every importer reads cells through :func:`open_workbook`, so they all see the same values:

* whole numbers are ``int`` (calamine gives ``3.0``; openpyxl would give ``3``);
* a date-time at midnight is a ``date`` (a date-formatted cell), other date-times stay;
* text is stripped of surrounding blanks; an empty cell or blank text is ``None``;
* ``bool``, other floats, ``datetime.time`` and ``timedelta`` are passed through.

Rows and columns are addressed as in Excel: ``sheet.rows[0]`` is row 1 and ``row[0]`` is
column A, whatever the used area is. Files are checked first (:mod:`file_checks`): anything
that is not a workbook, is damaged, or is too large is refused with a :class:`WorkbookError`
naming the file (and sheet). Formula cells are read as their cached values; the workbook's
``warnings`` say where they are (python-calamine does not report formulas; the check scans
.xlsx and .ods for them, and cannot for .xls).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

import python_calamine

from qdplanner.errors import N_
from qdplanner.excel.file_checks import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    FileScan,
    WorkbookError,
    check_file,
)
from qdplanner.excel.file_checks import column_letter as get_column_letter
from qdplanner.excel.import_model import CellError

__all__ = ["SheetCells", "WorkbookCells", "WorkbookError", "cell_ref", "normalise", "open_workbook"]

CellValue = Any  # int | float | str | bool | date | datetime | time | timedelta | None
_MIDNIGHT = time()
_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods"}


def normalise(value: Any) -> CellValue:
    """One cell's value as every importer sees it (see the module docstring)."""
    kind = type(value)
    if kind is str:
        return value.strip() or None
    if kind is float:
        return int(value) if value.is_integer() else value
    if kind is datetime:
        return value.date() if value.time() == _MIDNIGHT and value.tzinfo is None else value
    return value


def normalise_row(values: list[Any]) -> list[CellValue]:
    """``normalise`` over a row (the hot loop of every import: one comprehension, no calls
    for the common types)."""
    return [
        (v.strip() or None)
        if type(v) is str
        else ((int(v) if v.is_integer() else v) if type(v) is float else _other(v))
        for v in values
    ]


def _other(value: Any) -> CellValue:
    if type(value) is datetime:
        return value.date() if value.time() == _MIDNIGHT and value.tzinfo is None else value
    return value


def cell_ref(row: int, column: int) -> str:
    """Excel reference of a 0-based (row, column): (0, 0) → ``A1``."""
    return f"{get_column_letter(column + 1)}{row + 1}"


@dataclass
class SheetCells:
    """One sheet's cells, normalised; ``rows[r][c]`` is Excel row r+1, column c+1."""

    name: str
    rows: list[list[CellValue]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)  # Excel row numbers hidden in the file
    hidden_columns: set[int] = field(default_factory=set)  # 0-based columns hidden in the file

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, column: int) -> CellValue:
        """The value at 0-based (row, column); None outside the used area."""
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return None


@dataclass
class WorkbookCells:
    """An open workbook. Sheets are read on demand with :meth:`sheet`."""

    path: Path
    format: str
    sheet_names: list[str]
    hidden: set[str]
    warnings: list[CellError]
    _book: Any
    _scan: FileScan

    def sheet(self, name: str) -> SheetCells:
        """Read and normalise sheet ``name``; refuse it when its used area is absurd."""
        try:
            raw = self._book.get_sheet_by_name(name)
        except python_calamine.CalamineError as exc:
            raise WorkbookError(
                N_("Messages", "{name}, sheet {sheet}: cannot be read ({reason})"),
                name=self.path.name,
                sheet=name,
                reason=exc,
            ) from None
        height, width = raw.total_height, raw.total_width
        if height > MAX_ROWS or width > MAX_COLUMNS or height * width > MAX_CELLS:
            raise WorkbookError(
                N_(
                    "Messages",
                    "{name}, sheet {sheet}: {rows} rows × {columns} columns is more than this "
                    "program reads ({max_rows} rows, {max_columns} columns, {max_cells} cells "
                    "in all)",
                ),
                name=self.path.name,
                sheet=name,
                rows=f"{height:,}",
                columns=f"{width:,}",
                max_rows=f"{MAX_ROWS:,}",
                max_columns=MAX_COLUMNS,
                max_cells=f"{MAX_CELLS:,}",
            )
        rows = [normalise_row(r) for r in raw.to_python(skip_empty_area=False)]
        for r, c in self._scan.percent_cells.get(name, ()):
            value = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
            if type(value) in (int, float):  # shown as 80% in Excel: read as written there
                rows[r][c] = f"{round(value * 100, 6):g}%"
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        merged = raw.merged_cell_ranges or []
        return SheetCells(
            name,
            rows,
            list(merged),
            name in self.hidden,
            self._scan.hidden_rows.get(name, set()),
            self._scan.hidden_columns.get(name, set()),
        )

    def formula_warning(self, sheet: str) -> CellError | None:
        """The warning about the formula cells seen in ``sheet``, or None."""
        count = self._scan.formula_counts.get(sheet)
        if not count:
            return None
        refs = self._scan.formulas.get(sheet, [])
        where = f"{', '.join(refs)}{' …' if count > len(refs) else ''}"
        template = (
            N_(
                "Messages",
                "{count} cell(s) hold formulas ({cells}); their last calculated values were "
                "read, not the formulas",
            )
            if refs
            else N_(
                "Messages",
                "{count} cell(s) hold formulas; their last calculated values were read, not "
                "the formulas",
            )
        )
        return CellError(
            self.path.name, sheet, None, None, template, {"count": count, "cells": where}
        )


@contextmanager
def open_workbook(path: str | Path) -> Iterator[WorkbookCells]:
    """Open a workbook for reading (checked first; see the module docstring)."""
    path = Path(path)
    scan = check_file(path)
    suffix_format = _SUFFIXES.get(path.suffix.lower())
    try:
        if suffix_format == scan.format:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
        else:  # named .xls but really .xlsx (units send such files): read by content
            book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    except python_calamine.PasswordError:
        raise WorkbookError(
            N_("Messages", "{name}: the workbook is password-protected"), name=path.name
        ) from None
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        raise WorkbookError(
            N_("Messages", "{name}: the workbook is damaged or unreadable ({reason})"),
            name=path.name,
            reason=exc,
        ) from None
    try:
        metadata = book.sheets_metadata
        names = [m.name for m in metadata if str(m.typ).endswith("WorkSheet")]
        hidden = {m.name for m in metadata if not str(m.visible).endswith(".Visible")}
        cells = WorkbookCells(path, scan.format, names, hidden, [], book, scan)
        for name in names:
            if warning := cells.formula_warning(name):
                cells.warnings.append(warning)
        if ods_count := scan.formula_counts.get("*"):
            cells.warnings.append(
                CellError(
                    path.name,
                    "",
                    None,
                    None,
                    N_(
                        "Messages",
                        "{count} cell(s) hold formulas; their last calculated values were "
                        "read, not the formulas",
                    ),
                    {"count": ods_count},
                )
            )
        if scan.formulas_unknown:
            cells.warnings.append(
                CellError(
                    path.name,
                    "",
                    None,
                    None,
                    N_(
                        "Messages",
                        "formulas in .xls files cannot be detected; cells are read as their "
                        "last calculated values",
                    ),
                )
            )
        yield cells
    finally:
        book.close()
