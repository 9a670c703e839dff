"""Words a workbook shows for the plan's coded values (status, kinds, yes/no), in both languages.

A workbook exported in Chinese shows ``进行中`` where the plan file stores ``in_progress``; one
exported in English shows ``In progress``. Import accepts any of the spellings
:func:`qdplanner.domain.vocabulary.parse` reads (the code, the Chinese or the English word,
an earlier wording; case and blanks ignored), whatever the language of the workbook, so a
workbook edited by someone who typed the code still imports.

The words are the domain vocabulary's, the same as the window's, the report's and the
command line's; this module only speaks the workbooks' language tags (``zh_CN``, ``en``).
"""

from __future__ import annotations

from enum import StrEnum

from qdplanner.domain import vocabulary

LANGUAGES = ("zh_CN", "en")

YES_NO: dict[bool, tuple[str, str]] = {True: ("是", "Yes"), False: ("否", "No")}
_TRUE_WORDS = {"是", "yes", "y", "true", "1", "✓", "✔", "√"}
_FALSE_WORDS = {"否", "no", "n", "false", "0"}


def _lang_index(lang: str) -> int:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    return LANGUAGES.index(lang)


def label(enum: type[StrEnum], code: str, lang: str) -> str:
    """The word a ``lang`` workbook shows for ``code``; unknown codes are shown as they are."""
    _lang_index(lang)
    try:
        member = enum(code)
    except ValueError:
        return code
    return vocabulary.word(member, lang)


def labels(enum: type[StrEnum], lang: str) -> list[str]:
    """Every label of ``enum`` in ``lang``, in the enum's order (for dropdown lists)."""
    _lang_index(lang)
    return vocabulary.words(enum, lang)


def code_for(enum: type[StrEnum], text: str) -> str | None:
    """The code that ``text`` names (code or word, either language), or None."""
    member = vocabulary.parse(enum, text)
    return None if member is None else member.value


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
