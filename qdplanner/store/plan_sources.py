"""Reading a whole plan, from a file or a server, in one consistent state.

A :class:`PlanSource` says what a plan is — its schema (:mod:`schema_catalogue`), the
migrations applied, the highest id each table has given — and streams the rows of a table
in batches, ordered by the table's primary key the same way on both engines (text keys in
byte order: PostgreSQL is asked for ``COLLATE "C"``). :mod:`plan_copy` copies from one and
:mod:`plan_compare` compares two.

A plan file is read from a copy in memory made with SQLite's backup API (the file's read
lock is held for a moment only, never for the whole read), after the checks every open
makes (a plan file, not from a newer version; a change cut short is not read). A file of an
older schema is upgraded in that copy — the file itself is not touched. A server plan is
read in one ``REPEATABLE READ, READ ONLY`` transaction: one snapshot, however long the read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qdplanner.errors import N_, PlanFileError
from qdplanner.store import migrations as mig
from qdplanner.store import plan_file
from qdplanner.store.dialect import quote
from qdplanner.store.schema_catalogue import Table, describe_postgres, describe_sqlite
from qdplanner.store.server_connect import ServerError, connect, explain, is_server_address, shown

BATCH = 5000  # rows read (and written) at a time
_BYTE_ORDER = ' COLLATE "C"'  # text keys sorted as SQLite sorts them
PG_TYPES = {"integer": "int8", "real": "float8", "text": "text", "blob": "bytea"}


class PlanSource:
    """A plan being read; use it in ``with``."""

    address: str  # as shown to the user (no password)
    upgraded: tuple[str, ...] = ()  # migrations applied while reading (an older file)

    def tables(self) -> dict[str, Table]:
        raise NotImplementedError

    def applied(self) -> list[str]:
        """The names of the migrations applied (the schema version)."""
        raise NotImplementedError

    def rows(self, table: Table, columns: list[str]) -> Iterator[list[tuple]]:
        """The rows of ``table`` (only ``columns``), in batches, by primary key."""
        raise NotImplementedError

    def ids_given(self) -> dict[str, int]:
        """For each table keyed by ``id``: the highest id it has given (0: none yet). A
        record removed does not give its id back (AUTOINCREMENT, identity sequences)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> PlanSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _order(table: Table, collate: str = "") -> str:
    """ORDER BY the primary key (every column when there is none), text in byte order."""
    kinds = {c.name: c.kind for c in table.columns}
    key = table.primary_key or tuple(kinds)
    return ", ".join(quote(k) + (collate if kinds.get(k) == "text" else "") for k in key)


def _id_tables(tables: dict[str, Table]) -> list[str]:
    return [name for name, t in tables.items() if t.primary_key == ("id",)]


class FileSource(PlanSource):
    def __init__(self, path: Path):
        self.path = Path(path)
        self.address = str(path)
        applied = plan_file.inspect(self.path)  # a plan, not newer, no change cut short
        self.conn = sqlite3.connect(":memory:")
        try:
            disk = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                disk.execute("PRAGMA busy_timeout = 5000")
                disk.backup(self.conn)
            finally:
                disk.close()
            self.upgraded = tuple(plan_file.pending_migrations(applied))
            if self.upgraded:  # an older plan: upgraded in the copy, the file left alone
                mig.apply(self.conn)
        except sqlite3.Error as exc:
            self.conn.close()
            raise plan_file.explain(self.path, exc) or PlanFileError(
                N_("Messages", "{path}: cannot be read ({reason})"), path=self.path, reason=exc
            ) from exc
        self._tables: dict[str, Table] | None = None

    def tables(self) -> dict[str, Table]:
        if self._tables is None:
            self._tables = describe_sqlite(self.conn)
        return self._tables

    def applied(self) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
                [mig.MIGRATION_SET],
            )
        ]

    def rows(self, table: Table, columns: list[str]) -> Iterator[list[tuple]]:
        names = ", ".join(quote(c) for c in columns)
        cursor = self.conn.execute(
            f"SELECT {names} FROM {quote(table.name)} ORDER BY {_order(table)}"
        )
        while batch := cursor.fetchmany(BATCH):
            yield batch

    def ids_given(self) -> dict[str, int]:
        sequence: dict[str, int] = {}
        if self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"
        ).fetchone():
            sequence = dict(self.conn.execute("SELECT name, seq FROM sqlite_sequence"))
        given = {}
        for name in _id_tables(self.tables()):
            (highest,) = self.conn.execute(f"SELECT max(id) FROM {quote(name)}").fetchone()
            given[name] = max(highest or 0, sequence.get(name) or 0)
        return given

    def close(self) -> None:
        self.conn.close()


