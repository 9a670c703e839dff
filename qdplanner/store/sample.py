"""Building a plan from a sample data file (``db/sample/*.json``, format ``qdplanner-sample/1``).

The data file, not Python literals, holds the sample plan; see ``db/sample/README.md``.
Everything is written in one action, logged as coming from the sample.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qdplanner.domain.deadlines import DeadlineKind, parse_deadline
from qdplanner.domain.enums import ChangeSource, UnitRole
from qdplanner.errors import ValidationError
from qdplanner.paths import sample_plan_data
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore

SAMPLE_FORMAT = "qdplanner-sample/1"


class _Loader:
    def __init__(self, store: PlanStore, changes: ChangeSet, data: dict[str, Any]):
        self.store = store
        self.changes = changes
        self.data = data
        self.units: dict[str, int] = {}
        self.sources: dict[str, int] = {}
        self.source_titles: dict[str, str] = {}

    def load(self) -> None:
        for src in self.data.get("sources", []):
            self.sources[src["key"]] = self.changes.insert(
                "sources",
                {
                    "title": src["title"],
                    "publisher": src.get("publisher", ""),
                    "published": src.get("date"),
                    "url": src.get("url", ""),
                },
            )
            self.source_titles[src["key"]] = src["title"]
        for unit in self.data.get("units", []):
            uid = self.changes.insert(
                "units",
                {
                    "name": unit["name"],
                    "short_name": unit.get("short_name", ""),
                    "kind": unit.get("kind", "department"),
                    "contact": unit.get("contact", ""),
                    "is_illustrative": unit.get("illustrative", False),
                },
            )
            self.units[unit["key"]] = uid
            for alias in unit.get("aliases", []):
                if alias != unit["name"]:
                    self.changes.insert("unit_aliases", {"unit_id": uid, "alias": alias})
        for pos, doc in enumerate(self.data["plan_documents"]):
            self._document(doc, pos)

    def _document(self, doc: dict[str, Any], pos: int) -> None:
        doc_id = self.changes.insert(
            "plan_documents",
            {
                "title": doc["title"],
                "kind": doc.get("kind", "other"),
                "start_year": doc.get("start_year"),
                "end_year": doc.get("end_year"),
                "issuer": doc.get("issuer", ""),
                "issued_on": doc.get("issued_on"),
                "description": doc.get("description", ""),
                "position": pos,
            },
        )
        goals = {}
        for gpos, goal in enumerate(doc.get("goals", [])):
            goals[goal["name"]] = self.changes.insert(
                "goals",
                {
                    "plan_document_id": doc_id,
                    "name": goal["name"],
                    "description": goal.get("description", ""),
                    "position": gpos,
                },
            )
        streams: dict[str, tuple[str, int]] = {}
        for table, key in (("programs", "program_id"), ("projects", "project_id")):
            for spos, stream in enumerate(doc.get(table, [])):
                sid = self.changes.insert(
                    table,
                    {
                        "plan_document_id": doc_id,
                        "code": stream.get("code", ""),
                        "name": stream["name"],
                        "description": stream.get("description", ""),
                        "position": spos,
                    },
                )
                streams[stream.get("code") or stream["name"]] = (key, sid)
                for tpos, task in enumerate(stream.get("tasks", [])):
                    self._task(task, {key: sid}, None, tpos)
                for mpos, ms in enumerate(stream.get("milestones", [])):
                    self._milestone(ms, {key: sid}, mpos)
        for ipos, ind in enumerate(doc.get("indicators", [])):
            self._indicator(ind, doc_id, streams, goals, ipos)

    def _task(
        self, task: dict[str, Any], owner: dict[str, int], parent: int | None, pos: int
    ) -> None:
        deadline = parse_deadline(task.get("deadline"))
        if deadline.kind == DeadlineKind.UNPARSED:
            raise ValidationError(
                f"sample task {task['title']!r}: unreadable deadline {deadline.text!r}"
            )
        start = task.get("start") or (deadline.start.isoformat() if deadline.start else None)
        tid = self.changes.insert(
            "tasks",
            {
                **owner,
                "parent_id": parent,
                "position": pos,
                "code": task.get("code", ""),
                "title": task["title"],
                "description": task.get("description", ""),
                "start_date": start,
                "due_date": deadline.due,
                "deadline_text": deadline.text,
                "status": task.get("status", "not_started"),
                "percent": task.get("percent", 0),
                "notes": task.get("notes", ""),
                "is_illustrative": task.get("illustrative", False),
            },
        )
        illustrative = task.get("illustrative", False)
        if task.get("lead"):
            self._assign(tid, task["lead"], UnitRole.LEAD, 0, illustrative)
        for upos, key in enumerate(task.get("support", []), start=1):
            self._assign(tid, key, UnitRole.SUPPORT, upos, illustrative)
        for mpos, ms in enumerate(task.get("milestones", [])):
            self._milestone(ms, {"task_id": tid}, mpos)
        for report in task.get("progress", []):
            self.changes.insert(
                "progress_reports",
                {
                    "task_id": tid,
                    "period": report["period"],
                    "status": report["status"],
                    "percent": report["percent"],
                    "narrative": report.get("narrative", ""),
                    "problems": report.get("problems", ""),
                    "next_steps": report.get("next_steps", ""),
                    "reporting_unit_id": self.units.get(report.get("reporting_unit", "")),
                    "reported_on": report.get("reported_on"),
                    "source": "sample",
                    "is_illustrative": report.get("illustrative", illustrative),
                },
            )
        for cpos, sub in enumerate(task.get("subtasks", [])):
            self._task(sub, owner, tid, cpos)

    def _assign(
        self, task_id: int, unit_key: str, role: UnitRole, pos: int, illustrative: bool
    ) -> None:
        if unit_key not in self.units:
            raise ValidationError(f"sample: unknown unit key {unit_key!r}")
        self.changes.insert(
            "task_units",
            {
                "task_id": task_id,
                "unit_id": self.units[unit_key],
                "role": role,
                "position": pos,
                "is_illustrative": illustrative,
            },
        )

    def _milestone(self, ms: dict[str, Any], owner: dict[str, int], pos: int) -> None:
        self.changes.insert(
            "milestones",
            {
                **owner,
                "title": ms["title"],
                "planned_date": ms.get("planned"),
                "actual_date": ms.get("actual"),
                "notes": ms.get("notes", ""),
                "is_illustrative": ms.get("illustrative", False),
                "position": pos,
            },
        )

    def _indicator(
        self,
        ind: dict[str, Any],
        doc_id: int,
        streams: dict[str, tuple[str, int]],
        goals: dict[str, int],
        pos: int,
    ) -> None:
        owner = {}
        for ref in (ind.get("program"), ind.get("project")):
            if ref:
                key, sid = streams[ref]
                owner[key] = sid
        iid = self.changes.insert(
            "indicators",
            {
                "plan_document_id": doc_id,
                **owner,
                "goal_id": goals.get(ind.get("goal") or ""),
                "code": ind.get("code", ""),
                "name": ind["name"],
                "measure_unit": ind.get("measure_unit", ""),
                "direction": ind.get("direction", "higher"),
                "comparator": ind.get("comparator", "ge"),
                "baseline_year": ind.get("baseline_year"),
                "baseline_value": ind.get("baseline_value"),
                "baseline_text": ind.get("baseline_text", ""),
                "target_year": ind.get("target_year"),
                "target_value": ind.get("target_value"),
                "target_text": ind.get("target_text", ""),
                "nature": ind.get("nature", "aspirational"),
                "accumulation": ind.get("accumulation", "cumulative"),
                "notes": ind.get("note", ""),
                "position": pos,
            },
        )
        for value in ind.get("values", []):
            src = value.get("source", "")
            self.changes.insert(
                "indicator_values",
                {
                    "indicator_id": iid,
                    "year": value["year"],
                    "period": value.get("period", ""),
                    "kind": value.get("kind", "actual"),
                    "value": value.get("value"),
                    "source_id": self.sources.get(src),
                    "source": self.source_titles.get(src, src),
                    "source_date": value.get("source_date"),
                    "notes": value.get("note", ""),
                },
            )


def load_sample(store: PlanStore, path: Path | None = None) -> None:
    """Fill an empty plan with the sample data file (the Qingdao plan by default)."""
    path = path or sample_plan_data()
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != SAMPLE_FORMAT:
        raise ValidationError(f"{path}: not a {SAMPLE_FORMAT} file")
    with store.action(ChangeSource.SAMPLE, f"sample plan {path.name}") as changes:
        _Loader(store, changes, data).load()


def create_sample_plan(target: Path, *, overwrite: bool = False) -> PlanStore:
    """Create ``target`` holding the sample plan; on any error no file is left behind."""
    store = PlanStore.create(target, overwrite=overwrite)
    try:
        load_sample(store)
    except BaseException:
        store.close()
        Path(target).unlink(missing_ok=True)
        raise
    return store
