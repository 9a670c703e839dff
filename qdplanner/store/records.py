"""Records by kind: how the layers above the store name what they add, change, remove or look up.

Nothing above ``store/`` writes SQL or names a table. A caller names a kind of record with
:class:`RecordKind`, owned here, and asks for one of a few operations: add a record
(``ChangeSet.insert(kind, values)``, its id back), change fields of one
(``ChangeSet.update(kind, key, values)``, the fields that changed back), remove one
(``ChangeSet.delete`` or :func:`delete_if_present`), and the reads an importer needs about
records it does not otherwise read: :func:`columns`, :func:`ids`, :func:`exists`,
:func:`names` and :func:`next_position`. Values cross this edge as plain Python (``int``,
``str``, ``float``, ``bool``, ``datetime.date``, the domain's enums); the store turns them
into what its engine keeps (:func:`~qdplanner.store.changes.to_sql`).

Why this shape, and not SQL, table names or an ORM handed up: each operation is one short
statement on any SQL engine over the same schema, so the PostgreSQL store of issue 19
implements the same functions with its own SQL — its catalogue (``information_schema``)
answers :func:`columns` where SQLite's ``PRAGMA table_info`` does here, ``INSERT …
RETURNING id`` gives the new id, ``IS NOT DISTINCT FROM`` replaces ``IS ?`` — and nothing
above the store changes. The kinds are a closed enum rather than free strings: a misspelt kind
fails where it is written, the set of kinds is exactly what a second engine must hold (a test
checks that every kind is a table of the schema and every table but the change log a kind),
and the change log names a record by its kind's value on both engines, so History and undo
read the same. A kind's value is also the name of the table that keeps it; only the store
relies on that.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from qdplanner.domain.limits import MAX_INTEGER
from qdplanner.store import schema_catalogue

if TYPE_CHECKING:
    from qdplanner.store.changes import ChangeSet
    from qdplanner.store.plan_store import PlanStore

CHUNK = 500  # ids per IN (…) list


class RecordKind(StrEnum):
    """Every kind of record a plan keeps (the change log itself aside)."""

    PLAN_DOCUMENTS = "plan_documents"
    GOALS = "goals"
    PROGRAMS = "programs"
    PROJECTS = "projects"
    TASKS = "tasks"
    TASK_UNITS = "task_units"  # keyed by (task id, unit id)
    TASK_LINKS = "task_links"  # keyed by (predecessor id, successor id)
    MILESTONES = "milestones"
    UNITS = "units"
    UNIT_ALIASES = "unit_aliases"
    INDICATORS = "indicators"
    SOURCES = "sources"
    INDICATOR_VALUES = "indicator_values"
    PROGRESS_REPORTS = "progress_reports"
    EVIDENCE_FILES = "evidence_files"
    COLLECTIONS = "collections"
    BASELINES = "baselines"
    BASELINE_TASKS = "baseline_tasks"  # keyed by (baseline id, task id)
    SETTINGS = "settings"  # keyed by its name
    PERIOD_CLOSES = "period_closes"  # a closed period (store/periods.py)
    PERIOD_TASKS = "period_tasks"  # keyed by (close id, task id): a task as the period closed
    PERIOD_INDICATORS = "period_indicators"  # keyed by (close id, indicator id)
    PERIOD_UNITS = "period_units"  # keyed by (close id, unit id): a unit's return
    PERIOD_NARRATIVES = "period_narratives"  # a period's narrative section (store/narratives.py)


# The field that names a record in messages and previews (others are named by their id).
_NAME_FIELDS = {
    RecordKind.PLAN_DOCUMENTS: "title",
    RecordKind.GOALS: "name",
    RecordKind.PROGRAMS: "name",
    RecordKind.PROJECTS: "name",
    RecordKind.TASKS: "title",
    RecordKind.MILESTONES: "title",
    RecordKind.UNITS: "name",
    RecordKind.UNIT_ALIASES: "alias",
    RecordKind.INDICATORS: "name",
    RecordKind.SOURCES: "title",
    RecordKind.PROGRESS_REPORTS: "period",
    RecordKind.EVIDENCE_FILES: "filename",
    RecordKind.BASELINES: "name",
}
# What places a new record among its siblings: same parent, stream, task, plan document.
_SIBLING_FIELDS = ("parent_id", "program_id", "project_id", "task_id", "plan_document_id")


def key_columns_of(db: Any, kind: str) -> list[str]:
    """The columns of the primary key that identifies a record of ``kind``, in order
    (``rowid`` when it has none); read from the engine's catalogue."""
    return schema_catalogue.key_columns(db, RecordKind(kind).value)


