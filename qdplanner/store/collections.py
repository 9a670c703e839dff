"""Quarterly collection rounds (季度填报): who was sent a workbook for a period, who sent it back.

A round issues one workbook per lead unit (牵头单位) with the tasks it leads; the
``collections`` table keeps, per period and unit, when the workbook was issued and returned
and under which file name. The workbooks carry the plan's identity — a random UUID and a
random signing key, both kept in the ``settings`` table (``plan_uuid``, ``collection_key``)
and made on the first round — so a returned workbook is known to belong to this plan and
its read-only cells can be checked. Every write here takes the ``ChangeSet`` of the caller's
action, so a round (or an import of returned workbooks) is one undo step.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from qdplanner.domain.enums import UnitRole
from qdplanner.domain.periods import Period, parse_period
from qdplanner.errors import ValidationError
from qdplanner.store.changes import ChangeSet, to_sql
from qdplanner.store.migrations import PLAN_UUID_KEY
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.progress import report_snapshot, restore_report
from qdplanner.store.task_rows import TaskRow, read_task_rows

COLLECTION_KEY_KEY = "collection_key"  # hex; signs what a collection workbook must not change


class CollectionState(StrEnum):
    NOT_ISSUED = "not_issued"  # leads tasks, no workbook issued for the period
    ISSUED = "issued"  # issued, not returned yet
    RETURNED = "returned"


@dataclass(frozen=True, slots=True)
class LeadUnit:
    """A unit that leads at least one task: who a collection round writes to."""

    id: int
    name: str
    short_name: str
    task_count: int


@dataclass(frozen=True, slots=True)
class CollectionRecord:
    """One row of ``collections``; times are ISO text in UTC, as stored."""

    id: int
    period: str
    unit_id: int
    issued_at: str
    issued_file: str
    returned_at: str | None
    returned_file: str


@dataclass(frozen=True, slots=True)
class CollectionStatusRow:
    """A unit's standing in one period's round, as the status view lists it."""

    unit_id: int
    unit_name: str
    short_name: str
    task_count: int  # tasks it leads now
    reported: int  # of those, how many have a report for the period (from any source)
    state: CollectionState
    issued_at: str | None
    issued_file: str
    returned_at: str | None
    returned_file: str

    def as_dict(self) -> dict:
        return {
            "unit_id": self.unit_id,
            "unit": self.unit_name,
            "short_name": self.short_name,
            "tasks": self.task_count,
            "reported": self.reported,
            "state": self.state.value,
            "issued_at": self.issued_at,
            "issued_file": self.issued_file or None,
            "returned_at": self.returned_at,
            "returned_file": self.returned_file or None,
        }


# -- the plan's identity ---------------------------------------------------------------------


def plan_uuid(store: PlanStore) -> str | None:
    """The plan's collection identity, or None before its first collection round."""
    return store.setting(PLAN_UUID_KEY)


def collection_key(store: PlanStore) -> bytes | None:
    """The key that signs this plan's collection workbooks, or None before the first round."""
    key = store.setting(COLLECTION_KEY_KEY)
    return bytes.fromhex(key) if key else None


def ensure_plan_identity(store: PlanStore, changes: ChangeSet) -> tuple[str, bytes]:
    """The plan's UUID and signing key, made (and logged in ``changes``) when missing."""
    ident = plan_uuid(store)
    if not ident:
        ident = str(uuid.uuid4())
        store.set_setting(changes, PLAN_UUID_KEY, ident)
    key = collection_key(store)
    if key is None:
        key = secrets.token_bytes(32)
        store.set_setting(changes, COLLECTION_KEY_KEY, key.hex())
    return ident, key


# -- reads -----------------------------------------------------------------------------------


def lead_units(store: PlanStore) -> list[LeadUnit]:
    """Every unit that leads a task, with how many, by unit id."""
    return [
        LeadUnit(*row)
        for row in store.db.execute(
            """SELECT u.id, u.name, u.short_name, count(*) FROM task_units l
               JOIN units u ON u.id = l.unit_id WHERE l.role = ?
               GROUP BY u.id ORDER BY u.id""",
            [UnitRole.LEAD.value],
        )
    ]


