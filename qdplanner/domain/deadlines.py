"""Reading the deadline phrase (完成时限) of a plan's task.

Plans state deadlines as phrases: ``2024年底前``, ``2023年第三季度``, ``2022—2024年``,
``长期坚持``, ``每年``. :func:`parse_deadline` turns such a phrase into a :class:`Deadline`.

What callers may rely on:

* it never raises on a ``str`` (or ``None``) and never guesses;
* ``Deadline.text`` is the phrase exactly as given (``""`` for ``None``);
* NONE means blank text (``None``, ``""``, whitespace only);
* ``due`` is the *last* day of the period named (inclusive) and is set only for FIXED;
* ``start`` is set for ranges (``2022—2024年`` starts 2022-01-01, and ``start <= due``) and for
  open-ended phrases (``2023年起``);
  a range joins any two readable periods (``2022年6月—2024年6月``) with — – ― － ～ 〜 ~ 至 or -;
* ``recurrence`` is set only for RECURRING;
* anything not read with certainty is UNPARSED: kept and flagged, with no dates; so is a
  year outside the years a plan holds (:mod:`qdplanner.domain.limits`, 1900–2100).

Suffixes 前 / 以前 / 之前 / 底 / 底前 / 末 / 末前 / 内 all mean "by the end of", and a trailing
完成 is tolerated (``2024年底前完成``); any other trailing words make the phrase UNPARSED. A
leading 到 / 截至 / 截止 / 于 / 在 is read past (``到2025年``). ``2024年年底`` reads as
``2024年底``. A bare four-digit year (``2024``, as a spreadsheet cell holding the number 2024
gives it) reads as that year; a five-digit number from 36526 to 73415 (a date cell that became
text: 45107) as the Excel date of that serial.

Months: ``2023-06``, ``2023.06`` and ``2023.6`` read as June 2023; ``2023.1`` is not read
(a spreadsheet may have turned 2023.10 into 2023.1). 上旬 / 中旬 / 下旬 end on the 10th, the 20th
and the month's last day. Chinese numerals are read in years, months and days (``二〇二三年六月``,
``2023年十二月底前``); circled and superscript digits (⑳, ²) are never read as digits.

Plan periods: ``“十四五”期间`` (and 十一五 … 十五五) is that five-year plan's span (2021—2025).
Open-ended: ``2023年起`` is ONGOING from 2023 (``start`` set), ``2023年起每年`` RECURRING yearly
from 2023; ``按年度推进`` / ``逐年`` are RECURRING yearly.

Phrases without a year (``年底前``, ``6月底前``, ``年内``, ``第三季度``) are read only when the
caller knows the year — the sheet's title, or a one-year plan document — and passes it as
``year``; otherwise they are UNPARSED.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
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
_CN_1_9 = "一二三四五六七八九"
_CN_DIGITS = {"〇": 0, "零": 0, **{c: n for n, c in enumerate(_CN_1_9, start=1)}}
_EXCEL_EPOCH = date(1899, 12, 30)
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


_DEKAD_END = {"上": 10, "中": 20}


def _dekad(m: re.Match[str]) -> _Period:
    year, month = _year(m), int(m["m"])
    last = month_end(year, month)
    first_day = {"上": 1, "中": 11, "下": 21}[m["x"]]
    return date(year, month, first_day), date(year, month, _DEKAD_END.get(m["x"], last.day))


_SERIALS = range(36526, 73416)  # 2000-01-01 … 2100-12-31: the serials a plan's dates have


def _serial(m: re.Match[str]) -> _Period:
    if int(m[0]) not in _SERIALS:
        raise ValueError("not the serial of a plan's date")
    day = _EXCEL_EPOCH + timedelta(days=int(m[0]))
    return day, day


def _five_year_plan(m: re.Match[str]) -> _Period:
    """``十四五`` → 2021-01-01 … 2025-12-31 (the 3rd plan began in 1966; each lasts 5 years)."""
    number = _chinese_number(m["n"])
    if number is None or number < 3:
        raise ValueError("not a five-year plan we date")
    first = 1966 + 5 * (number - 3)
    if first < FIRST_YEAR or first + 4 > LAST_YEAR:
        raise ValueError("outside the years a plan holds")
    return date(first, 1, 1), date(first + 4, 12, 31)


def _whole_year(m: re.Match[str]) -> _Period:
    year = _year(m)
    return date(year, 1, 1), date(year, 12, 31)


_PERIODS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Period]], ...] = tuple(
    (re.compile(pattern), builder)
    for pattern, builder in (
        (_Y + r"-[0-9]{2}-[0-9]{2}", _iso_day),  # 2024-12-31
        (_Y + "年" + _M + "月" + _D + "日", _day),  # 2024年6月30日
        (_Y + r"(?P<sep>[./-])" + _M + "(?P=sep)" + _D, _day),  # 2024.6.30, 2024/6/30, 2024-6-30
        (_Y + "年" + _M + "月(?P<x>[上中下])旬", _dekad),  # 2023年6月上旬
        (_Y + "年" + _M + "月", _month),  # 2024年12月
        (_Y + r"-(?P<m>[0-9]{2})", _month),  # 2024-06
        (_Y + r"\.(?P<m>0[1-9]|1[0-2]|[2-9])", _month),  # 2024.06, 2024.6 (not 2024.1)
        (f"(?P<n>十[{_CN_1_9}]?|[{_CN_1_9}])五(?:时期|期间|规划期)?", _five_year_plan),  # 十四五
        (r"[0-9]{5}", _serial),  # 45107: a date cell that became text
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


# --- Chinese numerals, circled digits ---


def _chinese_number(text: str) -> int | None:
    """一 … 九十九 (十, 十二, 二十, 二十一 …); None for anything else."""
    if not text or any(c not in _CN_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


_CN_YEAR = re.compile("([〇零一二三四五六七八九]{4})年")
_CN_MONTH_DAY = re.compile("([一二三四五六七八九十]{1,3})(?=[月日号])")


def _arabic(body: str) -> str:
    """Chinese numerals of a year (二〇二三年), a month or a day (十二月, 三十日) as digits."""
    body = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[c]) for c in m[1]) + "年", body)

    def month_or_day(m: re.Match[str]) -> str:
        number = _chinese_number(m[1])
        return str(number) if number is not None else m[0]

    return _CN_MONTH_DAY.sub(month_or_day, body).replace("号", "日")


def _has_odd_digits(text: str) -> bool:
    """Circled, parenthesised, superscript or subscript digits (⑳ ㉔ ⁴ ₂): NFKC would turn
    them into plain digits, but nobody writes a year with them — never read them as one."""
    for char in text:
        if char.isdigit() and not ("0" <= char <= "9" or "０" <= char <= "９"):
            return True
        if unicodedata.category(char) == "No":  # ⑳ ㉔ ½ … (other numbers)
            return True
    return False


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
_YEARLY = ("按年度", "逐年", "年度推进")  # yearly work, no single due date
_BY_END_OF = ("以前", "之前", "底前", "末前", "前", "底", "末", "内")  # longest first
_LEADING = ("截止到", "截至到", "截至", "截止", "到", "于", "在")  # longest first
_QUOTES = str.maketrans(dict.fromkeys("“”\"'‘’「」『』《》", ""))
_FROM = re.compile(_Y + "年?(?:度)?(?:起|开始)(?P<rest>.*)")
_YEARLESS = re.compile(r"(?:年|[0-9]{1,2}月|[上下]半年|第?[一二三四1-4]季度|[Qq][1-4])")
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−~～〜至", "-"))  # NFKC keeps most of these
_MAX_FIXED_LENGTH = 64  # no real date phrase is longer; spares work on pasted prose


def _normalise(text: str) -> str:
    """NFKC (full-width digits), one dash for every range separator, no whitespace, no 。,
    no quotation marks, Chinese numerals as digits, a leading 到 / 截至 … read past."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    body = "".join(folded.split()).rstrip("。")
    for word in _LEADING:  # before the dashes: 截至 is not a range
        if body.startswith(word) and len(body) > len(word):
            body = body.removeprefix(word)
            break
    body = _arabic(body.translate(_DASHES))
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
    if single:  # a period of several years (“十四五”期间) is a range too
        return (single[0] if single[0].year != single[1].year else None), single[1]
    for dash in re.finditer("-+", body):
        first, last = _period(body[: dash.start()]), _period(body[dash.end() :])
        if first and last:
            return (first[0], last[1]) if first[0] <= last[1] else None
    return None


