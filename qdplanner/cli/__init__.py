"""Command line: thin click commands over the store, Excel and report layers.

``qdplanner`` with no arguments, with just a plan file (a double-clicked ``.qdplan``), or as
``qdplanner open [PLAN] [--lang zh|en]`` starts the window straight away, without loading click
and the commands: the window's first frame then shows about as fast as a bare Qt window
(issue 8). Everything else — sub-commands, ``--help``, ``--version``, mistakes — goes to the
click group in ``qdplanner.cli.commands``.
"""

from __future__ import annotations

import sys

from qdplanner.cli.failure import one_line_errors
from qdplanner.cli.language import set_language

# Each sub-command and the module of qdplanner.cli that defines it (in its COMMANDS list). The
# click group imports a module only when one of its commands is asked for (qdplanner status
# does not load the Excel, report or collection code), and a lone argument that is a
# command's name is never taken for a plan file. A test ties this to the modules' COMMANDS.
COMMAND_MODULES = {
    "open": "plan_commands", "init": "plan_commands", "status": "plan_commands",
    "indicators": "indicator_commands", "indicator-value": "indicator_commands",
    "export": "excel_commands", "import": "excel_commands",
    "collect": "collection_commands", "collect-import": "collection_commands",
    "collect-status": "collection_commands", "collect-remind": "collection_commands",
    "evidence": "evidence_commands", "report": "report_commands", "gantt": "timeline_commands",
    "settings": "settings_commands", "period": "period_commands",
    "narrative": "narrative_commands", "copy": "copy_commands",
}  # fmt: skip
COMMAND_NAMES = frozenset(COMMAND_MODULES)
WINDOW_LANGUAGES = ("zh_CN", "en")  # the window's languages (ui.i18n.LANGUAGES; a test ties them)


def window_language(lang: str | None) -> str | None:
    """The window's tag for a language a user typed (``zh``, ``zh_CN`` → ``zh_CN``); None for
    None and for what is not a language."""
    from qdplanner.cli.language import read_language

    if lang is None:
        return None
    try:
        key = read_language(lang)
    except ValueError:
        return None
    return next(tag for tag in WINDOW_LANGUAGES if tag.startswith(key))


def window_request(args: list[str]) -> tuple[str | None, str | None] | None:
    """``(plan, language)`` when ``args`` only ask for the window; None for anything else."""
    if args[:1] == ["open"]:
        args = args[1:]
    plan = language = None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--lang" and rest:
            language = rest.pop(0)
        elif arg.startswith("--lang="):
            language = arg.partition("=")[2]
        elif arg.startswith("-") or plan is not None:
            return None
        else:
            plan = arg
    if (language is not None and window_language(language) is None) or plan in COMMAND_NAMES:
        return None
    return plan, window_language(language)


def open_window(plan: str | None, language: str | None) -> int:
    """Start the window on ``plan`` (None: the last plan, else the sample plan)."""
    from pathlib import Path

    from qdplanner.addresses import is_server_address
    from qdplanner.ui.app import run

    return run(plan if is_server_address(plan) else Path(plan) if plan else None, lang=language)


def main(args: list[str] | None = None) -> None:
    """The ``qdplanner`` command."""
    args = sys.argv[1:] if args is None else args
    request = window_request(args)
    if request is not None:
        set_language(request[1])  # its errors in the language asked for, else the locale's
        sys.exit(one_line_errors(open_window)(*request))
    from qdplanner.cli.commands import cli

    cli(args, prog_name="qdplanner")


def gui_main() -> None:
    """The ``qdplanner-gui`` command (no console on Windows): always the window."""
    args = sys.argv[1:]
    main(args if args[:1] == ["open"] else ["open", *args])
