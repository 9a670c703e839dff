"""The limits every value entering a plan keeps: one rule, in one place.

Checked wherever data enters — the workbook imports (plan workbook, task breakdown, returned
collection workbooks: in their preview, so a dry run and a real run agree), the store
functions the window and the command line call — so that whatever a plan holds can be
written to the plan file, to a workbook, to JSON and to a chart.

* **Whole numbers** lie in SQLite's INTEGER range, :data:`MIN_INTEGER` … :data:`MAX_INTEGER`
  (−2**63 … 2**63−1): ``sqlite3`` raises ``OverflowError`` for a larger Python ``int``.
* **Numbers** are finite and at most :data:`MAX_MAGNITUDE` (10**15) either side of zero.
  Why 10**15: a workbook cell holding ``1e20`` (or ``1e308``) is read as a float, and a whole
  float is stored as an ``int`` — ``int(1e20)`` is beyond SQLite's INTEGER range: that was
  the ``OverflowError`` on import. 10**15 is below 2**53, so every whole number up to it is
  exact as a float and fits SQLite's INTEGER; Excel keeps 15 significant digits, so such a
  value survives an export and an import; the differences and ratios the indicator lights
  take of two such values stay finite. No plan figure comes near it (a city's GDP in yuan
  is about 10**12). ``inf`` and ``nan`` are not numbers a plan can hold (JSON has no
  ``Infinity``; SQLite stores ``nan`` as NULL).
* **Dates** lie in :data:`FIRST_DATE` … :data:`LAST_DATE` (1900-01-01 … 2100-12-31): Excel's
  dates begin in 1900, and a plan has no business past 2100 (``9999-12-31`` is a typing
  slip). Years (a plan document's, an indicator's, a period's, a deadline's) lie in
  :data:`FIRST_YEAR` … :data:`LAST_YEAR`, the same span.
* **Text** is at most :data:`MAX_TEXT` (32,767) characters, what one Excel cell holds, so
  every text can be exported; and holds no control character
  (:data:`CONTROL_CHARACTERS`: C0 controls other than tab, line feed and carriage return;
  U+FFFE, U+FFFF and lone surrogates), which XML — so a workbook — cannot hold.

Each ``check_*`` function returns the value it was given, or raises
:class:`~qdplanner.errors.ValidationError` whose message names the value (the ``field``
given is kept on the error; callers add the record, or the cell).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from qdplanner.errors import N_, ValidationError

MIN_INTEGER = -(2**63)
MAX_INTEGER = 2**63 - 1
MAX_MAGNITUDE = 10**15
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2100, 12, 31)
FIRST_YEAR = FIRST_DATE.year
LAST_YEAR = LAST_DATE.year
MAX_TEXT = 32_767
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
SHOWN_CHARS = 40  # of a value a message shows


def shown(value: Any) -> str:
    """A value as a message shows it: ISO dates, huge whole numbers as ``1e+308``, at most
    40 characters, control characters as U+FFFD."""
    if type(value) is int and not -(10**SHOWN_CHARS) < value < 10**SHOWN_CHARS:
        # A workbook's 1e308 is read as a whole number of 309 digits; str() of 4,300 raises.
        try:
            return f"{float(value):g}"
        except OverflowError:
            return f"{'-' if value < 0 else ''}1e+308…"
    text = value.isoformat() if isinstance(value, date | time) else str(value)
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1] + "…"
    return CONTROL_CHARACTERS.sub("\ufffd", text)


def integer_refusal(value: Any, field: str | None = None) -> ValidationError:
    """The refusal of a whole number outside SQLite's INTEGER range (``value`` may be the
    text it was written as: a reader need not turn 5,000 digits into an ``int`` first)."""
    return ValidationError(
        N_("Messages", "the whole number must be between {low} and {high} (got {value})"),
        field=field,
        value=shown(value),
        low=f"{MIN_INTEGER:,}",
        high=f"{MAX_INTEGER:,}",
    )


def check_integer(value: int, field: str | None = None) -> int:
    """``value`` when it lies in SQLite's INTEGER range."""
    if not MIN_INTEGER <= value <= MAX_INTEGER:
        raise integer_refusal(value, field)
    return value


