"""The change log as the History view reads it: newest first, named records, filters."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from qdplanner.errors import ValidationError
from qdplanner.store.history import history_entities, history_users, read_history
from qdplanner.store.task_edits import set_task_units, update_task
from qdplanner.store.task_structure import delete_tasks
from qdplanner.store.units import merge_units, update_unit


def stamp(store, description: str, day: date) -> None:
    """Date a batch at local noon of ``day`` (the log stores UTC)."""
    at = datetime.combine(day, time(12)).astimezone().astimezone(UTC)
    store.db.execute(
        "UPDATE change_batches SET at = ? WHERE description = ?",
        [at.isoformat(timespec="seconds"), description],
    )


@pytest.fixture
def edited(small_plan):
    """The small plan, then: a due-date edit by alice, a unit rename and a task deletion."""
    store, ids = small_plan
    store.user = "alice"
    with store.action("table", "edit due date") as ch:
        update_task(store, ch, ids["late"], {"due_date": date(2023, 6, 30)})
    store.user = "bob"
    with store.action("form", "rename unit") as ch:
        update_unit(store, ch, ids["support"], {"name": "青岛市财政局"})
    with store.action("table", "rename then delete") as ch:
        update_task(store, ch, ids["ongoing"], {"title": "将删除的任务"})
    with store.action("table", "delete task") as ch:
        delete_tasks(store, ch, [ids["ongoing"]])
    stamp(store, "test plan", date(2024, 1, 10))
    stamp(store, "edit due date", date(2024, 3, 1))
    return store, ids


def test_newest_first_with_batch_details_and_field_values(edited):
    store, ids = edited
    rows = read_history(store)
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    due = next(r for r in rows if r.field == "due_date")
    assert (due.user, due.source, due.description) == ("alice", "table", "edit due date")
    assert (due.entity, due.entity_id, due.record) == ("tasks", ids["late"], "逾期任务")
    assert (due.old_value, due.new_value) == ("2022-12-31", "2023-06-30")
    assert due.at.tzinfo is not None


def test_removed_records_are_named_from_the_log(edited):
    store, _ids = edited
    rows = read_history(store, entity="tasks")
    removed = next(r for r in rows if r.field == "*" and r.new_value is None)
    assert removed.record == "将删除的任务"
    renamed = next(r for r in rows if r.field == "title")  # its record is gone now
    assert renamed.record == "将删除的任务"


def test_task_unit_rows_are_named_by_task_and_unit(edited):
    store, _ids = edited
    rows = read_history(store, entity="task_units")
    assert {r.record for r in rows} == {"逾期任务 · 青岛市科学技术局", "逾期任务 · 青岛市财政局"}


def test_filters_by_entity_user_and_local_dates(edited):
    store, _ids = edited
    assert {r.entity for r in read_history(store, entity="units")} == {"units"}
    assert {r.description for r in read_history(store, user="alice")} == {"edit due date"}
    march = read_history(store, date_from="2024-03-01", date_to=date(2024, 3, 1))
    assert {r.description for r in march} == {"edit due date"}
    early = read_history(store, date_to="2024-02-01")
    assert {r.description for r in early} == {"test plan"}
    assert read_history(store, date_from=date.today() + timedelta(days=1)) == []


def test_a_bad_date_is_refused_with_a_message(edited):
    store, _ids = edited
    with pytest.raises(ValidationError, match="not a date"):
        read_history(store, date_from="2024-13-01")


def test_text_matches_values_descriptions_and_current_record_names(edited):
    store, _ids = edited
    assert {r.field for r in read_history(store, text="2023-06")} == {"due_date"}
    assert {r.description for r in read_history(store, text="rename unit")} == {"rename unit"}
    by_title = read_history(store, text="逾期")  # the task's current title
    assert any(r.field == "due_date" for r in by_title)
    assert read_history(store, text="100%") == []  # % is a literal, not a wildcard


def test_unit_filter_covers_its_record_assignments_and_tasks(edited):
    store, ids = edited
    rows = read_history(store, unit_id=ids["support"])
    assert any(r.entity == "units" and r.field == "name" for r in rows)
    assert any(r.entity == "task_units" and "青岛市财政局" in r.record for r in rows)
    assert any(r.entity == "tasks" and r.field == "due_date" for r in rows)  # a task it supports
    assert not any(r.record == "将删除的任务" for r in rows)


def test_merge_is_found_by_unit_and_names_the_re_pointed_ids(edited):
    store, ids = edited
    with store.action("table") as ch:
        report = ch.insert(
            "progress_reports",
            {
                "task_id": ids["late"],
                "period": "2024Q1",
                "status": "in_progress",
                "percent": 10,
                "reporting_unit_id": ids["support"],
            },
        )
        set_task_units(store, ch, ids["late"], ids["lead"], [])
    with store.action("table", "merge") as ch:
        merge_units(store, ch, ids["lead"], ids["support"])
    moved = next(
        r for r in read_history(store, unit_id=ids["lead"]) if r.field == "reporting_unit_id"
    )
    assert moved.entity_id == report
    assert (moved.old_name, moved.new_name) == ("青岛市财政局", "青岛市科学技术局")
    gone = read_history(store, entity="units", text="merge")
    assert [r.record for r in gone if r.field == "*"] == ["青岛市财政局"]


def test_limit_and_the_filter_choices(edited):
    store, _ids = edited
    assert len(read_history(store, limit=3)) == 3
    assert history_users(store) == sorted(
        {
            "alice",
            "bob",
            store.db.execute(
                "SELECT user FROM change_batches WHERE description = 'test plan'"
            ).fetchone()[0],
        }
    )
    assert {"tasks", "units", "task_units"} <= set(history_entities(store))


def test_a_role_change_is_named_by_its_task_and_unit_and_found_by_unit(small_plan):
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store.history import read_history

    store, ids = small_plan
    with store.action(ChangeSource.TABLE, "role") as ch:
        ch.update("task_units", (ids["late"], ids["support"]), {"position": 3})
    rows = read_history(store, unit_id=ids["support"])
    assert rows[0].field == "position"
    assert rows[0].record == "逾期任务 · 市财政局"
