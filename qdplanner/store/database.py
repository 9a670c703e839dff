"""The narrow surface of a database that the store calls: what it uses of sqlite-utils.

``store.db`` is, for a plan file open for writing, the ``sqlite_utils.Database`` it is written
through (behind a :class:`FileWriter`, which reads as the reader does until its first write);
for a plan file open read-only, a :class:`FileReader` (plain sqlite3); for a server plan, a
:class:`~qdplanner.store.pg_database.PgDatabase`. The last two offer what the store calls of
the first — ``execute(sql, params)`` (a cursor), ``query()`` (dict rows), ``table(name)`` /
``db[name]`` (:class:`Table`: ``insert``, ``get``, ``delete``, ``count``, ``rows``,
``count_where``), ``table_names()``, ``conn`` and ``close()`` — and share :class:`Table`.

Reading a plan file this way imports no sqlite-utils (with dateutil and the rest behind it,
~40 ms of a command's start-up: ``qdplanner status`` only reads; the window paints a plan
before its first edit).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from qdplanner.errors import N_, NotFoundError
from qdplanner.store.dialect import quote


class Table:
    """``db.table(name)``: the few sqlite-utils table operations the store uses."""

    def __init__(self, db: Database, name: str):
        self.db = db
        self.name = name
        self.last_pk: Any = None

    def _key(self) -> list[str]:
        from qdplanner.store.schema_catalogue import key_columns

        return key_columns(self.db, self.name)

    def _where(self, pk: Any) -> tuple[str, list[Any]]:
        values = list(pk) if isinstance(pk, tuple | list) else [pk]
        return " AND ".join(f"{quote(c)} = ?" for c in self._key()), values

    def insert(self, record: dict[str, Any]) -> Table:
        names = ", ".join(quote(c) for c in record)
        marks = ", ".join("?" * len(record))
        key = self._key()
        returning = f" RETURNING {quote(key[0])}" if len(key) == 1 else ""
        cursor = self.db.execute(
            f"INSERT INTO {quote(self.name)} ({names}) VALUES ({marks}){returning}",
            list(record.values()),
        )
        self.last_pk = cursor.fetchone()[0] if returning else tuple(record[c] for c in key)
        return self

    def get(self, pk: Any) -> dict[str, Any]:
        where, values = self._where(pk)
        rows = list(self.db.query(f"SELECT * FROM {quote(self.name)} WHERE {where}", values))
        if not rows:
            raise NotFoundError(
                N_("Messages", "{table} #{id} does not exist"), table=self.name, id=pk
            )
        return rows[0]

    def delete(self, pk: Any) -> Table:
        where, values = self._where(pk)
        self.db.execute(f"DELETE FROM {quote(self.name)} WHERE {where}", values)
        return self

    @property
    def count(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {quote(self.name)}").fetchone()[0]

    @property
    def rows(self) -> Iterator[dict[str, Any]]:
        return self.db.query(f"SELECT * FROM {quote(self.name)}")

    def count_where(self, where: str, params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {quote(self.name)} WHERE {where}"
        return self.db.execute(sql, list(params)).fetchone()[0]


class Database:
    """What a database offers the store besides its statements: its tables by name."""

    def execute(self, sql: str, params: Any = ()) -> Any:
        raise NotImplementedError

    def query(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        raise NotImplementedError

    def table(self, name: str) -> Table:
        return Table(self, name)

    __getitem__ = table


class FileReader(Database):
    """A plan file open read-only (``mode=ro``), read through plain sqlite3. A write is
    refused by SQLite (and before that by ``PlanStore.action``)."""

    engine = "sqlite"

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, () if params is None else params)

    def query(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        """The rows of ``sql`` as dicts (run at once, as sqlite-utils does; read lazily)."""
        cursor = self.execute(sql, params)
        if cursor.description is None:
            raise ValueError("query() is for statements that return rows: use execute()")
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def table_names(self) -> list[str]:
        """The plan's tables, in the order they were made."""
        return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def close(self) -> None:
        self.conn.close()


class FileWriter(FileReader):
    """A plan file open for writing: its statements that only read run as a
    :class:`FileReader` runs them, and everything else — writes, tables, transactions — goes
    through the ``sqlite_utils.Database`` it is written through, made when first needed. So
    opening a plan and painting it imports no sqlite-utils (~45 ms of the window's start);
    the first write does. A statement that only reads is one starting with SELECT: it opens
    no transaction and commits nothing, the same through either."""

    def __init__(self, conn: sqlite3.Connection):
        super().__init__(conn)
        self._writer: Any = None
        # What sqlite-utils sets on a connection it is given, set from the start so that the
        # connection is the same before its first write as after
        conn.execute("PRAGMA recursive_triggers = on")

    @property
    def writer(self) -> Any:
        """The ``sqlite_utils.Database`` over this plan's connection."""
        if self._writer is None:
            from qdplanner.store._sqlite_utils import database

            self._writer = database(self.conn)
        return self._writer

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        if self._writer is None and _reads_only(sql):
            return super().execute(sql, params)
        return self.writer.execute(sql, params)

    def query(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        if self._writer is None and _reads_only(sql):
            return super().query(sql, params)
        return self.writer.query(sql, params)

    def table(self, name: str) -> Any:
        return self.writer.table(name)

    __getitem__ = table

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_writer":
            raise AttributeError(name)
        return getattr(self.writer, name)


def _reads_only(sql: str) -> bool:
    return sql.lstrip()[:6].upper() == "SELECT"