def lead_of_tasks(store: PlanStore) -> dict[int, int]:
    """Task id → its lead unit's id (tasks without one are absent)."""
    return dict(
        store.db.execute(
            "SELECT task_id, unit_id FROM task_units WHERE role = ?", [UnitRole.LEAD.value]
        ).fetchall()
    )


def tasks_by_lead_unit(store: PlanStore) -> dict[int, list[TaskRow]]:
    """Unit id → the tasks it leads, in the plan's outline order (one read of all tasks)."""
    lead = lead_of_tasks(store)
    result: dict[int, list[TaskRow]] = {}
    for row in read_task_rows(store):
        unit_id = lead.get(row.id)
        if unit_id is not None:
            result.setdefault(unit_id, []).append(row)
    return result


def period_reports(store: PlanStore, period: str) -> dict[int, dict]:
    """Task id → its report for ``period`` (the stored row), for every task that has one."""
    code = parse_period(period).code
    return {
        row["task_id"]: dict(row)
        for row in store.db.query("SELECT * FROM progress_reports WHERE period = ?", [code])
    }


def earlier_reports(store: PlanStore, period: str) -> dict[int, dict]:
    """Task id → its latest report of a period before ``period`` (period, narrative …)."""
    target = parse_period(period)
    best: dict[int, tuple[Period, dict]] = {}
    parsed: dict[str, Period | None] = {}
    for row in store.db.query(
        "SELECT task_id, period, status, percent, narrative FROM progress_reports"
    ):
        if row["period"] not in parsed:
            try:
                parsed[row["period"]] = parse_period(row["period"])
            except ValidationError:  # pragma: no cover - stored periods are canonical
                parsed[row["period"]] = None
        when = parsed[row["period"]]
        if when is None:
            continue
        if when >= target or when.code == target.code:
            continue
        current = best.get(row["task_id"])
        if current is None or when > current[0]:
            best[row["task_id"]] = (when, dict(row))
    return {task_id: row for task_id, (_, row) in best.items()}


def read_collection(store: PlanStore, period: str, unit_id: int) -> CollectionRecord | None:
    code = parse_period(period).code
    row = store.db.execute(
        "SELECT id, period, unit_id, issued_at, issued_file, returned_at, returned_file"
        " FROM collections WHERE period = ? AND unit_id = ?",
        [code, unit_id],
    ).fetchone()
    return CollectionRecord(*row) if row else None


def collection_periods(store: PlanStore) -> list[str]:
    """The periods of every round so far, latest first."""
    codes = [r[0] for r in store.db.execute("SELECT DISTINCT period FROM collections")]
    return sorted(codes, key=parse_period, reverse=True)


def collection_status(store: PlanStore, period: str) -> list[CollectionStatusRow]:
    """Every lead unit, and every unit issued a workbook for ``period``, with its standing:
    returned (when, which file), issued and not returned, or never issued. By unit id."""
    code = parse_period(period).code
    sql = """
        WITH leads AS (
            SELECT l.unit_id, count(*) AS tasks,
                   sum(EXISTS (SELECT 1 FROM progress_reports r
                               WHERE r.task_id = l.task_id AND r.period = :p)) AS reported
            FROM task_units l WHERE l.role = 'lead' GROUP BY l.unit_id)
        SELECT u.id, u.name, u.short_name, COALESCE(leads.tasks, 0),
               COALESCE(leads.reported, 0), c.issued_at, COALESCE(c.issued_file, ''),
               c.returned_at, COALESCE(c.returned_file, '')
        FROM units u
        LEFT JOIN leads ON leads.unit_id = u.id
        LEFT JOIN collections c ON c.unit_id = u.id AND c.period = :p
        WHERE leads.unit_id IS NOT NULL OR c.id IS NOT NULL
        ORDER BY u.id"""
    rows = []
    for r in store.db.execute(sql, {"p": code}):
        if r[7]:
            state = CollectionState.RETURNED
        elif r[5]:
            state = CollectionState.ISSUED
        else:
            state = CollectionState.NOT_ISSUED
        rows.append(CollectionStatusRow(r[0], r[1], r[2], r[3], r[4], state, *r[5:]))
    return rows


