"""What each cell of the indicator dashboard shows, without matplotlib.

One :class:`DashboardCell` per indicator: its light, title, the target path, the target
point and the actuals placed in the cell's plot box, and its lines of text. Two painters
draw the same cells: :mod:`qdplanner.reports.chart_paint` (Qt's painter: the window's
dashboard and the report's chart pages, so neither waits for matplotlib: ~0.5 s to import,
~1 s to draw 200 cells) and :func:`qdplanner.reports.indicator_charts.dashboard_figure`
(matplotlib: Export Charts…, PNG and SVG files).

Time on the x axis is :func:`qdplanner.domain.indicators.value_time`; the target path is the
straight line the light is judged against (see :func:`target_path`); ranks (lower is better)
are turned upside down, so "up" is always "better".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qdplanner.domain import vocabulary
from qdplanner.domain.enums import Direction, IndicatorLight, ValueKind
from qdplanner.domain.indicator_trend import format_number, target_label
from qdplanner.domain.indicators import actuals, value_time
from qdplanner.reports.summary.words import with_year

if TYPE_CHECKING:
    from qdplanner.store.indicators import IndicatorRow

NO_DATA = IndicatorLight.NO_DATA
TARGET_COLOUR = "#444444"
CELL_SIZE = (2.6, 2.0)  # inches per dashboard cell, width × height
# The plot box inside a cell, as fractions of the cell: left, right, top and bottom margins
CELL_MARGINS = (0.05, 0.05, 0.27, 0.14)
COMPACT_ABOVE = 60  # indicators: more than this, and the dashboard is compact by default

Point = tuple[float, float]


@dataclass(frozen=True)
class DashboardCell:
    """One indicator's cell. Points are in its plot box: x from 0 (left) to 1, y from 0
    (bottom) to 1, already turned over for ranks."""

    indicator_id: int
    name: str  # the whole name
    light: IndicatorLight
    colour: str  # the light's, ``#rrggbb``
    title: str  # the light's symbol and the name, shortened to one line (compact) or two
    target_path: list[Point]  # the dashed line; [] when there is none
    target_point: Point | None  # the star
    actuals: list[Point]  # the coloured line with dots
    no_data: str  # compact, no actual value: the word said inside the box, else ""
    numbers: str  # not compact: the latest value against the target, under the box


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


def target_path(row: IndicatorRow) -> list[Point]:
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


def actual_points(row: IndicatorRow) -> tuple[list[float], list[float]]:
    """The actual values' times and values, in time order."""
    acts = actuals(row.values)
    return [value_time(v) for v in acts], [v.value for v in acts]


def target_text(row: IndicatorRow) -> str:
    ind = row.indicator
    return target_label(ind.comparator, ind.target_value, ind.measure_unit)


def _scale(values: list[float], invert: bool = False):
    """A function taking data values into ``[0.1, 0.9]`` (the middle of a span, alone)."""
    vmin, vmax = min(values), max(values)
    span = vmax - vmin
    if span <= 0:
        return lambda v: 0.5

    def f(v: float) -> float:
        t = (v - vmin) / span
        return 0.1 + 0.8 * (1 - t if invert else t)

    return f


def is_compact(count: int) -> bool:
    """Whether a dashboard of ``count`` indicators is compact by default: names on one line,
    no numbers line (each line of text costs ~4 ms to draw in matplotlib; the window and the
    report keep the same rule, so all three show the same cells)."""
    return count > COMPACT_ABOVE


def dashboard_cell(row: IndicatorRow, lang: str, compact: bool) -> DashboardCell:
    """The cell of ``row`` (``lang``: ``zh`` or ``en``, as vocabulary.lang_key gives)."""
    ind = row.indicator
    path = target_path(row)
    xs, ys = actual_points(row)
    has_target = ind.target_value is not None and ind.target_year is not None
    target_pt = [(float(ind.target_year), ind.target_value)] if has_target else []
    points = path + list(zip(xs, ys, strict=True)) + target_pt
    placed_path: list[Point] = []
    placed_target: Point | None = None
    placed_actuals: list[Point] = []
    if points:
        sx = _scale([p[0] for p in points])
        sy = _scale([p[1] for p in points], invert=ind.direction == Direction.LOWER)
        placed_path = [(sx(x), sy(y)) for x, y in path]
        if target_pt:
            placed_target = (sx(target_pt[0][0]), sy(target_pt[0][1]))
        placed_actuals = [(sx(x), sy(y)) for x, y in zip(xs, ys, strict=True)]
    name = short_title(ind.name, lines=1 if compact else 2)
    numbers = ""
    if not compact:
        if xs:
            latest = with_year(lang, format_number(ys[-1]) + ind.measure_unit, row.latest_year)
        else:
            latest = vocabulary.word(NO_DATA, lang)
        target = target_text(row)
        if ind.target_value is not None and ind.target_year:
            target += f"/{ind.target_year}"
        sep = "　" if lang == "zh" else "  "
        numbers = f"{latest}{sep}→ {target}"
    return DashboardCell(
        indicator_id=ind.id,
        name=ind.name,
        light=row.light,
        colour=vocabulary.colour(row.light),
        title=f"{vocabulary.symbol(row.light)} {name}",
        target_path=placed_path,
        target_point=placed_target,
        actuals=placed_actuals,
        no_data=vocabulary.word(NO_DATA, lang) if compact and not xs else "",
        numbers=numbers,
    )


def dashboard_cells(
    rows: list[IndicatorRow], *, lang: str = "zh", compact: bool | None = None
) -> list[DashboardCell]:
    """The cells of a dashboard of ``rows``, in their order; ``compact`` by default above
    :data:`COMPACT_ABOVE` indicators."""
    key = vocabulary.lang_key(lang)
    if compact is None:
        compact = is_compact(len(rows))
    return [dashboard_cell(row, key, compact) for row in rows]
