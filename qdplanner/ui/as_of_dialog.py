"""View → As Of…: choose a past date to see the plan as it stood then.

The date is judged by the one rule, :func:`qdplanner.domain.status_light.judged_as_it_stood`
(a date in the past): every task from its latest progress report whose period had ended by
then (:func:`qdplanner.store.task_rows.read_task_rows` with ``history``). Today, or no date,
is the plan as it is. The choice lasts for the session only: a new window starts at today.

This module also holds the words every view says about a past date (the banner, the refusal
of an edit, the tooltips), so they read the same wherever they appear.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.periods import period_of

EARLIEST = date(2000, 1, 1)  # the calendar starts here; plans begin later
QUARTER_ENDS = 12  # how many ended quarters the dialog offers


def banner_text(day: date) -> str:
    """What the banner above the tabs says while ``day`` (in the past) is shown."""
    return QCoreApplication.translate(
        "AsOf", "As it stood on %1 — from the progress reports of periods ended by then"
    ).replace("%1", day.isoformat())


def refusal_text(day: date) -> str:
    """Why an edit is refused while ``day`` is shown."""
    return QCoreApplication.translate(
        "AsOf",
        "The table shows the plan as it stood on %1, not as it is now; go back to today "
        "(View → Back to Today) to edit.",
    ).replace("%1", day.isoformat())


def not_remembered_text() -> str:
    """The tooltip of the menu entry, the dialog and the banner."""
    return QCoreApplication.translate(
        "AsOf",
        "Shows every task as it stood on a past date: status and percent from its latest "
        "progress report whose period had ended by then. The date is not remembered: the "
        "next session starts at today.",
    )


def reported_text(light_word: str, period: str) -> str:
    """Tooltip of a task's light and percent at a past date: which report said so."""
    return (
        QCoreApplication.translate("AsOf", "%1 — from the progress report for %2")
        .replace("%1", light_word)
        .replace("%2", period)
    )


def no_record_text(day: date) -> str:
    """Tooltip of a task with no progress report by the date shown."""
    return QCoreApplication.translate(
        "AsOf", "No progress report for a period ended by %1: how the task stood then is not known"
    ).replace("%1", day.isoformat())


def ended_quarters(today: date, count: int = QUARTER_ENDS) -> list[date]:
    """The last days of the ``count`` quarters that ended before ``today``, latest first."""
    ends: list[date] = []
    day = date.fromordinal(period_of(today).start.toordinal() - 1)
    while len(ends) < count and day >= EARLIEST:
        period = period_of(day)
        ends.append(period.end)
        day = date.fromordinal(period.start.toordinal() - 1)
    return ends


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AsOfDialog(QDialog):
    """A date (calendar popup, up to today), the ends of recent quarters, and Today."""

    def __init__(self, current: date | None, parent: QWidget | None = None, *, today=None):
        super().__init__(parent)
        self.setObjectName("asOfDialog")
        self.setWindowTitle(self.tr("View As Of"))
        self.today = today or date.today()
        explanation = QLabel(
            self.tr(
                "Show the plan as it stood on a past date: each task's status and percent "
                "from its latest progress report whose period had ended by then; a task with "
                "no report by then shows 无进展记录. A past date cannot be edited. Today "
                "shows the plan as it is."
            )
        )
        explanation.setWordWrap(True)
        explanation.setMinimumWidth(440)  # wrapped at the dialog's width, never cut off
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("asOfDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDateRange(_qdate(EARLIEST), _qdate(self.today))
        self.date_edit.setToolTip(not_remembered_text())
        self.quarter = QComboBox()
        self.quarter.setObjectName("asOfQuarter")
        self.quarter.addItem(self.tr("Choose…"), None)
        for end in ended_quarters(self.today):
            self.quarter.addItem(
                self.tr("End of %1 (%2)")
                .replace("%1", period_of(end).code)
                .replace("%2", end.isoformat()),
                end,
            )
        self.quarter.activated.connect(self._quarter_chosen)
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.setObjectName("asOfToday")
        self.today_button.clicked.connect(lambda: self.set_date(self.today))

        form = QFormLayout()
        form.addRow(self.tr("&Date:"), self.date_edit)
        form.addRow(self.tr("&End of a quarter:"), self.quarter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.today_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.set_date(current or self.today)

    def set_date(self, day: date) -> None:
        self.date_edit.setDate(_qdate(day))

    def _quarter_chosen(self, index: int) -> None:
        end = self.quarter.itemData(index)
        if end is not None:
            self.set_date(end)

    def chosen(self) -> date:
        return self.date_edit.date().toPython()


def ask_as_of(parent: QWidget, current: date | None) -> date | None:
    """Ask for a date; the date chosen (today for Today), or None when cancelled."""
    dialog = AsOfDialog(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()
