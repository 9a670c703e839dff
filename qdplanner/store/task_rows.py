"""Reading tasks for tables and summaries: one query, tree order, status lights.

Designed for plans of 20,000 to 100,000 tasks: a single SQL statement over the tasks with the
lead unit's id joined and the supporting units' ids concatenated (names of units, programs,
projects and plan documents come from their small tables, read once), then one pass in Python
for plan order, tree order and lights (each distinct status, percent and dates judged once).
When the plan keeps a late recovery yellow (``LightRules.sticky_yellow``), one more query reads
the progress reports of the tasks now on track, which are judged by their earlier reports
(:func:`qdplanner.domain.status_light.was_behind`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import compress, count
from operator import attrgetter, itemgetter

from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.periods import parse_period
from qdplanner.domain.status_light import (
    DONE_PERCENT,
    SET_ASIDE,
    LightRules,
    light_without_record,
    report_standing_at,
    status_light,
    was_behind,
)
from qdplanner.errors import ValidationError
from qdplanner.store.bulk import paused_gc
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.server_plan import ServerPlan


class ScopeKind(StrEnum):
    ALL = "all"
    DOCUMENT = "document"
    PROGRAM = "program"
    PROJECT = "project"
    TASK = "task"  # one task: to refresh a row after an edit


@dataclass(frozen=True)
class Scope:
    """Which tasks to read: all, one plan document's, one program's or one project's."""

    kind: ScopeKind = ScopeKind.ALL
    id: int | None = None


@dataclass(slots=True)
class TaskRow:
    """A task as a table shows it: its fields, its units by name, its depth and light."""

    id: int
    parent_id: int | None
    program_id: int | None
    project_id: int | None
    stream_name: str  # the program's or project's name
    code: str
    title: str
    start_date: date | None
    due_date: date | None
    deadline_text: str
    status: TaskStatus
    percent: int
    lead_unit: str  # full name
    support_ids: str  # supporting unit ids, comma-separated, in order
    notes: str
    is_illustrative: bool
    depth: int = 0
    has_children: bool = False
    light: StatusLight = StatusLight.GREY
    lead_short: str = ""  # short name (市科技局), else the full name
    unit_names: dict[int, tuple[str, str]] | None = None  # id → (full, short), shared
    description: str | None = ""  # None: not read (read_task_rows without descriptions)
    search_text: str | None = None  # folded text for the filter, computed on first use
    # Judged as it stood at a past date (``history``): the period of the progress report
    # that gave status and percent, or None when no report had ended by then (the light
    # then says 无进展记录 and status and percent are not the task's of that day)
    reported_period: str | None = None
    recorded: bool = True  # False: judged at a past date with no report by then

    # Supporting units are named only when shown, filtered or copied: concatenating ids in
    # SQL and naming a row on demand saves ~30 ms per 20,000 rows over joining names.
    def _support_names(self, which: int) -> str:
        if not self.support_ids or not self.unit_names:
            return ""
        return "、".join(self.unit_names[int(i)][which] for i in self.support_ids.split(","))

    @property
    def support_units(self) -> str:
        """Full names of the supporting units, joined by 、."""
        return self._support_names(0)

    @property
    def support_short(self) -> str:
        """Short names (else full) of the supporting units, joined by 、."""
        return self._support_names(1)


# Only the tasks' own columns, the lead unit's id and the supporting units' ids: names of
# units, programs, projects and plan documents come from small tables read once (a few hundred
# rows), not 20,000 times over in joined strings. The stream (program id, or minus the
# project id: a task belongs to one of the two) keys plan order and the stream's name.
_SQL = """
SELECT t.id, t.parent_id, t.program_id, t.project_id, t.code, t.title, t.start_date,
       t.due_date, t.deadline_text, t.status, t.percent, l.unit_id, {support},
       t.notes, t.is_illustrative, t.position, COALESCE(t.program_id, -t.project_id){description}
FROM tasks t
LEFT JOIN task_units l ON l.task_id = t.id AND l.role = 'lead'
{where}
"""
# Every program and project with its plan document: its place in plan order (document,
# programs before projects, position, id), its name and its document's first year.
_STREAMS = """
SELECT pr.id, pr.name, d.position, d.id, 0, pr.position, d.start_year, pr.id
FROM programs pr JOIN plan_documents d ON d.id = pr.plan_document_id
UNION ALL
SELECT -pj.id, pj.name, d.position, d.id, 1, pj.position, d.start_year, pj.id
FROM projects pj JOIN plan_documents d ON d.id = pj.plan_document_id
"""
_SUPPORT = """COALESCE((SELECT group_concat(unit_id) FROM (SELECT s.unit_id FROM task_units s
           WHERE s.task_id = t.id AND s.role = 'support' ORDER BY s.position) AS su), '')"""
