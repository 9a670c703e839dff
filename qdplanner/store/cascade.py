"""What removing records takes along, read from the plan file's own foreign keys.

Removing a task removes its sub-tasks, milestones, progress reports, unit roles (and their
evidence); removing a program clears the program of its indicators. The importer shows all of
it before anything is applied, and the apply step removes those records one by one, children
first (:func:`children_first`), so the change log names every one. The walk reads the schema
(``schema_catalogue.table_foreign_keys``: each engine's own catalogue), so a table added by a
later migration is covered without changing this. Records are named by
:class:`~qdplanner.store.records.RecordKind`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from qdplanner.store.plan_store import PlanStore
from qdplanner.store.records import CHUNK, RecordKind, key_columns
from qdplanner.store.schema_catalogue import table_foreign_keys

T = TypeVar("T")


@dataclass(frozen=True)
class ForeignKey:
    child: RecordKind
    column: str
    parent: RecordKind
    on_delete: str  # CASCADE | SET NULL | RESTRICT | NO ACTION


@dataclass
class Cascade:
    """Records that go with the removed ones, and references that are cleared."""

    # kind → key → (parent kind, parent id) that takes it along; in discovery order
    removed: dict[RecordKind, dict[Any, tuple[RecordKind, Any]]] = field(default_factory=dict)
    set_null: list[tuple[RecordKind, Any, str]] = field(default_factory=list)  # kind, key, field
    restricted: list[tuple[RecordKind, Any, str, Any]] = field(default_factory=list)  # + parent

    def ids(self, kind: str) -> set[Any]:
        return set(self.removed.get(RecordKind(kind), ()))


def foreign_keys(store: PlanStore) -> list[ForeignKey]:
    """Every reference from one kind of record to another, as the schema declares it."""
    keys = []
    kinds = RecordKind._value2member_map_
    for kind in (RecordKind(t) for t in store.db.table_names() if t in kinds):  # schema order
        for parent, column, on_delete in table_foreign_keys(store.db, kind.value):
            if parent in kinds:
                keys.append(ForeignKey(kind, column, RecordKind(parent), on_delete))
    return keys


def walk(
    store: PlanStore,
    removed: dict[str, Iterable[Any]],
    *,
    kept: dict[tuple[str, str], set[Any]] | None = None,
) -> Cascade:
    """Follow the foreign keys from ``removed`` (kind → ids) as the plan file would on delete.

    ``kept`` names records whose reference the import points elsewhere ((kind, field) → keys):
    they are not taken along. Explicitly removed records are not repeated in the result.
    """
    kept = kept or {}
    explicit = {RecordKind(kind): set(ids) for kind, ids in removed.items()}
    keys = foreign_keys(store)
    result = Cascade()
    queue = [(table, list(ids)) for table, ids in explicit.items() if ids]
    while queue:
        parent, ids = queue.pop(0)
        for fk in (k for k in keys if k.parent == parent):
            pk = key_columns(store, fk.child)
            pk_sql = ", ".join(f"[{c}]" for c in pk)
            found = []
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                marks = ", ".join("?" * len(chunk))
                found += store.db.execute(
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


# Removed along with their parent by the plan file, never logged: binary content.
_UNLOGGED = {RecordKind.EVIDENCE_FILES}


def removed_silently(kind: str, key: Any) -> bool:
    """Whether the plan file removes such a record along with its parent, with no log row of
    its own: evidence files (binary content), and records keyed by several fields other than a
    task's units (task links, baseline rows)."""
    kind = RecordKind(kind)
    return kind in _UNLOGGED or (isinstance(key, tuple) and kind != RecordKind.TASK_UNITS)


def children_first(
    store: PlanStore, items: Iterable[T], kind_and_key: Callable[[T], tuple[str, Any]]
) -> list[T]:
    """``items`` (each naming a record by ``kind_and_key(item)``) ordered so that every record
    comes before the records it refers to, sub-tasks before their parents: removed in this
    order, each is logged before its parent would take it along."""
    items = list(items)
    rank = _kind_ranks(store)
    tasks = any(RecordKind(kind_and_key(i)[0]) == RecordKind.TASKS for i in items)
    depth = _task_depths(store) if tasks else {}

    def order(item: T) -> tuple[int, int]:
        kind, key = kind_and_key(item)
        return rank.get(RecordKind(kind), 0), -depth.get(key, 0)

    return sorted(items, key=order)


def _kind_ranks(store: PlanStore) -> dict[RecordKind, int]:
    """Kinds ordered so every kind comes before the kinds it refers to."""
    keys = [k for k in foreign_keys(store) if k.child != k.parent]
    kinds = set(RecordKind)
    rank: dict[RecordKind, int] = {}
    level = 0
    while kinds:
        leaves = {t for t in kinds if not any(k.parent == t and k.child in kinds for k in keys)}
        if not leaves:  # a cycle: should not happen; keep going in name order
            leaves = {min(kinds)}
        for kind in leaves:
            rank[kind] = level
        kinds -= leaves
        level += 1
    return rank


def _task_depths(store: PlanStore) -> dict[int, int]:
    parents = dict(store.db.execute("SELECT id, parent_id FROM tasks").fetchall())
    depths: dict[int, int] = {}
    for task in parents:
        chain, node = [], task
        while node is not None and node not in depths and len(chain) <= len(parents):
            chain.append(node)
            node = parents.get(node)
        base = depths.get(node, -1) if node is not None else -1
        for offset, item in enumerate(reversed(chain), start=1):
            depths[item] = base + offset
    return depths
