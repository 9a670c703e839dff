"""Command line: thin click commands over the store, Excel and report layers.

``qdplanner [PLAN]`` opens the window; the sub-commands work without a display. Any error
a user can cause ends in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from datetime import date
from pathlib import Path

import click
from click_default_group import DefaultGroup

from qdplanner import __version__
from qdplanner.errors import QdError

EXIT_ERROR = 1
EXIT_INTERNAL = 3


def _fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"qdplanner: {message}", err=True)
    sys.exit(code)


def user_errors(func):
    """Turn our errors into one line on stderr; unexpected ones too, unless debugging."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except QdError as exc:
            _fail(str(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:
            if os.environ.get("QDPLANNER_DEBUG"):
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(set QDPLANNER_DEBUG=1 to see details)",
                EXIT_INTERNAL,
            )

    return wrapper


def _as_of(value) -> date:
    return value.date() if value else date.today()


AS_OF = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Judge status lights at this date (YYYY-MM-DD); default today.",
)
PLAN_ARG = click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))


@click.group(cls=DefaultGroup, default="open", default_if_no_args=True)
@click.version_option(__version__, prog_name="qdplanner")
def cli() -> None:
    """qdplanner: keep a city innovation plan (programs, projects, tasks, indicators).

    With no command, or with just a plan file, the window opens.
    """


@cli.command("open")
@click.argument("plan", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["zh_CN", "en"]),
    default=None,
    help="Language of the window (default: the last one chosen, else Chinese).",
)
@user_errors
def open_cmd(plan: Path | None, lang: str | None) -> None:
    """Open PLAN in the window (default: the last plan used, else the sample plan)."""
    from qdplanner.ui.app import run

    sys.exit(run(plan, lang=lang))


@cli.command()
@PLAN_ARG
@click.option("--sample", is_flag=True, help="Fill the new plan with the sample Qingdao plan.")
@click.option("--force", is_flag=True, help="Replace PLAN if it exists.")
@user_errors
def init(plan: Path, sample: bool, force: bool) -> None:
    """Create a new plan file PLAN (empty, or the sample plan with --sample)."""
    from qdplanner.store import PlanStore
    from qdplanner.store.sample import create_sample_plan

    store = (
        create_sample_plan(plan, overwrite=force)
        if sample
        else PlanStore.create(plan, overwrite=force)
    )
    store.close()
    click.echo(f"Created {plan}" + (" with the sample plan" if sample else ""))


@cli.command()
@PLAN_ARG
@AS_OF
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@user_errors
def status(plan: Path, as_of, as_json: bool) -> None:
    """Counts, status lights per program/project, and the overdue tasks of PLAN."""
    from qdplanner.reports.status_text import status_json, status_text
    from qdplanner.store import PlanStore
    from qdplanner.store.summary import summarize

    with PlanStore.open(plan, readonly=True) as store:
        summary = summarize(store, as_of=_as_of(as_of))
    if as_json:
        click.echo(json.dumps(status_json(plan, summary), ensure_ascii=False, indent=2))
    else:
        click.echo(status_text(plan, summary))


def main() -> None:
    cli(prog_name="qdplanner")


def gui_main() -> None:
    cli(["open", *sys.argv[1:]], prog_name="qdplanner")


if __name__ == "__main__":
    main()
