"""The limits of what a plan holds: whole numbers, numbers, years, dates, text."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qdplanner.domain import limits
from qdplanner.domain.deadlines import DeadlineKind, parse_deadline
from qdplanner.domain.limits import (
    FIRST_DATE,
    LAST_DATE,
    MAX_INTEGER,
    MAX_MAGNITUDE,
    MAX_TEXT,
    MIN_INTEGER,
    check_date,
    check_integer,
    check_number,
    check_text,
    check_value,
    check_values,
    check_year,
    shown,
    value_problems,
)
from qdplanner.domain.periods import parse_period
from qdplanner.errors import ValidationError


def test_whole_numbers_are_sqlites_integers():
    assert check_integer(MAX_INTEGER) == MAX_INTEGER
    assert check_integer(MIN_INTEGER) == MIN_INTEGER
    for value in (MAX_INTEGER + 1, MIN_INTEGER - 1, 10**20, 10**400):
        with pytest.raises(ValidationError, match="whole number must be between") as refused:
            check_integer(value, "position")
        assert refused.value.field == "position"


def test_a_huge_whole_number_is_shown_short():
    assert shown(int(1e308)) == "1e+308"
    assert shown(10**5000) == "1e+308…"  # str() of 4,300 digits or more would raise
    assert len(shown("9" * 400)) == limits.SHOWN_CHARS
    with pytest.raises(ValidationError, match=r"\(got 100000000000000000000\)"):
        check_integer(10**20)


@pytest.mark.parametrize(
    "value", [math.inf, -math.inf, math.nan, 1e308, -1e16, MAX_MAGNITUDE + 1, 10**16]
)
def test_numbers_are_finite_and_of_a_sane_size(value):
    with pytest.raises(ValidationError, match="must be a number from") as refused:
        check_number(value, "target_value")
    assert refused.value.field == "target_value"


@pytest.mark.parametrize("value", [0, -1.5, 8683.2, MAX_MAGNITUDE, -MAX_MAGNITUDE, 1e15, 2**49])
def test_numbers_within_the_bound_pass(value):
    assert check_number(value) == value


def test_a_number_within_the_bound_fits_sqlite_and_stays_exact_as_a_float():
    # why 1e15: a whole float within it becomes an int SQLite stores, and loses nothing
    assert float(MAX_MAGNITUDE) < 2**53
    assert int(float(MAX_MAGNITUDE)) == MAX_MAGNITUDE <= MAX_INTEGER
    assert math.isfinite(MAX_MAGNITUDE - -MAX_MAGNITUDE)


def test_dates_run_from_1900_to_2100():
    assert check_date(FIRST_DATE) == FIRST_DATE and check_date(LAST_DATE) == LAST_DATE
    assert check_date(datetime(2100, 12, 31, 23, 59)) == datetime(2100, 12, 31, 23, 59)
    for day in (date(9999, 12, 31), date(2101, 1, 1), date(1899, 12, 31)):
        with pytest.raises(ValidationError, match="between 1900-01-01 and 2100-12-31") as refused:
            check_date(day, "due_date")
        assert day.isoformat() in str(refused.value)


def test_years_are_those_of_the_dates():
    assert check_year(1900) == 1900 and check_year(2100) == 2100
    for year in (1899, 2101, 9999):
        with pytest.raises(ValidationError, match="between 1900 and 2100"):
            check_year(year)


def test_deadlines_and_periods_keep_to_the_same_years():
    assert parse_deadline("2100年底前").due == LAST_DATE
    assert parse_deadline("2101年底前").kind == DeadlineKind.UNPARSED
    assert parse_deadline("9999-12-31").kind == DeadlineKind.UNPARSED
    assert parse_period("2100Q4").end == LAST_DATE
    with pytest.raises(ValidationError, match="not a reporting period"):
        parse_period("2101Q1")


def test_text_fits_a_workbook_cell():
    assert check_text("x" * MAX_TEXT) == "x" * MAX_TEXT
    with pytest.raises(ValidationError, match="32,768 characters long; at most 32,767"):
        check_text("x" * (MAX_TEXT + 1), "notes")


@pytest.mark.parametrize(
    ("text", "char", "position"),
    [
        ("\x00abc", "U+0000", 1),
        ("a\x01b", "U+0001", 2),
        ("a\x0bb", "U+000B", 2),
        ("ab\x1f", "U+001F", 3),
        ("a\ufffeb", "U+FFFE", 2),
        ("a\uffff", "U+FFFF", 2),
        ("a\ud800b", "U+D800", 2),
        ("\udfff", "U+DFFF", 1),
    ],
)
def test_control_characters_are_refused_naming_the_character(text, char, position):
    with pytest.raises(ValidationError) as refused:
        check_text(text, "title")
    message = str(refused.value)
    assert char in message and f"character {position})" in message
    assert refused.value.field == "title"
    assert "\ufffd" in message and not limits.CONTROL_CHARACTERS.search(message)


def test_tab_and_line_breaks_are_text():
    assert check_text("a\tb\nc\r\nd") == "a\tb\nc\r\nd"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=50))
def test_text_without_control_characters_passes(text):
    assert check_text(text) == text


def test_check_value_goes_by_type():
    assert check_value(True) is True  # a yes/no value is not a whole number
    assert check_value(None) is None
    assert check_value("ok") == "ok"
    for value in (10**20, math.inf, date(9999, 1, 1), "a\x00"):
        with pytest.raises(ValidationError):
            check_value(value)


def test_value_problems_name_each_field():
    problems = value_problems({"title": "a\x01", "percent": 5, "due_date": date(9999, 1, 1)})
    assert [p.field for p in problems] == ["title", "due_date"]


def test_check_values_names_the_record_when_asked():
    with pytest.raises(ValidationError) as refused:
        check_values({"name": "ok", "notes": "a\x02"}, "unit “市科技局”")
    assert refused.value.field == "notes"
    assert str(refused.value).startswith("unit “市科技局”: the text")
