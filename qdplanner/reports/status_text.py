"""The plan summary as plain text and as JSON, for ``qdplanner status``.

The text is in the language asked for: the light words are the vocabulary's, the rest the
window's catalogue's (context ``CommandLine``, :mod:`qdplanner.catalogue`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from qdplanner.domain.vocabulary import LIGHT_ORDER, lights_to_show, symbol, symbol_word
from qdplanner.errors import N_
from qdplanner.store.summary import PlanSummary
from qdplanner.store.task_rows import TaskRow

STATUS_COUNTS = ["programs", "projects", "tasks", "milestones", "units", "indicators"]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    """Left-align text in a terminal column, counting CJK characters as two cells."""
    return text + " " * max(0, width - _width(text))


def _rpad(text: str, width: int) -> str:
    """Right-align text in a terminal column, counting CJK characters as two cells."""
    return " " * max(0, width - _width(text)) + text


def _task_json(row: TaskRow, history: bool) -> dict:
    known = row.recorded
    return {
        "id": row.id,
        "code": row.code,
        "title": row.title,
        "status": row.status.value if known else None,
        "percent": row.percent if known else None,
        "light": row.light.value,
        **({"reported_period": row.reported_period} if history else {}),
    }


def status_json(plan: Path, summary: PlanSummary, *, tasks: bool = False) -> dict:
    data = _status_json(plan, summary)
    if tasks:
        data["tasks"] = [_task_json(r, summary.history) for r in summary.rows]
    return data


def _status_json(plan: Path, summary: PlanSummary) -> dict:
    return {
        "plan": str(plan),
        "as_of": summary.as_of.isoformat(),
        "as_it_stood": summary.history,
        "counts": {k: summary.counts[k] for k in STATUS_COUNTS},
        "lights": {k.value: summary.lights.get(k, 0) for k in LIGHT_ORDER},
        "streams": [
            {
                "kind": s.kind,
                "name": s.name,
                "tasks": s.tasks,
                "lights": {k.value: s.lights.get(k, 0) for k in LIGHT_ORDER},
            }
            for s in summary.streams
        ],
        "overdue": [
            {"title": r.title, "lead_unit": r.lead_unit, "due": r.due_date.isoformat()}
            for r in summary.overdue
        ],
    }


def status_text(plan: Path, summary: PlanSummary, lang: str = "zh", *, tasks: bool = False) -> str:
    """The summary for a terminal in ``lang`` (zh or en); lights as symbol and word, the
    columns of the program/project table headed by the lights' symbols; with ``tasks``, every
    task with its light, percent and (for a past date) the report it was judged from."""
    from qdplanner.catalogue import line  # not for --json: 15 ms of start-up

    c = summary.counts
    heading = (
        N_("CommandLine", "Plan {plan} — as it stood on {date} (from the progress reports "
                          "whose periods had ended)")
        if summary.history
        else N_("CommandLine", "Plan {plan} — as of {date}")
    )  # fmt: skip
    lines = [
        line(lang, heading, plan=plan, date=summary.as_of.isoformat()),
        line(lang, N_("CommandLine", "Records: {programs} programs, {projects} projects, "
                      "{tasks} tasks, {milestones} milestones, {units} units, "
                      "{indicators} indicators"), **{k: c[k] for k in STATUS_COUNTS}),
        line(lang, N_("CommandLine", "Lights:")) + "  "
        + "  ".join(
            f"{symbol_word(light, lang)} {summary.lights.get(light, 0)}"
            for light in lights_to_show(summary.lights)
        ),
        "",
    ]  # fmt: skip
    if summary.streams:
        stream_header = line(lang, N_("CommandLine", "Program / project"))
        tasks_header = line(lang, N_("CommandLine", "tasks"))
        name_w = max(_width(s.name) for s in summary.streams) + 2
        name_w = max(name_w, _width(stream_header) + 2)
        tasks_w = max(5, _width(tasks_header))
        lines.append(
            _pad(stream_header, name_w)
            + _pad(tasks_header, tasks_w)
            + "  "
            + "  ".join(f"{symbol(light):>6}" for light in lights_to_show(summary.lights))
        )
        for s in summary.streams:
            lines.append(
                _pad(s.name, name_w)
                + _rpad(str(s.tasks), tasks_w)
                + "  "
                + "  ".join(
                    f"{s.lights.get(light, 0):>6}" for light in lights_to_show(summary.lights)
                )
            )
        lines.append("")
    lines.append(line(lang, N_("CommandLine", "Overdue tasks: {n}"), n=len(summary.overdue)))
    if summary.overdue:
        no_unit = "-"
        unit_w = max(_width(r.lead_unit or no_unit) for r in summary.overdue) + 2
        for r in summary.overdue:
            lines.append(
                f"  {r.due_date.isoformat()}  {_pad(r.lead_unit or no_unit, unit_w)}{r.title}"
            )
    if tasks:
        lines += ["", line(lang, N_("CommandLine", "Tasks: {n}"), n=len(summary.rows))]
        code_w = max((_width(r.code) for r in summary.rows), default=0) + 2
        for r in summary.rows:
            known = r.recorded
            percent = f"{r.percent:>3}%" if known else "   —"
            source = f"  [{r.reported_period}]" if summary.history and known else ""
            lines.append(f"  {_pad(r.code, code_w)}{symbol(r.light)} {percent}  {r.title}{source}")
    return "\n".join(lines)
