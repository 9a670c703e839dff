"""Editors at once on a server plan (issue 19, step 7): no lost update, conflicts counted,
commit time; and the task table read from the server against the file.

    .venv/bin/python bench/bench_concurrent.py [PLAN] [--url postgresql://…] [--writers 5]
        [--edits 1000] [--own 100] [--shared 10] [--share 0.3] [--think 0.002]

PLAN: default ``bench/out/large.qdplan`` (20,000 tasks). Without ``--url`` a throw-away
PostgreSQL server is started as the tests start it (tests/pg_server.py, fsync off) and PLAN
copied there (``copy_plan``); with ``--url`` PLAN is copied over that database.

Each writer process opens its own ``PlanStore`` on the server plan (its own client) and
makes ``--edits`` edits, each a read-modify-write of a counter a task keeps in its notes,
as an editor does it: the view reads (``seen = latest_batch()``, then the task's counter),
the editor thinks (``--think`` s: other writers commit meanwhile), then one action with
``seen`` writes counter + 1. A ``--share`` of the edits go to ``--shared`` tasks every
writer edits, the rest to ``--own`` tasks of its own. An edit refused with a
``ConflictError`` is counted and dropped (the editor would see the fresh value); a lost
update would show as a counter below the number of increments saved (``--no-check``
edits without ``seen``, as before step 7: the count then finds the updates lost).

At the end every task's counter must equal the increments saved to it, and the change log
must hold exactly one ``notes`` change per saved edit, in the batch its writer was told,
written by that writer's client, with the value it wrote. Printed: edits saved, conflicts
(and how many were on shared tasks), lost updates (must be 0), commit time per action
(median, p95 — goal < 50 ms), throughput; then ``read_task_rows`` of the whole plan from the
server and from the file (median of ``--reads``; goal: server ≤ 2× file).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_server import ensure_plan, start_server  # noqa: E402  (beside this script)


def _writer(url: str, number: int, own: list[int], shared: list[int], args, start, out) -> None:
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store import PlanStore
    from qdplanner.store.conflicts import ConflictError

    rng = random.Random(number)
    store = PlanStore.open(url)
    saved: list[tuple[int, int, int]] = []  # (task, batch, value written)
    conflicts: Counter[str] = Counter()
    commits: list[float] = []
    start.wait()
    began = time.perf_counter()
    for _ in range(args.edits):
        is_shared = rng.random() < args.share
        task = rng.choice(shared if is_shared else own)
        seen = store.latest_batch()  # the view loads …
        value = int(store.db.execute("SELECT notes FROM tasks WHERE id = ?", [task]).fetchone()[0])
        if args.think:
            time.sleep(rng.uniform(0, 2 * args.think))  # … the editor types
        t0 = time.perf_counter()
        try:
            checked = None if args.no_check else seen
            with store.action(ChangeSource.TABLE, f"bench {number}", seen=checked) as changes:
                changes.update("tasks", task, {"notes": str(value + 1)})
        except ConflictError:
            conflicts["shared" if is_shared else "own"] += 1
            continue
        finally:
            commits.append(time.perf_counter() - t0)
        saved.append((task, changes.written_batch, value + 1))
    elapsed = time.perf_counter() - began
    out.put((number, store.client, saved, dict(conflicts), commits, elapsed))
    store.close()


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _prepare(url: str, tasks: list[int]) -> None:
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store import PlanStore

    with PlanStore.open(url) as store, store.action(ChangeSource.COMMAND, "bench") as changes:
        for task in tasks:
            changes.update("tasks", task, {"notes": "0"})


def _check(url: str, results: list, tasks: list[int]) -> tuple[int, list[str]]:
    """(increments lost, what does not add up: each a sentence); (0, []): all accounted."""
    from qdplanner.store import PlanStore

    problems = []
    lost = 0
    increments: Counter[int] = Counter()
    told: dict[int, tuple[str, int, int]] = {}
    for _number, client, saved, _conflicts, _commits, _elapsed in results:
        for task, batch, value in saved:
            increments[task] += 1
            told[batch] = (client, task, value)
    with PlanStore.open(url) as store:
        marks = ",".join("?" * len(tasks))
        counters = dict(
            store.db.execute(f"SELECT id, notes FROM tasks WHERE id IN ({marks})", tasks)
        )
        for task in tasks:
            if int(counters[task]) != increments[task]:
                lost += increments[task] - int(counters[task])
                problems.append(
                    f"task {task}: counter {counters[task]}, {increments[task]} increments saved"
                    " — an update was lost"
                )
        logged = store.db.execute(
            "SELECT b.id, b.client, l.entity_id, l.new_value FROM change_batches b"
            " JOIN change_log l ON l.batch_id = b.id"
            " WHERE b.description LIKE 'bench %' AND l.field = 'notes'"
        ).fetchall()
    seen_batches = set()
    for batch, client, task, value in logged:
        seen_batches.add(batch)
        if told.get(batch) != (client, task, int(value)):
            problems.append(f"batch {batch}: logged {client, task, value}, told {told.get(batch)}")
    missing = set(told) - seen_batches
    if missing:
        problems.append(f"{len(missing)} saved edits have no change in the log")
    return lost, problems


def _read_time(plan, reads: int) -> float:
    from qdplanner.store import PlanStore
    from qdplanner.store.task_rows import Scope, read_task_rows

    runs = []
    with PlanStore.open(plan, readonly=True) as store:
        read_task_rows(store, Scope())  # warm: catalogue, statement cache, file cache
        for _ in range(reads):
            t0 = time.perf_counter()
            rows = read_task_rows(store, Scope(), descriptions=False)
            runs.append(time.perf_counter() - t0)
    assert len(rows) > 0
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", nargs="?", type=Path, default=ROOT / "bench/out/large.qdplan")
    parser.add_argument("--url", help="a database to copy PLAN over (default: a test server)")
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--own", type=int, default=100, help="tasks only one writer edits")
    parser.add_argument("--shared", type=int, default=10, help="tasks every writer edits")
    parser.add_argument("--share", type=float, default=0.3, help="edits to shared tasks")
    parser.add_argument("--think", type=float, default=0.002, help="mean s between read, write")
    parser.add_argument("--reads", type=int, default=7)
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="edits without seen: shows the count finding lost updates",
    )
    args = parser.parse_args()
    ensure_plan(args.plan)

    from qdplanner.store.plan_copy import copy_plan

    server = start_server(args.url)
    try:
        url = args.url or server.url(server.create_database("bench"))
        with tempfile.TemporaryDirectory(prefix="bench-concurrent-") as folder:
            plan = Path(folder) / "plan.qdplan"
            copy_plan(args.plan, plan)  # the file read at this schema, as the server's copy
            copy_plan(plan, url, overwrite=True)
            from qdplanner.store import PlanStore

            with PlanStore.open(url) as store:
                ids = [r[0] for r in store.db.execute("SELECT id FROM tasks ORDER BY id")]
            rng = random.Random(19)
            chosen = rng.sample(ids, args.writers * args.own + args.shared)
            shared = chosen[: args.shared]
            owns = [
                chosen[args.shared + i * args.own : args.shared + (i + 1) * args.own]
                for i in range(args.writers)
            ]
            _prepare(url, chosen)

            ctx = mp.get_context("spawn")
            start, out = ctx.Event(), ctx.Queue()
            procs = [
                ctx.Process(target=_writer, args=(url, n, owns[n], shared, args, start, out))
                for n in range(args.writers)
            ]
            for p in procs:
                p.start()
            time.sleep(2.0)  # every writer connected
            began = time.perf_counter()
            start.set()
            results = [out.get() for _ in procs]
            wall = time.perf_counter() - began
            for p in procs:
                p.join()
            lost, problems = _check(url, results, chosen)

            saved = sum(len(r[2]) for r in results)
            conflicts: Counter[str] = Counter()
            for r in results:
                conflicts.update(r[3])
            commits = [c for r in results for c in r[4]]
            print(f"plan: {args.plan.name}, {len(ids):,} tasks, on {url.split('?')[0]}")
            print(
                f"{args.writers} writers × {args.edits} edits ({args.share:.0%} to "
                f"{args.shared} shared tasks, {args.own} own each, think ~{args.think * 1000:.0f}"
                f" ms): {wall:.1f} s, {saved / wall:.0f} saved edits/s"
            )
            print(
                f"saved: {saved}, conflicts reported: {sum(conflicts.values())} "
                f"(shared tasks {conflicts['shared']}, own tasks {conflicts['own']})"
            )
            print(f"lost updates: {lost}" + "".join(f"\n  {p}" for p in problems[:5]))
            p95 = _percentile(commits, 95)
            print(
                f"commit (one action: lock, check, write, log, notify, commit): median "
                f"{statistics.median(commits) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, max "
                f"{max(commits) * 1000:.1f} ms  (goal p95 < 50 ms: "
                f"{'met' if p95 < 0.05 else 'MISSED'})"
            )
            on_file = _read_time(plan, args.reads)
            on_server = _read_time(url, args.reads)
            print(
                f"task table (read_task_rows, whole plan): file {on_file * 1000:.0f} ms, server "
                f"{on_server * 1000:.0f} ms = {on_server / on_file:.2f}× (goal ≤ 2×: "
                f"{'met' if on_server <= 2 * on_file else 'MISSED'})"
            )
            if problems:
                raise SystemExit(1)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
