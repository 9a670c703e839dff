"""The change log in the window's words: record types, fields, coded values, whole records,
and the action names other layers write in English.

The log keeps what the store wrote: table and column names, codes (``in_progress``), a
whole record as JSON when it is added or removed, and the English action names of the
store, the workbooks and the undo steps (``undo: …``, ``sample plan …``). Nothing here
changes the log; it only words it for the History view.
"""

from __future__ import annotations

import contextlib
import json
import re
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from qdplanner.domain import settings as plan_settings
from qdplanner.domain.enums import (
    Accumulation,
    ChangeSource,
    Comparator,
    Direction,
    IndicatorNature,
    PlanKind,
    TaskStatus,
    UnitKind,
    UnitRole,
    ValueKind,
)
from qdplanner.errors import N_
from qdplanner.store.plan_settings import stored_values
from qdplanner.ui.commands import UNDO_PREFIX
from qdplanner.ui.labels import label, local_time


def _tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


# Marked N_("History", …), the context spelled out: lupdate reads only a literal context.
ENTITIES = {
    "plan_documents": N_("History", "Plan document"),
    "programs": N_("History", "Program"),
    "projects": N_("History", "Project"),
    "goals": N_("History", "Goal"),
    "tasks": N_("History", "Task"),
    "task_units": N_("History", "Task unit"),
    "task_links": N_("History", "Task link"),
    "milestones": N_("History", "Milestone"),
    "units": N_("History", "Unit"),
    "unit_aliases": N_("History", "Unit alias"),
    "indicators": N_("History", "Indicator"),
    "indicator_values": N_("History", "Indicator value"),
    "sources": N_("History", "Source"),
    "progress_reports": N_("History", "Progress report"),
    "evidence_files": N_("History", "Evidence file"),
    "collections": N_("History", "Collection round"),
    "baselines": N_("History", "Baseline"),
    "baseline_tasks": N_("History", "Baseline date"),
    "settings": N_("History", "Setting"),
    "period_closes": N_("History", "Closed period"),
    "period_tasks": N_("History", "Tasks kept by a closed period"),
    "period_indicators": N_("History", "Indicators kept by a closed period"),
    "period_units": N_("History", "Unit returns kept by a closed period"),
    "period_narratives": N_("History", "Period narrative"),
}

