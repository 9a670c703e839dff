"""The Units view: every responsible unit with its task counts; add, rename, aliases, merge,
delete — each one undo step on the shared stack, announced through ``structure_changed``.

At a past date (View → As Of) the Overdue column counts the tasks each unit led that were
overdue as the plan stood then (:func:`qdplanner.store.summary.summarize` with ``history``:
from the progress reports of periods ended by then; a task with no report by then is not
counted), and a note above the table says so; units and their other counts are today's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import UnitKind
from qdplanner.errors import QdError
from qdplanner.store.summary import summarize
from qdplanner.store.units import UnitRow, check_deletable, tasks_moving
from qdplanner.ui.commands import EditContext
from qdplanner.ui.labels import unit_kind_label
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.units_table import UnitCol, UnitsTableModel


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class UnitDialog(QDialog):
    """Name, short name, kind, contact person and phone of a new unit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Unit"))
        self.name, self.short_name, self.contact = QLineEdit(), QLineEdit(), QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 0532-85911234"))
        self.name.setPlaceholderText(self.tr("e.g. 青岛市科学技术局"))
        self.short_name.setPlaceholderText(self.tr("e.g. 市科技局"))
        self.kind = QComboBox()
        for kind in UnitKind:
            self.kind.addItem(unit_kind_label(kind), kind)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Short name"), self.short_name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Contact person"), self.contact)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(_ok_cancel(self))

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "short_name": self.short_name.text(),
            "kind": self.kind.currentData(),
            "contact": self.contact.text(),
            "phone": self.phone.text(),
        }


