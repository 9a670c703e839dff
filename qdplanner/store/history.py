"""Reading the change log (操作日志): who changed what, when, from where, old → new.

:func:`read_history` returns the newest changes first, filtered in SQL and cut at ``limit``,
so a plan with 100,000 logged changes answers in tens of milliseconds. Each row names its
record in words: the task's title, the unit's name … while the record exists, else what
the log kept of it (the whole record is logged as JSON when it is added or removed).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from qdplanner.errors import N_, ValidationError
from qdplanner.store.plan_store import PlanStore

# table → (query of id and label, its id column): how a record is named while it exists.
_LABELS = {
    "tasks": ("SELECT id, title FROM tasks", "id"),
    "units": ("SELECT id, name FROM units", "id"),
    "unit_aliases": ("SELECT id, alias FROM unit_aliases", "id"),
    "plan_documents": ("SELECT id, title FROM plan_documents", "id"),
    "programs": ("SELECT id, name FROM programs", "id"),
    "projects": ("SELECT id, name FROM projects", "id"),
    "goals": ("SELECT id, name FROM goals", "id"),
    "milestones": ("SELECT id, title FROM milestones", "id"),
    "indicators": ("SELECT id, name FROM indicators", "id"),
    "sources": ("SELECT id, title FROM sources", "id"),
    "baselines": ("SELECT id, name FROM baselines", "id"),
    "evidence_files": ("SELECT id, filename FROM evidence_files", "id"),
    "progress_reports": (
        "SELECT p.id, t.title || ' · ' || p.period FROM progress_reports p "
        "JOIN tasks t ON t.id = p.task_id",
        "p.id",
    ),
    "indicator_values": (
        "SELECT v.id, i.name || ' · ' || v.year || v.period FROM indicator_values v "
        "JOIN indicators i ON i.id = v.indicator_id",
        "v.id",
    ),
    "collections": (
        "SELECT c.id, u.name || ' · ' || c.period FROM collections c "
        "JOIN units u ON u.id = c.unit_id",
        "c.id",
    ),
    "period_narratives": (
        "SELECT n.id, COALESCE(g.name, j.name) || ' · ' || n.period || ' · ' || n.section "
        "FROM period_narratives n LEFT JOIN programs g ON g.id = n.program_id "
        "LEFT JOIN projects j ON j.id = n.project_id",
        "n.id",
    ),
}
# Columns of a logged record that refer to another record, named by that record's label.
_REFERENCES = {
    "task_id": "tasks",
    "predecessor_id": "tasks",
    "successor_id": "tasks",
    "unit_id": "units",
    "indicator_id": "indicators",
    "baseline_id": "baselines",
}
# Fields whose values are ids of records in another table.
_REFERENCE_FIELDS = {
    "unit_id": "units",
    "lead_unit": "units",  # a task's lead unit (task_roles.LEAD_FIELD)
    "reporting_unit_id": "units",
    "parent_id": "tasks",
    "task_id": "tasks",
    "program_id": "programs",
    "project_id": "projects",
    "plan_document_id": "plan_documents",
    "indicator_id": "indicators",
}
# Fields whose values are JSON lists of ids, named as one list: a task's supporting units.
_REFERENCE_LISTS = {"support_units": "units"}
LIST_JOINER = "、"  # as the task table joins supporting units
_OWN_NAME = ("title", "name", "alias", "filename", "key")
# The text search also matches records by their current name (not only the logged values).
_SEARCHABLE = {
    "tasks": "SELECT id FROM tasks WHERE title LIKE :like ESCAPE '\\'",
    "units": "SELECT id FROM units WHERE name LIKE :like ESCAPE '\\' "
    "OR short_name LIKE :like ESCAPE '\\'",
    "programs": "SELECT id FROM programs WHERE name LIKE :like ESCAPE '\\'",
    "projects": "SELECT id FROM projects WHERE name LIKE :like ESCAPE '\\'",
    "plan_documents": "SELECT id FROM plan_documents WHERE title LIKE :like ESCAPE '\\'",
    "milestones": "SELECT id FROM milestones WHERE title LIKE :like ESCAPE '\\'",
    "indicators": "SELECT id FROM indicators WHERE name LIKE :like ESCAPE '\\'",
}
_LOGGED_RECORD = "CASE WHEN json_valid(COALESCE(l.new_value, l.old_value)) THEN json_extract("
# A unit's history: its own record, its aliases, rows that assign it or point to it, and
# changes to the tasks it is assigned to now (not to tasks it left: kept simple).
_UNIT_SQL = f"""(
    (l.entity = 'units' AND l.entity_id = :unit)
    OR (l.entity IN ('task_units', 'unit_aliases', 'collections') AND l.field = '*'
        AND {_LOGGED_RECORD}COALESCE(l.new_value, l.old_value), '$.unit_id') END = :unit)
    OR (l.entity_key IS NOT NULL AND json_extract(l.entity_key, '$.unit_id') = :unit)
    OR (l.entity = 'unit_aliases' AND l.entity_id IN
        (SELECT id FROM unit_aliases WHERE unit_id = :unit))
    OR (l.field IN ('unit_id', 'reporting_unit_id', 'lead_unit')
        AND (l.old_value = :unit_text OR l.new_value = :unit_text))
    OR (l.field = 'support_units' AND EXISTS (SELECT 1 FROM json_each(CASE WHEN
        json_valid(l.old_value) THEN l.old_value ELSE '[]' END) WHERE value = :unit UNION ALL
        SELECT 1 FROM json_each(CASE WHEN json_valid(l.new_value) THEN l.new_value ELSE '[]' END)
        WHERE value = :unit))
    OR (l.entity = 'tasks' AND l.entity_id IN
        (SELECT task_id FROM task_units WHERE unit_id = :unit))
)"""
# The same on PostgreSQL (15 has no json_valid, IS JSON or json_each over text): the values
# read here are written only by the store, as json.dumps writes them — a whole record and a
# multi-column key as an object, a task's supporting units as a list — so their first
# character tells JSON from a bulk statement's note, and jsonb reads them.
_PG_LOGGED = "(CASE WHEN {v} LIKE '{{%' THEN CAST({v} AS jsonb) ->> 'unit_id' END)"
_PG_LIST_HAS = (
    "(CASE WHEN {v} LIKE '[%' THEN CAST({v} AS jsonb) @> jsonb_build_array(CAST(:unit AS"
    " bigint)) ELSE FALSE END)"
)
_UNIT_SQL_PG = f"""(
    (l.entity = 'units' AND l.entity_id = :unit)
    OR (l.entity IN ('task_units', 'unit_aliases', 'collections') AND l.field = '*'
        AND {_PG_LOGGED.format(v="COALESCE(l.new_value, l.old_value)")} = :unit_text)
    OR (l.entity_key IS NOT NULL AND {_PG_LOGGED.format(v="l.entity_key")} = :unit_text)
    OR (l.entity = 'unit_aliases' AND l.entity_id IN
        (SELECT id FROM unit_aliases WHERE unit_id = :unit))
    OR (l.field IN ('unit_id', 'reporting_unit_id', 'lead_unit')
        AND (l.old_value = :unit_text OR l.new_value = :unit_text))
    OR (l.field = 'support_units' AND ({_PG_LIST_HAS.format(v="l.old_value")}
        OR {_PG_LIST_HAS.format(v="l.new_value")}))
    OR (l.entity = 'tasks' AND l.entity_id IN
        (SELECT task_id FROM task_units WHERE unit_id = :unit))
)"""


@dataclass(slots=True)  # not frozen: 5,000 frozen rows take 10 ms longer to build
class HistoryRow:
    """One logged field change (``field`` "*": a whole record added or removed)."""

    id: int
    batch_id: int
    at: datetime  # aware, UTC
    user: str
    source: str  # a ChangeSource value
    description: str
    entity: str  # table name
    entity_id: int | str | None
    record: str  # the record in words
    field: str
    old_value: str | None
    new_value: str | None
    old_name: str | None = None  # a value that refers to a record (unit_id …) or a list
    new_name: str | None = None  # of them (support_units), named; "" for an empty list


def _day(value: date | str | None, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValidationError(
            N_("Messages", "“{value}” is not a date (write it as 2024-06-30)"),
            field=field,
            value=value,
        ) from exc


def _utc_start(day: date) -> str:
    """The log's timestamp text of local midnight starting ``day`` (the log keeps UTC)."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC).isoformat("T", "seconds")


