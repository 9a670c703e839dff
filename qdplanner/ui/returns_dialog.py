"""File → Import Returned Workbooks…: the returned workbooks read against the plan.

Many files at once: each file's standing, every problem by file, sheet, row and column (a
file with a problem is not applied), and each conflict — two reports of a task and period
that disagree — for the user to resolve before Apply. :class:`CollectionActions` applies
them as one undo step, with the functions ``qdplanner collect-import`` calls.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import TaskStatus
from qdplanner.ui.labels import status_label
from qdplanner.ui.messages import translated


class ReturnsDialog(QDialog):
    """The returned workbooks read against the plan; conflicts resolved here; Apply."""

    def __init__(self, preview: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import Returned Workbooks"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.files = QTreeWidget()
        self.files.setRootIsDecorated(False)
        self.files.setHeaderLabels(
            [self.tr("File"), self.tr("Unit"), self.tr("Period"), self.tr("Reports"), ""]
        )
        self.files.headerItem().setText(4, self.tr("Standing"))
        for f in preview.files:
            standing = (
                self.tr("OK") if f.ok else self.tr("%n problem(s): not applied", "", len(f.errors))
            )
            item = QTreeWidgetItem(
                [f.key or f.name, f.unit_name, f.period or "", str(len(f.reports)), standing]
            )
            if not f.ok:
                item.setForeground(4, QBrush(QColor("#b71c1c")))
            self.files.addTopLevelItem(item)
        self.files.setColumnWidth(0, 240)
        self.tabs.addTab(self.files, self.tr("Files"))
        self.problems = QTreeWidget()
        self.problems.setRootIsDecorated(False)
        self.problems.setHeaderLabels(
            [self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), ""]
        )
        self.problems.headerItem().setText(4, self.tr("Problem"))
        for error in preview.errors:
            self.problems.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        error.file,
                        error.sheet,
                        "" if error.row is None else str(error.row),
                        error.column or "",
                        error.text(translated),
                    ]
                )
            )
        for warning in preview.warnings:
            self.problems.addTopLevelItem(
                QTreeWidgetItem(["", "", "", "", self.tr("Warning: %1").replace("%1", warning)])
            )
        self.problems.setColumnWidth(0, 200)
        if preview.errors or preview.warnings:
            self.tabs.addTab(
                self.problems,
                self.tr("Problems (%1)").replace(
                    "%1", str(len(preview.errors) + len(preview.warnings))
                ),
            )
        self.conflicts = QTreeWidget()
        self.conflicts.setRootIsDecorated(False)
        self.conflicts.setHeaderLabels([self.tr("Task"), self.tr("Period"), ""])
        self.conflicts.headerItem().setText(2, self.tr("Keep"))
        self.choice_boxes: dict[tuple, QComboBox] = {}
        for conflict in preview.conflicts:
            item = QTreeWidgetItem([conflict.task_title, conflict.period, ""])
            item.setToolTip(0, conflict.task_title)
            self.conflicts.addTopLevelItem(item)
            box = QComboBox()
            box.addItem(self.tr("— choose —"), None)
            for candidate in conflict.candidates:
                box.addItem(self._describe(candidate), candidate.key)
                box.setItemData(
                    box.count() - 1, candidate.values.narrative, Qt.ItemDataRole.ToolTipRole
                )
            box.currentIndexChanged.connect(self._update)
            self.conflicts.setItemWidget(item, 2, box)
            self.choice_boxes[conflict.key] = box
        self.conflicts.setColumnWidth(0, 280)
        if preview.conflicts:
            self.tabs.addTab(
                self.conflicts,
                self.tr("Conflicts (%1)").replace("%1", str(len(preview.conflicts))),
            )
            self.tabs.setCurrentWidget(self.conflicts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self._update()

    def _describe(self, candidate) -> str:
        values = candidate.values
        where = self.tr("In the plan") if candidate.is_plan else candidate.key
        narrative = (values.narrative or "").replace("\n", " ")
        if len(narrative) > 30:
            narrative = narrative[:30] + "…"
        status = status_label(TaskStatus(values.status))
        return f"{where}: {status} {values.percent}% {narrative}".strip()

    def choices(self) -> dict[tuple, str]:
        return {k: box.currentData() for k, box in self.choice_boxes.items() if box.currentData()}

    def _update(self) -> None:
        preview = self.preview
        counts = preview.counts(self.choices())
        open_conflicts = len(preview.unresolved(self.choices()))
        lines = [self.tr("%n workbook(s) read", "", len(preview.files))]
        failed = len(preview.files) - len(preview.ok_files)
        if failed:
            lines.append(self.tr("%n with problems: not applied", "", failed))
        lines += [
            self.tr("Reports to add: %1, to replace: %2, already in the plan: %3")
            .replace("%1", str(counts.get("add", 0)))
            .replace("%2", str(counts.get("replace", 0)))
            .replace("%3", str(counts.get("unchanged", 0))),
        ]
        if open_conflicts:
            lines.append(
                self.tr(
                    "%n conflict(s) to resolve: choose which report to keep for each.",
                    "",
                    open_conflicts,
                )
            )
        self.summary.setText("<br>".join(lines))
        self.apply_button.setEnabled(bool(preview.ok_files) and not open_conflicts)
