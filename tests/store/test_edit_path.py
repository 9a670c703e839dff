"""The one edit path for a task (store.task_edits / task_input / task_roles): few statements
per cell edit, only the task_units rows that change are written, and a role change reads in
the change log as one field of the task, old → new."""

from __future__ import annotations

import json

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import NotFoundError, ValidationError
from qdplanner.store.history import read_history
from qdplanner.store.task_edits import apply_task_edits, capture_task_edit
from qdplanner.store.task_input import CellRefused, TaskColumn, cells_edit
from qdplanner.store.task_roles import Role, set_task_roles, set_task_units, task_units

# Budgets of issue 15 for one cell edit: parse what was typed, capture the old values, apply
# (the transaction, the write, the change batch and its log rows).
FIELD_BUDGET = 8
LEAD_BUDGET = 12


def statements(store, work) -> list[str]:
    """The SQL statements ``work()`` runs on the plan (SQLite's trace callback)."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        work()
    finally:
        store.db.conn.set_trace_callback(None)
    return seen


def type_into(store, task_id: int, column: TaskColumn, text: str) -> None:
    """What the table does with a typed cell, below the window."""
    edit = cells_edit(store, task_id, [(column, text)])
    apply_task_edits(store, [edit], description="cell", source=ChangeSource.TABLE)


def roles_rows(store, task_id: int) -> list[tuple]:
    return store.db.execute(
        "SELECT unit_id, role, position, is_illustrative FROM task_units WHERE task_id = ?"
        " ORDER BY unit_id",
        [task_id],
    ).fetchall()


def last_batch_log(store) -> list[tuple]:
    return store.db.execute(
        "SELECT entity, entity_id, field, old_value, new_value FROM change_log"
        " WHERE batch_id = (SELECT max(id) FROM change_batches) ORDER BY id"
    ).fetchall()


@pytest.fixture
def plan(sample_plan):
    """The sample plan, a task with a lead and supporting units, a unit not on it; the
    plan's one-off integrity check already done (it runs before a store's first write)."""
    store = sample_plan
    task = store.db.execute(
        "SELECT task_id FROM task_units GROUP BY task_id"
        " HAVING count(*) FILTER (WHERE role = 'lead') = 1"
        " AND count(*) FILTER (WHERE role = 'support') >= 2 ORDER BY task_id LIMIT 1"
    ).fetchone()[0]
    other, other_name = store.db.execute(
        "SELECT id, name FROM units WHERE id NOT IN"
        " (SELECT unit_id FROM task_units WHERE task_id = ?) ORDER BY id LIMIT 1",
        [task],
    ).fetchone()
    with store.action(ChangeSource.TABLE, "warm up"):
        pass
    return store, task, other, other_name


def unit_name(store, unit_id: int) -> str:
    return store.db["units"].get(unit_id)["name"]


@pytest.mark.parametrize(
    ("column", "text"), [(TaskColumn.TITLE, "新的任务名称"), (TaskColumn.PERCENT, "37%")]
)
def test_a_title_or_percent_edit_runs_at_most_eight_statements(plan, column, text):
    store, task, _other, _name = plan
    run = statements(store, lambda: type_into(store, task, column, text))
    assert len(run) <= FIELD_BUDGET, "\n".join(run)
    reads = [s for s in run if s.lstrip().upper().startswith("SELECT") and "FROM tasks" in s]
    assert len(reads) <= 2  # the old value for undo, the whole task for validation
    assert [r[2] for r in last_batch_log(store)] == [column.value]


def test_a_lead_unit_change_runs_at_most_twelve_statements_and_writes_one_row(plan):
    store, task, other, other_name = plan
    lead, support = task_units(store, task)
    before = roles_rows(store, task)
    run = statements(store, lambda: type_into(store, task, TaskColumn.LEAD, other_name))
    assert len(run) <= LEAD_BUDGET, "\n".join(run)
    writes = [s for s in run if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert [w.split()[0].upper() for w in writes if "task_units" in w] == ["UPDATE"]
    after = roles_rows(store, task)
    assert len(set(before) - set(after)) == 1 and len(set(after) - set(before)) == 1
    assert task_units(store, task) == (other, support)
    assert last_batch_log(store) == [("tasks", task, "lead_unit", str(lead), str(other))]


def test_history_reads_a_lead_change_as_one_line_with_unit_names(plan):
    store, task, other, other_name = plan
    lead = task_units(store, task)[0]
    type_into(store, task, TaskColumn.LEAD, other_name)
    newest = read_history(store, limit=1)[0]
    assert (newest.entity, newest.entity_id, newest.field) == ("tasks", task, "lead_unit")
    assert (newest.old_name, newest.new_name) == (unit_name(store, lead), other_name)
    for unit in (lead, other):  # found from either unit's history
        assert newest.id in {r.id for r in read_history(store, unit_id=unit)}


def test_a_supporting_unit_made_lead_leaves_the_supporters_and_the_log_says_so(plan):
    store, task, _other, _name = plan
    lead, support = task_units(store, task)
    promoted = support[0]
    type_into(store, task, TaskColumn.LEAD, unit_name(store, promoted))
    assert task_units(store, task) == (promoted, support[1:])
    assert store.db["task_units"].count_where("task_id = ? AND unit_id = ?", [task, lead]) == 0
    assert last_batch_log(store) == [
        ("tasks", task, "lead_unit", str(lead), str(promoted)),
        ("tasks", task, "support_units", json.dumps(support), json.dumps(support[1:])),
    ]
    support_row = read_history(store, limit=1)[0]
    assert support_row.field == "support_units"
    names = [unit_name(store, u) for u in support]
    assert support_row.old_name == "、".join(names)
    assert support_row.new_name == "、".join(names[1:])
    assert support_row.id in {r.id for r in read_history(store, unit_id=promoted)}


def test_undoing_a_role_change_puts_every_row_back_as_it_was(plan):
    store, task, _other, other_name = plan
    before = roles_rows(store, task)
    support = task_units(store, task)[1]
    for text in (other_name, unit_name(store, support[-1])):
        edit = cells_edit(store, task, [(TaskColumn.LEAD, text)])
        apply_task_edits(store, [edit], description="lead")
        apply_task_edits(store, [edit], forward=False, description="undo: lead")
        assert roles_rows(store, task) == before


def test_removing_or_adding_a_supporting_unit_touches_that_row_only(plan):
    store, task, other, other_name = plan
    lead, support = task_units(store, task)
    names = [unit_name(store, u) for u in support]
    run = statements(
        store, lambda: type_into(store, task, TaskColumn.SUPPORT, "、".join(names[1:]))
    )
    assert [s.split()[0] for s in run if "task_units" in s and "SELECT" not in s] == ["DELETE"]
    run = statements(
        store,
        lambda: type_into(store, task, TaskColumn.SUPPORT, "、".join([*names[1:], other_name])),
    )
    assert [s.split()[0] for s in run if "task_units" in s and "SELECT" not in s] == ["INSERT"]
    assert task_units(store, task) == (lead, [*support[1:], other])


def test_reordering_supporting_units_renumbers_them_in_the_new_order(plan):
    store, task, _other, _name = plan
    lead, support = task_units(store, task)
    with store.action(ChangeSource.TABLE, "reorder") as ch:
        assert set_task_units(store, ch, task, lead, support[::-1])
    assert task_units(store, task) == (lead, support[::-1])
    assert last_batch_log(store) == [
        ("tasks", task, "support_units", json.dumps(support), json.dumps(support[::-1]))
    ]


def test_setting_the_same_units_writes_and_logs_nothing(plan):
    store, task, _other, _name = plan
    batches = store.db["change_batches"].count
    with store.action(ChangeSource.TABLE, "same") as ch:
        assert not set_task_units(store, ch, task, *task_units(store, task))
    assert store.db["change_batches"].count == batches


def test_a_unit_typed_both_as_lead_and_as_supporter_in_one_row_is_refused(plan):
    store, task, _other, other_name = plan
    with pytest.raises(CellRefused, match="both the lead and a supporting unit") as refused:
        cells_edit(store, task, [(TaskColumn.LEAD, other_name), (TaskColumn.SUPPORT, other_name)])
    assert refused.value.column == TaskColumn.SUPPORT


def test_two_leads_or_a_missing_unit_are_refused_and_nothing_is_written(plan):
    store, task, other, _name = plan
    lead = task_units(store, task)[0]
    before = roles_rows(store, task)
    two_leads = {lead: Role("lead", 0), other: Role("lead", 0)}
    with pytest.raises(ValidationError), store.action(ChangeSource.TABLE) as ch:
        set_task_roles(store, ch, task, two_leads)
    with pytest.raises(NotFoundError, match="#424242"), store.action(ChangeSource.TABLE) as ch:
        set_task_units(store, ch, task, 424242, [])
    assert roles_rows(store, task) == before


def test_a_flag_change_no_list_shows_is_logged_under_the_rows_key(plan):
    store, task, _other, _name = plan
    lead = task_units(store, task)[0]
    current = {u: Role(*r[1:3], bool(r[3])) for u, *r in [(r[0], *r) for r in []]}
    current = {r[0]: Role(r[1], r[2], bool(r[3])) for r in roles_rows(store, task)}
    flipped = {
        **current,
        lead: Role("lead", current[lead].position, not current[lead].illustrative),
    }
    with store.action(ChangeSource.IMPORT, "flag") as ch:
        assert set_task_roles(store, ch, task, flipped)
    entity, _id, field, old, new = last_batch_log(store)[0]
    assert (entity, field) == ("task_units", "is_illustrative") and old != new


def test_a_captured_edit_knows_when_it_changes_nothing(plan):
    store, task, _other, _name = plan
    title = store.db["tasks"].get(task)["title"]
    assert not capture_task_edit(store, task, {"title": title}).changes_anything
    assert capture_task_edit(store, task, {"title": title + "（修订）"}).changes_anything
