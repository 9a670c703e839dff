"""``qdplanner gantt``: the timeline of a plan as PDF, PNG or SVG — the window's drawing."""

from __future__ import annotations

from datetime import date, datetime
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
from qdplanner.domain.illustrative import is_illustrative
from qdplanner.errors import N_, QdError

MONTH = click.DateTime(formats=["%Y-%m"])


def _month_end(day: datetime) -> date:
    from qdplanner.domain.timeline import add_months

    return date.fromordinal(add_months(day.date(), 1).toordinal() - 1)


@click.command("gantt")
@PLAN_ARG
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--from", "first", type=MONTH, help="First month shown (YYYY-MM); default: the "
              "first year of the plan documents shown.")  # fmt: skip
@click.option("--to", "last", type=MONTH, help="Last month shown (YYYY-MM); default: the last "
              "year of the plan documents shown.")  # fmt: skip
@click.option(
    "--group-by",
    type=click.Choice(["project", "unit", "none"]),
    default="project",
    show_default=True,
    help="Group rows by program/project, by lead unit, or not at all.",
)
@AS_OF
@LANG
@click.option("--document", "document_id", type=int, default=None,
              help="Only the tasks of this plan document (its ID); default all.")  # fmt: skip
@click.option("--paper", type=click.Choice(["A4", "A3"]), default="A4", show_default=True,
              help="PDF: paper size (landscape).")  # fmt: skip
@click.option("--tile", is_flag=True, help="PDF: keep the quarter-zoom scale and tile the range "
              "over pages (titles repeated) instead of fitting it to the page width.")  # fmt: skip
@user_errors
def gantt_cmd(
    plan: Path,
    out: Path,
    first: datetime | None,
    last: datetime | None,
    group_by: str,
    as_of,
    current_figures: bool,
    lang: str,
    document_id: int | None,
    paper: str,
    tile: bool,
) -> None:
    """Draw the timeline of PLAN into OUT (.pdf, .png or .svg), as the window shows it.

    Bars from start to due, filled by the percent done of the whole bar (as the window
    fills them, then cut to the months shown), coloured and marked by the status light at
    --as-of (so they read in black and white), milestones, links, the latest baseline,
    today's and the as-of line. A PDF is landscape with a header, a legend and page numbers
    on every page; with --tile the titles and the header repeat on every page.
    """
    from qdplanner.reports.timeline_export import (
        PageFit,
        Paper,
        PrintHeader,
        build_print_scene,
        export_timeline,
    )
    from qdplanner.reports.timeline_scene import GroupBy, TimelineData, grouped_lines
    from qdplanner.store.task_rows import Scope, ScopeKind, read_task_rows
    from qdplanner.store.timeline import (
        latest_baseline,
        plan_title,
        read_links,
        read_milestone_marks,
        read_stream_years,
    )

    if out.suffix.lower() not in (".pdf", ".png", ".svg"):
        raise QdError(
            N_("Messages", "{path}: a timeline can be saved as .pdf, .png or .svg only"),
            path=str(out),
        )
    day = as_of_date(as_of)
    offscreen_application()
    with open_plan(plan, readonly=True) as store:
        scope = Scope(ScopeKind.DOCUMENT, document_id) if document_id is not None else Scope()
        rows = read_task_rows(store, scope, as_of=day, history=as_it_stood(as_of, current_figures))
        years = read_stream_years(store)
        streams = {(r.program_id, r.project_id) for r in rows}
        span = years.span(streams) or (day.year, day.year)
        start = first.date().replace(day=1) if first else date(span[0], 1, 1)
        end = _month_end(last) if last else date(span[1], 12, 31)
        if end < start:
            raise QdError(N_("Messages", "--to must not be before --from"))
        data = TimelineData(
            milestones=read_milestone_marks(store),
            links=read_links(store),
            baseline=latest_baseline(store),
            years=years,
            as_of=day,
        )
        title = plan_title(store, streams) or plan.stem
    image = out.suffix.lower() in (".png", ".svg")
    scene = build_print_scene(
        grouped_lines(rows, GroupBy(group_by), lang=lang),
        data,
        start,
        end,
        fit=PageFit.TILE if tile else PageFit.WIDTH,
        paper=Paper(paper),
        lang=lang,
        width=1400 if image else None,
    )
    header = PrintHeader(title, start, end, day, illustrative=is_illustrative(*rows))
    pages = export_timeline(scene, out, header, Paper(paper))
    click.echo(
        tr(
            N_("CommandLine", "Wrote {path}: {tasks} tasks, {start} – {end}, {pages} page(s)"),
            path=out,
            tasks=len(rows),
            start=f"{start:%Y-%m}",
            end=f"{end:%Y-%m}",
            pages=pages,
        )
    )


COMMANDS = [gantt_cmd]
