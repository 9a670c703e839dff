"""The click command group: every sub-command, each group of them in its own module.

``qdplanner [PLAN]`` opens the window; the sub-commands work without a display. Any error a
user can cause ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import click
from click_default_group import DefaultGroup

from qdplanner import __version__
from qdplanner.cli import (
    collection_commands,
    evidence_commands,
    excel_commands,
    indicator_commands,
    period_commands,
    plan_commands,
    report_commands,
    settings_commands,
    timeline_commands,
)


@click.group(cls=DefaultGroup, default="open", default_if_no_args=True)
@click.version_option(__version__, prog_name="qdplanner")
def cli() -> None:
    """qdplanner: keep a city innovation plan (programs, projects, tasks, indicators).

    With no command, or with just a plan file, the window opens.
    """


for _module in (
    plan_commands,
    indicator_commands,
    excel_commands,
    collection_commands,
    evidence_commands,
    report_commands,
    timeline_commands,
    settings_commands,
    period_commands,
):
    for _command in _module.COMMANDS:
        cli.add_command(_command)
