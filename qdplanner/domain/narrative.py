"""The period's narrative (进展情况汇总的文字部分), drafted from the data: one rule, no network.

For each program and project, a period's narrative has four sections — 总体进展 (overall
progress), 主要成效 (main results), 存在问题 (problems) and 下步工作 (next steps). The clerk
writes them; :func:`draft_narrative` gives the first draft from what the units reported for
the period and how their tasks stand at its end:

* 总体进展: how many tasks, how many of each light (the vocabulary's words), the mean percent
  complete, how many reported for the period, the tasks newly done and those needing
  attention (overdue or behind);
* 主要成效, 存在问题, 下步工作: the sentences of the units' 进展情况, 存在问题 and 下步打算 for
  the period, each sentence once — sentences alike once their numbering, punctuation and
  blanks are set aside (:func:`~qdplanner.domain.task_rules.title_similarity`, the rule
  imports match titles by) are merged, keeping the fuller wording — each naming the tasks
  (by code) it came from, in plan order. 存在问题 also names the overdue or far-behind tasks
  whose units wrote no problem; 下步工作 the tasks to press.

The same tasks in give the same text out, in Chinese or English (the words are marked
``N_("Narrative", …)`` and read through :mod:`qdplanner.catalogue`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from qdplanner.catalogue import period_text, translated
from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.periods import Period
from qdplanner.domain.task_rules import title_key
from qdplanner.domain.vocabulary import LIGHT_ORDER, in_sentence, lang_key
from qdplanner.errors import N_, ValidationError

CONTEXT = "Narrative"  # the translation context of the drafted sentences


class Section(StrEnum):
    """The four sections of a narrative, in the order they are printed."""

    OVERALL = "overall"  # 总体进展
    RESULTS = "results"  # 主要成效
    PROBLEMS = "problems"  # 存在问题
    NEXT_STEPS = "next_steps"  # 下步工作


SECTIONS: tuple[Section, ...] = tuple(Section)
SECTION_TITLES: dict[Section, str] = {
    Section.OVERALL: N_("Narrative", "Overall progress"),
    Section.RESULTS: N_("Narrative", "Main results"),
    Section.PROBLEMS: N_("Narrative", "Problems"),
    Section.NEXT_STEPS: N_("Narrative", "Next steps"),
}
SIMILAR = 0.8  # sentences at least this alike (0 … 1) are one sentence
NEAR_CANDIDATES = 200  # earlier sentences a new one is compared with for likeness
ITEM_LIMIT = 30  # sentences listed per section; the rest are counted
NAMED_LIMIT = 8  # tasks named after a sentence; the rest are counted
TEXT_LIMIT = 20000  # characters of a section the clerk may store
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")
_TRAILING = "。．.；;，,、！!？? \t"
# A numbering before a sentence (2. / 2、 / （二） / (3)), not a figure (2.5亿元)
_NUMBERED = re.compile(r"^[(（]?[0-9一二三四五六七八九十]{1,3}[)）.、．](?![0-9])\s*")
_FIGURES = re.compile(r"\d+(?:\.\d+)?")
_BEHIND = (StatusLight.RED, StatusLight.YELLOW)
# How offices write the sections' names (read as well as the titles in either language)
_SPELLINGS = {
    Section.OVERALL: ("总体进展", "总体情况", "总体进展情况"),
    Section.RESULTS: ("主要成效", "工作成效"),
    Section.PROBLEMS: ("存在问题", "问题"),
    Section.NEXT_STEPS: ("下步工作", "下步打算", "下一步工作"),
}


def parse_section(text: str) -> Section:
    """A :class:`Section` from its code (``overall``, ``results``, ``problems``,
    ``next_steps``) or its title in either language; ValidationError names the text."""
    folded = "".join(str(text or "").split()).casefold().replace("-", "_")
    for section in SECTIONS:
        titles = (section_title(section, lang) for lang in ("zh", "en"))
        names = {section.value, *(title_key(t) for t in (*titles, *_SPELLINGS[section]))}
        if folded in names or title_key(folded) in names:
            return section
    raise ValidationError(
        N_(
            "Messages",
            "“{text}” is not a narrative section (write overall, results, problems or next_steps)",
        ),
        field="section",
        text=text,
    )


def section_title(section: Section, lang: str) -> str:
    """总体进展 / Overall progress …"""
    return translated(lang_key(lang), CONTEXT, SECTION_TITLES[section])


def check_text(section: Section, text: str) -> str:
    """The text the clerk wrote for ``section``, blanks at its ends trimmed; ValidationError
    when it is longer than :data:`TEXT_LIMIT`."""
    cleaned = str(text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(cleaned) > TEXT_LIMIT:
        raise ValidationError(
            N_("Messages", "the {section} text is {length} characters long; at most {limit} fit"),
            field="text",
            section=section.value,
            length=len(cleaned),
            limit=TEXT_LIMIT,
        )
    return cleaned


@dataclass(frozen=True, slots=True)
class NarrativeTask:
    """One task of a program or project as the period's narrative reads it.

    ``light``, ``status`` and ``percent`` as it stood at the period's end (``recorded``
    False: no progress report by then); ``reported``: a progress report of (a part of) the
    period; ``narrative``, ``problems`` and ``next_steps``: that report's 进展情况, 存在问题
    and 下步打算 (several reports of the period joined in their order)."""

    code: str
    title: str
    light: StatusLight
    status: TaskStatus = TaskStatus.IN_PROGRESS
    percent: int = 0
    recorded: bool = True
    reported: bool = False
    overdue: bool = False
    newly_done: bool = False  # done in the period (first reported done in it)
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""

    def label(self) -> str:
        """How a sentence names the task: its code, else the start of its title."""
        if self.code:
            return self.code
        title = " ".join(self.title.split())
        return title if len(title) <= 16 else title[:15] + "…"


@dataclass(slots=True)
class Group:
    """One sentence and the tasks (labels, plan order) whose reports say it or its like."""

    text: str
    labels: list[str] = field(default_factory=list)
    key: str = ""  # as compared (title_key)
    figures: tuple[str, ...] = ()  # the numbers in it: alike sentences have the same


def sentences(text: str) -> list[str]:
    """The sentences of a report's text, without their closing punctuation; blank ones out."""
    out = []
    for part in _SENTENCE_END.split(text or ""):
        cleaned = " ".join(part.split()).rstrip(_TRAILING).lstrip("，,、；; ")
        cleaned = _NUMBERED.sub("", cleaned, count=1)
        if cleaned:
            out.append(cleaned)
    return out


