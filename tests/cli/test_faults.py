"""Faults a plan file meets, made for real: a write killed half-way, stuck and empty locks, a
full disk, read-only files and folders, a damaged file, writers at once, a closed pipe.

For each: a sentence naming the file and what to do, never exit code 3, and the plan as it was
whenever anything is refused (see tests/faults.py for how each fault is made).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.store import PlanStore
from qdplanner.store.lock import lock_path, read_lock
from tests.faults import (
    QDPLANNER,
    kill_mid_write,
    on_small_disk,
    other_user_prefix,
    run_qdplanner,
    table_dump,
)


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def crashed(sample_template, tmp_path_factory):
    """The sample plan as a crash during a write leaves it, and the state it held before."""
    folder = tmp_path_factory.mktemp("crashed")
    plan = folder / "plan.qdplan"
    shutil.copy(sample_template, plan)
    before = table_dump(plan)
    kill_mid_write(plan)
    return plan, before


def hot_copy(crashed, folder: Path) -> Path:
    """A copy of the crashed plan with its journal (the pair is what a crash leaves)."""
    plan, _ = crashed
    target = folder / "hot.qdplan"
    shutil.copy(plan, target)
    shutil.copy(plan.with_name(plan.name + "-journal"), folder / "hot.qdplan-journal")
    return target


@pytest.fixture
def shared_dir():
    """A folder another user can reach (pytest's own folders are the runner's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="qdplanner-shared-"))
    os.chmod(folder, 0o755)
    yield folder
    os.chmod(folder, 0o755)
    shutil.rmtree(folder, ignore_errors=True)


def journal(plan: Path) -> Path:
    return plan.with_name(plan.name + "-journal")


# -- a write killed half-way ----------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["status", "{plan}"],
        ["status", "{plan}", "--json"],
        ["indicators", "{plan}"],
        ["collect-status", "{plan}", "--period", "2025Q4"],
        ["export", "{plan}", "{tmp}/out.xlsx"],
        ["import", "{plan}", "{tmp}/same.xlsx", "--dry-run"],
        ["import", "{plan}", "{tmp}/same.xlsx"],
        ["indicator-value", "{plan}", "I03", "2025", "9000"],
        ["collect", "{plan}", "{tmp}/round", "--period", "2025Q4"],
    ],
    ids=lambda c: " ".join(a for a in c if not a.startswith("{")),
)
def test_every_command_after_a_crash_undoes_the_interrupted_change_and_says_so_once(
    crashed, sample_template, tmp_path, command
):
    run("export", sample_template, tmp_path / "same.xlsx")
    plan = hot_copy(crashed, tmp_path)
    args = [a.format(plan=plan, tmp=tmp_path) for a in command]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert "damaged" not in result.stderr
    assert result.stderr.count("interrupted") == 1 and "undone" in result.stderr
    assert not journal(plan).exists()
    assert not lock_path(plan).exists()
    after = table_dump(plan)
    _, before = crashed
    if command[0] in ("status", "indicators", "collect-status", "export") or "--dry-run" in args:
        assert after == before  # exactly the state before the interrupted write
    else:
        assert after["tasks"] == before["tasks"]  # the crash's notes are gone; the command's
        assert after["change_batches"][: len(before["change_batches"])] == before["change_batches"]
    again = run(*args[:2]) if command[0] != "collect" else run("status", plan)
    assert "interrupted" not in again.stderr  # told once


def test_a_crashed_plan_someone_holds_open_is_not_called_damaged(crashed, tmp_path):
    plan = hot_copy(crashed, tmp_path)
    lock_path(plan).write_text(
        json.dumps({"user": "王科员", "host": "office-pc-7", "pid": 1, "since": "2026-12-01T01:00"})
    )
    stored = plan.read_bytes(), journal(plan).read_bytes()
    result = run("status", plan)
    assert result.exit_code == 1
    assert "damaged" not in result.stderr
    assert "interrupted" in result.stderr and "王科员 @ office-pc-7" in result.stderr
    assert "Do not delete hot.qdplan-journal" in result.stderr
    assert (plan.read_bytes(), journal(plan).read_bytes()) == stored  # nothing touched


