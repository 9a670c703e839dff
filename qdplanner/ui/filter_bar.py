"""The filter bar above the task table: text, unit, light, due-date range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from qdplanner.domain.unit_names import UnitResolver
from qdplanner.domain.vocabulary import LIGHT_ORDER
from qdplanner.store import PlanStore
from qdplanner.store.task_filter import TaskFilter
from qdplanner.store.unit_directory import unit_resolver
from qdplanner.store.units import unit_display_names
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.labels import light_text

INVALID_STYLE = "QLineEdit { background: #ffebee; }"


class FilterBar(QWidget):
    """Emits :attr:`changed` with a :class:`TaskFilter` on every change (as you type)."""

    changed = Signal(object)

    def __init__(self, store: PlanStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._resolver: UnitResolver | None = None
        self.setObjectName("filterBar")
        self.search = QLineEdit()
        self.search.setObjectName("filterText")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search title, description, notes (Ctrl+F)"))
        self.unit = QComboBox()
        self.unit.setObjectName("filterUnit")
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.lineEdit().setPlaceholderText(self.tr("Any unit"))
        self.unit.setMinimumContentsLength(5)
        self.unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.search.setMinimumWidth(100)
        self.light = QComboBox()
        self.light.setObjectName("filterLight")
        self.light.addItem(self.tr("Any light"), None)
        for light in LIGHT_ORDER:
            self.light.addItem(light_text(light), light)
        # as wide as its longest entry (■ 逾期/严重滞后), never cut short
        self.light.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.light.setMinimumWidth(self.light.sizeHint().width())
        self.due_from = DateLineEdit(phrases=False)
        self.due_to = DateLineEdit(phrases=False)
        for edit in (self.due_from, self.due_to):
            edit.setMaximumWidth(130)
            edit.setMinimumWidth(70)
        clear = QToolButton()
        clear.setText(self.tr("Clear"))
        clear.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.unit, 1)  # its placeholder says "Any unit"
        layout.addWidget(self.light)  # its first entry says "Any light"
        layout.addWidget(QLabel(self.tr("Due from")))
        layout.addWidget(self.due_from)
        layout.addWidget(QLabel(self.tr("to")))
        layout.addWidget(self.due_to)
        layout.addWidget(clear)

        self.load_units(store)
        self.search.textChanged.connect(self._emit)
        self.unit.editTextChanged.connect(self._emit)
        self.light.currentIndexChanged.connect(self._emit)
        self.due_from.textChanged.connect(self._emit)
        self.due_to.textChanged.connect(self._emit)
        focus = QShortcut(QKeySequence.StandardKey.Find, parent or self)
        focus.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))

    @property
    def resolver(self) -> UnitResolver:
        """What the unit box's text matches: built when first needed, not as a plan opens
        (a first build takes ~20 ms; :func:`unit_resolver` keeps it per plan version)."""
        if self._resolver is None:
            self._resolver = unit_resolver(self._store)
        return self._resolver

    def load_units(self, store: PlanStore) -> None:
        self._store, self._resolver = store, None
        names = unit_display_names(store)
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItems(["", *names])
        completer = QCompleter(names, self.unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit.setCompleter(completer)
        # Enter takes the highlighted suggestion, else the first one shown
        completer.popup().installEventFilter(self)
        self.unit.blockSignals(False)
        if not getattr(self, "_enter_connected", False):
            self.unit.lineEdit().returnPressed.connect(self._take_first_suggestion)
            self._enter_connected = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        completer = self.unit.completer()
        if (
            completer is not None
            and watched is completer.popup()
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            popup = completer.popup()
            index = popup.currentIndex()
            if not index.isValid() and popup.model().rowCount() > 0:
                index = popup.model().index(0, 0)
            if index.isValid():
                popup.hide()
                self.take_unit(index.data())
                return True
        return super().eventFilter(watched, event)

    def _take_first_suggestion(self) -> None:
        """Enter with no list open: a partial name becomes the first unit it suggests."""
        completer = self.unit.completer()
        text = self.unit.currentText().strip()
        if completer is None or not text or self.unit.findText(text) > 0:
            return
        completer.setCompletionPrefix(text)
        if completer.completionCount() > 0:
            completer.setCurrentRow(0)
            self.take_unit(completer.currentCompletion())

    def take_unit(self, name: str) -> None:
        """Filter by the unit ``name`` (a full name from the list), as if typed."""
        self.unit.setEditText(name)
        self.unit.lineEdit().setCursorPosition(len(name))

    def _date(self, edit: QLineEdit) -> date | None:
        text = edit.text().strip()
        try:
            value = date.fromisoformat(text) if text else None
        except ValueError:
            edit.setStyleSheet(INVALID_STYLE)
            edit.setToolTip(self.tr("Not a date: use YYYY-MM-DD"))
            return None
        edit.setStyleSheet("")
        edit.setToolTip("")
        return value

    def current(self) -> TaskFilter:
        light = self.light.currentData()
        unit = self.unit.currentText()
        found = self.resolver.matching(unit) if unit.strip() else []
        return TaskFilter(
            text=self.search.text(),
            unit=unit,
            unit_names=frozenset(u.name for u in found),
            lights=frozenset([light]) if light else frozenset(),
            due_from=self._date(self.due_from),
            due_to=self._date(self.due_to),
        )

    def _emit(self, *_args) -> None:
        self.changed.emit(self.current())

    def clear(self) -> None:
        for widget in (self.search, self.due_from, self.due_to):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        self.unit.blockSignals(True)
        self.unit.setEditText("")
        self.unit.blockSignals(False)
        self.light.blockSignals(True)
        self.light.setCurrentIndex(0)
        self.light.blockSignals(False)
        self._emit()
