"""The printed summary's words: the window's catalogue, in the language chosen for the report.

Every word is an English source string marked ``N_("Report", …)`` where it is used (format
fields ``{name}``), translated by :func:`word` through the one catalogue the command line reads
(:mod:`qdplanner.reports.catalogue`): the report follows the language chosen for it (``zh`` or
``en``, in the report dialog or by ``--lang``), whatever language the window has installed.
The Chinese text is the ``Report`` context of ``resources/translations/qdplanner_zh_CN.ts``.
The words, symbols and colours of lights, statuses and kinds are
:mod:`qdplanner.domain.vocabulary`'s. What is left here is the numbering of headings, which
is a habit of the page rather than a word.
"""

from __future__ import annotations

from datetime import date

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.periods import Period
from qdplanner.domain.vocabulary import LIGHT_ORDER, in_sentence
from qdplanner.errors import N_
from qdplanner.reports.catalogue import translated

REPORT = "Report"  # the translation context of the summary's words

_CN_NUMERALS = "〇一二三四五六七八九十"

_PARTS = {  # the part of a year a period code ends with
    "H1": N_("Report", "{year} H1"),
    "H2": N_("Report", "{year} H2"),
    "Q1": N_("Report", "{year} Q1"),
    "Q2": N_("Report", "{year} Q2"),
    "Q3": N_("Report", "{year} Q3"),
    "Q4": N_("Report", "{year} Q4"),
}


def word(lang: str, text: str, /, **fields: object) -> str:
    """``text`` (marked ``N_("Report", text)``) in ``lang``, with ``fields`` filled in."""
    return translated(lang, REPORT, text, **fields)


def with_year(lang: str, value: str, year: object) -> str:
    """A value and the year (or period) it is of: ``287亿元（2020）`` / ``287亿元 (2020)``."""
    return word(lang, N_("Report", "{value} ({year})"), value=value, year=year)


def light_counts(counts: dict[StatusLight, int], lang: str) -> str:
    """Tasks per light in a sentence: ``已完成3项，正常推进2项……`` / ``3 done, 2 on track, …``."""
    items = [
        word(lang, N_("Report", "{n} {light}"), n=counts.get(light, 0),
             light=in_sentence(light, lang))
        for light in LIGHT_ORDER
    ]  # fmt: skip
    text = items[0]
    for item in items[1:]:
        text = word(lang, N_("Report", "{list}, {item}"), list=text, item=item)
    return text


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (numbered headings 一、二、…)."""
    if n <= 10:
        return _CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else _CN_NUMERALS[tens]) + "十"
    return head + (_CN_NUMERALS[ones] if ones else "")


def heading_number(level: int, n: int, lang: str) -> str:
    """Government numbering 一、 （一） in Chinese; ``1. `` (and none below) in English."""
    if lang != "zh":
        return f"{n}. " if level == 1 else ""
    return f"{chinese_number(n)}、" if level == 1 else f"（{chinese_number(n)}）"


def date_text(day: date, lang: str) -> str:
    """2024-09-30 / 2024年9月30日."""
    template = N_("Report", "{year}-{month:02}-{day:02}")
    return word(lang, template, year=day.year, month=day.month, day=day.day)


def period_text(period: Period, lang: str) -> str:
    """2024Q3 → 2024 Q3 / 2024年第三季度; 2024H1 → 2024年上半年; 2024-09 → 2024年9月."""
    year, code = period.start.year, period.code
    if code == str(year):
        template = N_("Report", "{year}")
    elif "-" in code:
        template = N_("Report", "{year}-{month:02}")
    else:
        template = _PARTS[code[len(str(year)) :]]
    return word(lang, template, year=year, month=period.start.month)
