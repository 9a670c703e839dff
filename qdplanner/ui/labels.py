"""Display names of the plan's vocabulary, translated. The one place enum values get words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from qdplanner.domain.enums import PlanKind, StatusLight, TaskStatus, UnitKind


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: TaskStatus) -> str:
    return {
        TaskStatus.NOT_STARTED: _t("Not started"),
        TaskStatus.IN_PROGRESS: _t("In progress"),
        TaskStatus.DONE: _t("Done"),
        TaskStatus.SUSPENDED: _t("Suspended"),
        TaskStatus.CANCELLED: _t("Cancelled"),
    }[status]


def light_label(light: StatusLight) -> str:
    return {
        StatusLight.DONE: _t("Done"),
        StatusLight.GREEN: _t("On track"),
        StatusLight.BLUE: _t("Due soon"),
        StatusLight.YELLOW: _t("At risk"),
        StatusLight.RED: _t("Overdue / far behind"),
        StatusLight.GREY: _t("Not started / ongoing"),
    }[light]


def plan_kind_label(kind: PlanKind) -> str:
    return {
        PlanKind.FIVE_YEAR_PLAN: _t("Five-year plan"),
        PlanKind.ACTION_PLAN: _t("Action plan"),
        PlanKind.OTHER: _t("Plan"),
    }[kind]


def unit_kind_label(kind: UnitKind) -> str:
    return {
        UnitKind.DEPARTMENT: _t("Municipal department"),
        UnitKind.DISTRICT: _t("District"),
        UnitKind.INSTITUTE: _t("Institute"),
        UnitKind.ENTERPRISE: _t("Enterprise"),
        UnitKind.OTHER: _t("Other"),
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
