"""What "keep a late recovery yellow" (sticky yellow) costs when the lights are read.

    .venv/bin/python bench/bench_sticky_yellow.py [PLAN] [--tasks 100000] [--quarters 4]
                                                  [--repeat 5]

Without PLAN a synthetic plan of ``--tasks`` tasks is generated in a temporary folder
(make_large_plan.py; its progress reports cover about a quarter of the tasks), and then
``--quarters`` quarterly progress reports are added for every dated task (2026Q1 … ), so the
one extra query reads a report table several times the task count. Prints, as medians of
``--repeat`` runs on a store opened once, ``read_task_rows`` of the whole plan at the
generator's reference day with sticky yellow off and on, of one project, and of one task (a
row refreshed after an edit), and how many tasks the rule keeps yellow.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_large_plan import REFERENCE_DAY, make_plan

from qdplanner.domain.enums import StatusLight
from qdplanner.store import PlanStore
from qdplanner.store.task_rows import Scope, ScopeKind, read_task_rows


def add_reports(path: Path, quarters: int) -> int:
    """``quarters`` reports of 2026 for every dated task not yet reporting them: a percent
    that was behind early and caught up later, so the rule has work to do."""
    with PlanStore.open(path) as store, store.db.atomic():
        tasks = store.db.execute(
            "SELECT id, percent FROM tasks WHERE due_date IS NOT NULL"
        ).fetchall()
        rows = [
            (task_id, f"2026Q{q}", "in_progress", max(0, min(99, percent - 10 * (quarters - q))))
            for task_id, percent in tasks
            for q in range(1, quarters + 1)
        ]
        cursor = store.db.conn.executemany(
            "INSERT OR IGNORE INTO progress_reports (task_id, period, status, percent) "
            "VALUES (?, ?, ?, ?)",
            rows,
        )
        return cursor.rowcount


def median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", nargs="?", type=Path, help="plan file (default: generate one)")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--quarters", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    tmp = None
    plan = args.plan
    if plan is None:
        tmp = tempfile.TemporaryDirectory(prefix="qdplanner-bench-")
        plan = Path(tmp.name) / "large.qdplan"
        make_plan(plan, tasks=args.tasks)
        added = add_reports(plan, args.quarters)
        print(f"generated {plan} with {args.tasks:,} tasks; added {added:,} progress reports")
    with PlanStore.open(plan, readonly=True) as store:
        tasks = store.db.execute("SELECT count(*) FROM tasks").fetchone()[0]
        reports = store.db.execute("SELECT count(*) FROM progress_reports").fetchone()[0]
        project = store.db.execute(
            "SELECT project_id, count(*) FROM tasks WHERE project_id IS NOT NULL GROUP BY 1 LIMIT 1"
        ).fetchone()
        task = store.db.execute("SELECT task_id FROM progress_reports LIMIT 1").fetchone()[0]
        base = store.light_rules()
        off, on = replace(base, sticky_yellow=False), replace(base, sticky_yellow=True)

        def rows(rules, scope=None):
            return read_task_rows(store, scope or Scope(), as_of=REFERENCE_DAY, rules=rules)

        rows(on)  # warm the file cache
        yellow_off = sum(r.light == StatusLight.YELLOW for r in rows(off))
        yellow_on = sum(r.light == StatusLight.YELLOW for r in rows(on))
        print(f"plan: {tasks:,} tasks, {reports:,} progress reports; as of {REFERENCE_DAY}")
        print(
            f"yellow: {yellow_off:,} without the rule, {yellow_on:,} with it "
            f"(+{yellow_on - yellow_off:,} late recoveries kept yellow)"
        )
        figures = {
            "whole plan, sticky off": lambda: rows(off),
            "whole plan, sticky on": lambda: rows(on),
            f"one project ({project[1]:,} tasks), sticky off":
                lambda: rows(off, Scope(ScopeKind.PROJECT, project[0])),
            f"one project ({project[1]:,} tasks), sticky on":
                lambda: rows(on, Scope(ScopeKind.PROJECT, project[0])),
            "one task (row refresh), sticky off": lambda: rows(off, Scope(ScopeKind.TASK, task)),
            "one task (row refresh), sticky on": lambda: rows(on, Scope(ScopeKind.TASK, task)),
        }  # fmt: skip
        for name, func in figures.items():
            print(f"{name:48} median {median_ms(func, args.repeat):8.1f} ms")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
