"""Adding, deleting and moving tasks in the tree, all logged and all reversible.

Siblings (same program/project and parent) are kept numbered 0…n−1 by ``position``; every
change renumbers only the group it touched. :func:`delete_tasks` returns a snapshot of every
row it removed (the sub-tasks and what hangs off them) so :func:`restore_snapshot` can put
them back with their original ids — that is how a delete is undone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qdplanner.domain.limits import check_values
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore

# Tables hanging off tasks, in the order they can be re-inserted after their tasks.
_DEPENDENTS = [
    ("task_units", "task_id"),
    ("milestones", "task_id"),
    ("progress_reports", "task_id"),
    ("baseline_tasks", "task_id"),
]


@dataclass
class Place:
    """Where a task sits: its stream (program or project), parent and position."""

    program_id: int | None
    project_id: int | None
    parent_id: int | None
    position: int


@dataclass
class Snapshot:
    """Rows removed by a delete, by table, in an order they can be inserted back."""

    rows: dict[str, list[dict]] = field(default_factory=dict)


def place_of(store: PlanStore, task_id: int) -> Place:
    row = store.db.execute(
        "SELECT program_id, project_id, parent_id, position FROM tasks WHERE id = ?", [task_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(N_("Messages", "task #{id} does not exist"), id=task_id)
    return Place(*row)


def _siblings(store: PlanStore, place: Place, *, exclude: int | None = None) -> list[int]:
    stream = "program_id" if place.program_id is not None else "project_id"
    stream_id = place.program_id if place.program_id is not None else place.project_id
    parent_sql = "parent_id IS NULL" if place.parent_id is None else "parent_id = ?"
    params = [stream_id] + ([] if place.parent_id is None else [place.parent_id])
    ids = [
        r[0]
        for r in store.db.execute(
            f"SELECT id FROM tasks WHERE {stream} = ? AND {parent_sql} ORDER BY position, id",
            params,
        )
    ]
    return [i for i in ids if i != exclude]


def _renumber(store: PlanStore, changes: ChangeSet, ordered: list[int]) -> None:
    current = (
        dict(
            store.db.execute(
                f"SELECT id, position FROM tasks WHERE id IN ({','.join('?' * len(ordered))})",
                ordered,
            ).fetchall()
        )
        if ordered
        else {}
    )
    for position, task_id in enumerate(ordered):
        if current.get(task_id) != position:
            changes.update("tasks", task_id, {"position": position})


def insert_task(store: PlanStore, changes: ChangeSet, place: Place, title: str, **fields) -> int:
    """Insert a task at ``place`` (position among its siblings); return its id.

    ``title`` and ``fields`` are refused (:class:`ValidationError`) outside the limits of
    :mod:`qdplanner.domain.limits`."""
    if not title.strip():
        raise ValidationError(N_("Messages", "the task title must not be empty"), field="title")
    check_values({"title": title, **fields})
    if place.parent_id is not None:
        parent = place_of(store, place.parent_id)
        place = Place(parent.program_id, parent.project_id, place.parent_id, place.position)
    if (place.program_id is None) == (place.project_id is None):
        raise ValidationError(N_("Messages", "a task belongs to exactly one program or project"))
    siblings = _siblings(store, place)
    position = max(0, min(place.position, len(siblings)))
    task_id = changes.insert(
        "tasks",
        {
            "program_id": place.program_id,
            "project_id": place.project_id,
            "parent_id": place.parent_id,
            "position": position,
            "title": title.strip(),
            **fields,
        },
    )
    siblings.insert(position, task_id)
    _renumber(store, changes, siblings)
    return task_id


def move_task(store: PlanStore, changes: ChangeSet, task_id: int, target: Place) -> Place:
    """Move a task (with its sub-tasks) to ``target``; return where it was (for undo)."""
    old = place_of(store, task_id)
    if target.parent_id is not None:
        ancestor = target.parent_id
        while ancestor is not None:
            if ancestor == task_id:
                raise ValidationError(
                    N_("Messages", "a task cannot be moved under one of its own sub-tasks")
                )
            ancestor = place_of(store, ancestor).parent_id
        parent = place_of(store, target.parent_id)
        target = Place(parent.program_id, parent.project_id, target.parent_id, target.position)
    old_group = _siblings(store, old, exclude=task_id)
    new_group = _siblings(store, target, exclude=task_id)
    position = max(0, min(target.position, len(new_group)))
    changes.update(
        "tasks",
        task_id,
        {
            "program_id": target.program_id,
            "project_id": target.project_id,
            "parent_id": target.parent_id,
            "position": position,
        },
    )
    if (target.program_id, target.project_id) != (old.program_id, old.project_id):
        for sub_id in _descendants(store, task_id):  # sub-tasks follow to the new stream
            changes.update(
                "tasks", sub_id, {"program_id": target.program_id, "project_id": target.project_id}
            )
    new_group.insert(position, task_id)
    _renumber(store, changes, new_group)
    if (old.program_id, old.project_id, old.parent_id) != (
        target.program_id,
        target.project_id,
        target.parent_id,
    ):
        _renumber(store, changes, old_group)
    return old


def indent_target(store: PlanStore, task_id: int) -> Place | None:
    """Where indenting puts a task: last child of the sibling above; None at the top."""
    place = place_of(store, task_id)
    siblings = _siblings(store, place)
    index = siblings.index(task_id)
    if index == 0:
        return None
    above = siblings[index - 1]
    children = _siblings(store, Place(place.program_id, place.project_id, above, 0))
    return Place(place.program_id, place.project_id, above, len(children))


def outdent_target(store: PlanStore, task_id: int) -> Place | None:
    """Where outdenting puts a task: right after its parent; None at the top level."""
    place = place_of(store, task_id)
    if place.parent_id is None:
        return None
    parent = place_of(store, place.parent_id)
    return Place(parent.program_id, parent.project_id, parent.parent_id, parent.position + 1)


def shift_target(store: PlanStore, task_id: int, step: int) -> Place | None:
    """Where moving up (−1) or down (+1) among siblings puts a task; None at an end."""
    place = place_of(store, task_id)
    siblings = _siblings(store, place)
    index = siblings.index(task_id) + step
    if not 0 <= index < len(siblings):
        return None
    return Place(place.program_id, place.project_id, place.parent_id, index)


def _descendants(store: PlanStore, task_id: int) -> list[int]:
    rows = store.db.execute(
        """WITH RECURSIVE sub(id) AS (SELECT id FROM tasks WHERE parent_id = ?
           UNION ALL SELECT t.id FROM tasks t JOIN sub ON t.parent_id = sub.id)
           SELECT id FROM sub""",
        [task_id],
    )
    return [r[0] for r in rows]


def delete_tasks(store: PlanStore, changes: ChangeSet, task_ids: list[int]) -> Snapshot:
    """Delete tasks with their sub-tasks; return everything removed, for undo."""
    doomed: list[int] = []
    for task_id in task_ids:
        place_of(store, task_id)  # raises NotFoundError for an unknown id
        for tid in [task_id, *_descendants(store, task_id)]:
            if tid not in doomed:
                doomed.append(tid)
    marks = ",".join("?" * len(doomed))
    snapshot = Snapshot()
    # Parents before children, so the rows can be inserted back in this order.
    depth_sql = f"""WITH RECURSIVE d(id, depth) AS (
        SELECT id, 0 FROM tasks WHERE id IN ({marks}) AND (parent_id IS NULL OR parent_id
            NOT IN ({marks}))
        UNION ALL SELECT t.id, d.depth + 1 FROM tasks t JOIN d ON t.parent_id = d.id)
        SELECT t.* FROM tasks t JOIN d ON d.id = t.id ORDER BY d.depth, t.position"""
    snapshot.rows["tasks"] = [dict(r) for r in store.db.query(depth_sql, doomed + doomed)]
    for table, key in _DEPENDENTS:
        snapshot.rows[table] = [
            dict(r)
            for r in store.db.query(f"SELECT * FROM {table} WHERE {key} IN ({marks})", doomed)
        ]
    snapshot.rows["evidence_files"] = [
        dict(r)
        for r in store.db.query(
            f"SELECT * FROM evidence_files WHERE progress_report_id IN (SELECT id FROM "
            f"progress_reports WHERE task_id IN ({marks}))",
            doomed,
        )
    ]
    snapshot.rows["task_links"] = [
        dict(r)
        for r in store.db.query(
            f"SELECT * FROM task_links WHERE predecessor_id IN ({marks}) OR successor_id IN "
            f"({marks})",
            doomed + doomed,
        )
    ]
    # The sibling groups that lose members, remembered before the rows go.
    groups = {task_id: place_of(store, task_id) for task_id in task_ids}
    for row in reversed(snapshot.rows["tasks"]):  # children first: each delete is logged
        changes.delete("tasks", row["id"])
    for place in {(p.program_id, p.project_id, p.parent_id): p for p in groups.values()}.values():
        if place.parent_id is None or place.parent_id not in doomed:
            _renumber(store, changes, _siblings(store, place))
    return snapshot


def restore_snapshot(store: PlanStore, changes: ChangeSet, snapshot: Snapshot) -> list[int]:
    """Insert back what :func:`delete_tasks` removed, with the same ids; return the task ids."""
    for task in snapshot.rows.get("tasks", []):
        place = Place(task["program_id"], task["project_id"], task["parent_id"], 0)
        for sibling in _siblings(store, place):
            # make room: siblings at or after the restored position move down one
            pos = store.db.execute("SELECT position FROM tasks WHERE id = ?", [sibling]).fetchone()[
                0
            ]
            if pos >= task["position"]:
                changes.update("tasks", sibling, {"position": pos + 1})
        changes.insert("tasks", task)
    for table in (
        "task_units",
        "milestones",
        "progress_reports",
        "evidence_files",
        "baseline_tasks",
        "task_links",
    ):
        for row in snapshot.rows.get(table, []):
            changes.insert(table, row)
    return [t["id"] for t in snapshot.rows.get("tasks", [])]


def sub_task_count(store: PlanStore, task_ids: list[int]) -> int:
    """How many sub-tasks (at any depth) deleting ``task_ids`` would take along."""
    chosen = set(task_ids)
    below: set[int] = set()
    for task_id in task_ids:
        below.update(_descendants(store, task_id))
    return len(below - chosen)
