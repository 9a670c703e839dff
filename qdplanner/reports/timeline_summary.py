"""The timeline pages of the printed progress summary: the period's tasks on as many landscape
pages as they need, drawn at full size so nothing printed is smaller than 7 pt.

:func:`period_timeline` reads what the timeline shows once, as :class:`TimelinePages`: a plain
value (the rows, the plan's marks, the caption) that draws nothing yet. A target cuts it into
sheets the size it prints them at, :meth:`TimelinePages.sheets` — the PDF's landscape text
area is 245 mm wide, a Word page's 225 mm — so every target prints them 1:1.

Each :class:`TimelinePage` is one sheet: a vector drawing ``width_mm`` × ``height_mm`` that
paints the scene at its own scale (96 scene pixels to the inch), as ``gantt`` prints it —
task titles 8.25 pt, header bands, light symbols and the legend 7.5 pt. The scene is cut as
``gantt --tile`` cuts it (:func:`~qdplanner.reports.timeline_export.cut`): rows down, and
strips of the axis across when the range does not fit the sheet at the year zoom's scale;
every sheet repeats the title column and the header bands and has the legend.

``qdplanner.reports.summary.timeline_page.timeline_pages`` is the summary's hook for them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from qdplanner.domain.timeline import PIXELS_PER_DAY, Zoom
from qdplanner.errors import N_
from qdplanner.reports.qt_fonts import cjk_font
from qdplanner.reports.timeline_export import (
    LEGEND_HEIGHT,
    SCENE_DPI,
    TITLE_WIDTH,
    PageFit,
    PageSlice,
    build_print_scene,
    cut,
    paint_legend,
    paint_slice,
)
from qdplanner.reports.timeline_rows import Line
from qdplanner.reports.timeline_scene import (
    HEADER_HEIGHT,
    GroupBy,
    TimelineData,
    TimelineScene,
    axis_for,
    grouped_lines,
)
from qdplanner.reports.timeline_style import FONT_PX, timeline_word
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_rows import TaskRow, read_task_rows
from qdplanner.store.timeline import (
    latest_baseline,
    read_links,
    read_milestone_marks,
    read_stream_years,
)

MAX_ROWS = 300  # tasks (about 20 sheets); beyond, overdue and at-risk first, and it says so
MM_PER_INCH = 25.4
CAPTION_HEIGHT = 22  # scene pixels: the line above the drawing (range, as-of, sheet)
LEGEND_GAP = 6
MIN_PX_PER_DAY = PIXELS_PER_DAY[Zoom.YEAR]  # narrower, the range is cut into strips


def px(mm: float) -> float:
    """``mm`` in scene pixels at full size."""
    return mm / MM_PER_INCH * SCENE_DPI


@dataclass(frozen=True)
class TimelinePage:
    """One sheet of the summary's timeline: ``piece`` of ``scene`` with a caption line above
    and the legend below, ``width_mm`` × ``height_mm`` at full size."""

    scene: TimelineScene
    piece: PageSlice
    number: int
    total: int
    caption: str
    width_mm: float
    height_mm: float

    @property
    def size_px(self) -> tuple[float, float]:
        return px(self.width_mm), px(self.height_mm)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the sheet into ``rect`` (its size on the device: full size is 1:1)."""
        width, height = self.size_px
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(rect.width() / width, rect.height() / height)
        painter.setFont(cjk_font(FONT_PX))
        painter.setPen(QColor("#333333"))
        line = QRectF(0, 0, width, CAPTION_HEIGHT - 6)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.caption)  # fmt: skip
        if self.total > 1:
            sheet = (
                timeline_word(self.scene.lang, N_("Timeline", "Timeline sheet %1 of %2"))
                .replace("%1", str(self.number))
                .replace("%2", str(self.total))
            )
            painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             sheet)  # fmt: skip
        frame = paint_slice(painter, self.scene, self.piece, QPointF(0, CAPTION_HEIGHT))
        paint_legend(painter, self.scene, frame.bottom() + LEGEND_GAP, 0)
        painter.restore()

    def png(self, scale: float = 2.0) -> bytes:
        """The sheet as PNG file contents (``scale`` × 96 dpi), for a format that places
        pictures only."""
        width, height = self.size_px
        image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.paint(painter, QRectF(0, 0, image.width(), image.height()))
        finally:
            painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data())


