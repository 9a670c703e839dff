"""Export the whole plan as one .xlsx workbook (one sheet per kind of record).

What a caller may rely on:

* the sheets, columns and headers are those of :mod:`sheet_specs`, headers in ``lang``;
* the first column is the stable ID; dates are real Excel dates (``yyyy-mm-dd``); coded values
  (status, kinds) are shown by their label in ``lang`` (:mod:`vocabulary`), with a dropdown;
  the lead-unit columns have a dropdown of unit names (a hidden sheet ``_lists`` holds them;
  other names may still be typed, with a warning, and become units to create on import);
* the header row is frozen and filtered; tasks are in tree order with their outline level in
  Excel's row outline and a Level column;
* every cell is written by :mod:`cell_writer`: text is always text (a title such as
  ``=HYPERLINK(…)`` stays a string, with Excel's quote prefix), shown as written (a literal
  ``_x0041_`` is escaped), without the control characters an older plan may hold; a text
  longer than a cell holds is refused naming its record, so an export carries no formula;
* the file appears whole or not at all: it is written beside ``path`` and renamed into place;
* ``progress(done, total)`` is called about every 500 rows; an exception it raises (e.g. a
  cancellation) stops the export and leaves no file behind.

Written with openpyxl in write-only mode, which keeps styles, validation, outline levels and
frozen panes and is the fastest way openpyxl writes (see bench/bench_excel.py).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import Outline

from qdplanner.errors import N_
from qdplanner.excel.cell_writer import ExportError, guard_column, put_value
from qdplanner.excel.file_checks import MAX_ROWS
from qdplanner.excel.plan_rows import PlanRows, Row
from qdplanner.excel.sheet_specs import LISTS_SHEET, SHEETS, Column, Kind, SheetSpec
from qdplanner.excel.vocabulary import LANGUAGES, label, labels, yes_no
from qdplanner.excel.workbook_identity import write_identity
from qdplanner.store.bulk import paused_gc
from qdplanner.store.collections import plan_uuid
from qdplanner.store.plan_store import PlanStore

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
SAMPLE_ROWS = 200  # rows looked at to size a column
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_READONLY_FILL = PatternFill("solid", fgColor="E7E6E6")
# Sheets that only show facts edited in another sheet's cells (one fact, one editable cell):
# 任务分工 shows each task's units, edited in the task sheet's 牵头单位/配合单位 columns.
VIEW_SHEETS = frozenset({"task_units"})
_TEXT_KINDS = (Kind.TEXT, Kind.UNIT, Kind.UNITS, Kind.NAMES)


def export_plan(
    store: PlanStore,
    path: str | Path,
    *,
    lang: str = "zh_CN",
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write the plan to ``path`` (.xlsx); return the number of rows written per sheet key."""
    if lang not in LANGUAGES:
        raise ExportError(
            N_("Messages", "unknown language {lang}; use one of {choices}"),
            lang=lang,
            choices=", ".join(LANGUAGES),
        )
    path = Path(path)
    if path.suffix.lower() != ".xlsx":  # .xls / .ods bytes are not what openpyxl writes
        raise ExportError(
            N_(
                "Messages",
                "{name}: plan workbooks are written as .xlsx (Excel 2007 and later; WPS and "
                "LibreOffice open them); name the file {suggested}",
            ),
            name=path.name,
            suggested=path.with_suffix(".xlsx").name,
        )
    with paused_gc():  # the plan's rows stay alive throughout: no full collection walks them
        return _export(store, path, lang, progress)


def _export(store: PlanStore, path: Path, lang: str, progress: Progress | None) -> dict[str, int]:
    # read before the rows: a change landing between the two reads is then "after the
    # export", and its value, already in the workbook, equals the plan's (no change)
    batch = store.latest_batch()
    plan = PlanRows(store)
    sheets = [(spec, plan.rows(spec)) for spec in SHEETS]
    for spec, rows in sheets:
        if len(rows) + 1 > MAX_ROWS:  # Excel opens no longer sheet; nor does our import
            raise ExportError(
                N_(
                    "Messages",
                    "{name}: the {sheet} sheet would have {rows} rows, more than a workbook "
                    "holds ({limit}); export a part of the plan instead",
                ),
                name=path.name,
                sheet=spec.title(lang),
                rows=f"{len(rows) + 1:,}",
                limit=f"{MAX_ROWS:,}",
            )
    writer = _Writer(lang, sum(len(rows) + 1 for _, rows in sheets), progress)
    try:
        for spec, rows in sheets:
            writer.sheet(spec, rows)
        writer.lists(list(plan.unit_names.values()))
        write_identity(writer.book, plan_uuid(store), _plan_title(sheets), store.path.name, batch)
        writer.book.active = next(i for i, (s, _) in enumerate(sheets) if s.key == "tasks")
        save_workbook(writer.book, path)
    except BaseException:
        _discard(writer.book)
        raise
    return {spec.key: len(rows) for spec, rows in sheets}


