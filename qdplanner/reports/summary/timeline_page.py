"""The summary's timeline section: the period's timeline on as many landscape pages as it
needs, at full size (no text under 7 pt), titles and header bands repeated on every page.

:func:`timeline_pages` returns :class:`~qdplanner.reports.timeline_summary.TimelinePages` (a
plain value: what the timeline shows, nothing drawn yet), or None when no task of the report
runs in the period (the section is then left out). The document puts it in a
:class:`~qdplanner.reports.summary.layout.DrawnPages` block; each target cuts it into sheets
the size it prints them at (the PDF's and printer's layout, the Word document), one to a
landscape page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from qdplanner.domain.periods import Period
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_rows import TaskRow

if TYPE_CHECKING:
    from qdplanner.reports.timeline_summary import TimelinePages


def timeline_pages(
    store: PlanStore, period: Period, as_of: date, rows: Sequence[TaskRow], lang: str
) -> TimelinePages | None:
    """The timeline of ``rows`` (the report's tasks, read at ``as_of``) over ``period``; None
    when none runs in it, or when no QApplication runs to draw it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if not isinstance(QCoreApplication.instance(), QApplication):
        return None  # a QGraphicsScene needs a QApplication (the CLI and the window make one)
    from qdplanner.reports.timeline_summary import period_timeline

    return period_timeline(
        store, period.start, period.end, as_of, [r.id for r in rows], lang, rows=rows
    )
