"""``qdplanner copy``: a plan moved between a file and a real PostgreSQL server, losslessly
(issue 19, step 8). The server is started by the test run (tests/pg_server.py); these tests
are skipped only when its binaries are missing.

The round trip file → server → file is compared table by table — the schema, every row,
the ids each table has given — on the sample plan (780 progress reports, the change log)
with evidence files (every byte value), a closed period, a narrative, a collection round and
a removed task added.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.narrative import Section
from qdplanner.errors import PlanFileError, QdError
from qdplanner.store import PlanStore, plan_copy
from qdplanner.store import migrations as mig
from qdplanner.store.collections import ensure_plan_identity, record_issued
from qdplanner.store.lock import PlanLockedError
from qdplanner.store.narratives import find_scope, write_narrative
from qdplanner.store.periods import close_period
from qdplanner.store.plan_compare import compare_plans
from qdplanner.store.plan_copy import copy_plan, init_server_plan
from qdplanner.store.progress import add_evidence
from qdplanner.store.server_connect import ServerError, shown

psycopg = pytest.importorskip("psycopg")

EVERY_BYTE = bytes(range(256)) * 4
TODAY = date(2026, 1, 20)


def _rows(conn_or_path, sql: str, params=()):
    if str(conn_or_path).startswith("postgresql://"):
        with psycopg.connect(conn_or_path) as pg:
            return pg.execute(sql.replace("?", "%s"), params).fetchall()
    conn = sqlite3.connect(conn_or_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def full_plan(sample_template: Path, tmp_path: Path) -> Path:
    """The sample plan with what it lacks: evidence files, a closed period, a narrative, a
    collection round, the plan's signing key, and a removed task (its id never given
    again). Closed (a path back)."""
    path = tmp_path / "sample.qdplan"
    shutil.copy(sample_template, path)
    store = PlanStore.open(path)
    reports = [r[0] for r in store.db.execute("SELECT id FROM progress_reports ORDER BY id")]
    assert len(reports) == 780
    with store.action(ChangeSource.COMMAND, "evidence") as ch:
        add_evidence(store, ch, reports[0], "验收报告.pdf", b"%PDF-1.4\x00\xff" + EVERY_BYTE)
        add_evidence(store, ch, reports[1], "照片.jpg", EVERY_BYTE[::-1])
        add_evidence(store, ch, reports[1], "empty.txt", b"")
    with store.action(ChangeSource.COMMAND, "close 2025Q3") as ch:
        close_period(store, ch, "2025Q3", today=TODAY)
    with store.action(ChangeSource.COMMAND, "narrative") as ch:
        scope = find_scope(store, "program:创新策源能力提升计划")
        write_narrative(store, ch, "2025Q4", scope, {Section.OVERALL: "总体进展良好。\n第二行"})
    with store.action(ChangeSource.COMMAND, "round") as ch:
        ensure_plan_identity(store, ch)
        (unit,) = store.db.execute("SELECT id FROM units ORDER BY id LIMIT 1").fetchone()
        record_issued(store, ch, "2025Q4", unit, datetime(2026, 1, 2, tzinfo=UTC), "a.xlsx")
    with store.action(ChangeSource.COMMAND, "remove the last task") as ch:
        (last,) = store.db.execute("SELECT max(id) FROM tasks").fetchone()
        ch.delete("tasks", last)
    store.close()
    return path


def test_round_trip_file_server_file_keeps_every_table_and_row(full_plan, pg_url, tmp_path):
    there = copy_plan(full_plan, pg_url)
    assert there.target == shown(pg_url) and there.rows["progress_reports"] == 779  # 1 removed
    assert there.rows["evidence_files"] == 3 and there.rows["period_tasks"] > 0
    assert there.rows["change_log"] > 1000 and there.size > 0
    assert compare_plans(full_plan, pg_url) == []

    back = tmp_path / "back.qdplan"
    report = copy_plan(pg_url, back)
    assert report.rows == there.rows
    assert compare_plans(full_plan, back) == []
    # what the comparison read is really there: the blobs byte for byte, the identity
    evidence = "SELECT filename, content FROM evidence_files ORDER BY id"
    assert _rows(str(back), evidence) == _rows(str(full_plan), evidence)
    assert [bytes(r[1]) for r in _rows(pg_url, evidence)] == [
        r[1] for r in _rows(str(full_plan), evidence)
    ]
    identity = "SELECT key, value FROM settings WHERE key IN ('plan_uuid', 'collection_key')"
    assert len(_rows(str(back), identity)) == 2
    assert sorted(_rows(pg_url, identity)) == sorted(_rows(str(full_plan), identity))
    # the copy back is a plan file like any other: it opens, reads and takes edits
    with PlanStore.open(back) as store:
        applied = store.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")
        assert [r[0] for r in applied] == mig.known_names()
        with store.action(ChangeSource.COMMAND, "an edit") as ch:
            ch.update("tasks", 1, {"title": "改过"})


def test_ids_removed_before_the_copy_are_never_given_again(full_plan, pg_url, tmp_path):
    (removed,) = _rows(str(full_plan), "SELECT seq FROM sqlite_sequence WHERE name = 'tasks'")[0]
    (highest,) = _rows(str(full_plan), "SELECT max(id) FROM tasks")[0]
    assert removed > highest  # the fixture removed the last task
    copy_plan(full_plan, pg_url)
    with psycopg.connect(pg_url) as pg:
        (given,) = pg.execute(
            "INSERT INTO change_batches (at, \"user\", source) VALUES ('t', 'u', 'command')"
            " RETURNING id"
        ).fetchone()
        (task,) = pg.execute(
            "INSERT INTO tasks (program_id, title) VALUES (1, 'new') RETURNING id"
        ).fetchone()
        assert task == removed + 1 and given > 1
        pg.rollback()
    back = tmp_path / "back.qdplan"
    copy_plan(pg_url, back)
    # the id the server gave (then rolled back: a sequence is not) is not given again either
    assert _rows(back, "SELECT seq FROM sqlite_sequence WHERE name = 'tasks'") == [(task,)]


def test_the_comparison_names_the_first_differences(full_plan, pg_url):
    copy_plan(full_plan, pg_url)
    with psycopg.connect(pg_url) as pg:
        pg.execute("UPDATE tasks SET title = 'changed' WHERE id = 2")
        pg.execute("UPDATE evidence_files SET content = '\\x00'::bytea WHERE id = 1")
        pg.execute("DELETE FROM task_links")
        pg.execute("DELETE FROM milestones WHERE id = (SELECT max(id) FROM milestones)")
        pg.execute("ALTER TABLE units ADD COLUMN extra TEXT")
    found = [d.text() for d in compare_plans(full_plan, pg_url)]
    assert any(t.startswith("tasks: row 2: title is ") and "'changed'" in t for t in found)
    assert any(t.startswith("evidence_files: row 1: content is <") for t in found), found
    assert any(t.startswith("milestones: row ") and "only in" in t for t in found), found
    assert any(t.startswith("units: the columns differ") and "extra" in t for t in found)
    assert len(compare_plans(full_plan, pg_url, limit=2)) == 2


def test_a_plan_of_an_older_schema_is_copied_as_upgraded_and_left_as_it_was(tmp_path, pg_url):
    old = tmp_path / "old.qdplan"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "plan-schema1.qdplan", old)
    before = old.read_bytes()
    copy_plan(old, pg_url)
    assert old.read_bytes() == before  # upgraded in memory only
    names = [r[0] for r in _rows(pg_url, "SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names == mig.known_names()
    # the same plan, but for the identity a plan of schema 1 lacks: migration 003 gives
    # it one on each upgrade (the copy keeps the one it was given while copying)
    found = [d.text() for d in compare_plans(old, pg_url)]
    assert len(found) == 1 and found[0].startswith("settings: row plan_uuid: value is ")


def test_a_failure_midway_leaves_nothing_at_the_destination(
    full_plan, pg_url, tmp_path, monkeypatch
):
    def failing(real):
        def write(self, table, columns, batches):
            if table.name == "change_log":
                raise RuntimeError("cut")
            return real(self, table, columns, batches)

        return write

    monkeypatch.setattr(plan_copy._ServerTarget, "write", failing(plan_copy._ServerTarget.write))
    with pytest.raises(RuntimeError):
        copy_plan(full_plan, pg_url)
    assert _rows(pg_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]

    monkeypatch.setattr(plan_copy._FileTarget, "write", failing(plan_copy._FileTarget.write))
    back = tmp_path / "back.qdplan"
    with pytest.raises(RuntimeError):
        copy_plan(full_plan, back)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.qdplan"]


def test_overwrite_replaces_a_plan_in_one_transaction(full_plan, pg_url, tmp_path, monkeypatch):
    init_server_plan(pg_url)
    with pytest.raises(ServerError, match=r"not empty .*use --overwrite"):
        copy_plan(full_plan, pg_url)
    monkeypatch.setattr(plan_copy._ServerTarget, "finish", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        copy_plan(full_plan, pg_url, overwrite=True)
    assert _rows(pg_url, "SELECT count(*) FROM tasks") == [(0,)]  # the plan that was there
    monkeypatch.undo()
    copy_plan(full_plan, pg_url, overwrite=True)
    assert compare_plans(full_plan, pg_url) == []

    with psycopg.connect(pg_url) as pg:
        pg.execute("CREATE TABLE their_own (x int)")
    with pytest.raises(ServerError, match=r"not a qdplanner plan's .*their_own"):
        copy_plan(full_plan, pg_url, overwrite=True)


def test_an_existing_file_is_replaced_only_when_asked_and_not_open(full_plan, tmp_path):
    target = tmp_path / "other.qdplan"
    PlanStore.create(target).close()
    with pytest.raises(PlanFileError, match="already exists; nothing was written"):
        copy_plan(full_plan, target)
    with PlanStore.open(target), pytest.raises(PlanLockedError):
        copy_plan(full_plan, target, overwrite=True)
    copy_plan(full_plan, target, overwrite=True)
    assert compare_plans(full_plan, target) == []
    foreign = tmp_path / "notes.txt"
    foreign.write_text("mine")
    with pytest.raises(PlanFileError, match="not a qdplanner plan file"):
        copy_plan(full_plan, foreign, overwrite=True)
    assert foreign.read_text() == "mine"
    with pytest.raises(PlanFileError, match="that is the plan itself"):
        copy_plan(full_plan, full_plan, overwrite=True)


def test_a_plan_from_a_newer_version_is_refused(full_plan, pg_url, tmp_path):
    copy_plan(full_plan, pg_url)
    with psycopg.connect(pg_url) as pg:
        pg.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('qdplanner', '999_future', 'later')"
        )
    with pytest.raises(ServerError, match=r"newer version of qdplanner .*999_future"):
        copy_plan(pg_url, tmp_path / "back.qdplan")
    conn = sqlite3.connect(full_plan)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('qdplanner', '999_future', 'later')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(PlanFileError, match="newer version"):
        copy_plan(full_plan, tmp_path / "back.qdplan")
    assert not (tmp_path / "back.qdplan").exists()


def test_an_unreachable_server_is_one_line_without_the_password(full_plan, tmp_path):
    url = f"postgresql://clerk:s3cret@/plan?host={tmp_path}/nowhere"
    with pytest.raises(ServerError) as caught:
        copy_plan(full_plan, url)
    text = str(caught.value)
    assert text.startswith(f"postgresql://clerk@/plan?host={tmp_path}/nowhere: cannot connect")
    assert "s3cret" not in text and "\n" not in text
    with pytest.raises(ServerError, match="cannot connect"):
        copy_plan(url + "&password=s3cret", tmp_path / "x.qdplan")


def test_permission_denied_names_the_address(full_plan, pg_url):
    with psycopg.connect(pg_url, autocommit=True) as pg:
        pg.execute("DROP ROLE IF EXISTS reader")
        pg.execute("CREATE ROLE reader LOGIN")
        pg.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    reader = pg_url.replace("user=postgres", "user=reader")
    try:
        with pytest.raises(ServerError) as caught:
            copy_plan(full_plan, reader)
        assert str(caught.value).startswith(f"{shown(reader)}: permission denied (")
        assert "nothing was changed" in str(caught.value)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as pg:
            pg.execute("DROP ROLE reader")


def test_a_database_without_a_plan_is_not_a_source(pg_url, tmp_path):
    with pytest.raises(ServerError, match="holds no qdplanner plan"):
        copy_plan(pg_url, tmp_path / "x.qdplan")


def test_init_makes_a_new_plan_with_its_own_identity(pg_url, tmp_path):
    report = init_server_plan(pg_url)
    assert report.target == shown(pg_url)
    PlanStore.create(tmp_path / "new.qdplan").close()
    found = [d.text() for d in compare_plans(tmp_path / "new.qdplan", pg_url)]
    assert all(t.startswith(("settings: row plan_uuid", "_sqlite_migrations: row")) for t in found)
    with pytest.raises(ServerError, match="use --force"):
        init_server_plan(pg_url)
    init_server_plan(pg_url, overwrite=True)


def test_init_with_the_sample_is_the_sample_a_file_holds(pg_url, tmp_path, sample_template):
    report = init_server_plan(pg_url, sample=True)
    assert report.rows["progress_reports"] == 780 and report.rows["tasks"] == 61
    back = tmp_path / "back.qdplan"
    copy_plan(pg_url, back)
    with PlanStore.open(back, readonly=True) as store:
        (tasks,) = store.db.execute("SELECT count(*) FROM tasks").fetchone()
    assert tasks == 61


def test_refusals_are_errors_a_user_can_read(tmp_path):
    with pytest.raises(QdError, match="no such file"):
        copy_plan(tmp_path / "missing.qdplan", tmp_path / "b.qdplan")
    with pytest.raises(QdError, match="no such folder"):
        PlanStore.create(tmp_path / "a.qdplan").close()
        copy_plan(tmp_path / "a.qdplan", tmp_path / "no" / "b.qdplan")