def check_number(value: float, field: str | None = None) -> float:
    """``value`` when it is finite and at most :data:`MAX_MAGNITUDE` either side of zero."""
    if (isinstance(value, float) and not math.isfinite(value)) or not (
        -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
    ):
        raise ValidationError(
            N_("Messages", "the value must be a number from -{limit} to {limit} (got {value})"),
            field=field,
            value=shown(value),
            limit=f"{MAX_MAGNITUDE:,}",
        )
    return value


def check_year(value: int, field: str | None = None) -> int:
    """``value`` when it is a year from :data:`FIRST_YEAR` to :data:`LAST_YEAR`."""
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValidationError(
            N_("Messages", "the year must be between {first} and {last} (got {value})"),
            field=field,
            value=shown(value),
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return value


def check_date(value: date, field: str | None = None) -> date:
    """``value`` (a date, or a date-time by its day) when it lies in FIRST_DATE … LAST_DATE."""
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValidationError(
            N_("Messages", "the date must be between {first} and {last} (got {value})"),
            field=field,
            value=shown(value),
            first=FIRST_DATE.isoformat(),
            last=LAST_DATE.isoformat(),
        )
    return value


def check_text(value: str, field: str | None = None) -> str:
    """``value`` when it is at most :data:`MAX_TEXT` characters and holds no control character."""
    if len(value) > MAX_TEXT:
        raise ValidationError(
            N_(
                "Messages",
                "the text “{start}” is {length} characters long; at most {limit} fit in a cell",
            ),
            field=field,
            start=shown(value),
            length=f"{len(value):,}",
            limit=f"{MAX_TEXT:,}",
        )
    if found := CONTROL_CHARACTERS.search(value):
        raise _control_refusal(value, found.start(), field)
    return value


def _control_refusal(value: str, index: int, field: str | None) -> ValidationError:
    return ValidationError(
        N_(
            "Messages",
            "the text “{start}” holds the control character {char} (character {position}); "
            "remove it",
        ),
        field=field,
        start=shown(value),
        char=f"U+{ord(value[index]):04X}",
        position=index + 1,
    )


def check_storable(values: Mapping[str, Any]) -> None:
    """Refuse a text holding U+0000 (NUL), naming its field: the one value a plan on a
    PostgreSQL server cannot hold at all (its text type has no NUL). Checked by the store on
    every record it writes, on both engines — so a plan file never gains a value its copy on
    a server could not keep, and a server is never handed one (issue 19). The fuller text
    rule (:func:`check_text`) is the entry points' to check."""
    for key, value in values.items():
        if type(value) is str and "\x00" in value:
            raise _control_refusal(value, value.index("\x00"), key)


def check_value(value: Any, field: str | None = None) -> Any:
    """``value`` checked by its type (text, whole number, number, date); others pass."""
    kind = type(value)
    if kind is str:
        return check_text(value, field)
    if kind is int:
        return check_integer(value, field)
    if kind is float:
        return check_number(value, field)
    if kind is date or kind is datetime:
        return check_date(value, field)
    return value


def value_problems(values: Mapping[str, Any]) -> list[ValidationError]:
    """The refusals of a record's values, each naming its field (the mapping's key)."""
    problems = []
    for key, value in values.items():
        try:
            check_value(value, key)
        except ValidationError as error:
            problems.append(error)
    return problems


def check_values(values: Mapping[str, Any], what: str | None = None) -> None:
    """Check a record's values by :func:`check_value`, each naming its field (the key).

    The first refusal is raised; with ``what`` (how the record is named: ``unit “市科技局”``)
    its message starts with that.
    """
    for key, value in values.items():
        try:
            check_value(value, key)
        except ValidationError as problem:
            if what is None:
                raise
            raise ValidationError(
                N_("Messages", "{what}: {problem}"), field=key, what=what, problem=problem
            ) from None


__all__ = [
    "CONTROL_CHARACTERS",
    "FIRST_DATE",
    "FIRST_YEAR",
    "LAST_DATE",
    "LAST_YEAR",
    "MAX_INTEGER",
    "MAX_MAGNITUDE",
    "MAX_TEXT",
    "MIN_INTEGER",
    "check_date",
    "check_integer",
    "check_number",
    "check_storable",
    "check_text",
    "check_value",
    "check_values",
    "check_year",
    "integer_refusal",
    "shown",
    "value_problems",
]
