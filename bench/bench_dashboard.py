"""How long the indicator dashboard takes to build and draw for 200 indicators.

    .venv/bin/python bench/bench_dashboard.py [PLAN] [--repeat 5] [--as-of 2025-12-31]

Without PLAN a plan with 100 tasks and 200 indicators is generated in a temporary folder
(make_large_plan.py). Measures, ``--repeat`` times each (after one untimed warm-up run that
loads fonts and matplotlib's caches), and prints the median:

read        ``read_indicators(store, as_of=...)`` on a store opened once;
build       ``dashboard_figure(rows)``: the Figure with one axes per indicator;
draw        ``FigureCanvasAgg(fig).draw()``: rendering it (what a window or a PNG pays);
total       build + draw (issue 6's goal: under 1 s for 200 indicators);
cold        in a fresh process that has Qt running and the plan open (as the window has when
            the Indicators tab is first shown): importing the charts view, reading, making
            the cells and painting the window's dashboard (Qt's painter, the cells in view)
            until its first paint event — issue 18's goal: under 0.7 s the first time after
            start-up. ``--repeat`` fresh processes.
cold figure the same with matplotlib, as an export or the report pays it: importing its Qt
            canvas and the charts, reading, building and drawing the whole dashboard on a
            ``FigureCanvasQTAgg`` (the window drew this way until 2026-12-04).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

GOAL = 1.0  # seconds to build and draw the dashboard
COLD_GOAL = 0.7  # seconds, the first time after start-up

# One cold run: what the window has at start-up is loaded untimed; the rest is timed.
COLD = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from datetime import date
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from qdplanner.store import PlanStore
from qdplanner.store.indicators import read_indicators
app = QApplication([])
store = PlanStore.open({plan!r}, readonly=True)
painted = []
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.perf_counter())
        return False
watch = Painted()
t0 = time.perf_counter()
from qdplanner.ui.indicator_charts_view import IndicatorChartsView
view = IndicatorChartsView(lambda message: None)
view.rows = read_indicators(store, as_of=date.fromisoformat({as_of!r}))
view.resize(1100, 760)
view.show()
view.show_dashboard()
view.dashboard.grid.installEventFilter(watch)
while not painted and time.perf_counter() - t0 < 30:
    app.processEvents()
assert view.dashboard.grid.cells, "no cells"
print(painted[0] - t0)
"""

COLD_FIGURE = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from datetime import date
from PySide6.QtWidgets import QApplication
from qdplanner.store import PlanStore
from qdplanner.store.indicators import read_indicators
app = QApplication([])
store = PlanStore.open({plan!r}, readonly=True)
t0 = time.perf_counter()
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from qdplanner.reports.indicator_charts import dashboard_figure
rows = read_indicators(store, as_of=date.fromisoformat({as_of!r}))
canvas = FigureCanvasQTAgg(dashboard_figure(rows, title="指标仪表盘"))
canvas.draw()
print(time.perf_counter() - t0)
"""


def cold_runs(plan: Path, as_of: date, repeat: int, template: str = COLD) -> list[float]:
    code = template.format(plan=str(plan), as_of=as_of.isoformat())
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # caches
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        runs.append(float(done.stdout.decode().split()[-1]))
    return runs


def make_plan(folder: Path, indicators: int) -> Path:
    plan = folder / "dashboard.qdplan"
    script = Path(__file__).with_name("make_large_plan.py")
    cmd = [sys.executable, str(script), str(plan), "--tasks", "100"]
    cmd += ["--indicators", str(indicators), "--force", "--quiet"]
    subprocess.run(cmd, check=True)
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--indicators", type=int, default=200, help="when generating a plan")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2025, 12, 31))
    parser.add_argument("--png", type=Path, help="also save the last dashboard here")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from qdplanner.reports.indicator_charts import dashboard_figure, save_figure
    from qdplanner.store import PlanStore
    from qdplanner.store.indicators import read_indicators

    with tempfile.TemporaryDirectory() as tmp:
        plan = args.plan or make_plan(Path(tmp), args.indicators)
        store = PlanStore.open(plan, readonly=True)
        try:
            rows = read_indicators(store, as_of=args.as_of)
            dashboard_figure(rows)  # warm-up: fonts, caches
            FigureCanvasAgg(dashboard_figure(rows)).draw()
            times: dict[str, list[float]] = {"read": [], "build": [], "draw": [], "total": []}
            fig = None
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                rows = read_indicators(store, as_of=args.as_of)
                t1 = time.perf_counter()
                fig = dashboard_figure(rows, title="指标仪表盘")
                t2 = time.perf_counter()
                FigureCanvasAgg(fig).draw()
                t3 = time.perf_counter()
                times["read"].append(t1 - t0)
                times["build"].append(t2 - t1)
                times["draw"].append(t3 - t2)
                times["total"].append(t3 - t1)
        finally:
            store.close()
        if args.png and fig is not None:
            save_figure(fig, args.png)
        cold = cold_runs(plan, args.as_of, args.repeat)
        cold_figure = cold_runs(plan, args.as_of, args.repeat, COLD_FIGURE)

    print(f"{len(rows)} indicators, {len(fig.axes)} axes, {args.repeat} runs (median)")
    for name, ts in times.items():
        print(f"  {name:<6} {statistics.median(ts) * 1000:8.1f} ms   (min {min(ts) * 1000:.1f})")
    total = statistics.median(times["total"])
    verdict = "OK" if total < GOAL else "SLOWER THAN GOAL"
    print(f"build + draw {total:.3f} s, goal < {GOAL:.0f} s: {verdict}")
    first = statistics.median(cold)
    met = first < COLD_GOAL
    print(f"  cold   {first * 1000:8.1f} ms   (min {min(cold) * 1000:.1f}, max "
          f"{max(cold) * 1000:.1f}): the window's dashboard, the first time after start-up, "
          f"goal < {COLD_GOAL} s: {'met' if met else 'MISSED'}")  # fmt: skip
    print(f"  cold figure {statistics.median(cold_figure) * 1000:8.1f} ms   (min "
          f"{min(cold_figure) * 1000:.1f}, max {max(cold_figure) * 1000:.1f}): matplotlib's "
          "whole dashboard, first time (exports, report)")  # fmt: skip
    if args.json:
        goals = {"dashboard_cold": {"value": first, "limit": COLD_GOAL, "met": met}}
        figures = {k: statistics.median(v) for k, v in times.items()}
        out = {**figures, "cold": cold, "cold_figure": cold_figure, "goals": goals}
        args.json.write_text(json.dumps(out, indent=2))
    return 0 if total < GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
