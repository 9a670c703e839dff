"""Issue 19 tried by hand, repeatable: two people's windows and a third person's import on one
server plan at once, each as its own Linux user, on real X displays (Xvfb).

First follow the README's "Plans on a PostgreSQL server" on the machine: the server with TLS,
the database, the roles (two editors at least), and for each person a Linux user with
``~/.pgpass`` and ``~/.postgresql/root.crt``; then, as root::

    /opt/qdplanner/bin/python scripts/server_office_tryout.py run \\
        --host db.example.gov.cn --database qingdao_plan \\
        --window zhangsan --window wangfang --importer zhangsan --out /tmp/tryout

The Python that runs this must have qdplanner installed and be readable by those users (an
office PC's install, e.g. ``python3 -m venv /opt/qdplanner && /opt/qdplanner/bin/pip install
.``); each Linux user's database role is taken to be its name.

What ``run`` does, in order:

1. the importer exports the plan (``qdplanner export``); five tasks' percent are raised in
   that workbook (as a clerk would in Excel);
2. each window user starts the app — the same start-up as ``qdplanner URL``, on an Xvfb
   display of its own — driven from inside by a timer: clicks and keys sent with QTest to
   the task table (double-click the cell, select all, type, Enter), as a person types;
3. step 1: each window changes a task of its own (after the export, before the import);
4. step 2: ``qdplanner import URL WORKBOOK`` starts as the importer, in a process of its own,
   and each window changes another task while it runs;
5. every window watches for every other client's values and notes when each appeared;
6. each window saves a screenshot (``QWidget.grab()``) and quits; ``run`` reads the plan's
   final values (a new export) and the change log, and prints a verdict: every edit of the
   three clients kept, and each seen by the other windows, with the delay.

``window`` and ``log`` are the parts ``run`` starts as the other users.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

PERCENT, TITLE = 3, 1  # the task table's columns (qdplanner.ui.models.task_table.Col)
SEEN_WITHIN = 2.0  # seconds: issue 19's "within about 2 seconds"


def address(host: str, database: str, user: str, sslmode: str) -> str:
    return f"postgresql://{user}@{host}/{database}?sslmode={sslmode}"


# -- the window: the real app, driven from inside -------------------------------------------


def window_main(args: argparse.Namespace) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qdplanner.ui import app as qapp
    from qdplanner.ui.i18n import install_language

    control = Path(args.control)
    plan = json.loads((control / "plan.json").read_text(encoding="utf-8"))
    mine = plan["windows"][args.name]
    watches = [w for w in plan["watches"] if w["by"] != args.name]
    result: dict = {"name": args.name, "edits": [], "seen": {}, "errors": []}
    app = qapp.ensure_application()
    install_language(app, args.lang)
    controller = qapp.Controller(app, args.lang)
    sys.excepthook = lambda *exc: qapp.show_unexpected_error(*exc, store=controller.store)
    done: set[str] = set()

    def save() -> None:
        out = control / f"result-{args.name}.json"
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")

    def shown(view, task_id: int, column: int):
        row = view.tasks.row_of_task(task_id)
        return None if row is None else view.tasks.index(row, column).data()

    def type_into(view, task_id: int, column: int, value) -> None:
        table, model = view.table, view.tasks
        index = model.index(model.row_of_task(task_id), column)
        view.main_window.activateWindow()  # no window manager on Xvfb gives it the focus
        table.scrollTo(index)
        centre = table.visualRect(index).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        editor = QApplication.focusWidget() or view.main_window.focusWidget()
        if editor is None or editor is table:
            raise RuntimeError(f"no editor opened on task {task_id}, column {column}")
        QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        text = str(value)
        if text.isascii():
            QTest.keyClicks(editor, text)
        else:  # Chinese comes from an input method, as one committed string
            typed = QInputMethodEvent("", [])
            typed.setCommitString(text)
            QApplication.sendEvent(editor, typed)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        end = time.time() + 5  # the cell is written when the editor's commit is handled
        while str(shown(view, task_id, column)) != str(value) and time.time() < end:
            QApplication.processEvents()
            time.sleep(0.01)
        now = shown(view, task_id, column)
        result["edits"].append(
            {
                "task": task_id,
                "column": column,
                "value": value,
                "shown": now,
                "at": time.time(),
                "refused": view.last_refusal if str(now) != str(value) else "",
            }
        )

    def tick() -> None:
        window = controller.window
        view = window.plan_view if window is not None else None
        if view is None:
            return
        if "ready" not in done:
            done.add("ready")
            (control / f"ready-{args.name}").write_text("1")
        for watch in watches:
            key = f"{watch['by']}:{watch['task']}:{watch['column']}"
            if key not in result["seen"] and str(shown(view, watch["task"], watch["column"])) == (
                str(watch["value"])
            ):
                result["seen"][key] = time.time()
        step = (control / "step").read_text().strip() if (control / "step").exists() else ""
        if step in mine and step not in done:
            done.add(step)
            try:
                for edit in mine[step]:
                    type_into(view, edit["task"], edit["column"], edit["value"])
            except Exception as exc:  # said in the result, the window goes on
                result["errors"].append(f"{type(exc).__name__}: {exc}")
            save()
            (control / f"done-{args.name}-{step}").write_text("1")
        if step == "shot" and "shot" not in done:
            done.add("shot")
            window.grab().save(str(control / f"window-{args.name}.png"))
            result["status_bar"] = window.statusBar().currentMessage() or view.file_label.text()
            save()
            (control / f"done-{args.name}-shot").write_text("1")
            QTimer.singleShot(200, app.quit)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    controller.start(args.url)
    try:
        return app.exec()
    finally:
        controller.shutdown()


# -- the change log, read as one of the users -------------------------------------------------


def log_main(args: argparse.Namespace) -> int:
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(args.url, row_factory=dict_row) as conn:
        rows = conn.execute(
            "SELECT * FROM change_batches WHERE id > %s ORDER BY id", (args.after,)
        ).fetchall()
        count = conn.execute(
            "SELECT batch_id, count(*) AS n FROM change_log WHERE batch_id > %s GROUP BY batch_id",
            (args.after,),
        ).fetchall()
    counts = {r["batch_id"]: r["n"] for r in count}
    for row in rows:
        row["fields"] = counts.get(row["id"], 0)
    print(json.dumps(rows, ensure_ascii=False, default=str))
    return 0


# -- the office's morning, as root -------------------------------------------------------------


def as_user(user: str, command: list[str], **kwargs) -> subprocess.CompletedProcess:
    line = " ".join(shlex.quote(part) for part in command)
    return subprocess.run(["su", "-", user, "-c", line], text=True, capture_output=True, **kwargs)


def start_as_user(user: str, command: list[str], env: str = "") -> subprocess.Popen:
    line = env + " ".join(shlex.quote(part) for part in command)
    return subprocess.Popen(
        ["su", "-", user, "-c", line], text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def wait_for(paths: list[Path], seconds: float) -> None:
    end = time.time() + seconds
    while not all(p.exists() for p in paths):
        if time.time() > end:
            missing = ", ".join(p.name for p in paths if not p.exists())
            raise SystemExit(f"tryout: waited {seconds:.0f} s for {missing}")
        time.sleep(0.1)


def read_tasks(workbook: Path) -> dict[int, dict]:
    import openpyxl

    sheet = openpyxl.load_workbook(workbook, read_only=True)["Tasks"]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows)
    return {r[0]: dict(zip(header, r, strict=False)) for r in rows if r[0] is not None}


def run_main(args: argparse.Namespace) -> int:
    import openpyxl

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o1777)  # the users' windows write their results and screenshots here
    for old in out.iterdir():
        old.unlink()
    url = {
        u: address(args.host, args.database, u, args.sslmode) for u in {*args.window, args.importer}
    }
    python, script = sys.executable, str(Path(__file__).resolve())
    qd = str(Path(python).with_name("qdplanner"))

    workbook = out / "plan.xlsx"
    made = as_user(args.importer, [qd, "export", url[args.importer], str(workbook), "--lang", "en"])
    print(made.stdout.strip() or made.stderr.strip())
    if made.returncode:
        return 1
    before = read_tasks(workbook)
    log = as_user(args.importer, [python, script, "log", url[args.importer], "--after", "0"])
    last_batch = max((b["id"] for b in json.loads(log.stdout)), default=0)
    open_tasks = [
        t for t in before.values() if (t["Percent complete"] or 0) < 90 and t["Status"] != "Done"
    ]
    a, b = args.window[:2]
    imported, (xa, xb, za, zb) = open_tasks[:5], open_tasks[5:9]
    book = openpyxl.load_workbook(workbook)
    sheet = book["Tasks"]
    column = [c.value for c in sheet[1]].index("Percent complete") + 1
    wanted_import = {}
    for row in sheet.iter_rows(min_row=2):
        for n, task in enumerate(imported):
            if row[0].value == task["ID"]:
                wanted_import[task["ID"]] = task["Percent complete"] + 1 + n
                row[column - 1].value = wanted_import[task["ID"]]
    book.save(workbook)
    os.chmod(workbook, 0o644)

    def pct(task: dict, more: int) -> dict:
        return {
            "task": task["ID"],
            "column": PERCENT,
            "value": (task["Percent complete"] or 0) + more,
        }

    def title(task: dict, text: str) -> dict:
        return {"task": task["ID"], "column": TITLE, "value": text}

    windows = {
        a: {"1": [pct(xa, 5)], "2": [pct(za, 7)]},
        b: {"1": [title(xb, f"{b} 在导入前修改 {time.strftime('%H:%M:%S')}")], "2": [pct(zb, 3)]},
    }
    watches = [
        dict(e, by=name) for name, steps in windows.items() for s in steps.values() for e in s
    ]
    watches += [
        {"by": "import", "task": t, "column": PERCENT, "value": v} for t, v in wanted_import.items()
    ]
    plan = {"windows": windows, "watches": watches}
    (out / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")

    displays, servers, apps = [], [], []
    try:
        for n in range(2):
            display = f":{args.display + n}"
            servers.append(
                subprocess.Popen(
                    ["Xvfb", display, "-screen", "0", "1600x1000x24", "-ac", "-nolisten", "tcp"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            displays.append(display)
        time.sleep(1)
        for name, display in zip((a, b), displays, strict=True):
            command = [python, script, "window", url[name], "--name", name, "--control", str(out)]
            apps.append(start_as_user(name, command, env=f"DISPLAY={display} "))
        wait_for([out / f"ready-{n}" for n in (a, b)], 60)
        print(f"both windows show the plan: {a} on {displays[0]}, {b} on {displays[1]}")
        (out / "step").write_text("1")
        wait_for([out / f"done-{n}-1" for n in (a, b)], 30)
        print("step 1: each window changed a task")
        importer = start_as_user(
            args.importer, [qd, "import", url[args.importer], str(workbook), "--lang", "en"]
        )
        started = time.time()
        (out / "step").write_text("2")
        wait_for([out / f"done-{n}-2" for n in (a, b)], 30)
        print("step 2: each window changed another task while the import ran")
        imported_out, _ = importer.communicate(timeout=300)
        ended = time.time()
        print(f"import (exit {importer.returncode}, {ended - started:.1f} s):")
        print("  " + imported_out.strip().replace("\n", "\n  "))
        time.sleep(SEEN_WITHIN + 1)
        (out / "step").write_text("shot")
        wait_for([out / f"done-{n}-shot" for n in (a, b)], 30)
        for app in apps:
            app.communicate(timeout=30)
    finally:
        for app in apps:
            if app.poll() is None:
                app.terminate()
        for server in servers:
            server.terminate()
            server.wait()

    results = {
        n: json.loads((out / f"result-{n}.json").read_text(encoding="utf-8")) for n in (a, b)
    }
    final = out / "after.xlsx"
    as_user(args.importer, [qd, "export", url[args.importer], str(final), "--lang", "en"])
    after = read_tasks(final)
    log = as_user(
        args.importer, [python, script, "log", url[args.importer], "--after", str(last_batch)]
    )
    batches = json.loads(log.stdout)
    ok = importer.returncode == 0
    print("\nwhat the plan holds now:")
    names = {PERCENT: "Percent complete", TITLE: "Title"}
    for watch in watches:
        now = after[watch["task"]][names[watch["column"]]]
        kept = str(now) == str(watch["value"])
        ok &= kept
        print(
            f"  {'kept' if kept else 'LOST'}: task {watch['task']} {names[watch['column']]} = "
            f"{now!r} (by {watch['by']}, wanted {watch['value']!r})"
        )
    print("\nseen in the other windows:")
    done_at = {
        f"{n}:{e['task']}:{e['column']}": e["at"] for n, r in results.items() for e in r["edits"]
    }
    for name, result in results.items():
        for error in result["errors"]:
            ok = False
            print(f"  {name}: ERROR {error}")
        for edit in result["edits"]:
            if edit["refused"]:
                ok = False
                print(f"  {name}: edit of task {edit['task']} refused: {edit['refused']}")
        for watch in watches:
            if watch["by"] == name:
                continue
            key = f"{watch['by']}:{watch['task']}:{watch['column']}"
            seen = result["seen"].get(key)
            since = done_at.get(key, ended if watch["by"] == "import" else None)
            delay = None if seen is None or since is None else seen - since
            fine = delay is not None and delay <= SEEN_WITHIN
            ok &= fine
            if delay is None:
                shown = "never"
            elif delay < 0:  # the import commits, then prints and exits
                shown = f"{-delay:.2f} s before the import's process ended"
            else:
                shown = f"after {delay:.2f} s"
            print(f"  {name}'s window showed {key} {shown}{'' if fine else '  <-- too late'}")
    print("\nthe change log since the export:")
    for batch in batches:
        print(
            f"  #{batch['id']} {batch['at']} {batch['user']} [{batch['source']}] "
            f"{batch['description'][:60]} ({batch['fields']} fields)"
        )
    print(f"\nscreenshots: {', '.join(str(out / f'window-{n}.png') for n in (a, b))}")
    print("VERDICT:", "nothing lost, every change seen in time" if ok else "FAILED")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    run = sub.add_parser("run", help="the whole try, as root")
    run.add_argument("--host", required=True)
    run.add_argument("--database", required=True)
    run.add_argument("--sslmode", default="verify-full")
    run.add_argument("--window", action="append", required=True, help="a Linux user (twice)")
    run.add_argument("--importer", required=True, help="the Linux user who imports")
    run.add_argument("--out", default="/tmp/tryout")
    run.add_argument("--display", type=int, default=41, help="the first Xvfb display number")
    window = sub.add_parser("window", help="one window, driven (started by run)")
    window.add_argument("url")
    window.add_argument("--name", required=True)
    window.add_argument("--control", required=True)
    window.add_argument("--lang", default="zh_CN", help="zh_CN (the window's default) or en")
    log = sub.add_parser("log", help="the change log after a batch, as JSON")
    log.add_argument("url")
    log.add_argument("--after", type=int, default=0)
    args = parser.parse_args()
    if args.mode == "run" and len(args.window) != 2:
        parser.error("give --window twice: two people's windows")
    return {"run": run_main, "window": window_main, "log": log_main}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
