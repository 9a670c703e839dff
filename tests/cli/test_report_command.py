"""``qdplanner report PLAN OUT.pdf``: the printed summary from the command line."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from qdplanner.cli.report_commands import report_cmd
from qdplanner.store.sample import create_sample_plan

PDFTOTEXT = shutil.which("pdftotext")


def run(*args: str):
    return CliRunner().invoke(report_cmd, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-report") / "sample.qdplan"
    create_sample_plan(path).close()
    return path


def pdf_text(path) -> str:
    return subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True).stdout


def test_report_writes_a_chinese_pdf_and_says_how_many_pages(qapp, sample_path, tmp_path):
    out = tmp_path / "summary.pdf"
    result = run(
        str(sample_path), str(out), "--as-of", "2026-11-23", "--period", "2026Q3", "--lang", "zh"
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    pages = int(re.search(r"（共 (\d+) 页）", result.output).group(1))
    assert pages >= 8
    if PDFTOTEXT:
        text = pdf_text(out)
        assert f"第1页 共{pages}页" in text and "2026年第三季度" in text


def test_report_in_english_for_one_project_and_chosen_sections(qapp, sample_path, tmp_path):
    out = tmp_path / "en.pdf"
    result = run(
        str(sample_path), str(out), "--lang", "en", "--scope", "project:成果转化促进工程",
        "--sections", "overview,tasks", "--as-of", "2026-11-23",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    if PDFTOTEXT:
        text = pdf_text(out)
        assert "Page 1 of" in text and "project: 成果转化促进工程" in text
        assert "Indicators" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scope", "city:青岛"], "is not a report scope"),
        (["--scope", "unit:没有这个单位"], "no unit named"),
        (["--period", "2024Q5"], "is not a reporting period"),
        (["--sections", "overview,gossip"], "unknown report section"),
    ],
)
def test_bad_options_end_in_one_line(qapp, sample_path, tmp_path, args, message):
    result = CliRunner().invoke(report_cmd, [str(sample_path), str(tmp_path / "x.pdf"), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_plan_is_one_line_too(qapp, tmp_path):
    result = CliRunner().invoke(
        report_cmd, [str(tmp_path / "none.qdplan"), str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1


def test_a_missing_output_folder_is_one_line(qapp, sample_path, tmp_path):
    result = CliRunner().invoke(report_cmd, [str(sample_path), str(tmp_path / "no" / "x.pdf")])
    assert result.exit_code == 1
    assert "the folder does not exist" in result.output


# -- the Word document (.docx) ---------------------------------------------------------------
def test_report_to_a_docx_writes_an_editable_word_document(qapp, sample_path, tmp_path):
    import docx

    out = tmp_path / "summary.docx"
    result = run(
        str(sample_path), str(out), "--as-of", "2025-12-31", "--period", "2025Q4", "--lang", "zh"
    )
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "Word" in result.output
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "一、总体情况"
    assert any("2025年第四季度" in p.text for p in document.paragraphs)
    assert document.tables
    assert [p.name for p in tmp_path.iterdir()] == ["summary.docx"]


def test_the_suffix_chooses_the_format_whatever_its_case(qapp, sample_path, tmp_path):
    out = tmp_path / "SUMMARY.DOCX"
    result = run(str(sample_path), str(out), "--sections", "overview", "--as-of", "2025-12-31")
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"  # a zip: the Word format, not a PDF


@pytest.mark.parametrize("name", ["summary.txt", "summary.doc", "summary"])
def test_an_output_that_is_neither_pdf_nor_docx_is_refused_in_one_line(
    qapp, sample_path, tmp_path, name
):
    result = CliRunner().invoke(report_cmd, [str(sample_path), str(tmp_path / name)])
    assert result.exit_code == 1
    assert ".pdf" in result.output and ".docx" in result.output
    assert name in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_docx_in_a_missing_folder_is_one_line(qapp, sample_path, tmp_path):
    result = CliRunner().invoke(report_cmd, [str(sample_path), str(tmp_path / "no" / "x.docx")])
    assert result.exit_code == 1
    assert "the folder does not exist" in result.output
