"""The window's translations, read without Qt: the command line and the drawings speak from them.

The window loads ``resources/translations/qdplanner_<lang>.qm`` with a ``QTranslator`` and
translates through the one installed. A command that prints text (``qdplanner status``) does
not import Qt for that — importing QtCore alone costs more than the rest of the command's
start-up — and a printout (the progress summary, its timeline page, ``qdplanner gantt``)
must speak the language it was asked for, whatever translator is installed. Both read the
same ``.qm`` file here: :func:`catalogue` returns its messages for a language, looked up by
context and English source text as ``QTranslator.translate`` looks them up (a test checks
every message against ``QTranslator``). English is the source language: its catalogue
returns the text it is given.

Strings to translate are marked with ``N_(context, text)`` where they are written, so that
``scripts/update_translations.py`` puts them in the ``.ts`` file; the context is the one
:meth:`Catalogue.translate` is then called with.

The ``.qm`` format (Qt's ``qtranslator.cpp``): a 16-byte magic number, then blocks of
``tag (1 byte), length (4 bytes, big-endian), data``. The messages block holds one record per
message, a run of tagged fields ended by ``Tag_End``: the translation (UTF-16BE, one per plural
form; length 0xFFFFFFFF when there is none), then the comment, source text and context (UTF-8),
each with a 4-byte length.
"""

from __future__ import annotations

import struct
from datetime import date
from functools import cache
from pathlib import Path

from qdplanner.domain.cover_date import CoverDate
from qdplanner.domain.illustrative import marked
from qdplanner.domain.periods import Period
from qdplanner.domain.vocabulary import lang_key
from qdplanner.errors import MESSAGES, N_, QdError
from qdplanner.paths import resources_dir

QM_FILES = {"zh": "qdplanner_zh_CN.qm"}  # the window's files; English needs none
COMMAND_LINE = "CommandLine"  # the context of the lines the command line prints

_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_BLOCK_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1 = 0x01, 0x03, 0x05
_SOURCE, _CONTEXT, _COMMENT = 0x06, 0x07, 0x08
_NO_TEXT = 0xFFFFFFFF

Key = tuple[str, str, str]  # context, source text, comment (disambiguation)


def read_qm(data: bytes) -> dict[Key, str]:
    """Every translated message of a ``.qm`` file's bytes; ValueError if it is not one."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a Qt translation file")
    pos, messages = len(_MAGIC), b""
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack_from(">I", data, pos + 1)[0]
        if tag == _BLOCK_MESSAGES:
            messages = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    table: dict[Key, str] = {}
    pos, end = 0, len(messages)
    while pos < end:
        forms: list[str] = []
        fields = {_SOURCE: b"", _CONTEXT: b"", _COMMENT: b""}
        while pos < end:
            tag = messages[pos]
            pos += 1
            if tag == _END:
                break
            if tag == _OBSOLETE1:
                pos += 4
                continue
            if tag not in (_TRANSLATION, *fields):
                raise ValueError(f"unknown field {tag:#x} in a Qt translation file")
            (length,) = struct.unpack_from(">I", messages, pos)
            pos += 4
            if tag == _TRANSLATION:
                if length != _NO_TEXT:
                    forms.append(messages[pos : pos + length].decode("utf-16-be"))
                    pos += length
            else:
                fields[tag] = messages[pos : pos + length]
                pos += length
        if forms and forms[0]:
            key = (fields[_CONTEXT].decode(), fields[_SOURCE].decode(), fields[_COMMENT].decode())
            table[key] = forms[0]  # Chinese has one plural form
    return table


class Catalogue:
    """The messages of one language. ``translate(context, text)`` gives ``text`` in it (or
    ``text`` itself when it has no translation, as Qt does)."""

    def __init__(self, lang: str, messages: dict[Key, str] | None = None):
        self.lang = lang_key(lang)
        self._messages = messages or {}

    def translate(self, context: str, text: str, comment: str = "") -> str:
        found = self._messages.get((context, text, comment))
        if found is None and comment:
            found = self._messages.get((context, text, ""))
        return text if found is None else found

    def message(self, template: str) -> str:
        """One of the error and notice templates (context ``Messages``)."""
        return self.translate(MESSAGES, template)

    def error(self, error: QdError) -> str:
        """An error's text in this language (its causes translated too)."""
        return error.text(self.message)

    def __len__(self) -> int:
        return len(self._messages)


