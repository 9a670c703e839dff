"""``qdplanner copy SRC DST [--verify]`` and ``qdplanner init URL [--sample]`` against a real
PostgreSQL server the test run starts (skipped only when its binaries are missing): what they
print in both languages, and their refusals as one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from tests.cli.test_languages import english_words

psycopg = pytest.importorskip("psycopg")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def plan(sample_template, tmp_path) -> Path:
    path = tmp_path / "plan.qdplan"
    shutil.copy(sample_template, path)
    return path


def test_copy_there_and_back_verified(plan, pg_url, tmp_path):
    there = run("copy", plan, pg_url, "--verify", "--lang", "en")
    assert there.exit_code == 0, there.output
    assert f"Copied {plan} to {pg_url}: " in there.output
    assert " rows in 27 tables, " in there.output or " tables, " in there.output
    assert "Verified: every table and every row of the two plans is the same" in there.output

    back = tmp_path / "back.qdplan"
    result = run("copy", pg_url, back, "--verify", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "复制到" in result.output and "已核对" in result.output
    left = english_words(result.output, back, pg_url)
    assert not left, f"English left in the Chinese output: {left}\n{result.output}"
    assert run("status", back).exit_code == 0


def test_verify_names_a_difference_and_fails(plan, pg_url, monkeypatch):
    from qdplanner.store import plan_compare

    real = plan_compare.compare_plans

    def with_a_change(first, second, limit=20):  # someone edits the copy before it is read
        with psycopg.connect(pg_url) as pg:
            pg.execute("UPDATE tasks SET percent = 99 WHERE id = 1")
        return real(first, second, limit)

    monkeypatch.setattr(plan_compare, "compare_plans", with_a_change)
    result = run("copy", plan, pg_url, "--verify", "--lang", "en")
    assert result.exit_code == 1
    assert "tasks: row 1: percent is " in result.output
    assert (
        result.output.strip()
        .splitlines()[-1]
        .startswith(f"qdplanner: the copy at {pg_url} differs from {plan}")
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_refusals_are_one_line(plan, pg_url, tmp_path, lang):
    assert run("copy", plan, pg_url).exit_code == 0
    again = run("copy", plan, pg_url, "--lang", lang)
    assert again.exit_code == 1 and len(again.output.strip().splitlines()) == 1
    assert "--overwrite" in again.output
    assert run("copy", plan, pg_url, "--overwrite").exit_code == 0

    nowhere = f"postgresql://clerk:s3cret@/plan?host={tmp_path}/nowhere"
    result = run("copy", plan, nowhere, "--lang", lang)
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "s3cret" not in result.output and f"clerk@/plan?host={tmp_path}" in result.output
    if lang == "zh":
        assert "无法连接" in result.output


def test_init_a_server_plan_with_the_sample(pg_url, tmp_path):
    result = run("init", pg_url, "--sample", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Created {pg_url} with the sample plan"
    refused = run("init", pg_url, "--lang", "en")
    assert refused.exit_code == 1 and "--force" in refused.output
    back = tmp_path / "back.qdplan"
    assert run("copy", pg_url, back).exit_code == 0
    status = run("status", back, "--json")
    assert '"tasks": 61' in status.output or "61" in status.output

    empty = run("init", pg_url, "--force", "--lang", "zh")
    assert empty.exit_code == 0 and empty.output.strip() == f"已创建 {pg_url}"
    with psycopg.connect(pg_url) as pg:
        assert pg.execute("SELECT count(*) FROM tasks").fetchone() == (0,)


def test_init_a_plan_file_still_works(tmp_path):
    result = run("init", tmp_path / "new.qdplan", "--lang", "en")
    assert result.exit_code == 0 and (tmp_path / "new.qdplan").exists()
