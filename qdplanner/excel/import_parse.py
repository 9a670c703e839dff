"""Reading one sheet of a plan workbook into typed rows, with errors named by row and column.

The header row is found among the first rows (the one naming the most known columns), each
header is matched to a column of :mod:`sheet_specs` in either language, and every cell is
converted to the column's kind: whole numbers, numbers, text, dates (a real date, or text such
as ``2024-06-30``, ``2024/6/30``, ``2024年6月30日``), yes/no, coded values (code or label), unit
names. A value that cannot be converted, or that lies outside what a plan holds (numbers,
dates, text: :mod:`qdplanner.domain.limits`), is an error naming the Excel row and the column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import compress, repeat
from typing import Any

from qdplanner.domain.limits import (
    CONTROL_CHARACTERS,
    MAX_TEXT,
    check_date,
    check_integer,
    check_number,
    check_text,
    integer_refusal,
    shown,
)
from qdplanner.domain.task_rules import parse_percent
from qdplanner.domain.unit_names import split_unit_names
from qdplanner.errors import N_, ValidationError
from qdplanner.excel.cells import SheetCells
from qdplanner.excel.file_checks import column_letter as get_column_letter
from qdplanner.excel.import_model import CellError
from qdplanner.excel.sheet_specs import Column, Kind, SheetSpec, column_for_header
from qdplanner.excel.vocabulary import bool_for, code_for, labels

HEADER_SEARCH_ROWS = 10
_WHOLE_TEXT = re.compile(r"([+-]?\d+)(?:\.0+)?")
_MAX_DIGITS = 30  # a whole number written with more digits is out of range whatever they are
_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_TEXT = re.compile(
    r"(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[ T]00:00(?::00)?)?"
)


class Bad(Exception):
    """A cell's value was refused: an N_ template and its fields."""

    def __init__(self, template: str, **params: Any):
        super().__init__(template)
        self.template = template
        self.params = params


def within_limits(check: Callable[[Any], Any], value: Any, written: Any = None) -> Any:
    """``check(value)`` (a :mod:`~qdplanner.domain.limits` check), its refusal as :class:`Bad`
    (naming ``written``, the cell's text, when given, rather than the value read from it)."""
    try:
        return check(value)
    except ValidationError as refused:
        raise _bad(refused, written) from None


def _bad(refused: ValidationError, written: Any = None) -> Bad:
    params = dict(refused.params)
    if written is not None and "value" in params:
        params["value"] = shown(written)
    return Bad(refused.template, **params)


@dataclass(slots=True)
class ParsedRow:
    row: int  # Excel row number
    id: int | None
    values: dict[str, Any]


@dataclass
class ParsedSheet:
    spec: SheetSpec
    name: str  # as the workbook names it
    file: str
    columns: dict[str, int]  # column key → 0-based index in the sheet
    headers: dict[str, str]  # column key → header as written
    rows: list[ParsedRow] = field(default_factory=list)

    def where(self, key: str) -> str | None:
        """``F (完成进度(%))``: the column's letter and header, for messages."""
        if key not in self.columns:
            return None
        return f"{get_column_letter(self.columns[key] + 1)} ({self.headers[key]})"

    def error(self, row: int | None, key: str | None, template: str, /, **params: Any) -> CellError:
        where = self.where(key) if key else None
        return CellError(self.file, self.name, row, where, template, params)


# -- converters: cell value (normalised) → stored value, or Bad ---------------------------------


def _whole(value: Any, column: Column) -> int | None:
    if value is None:
        return column.default
    if type(value) is int:
        number = value
    elif isinstance(value, str) and (match := _WHOLE_TEXT.fullmatch(value.replace(",", ""))):
        if len(match[1]) > _MAX_DIGITS:  # int() of 4,300 digits or more raises
            raise _bad(integer_refusal(value))
        number = int(match[1])
    else:
        raise Bad(N_("Messages", "“{value}” is not a whole number"), value=_show(value))
    if (column.low is not None and number < column.low) or (
        column.high is not None and number > column.high
    ):
        bounds = f"{column.low}–{column.high}" if column.high is not None else f"≥ {column.low}"
        raise Bad(
            N_("Messages", "{number} is out of range: it must be a whole number, {bounds}"),
            number=_show(number),
            bounds=bounds,
        )
    return within_limits(check_integer, number)


def _percent(value: Any, column: Column) -> int | None:
    """A percent complete, read by the domain's one rule (80, 80%, ８０％, 80.0)."""
    if value is None:
        return column.default
    if type(value) is float and 0 < value < 1:
        raise Bad(
            N_(
                "Messages",
                "“{value}” is a fraction: if the cell shows it as a percentage "
                "({percent} %), type {percent}; percent complete is a whole number from 0 to 100",
            ),
            value=_show(value),
            percent=_show(round(value * 100, 2)),
        )
    try:
        return parse_percent(value if isinstance(value, str) else str(value))
    except ValidationError as refused:
        raise _bad(refused) from None