def parse_deadline(text: str | None, *, year: int | None = None) -> Deadline:
    """Read a deadline phrase. Never raises on a str or None; unreadable text is UNPARSED.

    ``year`` is the year a phrase without one means (``年底前``), when the caller knows it from
    the sheet's title or a one-year plan document; without it such phrases are UNPARSED."""
    original = "" if text is None else text
    if not original.strip():
        return Deadline(original, DeadlineKind.NONE, None)
    if _has_odd_digits(original):
        return Deadline(original, DeadlineKind.UNPARSED, None)
    body = _normalise(original)
    if body.startswith(_ONGOING_PREFIXES):
        return Deadline(original, DeadlineKind.ONGOING, None)
    for prefix, recurrence in _RECURRING_PREFIXES:
        if body.startswith(prefix):
            return Deadline(original, DeadlineKind.RECURRING, None, recurrence=recurrence)
    if body.startswith(_YEARLY):
        return Deadline(original, DeadlineKind.RECURRING, None, recurrence="yearly")
    if (opened := _open_ended(original, body)) is not None:
        return opened
    if year is not None and _YEARLESS.match(body) and FIRST_YEAR <= year <= LAST_YEAR:
        body = f"{year}{body}" if body[0] in "年上下第Qq" else f"{year}年{body}"
    fixed = _fixed(_strip_suffix(body)) if len(body) <= _MAX_FIXED_LENGTH else None
    if fixed is None:
        return Deadline(original, DeadlineKind.UNPARSED, None)
    start, due = fixed
    return Deadline(original, DeadlineKind.FIXED, due, start=start)


