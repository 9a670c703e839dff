"""How long ``qdplanner status PLAN --json`` takes on a large plan, and its summary in-process.

    .venv/bin/python bench/bench_status.py [PLAN] [--repeat 5] [--json OUT]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py).
Measures, ``--repeat`` times each (after one untimed run that warms the OS file cache):

command     the whole ``qdplanner status PLAN --json`` as a subprocess (the installed console
            script next to this Python, else ``python -m qdplanner``), and its peak memory
            (ru_maxrss, read from a small parent: see PEAK_PROBE);
start-up    ``python -c "import qdplanner.cli.commands, ..."`` (the modules the command
            imports): the part of the command that is interpreter start-up and imports, not
            work on the plan;
summarize   ``summarize(store)`` in this process, on a store opened once;
as-it-stood ``summarize(store, as_of=D, history=True)``: the plan as it stood at a past date D
            (a year ago), every task judged from its latest progress report by then — the
            issue-16 goal is "no slower than today's" (the summarize line above);
in-process  ``PlanStore.open`` + ``summarize`` + ``status_json`` + ``json.dumps``: the
            command's work without start-up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

# What ``qdplanner status`` imports: the CLI, and inside the command the store and report.
COMMAND_MODULES = [
    "qdplanner.cli.commands",
    "qdplanner.reports.status_text",
    "qdplanner.store",
    "qdplanner.store.summary",
]


def status_command(plan: Path) -> list[str]:
    script = Path(sys.executable).with_name("qdplanner")
    if script.exists():
        return [str(script), "status", str(plan), "--json"]
    return [sys.executable, "-m", "qdplanner", "status", str(plan), "--json"]


def timed(func, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return times


def run_checked(cmd: list[str]) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}): {proc.stderr}")
    return proc.stdout


# Run a command from a fresh, small Python and print the command's ru_maxrss. A child's
# ru_maxrss keeps the high-water mark of the process it was forked from (Linux carries it over
# exec), so the command's own peak is only seen from a parent smaller than it.
PEAK_PROBE = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def command_peak_mb(cmd: list[str]) -> float:
    rss = int(run_checked([sys.executable, "-c", PEAK_PROBE, *cmd]))
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def describe(times: list[float]) -> str:
    return (
        f"median {statistics.median(times) * 1000:6.0f} ms, "
        f"min {min(times) * 1000:6.0f} ms, max {max(times) * 1000:6.0f} ms"
    )


def measure(plan: Path, repeat: int) -> dict:
    from qdplanner.reports.status_text import status_json
    from qdplanner.store import PlanStore
    from qdplanner.store.summary import summarize

    cmd = status_command(plan)
    peak = command_peak_mb(cmd)
    startup_cmd = [sys.executable, "-c", f"import {', '.join(COMMAND_MODULES)}"]
    out = json.loads(run_checked(cmd))  # warm-up, and a check that the output is JSON
    run_checked(startup_cmd)

    def whole() -> None:
        with PlanStore.open(plan, readonly=True) as store:
            summary = summarize(store)
        json.dumps(status_json(plan, summary), ensure_ascii=False, indent=2)

    past = date.today() - timedelta(days=365)
    with PlanStore.open(plan, readonly=True) as store:
        summarize(store)
        reports = store.db.execute("SELECT count(*) FROM progress_reports").fetchone()[0]
        steps = {
            "command_s": lambda: run_checked(cmd),
            "startup_s": lambda: run_checked(startup_cmd),
            "summarize_s": lambda: summarize(store),
            "history_s": lambda: summarize(store, as_of=past, history=True),
            "in_process_s": whole,
        }
        times: dict[str, list[float]] = {k: [] for k in steps}
        for _ in range(repeat):  # interleaved rounds: a drift in speed hits each step alike
            for key, step in steps.items():
                times[key].extend(timed(step, 1))
    return {
        "plan": str(plan),
        "repeat": repeat,
        "command": " ".join(cmd),
        "tasks": out["counts"]["tasks"],
        "overdue": len(out["overdue"]),
        "reports": reports,
        "command_peak_mb": peak,
        **times,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", nargs="?", type=Path, help="plan file (default: generate one)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the results as JSON to this file")
    args = parser.parse_args(argv)

    tmp = None
    plan = args.plan
    if plan is None:
        tmp = tempfile.TemporaryDirectory(prefix="qdplanner-bench-")
        plan = Path(tmp.name) / "large.qdplan"
        run_checked(
            [
                sys.executable,
                str(Path(__file__).with_name("make_large_plan.py")),
                str(plan),
                "--quiet",
            ]
        )
    try:
        result = measure(plan, args.repeat)
    finally:
        if tmp is not None:
            tmp.cleanup()

    print(
        f"Plan {plan}: {result['tasks']} tasks, {result['overdue']} overdue; "
        f"{args.repeat} runs each"
    )
    print(
        f"qdplanner status --json (subprocess) {describe(result['command_s'])}; "
        f"peak RSS {result['command_peak_mb']:.0f} MB"
    )
    print(f"  start-up + imports only            {describe(result['startup_s'])}")
    print(f"summarize(store), in-process         {describe(result['summarize_s'])}")
    print(
        f"summarize as it stood a year ago     {describe(result['history_s'])} "
        f"({result['reports']:,} progress reports)"
    )
    print(f"open + summarize + JSON, in-process  {describe(result['in_process_s'])}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
