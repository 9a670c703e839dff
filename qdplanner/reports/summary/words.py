"""The printed summary's own words, in Chinese and English, as data.

The report follows the language chosen for it (``zh`` or ``en``), whatever the language of
the window, so its words are kept here rather than in the Qt translation files. The words,
symbols and colours of lights, statuses and kinds are :mod:`qdplanner.domain.vocabulary`'s.
"""

from __future__ import annotations

from datetime import date

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.periods import Period
from qdplanner.domain.vocabulary import LIGHT_ORDER, in_sentence

LANGS = ("zh", "en")

_WORDS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "title": ("{plan}\n进展情况汇总", "{plan}\nProgress Summary"),
    "period": ("报告期：{period}", "Period: {period}"),
    "as_of": ("统计截至：{date}", "Status as of: {date}"),
    "scope": ("范围：{scope}", "Scope: {scope}"),
    "issuer": ("编制单位：{issuer}", "Prepared by: {issuer}"),
    "printed": ("印发日期：{date}", "Printed on: {date}"),
    "printed_short": ("打印日期：{date}", "Printed {date}"),
    "footer": ("第{page}页 共{pages}页", "Page {page} of {pages}"),
    "blank": ("＿＿＿＿＿＿＿＿＿＿＿＿", "________________________"),
    "scope_plan": ("全部规划", "whole plan"),
    "scope_program": ("计划：{name}", "program: {name}"),
    "scope_project": ("工程：{name}", "project: {name}"),
    "scope_unit": ("牵头单位：{name}", "lead unit: {name}"),
    "continued": ("（续）", " (continued)"),
    # sections
    "overview": ("总体情况", "Overview"),
    "indicators": ("主要指标完成情况", "Indicators"),
    "charts": ("指标走势图", "Indicator charts"),
    "milestones": ("节点完成情况", "Milestones"),
    "tasks": ("逾期及滞后任务", "Overdue and at-risk tasks"),
    "collection": ("季度进展报送情况", "Quarterly returns from units"),
    "timeline": ("进度时间轴", "Timeline"),
    # overview
    "overview_text": (
        "截至{date}，{scope}共有任务{tasks}项，平均完成进度{percent}%。其中{lights}。",
        "As of {date} ({scope}): {tasks} tasks, {percent}% complete on average; {lights}.",
    ),
    "by_light": ("按状态统计", "By status"),
    "by_stream": ("按计划、工程统计", "By program and project"),
    "col_light": ("状态", "Status"),
    "col_count": ("任务数", "Tasks"),
    "col_share": ("占比", "Share"),
    "col_stream": ("计划/工程", "Program / project"),
    "col_percent": ("平均进度", "Avg. %"),
    "total": ("合计", "Total"),
    # indicators
    "col_no": ("序号", "No."),
    "col_indicator": ("指标", "Indicator"),
    "col_unit": ("单位", "Unit"),
    "col_baseline": ("基期值", "Baseline"),
    "col_target": ("目标值", "Target"),
    "col_actual": ("最新实际值", "Latest actual"),
    "col_progress": ("完成进度", "Progress"),
    "col_ind_light": ("评价", "Assessment"),
    "no_indicators": ("本范围内没有指标。", "There are no indicators in this scope."),
    "indicator_note": (
        "注：完成进度按基期值至目标值计算；评价按规划设定的阈值判定。",
        "Note: progress runs from the baseline to the target; the assessment follows the "
        "plan's thresholds.",
    ),
    # milestones
    "ms_due": ("本期到期节点", "Due in the period"),
    "ms_missed": ("逾期未完成节点", "Missed (past due, not reached)"),
    "col_milestone": ("节点", "Milestone"),
    "col_owner": ("所属任务/计划/工程", "Of task / program / project"),
    "col_planned": ("计划日期", "Planned"),
    "col_actual_date": ("实际完成", "Reached"),
    "col_ms_state": ("情况", "State"),
    "ms_reached": ("✔ 已完成", "✔ reached"),
    "ms_open": ("○ 未到期", "○ not yet due"),
    "ms_late": ("■ 逾期", "■ missed"),
    "ms_reached_late": ("▲ 延期完成", "▲ reached late"),
    "no_ms_due": ("本期没有到期节点。", "No milestone falls due in the period."),
    "no_ms_missed": ("没有逾期未完成的节点。", "No milestone is past due and unreached."),
    # tasks
    "tasks_text": (
        "截至{date}，{red_word}任务{red}项、{yellow_word}任务{yellow}项，按牵头单位列示如下。",
        "As of {date}, {red} tasks are {red_word} and {yellow} {yellow_word}, listed by lead unit.",
    ),
    "no_tasks": ("没有逾期或滞后的任务。", "No task is overdue or at risk."),
    "col_task": ("任务", "Task"),
    "col_deadline": ("完成时限", "Deadline"),
    "col_task_percent": ("进度", "%"),
    "col_latest": ("最新进展", "Latest progress"),
    "no_lead": ("未明确牵头单位", "No lead unit"),
    "unit_group": ("{unit}（{n}项）", "{unit} ({n})"),
    "no_narrative": ("（未报送进展）", "(no progress reported)"),
    "reported_in": ("〔{period}〕", "[{period}] "),
    "truncated": ("……", "…"),
    # collection
    "collection_text": (
        "{period}应报送单位{units}家，已报送{returned}家，已下发未报送{issued}家，未下发{none}家。",
        "For {period}, {units} units are due to report: {returned} returned, {issued} issued "
        "and not returned, {none} not issued.",
    ),
    "no_collection": ("本期没有需要报送的单位。", "No unit is due to report for the period."),
    "col_reporting_unit": ("单位", "Unit"),
    "col_led": ("牵头任务", "Tasks led"),
    "col_reported": ("已报进展", "Reported"),
    "col_state": ("报送情况", "State"),
    "col_returned_on": ("报送日期", "Returned on"),
    "state_returned": ("✔ 已报送", "✔ returned"),
    "state_issued": ("■ 未报送", "■ not returned"),
    "state_not_issued": ("○ 未下发", "○ not issued"),
    # fonts
    "no_timeline": ("时间轴暂不可用。", "The timeline is not available."),
}

