"""A period's collection round, unit by unit: issued, due, returned (fully or partly), contact.

Rows come from :func:`qdplanner.store.collections.collection_status` (as ``qdplanner
collect-status`` prints them); the model words each unit's standing as the vocabulary does
(symbol and word: ``◐ Partly returned``), tints it in the standing's colour, and names the rows
a partial return left empty.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from qdplanner.store.collections import CollectionStatusRow
from qdplanner.ui.labels import light_colour, light_text, local_time
from qdplanner.ui.models.rows_model import RowsTableModel

TINT_ALPHA = 60  # the standing's colour behind its word: pale, the word stays readable


class StatusCol(IntEnum):
    UNIT = 0
    TASKS = 1
    REPORTED = 2
    STATE = 3
    DUE = 4
    ISSUED = 5
    RETURNED = 6
    LEFT_EMPTY = 7
    CONTACT = 8
    FILE = 9


class CollectionStatusModel(RowsTableModel):
    COLUMNS = StatusCol

    def headers(self) -> list[str]:
        return [
            self.tr("Unit"),
            self.tr("Tasks led"),
            self.tr("Reported"),
            self.tr("Standing"),
            self.tr("Due"),
            self.tr("Issued"),
            self.tr("Returned"),
            self.tr("Left empty"),
            self.tr("Contact"),
            self.tr("Returned file"),
        ]

    def load(self, rows: list[CollectionStatusRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> CollectionStatusRow:
        return self._rows[row]

    def _left_empty(self, row: CollectionStatusRow) -> str:
        rows = [str(e.row) for e in row.left_empty if e.row]
        removed = sum(1 for e in row.left_empty if not e.row)
        text = self.tr("rows %1").replace("%1", ", ".join(rows)) if rows else ""
        if removed:
            extra = self.tr("%n removed", "", removed)
            text = f"{text}; {extra}" if text else extra
        return text

    def _left_empty_tip(self, row: CollectionStatusRow) -> str:
        lines = [self.tr("Left empty in the return (no report yet):")]
        for e in row.left_empty:
            where = self.tr("row %1").replace("%1", str(e.row)) if e.row else self.tr("row removed")
            lines.append(f"{where}: {e.code} {e.title}".replace(":  ", ": "))
        return "\n".join(lines)

    def _contact(self, row: CollectionStatusRow) -> str:
        return " ".join(p for p in (row.contact, row.phone) if p)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = StatusCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            due = row.due_on.isoformat() if row.due_on else ""
            if due and not row.due_given:
                due += " *"
            return {
                StatusCol.UNIT: row.short_name or row.unit_name,
                StatusCol.TASKS: row.task_count,
                StatusCol.REPORTED: f"{row.reported} / {row.task_count}",
                StatusCol.STATE: light_text(row.standing),
                StatusCol.DUE: due,
                StatusCol.ISSUED: local_time(row.issued_at),
                StatusCol.RETURNED: local_time(row.returned_at),
                StatusCol.LEFT_EMPTY: self._left_empty(row),
                StatusCol.CONTACT: self._contact(row),
                StatusCol.FILE: row.returned_file,
            }[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == StatusCol.UNIT:
                return row.unit_name
            if col in (StatusCol.STATE, StatusCol.LEFT_EMPTY) and row.left_empty:
                return self._left_empty_tip(row)
            if col == StatusCol.DUE and row.due_on and not row.due_given:
                return self.tr(
                    "Issued without a due date: returns are due by the 10th of the month "
                    "after the period."
                )
            if col == StatusCol.STATE and row.late:
                return self.tr("Past the due date: chase with Reminder Notices…")
            return None
        if role == Qt.ItemDataRole.BackgroundRole and col == StatusCol.STATE:
            colour = light_colour(row.standing)
            colour.setAlpha(TINT_ALPHA)
            return QBrush(colour)
        return None
