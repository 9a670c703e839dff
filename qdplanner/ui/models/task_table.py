"""The task table: a QAbstractTableModel over the store's task rows.

Rows come from :func:`qdplanner.store.task_rows.read_task_rows` (one query); the model keeps
the list the store returned and answers ``data()`` from it, so a 20,000-row plan costs one
read. Sorting happens here, on Python keys, not in a proxy (measured: a proxy took 4.5 s on
20,000 rows, sorting the list 0.06 s).

全部任务 and a plan document's tasks, which span several programs and projects, are shown under
one header line per program or project (:class:`~qdplanner.store.task_groups.TaskGroup`: its
name, how many tasks, their lights), which collapses; the grouping is the store's
:func:`~qdplanner.store.task_groups.group_rows`. The table's lines are then tasks and headers
(:meth:`TaskTableModel.lines`, what the timeline draws too); :meth:`TaskTableModel.row_at` is
None on a header line. A sort sorts within each group; a filter keeps the groups with matches.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from enum import IntEnum
from operator import attrgetter

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from qdplanner.catalogue import illustrative_mark
from qdplanner.domain.deadlines import DeadlineKind, deadline_agrees, parse_deadline
from qdplanner.domain.enums import StatusLight
from qdplanner.errors import QdError
from qdplanner.store import PlanStore
from qdplanner.store.task_filter import TaskFilter, filter_rows, prepare_search
from qdplanner.store.task_groups import (
    Line,
    StreamKey,
    TaskGroup,
    group_rows,
    spans_streams,
    stream_key,
    stream_order,
)
from qdplanner.store.task_input import TaskColumn, cells_edit
from qdplanner.store.task_rows import (
    Scope,
    ScopeKind,
    TaskRow,
    descriptions_fetchable,
    fetch_descriptions,
    give_descriptions,
    read_descriptions,
    read_task_rows,
)
from qdplanner.ui.as_of_dialog import no_record_text, refusal_text, reported_text
from qdplanner.ui.commands import EditContext, edit_tasks
from qdplanner.ui.labels import label, lang, light_colour, light_text
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.rows_model import RowsTableModel

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 2
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 3
# A refused edit's message, on the cell it was refused at (the delegates draw its border)
REFUSAL_ROLE = Qt.ItemDataRole.UserRole + 4
# A group header line (TaskGroup) of the row, else None
GROUP_ROLE = Qt.ItemDataRole.UserRole + 5
ILLUSTRATIVE_COLOUR = QColor("#6d4c41")
GROUP_BACKGROUND = QColor("#e4e4e4")  # the timeline's header lines have the same grey
_LINE_ID = attrgetter("id")
# after a load: the table has painted (its descriptions read meanwhile, in a thread), and no
# person has typed yet — the earliest a person reacts to what appeared is ~0.25 s
DESCRIBE_DELAY_MS = 150
THREAD_FROM = 500  # rows from which the descriptions are read in a thread (_Describer)


@contextmanager
def _rows_kept() -> Iterator[None]:
    """Read rows the table keeps: no cyclic garbage collection meanwhile, and the objects
    made handed to the collector's oldest generation (``gc.freeze``, undone by
    ``gc.unfreeze`` on the next turn of the event loop) rather than walked by a young
    collection as soon as it runs again — 60–80 ms on 100,000 rows, before the table could
    paint. The rows hold no reference cycles: they are freed when the table lets go of them."""
    if not gc.isenabled():  # paused already: leave it to whoever paused it
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
        QTimer.singleShot(0, gc.unfreeze)


class _Describer:
    """The descriptions of a plan file's tasks read (:func:`fetch_descriptions`) in a thread
    of its own, on a connection of its own, while the UI thread paints the table: in
    SQLite, with the GIL released, so the paint is not slowed (folding the text there as
    well held the GIL ~20 ms and slowed it by as much). The UI thread gives the rows their
    descriptions and folds when the filter first needs them (:meth:`TaskTableModel._describe`).
    Not on a server plan (a connection more for a few milliseconds: the UI thread reads them
    there, as it does when the thread failed)."""

    def __init__(self, store: PlanStore):
        self._found: tuple[str, str] | bool | None = False  # False: not read
        self._thread = threading.Thread(target=self._run, args=(store,), daemon=True)

    @classmethod
    def start(cls, store: PlanStore, rows: list[TaskRow]) -> _Describer | None:
        if len(rows) < THREAD_FROM or not descriptions_fetchable(store):
            return None
        describer = cls(store)
        describer._thread.start()
        return describer

    def _run(self, store: PlanStore) -> None:
        try:
            worker = store.worker_store()
            try:
                self._found = fetch_descriptions(worker)
            finally:
                worker.close()
        except Exception:
            self._found = False

    def result(self) -> tuple[str, str] | bool | None:
        """What the thread read (waiting for it): False if it failed."""
        self._thread.join()
        return self._found


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


def _replace(rows: list, old: TaskRow, new: TaskRow) -> None:
    """Put ``new`` where ``old`` is in ``rows`` (by identity: no field-by-field compare)."""
    for i, row in enumerate(rows):
        if row is old:
            rows[i] = new
            return


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
        self._rows: list[Line] = []  # the lines shown: tasks, and group headers
        self._shown: list[TaskRow] = []  # the tasks the filter lets through, sorted
        self._natural: list[TaskRow] = []
        self._grouping = True  # the user's choice (View → Group by Program / Project)
        self._grouped = False  # the lines are grouped: the choice, and several streams
        self._order: dict[StreamKey, int] = {}  # plan order of the streams
        self._collapsed: set[StreamKey] = set()
        self._group_line: dict[StreamKey, int] = {}  # the header line of each group
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._ctx: EditContext | None = None
        self._as_of: date | None = None
        self._history = False
        self._filter = TaskFilter()
        self._scope = Scope()
        self._store: PlanStore | None = None
        self._described = True  # the rows' descriptions are read (the text filter needs them)
        # … read, and the text the filter searches folded, soon after the table shows, so
        # that the first keystroke in the filter does not wait for them either
        self._describer: _Describer | None = None  # reading the descriptions meanwhile
        self._describe_timer = QTimer(self, singleShot=True, interval=DESCRIBE_DELAY_MS)
        self._describe_timer.timeout.connect(self._describe)
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
        self._store = store
        # No column shows the description: read when the text filter first needs it
        with _rows_kept():
            self._natural = read_task_rows(
                store, scope, as_of=as_of, history=self._history, descriptions=False
            )
        self._described = False
        self._describer = _Describer.start(store, self._natural)
        self._describe_timer.start()
        self._grouped = self._grouping and spans_streams(self._natural)
        # grouped in plan order (no sort, no filter): the groups' order is read off the lines
        # made, rather than from one more pass over every row
        plain = self._grouped and self._sort[0] < 0 and self._filter.is_empty()
        self._order = {} if plain else stream_order(self._natural)
        self._apply_sort()
        if plain:
            self._order = {key: place for place, key in enumerate(self._group_line)}
        self.endResetModel()

    # -- groups ------------------------------------------------------------------------
    @property
    def grouping(self) -> bool:
        """The user's choice: group wherever the tasks span several programs / projects."""
        return self._grouping

    @property
    def grouped(self) -> bool:
        """Whether the lines are grouped by program / project (header lines shown)."""
        return self._grouped

    def set_grouping(self, on: bool) -> None:
        """Group by program / project wherever the tasks span several (``on``), or never."""
        self._grouping = on
        grouped = on and spans_streams(self._natural)
        if grouped != self._grouped:
            self._relayout(lambda: setattr(self, "_grouped", grouped))

    def group_at(self, row: int) -> TaskGroup | None:
        """The group header at line ``row``, or None (a task's line)."""
        line = self._rows[row] if 0 <= row < len(self._rows) else None
        return line if isinstance(line, TaskGroup) else None

    def set_collapsed(self, key: StreamKey, collapsed: bool) -> None:
        """Fold the group ``key`` to its header line, or unfold it."""
        if (key in self._collapsed) == collapsed:
            return
        self._relayout(
            lambda: self._collapsed.add(key) if collapsed else self._collapsed.discard(key)
        )

    def toggle_group(self, row: int) -> bool:
        """Fold or unfold the group whose header is line ``row``; False if it is a task's."""
        group = self.group_at(row)
        if group is None:
            return False
        self.set_collapsed(group.key, not group.collapsed)
        return True

    def set_all_collapsed(self, collapsed: bool) -> None:
        """Fold every group of the scope to its header line, or unfold them all."""
        wanted = set(self._order) if collapsed else set()
        if wanted != self._collapsed:
            self._relayout(lambda: setattr(self, "_collapsed", wanted))

    def lines(self) -> list[Line]:
        """The lines shown, in order: what the timeline draws beside the table."""
        return self._rows

    def task_count(self) -> int:
        """Tasks the filter lets through (those in folded groups too)."""
        return len(self._shown)

    def task_lines_from(self, row: int) -> list[int]:
        """The lines of tasks from line ``row`` on, headers skipped (where a paste lands)."""
        return [i for i in range(max(row, 0), len(self._rows)) if self.row_at(i) is not None]

    def _relayout(self, change) -> None:
        """Apply ``change`` (filter, sort, grouping, folding) and redo the lines; the chosen
        cells follow their tasks (and headers), the rest of the selection is dropped."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self._line_key(index.row()) for index in before]
        change()
        self._apply_sort()
        if before:
            where = self._lines_of(keys)
            after = []
            for index, key in zip(before, keys, strict=True):
                line = where.get(key)
                moved = self.index(line, index.column()) if line is not None else QModelIndex()
                after.append(moved)
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _lines_of(self, keys: list) -> dict:
        """Where the lines of ``keys`` (see :meth:`_line_key`) are now, for the few a view
        holds on to (current cell, selection): the lines' task ids read in one pass in C."""
        where = {("group", k): line for k, line in self._group_line.items()}
        tasks = {key[1] for key in keys if key is not None and key[0] == "task"}
        if tasks:
            ids = list(map(_LINE_ID, self._rows))  # None on a header line
            for task_id in tasks:
                with suppress(ValueError):  # not found: filtered out, or folded away
                    where[("task", task_id)] = ids.index(task_id)
        return where

    def _line_key(self, row: int):
        line = self._rows[row] if 0 <= row < len(self._rows) else None
        if isinstance(line, TaskGroup):
            return ("group", line.key)
        return ("task", line.id) if line is not None else None

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
        self._relayout(lambda: setattr(self, "_filter", task_filter))

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
        for position, row in enumerate(self._natural):
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
            self._natural[position] = fresh
            _replace(self._shown, row, fresh)  # the filter's and sort's list
            if self._rows is not self._shown:  # grouped: the lines are another list
                _replace(self._rows, row, fresh)
            self._retally(row, fresh)
            line = self.row_of_task(fresh.id)
            if line is not None:
                self.dataChanged.emit(self.index(line, 0), self.index(line, len(Col) - 1))

    def _retally(self, old: TaskRow, new: TaskRow) -> None:
        """The group header of ``old`` counts ``new``'s light instead."""
        line = self._group_line.get(stream_key(old)) if self._grouped else None
        if line is None or old.light == new.light:
            return
        group = self._rows[line]
        if isinstance(group, TaskGroup):
            self._rows[line] = group.with_light_moved(old.light, new.light)
            self.dataChanged.emit(self.index(line, 0), self.index(line, len(Col) - 1))

    def row_of_task(self, task_id: int) -> int | None:
        """The line of task ``task_id``; None if not shown (filtered out, folded away)."""
        return next(
            (i for i, r in enumerate(self._rows) if isinstance(r, TaskRow) and r.id == task_id),
            None,
        )

    def row_at(self, row: int) -> TaskRow | None:
        """The task on line ``row``; None on a group header line."""
        line = self._rows[row]
        return line if isinstance(line, TaskRow) else None

    def rows(self) -> list[TaskRow]:
        """The tasks the filter lets through, in the table's order (headers left out)."""
        return self._shown

    # -- a refused edit, shown at its cell ----------------------------------------------
    def mark_refused(self, index: QModelIndex, message: str) -> None:
        """Keep ``message`` on the cell ``index`` (by task and column, so sorting keeps it)."""
        self.clear_refusal()
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return
        row = self.row_at(index.row())
        if row is None:
            return
        self._refusal = (row.id, index.column(), message)
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
        row = self.row_at(index.row()) if index.column() == column else None
        return message if row is not None and row.id == task_id else None

    # -- Qt model interface ------------------------------------------------------------
    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and isinstance(self._rows[index.row()], TaskGroup):
            return Qt.ItemFlag.ItemIsEnabled  # a header: not chosen, copied or edited
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
        row = self.row_at(index.row())
        if row is None:
            return False
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
        if isinstance(row, TaskGroup):
            return self._group_data(row, col, role)
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

    def count_text(self, group: TaskGroup) -> str:
        """How many tasks a header line stands for: ``12 项任务``."""
        return self.tr("%n task(s)", "", group.count)

    def group_title(self, group: TaskGroup) -> str:
        """A header line's words: ``工程名 — 12 项任务``."""
        return f"{group.label} — {self.count_text(group)}"

    def _group_data(self, group: TaskGroup, col: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.CODE:
                return "▸" if group.collapsed else "▾"
            if col == Col.TITLE:
                return self.group_title(group)
            return None  # the lights' tally is drawn after the title (ui/group_rows.py)
        if role == GROUP_ROLE:
            return group
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GROUP_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tally = "\n".join(f"{light_text(light)}: {n}" for light, n in group.lights)
            fold = self.tr("Click to expand") if group.collapsed else self.tr("Click to collapse")
            return f"{self.group_title(group)}\n{tally}\n{fold}"
        if role == DEPTH_ROLE:
            return 0
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
                return row.lead_short + illustrative_mark(lang())  # every printout's word
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
        if column < 0 and self._sort[0] < 0:
            return  # plan order already (the header restored, or the timeline's grouping)
        self._relayout(lambda: setattr(self, "_sort", (column, order)))

    def _describe(self) -> None:
        """Give the rows their descriptions, unless given already — those the thread read
        (:class:`_Describer`), else read here (one query) — and fold the text the filter
        searches (~12–17 ms for 20,000 rows)."""
        if self._described or self._store is None or not self._store.is_open:
            return
        describer, self._describer = self._describer, None
        found = describer.result() if describer is not None else False
        if found is False or not give_descriptions(self._natural, found):
            read_descriptions(self._store, self._natural)
        self._described = True
        prepare_search(self._natural)

    def _apply_sort(self) -> None:
        """Filter, sort, then group: the lines shown."""
        column, order = self._sort
        if self._filter.text.strip():
            self._describe()  # the text filter searches descriptions too
        rows = filter_rows(self._natural, self._filter)
        if column >= 0:
            value = _sort_value(Col(column))
            keyed = [(value(r), r) for r in rows]
            filled = [item for item in keyed if item[0] is not None]
            filled.sort(key=lambda item: item[0], reverse=order == Qt.SortOrder.DescendingOrder)
            rows = [r for _, r in filled] + [r for v, r in keyed if v is None]
        self._shown = rows
        if not self._grouped:
            self._rows = rows
            self._group_line = {}
            return
        self._rows = group_rows(rows, self._order, self._collapsed)
        self._group_line = {}
        line = 0  # header lines found from the counts, not by looking at every line
        while line < len(self._rows):
            group = self._rows[line]
            self._group_line[group.key] = line
            line += 1 if group.collapsed else 1 + group.count