def read_history(
    store: PlanStore,
    *,
    entity: str | None = None,
    unit_id: int | None = None,
    user: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    text: str | None = None,
    limit: int = 5000,
) -> list[HistoryRow]:
    """The newest ``limit`` logged changes matching every filter given, newest first.

    ``date_from`` and ``date_to`` are local calendar days, both included; ``text`` matches
    the batch description, the field, old and new values and the record's current name;
    ``unit_id`` is described at ``_UNIT_SQL``. A bad date raises :class:`ValidationError`.
    """
    where, params = [], {"limit": limit}
    if entity:
        # "+": walk the log newest first instead of sorting every change of a busy table
        where.append("+l.entity = :entity")
        params["entity"] = entity
    if user:
        where.append("b.user = :user")
        params["user"] = user
    first, last = _day(date_from, "date_from"), _day(date_to, "date_to")
    if first:
        where.append("b.at >= :first")
        params["first"] = _utc_start(first)
    if last:
        where.append("b.at < :last")
        params["last"] = _utc_start(last + timedelta(days=1))
    if unit_id is not None:
        where.append(_UNIT_SQL_PG if store.engine == "postgresql" else _UNIT_SQL)
        params.update(unit=unit_id, unit_text=str(unit_id))
    if text and text.strip():
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["like"] = f"%{escaped}%"
        matches = [
            f"{column} LIKE :like ESCAPE '\\'"
            for column in ("b.description", "l.field", "l.old_value", "l.new_value")
        ] + [f"(l.entity = '{t}' AND l.entity_id IN ({sql}))" for t, sql in _SEARCHABLE.items()]
        where.append("(" + " OR ".join(matches) + ")")
    sql = f"""SELECT l.id, l.batch_id, b.at, b.user, b.source, b.description, l.entity,
                     l.entity_id, l.field, l.old_value, l.new_value, l.entity_key
              FROM change_log l JOIN change_batches b ON b.id = l.batch_id
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY l.id DESC LIMIT :limit"""
    return _named_rows(store, store.db.execute(sql, params).fetchall())