_STREAM_PLACE = itemgetter(2, 3, 4, 5, 7)
_FIRST = itemgetter(0)
_ID = attrgetter("id")

_WHERE = {
    ScopeKind.ALL: "",
    ScopeKind.DOCUMENT: "WHERE t.program_id IN (SELECT id FROM programs WHERE plan_document_id"
    " = ?1) OR t.project_id IN (SELECT id FROM projects WHERE plan_document_id = ?1)",
    ScopeKind.PROGRAM: "WHERE t.program_id = ?",
    ScopeKind.PROJECT: "WHERE t.project_id = ?",
    ScopeKind.TASK: "WHERE t.id = ?",
}


# The progress reports of the tasks now on track (sticky yellow): the ids go in as one JSON
# array, and each task's reports are found through the (task_id, period) key — only their
# rows are read, however many reports the plan holds. A report done or set aside was not
# behind (is_done, SET_ASIDE): left out in SQL, from the same constants.
_EARLIER_REPORTS = f"""
SELECT r.task_id, r.period, r.status, r.percent
FROM json_each(? /* bigint */) c JOIN progress_reports r ON r.task_id = c.value
WHERE r.percent < {DONE_PERCENT}
  AND r.status NOT IN ({", ".join(f"'{s.value}'" for s in (TaskStatus.DONE, *SET_ASIDE))})
"""
_RECOVERED = (StatusLight.GREEN, StatusLight.BLUE)  # lights sticky yellow may replace


def _period_end(code: str) -> date | None:
    try:
        return parse_period(code).end
    except ValidationError:  # a period an old import let through: not judged
        return None


def _keep_late_recoveries_yellow(
    store: PlanStore,
    recovered: dict[int, tuple[TaskRow, date | None]],
    as_of: date,
    rules: LightRules,
) -> None:
    """Turn YELLOW each task of ``recovered`` (id → row, effective start; now green or
    blue) that was behind at an earlier progress report: one query."""
    ends: dict[str, date | None] = {}  # plans use few periods: parse each once
    earlier: dict[int, list[tuple[date, str, int]]] = {}
    ids = json.dumps(list(recovered))
    for task_id, period, status, percent in store.db.execute(_EARLIER_REPORTS, [ids]):
        end = ends[period] if period in ends else ends.setdefault(period, _period_end(period))
        if end is not None and end <= as_of:
            earlier.setdefault(task_id, []).append((end, status, percent))
    for task_id, reports in earlier.items():
        row, start = recovered[task_id]
        if was_behind(reports, start=start, due=row.due_date, rules=rules):
            row.light = status_light(
                status=row.status, percent=row.percent, start=start, due=row.due_date,
                as_of=as_of, rules=rules, was_behind=True,
            )  # fmt: skip


# The progress reports that can say how tasks stood at a past date: those of the rows read
# (one JSON array of ids, found through the (task_id, period) key) whose period ended by then.
_STANDING_REPORTS = """
SELECT r.task_id, r.period, r.status, r.percent
FROM json_each(? /* bigint */) c JOIN progress_reports r ON r.task_id = c.value
WHERE r.period IN (SELECT value FROM json_each(? /* text */))
"""
# The same for the whole plan: through the period index, without a list of ids.
_ALL_STANDING_REPORTS = """
SELECT task_id, period, status, percent FROM progress_reports
WHERE period IN (SELECT value FROM json_each(? /* text */))
"""


