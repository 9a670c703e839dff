"""The store's closed API: records named by kind, plan tables as domain records, removals."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.enums import TaskStatus, UnitRole
from qdplanner.domain.models import Milestone, ProgressReport, Task, TaskUnit
from qdplanner.store import plan_tables, records
from qdplanner.store.cascade import children_first, removed_silently, walk
from qdplanner.store.milestones import (
    delete_milestone,
    put_back_milestone,
    read_milestone,
    read_milestones,
)
from qdplanner.store.outline import outline_record
from qdplanner.store.outline_edits import current_name, put_back, remove_empty
from qdplanner.store.records import RecordKind

# the change log, and the engine's own bookkeeping of migrations and ids
NOT_RECORDS = {"change_batches", "change_log", "_sqlite_migrations", "sqlite_sequence"}


def test_every_kind_of_record_is_a_table_and_every_table_a_kind(empty_plan):
    tables = set(empty_plan.db.table_names()) - NOT_RECORDS
    assert {k.value for k in RecordKind} == tables


def test_a_change_names_its_record_by_kind_and_refuses_anything_else(small_plan):
    store, ids = small_plan
    with store.action("command") as ch:
        ch.update(RecordKind.TASKS, ids["late"], {"title": "改名"})
        with pytest.raises(ValueError):
            ch.update("task", ids["late"], {"title": "x"})  # not a kind
        with pytest.raises(ValueError):
            ch.insert("sqlite_master", {"name": "x"})
    logged = store.db.execute("SELECT entity FROM change_log ORDER BY id DESC").fetchone()
    assert logged == ("tasks",)


def test_what_the_store_says_about_a_kind(small_plan):
    store, ids = small_plan
    assert {"id", "title", "parent_id", "due_date"} <= records.columns(store, RecordKind.TASKS)
    assert records.key_columns(store, RecordKind.TASK_UNITS) == ["task_id", "unit_id"]
    assert records.ids(store, RecordKind.TASKS) == {ids["late"], ids["child"], ids["ongoing"]}
    assert records.exists(store, RecordKind.TASK_UNITS, (ids["late"], ids["lead"]))
    assert not records.exists(store, RecordKind.TASKS, 999)
    assert records.names(store, RecordKind.UNITS, [ids["support"], 999]) == {
        ids["support"]: "市财政局"
    }
    # a sub-task goes after its last sibling; a top-level task after the stream's last
    assert records.next_position(store, "tasks", {"parent_id": ids["late"], "project_id": 1}) == 1
    assert records.next_position(store, "tasks", {"program_id": 999}) == 0


def test_delete_if_present_leaves_alone_what_is_gone_already(small_plan):
    store, ids = small_plan
    with store.action("command") as ch:
        assert records.delete_if_present(store, ch, RecordKind.TASKS, ids["child"])
        assert not records.delete_if_present(store, ch, RecordKind.TASKS, ids["child"])


def test_plan_tables_are_domain_records(small_plan):
    store, ids = small_plan
    tasks = {t.id: t for t in plan_tables.tasks(store)}
    late = tasks[ids["late"]]
    assert isinstance(late, Task)
    assert late.status is TaskStatus.IN_PROGRESS
    assert (late.start_date, late.due_date) == (date(2022, 1, 1), date(2022, 12, 31))
    assert late.is_illustrative is False
    roles = list(plan_tables.task_units(store))
    assert roles[0] == TaskUnit(ids["late"], ids["lead"], UnitRole.LEAD, 0, False)
    under = plan_tables.tasks_under(store, ids["late"], project_id=1)
    assert [t.id for t in under] == [ids["child"]]


def test_a_date_the_store_cannot_read_is_kept_as_written(small_plan):
    """Written by another program: shown in an export rather than lost."""
    store, ids = small_plan
    store.db.execute("UPDATE tasks SET due_date = '2024/6/30' WHERE id = ?", [ids["late"]])
    late = next(t for t in plan_tables.tasks(store) if t.id == ids["late"])
    assert late.due_date == "2024/6/30"


def test_removals_go_children_first_and_what_the_file_removes_alone_is_named(small_plan):
    store, ids = small_plan
    items = [("tasks", ids["late"]), ("units", ids["lead"]), ("tasks", ids["child"])]
    ordered = children_first(store, items, lambda item: item)
    assert ordered.index(("tasks", ids["child"])) < ordered.index(("tasks", ids["late"]))
    assert ordered.index(("tasks", ids["late"])) < ordered.index(("units", ids["lead"]))
    assert removed_silently("evidence_files", 1)
    assert removed_silently("task_links", (1, 2))
    assert not removed_silently("task_units", (1, 2))
    cascade = walk(store, {"tasks": [ids["late"]]})
    assert set(cascade.removed) == {RecordKind.TASKS, RecordKind.TASK_UNITS}
    assert cascade.ids("tasks") == {ids["child"]}


def test_an_outline_record_is_removed_and_put_back_whole(small_plan):
    store, ids = small_plan
    with store.action("command") as ch:
        ch.update("programs", ids["program"], {"code": "（一）"})
    with store.action("command") as ch:
        ch.delete("tasks", ids["ongoing"])
    before = outline_record(store, RecordKind.PROGRAMS, ids["program"])
    assert current_name(store, "programs", ids["program"]) == "计划一"
    with store.action("command") as ch:
        removed = remove_empty(store, ch, RecordKind.PROGRAMS, ids["program"])
    assert outline_record(store, RecordKind.PROGRAMS, ids["program"]) is None
    with store.action("command") as ch:
        put_back(ch, removed)
    assert outline_record(store, RecordKind.PROGRAMS, ids["program"]) == before


def test_a_milestone_is_deleted_and_put_back_whole(small_plan):
    store, ids = small_plan
    with store.action("command") as ch:
        milestone_id = ch.insert(
            "milestones",
            {"task_id": ids["late"], "title": "验收", "planned_date": date(2022, 6, 30)},
        )
    milestone = read_milestone(store, milestone_id)
    assert isinstance(milestone, Milestone) and milestone.planned_date == date(2022, 6, 30)
    with store.action("command") as ch:
        assert delete_milestone(store, ch, milestone_id) == milestone
    assert read_milestones(store, ids["late"]) == []
    with store.action("command") as ch:
        put_back_milestone(ch, milestone)
    assert read_milestones(store, ids["late"]) == [milestone]


def test_progress_reports_of_a_period_and_a_task(small_plan):
    from qdplanner.store.progress import ReportInput, record_progress

    store, ids = small_plan
    with store.action("form") as ch:
        record_progress(store, ch, ids["late"], ReportInput("2024Q3", "in_progress", 60))
        report = ReportInput(
            "2024Q3", "in_progress", 30, "推进中", "", "", ids["lead"], date(2024, 10, 8), "张三"
        )
        record_progress(store, ch, ids["ongoing"], report)
    [report] = plan_tables.progress_reports(store, "2024Q3", task_id=ids["ongoing"])
    assert report == ProgressReport(
        id=report.id,
        task_id=ids["ongoing"],
        period="2024Q3",
        status=TaskStatus.IN_PROGRESS,
        percent=30,
        narrative="推进中",
        problems="",
        next_steps="",
        reporting_unit_id=ids["lead"],
        reported_on=date(2024, 10, 8),
        received_on=report.received_on,
        filled_by="张三",
        source="form",
        is_illustrative=False,
    )
    assert isinstance(report.received_on, date)
    assert len(plan_tables.progress_reports(store, "2024Q3")) == 2
    assert plan_tables.progress_reports(store, "2024Q4") == []