def group_sentences(items: Iterable[tuple[str, str]]) -> list[Group]:
    """``(task label, text)`` pairs → the sentences said, each once with the tasks that said
    it, in order of first saying. Sentences alike (:data:`SIMILAR`, compared as titles are
    matched) and with the same figures are one; its wording is the fullest of them (the
    first of equal length)."""
    groups: list[Group] = []
    by_key: dict[str, Group] = {}
    matcher = SequenceMatcher(autojunk=False)
    for label, text in items:
        for sentence in sentences(text):
            key = title_key(sentence) or sentence
            group = by_key.get(key)
            if group is None:
                group = _alike(matcher, key, groups)
            if group is None:
                group = Group(sentence, [], key, tuple(_FIGURES.findall(key)))
                groups.append(group)
            by_key.setdefault(key, group)
            if len(key) > len(group.key):
                group.text, group.key = sentence, key
            if label not in group.labels:
                group.labels.append(label)
    return groups


def _alike(matcher: SequenceMatcher, key: str, groups: list[Group]) -> Group | None:
    """The group among the latest :data:`NEAR_CANDIDATES` whose key is :data:`SIMILAR` to
    ``key`` (the most alike; the earliest of equals), else None."""
    matcher.set_seq2(key)
    best, best_ratio = None, SIMILAR
    size, figures = len(key), tuple(_FIGURES.findall(key))
    for group in groups[-NEAR_CANDIDATES:]:
        other = len(group.key)
        if 2 * min(size, other) / max(size + other, 1) < best_ratio:  # cannot reach it
            continue
        if group.figures != figures:  # other figures: another fact
            continue
        matcher.set_seq1(group.key)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio and (best is None or ratio > best_ratio):
            best, best_ratio = group, ratio
    return best


