"""The timeline on paper and in files: pages of the same scene the window shows.

:func:`paint_document` paints every page on any paged device — a ``QPdfWriter`` or the
``QPrinter`` of a print preview — so the printout and the PDF are one drawing. A page has the
header (plan, range, as-of date), a slice of the scene (header bands and task titles repeated
on every page), the legend and ``第X页 共Y页``. Two ways to cut the scene into pages:

- fit to page width: the axis is scaled to the page, rows run on over as many pages as needed;
- tile: the axis keeps its zoom scale and is cut into page-wide strips, titles on each.

PNG and SVG are one "page" as large as the whole drawing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from qdplanner.domain.timeline import PageFit, Paper, Zoom
from qdplanner.domain.vocabulary import LIGHT_ORDER, symbol_word
from qdplanner.errors import N_, QdError
from qdplanner.reports.qt_fonts import cjk_family, cjk_font
from qdplanner.reports.timeline_scene import (
    HEADER_HEIGHT,
    ROW_HEIGHT,
    GroupBy,
    GroupHeader,
    Line,
    TimelineData,
    TimelineScene,
    axis_for,
    diamond,
)
from qdplanner.reports.timeline_style import (
    AS_OF,
    BROKEN_LINK,
    LIGHT_COLOURS,
    LIGHT_PATTERNS,
    TODAY,
    timeline_word,
)

SCENE_DPI = 96
TITLE_WIDTH = 300
MARGIN = 36  # ≈ 1 cm at 96 dpi
# after the range line when a task drawn is illustrative: its units and dates are the sample's
ILLUSTRATIVE_LINE = N_(
    "Timeline",
    " · contains illustrative data (units, dates and statuses filled in for the sample plan)",
)
TOP_HEIGHT = 52  # plan title and range above the drawing
LEGEND_HEIGHT = 46  # legend and page number below it
IMAGE_WIDTH = 1400  # the axis width of a PNG or SVG
MAX_IMAGE_HEIGHT = 30_000  # pixels: beyond this a PNG is refused (PDF has pages)
LEGEND_FONT_PX = 10  # 7.5 pt at full scale


PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.A3: QPageSize.PageSizeId.A3}


@dataclass(frozen=True)
class PrintHeader:
    """What the top of every page says."""

    plan: str
    start: date
    end: date
    as_of: date
    # some task drawn was filled in for the sample (qdplanner.domain.illustrative): said once
    illustrative: bool = False


@dataclass(frozen=True)
class PageSlice:
    """The part of the scene one page shows: lines ``first`` … ``last`` - 1, axis x0 … x1."""

    first: int
    last: int
    x0: float
    x1: float


def page_layout(paper: Paper = Paper.A4) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[paper]), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)
    )


def page_size_px(paper: Paper) -> tuple[float, float]:
    """Landscape page size in scene pixels (96 dpi)."""
    size = QPageSize(PAGE_SIZES[paper]).sizePoints()
    return size.height() * SCENE_DPI / 72, size.width() * SCENE_DPI / 72


def chart_width(paper: Paper) -> float:
    """The axis width that fits a page's width beside the title column."""
    return page_size_px(paper)[0] - 2 * MARGIN - TITLE_WIDTH


def build_print_scene(
    lines: Sequence[Line],
    data: TimelineData,
    start: date,
    end: date,
    *,
    fit: PageFit = PageFit.WIDTH,
    paper: Paper = Paper.A4,
    zoom: Zoom | None = None,
    lang: str = "zh_CN",
    width: float | None = None,
) -> TimelineScene:
    """A scene with a title column, for paper (fitted to the page, or at ``zoom`` to tile)
    or for an image (``width`` pixels of axis)."""
    if width is None and fit == PageFit.WIDTH:
        width = chart_width(paper)
    axis, zoom = axis_for(start, end, zoom if width is None else None, width)
    return TimelineScene(lines, data, axis, zoom, title_width=TITLE_WIDTH, lang=lang)


def slices(scene: TimelineScene, page_w: float, page_h: float) -> list[PageSlice]:
    """How the scene falls onto pages of ``page_w`` × ``page_h`` scene pixels: rows down,
    then strips of the axis across (each page repeats the titles and the header)."""
    body_h = page_h - 2 * MARGIN - TOP_HEIGHT - LEGEND_HEIGHT - HEADER_HEIGHT
    return cut(scene, body_h, page_w - 2 * MARGIN - scene.title_width)


