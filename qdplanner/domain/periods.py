"""Reporting periods (填报周期): a year, a half, a quarter or a month, written as offices do.

``2024`` · ``2024H1`` / ``2024年上半年`` · ``2024Q3`` / ``2024年第三季度`` · ``2024-09`` /
``2024年9月``. A period is stored in its canonical form (``2024Q3``), sorts by when it ends,
and knows its first and last day.

An indicator value is of a year and may name a part of it without the year (``H1``, ``Q3``,
``09``): :func:`period_in_year` reads both ways. This module is the one reader of periods.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from qdplanner.domain.limits import FIRST_YEAR, LAST_YEAR
from qdplanner.errors import N_, ValidationError

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_PATTERNS = [
    (re.compile(r"^(\d{4})$"), "Y"),
    (re.compile(r"^(\d{4})(?:年)?(?:-)?H([12])$", re.I), "H"),
    (re.compile(r"^(\d{4})年?(上|下)半年$"), "HCN"),
    (re.compile(r"^(\d{4})(?:年)?(?:-)?Q([1-4])$", re.I), "Q"),
    (re.compile(r"^(\d{4})年?第?([1-4一二三四])季度$"), "QCN"),
    (re.compile(r"^(\d{4})[-./](\d{1,2})$"), "M"),
    (re.compile(r"^(\d{4})年(\d{1,2})月(?:份)?$"), "M"),
]
# A part of a year, alone or after its year: H1, Q3, 09, M9, 2025H1, 2025-Q3, 2025-09.
_PART = re.compile(r"^(?:(\d{4})-?)?(?:H([12])|Q([1-4])|M?(0?[1-9]|1[0-2]))$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period; compares by its last day, then by its length (shorter first)."""

    end: date
    start: date

    @property
    def code(self) -> str:
        """The canonical form stored in the plan file: 2024, 2024H1, 2024Q3 or 2024-09."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        year = self.start.year
        if months == 12:
            return f"{year}"
        if months == 6:
            return f"{year}H{1 if self.start.month == 1 else 2}"
        if months == 3:
            return f"{year}Q{(self.start.month - 1) // 3 + 1}"
        return f"{year}-{self.start.month:02d}"


def _months(year: int, first: int, last: int) -> Period:
    return Period(date(year, last, calendar.monthrange(year, last)[1]), date(year, first, 1))


def parse_period(text: str) -> Period:
    """A :class:`Period` from the ways offices write it; ValidationError names the text."""
    cleaned = unicodedata.normalize("NFKC", str(text or "")).strip().replace(" ", "")
    for pattern, kind in _PATTERNS:
        m = pattern.match(cleaned)
        if not m:
            continue
        year = int(m[1])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            break
        if kind == "Y":
            return _months(year, 1, 12)
        if kind in ("H", "HCN"):
            half = 1 if m[2] in ("1", "上") else 2
            return _months(year, 6 * half - 5, 6 * half)
        if kind in ("Q", "QCN"):
            quarter = _CN_DIGITS.get(m[2]) or int(m[2])
            return _months(year, 3 * quarter - 2, 3 * quarter)
        month = int(m[2])
        if 1 <= month <= 12:
            return _months(year, month, month)
        break
    raise ValidationError(
        N_(
            "Messages", "“{text}” is not a reporting period (write 2024Q3, 2024H1, 2024-09 or 2024)"
        ),
        field="period",
        text=text,
    )


def period_in_year(text: str, year: int) -> Period:
    """The period of a value of ``year``: ``''`` is the whole year; a part of it is written
    ``H1``/``H2``, ``Q1``–``Q4`` or a month (``09``, ``M9``), alone or after its year
    (``2025H1``, ``2025Q3``, ``2025-09``), or any way :func:`parse_period` reads.

    A period that writes its year keeps it (check it against ``year`` where that matters).
    ValidationError names the text.
    """
    cleaned = unicodedata.normalize("NFKC", str(text or "")).strip().replace(" ", "")
    if not cleaned:
        return _months(year, 1, 12)
    m = _PART.match(cleaned)
    written = int(m[1]) if m and m[1] else year
    if m is None or not FIRST_YEAR <= written <= LAST_YEAR:
        try:
            return parse_period(cleaned)
        except ValidationError:
            raise ValidationError(
                N_(
                    "Messages",
                    "period “{text}” is not a half (H1), quarter (Q3) or month (2025-09)",
                ),
                field="period",
                text=text,
            ) from None
    if m[2]:
        half = int(m[2])
        return _months(written, 6 * half - 5, 6 * half)
    if m[3]:
        quarter = int(m[3])
        return _months(written, 3 * quarter - 2, 3 * quarter)
    month = int(m[4])
    return _months(written, month, month)


def period_of(day: date, kind: str = "quarter") -> Period:
    """The quarter (or ``month``, ``half``, ``year``) that ``day`` falls in."""
    if kind == "month":
        return _months(day.year, day.month, day.month)
    if kind == "half":
        half = 1 if day.month <= 6 else 2
        return _months(day.year, 6 * half - 5, 6 * half)
    if kind == "year":
        return _months(day.year, 1, 12)
    quarter = (day.month - 1) // 3 + 1
    return _months(day.year, 3 * quarter - 2, 3 * quarter)
