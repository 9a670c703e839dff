"""Display names of the plan's vocabulary, translated. The one place enum values get words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from qdplanner.domain.enums import PlanKind, StatusLight, TaskStatus, UnitKind


def status_label(status: TaskStatus) -> str:
    return {
        TaskStatus.NOT_STARTED: QCoreApplication.translate("Labels", "Not started"),
        TaskStatus.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        TaskStatus.DONE: QCoreApplication.translate("Labels", "Done"),
        TaskStatus.SUSPENDED: QCoreApplication.translate("Labels", "Suspended"),
        TaskStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[status]


def light_label(light: StatusLight) -> str:
    return {
        StatusLight.DONE: QCoreApplication.translate("Labels", "Done"),
        StatusLight.GREEN: QCoreApplication.translate("Labels", "On track"),
        StatusLight.BLUE: QCoreApplication.translate("Labels", "Due soon"),
        StatusLight.YELLOW: QCoreApplication.translate("Labels", "At risk"),
        StatusLight.RED: QCoreApplication.translate("Labels", "Overdue / far behind"),
        StatusLight.GREY: QCoreApplication.translate("Labels", "Not started / ongoing"),
    }[light]


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
# has a word (light_label) and a symbol, so nothing depends on colour alone.
LIGHT_COLOURS = {
    StatusLight.DONE: QColor("#2e7d32"),
    StatusLight.GREEN: QColor("#66bb6a"),
    StatusLight.BLUE: QColor("#1e88e5"),
    StatusLight.YELLOW: QColor("#f9a825"),
    StatusLight.RED: QColor("#d32f2f"),
    StatusLight.GREY: QColor("#9e9e9e"),
}
LIGHT_SYMBOLS = {
    StatusLight.DONE: "✔",
    StatusLight.GREEN: "●",
    StatusLight.BLUE: "◆",
    StatusLight.YELLOW: "▲",
    StatusLight.RED: "■",
    StatusLight.GREY: "○",
}
