"""The sample plan's fuller ledger (issue 16, item 1): a report per task per quarter, from the
quarter its work starts to its last report, made by scripts/fill_sample_ledger.py by a rule
that invents no fact and no figure, so the plan "as it stood" in a past quarter reads
sensibly (db/sample/README.md, "What is illustrative")."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from qdplanner.domain.periods import parse_period, period_of
from qdplanner.paths import sample_plan_data
from qdplanner.store import PlanStore
from qdplanner.store.task_rows import read_task_rows

ROOT = Path(__file__).resolve().parents[2]
DEMO_STATUSES = ("suspended", "not_started")  # G4-3 and G8-4 keep only the reports made for them


@pytest.fixture(scope="module")
def filler():
    spec = importlib.util.spec_from_file_location(
        "fill_sample_ledger", ROOT / "scripts" / "fill_sample_ledger.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports(sample_template):
    """Every task of the sample plan with its reports, in period order."""
    with PlanStore.open(sample_template, readonly=True) as store:
        tasks = {
            r["id"]: {**r, "reports": []}
            for r in store.db.query(
                "SELECT t.id, t.title, t.status, t.start_date, u.unit_id AS lead FROM tasks t "
                "LEFT JOIN task_units u ON u.task_id = t.id AND u.role = 'lead'"
            )
        }
        for r in store.db.query("SELECT * FROM progress_reports"):
            tasks[r["task_id"]]["reports"].append(r)
    for task in tasks.values():
        task["reports"].sort(key=lambda r: parse_period(r["period"]))
    return tasks


def generated(report) -> bool:
    return "示例" in report["narrative"]


def test_the_data_file_is_what_the_script_makes_and_a_second_run_changes_nothing(filler):
    text = sample_plan_data().read_text(encoding="utf-8")
    data = json.loads(text)
    assert filler.dump(filler.fill_ledger(data)) == text
    assert filler.dump(filler.fill_ledger(data, rebuild=True)) == text  # the rule, reproduced


def test_every_task_with_reports_has_one_per_quarter_from_its_start_to_its_last(reports):
    checked = 0
    for task in reports.values():
        if not task["reports"] or task["status"] in DEMO_STATUSES:
            continue
        start = date.fromisoformat(task["start_date"])
        last = parse_period(task["reports"][-1]["period"])
        quarters, quarter = [], period_of(start)
        while quarter.end <= last.end:
            quarters.append(quarter.code)
            quarter = period_of(quarter.end + timedelta(days=1))
        assert [r["period"] for r in task["reports"]] == quarters, task["title"]
        checked += 1
    assert checked >= 55


def test_percents_never_decrease_and_nothing_is_reported_past_the_seeds(reports):
    for task in reports.values():
        percents = [r["percent"] for r in task["reports"]]
        assert percents == sorted(percents), task["title"]
        assert all(parse_period(r["period"]).end <= date(2025, 9, 30) for r in task["reports"])


def test_generated_reports_are_marked_illustrative_and_state_no_figure(reports):
    made = [(t, r) for t in reports.values() for r in t["reports"] if generated(r)]
    assert len(made) > 600
    for task, r in made:
        assert r["is_illustrative"] == 1 and r["narrative"].startswith("（示例）")
        assert not re.search(r"\d", r["narrative"]), r["narrative"]
        assert r["problems"] == "" and r["next_steps"] == ""
        assert r["status"] in ("in_progress", "not_started") and r["percent"] < 100
        assert r["reporting_unit_id"] == task["lead"]
        end = parse_period(r["period"]).end
        assert r["reported_on"] == (end + timedelta(days=10)).isoformat()


def test_the_demo_s_suspended_and_not_started_tasks_get_nothing_invented(reports):
    demo = [t for t in reports.values() if t["status"] in DEMO_STATUSES]
    assert len(demo) == 2
    assert all(t["reports"] and not any(generated(r) for r in t["reports"]) for t in demo)


def test_a_past_quarter_reads_from_reports_and_today_s_figures_are_unchanged(sample_template):
    with PlanStore.open(sample_template, readonly=True) as store:
        then = read_task_rows(store, as_of=date(2023, 12, 31), history=True)
        at_2024 = {
            r.title: r for r in read_task_rows(store, as_of=date(2024, 12, 31), history=True)
        }
        today = {
            r["id"]: (r["status"], r["percent"])
            for r in store.db.query("SELECT id, status, percent FROM tasks")
        }
        latest = {
            r["task_id"]: (r["status"], r["percent"])
            for r in store.db.query(
                "SELECT r.task_id, r.status, r.percent FROM progress_reports r WHERE r.period = "
                "(SELECT max(period) FROM progress_reports WHERE task_id = r.task_id)"
            )
        }
    # At the end of 2023 only the demo's suspended and not-started tasks read 无进展记录
    unrecorded = {r.id for r in then if not r.recorded}
    assert unrecorded == {i for i, (status, _) in today.items() if status in DEMO_STATUSES}
    assert len(unrecorded) == 2
    g25 = at_2024["实现规模以上工业企业研发机构“全覆盖”"]
    assert (g25.percent, g25.light, g25.reported_period) == (90, "yellow", "2024Q4")
    assert len(latest) == len(today)
    assert all(latest[i] == today[i] for i in today)  # the last report says today's figures
