"""Closed periods (关账): the plan as it stood at a period's end, kept and never recomputed.

Closing a period judges the plan at the period's last day as it stood then (tasks from their
progress reports whose periods had ended — :func:`~qdplanner.store.task_rows.read_task_rows`
with ``history`` — indicators from the values known then) and the units' returns as they are
at closing time (a quarter's returns come in after it ends), and writes all of it into the
plan in one action: a ``period_closes`` record, logged whole, and one bulk statement per
kind of row (tasks, indicators, units), each logged as one line of the change log. Reports
entered or changed afterwards change nothing in it. A period is closed once: closing it
again is refused, naming when and by whom it was closed. Reopening is explicit: the close
is marked reopened (when, by whom; logged) and its rows are removed, so the period is judged
live again until it is closed anew.

:func:`period_standing` is a period's standing — its snapshot when closed, else judged live
(at its end once it has ended, else today with the current figures) — and
:func:`compare_periods` the rule of :mod:`qdplanner.domain.period_compare` over two of them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime

from qdplanner.domain.enums import IndicatorLight, ReturnStanding, StatusLight, TaskStatus
from qdplanner.domain.period_compare import (
    IndicatorStanding,
    PeriodComparison,
    PeriodStanding,
    TaskStanding,
    UnitStanding,
    compare,
)
from qdplanner.domain.periods import Period, parse_period
from qdplanner.domain.status_light import is_overdue
from qdplanner.domain.text import local_minute
from qdplanner.errors import N_, ValidationError
from qdplanner.store.changes import ChangeSet, to_sql
from qdplanner.store.collections import collection_status
from qdplanner.store.indicators import read_indicators
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.progress import latest_narratives
from qdplanner.store.records import RecordKind
from qdplanner.store.task_rows import read_task_rows

_TASK_COLUMNS = (
    "task_id", "position", "code", "title", "lead_unit", "stream", "due_date", "light", "status",
    "percent", "recorded", "reported", "overdue", "narrative", "narrative_period",
)  # fmt: skip
_INDICATOR_COLUMNS = (
    "indicator_id", "position", "code", "name", "measure_unit", "latest_value", "latest_when",
    "progress", "light",
)  # fmt: skip
_UNIT_COLUMNS = (
    "unit_id", "position", "name", "standing", "tasks", "reported", "left_empty", "due_on",
    "issued_at", "returned_at",
)  # fmt: skip
_ROWS = {
    RecordKind.PERIOD_TASKS: _TASK_COLUMNS,
    RecordKind.PERIOD_INDICATORS: _INDICATOR_COLUMNS,
    RecordKind.PERIOD_UNITS: _UNIT_COLUMNS,
}
_CLOSE_COLUMNS = (
    "id, period, judged_at, closed_at, closed_by, reopened_at, reopened_by, tasks, indicators,"
    " units, lights"
)


@dataclass(frozen=True, slots=True)
class PeriodClose:
    """One closing of a period (``reopened_at`` set once it was reopened)."""

    id: int
    period: str
    judged_at: date
    closed_at: str  # UTC ISO
    closed_by: str
    reopened_at: str | None
    reopened_by: str
    tasks: int
    indicators: int
    units: int
    lights: dict[StatusLight, int]

    @property
    def in_force(self) -> bool:
        return self.reopened_at is None

    def as_dict(self) -> dict:
        return {
            "period": self.period,
            "judged_at": self.judged_at.isoformat(),
            "closed_at": self.closed_at,
            "closed_by": self.closed_by,
            "reopened_at": self.reopened_at,
            "reopened_by": self.reopened_by or None,
            "in_force": self.in_force,
            "tasks": self.tasks,
            "indicators": self.indicators,
            "units": self.units,
            "lights": {light.value: n for light, n in self.lights.items()},
        }


def _close(row: tuple) -> PeriodClose:
    lights: dict[StatusLight, int] = {}
    try:
        for key, n in json.loads(row[10] or "{}").items():
            lights[StatusLight(key)] = int(n)
    except (ValueError, TypeError, AttributeError):  # pragma: no cover - written here only
        lights = {}
    return PeriodClose(
        row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], row[5], row[6] or "",
        row[7], row[8], row[9], lights,
    )  # fmt: skip


def _code(period: str) -> Period:
    return parse_period(period)


# -- reads -----------------------------------------------------------------------------------


def period_closes(store: PlanStore) -> list[PeriodClose]:
    """Every closing, reopened ones too: the latest period first, then the latest closing."""
    rows = [_close(r) for r in store.db.execute(f"SELECT {_CLOSE_COLUMNS} FROM period_closes")]
    rows.sort(key=lambda c: c.id, reverse=True)
    rows.sort(key=lambda c: parse_period(c.period), reverse=True)
    return rows


def closed_periods(store: PlanStore) -> list[str]:
    """The periods closed now (not reopened), latest first."""
    return [c.period for c in period_closes(store) if c.in_force]


def period_close(store: PlanStore, period: str) -> PeriodClose | None:
    """The closing of ``period`` in force (None: the period is open)."""
    code = _code(period).code
    row = store.db.execute(
        f"SELECT {_CLOSE_COLUMNS} FROM period_closes WHERE period = ? AND reopened_at IS NULL",
        [code],
    ).fetchone()
    return _close(row) if row else None


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:  # pragma: no cover - written here as ISO
        return None


def read_snapshot(store: PlanStore, period: str) -> PeriodStanding | None:
    """The standing kept when ``period`` was closed; None when it is open."""
    close = period_close(store, period)
    if close is None:
        return None
    lights = {s.value: s for s in StatusLight}
    statuses = {s.value: s for s in TaskStatus}
    sql = (
        f"SELECT {', '.join(_TASK_COLUMNS)} FROM period_tasks WHERE close_id = ? ORDER BY position"
    )
    dates: dict[str | None, date | None] = {None: None}  # plans reuse few dates: parse once
    tasks = tuple(
        TaskStanding(
            r[0],
            r[2],
            r[3],
            r[4],
            r[5],
            dates[r[6]] if r[6] in dates else dates.setdefault(r[6], _date(r[6])),
            lights[r[7]],
            statuses[r[8]],
            r[9],
            bool(r[10]),
            bool(r[11]),
            bool(r[12]),
            r[13],
            r[14],
        )
        for r in store.db.execute(sql, [close.id])
    )
    sql = (
        f"SELECT {', '.join(_INDICATOR_COLUMNS)} FROM period_indicators WHERE close_id = ?"
        " ORDER BY position"
    )
    indicators = tuple(
        IndicatorStanding(r[0], r[2], r[3], r[4], r[5], r[6], r[7], IndicatorLight(r[8]))
        for r in store.db.execute(sql, [close.id])
    )
    sql = (
        f"SELECT {', '.join(_UNIT_COLUMNS)} FROM period_units WHERE close_id = ? ORDER BY position"
    )
    units = tuple(
        UnitStanding(r[0], r[2], ReturnStanding(r[3]), r[4], r[5], r[6], _date(r[7]), r[8], r[9])
        for r in store.db.execute(sql, [close.id])
    )
    return PeriodStanding(
        close.period, close.judged_at, True, close.closed_at, close.closed_by,
        tasks, indicators, units,
    )  # fmt: skip


def _reported_tasks(store: PlanStore, period: Period) -> set[int]:
    """Tasks with a progress report of ``period`` or of a part of it (a month of a quarter)."""
    inside = []
    for (code,) in store.db.execute("SELECT DISTINCT period FROM progress_reports"):
        try:
            when = parse_period(code)
        except ValidationError:  # a period an old import let through
            continue
        if period.start <= when.start and when.end <= period.end:
            inside.append(code)
    if not inside:
        return set()
    sql = (
        "SELECT DISTINCT task_id FROM progress_reports"
        " WHERE period IN (SELECT value FROM json_each(? /* text */))"
    )
    return {r[0] for r in store.db.execute(sql, [json.dumps(inside)])}


def _latest_when(row) -> str:
    latest = row.latest
    if latest is None:
        return ""
    part = latest.period or ""
    return part if part.startswith(str(latest.year)) else f"{latest.year}{part}"


def _check_begun(when: Period, today: date, path: object) -> None:
    if when.start > today:
        raise ValidationError(
            N_("Messages", "{path}: {period} has not begun yet (it starts on {start})"),
            field="period",
            path=path,
            period=when.code,
            start=when.start.isoformat(),
        )


def judge_period(store: PlanStore, period: str, today: date | None = None) -> PeriodStanding:
    """``period``'s standing judged now, from what the plan holds: at the period's end as the
    plan stood then, once the period has ended (before ``today``); else at ``today`` with
    the current figures. Units' returns as they are at ``today``."""
    when = _code(period)
    today = today or date.today()
    _check_begun(when, today, store.path)
    ended = when.end < today
    as_of = when.end if ended else today
    rows = read_task_rows(store, as_of=as_of, history=ended)
    reported = _reported_tasks(store, when)
    narratives = latest_narratives(store, {r.id for r in rows}, when)
    tasks = []
    for r in rows:
        narrative = narratives.get(r.id)
        tasks.append(TaskStanding(
            r.id, r.code, r.title, r.lead_unit, r.stream_name, r.due_date, r.light, r.status,
            r.percent, r.recorded, r.id in reported,
            r.recorded and r.due_date is not None and r.due_date < as_of
            and is_overdue(r.status, r.percent, r.due_date, as_of),
            narrative.text if narrative else "", narrative.period if narrative else "",
        ))  # fmt: skip
    indicators = tuple(
        IndicatorStanding(
            i.indicator.id,
            i.indicator.code or "",
            i.indicator.name,
            i.indicator.measure_unit,
            i.latest_value,
            _latest_when(i),
            i.progress,
            i.light,
        )
        for i in read_indicators(store, as_of=as_of)
    )
    units = tuple(
        UnitStanding(
            u.unit_id,
            u.unit_name,
            u.standing,
            u.task_count,
            u.reported,
            len(u.left_empty),
            u.due_on,
            u.issued_at,
            u.returned_at,
        )
        for u in collection_status(store, when.code, today)
    )
    return PeriodStanding(when.code, as_of, False, None, "", tuple(tasks), indicators, units)


