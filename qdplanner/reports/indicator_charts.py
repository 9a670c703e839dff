"""Indicator charts: one indicator against its target path, and a dashboard of many.

matplotlib :class:`~matplotlib.figure.Figure` objects only (never pyplot, no Qt): the window
puts them on its own canvas, the report and the CLI save them with :func:`save_figure`.
Import this module only when a chart is drawn (matplotlib is too heavy for start-up).

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
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from qdplanner.domain import vocabulary
from qdplanner.domain.enums import Direction, IndicatorLight, ValueKind
from qdplanner.domain.indicator_trend import format_number, target_label
from qdplanner.domain.indicators import actuals, value_time
from qdplanner.errors import N_, QdError
from qdplanner.reports.chart_fonts import configure_cjk_font
from qdplanner.reports.summary.words import with_year

if TYPE_CHECKING:
    from qdplanner.store.indicators import IndicatorRow

# A light's colour, symbol and word are the vocabulary's (the same as the window's table);
# the symbol carries the light in black and white.
NO_DATA = IndicatorLight.NO_DATA
TARGET_COLOUR = "#444444"
CELL_SIZE = (2.6, 2.0)  # inches per dashboard cell, width × height
PNG_DPI = 150
COMPACT_ABOVE = 60  # indicators: more than this, and the dashboard is compact by default


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


def _width(text: str) -> float:
    """Display width in CJK characters: a wide character is 1, a narrow one ½."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def short_title(name: str, per_line: float = 16, lines: int = 2) -> str:
    """``name`` wrapped to ``lines`` lines of ``per_line`` CJK characters, shortened with …."""
    out, line = [], ""
    for c in name:
        if _width(line + c) > per_line:
            out.append(line)
            line = ""
            if len(out) == lines:
                last = out[-1]
                while last and _width(last + "…") > per_line:
                    last = last[:-1]
                out[-1] = last + "…"
                return "\n".join(out)
        line += c
    out.append(line)
    return "\n".join(x for x in out if x)


TITLE_PER_LINE = 24  # CJK characters a line of a single chart's title holds at 12 pt


def wrapped_title(name: str, per_line: float = TITLE_PER_LINE) -> str:
    """The whole of ``name`` in lines of at most ``per_line`` CJK characters (a Latin letter
    counts half), as evenly filled as that number of lines allows; nothing is cut off."""
    lines = max(1, math.ceil(_width(name) / per_line))
    return short_title(name, per_line=_width(name) / lines + 0.5, lines=99)


def target_path(row: IndicatorRow) -> list[tuple[float, float]]:
    """The points of the straight-line path to the target; [] when it cannot be drawn.

    From the baseline (year and value), else the earliest actual when a later actual exists
    (the start point :func:`qdplanner.domain.indicators.expected_value` uses), through
    the yearly target values between, to the target.
    """
    ind = row.indicator
    if ind.target_value is None or ind.target_year is None:
        return []
    if ind.baseline_year is not None and ind.baseline_value is not None:
        start = (float(ind.baseline_year), ind.baseline_value)
    else:  # as the light: the earliest actual, when a later actual exists
        acts = actuals(row.values)
        if len(acts) < 2 or not value_time(acts[0]) < value_time(acts[-1]):
            return []
        start = (value_time(acts[0]), acts[0].value)
    path = [start]
    for v in sorted(row.values, key=value_time):
        if (
            v.kind == ValueKind.TARGET
            and v.value is not None
            and start[0] < value_time(v) < ind.target_year
        ):
            path.append((value_time(v), v.value))
    path.append((float(ind.target_year), ind.target_value))
    return path


def _actual_points(row: IndicatorRow) -> tuple[list[float], list[float]]:
    acts = actuals(row.values)
    return [value_time(v) for v in acts], [v.value for v in acts]


def _target_text(row: IndicatorRow) -> str:
    ind = row.indicator
    return target_label(ind.comparator, ind.target_value, ind.measure_unit)


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
        if compact is None:
            compact = len(rows) > COMPACT_ABOVE
        return _dashboard_figure(rows, _lang(lang), columns, title, compact)


