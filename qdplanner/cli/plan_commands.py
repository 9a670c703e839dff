"""Plan commands: open the window, create a plan, print its status."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qdplanner.cli import window_language
from qdplanner.cli.common import (
    AS_OF,
    LANG,
    PLAN_ARG,
    PlanArgument,
    as_it_stood,
    as_of_date,
    echo_json,
    lang_option,
    open_plan,
    user_errors,
)
from qdplanner.cli.language import tr
from qdplanner.errors import N_


@click.command("open")
@click.argument("plan", required=False, type=PlanArgument(dir_okay=False, path_type=Path))
@lang_option(
    default_from_locale=False,
    help="Language of the window (default: the last one chosen, else Chinese).",
)
@user_errors
def open_cmd(plan: Path | str | None, lang: str | None) -> None:
    """Open PLAN in the window (default: the last plan used, else the sample plan)."""
    from qdplanner.ui.app import run

    sys.exit(run(plan, lang=window_language(lang)))


@click.command()
@click.argument("plan")
@click.option("--sample", is_flag=True, help="Fill the new plan with the sample Qingdao plan.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace PLAN if it exists (on a server: only a database holding a qdplanner plan "
    "and nothing else).",
)
@LANG
@user_errors
def init(plan: str, sample: bool, force: bool, lang: str) -> None:
    """Create a new plan PLAN (empty, or the sample plan with --sample): a plan file, or a
    plan on a server, PLAN being the address of an empty database,
    postgresql://[user@]host[:port]/dbname (the password from ~/.pgpass, a service file or
    PGPASSWORD)."""
    from qdplanner.store.server_connect import is_server_address

    if is_server_address(plan):
        from qdplanner.store.plan_copy import init_server_plan

        report = init_server_plan(plan, sample=sample, overwrite=force)
        plan = report.target  # the address without a password
    else:
        _init_file(Path(plan), sample, force)
    if sample:
        click.echo(tr(N_("CommandLine", "Created {path} with the sample plan"), path=plan))
    else:
        click.echo(tr(N_("CommandLine", "Created {path}"), path=plan))


def _init_file(plan: Path, sample: bool, force: bool) -> None:
    from qdplanner.store import PlanStore
    from qdplanner.store.sample import create_sample_plan

    if sample:
        store = create_sample_plan(plan, overwrite=force)
    else:
        store = PlanStore.create(plan, overwrite=force)
    store.close()


@click.command()
@PLAN_ARG
@AS_OF
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--tasks",
    "with_tasks",
    is_flag=True,
    help="Also list every task: code, title, status, percent and light at the date (and, "
    "for a past date, the period of the report they come from).",
)
@LANG
@user_errors
def status(
    plan: Path, as_of, current_figures: bool, as_json: bool, with_tasks: bool, lang: str
) -> None:
    """Counts, status lights per program/project, and the overdue tasks of PLAN."""
    from qdplanner.reports.status_text import status_json, status_text
    from qdplanner.store.summary import summarize

    with open_plan(plan, readonly=True) as store:
        history = as_it_stood(as_of, current_figures)
        summary = summarize(store, as_of=as_of_date(as_of), history=history)
    if as_json:
        echo_json(status_json(plan, summary, tasks=with_tasks))
    else:
        click.echo(status_text(plan, summary, lang, tasks=with_tasks))


COMMANDS = [open_cmd, init, status]
