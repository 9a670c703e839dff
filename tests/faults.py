"""Real faults for the tests: a write killed half-way, a full disk, a read-only file or folder.

Each makes the fault the way a user meets it, not a mock of it:

* :func:`kill_mid_write` runs a child process that opens the plan as the program does, starts
  one logged action, changes every task and progress report with a one-page cache (so SQLite
  spills changed pages into the plan file itself) and kills itself with SIGKILL inside the
  transaction. The plan file is left half-written beside a hot rollback journal.
* :func:`full_disk_dir` runs commands in a folder on a tiny tmpfs, inside a mount namespace of
  their own (``unshare``), so nothing is mounted on the machine itself.
* :func:`as_other_user` runs a command as an unprivileged user when the tests run as root
  (root ignores file permissions), else as the current user.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

QDPLANNER = [sys.executable, "-m", "qdplanner"]

_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from qdplanner.store import PlanStore
    store = PlanStore.open(sys.argv[1])
    store.db.execute("PRAGMA cache_size = 1")
    with store.action("command", "a change that never finishes") as ch:
        for (task_id,) in store.db.execute("SELECT id FROM tasks").fetchall():
            ch.update("tasks", task_id, {"notes": "half-written " * 40})
        store.db.execute("UPDATE progress_reports SET narrative = narrative || 'X'")
        sys.stdout.write("killing\\n"); sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    """
)


def kill_mid_write(plan: Path) -> None:
    """Leave ``plan`` as a crash during a write does: changed pages, and a hot journal."""
    before = plan.read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", _KILLER, str(plan)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    journal = plan.with_name(plan.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0, "no hot journal was left"
    assert plan.read_bytes() != before, "the plan file itself was not written"


def table_dump(plan: Path) -> dict[str, list[tuple]]:
    """Every row of every table (read-write, so a hot journal is rolled back first —
    call it on a copy, or on a plan that has none)."""
    conn = sqlite3.connect(plan)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
        ]
        return {n: conn.execute(f"SELECT * FROM [{n}] ORDER BY 1").fetchall() for n in names}
    finally:
        conn.close()


def _unshare_prefix() -> list[str] | None:
    """The command that runs a shell in a mount namespace of its own, or None if we cannot."""
    if not shutil.which("unshare"):
        return None
    base = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "-r", "--mount"]
    probe = subprocess.run(
        [*base, "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /tmp 2>/dev/null && echo ok"],
        capture_output=True,
        text=True,
    )
    return base if probe.stdout.strip() == "ok" else None


def on_small_disk(folder: Path, size_kb: int, script: str) -> subprocess.CompletedProcess:
    """Run the bash ``script`` with ``$DISK`` a folder on a ``size_kb`` KB tmpfs mounted in a
    mount namespace of its own (so nothing stays mounted), and ``$QD`` the command that runs
    qdplanner. Skips when this machine does not allow such namespaces."""
    import pytest

    prefix = _unshare_prefix()
    if prefix is None:
        pytest.skip("cannot mount a small tmpfs here (unshare --mount is not allowed)")
    disk = folder / "disk"
    disk.mkdir(exist_ok=True)
    setup = (
        f"set -u; mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(disk))} || exit 99; "
        f"export DISK={shlex.quote(str(disk))}; "
        f"QD={shlex.quote(' '.join(shlex.quote(a) for a in QDPLANNER))}; "
    )
    env = {**os.environ, "QDPLANNER_LOCK_WAIT": "0.5"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    return subprocess.run(
        [*prefix, "bash", "-c", setup + script],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def other_user_prefix() -> list[str]:
    """The command prefix that runs a program as a user the file permissions apply to (root
    ignores them). Skips when that user cannot run this checkout's Python and package."""
    import pytest

    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    if not shutil.which("setpriv"):
        pytest.skip("setpriv is missing: cannot run a command as an unprivileged user")
    root = str(Path(__file__).resolve().parent.parent)
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import qdplanner"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": root},
        cwd="/",
    )
    if probe.returncode != 0:
        pytest.skip(
            "no unprivileged user can run this checkout here (as root, permissions do not apply)"
        )
    return prefix


def run_qdplanner(*args: str, prefix: list[str] | None = None, **kw) -> subprocess.CompletedProcess:
    """``qdplanner ARGS`` as a real process (stderr, exit code and all)."""
    env = {**os.environ, "QDPLANNER_LOCK_WAIT": "0.5", **kw.pop("env", {})}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    return subprocess.run(
        [*(prefix or []), *QDPLANNER, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        **kw,
    )