def test_the_window_s_store_opens_a_crashed_plan_and_reports_it_recovered(crashed, tmp_path):
    plan = hot_copy(crashed, tmp_path)
    with PlanStore.open(plan) as store:
        assert store.recovered
    with PlanStore.open(plan) as store:
        assert not store.recovered


@pytest.mark.slow
def test_a_crashed_read_only_plan_says_who_can_undo_it_and_keeps_the_journal(crashed, shared_dir):
    folder = shared_dir / "shared"
    folder.mkdir()
    plan = hot_copy(crashed, folder)
    for path in (plan, journal(plan)):
        os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    try:
        result = run_qdplanner("status", str(plan), prefix=other_user_prefix())
    finally:
        os.chmod(folder, 0o755)
    assert result.returncode == 1, result.stderr
    assert "interrupted" in result.stderr and "allowed to write" in result.stderr
    assert "damaged" not in result.stderr and "internal error" not in result.stderr
    assert journal(plan).exists()


# -- locks ------------------------------------------------------------------------------------


@pytest.mark.file_only("the plan file's lock file")
def test_an_empty_lock_is_refused_while_fresh_and_stale_once_old(sample_plan, tmp_path):
    plan = sample_plan.path
    sample_plan.close()
    lock_path(plan).write_text("")  # as a full disk left it
    fresh = run("indicator-value", plan, "I03", "2025", "9000", "--wait", "0")
    assert fresh.exit_code == 1 and "lock file sample.qdplan.lock is unreadable" in fresh.stderr
    assert "--break-lock" in fresh.stderr
    old = time.time() - 3600
    os.utime(lock_path(plan), (old, old))
    result = run("indicator-value", plan, "I03", "2025", "9000")
    assert result.exit_code == 0, result.stderr
    assert not lock_path(plan).exists()


@pytest.mark.file_only("the plan file's lock file")
@pytest.mark.parametrize(
    "command",
    [
        ["indicator-value", "{plan}", "I03", "2025", "9000"],
        ["import", "{plan}", "{tmp}/same.xlsx"],
        ["collect", "{plan}", "{tmp}/round", "--period", "2025Q4"],
        ["collect-import", "{plan}", "{tmp}/same.xlsx"],
    ],
    ids=lambda c: c[0],
)
def test_every_writing_command_can_break_a_stuck_lock(sample_plan, tmp_path, command):
    plan = sample_plan.path
    run("export", plan, tmp_path / "same.xlsx")
    sample_plan.close()
    lock_path(plan).write_text(
        json.dumps({"user": "王科员", "host": "office-pc-7", "pid": 1, "since": "2026-12-01T01:00"})
    )
    args = [a.format(plan=plan, tmp=tmp_path) for a in command]
    refused = run(*args, "--wait", "0")
    assert refused.exit_code == 1 and "王科员 @ office-pc-7" in refused.stderr
    result = run(*args, "--break-lock")
    assert "王科员" not in result.stderr
    assert "internal error" not in result.stderr
    assert not lock_path(plan).exists()


@pytest.mark.file_only("the plan file's lock file")
def test_a_lock_that_cannot_be_written_is_removed_and_named(sample_plan, monkeypatch):
    import errno
    import json as json_module

    plan = sample_plan.path
    sample_plan.close()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(json_module, "dump", disk_full)
    result = run("indicator-value", plan, "I03", "2025", "9000")
    assert result.exit_code == 1
    assert "disk is full" in result.stderr and "sample.qdplan.lock" in result.stderr
    assert not lock_path(plan).exists()  # never an empty lock left behind
    monkeypatch.undo()
    assert run("indicator-value", plan, "I03", "2025", "9000").exit_code == 0


