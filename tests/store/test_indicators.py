"""Reading indicators with lights (the sample plan at the end of 2025) and writing values."""

from __future__ import annotations

import math
from datetime import date

import pytest

from qdplanner.domain.enums import ChangeSource, ValueKind
from qdplanner.domain.indicators import IndicatorLight, IndicatorRules
from qdplanner.errors import NotFoundError, ValidationError
from qdplanner.store.indicators import (
    delete_indicator_value,
    find_indicator,
    indicator_rules,
    read_indicator_values,
    read_indicators,
    set_indicator_rules,
    set_indicator_value,
)
from qdplanner.store.sample import create_sample_plan

END_2025 = date(2025, 12, 31)
L = IndicatorLight


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = create_sample_plan(tmp_path_factory.mktemp("sample") / "sample.qdplan")
    yield store
    store.close()


@pytest.fixture
def sample_copy(tmp_path):
    store = create_sample_plan(tmp_path / "writable.qdplan")
    yield store
    store.close()


def by_code(rows):
    return {r.indicator.code: r for r in rows}


@pytest.mark.parametrize(
    ("code", "light", "why"),
    [
        (
            "I03",
            L.BEHIND,
            "8683 of >10000 by 2026, from the derived 2020 baseline 4385: "
            "the line expects ~9064 at 2025",
        ),
        ("I04", L.ACHIEVED, "high-tech output share 68.52 (2025H1) ≥ 65"),
        ("I05", L.ACHIEVED, "R&D spending growth 11.6 ≥ 10 a year (annual)"),
        ("I09", L.ACHIEVED, "technology contract turnover 709 > 550"),
        ("I10", L.ON_TRACK, "talent 300 is not more than 300: not achieved, at the target value"),
        ("I12", L.OFF_TRACK, "national key labs 44 % < 50 % and 2024 has passed"),
        ("I01", L.NO_DATA, "no actual reported"),
        ("I11", L.NO_DATA, "no actual reported"),
        ("I14", L.NO_DATA, "no actual reported"),
        ("I18", L.NO_DATA, "a result without a target (GII rank)"),
        ("I20", L.NO_DATA, "a result without a target (tech SMEs)"),
    ],
)
def test_sample_plan_lights_at_the_end_of_2025(sample, code, light, why):
    assert by_code(read_indicators(sample, as_of=END_2025))[code].light == light, why


def test_sample_plan_light_counts_at_the_end_of_2025(sample):
    rows = read_indicators(sample, as_of=END_2025)
    counts = {light: sum(r.light == light for r in rows) for light in L}
    assert counts == {
        L.ACHIEVED: 3,
        L.ON_TRACK: 1,
        L.BEHIND: 1,
        L.OFF_TRACK: 1,
        L.NO_BASELINE: 0,
        L.NO_DATA: 26,
    }


def test_rows_carry_latest_value_year_source_progress_and_trend(sample):
    rows = by_code(read_indicators(sample, as_of=END_2025))
    share = rows["I04"]
    assert (share.latest_value, share.latest_year, share.latest.period) == (68.52, 2025, "2025H1")
    assert share.latest_source and share.latest.source_date == date(2025, 12, 4)
    assert share.progress == pytest.approx((68.52 - 61.77) / (65 - 61.77))
    assert [v.year for v in share.values] == [2020, 2025]
    assert share.goal_name == "智造创新城" and share.program_name == "产业创新能级提升计划"
    firms = rows["I03"]
    assert firms.progress == pytest.approx((8683 - 4385) / (10000 - 4385))  # from the baseline
    assert firms.trend.needed_pace == pytest.approx(1317)
    assert rows["I10"].progress == 1.0 and rows["I10"].light != L.ACHIEVED
    assert rows["I12"].project_name and rows["I12"].plan_document_title.endswith(
        "三年行动方案（2022—2024年）"
    )
    gii = rows["I18"]
    assert gii.progress is None and gii.trend.pace == pytest.approx(-7)
    assert rows["I01"].latest is None and rows["I01"].progress is None


def test_values_published_after_the_as_of_date_are_ignored(sample):
    rows = by_code(read_indicators(sample, as_of=date(2025, 12, 3)))
    assert all(r.latest is None for r in rows.values())
    assert {r.light for r in rows.values()} == {L.NO_DATA}
    assert [v.year for v in rows["I04"].values] == []


def test_one_plan_document_only_in_plan_order(sample):
    doc = sample.db.execute("SELECT id FROM plan_documents WHERE kind = 'action_plan'").fetchone()
    rows = read_indicators(sample, doc[0], as_of=END_2025)
    assert [r.indicator.code for r in rows] == ["I12", "I13", "I14", "I15", "I16", "I17"]


def test_reading_takes_two_queries_whatever_the_number_of_indicators(sample):
    statements = []
    sample.db.conn.set_trace_callback(statements.append)
    try:
        rows = read_indicators(sample, as_of=END_2025, rules=IndicatorRules())
    finally:
        sample.db.conn.set_trace_callback(None)
    assert len(rows) == 32
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2


# -- writing values ------------------------------------------------------------------------


def write(store, code, year, value, **kw):
    indicator_id, _ = find_indicator(store, code)
    with store.action(ChangeSource.FORM, "test") as changes:
        return set_indicator_value(store, changes, indicator_id, year, value, **kw)


