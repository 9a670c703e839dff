"""The ``qdplanner`` entry point: which arguments start the window at once, which go to click."""

from __future__ import annotations

import importlib

import click
import pytest

from qdplanner.cli import COMMAND_MODULES, COMMAND_NAMES, window_request
from qdplanner.cli.commands import cli


def test_the_command_names_known_to_the_quick_start_are_the_click_group_s():
    ctx = click.Context(cli)
    assert {name for name in cli.list_commands(ctx) if cli.get_command(ctx, name)} == COMMAND_NAMES
    for name, module in COMMAND_MODULES.items():  # each where the group loads it from
        commands = importlib.import_module(f"qdplanner.cli.{module}").COMMANDS
        assert name in {c.name for c in commands}, (name, module)
        assert cli.get_command(ctx, name).name == name


def test_a_command_loads_only_its_own_module():
    import json
    import subprocess
    import sys

    code = (
        "import json, sys; from qdplanner.cli.commands import cli; "
        "from click.testing import CliRunner; CliRunner().invoke(cli, ['status', '--help']); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('qdplanner.cli.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    assert "qdplanner.cli.plan_commands" in loaded
    for module in ("excel_commands", "report_commands", "collection_commands"):
        assert f"qdplanner.cli.{module}" not in loaded


@pytest.mark.parametrize(
    ("args", "request_"),
    [
        ([], (None, None)),
        (["plan.qdplan"], ("plan.qdplan", None)),
        (["open"], (None, None)),
        (["open", "规划.qdplan"], ("规划.qdplan", None)),
        (["open", "--lang", "en", "p.qdplan"], ("p.qdplan", "en")),
        (["p.qdplan", "--lang=zh_CN"], ("p.qdplan", "zh_CN")),
        (["open", "p.qdplan", "--lang", "zh"], ("p.qdplan", "zh_CN")),  # the window's tag
    ],
)
def test_a_plain_start_or_a_plan_file_opens_the_window_straight_away(args, request_):
    assert window_request(args) == request_


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["status", "p.qdplan"],
        ["status"],  # a command name alone is the command (click says what is missing)
        ["open", "--help"],
        ["open", "--lang", "fr"],  # click names the bad choice
        ["a.qdplan", "b.qdplan"],
        ["open", "--lang"],
    ],
)
def test_anything_else_goes_to_the_command_line(args):
    assert window_request(args) is None


def test_the_quick_start_knows_the_window_s_languages():
    from qdplanner.cli import WINDOW_LANGUAGES
    from qdplanner.ui.i18n import LANGUAGES

    assert tuple(LANGUAGES) == WINDOW_LANGUAGES


# sqlite-utils and what it brings (dateutil, decimal, pluggy), and numpy, which it imports
# when it can: a command that only reads a plan file needs none of them (issue 18: ~40 ms of
# qdplanner status), one that writes it loads sqlite-utils, still without numpy
WRITERS_ONLY = ["sqlite_utils", "dateutil", "decimal", "pluggy", "numpy"]
_LOADED_AFTER = (
    "import json, sys; from qdplanner.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
    "print(json.dumps(sorted(m for m in {watched} if m in sys.modules)), file=sys.stderr)"
)


def _loaded_after(args: list[str]) -> list[str]:
    import json
    import subprocess
    import sys

    code = _LOADED_AFTER.format(watched=WRITERS_ONLY)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stderr.strip().splitlines()[-1])


def test_reading_a_plan_file_imports_no_sqlite_utils(sample_template, tmp_path):
    assert _loaded_after(["status", str(sample_template), "--json"]) == []
    plan = tmp_path / "p.qdplan"
    plan.write_bytes(sample_template.read_bytes())
    written = _loaded_after(["settings", str(plan), "light.red_behind", "40"])
    assert "sqlite_utils" in written and "numpy" not in written
