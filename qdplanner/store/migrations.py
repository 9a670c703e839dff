"""Schema versions of the plan file, as sqlite-utils ``Migrations``.

Each migration runs in its own transaction and is recorded in ``_sqlite_migrations``; the
names applied to a file tell its schema version. Never edit a released migration: add one.

The ``Migrations`` object (``migrations``) is built when first asked for — when a plan is made
or upgraded: opening a plan only compares its names with :func:`known_names`, and needs no
sqlite-utils (:mod:`qdplanner.store._sqlite_utils`).
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from qdplanner.paths import db_dir

if TYPE_CHECKING:
    import sqlite_utils

MIGRATION_SET = "qdplanner"
# 'QDP1' — written into the SQLite header so a plan file is recognisable without reading tables.
APPLICATION_ID = 0x51445031

# (name, function, transactional) of every migration, oldest first: what ``migrations`` is
# built from
_STEPS: list[tuple[str, Callable[[sqlite_utils.Database], None], bool]] = []


def _migration(name: str, *, transactional: bool = True) -> Callable:
    """Register the decorated function as the migration ``name`` (as sqlite-utils'
    ``Migrations.__call__`` does, without importing it)."""

    def register(fn: Callable[[sqlite_utils.Database], None]) -> Callable:
        _STEPS.append((name, fn, transactional))
        return fn

    return register


def _statements(sql: str) -> list[str]:
    """Split a schema script into statements (executescript would commit mid-migration)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip() and not current.strip().startswith("--"):
        statements.append(current.strip())
    return statements


def run_sql_file(db: sqlite_utils.Database, name: str) -> None:
    for statement in _statements((db_dir() / "schema" / name).read_text(encoding="utf-8")):
        db.execute(statement)


@_migration("001_initial")
def m001_initial(db: sqlite_utils.Database) -> None:
    run_sql_file(db, "001_initial.sql")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


_ROWID_PK = re.compile(r"(\bid\s+INTEGER\s+PRIMARY\s+KEY)(?!\s+AUTOINCREMENT)", re.IGNORECASE)
_APPEND_ONLY = {"change_log"}  # never deleted from: its ids cannot be reused; not rebuilt


@_migration("002_ids_never_reused", transactional=False)
def m002_ids_never_reused(db: sqlite_utils.Database) -> None:
    """Ids are never given again once a record is removed (``AUTOINCREMENT``).

    A workbook exported before a removal must not match a newer record by its ID. SQLite
    cannot add AUTOINCREMENT to a table, so each table is rebuilt (SQLite's documented
    create-copy-drop-rename procedure, with foreign keys off and checked before commit), and
    each table's sequence starts past the highest id the change log ever saw. The log also
    gains ``entity_key``: the key of a record keyed by several columns (a task's unit role).
    Safe to run again if it stopped before being recorded.
    """
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: set it first
    try:
        with db.atomic():
            for table in db.table_names():
                if table.startswith(("_", "sqlite_")) or table in _APPEND_ONLY:
                    continue
                _rebuild_with_autoincrement(db, table)
            if "entity_key" not in db["change_log"].columns_dict:
                db.execute("ALTER TABLE change_log ADD COLUMN entity_key TEXT")
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise sqlite3.IntegrityError(f"foreign key check failed: {problems[:3]}")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _rebuild_with_autoincrement(db: sqlite_utils.Database, table: str) -> None:
    sql, indexes = None, []
    for kind, text in db.execute(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = ?", [table]
    ).fetchall():
        if kind == "table":
            sql = text
        elif kind == "index" and text:  # automatic indexes (UNIQUE) come with the table
            indexes.append(text)
    if not sql or not _ROWID_PK.search(sql):
        return
    temporary = f"{table}__rebuilt"
    new_sql = _ROWID_PK.sub(r"\1 AUTOINCREMENT", sql, count=1)
    new_sql = re.sub(
        rf"^CREATE TABLE\s+\[?\"?{table}\"?\]?", f"CREATE TABLE [{temporary}]", new_sql
    )
    db.execute(new_sql)
    db.execute(f"INSERT INTO [{temporary}] SELECT * FROM [{table}]")
    db.execute(f"DROP TABLE [{table}]")
    db.execute(f"ALTER TABLE [{temporary}] RENAME TO [{table}]")
    for index in indexes:
        db.execute(index)
    highest = db.execute(
        f"SELECT max(COALESCE((SELECT max(id) FROM [{table}]), 0),"
        " COALESCE((SELECT max(entity_id) FROM change_log WHERE entity = ?), 0))",
        [table],
    ).fetchone()[0]
    db.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
    if highest:
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, highest])


PLAN_UUID_KEY = "plan_uuid"  # settings key of the plan's identity


@_migration("003_plan_identity")
def m003_plan_identity(db: sqlite_utils.Database) -> None:
    """Every plan has an identity from the start: a UUID in ``settings``, written into each
    workbook made from it (plan workbooks, collection rounds), so an import can tell a
    workbook of this plan from one of another (plans made before had one only once a
    collection round was issued)."""
    if not db.execute("SELECT 1 FROM settings WHERE key = ?", [PLAN_UUID_KEY]).fetchone():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [PLAN_UUID_KEY, json.dumps(str(uuid.uuid4()))],
        )


