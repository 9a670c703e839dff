"""Whole commands as a user runs them: start-up, imports and work, one fresh process each.

    .venv/bin/python bench/bench_commands.py PLAN [--repeat 5] [--json OUT]
                                             [--sample] [--roundtrip PLAN_100K]

PLAN is the 20,000-task plan (bench/make_large_plan.py). Each command runs ``--repeat``
times after one untimed run (which fills the OS file cache and Python's byte-code cache, as
an installed program has them); the time is the wall clock from starting the process to its
exit, measured here in the parent. Median, min and max are printed.

status       ``qdplanner status PLAN --json`` (goal < 0.3 s)
report       ``qdplanner report PLAN OUT.pdf --as-of 2026-11-23`` (goal < 5 s)
report-sample  the same on the sample plan (``qdplanner init --sample``), with ``--sample``
             (goal < 2 s)
roundtrip    with ``--roundtrip PLAN``: ``qdplanner export`` of that plan, then ``qdplanner
             import`` of its own export into a copy, once (it takes tens of seconds); the
             import must change nothing (goal: both together < 60 s on 100,000 tasks)

The floor of a whole command is Python's own start-up, printed for scale (``python -c pass``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOALS = {"status": 0.3, "report": 5.0, "report-sample": 2.0, "roundtrip": 60.0}
AS_OF = "2026-11-23"


def qdplanner() -> list[str]:
    script = Path(sys.executable).with_name("qdplanner")
    return [str(script)] if script.exists() else [sys.executable, "-m", "qdplanner"]


def wall(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, done.stdout


def repeated(cmd: list[str], repeat: int) -> dict:
    wall(cmd)  # untimed: caches
    times = [wall(cmd)[0] for _ in range(repeat)]
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "runs": times}  # fmt: skip


def roundtrip(plan: Path, work: Path) -> dict:
    book = work / "roundtrip.xlsx"
    copy = work / "roundtrip.qdplan"
    shutil.copy(plan, copy)
    export_s, _ = wall([*qdplanner(), "export", str(copy), str(book)])
    import_s, out = wall([*qdplanner(), "import", str(copy), str(book), "--json"])
    result = json.loads(out)
    changes = {k: result[k] for k in ("added", "changed", "removed") if result.get(k)}
    return {"export": export_s, "import": import_s, "median": export_s + import_s,
            "min": export_s + import_s, "max": export_s + import_s, "changes": changes}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", action="store_true", help="also the sample plan's report")
    parser.add_argument("--roundtrip", type=Path, metavar="PLAN", help="export + import PLAN")
    parser.add_argument("--only", nargs="*", choices=list(GOALS))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    wanted = set(args.only or GOALS)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="qdplanner-bench-") as tmp:
        work = Path(tmp)
        figures["python"] = repeated([sys.executable, "-c", "pass"], args.repeat)
        if "status" in wanted:
            figures["status"] = repeated([*qdplanner(), "status", str(args.plan), "--json"],
                                         args.repeat)  # fmt: skip
        if "report" in wanted:
            out = work / "report.pdf"
            cmd = [*qdplanner(), "report", str(args.plan), str(out), "--as-of", AS_OF]
            figures["report"] = repeated(cmd, args.repeat)
        if args.sample and "report-sample" in wanted:
            sample = work / "sample.qdplan"
            wall([*qdplanner(), "init", str(sample), "--sample"])
            cmd = [*qdplanner(), "report", str(sample), str(work / "sample.pdf")]
            figures["report-sample"] = repeated(cmd, args.repeat)
        if args.roundtrip and "roundtrip" in wanted:
            figures["roundtrip"] = roundtrip(args.roundtrip, work)

    print(f"{'command':14s} {'median s':>9s} {'min s':>7s} {'max s':>7s}   goal")
    goals = {}
    for name, f in figures.items():
        goal = GOALS.get(name)
        verdict = ""
        if goal is not None:
            ok = f["median"] < goal
            goals[name] = {"value": f["median"], "limit": goal, "met": ok}
            verdict = f"< {goal:g} s {'met' if ok else 'MISSED'}"
        print(f"{name:14s} {f['median']:9.2f} {f['min']:7.2f} {f['max']:7.2f}   {verdict}")
    if "roundtrip" in figures:
        r = figures["roundtrip"]
        print(f"roundtrip: export {r['export']:.1f} s + import {r['import']:.1f} s; "
              f"changes {r['changes'] or 'none'}")  # fmt: skip
        if r["changes"]:
            goals["roundtrip"]["met"] = False
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "goals": goals}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
