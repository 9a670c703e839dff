"""Excel commands: export the whole plan as a workbook, import it back with a preview."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from qdplanner.cli.common import (
    LANG,
    PLAN_ARG,
    echo_json,
    lock_options,
    open_plan,
    user_errors,
    workbook_language,
)
from qdplanner.cli.failure import EXIT_ERROR
from qdplanner.cli.language import error_text, tr
from qdplanner.errors import N_

# The fields of a breakdown sheet's columns (qdplanner.excel.breakdown_headers.FIELDS; listed
# here so that --help does not import the Excel layer).
BREAKDOWN_FIELDS = (
    "seq", "program", "project", "group", "task", "lead", "support", "units", "deadline",
    "notes", "target",
)  # fmt: skip
SKIP = "skip"  # breakdown_headers.SKIP: a column not to read


@click.command("export")
@PLAN_ARG
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@LANG
@user_errors
def export_cmd(plan: Path, out: Path, lang: str) -> None:
    """Write the whole of PLAN to the workbook OUT (.xlsx), one sheet per kind of record
    (sheet names, headers and dropdown words in --lang)."""
    from qdplanner.cli.previews import kind_word
    from qdplanner.excel.workbook_export import export_plan

    with open_plan(plan, readonly=True) as store:
        counts = export_plan(store, out, lang=workbook_language(lang))
    if lang == "en":
        what = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    else:
        what = "、".join(f"{kind_word(kind, lang)} {n}" for kind, n in counts.items())
    click.echo(tr(N_("CommandLine", "Wrote {path}: {counts}"), path=out, counts=what))


@click.command("import")
@PLAN_ARG
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show the changes; apply nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--sheet", help="Breakdown sheets: the sheet to read (default: the first with tasks)."
)
@click.option(
    "--document",
    "document_id",
    type=int,
    help="Breakdown sheets: ID of the plan document the tasks go into "
    "(default: the one the sheet's title names, else a new one from the title).",
)
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="Breakdown sheets: read column COLUMN (a letter) as FIELD, one of "
    + ", ".join(BREAKDOWN_FIELDS)
    + ", or skip (not read); repeat for each column to set. The other columns are read "
    "from their headers; a field given to a column is taken from any other.",
)
@click.option(
    "--accept-similar",
    is_flag=True,
    help="Breakdown sheets: a row whose title is only close to a task's (listed in the "
    "preview with how alike they are) is that task. Without it, or --add-similar, such rows "
    "stop the import.",
)
@click.option(
    "--add-similar",
    is_flag=True,
    help="Breakdown sheets: a row whose title is only close to a task's is a new task.",
)
@click.option(
    "--allow-removals",
    is_flag=True,
    help="Remove the records that are missing from the workbook (the preview lists them). "
    "Without it, an import that would remove anything is refused.",
)
@click.option(
    "--other-plan",
    is_flag=True,
    help="Import a plan workbook exported from another plan (refused otherwise: its rows "
    "are matched by ID).",
)
@lock_options
@LANG
@user_errors
def import_cmd(
    plan: Path,
    workbook: Path,
    dry_run: bool,
    as_json: bool,
    sheet: str | None,
    document_id: int | None,
    mappings: tuple[str, ...],
    accept_similar: bool,
    add_similar: bool,
    allow_removals: bool,
    other_plan: bool,
    break_lock: bool,
    wait: float | None,
    lang: str,
) -> None:
    """Import WORKBOOK into PLAN: a plan workbook (exported, then edited), or a government
    task-breakdown sheet (任务分解表).

    A plan workbook's rows are matched by their ID. A breakdown sheet's columns are found
    from their headers (the ones not recognised are named; map them with --map), its tasks
    matched within their program or project by title only, never by number; a title only
    close to a task's is listed and waits for --accept-similar or --add-similar. Prints
    every change (added, changed field by field, removed, units to create); then applies
    them all as one change, unless
    --dry-run. With any error in the workbook nothing is applied and the exit code is 1;
    so too when records would be removed and --allow-removals is not given. A returned
    progress workbook is refused (use collect-import), and so is a plan workbook of another
    plan unless --other-plan.
    """
    from qdplanner.cli.previews import import_text, removal_counts
    from qdplanner.excel.workbook_import import (
        RemovalsRefused,
        apply_import,
        preview_workbook,
        refuse_removals,
    )

    if accept_similar and add_similar:
        raise click.UsageError("--accept-similar and --add-similar exclude each other")
    breakdown = None
    if sheet or document_id is not None or mappings or accept_similar or add_similar:
        from qdplanner.excel.breakdown_import import BreakdownOptions

        breakdown = BreakdownOptions(
            sheet,
            _mapping(mappings),
            document_id,
            accept_similar=accept_similar,
            add_similar=add_similar,
            partial_mapping=True,
        )
    refused = None
    with open_plan(plan, readonly=dry_run, break_lock=break_lock, wait=wait) as store:
        preview = preview_workbook(store, workbook, breakdown=breakdown, other_plan=other_plan)
        if not preview.errors and not preview.is_empty:
            try:
                if not allow_removals:
                    refuse_removals(preview)  # a dry run says what a real run would
                if not dry_run:
                    apply_import(store, preview, allow_removals=allow_removals)
            except RemovalsRefused as exc:
                refused = exc
    if as_json:
        data = {"dry_run": dry_run, **preview.as_json()}
        data["removals_refused"] = refused is not None
        data["similar"] = [
            {
                "row": m.row,
                "title": m.title,
                "task_id": m.task_id,
                "task_title": m.task_title,
                "alike": round(m.ratio, 2),
                "decision": m.decision or None,
            }
            for m in getattr(preview, "similar", [])
        ]
        echo_json(data)
    else:
        click.echo(import_text(preview, lang))
        if preview.applied:
            click.echo(tr(N_("CommandLine", "Applied to {path}."), path=plan))
        elif dry_run and preview.ok and not preview.is_empty:
            click.echo(tr(N_("CommandLine", "Dry run: nothing was applied.")))
    if refused is not None:
        if "what" in refused.params:  # the kinds removed, in words of the language
            refused = type(refused)(
                refused.template, **{**refused.params, "what": removal_counts(preview, lang)}
            )
        click.echo(f"qdplanner: {error_text(refused)}", err=True)
        sys.exit(EXIT_ERROR)
    if preview.errors:
        text = N_("CommandLine", "{file}: {n} error(s) in the workbook; nothing was applied")
        click.echo("qdplanner: " + tr(text, file=workbook.name, n=len(preview.errors)), err=True)
        sys.exit(EXIT_ERROR)


def _mapping(mappings: tuple[str, ...]) -> dict[int, str] | None:
    """``("B=task", "C=lead")`` → ``{1: "task", 2: "lead"}``; a bad entry is a usage error."""
    from openpyxl.utils import column_index_from_string

    if not mappings:
        return None
    result = {}
    for entry in mappings:
        column, _, name = entry.partition("=")
        try:
            index = column_index_from_string(column.strip().upper()) - 1
        except ValueError:
            raise click.BadParameter(
                tr(N_("CommandLine", "{entry}: {column} is not a column letter"), entry=entry,
                   column=repr(column))
            ) from None  # fmt: skip
        if name.strip() not in (*BREAKDOWN_FIELDS, SKIP):
            raise click.BadParameter(
                tr(N_("CommandLine", "{entry}: field {name} is not one of {fields}"),
                   entry=entry, name=repr(name), fields=", ".join((*BREAKDOWN_FIELDS, SKIP)))
            )  # fmt: skip
        result[index] = name.strip()
    return result


COMMANDS = [export_cmd, import_cmd]
