"""The timeline drawing: one QGraphicsScene for the screen, the printer, PDF, PNG and SVG.

Layout, in scene pixels (96 dpi): the date axis runs x = 0 … ``axis.width``; rows are
``ROW_HEIGHT`` tall from y = 0 down, one per line (a task, or a group header on paper); the
year/quarter/month header sits above, y = -``HEADER_HEIGHT`` … 0; on paper a column of task
titles sits left of the axis, x = -``title_width`` … 0. The window shows the rows beside its
task table (which has the titles), so its scene has no title column and no group rows.

Built for 20,000 tasks: the scene holds three items whatever the size of the plan, and each
paints only the rows it is asked to (the exposed or clipped rectangle), so building is O(1)
and a frame costs what is visible. Everything a row needs is read from the task rows the
caller passes (the table model's rows on screen), never copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from qdplanner.domain.deadlines import DeadlineKind, parse_deadline
from qdplanner.domain.timeline import PIXELS_PER_DAY, Axis, Zoom
from qdplanner.reports.qt_fonts import cjk_font
from qdplanner.reports.timeline_items import BarsItem, HeaderItem, TitlesItem, diamond
from qdplanner.reports.timeline_rows import GroupBy, GroupHeader, Line, group_key, grouped_lines
from qdplanner.reports.timeline_style import (
    EDGE_GRAB,
    FONT_PX,
    HEADER_HEIGHT,
    PAPER_SMALL_FONT_PX,
    ROW_HEIGHT,
    SMALL_FONT_PX,
)
from qdplanner.store.task_rows import TaskRow
from qdplanner.store.timeline import Baseline, MilestoneMark, StreamYears, TaskLink

__all__ = [
    "HEADER_HEIGHT",
    "ROW_HEIGHT",
    "GroupBy",
    "GroupHeader",
    "Hit",
    "Line",
    "Span",
    "TimelineData",
    "TimelineScene",
    "axis_for",
    "diamond",
    "grouped_lines",
]


@dataclass
class TimelineData:
    """What the drawing shows besides the rows; each part may be empty."""

    milestones: dict[int, list[MilestoneMark]] = field(default_factory=dict)
    links: list[TaskLink] = field(default_factory=list)
    baseline: Baseline | None = None
    years: StreamYears | None = None
    today: date = field(default_factory=date.today)
    as_of: date | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """Where a task's bar runs: x0 … x1; ``open_end`` for ongoing tasks (no due date).
    ``done``: the right edge of its filled part, which runs from x0 (percent of the whole
    bar, clipped to the axis: :func:`qdplanner.domain.timeline.done_until`); None when none
    of it shows."""

    x0: float
    x1: float
    open_end: bool = False
    done: float | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    line: int
    part: str | None  # "bar", "start", "end", or None (the row, off the bar)


_ONGOING_KINDS = (DeadlineKind.ONGOING, DeadlineKind.RECURRING)


class TimelineScene(QGraphicsScene):
    """The drawing of ``lines`` on ``axis``. Call the setters; items repaint themselves."""

    def __init__(
        self,
        lines: Sequence[Line],
        data: TimelineData,
        axis: Axis,
        zoom: Zoom,
        *,
        title_width: float = 0,
        lang: str = "zh_CN",
        group_by: GroupBy = GroupBy.NONE,
        parent=None,
    ):
        super().__init__(parent)
        self.lines: Sequence[Line] = lines
        self.data = data
        self.axis = axis
        self.zoom = zoom
        self.title_width = title_width
        self.lang = "zh" if lang.startswith("zh") else "en"
        self.group_by = group_by  # on screen: separators where the group changes
        self.selected: set[int] = set()  # line indexes
        self.preview: tuple[int, date | None, date | None] | None = None  # a drag in progress
        self.font = cjk_font(FONT_PX)
        self.small_font = cjk_font(PAPER_SMALL_FONT_PX if title_width else SMALL_FONT_PX)
        self.bold_font = cjk_font(FONT_PX, bold=True)
        self._ongoing: dict[str, bool] = {}
        self._index: dict[int, int] = {}
        self._links: list[tuple[int, int, TaskLink]] = []
        self.header = HeaderItem(self)
        self.bars = BarsItem(self)
        self.addItem(self.header)
        self.addItem(self.bars)
        self.titles = None
        if title_width:
            self.titles = TitlesItem(self)
            self.addItem(self.titles)
        self._reindex()
        self._resize()

    # -- changes ------------------------------------------------------------------------
    def set_lines(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.selected = set()
        self._reindex()
        self._resize()

    def set_data(self, data: TimelineData) -> None:
        self.data = data
        self._reindex()
        self.bars.update()

    def set_axis(self, axis: Axis, zoom: Zoom) -> None:
        self.axis, self.zoom = axis, zoom
        self._resize()

    def set_selected(self, lines: set[int]) -> None:
        if lines != self.selected:
            self.selected = lines
            self.bars.update()

    def set_preview(self, preview: tuple[int, date | None, date | None] | None) -> None:
        self.preview = preview
        self.bars.update()

    def rows_changed(self) -> None:
        """Some rows' fields changed in place (an edit): repaint."""
        self._reindex()
        self.bars.update()
        if self.titles:
            self.titles.update()

    def _reindex(self) -> None:
        self._index = {line.id: i for i, line in enumerate(self.lines) if isinstance(line, TaskRow)}
        self._links = [
            (self._index[k.predecessor_id], self._index[k.successor_id], k)
            for k in self.data.links
            if k.predecessor_id in self._index and k.successor_id in self._index
        ]

    def _resize(self) -> None:
        for item in (self.header, self.bars, self.titles):
            if item is not None:
                item.prepareGeometryChange()
        self.setSceneRect(self.full_rect())
        self.update()

    # -- geometry -----------------------------------------------------------------------
    @property
    def body_height(self) -> float:
        return len(self.lines) * ROW_HEIGHT

    def full_rect(self) -> QRectF:
        """Title column, header and every row."""
        return QRectF(
            -self.title_width,
            -HEADER_HEIGHT,
            self.title_width + self.axis.width,
            HEADER_HEIGHT + self.body_height,
        )

    def line_of(self, task_id: int) -> int | None:
        return self._index.get(task_id)

    def line_at(self, y: float) -> int | None:
        line = int(y // ROW_HEIGHT)
        return line if y >= 0 and line < len(self.lines) else None

    def is_ongoing(self, row: TaskRow) -> bool:
        text = row.deadline_text
        if text not in self._ongoing:
            self._ongoing[text] = parse_deadline(text).kind in _ONGOING_KINDS
        return self._ongoing[text]

    def effective_start(self, row: TaskRow) -> date | None:
        """The task's start, else its plan document's first day (as the status light does)."""
        if row.start_date is not None or self.data.years is None:
            return row.start_date
        first, _ = self.data.years.of(row.program_id, row.project_id)
        return date(first, 1, 1) if first else None

    def span(self, row: TaskRow, start: date | None = None, due: date | None = None) -> Span | None:
        """The bar of ``row`` (or of ``start``/``due`` while dragged); None when it has none.
        Its done part is the domain's rule (percent of the whole bar, clipped to the axis)."""
        axis = self.axis
        start = start or self.effective_start(row)
        due = due if due is not None else row.due_date
        if due is None:
            if not self.is_ongoing(row):
                return None
            x0 = axis.x(axis.clamp(start)) if start else 0.0
            return Span(x0, axis.width, True) if not start or start <= axis.end else None
        start = start or due
        if due < axis.start or start > axis.end:
            return None
        done = axis.done_span(start, due, row.percent) if row.percent and row.recorded else None
        x0 = axis.x(axis.clamp(start))
        return Span(x0, axis.x_end(axis.clamp(due)), done=done[1] if done else None)

    def hit(self, pos: QPointF) -> Hit | None:
        line = self.line_at(pos.y())
        if line is None:
            return None
        row = self.lines[line]
        if not isinstance(row, TaskRow):
            return Hit(line, None)
        span = self.span(row)
        if span is None:
            return Hit(line, None)
        x = pos.x()
        if abs(x - span.x0) <= EDGE_GRAB:
            return Hit(line, "start")
        if not span.open_end and abs(x - span.x1) <= EDGE_GRAB:
            return Hit(line, "end")
        if span.x0 < x < span.x1:
            return Hit(line, "bar")
        return Hit(line, None)

    def group_starts(self, first: int, last: int) -> list[int]:
        """Lines in first … last where a new group begins (on screen, without header rows)."""
        if self.group_by == GroupBy.NONE:
            return []
        out = []
        for i in range(max(first, 1), last + 1):
            a, b = self.lines[i - 1], self.lines[i]
            if (
                isinstance(a, TaskRow)
                and isinstance(b, TaskRow)
                and group_key(a, self.group_by, self.lang) != group_key(b, self.group_by, self.lang)
            ):
                out.append(i)
        return out


def axis_for(
    start: date, end: date, zoom: Zoom | None = None, width: float | None = None
) -> tuple[Axis, Zoom]:
    """An axis for ``start`` … ``end``: at ``zoom``'s scale, or fitted to ``width`` with the
    zoom whose header labels fit at that scale."""
    if width is None:
        zoom = zoom or Zoom.QUARTER
        return Axis(start, end, PIXELS_PER_DAY[zoom]), zoom
    axis = Axis.fitted(start, end, width)
    per_month = axis.px_per_day * 30.4
    if zoom is None:
        zoom = Zoom.MONTH if per_month >= 120 else Zoom.QUARTER if per_month >= 28 else Zoom.YEAR
    return axis, zoom
