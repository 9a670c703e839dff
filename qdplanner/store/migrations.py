"""Schema versions of the plan file, as sqlite-utils ``Migrations``.

Each migration runs in its own transaction and is recorded in ``_sqlite_migrations``; the
names applied to a file tell its schema version. Never edit a released migration: add one.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils import Migrations

from qdplanner.paths import db_dir

MIGRATION_SET = "qdplanner"
# 'QDP1' — written into the SQLite header so a plan file is recognisable without reading tables.
APPLICATION_ID = 0x51445031

migrations = Migrations(MIGRATION_SET)


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


@migrations(name="001_initial")
def m001_initial(db: sqlite_utils.Database) -> None:
    run_sql_file(db, "001_initial.sql")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def known_names() -> list[str]:
    """Names of every migration this version knows, oldest first."""
    return [m.name for m in migrations._migrations]


def schema_version(names: list[str]) -> int:
    """The schema version a list of applied names amounts to (the count of known ones)."""
    return sum(1 for n in names if n in set(known_names()))