def test_a_writer_waits_for_another_that_finishes_soon(sample_plan):
    plan = sample_plan.path
    sample_plan.close()
    holder = subprocess.Popen(
        [
            *QDPLANNER[:1],
            "-c",
            "import sys, time\n"
            "from qdplanner.store import PlanStore\n"
            "with PlanStore.open(sys.argv[1]):\n"
            "    print('holding', flush=True); time.sleep(1.0)\n",
            str(plan),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "holding"
    result = run("indicator-value", plan, "I03", "2025", "9000", "--wait", "10")
    holder.wait(timeout=30)
    assert result.exit_code == 0, result.stderr


@pytest.mark.file_only(
    "writers queue on the plan file's lock (a server: tests/store/test_concurrent_edits.py)"
)
@pytest.mark.slow
def test_five_writers_at_once_all_get_through(sample_plan, tmp_path):
    plan = sample_plan.path
    sample_plan.close()
    script = (
        "for i in $(seq 1 8); do "
        f"{' '.join(QDPLANNER)} indicator-value {plan} I03 $((2000 + i)) $((RANDOM)) "
        "--source w$W || echo FAILED; done"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    env["QDPLANNER_LOCK_WAIT"] = "5"  # the shipped default
    procs = [
        subprocess.Popen(
            ["bash", "-c", script],
            env={**env, "W": str(w)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(5)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert not any("FAILED" in out or "already open" in err for out, err in outputs), outputs
    conn = sqlite3.connect(plan)
    batches = conn.execute(
        "SELECT count(*) FROM change_batches WHERE description LIKE '%indicator%'"
    ).fetchone()[0]
    conn.close()
    assert batches >= 40
    assert not lock_path(plan).exists()


# -- full disk, read-only, damaged ------------------------------------------------------------


@pytest.mark.slow
def test_a_full_disk_refuses_in_words_leaves_no_lock_and_writes_again_once_freed(
    sample_template, tmp_path
):
    size_kb = sample_template.stat().st_size // 1024 + 64
    script = f"""
        cp {sample_template} $DISK/plan.qdplan
        dd if=/dev/zero of=$DISK/filler bs=4k 2>/dev/null
        $QD indicator-value $DISK/plan.qdplan I03 2025 9000; echo "exit=$?"
        ls $DISK; cmp {sample_template} $DISK/plan.qdplan && echo SAME
        rm $DISK/filler
        $QD indicator-value $DISK/plan.qdplan I03 2025 9000; echo "exit=$?"
    """
    result = on_small_disk(tmp_path, size_kb, script)
    out, err = result.stdout, result.stderr
    assert "exit=1" in out and "SAME" in out, (out, err)
    assert "disk is full" in err and "internal error" not in err
    assert "plan.qdplan.lock" not in out.split("SAME")[0]  # no lock left after the failure
    assert out.rstrip().endswith("exit=0"), (out, err)  # once space is freed it writes


@pytest.mark.slow
def test_a_nearly_full_disk_fails_an_import_cleanly(sample_template, tmp_path):
    """With a little space, the lock and journal start but the write cannot finish: SQLite
    rolls back, nothing is half-applied and no hot journal is left."""
    book = tmp_path / "book.xlsx"
    run("export", sample_template, book, "--lang", "zh")
    from openpyxl import load_workbook

    wb = load_workbook(book)
    ws = wb["任务"]
    for row in range(2, ws.max_row + 1):
        ws.cell(row, 18).value = "备注 " * 2000  # 备注: a big change to every task
    wb.save(book)
    size_kb = sample_template.stat().st_size // 1024 + 64
    script = f"""
        cp {sample_template} $DISK/plan.qdplan
        dd if=/dev/zero of=$DISK/filler bs=4k 2>/dev/null; rm $DISK/filler
        free=$(df -k --output=avail $DISK | tail -1)
        dd if=/dev/zero of=$DISK/filler bs=4k count=$(( (free - 24) / 4 )) 2>/dev/null
        $QD import $DISK/plan.qdplan {book}; echo "exit=$?"
        ls -a $DISK
        rm $DISK/filler
        $QD status $DISK/plan.qdplan >/dev/null; echo "status=$?"
        cmp {sample_template} $DISK/plan.qdplan && echo SAME
    """
    result = on_small_disk(tmp_path, size_kb, script)
    out, err = result.stdout, result.stderr
    assert "exit=1" in out, (out, err)
    assert "disk is full" in err and "internal error" not in err
    assert "plan.qdplan-journal" not in out and "plan.qdplan.lock" not in out
    assert "status=0" in out and "interrupted" not in err
    assert "SAME" in out


@pytest.mark.file_only("SQLite's page limit")
def test_a_full_plan_file_refuses_the_write_and_keeps_the_plan(sample_plan):
    """SQLite's own 'database or disk is full' (a page limit reached), met inside an action."""
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.errors import PlanFileError

    before = table_dump(sample_plan.path)
    pages = sample_plan.db.execute("PRAGMA page_count").fetchone()[0]
    sample_plan.db.execute(f"PRAGMA max_page_count = {pages}")
    with (
        pytest.raises(PlanFileError, match="the disk is full; nothing was changed"),
        sample_plan.action(ChangeSource.COMMAND, "too big") as ch,
    ):
        ch.insert("units", {"name": "新单位" * 5000})
    sample_plan.close()
    assert table_dump(sample_plan.path) == before


@pytest.mark.slow
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_plan_is_read_and_a_write_is_refused_in_words(
    sample_template, shared_dir, what
):
    folder = shared_dir / "shared"
    folder.mkdir()
    plan = folder / "plan.qdplan"
    shutil.copy(sample_template, plan)
    if what == "file":
        os.chmod(plan, 0o444)
    else:
        os.chmod(plan, 0o666)
        os.chmod(folder, 0o555)
    before = plan.read_bytes()
    prefix = other_user_prefix()
    try:
        status = run_qdplanner("status", str(plan), prefix=prefix)
        write = run_qdplanner("indicator-value", str(plan), "I03", "2025", "9000", prefix=prefix)
    finally:
        os.chmod(folder, 0o755)
    assert status.returncode == 0, status.stderr
    assert write.returncode == 1, write.stderr
    assert "read-only" in write.stderr and "internal error" not in write.stderr
    assert plan.read_bytes() == before
    assert not lock_path(plan).exists()


def damage(plan: Path) -> None:
    """Overwrite a page in the middle of the file, as a failing disk or a bad copy does."""
    conn = sqlite3.connect(plan)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tasks'").fetchone()[0]
    conn.close()
    with plan.open("r+b") as fh:
        fh.seek((root - 1) * page + 8)
        fh.write(b"\xff" * 64)


@pytest.mark.file_only("a damaged page of the plan file")
def test_a_damaged_plan_is_never_written_to(sample_plan):
    plan = sample_plan.path
    sample_plan.close()
    damage(plan)
    before = plan.read_bytes()
    result = run("indicator-value", plan, "I03", "2025", "9000")
    assert result.exit_code == 1
    assert "damaged" in result.stderr and "backup" in result.stderr
    assert "internal error" not in result.stderr
    assert plan.read_bytes() == before
    assert not lock_path(plan).exists()
    status = run("status", plan)
    assert status.exit_code == 1 and "damaged" in status.stderr
    assert "internal error" not in status.stderr


def test_a_closed_pipe_ends_quietly(sample_template):
    proc = subprocess.Popen(
        [*QDPLANNER, "indicators", str(sample_template), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    proc.stdout.close()  # the reader went away before the first line (`| head -0`)
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=60)
    assert code in (0, 141)
    assert "internal error" not in err and "Traceback" not in err and "Broken pipe" not in err


@pytest.mark.file_only("the plan file's lock file")
def test_the_lock_is_named_with_its_holder_on_refusal(sample_plan):
    plan = sample_plan.path
    result = run("indicator-value", plan, "I03", "2025", "9000", "--wait", "0")
    assert result.exit_code == 1 and read_lock(plan).user in result.stderr