def period_standing(store: PlanStore, period: str, today: date | None = None) -> PeriodStanding:
    """The standing kept when ``period`` was closed; for an open period, judged live."""
    return read_snapshot(store, period) or judge_period(store, period, today)


def compare_periods(
    store: PlanStore, first: str, second: str, today: date | None = None
) -> PeriodComparison:
    """What moved between two periods, the earlier to the later (whichever order they are
    given in): each closed period from its snapshot, an open one judged live."""
    a, b = _code(first), _code(second)
    if a.code == b.code:
        raise ValidationError(
            N_("Messages", "compare two different periods (both are {period})"),
            field="period",
            period=a.code,
        )
    earlier, later = sorted((a, b))
    return compare(
        period_standing(store, earlier.code, today), period_standing(store, later.code, today)
    )


# -- writes ----------------------------------------------------------------------------------


def _insert_rows(
    changes: ChangeSet, kind: RecordKind, close_id: int, rows: list[tuple], note: str
) -> None:
    """Insert ``rows`` (in the order of ``kind``'s columns) in one statement, logged as one
    line naming what it did."""
    if not rows:
        return
    columns = _ROWS[kind]
    if getattr(changes.db, "engine", "sqlite") == "postgresql":
        # the server: one statement, many rows, pipelined by the driver (one round trip)
        marks = ", ".join("?" * (len(columns) + 1))
        sql = f'INSERT INTO "{kind.value}" (close_id, {", ".join(columns)}) VALUES ({marks})'
        changes.executemany(sql, [(close_id, *r) for r in rows], entity=kind.value, note=note)
        return
    picks = ", ".join(f"json_extract(value, '$[{n}]')" for n in range(len(columns)))
    sql = (
        f'INSERT INTO "{kind.value}" (close_id, {", ".join(columns)})'
        f" SELECT ?, {picks} FROM json_each(?)"
    )
    payload = json.dumps(rows, ensure_ascii=False)
    changes.execute(sql, [close_id, payload], entity=kind.value, note=note)


