"""One user action = one transaction = one change batch, with every field change logged.

Writes go through :class:`ChangeSet`, obtained from ``PlanStore.action(...)``. It records,
for each field it changes, the old and the new value in ``change_log``; records added and
removed are logged as one row with field ``*`` and the whole record as JSON, so the log is
enough to tell (and to undo) what an action did. A record keyed by several columns (a
task's unit role) has no ``entity_id``: its key is logged as JSON in ``entity_key``.

Records are named by their :class:`~qdplanner.store.records.RecordKind` (a plain string is
taken only when it is a kind's value, as the store's own modules write them); the log's
``entity`` is the kind's value.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from qdplanner.domain.limits import check_storable
from qdplanner.errors import N_, NotFoundError
from qdplanner.store.records import RecordKind, key_columns_of

if TYPE_CHECKING:
    import sqlite_utils


def current_user() -> str:
    """The OS user, as the change log names them."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) and no USER variable
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def to_sql(value: Any) -> Any:
    """Convert a domain value to what the plan file stores (dates → ISO text, enums → text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json(record: Mapping[str, Any]) -> str:
    """A record as the change log keeps it; binary content (evidence files) by its size."""
    return json.dumps(
        record,
        ensure_ascii=False,
        default=lambda v: (
            f"<{len(v)} bytes>" if isinstance(v, bytes | bytearray | memoryview) else str(v)
        ),
    )


def _log_text(value: Any) -> str | None:
    return None if value is None else str(value)


class ChangeSet:
    """The writes of one action. Use only inside ``PlanStore.action()``."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        *,
        source: str,
        description: str,
        user: str,
        key_columns: dict[str, list[str]] | None = None,
        os_user: str | None = None,
        client: str | None = None,
        seen: int | None = None,
        reread: Mapping[tuple[str, Any], int] | None = None,
        store: Any = None,
    ):
        self.db = db
        self.source = source
        self.description = description
        self.user = user
        self.os_user = user if os_user is None else os_user
        self._batch_id: int | None = None
        self.changed = 0
        # table → its primary key's columns; the store shares one across its actions
        self._pks: dict[str, list[str]] = {} if key_columns is None else key_columns
        # Editors at once (store/conflicts.py): the newest batch the editing view had read,
        # records it read again since, and — read at the first write — what other clients
        # changed after it
        self.client = client
        self.seen = seen
        self.reread = reread
        self.store = store
        self._others: dict | None = None

    @property
    def written_batch(self) -> int | None:
        """The batch this action wrote, or None when it wrote nothing."""
        return self._batch_id

    def check(self, entity: str, pk: Any) -> None:
        """Refuse (:class:`~qdplanner.store.conflicts.ConflictError`) to write the record
        ``pk`` of ``entity`` when another client changed it after ``seen``."""
        if self.seen is None:
            return
        from qdplanner.store import conflicts

        if self._others is None:
            self._others = conflicts.read_others(self.db, self.seen, self.client or "")
        if not self._others:
            return
        if isinstance(pk, tuple):
            key = json.dumps(dict(zip(self._key_columns(entity), pk, strict=False)))
        else:
            key = pk
        change = conflicts.stale(self._others, entity, key, self.reread)
        if change is not None:
            raise conflicts.conflict_error(self.store, change)

    @property
    def batch_id(self) -> int:
        if self._batch_id is None:
            cursor = self.db.execute(
                "INSERT INTO change_batches (at, user, os_user, source, description, client)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                [to_sql(datetime.now(UTC)), self.user, self.os_user, self.source,
                 self.description, self.client],
            )  # fmt: skip
            self._batch_id = cursor.fetchall()[0][0]
        return self._batch_id

    def _key_columns(self, table: str) -> list[str]:
        """The columns of ``table``'s primary key, in order (``rowid`` when it has none)."""
        if table not in self._pks:
            self._pks[table] = key_columns_of(self.db, table)
        return self._pks[table]

    def _log(self, entity: str, pk: Any, rows: Iterable[tuple]) -> None:
        """Log ``rows`` (field, old, new) of the record ``pk`` of table ``entity``."""
        batch = self.batch_id
        if isinstance(pk, tuple):
            key = json.dumps(dict(zip(self._key_columns(entity), pk, strict=False)))
            entity_id = None
        else:
            key, entity_id = None, pk if isinstance(pk, int) else None
        self.db.conn.executemany(
            "INSERT INTO change_log"
            " (batch_id, entity, entity_id, entity_key, field, old_value, new_value)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(batch, entity, entity_id, key, f, o, n) for f, o, n in rows],
        )
        self.changed += 1

    def insert(self, kind: RecordKind | str, record: Mapping[str, Any]) -> Any:
        """Insert one record; return its id (a tuple for a record keyed by several columns)."""
        table = RecordKind(kind).value
        values = {k: to_sql(v) for k, v in record.items()}
        check_storable(values)  # no NUL: a server's text cannot hold it (refused on both)
        names = ", ".join(f'"{k}"' for k in values)
        marks = ", ".join("?" * len(values))
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
        key = self._key_columns(table)
        if key == ["id"]:
            pk = self.db.execute(sql + " RETURNING id", list(values.values())).fetchall()[0][0]
        else:  # keyed by the values given: a setting's name, a task's unit role
            self.db.execute(sql, list(values.values()))
            pk = values[key[0]] if len(key) == 1 else tuple(values[c] for c in key)
        logged = {"id": pk, **values} if "id" not in values and isinstance(pk, int) else values
        self._log(table, pk, [("*", None, _json(logged))])
        return pk

    def _where(self, table: str, pk: Any) -> tuple[str, list]:
        """The WHERE clause (and its values) that picks the record ``pk`` of ``table``."""
        keys = list(pk) if isinstance(pk, tuple) else [pk]
        return " AND ".join(f'"{c}" = ?' for c in self._key_columns(table)), keys

    def update(
        self,
        kind: RecordKind | str,
        pk: Any,
        changes: Mapping[str, Any],
        *,
        old: Mapping[str, Any] | None = None,
    ) -> dict[str, tuple]:
        """Set fields of one record; log and return only the fields whose value changed.

        ``pk`` is the id, or a tuple of the key's values for a record keyed by several
        columns (in the order of the table's primary key). ``old``: the record's stored
        values of (at least) the fields in ``changes``, when the caller has just read them
        in this action — saves reading the record again."""
        table = RecordKind(kind).value
        self.check(table, pk)
        where, keys = self._where(table, pk)
        if old is None:
            cursor = self.db.execute(f'SELECT * FROM "{table}" WHERE {where}', keys)
            row = cursor.fetchone()
            if row is None:
                raise NotFoundError(
                    N_("Messages", "{table} #{id} does not exist"), table=table, id=pk
                )
            old = dict(zip((d[0] for d in cursor.description), row, strict=True))
        new = {k: to_sql(v) for k, v in changes.items()}
        check_storable(new)
        diff = {k: (old[k], v) for k, v in new.items() if old[k] != v}
        if diff:
            columns = ", ".join(f'"{k}" = ?' for k in diff)
            self.db.execute(
                f'UPDATE "{table}" SET {columns} WHERE {where}',
                [v for _, v in diff.values()] + keys,
            )
            self._log(table, pk, [(k, _log_text(o), _log_text(n)) for k, (o, n) in diff.items()])
        return diff

    def log_fields(self, entity: str, pk: Any, rows: Iterable[tuple[str, Any, Any]]) -> None:
        """Log changes (field, old, new) of fields the caller has written elsewhere: a task's
        lead and supporting units live in ``task_units`` but read as fields of the task."""
        self.check(RecordKind(entity).value, pk)
        self._log(
            RecordKind(entity).value, pk, [(f, _log_text(o), _log_text(n)) for f, o, n in rows]
        )

    def delete(self, kind: RecordKind | str, pk: int | tuple) -> None:
        """Delete one record, logging it whole (its cascaded children are not logged)."""
        table = RecordKind(kind).value
        self.check(table, pk)
        where, keys = self._where(table, pk)
        cursor = self.db.execute(f'SELECT * FROM "{table}" WHERE {where}', keys)
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(N_("Messages", "{table} #{id} does not exist"), table=table, id=pk)
        old = dict(zip((d[0] for d in cursor.description), row, strict=True))
        self.db.execute(f'DELETE FROM "{table}" WHERE {where}', keys)
        self._log(table, pk, [("*", _json(old), None)])

    def execute(self, sql: str, params: Iterable[Any] = (), *, entity: str, note: str) -> int:
        """Run one bulk statement; log it as one row naming what it did. Returns rowcount."""
        cursor = self.db.execute(sql, list(params))
        self._log(entity, None, [("*", None, note)])
        return cursor.rowcount

    def executemany(self, sql: str, rows: list[tuple], *, entity: str, note: str) -> None:
        """Run one statement for each of ``rows``; log it as one row naming what it did."""
        self.db.conn.executemany(sql, rows)
        self._log(entity, None, [("*", None, note)])
