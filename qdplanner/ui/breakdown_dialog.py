"""How to read a task-breakdown sheet: which sheet, which plan document, what each column is.

Shown when the importer could not find the task column of a breakdown sheet, and whenever
the user presses "Columns and Destination…" in the preview. The column table starts from
what the importer recognised; the user picks a meaning for each column (or "not read").
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdplanner.excel.breakdown_headers import FIELDS
from qdplanner.excel.breakdown_import import BreakdownOptions, BreakdownPreview
from qdplanner.store import PlanStore, plan_tables


def field_label(name: str) -> str:
    """What a column of a breakdown sheet can mean, in words."""
    return {
        "seq": QCoreApplication.translate("Breakdown", "Number (序号)"),
        "program": QCoreApplication.translate("Breakdown", "Program (计划)"),
        "project": QCoreApplication.translate("Breakdown", "Project (工程)"),
        "group": QCoreApplication.translate("Breakdown", "Program or project"),
        "task": QCoreApplication.translate("Breakdown", "Task (重点任务)"),
        "lead": QCoreApplication.translate("Breakdown", "Lead unit (牵头单位)"),
        "support": QCoreApplication.translate("Breakdown", "Supporting units (配合单位)"),
        "units": QCoreApplication.translate(
            "Breakdown", "Responsible units, first one leads (责任单位)"
        ),
        "deadline": QCoreApplication.translate("Breakdown", "Deadline (完成时限)"),
        "notes": QCoreApplication.translate("Breakdown", "Notes (备注)"),
        "target": QCoreApplication.translate("Breakdown", "Target, into the description"),
    }[name]


class BreakdownDialog(QDialog):
    """The choices; :meth:`options` gives them as :class:`BreakdownOptions`."""

    def __init__(self, store: PlanStore, preview: BreakdownPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Read Task-Breakdown Sheet — %1").replace("%1", preview.file_name)
        )
        result = preview.result
        self.first_sheet = result.sheet if result else None
        intro = QLabel(
            self.tr(
                "This workbook is read as a task-breakdown sheet (任务分解表). Choose what each "
                "column holds; a task column is required. Columns set to “not read” are ignored."
            )
        )
        intro.setWordWrap(True)
        self.sheet = QComboBox()
        self.sheet.addItems(preview.sheet_names)
        if self.first_sheet:
            self.sheet.setCurrentText(self.first_sheet)
        self.document = QComboBox()
        title = result.title if result and result.title else ""
        self.document.addItem(
            self.tr("The one the title names, else a new one: %1").replace("%1", title)
            if title
            else self.tr("Automatic"),
            None,
        )
        for document in plan_tables.plan_documents(store):
            self.document.addItem(document.title, document.id)
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the sheet"), self.tr("Read as")]
        )
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.setColumnWidth(0, 60)
        self.columns.setColumnWidth(2, 280)
        self.boxes: dict[int, QComboBox] = {}
        if result is not None:
            layout = result.layout
            for row, column in enumerate(sorted(set(layout.headers) | set(layout.mapping))):
                self.columns.insertRow(row)
                letter = QTableWidgetItem(get_column_letter(column + 1))
                header = QTableWidgetItem(layout.headers.get(column, ""))
                for item in (letter, header):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(row, 0, letter)
                self.columns.setItem(row, 1, header)
                box = QComboBox()
                box.addItem(self.tr("— not read —"), None)
                for name in FIELDS:
                    box.addItem(field_label(name), name)
                box.setCurrentIndex(max(box.findData(layout.mapping.get(column)), 0))
                self.columns.setCellWidget(row, 2, box)
                self.boxes[column] = box
        self.sheet.currentTextChanged.connect(self._sheet_changed)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Into plan document"), self.document)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Preview"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.columns, 1)
        box.addWidget(self.warning)
        box.addWidget(buttons)
        self.resize(640, 520)

    def _sheet_changed(self) -> None:
        # the columns listed belong to the first sheet: another sheet is read from its headers
        self.columns.setEnabled(self.sheet.currentText() == self.first_sheet)

    def mapping(self) -> dict[int, str] | None:
        if not self.columns.isEnabled():
            return None
        return {c: box.currentData() for c, box in self.boxes.items() if box.currentData()}

    def _accept(self) -> None:
        mapping = self.mapping()
        if mapping is not None and "task" not in mapping.values():
            self.warning.setText(self.tr("Choose the column that holds the tasks."))
            return
        self.accept()

    def options(self) -> BreakdownOptions:
        return BreakdownOptions(
            sheet=self.sheet.currentText() or None,
            mapping=self.mapping(),
            plan_document_id=self.document.currentData(),
        )
