"""Deadline phrases (完成时限): what is read, what is refused, and that nothing is guessed."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qdplanner.domain.deadlines import (
    Deadline,
    DeadlineKind,
    deadline_agrees,
    follow_due,
    month_end,
    parse_deadline,
    quarter_end,
)
from qdplanner.domain.limits import FIRST_DATE, LAST_DATE

FIXED = DeadlineKind.FIXED
D = date


def assert_fixed(text: str, due: date, start: date | None = None) -> None:
    assert parse_deadline(text) == Deadline(text, FIXED, due, start=start)


def assert_unparsed(text: str) -> None:
    result = parse_deadline(text)
    assert result == Deadline(text, DeadlineKind.UNPARSED, None)
    assert result.text is text
    assert not result.is_parsed


# --- exact days ---


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2024-12-31", D(2024, 12, 31)),
        ("2024-01-05", D(2024, 1, 5)),
        ("2024年12月31日", D(2024, 12, 31)),
        ("2024年6月30日", D(2024, 6, 30)),
        ("2024年06月03日", D(2024, 6, 3)),
        ("2024.6.30", D(2024, 6, 30)),
        ("2024/6/30", D(2024, 6, 30)),
        ("2024-6-30", D(2024, 6, 30)),
        ("2024年6月30日前", D(2024, 6, 30)),
        ("2024年6月30日以前", D(2024, 6, 30)),
        ("2024年6月30日之前", D(2024, 6, 30)),
        ("2024年6月30日前完成", D(2024, 6, 30)),
        ("2024年2月29日", D(2024, 2, 29)),
    ],
)
def test_exact_day_is_due_that_day(text: str, due: date) -> None:
    assert_fixed(text, due)


@pytest.mark.parametrize("text", ["2024.6/30", "2024-6.30", "2024年6.30", "2024年6月30"])
def test_day_with_mixed_separators_is_unparsed(text: str) -> None:
    assert_unparsed(text)


# --- months ---


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2024年12月", D(2024, 12, 31)),
        ("2023年6月底前", D(2023, 6, 30)),
        ("2023年6月底", D(2023, 6, 30)),
        ("2023年6月前", D(2023, 6, 30)),
        ("2023年6月末", D(2023, 6, 30)),
        ("2023年6月末前", D(2023, 6, 30)),
        ("2023年06月", D(2023, 6, 30)),
        ("2023年4月底前完成", D(2023, 4, 30)),
        ("2023年1月", D(2023, 1, 31)),
    ],
)
def test_month_phrase_is_due_on_the_last_day_of_that_month(text: str, due: date) -> None:
    assert_fixed(text, due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2024年2月", D(2024, 2, 29)),
        ("2000年2月底前", D(2000, 2, 29)),
        ("2023年2月", D(2023, 2, 28)),
        ("2100年2月", D(2100, 2, 28)),
    ],
)
def test_february_end_follows_leap_years(text: str, due: date) -> None:
    assert_fixed(text, due)


# --- years, halves, quarters ---


@pytest.mark.parametrize(
    "text",
    [
        "2022年",
        "2022年底前",
        "2022年底",
        "2022年末",
        "2022年末前",
        "2022年前",
        "2022年以前",
        "2022年之前",
        "2022年内",
        "2022年度",
        "2022年年底前",
        "2022年年末",
        "2022年底前完成",
        "2022",
    ],
)
def test_year_end_phrase_is_due_on_december_31(text: str) -> None:
    assert_fixed(text, D(2022, 12, 31))


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2023年上半年", D(2023, 6, 30)),
        ("2023年下半年", D(2023, 12, 31)),
        ("2023上半年", D(2023, 6, 30)),
        ("2023年上半年前", D(2023, 6, 30)),
        ("2023年下半年底前", D(2023, 12, 31)),
    ],
)
def test_half_year_is_due_at_the_end_of_june_or_december(text: str, due: date) -> None:
    assert_fixed(text, due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2023年一季度", D(2023, 3, 31)),
        ("2023年第一季度", D(2023, 3, 31)),
        ("2023年第1季度", D(2023, 3, 31)),
        ("2023年Q1", D(2023, 3, 31)),
        ("2023Q1", D(2023, 3, 31)),
        ("2023q1", D(2023, 3, 31)),
        ("2023年二季度", D(2023, 6, 30)),
        ("2023年第2季度", D(2023, 6, 30)),
        ("2023年第三季度", D(2023, 9, 30)),
        ("2023年3季度", D(2023, 9, 30)),
        ("2023年Q3", D(2023, 9, 30)),
        ("2023年第四季度", D(2023, 12, 31)),
        ("2023Q4", D(2023, 12, 31)),
        ("2023年第三季度末", D(2023, 9, 30)),
        ("2023年第三季度前", D(2023, 9, 30)),
        ("2023年三季度底前完成", D(2023, 9, 30)),
    ],
)
def test_quarter_is_due_on_the_last_day_of_that_quarter(text: str, due: date) -> None:
    assert_fixed(text, due)


@pytest.mark.parametrize("text", ["2023年第五季度", "2023年第0季度", "2023Q5", "2023年第十季度"])
def test_impossible_quarter_is_unparsed(text: str) -> None:
    assert_unparsed(text)


# --- ranges ---


@pytest.mark.parametrize(
    "text",
    [
        "2022—2024年",  # em dash
        "2022-2024年",  # hyphen-minus
        "2022–2024年",  # en dash
        "2022―2024年",  # horizontal bar
        "2022－2024年",  # full-width hyphen-minus
        "2022～2024年",  # full-width tilde
        "2022〜2024年",  # wave dash
        "2022~2024年",  # tilde
        "2022至2024年",
        "2022年—2024年",
        "2022年至2024年",
        "2022——2024年",  # doubled em dash
        "2022 — 2024 年",
        "2022—2024年底前",
        "2022—2024年底前完成",
        "2022-2024",
    ],
)
def test_year_range_starts_on_january_1_and_is_due_on_december_31(text: str) -> None:
    assert_fixed(text, D(2024, 12, 31), start=D(2022, 1, 1))


@pytest.mark.parametrize(
    ("text", "start", "due"),
    [
        ("2024—2024年", D(2024, 1, 1), D(2024, 12, 31)),
        ("2022年6月—2024年6月", D(2022, 6, 1), D(2024, 6, 30)),
        ("2023年第二季度—2023年第四季度", D(2023, 4, 1), D(2023, 12, 31)),
        ("2023年下半年至2024年上半年", D(2023, 7, 1), D(2024, 6, 30)),
        ("2024-01-15—2024-03-31", D(2024, 1, 15), D(2024, 3, 31)),
        ("2024-01-15-2024-03-31", D(2024, 1, 15), D(2024, 3, 31)),
    ],
)
def test_range_of_any_two_periods_runs_from_first_day_to_last_day(
    text: str, start: date, due: date
) -> None:
    assert_fixed(text, due, start=start)


@pytest.mark.parametrize(
    "text", ["2024—2022年", "2024年12月—2024年6月", "2022年底—2024年", "2022—", "—2024年"]
)
def test_backwards_or_incomplete_range_is_unparsed(text: str) -> None:
    assert_unparsed(text)


# --- ongoing and recurring ---


@pytest.mark.parametrize(
    "text",
    ["长期坚持", "持续推进", "长期", "持续", "持续开展", "常态化推进", "长期坚持。", " 持续推进 "],
)
def test_ongoing_wording_has_no_duedate(text: str) -> None:
    assert parse_deadline(text) == Deadline(text, DeadlineKind.ONGOING, None)


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("每年", "yearly"),
        ("每年度", "yearly"),
        ("每年12月底前", "yearly"),
        ("每年年底", "yearly"),
        ("每半年", "half_yearly"),
        ("每季度", "quarterly"),
        ("每个季度", "quarterly"),
        ("每季度末", "quarterly"),
        ("每月", "monthly"),
        ("每个月", "monthly"),
        ("每月底前", "monthly"),
    ],
)
def test_recurring_wording_has_recurrence_and_no_duedate(text: str, recurrence: str) -> None:
    result = parse_deadline(text)
    assert result == Deadline(text, DeadlineKind.RECURRING, None, recurrence=recurrence)
    assert result.is_parsed


# --- normalisation, text kept verbatim ---


@pytest.mark.parametrize(
    ("text", "due", "start"),
    [
        ("２０２４年６月", D(2024, 6, 30), None),
        ("２０２４年１２月３１日", D(2024, 12, 31), None),
        ("２０２２—２０２４年", D(2024, 12, 31), D(2022, 1, 1)),
        ("２０２２－２０２４年", D(2024, 12, 31), D(2022, 1, 1)),
        ("2024．6．30", D(2024, 6, 30), None),
        ("２０２３Ｑ３", D(2023, 9, 30), None),
        ("２０２３ｑ３", D(2023, 9, 30), None),
    ],
)
def test_full_width_digits_and_punctuation_are_read_and_text_is_kept(
    text: str, due: date, start: date | None
) -> None:
    result = parse_deadline(text)
    assert result == Deadline(text, FIXED, due, start=start)
    assert result.text is text


@pytest.mark.parametrize(
    "text",
    ["  2024年6月  ", "\t2024年6月\n", "\u30002024年6月\u3000", "2024年6月。", " 2024 年 6 月。 "],
)
def test_surrounding_whitespace_and_trailing_full_stop_are_ignored_but_kept(text: str) -> None:
    result = parse_deadline(text)
    assert result.text == text
    assert (result.kind, result.due) == (FIXED, D(2024, 6, 30))


@pytest.mark.parametrize(
    ("text", "expected"), [(None, ""), ("", ""), ("   ", "   "), ("\u3000\n", "\u3000\n")]
)
def test_empty_text_is_none_kind_with_no_dates(text: str | None, expected: str) -> None:
    result = parse_deadline(text)
    assert result == Deadline(expected, DeadlineKind.NONE, None)
    assert result.is_parsed


# --- junk: kept, flagged, never guessed, never raising ---


@pytest.mark.parametrize(
    "text",
    [
        "尽快",
        "abc",
        "2023年13月",
        "2023年0月",
        "2023年2月30日",
        "2023年2月29日",
        "2024-02-30",
        "2024-13-01",
        "2024年6月0日",
        "12345",
        "202",
        "2024.1",  # 2024.10 cut short by a spreadsheet? not read
        "12345",  # a five-digit number outside the serials of 2000-2100
        "⑳㉔年底前",  # circled digits are never a year
        "2024²年",
        "二五",
        "2023年起再说",
        "20241231",
        "1899年",
        "2201年",
        "2101年",
        "2101-01-01",
        "1899-12-31",
        "2201年6月",
        "9999-12-31",
        "2024年底前完成并验收合格后再说",
        "力争2024年底前",
        "2023年6月年底",
        "年底前",
        "前",
        "完成",
        "。",
        "🚀",
        "2024年🚀",
        "2024\ud800",
        "٢٠٢٤年",  # Arabic-Indic digits: NFKC leaves them, we read only 0-9
        "2" * 10_000,
        "2024-" * 10_000,
        "2024年底前" + "很长的说明" * 2_000,
    ],
)
def test_junk_is_unparsed_with_text_kept_verbatim(text: str) -> None:
    assert_unparsed(text)


def test_only_unparsed_reports_not_parsed() -> None:
    assert {k: Deadline("", k, None).is_parsed for k in DeadlineKind} == {
        FIXED: True,
        DeadlineKind.ONGOING: True,
        DeadlineKind.RECURRING: True,
        DeadlineKind.NONE: True,
        DeadlineKind.UNPARSED: False,
    }


def test_deadline_is_immutable() -> None:
    deadline = parse_deadline("2024年")
    with pytest.raises(AttributeError):
        deadline.due = D(2025, 1, 1)  # type: ignore[misc]


# --- helpers ---


@pytest.mark.parametrize(
    ("quarter", "end"),
    [(1, D(2023, 3, 31)), (2, D(2023, 6, 30)), (3, D(2023, 9, 30)), (4, D(2023, 12, 31))],
)
def test_quarter_end_is_the_last_day_of_the_quarter(quarter: int, end: date) -> None:
    assert quarter_end(2023, quarter) == end


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_quarter_end_rejects_a_quarter_outside_1_to_4(quarter: int) -> None:
    with pytest.raises(ValueError):
        quarter_end(2023, quarter)


@pytest.mark.parametrize(
    ("year", "month", "end"),
    [
        (2024, 2, D(2024, 2, 29)),
        (2023, 2, D(2023, 2, 28)),
        (2023, 4, D(2023, 4, 30)),
        (2023, 12, D(2023, 12, 31)),
    ],
)
def test_month_end_is_the_last_day_of_the_month(year: int, month: int, end: date) -> None:
    assert month_end(year, month) == end


@pytest.mark.parametrize("month", [0, 13])
def test_month_end_rejects_an_impossible_month(month: int) -> None:
    with pytest.raises(ValueError):
        month_end(2023, month)


# --- properties ---


def assert_invariants(text: str, result: Deadline) -> None:
    assert result.text is text
    assert isinstance(result.kind, DeadlineKind)
    assert result.is_parsed == (result.kind is not DeadlineKind.UNPARSED)
    assert (result.due is not None) == (result.kind is FIXED)
    assert result.start is None or (result.due is not None and result.start <= result.due)
    assert (result.recurrence is not None) == (result.kind is DeadlineKind.RECURRING)


@given(st.text())
def test_arbitrary_text_never_raises_and_is_kept_unchanged(text: str) -> None:
    assert_invariants(text, parse_deadline(text))


@given(
    st.text(
        alphabet="0123456789０２４年月日底末前内以之上下半第一二三四季度Qq.-/—～至 。完成每长期",
        max_size=24,
    )
)
def test_date_like_text_never_raises_and_never_breaks_the_invariants(text: str) -> None:
    assert_invariants(text, parse_deadline(text))


@given(st.dates(min_value=FIRST_DATE, max_value=LAST_DATE))
def test_every_iso_and_chinese_day_in_range_reads_back_as_itself(day: date) -> None:
    assert parse_deadline(day.isoformat()).due == day
    assert parse_deadline(f"{day.year}年{day.month}月{day.day}日前").due == day


# --- the phrases offices write (issue 14): each class read, nothing guessed ---


@pytest.mark.parametrize(
    ("text", "start", "due"),
    [
        ("45107", None, date(2023, 6, 30)),  # an Excel date serial left in a text cell
        ("2023.6", None, date(2023, 6, 30)),
        ("2023.06", None, date(2023, 6, 30)),
        ("2023.10", None, date(2023, 10, 31)),
        ("2023-06", None, date(2023, 6, 30)),
        ("二〇二三年六月", None, date(2023, 6, 30)),
        ("2023年十二月底前", None, date(2023, 12, 31)),
        ("二〇二四年十二月三十一日", None, date(2024, 12, 31)),
        ("2023年6月上旬", None, date(2023, 6, 10)),
        ("2023年6月中旬", None, date(2023, 6, 20)),
        ("2023年2月下旬", None, date(2023, 2, 28)),
        ("到2025年", None, date(2025, 12, 31)),
        ("截至2024年6月底", None, date(2024, 6, 30)),
        ("“十四五”期间", date(2021, 1, 1), date(2025, 12, 31)),
        ("十五五时期", date(2026, 1, 1), date(2030, 12, 31)),
    ],
)
def test_the_phrases_offices_write_are_read(text: str, start, due: date) -> None:
    deadline = parse_deadline(text)
    assert (deadline.kind, deadline.start, deadline.due) == (DeadlineKind.FIXED, start, due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("年底前", date(2024, 12, 31)),
        ("年内", date(2024, 12, 31)),
        ("6月底前", date(2024, 6, 30)),
        ("十月底前", date(2024, 10, 31)),
        ("第三季度", date(2024, 9, 30)),
        ("上半年", date(2024, 6, 30)),
    ],
)
def test_a_phrase_without_a_year_takes_the_year_given_else_stays_flagged(text, due) -> None:
    assert parse_deadline(text, year=2024).due == due
    assert_unparsed(text)


def test_open_ended_and_yearly_phrases() -> None:
    since = parse_deadline("2023年起")
    assert (since.kind, since.start, since.due) == (DeadlineKind.ONGOING, date(2023, 1, 1), None)
    yearly = parse_deadline("2023年起每年")
    assert (yearly.kind, yearly.start, yearly.recurrence) == (
        DeadlineKind.RECURRING,
        date(2023, 1, 1),
        "yearly",
    )
    for text in ("按年度推进", "逐年推进"):
        assert parse_deadline(text).recurrence == "yearly"


# --- the phrase follows its due date (issue 17, item 2) ---


@pytest.mark.parametrize(
    ("phrase", "due", "expected"),
    [
        ("2023年6月底前", date(2023, 11, 30), "2023年11月底前"),
        ("2023年6月底前", date(2023, 6, 30), "2023年6月底前"),  # still says it: kept
        ("2023年底前", date(2023, 11, 30), "2023年11月底前"),
        ("2023年底前", date(2024, 12, 31), "2024年底前"),
        ("2023年底前", date(2023, 11, 15), "2023年11月15日前"),
        ("2022—2024年", date(2025, 12, 31), "2022—2025年"),
        ("2022—2024年", date(2024, 6, 30), "2022—2024年6月"),
        ("2023-06-30", date(2023, 7, 15), "2023-07-15"),
        ("2023年第三季度", date(2023, 12, 31), "2023年第四季度"),
        ("2023年06月底前", date(2023, 9, 30), "2023年09月底前"),
        ("2023年6月15日前", date(2023, 6, 20), "2023年6月20日前"),
        ("到2025年", date(2026, 12, 31), "到2026年"),
        ("", date(2024, 1, 1), ""),  # no phrase: none is made up
    ],
)
def test_a_phrase_follows_its_due_date_in_its_own_style(phrase, due, expected):
    assert follow_due(phrase, due) == expected
    assert deadline_agrees(expected, due)


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("长期坚持", date(2023, 1, 1)),  # a due date on an ongoing phrase
        ("每年", date(2023, 12, 31)),
        ("明年春节前", date(2024, 2, 1)),  # a phrase not read: kept, never rewritten
        ("2023年6月底前", None),  # the due date cleared
    ],
)
def test_what_cannot_be_said_in_the_phrase_s_terms_is_left_to_the_user(phrase, due):
    assert follow_due(phrase, due) is None
    assert not deadline_agrees(phrase, due)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_rewritten_phrase_reads_back_as_its_duedate(due):
    for phrase in ("2023年6月底前", "2023年底前", "2022—2024年", "2023-06-30", "2023年第三季度"):
        rewritten = follow_due(phrase, due)
        if rewritten is not None:
            assert parse_deadline(rewritten).due == due, (phrase, due, rewritten)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_the_phrase_offered_as_the_fix_says_its_due_date(due):
    from qdplanner.domain.deadlines import due_phrase

    assert deadline_agrees(due_phrase(due), due)