def _logged(old: str | None, new: str | None) -> dict | None:
    """The whole record a ``*`` row logged (None for a bulk statement's note)."""
    text = new if new is not None else old
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _as_id(value: object) -> int | None:
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _id_list(value: str | None) -> list[int] | None:
    """A logged JSON list of ids; None when ``value`` is not one."""
    try:
        ids = json.loads(value) if value else None
    except ValueError:
        return None
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
        return None
    return ids


class _Namer:
    """Names records by (table, id): from the plan while they exist, else from the copy
    of the whole record the log kept when it was added or removed."""

    def __init__(self, store: PlanStore):
        self.store = store
        self.wanted: dict[str, set[int]] = defaultdict(set)
        self.names: dict[tuple[str, int], str] = {}

    def want(self, table: str, value: object) -> None:
        record_id = _as_id(value)
        if record_id is not None:
            self.wanted[table].add(record_id)

    def want_references(self, record: dict) -> None:
        for key, table in _REFERENCES.items():
            self.want(table, record.get(key))

    def _chunks(self, sql: str, ids: set[int], params: tuple = ()):
        """Run ``sql`` (with ``{ids}`` where the id list goes) on ``ids``, 500 at a time."""
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            yield from self.store.db.execute(
                sql.format(ids=",".join("?" * len(chunk))), [*params, *chunk]
            )

    def resolve(self) -> None:
        for table, ids in self.wanted.items():
            if table in _LABELS:
                sql, column = _LABELS[table]
                for record_id, label in self._chunks(f"{sql} WHERE {column} IN ({{ids}})", ids):
                    self.names[(table, record_id)] = label
        logged = """SELECT entity_id, old_value, new_value FROM change_log
                    WHERE entity = ? AND field = '*' AND entity_id IN ({ids}) ORDER BY id"""
        for table, ids in self.wanted.items():
            missing = {i for i in ids if (table, i) not in self.names}
            for record_id, old, new in self._chunks(logged, missing, (table,)):
                record = _logged(old, new)
                if record is not None and (label := self.label_of(record)):
                    self.names[(table, record_id)] = label  # the latest copy wins

    def name(self, table: str, value: object) -> str | None:
        return self.names.get((table, _as_id(value)))

    def label_of(self, record: dict) -> str:
        """A logged record in words: its own name, else the records it joins (task · unit)."""
        own = next((record[k] for k in _OWN_NAME if record.get(k)), None)
        if own is not None:
            return str(own)
        parts = [
            self.name(table, record[key]) or f"#{record[key]}"
            for key, table in _REFERENCES.items()
            if record.get(key) is not None
        ]
        if record.get("period"):
            parts.append(str(record["period"]))
        return " · ".join(parts)


