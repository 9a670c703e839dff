"""The words, symbols and colours of the plan's coded values: the one table every surface reads.

Each member of each enum of :mod:`qdplanner.domain.enums` has a Chinese and an English word;
the lights (a task's :class:`StatusLight`, an indicator's :class:`IndicatorLight`) also have a
symbol, so they read in black and white, and a colour. The window (``ui/labels.py`` picks its
language), the workbooks (``excel/vocabulary.py``), the printed summary, the charts, the
timeline and the command line all take their words from here, so a light reads the same on
screen, on paper and in a terminal.

Languages are ``zh`` and ``en``; ``zh_CN`` (the window's and the workbooks' spelling) and any
other ``zh…``/``en…`` tag are read as those two.

Both orders of lights run best first, the not-judged light last: a reader sees what is done
and on track, then what needs attention.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from qdplanner.domain.enums import (
    Accumulation,
    ChangeSource,
    Comparator,
    Direction,
    IndicatorLight,
    IndicatorNature,
    PlanKind,
    ReturnStanding,
    StatusLight,
    TaskStatus,
    UnitKind,
    UnitRole,
    ValueKind,
)

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Term:
    """How one coded value reads: its words, and for a light its symbol and colour (hex).

    ``also``: earlier wordings, still read back as this value, so a workbook written by an
    older version imports.
    """

    zh: str
    en: str
    symbol: str = ""
    colour: str = ""
    also: tuple[str, ...] = ()


# Traffic-light colours, chosen to stay apart for the common colour-blindness; every light
# also has a symbol and a word, so nothing depends on colour alone.
_DARK_GREEN, _GREEN, _BLUE = "#2e7d32", "#66bb6a", "#1e88e5"
_YELLOW, _RED, _GREY = "#f9a825", "#d32f2f", "#9e9e9e"
_PALE_GREY = "#bdbdbd"

VOCABULARY: dict[type[StrEnum], dict[StrEnum, Term]] = {
    TaskStatus: {
        # ``also``: the words offices write for a status (every entry point reads them)
        TaskStatus.NOT_STARTED: Term("未开始", "Not started", also=("未启动",)),
        TaskStatus.IN_PROGRESS: Term(
            "进行中", "In progress", also=("推进中", "正在推进", "持续推进中", "实施中")
        ),
        TaskStatus.DONE: Term("已完成", "Done", also=("完成", "已办结", "已销号", "办结")),
        TaskStatus.SUSPENDED: Term("暂缓", "Suspended", also=("已暂缓", "暂停")),
        TaskStatus.CANCELLED: Term("已取消", "Cancelled", also=("取消", "canceled")),
    },
    StatusLight: {
        StatusLight.DONE: Term("已完成", "Done", "✔", _DARK_GREEN),
        StatusLight.GREEN: Term("正常推进", "On track", "●", _GREEN),
        StatusLight.BLUE: Term("即将到期", "Due soon", "◆", _BLUE),
        StatusLight.YELLOW: Term("进度滞后", "At risk", "▲", _YELLOW),
        StatusLight.RED: Term("逾期/严重滞后", "Overdue / far behind", "■", _RED),
        StatusLight.GREY: Term(
            "未开始/持续推进", "Not started / ongoing", "○", _GREY, also=("未开始/长期",)
        ),
        StatusLight.NO_RECORD: Term("无进展记录", "No progress record", "?", _PALE_GREY),
    },
    IndicatorLight: {
        IndicatorLight.ACHIEVED: Term("已达成", "Achieved", "✔", _DARK_GREEN),
        IndicatorLight.ON_TRACK: Term("正常推进", "On track", "●", _GREEN, also=("正常",)),
        IndicatorLight.BEHIND: Term("滞后", "Behind", "▲", _YELLOW),
        IndicatorLight.OFF_TRACK: Term("严重滞后", "Off track", "■", _RED),
        IndicatorLight.NO_BASELINE: Term("无基期", "No baseline", "◌", "#78909c"),
        IndicatorLight.NO_DATA: Term("无数据", "No data", "○", _GREY),
    },
    PlanKind: {
        PlanKind.FIVE_YEAR_PLAN: Term("五年规划", "Five-year plan"),
        PlanKind.ACTION_PLAN: Term("行动方案", "Action plan"),
        PlanKind.OTHER: Term("其他规划", "Other plan", also=("其他", "Other", "规划", "Plan")),
    },
    UnitKind: {
        UnitKind.DEPARTMENT: Term("市直部门", "Municipal department"),
        UnitKind.DISTRICT: Term("区（市）", "District"),
        UnitKind.INSTITUTE: Term("高校院所", "Institute"),
        UnitKind.ENTERPRISE: Term("企业", "Enterprise"),
        UnitKind.OTHER: Term("其他", "Other"),
    },
    UnitRole: {
        UnitRole.LEAD: Term("牵头", "Lead"),
        UnitRole.SUPPORT: Term("配合", "Support"),
    },
    Direction: {
        Direction.HIGHER: Term("越高越好", "Higher is better"),
        Direction.LOWER: Term("越低越好", "Lower is better"),
    },
    # The word stands alone in a workbook's column; the symbol goes before a number (≥300亿元).
    Comparator: {
        Comparator.GE: Term("≥", "≥", "≥"),
        Comparator.GT: Term(">", ">", ">"),
        Comparator.EQ: Term("=", "=", "="),
        Comparator.ABOUT: Term("约", "About", "≈"),
        Comparator.TOP_N: Term("前N位", "Top N", "前"),
        Comparator.LE: Term("≤", "≤", "≤"),
        Comparator.LT: Term("<", "<", "<"),
        Comparator.SHARE_GE: Term("占比≥", "Share ≥", "≥"),
    },
    IndicatorNature: {
        IndicatorNature.ASPIRATIONAL: Term("预期性", "Aspirational"),
        IndicatorNature.BINDING: Term("约束性", "Binding"),
    },
    Accumulation: {
        Accumulation.ANNUAL: Term("年度增速类", "Annual rate", also=("年度", "Annual")),
        Accumulation.CUMULATIVE: Term("累计总量类", "Cumulative", also=("累计",)),
    },
    ValueKind: {
        ValueKind.ACTUAL: Term("实际", "Actual"),
        ValueKind.TARGET: Term("目标", "Target"),
    },
    ChangeSource: {
        ChangeSource.FORM: Term("表单", "Form"),
        ChangeSource.TABLE: Term("表格", "Table"),
        ChangeSource.IMPORT: Term("导入", "Import"),
        ChangeSource.COMMAND: Term("命令行", "Command"),
        ChangeSource.SAMPLE: Term("示例规划", "Sample plan"),
        ChangeSource.TIMELINE: Term("时间轴", "Timeline"),
        ChangeSource.MIGRATION: Term("升级", "Upgrade"),
    },
    # A unit's return for a period (季度填报): symbol and colour, so it reads on paper too.
    ReturnStanding: {
        ReturnStanding.RETURNED: Term("已报回", "Returned", "✔", _DARK_GREEN),
        ReturnStanding.PARTIAL: Term("部分报回", "Partly returned", "◐", _YELLOW),
        ReturnStanding.ISSUED: Term("已下发待报回", "Issued, not yet due", "…", _BLUE),
        ReturnStanding.MISSING: Term("逾期未报回", "Late, not returned", "■", _RED),
        ReturnStanding.NOT_ISSUED: Term("未下发", "Not issued", "○", _GREY),
    },
}

LIGHT_ORDER: tuple[StatusLight, ...] = (
    StatusLight.DONE,
    StatusLight.GREEN,
    StatusLight.BLUE,
    StatusLight.YELLOW,
    StatusLight.RED,
    StatusLight.GREY,
    StatusLight.NO_RECORD,
)


def lights_to_show(*counts: Mapping[StatusLight, int]) -> tuple[StatusLight, ...]:
    """:data:`LIGHT_ORDER` for a tally: 无进展记录 only where a task has it (only a date in
    the past, judged as it stood then, gives it), so today's tallies read as they always did."""
    if any(c.get(StatusLight.NO_RECORD) for c in counts):
        return LIGHT_ORDER
    return tuple(light for light in LIGHT_ORDER if light is not StatusLight.NO_RECORD)


