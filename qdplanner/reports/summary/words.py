"""The printed summary's words: the window's catalogue, in the language chosen for the report.

Every word is an English source string marked ``N_("Report", …)`` where it is used (format
fields ``{name}``), translated by :func:`word` through the one catalogue the command line reads
(:mod:`qdplanner.catalogue`): the report follows the language chosen for it (``zh`` or
``en``, in the report dialog or by ``--lang``), whatever language the window has installed.
The Chinese text is the ``Report`` context of ``resources/translations/qdplanner_zh_CN.ts``.
The words, symbols and colours of lights, statuses and kinds are
:mod:`qdplanner.domain.vocabulary`'s. What is left here is the numbering of headings, which
is a habit of the page rather than a word.
"""

from __future__ import annotations

from qdplanner.catalogue import date_text, period_text, translated  # noqa: F401 (re-exported)
from qdplanner.domain.enums import StatusLight
from qdplanner.domain.vocabulary import in_sentence, lights_to_show
from qdplanner.errors import N_

REPORT = "Report"  # the translation context of the summary's words

_CN_NUMERALS = "〇一二三四五六七八九十"


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
        for light in lights_to_show(counts)
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