@_migration("004_unit_phone_round_due")
def m004_unit_phone_round_due(db: sqlite_utils.Database) -> None:
    """Units carry a phone (联系电话) beside their contact person (联系人): a contact written
    as one text (``张三 0532-85911234``) is split, the number going to ``phone``. A collection
    round keeps the day it is due by (``due_on``) and, once returned, the rows the return
    left empty (``left_empty``: JSON ``[[task id, Excel row], …]``; '' when none), so a unit
    that returned 2 of 4 rows stands as partial and is chased for the other two."""
    from qdplanner.domain.chasing import split_contact  # only for this upgrade

    db.execute("ALTER TABLE units ADD COLUMN phone TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE collections ADD COLUMN due_on TEXT")
    db.execute("ALTER TABLE collections ADD COLUMN left_empty TEXT NOT NULL DEFAULT ''")
    for unit_id, contact in db.execute(
        "SELECT id, contact FROM units WHERE contact != ''"
    ).fetchall():
        person, phone = split_contact(contact)
        if phone:
            db.execute(
                "UPDATE units SET contact = ?, phone = ? WHERE id = ?", [person, phone, unit_id]
            )


_PERIOD_SNAPSHOTS = """
CREATE TABLE period_closes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    period      TEXT NOT NULL,              -- canonical code: 2025Q4
    judged_at   TEXT NOT NULL,              -- ISO date the plan was judged at: the period's end
    closed_at   TEXT NOT NULL,              -- UTC ISO time
    closed_by   TEXT NOT NULL,
    reopened_at TEXT,                       -- set when reopened: the snapshot rows are gone
    reopened_by TEXT NOT NULL DEFAULT '',
    tasks       INTEGER NOT NULL DEFAULT 0,
    indicators  INTEGER NOT NULL DEFAULT 0,
    units       INTEGER NOT NULL DEFAULT 0,
    lights      TEXT NOT NULL DEFAULT '{}'  -- JSON: task light -> count
);
CREATE UNIQUE INDEX idx_period_closes_one_open ON period_closes(period) WHERE reopened_at IS NULL;
CREATE TABLE period_tasks (
    close_id         INTEGER NOT NULL REFERENCES period_closes(id) ON DELETE CASCADE,
    task_id          INTEGER NOT NULL,      -- no reference: the snapshot outlives the task
    position         INTEGER NOT NULL,      -- plan order
    code             TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL,
    lead_unit        TEXT NOT NULL DEFAULT '',
    stream           TEXT NOT NULL DEFAULT '',
    due_date         TEXT,
    light            TEXT NOT NULL,
    status           TEXT NOT NULL,
    percent          INTEGER NOT NULL,
    recorded         INTEGER NOT NULL,      -- 0: no progress report by the period's end
    reported         INTEGER NOT NULL,      -- 1: a progress report of (a part of) the period
    overdue          INTEGER NOT NULL,
    narrative        TEXT NOT NULL DEFAULT '',
    narrative_period TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (close_id, task_id)
) WITHOUT ROWID;
CREATE TABLE period_indicators (
    close_id      INTEGER NOT NULL REFERENCES period_closes(id) ON DELETE CASCADE,
    indicator_id  INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    code          TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL,
    measure_unit  TEXT NOT NULL DEFAULT '',
    latest_value  REAL,
    latest_when   TEXT NOT NULL DEFAULT '', -- the year (and part of it) of the latest actual
    progress      REAL,
    light         TEXT NOT NULL,
    PRIMARY KEY (close_id, indicator_id)
) WITHOUT ROWID;
CREATE TABLE period_units (
    close_id    INTEGER NOT NULL REFERENCES period_closes(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    standing    TEXT NOT NULL,              -- returned, partial, issued, missing, not_issued
    tasks       INTEGER NOT NULL DEFAULT 0,
    reported    INTEGER NOT NULL DEFAULT 0,
    left_empty  INTEGER NOT NULL DEFAULT 0, -- rows its return left empty, still unreported
    due_on      TEXT,
    issued_at   TEXT,
    returned_at TEXT,
    PRIMARY KEY (close_id, unit_id)
) WITHOUT ROWID;
"""


@_migration("005_period_snapshots")
def m005_period_snapshots(db: sqlite_utils.Database) -> None:
    """Closed periods (季度关账): closing a period keeps, in the plan, every task's light,
    status, percent and latest narrative, every indicator's latest value, progress and light,
    and every unit's return as they stood at the period's end (``period_closes`` and one
    table of rows each), never recomputed. Reopening marks the close (``reopened_at``) and
    removes its rows; at most one close of a period is in force."""
    for statement in _statements(_PERIOD_SNAPSHOTS):
        db.execute(statement)


