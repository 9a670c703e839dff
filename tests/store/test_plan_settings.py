"""The plan settings in the plan file: read, written as one logged action, and obeyed — the
task lights (sticky yellow from the progress reports), the evidence limit, the cover's office."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.enums import ChangeSource, StatusLight
from qdplanner.domain.settings import DEFAULTS
from qdplanner.errors import ValidationError
from qdplanner.reports.summary.content import ReportOptions, build_report
from qdplanner.store.history import read_history
from qdplanner.store.indicators import indicator_rules
from qdplanner.store.plan_settings import read_settings, setting_defaults, write_settings
from qdplanner.store.progress import add_evidence, evidence_limit
from qdplanner.store.task_rows import Scope, ScopeKind, read_task_row, read_task_rows

AS_OF = date(2024, 9, 30)  # 75 % of 2024 elapsed


def change(store, **values):
    values = {k.replace("__", "."): v for k, v in values.items()}
    with store.action(ChangeSource.COMMAND, "settings") as changes:
        return write_settings(store, changes, values)


@pytest.fixture
def recovered(small_plan):
    """A project task of 2024, at 80 % on 30 September (on track), whose 2024Q1 report said
    5 % (behind); and one whose reports were always on track."""
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "recovery") as ch:
        for name, first in (("late", 5), ("steady", 25)):
            ids[name + "_2024"] = task = ch.insert(
                "tasks",
                {
                    "project_id": ids["project"],
                    "title": f"{name} 2024",
                    "start_date": "2024-01-01",
                    "due_date": "2024-12-31",
                    "status": "in_progress",
                    "percent": 80,
                    "position": 5,
                },
            )
            for period, percent in (("2024Q1", first), ("2024Q2", 55), ("2024Q4", 10)):
                # 2024Q4 ends after the as-of date: not an earlier report, ignored
                ch.insert(
                    "progress_reports",
                    {"task_id": task, "period": period, "status": "in_progress",
                     "percent": percent},
                )  # fmt: skip
    return store, ids


def lights(store, scope=None):
    return {r.title: r.light for r in read_task_rows(store, scope or Scope(), as_of=AS_OF)}


def test_defaults_are_read_from_a_plan_that_sets_nothing(small_plan):
    store, _ids = small_plan
    assert read_settings(store) == DEFAULTS
    assert setting_defaults(store) == DEFAULTS  # the small plan's document names no issuer


def test_a_late_recovery_stays_yellow_only_with_the_setting(recovered):
    store, ids = recovered
    assert lights(store)["late 2024"] == StatusLight.GREEN
    change(store, light__sticky_yellow=True)
    for scope in (Scope(), Scope(ScopeKind.PROJECT, ids["project"]), Scope(ScopeKind.DOCUMENT,
                  ids["doc"])):  # fmt: skip
        seen = lights(store, scope)
        assert seen["late 2024"] == StatusLight.YELLOW
        assert seen["steady 2024"] == StatusLight.GREEN
    assert read_task_row(store, ids["late_2024"], as_of=AS_OF).light == StatusLight.YELLOW
    # before its first report's period ended, nothing was behind yet
    early = read_task_rows(store, as_of=date(2024, 3, 30))
    assert {r.title: r.light for r in early}["late 2024"] != StatusLight.YELLOW


def test_a_recovered_task_that_is_done_is_done(recovered):
    store, ids = recovered
    change(store, light__sticky_yellow=True)
    with store.action(ChangeSource.TABLE, "done") as ch:
        ch.update("tasks", ids["late_2024"], {"status": "done", "percent": 100})
    assert lights(store)["late 2024"] == StatusLight.DONE


def test_the_thresholds_change_the_lights(recovered):
    store, _ids = recovered
    with store.action(ChangeSource.TABLE, "behind") as ch:
        ch.execute(
            "UPDATE tasks SET percent = 65 WHERE title = 'steady 2024'", entity="tasks", note="t"
        )
    assert lights(store)["steady 2024"] == StatusLight.GREEN  # 9.9 points behind
    change(store, light__yellow_behind=4.0)
    assert lights(store)["steady 2024"] == StatusLight.YELLOW
    change(store, light__red_behind=5.0)
    assert lights(store)["steady 2024"] == StatusLight.RED
    change(store, light__blue_days=120, light__yellow_behind=10.0, light__red_behind=30.0)
    assert lights(store)["steady 2024"] == StatusLight.BLUE


def test_a_change_is_one_logged_action_naming_the_setting(small_plan):
    store, _ids = small_plan
    change(store, light__yellow_behind=5.0)
    diff = change(store, light__yellow_behind=8.0, light__red_behind=25.0, report__office="规划处")
    assert diff == {
        "light.yellow_behind": (5.0, 8.0),
        "light.red_behind": (30.0, 25.0),
        "report.office": ("", "规划处"),
    }
    batch = [r for r in read_history(store) if r.description == "settings"]
    last = max(r.batch_id for r in batch)
    records = sorted(r.record for r in batch if r.batch_id == last)
    assert records == ["report_issuer", "status_light_rules"]  # each named by its setting
    assert read_settings(store)["light.red_behind"] == 25.0


def test_nothing_is_written_when_a_value_is_refused(small_plan):
    store, _ids = small_plan
    before = store.version
    with pytest.raises(ValidationError, match=r"light\.yellow_behind"):
        change(store, light__blue_days=7, light__yellow_behind=50.0)
    with pytest.raises(ValidationError, match="not a plan setting"):
        change(store, light__green=7)
    assert store.version == before
    assert read_settings(store) == DEFAULTS


def test_unchanged_values_write_nothing(small_plan):
    store, _ids = small_plan
    before = store.version
    assert change(store, **{k.replace(".", "__"): v for k, v in DEFAULTS.items()}) == {}
    assert store.version == before


def test_the_off_track_gap_is_the_indicator_rules_gap(small_plan):
    store, _ids = small_plan
    change(store, indicator__off_track_gap=40.0)
    assert indicator_rules(store).off_track_gap == pytest.approx(0.4)
    assert indicator_rules(store).about_tolerance == pytest.approx(0.1)  # left as it was


def test_the_evidence_limit_is_the_setting(small_plan):
    store, ids = small_plan
    change(store, evidence__max_mb=1)
    assert evidence_limit(store) == 1024 * 1024
    with store.action(ChangeSource.FORM, "report") as ch:
        report = ch.insert(
            "progress_reports",
            {"task_id": ids["late"], "period": "2024Q1", "status": "in_progress", "percent": 5},
        )
    with pytest.raises(ValidationError, match="at most 1 MB"), store.action("form") as ch:
        add_evidence(store, ch, report, "big.pdf", b"x" * (1024 * 1024 + 1))


def test_the_office_on_the_cover_defaults_to_the_plan_issuer(sample_plan):
    store = sample_plan
    issuer = setting_defaults(store)["report.office"]
    assert issuer == "青岛市人民政府"
    assert build_report(store, ReportOptions()).cover.issuer == issuer
    change(store, report__office="青岛市科学技术局")
    assert build_report(store, ReportOptions()).cover.issuer == "青岛市科学技术局"
    change(store, report__office="")  # empty: the plan document's issuer again
    assert read_settings(store)["report.office"] == issuer
    assert build_report(store, ReportOptions()).cover.issuer == issuer
