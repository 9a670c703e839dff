"""The plan summary as plain text and as JSON, for ``qdplanner status``."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from qdplanner.domain.vocabulary import LIGHT_ORDER, symbol, symbol_word
from qdplanner.store.summary import PlanSummary

STATUS_COUNTS = ["programs", "projects", "tasks", "milestones", "units", "indicators"]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    """Left-align text in a terminal column, counting CJK characters as two cells."""
    return text + " " * max(0, width - _width(text))


def status_json(plan: Path, summary: PlanSummary) -> dict:
    return {
        "plan": str(plan),
        "as_of": summary.as_of.isoformat(),
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


def status_text(plan: Path, summary: PlanSummary, lang: str = "zh") -> str:
    """The summary for a terminal; lights as symbol and word in ``lang`` (zh or en), the
    columns of the program/project table headed by the lights' symbols."""
    c = summary.counts
    lines = [
        f"Plan {plan} — as of {summary.as_of.isoformat()}",
        "Records: " + ", ".join(f"{c[k]} {k}" for k in STATUS_COUNTS),
        "Lights:  "
        + "  ".join(
            f"{symbol_word(light, lang)} {summary.lights.get(light, 0)}" for light in LIGHT_ORDER
        ),
        "",
    ]
    if summary.streams:
        name_w = max(_width(s.name) for s in summary.streams) + 2
        lines.append(
            _pad("Program / project", name_w)
            + "tasks  "
            + "  ".join(f"{symbol(light):>6}" for light in LIGHT_ORDER)
        )
        for s in summary.streams:
            lines.append(
                _pad(s.name, name_w)
                + f"{s.tasks:>5}  "
                + "  ".join(f"{s.lights.get(light, 0):>6}" for light in LIGHT_ORDER)
            )
        lines.append("")
    lines.append(f"Overdue tasks: {len(summary.overdue)}")
    if summary.overdue:
        unit_w = max(_width(r.lead_unit or "-") for r in summary.overdue) + 2
        for r in summary.overdue:
            lines.append(f"  {r.due_date.isoformat()}  {_pad(r.lead_unit or '-', unit_w)}{r.title}")
    return "\n".join(lines)
