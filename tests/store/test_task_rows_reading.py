"""Reading the task table's rows: plan order whatever the scope, descriptions on demand."""

from __future__ import annotations

from itertools import chain

import pytest

from qdplanner.store.task_rows import (
    Scope,
    ScopeKind,
    fetch_descriptions,
    give_descriptions,
    read_descriptions,
    read_task_rows,
)


def _shape(rows) -> list[tuple]:
    return [
        (r.id, r.depth, r.has_children, r.stream_name, r.lead_unit, r.lead_short, r.light)
        for r in rows
    ]


def _descriptions(rows) -> dict[int, str | None]:
    return {r.id: r.description for r in rows}


def test_a_plan_documents_tasks_come_in_the_order_of_all_tasks(sample_plan):
    every = read_task_rows(sample_plan)
    documents = [d for (d,) in sample_plan.db.execute("SELECT id FROM plan_documents")]
    assert len(documents) > 1
    parts = [read_task_rows(sample_plan, Scope(ScopeKind.DOCUMENT, d)) for d in documents]
    # one document's tasks after another's: all tasks, in the same order, depths and lights
    place = {r.id: i for i, r in enumerate(every)}
    parts.sort(key=lambda part: place[part[0].id])
    assert _shape(chain.from_iterable(parts)) == _shape(every)


def test_a_sub_task_follows_its_parent_one_level_deeper(sample_plan):
    rows = read_task_rows(sample_plan)
    place = {r.id: i for i, r in enumerate(rows)}
    children = [r for r in rows if r.parent_id is not None]
    assert children
    for child in children:
        parent = rows[place[child.parent_id]]
        assert place[parent.id] < place[child.id]
        assert child.depth == parent.depth + 1 and parent.has_children
        assert child.stream_name == parent.stream_name


def test_rows_read_without_descriptions_get_them_when_asked(small_plan):
    store, ids = small_plan
    store.db.execute("UPDATE tasks SET description = '对接省级平台' WHERE id = ?", [ids["ongoing"]])
    rows = read_task_rows(store, descriptions=False)
    assert [r.description for r in rows] == [None, None, None]
    read_descriptions(store, rows)
    full = {r.id: r.description for r in read_task_rows(store)}
    assert {r.id: r.description for r in rows} == full
    assert full[ids["ongoing"]] == "对接省级平台"
    # everything else is as a full read has it
    assert _shape(rows) == _shape(read_task_rows(store))


def test_rows_read_without_supporting_units_differ_only_in_naming_none(small_plan):
    store, _ids = small_plan
    full = read_task_rows(store)
    lean = read_task_rows(store, supporting=False)
    assert any(r.support_short for r in full)  # the small plan has supporting units
    assert all(r.support_short == "" for r in lean)
    for a, b in zip(full, lean, strict=True):
        assert (a.id, a.light, a.lead_unit, a.stream_name, a.depth) == (
            b.id, b.light, b.lead_unit, b.stream_name, b.depth
        )  # fmt: skip


def test_descriptions_read_for_most_of_the_plan_are_those_of_a_full_read(small_plan):
    store, ids = small_plan
    store.db.execute("UPDATE tasks SET description = '对接省级平台' WHERE id = ?", [ids["ongoing"]])
    rows = read_task_rows(store, descriptions=False)
    # the same rows many times over: more than 500 wanted, one pass over the table
    read_descriptions(store, rows * 200)
    assert {r.id: r.description for r in rows} == {
        r.id: r.description for r in read_task_rows(store)
    }


@pytest.mark.file_only("one row of NUL-joined descriptions: what a plan file's thread reads")
def test_descriptions_fetched_at_once_give_rows_what_a_full_read_gives(small_plan):
    store, ids = small_plan
    store.db.execute(
        "UPDATE tasks SET description = '对接,省级\n平台' WHERE id = ?", [ids["ongoing"]]
    )
    rows = read_task_rows(store, descriptions=False)
    found = fetch_descriptions(store)
    assert found is not None
    assert give_descriptions(rows, found)
    assert {r.id: r.description for r in rows} == {
        r.id: r.description for r in read_task_rows(store)
    }
    # none at all: every row's is empty
    store.db.execute("UPDATE tasks SET description = ''")
    assert fetch_descriptions(store) is None
    rows = read_task_rows(store, descriptions=False)
    assert give_descriptions(rows, None)
    assert [r.description for r in rows] == ["", "", ""]


@pytest.mark.file_only("a NUL in a description: only an older plan file holds one")
def test_a_nul_in_a_description_leaves_the_rows_to_read_descriptions(small_plan):
    store, ids = small_plan
    store.db.execute(
        "UPDATE tasks SET description = 'a' || char(0) || 'b' WHERE id = ?", [ids["ongoing"]]
    )
    rows = read_task_rows(store, descriptions=False)
    assert not give_descriptions(rows, fetch_descriptions(store))
    assert [r.description for r in rows] == [None, None, None]
    read_descriptions(store, rows)
    assert _descriptions(rows)[ids["ongoing"]] == "a\x00b"
