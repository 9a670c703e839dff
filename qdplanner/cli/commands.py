"""The click command group: every sub-command, each group of them in its own module.

``qdplanner [PLAN]`` opens the window; the sub-commands work without a display. Any error a
user can cause ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import importlib

import click
from click_default_group import DefaultGroup

from qdplanner import __version__
from qdplanner.cli import COMMAND_MODULES


class LazyGroup(DefaultGroup):
    """The commands of a module are loaded when one of them is first asked for."""

    def _load(self, name: str | None) -> None:
        module = COMMAND_MODULES.get(name or "")
        if module is None or name in self.commands:
            return
        for command in importlib.import_module(f"qdplanner.cli.{module}").COMMANDS:
            self.add_command(command)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load(cmd_name if cmd_name in COMMAND_MODULES else self.default_cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, default="open", default_if_no_args=True)
@click.version_option(__version__, prog_name="qdplanner")
def cli() -> None:
    """qdplanner: keep a city innovation plan (programs, projects, tasks, indicators).

    With no command, or with just a plan file, the window opens.
    """
