"""``qdplanner narrative PLAN PERIOD`` shows the period's narrative; ``--set`` keeps the clerk's."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.store import PlanStore

SCOPE = "program:创新策源能力提升计划"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, input=input)


@pytest.fixture
def plan(sample_address) -> str:
    """The sample plan on either engine: a file's path or a server plan's address."""
    return sample_address


def test_show_every_program_and_project_drafted_from_the_data(plan):
    result = run("narrative", str(plan), "2025Q3", "--lang", "zh")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.count("== 计划: ") == 7 and out.count("== 工程: ") == 8
    assert "== 计划: 创新策源能力提升计划 · 2025Q3 ==" in out
    assert "[总体进展] (根据数据起草)" in out
    assert "2025年第三季度，共有任务5项，其中正常推进3项" in out
    assert "整体进度落后于时间进度（任务2）。" in out


def test_set_a_section_then_read_it_back_and_carry_it_to_the_next_period(plan):
    result = run("narrative", str(plan), "2025Q3", "--scope", SCOPE, "--set", "主要成效",
                 "--text", "海洋科技创新平台建设全面提速。", "--lang", "en")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Kept the Main results of 创新策源能力提升计划 for 2025Q3" in result.output
    shown = json.loads(run("narrative", str(plan), "2025Q3", "--scope", SCOPE, "--json").output)
    results = shown["narratives"][0]["sections"][1]
    assert results["section"] == "results" and results["text"] == "海洋科技创新平台建设全面提速。"
    assert results["source"] == "stored" and results["edited"] and results["updated_by"]
    assert shown["narratives"][0]["sections"][0]["source"] == "data"
    q4 = json.loads(run("narrative", str(plan), "2025Q4", "--scope", SCOPE, "--json").output)
    carried = q4["narratives"][0]["sections"][1]
    assert carried["source"] == "previous" and carried["from_period"] == "2025Q3"
    drafted = json.loads(
        run("narrative", str(plan), "2025Q4", "--scope", SCOPE, "--json", "--draft").output
    )
    assert drafted["narratives"][0]["sections"][1]["source"] == "data"
    with PlanStore.open(plan, readonly=True) as store:
        logged = store.db.execute(
            "SELECT b.source, b.description FROM change_log l JOIN change_batches b"
            " ON b.id = l.batch_id WHERE l.entity = 'period_narratives'"
        ).fetchall()
    assert logged == [("command", f"narrative 2025Q3 {SCOPE}: results")]


def test_set_from_a_file_or_standard_input(plan, tmp_path):
    text = tmp_path / "problems.txt"
    text.write_text("一是资金到位偏慢。\n二是协调难度大。\n", encoding="utf-8")
    result = run("narrative", str(plan), "2025Q3", "--scope", SCOPE, "--set", "problems",
                 "--file", str(text), "--json")  # fmt: skip
    data = json.loads(result.output)
    assert data["written"] == 1
    assert data["sections"][2]["text"] == "一是资金到位偏慢。\n二是协调难度大。"
    piped = run("narrative", str(plan), "2025Q3", "--scope", SCOPE, "--set", "next_steps",
                "--file", "-", "--lang", "en", input="加快推进。")  # fmt: skip
    assert piped.exit_code == 0 and "Kept the Next steps" in piped.output


@pytest.mark.parametrize(("args", "message"), [
    (["2025Q5"], "not a reporting period"),
    (["2025Q3", "--scope", "program:无此计划"], "no program named"),
    (["2025Q3", "--set", "results", "--text", "x"], "--set needs --scope"),
    (["2025Q3", "--scope", SCOPE, "--set", "gossip", "--text", "x"], "not a narrative section"),
    (["2025Q3", "--scope", SCOPE, "--set", "results"], "--set needs one of --text or --file"),
    (["2025Q3", "--text", "x"], "--text and --file go with --set"),
])  # fmt: skip
def test_bad_input_is_refused_in_one_message_and_changes_nothing(plan, args, message):
    result = run("narrative", str(plan), *args, "--lang", "en")
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    with PlanStore.open(plan, readonly=True) as store:
        assert store.db.execute("SELECT count(*) FROM period_narratives").fetchone()[0] == 0


def test_a_closed_period_is_shown_but_not_edited(plan):
    assert run("period", "close", str(plan), "2025Q3").exit_code == 0
    shown = run("narrative", str(plan), "2025Q3", "--scope", SCOPE, "--lang", "en")
    assert "2025Q3 is closed: its narrative is kept as it is." in shown.output
    refused = run("narrative", str(plan), "2025Q3", "--scope", SCOPE, "--set", "results",
                  "--text", "改写", "--lang", "zh")  # fmt: skip
    assert refused.exit_code == 1
    assert "2025Q3已关账" in refused.output and "请先重新开账" in refused.output
