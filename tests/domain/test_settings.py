"""The plan settings table and the sticky-yellow rule ("keep a late recovery yellow")."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain import settings
from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.indicators import IndicatorRules
from qdplanner.domain.status_light import DEFAULT_RULES, LightRules, status_light, was_behind
from qdplanner.errors import ValidationError

START, DUE = date(2024, 1, 1), date(2024, 12, 31)
Q1_END, Q2_END, Q3_END = date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30)
STICKY = LightRules(sticky_yellow=True)


# -- sticky yellow -------------------------------------------------------------------------
def test_a_report_that_found_the_task_behind_makes_it_was_behind():
    # 30 March: about 25 % expected; 5 % reported is 20 points behind (yellow)
    reports = [(Q1_END, TaskStatus.IN_PROGRESS, 5), (Q2_END, TaskStatus.IN_PROGRESS, 60)]
    assert was_behind(reports, start=START, due=DUE, rules=STICKY)


def test_reports_on_track_each_time_are_not_behind():
    reports = [(Q1_END, TaskStatus.IN_PROGRESS, 25), (Q2_END, TaskStatus.IN_PROGRESS, 50)]
    assert not was_behind(reports, start=START, due=DUE, rules=STICKY)
    assert not was_behind([], start=START, due=DUE, rules=STICKY)


def test_behind_is_judged_by_the_plans_thresholds():
    reports = [(Q2_END, TaskStatus.IN_PROGRESS, 40)]  # about 10 points behind at 30 June
    assert was_behind(reports, start=START, due=DUE, rules=LightRules(yellow_behind=5))
    assert not was_behind(
        reports, start=START, due=DUE, rules=LightRules(yellow_behind=20, red_behind=40)
    )


def test_a_report_after_the_due_date_and_not_done_was_behind():
    late = [(date(2025, 3, 31), TaskStatus.IN_PROGRESS, 90)]
    assert was_behind(late, start=START, due=DUE, rules=STICKY)


def test_a_suspended_report_was_not_behind():
    reports = [(Q2_END, TaskStatus.SUSPENDED, 0)]
    assert not was_behind(reports, start=START, due=DUE, rules=STICKY)


def light_now(percent, *, rules=STICKY, behind=True, status=TaskStatus.IN_PROGRESS):
    return status_light(
        status=status, percent=percent, start=START, due=DUE, as_of=Q3_END,
        rules=rules, was_behind=behind,
    )  # fmt: skip


def test_a_late_recovery_stays_yellow_until_done_only_when_the_plan_says_so():
    assert light_now(80) == StatusLight.YELLOW  # caught up (75 % expected), was behind
    assert light_now(80, rules=DEFAULT_RULES) == StatusLight.GREEN
    assert light_now(80, behind=False) == StatusLight.GREEN
    assert light_now(100) == StatusLight.DONE
    assert light_now(40) == StatusLight.RED  # behind now: its own light
    assert light_now(80, status=TaskStatus.CANCELLED) == StatusLight.GREY


def test_sticky_yellow_wins_over_blue():
    rules = LightRules(sticky_yellow=True, blue_within_days=120)
    assert light_now(80, rules=rules) == StatusLight.YELLOW
    assert light_now(80, rules=rules, behind=False) == StatusLight.BLUE


# -- the settings table ----------------------------------------------------------------------
def test_every_setting_has_a_label_help_and_a_valid_default():
    assert settings.check_settings({}) == settings.DEFAULTS
    for s in settings.SETTINGS:
        assert s.label and s.help and s.group
        assert "." in s.key


def test_the_defaults_are_the_rules_defaults():
    values = settings.DEFAULTS
    assert settings.light_rules(values) == DEFAULT_RULES
    assert settings.light_values(DEFAULT_RULES) == {
        k: v for k, v in values.items() if k.startswith("light.")
    }
    assert settings.indicator_values(IndicatorRules()) == {"indicator.off_track_gap": 25.0}


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("light.yellow_behind", "12.5", 12.5),
        ("light.red_behind", " 40 ", 40.0),
        ("light.blue_days", "14", 14),
        ("light.blue_days", "off", None),
        ("light.blue_days", "关", None),
        ("light.sticky_yellow", "yes", True),
        ("light.sticky_yellow", "否", False),
        ("indicator.off_track_gap", "30", 30.0),
        ("report.office", " 青岛市科学技术局 ", "青岛市科学技术局"),
        ("evidence.max_mb", "25", 25),
    ],
)
def test_typed_values_are_read(key, text, value):
    assert settings.parse_value(key, text) == value


@pytest.mark.parametrize(
    ("key", "text", "words"),
    [
        ("light.yellow_behind", "120", "light.yellow_behind must be a number from 0 to 100"),
        ("light.yellow_behind", "nan", "from 0 to 100"),
        ("light.yellow_behind", "ten", "(got “ten”)"),
        ("light.blue_days", "2.5", "whole number of days from 0 to 366, or off"),
        ("light.blue_days", "-1", "light.blue_days"),
        ("light.sticky_yellow", "maybe", "light.sticky_yellow must be yes or no"),
        ("evidence.max_mb", "0", "evidence.max_mb must be a whole number from 1 to 500"),
        ("report.office", "办" * 201, "report.office must be at most 200 characters"),
        ("report.office", "科技局\x07", "control characters"),
    ],
)
def test_bad_values_are_refused_naming_the_key_and_the_range(key, text, words):
    with pytest.raises(ValidationError) as refused:
        settings.parse_value(key, text)
    assert words in str(refused.value)
    assert refused.value.field == key


def test_an_unknown_key_is_refused_with_the_keys_there_are():
    with pytest.raises(ValidationError, match=r"“light\.green” is not a plan setting.*light\.red"):
        settings.parse_value("light.green", "5")


def test_yellow_may_not_be_above_red():
    with pytest.raises(
        ValidationError, match=r"light.yellow_behind \(40\).*light.red_behind \(30\)"
    ):
        settings.check_settings({"light.yellow_behind": 40})
    values = settings.check_settings({"light.yellow_behind": 30, "light.red_behind": 30})
    assert settings.light_rules(values) == LightRules(yellow_behind=30, red_behind=30)


def test_a_stored_value_out_of_bounds_does_not_block_another_change():
    stored = {**settings.DEFAULTS, "evidence.max_mb": 1024 / 1048576}  # an older plan's 1 KB
    checked = settings.check_settings({**stored, "light.blue_days": 7}, keys=["light.blue_days"])
    assert checked["light.blue_days"] == 7


def test_values_read_as_words():
    assert settings.value_text("light.yellow_behind", 10.0) == "10 points"
    assert settings.value_text("light.yellow_behind", 12.5) == "12.5 points"
    assert settings.value_text("light.blue_days", None) == "off"
    assert settings.value_text("light.sticky_yellow", True) == "yes"
    assert settings.value_text("indicator.off_track_gap", 25.0) == "25%"
    assert settings.value_text("evidence.max_mb", 10) == "10 MB"
