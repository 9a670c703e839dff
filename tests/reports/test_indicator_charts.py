"""Indicator charts on the sample plan at the end of 2025: one indicator, the dashboard, files."""

from __future__ import annotations

import warnings
from dataclasses import replace
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from qdplanner.domain.enums import IndicatorLight
from qdplanner.domain.vocabulary import colour, symbol
from qdplanner.errors import QdError
from qdplanner.reports import chart_fonts
from qdplanner.reports.indicator_charts import (
    dashboard_figure,
    indicator_figure,
    save_figure,
    short_title,
    target_path,
)
from qdplanner.store.indicators import read_indicators
from qdplanner.store.sample import create_sample_plan

END_2025 = date(2025, 12, 31)
SHARE = "高新技术产业产值占规模以上工业产值比重"  # baseline 2020 61.77, 2025H1 68.52, ≥65 by 2026
RANK = "全球创新指数（WIPO）青岛排名"  # 69 (2020) → 34 (2025), lower is better
EMPTY = "国家制造业创新中心数量"  # a target, no actual value


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    store = create_sample_plan(tmp_path_factory.mktemp("charts") / "sample.qdplan")
    try:
        yield read_indicators(store, as_of=END_2025)
    finally:
        store.close()


def by_name(rows, name):
    return next(r for r in rows if r.indicator.name == name)


def unit_above_axis(ax) -> str:
    """The unit, written level above the y axis's top end (not a turned axis label)."""
    assert ax.get_ylabel() == ""
    (unit,) = [t for t in ax.texts if getattr(t, "xy", None) == (0, 1)]
    assert unit.get_rotation() == 0
    return unit.get_text()


def texts(fig):
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def test_one_indicator_has_its_actuals_and_a_dashed_target_line(rows):
    fig = indicator_figure(by_name(rows, SHARE))
    ax = fig.axes[0]
    assert ax.get_title() == SHARE
    assert unit_above_axis(ax) == "%"
    dashed = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert len(dashed) == 1
    assert list(dashed[0].get_xdata()) == [2020, 2026]
    assert list(dashed[0].get_ydata()) == pytest.approx([61.77, 65])
    actual = next(ln for ln in ax.get_lines() if ln.get_marker() == "o")
    assert list(actual.get_xdata()) == pytest.approx([2020, 2024.5])  # 2025H1: mid-2025
    assert list(actual.get_ydata()) == pytest.approx([61.77, 68.52])
    assert actual.get_color() == colour(IndicatorLight.ACHIEVED)
    assert not ax.yaxis_inverted()
    shown = "\n".join(texts(fig))
    assert "≥65%" in shown
    assert f"{symbol(IndicatorLight.ACHIEVED)} 已达成" in shown
    assert by_name(rows, SHARE).trend.describe("zh") in shown.replace("\n", "")


def test_english_caption(rows):
    shown = "\n".join(texts(indicator_figure(by_name(rows, SHARE), lang="en")))
    assert "✔ Achieved" in shown


def test_ranks_invert_the_y_axis(rows):
    ax = indicator_figure(by_name(rows, RANK)).axes[0]
    assert ax.yaxis_inverted()
    assert unit_above_axis(ax) == "位次"


def test_an_indicator_without_values_says_no_data(rows):
    row = by_name(rows, EMPTY)
    assert "无数据" in texts(indicator_figure(row))
    assert "No data" in texts(indicator_figure(row, lang="en"))


def test_the_target_path_starts_at_the_earliest_actual_without_a_baseline(rows):
    row = by_name(rows, SHARE)
    row = replace(row, indicator=replace(row.indicator, baseline_value=None))
    assert target_path(row) == [(2020.0, 61.77), (2026.0, 65.0)]
    # One actual only and no baseline: no start point, as for the light (无基期).
    firms = by_name(rows, "国家高新技术企业数量")
    firms = replace(firms, indicator=replace(firms.indicator, baseline_value=None))
    assert target_path(firms) == []


def cells(fig):
    """gid → the artists of each dashboard cell."""
    out: dict[str, list] = {}
    for a in fig.findobj(lambda a: (a.get_gid() or "").startswith("indicator-")):
        out.setdefault(a.get_gid(), []).append(a)
    return out


def test_the_dashboard_has_one_cell_per_indicator(rows):
    fig = dashboard_figure(rows, title="指标")
    found = cells(fig)
    assert set(found) == {f"indicator-{r.indicator.id}" for r in rows}
    for r in rows:
        artists = found[f"indicator-{r.indicator.id}"]
        frames = [a for a in artists if isinstance(a, Rectangle)]
        assert len(frames) == 1
        hex_colour = colour(r.light)
        assert frames[0].get_edgecolor()[:3] == pytest.approx(
            tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        )
        title = next(a.get_text() for a in artists if hasattr(a, "get_text"))
        assert title.startswith(symbol(r.light) + " ")  # readable without colour
    columns, nrows = 4, -(-len(rows) // 4)
    assert tuple(fig.get_size_inches()) == pytest.approx((2.6 * columns, 2.0 * nrows + 0.5))


def test_the_dashboard_turns_ranks_upside_down(rows):
    fig = dashboard_figure(rows)
    row = by_name(rows, RANK)  # 69 → 34: better, so the line goes up
    line = next(
        a
        for a in cells(fig)[f"indicator-{row.indicator.id}"]
        if isinstance(a, Line2D) and a.get_marker() == "o"
    )
    ys = list(line.get_ydata())
    assert ys[0] < ys[-1]


def test_a_large_dashboard_is_compact(rows):
    many = (rows * 3)[:70]
    full = len([t for t in texts(dashboard_figure(rows)) if t])
    compact = len([t for t in texts(dashboard_figure(many)) if t])
    assert compact < full * 70 / len(rows)  # no numbers line under each cell
    assert len(cells(dashboard_figure([]))) == 0


def test_short_titles_fit_two_lines():
    assert short_title("人才总量") == "人才总量"
    long = short_title("国家级制造业单项冠军企业数量（累计培育）" * 2)
    assert long.count("\n") == 1 and long.endswith("…")
    assert "\n" not in short_title(SHARE, lines=1)


def test_png_and_svg_files(rows, tmp_path):
    fig = dashboard_figure(rows[:8])
    png = save_figure(fig, tmp_path / "d.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = save_figure(indicator_figure(by_name(rows, SHARE)), tmp_path / "one.SVG")
    assert SHARE in svg.read_text(encoding="utf-8")  # text stays text
    with pytest.raises(QdError) as err:
        save_figure(fig, tmp_path / "d.pdf")
    assert "d.pdf" in str(err.value) and err.value.params["path"].endswith("d.pdf")


def test_chinese_renders_without_missing_glyphs(rows):
    if not chart_fonts.configure_cjk_font():
        pytest.skip("no CJK font")
    figures = [indicator_figure(r) for r in rows] + [
        dashboard_figure(rows, title="指标仪表盘"),
        dashboard_figure(rows, compact=True),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would fail here
        for fig in figures:
            FigureCanvasAgg(fig).draw()