def _as_it_stood(store: PlanStore, rows: list[TaskRow], starts: dict[int, date | None],
                 as_of: date, rules: LightRules, whole_plan: bool) -> None:  # fmt: skip
    """Judge ``rows`` as they stood at ``as_of``: status and percent from the progress report
    whose period ended last by then (:func:`report_standing_at`); without one, what the dates
    alone tell (:func:`light_without_record`). Two queries, whatever the plan's size."""
    periods = {}
    for (code,) in store.db.execute("SELECT DISTINCT period FROM progress_reports"):
        try:
            period = parse_period(code)
        except ValidationError:  # a period an old import let through: not judged
            continue
        if period.end <= as_of:
            periods[code] = (period.start, period.end)
    by_task: dict[int, list[tuple[date, date, str, int, str]]] = {}
    if whole_plan:
        cursor = store.db.execute(_ALL_STANDING_REPORTS, [json.dumps(list(periods))])
    else:
        params = [json.dumps([r.id for r in rows]), json.dumps(list(periods))]
        cursor = store.db.execute(_STANDING_REPORTS, params)
    for task_id, code, status, percent in cursor:
        by_task.setdefault(task_id, []).append((*periods[code], status, percent, code))
    standing = {task_id: report_standing_at(found, as_of) for task_id, found in by_task.items()}
    statuses = {s.value: s for s in TaskStatus}
    for row in rows:
        start = starts[row.id]
        found = standing.get(row.id)
        if found is None:
            row.light = light_without_record(start=start, due=row.due_date, as_of=as_of)
            row.recorded = False
            continue
        row.status, row.percent, row.reported_period = statuses[found[2]], found[3], found[4]
        row.light = status_light(
            status=row.status, percent=row.percent, start=start, due=row.due_date,
            as_of=as_of, rules=rules,
        )  # fmt: skip


class _Dates(dict):
    """ISO date text → date, each distinct text parsed once (plans reuse few dates); None and
    empty text → None."""

    def __missing__(self, text: str | None) -> date | None:
        value = self[text] = date.fromisoformat(text) if text else None
        return value


def read_task_rows(
    store: PlanStore,
    scope: Scope = Scope(),
    *,
    as_of: date | None = None,
    rules: LightRules | None = None,
    history: bool = False,
    descriptions: bool = True,
    supporting: bool = True,
) -> list[TaskRow]:
    """Tasks in ``scope``, parents before their sub-tasks, with lights at ``as_of`` (today).

    With ``history`` (a date in the past the user asked for) each task is judged as it stood
    then — status and percent from its progress reports, never today's figures (see
    :attr:`TaskRow.reported_period`); else from the task's current status and percent.

    Without ``descriptions`` each row's ``description`` is None (not read: no table shows it)
    until :func:`read_descriptions` fills it in — the task table's text filter asks for it.
    Without ``supporting`` no row names its supporting units (a summary counts, never shows
    them: one correlated subquery per task saved)."""
    with paused_gc():  # many rows, no cycles: see qdplanner.store.bulk
        return _read_task_rows(store, scope, as_of, rules, history, descriptions, supporting)


def read_descriptions(store: PlanStore, rows: list[TaskRow]) -> None:
    """Fill in the ``description`` of ``rows`` read without it (one query).

    Only the descriptions that are not empty are fetched (about half on a plan made from
    documents): fetching 20,000 rows took ~9 ms, the 10,000 with text ~6 ms."""
    wanted = [r for r in rows if r.description is None]
    if not wanted:
        return
    with paused_gc():
        if len(wanted) > 500:  # most of the plan: one pass over the table beats a list of ids
            found = dict(
                store.db.execute("SELECT id, description FROM tasks WHERE description <> ''")
            )
        else:
            found = dict(
                store.db.execute(
                    "SELECT t.id, t.description FROM json_each(? /* bigint */) c"
                    " JOIN tasks t ON t.id = c.value WHERE t.description <> ''",
                    [json.dumps([r.id for r in wanted])],
                )
            )
        get = found.get
        for row in wanted:
            row.description = get(row.id, "")


