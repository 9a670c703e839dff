"""Reading the deadline phrase (完成时限) of a plan's task.

Plans state deadlines as phrases: ``2024年底前``, ``2023年第三季度``, ``2022—2024年``,
``长期坚持``, ``每年``. :func:`parse_deadline` turns such a phrase into a :class:`Deadline`.

What callers may rely on:

* it never raises on a ``str`` (or ``None``) and never guesses;
* ``Deadline.text`` is the phrase exactly as given (``""`` for ``None``);
* NONE means blank text (``None``, ``""``, whitespace only);
* ``due`` is the *last* day of the period named (inclusive) and is set only for FIXED;
* ``start`` is set only for ranges (``2022—2024年`` starts 2022-01-01), and ``start <= due``;
  a range joins any two readable periods (``2022年6月—2024年6月``) with — – ― － ～ 〜 ~ 至 or -;
* ``recurrence`` is set only for RECURRING;
* anything not read with certainty is UNPARSED: kept and flagged, with no dates; so is a
  year outside the years a plan holds (:mod:`qdplanner.domain.limits`, 1900–2100).

Suffixes 前 / 以前 / 之前 / 底 / 底前 / 末 / 末前 / 内 all mean "by the end of", and a trailing
完成 is tolerated (``2024年底前完成``); any other trailing words make the phrase UNPARSED.
``2024年年底`` reads as ``2024年底``. A bare four-digit year (``2024``, as a spreadsheet cell
holding the number 2024 gives it) reads as that year.
Bare month forms such as ``2024.12`` are deliberately not read: a spreadsheet may have turned
2024.10 into ``2024.1``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qdplanner.domain.limits import FIRST_YEAR, LAST_YEAR


class DeadlineKind(StrEnum):
    FIXED = "fixed"  # a due date is known
    ONGOING = "ongoing"  # 长期坚持, 持续推进, 常态化推进: no due date
    RECURRING = "recurring"  # 每年, 每季度, 每月, 每半年: repeats, no single due date
    NONE = "none"  # empty / None / whitespace text
    UNPARSED = "unparsed"  # text we could not read: kept and flagged, never guessed


@dataclass(frozen=True)
class Deadline:
    """A deadline phrase and what it means. See the module docstring for the guarantees."""

    text: str
    kind: DeadlineKind
    due: date | None
    start: date | None = None
    recurrence: str | None = None  # "yearly" | "half_yearly" | "quarterly" | "monthly"

    @property
    def is_parsed(self) -> bool:
        """False only for UNPARSED: the text needs a human to look at it."""
        return self.kind is not DeadlineKind.UNPARSED


def month_end(year: int, month: int) -> date:
    """Last day of ``month`` in ``year``; raises ValueError for an impossible month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(year: int, quarter: int) -> date:
    """Last day of ``quarter`` (1–4) in ``year``; raises ValueError for another quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, not {quarter}")
    return month_end(year, quarter * 3)


# --- periods: each pattern names a period and a builder returns its (first day, last day) ---

_Period = tuple[date, date]
_Y = r"(?P<y>[0-9]{4})"
_M = r"(?P<m>[0-9]{1,2})"
_D = r"(?P<d>[0-9]{1,2})"
_QUARTER_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4}


def _year(m: re.Match[str]) -> int:
    year = int(m["y"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year {year} outside {FIRST_YEAR}-{LAST_YEAR}")
    return year


def _iso_day(m: re.Match[str]) -> _Period:
    day = date.fromisoformat(m[0])
    _year(m)
    return day, day


def _day(m: re.Match[str]) -> _Period:
    day = date(_year(m), int(m["m"]), int(m["d"]))
    return day, day


def _month(m: re.Match[str]) -> _Period:
    year, month = _year(m), int(m["m"])
    return date(year, month, 1), month_end(year, month)


def _half(m: re.Match[str]) -> _Period:
    year = _year(m)
    if m["h"] == "上":
        return date(year, 1, 1), date(year, 6, 30)
    return date(year, 7, 1), date(year, 12, 31)


def _quarter(m: re.Match[str]) -> _Period:
    year = _year(m)
    quarter = _QUARTER_NUMERALS.get(m["q"]) or int(m["q"])
    return date(year, quarter * 3 - 2, 1), quarter_end(year, quarter)


def _whole_year(m: re.Match[str]) -> _Period:
    year = _year(m)
    return date(year, 1, 1), date(year, 12, 31)


_PERIODS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Period]], ...] = tuple(
    (re.compile(pattern), builder)
    for pattern, builder in (
        (_Y + r"-[0-9]{2}-[0-9]{2}", _iso_day),  # 2024-12-31
        (_Y + "年" + _M + "月" + _D + "日", _day),  # 2024年6月30日
        (_Y + r"(?P<sep>[./-])" + _M + "(?P=sep)" + _D, _day),  # 2024.6.30, 2024/6/30, 2024-6-30
        (_Y + "年" + _M + "月", _month),  # 2024年12月
        (_Y + "年?(?P<h>[上下])半年", _half),  # 2023年上半年
        (_Y + "年?第?(?P<q>[一二三四1-4])季度?", _quarter),  # 2023年第一季度, 2023年1季度
        (_Y + "年?[Qq](?P<q>[1-4])", _quarter),  # 2023年Q1, 2023Q1
        (_Y + "(?:年度?)?", _whole_year),  # 2024年, 2024年度, 2024
    )
)


def _period(body: str) -> _Period | None:
    """The period ``body`` names exactly, or None (also for impossible dates)."""
    for pattern, builder in _PERIODS:
        match = pattern.fullmatch(body)
        if match:
            try:
                return builder(match)
            except ValueError:
                return None
    return None


# --- the phrase as a whole ---

_ONGOING_PREFIXES = ("长期", "持续", "常态")
_RECURRING_PREFIXES = (  # checked in order; 每年度 and 每年12月底前 are yearly
    ("每半年", "half_yearly"),
    ("每个季度", "quarterly"),
    ("每季", "quarterly"),
    ("每个月", "monthly"),
    ("每月", "monthly"),
    ("每年", "yearly"),
)
_BY_END_OF = ("以前", "之前", "底前", "末前", "前", "底", "末", "内")  # longest first
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−~～〜至", "-"))  # NFKC keeps most of these
_MAX_FIXED_LENGTH = 64  # no real date phrase is longer; spares work on pasted prose


def _normalise(text: str) -> str:
    """NFKC (full-width digits), one dash for every range separator, no whitespace, no 。."""
    folded = unicodedata.normalize("NFKC", text).translate(_DASHES)
    body = "".join(folded.split()).rstrip("。")
    return body.replace("年年底", "年底").replace("年年末", "年末")  # 2024年年底前


def _strip_suffix(body: str) -> str:
    body = body.removesuffix("完成")
    for suffix in _BY_END_OF:
        if body.endswith(suffix):
            return body.removesuffix(suffix)
    return body


def _fixed(body: str) -> tuple[date | None, date] | None:
    """(start, due) of a single period (start None) or a range such as 2022-2024年."""
    single = _period(body)
    if single:
        return None, single[1]
    for dash in re.finditer("-+", body):
        first, last = _period(body[: dash.start()]), _period(body[dash.end() :])
        if first and last:
            return (first[0], last[1]) if first[0] <= last[1] else None
    return None


def parse_deadline(text: str | None) -> Deadline:
    """Read a deadline phrase. Never raises on a str or None; unreadable text is UNPARSED."""
    original = "" if text is None else text
    if not original.strip():
        return Deadline(original, DeadlineKind.NONE, None)
    body = _normalise(original)
    if body.startswith(_ONGOING_PREFIXES):
        return Deadline(original, DeadlineKind.ONGOING, None)
    for prefix, recurrence in _RECURRING_PREFIXES:
        if body.startswith(prefix):
            return Deadline(original, DeadlineKind.RECURRING, None, recurrence=recurrence)
    fixed = _fixed(_strip_suffix(body)) if len(body) <= _MAX_FIXED_LENGTH else None
    if fixed is None:
        return Deadline(original, DeadlineKind.UNPARSED, None)
    start, due = fixed
    return Deadline(original, DeadlineKind.FIXED, due, start=start)
