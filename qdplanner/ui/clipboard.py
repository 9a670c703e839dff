"""Copy and paste between the task table and Excel / WPS / LibreOffice (tab-separated text).

Copy writes the selected block as TSV, quoting cells with tabs, quotes or line breaks the
way spreadsheets do. Paste reads such a block at the current cell: every cell is parsed as if
typed, the whole block is checked before anything is written, and it lands as one undo step.
A grouped table's header lines (program / project) are neither copied nor pasted into: a
pasted block fills the tasks' lines from the current cell on, across groups.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTableView

from qdplanner.errors import N_, QdError
from qdplanner.store.task_edits import TaskEdit, apply_edits
from qdplanner.store.task_input import CellRefused, cells_edit
from qdplanner.store.task_structure import Place, delete_tasks, insert_task, restore_snapshot
from qdplanner.ui.commands import EditContext, change_structure, edit_tasks
from qdplanner.ui.labels import status_label
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.task_table import EDITABLE, Col, TaskTableModel


def to_tsv(rows: list[list[str]]) -> str:
    """Rows of cell texts as spreadsheet clipboard text."""
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter="\t", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerows(rows)
    return out.getvalue()


def from_tsv(text: str) -> list[list[str]]:
    """Spreadsheet clipboard text as rows of cell texts (quoted multi-line cells kept whole)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')]


class TableClipboard(QObject):
    """Ctrl+C / Ctrl+V on the task table."""

    def __init__(
        self,
        ctx: EditContext,
        table: QTableView,
        model: TaskTableModel,
        show_message,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.table, self.model, self.show_message = ctx, table, model, show_message
        self.refused_column: int | None = None  # the column of the last paste's refused cell
        self.copy = QAction(self.tr("&Copy"), table)
        self.copy.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy.triggered.connect(self.copy_selection)
        self.paste = QAction(self.tr("&Paste"), table)
        self.paste.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste.triggered.connect(self.paste_clipboard)
        self.paste.setEnabled(not ctx.readonly)
        for action in (self.copy, self.paste):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            table.addAction(action)

    # -- copy ----------------------------------------------------------------------
    def _copy_text(self, row: int, col: int) -> str:
        task = self.model.row_at(row)
        if col == Col.STATUS:
            return status_label(task.status)
        value = self.model.index(row, col).data(
            Qt.ItemDataRole.EditRole if col in EDITABLE else Qt.ItemDataRole.DisplayRole
        )
        return "" if value is None else str(value)

    def selection_text(self) -> str:
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes if self.model.row_at(i.row()) is not None})
        cols = sorted({i.column() for i in indexes}, key=self.table.horizontalHeader().visualIndex)
        chosen = {(i.row(), i.column()) for i in indexes}
        return to_tsv(
            [[self._copy_text(r, c) if (r, c) in chosen else "" for c in cols] for r in rows]
        )

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self.selection_text())

    # -- paste ---------------------------------------------------------------------
    def paste_clipboard(self) -> None:
        error = self.paste_text(QGuiApplication.clipboard().text())
        self.show_message(error or "")  # a paste that succeeds clears an earlier refusal

    def _row_edit(
        self, task_id: int, row_label: int, columns: list[int], cells: list[str]
    ) -> TaskEdit:
        """The edit a pasted row makes to ``task_id``; QdError names row and column."""
        typed = [
            (EDITABLE[Col(col)], text)
            for col, text in zip(columns, cells, strict=False)
            if col >= 0 and col in EDITABLE  # computed columns (light, program) are skipped
        ]
        try:
            return cells_edit(self.ctx.store, task_id, typed)
        except CellRefused as exc:
            col = next(c for c in columns if c in EDITABLE and EDITABLE[Col(c)] == exc.column)
            self.refused_column = col
            raise QdError(
                N_("Messages", "Row {row}, column “{column}”: {problem}"),
                row=row_label,
                column=self.model.headers()[col],
                problem=exc.cause,
            ) from exc

    def paste_text(self, text: str) -> str | None:
        """Paste a TSV block at the current cell; return the refusal message, or None.

        Rows that fall below the last task become new tasks of the last task's program or
        project (at its top level), in the same undo step.
        """
        block = from_tsv(text)
        start = self.table.currentIndex()
        if not block or not start.isValid():
            return None
        header = self.table.horizontalHeader()
        first_visual = header.visualIndex(start.column())
        columns = [header.logicalIndex(first_visual + j) for j in range(max(map(len, block)))]
        selected_rows = sorted(
            {
                i.row()
                for i in self.table.selectionModel().selectedIndexes()
                if self.model.row_at(i.row()) is not None
            }
        )
        if len(block) == 1 and len(block[0]) == 1 and len(selected_rows) > 1:
            # one value over a selection fills every selected row, as in a spreadsheet
            targets = [(row, block[0]) for row in selected_rows]
        else:  # the tasks' lines from the current one on (group headers skipped)
            lines = self.model.task_lines_from(start.row())[: len(block)]
            lines += [self.model.rowCount() + k for k in range(len(block) - len(lines))]
            targets = list(zip(lines, block, strict=True))
        existing = [(r, c) for r, c in targets if r < self.model.rowCount()]
        extra = [c for r, c in targets if r >= self.model.rowCount()]
        edits = []
        self.refused_column = None
        try:
            for row_index, cells in existing:
                task = self.model.row_at(row_index)
                edit = self._row_edit(task.id, row_index + 1, columns, cells)
                if edit.changes_anything:
                    edits.append(edit)
        except QdError as exc:
            message = user_message(exc)
            if self.refused_column is not None:  # the refused cell keeps the reason
                self.model.edit_refused.emit(
                    self.model.index(row_index, self.refused_column), message
                )
            return message
        label = self.tr("Paste %n row(s)", "", len(targets))
        if not extra:
            return edit_tasks(self.ctx, label, edits)
        return self._paste_appending(label, edits, extra, columns)

    def _paste_appending(
        self, label: str, edits: list[TaskEdit], extra: list[list[str]], columns: list[int]
    ) -> str | None:
        store = self.ctx.store
        # the last task's line; the last group folded: the last task shown
        tasks = (self.model.row_at(r) for r in range(self.model.rowCount() - 1, -1, -1))
        last = next((t for t in tasks if t is not None), None)
        if last is None and self.model.rows():
            last = self.model.rows()[-1]
        if last is None:
            return self.tr("Paste into a table that has tasks; insert one first.")
        first_row = self.model.rowCount() + 1
        state: dict = {"ids": [], "snapshot": None}

        def forward(changes):
            apply_edits(store, changes, edits)
            if state["snapshot"] is not None:
                restore_snapshot(store, changes, state["snapshot"])
                return
            state["ids"] = []
            for offset, cells in enumerate(extra):
                place = Place(last.program_id, last.project_id, None, 1_000_000)
                task_id = insert_task(store, changes, place, self.tr("New task"))
                row_edit = self._row_edit(task_id, first_row + offset, columns, cells)
                apply_edits(store, changes, [row_edit])
                state["ids"].append(task_id)

        def backward(changes):
            state["snapshot"] = delete_tasks(store, changes, state["ids"])
            apply_edits(store, changes, edits, forward=False)

        return change_structure(
            self.ctx, label, forward, backward, lambda: state["ids"][-1] if state["ids"] else None
        )
