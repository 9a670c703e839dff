"""``qdplanner report``: the printed progress summary (进展情况汇总) as an A4 PDF."""

from __future__ import annotations

from pathlib import Path

import click

from qdplanner.cli.common import (
    AS_OF,
    LANG,
    PLAN_ARG,
    as_of_date,
    offscreen_application,
    open_plan,
    user_errors,
)
from qdplanner.cli.language import tr
from qdplanner.errors import N_

SECTION_CHOICES = [
    "overview",
    "indicators",
    "charts",
    "milestones",
    "tasks",
    "collection",
    "timeline",
]


@click.command("report")
@PLAN_ARG
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@AS_OF
@click.option(
    "--period",
    default=None,
    help="Reporting period, e.g. 2024Q3 (default: the quarter of the as-of date).",
)
@click.option(
    "--scope",
    default="plan",
    show_default=True,
    help="plan, program:NAME, project:NAME or unit:NAME (a lead unit).",
)
@LANG
@click.option(
    "--sections",
    default=None,
    help="Comma-separated sections to include (default all): " + ", ".join(SECTION_CHOICES) + ".",
)
@user_errors
def report_cmd(
    plan: Path, out: Path, as_of, period: str | None, scope: str, lang: str, sections: str | None
) -> None:
    """Write the progress summary of PLAN to OUT as an A4 PDF, every page (the timeline's
    too) in --lang."""
    from qdplanner.reports.summary.content import ReportOptions, ReportScope, build_report
    from qdplanner.reports.summary.render import write_pdf

    chosen = tuple(s.strip() for s in sections.split(",") if s.strip()) if sections else None
    options = ReportOptions(
        as_of=as_of_date(as_of),
        period=period,
        scope=ReportScope.parse(scope),
        lang=lang,
        **({"sections": chosen} if chosen else {}),
    )
    offscreen_application()
    with open_plan(plan, readonly=True) as store:
        report = build_report(store, options)
    pages = write_pdf(report, out)
    click.echo(tr(N_("CommandLine", "Wrote {path} ({pages} pages)"), path=out, pages=pages))


COMMANDS = [report_cmd]