def _server_schema(url: str, pg: Any) -> list[str]:
    """The migrations of the server plan at ``url``; refuses a database holding no plan, and
    a plan of a schema this version does not have (newer, or older: no upgrade yet)."""
    (has_plan,) = pg.execute("SELECT to_regclass('_sqlite_migrations') IS NOT NULL").fetchone()
    if not has_plan:
        raise ServerError(N_("Messages", "{address}: holds no qdplanner plan"), address=shown(url))
    applied = [
        r[0]
        for r in pg.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = %s ORDER BY id",
            [mig.MIGRATION_SET],
        )
    ]
    unknown = [n for n in applied if n not in mig.known_names()]
    if unknown:
        raise ServerError(
            N_(
                "Messages",
                "{address}: written by a newer version of qdplanner (schema {schema}); "
                "please upgrade qdplanner to read it",
            ),
            address=shown(url),
            schema=", ".join(unknown),
        )
    missing = plan_file.pending_migrations(applied)
    if missing:
        raise ServerError(
            N_(
                "Messages",
                "{address}: written by an older version of qdplanner (schema {schema}) and "
                "not yet upgraded on the server; it lacks {missing}",
            ),
            address=shown(url),
            schema=mig.schema_version(applied),
            missing=", ".join(missing),
        )
    return applied


class ServerSource(PlanSource):
    def __init__(self, url: str):
        self.url = url
        self.address = shown(url)
        self.pg = connect(url, purpose="qdplanner copy")
        try:
            from psycopg import IsolationLevel

            self.pg.isolation_level = IsolationLevel.REPEATABLE_READ
            self.pg.read_only = True
            self._applied = _server_schema(url, self.pg)
            self._tables = describe_postgres(self.pg)
        except BaseException as exc:
            self.pg.close()
            raise explain(url, exc) or exc from exc

    def tables(self) -> dict[str, Table]:
        return self._tables

    def applied(self) -> list[str]:
        return list(self._applied)

    def rows(self, table: Table, columns: list[str]) -> Iterator[list[tuple]]:
        kinds = {c.name: c.kind for c in table.columns}
        types = [PG_TYPES.get(kinds[c], "text") for c in columns]
        names = ", ".join(f"{quote(c)}::{t}" for c, t in zip(columns, types, strict=True))
        sql = (
            f"COPY (SELECT {names} FROM {quote(table.name)}"
            f" ORDER BY {_order(table, _BYTE_ORDER)}) TO STDOUT (FORMAT BINARY)"
        )
        try:
            with self.pg.cursor() as cur, cur.copy(sql) as copy:
                copy.set_types(types)
                batch: list[tuple] = []
                for row in copy.rows():
                    batch.append(row)
                    if len(batch) >= BATCH:
                        yield batch
                        batch = []
                if batch:
                    yield batch
        except Exception as exc:
            raise explain(self.url, exc) or exc from exc

    def ids_given(self) -> dict[str, int]:
        given = {}
        for name in _id_tables(self._tables):
            (sequence,) = self.pg.execute(
                "SELECT pg_get_serial_sequence(%s, 'id')", [quote(name)]
            ).fetchone()
            (highest,) = self.pg.execute(f"SELECT max(id) FROM {quote(name)}").fetchone()
            value = 0
            if sequence:
                last, called = self.pg.execute(
                    f"SELECT last_value, is_called FROM {sequence}"
                ).fetchone()
                value = last if called else last - 1
            given[name] = max(highest or 0, value)
        return given

    def close(self) -> None:
        if not self.pg.closed:
            self.pg.rollback()
            self.pg.close()


def open_source(plan: str | Path) -> PlanSource:
    """A plan to read: a server address or a file path."""
    if is_server_address(plan):
        return ServerSource(str(plan))
    return FileSource(Path(plan))