# -- the words ---------------------------------------------------------------------------------


def _w(lang: str, text: str, /, **fields: object) -> str:
    return translated(lang, CONTEXT, text, **fields)


def _n(count: int, one: str, many: str) -> str:
    """The message for ``count`` things: English says one task, two tasks (Chinese has one
    form: both messages have the same translation)."""
    return one if count == 1 else many


def _join(lang: str, items: Sequence[str]) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def _named(lang: str, labels: Sequence[str]) -> str:
    """Task labels as a sentence names them: ``任务1、3.1`` / ``tasks 1, 3.1``; past
    :data:`NAMED_LIMIT`, the first ones and how many in all."""
    shown = _join(lang, labels[:NAMED_LIMIT])
    if len(labels) > NAMED_LIMIT:
        return _w(lang, N_("Narrative", "tasks {tasks} and {n} more"), tasks=shown,
                  n=len(labels) - NAMED_LIMIT)  # fmt: skip
    if len(labels) == 1:
        return _w(lang, N_("Narrative", "task {tasks}"), tasks=shown)
    return _w(lang, N_("Narrative", "tasks {tasks}"), tasks=shown)


def _light_tally(lang: str, tasks: Sequence[NarrativeTask]) -> str:
    counts = {light: 0 for light in LIGHT_ORDER}
    for t in tasks:
        counts[t.light] += 1
    parts = [
        _w(lang, N_("Narrative", "{n} {light}"), n=n, light=in_sentence(light, lang))
        for light, n in counts.items()
        if n
    ]
    return _join(lang, parts)


def _with_light(lang: str, task: NarrativeTask) -> str:
    return _w(lang, N_("Narrative", "task {task} ({light})"), task=task.label(),
              light=in_sentence(task.light, lang))  # fmt: skip


def _listed(lang: str, groups: list[Group]) -> list[str]:
    lines = [
        _w(lang, N_("Narrative", "{text} ({tasks})."), text=g.text, tasks=_named(lang, g.labels))
        for g in groups[:ITEM_LIMIT]
    ]
    if len(groups) > ITEM_LIMIT:
        lines.append(_w(lang, N_("Narrative", "… and {n} more."), n=len(groups) - ITEM_LIMIT))
    return lines


def _mean_percent(tasks: Sequence[NarrativeTask]) -> float:
    counted = [t.percent for t in tasks if t.recorded and t.status != TaskStatus.CANCELLED]
    return sum(counted) / len(counted) if counted else 0.0


def _overall(lang: str, tasks: Sequence[NarrativeTask], period: Period) -> str:
    if not tasks:
        return _w(lang, N_("Narrative", "There are no tasks here."))
    lines = [
        _w(lang, _n(len(tasks),
                    N_("Narrative", "In {period}, {tasks} task: {lights}; {percent}% complete on "
                       "average."),
                    N_("Narrative", "In {period}, {tasks} tasks: {lights}; {percent}% complete on "
                       "average.")),
           period=period_text(period, lang), tasks=len(tasks), lights=_light_tally(lang, tasks),
           percent=f"{_mean_percent(tasks):.0f}"),
    ]  # fmt: skip
    reported = sum(t.reported for t in tasks)
    if not reported:
        lines.append(_w(lang, _n(len(tasks),
                                 N_("Narrative", "The {n} task did not report progress for the "
                                    "period."),
                                 N_("Narrative", "None of the {n} tasks reported progress for "
                                    "the period.")),
                        n=len(tasks)))  # fmt: skip
    elif reported == len(tasks):
        lines.append(_w(lang, _n(reported,
                                 N_("Narrative", "The {n} task reported progress for the period."),
                                 N_("Narrative", "All {n} tasks reported progress for the "
                                    "period.")),
                        n=reported))  # fmt: skip
    else:
        lines.append(_w(lang, _n(reported,
                                 N_("Narrative", "{reported} task reported progress for the "
                                    "period; {missing} did not."),
                                 N_("Narrative", "{reported} tasks reported progress for the "
                                    "period; {missing} did not.")),
                        reported=reported, missing=len(tasks) - reported))  # fmt: skip
    done = [t.label() for t in tasks if t.newly_done]
    if done:
        lines.append(_w(lang, _n(len(done),
                                 N_("Narrative", "{n} task was completed in the period ({tasks})."),
                                 N_("Narrative", "{n} tasks were completed in the period "
                                    "({tasks}).")),
                        n=len(done), tasks=_named(lang, done)))  # fmt: skip
    behind = [t for t in tasks if t.light in _BEHIND]
    if behind:
        behind.sort(key=lambda t: t.light != StatusLight.RED)  # overdue first, plan order kept
        shown = [_with_light(lang, t) for t in behind[:NAMED_LIMIT]]
        if len(behind) > NAMED_LIMIT:
            shown.append(_w(lang, N_("Narrative", "{n} more"), n=len(behind) - NAMED_LIMIT))
        lines.append(_w(lang, _n(len(behind),
                                 N_("Narrative", "{n} task needs attention: {tasks}."),
                                 N_("Narrative", "{n} tasks need attention: {tasks}.")),
                        n=len(behind), tasks=_join(lang, shown)))  # fmt: skip
    return "\n".join(lines)


