"""Export the whole plan as one .xlsx workbook (one sheet per kind of record).

What a caller may rely on:

* the sheets, columns and headers are those of :mod:`sheet_specs`, headers in ``lang``;
* the first column is the stable ID; dates are real Excel dates (``yyyy-mm-dd``); coded values
  (status, kinds) are shown by their label in ``lang`` (:mod:`vocabulary`), with a dropdown;
  the lead-unit columns have a dropdown of unit names (a hidden sheet ``_lists`` holds them;
  other names may still be typed, with a warning, and become units to create on import);
* the header row is frozen and filtered; tasks are in tree order with their outline level in
  Excel's row outline and a Level column;
* text is always written as text: a title such as ``=HYPERLINK(…)`` stays a string (and
  ``= + - @`` starts get Excel's quote prefix), so an export cannot carry a formula;
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
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import Outline

from qdplanner.errors import N_, QdError
from qdplanner.excel.plan_rows import PlanRows, Row
from qdplanner.excel.sheet_specs import LISTS_SHEET, SHEETS, Column, Kind, SheetSpec
from qdplanner.excel.vocabulary import LANGUAGES, label, labels, yes_no
from qdplanner.store.plan_store import PlanStore

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
SAMPLE_ROWS = 200  # rows looked at to size a column
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
FORMULA_STARTS = ("=", "+", "-", "@")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_READONLY_FILL = PatternFill("solid", fgColor="E7E6E6")
_TEXT_FORMAT = "@"  # the number format of a cell typed as text
_TEXT_KINDS = (Kind.TEXT, Kind.UNIT, Kind.UNITS, Kind.NAMES)


class ExportError(QdError):
    """The workbook could not be written (the message names the file and why)."""


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
    plan = PlanRows(store)
    sheets = [(spec, plan.rows(spec)) for spec in SHEETS]
    writer = _Writer(lang, sum(len(rows) + 1 for _, rows in sheets), progress)
    try:
        for spec, rows in sheets:
            writer.sheet(spec, rows)
        writer.lists(list(plan.unit_names.values()))
        writer.book.active = next(i for i, (s, _) in enumerate(sheets) if s.key == "tasks")
        save_workbook(writer.book, path)
    except BaseException:
        _discard(writer.book)
        raise
    return {spec.key: len(rows) for spec, rows in sheets}


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
        self._validations(ws, spec)
        level = spec.columns.index(spec.column("level")) if spec.key == "tasks" else None
        if level is not None:  # before the first row: it is written with the sheet's head
            ws.sheet_properties.outlinePr = Outline(summaryBelow=False)
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, column.header(self.lang))
            cell.font = _HEADER_FONT
            cell.fill = _READONLY_FILL if column.readonly else _HEADER_FILL
            header.append(cell)
        ws.append(header)
        dims = ws.row_dimensions
        append = ws.append
        for n, values in enumerate(self._converted(ws, spec, rows), start=2):
            if level is not None and values[level] > 1:
                dims[n].outlineLevel = min(values[level] - 1, 7)
            try:
                append(values)
            except IllegalCharacterError:
                append([_clean(v) for v in values])
            if n % PROGRESS_EVERY == 0:
                self._tick(PROGRESS_EVERY)
        self._tick((len(rows) + 1) % PROGRESS_EVERY)

    def _converted(self, ws: Any, spec: SheetSpec, rows: list[Row]) -> list[Row]:
        """The rows as cells take them. Column by column: one pass in C where possible."""
        if not rows:
            return rows
        columns = [list(c) for c in zip(*rows, strict=True)]
        for index, column in enumerate(spec.columns):
            values = columns[index]
            if column.kind == Kind.ENUM:
                words = {code: label(column.enum, code, self.lang) for code in set(values)}
                columns[index] = list(map(words.get, values))  # type: ignore[arg-type]
            elif column.kind == Kind.BOOL:
                words = {b: yes_no(b, self.lang) for b in (True, False)}
                columns[index] = list(map(words.get, values))
            elif column.kind == Kind.DATE:
                columns[index] = [v if v is None or type(v) is date else str(v) for v in values]
                _guard_text(ws, columns[index])
            elif column.kind in _TEXT_KINDS:
                columns[index] = [v or None for v in values]
                _guard_text(ws, columns[index])
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
        for name in sorted(unit_names):
            ws.append([text_cell(ws, name) if name[0] in FORMULA_STARTS else name])
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


def _clean(value: Any) -> Any:
    """Drop the control characters XML cannot hold (they never reach a workbook)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _guard_text(ws: Any, values: list[Any]) -> None:
    """Make text cells safe in place: never a formula, never longer than a cell holds."""
    for i, value in enumerate(values):
        if type(value) is not str:
            continue
        if len(value) > MAX_CELL_TEXT:
            raise ExportError(
                N_(
                    "Messages",
                    "a text of {length} characters is longer than a cell holds ({limit}): {start}…",
                ),
                length=f"{len(value):,}",
                limit=f"{MAX_CELL_TEXT:,}",
                start=value[:40],
            )
        if value[0] in FORMULA_STARTS:
            values[i] = text_cell(ws, value)


def text_cell(ws: Any, value: str) -> WriteOnlyCell:
    """A cell that holds ``value`` as text even when it starts with = + - or @."""
    cell = WriteOnlyCell(ws, None)
    cell.value = value
    cell.data_type = "s"  # openpyxl would store "=…" as a formula
    cell.quotePrefix = True  # and Excel would re-read "+1" as a number when edited
    cell.number_format = _TEXT_FORMAT
    return cell


__all__ = ["ExportError", "Progress", "display_width", "export_plan"]
