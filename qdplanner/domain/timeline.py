"""The timeline's arithmetic: a date axis, zoom levels, snapping, header bands, slips, links.

Pure: no Qt, no SQL. The Qt scene (screen, printer, PDF, PNG, SVG) and the command line's
``gantt`` draw with these numbers, so all of them place a date at the same x.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Paper(StrEnum):
    """The paper a timeline is printed or exported on."""

    A4 = "A4"
    A3 = "A3"


class PageFit(StrEnum):
    """Fit the timeline to the page's width, or tile it over pages at the screen's zoom."""

    WIDTH = "width"
    TILE = "tile"


class Zoom(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


# Pixels per day at each zoom (at 96 dpi): a year ≈ 180 px, a quarter ≈ 180 px, a month ≈ 150 px.
PIXELS_PER_DAY = {Zoom.YEAR: 0.5, Zoom.QUARTER: 2.0, Zoom.MONTH: 5.0}


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def snap(day: date, zoom: Zoom) -> date:
    """The nearest date a drag lands on at ``zoom``: a month boundary (year view), the 1st
    or 16th (quarter view), the day itself (month view)."""
    if zoom == Zoom.MONTH:
        return day
    if zoom == Zoom.QUARTER:
        candidates = [day.replace(day=1), day.replace(day=16), add_months(day, 1)]
    else:
        candidates = [month_start(day), add_months(day, 1)]
    return min(candidates, key=lambda c: (abs((c - day).days), c))


def snap_end(day: date, zoom: Zoom) -> date:
    """Like :func:`snap` for a due date: a boundary's day before, so a bar dragged to the
    start of July ends on 30 June (how plans write 上半年底前)."""
    if zoom == Zoom.MONTH:
        return day
    return snap(day + timedelta(days=1), zoom) - timedelta(days=1)


@dataclass(frozen=True)
class Axis:
    """Dates ``start`` … ``end`` (both included) across x = 0 … width at ``px_per_day``."""

    start: date
    end: date
    px_per_day: float

    @classmethod
    def for_years(cls, first: int, last: int, zoom: Zoom) -> Axis:
        return cls(date(first, 1, 1), date(last, 12, 31), PIXELS_PER_DAY[zoom])

    @classmethod
    def fitted(cls, start: date, end: date, width: float) -> Axis:
        """The range ``start`` … ``end`` scaled to ``width`` pixels (fit to window/page)."""
        days = max((end - start).days + 1, 1)
        return cls(start, end, max(width, 1.0) / days)

    @property
    def width(self) -> float:
        return ((self.end - self.start).days + 1) * self.px_per_day

    def x(self, day: date) -> float:
        """The left edge of ``day``."""
        return (day - self.start).days * self.px_per_day

    def x_end(self, day: date) -> float:
        """The right edge of ``day`` (a bar due on ``day`` covers it)."""
        return self.x(day) + self.px_per_day

    def day_at(self, x: float) -> date:
        return self.start + timedelta(days=int(x // self.px_per_day))

    def clamp(self, day: date) -> date:
        return min(max(day, self.start), self.end)

    def done_span(self, start: date, due: date, percent: float) -> tuple[float, float] | None:
        """Where the done part of a bar ``start`` … ``due`` at ``percent`` is drawn: x0 … x1,
        clipped to the axis; None when none of it shows. The rule: :func:`done_until`."""
        begin = self.x(start)
        end = begin + (self.x_end(due) - begin) * done_share(percent)
        x0, x1 = max(begin, 0.0), min(end, self.width)
        return (x0, x1) if x1 > x0 else None


def done_share(percent: float) -> float:
    """``percent`` (0–100, out-of-range values held to it) as a share of a whole bar."""
    return min(max(percent, 0.0), 100.0) / 100.0


def done_until(start: date, due: date, percent: float) -> date:
    """The day the done part of a bar ``start`` … ``due`` at ``percent`` ends in: it covers
    ``start`` … the day before, and a share of this one (``due`` + 1 day at 100 %).

    The timeline's one fill rule, on screen, on paper and in files: a bar is filled by
    ``percent`` of the *whole* bar, start + percent × (due − start), whatever part of it a
    view shows; the view then clips the filled part to its range (:meth:`Axis.done_span`).
    A 2022–2026 task at 55 % is filled through September 2024 even when only 2022–2024 is
    shown (not to August 2023, 55 % of the part shown).
    """
    days = (due - start).days + 1  # the bar covers its due day
    return start + timedelta(days=int(days * done_share(percent)))


@dataclass(frozen=True)
class Band:
    """One header cell: a year, quarter or month, with its label and x range."""

    start: date
    end: date  # included
    label: str


def bands(axis: Axis, unit: str, *, lang: str = "zh") -> list[Band]:
    """Header cells of ``unit`` (``year``, ``quarter``, ``month``) across ``axis``."""
    step = {"year": 12, "quarter": 3, "month": 1}[unit]
    first = {
        "year": date(axis.start.year, 1, 1),
        "quarter": quarter_start(axis.start),
        "month": month_start(axis.start),
    }[unit]
    result = []
    cell = first
    while cell <= axis.end:
        nxt = add_months(cell, step)
        result.append(
            Band(
                max(cell, axis.start),
                min(nxt - timedelta(days=1), axis.end),
                _label(cell, unit, lang),
            )
        )
        cell = nxt
    return result


def _label(cell: date, unit: str, lang: str) -> str:
    zh = lang.startswith("zh")
    if unit == "year":
        return f"{cell.year}年" if zh else str(cell.year)
    if unit == "quarter":
        q = (cell.month - 1) // 3 + 1
        return f"{cell.year}年第{q}季度" if zh else f"Q{q} {cell.year}"
    return f"{cell.month}月" if zh else cell.strftime("%b")


def header_units(zoom: Zoom) -> tuple[str, str]:
    """The two header rows shown at ``zoom``: (upper, lower)."""
    return {
        Zoom.YEAR: ("year", "quarter"),
        Zoom.QUARTER: ("year", "month"),
        Zoom.MONTH: ("quarter", "month"),
    }[zoom]


def slip_days(baseline_due: date | None, due: date | None) -> int | None:
    """How many days later (positive) or earlier the task is due than its baseline said."""
    if baseline_due is None or due is None:
        return None
    return (due - baseline_due).days


def link_broken(
    predecessor_due: date | None, successor_start: date | None, lag_days: int = 0
) -> bool:
    """A finish-to-start link whose successor starts before its predecessor ends (+ lag)."""
    if predecessor_due is None or successor_start is None:
        return False
    return successor_start <= predecessor_due + timedelta(days=lag_days)


def moved(start: date | None, due: date | None, days: int) -> tuple[date | None, date | None]:
    """Both ends moved by ``days`` (a whole bar dragged)."""
    shift = timedelta(days=days)
    return (start + shift if start else None, due + shift if due else None)
