"""What removing records takes along, read from the plan file's own foreign keys.

Removing a task removes its sub-tasks, milestones, progress reports, unit roles (and their
evidence); removing a program clears the program of its indicators. The importer shows all of
it before anything is applied, and the apply step removes those records one by one (children
first) so the change log names every one. The walk reads the schema (``PRAGMA
foreign_key_list``), so a table added by a later migration is covered without changing this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

CHUNK = 500  # ids per IN (…) list


@dataclass(frozen=True)
class ForeignKey:
    child: str
    column: str
    parent: str
    on_delete: str  # CASCADE | SET NULL | RESTRICT | NO ACTION


@dataclass
class Cascade:
    """Records that go with the removed ones, and references that are cleared."""

    # table → pk → (parent table, parent id) that takes it along; in discovery order
    removed: dict[str, dict[Any, tuple[str, Any]]] = field(default_factory=dict)
    set_null: list[tuple[str, Any, str]] = field(default_factory=list)  # table, pk, column
    restricted: list[tuple[str, Any, str, Any]] = field(default_factory=list)  # + parent id

    def ids(self, table: str) -> set[Any]:
        return set(self.removed.get(table, ()))


def foreign_keys(db: sqlite_utils.Database) -> list[ForeignKey]:
    keys = []
    for table in db.table_names():
        for row in db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall():
            # id, seq, table, from, to, on_update, on_delete, match
            keys.append(ForeignKey(table, row[3], row[2], row[6].upper()))
    return keys


def primary_key(db: sqlite_utils.Database, table: str) -> list[str]:
    info = db.execute(f"PRAGMA table_info([{table}])").fetchall()
    pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    return pk or ["rowid"]


def walk(
    db: sqlite_utils.Database,
    removed: dict[str, Iterable[Any]],
    *,
    kept: dict[tuple[str, str], set[Any]] | None = None,
) -> Cascade:
    """Follow the foreign keys from ``removed`` (table → ids) as SQLite would on delete.

    ``kept`` names rows whose reference the import points elsewhere ((table, column) → pks):
    they are not taken along. Explicitly removed records are not repeated in the result.
    """
    kept = kept or {}
    explicit = {table: set(ids) for table, ids in removed.items()}
    keys = foreign_keys(db)
    result = Cascade()
    queue = [(table, list(ids)) for table, ids in explicit.items() if ids]
    while queue:
        parent, ids = queue.pop(0)
        for fk in (k for k in keys if k.parent == parent):
            pk = primary_key(db, fk.child)
            pk_sql = ", ".join(f"[{c}]" for c in pk)
            found = []
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                marks = ", ".join("?" * len(chunk))
                found += db.execute(
                    f"SELECT {pk_sql}, [{fk.column}] FROM [{fk.child}]"
                    f" WHERE [{fk.column}] IN ({marks})",
                    chunk,
                ).fetchall()
            skip = kept.get((fk.child, fk.column), set())
            gone = explicit.get(fk.child, set())
            taken = result.removed.setdefault(fk.child, {}) if fk.on_delete == "CASCADE" else {}
            new_ids = []
            for row in found:
                key = row[0] if len(pk) == 1 else tuple(row[: len(pk)])
                if key in skip or key in gone or key in result.removed.get(fk.child, {}):
                    continue
                if fk.on_delete == "CASCADE":
                    taken[key] = (parent, row[-1])
                    new_ids.append(key)
                elif fk.on_delete == "SET NULL":
                    result.set_null.append((fk.child, key, fk.column))
                else:
                    result.restricted.append((fk.child, key, fk.column, row[-1]))
            if new_ids and len(pk) == 1:
                queue.append((fk.child, new_ids))
    result.removed = {t: ids for t, ids in result.removed.items() if ids}

    def going(table: str, key: Any) -> bool:
        return key in explicit.get(table, ()) or key in result.removed.get(table, {})

    result.set_null = [e for e in result.set_null if not going(e[0], e[1])]
    result.restricted = [e for e in result.restricted if not going(e[0], e[1])]
    return result
