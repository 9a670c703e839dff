"""``qdplanner settings PLAN [KEY [VALUE]]``: list, show, set; refusals change nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.domain.settings import DEFAULTS, KEYS
from qdplanner.store import PlanStore
from qdplanner.store.history import read_history


def run(*args: str):
    return CliRunner().invoke(cli, [*map(str, args)], catch_exceptions=False)


@pytest.fixture
def plan(sample_address) -> str:
    """The sample plan on either engine: a file's path or a server plan's address."""
    return sample_address


def batches(path) -> int:
    with PlanStore.open(path, readonly=True) as store:
        return store.version


def test_the_listing_names_every_key_with_its_value_and_default(plan):
    result = run("settings", plan, "--lang", "en")
    assert result.exit_code == 0, result.output
    for key in KEYS:
        assert key in result.output
    assert "light.yellow_behind      10 points       10 points" in result.output
    assert "青岛市人民政府" in result.output  # the office: the plan document's issuer
    chinese = run("settings", plan, "--lang", "zh").output
    assert "黄灯" in chinese and "light.red_behind" in chinese


def test_json_lists_every_setting_with_value_default_and_range(plan):
    result = run("settings", plan, "--json", "--lang", "en")
    data = json.loads(result.output)
    assert [d["key"] for d in data] == list(KEYS)
    yellow = data[0]
    assert yellow | {"label": "", "help": ""} == {
        "key": "light.yellow_behind", "value": 10.0, "default": 10.0, "kind": "number",
        "low": 0, "high": 100, "unit": "points", "label": "", "help": "",
    }  # fmt: skip
    assert {d["key"]: d["value"] for d in data} == {**DEFAULTS, "report.office": "青岛市人民政府"}


def test_one_key_prints_its_value_range_and_help(plan):
    result = run("settings", plan, "light.blue_days", "--lang", "en")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "light.blue_days = off"
    assert "From 0 to 366, or off" in result.output
    assert "due soon" in result.output


def test_setting_a_value_is_one_logged_change_and_the_lights_follow(plan):
    before = json.loads(
        run("status", plan, "--json", "--as-of", "2024-06-30", "--current-figures").output
    )["lights"]
    result = run("settings", plan, "light.blue_days", "200", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "light.blue_days: off → 200 days"
    after = json.loads(
        run("status", plan, "--json", "--as-of", "2024-06-30", "--current-figures").output
    )["lights"]
    assert after["blue"] > before.get("blue", 0)
    assert after["green"] < before["green"]
    with PlanStore.open(plan, readonly=True) as store:
        logged = [r for r in read_history(store) if r.description == "settings light.blue_days 200"]
    assert [(r.source, r.record) for r in logged] == [("command", "status_light_rules")]


def test_setting_the_same_value_again_changes_nothing(plan):
    run("settings", plan, "light.sticky_yellow", "yes")
    count = batches(plan)
    result = run("settings", plan, "light.sticky_yellow", "true", "--lang", "en")
    assert result.output.strip() == "light.sticky_yellow is already yes; nothing changed"
    assert batches(plan) == count


def test_the_office_and_the_evidence_limit_are_set(plan):
    assert run("settings", plan, "report.office", "青岛市科学技术局").exit_code == 0
    assert run("settings", plan, "evidence.max_mb", "25").exit_code == 0
    data = json.loads(run("settings", plan, "report.office", "--json").output)
    assert data["value"] == "青岛市科学技术局"
    assert data["default"] == "青岛市人民政府"
    assert json.loads(run("settings", plan, "evidence.max_mb", "--json").output)["value"] == 25


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["light.green", "5"], "“light.green” is not a plan setting; the settings are: "),
        (["light.green"], "is not a plan setting"),
        (["light.yellow_behind", "120"], "light.yellow_behind must be a number from 0 to 100"),
        (["light.yellow_behind", "45"], "light.yellow_behind (45) must not be more than "
                                        "light.red_behind (30)"),
        (["light.blue_days", "soon"], "light.blue_days must be a whole number of days"),
        (["light.sticky_yellow", "perhaps"], "light.sticky_yellow must be yes or no"),
        (["evidence.max_mb", "1000"], "from 1 to 500"),
    ],
)  # fmt: skip
def test_an_unknown_key_or_bad_value_is_one_line_exit_2_and_nothing_changes(plan, args, words):
    count = batches(plan)
    result = run("settings", plan, *args, "--lang", "en")
    assert result.exit_code == 2
    assert words in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert batches(plan) == count


def test_refusals_speak_chinese_with_lang_zh(plan):
    result = run("settings", plan, "light.yellow_behind", "120", "--lang", "zh")
    assert result.exit_code == 2
    assert "light.yellow_behind" in result.output
    assert "0" in result.output and "100" in result.output
    assert "must be" not in result.output
    assert "“120”" in result.output  # the value as typed