def key_columns(store: PlanStore, kind: RecordKind | str) -> list[str]:
    """The fields that identify a record of ``kind`` (one, or several for a role or link)."""
    kind = RecordKind(kind)
    cache = store._key_columns
    if kind not in cache:
        cache[kind] = key_columns_of(store.db, kind)
    return cache[kind]


def columns(store: PlanStore, kind: RecordKind | str) -> frozenset[str]:
    """The fields a record of ``kind`` has, read once per store."""
    kind = RecordKind(kind)
    cache = store._columns
    if kind not in cache:
        cache[kind] = frozenset(c for c, _ in schema_catalogue.table_columns(store.db, kind))
    return cache[kind]


def ids(store: PlanStore, kind: RecordKind | str) -> set[int]:
    """The ids of every record of ``kind`` (a kind identified by an ``id``)."""
    kind = RecordKind(kind)
    return {r[0] for r in store.db.execute(f'SELECT id FROM "{kind.value}"')}


def _where(store: PlanStore, kind: RecordKind, key: Any) -> tuple[str, list[Any]]:
    values = list(key) if isinstance(key, tuple) else [key]
    where = " AND ".join(f'"{c}" = ?' for c in key_columns(store, kind))
    return where, values


def exists(store: PlanStore, kind: RecordKind | str, key: Any) -> bool:
    """Whether the record ``key`` (its id, or a tuple for a kind keyed by several fields)
    of ``kind`` exists."""
    kind = RecordKind(kind)
    where, values = _where(store, kind, key)
    sql = f'SELECT 1 FROM "{kind.value}" WHERE {where}'
    return store.db.execute(sql, values).fetchone() is not None


def names(store: PlanStore, kind: RecordKind | str, record_ids: Iterable[int]) -> dict[int, str]:
    """Id → what names that record (a title, a name, a period …; its id for a kind with no
    name), for the ``record_ids`` that exist."""
    kind = RecordKind(kind)
    field = _NAME_FIELDS.get(kind, "id")
    wanted = list(record_ids)
    out: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = f'SELECT id, "{field}" FROM "{kind.value}" WHERE id IN ({marks})'
        for record_id, text in store.db.execute(sql, chunk):
            out[record_id] = str(text)
    return out


def next_position(store: PlanStore, kind: RecordKind | str, values: Mapping[str, Any]) -> int:
    """The position that puts a new record of ``kind`` after its last sibling: the records
    with the same parent, program, project, task and plan document as ``values`` (those of
    these fields ``kind`` has); 0 for the first. Beside the last one at the very end."""
    kind = RecordKind(kind)
    scope = [c for c in _SIBLING_FIELDS if c in columns(store, kind)]
    where = " AND ".join(f'"{c}" IS ?' for c in scope) or "TRUE"
    sql = f'SELECT max(position) FROM "{kind.value}" WHERE {where}'
    last = store.db.execute(sql, [values.get(c) for c in scope]).fetchone()[0]
    if last is None:
        return 0
    return min(last + 1, MAX_INTEGER)


def delete_if_present(
    store: PlanStore, changes: ChangeSet, kind: RecordKind | str, key: Any
) -> bool:
    """Remove the record ``key`` of ``kind``, logged whole, unless it is gone already (taken
    along by a record removed before it). True when it was removed here."""
    if not exists(store, kind, key):
        return False
    changes.delete(RecordKind(kind), key)
    return True
