"""What the timeline reads and writes beyond the task rows: milestones, links, baselines."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import NotFoundError, ValidationError
from qdplanner.store.timeline import (
    TaskLink,
    add_link,
    latest_baseline,
    plan_document_years,
    plan_title,
    read_links,
    read_milestone_marks,
    read_stream_years,
    remove_link,
    save_baseline,
    slipped_tasks,
)


def batches(store, source="timeline"):
    return store.db.execute(
        "SELECT id, description FROM change_batches WHERE source = ? ORDER BY id", [source]
    ).fetchall()


def test_milestones_are_read_by_task_in_planned_order(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.FORM, "milestones") as ch:
        ch.insert(
            "milestones", {"task_id": ids["late"], "title": "B", "planned_date": "2022-09-30"}
        )
        ch.insert(
            "milestones",
            {"task_id": ids["late"], "title": "A", "planned_date": "2022-03-31",
             "actual_date": "2022-04-02"},
        )  # fmt: skip
        ch.insert("milestones", {"project_id": ids["project"], "title": "project-level"})
    marks = read_milestone_marks(store)
    assert list(marks) == [ids["late"]]
    assert [(m.title, m.planned, m.actual) for m in marks[ids["late"]]] == [
        ("A", date(2022, 3, 31), date(2022, 4, 2)),
        ("B", date(2022, 9, 30), None),
    ]


def test_links_are_added_and_removed_as_logged_actions(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.TIMELINE, "link") as ch:
        link = add_link(store, ch, ids["late"], ids["ongoing"], lag_days=3)
    assert read_links(store) == [link] == [TaskLink(ids["late"], ids["ongoing"], 3)]
    with store.action(ChangeSource.TIMELINE, "unlink") as ch:
        remove_link(store, ch, ids["late"], ids["ongoing"])
    assert read_links(store) == []
    assert [d for _, d in batches(store)] == ["link", "unlink"]
    logged = store.db.execute(
        "SELECT entity, field FROM change_log WHERE entity = 'task_links'"
    ).fetchall()
    assert logged == [("task_links", "*"), ("task_links", "*")]


def test_self_links_duplicates_loops_and_missing_tasks_are_refused(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.TIMELINE, "link") as ch:
        add_link(store, ch, ids["late"], ids["child"])
    for pred, succ, error in [
        (ids["late"], ids["late"], ValidationError),
        (ids["late"], ids["child"], ValidationError),  # already linked
        (ids["child"], ids["late"], ValidationError),  # would loop
        (ids["late"], 9999, NotFoundError),
    ]:
        with pytest.raises(error), store.action(ChangeSource.TIMELINE, "bad") as ch:
            add_link(store, ch, pred, succ)
    assert len(read_links(store)) == 1


def test_saved_baseline_keeps_every_tasks_dates_in_one_logged_action(small_plan):
    store, ids = small_plan
    assert latest_baseline(store) is None
    with store.action(ChangeSource.TIMELINE, "save baseline") as ch:
        baseline_id = save_baseline(store, ch, "  approved  ")
    baseline = latest_baseline(store)
    assert (baseline.id, baseline.name) == (baseline_id, "approved")
    assert baseline.dates[ids["late"]] == (date(2022, 1, 1), date(2022, 12, 31))
    assert baseline.dates[ids["ongoing"]] == (None, None)
    assert len(baseline.dates) == 3
    # one batch, and the copy logged as one row, not one per task
    ((batch_id, _),) = batches(store)
    rows = store.db.execute(
        "SELECT entity FROM change_log WHERE batch_id = ?", [batch_id]
    ).fetchall()
    assert sorted(r[0] for r in rows) == ["baseline_tasks", "baselines"]


def test_a_baseline_needs_a_name(small_plan):
    store, _ = small_plan
    with pytest.raises(ValidationError), store.action(ChangeSource.TIMELINE, "x") as ch:
        save_baseline(store, ch, "  ")


def test_slipped_tasks_list_the_days_late_against_the_latest_baseline(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.TIMELINE, "baseline") as ch:
        save_baseline(store, ch, "v1")
    with store.action(ChangeSource.TABLE, "move") as ch:
        ch.update("tasks", ids["late"], {"due_date": "2023-01-30"})  # 30 days later
        ch.update("tasks", ids["child"], {"due_date": "2024-06-30"})  # earlier: not a slip
    slips = slipped_tasks(store)
    assert [(s.task_id, s.baseline_due, s.due, s.days) for s in slips] == [
        (ids["late"], date(2022, 12, 31), date(2023, 1, 30), 30)
    ]
    assert slips[0].title == "逾期任务"


def test_no_baseline_no_slips(small_plan):
    store, _ = small_plan
    assert slipped_tasks(store) == []


def test_plan_years_and_title_come_from_the_plan_documents(small_plan):
    store, ids = small_plan
    years = read_stream_years(store)
    assert years.of(ids["program"], None) == (2022, 2024)
    assert years.of(None, ids["project"]) == (2022, 2024)
    assert years.span([(ids["program"], None), (None, ids["project"])]) == (2022, 2024)
    assert years.span([]) is None
    assert plan_document_years(store) == (2022, 2024)
    assert plan_title(store, {(None, ids["project"])}) == "行动方案"
    assert plan_title(store, set()) == ""
