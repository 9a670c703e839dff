"""The summary's timeline page: the timeline of the report's period (issue 4's drawing).

:func:`timeline_image` returns it as PNG bytes, printed on a landscape page of its own; when
no task of the report runs in the period it returns None and the section is left out.
"""

from __future__ import annotations

from datetime import date

from qdplanner.domain.periods import Period
from qdplanner.store.plan_store import PlanStore


def timeline_image(
    store: PlanStore, period: Period, as_of: date, task_ids: list[int], lang: str
) -> bytes | None:
    """PNG bytes of the timeline of ``task_ids`` over ``period``; None when none runs in it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if not isinstance(QCoreApplication.instance(), QApplication):
        return None  # a QGraphicsScene needs a QApplication (the CLI and the window make one)
    from qdplanner.reports.timeline_summary import period_timeline_png

    return period_timeline_png(store, period.start, period.end, as_of, task_ids, lang)
