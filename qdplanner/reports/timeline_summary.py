"""The timeline page of the printed progress summary: the period's tasks as one PNG.

``qdplanner.reports.summary.timeline_page.timeline_image`` is the summary's hook for it; it
can simply return :func:`period_timeline_png`'s result.
"""

from __future__ import annotations

from datetime import date

from qdplanner.reports.timeline_export import PrintHeader, build_print_scene, png_bytes
from qdplanner.reports.timeline_scene import GroupBy, TimelineData, grouped_lines
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_rows import TaskRow, read_task_rows
from qdplanner.store.timeline import (
    latest_baseline,
    plan_title,
    read_links,
    read_milestone_marks,
    read_stream_years,
)

MAX_ROWS = 60  # one landscape page: more would print too small to read
WIDTH = 1000  # axis pixels: the image is scaled to the page's width anyway


def _active(row: TaskRow, start: date, end: date) -> bool:
    """Whether the task runs at some time in ``start`` … ``end`` (open-ended ones do)."""
    begins = row.start_date or date.min
    return begins <= end and (row.due_date is None or row.due_date >= start)


def period_timeline_png(
    store: PlanStore,
    start: date,
    end: date,
    as_of: date,
    task_ids: list[int],
    lang: str = "zh_CN",
    *,
    max_rows: int = MAX_ROWS,
) -> bytes | None:
    """PNG of the tasks of ``task_ids`` that run in ``start`` … ``end``, grouped by program or
    project; red and yellow first when there are more than ``max_rows``. None when none run."""
    wanted = set(task_ids)
    rows = [r for r in read_task_rows(store, as_of=as_of) if r.id in wanted]
    rows = [r for r in rows if _active(r, start, end)]
    if not rows:
        return None
    if len(rows) > max_rows:
        order = {"red": 0, "yellow": 1, "blue": 2}
        keep = sorted(rows, key=lambda r: order.get(r.light.value, 3))[:max_rows]
        kept = {r.id for r in keep}
        rows = [r for r in rows if r.id in kept]
    years = read_stream_years(store)
    data = TimelineData(
        read_milestone_marks(store), read_links(store), latest_baseline(store), years,
        today=as_of, as_of=as_of,
    )  # fmt: skip
    scene = build_print_scene(
        grouped_lines(rows, GroupBy.PROJECT, lang), data, start, end, lang=lang, width=WIDTH
    )
    title = plan_title(store, {(r.program_id, r.project_id) for r in rows})
    return png_bytes(scene, PrintHeader(title, start, end, as_of), scale=2.0)
