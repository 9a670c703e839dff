"""How long the indicator dashboard takes to build and draw for 200 indicators.

    .venv/bin/python bench/bench_dashboard.py [PLAN] [--repeat 5] [--as-of 2025-12-31]

Without PLAN a plan with 100 tasks and 200 indicators is generated in a temporary folder
(make_large_plan.py). Measures, ``--repeat`` times each (after one untimed warm-up run that
loads fonts and matplotlib's caches), and prints the median:

read        ``read_indicators(store, as_of=...)`` on a store opened once;
build       ``dashboard_figure(rows)``: the Figure with one axes per indicator;
draw        ``FigureCanvasAgg(fig).draw()``: rendering it (what a window or a PNG pays);
total       build + draw. The goal: under 1 s for 200 indicators.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

GOAL = 1.0  # seconds to build and draw the dashboard


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

    print(f"{len(rows)} indicators, {len(fig.axes)} axes, {args.repeat} runs (median)")
    for name, ts in times.items():
        print(f"  {name:<6} {statistics.median(ts) * 1000:8.1f} ms   (min {min(ts) * 1000:.1f})")
    total = statistics.median(times["total"])
    verdict = "OK" if total < GOAL else "SLOWER THAN GOAL"
    print(f"build + draw {total:.3f} s, goal < {GOAL:.0f} s: {verdict}")
    return 0 if total < GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
