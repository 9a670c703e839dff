"""The period's narrative in the plan file: drafted from the data, kept, logged, carried over,
put back, and refused for a closed period."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.enums import ChangeSource, TaskStatus
from qdplanner.domain.narrative import SECTIONS, Section
from qdplanner.errors import ValidationError
from qdplanner.store.history import read_history
from qdplanner.store.narratives import (
    Origin,
    Source,
    find_scope,
    narrative_scopes,
    narrative_tasks,
    read_narrative,
    read_narratives,
    restore_narrative,
    snapshot,
    write_narrative,
)
from qdplanner.store.periods import close_period, reopen_period
from qdplanner.store.progress import ReportInput, record_progress

TODAY = date(2026, 1, 20)
SOURCE = "program:创新策源能力提升计划"


def write(store, period, scope, texts, origins=None):
    with store.action(ChangeSource.COMMAND, f"narrative {period}") as changes:
        return write_narrative(store, changes, period, scope, texts, origins)


def test_every_program_and_project_has_a_draft_from_the_period_s_reports(sample_plan):
    store = sample_plan
    scopes = narrative_scopes(store)
    assert [s.kind for s in scopes].count("program") == 7
    assert [s.kind for s in scopes].count("project") == 8
    narratives = read_narratives(store, "2025Q3", "zh", TODAY)
    assert len(narratives) == 15
    first = narratives[0]
    assert str(first.scope) == SOURCE and not first.closed
    assert {s.source for s in first.sections.values()} == {Source.DATA}
    overall = first.text(Section.OVERALL)
    assert overall.startswith("2025年第三季度，共有任务5项，其中正常推进3项、进度滞后1项")
    assert "全部5项任务均报送了本期进展。" in overall
    results = first.text(Section.RESULTS)
    assert "崂山实验室海洋科技创新总平台、总链长功能加速显现（任务1）。" in results
    assert "整体进度落后于时间进度（任务2）。" in first.text(Section.PROBLEMS)
    assert "督促1项逾期或滞后任务加快推进（任务2）。" in first.text(Section.NEXT_STEPS)


def test_the_draft_reads_only_the_period_s_reports(sample_plan):
    store = sample_plan
    scope = find_scope(store, SOURCE)
    # the sample's ledger ends with 2025Q3: nothing was reported for 2025Q4
    q4 = read_narrative(store, "2025Q4", scope, "en", TODAY)
    assert "None of the 5 tasks reported progress for the period." in q4.text(Section.OVERALL)
    assert q4.text(Section.RESULTS) == "No progress was reported for the period."
    task_id = store.db.execute("SELECT id FROM tasks WHERE program_id = ? AND code = '2'",
                               [scope.id]).fetchone()[0]  # fmt: skip
    with store.action(ChangeSource.FORM, "report") as changes:
        record_progress(store, changes, task_id, ReportInput(
            "2025-11", TaskStatus.IN_PROGRESS, 60, narrative="装置主体工程完工。",
            problems="配套资金到位偏慢。", next_steps="推进设备安装调试。",
        ))  # fmt: skip
    q4 = read_narrative(store, "2025Q4", scope, "en", TODAY)  # a month of the quarter counts
    assert q4.text(Section.RESULTS) == "装置主体工程完工 (task 2)."
    assert q4.text(Section.PROBLEMS).startswith("配套资金到位偏慢 (task 2).")
    assert "1 task reported progress for the period; 4 did not." in q4.text(Section.OVERALL)


def test_a_kept_section_is_logged_read_back_and_put_back(sample_plan):
    store = sample_plan
    scope = find_scope(store, "创新策源能力提升计划")  # a name alone, when only one has it
    before = snapshot(store, "2025Q3", scope)
    assert before == dict.fromkeys(SECTIONS)
    assert write(store, "2025Q3", scope, {Section.RESULTS: "  海洋平台建设取得新进展。\n"}) == 1
    n = read_narrative(store, "2025Q3", scope, "zh", TODAY)
    kept = n.sections[Section.RESULTS]
    assert (kept.text, kept.source, kept.origin) == ("海洋平台建设取得新进展。", Source.STORED,
                                                     Origin.EDITED)  # fmt: skip
    assert kept.updated_by == store.user and kept.updated_at
    assert n.sections[Section.OVERALL].source == Source.DATA  # the others still drafted
    assert write(store, "2025Q3", scope, {Section.RESULTS: "海洋平台建设取得新进展。"}) == 0
    history = read_history(store, entity="period_narratives")
    assert history and history[0].record == "创新策源能力提升计划 · 2025Q3 · results"
    with store.action(ChangeSource.FORM, "undo") as changes:
        restore_narrative(store, changes, "2025Q3", scope, before)
    assert snapshot(store, "2025Q3", scope) == before
    assert read_narrative(store, "2025Q3", scope).sections[Section.RESULTS].source == Source.DATA


def test_the_next_period_starts_from_this_one_s_edited_text(sample_plan):
    store = sample_plan
    scope = find_scope(store, SOURCE)
    write(store, "2025Q3", scope, {Section.RESULTS: "平台建设全面提速。"})
    write(
        store, "2025Q3", scope, {Section.PROBLEMS: "草稿文字"}, {Section.PROBLEMS: Origin.DRAFTED}
    )
    q4 = read_narrative(store, "2025Q4", scope, "zh", TODAY)
    carried = q4.sections[Section.RESULTS]
    assert (carried.source, carried.text, carried.from_period) == (
        Source.PREVIOUS, "平台建设全面提速。", "2025Q3"
    )  # fmt: skip
    assert q4.sections[Section.PROBLEMS].source == Source.DATA  # a kept draft is not carried
    drafted = read_narrative(store, "2025Q4", scope, "zh", TODAY, redraft=True)
    assert {s.source for s in drafted.sections.values()} == {Source.DATA}
    assert drafted.text(Section.RESULTS) == "本期未报送进展情况。"


def test_a_closed_period_s_narrative_is_not_edited(sample_plan):
    store = sample_plan
    scope = find_scope(store, SOURCE)
    with store.action(ChangeSource.COMMAND, "close") as changes:
        close_period(store, changes, "2025Q3", today=TODAY)
    assert read_narrative(store, "2025Q3", scope, "zh", TODAY).closed
    version = store.version
    with pytest.raises(ValidationError, match=r"2025Q3 is closed .*reopen the period"):
        write(store, "2025Q3", scope, {Section.RESULTS: "改写"})
    assert store.version == version  # nothing written, nothing logged
    with store.action(ChangeSource.COMMAND, "reopen") as changes:
        reopen_period(store, changes, "2025Q3")
    assert write(store, "2025Q3", scope, {Section.RESULTS: "改写"}) == 1


def test_a_closed_period_is_drafted_from_what_its_closing_kept(sample_plan):
    store = sample_plan
    scope = find_scope(store, SOURCE)
    with store.action(ChangeSource.COMMAND, "close") as changes:
        close_period(store, changes, "2025Q3", today=TODAY)
    kept = read_narrative(store, "2025Q3", scope, "zh", TODAY).text(Section.OVERALL)
    store.db.execute("UPDATE progress_reports SET percent = 100, status = 'done'")  # later
    assert read_narrative(store, "2025Q3", scope, "zh", TODAY).text(Section.OVERALL) == kept


def test_scopes_and_periods_are_refused_with_a_message(sample_plan):
    store = sample_plan
    with pytest.raises(ValidationError, match="no program named “无此计划”"):
        find_scope(store, "program:无此计划")
    with pytest.raises(ValidationError, match="not a program or project"):
        find_scope(store, "unit:市科技局")
    with pytest.raises(ValidationError, match="not a reporting period"):
        read_narratives(store, "2025Q5")
    with pytest.raises(ValidationError, match="has not begun"):
        narrative_tasks(store, "2030Q1", TODAY)
    scope = find_scope(store, SOURCE)
    with pytest.raises(ValidationError, match="at most 20000"):
        write(store, "2025Q3", scope, {Section.RESULTS: "字" * 20001})
    assert snapshot(store, "2025Q3", scope)[Section.RESULTS] is None
