"""The plan's records kind by kind, one query per kind, in the order a workbook lists them.

The workbook export writes these records and the workbook import compares what it reads with
the same records (:mod:`qdplanner.excel.plan_rows`), each kind read once per export or
import. Records are the domain's dataclasses (:mod:`qdplanner.domain.models`): dates are
``datetime.date``, coded values their enums, flags ``bool``. A date the plan file holds in
another form (written by another program) is kept as its text, so an export shows it rather
than lose it. The tasks and their units, tens of thousands of each, come as iterators, read as
they are iterated: a caller turning each into a row never holds both.

Order: plan documents by position; what belongs to a plan document (goals, programs,
projects, indicators and their values) by its document, then by position; tasks by plan
document, programs before projects, program or project, then position (not yet in tree
order: :func:`qdplanner.store.task_rows.tree_order` does that); the rest by id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from qdplanner.domain.enums import (
    Accumulation,
    Comparator,
    Direction,
    IndicatorNature,
    PlanKind,
    TaskStatus,
    UnitKind,
    UnitRole,
    ValueKind,
)
from qdplanner.domain.models import (
    Goal,
    Indicator,
    IndicatorValue,
    Milestone,
    PlanDocument,
    Program,
    ProgressReport,
    Project,
    Source,
    Task,
    TaskUnit,
    Unit,
)
from qdplanner.store.milestones import MILESTONE_FIELDS, read_milestone_rows
from qdplanner.store.plan_store import PlanStore


class _Days(dict):
    """Stored date text → date (None when empty), each distinct text parsed once: plans reuse
    few distinct dates, and a lookup is cheaper than a call."""

    def __init__(self) -> None:
        super().__init__({None: None, "": None})

    def __missing__(self, text: str) -> date | str:
        try:
            day: date | str = date.fromisoformat(text)
        except (TypeError, ValueError):  # not written by us: kept as it is, not lost
            day = text
        self[text] = day
        return day


def plan_documents(store: PlanStore) -> list[PlanDocument]:
    sql = (
        "SELECT id, title, kind, start_year, end_year, issuer, issued_on, description, position"
        " FROM plan_documents ORDER BY position, id"
    )
    day = _Days()
    return [
        PlanDocument(r[0], r[1], PlanKind(r[2]), r[3], r[4], r[5], day[r[6]], r[7], r[8])
        for r in store.db.execute(sql)
    ]


_BY_DOCUMENT = " JOIN plan_documents d ON d.id = s.plan_document_id ORDER BY d.position, d.id"


def goals(store: PlanStore) -> list[Goal]:
    sql = (
        "SELECT s.id, s.plan_document_id, s.name, s.description, s.position FROM goals s"
        + _BY_DOCUMENT
        + ", s.position, s.id"
    )
    return [Goal(*r) for r in store.db.execute(sql)]


def _streams(store: PlanStore, table: str) -> list[tuple]:
    sql = (
        "SELECT s.id, s.plan_document_id, s.name, s.code, s.description, s.position"
        f" FROM {table} s" + _BY_DOCUMENT + ", s.position, s.id"
    )
    return store.db.execute(sql).fetchall()


def programs(store: PlanStore) -> list[Program]:
    return [Program(*r) for r in _streams(store, "programs")]


def projects(store: PlanStore) -> list[Project]:
    return [Project(*r) for r in _streams(store, "projects")]


_TASK_FIELDS = """t.id, t.title, t.program_id, t.project_id, t.parent_id, t.code,
       t.description, t.start_date, t.due_date, t.deadline_text, t.status, t.percent, t.notes,
       t.is_illustrative, t.position"""
_TASKS_IN_ORDER = """
FROM tasks t
LEFT JOIN programs pr ON pr.id = t.program_id
LEFT JOIN projects pj ON pj.id = t.project_id
JOIN plan_documents d ON d.id = COALESCE(pr.plan_document_id, pj.plan_document_id)
ORDER BY d.position, d.id, t.project_id IS NOT NULL, COALESCE(pr.position, pj.position),
         COALESCE(t.program_id, t.project_id), t.position, t.id
"""


def _tasks(store: PlanStore, sql: str, params: list) -> Iterator[Task]:
    day = _Days()
    statuses = {s.value: s for s in TaskStatus}
    for r in store.db.execute(sql, params):
        # positional, in Task's field order: twice as fast as keywords on 20,000 tasks
        task = Task(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], day[r[7]], day[r[8]], r[9],
            statuses[r[10]], r[11], r[12], bool(r[13]), r[14],
        )  # fmt: skip
        yield task


def tasks(store: PlanStore) -> Iterator[Task]:
    """Every task (see the module docstring for the order), read as it is iterated."""
    return _tasks(store, f"SELECT {_TASK_FIELDS} {_TASKS_IN_ORDER}", [])


def tasks_under(
    store: PlanStore,
    parent_id: int | None,
    *,
    program_id: int | None = None,
    project_id: int | None = None,
) -> list[Task]:
    """The tasks of one program (or one project) directly under ``parent_id`` (None: its
    top-level tasks), by id."""
    stream, stream_id = (
        ("program_id", program_id) if project_id is None else ("project_id", project_id)
    )
    sql = f"SELECT {_TASK_FIELDS} FROM tasks t WHERE t.{stream} = ? AND t.parent_id IS ?"
    sql += " ORDER BY t.id"
    return list(_tasks(store, sql, [stream_id, parent_id]))


def task_units(store: PlanStore) -> Iterator[TaskUnit]:
    """Every unit's role on every task: by task, the lead first, then by position; read as
    it is iterated."""
    roles = {r.value: r for r in UnitRole}
    sql = (
        "SELECT task_id, unit_id, role, position, is_illustrative FROM task_units"
        " ORDER BY task_id, role <> 'lead', position, unit_id"
    )
    return (TaskUnit(t, u, roles[r], p, bool(i)) for t, u, r, p, i in store.db.execute(sql))


def milestones(store: PlanStore) -> list[Milestone]:
    """Every milestone: a task's by task, then a program's or project's."""
    order = " ORDER BY task_id IS NULL, task_id, program_id, project_id, position, id"
    return read_milestone_rows(store, MILESTONE_FIELDS + order, [], day=_Days().__getitem__)


