"""The command line: output for people and for scripts, and one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from tests.plan_state import plan_state


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_init_makes_an_empty_plan_that_status_reads(tmp_path):
    path = tmp_path / "new.qdplan"
    result = run("init", str(path))
    assert result.exit_code == 0, result.output
    assert path.exists()
    status = json.loads(run("status", str(path), "--json").output)
    assert status["counts"] == {
        "programs": 0,
        "projects": 0,
        "tasks": 0,
        "milestones": 0,
        "units": 0,
        "indicators": 0,
    }


def test_init_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "new.qdplan"
    run("init", str(path))
    result = run("init", str(path))
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert run("init", str(path), "--force").exit_code == 0


def test_status_json_has_counts_lights_and_overdue(small_plan):
    store, _ = small_plan
    result = run("status", str(store.path), "--json", "--as-of", "2023-03-01", "--current-figures")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["as_of"] == "2023-03-01"
    assert data["counts"]["tasks"] == 3 and data["counts"]["units"] == 2
    assert set(data["lights"]) >= {"done", "green", "yellow", "red", "grey"}
    assert data["lights"]["red"] == 1 and data["lights"]["done"] == 1
    assert data["overdue"] == [
        {"title": "逾期任务", "lead_unit": "青岛市科学技术局", "due": "2022-12-31"}
    ]


def test_status_before_the_due_date_lists_nothing_overdue(small_plan):
    store, _ = small_plan
    data = json.loads(
        run(
            "status", str(store.path), "--json", "--as-of", "2022-06-30", "--current-figures"
        ).output
    )
    assert data["overdue"] == []


def test_status_text_lists_streams_and_overdue_tasks(small_plan):
    store, _ = small_plan
    result = run("status", str(store.path), "--as-of", "2023-03-01", "--current-figures")
    assert result.exit_code == 0
    assert "工程一" in result.output and "计划一" in result.output
    assert "Overdue tasks: 1" in result.output
    assert "2022-12-31  青岛市科学技术局" in result.output


def test_status_does_not_write_to_the_plan(small_plan):
    store, _ = small_plan
    store.close()
    before = plan_state(store.path)
    run("status", str(store.path))
    assert plan_state(store.path) == before


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_text("just text"), "not an SQLite database"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (a)").connection.commit(),
            "not a qdplanner plan file",
        ),
    ],
)
def test_bad_plan_gives_one_line_naming_the_file(tmp_path, setup, message):
    path = tmp_path / "bad.qdplan"
    setup(path)
    result = run("status", str(path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and message in lines[0]


def test_bad_date_option_is_named():
    result = CliRunner().invoke(cli, ["status", "x.qdplan", "--as-of", "2024-13-45"])
    assert result.exit_code == 2
    assert "--as-of" in result.stderr


def test_errors_never_show_a_traceback(tmp_path):
    """Run the real entry point, as a user would, on a file that is not a plan."""
    bad = tmp_path / "bad.qdplan"
    bad.write_bytes(b"\x00" * 10)
    proc = subprocess.run(
        [sys.executable, "-m", "qdplanner", "status", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_every_command_has_help():
    for name, command in cli.commands.items():
        assert command.help, f"command {name} lacks help"
        assert run(name, "--help").exit_code == 0


def test_json_output_is_strict_with_or_without_non_finite_numbers(capsys):
    from qdplanner.cli.common import echo_json

    echo_json({"a": [1.5, float("inf")], "b": (float("nan"), 2), "c": "规划"})
    assert json.loads(capsys.readouterr().out) == {"a": [1.5, None], "b": [None, 2], "c": "规划"}
    echo_json({"b": (1.5, 2), "c": None})  # nothing to replace: written as it is
    assert capsys.readouterr().out == '{\n  "b": [\n    1.5,\n    2\n  ],\n  "c": null\n}\n'
