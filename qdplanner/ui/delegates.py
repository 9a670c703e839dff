"""Cell editors of the task table: each hands the model text or a code, the store parses it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QWidget,
)

from qdplanner.domain.enums import TaskStatus
from qdplanner.store import PlanStore
from qdplanner.ui.labels import status_label


class DateLineEdit(QLineEdit):
    """A line edit for a date — or a deadline phrase — with a calendar one click away."""

    def __init__(self, parent: QWidget | None = None, *, phrases: bool = True):
        super().__init__(parent)
        self.setPlaceholderText(
            self.tr("2024-12-31 or 2024年底前") if phrases else self.tr("YYYY-MM-DD")
        )
        action = QAction("📅", self)
        action.setToolTip(self.tr("Choose a date (F4)"))
        action.setShortcut(Qt.Key.Key_F4)
        action.triggered.connect(self.show_calendar)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar: QCalendarWidget | None = None

    def show_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        try:
            current = date.fromisoformat(self.text().strip())
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        except ValueError:
            pass
        calendar.activated.connect(lambda d: self._chosen(calendar, d))
        calendar.clicked.connect(lambda d: self._chosen(calendar, d))
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar

    def _chosen(self, calendar: QCalendarWidget, qdate: QDate) -> None:
        self.setText(qdate.toString("yyyy-MM-dd"))
        calendar.close()
        self.setFocus()
        self.editingFinished.emit()


class TaskCellDelegate(QStyledItemDelegate):
    """Picks the editor by column: percent spin box, status list, unit list, date/deadline."""

    def __init__(self, store: PlanStore, columns: dict, parent=None):
        super().__init__(parent)
        self.store = store
        self.columns = columns  # Col → kind: "percent" | "status" | "unit" | "deadline" | "date"

    def _kind(self, index: QModelIndex) -> str | None:
        return self.columns.get(index.column())

    def createEditor(self, parent, option, index):
        kind = self._kind(index)
        if kind == "percent":
            editor = QSpinBox(parent)
            editor.setRange(0, 100)
            editor.setSuffix(" %")
            return editor
        if kind == "status":
            editor = QComboBox(parent)
            for status in TaskStatus:
                editor.addItem(status_label(status), status.value)
            return editor
        if kind == "unit":
            editor = QComboBox(parent)
            editor.setEditable(True)
            editor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            names = [
                r[0]
                for r in self.store.db.execute(
                    "SELECT COALESCE(NULLIF(short_name, ''), name) FROM units ORDER BY name"
                )
            ]
            editor.addItems(["", *names])
            completer = QCompleter(names, editor)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)  # type 科技 → 市科技局
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)
            return editor
        if kind in ("deadline", "date"):
            return DateLineEdit(parent, phrases=kind == "deadline")
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QComboBox) and not editor.isEditable():
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QComboBox):
            editor.setEditText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QSpinBox):
            model.setData(index, str(editor.value()))
        elif isinstance(editor, QComboBox) and not editor.isEditable():
            model.setData(index, editor.currentData())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        else:
            super().setModelData(editor, model, index)
