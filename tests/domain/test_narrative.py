"""The period's narrative drafted from the data: counts, lights, grouped sentences, tasks named."""

from __future__ import annotations

import pytest

from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.narrative import (
    ITEM_LIMIT,
    NarrativeTask,
    Section,
    check_text,
    draft_narrative,
    group_sentences,
    parse_section,
    section_title,
    sentences,
)
from qdplanner.domain.periods import parse_period
from qdplanner.errors import ValidationError

Q3 = parse_period("2025Q3")


def task(code, light=StatusLight.GREEN, **kw) -> NarrativeTask:
    kw.setdefault("status", TaskStatus.IN_PROGRESS)
    kw.setdefault("percent", 50)
    kw.setdefault("reported", True)
    return NarrativeTask(code, f"任务{code}", light, **kw)


TASKS = [
    task("1", narrative="平台建设按计划推进。完成年度目标任务。", problems="已超过方案期限。",
         next_steps="加快推进"),
    task("2", StatusLight.RED, percent=30, overdue=True, narrative="2.平台建设按计划推进"),
    task("3", StatusLight.DONE, status=TaskStatus.DONE, percent=100, newly_done=True,
         narrative="平台建设按照计划推进。", problems="已超过方案期限"),
    task("4", StatusLight.YELLOW, percent=40, reported=False),
]  # fmt: skip


def test_overall_progress_counts_lights_percent_reports_and_tasks_done_and_behind():
    text = draft_narrative(TASKS, Q3, "zh")[Section.OVERALL]
    assert text.splitlines() == [
        "2025年第三季度，共有任务4项，其中已完成1项、正常推进1项、进度滞后1项、逾期或严重滞后1项；"
        "平均完成进度55%。",
        "3项任务报送了本期进展，1项未报送。",
        "本期新完成任务1项（任务3）。",
        "需重点关注的任务2项：任务2（逾期或严重滞后）、任务4（进度滞后）。",
    ]
    english = draft_narrative(TASKS, Q3, "en")[Section.OVERALL]
    assert english.startswith("In 2025 Q3, 4 tasks: 1 done, 1 on track, 1 at risk, 1 overdue or")


def test_results_merge_alike_sentences_keep_the_fuller_wording_and_name_the_tasks():
    text = draft_narrative(TASKS, Q3, "zh")[Section.RESULTS]
    # "2.平台建设按计划推进" (numbered) and "平台建设按照计划推进" are the same sentence
    assert text.splitlines() == [
        "平台建设按照计划推进（任务1、2、3）。",
        "完成年度目标任务（任务1）。",
    ]


def test_problems_name_the_overdue_tasks_whose_units_wrote_none():
    text = draft_narrative(TASKS, Q3, "zh")[Section.PROBLEMS]
    assert text.splitlines() == [
        "已超过方案期限（任务1、3）。",
        "另有1项任务逾期或严重滞后，但未报送存在问题（任务2）。",
    ]


def test_next_steps_grouped_and_the_tasks_to_press():
    text = draft_narrative(TASKS, Q3, "en")[Section.NEXT_STEPS]
    assert text.splitlines() == [
        "加快推进 (task 1).",
        "Press the 2 overdue or lagging tasks to catch up (tasks 2, 4).",
    ]


def test_nothing_reported_says_so_in_each_section():
    quiet = [task("1", reported=False), task("2", reported=False)]
    draft = draft_narrative(quiet, Q3, "zh")
    assert "2项任务均未报送本期进展。" in draft[Section.OVERALL]
    assert draft[Section.RESULTS] == "本期未报送进展情况。"
    assert draft[Section.PROBLEMS] == "本期未报送存在问题。"
    assert draft[Section.NEXT_STEPS] == "本期未报送下步打算。"
    assert draft_narrative([], Q3, "zh")[Section.OVERALL] == "本项下没有任务。"


def test_the_same_tasks_give_the_same_text():
    assert draft_narrative(TASKS, Q3, "zh") == draft_narrative(list(TASKS), Q3, "zh_CN")


def test_long_lists_are_cut_and_counted():
    many = [task(str(n), narrative=f"第{n}号园区完成{n * 7}项改造工作") for n in range(1, 50)]
    lines = draft_narrative(many, Q3, "en")[Section.RESULTS].splitlines()
    assert len(lines) == ITEM_LIMIT + 1 and lines[-1] == f"… and {49 - ITEM_LIMIT} more."
    same = [task(str(n), narrative="按计划推进") for n in range(1, 13)]
    line = draft_narrative(same, Q3, "zh")[Section.RESULTS]
    assert line == "按计划推进（任务1、2、3、4、5、6、7、8等，另有4项）。"


def test_a_task_without_a_code_is_named_by_its_title():
    t = NarrativeTask("", "建设海洋科学考察船队并开展深远海科考", StatusLight.GREEN,
                      reported=True, narrative="船队组建完成")  # fmt: skip
    assert (
        draft_narrative([t], Q3, "zh")[Section.RESULTS]
        == "船队组建完成（任务建设海洋科学考察船队并开展深远…）。"
    )


def test_sentences_and_groups():
    assert sentences("一是推进。二是落实；\n三是  总结!") == ["一是推进", "二是落实", "三是 总结"]
    groups = group_sentences([("1", "甲事项完成。乙事项推进"), ("2", "甲事项完成")])
    assert [(g.text, g.labels) for g in groups] == [("甲事项完成", ["1", "2"]),
                                                     ("乙事项推进", ["1"])]  # fmt: skip


def test_sections_are_read_by_code_or_title_in_either_language():
    assert parse_section("overall") is Section.OVERALL
    assert parse_section("主要成效") is Section.RESULTS
    assert parse_section("Next steps") is Section.NEXT_STEPS
    assert parse_section("下步打算") is Section.NEXT_STEPS
    assert section_title(Section.PROBLEMS, "zh") == "存在问题"
    with pytest.raises(ValidationError, match="not a narrative section"):
        parse_section("gossip")


def test_a_text_too_long_is_refused_naming_the_section():
    assert check_text(Section.RESULTS, "  甲\r\n乙  ") == "甲\n乙"
    with pytest.raises(ValidationError, match="results"):
        check_text(Section.RESULTS, "字" * 20001)