# -- writes ----------------------------------------------------------------------------------


def record_issued(
    store: PlanStore,
    changes: ChangeSet,
    period: str,
    unit_id: int,
    issued_at: datetime,
    issued_file: str,
) -> int:
    """Note that ``unit_id`` was sent a workbook for ``period``; return the record's id.

    Issuing again (a new workbook for the same round) updates the time and file and keeps
    a return already recorded.
    """
    code = parse_period(period).code
    current = read_collection(store, code, unit_id)
    values = {"issued_at": to_sql(issued_at), "issued_file": issued_file}
    if current is None:
        return changes.insert("collections", {"period": code, "unit_id": unit_id, **values})
    changes.update("collections", current.id, values)
    return current.id


def record_returned(
    store: PlanStore,
    changes: ChangeSet,
    period: str,
    unit_id: int,
    returned_at: datetime,
    returned_file: str,
    *,
    issued_at: str | None = None,
    issued_file: str = "",
) -> int:
    """Note that ``unit_id``'s workbook for ``period`` came back; return the record's id.

    A return for a round the plan has no record of (e.g. the record was undone) adds one,
    with the issue time and file the workbook itself names.
    """
    code = parse_period(period).code
    current = read_collection(store, code, unit_id)
    values = {"returned_at": to_sql(returned_at), "returned_file": returned_file}
    if current is None:
        return changes.insert(
            "collections",
            {
                "period": code,
                "unit_id": unit_id,
                "issued_at": issued_at or to_sql(returned_at),
                "issued_file": issued_file,
                **values,
            },
        )
    changes.update("collections", current.id, values)
    return current.id


# -- undo ------------------------------------------------------------------------------------


@dataclass
class CollectionSnapshot:
    """Reports and round records as they were, to put back exactly (undo and redo).

    Take one before an import of returned workbooks (undo) and one after (redo), over the
    same keys; :func:`restore_collection` puts either back as a new action.
    """

    reports: list[dict] = field(default_factory=list)  # progress.report_snapshot() each
    rounds: list[tuple[str, int, dict | None]] = field(default_factory=list)


def snapshot_collection(
    store: PlanStore,
    reports: Iterable[tuple[int, str]] = (),
    rounds: Iterable[tuple[str, int]] = (),
) -> CollectionSnapshot:
    """The reports of ``(task id, period)`` and the round records of ``(period, unit id)``."""
    snapshot = CollectionSnapshot()
    for task_id, period in dict.fromkeys(reports):
        snapshot.reports.append(report_snapshot(store, task_id, period))
    for period, unit_id in dict.fromkeys(rounds):
        code = parse_period(period).code
        row = store.db.execute(
            "SELECT * FROM collections WHERE period = ? AND unit_id = ?", [code, unit_id]
        ).fetchone()
        names = [d[0] for d in store.db.execute("SELECT * FROM collections LIMIT 0").description]
        snapshot.rounds.append((code, unit_id, dict(zip(names, row, strict=True)) if row else None))
    return snapshot


def restore_collection(store: PlanStore, changes: ChangeSet, snapshot: CollectionSnapshot) -> None:
    """Put the snapshot's reports (with the tasks' status and percent) and rounds back."""
    for report in snapshot.reports:
        restore_report(store, changes, report)
    for period, unit_id, before in snapshot.rounds:
        current = read_collection(store, period, unit_id)
        if current is not None and before is None:
            changes.delete("collections", current.id)
        elif current is not None and before is not None:
            changes.update(
                "collections", current.id, {k: v for k, v in before.items() if k != "id"}
            )
        elif before is not None:
            changes.insert("collections", before)
