"""``qdplanner report --office TEXT --cover-date DATE``: this printing's cover, the plan untouched;
``qdplanner settings PLAN report.cover_date`` keeps the plan's own (issue 16, item 8)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from qdplanner.cli.report_commands import report_cmd
from qdplanner.cli.settings_commands import settings as settings_cmd
from qdplanner.store import PlanStore
from qdplanner.store.plan_settings import read_settings
from qdplanner.store.sample import create_sample_plan


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "sample.qdplan"
    create_sample_plan(path).close()
    return path


def docx_paragraphs(path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def report(*args: str):
    return CliRunner().invoke(report_cmd, list(args))


def test_office_and_cover_date_go_on_this_cover_only(qapp, sample_path, tmp_path):
    out = tmp_path / "summary.docx"
    result = report(str(sample_path), str(out), "--lang", "zh", "--sections", "overview",
                    "--office", "青岛市科学技术局", "--cover-date", "2026年1月")  # fmt: skip
    assert result.exit_code == 0, result.output
    paragraphs = docx_paragraphs(out)
    assert "编制单位：青岛市科学技术局" in paragraphs and "2026年1月" in paragraphs
    assert any(p.startswith("本文件含示例数据") for p in paragraphs)
    with PlanStore.open(sample_path, readonly=True) as store:
        settings = read_settings(store)
    assert settings["report.office"] == "青岛市人民政府" and settings["report.cover_date"] == ""


def test_the_plans_setting_is_the_default_and_settings_sets_it(qapp, sample_path, tmp_path):
    result = CliRunner().invoke(settings_cmd, [str(sample_path), "report.cover_date", "2026/1/15"])
    assert result.exit_code == 0, result.output
    with PlanStore.open(sample_path, readonly=True) as store:
        assert read_settings(store)["report.cover_date"] == "2026-01-15"
    out = tmp_path / "summary.docx"
    assert (
        report(str(sample_path), str(out), "--lang", "zh", "--sections", "overview").exit_code == 0
    )
    assert "2026年1月15日" in docx_paragraphs(out)


@pytest.mark.parametrize(("args", "message"), [
    (["--cover-date", "明年一月"], "is not a date for the cover"),
    (["--cover-date", "2026-02-30"], "is not a date for the cover"),
    (["--office", "局" * 201], "report.office must be at most 200 characters"),
])  # fmt: skip
def test_a_bad_cover_is_one_line_and_writes_nothing(qapp, sample_path, tmp_path, args, message):
    out = tmp_path / "x.pdf"
    result = report(str(sample_path), str(out), *args)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_a_bad_cover_date_setting_is_refused_and_nothing_changes(sample_path):
    result = CliRunner().invoke(settings_cmd, [str(sample_path), "report.cover_date", "下月"])
    assert result.exit_code != 0
    assert "is not a date for the cover" in result.output
    with PlanStore.open(sample_path, readonly=True) as store:
        assert read_settings(store)["report.cover_date"] == ""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)")
def test_gantt_of_the_sample_says_it_holds_illustrative_data(qapp, sample_path, tmp_path):
    from qdplanner.cli.timeline_commands import gantt_cmd

    out = tmp_path / "gantt.pdf"
    result = CliRunner().invoke(gantt_cmd, [str(sample_path), str(out), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "含示例数据" in "".join(text.split())