INDICATOR_LIGHT_ORDER: tuple[IndicatorLight, ...] = (
    IndicatorLight.ACHIEVED,
    IndicatorLight.ON_TRACK,
    IndicatorLight.BEHIND,
    IndicatorLight.OFF_TRACK,
    IndicatorLight.NO_BASELINE,
    IndicatorLight.NO_DATA,
)


def lang_key(lang: str) -> str:
    """``zh`` or ``en`` for a language tag (``zh``, ``zh_CN``, ``en``, ``en_US`` …).

    Raises ValueError for any other language.
    """
    tag = str(lang).strip().lower()
    for key in LANGS:
        if tag == key or tag.startswith((f"{key}_", f"{key}-")):
            return key
    raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")


def term(member: StrEnum) -> Term:
    """The :class:`Term` of an enum member; KeyError for a member that has none."""
    return VOCABULARY[type(member)][member]


def word(member: StrEnum, lang: str) -> str:
    """The word of ``member`` in ``lang``: ``word(StatusLight.RED, "zh") == "逾期/严重滞后"``."""
    t = term(member)
    return t.zh if lang_key(lang) == "zh" else t.en


def words(enum: type[StrEnum], lang: str) -> list[str]:
    """Every word of ``enum`` in ``lang``, in the enum's order (for dropdown lists)."""
    return [word(member, lang) for member in VOCABULARY[enum]]


def symbol(member: StrEnum) -> str:
    """The symbol of a light (or a comparator); ValueError for a member without one."""
    found = term(member).symbol
    if not found:
        raise ValueError(f"{type(member).__name__}.{member.name} has no symbol")
    return found


def colour(member: StrEnum) -> str:
    """The colour of a light as ``#rrggbb``; ValueError for a member without one."""
    found = term(member).colour
    if not found:
        raise ValueError(f"{type(member).__name__}.{member.name} has no colour")
    return found


def symbol_word(member: StrEnum, lang: str) -> str:
    """A light as symbol and word, ``■ 逾期/严重滞后``: readable without colour."""
    return f"{symbol(member)} {word(member, lang)}"


def in_sentence(member: StrEnum, lang: str) -> str:
    """The word as it reads inside a sentence: ``逾期或严重滞后``, ``overdue or far behind``."""
    text = word(member, lang)
    if lang_key(lang) == "zh":
        return text.replace("/", "或")
    return text.replace(" / ", " or ").lower()


def _fold(text: str) -> str:
    """Case, width and blanks ignored: ``" In  Progress "`` and ``"in progress"`` fold alike."""
    return "".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


def _reading_table(enum: type[StrEnum]) -> dict[str, StrEnum]:
    table: dict[str, StrEnum] = {}
    for member, t in VOCABULARY[enum].items():
        for spelling in (member.value, t.zh, t.en, *t.also):
            table.setdefault(_fold(spelling), member)
    return table


_READING = {enum: _reading_table(enum) for enum in VOCABULARY}


def parse(enum: type[StrEnum], text: str) -> StrEnum | None:
    """The member of ``enum`` that ``text`` names, or None.

    ``text`` may be the code, the Chinese or the English word, or one of the other spellings
    a :class:`Term` accepts; case, full/half width and blanks are ignored.
    """
    return _READING[enum].get(_fold(text))