# The columns of every logged table, and a task's units (``lead_unit``, ``support_units``).
FIELDS = {
    "title": N_("History", "Title"),
    "name": N_("History", "Name"),
    "short_name": N_("History", "Short name"),
    "code": N_("History", "No."),
    "description": N_("History", "Description"),
    "notes": N_("History", "Notes"),
    "position": N_("History", "Position"),
    "is_illustrative": N_("History", "Illustrative"),
    "plan_document_id": N_("History", "Plan document"),
    "program_id": N_("History", "Program"),
    "project_id": N_("History", "Project"),
    "goal_id": N_("History", "Goal"),
    "task_id": N_("History", "Task"),
    "parent_id": N_("History", "Parent task"),
    "unit_id": N_("History", "Unit"),
    "indicator_id": N_("History", "Indicator"),
    "source_id": N_("History", "Source"),
    "baseline_id": N_("History", "Baseline"),
    "progress_report_id": N_("History", "Progress report"),
    "start_date": N_("History", "Start"),
    "due_date": N_("History", "Due"),
    "deadline_text": N_("History", "Deadline"),
    "status": N_("History", "Status"),
    "percent": N_("History", "Progress %"),
    "lead_unit": N_("History", "Lead unit"),
    "support_units": N_("History", "Supporting units"),
    "role": N_("History", "Role"),
    "alias": N_("History", "Alias"),
    "kind": N_("History", "Kind"),
    "contact": N_("History", "Contact"),
    "phone": N_("History", "Phone"),
    "due_on": N_("History", "Return by"),
    "left_empty": N_("History", "Rows left empty"),
    "predecessor_id": N_("History", "Predecessor"),
    "successor_id": N_("History", "Successor"),
    "lag_days": N_("History", "Lag (days)"),
    "planned_date": N_("History", "Planned date"),
    "actual_date": N_("History", "Actual date"),
    "start_year": N_("History", "First year"),
    "end_year": N_("History", "Last year"),
    "issuer": N_("History", "Issued by"),
    "issued_on": N_("History", "Issued on"),
    "measure_unit": N_("History", "Unit of measure"),
    "direction": N_("History", "Better when"),
    "comparator": N_("History", "Comparison"),
    "baseline_year": N_("History", "Baseline year"),
    "baseline_value": N_("History", "Baseline value"),
    "baseline_text": N_("History", "Baseline as written"),
    "target_year": N_("History", "Target year"),
    "target_value": N_("History", "Target value"),
    "target_text": N_("History", "Target as written"),
    "nature": N_("History", "Nature"),
    "accumulation": N_("History", "Indicator kind"),
    "year": N_("History", "Year"),
    "period": N_("History", "Period"),
    "value": N_("History", "Value"),
    "source": N_("History", "Source"),
    "source_date": N_("History", "Source date"),
    "narrative": N_("History", "Progress made"),
    "problems": N_("History", "Problems"),
    "next_steps": N_("History", "Next steps"),
    "reporting_unit_id": N_("History", "Reporting unit"),
    "reported_on": N_("History", "Reported on"),
    "received_on": N_("History", "Received on"),
    "filled_by": N_("History", "Filled in by"),
    "filename": N_("History", "File name"),
    "media_type": N_("History", "File type"),
    "size": N_("History", "Size (bytes)"),
    "added_at": N_("History", "Added"),
    "issued_at": N_("History", "Issued"),
    "issued_file": N_("History", "Issued file"),
    "returned_at": N_("History", "Returned"),
    "returned_file": N_("History", "Returned file"),
    "publisher": N_("History", "Publisher"),
    "published": N_("History", "Published"),
    "url": N_("History", "Web address"),
    "saved_at": N_("History", "Saved"),
    "key": N_("History", "Setting"),
    "judged_at": N_("History", "As it stood on"),
    "closed_at": N_("History", "Closed"),
    "closed_by": N_("History", "Closed by"),
    "reopened_at": N_("History", "Reopened"),
    "reopened_by": N_("History", "Reopened by"),
}
# A column whose word depends on its table.
TABLE_FIELDS = {
    ("indicator_values", "kind"): N_("History", "Actual or target"),
    ("task_links", "kind"): N_("History", "Link"),
    ("progress_reports", "source"): N_("History", "Entered through"),
    ("period_closes", "tasks"): N_("History", "Tasks kept"),
    ("period_closes", "indicators"): N_("History", "Indicators kept"),
    ("period_closes", "units"): N_("History", "Unit returns kept"),
    ("period_closes", "lights"): N_("History", "Lights kept"),
    ("period_narratives", "section"): N_("History", "Narrative section"),
    ("period_narratives", "text"): N_("History", "Narrative text"),
    ("period_narratives", "origin"): N_("History", "Drafted or edited"),
    ("period_narratives", "updated_at"): N_("History", "Written"),
    ("period_narratives", "updated_by"): N_("History", "Written by"),
}

# The plan's settings, by key (the Record column of a setting's change).
SETTINGS = {
    "plan_uuid": N_("History", "Plan identity"),
    "collection_key": N_("History", "Key that signs collection workbooks"),
    "status_light_rules": N_("History", "Rules of the task lights"),
    "indicator_rules": N_("History", "Rules of the indicator lights"),
    "evidence_max_bytes": N_("History", "Largest evidence file"),
    "unit_forms": N_("History", "Unit name forms"),
    "report_issuer": N_("History", "Office named on the summary"),
    "report_plan_title": N_("History", "Plan title on the summary"),
}

# Columns holding a coded value, worded by the domain vocabulary.
CODED: dict[tuple[str, str], type[StrEnum]] = {
    ("tasks", "status"): TaskStatus,
    ("progress_reports", "status"): TaskStatus,
    ("progress_reports", "source"): ChangeSource,
    ("units", "kind"): UnitKind,
    ("plan_documents", "kind"): PlanKind,
    ("task_units", "role"): UnitRole,
    ("indicators", "direction"): Direction,
    ("indicators", "comparator"): Comparator,
    ("indicators", "nature"): IndicatorNature,
    ("indicators", "accumulation"): Accumulation,
    ("indicator_values", "kind"): ValueKind,
}
YES_NO = (N_("History", "No"), N_("History", "Yes"))
LINK_KINDS = {"finish_to_start": N_("History", "Finish to start")}

# Left out when a whole record is shown: the record column names it and what it belongs
# to; the rest are bookkeeping (or a file's bytes).
_NOT_SHOWN = {"id", "position", "content", "key"}
_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


def entity_label(entity: str) -> str:
    """What kind of record a table holds, in words (the table name when unknown)."""
    return _tr(ENTITIES[entity]) if entity in ENTITIES else entity


def field_word(entity: str, field: str) -> str:
    """A column of ``entity`` in words (the column's name when unknown)."""
    word = TABLE_FIELDS.get((entity, field)) or FIELDS.get(field)
    return _tr(word) if word else field


