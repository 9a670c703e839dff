"""``qdplanner evidence PLAN --period 2025Q4 OUT.zip``: a period's evidence files (佐证材料).

Every file attached to a progress report of the period goes into the archive, one folder
per task, beside ``index.xlsx`` (task code, task, period, unit, file, size, attached on);
``--list`` prints them instead. The same export as the window's.
"""

from __future__ import annotations

from pathlib import Path

import click

from qdplanner.cli.common import LANG, PLAN_ARG, echo_json, open_plan, user_errors
from qdplanner.cli.language import tr
from qdplanner.domain.text import size_text
from qdplanner.errors import N_, QdError

PERIOD_HELP = "Reporting period: 2024Q3, 2024H1, 2024-09 or 2024."


@click.command("evidence")
@PLAN_ARG
@click.argument("out", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", required=True, help=PERIOD_HELP)
@click.option("--list", "list_only", is_flag=True, help="List the files; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@LANG
@user_errors
def evidence_cmd(
    plan: Path, out: Path | None, period: str, list_only: bool, as_json: bool, lang: str
) -> None:
    """Export the evidence files (佐证材料) of PLAN's progress reports for --period into the
    archive OUT (.zip), with an index sheet (index.xlsx, in --lang); or --list them."""
    from qdplanner.domain.periods import parse_period
    from qdplanner.excel.evidence_export import export_evidence
    from qdplanner.store.progress import evidence_files

    code = parse_period(period).code
    if out is None and not list_only:
        raise QdError(N_("Messages", "name the archive to write (OUT.zip), or give --list"))
    with open_plan(plan, readonly=True) as store:
        if list_only:
            files = evidence_files(store, period=code)
        else:
            result = export_evidence(store, code, out, lang=lang)
    if list_only:
        if as_json:
            echo_json({"period": code, "count": len(files),
                       "files": [f.as_dict() for f in files]})  # fmt: skip
            return
        for f in files:
            task = f"{f.task_code} {f.task_title}".strip()
            click.echo(f"{task}\t{f.filename}\t{size_text(f.size)}\t{f.unit}")
        click.echo(tr(N_("CommandLine", "{period}: {n} evidence file(s)"), period=code,
                      n=len(files)))  # fmt: skip
        return
    if as_json:
        echo_json(result.as_json())
        return
    click.echo(
        tr(N_("CommandLine", "Wrote {path}: {n} evidence file(s) of {period} ({size}) and "
              "index.xlsx"), path=result.path, n=len(result.files), period=code,
           size=size_text(result.total_size))
    )  # fmt: skip


COMMANDS = [evidence_cmd]
