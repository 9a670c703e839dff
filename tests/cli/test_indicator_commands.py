"""``qdplanner indicators`` and ``qdplanner indicator-value``: text, JSON and one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.reports.status_text import _width
from qdplanner.store.sample import create_sample_plan

LIGHTS = {"achieved", "on_track", "behind", "off_track", "no_baseline", "no_data"}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "sample.qdplan"
    create_sample_plan(path).close()
    return path


@pytest.fixture
def writable(sample_address) -> str:
    """The sample plan on either engine: a file's path or a server plan's address."""
    return sample_address


def as_json(path, *args):
    result = run("indicators", str(path), "--json", *args)
    assert result.exit_code == 0, result.output
    return {d["code"]: d for d in json.loads(result.output)}


def test_json_lists_every_indicator_with_target_latest_progress_and_light(sample_path):
    data = as_json(sample_path, "--as-of", "2025-12-31", "--lang", "zh")
    assert len(data) == 32
    for d in data.values():
        assert {
            "name",
            "target",
            "target_year",
            "latest",
            "latest_year",
            "progress",
            "light",
        } <= set(d)
        assert {"comparator", "direction", "measure_unit", "trend"} <= set(d)
        assert d["light"] in LIGHTS
    firms = data["I03"]
    assert (firms["name"], firms["target"], firms["target_year"]) == (
        "国家高新技术企业数量",
        10000,
        2026,
    )
    assert (firms["latest"], firms["latest_year"], firms["progress"]) == (8683, 2025, 0.7654)
    assert firms["comparator"] == "gt" and firms["measure_unit"] == "家"
    assert "1317家" in firms["trend"]
    assert data["I04"]["light"] == "achieved" and data["I04"]["latest_period"] == "2025H1"
    assert data["I09"]["light"] == "achieved" and data["I09"]["latest_year"] == 2024
    assert data["I10"]["light"] == "on_track" and data["I10"]["progress"] == 1.0
    assert data["I12"]["light"] == "off_track" and data["I12"]["direction"] == "higher"
    assert data["I05"]["light"] == "achieved"
    assert data["I01"]["progress"] is None and data["I01"]["latest"] is None
    assert data["I18"]["light"] == "no_data" and data["I18"]["target"] is None


def test_json_as_of_before_the_results_were_published(sample_path):
    data = as_json(sample_path, "--as-of", "2025-06-30")
    assert {d["light"] for d in data.values()} == {"no_data"}


def test_json_in_english(sample_path):
    data = as_json(sample_path, "--as-of", "2025-12-31", "--lang", "en")
    assert data["I04"]["light_label"] == "Achieved"
    assert data["I18"]["trend"] == "2020–2025: −7 位次 a year on average"


def test_text_table_has_lights_in_chinese_and_aligned_columns(sample_path):
    result = run("indicators", str(sample_path), "--as-of", "2025-12-31", "--lang", "zh")
    assert result.exit_code == 0
    out = result.output
    assert "指标完成情况，截至 2025-12-31" in out
    rows = {line.split()[2]: line for line in out.splitlines() if line and line[0] in "✔●▲■○"}
    assert rows["I04"].startswith("✔ 已达成") and rows["I12"].startswith("■ 严重滞后")
    assert rows["I10"].startswith("● 正常推进") and rows["I01"].startswith("○ 无数据")
    # CJK-aware padding: the target column starts at the same display column on every row.
    starts = {
        _width(line[: line.index(target)])
        for line, target in [
            (rows["I03"], ">10000家"),
            (rows["I04"], "≥65%"),
            (rows["I11"], "前10位"),
            (rows["I12"], "≥50%"),
        ]
    }
    assert len(starts) == 1
    assert "需每年增加1317家才能在2026年达到目标" in out  # the trend, under its row
    assert "2020—2025年平均每年减少7位次" in out  # a result without a target still has a pace
    assert "已达成 3  正常推进 1  滞后 1  严重滞后 1  无基期 0  无数据 26" in out
    assert "直线进度超过全程的 25%" in out  # the thresholds are shown


def test_bad_plan_file_is_one_line_on_stderr(tmp_path):
    bad = tmp_path / "bad.qdplan"
    bad.write_text("just text")
    result = run("indicators", str(bad))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0]


def test_missing_plan_file(tmp_path):
    result = run("indicators", str(tmp_path / "none.qdplan"), "--json")
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_indicator_value_sets_a_value_that_the_table_then_judges(writable):
    result = run(
        "indicator-value",
        str(writable),
        "I03",
        "2026",
        "10001",
        "--source",
        "统计公报",
        "--source-date",
        "2027-02-01",
    )
    assert result.exit_code == 0, result.output
    data = as_json(writable, "--as-of", "2027-03-01")
    assert data["I03"]["light"] == "achieved" and data["I03"]["latest_source"] == "统计公报"
    negative = run("indicator-value", str(writable), "I05", "2024", "--", "-2.5")
    assert negative.exit_code == 0, negative.output
    assert as_json(writable, "--as-of", "2025-01-31")["I05"]["latest"] == -2.5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["I03", "2026", "lots"], "must be a number"),
        (["I03", "3026", "1"], "between 1900 and 2100"),
        (["I99", "2026", "1"], "no indicator"),
    ],
)
def test_indicator_value_errors_are_one_line(writable, args, message):
    result = run("indicator-value", str(writable), *args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
