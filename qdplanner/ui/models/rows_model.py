"""What every table model over a list of store rows shares: counts and translated headers."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class RowsTableModel(QAbstractTableModel):
    """A flat table of ``self._rows`` with one column per member of ``COLUMNS``.

    Subclasses set ``COLUMNS`` (an IntEnum) and implement ``headers()`` and ``data()``.
    """

    COLUMNS: type[IntEnum]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
