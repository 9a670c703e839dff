"""``qdplanner report``: the progress summary (进展情况汇总) as an A4 PDF or a Word document.

The output's suffix chooses: ``.pdf`` prints it (:mod:`qdplanner.reports.summary.render`),
``.docx`` writes the same content as an editable Word document laid out as government
documents are (:mod:`qdplanner.reports.summary.word`).
"""

from __future__ import annotations

from pathlib import Path

import click

from qdplanner.cli.common import (
    AS_OF,
    LANG,
    PLAN_ARG,
    as_it_stood,
    as_of_date,
    offscreen_application,
    open_plan,
    user_errors,
)
from qdplanner.cli.language import tr
from qdplanner.errors import N_, QdError

SECTION_CHOICES = [
    "overview",
    "indicators",
    "charts",
    "milestones",
    "tasks",
    "collection",
    "timeline",
    "comparison",
]
FORMATS = (".pdf", ".docx")  # the output's suffix chooses the format


def output_format(out: Path) -> str:
    """``.pdf`` or ``.docx`` from ``out``'s suffix; a clear QdError for any other."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise QdError(
            N_(
                "Messages",
                "{path}: the summary is written as a PDF (.pdf) or a Word document (.docx); "
                "end the file name with one of them",
            ),
            path=out,
        )
    return suffix


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
    "--office",
    default=None,
    metavar="TEXT",
    help="The office named on the cover (编制单位) (default: the plan's setting report.office, "
    "else the plan document's issuer).",
)
@click.option(
    "--cover-date",
    default=None,
    metavar="DATE",
    help="The date on the cover: a month (2026-01 or 2026年1月) or a day (2026-01-15); '' for "
    "the month it is printed (default: the plan's setting report.cover_date, else that month).",
)
@click.option(
    "--sections",
    default=None,
    help="Comma-separated sections to include (default all): " + ", ".join(SECTION_CHOICES) + ".",
)
@user_errors
def report_cmd(
    plan: Path,
    out: Path,
    as_of,
    current_figures: bool,
    period: str | None,
    scope: str,
    lang: str,
    office: str | None,
    cover_date: str | None,
    sections: str | None,
) -> None:
    """Write the progress summary of PLAN to OUT, every page (the timeline's too) in --lang:
    an A4 PDF when OUT ends in .pdf, an editable Word document (GB/T 9704 layout) when it
    ends in .docx."""
    from qdplanner.reports.summary.content import ReportOptions, ReportScope, build_report

    kind = output_format(out)
    chosen = tuple(s.strip() for s in sections.split(",") if s.strip()) if sections else None
    options = ReportOptions(
        as_of=as_of_date(as_of),
        period=period,
        scope=ReportScope.parse(scope),
        lang=lang,
        history=as_it_stood(as_of, current_figures),
        office=office,
        cover_date=cover_date,
        **({"sections": chosen} if chosen else {}),
    )
    offscreen_application()
    with open_plan(plan, readonly=True) as store:
        report = build_report(store, options)
    if kind == ".docx":
        from qdplanner.reports.summary.word import write_docx

        write_docx(report, out)
        click.echo(tr(N_("CommandLine", "Wrote {path} (Word document)"), path=out))
        return
    from qdplanner.reports.summary.render import write_pdf

    pages = write_pdf(report, out)
    click.echo(tr(N_("CommandLine", "Wrote {path} ({pages} pages)"), path=out, pages=pages))


COMMANDS = [report_cmd]
