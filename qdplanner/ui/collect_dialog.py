"""File → Collect Progress from Units… (季度填报): what to issue, before any workbook is written.

The dialog asks for the period, the return-by date, the workbooks' language, the folder and
the lead units to write to (one protected workbook per unit); :class:`CollectionActions`
writes them with the function ``qdplanner collect`` calls.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.periods import parse_period, period_of
from qdplanner.errors import QdError
from qdplanner.store.collections import lead_units
from qdplanner.ui.commands import EditContext
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.messages import user_message
from qdplanner.ui.plan_place import plan_folder


def current_period() -> str:
    """Today's quarter (``2024Q3``): the period a round is for unless the user says."""
    return period_of(date.today()).code


class CollectDialog(QDialog):
    """What to issue: period, return-by date, language, folder and the units (methods)."""

    def __init__(self, ctx: EditContext, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Collect Progress from Units"))
        settings = QSettings()
        self.period_edit = QLineEdit(current_period())
        self.period_edit.setToolTip(self.tr("2024Q3, 2024H1, 2024-09 or 2024"))
        self.due_edit = DateLineEdit(phrases=False)
        self.due_edit.setPlaceholderText(self.tr("optional, e.g. 2024-10-10"))
        self.lang = QComboBox()
        self.lang.addItem("中文", "zh_CN")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(0 if language.startswith("zh") else 1)
        folder = settings.value("collection/folder", plan_folder(ctx.store))
        self.folder_edit = QLineEdit(folder)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.units = QListWidget()
        for unit in lead_units(ctx.store):
            label = self.tr("%1 (%n task(s))", "", unit.task_count).replace(
                "%1", unit.short_name or unit.name
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setToolTip(unit.name)
            item.setCheckState(Qt.CheckState.Checked)
            self.units.addItem(item)
        every = QPushButton(self.tr("Select &All"))
        every.clicked.connect(lambda: self._tick(Qt.CheckState.Checked))
        none = QPushButton(self.tr("Select &None"))
        none.clicked.connect(lambda: self._tick(Qt.CheckState.Unchecked))
        ticks = QHBoxLayout()
        ticks.addWidget(every)
        ticks.addWidget(none)
        ticks.addStretch(1)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period_edit)
        form.addRow(self.tr("Return by"), self.due_edit)
        form.addRow(self.tr("Workbook language"), self.lang)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Lead units"), self.units)
        form.addRow("", ticks)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Write Workbooks"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _tick(self, state: Qt.CheckState) -> None:
        for row in range(self.units.count()):
            self.units.item(row).setCheckState(state)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the Workbooks"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def unit_ids(self) -> list[int]:
        return [
            self.units.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.units.count())
            if self.units.item(r).checkState() == Qt.CheckState.Checked
        ]

    def period(self) -> str:
        return parse_period(self.period_edit.text()).code

    def due(self) -> date | None:
        text = self.due_edit.text().strip()
        return date.fromisoformat(text) if text else None

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def _accept(self) -> None:
        try:
            self.period()
        except QdError as exc:
            self.warning.setText(user_message(exc))
            return
        try:
            self.due()
        except ValueError:
            self.warning.setText(self.tr("Write the return-by date as 2024-10-10."))
            return
        if not self.folder().is_dir():
            self.warning.setText(self.tr("Choose a folder that exists."))
            return
        if not self.unit_ids():
            self.warning.setText(self.tr("Tick at least one unit."))
            return
        QSettings().setValue("collection/folder", str(self.folder()))
        self.accept()
