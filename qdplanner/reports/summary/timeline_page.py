"""The summary's timeline page: a hook the timeline export fills in (issue 4).

:func:`timeline_image` returns the timeline of the report's period as PNG bytes, printed on a
landscape page of its own; while it returns None (as now) the summary leaves the timeline
section out. To wire it, build the period's print scene with
``qdplanner.reports.timeline_export`` (``build_print_scene`` for ``period.start`` …
``period.end`` over the tasks in ``task_ids``) and return ``export_png``'s file contents.
"""

from __future__ import annotations

from datetime import date

from qdplanner.domain.periods import Period
from qdplanner.store.plan_store import PlanStore


def timeline_image(
    store: PlanStore, period: Period, as_of: date, task_ids: list[int], lang: str
) -> bytes | None:
    """PNG bytes of the timeline of ``task_ids`` over ``period``; None when not available."""
    return None