def cut(scene: TimelineScene, rows_h: float, strip: float) -> list[PageSlice]:
    """The scene cut into pieces of at most ``rows_h`` pixels of rows and ``strip`` pixels of
    axis: rows down, then strips across (:func:`slices` for gantt's pages, and the summary's
    timeline pages)."""
    per_page = max(int(rows_h // ROW_HEIGHT), 1)
    strip = max(strip, 50)
    width = scene.axis.width
    strips = []
    x = 0.0
    while x < width - 0.5:
        strips.append((x, min(x + strip, width)))
        x += strip
    runs = []  # rows first … last - 1 of each page; a group's title never ends a page
    first, count = 0, len(scene.lines)
    while first < count or not runs:
        last = min(first + per_page, count)
        if last < count and last - first > 1 and isinstance(scene.lines[last - 1], GroupHeader):
            last -= 1
        runs.append((first, last))
        first = last
    return [PageSlice(a, b, x0, x1) for x0, x1 in strips or [(0.0, width)] for a, b in runs]


def paint_page(
    painter: QPainter,
    scene: TimelineScene,
    page: PageSlice,
    header: PrintHeader,
    number: int,
    total: int,
    page_w: float,
    page_h: float,
) -> None:
    """One page at scene scale: top lines, titles + header + bars of ``page``, legend, number."""
    painter.save()
    painter.fillRect(QRectF(0, 0, page_w, page_h), QColor("#ffffff"))
    _paint_top(painter, scene, header, page_w)
    frame = paint_slice(painter, scene, page, QPointF(MARGIN, MARGIN + TOP_HEIGHT))
    paint_legend(painter, scene, frame.bottom() + 8, MARGIN)
    painter.setFont(cjk_font(10))
    painter.setPen(QColor("#333333"))
    text = (
        timeline_word(scene.lang, N_("Timeline", "Page %1 of %2"))
        .replace("%1", str(number))
        .replace("%2", str(total))
    )
    painter.drawText(
        QRectF(0, page_h - MARGIN + 4, page_w, 20), Qt.AlignmentFlag.AlignHCenter, text
    )
    painter.restore()


def paint_slice(painter: QPainter, scene: TimelineScene, page: PageSlice, at: QPointF) -> QRectF:
    """The header bands, the titles and the bars of ``page``, framed, with the frame's top
    left corner at ``at`` (scene pixels); returns the frame."""
    rows_h = (page.last - page.first) * ROW_HEIGHT
    origin = QPointF(at.x() + scene.title_width, at.y() + HEADER_HEIGHT)
    width = page.x1 - page.x0
    pieces = [
        # header bands, then the titles' header cell
        (QRectF(page.x0, -HEADER_HEIGHT, width, HEADER_HEIGHT), QPointF(0, -HEADER_HEIGHT)),
        (
            QRectF(-scene.title_width, -HEADER_HEIGHT, scene.title_width, HEADER_HEIGHT),
            QPointF(-scene.title_width, -HEADER_HEIGHT),
        ),
        (
            QRectF(-scene.title_width, page.first * ROW_HEIGHT, scene.title_width, rows_h),
            QPointF(-scene.title_width, 0),
        ),
        (QRectF(page.x0, page.first * ROW_HEIGHT, width, rows_h), QPointF(0, 0)),
    ]
    for source, offset in pieces:
        if source.height() <= 0 or source.width() <= 0:
            continue
        target = QRectF(origin + offset, source.size())
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.setPen(QPen(QColor("#888888"), 0))
    frame = QRectF(at.x(), at.y(), scene.title_width + width, HEADER_HEIGHT + rows_h)
    painter.drawRect(frame)
    return frame


def _paint_top(painter: QPainter, scene: TimelineScene, header: PrintHeader, page_w: float):
    painter.setPen(QColor("#000000"))
    painter.setFont(cjk_font(17, bold=True))
    title = timeline_word(scene.lang, N_("Timeline", "%1 — timeline")).replace("%1", header.plan)
    painter.drawText(QRectF(MARGIN, MARGIN, page_w - 2 * MARGIN, 24), 0, title)
    painter.setFont(cjk_font(11))
    line = (
        timeline_word(scene.lang, N_("Timeline", "Range %1 – %2 · as of %3"))
        .replace("%1", header.start.strftime("%Y-%m"))
        .replace("%2", header.end.strftime("%Y-%m"))
        .replace("%3", header.as_of.isoformat())
    )
    if header.illustrative:
        line += timeline_word(scene.lang, ILLUSTRATIVE_LINE)
    painter.drawText(QRectF(MARGIN, MARGIN + 26, page_w - 2 * MARGIN, 18), 0, line)


def paint_legend(painter: QPainter, scene: TimelineScene, y: float, left: float) -> None:
    """Lights (colour, symbol, hatching), milestones, baseline, today, as-of, links: two
    lines of ``LEGEND_FONT_PX`` text from (``left``, ``y``)."""
    font = cjk_font(LEGEND_FONT_PX)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    x = float(left)
    mid = y + 8

    def label(text: str) -> None:
        nonlocal x
        painter.setPen(QColor("#222222"))
        painter.drawText(QPointF(x, mid + 4), text)
        x += metrics.horizontalAdvance(text) + 14

    for light in LIGHT_ORDER:  # words in the scene's language, as the report around it
        colour = LIGHT_COLOURS[light]
        box = QRectF(x, mid - 5, 18, 10)
        painter.fillRect(box, colour.lighter(165))
        if light in LIGHT_PATTERNS:
            painter.fillRect(box, QBrush(colour.darker(130), LIGHT_PATTERNS[light]))
        painter.fillRect(QRectF(box.left(), box.top(), 9, 10), colour)
        painter.setPen(QPen(colour.darker(150), 0))
        painter.drawRect(box)
        x += 22
        label(symbol_word(light, scene.lang))
    x, mid = float(left), y + 28
    diamond(painter, x + 6, mid, False)
    x += 16
    label(timeline_word(scene.lang, N_("Timeline", "Milestone (planned)")))
    diamond(painter, x + 6, mid, True)
    x += 16
    label(timeline_word(scene.lang, N_("Timeline", "Milestone (reached)")))
    painter.fillRect(QRectF(x, mid - 1.5, 20, 3), QColor("#7a7a7a"))
    x += 24
    label(timeline_word(scene.lang, N_("Timeline", "Baseline")))
    for colour, style, text in (
        (TODAY, Qt.PenStyle.SolidLine, timeline_word(scene.lang, N_("Timeline", "Today"))),
        (AS_OF, Qt.PenStyle.DashLine, timeline_word(scene.lang, N_("Timeline", "As of"))),
        (
            BROKEN_LINK,
            Qt.PenStyle.DashLine,
            timeline_word(scene.lang, N_("Timeline", "Broken link (starts too early)")),
        ),
    ):
        painter.setPen(QPen(colour, 1.5, style))
        painter.drawLine(QPointF(x, mid), QPointF(x + 20, mid))
        x += 24
        label(text)


class ExportCancelled(QdError):
    """The user stopped an export; the partial file has been removed."""


Progress = Callable[[int, int], bool]  # (pages done, pages in all) -> go on?


def paint_document(
    device: QPagedPaintDevice,
    scene: TimelineScene,
    header: PrintHeader,
    progress: Progress | None = None,
) -> int:
    """Paint every page of ``scene`` on ``device`` (its page layout decides the page size).

    Returns the number of pages. The same function serves the PDF and the print preview.
    ``progress`` is called after each page; when it returns False painting stops and
    :class:`ExportCancelled` is raised.
    """
    layout = device.pageLayout()
    resolution = device.resolution() if hasattr(device, "resolution") else SCENE_DPI
    full = layout.fullRectPixels(resolution)
    scale = resolution / SCENE_DPI
    page_w, page_h = full.width() / scale, full.height() / scale
    pages = slices(scene, page_w, page_h)
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint_rect = layout.paintRectPixels(resolution)
        # the painter's origin is the printable area's corner: put it back at the paper's
        painter.translate(-paint_rect.left(), -paint_rect.top())
        painter.scale(scale, scale)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            paint_page(painter, scene, page, header, number, len(pages), page_w, page_h)
            if progress is not None and not progress(number, len(pages)):
                raise ExportCancelled(N_("Messages", "the export was cancelled"))
    finally:
        painter.end()
    return len(pages)


def export_pdf(
    scene: TimelineScene,
    path: Path,
    header: PrintHeader,
    paper: Paper = Paper.A4,
    progress: Progress | None = None,
) -> int:
    """Write ``scene`` as a landscape PDF of ``paper`` pages; return the page count."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(header.plan)
    writer.setCreator("qdplanner")
    try:
        pages = paint_document(writer, scene, header, progress)
    except ExportCancelled:
        del writer
        path.unlink(missing_ok=True)
        raise
    del writer  # flushes the file
    # Qt names a glyph shared by a radical and an ideograph by the radical (青 → ⻘): map the
    # text layer back so the PDF searches and copies as printed (same fix as the summary).
    from qdplanner.reports.summary.pdf_text import fix_radicals

    fix_radicals(path, [cjk_family() or ""])
    return pages


def image_size(scene: TimelineScene) -> QSize:
    """The size of a PNG/SVG of ``scene``: the whole drawing, header and legend included."""
    width = 2 * MARGIN + scene.title_width + scene.axis.width
    height = 2 * MARGIN + TOP_HEIGHT + HEADER_HEIGHT + scene.body_height + LEGEND_HEIGHT
    return QSize(int(width + 0.5), int(height + 0.5))


def _one_page(scene: TimelineScene) -> PageSlice:
    return PageSlice(0, len(scene.lines), 0.0, scene.axis.width)


def render_image(scene: TimelineScene, header: PrintHeader, scale: float = 1.0) -> QImage:
    """The whole drawing as an image (``scale`` × 96 dpi). Refuses a drawing taller than
    ``MAX_IMAGE_HEIGHT`` pixels (a PDF has pages for that)."""
    size = image_size(scene)
    if size.height() * scale > MAX_IMAGE_HEIGHT:
        raise QdError(
            N_(
                "Messages",
                "{rows} rows are too many for one image; export a PDF or filter the tasks",
            ),
            rows=len(scene.lines),
        )
    image = QImage(
        int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32
    )
    image.fill(QColor("#ffffff"))
    image.setDotsPerMeterX(int(SCENE_DPI * scale / 0.0254))
    image.setDotsPerMeterY(int(SCENE_DPI * scale / 0.0254))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        paint_page(painter, scene, _one_page(scene), header, 1, 1, size.width(), size.height())
    finally:
        painter.end()
    return image


def png_bytes(scene: TimelineScene, header: PrintHeader, scale: float = 1.0) -> bytes:
    """The whole drawing as PNG file contents (for a report that places the image itself)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render_image(scene, header, scale).save(buffer, "PNG")
    return bytes(buffer.data())


def export_png(scene: TimelineScene, path: Path, header: PrintHeader, scale: float = 1.0) -> QSize:
    """Write the whole drawing as a PNG (``scale`` × 96 dpi); return its pixel size."""
    image = render_image(scene, header, scale)
    if not image.save(str(path), "PNG"):
        raise QdError(N_("Messages", "{path}: the image could not be written"), path=str(path))
    return image.size()


def export_svg(scene: TimelineScene, path: Path, header: PrintHeader) -> QSize:
    """Write the whole drawing as an SVG (text stays text); return its size in pixels."""
    from PySide6.QtSvg import QSvgGenerator

    size = image_size(scene)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(SCENE_DPI)
    generator.setTitle(header.plan)
    painter = QPainter(generator)
    try:
        paint_page(painter, scene, _one_page(scene), header, 1, 1, size.width(), size.height())
    finally:
        painter.end()
    return size


SUFFIXES = (".pdf", ".png", ".svg")


def export_timeline(
    scene: TimelineScene,
    path: Path,
    header: PrintHeader,
    paper: Paper = Paper.A4,
    progress: Progress | None = None,
) -> int:
    """Export by the file's suffix; returns the page count (1 for PNG and SVG)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise QdError(
            N_("Messages", "{path}: a timeline can be saved as .pdf, .png or .svg only"),
            path=str(path),
        )
    if suffix == ".pdf":
        return export_pdf(scene, path, header, paper, progress)
    if suffix == ".png":
        export_png(scene, path, header)
    else:
        export_svg(scene, path, header)
    return 1


__all__ = [
    "GroupBy",
    "PageFit",
    "Paper",
    "PrintHeader",
    "build_print_scene",
    "cut",
    "export_pdf",
    "export_png",
    "export_svg",
    "export_timeline",
    "paint_document",
    "paint_legend",
    "paint_slice",
]
