"""Project-level guarantees: README and CI agree, layers stay apart, the wheel ships its data."""

from __future__ import annotations

import ast
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


_SQL_CALLS = {"execute", "executemany", "executescript"}  # a database's, whatever it is named
_SQL_TEXT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|WITH)\s")


def _sql_outside_the_store(path: Path) -> list[str]:
    """Where ``path`` runs SQL itself or reaches into a store's database."""
    found = []
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Attribute) and node.attr in ("db", "conn"):
            found.append(f"{where}: .{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, args = node.func.attr, node.args
            text = args and isinstance(args[0], ast.Constant | ast.JoinedStr)
            if name in _SQL_CALLS or (name == "query" and text):
                found.append(f"{where}: .{name}(…)")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _SQL_TEXT.match(node.value)
        ):
            found.append(f"{where}: SQL text {node.value[:30]!r}")
    return found


def test_no_sql_outside_the_store():
    """Every statement on a plan is in qdplanner/store: no other module runs SQL, writes it or
    touches a store's database (``store.db``), so the PostgreSQL store can stand in for the
    file's (issue 19). The import-linter contract keeps sqlite3 and sqlite_utils out of them."""
    package = ROOT / "qdplanner"
    found = [
        hit
        for path in sorted(package.rglob("*.py"))
        if not path.is_relative_to(package / "store")
        for hit in _sql_outside_the_store(path)
    ]
    assert found == [], "call a function of qdplanner.store instead:\n" + "\n".join(found)


def test_the_sql_scan_sees_sql(tmp_path):
    """The scan above finds each way of running SQL it looks for."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "def f(store, db, cur):\n"
        "    store.db\n"
        "    db.execute('x')\n"
        "    cur.executemany('x', [])\n"
        "    db.query(f'SELECT {1}')\n"
        "    sql = 'SELECT id FROM tasks'\n",
        encoding="utf-8",
    )
    hits = _sql_outside_the_store(probe)
    assert {int(hit.split(":")[1]) for hit in hits} == {2, 3, 4, 5, 6}, hits


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
