from datetime import date, timedelta

import pytest

from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.status_light import (
    DEFAULT_RULES,
    LightRules,
    expected_percent,
    status_light,
)

START = date(2024, 1, 1)
DUE = date(2024, 12, 31)  # 366 days (leap year), inclusive
MID = date(2024, 7, 1)  # day 183 of 366 → 50 % expected


def light(
    percent,
    as_of,
    *,
    status=TaskStatus.IN_PROGRESS,
    start=START,
    due=DUE,
    rules=DEFAULT_RULES,
    was_behind=False,
):
    return status_light(
        status=status,
        percent=percent,
        start=start,
        due=due,
        as_of=as_of,
        rules=rules,
        was_behind=was_behind,
    )


def test_expected_percent_is_half_at_mid_span():
    assert expected_percent(START, DUE, MID) == pytest.approx(50.0)


def test_expected_percent_is_clamped_before_start_and_after_due():
    assert expected_percent(START, DUE, START - timedelta(days=5)) == 0
    assert expected_percent(START, DUE, DUE) == 100
    assert expected_percent(START, DUE, DUE + timedelta(days=5)) == 100


def test_done_status_is_done_even_when_overdue():
    assert light(40, DUE + timedelta(days=400), status=TaskStatus.DONE) == StatusLight.DONE


def test_hundred_percent_counts_as_done():
    assert light(100, MID) == StatusLight.DONE


def test_due_date_passed_and_not_done_is_red():
    assert light(99, DUE + timedelta(days=1)) == StatusLight.RED


def test_on_the_due_date_itself_a_task_is_not_yet_overdue():
    # 100 % expected on the due day: 95 % done lags 5 points → still green
    assert light(95, DUE) == StatusLight.GREEN


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (50, StatusLight.GREEN),  # on schedule
        (40.01, StatusLight.GREEN),  # 9.99 points behind
        (40, StatusLight.YELLOW),  # exactly 10 points behind: yellow threshold is inclusive
        (20.01, StatusLight.YELLOW),  # 29.99 behind
        (20, StatusLight.RED),  # exactly 30 behind: red
        (0, StatusLight.RED),
    ],
)
def test_lag_thresholds_at_their_boundaries(percent, expected):
    assert light(percent, MID) == expected


def test_not_yet_started_is_grey():
    assert light(0, START - timedelta(days=1)) == StatusLight.GREY


def test_no_due_date_is_grey_ongoing():
    assert light(10, MID, due=None) == StatusLight.GREY


@pytest.mark.parametrize("status", [TaskStatus.SUSPENDED, TaskStatus.CANCELLED])
def test_suspended_and_cancelled_are_grey(status):
    assert light(0, DUE + timedelta(days=30), status=status) == StatusLight.GREY


def test_without_start_date_only_the_due_date_matters():
    assert light(0, MID, start=None) == StatusLight.GREEN
    assert light(0, DUE + timedelta(days=1), start=None) == StatusLight.RED


def test_office_thresholds_change_the_light():
    strict = LightRules(yellow_behind=5, red_behind=15)
    assert light(44, MID, rules=strict) == StatusLight.YELLOW  # 6 behind
    assert light(34, MID, rules=strict) == StatusLight.RED  # 16 behind
    assert light(44, MID) == StatusLight.GREEN  # default rule: 6 behind is fine


def test_blue_marks_due_soon_only_when_turned_on():
    rules = LightRules(blue_within_days=30)
    soon = DUE - timedelta(days=30)
    assert light(95, soon, rules=rules) == StatusLight.BLUE
    assert light(95, soon - timedelta(days=1), rules=rules) == StatusLight.GREEN
    assert light(95, soon) == StatusLight.GREEN


def test_behind_beats_blue():
    rules = LightRules(blue_within_days=30)
    assert light(50, DUE - timedelta(days=10), rules=rules) == StatusLight.RED


def test_sticky_yellow_keeps_a_late_recovery_visible():
    rules = LightRules(sticky_yellow=True)
    assert light(50, MID, rules=rules, was_behind=True) == StatusLight.YELLOW
    assert light(50, MID, rules=rules, was_behind=False) == StatusLight.GREEN
    assert light(50, MID, was_behind=True) == StatusLight.GREEN


def test_rules_refuse_inverted_thresholds():
    with pytest.raises(ValueError, match="yellow"):
        LightRules(yellow_behind=40, red_behind=30)


def test_rules_round_trip_through_settings_and_ignore_unknown_keys():
    rules = LightRules(yellow_behind=5, red_behind=20, blue_within_days=14)
    assert LightRules.from_dict({**rules.to_dict(), "future_option": 1}) == rules
    assert LightRules.from_dict(None) == DEFAULT_RULES


# --- as it stood at a past date (issue 16, item 1) ---


def test_the_report_that_says_how_a_task_stood_is_the_last_ended_by_that_day():
    from qdplanner.domain.status_light import report_standing_at

    q3 = (date(2024, 7, 1), date(2024, 9, 30), "in_progress", 60)
    q4 = (date(2024, 10, 1), date(2024, 12, 31), "in_progress", 90)
    year = (date(2024, 1, 1), date(2024, 12, 31), "in_progress", 85)
    later = (date(2025, 7, 1), date(2025, 9, 30), "in_progress", 92)
    reports = [later, year, q3, q4]
    assert report_standing_at(reports, date(2024, 12, 31)) == q4  # the quarter, not the year
    assert report_standing_at(reports, date(2024, 12, 30)) == q3  # Q4 had not ended yet
    assert report_standing_at(reports, date(2024, 9, 29)) is None
    assert report_standing_at(reports, date(2026, 1, 1)) == later


def test_without_a_record_the_past_is_not_borrowed_from_today():
    from qdplanner.domain.status_light import light_without_record

    day = date(2024, 12, 31)
    assert light_without_record(start=date(2023, 1, 1), due=date(2025, 6, 30), as_of=day) == (
        StatusLight.NO_RECORD
    )
    assert light_without_record(start=date(2025, 1, 1), due=date(2025, 6, 30), as_of=day) == (
        StatusLight.GREY  # not started by then: the dates say so
    )
    assert light_without_record(start=None, due=None, as_of=day) == StatusLight.GREY
