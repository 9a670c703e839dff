"""The History view: the plan's change log (操作日志), filtered by record type, unit, user,
date range and text; read-only. It follows the edits announced on the shared context."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdplanner.errors import QdError
from qdplanner.store.history import history_entities, history_users
from qdplanner.store.units import unit_choices
from qdplanner.ui.commands import EditContext
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.history_table import HistoryCol, HistoryTableModel
from qdplanner.ui.models.history_words import entity_label

LIMIT = 5000
INVALID_STYLE = "QLineEdit { background: #ffebee; }"
WIDTHS = {
    HistoryCol.WHEN: 150,
    HistoryCol.USER: 80,
    HistoryCol.SOURCE: 70,
    HistoryCol.DESCRIPTION: 180,
    HistoryCol.ENTITY: 80,
    HistoryCol.RECORD: 220,
    HistoryCol.FIELD: 90,
    HistoryCol.OLD: 160,
    HistoryCol.NEW: 160,
}


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
    """Replace a filter combo's choices, keeping the chosen one when it is still there."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    found = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


class HistoryView(QWidget):
    """Filters above a read-only table of logged changes, newest first.

    Re-reads the log when ``ctx`` announces a change (at once if shown, else when next
    shown); call :meth:`refresh` after writes made elsewhere.
    """

    def __init__(self, ctx: EditContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyView")
        self.ctx = ctx
        self.entity = QComboBox()
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.unit.model(), self.unit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.setCompleter(completer)
        self.user = QComboBox()
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(120)
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Search action, record, old and new values"))
        self.status = QLabel()

        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        for col, width in WIDTHS.items():
            self.table.setColumnWidth(col, width)

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Record type")), 0, 0)
        filters.addWidget(self.entity, 0, 1)
        filters.addWidget(QLabel(self.tr("Unit")), 0, 2)
        filters.addWidget(self.unit, 0, 3)
        filters.addWidget(QLabel(self.tr("User")), 0, 4)
        filters.addWidget(self.user, 0, 5)
        filters.addWidget(QLabel(self.tr("From")), 1, 0)
        filters.addWidget(self.date_from, 1, 1)
        filters.addWidget(QLabel(self.tr("To")), 1, 2)
        filters.addWidget(self.date_to, 1, 3)
        filters.addWidget(QLabel(self.tr("Text")), 1, 4)
        filters.addWidget(self.text, 1, 5)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.status)

        self._stale = True
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self.apply_filters)
        for combo in (self.entity, self.user, self.unit):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.unit.lineEdit().textEdited.connect(lambda _t: self._typing.start())
        for edit in (self.date_from, self.date_to, self.text):
            edit.textChanged.connect(lambda _t: self._typing.start())
        # Edits come one per committed cell: re-read once, a moment after they stop.
        self._later = QTimer(self, singleShot=True, interval=300)
        self._later.timeout.connect(self.refresh)
        ctx.structure_changed.connect(lambda _focus: self._changed())
        ctx.tasks_changed.connect(lambda _ids: self._changed())
        self.refresh()

    # -- filters -------------------------------------------------------------------
    def _load_choices(self) -> None:
        store = self.ctx.store
        entities = sorted(
            ((entity_label(e), e) for e in history_entities(store)), key=lambda item: item[0]
        )
        _refill(self.entity, self.tr("All record types"), entities)
        _refill(self.user, self.tr("All users"), [(u, u) for u in history_users(store)])
        _refill(self.unit, self.tr("All units"), [(n, i) for i, n in unit_choices(store)])

    def _unit_id(self) -> int | None:
        """The unit the combo names exactly (by its text), else None: every unit."""
        text = self.unit.currentText().strip()
        found = self.unit.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        return self.unit.itemData(found) if found > 0 else None

    def _date(self, edit: QLineEdit) -> date | None:
        """The day typed in ``edit``; marks it when it is not a date (and then ignores it)."""
        text = edit.text().strip()
        try:
            day = date.fromisoformat(text) if text else None
        except ValueError:
            edit.setStyleSheet(INVALID_STYLE)
            edit.setToolTip(self.tr("Write the date as 2024-06-30"))
            return None
        edit.setStyleSheet("")
        edit.setToolTip("")
        return day

    def filters(self) -> dict:
        """The filters as :func:`qdplanner.store.history.read_history` takes them."""
        return {
            "entity": self.entity.currentData(),
            "unit_id": self._unit_id(),
            "user": self.user.currentData(),
            "date_from": self._date(self.date_from),
            "date_to": self._date(self.date_to),
            "text": self.text.text().strip() or None,
            "limit": LIMIT,
        }

    def apply_filters(self) -> None:
        """Re-read the log with the current filters (one query, at most LIMIT rows)."""
        self._typing.stop()
        self._stale = False
        try:
            self.model.load(self.ctx.store, **self.filters())
        except QdError as exc:
            self.status.setText(user_message(exc))
            return
        shown = self.model.rowCount()
        if shown >= LIMIT:
            text = self.tr(
                "The latest %n change(s); narrow the filters to see older ones.", "", shown
            )
        else:
            text = self.tr("%n change(s)", "", shown)
        self.status.setText(text)

    # -- refreshing ----------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the filter choices and the log."""
        self._later.stop()
        self._load_choices()
        self.apply_filters()

    def _changed(self) -> None:
        if self.isVisible():
            self._later.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
