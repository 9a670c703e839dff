"""The change log as a read-only table: when, who, from where, what record, old → new.

Rows come from :func:`qdplanner.store.history.read_history` (filtered and limited in SQL);
the model only words them in the user's language (:mod:`history_words`): record types,
sources, actions, fields, coded values and whole records. Sorting happens here, on Python
keys.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt

from qdplanner.domain.enums import ChangeSource
from qdplanner.store import PlanStore
from qdplanner.store.history import HistoryRow, read_history
from qdplanner.ui.labels import label
from qdplanner.ui.models.history_words import (
    action_text,
    entity_label,
    field_word,
    logged_record,
    record_text,
    setting_label,
    setting_value_text,
    value_text,
)
from qdplanner.ui.models.rows_model import RowsTableModel

CHANGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryCol(IntEnum):
    WHEN = 0
    USER = 1
    SOURCE = 2
    DESCRIPTION = 3
    ENTITY = 4
    RECORD = 5
    FIELD = 6
    OLD = 7
    NEW = 8


def field_label(row: HistoryRow) -> str:
    """The changed field in words; for a whole record, whether it was added or removed."""
    if row.field == "*":
        bulk = row.old_value is None and logged_record(row.new_value) is None
        if row.entity_id is None and bulk:
            return QCoreApplication.translate("History", "(several records)")
        return (
            QCoreApplication.translate("History", "(added)")
            if row.old_value is None
            else QCoreApplication.translate("History", "(removed)")
        )
    return field_word(row.entity, row.field)


def value_label(row: HistoryRow, value: str | None, name: str | None = None) -> str:
    """A logged value as shown: references (and lists of them) by ``name``, a whole record
    field by field, a bulk change's note and coded values in words, the rest as logged."""
    if value is None:
        return ""
    if name is not None:
        return name
    if row.field == "*":
        record = logged_record(value)
        return action_text(value) if record is None else record_text(row.entity, record)
    if row.entity == "settings" and row.field == "value":  # Plan → Settings…, by their words
        worded = setting_value_text(row.record, value)
        if worded is not None:
            return worded
    return value_text(row.entity, row.field, value)


def record_label(row: HistoryRow) -> str:
    """The changed record in words (a setting by what it sets)."""
    return setting_label(row.record) if row.entity == "settings" else row.record


class HistoryTableModel(RowsTableModel):
    """The filtered change log, newest first until sorted otherwise; read-only."""

    COLUMNS = HistoryCol

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def load(self, store: PlanStore, **filters) -> None:
        """Read the log through ``read_history(store, **filters)``; may raise its errors."""
        rows = read_history(store, **filters)
        self.beginResetModel()
        self._rows = rows
        self._apply_sort()
        self.endResetModel()

    def row_at(self, row: int) -> HistoryRow:
        return self._rows[row]

    def headers(self) -> list[str]:
        names = {
            HistoryCol.WHEN: self.tr("When"),
            HistoryCol.USER: self.tr("User"),
            HistoryCol.SOURCE: self.tr("Source"),
            HistoryCol.DESCRIPTION: self.tr("Action"),
            HistoryCol.ENTITY: self.tr("Type"),
            HistoryCol.RECORD: self.tr("Record"),
            HistoryCol.FIELD: self.tr("Field"),
            HistoryCol.OLD: self.tr("Old value"),
            HistoryCol.NEW: self.tr("New value"),
        }
        return [names[c] for c in HistoryCol]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._display(row, HistoryCol(index.column()))
            if role == Qt.ItemDataRole.DisplayRole:
                return text.replace("\n", " ⏎ ")
            return text or None
        if role == CHANGE_ID_ROLE:
            return row.id
        return None

    def _display(self, row: HistoryRow, col: HistoryCol) -> str:
        if col == HistoryCol.WHEN:
            return row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if col == HistoryCol.USER:
            return row.user
        if col == HistoryCol.SOURCE:
            known = row.source in ChangeSource._value2member_map_
            return label(ChangeSource(row.source)) if known else row.source
        if col == HistoryCol.DESCRIPTION:
            return action_text(row.description)
        if col == HistoryCol.ENTITY:
            return entity_label(row.entity)
        if col == HistoryCol.RECORD:
            return record_label(row)
        if col == HistoryCol.FIELD:
            return field_label(row)
        if col == HistoryCol.OLD:
            return value_label(row, row.old_value, row.old_name)
        return value_label(row, row.new_value, row.new_name)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        if column < 0:
            self._rows.sort(key=lambda r: r.id, reverse=True)  # newest first
        elif column == HistoryCol.WHEN:  # ids grow with time, and break ties within a batch
            self._rows.sort(key=lambda r: r.id, reverse=descending)
        else:
            col = HistoryCol(column)
            self._rows.sort(key=lambda r: self._display(r, col), reverse=descending)