@dataclass(frozen=True, eq=False)
class TimelinePages:
    """The summary's timeline as read from the plan: ``lines`` (the tasks that run in
    ``start`` … ``end``, grouped by program or project) over that range, and the ``caption``
    above every sheet. Nothing is drawn until a target asks for :meth:`sheets` of its size."""

    lines: tuple[Line, ...]
    data: TimelineData
    start: date
    end: date
    as_of: date
    lang: str
    caption: str
    _cut: dict = field(default_factory=dict, init=False, repr=False)

    def sheets(self, width_mm: float, height_mm: float) -> tuple[TimelinePage, ...]:
        """The timeline cut into sheets of ``width_mm`` × ``height_mm`` (at least one), to be
        printed that large: the axis fitted to the sheet's width (or cut into strips at the
        year zoom's scale), the rows cut down. Made once per size."""
        key = (round(width_mm, 3), round(height_mm, 3))
        made = self._cut.get(key)
        if made is None:
            made = self._cut[key] = self._make_sheets(*key)
        return made

    def _make_sheets(self, width_mm: float, height_mm: float) -> tuple[TimelinePage, ...]:
        width, height = px(width_mm), px(height_mm)
        strip = width - TITLE_WIDTH - 1
        scene = summary_scene(self.lines, self.data, self.start, self.end, self.lang, strip)
        rows_h = height - CAPTION_HEIGHT - HEADER_HEIGHT - LEGEND_GAP - LEGEND_HEIGHT
        pieces = cut(scene, rows_h, strip)
        return tuple(
            TimelinePage(scene, piece, n, len(pieces), self.caption, width_mm, height_mm)
            for n, piece in enumerate(pieces, start=1)
        )


def _active(row: TaskRow, start: date, end: date) -> bool:
    """Whether the task runs at some time in ``start`` … ``end`` (open-ended ones do)."""
    begins = row.start_date or date.min
    return begins <= end and (row.due_date is None or row.due_date >= start)


def _kept(rows: Sequence[TaskRow], max_rows: int) -> list[TaskRow]:
    """``rows``, or the ``max_rows`` of them to print: red, yellow, then the rest, in plan
    order."""
    if len(rows) <= max_rows:
        return list(rows)
    order = {"red": 0, "yellow": 1, "blue": 2}
    keep = {r.id for r in sorted(rows, key=lambda r: order.get(r.light.value, 3))[:max_rows]}
    return [r for r in rows if r.id in keep]


def summary_scene(
    lines, data: TimelineData, start: date, end: date, lang: str, strip_px: float
) -> TimelineScene:
    """The scene of the summary's sheets: ``start`` … ``end`` fitted to ``strip_px`` of axis,
    or at the year zoom's scale (to be cut into strips) when fitting would squeeze it more."""
    axis, _zoom = axis_for(start, end, width=strip_px)
    if axis.px_per_day < MIN_PX_PER_DAY:
        return build_print_scene(lines, data, start, end, fit=PageFit.TILE, zoom=Zoom.YEAR,
                                 lang=lang)  # fmt: skip
    return build_print_scene(lines, data, start, end, lang=lang, width=strip_px)


def period_timeline(
    store: PlanStore,
    start: date,
    end: date,
    as_of: date,
    task_ids: Collection[int],
    lang: str = "zh_CN",
    *,
    rows: Sequence[TaskRow] | None = None,
    max_rows: int = MAX_ROWS,
) -> TimelinePages | None:
    """The timeline of the tasks of ``task_ids`` that run in ``start`` … ``end``, grouped by
    program or project; when more than ``max_rows`` run, the red and yellow ones first and
    the caption says how many are shown. None when none run. ``rows``: the plan's task rows
    at ``as_of`` when the caller has read them already (they are not read again)."""
    wanted = set(task_ids)
    if rows is None:
        rows = read_task_rows(store, as_of=as_of)
    rows = [r for r in rows if r.id in wanted and _active(r, start, end)]
    if not rows:
        return None
    kept = _kept(rows, max_rows)
    data = TimelineData(
        read_milestone_marks(store), read_links(store), latest_baseline(store),
        read_stream_years(store), today=as_of, as_of=as_of,
    )  # fmt: skip
    lines = tuple(grouped_lines(kept, GroupBy.PROJECT, lang))
    words = "zh" if lang.startswith("zh") else "en"  # as the scene reads ``lang``
    caption = (
        timeline_word(words, N_("Timeline", "Range %1 – %2 · as of %3"))
        .replace("%1", start.strftime("%Y-%m"))
        .replace("%2", end.strftime("%Y-%m"))
        .replace("%3", as_of.isoformat())
    )
    if len(kept) < len(rows):
        shown = N_("Timeline", "%1 of %2 tasks shown: overdue and at risk first")
        caption += " · " + (
            timeline_word(words, shown).replace("%1", str(len(kept))).replace("%2", str(len(rows)))
        )
    return TimelinePages(lines, data, start, end, as_of, lang, caption)
