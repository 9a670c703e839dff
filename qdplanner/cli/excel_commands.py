"""Excel commands: export the whole plan as a workbook, import it back with a preview."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from qdplanner.cli.common import EXIT_ERROR, PLAN_ARG, user_errors


@click.command("export")
@PLAN_ARG
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["zh_CN", "en"]),
    default="zh_CN",
    show_default=True,
    help="Language of the sheet names, headers and labels.",
)
@user_errors
def export_cmd(plan: Path, out: Path, lang: str) -> None:
    """Write the whole of PLAN to the workbook OUT (.xlsx), one sheet per kind of record."""
    from qdplanner.excel.workbook_export import export_plan
    from qdplanner.store import PlanStore

    with PlanStore.open(plan, readonly=True) as store:
        counts = export_plan(store, out, lang=lang)
    click.echo(f"Wrote {out}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))


@click.command("import")
@PLAN_ARG
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show the changes; apply nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@user_errors
def import_cmd(plan: Path, workbook: Path, dry_run: bool, as_json: bool) -> None:
    """Import WORKBOOK (exported from a plan, then edited) into PLAN.

    Rows are matched by their ID. Prints every change (added, changed field by field,
    removed, units to create); then applies them all as one change, unless --dry-run. With
    any error in the workbook nothing is applied and the exit code is 1.
    """
    from qdplanner.excel.workbook_import import apply_import, preview_import
    from qdplanner.store import PlanStore

    with PlanStore.open(plan, readonly=dry_run) as store:
        preview = preview_import(store, workbook)
        if not preview.errors and not dry_run and not preview.is_empty:
            apply_import(store, preview)
    if as_json:
        data = {"dry_run": dry_run, **preview.as_json()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(preview.text())
        if preview.applied:
            click.echo(f"Applied to {plan}.")
        elif dry_run and preview.ok and not preview.is_empty:
            click.echo("Dry run: nothing was applied.")
    if preview.errors:
        click.echo(
            f"qdplanner: {workbook.name}: {len(preview.errors)} error(s) in the workbook; "
            "nothing was applied",
            err=True,
        )
        sys.exit(EXIT_ERROR)


COMMANDS = [export_cmd, import_cmd]
