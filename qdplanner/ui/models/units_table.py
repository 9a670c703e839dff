"""The units table: a QAbstractTableModel over :func:`qdplanner.store.units.read_unit_rows`.

One query fills it; sorting happens here on Python keys. Name, short name, contact person
and phone edit in place;
those edits and the add / aliases / merge / delete methods are each one undo step (a logged
store action) through :func:`qdplanner.ui.commands.change_structure`, which also tells the
other views (``structure_changed``).
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from qdplanner.store.units import (
    UnitRow,
    add_unit,
    delete_unit,
    merge_units,
    read_unit_rows,
    restore_unit,
    set_aliases,
    unmerge,
    update_unit,
)
from qdplanner.ui.commands import EditContext, change_structure
from qdplanner.ui.labels import unit_kind_label
from qdplanner.ui.models.rows_model import RowsTableModel

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = QColor("#d32f2f")
ILLUSTRATIVE_COLOUR = QColor("#6d4c41")


class UnitCol(IntEnum):
    NAME = 0
    SHORT_NAME = 1
    KIND = 2
    LEAD = 3
    SUPPORT = 4
    OVERDUE = 5
    ALIASES = 6
    ILLUSTRATIVE = 7
    CONTACT = 8  # the contact person (联系人): who a reminder notice names
    PHONE = 9


EDITABLE = {
    UnitCol.NAME: "name",
    UnitCol.SHORT_NAME: "short_name",
    UnitCol.CONTACT: "contact",
    UnitCol.PHONE: "phone",
}
NUMBERS = (UnitCol.LEAD, UnitCol.SUPPORT, UnitCol.OVERDUE)


def _sort_key(col: UnitCol):
    return {
        UnitCol.NAME: lambda r: r.name,
        UnitCol.SHORT_NAME: lambda r: r.short_name or r.name,
        UnitCol.KIND: lambda r: list(type(r.kind)).index(r.kind),
        UnitCol.LEAD: lambda r: r.lead_count,
        UnitCol.SUPPORT: lambda r: r.support_count,
        UnitCol.OVERDUE: lambda r: r.overdue_count,
        UnitCol.ALIASES: lambda r: "、".join(r.aliases),
        UnitCol.ILLUSTRATIVE: lambda r: r.is_illustrative,
        UnitCol.CONTACT: lambda r: r.contact,
        UnitCol.PHONE: lambda r: r.phone,
    }[col]


class UnitsTableModel(RowsTableModel):
    """Every unit of the plan with its task counts; name and short name editable.

    A refused edit emits :attr:`edit_refused` with the message and changes nothing.
    """

    COLUMNS = UnitCol

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                UnitCol.LEAD: self.tr("Tasks this unit leads (牵头)"),
                UnitCol.SUPPORT: self.tr("Tasks this unit supports (配合)"),
                UnitCol.OVERDUE: self.tr("Tasks it leads that are past due and not done"),
            }.get(UnitCol(section))
        return super().headerData(section, orientation, role)

    edit_refused = Signal(QModelIndex, str)

    def __init__(self, ctx: EditContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[UnitRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # -- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the units; keep the sort, and keep selection when the same units remain."""
        fresh = read_unit_rows(self.ctx.store)
        if sorted(r.id for r in fresh) != sorted(r.id for r in self._rows):
            self.beginResetModel()
            self._rows = fresh
            self._apply_sort()
            self.endResetModel()
            return
        self._keep_places(lambda: setattr(self, "_rows", fresh))
        if self._rows:
            last = self.index(len(self._rows) - 1, len(UnitCol) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _keep_places(self, change) -> None:
        """Run ``change`` (new rows of the same units, or a new sort), then sort, moving
        selection and current cell along with their units."""
        self.layoutAboutToBeChanged.emit()
        old_order = [r.id for r in self._rows]
        persistent = self.persistentIndexList()
        change()
        self._apply_sort()
        position = {r.id: i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(position[old_order[i.row()]], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def row_at(self, row: int) -> UnitRow:
        return self._rows[row]

    def row_of_unit(self, unit_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == unit_id), None)

    def rows(self) -> list[UnitRow]:
        return list(self._rows)

    def headers(self) -> list[str]:
        names = {
            UnitCol.NAME: self.tr("Unit"),
            UnitCol.SHORT_NAME: self.tr("Short name"),
            UnitCol.KIND: self.tr("Kind"),
            UnitCol.LEAD: self.tr("Leads"),
            UnitCol.SUPPORT: self.tr("Supports"),
            UnitCol.OVERDUE: self.tr("Overdue"),
            UnitCol.ALIASES: self.tr("Aliases"),
            UnitCol.ILLUSTRATIVE: self.tr("Illustrative"),
            UnitCol.CONTACT: self.tr("Contact person"),
            UnitCol.PHONE: self.tr("Phone"),
        }
        return [names[c] for c in UnitCol]

    # -- Qt model interface ------------------------------------------------------------
    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and index.column() in EDITABLE and not self.ctx.readonly:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], UnitCol(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == UnitCol.ILLUSTRATIVE and row.is_illustrative:
                return self.tr("Illustrative: filled in for the sample, not an official unit")
            if col == UnitCol.ALIASES and row.aliases:
                return "\n".join(row.aliases)
            return row.name if col == UnitCol.NAME else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == UnitCol.OVERDUE and row.overdue_count:
                return QBrush(OVERDUE_COLOUR)
            if col == UnitCol.ILLUSTRATIVE:
                return QBrush(ILLUSTRATIVE_COLOUR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UNIT_ID_ROLE:
            return row.id
        return None

    def _display(self, row: UnitRow, col: UnitCol):
        if col == UnitCol.NAME:
            return row.name
        if col == UnitCol.SHORT_NAME:
            return row.short_name
        if col == UnitCol.KIND:
            return unit_kind_label(row.kind)
        if col == UnitCol.LEAD:
            return row.lead_count
        if col == UnitCol.SUPPORT:
            return row.support_count
        if col == UnitCol.OVERDUE:
            return row.overdue_count
        if col == UnitCol.ALIASES:
            return "、".join(row.aliases)
        if col == UnitCol.CONTACT:
            return row.contact
        if col == UnitCol.PHONE:
            return row.phone
        return self.tr("illustrative") if row.is_illustrative else ""

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        field = EDITABLE.get(UnitCol(index.column())) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or field is None:
            return False
        row = self._rows[index.row()]
        new, old = str(value or "").strip(), getattr(row, field)
        if new == old:
            return False
        store = self.ctx.store
        text = {
            "name": self.tr("Rename unit “%1”"),
            "short_name": self.tr("Edit short name of “%1”"),
            "contact": self.tr("Edit contact person of “%1”"),
            "phone": self.tr("Edit phone of “%1”"),
        }[field].replace("%1", row.name)
        error = self._step(
            text,
            lambda changes: update_unit(store, changes, row.id, {field: new}),
            lambda changes: update_unit(store, changes, row.id, {field: old}),
        )
        if error:
            self.edit_refused.emit(QModelIndex(index), error)
            return False
        return True

    # -- undoable edits (each returns the refusal message, or None) --------------------
    def _step(self, text: str, forward, backward) -> str | None:
        return change_structure(self.ctx, text, forward, backward, lambda: None)

    def add_unit(self, values: dict) -> tuple[int | None, str | None]:
        """Add a unit from ``values`` (name, short_name, kind, contact): (its id, refusal)."""
        store, state = self.ctx.store, {"id": None, "snapshot": None}

        def forward(changes):
            if state["snapshot"] is None:
                state["id"] = add_unit(store, changes, **values)
            else:
                restore_unit(changes, state["snapshot"])

        def backward(changes):
            state["snapshot"] = delete_unit(store, changes, state["id"])

        text = self.tr("Add unit “%1”").replace("%1", str(values.get("name", "")).strip())
        error = self._step(text, forward, backward)
        return (None, error) if error else (state["id"], None)

    def set_aliases(self, unit: UnitRow, aliases: list[str]) -> str | None:
        old = list(unit.aliases)
        if [a.strip() for a in aliases if a.strip()] == old:
            return None
        store = self.ctx.store
        return self._step(
            self.tr("Edit aliases of “%1”").replace("%1", unit.name),
            lambda changes: set_aliases(store, changes, unit.id, aliases),
            lambda changes: set_aliases(store, changes, unit.id, old),
        )

    def merge(self, gone: UnitRow, keep: UnitRow) -> str | None:
        """Merge ``gone`` into ``keep``; undo puts ``gone`` back exactly."""
        store, state = self.ctx.store, {}

        def forward(changes):
            state["snapshot"] = merge_units(store, changes, keep.id, gone.id)

        return self._step(
            self.tr("Merge “%1” into “%2”").replace("%1", gone.name).replace("%2", keep.name),
            forward,
            lambda changes: unmerge(store, changes, state["snapshot"]),
        )

    def delete(self, unit: UnitRow) -> str | None:
        store, state = self.ctx.store, {}

        def forward(changes):
            state["snapshot"] = delete_unit(store, changes, unit.id)

        return self._step(
            self.tr("Delete unit “%1”").replace("%1", unit.name),
            forward,
            lambda changes: restore_unit(changes, state["snapshot"]),
        )

    # -- sorting -----------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._keep_places(lambda: setattr(self, "_sort", (column, order)))

    def _apply_sort(self) -> None:
        column, order = self._sort
        if column < 0:
            self._rows.sort(key=lambda r: r.id)
            return
        self._rows.sort(
            key=_sort_key(UnitCol(column)), reverse=order == Qt.SortOrder.DescendingOrder
        )
