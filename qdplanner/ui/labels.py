"""Display names of the plan's vocabulary, translated. The one place enum values get words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from qdplanner.domain.enums import PlanKind, StatusLight, TaskStatus, UnitKind
from qdplanner.reports import timeline_style as _style


def status_label(status: TaskStatus) -> str:
    return {
        TaskStatus.NOT_STARTED: QCoreApplication.translate("Labels", "Not started"),
        TaskStatus.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        TaskStatus.DONE: QCoreApplication.translate("Labels", "Done"),
        TaskStatus.SUSPENDED: QCoreApplication.translate("Labels", "Suspended"),
        TaskStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[status]


def light_label(light: StatusLight) -> str:
    """The light's words: one wording for the table, the timeline and paper."""
    return _style.light_words(light)


def plan_kind_label(kind: PlanKind) -> str:
    return {
        PlanKind.FIVE_YEAR_PLAN: QCoreApplication.translate("Labels", "Five-year plan"),
        PlanKind.ACTION_PLAN: QCoreApplication.translate("Labels", "Action plan"),
        PlanKind.OTHER: QCoreApplication.translate("Labels", "Plan"),
    }[kind]


def unit_kind_label(kind: UnitKind) -> str:
    return {
        UnitKind.DEPARTMENT: QCoreApplication.translate("Labels", "Municipal department"),
        UnitKind.DISTRICT: QCoreApplication.translate("Labels", "District"),
        UnitKind.INSTITUTE: QCoreApplication.translate("Labels", "Institute"),
        UnitKind.ENTERPRISE: QCoreApplication.translate("Labels", "Enterprise"),
        UnitKind.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[kind]


# Colours chosen to stay distinguishable for the common colour-blindness; every light also
# has a word (light_label) and a symbol, so nothing depends on colour alone. One table for the
# window, the timeline and paper: it lives with the drawing code (reports/timeline_style.py).
LIGHT_COLOURS = _style.LIGHT_COLOURS
LIGHT_SYMBOLS = _style.LIGHT_SYMBOLS


def indicator_light_label(light: str) -> str:
    """Words for an indicator's light (achieved, on_track, behind, off_track, no_data)."""
    return {
        "achieved": QCoreApplication.translate("Labels", "Achieved"),
        "on_track": QCoreApplication.translate("Labels", "On track"),
        "behind": QCoreApplication.translate("Labels", "Behind"),
        "off_track": QCoreApplication.translate("Labels", "Off track"),
        "no_data": QCoreApplication.translate("Labels", "No data"),
    }[str(light)]


def nature_label(nature: str) -> str:
    return {
        "aspirational": QCoreApplication.translate("Labels", "Aspirational (预期性)"),
        "binding": QCoreApplication.translate("Labels", "Binding (约束性)"),
    }[str(nature)]


def accumulation_label(accumulation: str) -> str:
    return {
        "annual": QCoreApplication.translate("Labels", "Annual rate"),
        "cumulative": QCoreApplication.translate("Labels", "Cumulative"),
    }[str(accumulation)]


INDICATOR_LIGHT_COLOURS = {
    "achieved": QColor("#2e7d32"),
    "on_track": QColor("#66bb6a"),
    "behind": QColor("#f9a825"),
    "off_track": QColor("#d32f2f"),
    "no_data": QColor("#9e9e9e"),
}
