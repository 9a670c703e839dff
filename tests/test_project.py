"""Project-level guarantees: README and CI agree, layers stay apart, the wheel ships its data."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command.startswith("python3 -m venv")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"&& " + re.escape(command) + r"\n", readme), command


def test_layers_point_down_only():
    """import-linter: domain/store free of Qt; ui and cli on top; nothing imports ui."""
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.slow
def test_built_wheel_ships_schema_sample_and_translations(tmp_path):
    """Install the wheel (no deps: they are in this env) and open the sample plan from it."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("qdplanner-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "qdplanner/_data/db/schema/001_initial.sql",
        "qdplanner/_data/db/sample/qingdao.json",
        "qdplanner/_data/resources/translations/qdplanner_zh_CN.qm",
    ):
        assert needed in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    plan = tmp_path / "s.qdplan"
    script = (
        "import sys, qdplanner, json; from qdplanner.cli import main;"
        "assert 'site' in qdplanner.__file__, qdplanner.__file__; main()"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    for args in (["init", str(plan), "--sample"], ["status", str(plan), "--json"]):
        result = subprocess.run(
            [sys.executable, "-c", script, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    assert '"tasks": 61' in result.stdout
