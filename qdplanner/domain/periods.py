"""Reporting periods (填报周期): a year, a half, a quarter or a month, written as offices do.

``2024`` · ``2024H1`` / ``2024年上半年`` · ``2024Q3`` / ``2024年第三季度`` · ``2024-09`` /
``2024年9月``. A period is stored in its canonical form (``2024Q3``), sorts by when it ends,
and knows its first and last day.
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