def qm_path(lang: str) -> Path | None:
    """The ``.qm`` file of ``lang``; None for English, the source language."""
    name = QM_FILES.get(lang_key(lang))
    return None if name is None else resources_dir() / "translations" / name


def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang`` (``zh``, ``zh_CN``, ``en`` …), read once.

    A missing or unreadable translation file gives a catalogue that returns the English
    source text, as the window then shows English.
    """
    return _catalogue(lang_key(lang))


@cache
def _catalogue(lang: str) -> Catalogue:
    path = qm_path(lang)
    if path is None:
        return Catalogue(lang)
    try:
        return Catalogue(lang, read_qm(path.read_bytes()))
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        return Catalogue(lang)


def translate(lang: str, context: str, text: str, /) -> str:
    """``text`` (marked with ``N_(context, text)``) in ``lang``."""
    return catalogue(lang).translate(context, text)


def translated(lang: str, context: str, text: str, /, **fields: object) -> str:
    """``text`` (marked ``N_(context, text)``) in ``lang``, with its ``{name}`` fields filled
    from ``fields`` (a text without fields is left as it is, braces and all)."""
    template = catalogue(lang).translate(context, text)
    return template.format(**fields) if fields else template


def line(lang: str, text: str, /, **fields: object) -> str:
    """One of the command line's lines (marked ``N_("CommandLine", text)``) in ``lang``, with
    ``fields`` filled in."""
    return translated(lang, COMMAND_LINE, text, **fields)


# The words every printout shares (the summary, the collection workbook, the Word document):
# context "Report".

_PARTS = {  # the part of a year a period code ends with
    "H1": N_("Report", "{year} H1"),
    "H2": N_("Report", "{year} H2"),
    "Q1": N_("Report", "{year} Q1"),
    "Q2": N_("Report", "{year} Q2"),
    "Q3": N_("Report", "{year} Q3"),
    "Q4": N_("Report", "{year} Q4"),
}


def date_text(day: date, lang: str) -> str:
    """2024-09-30 / 2024年9月30日."""
    template = N_("Report", "{year}-{month:02}-{day:02}")
    return translated(lang, "Report", template, year=day.year, month=day.month, day=day.day)


def period_text(period: Period, lang: str) -> str:
    """2024Q3 → 2024 Q3 / 2024年第三季度; 2024H1 → 2024年上半年; 2024-09 → 2024年9月."""
    year, code = period.start.year, period.code
    if code == str(year):
        template = N_("Report", "{year}")
    elif "-" in code:
        template = N_("Report", "{year}-{month:02}")
    else:
        template = _PARTS[code[len(str(year)) :]]
    return translated(lang, "Report", template, year=year, month=period.start.month)


# The one word every printout marks illustrative data with (qdplanner.domain.illustrative):
# after a value or a row, and the sentence under a cover that has any.
ILLUSTRATIVE_MARK = N_("Report", " (illustrative)")
ILLUSTRATIVE_NOTICE = N_(
    "Report",
    "This document contains illustrative data, marked “(illustrative)”: filled in for the "
    "sample plan, not reported by any unit.",
)


# A value derived from a published one (an indicator's 推算 baseline): said after it.
DERIVED_MARK = N_("Report", " (derived)")


def illustrative_mark(lang: str) -> str:
    """`` (illustrative)`` / ``（示例）``."""
    return translate(lang, "Report", ILLUSTRATIVE_MARK)


def with_illustrative_mark(text: str, illustrative: bool, lang: str) -> str:
    """``text``, followed by the mark when it is illustrative (once)."""
    return marked(text, illustrative, illustrative_mark(lang))


def cover_date_text(when: CoverDate, lang: str) -> str:
    """The date on a cover: a month (2026-01 / 2026年1月) or a day (2026-01-15 /
    2026年1月15日), as the report writes its other months and days."""
    if when.day is None:
        template = N_("Report", "{year}-{month:02}")
        return translated(lang, "Report", template, year=when.year, month=when.month)
    return date_text(when.first_day(), lang)