def close_period(
    store: PlanStore,
    changes: ChangeSet,
    period: str,
    *,
    standing: PeriodStanding | None = None,
    today: date | None = None,
) -> PeriodClose:
    """Close ``period``: keep its standing in the plan (``standing``, judged before — the
    window's redo writes the same one again — else judged now, :func:`judge_period`).

    Refused (:class:`ValidationError`) when the period is closed already (naming when and by
    whom), when it has not ended by ``today``, or when ``standing`` is of another period or
    was judged live before the period ended."""
    when = _code(period)
    today = today or date.today()
    current = period_close(store, when.code)
    if current is not None:
        raise ValidationError(
            N_(
                "Messages",
                "{path}: {period} is already closed (closed {when} by {who}); reopen it "
                "first to close it again",
            ),
            field="period",
            path=store.path,
            period=when.code,
            when=local_minute(current.closed_at),
            who=current.closed_by,
        )
    if when.end >= today:
        raise ValidationError(
            N_(
                "Messages",
                "{path}: {period} has not ended yet (it ends on {end}); a period is closed "
                "once it is over",
            ),
            field="period",
            path=store.path,
            period=when.code,
            end=when.end.isoformat(),
        )
    if standing is None:
        standing = judge_period(store, when.code, today)
    if standing.period != when.code or standing.judged_at != when.end:
        raise ValidationError(
            N_("Messages", "{period}: that standing is not of the period's end"),
            field="period",
            period=when.code,
        )
    lights = Counter(t.light.value for t in standing.tasks)
    record = {
        "period": when.code,
        "judged_at": standing.judged_at,
        "closed_at": standing.closed_at or to_sql(datetime.now(UTC)),
        "closed_by": standing.closed_by or changes.user,
        "tasks": len(standing.tasks),
        "indicators": len(standing.indicators),
        "units": len(standing.units),
        "lights": json.dumps(dict(lights), sort_keys=True),
    }
    close_id = changes.insert(RecordKind.PERIOD_CLOSES, record)
    tasks = [
        (t.task_id, n, t.code, t.title, t.lead_unit, t.stream, to_sql(t.due_date),
         t.light.value, t.status.value, t.percent, int(t.recorded), int(t.reported),
         int(t.overdue), t.narrative, t.narrative_period)
        for n, t in enumerate(standing.tasks)
    ]  # fmt: skip
    indicators = [
        (i.indicator_id, n, i.code, i.name, i.measure_unit, i.latest_value, i.latest_when,
         i.progress, i.light.value)
        for n, i in enumerate(standing.indicators)
    ]  # fmt: skip
    units = [
        (u.unit_id, n, u.name, u.standing.value, u.tasks, u.reported, u.left_empty,
         to_sql(u.due_on), u.issued_at, u.returned_at)
        for n, u in enumerate(standing.units)
    ]  # fmt: skip
    judged = standing.judged_at.isoformat()
    notes = {
        RecordKind.PERIOD_TASKS: (tasks, f"{len(tasks)} tasks of {when.code} as at {judged}"),
        RecordKind.PERIOD_INDICATORS: (
            indicators, f"{len(indicators)} indicators of {when.code} as at {judged}",
        ),
        RecordKind.PERIOD_UNITS: (units, f"{len(units)} units' returns for {when.code}"),
    }  # fmt: skip
    for kind, (rows, note) in notes.items():
        _insert_rows(changes, kind, close_id, rows, note)
    found = period_close(store, when.code)
    assert found is not None
    return found


def reopen_period(store: PlanStore, changes: ChangeSet, period: str) -> PeriodClose:
    """Reopen ``period``: its close is marked reopened (now, by this user) and its kept rows
    are removed; every change logged. Returns the close as it was. Refused
    (:class:`ValidationError`) when the period is not closed."""
    when = _code(period)
    current = period_close(store, when.code)
    if current is None:
        raise ValidationError(
            N_("Messages", "{path}: {period} is not closed; there is nothing to reopen"),
            field="period",
            path=store.path,
            period=when.code,
        )
    for kind in _ROWS:
        changes.execute(
            f'DELETE FROM "{kind.value}" WHERE close_id = ?',
            [current.id],
            entity=kind.value,
            note=f"removed the rows of {when.code} closed {current.closed_at}: reopened",
        )
    changes.update(
        RecordKind.PERIOD_CLOSES,
        current.id,
        {"reopened_at": datetime.now(UTC), "reopened_by": changes.user},
    )
    return current


__all__ = [
    "PeriodClose",
    "close_period",
    "closed_periods",
    "compare_periods",
    "judge_period",
    "period_close",
    "period_closes",
    "period_standing",
    "read_snapshot",
    "reopen_period",
]