_PERIOD_NARRATIVES = """
CREATE TABLE period_narratives (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    period      TEXT NOT NULL,                -- canonical code: 2025Q4
    program_id  INTEGER REFERENCES programs(id) ON DELETE CASCADE,
    project_id  INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    section     TEXT NOT NULL
                CHECK (section IN ('overall', 'results', 'problems', 'next_steps')),
    text        TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL DEFAULT 'edited'
                CHECK (origin IN ('drafted', 'previous', 'edited')),
    updated_at  TEXT NOT NULL,                -- UTC ISO time
    updated_by  TEXT NOT NULL DEFAULT '',
    CHECK ((program_id IS NULL) != (project_id IS NULL))
);
CREATE UNIQUE INDEX idx_period_narratives_program
    ON period_narratives(period, program_id, section) WHERE program_id IS NOT NULL;
CREATE UNIQUE INDEX idx_period_narratives_project
    ON period_narratives(period, project_id, section) WHERE project_id IS NOT NULL;
"""


@_migration("006_period_narratives")
def m006_period_narratives(db: sqlite_utils.Database) -> None:
    """The period's narrative (进展情况汇总): per period and program or project, the text of
    each of its four sections (总体进展, 主要成效, 存在问题, 下步工作) as the clerk kept it —
    drafted from the data, carried over from the period before, or edited — with who wrote
    it and when. Removing a program or project removes its narratives."""
    for statement in _statements(_PERIOD_NARRATIVES):
        db.execute(statement)


# The OS user beside the user the log names: on a server plan the change log names the
# database role (one per person), and the account on the computer goes beside it; on a
# file the two are the same. Empty for batches written before this migration.
_OS_USER = "ALTER TABLE change_batches ADD COLUMN os_user TEXT NOT NULL DEFAULT ''"


@_migration("007_os_user")
def m007_os_user(db: sqlite_utils.Database) -> None:
    """``change_batches.os_user``: who was logged in on the computer that wrote the batch."""
    db.execute(_OS_USER)


# Which open plan wrote a batch: an id made when a PlanStore opens (store/conflicts.py). A
# change by "someone else" is one by another client — another window or process, even of
# the same user. NULL for batches written before this migration (counted as others').
_CLIENT = "ALTER TABLE change_batches ADD COLUMN client TEXT"


@_migration("008_batch_client")
def m008_batch_client(db: sqlite_utils.Database) -> None:
    """``change_batches.client``: the open plan (window, command) that wrote the batch, so an
    edit of a record another client changed since it was read is refused (issue 19)."""
    db.execute(_CLIENT)


# A task's units in the order the table shows them: the lead (the one-lead index finds it)
# and the supporting units by position. Reading every task's supporting units in order was a
# search plus a temporary sort per task; with this index it is one covering search (the task
# table at 100,000 tasks: its statement 455 -> 384 ms; the file ~11 % larger).
_UNITS_ORDER = "CREATE INDEX idx_task_units_order ON task_units(task_id, role, position)"


@_migration("009_task_units_order")
def m009_task_units_order(db: sqlite_utils.Database) -> None:
    """An index on ``task_units(task_id, role, position)``: the task table reads each task's
    supporting units in order without a sort per task (issue 18)."""
    db.execute(_UNITS_ORDER)


# Migrations written in the portable subset (docs/dev/postgresql.md): a server plan made
# before them is upgraded by running these statements, said for PostgreSQL by
# ``dialect.ddl_to_postgres`` (store/pg_database.py). A migration missing here cannot be
# applied to a server plan.
PORTABLE = {
    "007_os_user": (_OS_USER,),
    "008_batch_client": (_CLIENT,),
    "009_task_units_order": (_UNITS_ORDER,),
}


def _migrations() -> sqlite_utils.Migrations:
    """``migrations``: built from the steps the first time (or as a test replaced it)."""
    built = globals().get("migrations")
    if built is None:
        from qdplanner.store._sqlite_utils import import_sqlite_utils

        built = import_sqlite_utils().Migrations(MIGRATION_SET)
        for step, fn, transactional in _STEPS:
            built(name=step, transactional=transactional)(fn)
        globals()["migrations"] = built
    return built


def __getattr__(name: str) -> Any:
    """``migrations``: the sqlite-utils ``Migrations`` of the plan file, built on first use."""
    if name == "migrations":
        return _migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def apply(conn: sqlite3.Connection) -> None:
    """Apply the migrations ``conn``'s plan still needs (all of them to an empty database)."""
    from qdplanner.store._sqlite_utils import database

    _migrations().apply(database(conn))


def known_names() -> list[str]:
    """Names of every migration this version knows, oldest first (of ``migrations`` once it
    is built, or replaced, as a test does with a later version's)."""
    built = globals().get("migrations")
    if built is not None:
        return [m.name for m in built._migrations]
    return [step for step, _, _ in _STEPS]


def schema_version(names: list[str]) -> int:
    """The schema version a list of applied names amounts to (the count of known ones)."""
    return sum(1 for n in names if n in set(known_names()))
