"""Cell editors of the task table: each hands the model text or a code, the store parses it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QAction, QPen
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.unit_names import split_unit_names
from qdplanner.store import PlanStore
from qdplanner.store.units import unit_display_names
from qdplanner.ui.labels import light_colour, status_label
from qdplanner.ui.models.task_table import REFUSAL_ROLE

REFUSAL_BORDER = 2  # px: the red border of a cell whose edit was refused


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


class RefusalBorderDelegate(QStyledItemDelegate):
    """Draws a red border round the cell whose edit was refused (the model's
    :data:`~qdplanner.ui.models.task_table.REFUSAL_ROLE`); its tooltip says why."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        if not index.data(REFUSAL_ROLE):
            return
        painter.save()
        pen = QPen(light_colour(StatusLight.RED))
        pen.setWidth(REFUSAL_BORDER)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = REFUSAL_BORDER // 2
        painter.drawRect(option.rect.adjusted(inset, inset, -inset - 1, -inset - 1))
        painter.restore()


class TaskCellDelegate(RefusalBorderDelegate):
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
            names = unit_display_names(self.store)
            editor.addItems(["", *names])
            completer = QCompleter(names, editor)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)  # type 科技 → 市科技局
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)
            return editor
        if kind in ("deadline", "date"):
            return DateLineEdit(parent, phrases=kind == "deadline")
        if kind == "units":
            names = unit_display_names(self.store)
            return UnitsLineEdit(names, parent)
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


class UnitPickerDialog(QDialog):
    """Tick any number of units (supporting units); a search box narrows the list."""

    def __init__(self, names: list[str], chosen: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supporting Units"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search units"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.order = [n for n in chosen if n in names]  # keep the order units were listed in
        self.list.itemChanged.connect(self._toggled)
        self.search.textChanged.connect(self._narrow)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(360, 480)

    def _toggled(self, item: QListWidgetItem) -> None:
        name = item.text()
        if item.checkState() == Qt.CheckState.Checked and name not in self.order:
            self.order.append(name)
        elif item.checkState() != Qt.CheckState.Checked and name in self.order:
            self.order.remove(name)

    def _narrow(self, text: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(text.strip().casefold() not in item.text().casefold())

    def chosen(self) -> str:
        return "、".join(self.order)


class UnitsLineEdit(QLineEdit):
    """Supporting units as text (名称、名称) with a picker one click (or F4) away."""

    def __init__(self, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.names = names
        action = QAction("…", self)
        action.setToolTip(self.tr("Choose units (F4)"))
        action.setShortcut(Qt.Key.Key_F4)
        action.triggered.connect(self.pick)
        self.addAction(action, QLineEdit.ActionPosition.TrailingPosition)

    def pick(self) -> None:
        chosen = split_unit_names(self.text())
        dialog = UnitPickerDialog(self.names, chosen, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.setText(dialog.chosen())
            self.setFocus()