def _named_rows(store: PlanStore, raw: list[tuple]) -> list[HistoryRow]:
    """Rows of (id, batch, at, user, source, description, entity, entity_id, field, old,
    new, entity_key) as :class:`HistoryRow`, each record — and each old and new reference —
    named."""
    namer = _Namer(store)
    logged: dict[int, dict] = {}
    for i, (*_, entity, entity_id, field, old, new, key) in enumerate(raw):
        namer.want(entity, entity_id)
        # a record keyed by several columns is named by its key; one added/removed by itself
        record = _logged(key, None) if key else None
        if record is None and field == "*":
            record = _logged(old, new)
        if record is not None:
            logged[i] = record
            namer.want_references(record)
        elif field in _REFERENCE_FIELDS:
            namer.want(_REFERENCE_FIELDS[field], old)
            namer.want(_REFERENCE_FIELDS[field], new)
        elif field in _REFERENCE_LISTS:
            for ids in (_id_list(old), _id_list(new)):
                for record_id in ids or ():
                    namer.want(_REFERENCE_LISTS[field], record_id)
    namer.resolve()
    rows = []
    for i, r in enumerate(raw):
        entity, entity_id, field, old, new = r[6:11]
        record = namer.name(entity, entity_id) or (
            namer.label_of(logged[i]) if i in logged else None
        )
        if record is None:
            # a settings row is keyed by the setting's name
            record = f"#{entity_id}" if isinstance(entity_id, int) else str(entity_id or "")
        target = _REFERENCE_FIELDS.get(field)
        names = (namer.name(target, old), namer.name(target, new)) if target else (None, None)
        if field in _REFERENCE_LISTS:
            names = tuple(_list_name(namer, _REFERENCE_LISTS[field], v) for v in (old, new))
        at = datetime.fromisoformat(r[2])
        rows.append(HistoryRow(r[0], r[1], at, *r[3:8], record, *r[8:11], *names))
    return rows


def _list_name(namer: _Namer, table: str, value: str | None) -> str | None:
    """A logged list of ids as names joined by 、 (``#id`` for a record never named)."""
    ids = _id_list(value)
    if ids is None:
        return None
    return LIST_JOINER.join(namer.name(table, i) or f"#{i}" for i in ids)


def history_users(store: PlanStore) -> list[str]:
    """Every user the log names, sorted."""
    return [r[0] for r in store.db.execute("SELECT DISTINCT user FROM change_batches ORDER BY 1")]


def history_entities(store: PlanStore) -> list[str]:
    """Every table the log has changes of, sorted."""
    # One index probe per table instead of reading every log row (DISTINCT would).
    sql = """WITH RECURSIVE e(entity) AS (
                 SELECT min(entity) FROM change_log
                 UNION ALL
                 SELECT (SELECT min(entity) FROM change_log WHERE entity > e.entity)
                 FROM e WHERE e.entity IS NOT NULL)
             SELECT entity FROM e WHERE entity IS NOT NULL"""
    return [r[0] for r in store.db.execute(sql)]