def _plan_title(sheets: list[tuple[SheetSpec, list[Row]]]) -> str:
    """The first plan document's title: how the identity sheet names the plan."""
    for spec, rows in sheets:
        if spec.key == "plan_documents" and rows:
            return str(rows[0][spec.columns.index(spec.column("title"))] or "")
    return ""


def _discard(book: Workbook) -> None:
    """Close the half-written sheets of a cancelled export and remove their temporary files."""
    for ws in book.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        for step in (ws.close, writer.cleanup):
            with contextlib.suppress(Exception):  # already closed: nothing left to tidy
                step()


def save_workbook(book: Workbook, path: Path) -> None:
    """Write ``book`` beside ``path`` and rename it into place: never a half-written file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            N_("Messages", "{path}: the folder {folder} does not exist"), path=path, folder=folder
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx.tmp", dir=folder)
    os.close(fd)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is an ordinary file
        book.save(tmp)
        os.replace(tmp, path)
    except PermissionError as exc:
        raise ExportError(
            N_("Messages", "{path}: cannot be written (is it open in another program?): {reason}"),
            path=path,
            reason=exc.strerror,
        ) from None
    except OSError as exc:
        raise ExportError(
            N_("Messages", "{path}: cannot be written: {reason}"),
            path=path,
            reason=exc.strerror or exc,
        ) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def display_width(text: str) -> int:
    """Columns a text takes on screen: East Asian wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Writer:
    def __init__(self, lang: str, total: int, progress: Progress | None):
        self.lang = lang
        self.book = Workbook(write_only=True)
        self.book.properties.creator = "qdplanner"
        self.total = total
        self.done = 0
        self.progress = progress
        self.unit_list_ref = ""

    def _tick(self, rows: int) -> None:
        before = self.done // PROGRESS_EVERY
        self.done += rows
        if self.progress and (self.done // PROGRESS_EVERY != before or self.done == self.total):
            self.progress(self.done, self.total)

    # -- one sheet --------------------------------------------------------------------------
    def sheet(self, spec: SheetSpec, rows: list[Row]) -> None:
        ws = self.book.create_sheet(spec.title(self.lang))
        columns = spec.columns
        last = get_column_letter(len(columns))
        for index, column in enumerate(columns):
            ws.column_dimensions[get_column_letter(index + 1)].width = self._width(
                column, index, rows
            )
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        view = spec.key in VIEW_SHEETS  # read-only: the fact's editable cell is elsewhere
        if view:
            ws.sheet_properties.tabColor = "A6A6A6"
        else:
            self._validations(ws, spec)
        level = spec.columns.index(spec.column("level")) if spec.key == "tasks" else None
        if level is not None:  # before the first row: it is written with the sheet's head
            ws.sheet_properties.outlinePr = Outline(summaryBelow=False)
        header = []
        for column in columns:
            cell = put_value(WriteOnlyCell(ws), column.header(self.lang))
            cell.font = _HEADER_FONT
            cell.fill = _READONLY_FILL if column.readonly or view else _HEADER_FILL
            header.append(cell)
        ws.append(header)
        dims = ws.row_dimensions
        append = ws.append
        for n, values in enumerate(self._converted(ws, spec, rows), start=2):
            if level is not None and values[level] > 1:
                dims[n].outlineLevel = min(values[level] - 1, 7)
            append(values)
            if n % PROGRESS_EVERY == 0:
                self._tick(PROGRESS_EVERY)
        self._tick((len(rows) + 1) % PROGRESS_EVERY)

    def _converted(self, ws: Any, spec: SheetSpec, rows: list[Row]) -> list[Row]:
        """The rows as cells take them. Column by column: one pass in C where possible."""
        if not rows:
            return rows
        columns = [list(c) for c in zip(*rows, strict=True)]
        sheet = spec.title(self.lang)
        for index, column in enumerate(spec.columns):
            values = columns[index]
            if column.kind == Kind.ENUM:
                words = {code: label(column.enum, code, self.lang) for code in set(values)}
                columns[index] = list(map(words.get, values))  # type: ignore[arg-type]
                continue
            if column.kind == Kind.BOOL:
                words = {b: yes_no(b, self.lang) for b in (True, False)}
                columns[index] = list(map(words.get, values))
                continue
            if column.kind == Kind.DATE:
                values = [v if v is None or type(v) is date else str(v) for v in values]
            elif column.kind in _TEXT_KINDS:
                values = [v or None for v in values]
            elif str not in set(map(type, values)):
                continue  # numbers only (a number column of an older plan may hold text)
            header = column.header(self.lang)
            guard_column(ws, values, lambda i, h=header: f"{sheet} #{rows[i][0]}, {h}")
            columns[index] = values
        return list(zip(*columns, strict=True))

    def _width(self, column: Column, index: int, rows: list[Row]) -> float:
        head = display_width(column.header(self.lang))
        if column.kind == Kind.DATE:
            return max(12, head + 2)
        sample = [rows[i][index] for i in range(min(SAMPLE_ROWS, len(rows)))]
        if column.kind in (Kind.ENUM, Kind.BOOL):
            longest = max(display_width(s) for s in labels_for(column, self.lang))
        else:
            longest = max((display_width(str(v)) for v in sample if v not in (None, "")), default=0)
        return float(max(6, min(max(head, longest) + 2, max(column.width, head + 2))))

    def _validations(self, ws: Any, spec: SheetSpec) -> None:
        for index, column in enumerate(spec.columns):
            if column.readonly:
                continue
            letter = get_column_letter(index + 1)
            area = f"{letter}2:{letter}1048576"
            dv: DataValidation | None = None
            if column.kind in (Kind.ENUM, Kind.BOOL):
                words = labels_for(column, self.lang)
                dv = DataValidation(type="list", formula1='"' + ",".join(words) + '"')
                dv.error = self._say("Choose a value from the list.", "请从下拉列表中选择。")
            elif column.kind == Kind.UNIT:
                dv = DataValidation(type="list", formula1=self.unit_list_ref or "_units")
                dv.errorStyle = "warning"  # other names may be typed: they become new units
                dv.error = self._say(
                    "Not a unit of the plan; it will be added as a new unit on import.",
                    "不是本规划已有的单位，导入时将新增该单位。",
                )
            elif column.low is not None and column.high is not None:
                dv = DataValidation(
                    type="whole",
                    operator="between",
                    formula1=str(column.low),
                    formula2=str(column.high),
                )
                dv.error = self._say(
                    f"A whole number from {column.low} to {column.high}.",
                    f"请输入 {column.low} 到 {column.high} 之间的整数。",
                )
            if dv is not None:
                dv.allow_blank = True
                dv.showErrorMessage = True
                dv.add(area)
                ws.data_validations.append(dv)

    def _say(self, en: str, zh: str) -> str:
        return zh if self.lang == "zh_CN" else en

    # -- the hidden lists sheet -----------------------------------------------------------------
    def lists(self, unit_names: list[str]) -> None:
        ws = self.book.create_sheet(LISTS_SHEET)
        ws.sheet_state = "hidden"
        names = sorted(unit_names)
        guard_column(ws, names, lambda i: f"{LISTS_SHEET} #{i + 1}")
        for name in names:
            ws.append([name])
        ref = f"'{LISTS_SHEET}'!$A$1:$A${max(1, len(unit_names))}"
        for sheet in self.book.worksheets:
            for dv in sheet.data_validations.dataValidation:
                if dv.formula1 == "_units":
                    dv.formula1 = ref


def labels_for(column: Column, lang: str) -> list[str]:
    """The dropdown words of an ENUM or BOOL column."""
    if column.kind == Kind.BOOL:
        return [yes_no(True, lang), yes_no(False, lang)]
    assert column.enum is not None
    return labels(column.enum, lang)


__all__ = ["ExportError", "Progress", "display_width", "export_plan"]