def descriptions_fetchable(store: PlanStore) -> bool:
    """Whether :func:`fetch_descriptions` may run on a connection of its own
    (``store.worker_store()``): a plan file (not a server plan), with no change of this
    connection's uncommitted (the other connection would not see it)."""
    return not isinstance(store.path, ServerPlan) and not store.db.conn.in_transaction


def fetch_descriptions(store: PlanStore) -> tuple[str, str] | None:
    """Every task's description that is not empty, as two texts: the ids joined by commas
    and the descriptions joined by NUL, in the same order (:func:`give_descriptions` fills
    rows in from them); None when the plan has none. A plan file only.

    One statement making one row: SQLite steps through the table with the GIL released, so
    a thread of the task table's runs it while the UI thread paints (a row at a time, the
    two threads would hand the GIL to and fro 10,000 times)."""
    found = store.db.execute(
        "SELECT group_concat(id), group_concat(description, char(0))"
        " FROM tasks WHERE description <> ''"
    ).fetchone()
    return None if found is None or found[0] is None else (found[0], found[1])


def give_descriptions(rows: list[TaskRow], found: tuple[str, str] | None) -> bool:
    """Fill in the ``description`` of ``rows`` read without it from what
    :func:`fetch_descriptions` read; False (nothing changed) when a description held a NUL."""
    texts: dict[int, str] = {}
    if found is not None:
        ids, joined = found[0].split(","), found[1].split("\x00")
        if len(ids) != len(joined):
            return False
        texts = dict(zip(map(int, ids), joined, strict=True))
    get = texts.get
    for row in rows:
        if row.description is None:
            row.description = get(row.id, "")
    return True


def _streams(store: PlanStore) -> dict[int, tuple[int, str, int | None]]:
    """Program id, or minus the project id → (place in plan order, name, its plan document's
    first year)."""
    found = store.db.execute(_STREAMS).fetchall()
    found.sort(key=_STREAM_PLACE)
    return {r[0]: (place, r[1], r[6]) for place, r in enumerate(found)}