def _results(lang: str, tasks: Sequence[NarrativeTask]) -> str:
    groups = group_sentences((t.label(), t.narrative) for t in tasks)
    if not groups:
        return _w(lang, N_("Narrative", "No progress was reported for the period."))
    return "\n".join(_listed(lang, groups))


def _problems(lang: str, tasks: Sequence[NarrativeTask]) -> str:
    groups = group_sentences((t.label(), t.problems) for t in tasks)
    lines = _listed(lang, groups)
    silent = [
        t.label() for t in tasks
        if (t.light == StatusLight.RED or t.overdue) and not sentences(t.problems)
    ]  # fmt: skip
    if silent:
        lines.append(_w(lang, _n(len(silent),
                                 N_("Narrative", "{n} task is overdue or far behind with no "
                                    "problem reported ({tasks})."),
                                 N_("Narrative", "{n} tasks are overdue or far behind with no "
                                    "problem reported ({tasks}).")),
                        n=len(silent), tasks=_named(lang, silent)))  # fmt: skip
    if not lines:
        return _w(lang, N_("Narrative", "No problem was reported for the period."))
    return "\n".join(lines)


def _next_steps(lang: str, tasks: Sequence[NarrativeTask]) -> str:
    groups = group_sentences((t.label(), t.next_steps) for t in tasks)
    lines = _listed(lang, groups)
    behind = [t.label() for t in tasks if t.light in _BEHIND]
    if behind:
        lines.append(_w(lang, _n(len(behind),
                                 N_("Narrative", "Press the {n} overdue or lagging task to catch "
                                    "up ({tasks})."),
                                 N_("Narrative", "Press the {n} overdue or lagging tasks to catch "
                                    "up ({tasks}).")),
                        n=len(behind), tasks=_named(lang, behind)))  # fmt: skip
    if not lines:
        return _w(lang, N_("Narrative", "No next steps were reported for the period."))
    return "\n".join(lines)


def draft_narrative(
    tasks: Sequence[NarrativeTask], period: Period, lang: str = "zh"
) -> dict[Section, str]:
    """The four sections drafted from one program's or project's ``tasks`` (plan order) for
    ``period``, in ``lang`` (``zh`` or ``en``)."""
    lang = lang_key(lang)
    return {
        Section.OVERALL: _overall(lang, tasks, period),
        Section.RESULTS: _results(lang, tasks),
        Section.PROBLEMS: _problems(lang, tasks),
        Section.NEXT_STEPS: _next_steps(lang, tasks),
    }


def narrative_text(sections: Mapping[Section, str], lang: str = "zh") -> str:
    """The four sections as one plain text, each under its title (the command line)."""
    parts = []
    for section in SECTIONS:
        parts.append(f"{section_title(section, lang)}\n{sections.get(section, '')}".rstrip())
    return "\n\n".join(parts)


__all__ = [
    "SECTIONS",
    "SECTION_TITLES",
    "Group",
    "NarrativeTask",
    "Section",
    "check_text",
    "draft_narrative",
    "group_sentences",
    "narrative_text",
    "parse_section",
    "section_title",
    "sentences",
]
