"""What a plan's schema is, read from either engine's catalogue, in one comparable form.

:func:`describe_sqlite` reads SQLite's (``PRAGMA table_info``, ``index_list``,
``foreign_key_list``, and the ``CHECK`` clauses of the ``CREATE TABLE`` text);
:func:`describe_postgres` reads PostgreSQL's (``pg_attribute``, ``pg_constraint``,
``pg_index``). Both answer a :class:`Table` per table, so a plan on a server can be shown to
have exactly the schema of a plan file (tests/store/test_pg_schema.py), and a plan copied
between them checked table by table.

Two differences of the engines are evened out, each the same on both sides: a primary key's
columns count as NOT NULL (PostgreSQL enforces it; SQLite's rowid tables let a non-integer
key hold NULL, which the store never writes), and a type is named by its kind (``integer``,
``real``, ``text``, ``blob``) — BIGINT and DOUBLE PRECISION on the server, SQLite's
INTEGER and REAL in the file. A ``CHECK`` is compared by the columns it reads: the engines
spell the same expression differently (PostgreSQL keeps ``= ANY (ARRAY[…])`` for ``IN (…)``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from qdplanner.store.dialect import identifier, tokens

_SQLITE_KINDS = {"INTEGER": "integer", "REAL": "real", "TEXT": "text", "BLOB": "blob"}
_PG_KINDS = {
    "bigint": "integer",
    "integer": "integer",
    "smallint": "integer",
    "double precision": "real",
    "real": "real",
    "text": "text",
    "bytea": "blob",
}
_PG_ON_DELETE = {
    "a": "NO ACTION",
    "r": "RESTRICT",
    "c": "CASCADE",
    "n": "SET NULL",
    "d": "SET DEFAULT",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # integer, real, text, blob ('' when untyped)
    not_null: bool
    has_default: bool


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    to: tuple[str, ...]
    on_delete: str


@dataclass(frozen=True)
class Index:
    """An index made by ``CREATE INDEX`` (those behind PRIMARY KEY and UNIQUE aside)."""

    name: str
    columns: tuple[str, ...]
    unique: bool
    partial: bool


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    uniques: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    foreign_keys: frozenset[ForeignKey] = field(default_factory=frozenset)
    checks: tuple[tuple[str, ...], ...] = ()  # the columns each CHECK reads, sorted
    indexes: frozenset[Index] = field(default_factory=frozenset)


# -- SQLite ---------------------------------------------------------------------------
def _sqlite_kind(declared: str) -> str:
    return _SQLITE_KINDS.get(declared.split("(")[0].strip().upper(), declared.lower())


def check_clauses(create_sql: str) -> list[str]:
    """The expressions of every ``CHECK (…)`` of a ``CREATE TABLE`` text."""
    items = [t for t in tokens(create_sql) if t.kind not in ("space", "comment")]
    found: list[str] = []
    for i, token in enumerate(items):
        if token.kind != "word" or token.upper != "CHECK":
            continue
        depth, body = 0, []
        for t in items[i + 1 :]:
            if t.text == "(":
                depth += 1
                if depth == 1:
                    continue
            elif t.text == ")":
                depth -= 1
                if depth == 0:
                    break
            body.append(t.text)
        found.append(" ".join(body))
    return found


def _columns_read(expression: str, columns: set[str]) -> tuple[str, ...]:
    names = {identifier(t) for t in tokens(expression)}
    return tuple(sorted(n for n in names if n in columns))


def describe_sqlite(conn: sqlite3.Connection) -> dict[str, Table]:
    """Every table of the SQLite database ``conn`` (SQLite's own aside), by name."""
    described = {}
    for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    ).fetchall():
        q = '"' + name.replace('"', '""') + '"'
        info = conn.execute(f"PRAGMA table_info({q})").fetchall()
        key = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        columns = tuple(
            Column(r[1], _sqlite_kind(r[2]), bool(r[3]) or r[1] in key, r[4] is not None)
            for r in info
        )
        uniques, indexes = set(), set()
        for _seq, index, unique, origin, partial in conn.execute(
            f"PRAGMA index_list({q})"
        ).fetchall():
            cols = tuple(
                r[2]
                for r in sorted(
                    conn.execute(f'PRAGMA index_info("{index}")').fetchall(), key=lambda r: r[0]
                )
            )
            if origin == "u":
                uniques.add(cols)
            elif origin == "c":
                indexes.add(Index(index, cols, bool(unique), bool(partial)))
        foreign: dict[int, list] = {}
        for fk_id, _seq, table, frm, to, _upd, on_delete, _match in conn.execute(
            f"PRAGMA foreign_key_list({q})"
        ).fetchall():
            foreign.setdefault(fk_id, []).append((_seq, table, frm, to, on_delete))
        fks = {
            ForeignKey(
                tuple(p[2] for p in sorted(parts)),
                parts[0][1],
                tuple(p[3] for p in sorted(parts)),
                parts[0][4].upper(),
            )
            for parts in foreign.values()
        }
        names = {c.name for c in columns}
        checks = tuple(sorted(_columns_read(e, names) for e in check_clauses(sql)))
        described[name] = Table(
            name, columns, key, frozenset(uniques), frozenset(fks), checks, frozenset(indexes)
        )
    return described