def _dashboard_figure(
    rows: list[IndicatorRow], lang: str, columns: int, title: str, compact: bool
) -> Figure:
    columns = max(1, min(columns, len(rows) or 1))
    nrows = max(1, -(-len(rows) // columns))
    head = 0.5 if title else 0.1  # inches above the grid
    width, height = CELL_SIZE[0] * columns, CELL_SIZE[1] * nrows + head
    fig = Figure(figsize=(width, height))
    if title:
        fig.text(0.5, 1 - 0.12 / height, title, ha="center", va="top", fontsize=13)
    if not rows:
        fig.text(
            0.5, 0.5, vocabulary.word(NO_DATA, lang), ha="center", va="center",
            color=vocabulary.colour(NO_DATA),
        )  # fmt: skip
        return fig
    cw, ch = 1 / columns, CELL_SIZE[1] / height
    left, right, top, bottom = 0.05, 0.05, 0.27, 0.14  # margins of the plot box in a cell
    for i, row in enumerate(rows):
        r, c = divmod(i, columns)
        y0 = 1 - head / height - (r + 1) * ch
        box = (
            c * cw + left * cw,
            y0 + bottom * ch,
            (1 - left - right) * cw,
            (1 - top - bottom) * ch,
        )
        _draw_cell(fig, box, row, lang, compact)
    return fig


def _scale(values: list[float], lo: float, size: float, invert: bool = False):
    """A function taking data values into ``[lo + 10 %, lo + size − 10 %]`` of a cell."""
    vmin, vmax = min(values), max(values)
    span = vmax - vmin
    if span <= 0:
        return lambda v: lo + size / 2
    inner = 0.8 * size

    def f(v: float) -> float:
        t = (v - vmin) / span
        return lo + 0.1 * size + inner * (1 - t if invert else t)

    return f


def _draw_cell(
    fig: Figure, box: tuple[float, float, float, float], row: IndicatorRow, lang: str, compact
) -> None:
    ind = row.indicator
    colour = vocabulary.colour(row.light)
    gid = f"indicator-{ind.id}"
    x0, y0, w, h = box
    tf = fig.transFigure
    fig.add_artist(
        Rectangle(
            (x0, y0), w, h, transform=tf, facecolor=colour + "14", edgecolor=colour,
            linewidth=1.2, gid=gid,
        )
    )  # fmt: skip
    name = short_title(ind.name, lines=1 if compact else 2)
    fig.text(
        x0, y0 + h + 0.03 * h, f"{vocabulary.symbol(row.light)} {name}", fontsize=8,
        ha="left", va="bottom", gid=gid,
    )  # fmt: skip
    path = target_path(row)
    xs, ys = _actual_points(row)
    has_target = ind.target_value is not None and ind.target_year is not None
    target_pt = [(float(ind.target_year), ind.target_value)] if has_target else []
    points = path + list(zip(xs, ys, strict=True)) + target_pt
    if points:
        sx = _scale([p[0] for p in points], x0, w)
        sy = _scale([p[1] for p in points], y0, h, invert=ind.direction == Direction.LOWER)
        if path:
            fig.add_artist(Line2D(
                [sx(p[0]) for p in path], [sy(p[1]) for p in path], transform=tf,
                linestyle="--", color=TARGET_COLOUR, linewidth=0.8, gid=gid,
            ))  # fmt: skip
        if target_pt:
            fig.add_artist(Line2D(
                [sx(target_pt[0][0])], [sy(target_pt[0][1])], transform=tf, marker="*",
                linestyle="none", color=TARGET_COLOUR, markersize=6, gid=gid,
            ))  # fmt: skip
        if xs:
            fig.add_artist(Line2D(
                [sx(x) for x in xs], [sy(y) for y in ys], transform=tf, marker="o",
                color=colour, linewidth=1.5, markersize=3, gid=gid,
            ))  # fmt: skip
    if compact:  # no numbers line: say "no data" inside the box instead
        if not xs:
            fig.text(
                x0 + w / 2, y0 + 0.05 * h, vocabulary.word(NO_DATA, lang), fontsize=7,
                ha="center", va="bottom", color=vocabulary.colour(NO_DATA), gid=gid,
            )  # fmt: skip
        return
    if xs:
        latest = format_number(ys[-1]) + ind.measure_unit
        latest = with_year(lang, latest, row.latest_year)
    else:
        latest = vocabulary.word(NO_DATA, lang)
    target = _target_text(row)
    if ind.target_value is not None and ind.target_year:
        target += f"/{ind.target_year}"
    sep = "　" if lang == "zh" else "  "
    fig.text(
        x0, y0 - 0.03 * h, f"{latest}{sep}→ {target}", fontsize=7, va="top", ha="left",
        gid=gid,
    )  # fmt: skip


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
    "dashboard_figure",
    "indicator_figure",
    "light_caption",
    "save_figure",
    "short_title",
    "target_path",
]
