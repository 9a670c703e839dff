"""As-of dates that mean "as it stood then" (issue 16, item 1): a past date is judged from the
progress report whose period had ended by then, never from today's figures; a task with no
such report says 无进展记录; without --as-of, today's figures as before."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qdplanner.cli.commands import cli

FULL_COVERAGE = "实现规模以上工业企业研发机构“全覆盖”"  # G2-5: 90 % in 2024Q4, 92 % in 2025Q3


def status(plan, *args):
    result = CliRunner().invoke(
        cli, ["status", str(plan), "--json", "--tasks", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def task(data, title):
    return next(t for t in data["tasks"] if t["title"] == title)


def test_a_past_date_is_judged_from_the_report_of_then_not_today_s_figures(sample_template):
    then = status(sample_template, "--as-of", "2024-12-31")
    assert then["as_it_stood"] is True
    g25 = task(then, FULL_COVERAGE)
    assert (g25["percent"], g25["light"], g25["reported_period"]) == (90, "yellow", "2024Q4")
    later = status(sample_template, "--as-of", "2025-09-30")
    assert task(later, FULL_COVERAGE)["percent"] == 92
    assert task(later, FULL_COVERAGE)["reported_period"] == "2025Q3"


def test_a_task_with_no_report_by_then_says_so(sample_template):
    then = status(sample_template, "--as-of", "2023-03-31")
    unknown = [t for t in then["tasks"] if t["light"] == "no_record"]
    assert unknown and all(t["percent"] is None and t["status"] is None for t in unknown)
    assert then["lights"]["no_record"] == len(unknown)
    assert not {t["title"] for t in unknown} & {o["title"] for o in then["overdue"]}


def test_without_as_of_today_s_figures_as_before(sample_template):
    today = status(sample_template)
    assert today["as_it_stood"] is False and today["lights"]["no_record"] == 0
    assert all("reported_period" not in t for t in today["tasks"])


def test_the_text_says_it_is_the_plan_as_it_stood_in_the_user_s_language(sample_template):
    result = CliRunner().invoke(
        cli, ["status", str(sample_template), "--as-of", "2023-12-31", "--tasks", "--lang", "zh"]
    )
    assert result.exit_code == 0  # by 2023Q4 the demo's suspended and not-started tasks had none
    assert "无进展记录" in result.output and "[2023Q4]" in result.output
    assert "as it stood" not in result.output  # translated


def test_the_report_of_a_past_date_uses_the_figures_of_then(sample_template):
    from datetime import date

    from qdplanner.reports.summary.content import ReportOptions, build_report
    from qdplanner.store import PlanStore

    with PlanStore.open(sample_template, readonly=True) as store:
        # by 2023Q4 the demo's suspended and not-started tasks had no report (the others have
        # one per quarter: db/sample/README.md)
        options = ReportOptions(as_of=date(2023, 12, 31), period="2023Q4", history=True)
        report = build_report(store, options)
        today = build_report(store, ReportOptions(as_of=date(2023, 12, 31), period="2023Q4"))
    assert report.overview.lights.get("no_record", 0) > 0
    assert today.overview.lights.get("no_record", 0) == 0
    assert report.overview.percent != today.overview.percent


def test_current_figures_keep_today_s_status_and_percent_at_a_past_date(sample_template):
    data = status(sample_template, "--as-of", "2024-12-31", "--current-figures")
    assert data["as_it_stood"] is False and data["lights"]["no_record"] == 0
    assert task(data, FULL_COVERAGE)["percent"] == 92  # today's figure, as asked


def test_a_project_read_alone_stands_as_in_the_whole_plan(sample_template):
    from datetime import date

    from qdplanner.store import PlanStore
    from qdplanner.store.task_rows import Scope, ScopeKind, read_task_rows

    day = date(2024, 12, 31)
    with PlanStore.open(sample_template, readonly=True) as store:
        whole = {r.id: r for r in read_task_rows(store, as_of=day, history=True)}
        project = whole[next(i for i, r in whole.items() if r.title == FULL_COVERAGE)].project_id
        scoped = read_task_rows(store, Scope(ScopeKind.PROJECT, project), as_of=day, history=True)
    assert scoped and all(
        (r.light, r.percent, r.reported_period, r.recorded)
        == (whole[r.id].light, whole[r.id].percent, whole[r.id].reported_period,
            whole[r.id].recorded)
        for r in scoped
    )  # fmt: skip
