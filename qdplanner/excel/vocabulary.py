"""Words a workbook shows for the plan's coded values (status, kinds, yes/no), in both languages.

A workbook exported in Chinese shows ``进行中`` where the plan file stores ``in_progress``; one
exported in English shows ``In progress``. Import accepts any of the three spellings (the code,
the Chinese label, the English label; case and surrounding blanks ignored), whatever the language
of the workbook, so a workbook edited by someone who typed the code still imports.

The labels match the window's translations (``qdplanner/ui/labels.py``) where both exist; they
are repeated here because workbooks are written without Qt.
"""

from __future__ import annotations

from enum import StrEnum

from qdplanner.domain.enums import (
    Accumulation,
    Comparator,
    Direction,
    IndicatorNature,
    PlanKind,
    TaskStatus,
    UnitKind,
    UnitRole,
    ValueKind,
)

LANGUAGES = ("zh_CN", "en")

# enum class -> code -> (zh_CN label, en label)
LABELS: dict[type[StrEnum], dict[str, tuple[str, str]]] = {
    TaskStatus: {
        "not_started": ("未开始", "Not started"),
        "in_progress": ("进行中", "In progress"),
        "done": ("已完成", "Done"),
        "suspended": ("暂缓", "Suspended"),
        "cancelled": ("已取消", "Cancelled"),
    },
    PlanKind: {
        "five_year_plan": ("五年规划", "Five-year plan"),
        "action_plan": ("行动方案", "Action plan"),
        "other": ("其他", "Other"),
    },
    UnitKind: {
        "department": ("市直部门", "Municipal department"),
        "district": ("区（市）", "District"),
        "institute": ("高校院所", "Institute"),
        "enterprise": ("企业", "Enterprise"),
        "other": ("其他", "Other"),
    },
    UnitRole: {
        "lead": ("牵头", "Lead"),
        "support": ("配合", "Support"),
    },
    Direction: {
        "higher": ("越高越好", "Higher is better"),
        "lower": ("越低越好", "Lower is better"),
    },
    Comparator: {
        "ge": ("≥", "≥"),
        "gt": (">", ">"),
        "eq": ("=", "="),
        "about": ("约", "About"),
        "top_n": ("前N位", "Top N"),
        "le": ("≤", "≤"),
        "lt": ("<", "<"),
        "share_ge": ("占比≥", "Share ≥"),
    },
    IndicatorNature: {
        "aspirational": ("预期性", "Aspirational"),
        "binding": ("约束性", "Binding"),
    },
    Accumulation: {
        "annual": ("年度", "Annual"),
        "cumulative": ("累计", "Cumulative"),
    },
    ValueKind: {
        "actual": ("实际", "Actual"),
        "target": ("目标", "Target"),
    },
}

YES_NO: dict[bool, tuple[str, str]] = {True: ("是", "Yes"), False: ("否", "No")}
_TRUE_WORDS = {"是", "yes", "y", "true", "1", "✓", "✔", "√"}
_FALSE_WORDS = {"否", "no", "n", "false", "0"}


def _lang_index(lang: str) -> int:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    return LANGUAGES.index(lang)


def label(enum: type[StrEnum], code: str, lang: str) -> str:
    """The word a ``lang`` workbook shows for ``code``; unknown codes are shown as they are."""
    labels = LABELS[enum].get(code)
    return labels[_lang_index(lang)] if labels else code


def labels(enum: type[StrEnum], lang: str) -> list[str]:
    """Every label of ``enum`` in ``lang``, in the enum's order (for dropdown lists)."""
    index = _lang_index(lang)
    return [pair[index] for pair in LABELS[enum].values()]


def _reverse(enum: type[StrEnum]) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, pair in LABELS[enum].items():
        for word in (code, *pair):
            table.setdefault(word.casefold(), code)
    return table


_REVERSE = {enum: _reverse(enum) for enum in LABELS}


def code_for(enum: type[StrEnum], text: str) -> str | None:
    """The code that ``text`` names (code or label, either language), or None."""
    return _REVERSE[enum].get(text.strip().casefold())


def yes_no(value: bool, lang: str) -> str:
    return YES_NO[bool(value)][_lang_index(lang)]


def bool_for(value: object) -> bool | None:
    """Read a yes/no cell: True/False, 1/0, 是/否, yes/no …; None when it is not one of them."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return {1: True, 0: False}.get(value)  # type: ignore[call-overload]
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None