def _open_ended(original: str, body: str) -> Deadline | None:
    """``2023年起`` (ongoing from 2023), ``2023年起每年`` (yearly from 2023); else None."""
    match = _FROM.fullmatch(body)
    if match is None:
        return None
    try:
        start = date(_year(match), 1, 1)
    except ValueError:
        return Deadline(original, DeadlineKind.UNPARSED, None)
    rest = match["rest"].removeprefix("持续").removesuffix("推进")
    if not rest or rest.startswith(_ONGOING_PREFIXES):
        return Deadline(original, DeadlineKind.ONGOING, None, start=start)
    for prefix, recurrence in _RECURRING_PREFIXES:
        if rest.startswith(prefix):
            return Deadline(
                original, DeadlineKind.RECURRING, None, start=start, recurrence=recurrence
            )
    return Deadline(original, DeadlineKind.UNPARSED, None)


# --- the phrase following its due date ---

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER_BEFORE = {"year": "年", "month": "月", "day": "日"}


def _month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def _restyled(text: str, old: date, new: date) -> str | None:
    """``text`` with the numbers naming ``old``'s year, month and day put to ``new``'s
    (``2023年6月底前`` → ``2023年11月底前``), or None when a number is not found."""
    result = text
    for part, mark in _NUMBER_BEFORE.items():
        before, after = getattr(old, part), getattr(new, part)
        if before == after:
            continue
        width = 4 if part == "year" else 2
        pattern = re.compile(rf"(?<![0-9])0?{before}(?=\s*{mark})" if part != "year"
                             else rf"(?<![0-9]){before}(?![0-9])")  # fmt: skip
        found = list(pattern.finditer(result))
        if not found:
            return None
        last = found[-1]  # in a range the due's numbers come last
        digits = f"{after:0{width if last[0].startswith('0') else 1}}"
        result = result[: last.start()] + digits + result[last.end() :]
    return result