def _read_task_rows(
    store: PlanStore,
    scope: Scope,
    as_of: date | None,
    rules: LightRules | None,
    history: bool,
    descriptions: bool,
    supporting: bool = True,
) -> list[TaskRow]:
    as_of = as_of or date.today()
    rules = rules or store.light_rules()
    params = [] if scope.kind == ScopeKind.ALL else [scope.id]
    sql = _SQL.format(
        where=_WHERE[scope.kind],
        description=", t.description" if descriptions else "",
        support=_SUPPORT if supporting else "''",
    )
    fetched = store.db.execute(sql, params).fetchall()
    streams = _streams(store)
    unit_names = {
        uid: (name, short)
        for uid, name, short in store.db.execute(
            "SELECT id, name, COALESCE(NULLIF(short_name, ''), name) FROM units"
        )
    }
    leads = {**unit_names, None: ("", "")}  # a task with no lead unit: blank names
    # Plan order: the stream's place, then position among siblings, then id (sorted in
    # Python: SQLite's ORDER BY over the joined rows took 50 ms on 20,000 rows)
    fetched.sort(key=lambda r: (streams[r[16]][0] if r[16] in streams else -1, r[15], r[0]))
    ids = set(map(_FIRST, fetched))
    rows: list[TaskRow] = []
    top: list[TaskRow] = []  # tree order as the rows are made: top-level rows …
    children: dict[int, list[TaskRow]] = {}  # … and each parent's sub-tasks
    statuses = {s.value: s for s in TaskStatus}
    dates = _Dates()
    first_days: dict[int | None, date | None] = {None: None, 0: None}  # a document's first day
    lights: dict[tuple, StatusLight] = {}  # the same status, percent and dates: the same light
    recovered: dict[int, tuple[TaskRow, date | None]] = {}  # on track now (sticky yellow)
    starts: dict[int, date | None] = {}  # effective start dates (history)
    sticky = rules.sticky_yellow
    grey = StatusLight.GREY
    # One pass, row by row: measured faster than building the rows column by column with
    # map() and zip() (the columns' lists cost more than the loop saves)
    for r in fetched:
        stream = streams.get(r[16])
        if stream is None:  # in no plan document (cannot happen with foreign keys on)
            continue
        start, due = dates[r[6]], dates[r[7]]
        lead_name, lead_short = leads[r[11]]
        # positional: 2x faster than keywords on 20,000 rows (order of TaskRow's fields)
        row = TaskRow(
            r[0], r[1], r[2], r[3], stream[1], r[4], r[5], start, due, r[8], statuses[r[9]],
            r[10], lead_name, r[12], r[13], bool(r[14]), 0, False, grey, lead_short,
            unit_names, r[17] if descriptions else None,
        )  # fmt: skip
        rows.append(row)
        parent = r[1]
        if parent is None or parent not in ids:
            top.append(row)
        elif parent in children:
            children[parent].append(row)
        else:
            children[parent] = [row]
        # A task with no start date of its own starts when its plan document starts.
        if start is None:
            year = stream[2]
            if year in first_days:
                start = first_days[year]
            else:
                start = first_days[year] = date(year, 1, 1)
        if history:
            starts[r[0]] = start
            continue
        key = (r[9], r[10], start, due)
        light = lights.get(key)
        if light is None:
            light = lights[key] = status_light(
                status=row.status, percent=r[10], start=start, due=due, as_of=as_of, rules=rules
            )
        row.light = light
        if sticky and light in _RECOVERED:
            recovered[r[0]] = (row, start)
    if history and rows:
        _as_it_stood(store, rows, starts, as_of, rules, scope.kind == ScopeKind.ALL)
        if rules.sticky_yellow:
            recovered = {r.id: (r, starts[r.id]) for r in rows if r.light in _RECOVERED}
    if recovered:
        _keep_late_recoveries_yellow(store, recovered, as_of, rules)
    return _depth_first(top, children)


def read_task_row(
    store: PlanStore, task_id: int, *, as_of: date | None = None, rules: LightRules | None = None
) -> TaskRow | None:
    """One task as the table shows it (depth and has_children are not known here)."""
    rows = read_task_rows(store, Scope(ScopeKind.TASK, task_id), as_of=as_of, rules=rules)
    return rows[0] if rows else None


def tree_order(rows: list[TaskRow]) -> list[TaskRow]:
    """Order rows depth-first (each parent followed by its sub-tasks) and set depth.

    Rows arrive sorted by position; a sub-task whose parent is outside the list is shown
    at the top level so a filtered or scoped list never loses rows.
    """
    ids = set(map(_ID, rows))
    top: list[TaskRow] = []
    children: dict[int, list[TaskRow]] = {}
    for r in rows:
        r.depth, r.has_children = 0, False
        parent = r.parent_id
        if parent is None or parent not in ids:
            top.append(r)
        elif parent in children:
            children[parent].append(r)
        else:
            children[parent] = [r]
    return _depth_first(top, children)


def _depth_first(top: list, children: dict[int, list]) -> list:
    """``top`` (rows of depth 0, no children yet) each followed by its sub-tasks, depth-first,
    with depth and has_children set; ``children``: parent id → its sub-tasks, in order."""
    if not children:
        return top
    ordered: list = []
    done = 0
    # only the top-level rows with sub-tasks are visited one by one: the runs between them
    # are copied whole
    parents = compress(count(), map(children.__contains__, map(_ID, top)))
    for at in parents:
        row = top[at]
        ordered += top[done : at + 1]
        done = at + 1
        row.has_children = True
        stack = [(k, 1) for k in reversed(children[row.id])]  # its sub-tree, depth-first
        while stack:
            child, depth = stack.pop()
            child.depth = depth
            ordered.append(child)
            grandchildren = children.get(child.id)
            if grandchildren is not None:
                child.has_children = True
                stack.extend((k, depth + 1) for k in reversed(grandchildren))
    ordered += top[done:]
    return ordered
