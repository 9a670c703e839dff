"""A new plan on a PostgreSQL database, from the one source a plan file is made from.

There is no second, hand-kept schema. The plan's schema is what its migrations
(:mod:`qdplanner.store.migrations`: ``db/schema/001_initial.sql`` and the migrations after
it) build. To make a plan on a server, those migrations are applied to a throw-away SQLite
database in memory, exactly as for a new plan file; SQLite's catalogue then holds the
current schema (every ``ALTER TABLE`` folded into its ``CREATE TABLE``), and each table and
index is said again for PostgreSQL by :func:`qdplanner.store.dialect.ddl_to_postgres`.
The rows the migrations write into a new plan — the schema version in
``_sqlite_migrations``, the plan's identity in ``settings`` — are copied as they are, so a
new server plan holds what a new plan file holds, and reports the same schema version.

Tables are created in the order their references need (a table after those it refers to);
indexes after the tables. Everything runs in one transaction: a database is left either
with the whole plan or as it was.

The connection is a psycopg 3 connection handed in (the driver is imported by its caller):
this module stays importable where psycopg is not installed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from qdplanner.store import migrations as mig
from qdplanner.store.dialect import ddl_to_postgres, identifier, quote, tokens


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # "table" or "index"
    name: str
    table: str
    sqlite_sql: str
    postgres_sql: str


def reference_plan() -> sqlite3.Connection:
    """A new plan in memory: the migrations applied, as :func:`plan_file.create_database`
    does for a file (the caller closes it)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    mig.apply(conn)
    return conn


def _catalogue(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(type, name, table, sql) of the plan's tables and indexes, SQLite's own left out."""
    return conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
        " WHERE type IN ('table', 'index') AND sql IS NOT NULL"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
    ).fetchall()


def references(sql: str) -> set[str]:
    """The tables a ``CREATE TABLE`` refers to (``REFERENCES name``)."""
    significant = [t for t in tokens(sql) if t.kind not in ("space", "comment")]
    found = set()
    for before, token in pairwise(significant):
        if before.kind == "word" and before.upper == "REFERENCES":
            name = identifier(token)
            if name:
                found.add(name)
    return found


def _in_reference_order(tables: dict[str, str]) -> list[str]:
    """Table names, each after the tables it refers to (its own name aside)."""
    ordered: list[str] = []
    placed: set[str] = set()
    pending = list(tables)
    while pending:
        progressed = False
        for name in list(pending):
            needs = references(tables[name]) - {name}
            if needs <= placed or not (needs & set(tables)):
                ordered.append(name)
                placed.add(name)
                pending.remove(name)
                progressed = True
        if not progressed:  # a cycle of references: PostgreSQL would need ALTER TABLE
            raise ValueError(f"tables refer to each other in a cycle: {sorted(pending)}")
    return ordered


@lru_cache(maxsize=4)
def _translated(catalogue: tuple[tuple[str, str, str, str], ...]) -> tuple[SchemaObject, ...]:
    tables = {name: sql for kind, name, _t, sql in catalogue if kind == "table"}
    objects = [
        SchemaObject("table", name, name, tables[name], ddl_to_postgres(tables[name]))
        for name in _in_reference_order(tables)
    ]
    objects += [
        SchemaObject("index", name, table, sql, ddl_to_postgres(sql))
        for kind, name, table, sql in catalogue
        if kind == "index"
    ]
    return tuple(objects)


def schema_objects(conn: sqlite3.Connection | None = None) -> tuple[SchemaObject, ...]:
    """The plan's tables (in reference order) and indexes, as SQLite and PostgreSQL say them.
    ``conn``: a plan to read the schema of (default: a new one, made in memory)."""
    own = conn is None
    source = reference_plan() if conn is None else conn
    try:
        return _translated(tuple(_catalogue(source)))
    finally:
        if own:
            source.close()


def postgres_statements() -> list[str]:
    """The statements that make the current schema on PostgreSQL (tables, then indexes)."""
    return [o.postgres_sql for o in schema_objects()]


def create_plan_schema(pg: Any) -> list[str]:
    """Make a new plan on the empty PostgreSQL database of the psycopg connection ``pg``:
    the current schema, and the rows the migrations write into a new plan (schema version,
    plan identity). One transaction (a savepoint when ``pg`` is already in one: the
    caller's transaction decides); the names of the tables made come back."""
    source = reference_plan()
    try:
        objects = schema_objects(source)
        tables = [o.name for o in objects if o.kind == "table"]
        with pg.transaction(), pg.cursor() as cur:
            create_schema_objects(cur, objects)
            for table in tables:
                _copy_rows(source, cur, table)
    finally:
        source.close()
    return tables


def create_schema_objects(
    cur: Any, objects: tuple[SchemaObject, ...] | None = None, kind: str | None = None
) -> None:
    """Run the statements that make the current schema (``kind``: only the tables, or only
    the indexes) on the psycopg cursor ``cur``, in the caller's transaction, writing no rows.
    A copy makes the tables, fills them, then makes the indexes (faster than the other way)."""
    for o in objects if objects is not None else schema_objects():
        if kind is None or o.kind == kind:
            cur.execute(o.postgres_sql)


def _copy_rows(source: sqlite3.Connection, cur: Any, table: str) -> None:
    cursor = source.execute(f"SELECT * FROM {quote(table)}")
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if not rows:
        return
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    cur.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
    if "id" in columns:  # ids given explicitly: the identity continues after them
        cur.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), max(id)) FROM {quote(table)}",
            [quote(table)],
        )
