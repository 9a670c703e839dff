"""The ``qdplanner`` entry point: which arguments start the window at once, which go to click."""

from __future__ import annotations

import pytest

from qdplanner.cli import COMMAND_NAMES, window_request
from qdplanner.cli.commands import cli


def test_the_command_names_known_to_the_quick_start_are_the_click_group_s():
    assert set(cli.commands) == COMMAND_NAMES


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
