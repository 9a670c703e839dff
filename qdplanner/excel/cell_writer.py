"""Every cell a workbook writer makes gets its value from :func:`put_value`: text stays text.

What a caller may rely on, for any workbook we write (the plan export, its hidden lists, the
collection workbooks):

* text is a string cell, never a formula or an error value: ``=HYPERLINK(…)`` and ``#N/A``
  are shown as written, and a text starting with ``= + - @ #`` gets Excel's quote prefix
  (so Excel does not re-read ``+1`` as a number, or ``=…`` as a formula, when it is edited);
* text is shown exactly as written: OOXML readers (Excel, LibreOffice, python-calamine)
  decode ``_xHHHH_`` in a string as the character U+HHHH, so a literal ``_xHHHH_`` is
  written ``_x005F_xHHHH_`` (``_x005F_`` is the escaped ``_``). openpyxl neither escapes on
  write nor decodes on read: read back with openpyxl, the cell holds the escaped form; with
  python-calamine (what our importers use), the text as it was;
* characters a workbook cannot hold (:data:`~qdplanner.domain.limits.CONTROL_CHARACTERS`)
  are dropped: they can no longer enter a plan, but older plans may hold them;
* text longer than a cell holds (:data:`~qdplanner.domain.limits.MAX_TEXT`, counted after
  dropping those characters) is refused with an :class:`ExportError` naming the record.

The export writes 20,000-task plans in write-only mode, so its hot path asks
:func:`needs_care` (one precompiled regex search) and calls :func:`put_value` only for the
rare text that needs it; plain values go to openpyxl as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from openpyxl.cell import WriteOnlyCell

from qdplanner.domain.limits import CONTROL_CHARACTERS, MAX_TEXT
from qdplanner.errors import N_, QdError

QUOTED_STARTS = ("=", "+", "-", "@", "#")  # a formula, a number or an error value to Excel
TEXT_FORMAT = "@"  # the number format of a cell typed as text
_ESCAPE_LIKE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")  # the "_" that starts a literal _xHHHH_
_NEEDS_CARE = re.compile(
    f"^[=+\\-@#]|{CONTROL_CHARACTERS.pattern}|{_ESCAPE_LIKE.pattern}"
)  # fmt: skip
# The hot path's first look: one character class (controls and "_") scans 5x faster than
# the alternation above; what it finds is looked at again with needs_care.
_MAYBE = re.compile(f"[{CONTROL_CHARACTERS.pattern[1:-1]}_]")


class ExportError(QdError):
    """The workbook could not be written (the message names the file, or the record, and why)."""


def clean_text(text: str) -> str:
    """``text`` without the characters a workbook cannot hold."""
    return CONTROL_CHARACTERS.sub("", text)


def needs_care(value: Any) -> bool:
    """Whether ``value`` is text :func:`put_value` must write (else openpyxl takes it as is)."""
    return type(value) is str and (len(value) > MAX_TEXT or _NEEDS_CARE.search(value) is not None)


def put_value(cell: Any, value: Any, record: str = "") -> Any:
    """Set ``cell`` (a worksheet's cell or a ``WriteOnlyCell``) to ``value``; return the cell.

    Text is written as the module docstring says; ``record`` names where it is for the
    message refusing an over-long text (``任务 #12, 任务名称``). Other values are set as is.
    """
    if not isinstance(value, str):
        cell.value = value
        return cell
    text = clean_text(value)
    if len(text) > MAX_TEXT:
        raise ExportError(
            N_(
                "Messages",
                "{record}: the text “{start}…” is {length} characters long, more than a "
                "workbook cell holds ({limit})",
            ),
            record=record,
            start=text[:40],
            length=f"{len(text):,}",
            limit=f"{MAX_TEXT:,}",
        )
    text = _ESCAPE_LIKE.sub("_x005F_", text)
    # Set directly: openpyxl's setter makes "=…" a formula and "#N/A" an error value, and
    # cuts a text at 32,767 characters, which an escaped text within the limit may exceed.
    cell._value = text
    cell.data_type = "s"
    if text.startswith(QUOTED_STARTS):
        cell.quotePrefix = True
        cell.number_format = TEXT_FORMAT
    return cell


def guard_column(ws: Any, values: list[Any], record: Callable[[int], str]) -> None:
    """Make one column of a write-only sheet safe, in place: each value :func:`needs_care`
    says must be written by :func:`put_value` becomes such a cell (``record(i)`` names the
    record of ``values[i]``); the others stay as they are, for openpyxl to write."""
    search, limit = _MAYBE.search, MAX_TEXT
    hits = [
        i
        for i, v in enumerate(values)
        if type(v) is str
        and (v.startswith(QUOTED_STARTS) or len(v) > limit or search(v) is not None)
    ]
    for i in hits:
        if needs_care(values[i]):
            values[i] = put_value(WriteOnlyCell(ws), values[i], record(i))


__all__ = [
    "QUOTED_STARTS",
    "TEXT_FORMAT",
    "ExportError",
    "clean_text",
    "guard_column",
    "needs_care",
    "put_value",
]
