"""The window's indicator dashboard: the report's cells, painted by Qt, only those in view."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date

import pytest

from qdplanner.reports.dashboard_cells import DashboardCell, dashboard_cells, is_compact
from qdplanner.store.indicators import read_indicators
from qdplanner.store.sample import create_sample_plan
from qdplanner.ui.dashboard_view import CELL_H, CELL_W, HEAD, DashboardView

END_2025 = date(2025, 12, 31)


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    store = create_sample_plan(tmp_path_factory.mktemp("dash") / "sample.qdplan")
    try:
        yield read_indicators(store, as_of=END_2025)
    finally:
        store.close()


def test_the_grid_holds_as_many_columns_as_its_width_allows(qtbot, rows):
    view = DashboardView()
    qtbot.addWidget(view)
    view.resize(3 * CELL_W + 60, 700)
    view.show()
    view.set_cells(dashboard_cells(rows))
    qtbot.waitUntil(lambda: view.grid.width() >= 3 * CELL_W)
    grid = view.grid
    assert grid.columns == 3
    assert grid.minimumHeight() == HEAD + -(-len(rows) // 3) * CELL_H
    assert grid.cell_at(5, HEAD + 5) == 0
    assert grid.cell_at(grid.width() - 5, HEAD + CELL_H + 5) == 5
    assert grid.cell_at(5, 2) is None  # above the cells
    assert grid.cell_at(grid.width() - 5, grid.minimumHeight() + 50) is None
    view.resize(CELL_W + 40, 700)
    qtbot.waitUntil(lambda: grid.columns == 1)
    assert grid.minimumHeight() == HEAD + len(rows) * CELL_H


def test_painting_and_the_tooltip_name_the_whole_indicator(qtbot, rows):
    view = DashboardView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.set_cells(dashboard_cells(rows))
    image = view.grab().toImage()  # paints the cells in view
    assert not image.isNull()
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 7) for y in range(0, 500, 7)}
    assert len(colours) > 3  # frames, tints and lines, not a blank page
    grid = view.grid
    index = grid.cell_at(10, HEAD + 10)
    assert grid.cells[index].name == rows[0].indicator.name


def test_the_cells_are_what_the_matplotlib_dashboard_draws(rows):
    from matplotlib.lines import Line2D

    from qdplanner.reports.indicator_charts import dashboard_figure

    cells = dashboard_cells(rows)
    fig = dashboard_figure(rows)
    for cell in cells:
        gid = f"indicator-{cell.indicator_id}"
        lines = [a for a in fig.artists if isinstance(a, Line2D) and a.get_gid() == gid]
        texts = [t.get_text() for t in fig.texts if t.get_gid() == gid]
        assert cell.title in texts
        assert (cell.numbers in texts) == bool(cell.numbers)
        expected = bool(cell.target_path) + (cell.target_point is not None) + bool(cell.actuals)
        assert len(lines) == expected
        for x, y in [*cell.target_path, *cell.actuals]:
            assert 0.1 - 1e-9 <= x <= 0.9 + 1e-9 and 0.1 - 1e-9 <= y <= 0.9 + 1e-9


def test_cells_follow_the_compact_rule_and_say_no_data(rows):
    assert not is_compact(len(rows))
    full = dashboard_cells(rows)
    compact = dashboard_cells(rows, compact=True)
    assert all(c.numbers for c in full) and not any(c.numbers for c in compact)
    assert all("\n" not in c.title for c in compact)
    empty = [c for c in compact if not c.actuals]
    assert empty and all(c.no_data for c in empty)
    assert all(isinstance(c, DashboardCell) for c in full)
    english = dashboard_cells(rows, lang="en", compact=True)
    assert {c.no_data for c in english if c.no_data} != {c.no_data for c in empty}


def test_showing_the_dashboard_imports_no_matplotlib(tmp_path):
    plan = tmp_path / "s.qdplan"
    create_sample_plan(plan).close()
    code = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        from qdplanner.store import PlanStore
        from qdplanner.store.indicators import read_indicators
        from qdplanner.ui.indicator_charts_view import IndicatorChartsView
        app = QApplication([])
        store = PlanStore.open({str(plan)!r}, readonly=True)
        view = IndicatorChartsView(print)
        view.rows = read_indicators(store)
        view.show()
        view.show_dashboard()
        view.dashboard.grab()
        assert view.dashboard.grid.cells
        print(sorted(m for m in sys.modules if m.startswith("matplotlib")))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_exporting_the_dashboard_draws_it_with_matplotlib(qtbot, rows, tmp_path):
    from qdplanner.ui.indicator_charts_view import IndicatorChartsView

    view = IndicatorChartsView(lambda _m: None)
    qtbot.addWidget(view)
    view.rows = rows
    view.show_indicator(rows[0])
    assert view.figure is not None and view.canvas is not None
    view.show_dashboard()
    assert view.figure is None and view.dashboard.isVisibleTo(view)
    assert not view.canvas.isVisibleTo(view)
    view.save(str(tmp_path / "d.png"))
    assert (tmp_path / "d.png").stat().st_size > 10_000
    assert view.figure is not None  # the dashboard's, kept for the next export
    view.show_indicator(rows[1])
    assert not view.dashboard.isVisibleTo(view)


def test_a_long_title_stays_in_its_own_cell_and_is_elided_not_cut(qtbot, rows):
    from PySide6.QtGui import QFontMetrics

    from qdplanner.reports.chart_paint import fitted_title, plot_box, title_gap, title_rect

    view = DashboardView()
    qtbot.addWidget(view)
    view.resize(3 * CELL_W + 60, 700)
    view.show()
    view.set_cells(dashboard_cells(rows))
    grid = view.grid
    rect = grid.cell_rect(4)  # the second row: its title once ran up into the first row
    box = plot_box(rect)
    room = title_rect(rect, box, title_gap(box))
    assert room.top() >= rect.top() and room.bottom() <= box.top()
    metrics = QFontMetrics(grid.fonts.title)
    title = "▲ " + "高新技术产业产值占规模以上工业产值比重" * 6
    shown = fitted_title(metrics, title, room)
    lines = shown.split("\n")
    assert len(lines) * metrics.lineSpacing() <= room.height()
    assert all(metrics.horizontalAdvance(line) <= room.width() for line in lines)
    assert lines[-1].endswith("…") and shown.replace("\n", "").startswith(title[:10])