def _number(value: Any, column: Column) -> int | float | None:
    if value is None:
        return value
    if type(value) in (int, float):
        return within_limits(check_number, value)
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "").replace("，", ""))
        except ValueError:
            pass
        else:  # "inf", "nan", "1e400" are refused before int() could meet them
            within_limits(check_number, number, value)
            return int(number) if number.is_integer() else number
    raise Bad(N_("Messages", "“{value}” is not a number"), value=_show(value))


def _text(value: Any, column: Column) -> str | None:
    if type(value) is str:
        return within_limits(check_text, value)
    if value is None:
        return value
    if type(value) is bool:
        raise Bad(N_("Messages", "“{value}” is a yes/no value, not text"), value=_show(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _date(value: Any, column: Column) -> date | None:
    if value is None:
        return None
    kind = type(value)
    if kind is date:
        return within_limits(check_date, value)
    if kind is datetime:
        return within_limits(check_date, value.date())
    if kind in (int, float) and 1 <= value < 2958466:  # an Excel serial day number
        return within_limits(check_date, _EXCEL_EPOCH + timedelta(days=int(value)))
    if kind is str:
        match = _DATE_TEXT.fullmatch(value)
        if match:
            try:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                pass
            else:
                return within_limits(check_date, day)
    if kind in (time, timedelta):  # what a reader makes of a date cell before 1900
        raise Bad(
            N_(
                "Messages",
                "“{value}” is not a date: a date cell before 1900 (Excel cannot hold one) or "
                "a time; write the date as 2024-06-30",
            ),
            value=_show(value),
        )
    raise Bad(
        N_("Messages", "“{value}” is not a date (write it as 2024-06-30)"), value=_show(value)
    )


def _bool(value: Any, column: Column) -> bool:
    if value is None:
        return bool(column.default)
    result = bool_for(value)
    if result is None:
        raise Bad(N_("Messages", "“{value}” is not yes or no (是/否)"), value=_show(value))
    return result


def _enum(value: Any, column: Column) -> str | None:
    if value is None:
        return column.default
    assert column.enum is not None
    code = code_for(column.enum, str(value))
    if code is None:
        choices = (
            "、".join(labels(column.enum, "zh_CN")) + " / " + ", ".join(labels(column.enum, "en"))
        )
        raise Bad(
            N_("Messages", "“{value}” is not one of the values of this column: {choices}"),
            value=_show(value),
            choices=choices,
        )
    return code


def _unit(value: Any, column: Column) -> str | None:
    return _text(value, column)


def _names(value: Any, column: Column) -> list[str]:
    return split_unit_names(_text(value, column))


CONVERTERS: dict[Kind, Callable[[Any, Column], Any]] = {
    Kind.ID: _whole,
    Kind.REF: _whole,
    Kind.INT: _whole,
    Kind.PERCENT: _percent,
    Kind.FLOAT: _number,
    Kind.TEXT: _text,
    Kind.DATE: _date,
    Kind.BOOL: _bool,
    Kind.ENUM: _enum,
    Kind.UNIT: _unit,
    Kind.UNITS: _unit,  # resolved (and split) by the importer, which knows the units
    Kind.NAMES: _names,
}


_show = shown


# -- a sheet ----------------------------------------------------------------------------------


def _find_header(spec: SheetSpec, cells: SheetCells) -> tuple[int, dict[int, Column]] | None:
    best: tuple[int, dict[int, Column]] | None = None
    for r, row in enumerate(cells.rows[:HEADER_SEARCH_ROWS]):
        found = {}
        for c, value in enumerate(row):
            if isinstance(value, str) and (column := column_for_header(spec, value)):
                found[c] = column
        if len(found) >= 2 and (best is None or len(found) > len(best[1])):
            best = (r, found)
    return best


def parse_sheet(
    spec: SheetSpec,
    cells: SheetCells,
    file: str,
    errors: list[CellError],
    warnings: list,
) -> ParsedSheet | None:
    """Typed rows of ``cells``; errors and warnings are appended. None: the sheet is unusable."""
    header = _find_header(spec, cells)
    if header is None:
        errors.append(
            CellError(file, cells.name, 1, None, N_("Messages", "no header row of known columns"))
        )
        return None
    header_row, found = header
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for c, value in enumerate(cells.rows[header_row]):
        column = found.get(c)
        letter = get_column_letter(c + 1)
        if column is None:
            if value is not None:
                warnings.append(
                    CellError(
                        file,
                        cells.name,
                        None,
                        f"{letter} ({value})",
                        N_("Messages", "not a column of this sheet; ignored"),
                    )
                )
            continue
        if column.key in columns:
            errors.append(
                CellError(
                    file,
                    cells.name,
                    header_row + 1,
                    f"{letter} ({value})",
                    N_("Messages", "the column {header} appears twice"),
                    {"header": value},
                )
            )
            return None
        columns[column.key] = c
        headers[column.key] = str(value)
    parsed = ParsedSheet(spec, cells.name, file, columns, headers)
    key = spec.columns[0]
    if key.key not in columns:
        errors.append(
            parsed.error(
                header_row + 1,
                None,
                N_("Messages", "the {header} column is missing"),
                header=key.header(_lang(parsed)),
            )
        )
        return None
    readers = [c for c in spec.columns if c.key in columns and not c.readonly]
    numbers, table = _data_rows(cells.rows, header_row + 1)
    refused: set[int] = set()  # indexes (into the data rows) of rows with a refused value
    converted = [
        _convert_column(parsed, c, table[columns[c.key]], numbers, errors, refused) for c in readers
    ]
    keys = [c.key for c in readers]
    id_index = keys.index("id") if key.kind == Kind.ID else None
    if not refused:  # the usual case: whole columns zipped into records, no check per row
        if id_index is None:
            ids: Any = repeat(None)
        else:
            ids = converted.pop(id_index)
            keys.pop(id_index)
        records = map(dict, map(zip, repeat(keys), zip(*converted, strict=True)))
        parsed.rows = list(map(ParsedRow, numbers, ids, records))
        return parsed
    for index, values in enumerate(zip(*converted, strict=True)):
        record = dict(zip(keys, values, strict=True))
        if index in refused:
            if record.get(key.key) is _BAD:
                continue  # without its ID a row cannot be matched
            record = {k: v for k, v in record.items() if v is not _BAD}
        record_id = record.pop("id", None) if id_index is not None else None
        parsed.rows.append(ParsedRow(numbers[index], record_id, record))
    return parsed


class _Columns:
    """The data rows' cells column by column: ``table[c]`` is column c's values, top to bottom
    (None past a row's end)."""

    def __init__(self, rows: list[list[Any]]):
        self.rows = rows
        widths = set(map(len, rows))
        # rows of one width (as the reader gives them) are turned into columns in one go
        self.columns = list(zip(*rows, strict=True)) if len(widths) == 1 else None

    def __getitem__(self, index: int) -> list[Any]:
        if self.columns is not None:
            if index >= len(self.columns):
                return [None] * len(self.rows)
            return list(self.columns[index])
        return [row[index] if index < len(row) else None for row in self.rows]


def _data_rows(rows: list[list[Any]], start: int) -> tuple[list[int], _Columns]:
    """The Excel numbers and cells of the rows from index ``start`` on that are not blank."""
    body = rows[start:]
    widths = set(map(len, body))
    if len(widths) == 1 and set(map(type, body)) == {list}:  # a blank row equals [None, …]
        flags = list(map(([None] * widths.pop()).__ne__, body))
    else:
        flags = [row.count(None) != len(row) for row in body]
    numbers = list(compress(range(start + 1, start + 1 + len(body)), flags))
    return numbers, _Columns(list(compress(body, flags)))


_BAD = object()  # a value refused (the error is reported)


def _convert_column(
    parsed: ParsedSheet,
    column: Column,
    raw: list[Any],
    numbers: list[int],
    errors: list[CellError],
    refused: set[int],
) -> list[Any]:
    """One column's values (``raw``, of the rows ``numbers``), converted; refused values
    become _BAD with an error each."""
    convert = CONVERTERS[column.kind]
    try:  # the fast path: no value refused
        return _convert_all(convert, column, raw)
    except Bad:
        pass
    out = []
    for index, (row_number, value) in enumerate(zip(numbers, raw, strict=True)):
        try:
            out.append(convert(value, column))
        except Bad as bad:
            errors.append(parsed.error(row_number, column.key, bad.template, **bad.params))
            out.append(_BAD)
            refused.add(index)
    return out


# Values of one of these types that are equal convert alike (1 and True, or a date and a
# date-time, are equal or alike across types, so a column mixing types is converted cell by cell)
_ALIKE_TYPES = ({str}, {int}, {date})
_NONE = type(None)


def _convert_all(convert: Callable[[Any, Column], Any], column: Column, raw: list[Any]) -> list:
    """``convert`` over a column, raising :class:`Bad` at the first value refused.

    Shortcuts that give the same values: a column of text is checked against the limits as
    one (what every cell would pass, all cells pass); a column of whole numbers by its
    smallest and largest; a column of few distinct values (units, statuses, dates, yes/no)
    converts each value once."""
    types = set(map(type, raw)) - {_NONE}
    if types == {str} and (convert is _text or convert is _unit):
        texts = list(filter(None, raw))
        if max(map(len, texts), default=0) <= MAX_TEXT and not CONTROL_CHARACTERS.search(
            "\n".join(texts)
        ):
            return raw  # each cell is its own value (see _text)
    elif types == {int} and convert is _whole:
        numbers = list(filter(_not_none, raw))
        convert(min(numbers), column)  # the bounds are a range: if both ends pass, all do
        convert(max(numbers), column)
        if len(numbers) == len(raw):
            return raw
        return [column.default if v is None else v for v in raw]
    elif convert is not _names and (not types or types in _ALIKE_TYPES):
        distinct = set(raw)  # (_names: a list per cell, not to be shared between rows)
        if len(distinct) * 4 <= len(raw):
            table = {value: convert(value, column) for value in distinct}
            return list(map(table.__getitem__, raw))
    return list(map(convert, raw, repeat(column)))


def _not_none(value: Any) -> bool:
    return value is not None


def _lang(parsed: ParsedSheet) -> str:
    return "zh_CN" if parsed.name == parsed.spec.zh else "en"
