"""How long closing a period and comparing two take on a large plan (issue 16, item 2).

    .venv/bin/python bench/bench_periods.py [PLAN] [--repeat 3]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py). On a
copy, a 2025Q4 collection round is recorded as issued to every lead unit (due 2026-01-10) and
half of the returns as in (a quarter of them after the due date). Times, ``--repeat`` times
after one untimed warm-up (goals: closing < 2 s, comparing < 1 s):

close         ``period close PLAN 2025Q4``: judge the plan at 2025-12-31 as it stood then and
              write every task's, indicator's and unit's row in one action (with its commit)
reopen        ``period reopen PLAN 2025Q4`` (the rows removed, the close marked; untimed goal)
compare       ``period compare PLAN 2025Q3 2025Q4``, both closed: two snapshots read, compared
compare-live  the same with 2025Q4 open: judged live at its end (the plan as it stood then)

Also printed: what one close adds to the plan file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

TODAY = date(2026, 11, 23)  # the date make_large_plan.py draws its figures for


def make_plan(folder: Path) -> Path:
    plan = folder / "large.qdplan"
    script = Path(__file__).with_name("make_large_plan.py")
    subprocess.run([sys.executable, str(script), str(plan), "--force", "--quiet"], check=True)
    return plan


def prepare(plan: Path) -> dict[str, int]:
    """A 2025Q4 round: issued to every lead unit, half of them returned (some late)."""
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store import PlanStore
    from qdplanner.store.collections import lead_units, record_issued, record_returned

    issued = datetime(2026, 1, 2, tzinfo=UTC)
    with PlanStore.open(plan) as store, store.action(ChangeSource.COMMAND, "bench") as changes:
        units = lead_units(store)
        for n, unit in enumerate(units):
            record_issued(store, changes, "2025Q4", unit.id, issued, "x.xlsx", date(2026, 1, 10))
            if n % 2:
                back = datetime(2026, 1, 8 if n % 4 == 1 else 20, tzinfo=UTC)
                record_returned(store, changes, "2025Q4", unit.id, back, "y.xlsx")
        tasks = store.db.execute("SELECT count(*) FROM tasks").fetchone()[0]
        indicators = store.db.execute("SELECT count(*) FROM indicators").fetchone()[0]
    return {"units": len(units), "tasks": tasks, "indicators": indicators}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store import PlanStore
    from qdplanner.store.periods import close_period, compare_periods, reopen_period

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = args.plan or make_plan(folder)
        plan = folder / "bench.qdplan"
        shutil.copy(source, plan)
        facts = prepare(plan)
        times: dict[str, list[float]] = {"close": [], "reopen": [], "compare": [],
                                         "compare-live": []}  # fmt: skip
        with PlanStore.open(plan) as store:
            with store.action(ChangeSource.COMMAND, "bench: close 2025Q3") as changes:
                close_period(store, changes, "2025Q3", today=TODAY)
            before = plan.stat().st_size
            grown = 0
            for run in range(args.repeat + 1):
                t0 = time.perf_counter()
                live = compare_periods(store, "2025Q3", "2025Q4", today=TODAY)
                t1 = time.perf_counter()
                with store.action(ChangeSource.COMMAND, "bench: close 2025Q4") as changes:
                    close_period(store, changes, "2025Q4", today=TODAY)
                t2 = time.perf_counter()
                grown = plan.stat().st_size - before
                result = compare_periods(store, "2025Q3", "2025Q4", today=TODAY)
                t3 = time.perf_counter()
                with store.action(ChangeSource.COMMAND, "bench: reopen 2025Q4") as changes:
                    reopen_period(store, changes, "2025Q4")
                t4 = time.perf_counter()
                if run:  # the first run warms caches
                    times["compare-live"].append(t1 - t0)
                    times["close"].append(t2 - t1)
                    times["compare"].append(t3 - t2)
                    times["reopen"].append(t4 - t3)
            assert result.counts() == live.counts()  # the snapshot says what was judged
    counts = result.counts()
    units = counts["units_late"] + counts["units_not_returned"]
    print(f"plan: {facts['tasks']:,} tasks, {facts['indicators']} indicators, "
          f"{facts['units']} lead units")  # fmt: skip
    print(f"2025Q3 → 2025Q4: {counts['lights_better']:,} lights better, "
          f"{counts['lights_worse']:,} worse, {counts['newly_done']:,} newly done, "
          f"{counts['newly_overdue']:,} newly overdue, {counts['no_report']:,} with no report, "
          f"{counts['indicators_moved']} indicators moved, {units} units late/missing")  # fmt: skip
    print(f"one close adds about {grown / 1048576:.1f} MB to the plan file")
    goals = {"close": 2.0, "compare": 1.0, "compare-live": 1.0}
    for key, values in times.items():
        best, median = min(values), statistics.median(values)
        goal = f"   (goal < {goals[key]:.0f} s)" if key in goals else ""
        print(f"{key:<13} best {best:6.3f} s   median {median:6.3f} s{goal}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
