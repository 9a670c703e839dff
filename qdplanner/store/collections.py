"""Quarterly collection rounds (季度填报): who was sent a workbook for a period, who sent it back.

A round issues one workbook per lead unit (牵头单位) with the tasks it leads; the
``collections`` table keeps, per period and unit, when the workbook was issued and returned
and under which file name, the day it is due by, and the rows a return left empty (a
*partial* return: :class:`~qdplanner.domain.enums.ReturnStanding`). The workbooks carry the
plan's identity — a random UUID and a random signing key, both kept in the ``settings``
table (``plan_uuid``, ``collection_key``) and made on the first round — so a returned
workbook is known to belong to this plan and its read-only cells can be checked. Every write
here takes the ``ChangeSet`` of the caller's action, so a round (or an import of returned
workbooks) is one undo step.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from qdplanner.domain.chasing import LeftEmpty, is_late, round_due
from qdplanner.domain.enums import ReturnStanding, UnitRole
from qdplanner.domain.periods import Period, parse_period
from qdplanner.errors import ValidationError
from qdplanner.store.changes import ChangeSet, to_sql
from qdplanner.store.migrations import PLAN_UUID_KEY
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.progress import report_snapshot, restore_report
from qdplanner.store.task_rows import TaskRow, read_task_rows

COLLECTION_KEY_KEY = "collection_key"  # hex; signs what a collection workbook must not change


class CollectionState(StrEnum):
    """Whether a workbook went out and came back; :class:`ReturnStanding` says more (a
    partial return, a missing one past its due date)."""

    NOT_ISSUED = "not_issued"  # leads tasks, no workbook issued for the period
    ISSUED = "issued"  # issued, not returned yet
    RETURNED = "returned"  # came back (perhaps partial: see CollectionStatusRow.standing)


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
    due_on: str | None = None  # ISO date the round is due by, when it was issued with one
    left_empty: str = ""  # JSON [[task id, row], …] of the rows the return left empty


@dataclass(frozen=True, slots=True)
class EmptyRow:
    """A row a return left empty whose task is still unreported for the period."""

    task_id: int
    row: int  # the Excel row of the returned workbook; 0: the row was removed from it
    code: str
    title: str

    def as_dict(self) -> dict:
        return {"task_id": self.task_id, "row": self.row or None, "code": self.code,
                "title": self.title}  # fmt: skip


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
    standing: ReturnStanding = ReturnStanding.NOT_ISSUED
    due_on: date | None = None  # the day it is due by (issued rounds; the default if none given)
    due_given: bool = False  # the round was issued with that due date
    left_empty: tuple[EmptyRow, ...] = ()  # rows the return left empty, still unreported
    contact: str = ""  # the unit's contact person (联系人)
    phone: str = ""
    late: bool = False  # past the due date, the return not in or partial: to be chased

    @property
    def partial(self) -> bool:
        return self.standing == ReturnStanding.PARTIAL

    def as_dict(self) -> dict:
        return {
            "unit_id": self.unit_id,
            "unit": self.unit_name,
            "short_name": self.short_name,
            "tasks": self.task_count,
            "reported": self.reported,
            "state": self.state.value,
            "standing": self.standing.value,
            "issued_at": self.issued_at,
            "issued_file": self.issued_file or None,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "due_given": self.due_given,
            "returned_at": self.returned_at,
            "returned_file": self.returned_file or None,
            "left_empty": [e.as_dict() for e in self.left_empty],
            "late": self.late,
            "contact": self.contact,
            "phone": self.phone,
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
        "SELECT task_id, period, status, percent, narrative, is_illustrative FROM progress_reports"
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
        "SELECT id, period, unit_id, issued_at, issued_file, returned_at, returned_file,"
        " due_on, left_empty FROM collections WHERE period = ? AND unit_id = ?",
        [code, unit_id],
    ).fetchone()
    return CollectionRecord(*row) if row else None


def collection_periods(store: PlanStore) -> list[str]:
    """The periods of every round so far, latest first."""
    codes = [r[0] for r in store.db.execute("SELECT DISTINCT period FROM collections")]
    return sorted(codes, key=parse_period, reverse=True)


def reported_tasks(store: PlanStore, period: str) -> set[int]:
    """The tasks that have a report for ``period`` (from any source)."""
    code = parse_period(period).code
    sql = "SELECT task_id FROM progress_reports WHERE period = ?"
    return {r[0] for r in store.db.execute(sql, [code])}


def encode_left_empty(rows: Iterable[LeftEmpty]) -> str:
    """How ``collections.left_empty`` keeps the rows a return left empty ('' for none)."""
    items = sorted({(r.task_id, r.row) for r in rows}, key=lambda t: (t[1] == 0, t[1], t[0]))
    return json.dumps([list(t) for t in items]) if items else ""


def decode_left_empty(text: str | None) -> list[LeftEmpty]:
    """The rows ``collections.left_empty`` holds (a damaged value reads as none)."""
    if not text:
        return []
    try:
        items = json.loads(text)
        return [LeftEmpty(int(t), int(r)) for t, r in items]
    except (ValueError, TypeError):
        return []


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:  # pragma: no cover - stored dates are ISO
        return None


def collection_status(
    store: PlanStore, period: str, today: date | None = None
) -> list[CollectionStatusRow]:
    """Every lead unit, and every unit issued a workbook for ``period``, with its standing:
    returned (when, which file), returned with rows left empty (partial: which rows, while
    their tasks stay unreported), issued and not returned (missing once the due date is
    before ``today``), or never issued. By unit id."""
    when = parse_period(period)
    code = when.code
    today = today or date.today()
    sql = """
        WITH leads AS (
            SELECT l.unit_id, count(*) AS tasks,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM progress_reports r
                               WHERE r.task_id = l.task_id AND r.period = :p)) AS reported
            FROM task_units l WHERE l.role = 'lead' GROUP BY l.unit_id)
        SELECT u.id, u.name, u.short_name, COALESCE(leads.tasks, 0),
               COALESCE(leads.reported, 0), c.issued_at, COALESCE(c.issued_file, ''),
               c.returned_at, COALESCE(c.returned_file, ''), c.due_on,
               COALESCE(c.left_empty, ''), u.contact, u.phone
        FROM units u
        LEFT JOIN leads ON leads.unit_id = u.id
        LEFT JOIN collections c ON c.unit_id = u.id AND c.period = :p
        WHERE leads.unit_id IS NOT NULL OR c.id IS NOT NULL
        ORDER BY u.id"""
    raw = store.db.execute(sql, {"p": code}).fetchall()
    empty = {r[0]: decode_left_empty(r[10]) for r in raw if r[7] and r[10]}
    open_rows = _still_unreported(store, code, empty)
    rows = []
    for r in raw:
        issued, returned = r[5], r[7]
        state = (
            CollectionState.RETURNED if returned
            else CollectionState.ISSUED if issued
            else CollectionState.NOT_ISSUED
        )  # fmt: skip
        left = open_rows.get(r[0], ())
        due = round_due(when, _date(r[9])) if issued else None
        if returned:
            standing = ReturnStanding.PARTIAL if left else ReturnStanding.RETURNED
        elif issued:
            late = due is not None and is_late(due, today, returned=False, partial=False)
            standing = ReturnStanding.MISSING if late else ReturnStanding.ISSUED
        else:
            standing = ReturnStanding.NOT_ISSUED
        late = due is not None and is_late(
            due, today, returned=bool(returned), partial=standing == ReturnStanding.PARTIAL
        )
        rows.append(CollectionStatusRow(
            r[0], r[1], r[2], r[3], r[4], state, r[5], r[6], r[7], r[8],
            standing=standing, due_on=due, due_given=r[9] is not None,
            left_empty=tuple(left), contact=r[11], phone=r[12], late=late,
        ))  # fmt: skip
    return rows


def _still_unreported(
    store: PlanStore, code: str, empty: dict[int, list[LeftEmpty]]
) -> dict[int, list[EmptyRow]]:
    """Unit id → the rows its return left empty whose tasks still have no report."""
    if not empty:
        return {}
    reported = reported_tasks(store, code)
    wanted = {e.task_id for rows in empty.values() for e in rows if e.task_id not in reported}
    titles: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(sorted(wanted)):
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT id, code, title FROM tasks WHERE id IN ({marks})"
        titles.update((i, (c, t)) for i, c, t in store.db.execute(sql, chunk))
    return {
        unit_id: [EmptyRow(e.task_id, e.row, *titles[e.task_id]) for e in rows
                  if e.task_id in titles]
        for unit_id, rows in empty.items()
    }  # fmt: skip


def _chunks(items: list[int], size: int = 900) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True, slots=True)
class OpenTask:
    """A task a late unit leads that has no report for the period."""

    task_id: int
    code: str
    title: str
    due_date: date | None
    deadline_text: str
    percent: int
    row: int | None  # its row in the unit's partial return (0: removed), None: not returned
    is_illustrative: bool = False  # filled in for the sample (qdplanner.domain.illustrative)
    stream: str = ""  # its program's or project's name (codes restart in each)

    def as_dict(self) -> dict:
        return {
            "task_id": self.task_id,
            "code": self.code,
            "title": self.title,
            "stream": self.stream,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "deadline": self.deadline_text,
            "percent": self.percent,
            "row": self.row or None,
        }


@dataclass(frozen=True, slots=True)
class LateUnit:
    """A unit to chase for one period: its standing, contact, and the tasks still open."""

    status: CollectionStatusRow
    period: str
    open_tasks: list[OpenTask]

    def as_dict(self) -> dict:
        s = self.status
        return {
            "unit_id": s.unit_id,
            "unit": s.unit_name,
            "short_name": s.short_name,
            "contact": s.contact,
            "phone": s.phone,
            "period": self.period,
            "standing": s.standing.value,
            "due_on": s.due_on.isoformat() if s.due_on else None,
            "due_given": s.due_given,
            "issued_at": s.issued_at,
            "returned_at": s.returned_at,
            "open_tasks": [t.as_dict() for t in self.open_tasks],
        }


def late_units(
    store: PlanStore,
    period: str,
    today: date | None = None,
    *,
    unit_ids: Iterable[int] | None = None,
) -> list[LateUnit]:
    """The units to chase for ``period`` at ``today`` (see :func:`collection_status`: the
    due date passed, the return not in or partial), each with the tasks it leads that have
    no report for the period, in the plan's outline order. ``unit_ids``: only these."""
    code = parse_period(period).code
    wanted = set(unit_ids) if unit_ids is not None else None
    status = [
        s for s in collection_status(store, code, today)
        if s.late and (wanted is None or s.unit_id in wanted)
    ]  # fmt: skip
    if not status:
        return []
    reported = reported_tasks(store, code)
    by_unit = tasks_by_lead_unit(store)
    result = []
    for s in status:
        rows = {e.task_id: e.row for e in s.left_empty}
        open_tasks = [
            OpenTask(t.id, t.code, t.title, t.due_date, t.deadline_text, t.percent,
                     rows.get(t.id) if s.returned_at else None, t.is_illustrative,
                     t.stream_name)
            for t in by_unit.get(s.unit_id, ()) if t.id not in reported
        ]  # fmt: skip
        result.append(LateUnit(s, code, open_tasks))
    return result


