"""How long chasing late units and exporting evidence take on a large plan (issue 16, 5–6).

    .venv/bin/python bench/bench_chasing.py [PLAN] [--repeat 3] [--files 300]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py). On a
copy, a 2024Q3 round is recorded as issued to every lead unit (due 2024-10-10; no workbooks
are written: that is ``collect``'s own cost), half of the units' returns marked partial, and
``--files`` evidence files of 64 KB attached to 2025Q4 reports. Times, ``--repeat`` times
after one untimed warm-up:

status    ``collection_status``: every unit's standing (``collect-status``)
late      ``late_units``: the units to chase with their open tasks (``collect-status --late``)
notices   every late unit's 催办通知 as Word documents (``collect-remind``), per notice too
evidence  the period's evidence .zip with its index sheet (``qdplanner evidence``)
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

AS_OF = date(2024, 10, 20)


def make_plan(folder: Path) -> Path:
    plan = folder / "large.qdplan"
    script = Path(__file__).with_name("make_large_plan.py")
    subprocess.run([sys.executable, str(script), str(plan), "--force", "--quiet"], check=True)
    return plan


def prepare(plan: Path, files: int) -> dict[str, int]:
    from qdplanner.domain.chasing import LeftEmpty
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store import PlanStore
    from qdplanner.store.collections import record_issued, record_returned, tasks_by_lead_unit
    from qdplanner.store.progress import ReportInput, add_evidence, record_progress

    issued = datetime(2024, 10, 1, tzinfo=UTC)
    with PlanStore.open(plan) as store, store.action(ChangeSource.COMMAND, "bench") as changes:
        by_unit = tasks_by_lead_unit(store)
        for n, (unit_id, tasks) in enumerate(sorted(by_unit.items())):
            record_issued(store, changes, "2024Q3", unit_id, issued, "x.xlsx", date(2024, 10, 10))
            if n % 2:
                empty = [LeftEmpty(t.id, 4 + i) for i, t in enumerate(tasks[1:])]
                record_returned(store, changes, "2024Q3", unit_id, issued, "y.xlsx",
                                left_empty=empty)  # fmt: skip
        task_ids = [t.id for tasks in by_unit.values() for t in tasks][:files]
        blob = os.urandom(64 * 1024)
        for task_id in task_ids:
            report = record_progress(store, changes, task_id,
                                     ReportInput("2025Q4", "in_progress", 50))  # fmt: skip
            add_evidence(store, changes, report, f"佐证{task_id}.pdf", blob)
        return {"units": len(by_unit), "tasks": sum(len(t) for t in by_unit.values())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from qdplanner.excel.evidence_export import export_evidence
    from qdplanner.reports.reminder import reminder_notices, write_notices
    from qdplanner.store import PlanStore
    from qdplanner.store.collections import collection_status, late_units

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = args.plan or make_plan(folder)
        plan = folder / "bench.qdplan"
        shutil.copy(source, plan)
        facts = prepare(plan, args.files)
        times: dict[str, list[float]] = {"status": [], "late": [], "notices": [], "evidence": []}
        counts: dict[str, int] = {}
        with PlanStore.open(plan, readonly=True) as store:
            for run in range(args.repeat + 1):
                out = folder / f"run{run}"
                t0 = time.perf_counter()
                rows = collection_status(store, "2024Q3", AS_OF)
                t1 = time.perf_counter()
                late = late_units(store, "2024Q3", AS_OF)
                t2 = time.perf_counter()
                notices = reminder_notices(store, "2024Q3", AS_OF)
                write_notices(notices, out / "notices", "zh")
                t3 = time.perf_counter()
                result = export_evidence(store, "2025Q4", out / "evidence.zip")
                t4 = time.perf_counter()
                if run:  # the first run warms caches and fonts
                    for key, value in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3),
                                          strict=True):  # fmt: skip
                        times[key].append(value)
                counts = {"rows": len(rows), "late": len(late), "notices": len(notices),
                          "open": sum(len(u.open_tasks) for u in late),
                          "files": len(result.files), "bytes": result.total_size}  # fmt: skip
                shutil.rmtree(out)
    print(f"plan: {facts['tasks']:,} led tasks, {facts['units']} lead units")
    print(f"late units: {counts['late']} of {counts['rows']}, {counts['open']:,} open tasks; "
          f"evidence: {counts['files']} files, {counts['bytes'] / 1048576:.1f} MB")  # fmt: skip
    for key, values in times.items():
        best, median = min(values), statistics.median(values)
        extra = ""
        if key == "notices" and counts["notices"]:
            extra = f"  ({median / counts['notices'] * 1000:.0f} ms per notice)"
        print(f"{key:<9} best {best:6.3f} s   median {median:6.3f} s{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
