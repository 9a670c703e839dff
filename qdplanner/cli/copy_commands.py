"""``qdplanner copy SRC DST``: a plan moved whole between a file and a server (issue 19)."""

from __future__ import annotations

import click

from qdplanner.cli.common import LANG, user_errors
from qdplanner.cli.failure import fail
from qdplanner.cli.language import error_text, tr
from qdplanner.domain.text import size_text
from qdplanner.errors import N_


@click.command("copy")
@click.argument("source")
@click.argument("target")
@click.option(
    "--overwrite",
    is_flag=True,
    help="Replace the plan at TARGET. Only a qdplanner plan is replaced (a file nobody has "
    "open, or a database holding nothing but a plan); if the copy fails, it is left as it was.",
)
@click.option(
    "--verify",
    is_flag=True,
    help="Then compare the two plans, every table and every row, and name any difference.",
)
@LANG
@user_errors
def copy_cmd(source: str, target: str, overwrite: bool, verify: bool, lang: str) -> None:
    """Copy the plan SOURCE to TARGET, each a plan file or a server address
    (postgresql://[user@]host[:port]/dbname; the password from ~/.pgpass, a service file or
    PGPASSWORD, never shown).

    Everything is copied: tasks and all records, ids, the change log, evidence files,
    collection rounds, closed periods, narratives and settings. The copy is the same plan
    (its identity is kept, so workbooks sent out before still import into it): use it to
    move a plan, and archive the source. Nothing is half-copied: a failure leaves TARGET as
    it was.
    """
    from qdplanner.store.plan_compare import compare_plans
    from qdplanner.store.plan_copy import copy_plan

    report = copy_plan(source, target, overwrite=overwrite)
    click.echo(
        tr(
            N_(
                "CommandLine",
                "Copied {source} to {target}: {rows} rows in {tables} tables, {size}, "
                "in {seconds} s",
            ),
            source=report.source,
            target=report.target,
            rows=report.total_rows,
            tables=len(report.rows),
            size=size_text(report.size),
            seconds=f"{report.seconds:.1f}",
        )
    )
    if not verify:
        return
    differences = compare_plans(source, target)
    for difference in differences:
        click.echo(error_text(difference), err=True)
    if differences:
        fail(
            tr(
                N_("CommandLine", "the copy at {target} differs from {source} (see above)"),
                source=report.source,
                target=report.target,
            )
        )
    click.echo(
        tr(
            N_("CommandLine", "Verified: every table and every row of the two plans is the same"),
        )
    )


COMMANDS = [copy_cmd]
