"""The timeline's date axis, snapping, header bands, slips and broken links."""

from datetime import date

from qdplanner.domain.timeline import (
    Axis,
    Zoom,
    bands,
    done_until,
    link_broken,
    slip_days,
    snap,
    snap_end,
)


def test_axis_places_days_and_reads_them_back():
    axis = Axis.for_years(2022, 2024, Zoom.QUARTER)
    assert axis.x(date(2022, 1, 1)) == 0
    assert axis.x_end(date(2022, 1, 1)) == 2.0
    assert axis.day_at(axis.x(date(2023, 7, 15)) + 1) == date(2023, 7, 15)
    assert axis.width == (365 + 365 + 366) * 2.0


def test_fitted_axis_fills_the_width():
    axis = Axis.fitted(date(2022, 1, 1), date(2024, 12, 31), 1096)
    assert axis.px_per_day == 1.0 and axis.width == 1096


def test_snapping_follows_the_zoom():
    assert snap(date(2023, 6, 20), Zoom.YEAR) == date(2023, 7, 1)
    assert snap(date(2023, 6, 10), Zoom.YEAR) == date(2023, 6, 1)
    assert snap(date(2023, 6, 12), Zoom.QUARTER) == date(2023, 6, 16)
    assert snap(date(2023, 6, 12), Zoom.MONTH) == date(2023, 6, 12)
    assert snap_end(date(2023, 7, 2), Zoom.YEAR) == date(2023, 6, 30)  # 上半年底
    assert snap_end(date(2023, 12, 20), Zoom.YEAR) == date(2023, 12, 31)


def test_header_bands_in_chinese_and_english():
    axis = Axis.for_years(2022, 2024, Zoom.YEAR)
    years = bands(axis, "year")
    assert [b.label for b in years] == ["2022年", "2023年", "2024年"]
    quarters = bands(axis, "quarter", lang="en")
    assert len(quarters) == 12 and quarters[2].label == "Q3 2022"
    assert quarters[2].start == date(2022, 7, 1) and quarters[2].end == date(2022, 9, 30)
    assert bands(axis, "month")[0].label == "1月"


def test_slip_and_broken_links():
    assert slip_days(date(2023, 6, 30), date(2023, 12, 31)) == 184
    assert slip_days(None, date(2023, 12, 31)) is None
    assert link_broken(date(2023, 6, 30), date(2023, 6, 1))
    assert not link_broken(date(2023, 6, 30), date(2023, 7, 1))
    assert link_broken(date(2023, 6, 30), date(2023, 7, 1), lag_days=5)


def test_a_bar_is_filled_by_percent_of_the_whole_bar_then_cut_to_the_range():
    # a 2022–2026 task at 55 %: 55 % of five years is filled through September 2024
    start, due = date(2022, 1, 1), date(2026, 12, 31)
    assert done_until(start, due, 55) == date(2024, 10, 1)
    shown = Axis.fitted(date(2022, 1, 1), date(2024, 12, 31), 1096)  # one pixel a day
    x0, x1 = shown.done_span(start, due, 55)
    assert x0 == 0 and shown.day_at(x1) == date(2024, 10, 1)  # not 2023-08 (55 % of 2022–24)
    assert shown.done_span(start, due, 90) == (0, shown.width)  # cut at the range's end
    later = Axis.fitted(date(2024, 7, 1), date(2024, 12, 31), 184)
    x0, x1 = later.done_span(start, due, 55)
    assert x0 == 0 and later.day_at(x1) == date(2024, 10, 1)  # cut at the range's start
    assert Axis.fitted(date(2025, 1, 1), date(2025, 12, 31), 365).done_span(start, due, 55) is None
    assert shown.done_span(start, due, 0) is None
    assert done_until(start, due, 100) == date(2027, 1, 1)  # the due day is covered
    assert done_until(start, due, 250) == done_until(start, due, 100)
