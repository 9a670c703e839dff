"""Adding, deleting and moving tasks keeps order and hierarchy, and every step reverses."""

from __future__ import annotations

import pytest

from qdplanner.errors import ValidationError
from qdplanner.store.task_structure import (
    Place,
    delete_tasks,
    indent_target,
    insert_task,
    move_task,
    outdent_target,
    restore_snapshot,
    shift_target,
)


def tree(store, project_id):
    """(title, parent title, position) of a project's tasks, in tree order."""
    rows = store.db.execute(
        """SELECT t.title, p.title, t.position FROM tasks t LEFT JOIN tasks p ON p.id = t.parent_id
           WHERE t.project_id = ? ORDER BY t.parent_id IS NOT NULL, t.parent_id, t.position""",
        [project_id],
    ).fetchall()
    return rows


@pytest.fixture
def four(small_plan):
    """A project with four top-level tasks A B C D; B has two sub-tasks B1 B2."""
    store, ids = small_plan
    with store.action("form") as ch:
        ch.delete("tasks", ids["late"])
        names = {}
        for pos, title in enumerate("ABCD"):
            names[title] = insert_task(store, ch, Place(None, ids["project"], None, pos), title)
        for pos, title in enumerate(["B1", "B2"]):
            names[title] = insert_task(store, ch, Place(None, None, names["B"], pos), title)
        ch.insert("task_units", {"task_id": names["B1"], "unit_id": ids["lead"], "role": "lead"})
        ch.insert(
            "progress_reports",
            {"task_id": names["B1"], "period": "2024Q3", "status": "in_progress", "percent": 40},
        )
    return store, ids, names


def titles(store, project_id, parent=None):
    sql = "SELECT title FROM tasks WHERE project_id = ? AND parent_id IS ? ORDER BY position"
    return [r[0] for r in store.db.execute(sql, [project_id, parent])]


def test_insert_in_the_middle_renumbers_siblings(four):
    store, ids, _names = four
    with store.action("form") as ch:
        insert_task(store, ch, Place(None, ids["project"], None, 1), "A½")
    assert titles(store, ids["project"]) == ["A", "A½", "B", "C", "D"]
    positions = [
        r[0]
        for r in store.db.execute(
            "SELECT position FROM tasks WHERE project_id = ? AND parent_id IS NULL "
            "ORDER BY position",
            [ids["project"]],
        )
    ]
    assert positions == [0, 1, 2, 3, 4]


def test_delete_takes_sub_tasks_and_undo_puts_everything_back(four):
    store, ids, names = four
    before = tree(store, ids["project"])
    counts = {t: store.db[t].count for t in ("tasks", "task_units", "progress_reports")}
    with store.action("form", "delete B") as ch:
        snapshot = delete_tasks(store, ch, [names["B"]])
    assert titles(store, ids["project"]) == ["A", "C", "D"]
    assert store.db["progress_reports"].count == counts["progress_reports"] - 1
    with store.action("form", "undo delete B") as ch:
        restore_snapshot(store, ch, snapshot)
    assert tree(store, ids["project"]) == before
    assert {t: store.db[t].count for t in counts} == counts
    assert store.db["tasks"].get(names["B1"])["parent_id"] == names["B"]  # same ids


def test_deleting_non_adjacent_siblings_and_undoing_restores_order(four):
    store, ids, names = four
    before = tree(store, ids["project"])
    with store.action("form") as ch:
        snapshot = delete_tasks(store, ch, [names["B"], names["D"]])
    assert titles(store, ids["project"]) == ["A", "C"]
    with store.action("form") as ch:
        restore_snapshot(store, ch, snapshot)
    assert tree(store, ids["project"]) == before


def test_indent_makes_a_task_the_last_child_of_the_one_above(four):
    store, ids, names = four
    target = indent_target(store, names["C"])
    with store.action("form") as ch:
        old = move_task(store, ch, names["C"], target)
    assert titles(store, ids["project"]) == ["A", "B", "D"]
    assert titles(store, ids["project"], names["B"]) == ["B1", "B2", "C"]
    with store.action("form") as ch:  # undo = move back to where it was
        move_task(store, ch, names["C"], old)
    assert titles(store, ids["project"]) == ["A", "B", "C", "D"]


def test_the_first_task_cannot_be_indented_nor_a_top_task_outdented(four):
    store, _, names = four
    assert indent_target(store, names["A"]) is None
    assert outdent_target(store, names["A"]) is None


def test_outdent_puts_a_task_right_after_its_parent(four):
    store, ids, names = four
    with store.action("form") as ch:
        move_task(store, ch, names["B1"], outdent_target(store, names["B1"]))
    assert titles(store, ids["project"]) == ["A", "B", "B1", "C", "D"]
    assert titles(store, ids["project"], names["B"]) == ["B2"]


def test_move_up_and_down_among_siblings(four):
    store, ids, names = four
    with store.action("form") as ch:
        move_task(store, ch, names["C"], shift_target(store, names["C"], -1))
    assert titles(store, ids["project"]) == ["A", "C", "B", "D"]
    with store.action("form") as ch:
        move_task(store, ch, names["A"], shift_target(store, names["A"], +1))
    assert titles(store, ids["project"]) == ["C", "A", "B", "D"]
    assert shift_target(store, names["D"], +1) is None


def test_a_task_cannot_move_under_its_own_sub_task(four):
    store, _, names = four
    with pytest.raises(ValidationError, match="own sub-tasks"), store.action("form") as ch:
        move_task(store, ch, names["B"], Place(None, None, names["B1"], 0))


def test_moving_to_another_project_takes_the_sub_tasks_along(four):
    store, ids, names = four
    with store.action("form") as ch:
        other = ch.insert("projects", {"plan_document_id": ids["doc"], "name": "工程二"})
        move_task(store, ch, names["B"], Place(None, other, None, 0))
    assert store.db["tasks"].get(names["B2"])["project_id"] == other
