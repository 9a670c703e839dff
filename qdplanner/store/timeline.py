"""What the timeline needs beyond the task rows: milestones, links, baselines, plan years.

Each read is one query over the whole plan (20,000 tasks cost a few milliseconds); each write
works inside one ``PlanStore.action()`` so it is logged and undoable like any other edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from qdplanner.domain.limits import check_values
from qdplanner.domain.timeline import slip_days
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class MilestoneMark:
    """A milestone as the timeline draws it: a diamond at its planned and its actual date."""

    id: int
    title: str
    planned: date | None
    actual: date | None


def read_milestone_marks(store: PlanStore) -> dict[int, list[MilestoneMark]]:
    """Every task milestone of the plan, by task id, in planned-date order."""
    marks: dict[int, list[MilestoneMark]] = {}
    for mid, task_id, title, planned, actual in store.db.execute(
        "SELECT id, task_id, title, planned_date, actual_date FROM milestones"
        " WHERE task_id IS NOT NULL ORDER BY task_id, planned_date, position, id"
    ):
        marks.setdefault(task_id, []).append(MilestoneMark(mid, title, _day(planned), _day(actual)))
    return marks


# -- links ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TaskLink:
    """A finish-to-start link: ``successor`` starts after ``predecessor`` ends (+ lag)."""

    predecessor_id: int
    successor_id: int
    lag_days: int = 0


def read_links(store: PlanStore) -> list[TaskLink]:
    """Every link of the plan."""
    return [
        TaskLink(p, s, lag)
        for p, s, lag in store.db.execute(
            "SELECT predecessor_id, successor_id, lag_days FROM task_links"
            " ORDER BY predecessor_id, successor_id"
        )
    ]


def _reaches(links: Iterable[TaskLink], start: int, goal: int) -> bool:
    """Whether following links forward from ``start`` reaches ``goal``."""
    after: dict[int, list[int]] = {}
    for link in links:
        after.setdefault(link.predecessor_id, []).append(link.successor_id)
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(after.get(node, []))
    return False


def add_link(
    store: PlanStore, changes: ChangeSet, predecessor_id: int, successor_id: int, lag_days: int = 0
) -> TaskLink:
    """Link two tasks finish-to-start. Refuses a self-link, a duplicate and a cycle."""
    for task_id in (predecessor_id, successor_id):
        if store.db.execute("SELECT 1 FROM tasks WHERE id = ?", [task_id]).fetchone() is None:
            raise NotFoundError(N_("Messages", "task #{id} does not exist"), id=task_id)
    if predecessor_id == successor_id:
        raise ValidationError(N_("Messages", "a task cannot follow itself"), field="links")
    links = read_links(store)
    if any(k.predecessor_id == predecessor_id and k.successor_id == successor_id for k in links):
        raise ValidationError(
            N_("Messages", "task #{a} is already linked to task #{b}"),
            field="links",
            a=predecessor_id,
            b=successor_id,
        )
    if _reaches(links, successor_id, predecessor_id):
        raise ValidationError(
            N_("Messages", "linking task #{a} to task #{b} would make a loop"),
            field="links",
            a=predecessor_id,
            b=successor_id,
        )
    changes.insert(
        "task_links",
        {"predecessor_id": predecessor_id, "successor_id": successor_id, "lag_days": lag_days},
    )
    return TaskLink(predecessor_id, successor_id, lag_days)


def remove_link(store: PlanStore, changes: ChangeSet, predecessor_id: int, successor_id: int):
    """Remove a link (logged whole, so it can be restored)."""
    changes.delete("task_links", (predecessor_id, successor_id))


# -- baselines -----------------------------------------------------------------------------
@dataclass
class Baseline:
    """A saved copy of every task's dates: ``dates[task_id] = (start, due)``."""

    id: int
    name: str
    saved_at: str
    dates: dict[int, tuple[date | None, date | None]] = field(default_factory=dict)


def save_baseline(store: PlanStore, changes: ChangeSet, name: str) -> int:
    """Keep every task's start and due date as a new baseline; return its id.

    The copy is one statement, logged as one change (a baseline of 20,000 tasks must not
    write 20,000 log rows).
    """
    name = name.strip()
    if not name:
        raise ValidationError(N_("Messages", "the baseline needs a name"), field="name")
    check_values({"name": name})
    saved_at = datetime.now(UTC).isoformat(timespec="seconds")
    baseline_id = changes.insert("baselines", {"name": name, "saved_at": saved_at})
    changes.execute(
        "INSERT INTO baseline_tasks (baseline_id, task_id, start_date, due_date)"
        " SELECT ?, id, start_date, due_date FROM tasks",
        [baseline_id],
        entity="baseline_tasks",
        note=f"baseline #{baseline_id}: dates of every task copied",
    )
    return baseline_id


