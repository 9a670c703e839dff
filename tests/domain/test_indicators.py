"""Indicator rules: comparators at their boundaries, progress, the straight line, the trend."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.enums import Accumulation, Comparator, Direction, IndicatorLight, ValueKind
from qdplanner.domain.indicator_trend import assess, format_number, target_label, trend
from qdplanner.domain.indicators import (
    DEFAULT_INDICATOR_RULES,
    IndicatorRules,
    expected_value,
    indicator_light,
    known_at,
    meets_target,
    period_end,
    progress,
    time_point,
)
from qdplanner.domain.models import Indicator, IndicatorValue
from qdplanner.domain.periods import period_in_year
from qdplanner.errors import ValidationError

L = IndicatorLight


def val(year, value, period="", kind=ValueKind.ACTUAL, source_date=None):
    return IndicatorValue(None, 1, year, value, kind, period, source_date=source_date)


def ind(**kw) -> Indicator:
    """A cumulative higher-is-better ≥ indicator: 0 in 2020 → 100 by 2030 unless told."""
    fields = {
        "baseline_year": 2020,
        "baseline_value": 0.0,
        "target_year": 2030,
        "target_value": 100.0,
        "comparator": Comparator.GE,
        "direction": Direction.HIGHER,
    }
    return Indicator(None, 1, "指标", **{**fields, **kw})


# -- comparators ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "target", "comparator", "met"),
    [
        (300, 300, "gt", False),  # 超过300万: reaching 300 is not "more than"
        (300.01, 300, "gt", True),
        (10000, 10000, "ge", True),
        (9999.99, 10000, "ge", False),
        (9, 10, "about", True),  # 约10: ±10 %, ends included
        (11, 10, "about", True),
        (8.9, 10, "about", False),
        (11.1, 10, "about", True),  # higher is better: "about 10" exceeded is met (超额)
        (10, 10, "top_n", True),  # 前10位: rank 10 is in
        (11, 10, "top_n", False),
        (1, 10, "top_n", True),
        (44, 50, "share_ge", False),  # 占全省50%以上
        (50, 50, "share_ge", True),
        (10, 10, "le", True),
        (10.01, 10, "le", False),
        (10, 10, "lt", False),
        (9.99, 10, "lt", True),
        (5 + 1e-12, 5, "eq", True),
        (5.001, 5, "eq", False),
    ],
)
def test_comparators_mean_what_they_say_at_their_boundaries(value, target, comparator, met):
    assert meets_target(value, target, comparator) is met


def test_direction_does_not_change_a_comparator():
    assert meets_target(11, 10, "ge", Direction.LOWER)
    assert not meets_target(11, 10, "top_n", Direction.HIGHER)


def test_about_tolerance_is_a_rule_of_the_plan():
    loose = IndicatorRules(about_tolerance=0.2)
    assert meets_target(8.1, 10, "about", rules=loose)
    assert not meets_target(7.9, 10, "about", rules=loose)


def test_unknown_comparator_is_refused():
    with pytest.raises(ValueError):
        meets_target(1, 1, "roughly")


# -- rules -----------------------------------------------------------------------------


def test_rules_defaults_and_round_trip_ignoring_unknown_keys():
    assert DEFAULT_INDICATOR_RULES.off_track_gap == 0.25
    assert DEFAULT_INDICATOR_RULES.about_tolerance == 0.1
    rules = IndicatorRules(off_track_gap=0.4, about_tolerance=0.05)
    assert IndicatorRules.from_dict({**rules.to_dict(), "from_the_future": 1}) == rules
    assert IndicatorRules.from_dict(None) == DEFAULT_INDICATOR_RULES


@pytest.mark.parametrize("kw", [{"off_track_gap": -0.1}, {"about_tolerance": 1.0}])
def test_rules_refuse_nonsense(kw):
    with pytest.raises(ValueError):
        IndicatorRules(**kw)


# -- progress ----------------------------------------------------------------------------


def test_progress_of_a_rank_moving_toward_its_target():
    assert progress(69, 10, 34, Direction.LOWER) == pytest.approx((69 - 34) / (69 - 10))


def test_progress_without_baseline_is_latest_over_target_or_target_over_rank():
    assert progress(None, 10000, 8683) == pytest.approx(0.8683)
    assert progress(None, 10, 20, Direction.LOWER) == pytest.approx(0.5)
    assert progress(None, 10, 5, Direction.LOWER) == pytest.approx(2.0)


def test_progress_goes_past_one_when_exceeded_and_never_below_zero():
    assert progress(61.77, 65, 68.52) == pytest.approx(6.75 / 3.23)
    assert progress(50, 100, 40) == 0.0
    assert progress(69, 10, 80, Direction.LOWER) == 0.0


def test_progress_when_baseline_equals_target():
    assert progress(100, 100, 100) == 1.0
    assert progress(100, 100, 99) == 0.0
    assert progress(10, 10, 9, Direction.LOWER) == 1.0
    assert progress(10, 10, 11, Direction.LOWER) == 0.0


@pytest.mark.parametrize(
    ("baseline", "target", "latest"), [(1, None, 5), (1, 5, None), (None, 0, 5), (None, 10, 0)]
)
def test_progress_unknown_is_none(baseline, target, latest):
    direction = Direction.LOWER if latest == 0 else Direction.HIGHER
    assert progress(baseline, target, latest, direction) is None


# -- periods and dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "code"),
    [
        ("", "2025"),
        ("H1", "2025H1"),
        ("2025H1", "2025H1"),
        ("2025h2", "2025H2"),
        ("Q3", "2025Q3"),
        ("2024Q1", "2024Q1"),
        ("2025-09", "2025-09"),
        ("M9", "2025-09"),
        ("09", "2025-09"),
        ("2025年第三季度", "2025Q3"),  # as progress periods are written
    ],
)
def test_periods_of_a_value_of_2025_are_read_by_the_one_period_reader(period, code):
    assert period_in_year(period, 2025).code == code


@pytest.mark.parametrize("period", ["上半年", "Q5", "2025-13", "H3"])
def test_unreadable_period_is_refused_but_never_breaks_judging(period):
    with pytest.raises(ValidationError, match="is not a half"):
        period_in_year(period, 2025)
    assert time_point(2025, period) == 2025.0


def test_a_whole_year_value_is_later_than_a_part_year_one_of_the_same_year():
    assert time_point(2025, "2025H1") == 2024.5
    assert time_point(2024) < time_point(2025, "2025H1") < time_point(2025)
    assert period_end(2025, "Q3") == date(2025, 9, 30)
    assert period_end(2024, "2024-02") == date(2024, 2, 29)


def test_values_not_yet_known_at_the_as_of_date_are_ignored():
    published = val(2025, 8683, source_date=date(2025, 12, 4))
    undated = val(2025, 1)  # known from the end of its year
    plan_target = val(2026, 9000, kind=ValueKind.TARGET)
    assert known_at([published, undated, plan_target], date(2025, 12, 3)) == [plan_target]
    assert known_at([published, undated], date(2025, 12, 4)) == [published]
    assert known_at([published, undated], date(2025, 12, 31)) == [published, undated]


# -- the light: straight line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "light"),
    [
        (50, L.ON_TRACK),  # exactly on the line (expected 50 in 2025)
        (60, L.ON_TRACK),
        (49.99, L.BEHIND),
        (25, L.BEHIND),  # behind by exactly a quarter of the distance
        (24.99, L.OFF_TRACK),
        (100, L.ACHIEVED),
    ],
)
def test_straight_line_boundaries(latest, light):
    assert indicator_light(ind(), [val(2025, latest)], 2025) == light


@pytest.mark.parametrize(
    ("rank", "light"), [(39.5, L.ON_TRACK), (40, L.BEHIND), (54.25, L.BEHIND), (54.3, L.OFF_TRACK)]
)
def test_straight_line_for_a_rank_lower_is_better(rank, light):
    rank_ind = ind(
        baseline_value=69.0,
        target_value=10.0,
        comparator=Comparator.TOP_N,
        direction=Direction.LOWER,
    )
    assert expected_value(rank_ind, [], 2025) == pytest.approx(39.5)
    assert indicator_light(rank_ind, [val(2025, rank)], 2025) == light


def test_off_track_gap_is_a_rule_of_the_plan():
    assert indicator_light(ind(), [val(2025, 20)], 2025) == L.OFF_TRACK
    assert indicator_light(ind(), [val(2025, 20)], 2025, IndicatorRules(off_track_gap=0.5)) == (
        L.BEHIND
    )


def test_a_part_year_value_is_judged_at_the_end_of_its_period():
    # mid-2025 is 4.5 years into the 10: expected 45, so 46 is on track, though not for 2025.
    assert indicator_light(ind(), [val(2025, 46, "2025H1")], 2025) == L.ON_TRACK
    assert indicator_light(ind(), [val(2025, 46)], 2025) == L.BEHIND


def test_yearly_target_values_bend_the_path():
    values = [val(2022, 80, kind=ValueKind.TARGET), val(2022, 70)]
    assert expected_value(ind(), values, 2022) == 80
    assert expected_value(ind(), values, 2026) == pytest.approx(90)
    assert indicator_light(ind(), values, 2022) == L.BEHIND
    assert indicator_light(ind(), [val(2022, 70)], 2022) == L.ON_TRACK  # straight: 20 expected


def test_path_is_flat_before_its_start_and_after_its_target():
    assert expected_value(ind(), [], 2018) == 0
    assert expected_value(ind(), [], 2035) == 100


def test_without_baseline_the_earliest_actual_starts_the_line():
    no_base = ind(baseline_year=None, baseline_value=None)
    values = [val(2020, 0), val(2025, 40)]
    assert indicator_light(no_base, values, 2025) == L.BEHIND
    assert indicator_light(no_base, [val(2020, 0), val(2025, 50)], 2025) == L.ON_TRACK


def test_without_baseline_one_actual_cannot_be_judged_against_a_line():
    no_base = ind(baseline_year=2020, baseline_value=None, target_value=10000.0, target_year=2026)
    assert indicator_light(no_base, [val(2025, 8683)], 2025) == L.NO_BASELINE  # 无基期
    assert indicator_light(no_base, [], 2025) == L.NO_DATA


def test_about_is_exceeded_only_in_the_better_direction():
    assert meets_target(12, 10, "about", "higher")
    assert not meets_target(12, 10, "about", "lower")  # a rank of "about 10th": 12th is worse
    assert not meets_target(8.9, 10, "about", "higher")


def test_at_the_target_value_but_short_of_more_than_is_on_track_not_achieved():
    talent = ind(baseline_value=None, target_value=300.0, target_year=2026, comparator="gt")
    assert indicator_light(talent, [val(2025, 300)], 2025) == L.ON_TRACK
    assert indicator_light(talent, [val(2025, 300.5)], 2025) == L.ACHIEVED


def test_target_year_passed_and_unmet_is_off_track_however_close():
    labs = ind(baseline_value=None, target_value=50.0, target_year=2024, comparator="share_ge")
    assert indicator_light(labs, [val(2025, 44)], 2025) == L.OFF_TRACK
    assert indicator_light(labs, [val(2023, 49.9)], 2025) == L.OFF_TRACK
    assert indicator_light(labs, [val(2024, 49.9)], 2024) == L.OFF_TRACK  # its own year, unmet
    assert indicator_light(labs, [val(2025, 50)], 2025) == L.ACHIEVED


def test_no_target_or_no_actual_is_no_data():
    assert indicator_light(ind(target_value=None), [val(2025, 5)], 2025) == L.NO_DATA
    assert indicator_light(ind(), [], 2025) == L.NO_DATA
    assert indicator_light(ind(), [val(2025, None)], 2025) == L.NO_DATA


# -- the light: annual rates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("growth", "light"),
    [(11.6, L.ACHIEVED), (10, L.ACHIEVED), (9, L.BEHIND), (7.5, L.BEHIND), (7.4, L.OFF_TRACK)],
)
def test_annual_rates_are_judged_on_the_latest_value_not_a_line(growth, light):
    rd = ind(
        baseline_year=None,
        baseline_value=None,
        target_value=10.0,
        target_year=2026,
        accumulation=Accumulation.ANNUAL,
    )
    assert indicator_light(rd, [val(2022, 1), val(2025, growth)], 2025) == light


def test_annual_and_cumulative_differ_on_the_same_numbers():
    # 5 in 2022 against 0 → 10 over 2020–2030: ahead of the line (expected 2), but half the rate.
    cumulative = ind(target_value=10.0)
    annual = ind(target_value=10.0, accumulation=Accumulation.ANNUAL)
    assert indicator_light(cumulative, [val(2022, 5)], 2022) == L.ON_TRACK
    assert indicator_light(annual, [val(2022, 5)], 2022) == L.OFF_TRACK


def test_about_overshot_when_higher_is_better_is_achieved_not_red():
    """The rule for "about N" (约N个): met within ±10 %, and met when exceeded if higher is
    better — 12 parks against "about 10" is 超额完成, not 严重滞后."""
    parks = ind(baseline_value=0.0, target_value=10.0, target_year=2024, comparator="about")
    assert indicator_light(parks, [val(2023, 12)], 2023) == L.ACHIEVED
    assert indicator_light(parks, [val(2025, 12)], 2025) == L.ACHIEVED  # after the target year
    assert indicator_light(parks, [val(2023, 11)], 2023) == L.ACHIEVED
    rank = ind(
        baseline_value=20.0,
        target_value=10.0,
        target_year=2026,
        comparator="about",
        direction="lower",
    )
    assert indicator_light(rank, [val(2023, 8)], 2023) == L.ACHIEVED  # better than about 10th


# -- trend -------------------------------------------------------------------------------


def test_trend_pace_and_year_reached():
    t = trend([val(2020, 100), val(2025, 200)], 300, 2030)
    assert t.pace == pytest.approx(20)
    assert t.needed_pace == pytest.approx(20)
    assert t.reached_year == 2030
    assert (
        t.describe("zh")
        == "按2020—2025年的速度，预计2030年达到目标；需每年增加20才能在2030年达到目标"
    )
    assert t.describe("en").startswith("at the 2020–2025 pace the target is reached in 2030")


def test_trend_reached_after_the_target_year_says_so():
    t = trend([val(2020, 100), val(2025, 200)], 300, 2027, unit="家")
    assert t.reached_year == 2030 and t.needed_pace == pytest.approx(50)
    assert "预计2030年达到目标，晚于目标年2027年" in t.describe("zh")
    assert "需每年增加50家才能在2027年达到目标" in t.describe("zh")
    assert "reached in 2030, after 2027" in t.describe("en")
    assert "+50 家 a year" in t.describe("en")


@pytest.mark.parametrize("latest", [100, 50])
def test_trend_never_reaches_when_flat_or_moving_away(latest):
    t = trend([val(2020, 100), val(2025, latest)], 300, 2030)
    assert t.reached_year is None
    assert "无法达到目标" in t.describe("zh")
    assert "is not reached" in t.describe("en")


def test_trend_respects_strict_comparators():
    values = [val(2020, 0), val(2025, 250)]  # 50 a year: exactly 300 in 2026
    assert trend(values, 300, 2030, comparator="ge").reached_year == 2026
    assert trend(values, 300, 2030, comparator="gt").reached_year == 2027


def test_trend_of_a_rank():
    t = trend([val(2020, 69), val(2025, 34)], 10, 2030, Direction.LOWER, comparator="top_n")
    assert t.pace == pytest.approx(-7)
    assert t.reached_year == 2029  # 27, 20, 13, 6
    assert t.needed_pace == pytest.approx(-24 / 5)


def test_trend_about_counts_a_pace_that_jumps_over_the_band():
    t = trend([val(2024, 0), val(2025, 7)], 10, 2030, comparator="about")
    assert t.reached_year == 2026  # 14 overshoots 9–11, but the target was passed


def test_trend_starts_at_the_baseline_when_older_than_every_actual():
    t = trend([val(2025, 34)], 10, 2030, Direction.LOWER, baseline_year=2020, baseline_value=69)
    assert t.first_year == 2020 and t.pace == pytest.approx(-7)


def test_trend_with_a_part_year_latest_uses_its_period_end():
    t = trend([val(2020, 61.77), val(2025, 68.52, "2025H1")], 70, 2026)
    assert t.pace == pytest.approx(6.75 / 4.5)


def test_trend_with_one_actual_has_no_pace_but_says_what_is_needed():
    t = trend([val(2025, 8683)], 10000, 2026, comparator="gt", unit="家")
    assert t.pace is None and t.reached_year is None
    assert t.needed_pace == pytest.approx(1317)
    assert (
        t.describe("zh") == "仅有一个实际值，尚无法计算速度；需每年增加1317家才能在2026年达到目标"
    )


def test_trend_at_the_target_of_a_more_than_says_it_must_move_past():
    t = trend([val(2025, 300)], 300, 2026, comparator="gt", unit="万人")
    assert t.needed_pace == 0
    assert "需在2026年前超越300万人" in t.describe("zh")


def test_trend_met_passed_empty_and_without_target():
    assert trend([val(2025, 11.6)], 10, 2026).describe("zh") == "已达到目标（2025年）"
    passed = trend([val(2025, 44)], 50, 2024, comparator="share_ge", as_of_year=2025)
    assert passed.needed_pace is None and passed.describe("zh").endswith("目标年2024年已过")
    assert trend([], 10, 2026).describe("en") == "no actual values yet"
    rank = trend([val(2020, 69), val(2025, 34)], None, None, Direction.LOWER, unit="位次")
    assert rank.describe("zh") == "2020—2025年平均每年减少7位次"
    assert rank.describe("en") == "2020–2025: −7 位次 a year on average"
    assert trend([val(2025, 5)], None, None).describe("zh") == "无目标值"


# -- assess, labels ----------------------------------------------------------------------


def test_assess_takes_the_latest_known_value_whole_year_over_part_year():
    share = ind(baseline_year=2020, baseline_value=61.77, target_value=65.0, target_year=2026)
    values = [
        val(2020, 61.77),
        val(2025, 68.52, "2025H1", source_date=date(2025, 12, 4)),
        val(2025, 64.0),  # whole-year 2025: later than the half-year
        val(2026, 70.0, source_date=date(2027, 1, 20)),  # not yet published
    ]
    a = assess(share, values, date(2025, 12, 31))
    assert (a.latest.value, a.latest.period) == (64.0, "")
    assert a.light == L.BEHIND  # the line expects 61.77 + 5/6 × 3.23 ≈ 64.46 in 2025
    assert a.progress == pytest.approx((64.0 - 61.77) / 3.23)
    half_year_only = assess(share, values[:2], date(2025, 12, 31))
    assert half_year_only.latest.value == 68.52 and half_year_only.light == L.ACHIEVED
    assert assess(share, values, date(2027, 1, 20)).latest.value == 70.0
    before_publication = assess(share, values[1:], date(2025, 12, 3))
    assert before_publication.latest is None and before_publication.light == L.NO_DATA


def test_labels_for_tables():
    assert target_label("gt", 10000, "家") == ">10000家"
    assert target_label("top_n", 10, "位次") == "前10位"
    assert target_label("about", 10, "个") == "≈10个"
    assert target_label("ge", None) == "—"
    assert [format_number(x) for x in (68.52, 3.2, 10000.0, 0.001, -7)] == [
        "68.52",
        "3.2",
        "10000",
        "0",
        "-7",
    ]
