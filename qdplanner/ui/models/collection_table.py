"""A period's collection round, unit by unit: issued, returned, how many tasks reported.

Rows come from :func:`qdplanner.store.collections.collection_status` (as ``qdplanner
collect-status`` prints them); the model words them and colours each unit's standing.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from qdplanner.store.collections import CollectionState
from qdplanner.ui.labels import local_time
from qdplanner.ui.models.rows_model import RowsTableModel

STATE_COLOURS = {
    CollectionState.RETURNED: QColor("#c8e6c9"),
    CollectionState.ISSUED: QColor("#fff3c4"),
    CollectionState.NOT_ISSUED: QColor("#eeeeee"),
}


class StatusCol(IntEnum):
    UNIT = 0
    TASKS = 1
    REPORTED = 2
    STATE = 3
    ISSUED = 4
    RETURNED = 5
    FILE = 6


class CollectionStatusModel(RowsTableModel):
    COLUMNS = StatusCol

    def headers(self) -> list[str]:
        return [
            self.tr("Unit"),
            self.tr("Tasks led"),
            self.tr("Reported"),
            self.tr("Standing"),
            self.tr("Issued"),
            self.tr("Returned"),
            self.tr("Returned file"),
        ]

    def load(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def state_label(self, state: CollectionState) -> str:
        return {
            CollectionState.RETURNED: self.tr("✔ Returned"),
            CollectionState.ISSUED: self.tr("… Issued, not returned"),
            CollectionState.NOT_ISSUED: self.tr("— Not issued"),
        }[state]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                StatusCol.UNIT: row.short_name or row.unit_name,
                StatusCol.TASKS: row.task_count,
                StatusCol.REPORTED: f"{row.reported} / {row.task_count}",
                StatusCol.STATE: self.state_label(row.state),
                StatusCol.ISSUED: local_time(row.issued_at),
                StatusCol.RETURNED: local_time(row.returned_at),
                StatusCol.FILE: row.returned_file,
            }[StatusCol(col)]
        if role == Qt.ItemDataRole.ToolTipRole and col == StatusCol.UNIT:
            return row.unit_name
        if role == Qt.ItemDataRole.BackgroundRole and col == StatusCol.STATE:
            return QBrush(STATE_COLOURS[row.state])
        return None
