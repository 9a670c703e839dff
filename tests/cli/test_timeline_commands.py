"""``qdplanner gantt``: the timeline as PDF, PNG or SVG from the command line."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from PySide6.QtGui import QImage

from qdplanner.cli.timeline_commands import gantt_cmd
from qdplanner.store.sample import create_sample_plan

PDFINFO = shutil.which("pdfinfo")


def run(*args: str):
    return CliRunner().invoke(gantt_cmd, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "sample.qdplan"
    create_sample_plan(path).close()
    return path


def action_plan_id(path) -> int:
    from qdplanner.store import PlanStore

    with PlanStore.open(path, readonly=True) as store:
        return store.db.execute(
            "SELECT id FROM plan_documents WHERE kind = 'action_plan'"
        ).fetchone()[0]


@pytest.mark.skipif(PDFINFO is None, reason="poppler-utils missing")
def test_gantt_writes_the_action_plan_as_an_a4_pdf(qapp, sample_path, tmp_path):
    out = tmp_path / "gantt.pdf"
    doc = str(action_plan_id(sample_path))
    result = run(str(sample_path), str(out), "--document", doc, "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    assert "2022-01 – 2024-12" in result.output  # the plan document's years by default
    info = subprocess.run([PDFINFO, str(out)], capture_output=True, text=True).stdout
    assert "842 x 595" in info
    pages = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
    assert f"{pages} page(s)" in result.output


def test_gantt_png_and_svg_with_range_grouping_and_language(qapp, sample_path, tmp_path):
    png, svg = tmp_path / "g.png", tmp_path / "g.svg"
    args = ["--from", "2023-01", "--to", "2023-06", "--group-by", "unit", "--lang", "en"]
    assert run(str(sample_path), str(png), *args).exit_code == 0
    assert not QImage(str(png)).isNull()
    result = run(str(sample_path), str(svg), *args)
    assert result.exit_code == 0 and "2023-01 – 2023-06" in result.output
    assert "Page 1 of 1" in svg.read_text(encoding="utf-8")


def test_gantt_errors_are_one_line(qapp, sample_path, tmp_path):
    result = CliRunner().invoke(gantt_cmd, [str(sample_path), str(tmp_path / "g.jpg")])
    assert result.exit_code == 1
    assert "can be saved as .pdf, .png or .svg only" in result.output
    result = CliRunner().invoke(
        gantt_cmd, [str(sample_path), str(tmp_path / "g.pdf"), "--from", "2024-01", "--to",
                    "2023-01"],
    )  # fmt: skip
    assert result.exit_code == 1 and "--to must not be before --from" in result.output
    missing = CliRunner().invoke(
        gantt_cmd, [str(tmp_path / "nope.qdplan"), str(tmp_path / "g.pdf")]
    )
    assert missing.exit_code == 1 and "Traceback" not in missing.output
