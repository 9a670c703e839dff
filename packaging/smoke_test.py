"""Smoke test of the one-folder build: its command line, and its window under Xvfb.

    .venv/bin/python packaging/smoke_test.py [--app dist/qdplanner] [--screenshot OUT.png]
                                             [--repeat 3] [--no-gui]

Runs the *built* executable (not this Python) with a fresh, empty HOME and XDG folders and a
PATH of /usr/bin:/bin only, so nothing of the checkout or the virtualenv can stand in for what
the build forgot. Checks, in order:

1. ``--version`` prints qdplanner's version;
2. ``init PLAN --sample``, then ``status PLAN --json`` counts the sample's 61 tasks;
3. ``export PLAN OUT.xlsx`` writes a workbook (a zip with xl/workbook.xml);
4. ``report PLAN OUT.pdf`` writes a PDF (whose text, when pdftotext is installed, has the
   Chinese title 进展情况汇总: translations and CJK fonts work frozen);
5. ``gantt PLAN OUT.png`` and ``gantt PLAN OUT.svg`` write the timeline (QtSvg is bundled);
6. the window: ``qdplanner`` with no argument, as a double-click starts it, on an Xvfb display
   with Qt's xcb plug-in. It must create the sample plan in the data folder and map a window
   titled "… — qdplanner"; the time from start to the mapped window is measured (--repeat
   times, median printed), and a screenshot of the screen is saved (look at it).

Prints the build's size and the start time; exits 1 on the first failure. The sub-commands run
with QT_QPA_PLATFORM=offscreen, as on a server.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "qdplanner-cli.exe" if sys.platform == "win32" else "qdplanner"
GUI_EXE_NAME = "qdplanner.exe" if sys.platform == "win32" else "qdplanner"


class SmokeFailure(Exception):
    pass


def folder_size(path: Path) -> tuple[int, int]:
    total = files = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            files += 1
    return total, files


def clean_env(home: Path) -> dict[str, str]:
    """A user's environment: nothing of the virtualenv, a fresh home and XDG folders."""
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    if sys.platform == "win32":  # not tested here: keep what Windows needs to start anything
        for key in ("SYSTEMROOT", "TEMP", "TMP", "APPDATA", "LOCALAPPDATA", "USERPROFILE"):
            if key in os.environ:
                env[key] = os.environ[key]
    return env