def follow_due(text: str | None, due: date | None) -> str | None:
    """The deadline phrase for a task whose due date has become ``due``.

    The phrase is kept when it still says ``due``; otherwise rewritten in the same style
    (``2023年6月底前`` → ``2023年11月底前``; ``2023年底前`` → ``2023年11月底前`` when the day is a
    month's end, else ``2023年11月15日前``; ``2022—2024年`` → ``2022—2025年``; an ISO date
    stays one). ``""`` when there was no phrase. None when it cannot be said in that phrase's
    terms: a due date on an ongoing or recurring phrase, a phrase not read, or a due date
    cleared — the caller keeps the phrase and shows the disagreement (:func:`deadline_agrees`).
    """
    phrase = parse_deadline(text)
    if phrase.kind is DeadlineKind.NONE:
        return ""
    if phrase.kind is not DeadlineKind.FIXED or due is None or phrase.due is None:
        return None if (phrase.kind is not DeadlineKind.FIXED or due is None) else text
    if phrase.due == due:
        return text
    original = phrase.text
    candidates = []
    if _ISO_DAY.fullmatch(original.strip()):
        candidates.append(due.isoformat())
    restyled = _restyled(original, phrase.due, due)
    if restyled is not None:
        candidates.append(restyled)
    if phrase.start is not None and _month_end(due) and phrase.start.year <= due.year:
        dash = next((c for c in original if c in "—–-~～至"), "—")  # a range: its end moves
        if due.month == 12:
            candidates.append(f"{phrase.start.year}{dash}{due.year}年")
        candidates.append(f"{phrase.start.year}{dash}{due.year}年{due.month}月")
    if "季度" in original and _month_end(due) and due.month % 3 == 0:
        quarter = "一二三四"[due.month // 3 - 1]
        candidates.append(f"{due.year}年第{quarter}季度")
    suffix = "前" if original.rstrip().endswith(_BY_END_OF) or "前" in original else ""
    if due.month == 12 and due.day == 31:
        candidates.append(f"{due.year}年底{suffix}")
    if _month_end(due):
        candidates.append(f"{due.year}年{due.month}月底{suffix}")
    candidates.append(f"{due.year}年{due.month}月{due.day}日{suffix}")
    for candidate in candidates:
        read = parse_deadline(candidate)
        same_start = phrase.start is None or read.start is None or read.start == phrase.start
        if read.kind is DeadlineKind.FIXED and read.due == due and same_start:
            return candidate
    return None


def due_phrase(due: date | None) -> str:
    """The phrase an office writes for ``due`` (``2023年底前``, ``2023年11月底前``,
    ``2023年11月15日前``); ``""`` without a due date. The fix offered where a phrase and its
    due date disagree and the phrase cannot follow (:func:`follow_due`)."""
    if due is None:
        return ""
    if due.month == 12 and due.day == 31:
        return f"{due.year}年底前"
    if _month_end(due):
        return f"{due.year}年{due.month}月底前"
    return f"{due.year}年{due.month}月{due.day}日前"


@functools.lru_cache(maxsize=8192)  # tables ask for every row they paint; phrases repeat
def deadline_agrees(text: str | None, due: date | None) -> bool:
    """Whether the phrase and the due date say the same: no phrase; a phrase naming ``due``;
    an ongoing or recurring phrase without a due date. An unread phrase never agrees: it is
    kept and flagged until someone sets the due date and a phrase that says it."""
    phrase = parse_deadline(text)
    if phrase.kind is DeadlineKind.NONE:
        return True
    if phrase.kind is DeadlineKind.FIXED:
        return phrase.due == due
    if phrase.kind is DeadlineKind.UNPARSED:
        return False
    return due is None
