"""The summary's timeline section: the period's timeline on as many landscape A4 pages as it
needs, at full size (no text under 7 pt), titles and header bands repeated on every page.

:func:`timeline_image` returns :class:`TimelinePages`, or None when no task of the report runs
in the period (the section is then left out). Each of its ``pages`` is a vector drawing as
large as a landscape page's text area (the first one leaves room for the section's heading);
the layout places them one to a page (:func:`qdplanner.reports.summary.layout.lay_out`). As
bytes it is the whole drawing as one PNG, for a format that takes one picture only.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from qdplanner.domain.periods import Period
from qdplanner.store.plan_store import PlanStore

if TYPE_CHECKING:
    from qdplanner.reports.timeline_summary import TimelinePage

A4_LANDSCAPE_MM = (297.0, 210.0)
HEADING_MM = 16.0  # room for the section's heading above the first page's drawing


class TimelinePages(bytes):
    """PNG bytes of the whole timeline, carrying the printed sheets in ``pages`` (the PDF and
    the printer draw those, as vector drawings, one landscape page each)."""

    pages: list[TimelinePage]

    def __new__(cls, png: bytes, pages: list[TimelinePage]) -> TimelinePages:
        made = super().__new__(cls, png)
        made.pages = pages
        return made


def page_size_mm() -> tuple[float, float]:
    """A sheet's size: a landscape A4 page's text area less the section heading's room."""
    from qdplanner.reports.summary.layout import MARGINS_MM

    left, top, right, bottom = MARGINS_MM
    width, height = A4_LANDSCAPE_MM
    return width - left - right, height - top - bottom - HEADING_MM


def timeline_image(
    store: PlanStore, period: Period, as_of: date, task_ids: list[int], lang: str
) -> TimelinePages | None:
    """The timeline of ``task_ids`` over ``period``; None when none runs in it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if not isinstance(QCoreApplication.instance(), QApplication):
        return None  # a QGraphicsScene needs a QApplication (the CLI and the window make one)
    from qdplanner.reports.timeline_summary import period_timeline

    width, height = page_size_mm()
    timeline = period_timeline(
        store, period.start, period.end, as_of, task_ids, lang, width_mm=width, height_mm=height
    )
    if timeline is None:
        return None
    return TimelinePages(timeline.image(), timeline.pages)