def test_setting_a_value_inserts_then_updates_and_logs_both(sample_copy):
    store = sample_copy
    first = write(store, "I03", 2026, 9800, source="统计公报", source_date="2027-02-01")
    again = write(store, "I03", 2026, "10,001", source="统计公报", source_date=date(2027, 2, 1))
    assert first == again
    log = list(
        store.db.query(
            "SELECT field, old_value, new_value FROM change_log WHERE entity = 'indicator_values'"
            " AND entity_id = ? ORDER BY id",
            [first],
        )
    )
    assert log[0]["field"] == "*" and "9800" in log[0]["new_value"]
    assert log[1:] == [{"field": "value", "old_value": "9800.0", "new_value": "10001.0"}]
    rows = by_code(read_indicators(store, as_of=date(2027, 3, 1)))
    assert rows["I03"].latest_value == 10001 and rows["I03"].light == L.ACHIEVED
    assert by_code(read_indicators(store, as_of=date(2027, 1, 31)))["I03"].latest_year == 2025


def test_a_source_title_links_the_source_record(sample_copy):
    title = sample_copy.db.execute("SELECT title FROM sources LIMIT 1").fetchone()[0]
    vid = write(sample_copy, "I06", 2024, 3.1, source=title)
    row = sample_copy.db.execute("SELECT source_id FROM indicator_values WHERE id = ?", [vid])
    assert row.fetchone()[0] is not None
    assert read_indicator_values(sample_copy, find_indicator(sample_copy, "I06")[0])[0].value == 3.1


def test_part_year_and_target_values(sample_copy):
    write(sample_copy, "I06", 2025, 3.0, period="2025h1")
    write(sample_copy, "I06", 2025, 3.1, kind=ValueKind.TARGET)
    values = read_indicator_values(sample_copy, find_indicator(sample_copy, "I06")[0])
    assert {(v.period, v.kind) for v in values} == {("2025H1", "actual"), ("", "target")}


@pytest.mark.parametrize(
    ("code", "year", "value", "kw", "message"),
    [
        ("I03", 1800, 1, {}, "between 1900 and 2100"),
        ("I03", 2025, "many", {}, "must be a number"),
        ("I03", 2025, math.nan, {}, "must be a number"),
        ("I03", 2025, True, {}, "must be a number"),
        ("I12", 2025, 144, {}, "share must be 0–100"),
        ("I11", 2025, 0, {}, "rank must be 1 or more"),
        ("I03", 2025, 1, {"period": "2024H1"}, "of another year"),
        ("I03", 2025, 1, {"period": "上半年"}, "is not a half"),
        ("I03", 2025, 1, {"kind": "forecast"}, "kind must be actual or target"),
        ("I03", 2025, 1, {"source_date": "2025-02-30"}, "is not a date"),
    ],
)
def test_bad_values_are_refused_naming_indicator_and_year(
    sample_copy, code, year, value, kw, message
):
    before = sample_copy.db.execute("SELECT count(*) FROM change_log").fetchone()
    with pytest.raises(ValidationError) as err:
        write(sample_copy, code, year, value, **kw)
    assert message in str(err.value)
    name = sample_copy.db.execute("SELECT name FROM indicators WHERE code = ?", [code]).fetchone()
    assert name[0] in str(err.value) and str(year) in str(err.value)
    assert sample_copy.db.execute("SELECT count(*) FROM change_log").fetchone() == before


def test_unknown_or_ambiguous_indicator(sample_copy):
    with pytest.raises(NotFoundError):
        find_indicator(sample_copy, "I99")
    with pytest.raises(NotFoundError), sample_copy.action(ChangeSource.FORM) as changes:
        set_indicator_value(sample_copy, changes, 9999, 2025, 1)
    assert find_indicator(sample_copy, "人才总量")[1] == "人才总量"
    with sample_copy.action(ChangeSource.FORM) as changes:
        changes.insert("indicators", {"plan_document_id": 1, "code": "I03", "name": "另一指标"})
    with pytest.raises(ValidationError, match="names several indicators"):
        find_indicator(sample_copy, "I03")


def test_deleting_a_value_is_logged(sample_copy):
    write(sample_copy, "I06", 2024, 3.1)
    iid = find_indicator(sample_copy, "I06")[0]
    with sample_copy.action(ChangeSource.TABLE) as changes:
        assert delete_indicator_value(sample_copy, changes, iid, 2024)
        assert not delete_indicator_value(sample_copy, changes, iid, 2023)
    assert read_indicator_values(sample_copy, iid) == []
    last = sample_copy.db.execute("SELECT field, new_value FROM change_log ORDER BY id DESC")
    assert last.fetchone() == ("*", None)


def test_rules_are_a_setting_of_the_plan(sample_copy):
    assert indicator_rules(sample_copy) == IndicatorRules()
    with sample_copy.action(ChangeSource.FORM) as changes:
        set_indicator_rules(sample_copy, changes, IndicatorRules(about_tolerance=0.2))
    assert indicator_rules(sample_copy).about_tolerance == 0.2
    write(sample_copy, "I14", 2024, 8.5)  # 约10个: 8.5 is about 10 only with ±20 %
    assert by_code(read_indicators(sample_copy, as_of=END_2025))["I14"].light == L.ACHIEVED
    default = read_indicators(sample_copy, as_of=END_2025, rules=IndicatorRules())
    assert by_code(default)["I14"].light == L.OFF_TRACK


def test_an_unreadable_period_or_date_from_elsewhere_does_not_break_reading(sample_copy):
    iid = find_indicator(sample_copy, "I06")[0]
    with sample_copy.action(ChangeSource.IMPORT, "x.xlsx") as changes:
        changes.insert(
            "indicator_values",
            {
                "indicator_id": iid,
                "year": 2024,
                "period": "全年",
                "value": 3,
                "source_date": "去年",
            },
        )
    assert by_code(read_indicators(sample_copy, as_of=END_2025))["I06"].latest_value == 3