class AliasesDialog(QDialog):
    """The other names of a unit, one per line."""

    def __init__(self, unit_name: str, aliases: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aliases of “%1”").replace("%1", unit_name))
        self.text = QPlainTextEdit("\n".join(aliases))
        self.text.setPlaceholderText(self.tr("One alias per line, e.g. 市科技局"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(_ok_cancel(self))

    def aliases(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]


class MergeDialog(QDialog):
    """Choose the unit that stays; the combo finds units by any part of their name."""

    def __init__(self, gone: UnitRow, others: list[UnitRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge “%1” into…").replace("%1", gone.name))
        self.keep = QComboBox()
        self.keep.setEditable(True)
        self.keep.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for unit in sorted(others, key=lambda u: u.name):
            label = f"{unit.name}（{unit.short_name}）" if unit.short_name else unit.name
            self.keep.addItem(label, unit.id)
        self.keep.setCurrentIndex(-1)
        completer = QCompleter(self.keep.model(), self.keep)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.keep.setCompleter(completer)
        form = QFormLayout(self)
        form.addRow(self.tr("Unit that stays"), self.keep)
        buttons = _ok_cancel(self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.keep.currentTextChanged.connect(lambda _t: ok.setEnabled(self.keep_id() is not None))
        ok.setEnabled(False)
        form.addRow(buttons)

    def keep_id(self) -> int | None:
        """The chosen unit, when the text names one exactly."""
        found = self.keep.findText(self.keep.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return self.keep.itemData(found) if found >= 0 else None


class AsOfUnitsModel(UnitsTableModel):
    """The units table, whose Overdue column may count as the plan stood at a past date."""

    def __init__(self, ctx: EditContext, parent=None):
        super().__init__(ctx, parent)
        self.as_of: date | None = None
        self.overdue_then: Counter = Counter()  # lead unit's full name → overdue tasks then
        # Every task as it stood at a date, when the window already holds them (the task
        # table on All tasks); else None, and they are read
        self.plan_rows_at: Callable[[date], list | None] = lambda _day: None

    def set_as_of(self, day: date | None) -> None:
        """Count overdue tasks as they stood on ``day`` (a past date), or today (None)."""
        self.as_of = day
        self.refresh()

    def refresh(self) -> None:
        if self.as_of is not None:
            rows = self.plan_rows_at(self.as_of)
            summary = summarize(self.ctx.store, as_of=self.as_of, history=True, rows=rows)
            self.overdue_then = Counter(row.lead_unit for row in summary.overdue)
        super().refresh()

    def _apply_sort(self) -> None:
        # every path that takes in rows (a refresh, a sort) comes here: the past's counts
        # replace today's before they are sorted or shown
        if self.as_of is not None:
            self._rows = [replace(r, overdue_count=self.overdue_then[r.name]) for r in self._rows]
        super()._apply_sort()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            self.as_of is not None
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == UnitCol.OVERDUE
        ):
            return self.tr(
                "Tasks it led that were past due and not done on %1, by the progress "
                "reports of periods ended by then"
            ).replace("%1", self.as_of.isoformat())
        return super().headerData(section, orientation, role)


class UnitsView(QWidget):
    """The units table with its actions. ``unit_activated(id)``: show that unit's tasks.

    ``show_message(text)`` reports refusals (default: a warning box). The view re-reads
    the units when ``ctx`` announces changes; call :meth:`refresh` after other writes.
    """

    unit_activated = Signal(int)

    def __init__(
        self,
        ctx: EditContext,
        show_message: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("unitsView")
        self.ctx = ctx
        self.show_message = show_message or (
            lambda text: QMessageBox.warning(self, self.tr("Units"), text)
        )
        self.model = AsOfUnitsModel(ctx, self)
        self.model.edit_refused.connect(lambda _index, text: self.show_message(text))
        self.table = QTableView()
        self.table.setObjectName("unitsTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # activated: a double-click, or Enter (a single click where the desktop says so)
        self.table.activated.connect(self._activate)
        for col, width in ((UnitCol.NAME, 220), (UnitCol.SHORT_NAME, 120), (UnitCol.ALIASES, 220)):
            self.table.setColumnWidth(col, width)

        self.open_action = self._action(self.tr("&Show Tasks"), self._activate_current)
        self.add_action = self._action(self.tr("&Add Unit…"), self.add_unit)
        self.rename_action = self._action(self.tr("&Rename"), self.rename_current, "F2")
        self.aliases_action = self._action(self.tr("Edit A&liases…"), self.edit_aliases)
        self.merge_action = self._action(self.tr("&Merge Into…"), self.merge_current)
        self.delete_action = self._action(self.tr("&Delete Unit…"), self.delete_current, "Delete")
        toolbar = QToolBar()
        for action in self.unit_actions():
            toolbar.addAction(action)
            self.table.addAction(action)
            action.setEnabled(action is self.open_action or not ctx.readonly)
        self.as_of_note = QLabel()
        self.as_of_note.setObjectName("unitsAsOfNote")
        self.as_of_note.setWordWrap(True)
        self.as_of_note.setStyleSheet("background: #fff3cd; padding: 4px;")
        self.as_of_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.as_of_note)
        layout.addWidget(self.table)

        self._stale = True
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        ctx.structure_changed.connect(lambda _focus: self._changed(now=True))
        ctx.tasks_changed.connect(lambda _ids: self._changed(now=False))
        self.refresh()

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def unit_actions(self) -> list[QAction]:
        return [
            self.open_action,
            self.add_action,
            self.rename_action,
            self.aliases_action,
            self.merge_action,
            self.delete_action,
        ]

    # -- refreshing ----------------------------------------------------------------
    def set_as_of(self, day: date | None) -> None:
        """Count overdue tasks as the plan stood on ``day`` (a past date); None: today."""
        self.as_of_note.setVisible(day is not None)
        if day is not None:
            self.as_of_note.setText(
                self.tr(
                    "As it stood on %1: Overdue counts the tasks each unit led that were past "
                    "due and not done then, by the progress reports of periods ended by then "
                    "(a task with no report by then is not counted). Units, names and the "
                    "Leads and Supports counts are today's."
                ).replace("%1", day.isoformat())
            )
        self._stale = False
        self.model.set_as_of(day)

    def refresh(self) -> None:
        """Re-read the units and their counts (one query)."""
        self._stale = False
        self.model.refresh()

    def _changed(self, *, now: bool) -> None:
        # Task edits come one per keystroke-commit: count them up once, a moment later.
        if not self.isVisible():
            self._stale = True
        elif now:
            self.refresh()
        else:
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # -- which unit ----------------------------------------------------------------
    def current_unit(self) -> UnitRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_unit(self, unit_id: int) -> None:
        row = self.model.row_of_unit(unit_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, UnitCol.NAME))

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.unit_activated.emit(self.model.row_at(index.row()).id)

    def _activate_current(self) -> None:
        self._activate(self.table.currentIndex())

    def _done(self, error: str | None, select: int | None = None) -> bool:
        """Report a refusal, or bring the view up to date and select ``select``."""
        if error:
            self.show_message(error)
            return False
        if not self.isVisible():
            self.refresh()
        if select is not None:
            self.select_unit(select)
        return True

    # -- actions -------------------------------------------------------------------
    def add_unit(self, values: dict | None = None) -> int | None:
        """Add a unit (asking for its fields unless given); its id, or None."""
        if values is None:
            dialog = UnitDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            values = dialog.values()
        unit_id, error = self.model.add_unit(values)
        return unit_id if self._done(error, unit_id) else None

    def rename_current(self) -> None:
        """Start editing the current unit's name in place (Enter commits, as one undo step)."""
        index = self.table.currentIndex()
        if index.isValid():
            name = self.model.index(index.row(), UnitCol.NAME)
            self.table.setCurrentIndex(name)
            self.table.edit(name)

    def edit_aliases(self, aliases: list[str] | None = None) -> None:
        """Replace the current unit's aliases (asking, one per line, unless given)."""
        unit = self.current_unit()
        if unit is None:
            return
        if aliases is None:
            dialog = AliasesDialog(unit.name, list(unit.aliases), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            aliases = dialog.aliases()
        self._done(self.model.set_aliases(unit, aliases), unit.id)

    def merge_current(self, keep_id: int | None = None) -> None:
        """Merge the current unit into another (asking which unless given), after asking."""
        gone = self.current_unit()
        if gone is None:
            return
        others = [u for u in self.model.rows() if u.id != gone.id]
        if keep_id is None:
            dialog = MergeDialog(gone, others, self)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.keep_id() is None:
                return
            keep_id = dialog.keep_id()
        keep = next((u for u in others if u.id == keep_id), None)
        if keep is None:
            return
        question = self.tr(
            "Merge “%1” into “%2”?\n%n task(s) move to “%2”; the names of “%1” become "
            "aliases of “%2”, and “%1” is removed.",
            "",
            tasks_moving(self.ctx.store, gone.id),
        )
        question += "\n" + self.tr("You can undo this with Ctrl+Z.")
        question = question.replace("%1", gone.name).replace("%2", keep.name)
        if self._confirm(self.tr("Merge Units"), question):
            self._done(self.model.merge(gone, keep), keep.id)

    def delete_current(self) -> None:
        """Delete the current unit after asking; refused while anything still names it."""
        unit = self.current_unit()
        if unit is None:
            return
        try:
            check_deletable(self.ctx.store, unit.id)
        except QdError as exc:
            self.show_message(user_message(exc))
            return
        question = self.tr("Delete unit “%1”?").replace("%1", unit.name)
        question += "\n" + self.tr("You can undo this with Ctrl+Z.")
        if self._confirm(self.tr("Delete Unit"), question):
            self._done(self.model.delete(unit))

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
