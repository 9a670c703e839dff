"""The window's words for the plan's coded values: the domain vocabulary, in the window's language.

Words, symbols and colours are :mod:`qdplanner.domain.vocabulary`'s — the same the workbooks,
the printed summary, the charts and the command line show. This adapter only picks the
language the window speaks (:func:`qdplanner.ui.i18n.current_language`) and turns colours
into :class:`QColor`. A window drawn after a change of language shows the new words. The
plan's stored times (UTC) read here as the user's local time, too.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor

from qdplanner.domain import vocabulary
from qdplanner.domain.enums import StatusLight, TaskStatus, UnitKind
from qdplanner.domain.text import local_minute
from qdplanner.ui.i18n import current_language


def lang() -> str:
    """``zh`` or ``en``: the window's language as the vocabulary (and the report) name it."""
    return vocabulary.lang_key(current_language())


def label(member: StrEnum) -> str:
    """The word of ``member`` in the window's language."""
    return vocabulary.word(member, lang())


def light_text(member: StrEnum) -> str:
    """A light (task or indicator) as symbol and word, ``▲ 进度滞后``."""
    return vocabulary.symbol_word(member, lang())


def light_colour(member: StrEnum) -> QColor:
    """A light's colour (task or indicator): the one the timeline, charts and paper use."""
    return QColor(vocabulary.colour(member))


# Shorthands for the values the window shows most (codes accepted as well as members).
def status_label(status: TaskStatus | str) -> str:
    return label(TaskStatus(status))


def light_label(light: StatusLight | str) -> str:
    return label(StatusLight(light))


def unit_kind_label(kind: UnitKind | str) -> str:
    return label(UnitKind(kind))


LIGHT_SYMBOLS = {light: vocabulary.symbol(light) for light in StatusLight}


local_time = local_minute  # the one rule: qdplanner.domain.text.local_minute
