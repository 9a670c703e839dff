"""``qdplanner period close | reopen | list | compare`` on a copy of the sample plan."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.store import PlanStore


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def plan(sample_address) -> str:
    """The sample plan on either engine: a file's path or a server plan's address."""
    return sample_address


def test_close_then_list_then_refuse_a_second_close(plan):
    result = run("period", "close", str(plan), "2025Q3", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Closed 2025Q3 in" in result.output
    assert "61 task(s), 32 indicator(s)" in result.output and "2025-09-30" in result.output
    listed = run("period", "list", str(plan), "--json")
    data = json.loads(listed.output)
    assert data["closed"] == ["2025Q3"]
    assert data["closes"][0]["tasks"] == 61 and data["closes"][0]["in_force"]
    again = run("period", "close", str(plan), "2025Q3", "--lang", "en")
    assert again.exit_code == 1
    assert "2025Q3 is already closed (closed" in again.output
    assert again.output.count("\n") == 1  # one line, no traceback
    with PlanStore.open(plan, readonly=True) as store:
        assert store.db.execute("SELECT count(*) FROM period_closes").fetchone()[0] == 1


def test_compare_a_closed_period_with_an_open_one_says_the_open_one_is_live(plan):
    run("period", "close", str(plan), "2025Q3")
    result = run("period", "compare", str(plan), "2025Q3", "2025Q4", "--limit", "2", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "From 2025Q3 to 2025Q4 (61 task(s)):" in out
    assert "2025Q3: closed" in out
    assert "2025Q4: not closed: compared against the live judgement at the period's end " \
           "(2025-12-31)" in out  # fmt: skip
    assert "Lights: 0 better, 3 worse" in out
    assert "Lights worse (3):" in out and "● On track → ▲ At risk" in out
    assert "No report for the period (39):" in out and "… and 37 more" in out
    # the 21 indicators that moved: 6 had no figure at the end of 2025Q3
    assert "Indicators: 21 moved (0 better, 0 worse, 6 measured for the first time)" in out
    # a task is named with its program or project: codes restart in each
    assert "  产业创新能级提升计划 3 面向世界科技前沿培育未来产业 (青岛市发展和改革委员会)" in out
    overdue = run("period", "compare", str(plan), "2024Q4", "2025Q1", "--lang", "en").output
    assert "战略科技力量起势工程 3 争取国家重点实验室数量达到全省50%以上 (青岛市科学技术局), due " \
           "2024-12-31: ▲ At risk → ■ Overdue / far behind" in overdue  # fmt: skip
    data = json.loads(run("period", "compare", str(plan), "2025Q4", "2025Q3", "--json").output)
    assert data["earlier"]["period"] == "2025Q3" and data["earlier"]["closed"]
    assert data["later"]["live"] and data["later"]["judged_at"] == "2025-12-31"
    assert data["counts"]["lights_worse"] == len(data["lights_worse"]) == 3
    assert len(data["no_report"]) == 39  # --json lists all
    assert data["lights_worse"][0]["light_before"] == "green"


def test_reopen_is_logged_and_listed(plan):
    run("period", "close", str(plan), "2025Q3")
    result = run("period", "reopen", str(plan), "2025Q3", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Reopened 2025Q3" in result.output and "judged live" in result.output
    listed = run("period", "list", str(plan), "--lang", "en").output
    assert "2025Q3: closed" in listed and "; reopened" in listed
    missing = run("period", "reopen", str(plan), "2025Q3", "--lang", "en")
    assert missing.exit_code == 1 and "2025Q3 is not closed" in missing.output
    with PlanStore.open(plan, readonly=True) as store:
        logged = store.db.execute(
            "SELECT b.description FROM change_batches b JOIN change_log l ON l.batch_id = b.id"
            " WHERE l.entity = 'period_closes' AND l.field = 'reopened_by'"
        ).fetchall()
    assert logged == [("period reopen 2025Q3",)]


def test_bad_periods_are_named(plan):
    result = run("period", "close", str(plan), "2025Q5", "--lang", "en")
    assert result.exit_code == 1 and "“2025Q5” is not a reporting period" in result.output
    result = run("period", "close", str(plan), "2099Q1", "--lang", "en")
    assert result.exit_code == 1 and "2099Q1 has not ended yet" in result.output
    result = run("period", "compare", str(plan), "2025Q3", "2025Q3", "--lang", "en")
    assert result.exit_code == 1 and "two different periods" in result.output


def test_the_commands_speak_chinese(plan):
    closed = run("period", "close", str(plan), "2025Q3", "--lang", "zh")
    assert "已关账" in closed.output and "2025Q3" in closed.output
    listed = run("period", "--lang", "zh", "list", str(plan))  # the group's --lang holds too
    assert "关账" in listed.output
    compared = run("period", "compare", str(plan), "2025Q3", "2025Q4", "--lang", "zh").output
    assert "亮灯好转0项、变差3项" in compared
    assert "● 正常推进 → ▲ 进度滞后" in compared
    assert "未关账" in compared and "期末" in compared
    refused = run("period", "close", str(plan), "2025Q3", "--lang", "zh")
    assert "已关账" in refused.output and "重新开账" in refused.output