def setting_label(key: str) -> str:
    """A plan setting's name in words (the key when unknown)."""
    return _tr(SETTINGS[key]) if key in SETTINGS else key


def value_text(entity: str, field: str, value: object) -> str:
    """One logged value as it reads: codes in words, times local, JSON unpacked."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and value[:1] in '[{"':
        with contextlib.suppress(ValueError):  # a text that only starts like JSON
            value = json.loads(value)
    coded = CODED.get((entity, field))
    if coded is not None and str(value) in coded._value2member_map_:
        return label(coded(str(value)))
    if field == "is_illustrative":
        return _tr(YES_NO[value in (1, "1", True)])
    if entity == "task_links" and field == "kind" and value in LINK_KINDS:
        return _tr(LINK_KINDS[value])
    if isinstance(value, dict):
        return _pairs(entity, value)
    if isinstance(value, list):
        return "、".join(value_text(entity, field, v) for v in value)
    text = str(value)
    return local_time(text) if _TIME.match(text) else text


def setting_value_text(stored_key: str, value: object) -> str | None:
    """A logged value of one of the office's settings (Plan → Settings…) in words, each
    part by the settings table: ``Yellow when behind by: 5 points; …``; None for another
    setting (the plan's identity, its unit forms)."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    pairs = stored_values(stored_key, value)
    if pairs is None:
        return None

    def words(text: str) -> str:
        return QCoreApplication.translate(plan_settings.CONTEXT, text)

    pair = QCoreApplication.translate("History", "%1: %2")
    return QCoreApplication.translate("History", "; ").join(
        pair.replace("%1", words(plan_settings.BY_KEY[key].label)).replace(
            "%2", plan_settings.value_text(key, raw, words)
        )
        for key, raw in pairs
    )


def record_text(entity: str, record: dict) -> str:
    """A whole logged record, field by field in words: ``状态：进行中；完成进度%：55``.

    Ids of other records are left out (the Record column names them), so is bookkeeping.
    """
    shown = {
        k: v
        for k, v in record.items()
        if k not in _NOT_SHOWN
        and not k.endswith("_id")
        and v not in (None, "")
        and not (k == "is_illustrative" and not v)
    }
    if entity == "settings" and "value" in record:
        worded = setting_value_text(str(record.get("key", "")), record["value"])
        return worded if worded is not None else value_text(entity, "value", record["value"])
    return _pairs(entity, shown)


def _pairs(entity: str, values: dict) -> str:
    pair = QCoreApplication.translate("History", "%1: %2")
    parts = [
        pair.replace("%1", field_word(entity, k)).replace("%2", value_text(entity, k, v))
        for k, v in values.items()
    ]
    return QCoreApplication.translate("History", "; ").join(parts)


def logged_record(value: str | None) -> dict | None:
    """The record a whole-record row logged as JSON, or None when ``value`` is not one."""
    if not value or not value.startswith("{"):
        return None
    try:
        record = json.loads(value)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


# The English names other layers give their actions and notes (the store, the workbooks),
# matched whole; the first match words it.
_ACTIONS = [
    (re.compile(r"sample plan (?P<a>.+)"), N_("History", "Sample plan %1")),
    (
        re.compile(r"import of returned progress: (?P<a>.+) and (?P<b>\d+) more"),
        N_("History", "Import of returned progress: %1 and %2 more"),
    ),
    (
        re.compile(r"import of returned progress: (?P<a>.+)"),
        N_("History", "Import of returned progress: %1"),
    ),
    (re.compile(r"import of (?P<a>.+)"), N_("History", "Import of %1")),
    (
        re.compile(r"collect (?P<a>\S+): (?P<b>\d+) workbook\(s\) to (?P<c>.+)", re.S),
        N_("History", "Collect %1: %2 workbook(s) written to %3"),
    ),
    (
        re.compile(r"baseline #(?P<a>\d+): dates of every task copied"),
        N_("History", "Baseline #%1: the dates of every task copied"),
    ),
]


def action_text(description: str) -> str:
    """An action's name as logged, in the window's language where another layer wrote it
    in English, and an undo step's (:data:`UNDO_PREFIX`) as the step it undid; else as
    logged."""
    if description.startswith(UNDO_PREFIX):
        undone = action_text(description[len(UNDO_PREFIX) :])
        return _tr(N_("History", "Undo: %1")).replace("%1", undone)
    for pattern, template in _ACTIONS:
        found = pattern.fullmatch(description)
        if found is not None:
            text = _tr(template)
            for mark, part in (("%1", "a"), ("%2", "b"), ("%3", "c")):
                if found.groupdict().get(part) is not None:
                    text = text.replace(mark, found[part])
            return text
    return description