def latest_baseline(store: PlanStore) -> Baseline | None:
    """The most recently saved baseline with its dates, or None when there is none."""
    row = store.db.execute(
        "SELECT id, name, saved_at FROM baselines ORDER BY saved_at DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    baseline = Baseline(*row)
    baseline.dates = {
        task_id: (_day(start), _day(due))
        for task_id, start, due in store.db.execute(
            "SELECT task_id, start_date, due_date FROM baseline_tasks WHERE baseline_id = ?",
            [baseline.id],
        )
    }
    return baseline


@dataclass(frozen=True, slots=True)
class Slip:
    """A task due later than its baseline said, by ``days``."""

    task_id: int
    code: str
    title: str
    baseline_due: date
    due: date
    days: int


def slipped_tasks(store: PlanStore, baseline: Baseline | None = None) -> list[Slip]:
    """Tasks due later than in ``baseline`` (default: the latest), most slipped first."""
    baseline = baseline or latest_baseline(store)
    if baseline is None:
        return []
    slips = []
    for task_id, code, title, due_text in store.db.execute(
        "SELECT id, code, title, due_date FROM tasks"
    ):
        planned = baseline.dates.get(task_id)
        due = _day(due_text)
        days = slip_days(planned[1] if planned else None, due)
        if days is not None and days > 0 and due is not None and planned and planned[1]:
            slips.append(Slip(task_id, code, title, planned[1], due, days))
    slips.sort(key=lambda s: (-s.days, s.task_id))
    return slips


# -- plan years ----------------------------------------------------------------------------
@dataclass(frozen=True)
class StreamYears:
    """The plan-document years of each program and project (``None`` where not given)."""

    programs: dict[int, tuple[int | None, int | None]]
    projects: dict[int, tuple[int | None, int | None]]

    def of(self, program_id: int | None, project_id: int | None) -> tuple[int | None, int | None]:
        if program_id is not None:
            return self.programs.get(program_id, (None, None))
        return self.projects.get(project_id or -1, (None, None))

    def span(self, streams: Iterable[tuple[int | None, int | None]]) -> tuple[int, int] | None:
        """First and last year of the plan documents the given (program, project) ids belong
        to; None when none of them has years."""
        firsts, lasts = [], []
        for program_id, project_id in set(streams):
            first, last = self.of(program_id, project_id)
            if first is not None:
                firsts.append(first)
            if last is not None:
                lasts.append(last)
        if not firsts and not lasts:
            return None
        first = min(firsts or lasts)
        return first, max(lasts or [first])


def read_stream_years(store: PlanStore) -> StreamYears:
    """Start and end year of every program's and project's plan document."""

    def years(table: str) -> dict[int, tuple[int | None, int | None]]:
        return {
            sid: (first, last)
            for sid, first, last in store.db.execute(
                f"SELECT s.id, d.start_year, d.end_year FROM {table} s"
                " JOIN plan_documents d ON d.id = s.plan_document_id"
            )
        }

    return StreamYears(years("programs"), years("projects"))


def plan_document_years(store: PlanStore, document_id: int | None = None) -> tuple[int, int]:
    """The years of one plan document, or of all of them; this year when none are given."""
    where, params = ("WHERE id = ?", [document_id]) if document_id is not None else ("", [])
    first, last = store.db.execute(
        f"SELECT MIN(COALESCE(start_year, end_year)), MAX(COALESCE(end_year, start_year))"
        f" FROM plan_documents {where}",
        params,
    ).fetchone()
    this_year = date.today().year
    return (first or last or this_year, last or first or this_year)


def plan_title(store: PlanStore, streams: Iterable[tuple[int | None, int | None]]) -> str:
    """The title of the plan document(s) the given (program id, project id) pairs belong to,
    in plan order, joined by 、; empty when there are none."""
    wanted = set(streams)
    programs = {p for p, _ in wanted if p is not None}
    projects = {j for _, j in wanted if j is not None}
    titles = []
    for doc_id, title in store.db.execute(
        "SELECT id, title FROM plan_documents ORDER BY position, id"
    ).fetchall():
        ids_p = {r[0] for r in store.db.execute(
            "SELECT id FROM programs WHERE plan_document_id = ?", [doc_id]
        )}  # fmt: skip
        ids_j = {r[0] for r in store.db.execute(
            "SELECT id FROM projects WHERE plan_document_id = ?", [doc_id]
        )}  # fmt: skip
        if ids_p & programs or ids_j & projects:
            titles.append(title)
    return "、".join(titles)
