"""The task table: a QAbstractTableModel over the store's task rows.

Rows come from :func:`qdplanner.store.task_rows.read_task_rows` (one query); the model keeps
the list the store returned and answers ``data()`` from it, so a 20,000-row plan costs one
read. Sorting happens here, on Python keys, not in a proxy (measured: a proxy took 4.5 s on
20,000 rows, sorting the list 0.06 s).
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from qdplanner.domain.deadlines import DeadlineKind, deadline_agrees, parse_deadline
from qdplanner.domain.enums import StatusLight
from qdplanner.errors import QdError
from qdplanner.store import PlanStore
from qdplanner.store.task_filter import TaskFilter, filter_rows
from qdplanner.store.task_input import TaskColumn, cells_edit
from qdplanner.store.task_rows import Scope, ScopeKind, TaskRow, read_task_rows
from qdplanner.ui.as_of_dialog import no_record_text, refusal_text, reported_text
from qdplanner.ui.commands import EditContext, edit_tasks
from qdplanner.ui.labels import label, light_colour, light_text
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.rows_model import RowsTableModel

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 2
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 3
# A refused edit's message, on the cell it was refused at (the delegates draw its border)
REFUSAL_ROLE = Qt.ItemDataRole.UserRole + 4
ILLUSTRATIVE_COLOUR = QColor("#6d4c41")


class Col(IntEnum):
    CODE = 0
    TITLE = 1
    LIGHT = 2
    PERCENT = 3
    STATUS = 4
    LEAD = 5
    SUPPORT = 6
    DEADLINE = 7
    START = 8
    DUE = 9
    STREAM = 10
    NOTES = 11


def _sort_value(col: Col):
    """The key a column sorts by; None means blank, and blanks go last in either order."""
    return {
        Col.CODE: lambda r: r.code or None,
        Col.TITLE: lambda r: r.title or None,
        Col.STREAM: lambda r: r.stream_name or None,
        Col.LEAD: lambda r: r.lead_short or None,
        Col.SUPPORT: lambda r: r.support_short or None,
        Col.DEADLINE: lambda r: r.deadline_text or None,
        Col.START: lambda r: r.start_date,
        Col.DUE: lambda r: r.due_date,
        # a task with no progress report by a past date shown has neither (blank, last)
        Col.STATUS: lambda r: list(type(r.status)).index(r.status) if r.recorded else None,
        Col.PERCENT: lambda r: r.percent if r.recorded else None,
        Col.LIGHT: lambda r: r.light.value,
        Col.NOTES: lambda r: r.notes or None,
    }[col]


EDITABLE = {
    Col.CODE: TaskColumn.CODE, Col.TITLE: TaskColumn.TITLE, Col.PERCENT: TaskColumn.PERCENT,
    Col.STATUS: TaskColumn.STATUS, Col.LEAD: TaskColumn.LEAD, Col.SUPPORT: TaskColumn.SUPPORT,
    Col.DEADLINE: TaskColumn.DEADLINE, Col.START: TaskColumn.START, Col.DUE: TaskColumn.DUE,
    Col.NOTES: TaskColumn.NOTES,
}  # fmt: skip


class TaskTableModel(RowsTableModel):
    """Tasks of one scope (all, a plan document, a program, a project), editable in place.

    An edit is the store's :func:`~qdplanner.store.task_input.cells_edit`, applied and made
    one undo step by :func:`qdplanner.ui.commands.edit_tasks` (validated, logged); a refused
    edit emits :attr:`edit_refused` with the message and changes nothing. The refused cell
    keeps the message (its tooltip, and :data:`REFUSAL_ROLE` for the red border) until
    :meth:`clear_refusal` — the next edit that succeeds.

    Loaded with ``history`` (View → As Of, a past date) the rows are the tasks as they stood
    then, and the table is read-only: an edit is refused with the reason (:attr:`past`).
    """

    COLUMNS = Col

    edit_refused = Signal(QModelIndex, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[TaskRow] = []
        self._natural: list[TaskRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._ctx: EditContext | None = None
        self._as_of: date | None = None
        self._history = False
        self._filter = TaskFilter()
        self._scope = Scope()
        self._refusal: tuple[int, int, str] | None = None  # task id, column, message
        self.edit_refused.connect(self.mark_refused)

    def set_context(self, ctx: EditContext) -> None:
        """Make the table editable through ``ctx`` and follow the changes it announces."""
        self._ctx = ctx
        ctx.tasks_changed.connect(self.refresh_tasks)

    # -- loading ---------------------------------------------------------------------
    def load(
        self, store: PlanStore, scope: Scope, as_of: date | None = None, *, history: bool = False
    ) -> None:
        """Read the tasks of ``scope`` from ``store`` (one query) and show them, with lights
        at ``as_of`` (today); with ``history``, as they stood then, read-only."""
        self.beginResetModel()
        self._as_of = as_of
        self._history = history and as_of is not None
        self._scope = scope
        self._natural = read_task_rows(store, scope, as_of=as_of, history=self._history)
        self._rows = list(self._natural)
        self._apply_sort()
        self.endResetModel()

    def headers(self) -> list[str]:
        names = {
            Col.CODE: self.tr("No."),
            Col.TITLE: self.tr("Task"),
            Col.LIGHT: self.tr("Light"),
            Col.PERCENT: self.tr("Progress %"),
            Col.STATUS: self.tr("Status"),
            Col.LEAD: self.tr("Lead unit"),
            Col.SUPPORT: self.tr("Supporting units"),
            Col.DEADLINE: self.tr("Deadline"),
            Col.START: self.tr("Start"),
            Col.DUE: self.tr("Due"),
            Col.STREAM: self.tr("Program / project"),
            Col.NOTES: self.tr("Notes"),
        }
        return [names[c] for c in Col]

    def set_filter(self, task_filter: TaskFilter) -> None:
        """Show only the rows ``task_filter`` lets through (no query: the rows are here)."""
        self.layoutAboutToBeChanged.emit()
        self._filter = task_filter
        self._apply_sort()
        self.layoutChanged.emit()

    @property
    def past(self) -> date | None:
        """The past date the rows stand at (View → As Of), or None: today, editable."""
        return self._as_of if self._history else None

    def whole_plan_rows(self, past: date | None = None) -> list[TaskRow] | None:
        """Every task of the plan judged today (or as it stood at ``past``), when that is
        what the table holds; else None.

        Lets the status bar summarise without reading 20,000 tasks a second time.
        """
        if self._scope.kind != ScopeKind.ALL:
            return None
        if past is None:
            return self._natural if self._as_of is None else None
        return self._natural if self.past == past else None

    def total_count(self) -> int:
        """Rows of the scope before filtering."""
        return len(self._natural)

    def refresh_tasks(self, task_ids: list[int]) -> None:
        """Re-read only the rows of ``task_ids`` (an edit must not reload 20,000 rows)."""
        if self._ctx is None:
            return
        wanted = set(task_ids)
        for position, row in enumerate(self._rows):
            if row.id not in wanted:
                continue
            found = read_task_rows(
                self._ctx.store,
                Scope(ScopeKind.TASK, row.id),
                as_of=self._as_of,
                history=self._history,
            )
            if not found:
                continue
            fresh = found[0]
            fresh.depth, fresh.has_children = row.depth, row.has_children
            self._rows[position] = fresh
            self._natural[self._natural.index(row)] = fresh
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(Col) - 1))

    def row_of_task(self, task_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == task_id), None)

    def row_at(self, row: int) -> TaskRow:
        return self._rows[row]

    def rows(self) -> list[TaskRow]:
        return self._rows

    # -- a refused edit, shown at its cell ----------------------------------------------
    def mark_refused(self, index: QModelIndex, message: str) -> None:
        """Keep ``message`` on the cell ``index`` (by task and column, so sorting keeps it)."""
        self.clear_refusal()
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return
        self._refusal = (self._rows[index.row()].id, index.column(), message)
        self.dataChanged.emit(index, index)

    def clear_refusal(self) -> None:
        """The refused cell looks like any other again."""
        if self._refusal is None:
            return
        task_id, column, _message = self._refusal
        self._refusal = None
        row = self.row_of_task(task_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def refusal_at(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        """The message of the edit refused at ``index``, if that is the refused cell."""
        if self._refusal is None or not index.isValid():
            return None
        task_id, column, message = self._refusal
        if index.column() != column or self._rows[index.row()].id != task_id:
            return None
        return message

    # -- Qt model interface ------------------------------------------------------------
    def flags(self, index):
        base = super().flags(index)
        if (
            index.isValid()
            and index.column() in EDITABLE
            and self._ctx is not None
            and not self._ctx.readonly
            and not self._history
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._ctx is None:
            return False
        column = EDITABLE.get(Col(index.column()))
        if column is None:
            return False
        if self.past is not None:
            self.edit_refused.emit(QModelIndex(index), refusal_text(self.past))
            return False
        row = self._rows[index.row()]
        if str(value if value is not None else "") == str(self._edit_value(row, index.column())):
            return False
        try:
            edit = cells_edit(self._ctx.store, row.id, [(column, value)])
        except QdError as exc:
            self.edit_refused.emit(QModelIndex(index), user_message(exc))
            return False
        if not edit.changes_anything:  # another spelling of the same value
            return False
        text = (
            self.tr("Edit %1 of “%2”")
            .replace("%1", self.headers()[index.column()])
            .replace("%2", row.title)
        )
        error = edit_tasks(self._ctx, text, [edit])
        if error:
            self.edit_refused.emit(QModelIndex(index), error)
            return False
        return True

    def _edit_value(self, row: TaskRow, col: int):
        """What an editor starts from: the stored value, not its decorated display."""
        if col == Col.LEAD:
            return row.lead_short
        if col == Col.SUPPORT:
            return row.support_short
        if col in (Col.STATUS, Col.PERCENT) and not row.recorded:
            return ""  # not known at the past date shown
        if col == Col.STATUS:
            return row.status.value
        if col == Col.PERCENT:
            return row.percent
        return self._display(row, col) or ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(row, col)
        if role == REFUSAL_ROLE:
            return self.refusal_at(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            if (refused := self.refusal_at(index)) is not None:
                return refused
            if col == Col.TITLE:
                tip = row.title
                if row.is_illustrative:
                    tip += "\n" + self.tr(
                        "Illustrative: units and dates filled in for the "
                        "sample, not an official assignment"
                    )
                return tip
            if col == Col.LEAD:
                return row.lead_unit or None
            if col == Col.SUPPORT:
                return row.support_units or None
            if self.past is not None and col in (Col.LIGHT, Col.PERCENT, Col.STATUS):
                return self._past_tip(row)
            if col == Col.LIGHT:
                return label(row.light)
            if col in (Col.DEADLINE, Col.DUE) and not deadline_agrees(
                row.deadline_text, row.due_date
            ):
                return self.disagreement(row)
            return self._display(row, col) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Col.LIGHT:
                return QBrush(light_colour(row.light))
            if col in (Col.DEADLINE, Col.DUE) and not deadline_agrees(
                row.deadline_text, row.due_date
            ):
                return QBrush(light_colour(StatusLight.RED))  # the colour of a problem
            if row.is_illustrative and col in (Col.LEAD, Col.SUPPORT):
                return QBrush(ILLUSTRATIVE_COLOUR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.PERCENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TASK_ID_ROLE:
            return row.id
        if role == DEPTH_ROLE:
            return row.depth
        if role == LIGHT_ROLE:
            return row.light.value
        return None

    def _past_tip(self, row: TaskRow) -> str:
        """At a past date: the light, and the progress report it comes from (or none)."""
        if not row.recorded or row.reported_period is None:
            if row.light is StatusLight.NO_RECORD:
                return no_record_text(self.past)
            return f"{label(row.light)}\n{no_record_text(self.past)}"  # not started, ongoing
        light = f"{label(row.light)} · {row.percent}% · {label(row.status)}"
        return reported_text(light, row.reported_period)

    def disagreement(self, row: TaskRow) -> str:
        """Why the deadline cells are flagged, and the fix (Tasks → Deadline from Due Date)."""
        due = row.due_date.isoformat() if row.due_date else self.tr("none")
        if parse_deadline(row.deadline_text).kind is DeadlineKind.UNPARSED:
            text = self.tr(
                "The deadline “%1” cannot be read; it is kept as written. Due date: %2. "
                "Set the due date, then use Deadline from Due Date (Ctrl+Shift+L)."
            )
        else:
            text = self.tr(
                "The deadline “%1” does not say the due date (%2). Deadline from Due Date "
                "(Ctrl+Shift+L) rewrites it."
            )
        return text.replace("%1", row.deadline_text).replace("%2", due)

    def _display(self, row: TaskRow, col: int):
        if col == Col.CODE:
            return row.code
        if col == Col.TITLE:
            return row.title
        if col == Col.STREAM:
            return row.stream_name
        if col == Col.LEAD:
            if row.lead_unit and row.is_illustrative:
                return row.lead_short + self.tr(" (illustrative)")
            return row.lead_short
        if col == Col.SUPPORT:
            return row.support_short
        if col == Col.DEADLINE:
            return row.deadline_text
        if col == Col.START:
            return row.start_date.isoformat() if row.start_date else ""
        if col == Col.DUE:
            return row.due_date.isoformat() if row.due_date else ""
        if col in (Col.STATUS, Col.PERCENT) and not row.recorded:
            return "—"  # no progress report by the past date shown: not known
        if col == Col.STATUS:
            return label(row.status)
        if col == Col.PERCENT:
            return row.percent
        if col == Col.LIGHT:
            return light_text(row.light)
        if col == Col.NOTES:
            return row.notes
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        rows = filter_rows(self._natural, self._filter)
        if column < 0:
            self._rows = rows
            return
        value = _sort_value(Col(column))
        keyed = [(value(r), r) for r in rows]
        filled = [item for item in keyed if item[0] is not None]
        filled.sort(key=lambda item: item[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [r for _, r in filled] + [r for v, r in keyed if v is None]
