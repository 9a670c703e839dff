"""How long drafting a period's narrative takes on a large plan (issue 16, item 4).

    .venv/bin/python bench/bench_narrative.py [PLAN] [--repeat 3] [--period 2025Q4]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py).
Times, ``--repeat`` times after one untimed warm-up, for the period (default 2025Q4):

draft-all    ``qdplanner narrative PLAN 2025Q4 --draft``: every program's and project's four
             sections drafted from the data (the tasks judged at the period's end, the
             period's reports read, grouped and de-duplicated)
data         of which: reading the tasks as they stood and the period's reports
drafting     of which: the drafting alone (domain/narrative.py), every program and project
one-scope    the Narrative tab showing one program once the period's data is read
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
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 23)  # the date make_large_plan.py draws its figures for


def make_plan(folder: Path) -> Path:
    plan = folder / "large.qdplan"
    script = Path(__file__).with_name("make_large_plan.py")
    subprocess.run([sys.executable, str(script), str(plan), "--force", "--quiet"], check=True)
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--period", default="2025Q4")
    args = parser.parse_args(argv)

    from qdplanner.domain.narrative import Section, draft_narrative
    from qdplanner.domain.periods import parse_period
    from qdplanner.store import PlanStore
    from qdplanner.store.narratives import narrative_tasks, read_narrative, read_narratives

    period = parse_period(args.period)
    times: dict[str, list[float]] = {"draft-all": [], "data": [], "drafting": [],
                                     "one-scope": []}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = args.plan or make_plan(folder)
        plan = folder / "bench.qdplan"
        shutil.copy(source, plan)
        with PlanStore.open(plan) as store:
            tasks_n = store.db.execute("SELECT count(*) FROM tasks").fetchone()[0]
            reports_n = store.db.execute(
                "SELECT count(*) FROM progress_reports WHERE period = ?", [period.code]
            ).fetchone()[0]
            for run in range(args.repeat + 1):
                t0 = time.perf_counter()
                narratives = read_narratives(store, period.code, "zh", TODAY, redraft=True)
                t1 = time.perf_counter()
                data = narrative_tasks(store, period.code, TODAY)
                t2 = time.perf_counter()
                for scope_tasks in data.values():
                    draft_narrative(scope_tasks, period, "zh")
                t3 = time.perf_counter()
                read_narrative(store, period.code, narratives[0].scope, "zh", TODAY, tasks=data)
                t4 = time.perf_counter()
                if run:  # the first run warms caches
                    times["draft-all"].append(t1 - t0)
                    times["data"].append(t2 - t1)
                    times["drafting"].append(t3 - t2)
                    times["one-scope"].append(t4 - t3)
    lines = sum(len(n.text(Section.RESULTS).splitlines()) for n in narratives)
    biggest = max(len(v) for v in data.values())
    print(f"plan: {tasks_n:,} tasks, {len(narratives)} programs and projects (the largest "
          f"{biggest:,} tasks), {reports_n:,} progress reports for {period.code}")  # fmt: skip
    print(f"主要成效 drafted: {lines:,} lines in all (at most 31 a program or project)")
    for key, values in times.items():
        best, median = min(values), statistics.median(values)
        print(f"{key:<10} best {best:6.3f} s   median {median:6.3f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