def run_cli(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> tuple[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [str(exe), *args],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SmokeFailure(
            f"qdplanner {' '.join(args)}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        )
    return proc.stdout, elapsed


def check_cli(exe: Path, env: dict[str, str], work: Path) -> None:
    from qdplanner import __version__

    plan = work / "sample.qdplan"
    steps = []

    out, dt = run_cli(exe, ["--version"], env, work)
    if __version__ not in out:
        raise SmokeFailure(f"--version printed {out!r}, not {__version__}")
    steps.append(("--version", dt))

    _, dt = run_cli(exe, ["init", str(plan), "--sample"], env, work)
    steps.append(("init --sample", dt))

    out, dt = run_cli(exe, ["status", str(plan), "--json"], env, work)
    counts = json.loads(out)["counts"]
    if counts.get("tasks") != 61:
        raise SmokeFailure(f"status --json: {counts}, expected 61 tasks")
    steps.append(("status --json", dt))

    xlsx = work / "plan.xlsx"
    _, dt = run_cli(exe, ["export", str(plan), str(xlsx)], env, work)
    with zipfile.ZipFile(xlsx) as book:
        if "xl/workbook.xml" not in book.namelist():
            raise SmokeFailure("export: not an .xlsx workbook")
    steps.append(("export .xlsx", dt))

    pdf = work / "summary.pdf"
    _, dt = run_cli(exe, ["report", str(plan), str(pdf)], env, work)
    if not pdf.read_bytes().startswith(b"%PDF"):
        raise SmokeFailure("report: not a PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        if "进展情况汇总" not in text:
            raise SmokeFailure(f"report: no Chinese title on page 1: {text[:200]!r}")
    steps.append(("report .pdf", dt))

    png = work / "gantt.png"
    _, dt = run_cli(exe, ["gantt", str(plan), str(png)], env, work)
    if not png.read_bytes().startswith(b"\x89PNG"):
        raise SmokeFailure("gantt: not a PNG")
    steps.append(("gantt .png", dt))

    svg = work / "gantt.svg"
    _, dt = run_cli(exe, ["gantt", str(plan), str(svg)], env, work)
    if b"<svg" not in svg.read_bytes()[:2000]:
        raise SmokeFailure("gantt: not an SVG")
    steps.append(("gantt .svg", dt))

    for name, seconds in steps:
        print(f"  ok  {name:16} {seconds:6.2f} s")


# --- the window under Xvfb ------------------------------------------------------------------
XVFB = ["Xvfb", "-screen", "0", "1440x900x24", "-nolisten", "tcp", "-noreset"]


def start_xvfb(attempts: int = 3) -> tuple[subprocess.Popen, str]:
    """Start Xvfb on a free display and wait until a client can connect.

    Xvfb picks the display itself (-displayfd); readiness is then checked with xwininfo, since
    an occasional server here dies just after start: then another one is started.
    """
    log = ""
    for _ in range(attempts):
        read_end, write_end = os.pipe()
        errors = tempfile.TemporaryFile()  # noqa: SIM115  (closed below, after the server)
        server = subprocess.Popen(
            [*XVFB, "-displayfd", str(write_end)],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        os.close(write_end)
        try:
            ready, _, _ = select.select([read_end], [], [], 30)
            number = os.read(read_end, 64).decode().strip() if ready else ""
        finally:
            os.close(read_end)
        display = f":{number}"
        deadline = time.monotonic() + 10
        while number.isdigit() and server.poll() is None and time.monotonic() < deadline:
            probe = subprocess.run(
                ["xwininfo", "-root"],
                env={"DISPLAY": display, "PATH": "/usr/bin:/bin"},
                capture_output=True,
            )
            if probe.returncode == 0:
                return server, display
            time.sleep(0.05)
        if server.poll() is None:
            server.kill()
        server.wait()
        errors.seek(0)
        log = errors.read().decode(errors="replace")[-1500:]
        errors.close()
    raise SmokeFailure(f"Xvfb did not start:\n{log}")


# A top-level window of class ("qdplanner" "qdplanner") (WM_CLASS: the program's name).
_WINDOW = re.compile(r'^\s*(0x[0-9a-f]+) "(.*)": \("qdplanner" "qdplanner"\)', re.M)


def mapped_window(display: str) -> tuple[str, str] | None:
    """(id, title) of a viewable top-level window of qdplanner's."""
    env = {"DISPLAY": display, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True
    ).stdout
    for window_id, title in _WINDOW.findall(tree):
        info = subprocess.run(
            ["xwininfo", "-id", window_id], env=env, capture_output=True, text=True
        ).stdout
        if "IsViewable" in info:
            return window_id, title
    return None


def start_window(exe: Path, env: dict[str, str], display: str) -> tuple[subprocess.Popen, float]:
    """Start the app; return it and the seconds until its window is mapped."""
    t0 = time.perf_counter()
    app = subprocess.Popen(
        [str(exe)],
        env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    while time.perf_counter() - t0 < 60:
        if mapped_window(display):
            return app, time.perf_counter() - t0
        if app.poll() is not None:
            output = app.stdout.read().decode(errors="replace")
            raise SmokeFailure(f"the window did not open (exit {app.returncode}):\n{output}")
        time.sleep(0.01)
    app.kill()
    raise SmokeFailure("no qdplanner window after 60 s")


def stop(app: subprocess.Popen) -> None:
    if app.poll() is None:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def check_window(
    exe: Path, env: dict[str, str], home: Path, screenshot: Path, repeat: int
) -> float:
    if not shutil.which("Xvfb") or not shutil.which("xwininfo"):
        raise SmokeFailure("Xvfb and xwininfo (x11-utils) are needed for the window test")
    server, display = start_xvfb()
    try:
        times = []
        for run in range(repeat):
            app, seconds = start_window(exe, env, display)
            times.append(seconds)
            if run == 0:
                # The window shows first; the sample plan is made once it is on screen.
                data_home = Path(env["XDG_DATA_HOME"])
                deadline = time.monotonic() + 30
                while not (samples := list(data_home.rglob("qingdao-sample.qdplan"))):
                    if time.monotonic() > deadline or app.poll() is not None:
                        raise SmokeFailure(f"the sample plan was not created under {data_home}")
                    time.sleep(0.05)
                _, title = mapped_window(display)
                print(f"  ok  window mapped    {seconds:6.2f} s  title: {title}")
                print(f"  ok  sample plan      {samples[0].relative_to(home)}")
            if run == repeat - 1:
                time.sleep(2.0)  # let it paint everything (the timeline tab, the status bar)
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run(
                    ["import", "-window", "root", str(screenshot)],
                    env={"DISPLAY": display, "PATH": "/usr/bin:/bin:/usr/local/bin"},
                    check=True,
                    timeout=60,
                )
                print(f"  ok  screenshot       {screenshot}")
            stop(app)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "qdplanner")
    parser.add_argument(
        "--screenshot", type=Path, default=ROOT / "build" / "smoke" / "frozen-window.png"
    )
    parser.add_argument("--repeat", type=int, default=3, help="window starts timed (median)")
    parser.add_argument("--no-gui", action="store_true", help="only the command line")
    args = parser.parse_args(argv)

    app_dir = args.app.resolve()
    exe = app_dir / EXE_NAME
    if not exe.exists():
        print(f"no build at {app_dir}: run packaging/build.py first", file=sys.stderr)
        return 1
    size, files = folder_size(app_dir)
    print(f"build: {app_dir} — {size / 2**20:.1f} MiB in {files} files")
    try:
        with tempfile.TemporaryDirectory(prefix="qdp-smoke-") as tmp:
            home = Path(tmp)
            env = clean_env(home)
            work = home / "work"
            work.mkdir()
            print("command line (offscreen):")
            check_cli(exe, env, work)
            if not args.no_gui:
                print("window (Xvfb, xcb):")
                median = check_window(app_dir / GUI_EXE_NAME, env, home, args.screenshot,
                                      max(1, args.repeat))  # fmt: skip
                print(f"start time to the mapped window: median {median:.2f} s "
                      f"of {max(1, args.repeat)} starts")  # fmt: skip
    except SmokeFailure as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"size: {size / 2**20:.1f} MiB")
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