# -- PostgreSQL -----------------------------------------------------------------------
_PG_COLUMNS = """
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum
"""
_PG_CONSTRAINTS = """
SELECT c.relname, k.contype, k.conname,
       ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i),
       f.relname,
       ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i),
       k.confdeltype
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
LEFT JOIN pg_class f ON f.oid = k.confrelid
WHERE c.relnamespace = current_schema()::regnamespace
"""
_PG_INDEXES = """
SELECT t.relname, i.relname, x.indisunique, x.indpred IS NOT NULL,
       ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY u(n, o)
             JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n ORDER BY u.o)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
WHERE t.relnamespace = current_schema()::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
"""


def describe_postgres(pg: Any) -> dict[str, Table]:
    """Every table of the current schema of the psycopg connection ``pg``, by name."""
    columns: dict[str, list[Column]] = {}
    for table, name, declared, not_null, has_default in pg.execute(_PG_COLUMNS).fetchall():
        kind = _PG_KINDS.get(declared, declared)
        columns.setdefault(table, []).append(Column(name, kind, not_null, has_default))
    parts: dict[str, dict[str, Any]] = {
        t: {"key": (), "uniques": set(), "fks": set(), "checks": [], "indexes": set()}
        for t in columns
    }
    for table, kind, _name, cols, ref, ref_cols, on_delete in pg.execute(
        _PG_CONSTRAINTS
    ).fetchall():
        entry = parts[table]
        if kind == "p":
            entry["key"] = tuple(cols)
        elif kind == "u":
            entry["uniques"].add(tuple(cols))
        elif kind == "f":
            entry["fks"].add(
                ForeignKey(tuple(cols), ref, tuple(ref_cols), _PG_ON_DELETE[on_delete])
            )
        elif kind == "c":
            entry["checks"].append(tuple(sorted(cols)))
    for table, name, unique, partial, cols in pg.execute(_PG_INDEXES).fetchall():
        parts[table]["indexes"].add(Index(name, tuple(cols), unique, partial))
    return {
        t: Table(
            t,
            tuple(columns[t]),
            parts[t]["key"],
            frozenset(parts[t]["uniques"]),
            frozenset(parts[t]["fks"]),
            tuple(sorted(parts[t]["checks"])),
            frozenset(parts[t]["indexes"]),
        )
        for t in sorted(columns)
    }


# -- comparing two plans' schemas (qdplanner copy --verify, the round-trip tests) ------
SCHEMA_PARTS = ("columns", "primary_key", "uniques", "foreign_keys", "checks", "indexes")


def schema_differences(
    first: dict[str, Table], second: dict[str, Table]
) -> list[tuple[str, str, object, object]]:
    """Where two schemas differ: ``(table, part, first's, second's)`` for each part of
    :data:`SCHEMA_PARTS` that differs, and ``(table, "table", True/None, …)`` for a table
    only one side has; [] when they are the same."""
    found: list[tuple[str, str, object, object]] = []
    for name in sorted(set(first) | set(second)):
        a, b = first.get(name), second.get(name)
        if a is None or b is None:
            found.append((name, "table", a is not None or None, b is not None or None))
            continue
        for part in SCHEMA_PARTS:
            if getattr(a, part) != getattr(b, part):
                found.append((name, part, getattr(a, part), getattr(b, part)))
    return found


# -- what the store reads of an open plan's catalogue, on either engine ------------------
# ``db``: the store's database (``store.db``): a sqlite_utils.Database or database.FileReader
# for a file, a pg_database.PgDatabase (``engine = "postgresql"``) for a server. One short
# read each, cached by the callers (records.key_columns, records.columns, cascade.foreign_keys).
_PG_TABLE_COLUMNS = """
SELECT a.attname, COALESCE(array_position(k.conkey, a.attnum), 0)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'
WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ?
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""
_PG_FOREIGN_KEYS = """
SELECT f.relname, a.attname, k.confdeltype
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_class f ON f.oid = k.confrelid
JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
WHERE k.contype = 'f' AND cardinality(k.conkey) = 1
  AND c.relnamespace = current_schema()::regnamespace AND c.relname = ?
ORDER BY k.oid
"""


def _on_server(db: Any) -> bool:
    return getattr(db, "engine", "sqlite") == "postgresql"


def table_columns(db: Any, table: str) -> list[tuple[str, int]]:
    """(name, place in the primary key: 1, 2 … or 0) of every column of ``table``, in order."""
    if _on_server(db):
        return [(r[0], r[1]) for r in db.execute(_PG_TABLE_COLUMNS, [table]).fetchall()]
    q = '"' + table.replace('"', '""') + '"'
    return [(r[1], r[5]) for r in db.execute(f"PRAGMA table_info({q})").fetchall()]


def key_columns(db: Any, table: str) -> list[str]:
    """The columns of ``table``'s primary key, in order (``rowid`` when it has none)."""
    found = sorted((c for c in table_columns(db, table) if c[1]), key=lambda c: c[1])
    return [c[0] for c in found] or ["rowid"]


def table_foreign_keys(db: Any, table: str) -> list[tuple[str, str, str]]:
    """(table referred to, column referring, ON DELETE action) of each single-column
    foreign key of ``table``, as the schema declares them."""
    if _on_server(db):
        return [
            (ref, column, _PG_ON_DELETE[action])
            for ref, column, action in db.execute(_PG_FOREIGN_KEYS, [table]).fetchall()
        ]
    q = '"' + table.replace('"', '""') + '"'
    # id, seq, table, from, to, on_update, on_delete, match
    rows = db.execute(f"PRAGMA foreign_key_list({q})").fetchall()
    return [(r[2], r[3], r[6].upper()) for r in rows]
