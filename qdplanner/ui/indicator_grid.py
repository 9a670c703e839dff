"""Entering indicators' yearly actuals in a grid: indicators down, years across.

Typing a number records that year's whole-year actual with the source and date given above
the grid; clearing a cell removes the value. Each cell is one undo step, logged through the
store (old → new), and the store's checks (number, share 0–100, rank ≥ 1) apply.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QTableView, QVBoxLayout, QWidget

from qdplanner.domain.indicator_trend import format_number
from qdplanner.errors import N_, QdError, ValidationError
from qdplanner.store.indicators import IndicatorRow, delete_indicator_value, set_indicator_value
from qdplanner.ui.commands import EditContext, change_structure
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.rows_model import RowsTableModel


class IndicatorGridModel(RowsTableModel):
    """Rows: indicators; column 0 their name, then one column per year."""

    edit_refused = Signal(str)

    def __init__(self, ctx: EditContext, source_of, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.source_of = source_of  # () -> (source text, source date)
        self.years: list[int] = []

    def headers(self) -> list[str]:
        return [self.tr("Indicator"), *map(str, self.years)]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 1 + len(self.years)

    def load(self, rows: list[IndicatorRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        years = set()
        for row in rows:
            ind = row.indicator
            years.update(y for y in (ind.baseline_year, ind.target_year) if y)
            years.update(v.year for v in row.values)
        self.years = list(range(min(years), max(years) + 1)) if years else []
        self.endResetModel()

    def _value(self, row: IndicatorRow, year: int):
        return next(
            (v for v in row.values if v.year == year and not v.period and str(v.kind) == "actual"),
            None,
        )

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() > 0 and not self.ctx.readonly:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: IndicatorRow = self._rows[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                unit = f"（{row.indicator.measure_unit}）" if row.indicator.measure_unit else ""
                return row.indicator.name + unit
            return None
        value = self._value(row, self.years[index.column() - 1])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None or value.value is None else format_number(value.value)
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            return (
                "\n".join(t for t in (value.source, str(value.source_date or ""), value.notes) if t)
                or None
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, text, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        row: IndicatorRow = self._rows[index.row()]
        year = self.years[index.column() - 1]
        old = self._value(row, year)
        text = str(text).strip()
        if text == self.data(index):
            return False
        store, ind_id = self.ctx.store, row.indicator.id
        try:
            source, source_date = self.source_of()
        except QdError as exc:
            self.edit_refused.emit(user_message(exc))
            return False

        def forward(changes):
            if text:
                set_indicator_value(
                    store, changes, ind_id, year, text, source=source, source_date=source_date
                )
            else:
                delete_indicator_value(store, changes, ind_id, year)

        def backward(changes):
            if old is None:
                delete_indicator_value(store, changes, ind_id, year)
            else:
                set_indicator_value(
                    store,
                    changes,
                    ind_id,
                    year,
                    old.value,
                    source=old.source,
                    source_date=old.source_date,
                    notes=old.notes,
                )

        label = (
            self.tr("Value of “%1” for %2")
            .replace("%1", row.indicator.name)
            .replace("%2", str(year))
        )
        error = change_structure(self.ctx, label, forward, backward, lambda: None)
        if error:
            self.edit_refused.emit(error)
            return False
        return True


class IndicatorGrid(QWidget):
    """The grid, with the source and date that values typed now are recorded with."""

    def __init__(self, ctx: EditContext, show_message, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("e.g. 青岛市统计公报（2025年）"))
        self.source_date = DateLineEdit(phrases=False)
        self.source_date.setText(date.today().isoformat())
        self.model = IndicatorGridModel(ctx, self._source, self)
        self.model.edit_refused.connect(show_message)
        self.table = QTableView()
        self.table.setObjectName("indicatorGrid")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 320)
        form = QFormLayout()
        form.addRow(self.tr("Source of the values typed"), self.source)
        form.addRow(self.tr("Source date"), self.source_date)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table)

    def _source(self) -> tuple[str, date | None]:
        text = self.source_date.text().strip()
        try:
            when = date.fromisoformat(text) if text else None
        except ValueError:
            raise ValidationError(
                N_("Messages", "“{text}” is not a date (use YYYY-MM-DD)"), text=text
            ) from None
        return self.source.text().strip(), when