def units(store: PlanStore) -> list[Unit]:
    """Every unit with its aliases (in the order they were added)."""
    aliases: defaultdict[int, list[str]] = defaultdict(list)
    for unit_id, alias in store.db.execute(
        "SELECT unit_id, alias FROM unit_aliases ORDER BY unit_id, id"
    ):
        aliases[unit_id].append(alias)
    sql = (
        "SELECT id, name, short_name, kind, contact, notes, is_illustrative, phone FROM units"
        " ORDER BY id"
    )
    return [
        Unit(
            id=r[0],
            name=r[1],
            short_name=r[2],
            kind=UnitKind(r[3]),
            contact=r[4],
            notes=r[5],
            is_illustrative=bool(r[6]),
            aliases=aliases.get(r[0], []),
            phone=r[7],
        )
        for r in store.db.execute(sql)
    ]


def unit_names(store: PlanStore) -> dict[int, str]:
    """Unit id → full name, for every unit."""
    return dict(store.db.execute("SELECT id, name FROM units").fetchall())


def task_titles(store: PlanStore) -> dict[int, str]:
    """Task id → title, for every task."""
    return dict(store.db.execute("SELECT id, title FROM tasks").fetchall())


def indicators(store: PlanStore) -> list[Indicator]:
    sql = (
        "SELECT s.id, s.plan_document_id, s.program_id, s.project_id, s.goal_id, s.code, s.name,"
        " s.measure_unit, s.direction, s.comparator, s.baseline_year, s.baseline_value,"
        " s.baseline_text, s.target_year, s.target_value, s.target_text, s.nature,"
        " s.accumulation, s.notes, s.position FROM indicators s"
        + _BY_DOCUMENT
        + ", s.position, s.id"
    )
    return [
        Indicator(
            id=r[0],
            plan_document_id=r[1],
            program_id=r[2],
            project_id=r[3],
            goal_id=r[4],
            code=r[5],
            name=r[6],
            measure_unit=r[7],
            direction=Direction(r[8]),
            comparator=Comparator(r[9]),
            baseline_year=r[10],
            baseline_value=r[11],
            baseline_text=r[12],
            target_year=r[13],
            target_value=r[14],
            target_text=r[15],
            nature=IndicatorNature(r[16]),
            accumulation=Accumulation(r[17]),
            notes=r[18],
            position=r[19],
        )
        for r in store.db.execute(sql)
    ]


def sources(store: PlanStore) -> list[Source]:
    sql = "SELECT id, title, publisher, published, url FROM sources ORDER BY id"
    day = _Days()
    return [Source(r[0], r[1], r[2], day[r[3]], r[4]) for r in store.db.execute(sql)]


def indicator_values(store: PlanStore) -> list[IndicatorValue]:
    """Every indicator's values, by indicator, then year, period and kind."""
    sql = (
        "SELECT v.id, v.indicator_id, v.year, v.period, v.kind, v.value, v.source_id, v.source,"
        " v.source_date, v.notes FROM indicator_values v"
        " JOIN indicators i ON i.id = v.indicator_id"
        " JOIN plan_documents d ON d.id = i.plan_document_id"
        " ORDER BY d.position, d.id, i.position, i.id, v.year, v.period, v.kind, v.id"
    )
    day = _Days()
    return [
        IndicatorValue(
            id=r[0],
            indicator_id=r[1],
            year=r[2],
            period=r[3],
            kind=ValueKind(r[4]),
            value=r[5],
            source_id=r[6],
            source=r[7],
            source_date=day[r[8]],
            notes=r[9],
        )
        for r in store.db.execute(sql)
    ]


def progress_reports(
    store: PlanStore, period: str | None = None, *, task_id: int | None = None
) -> list[ProgressReport]:
    """Every progress report, or those of ``period`` (a period's code, e.g. 2024Q3) and/or
    of the task ``task_id``, by id."""
    wanted = {"period": period, "task_id": task_id}
    where = [f"{field} = ?" for field, value in wanted.items() if value is not None]
    sql = (
        "SELECT id, task_id, period, status, percent, narrative, problems, next_steps,"
        " reporting_unit_id, reported_on, received_on, filled_by, source, is_illustrative"
        " FROM progress_reports"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY id"
    )
    rows = store.db.execute(sql, [v for v in wanted.values() if v is not None])
    day = _Days()
    statuses = {s.value: s for s in TaskStatus}
    # positional, in ProgressReport's field order (tests/store/test_records.py reads
    # one back field by field)
    return [
        ProgressReport(
            r[0],
            r[1],
            r[2],
            statuses[r[3]],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            day[r[9]],
            day[r[10]],
            r[11],
            r[12],
            bool(r[13]),
        )
        for r in rows
    ]
