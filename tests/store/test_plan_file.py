"""Opening, creating, refusing and upgrading plan files."""

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from qdplanner.errors import PlanFileError
from qdplanner.store import PlanStore
from qdplanner.store import migrations as mig

FIXTURES = Path(__file__).parent.parent / "fixtures"


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_new_plan_has_current_schema_and_rollback_journal(plan_path):
    with PlanStore.create(plan_path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == mig.APPLICATION_ID
        applied = [m.name for m in mig.migrations.applied(store.db)]
        assert applied == mig.known_names()
    assert not plan_path.with_name(plan_path.name + ".creating").exists()


def test_create_refuses_to_overwrite_an_existing_file(plan_path):
    plan_path.write_text("precious")
    with pytest.raises(PlanFileError, match="already exists"):
        PlanStore.create(plan_path)
    assert plan_path.read_text() == "precious"


def test_missing_file_is_refused_with_its_name(tmp_path):
    with pytest.raises(PlanFileError, match=r"nope\.qdplan: no such file"):
        PlanStore.open(tmp_path / "nope.qdplan")


@pytest.mark.parametrize("content", [b"", b"hello, not a database", b"PK\x03\x04zipfile"])
def test_non_sqlite_file_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "x.qdplan"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match="not an SQLite database"):
        PlanStore.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = file_bytes(path)
    with pytest.raises(PlanFileError, match="not a qdplanner plan file"):
        PlanStore.open(path)
    assert file_bytes(path) == before
    assert list(tmp_path.iterdir()) == [path]  # no backup, no journal left behind


def test_plan_from_a_newer_version_is_refused_and_untouched(plan_path):
    with PlanStore.create(plan_path) as store:
        store.db["_sqlite_migrations"].insert(
            {
                "migration_set": mig.MIGRATION_SET,
                "name": "999_from_the_future",
                "applied_at": "2030-01-01",
            }
        )
    before = file_bytes(plan_path)
    with pytest.raises(PlanFileError, match="newer version"):
        PlanStore.open(plan_path)
    assert file_bytes(plan_path) == before


def test_damaged_plan_file_is_refused(plan_path):
    PlanStore.create(plan_path).close()
    data = bytearray(plan_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page's b-tree
    plan_path.write_bytes(bytes(data))
    with pytest.raises(PlanFileError, match=r"damaged|unreadable"):
        PlanStore.open(plan_path)


@pytest.fixture
def future_schema(monkeypatch):
    """This version's migrations plus one more, as the next release will have."""
    extended = Migrations(mig.MIGRATION_SET)
    for m in mig.migrations._migrations:
        extended(name=m.name)(m.fn)

    @extended(name="002_test_add_column")
    def _m002(db):
        db.execute("ALTER TABLE tasks ADD COLUMN weight INTEGER NOT NULL DEFAULT 1")

    monkeypatch.setattr(mig, "migrations", extended)
    return extended


def test_older_plan_is_backed_up_then_upgraded(small_plan_file, future_schema):
    before = file_bytes(small_plan_file)
    with PlanStore.open(small_plan_file) as store:
        assert "weight" in store.db["tasks"].columns_dict
        assert store.db["tasks"].count == 3  # the data came along
    backups = list(small_plan_file.parent.glob("*.bak"))
    assert len(backups) == 1
    assert backups[0].name.startswith(f"{small_plan_file.name}.schema{len(mig.known_names()) - 1}-")
    assert file_bytes(backups[0]) == before


def test_failed_upgrade_leaves_the_plan_as_it_was(small_plan_file, future_schema):
    @future_schema(name="003_broken")
    def _m003(db):
        db.execute("ALTER TABLE tasks ADD COLUMN broken INTEGER")
        db.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(PlanFileError, match="upgrade failed"):
        PlanStore.open(small_plan_file)
    conn = sqlite3.connect(small_plan_file)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(tasks)")]
    conn.close()
    assert "broken" not in columns  # the failing step was rolled back as a whole


def test_plan_made_by_schema_1_still_opens():
    """A file written by the first released schema (kept in tests/fixtures) opens today."""
    source = FIXTURES / "plan-schema1.qdplan"
    assert source.exists()
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / source.name
        shutil.copy(source, copy)
        with PlanStore.open(copy) as store:
            assert store.db["tasks"].count > 0
            assert [m.name for m in mig.migrations.applied(store.db)] == mig.known_names()


@pytest.fixture
def small_plan_file(tmp_path):
    from tests.conftest import add_small_plan

    path = tmp_path / "old.qdplan"
    with PlanStore.create(path) as store:
        add_small_plan(store)
    return path


def test_save_copy_writes_an_openable_plan_and_leaves_the_original(small_plan_file, tmp_path):
    copy = tmp_path / "copy.qdplan"
    with PlanStore.open(small_plan_file) as store:
        store.save_copy(copy)
        with pytest.raises(PlanFileError, match="the plan itself"):
            store.save_copy(small_plan_file)
    with PlanStore.open(copy) as again:
        assert again.db["tasks"].count == 3
    assert not list(tmp_path.glob("*.copying"))


def test_schema_1_plan_upgrades_to_ids_that_are_never_reused(tmp_path):
    """After the upgrade an id removed before it (and known from the log) is not given again."""
    import shutil

    copy = tmp_path / "old.qdplan"
    shutil.copy(FIXTURES / "plan-schema1.qdplan", copy)
    with PlanStore.open(copy) as store:
        before = store.db.execute("SELECT count(*), max(id) FROM tasks").fetchone()
        sql = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'tasks'").fetchone()
        assert "AUTOINCREMENT" in sql[0]
        assert store.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        from qdplanner.domain.enums import ChangeSource

        with store.action(ChangeSource.TABLE, "remove and add") as ch:
            ch.delete("tasks", before[1])
            new_id = ch.insert("tasks", {"project_id": 1, "title": "x"})
        assert new_id > before[1]