# -- writes ----------------------------------------------------------------------------------


def record_issued(
    store: PlanStore,
    changes: ChangeSet,
    period: str,
    unit_id: int,
    issued_at: datetime,
    issued_file: str,
    due: date | None = None,
) -> int:
    """Note that ``unit_id`` was sent a workbook for ``period`` (due by ``due``, when
    given); return the record's id.

    Issuing again (a new workbook for the same round) updates the time and file (and the
    due date, when one is given) and keeps a return already recorded.
    """
    code = parse_period(period).code
    current = read_collection(store, code, unit_id)
    values = {"issued_at": to_sql(issued_at), "issued_file": issued_file}
    if due is not None:
        values["due_on"] = to_sql(due)
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
    left_empty: Iterable[LeftEmpty] = (),
) -> int:
    """Note that ``unit_id``'s workbook for ``period`` came back; return the record's id.

    ``left_empty``: the rows it left empty whose tasks have no report for the period — a
    partial return (none: a full one; a later return replaces the list). A return for a
    round the plan has no record of (e.g. the record was undone) adds one, with the issue
    time and file the workbook itself names.
    """
    code = parse_period(period).code
    current = read_collection(store, code, unit_id)
    values = {
        "returned_at": to_sql(returned_at),
        "returned_file": returned_file,
        "left_empty": encode_left_empty(left_empty),
    }
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
