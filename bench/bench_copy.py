"""How long ``qdplanner copy`` takes each way on a large plan (issue 19, step 8).

    .venv/bin/python bench/bench_copy.py [PLAN] [--url postgresql://…] [--repeat 3]

PLAN: default ``bench/out/large.qdplan`` (20,000 tasks; made by make_large_plan.py when
missing). Without ``--url`` a throw-away PostgreSQL server is started as the tests start it
(tests/pg_server.py: initdb and pg_ctl in a temporary folder, fsync off — so the server
side is not slowed by a disk's flushes; a production server's commit adds its own). Each
copy goes to a fresh database / file; median, min and max of ``--repeat`` runs:

file→server   copy_plan(PLAN, URL): read the file (a backup in memory), make the schema,
              COPY every table in binary, indexes, sequences, commit
server→file   copy_plan(URL, FILE): one REPEATABLE READ snapshot read with COPY … TO, written
              into a temporary plan file in one transaction, renamed
compare       compare_plans(PLAN, URL) — what ``copy --verify`` adds: both read whole,
              schema and every row compared

Also printed: rows, the file's size, and the plan's size on the server.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_server import ensure_plan, start_server  # noqa: E402  (beside this script)


def _timed(runs: list[float], func, *args, **kwargs):
    started = time.perf_counter()
    result = func(*args, **kwargs)
    runs.append(time.perf_counter() - started)
    return result


def _line(name: str, runs: list[float]) -> str:
    return (
        f"{name:<13} {statistics.median(runs):6.2f} s"
        f"  (min {min(runs):.2f}, max {max(runs):.2f}, n={len(runs)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", nargs="?", type=Path, default=ROOT / "bench/out/large.qdplan")
    parser.add_argument("--url", help="an empty database to copy into (default: a test server)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_plan(args.plan)

    from qdplanner.store.plan_compare import compare_plans
    from qdplanner.store.plan_copy import copy_plan

    server = start_server(args.url)
    try:
        there, back, compare = [], [], []
        report = None
        with tempfile.TemporaryDirectory(prefix="bench-copy-") as folder:
            for i in range(args.repeat):
                url = args.url or server.url(server.create_database("bench"))
                report = _timed(there, copy_plan, args.plan, url, overwrite=True)
                out = Path(folder) / f"back{i}.qdplan"
                returned = _timed(back, copy_plan, url, out)
                differences = _timed(compare, compare_plans, args.plan, url)
                if differences:
                    raise SystemExit(f"the copy differs: {differences[0]}")
            print(f"plan: {args.plan} ({args.plan.stat().st_size / 1e6:.1f} MB)")
            print(f"rows: {report.total_rows:,} in {len(report.rows)} tables")
            print(f"on the server: {report.size / 1e6:.1f} MB (tables and indexes)")
            print(f"copied back: {returned.size / 1e6:.1f} MB")
            print(_line("file→server", there))
            print(_line("server→file", back))
            print(_line("compare", compare))
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
