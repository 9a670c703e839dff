"""Indicator charts: one indicator against its target path, and a dashboard of many.

matplotlib :class:`~matplotlib.figure.Figure` objects only (never pyplot, no Qt): the window
puts one indicator's on its own canvas, and Export Charts… saves them with
:func:`save_figure`. Import this module only when such a figure is asked for (matplotlib is
too heavy for start-up): the window's dashboard and the report's chart pages paint the same
cells with Qt (:mod:`qdplanner.reports.chart_paint`).

Time on the x axis is :func:`qdplanner.domain.indicators.value_time`: a whole-year value of
Y stands at Y, a part-year one at the end of its period (``2025H1`` → 2024.5). The target
path is the same straight line the light is judged against: from the baseline (else the
earliest actual) through any yearly target values to the target. Ranks (lower is better)
have their y axis inverted, so "up" is always "better". Every light has a colour *and* a
symbol, so a chart printed in black and white still reads.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from qdplanner.domain import vocabulary
from qdplanner.domain.enums import Direction
from qdplanner.domain.indicator_trend import format_number
from qdplanner.errors import N_, QdError
from qdplanner.reports.chart_fonts import configure_cjk_font
from qdplanner.reports.dashboard_cells import (
    CELL_MARGINS,
    CELL_SIZE,
    COMPACT_ABOVE,
    NO_DATA,
    TARGET_COLOUR,
    DashboardCell,
    _width,
    dashboard_cells,
    short_title,
    target_path,
)
from qdplanner.reports.dashboard_cells import actual_points as _actual_points
from qdplanner.reports.dashboard_cells import target_text as _target_text
from qdplanner.reports.summary.words import with_year

if TYPE_CHECKING:
    from qdplanner.store.indicators import IndicatorRow

# A light's colour, symbol and word are the vocabulary's (the same as the window's table);
# the symbol carries the light in black and white. What a dashboard cell shows is worked out
# in qdplanner.reports.dashboard_cells (no matplotlib there: the window paints the same cells).
PNG_DPI = 150


def _fonts():
    """rc settings while a chart is built: the CJK font, then DejaVu Sans as the fallback.

    Noto Sans CJK has no ✔ (the "achieved" symbol); matplotlib falls back glyph by glyph
    only along ``font.family``, so both are named there. Text keeps the fonts it was made with.
    """
    cjk = configure_cjk_font()
    families = [cjk, "DejaVu Sans"] if cjk else ["DejaVu Sans"]
    return matplotlib.rc_context({"font.family": families})


def _lang(lang: str) -> str:
    return vocabulary.lang_key(lang)


def light_caption(row: IndicatorRow, lang: str = "zh") -> str:
    """The light as symbol and word, e.g. ``✔ 已达成``: readable without colour."""
    return vocabulary.symbol_word(row.light, _lang(lang))


TITLE_PER_LINE = 24  # CJK characters a line of a single chart's title holds at 12 pt


def wrapped_title(name: str, per_line: float = TITLE_PER_LINE) -> str:
    """The whole of ``name`` in lines of at most ``per_line`` CJK characters (a Latin letter
    counts half), as evenly filled as that number of lines allows; nothing is cut off."""
    lines = max(1, math.ceil(_width(name) / per_line))
    return short_title(name, per_line=_width(name) / lines + 0.5, lines=99)


def indicator_figure(row: IndicatorRow, *, lang: str = "zh") -> Figure:
    """One indicator: its actuals against the dashed target path, with light and trend.

    x is the time of each value (years; part-year values at the end of their period), y the
    value in the indicator's unit (inverted for ranks). The caption gives the light as
    symbol and word and the trend sentence; an indicator without actuals says "no data".
    """
    with _fonts():
        return _indicator_figure(row, _lang(lang))


def _indicator_figure(row: IndicatorRow, lang: str) -> Figure:
    ind = row.indicator
    colour = vocabulary.colour(row.light)
    fig = Figure(figsize=(6.4, 4.4))
    ax = fig.add_axes((0.12, 0.25, 0.83, 0.63))
    # the whole name, wrapped (never clipped), smaller when it needs three lines or more
    title = wrapped_title(ind.name, TITLE_PER_LINE)
    if title.count("\n") >= 2:
        title = wrapped_title(ind.name, TITLE_PER_LINE * 1.25)
    ax.set_title(title, fontsize=12 if title.count("\n") < 2 else 10, pad=8)
    if ind.measure_unit:  # read level, above the axis's top end, not turned on its side
        ax.annotate(
            ind.measure_unit, (0, 1), xycoords="axes fraction", xytext=(-6, 6),
            textcoords="offset points", ha="right", va="bottom", fontsize=10,
        )  # fmt: skip
    path = target_path(row)
    if path:
        xs, ys = zip(*path, strict=True)
        ax.plot(xs, ys, linestyle="--", color=TARGET_COLOUR, linewidth=1.2, label="target")
    if ind.target_value is not None and ind.target_year is not None:
        ax.plot(
            [ind.target_year], [ind.target_value], marker="*", markersize=12,
            color=TARGET_COLOUR, linestyle="none", label="target point",
        )  # fmt: skip
        ax.annotate(
            with_year(lang, _target_text(row), ind.target_year),
            (ind.target_year, ind.target_value), textcoords="offset points", xytext=(-6, 8),
            ha="right", fontsize=9, color=TARGET_COLOUR,
        )  # fmt: skip
    xs, ys = _actual_points(row)
    if xs:
        ax.plot(xs, ys, marker="o", color=colour, linewidth=2, label="actual")
        for x, y in zip(xs, ys, strict=True):
            ax.annotate(
                format_number(y), (x, y), textcoords="offset points", xytext=(0, -14),
                ha="center", fontsize=8, color=colour,
            )  # fmt: skip
    else:
        ax.text(
            0.5, 0.5, vocabulary.word(NO_DATA, lang), transform=ax.transAxes, ha="center",
            va="center", fontsize=14, color=vocabulary.colour(NO_DATA),
        )  # fmt: skip
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.08, y=0.15)
    if ind.direction == Direction.LOWER:
        ax.invert_yaxis()
    ax.grid(True, linewidth=0.4, alpha=0.5)
    sentence = row.trend.describe(lang)
    wrapped = textwrap.fill(sentence, 40 if lang == "zh" else 90)
    fig.text(0.05, 0.13, light_caption(row, lang), fontsize=11, color=colour, va="top")
    fig.text(0.05, 0.07, wrapped, fontsize=9, va="top")
    return fig


def dashboard_figure(
    rows: list[IndicatorRow],
    *,
    lang: str = "zh",
    columns: int = 4,
    title: str = "",
    compact: bool | None = None,
) -> Figure:
    """Small multiples: one small chart (a cell) per indicator, coloured by its light.

    Each cell has the light symbol and the (shortened) name as its title, a frame and tint
    in the light's colour, the actuals as a coloured line, the target path dashed and the
    target as a star, and the latest value against the target underneath; ranks are
    inverted. The figure is :data:`CELL_SIZE` per cell. ``compact`` (the default above
    :data:`COMPACT_ABOVE` indicators) keeps each name to one line and leaves out the numbers
    line: each line of text costs ~4 ms to draw, and 200 indicators must draw in under 1 s.

    Built for speed: a matplotlib Axes costs ~5 ms to make and ~15 ms to draw even with no
    ticks, so 200 of them cannot draw in 1 s. The cells are therefore plain artists (a
    Rectangle, Line2D, Text) placed in figure coordinates, each indicator scaled to its own
    cell; every artist of a cell carries ``gid="indicator-<id>"`` (kept in SVG output).
    """
    with _fonts():
        cells = dashboard_cells(rows, lang=lang, compact=compact)
        return _dashboard_figure(cells, _lang(lang), columns, title)


def _dashboard_figure(cells: list[DashboardCell], lang: str, columns: int, title: str) -> Figure:
    columns = max(1, min(columns, len(cells) or 1))
    nrows = max(1, -(-len(cells) // columns))
    head = 0.5 if title else 0.1  # inches above the grid
    width, height = CELL_SIZE[0] * columns, CELL_SIZE[1] * nrows + head
    fig = Figure(figsize=(width, height))
    if title:
        fig.text(0.5, 1 - 0.12 / height, title, ha="center", va="top", fontsize=13)
    if not cells:
        fig.text(
            0.5, 0.5, vocabulary.word(NO_DATA, lang), ha="center", va="center",
            color=vocabulary.colour(NO_DATA),
        )  # fmt: skip
        return fig
    cw, ch = 1 / columns, CELL_SIZE[1] / height
    left, right, top, bottom = CELL_MARGINS  # of the plot box in a cell
    for i, cell in enumerate(cells):
        r, c = divmod(i, columns)
        y0 = 1 - head / height - (r + 1) * ch
        box = (
            c * cw + left * cw,
            y0 + bottom * ch,
            (1 - left - right) * cw,
            (1 - top - bottom) * ch,
        )
        _draw_cell(fig, box, cell)
    return fig


def _draw_cell(fig: Figure, box: tuple[float, float, float, float], cell: DashboardCell) -> None:
    colour = cell.colour
    gid = f"indicator-{cell.indicator_id}"
    x0, y0, w, h = box
    tf = fig.transFigure
    fig.add_artist(
        Rectangle(
            (x0, y0), w, h, transform=tf, facecolor=colour + "14", edgecolor=colour,
            linewidth=1.2, gid=gid,
        )
    )  # fmt: skip
    fig.text(
        x0, y0 + h + 0.03 * h, cell.title, fontsize=8, ha="left", va="bottom", gid=gid
    )  # fmt: skip

    def placed(points):
        return [x0 + x * w for x, _ in points], [y0 + y * h for _, y in points]

    if cell.target_path:
        fig.add_artist(Line2D(
            *placed(cell.target_path), transform=tf, linestyle="--", color=TARGET_COLOUR,
            linewidth=0.8, gid=gid,
        ))  # fmt: skip
    if cell.target_point is not None:
        fig.add_artist(Line2D(
            *placed([cell.target_point]), transform=tf, marker="*", linestyle="none",
            color=TARGET_COLOUR, markersize=6, gid=gid,
        ))  # fmt: skip
    if cell.actuals:
        fig.add_artist(Line2D(
            *placed(cell.actuals), transform=tf, marker="o", color=colour, linewidth=1.5,
            markersize=3, gid=gid,
        ))  # fmt: skip
    if cell.no_data:  # compact: no numbers line, so "no data" inside the box
        fig.text(
            x0 + w / 2, y0 + 0.05 * h, cell.no_data, fontsize=7, ha="center", va="bottom",
            color=vocabulary.colour(NO_DATA), gid=gid,
        )  # fmt: skip
    if cell.numbers:
        fig.text(x0, y0 - 0.03 * h, cell.numbers, fontsize=7, va="top", ha="left", gid=gid)


_FORMATS = {".png": "png", ".svg": "svg"}


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` as PNG (150 dpi) or SVG (text kept as text) by the suffix of ``path``."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QdError(
            N_("Messages", "{path}: a chart can be saved as .png or .svg only"), path=str(path)
        )
    if fmt == "svg":
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            fig.savefig(path, format="svg")
    else:
        fig.savefig(path, format="png", dpi=PNG_DPI)
    return path


__all__ = [
    "CELL_SIZE",
    "COMPACT_ABOVE",
    "TARGET_COLOUR",
    "dashboard_figure",
    "indicator_figure",
    "light_caption",
    "save_figure",
    "short_title",
    "target_path",
]
