"""The change log as a read-only table: when, who, from where, what record, old → new.

Rows come from :func:`qdplanner.store.history.read_history` (filtered and limited in SQL);
the model only words them: table names, sources, fields and a few values in the user's
language. Sorting happens here, on Python keys.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt

from qdplanner.domain.enums import ChangeSource, TaskStatus, UnitKind
from qdplanner.store import PlanStore
from qdplanner.store.history import HistoryRow, read_history
from qdplanner.ui.labels import status_label, unit_kind_label
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


def entity_label(entity: str) -> str:
    """What kind of record a table holds, in words (the table name when unknown)."""
    return {
        "plan_documents": QCoreApplication.translate("History", "Plan document"),
        "programs": QCoreApplication.translate("History", "Program"),
        "projects": QCoreApplication.translate("History", "Project"),
        "goals": QCoreApplication.translate("History", "Goal"),
        "tasks": QCoreApplication.translate("History", "Task"),
        "task_units": QCoreApplication.translate("History", "Task unit"),
        "task_links": QCoreApplication.translate("History", "Task link"),
        "milestones": QCoreApplication.translate("History", "Milestone"),
        "units": QCoreApplication.translate("History", "Unit"),
        "unit_aliases": QCoreApplication.translate("History", "Unit alias"),
        "indicators": QCoreApplication.translate("History", "Indicator"),
        "indicator_values": QCoreApplication.translate("History", "Indicator value"),
        "sources": QCoreApplication.translate("History", "Source"),
        "progress_reports": QCoreApplication.translate("History", "Progress report"),
        "evidence_files": QCoreApplication.translate("History", "Evidence file"),
        "collections": QCoreApplication.translate("History", "Collection round"),
        "baselines": QCoreApplication.translate("History", "Baseline"),
        "baseline_tasks": QCoreApplication.translate("History", "Baseline date"),
        "settings": QCoreApplication.translate("History", "Setting"),
    }.get(entity, entity)


def source_label(source: str) -> str:
    return {
        ChangeSource.FORM: QCoreApplication.translate("History", "Form"),
        ChangeSource.TABLE: QCoreApplication.translate("History", "Table"),
        ChangeSource.IMPORT: QCoreApplication.translate("History", "Import"),
        ChangeSource.COMMAND: QCoreApplication.translate("History", "Command"),
        ChangeSource.SAMPLE: QCoreApplication.translate("History", "Sample plan"),
        ChangeSource.TIMELINE: QCoreApplication.translate("History", "Timeline"),
        ChangeSource.MIGRATION: QCoreApplication.translate("History", "Upgrade"),
    }.get(source, source)


def field_label(row: HistoryRow) -> str:
    """The changed field in words; for a whole record, whether it was added or removed."""
    if row.field == "*":
        bulk = row.old_value is None and not (row.new_value or "").startswith("{")
        if row.entity_id is None and bulk:
            return QCoreApplication.translate("History", "(several records)")
        return (
            QCoreApplication.translate("History", "(added)")
            if row.old_value is None
            else QCoreApplication.translate("History", "(removed)")
        )
    return {
        "title": QCoreApplication.translate("History", "Title"),
        "name": QCoreApplication.translate("History", "Name"),
        "short_name": QCoreApplication.translate("History", "Short name"),
        "code": QCoreApplication.translate("History", "No."),
        "description": QCoreApplication.translate("History", "Description"),
        "start_date": QCoreApplication.translate("History", "Start"),
        "due_date": QCoreApplication.translate("History", "Due"),
        "deadline_text": QCoreApplication.translate("History", "Deadline"),
        "status": QCoreApplication.translate("History", "Status"),
        "percent": QCoreApplication.translate("History", "Progress %"),
        "notes": QCoreApplication.translate("History", "Notes"),
        "position": QCoreApplication.translate("History", "Position"),
        "parent_id": QCoreApplication.translate("History", "Parent task"),
        "unit_id": QCoreApplication.translate("History", "Unit"),
        "lead_unit": QCoreApplication.translate("History", "Lead unit"),
        "support_units": QCoreApplication.translate("History", "Supporting units"),
        "reporting_unit_id": QCoreApplication.translate("History", "Reporting unit"),
        "role": QCoreApplication.translate("History", "Role"),
        "alias": QCoreApplication.translate("History", "Alias"),
        "kind": QCoreApplication.translate("History", "Kind"),
        "contact": QCoreApplication.translate("History", "Contact"),
        "value": QCoreApplication.translate("History", "Value"),
    }.get(row.field, row.field)


def value_label(row: HistoryRow, value: str | None, name: str | None = None) -> str:
    """A logged value as shown: references (and lists of them) by ``name``, statuses and
    unit kinds in words, the rest as logged."""
    if value is None:
        return ""
    if name is not None:
        return name
    if row.field == "status" and value in TaskStatus._value2member_map_:
        return status_label(TaskStatus(value))
    if row.entity == "units" and row.field == "kind" and value in UnitKind._value2member_map_:
        return unit_kind_label(UnitKind(value))
    return value


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
            return source_label(row.source)
        if col == HistoryCol.DESCRIPTION:
            return row.description
        if col == HistoryCol.ENTITY:
            return entity_label(row.entity)
        if col == HistoryCol.RECORD:
            return row.record
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
