"""The language the command line speaks: ``--lang``, else the locale; and its words.

Every command takes ``--lang zh|en`` (``zh_CN`` and the like are read as ``zh``). Without it
the language comes from the locale, as POSIX programs read it: the first of ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` that is set and not empty. Chinese when it starts with ``zh``
(``zh_CN.UTF-8``), English for anything else (``en_US.UTF-8``, ``C``, ``POSIX``). When none is
set — a Windows console, a scheduled task, a bare container — Windows is asked for the user's
display language (Chinese when it is Chinese); elsewhere it is English, the ``C`` locale's
language. (The window keeps its own choice, Chinese until one is made.)

Kept free of click: the window's quick start reads it too. Every line a command prints is
translated here from the window's own catalogue (:mod:`qdplanner.catalogue`): errors
and notices through their ``Messages`` templates, the commands' own lines through the
``CommandLine`` context.
"""

from __future__ import annotations

import os
import sys

from qdplanner.errors import N_, QdError

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None  # --lang of the running command; None: from the locale


def read_language(tag: str) -> str:
    """``zh`` or ``en`` for what a user typed (``zh``, ``zh_CN``, ``zh-cn``, ``en``, ``en_US``);
    ValueError for anything else."""
    from qdplanner.domain.vocabulary import lang_key

    return lang_key(tag)


def _windows_language() -> str:
    """The Windows user's display language: ``zh`` for Chinese, else ``en``."""
    try:
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return "en"
    return "zh" if langid & 0x3FF == 0x04 else "en"  # LANG_CHINESE, any sub-language


def locale_language(environ=None) -> str:
    """``zh`` or ``en`` from the locale (see the module's docstring)."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = (environ.get(name) or "").strip()
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return _windows_language() if sys.platform == "win32" else "en"


def set_language(lang: str | None) -> None:
    """The running command's language (``--lang``); None: the locale's."""
    global _chosen
    _chosen = None if lang is None else read_language(lang)


def current_language() -> str:
    """``zh`` or ``en``: the language the command line speaks now."""
    return _chosen or locale_language()


def tr(text: str, lang: str | None = None, /, **fields: object) -> str:
    """One of the command line's lines (marked ``N_("CommandLine", …)``) in ``lang`` (default:
    the current language), with ``fields`` filled in."""
    from qdplanner.catalogue import line

    return line(lang or current_language(), text, **fields)


def message(template: str, lang: str | None = None) -> str:
    """One of the ``Messages`` templates (an error's or notice's) in ``lang``."""
    from qdplanner.catalogue import catalogue

    return catalogue(lang or current_language()).message(template)


def error_text(error: QdError, lang: str | None = None) -> str:
    """An error's message in ``lang`` (default: the current language)."""
    return error.text(lambda template: message(template, lang))


INTERRUPTED = N_("Messages", "interrupted")
INTERNAL = N_("Messages", "internal error: {kind}: {error} (set QDPLANNER_DEBUG=1 to see details)")