_CN_NUMERALS = "〇一二三四五六七八九十"


def word(key: str, lang: str, **fields: object) -> str:
    """The report's text for ``key`` in ``lang`` (zh or en), with ``fields`` filled in."""
    text = _WORDS[key][0 if lang == "zh" else 1]
    return text.format(**fields) if fields else text


def light_counts(counts: dict[StatusLight, int], lang: str) -> str:
    """Tasks per light in a sentence: ``已完成3项，正常推进2项……`` / ``3 done, 2 on track, …``."""
    if lang == "zh":
        return "，".join(
            f"{in_sentence(light, lang)}{counts.get(light, 0)}项" for light in LIGHT_ORDER
        )
    return ", ".join(f"{counts.get(light, 0)} {in_sentence(light, lang)}" for light in LIGHT_ORDER)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (numbered headings 一、二、…)."""
    if n <= 10:
        return _CN_NUMERALS[n]
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else _CN_NUMERALS[tens]) + "十"
    return head + (_CN_NUMERALS[ones] if ones else "")


def heading_number(level: int, n: int, lang: str) -> str:
    """Government numbering 一、 （一） 1. in Chinese; 1. 1.1 style words in English."""
    if lang != "zh":
        return f"{n}. " if level == 1 else ""
    return f"{chinese_number(n)}、" if level == 1 else f"（{chinese_number(n)}）"


def date_text(day: date, lang: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.isoformat()


def period_text(period: Period, lang: str) -> str:
    """2024Q3 → 2024年第三季度 / 2024 Q3; 2024H1 → 2024年上半年; 2024-09 → 2024年9月."""
    code = period.code
    year = period.start.year
    if lang != "zh":
        return code.replace("Q", " Q").replace("H", " H") if "-" not in code else code
    if code == str(year):
        return f"{year}年"
    if "H" in code:
        return f"{year}年{'上' if code.endswith('1') else '下'}半年"
    if "Q" in code:
        return f"{year}年第{chinese_number(int(code[-1]))}季度"
    return f"{year}年{period.start.month}月"
