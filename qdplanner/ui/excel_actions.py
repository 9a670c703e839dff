"""File → Export to Excel and File → Import from Excel, with the preview the user confirms.

Both run off the UI thread (:mod:`background`) with a progress bar and Cancel. An import is
previewed first — every change, field by field, and every error by file, sheet, row and
column — and applied only when the user presses Apply, as one logged transaction. Applied
imports are not on the undo stack (they can be thousands of changes); the change log keeps
them, and the undo history is cleared because its steps may refer to records the import
changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdplanner.errors import QdError
from qdplanner.ui.background import Cancelled, run_in_background
from qdplanner.ui.commands import EditContext
from qdplanner.ui.messages import translated, user_message
from qdplanner.ui.plan_place import plan_folder

if TYPE_CHECKING:
    from qdplanner.excel.breakdown_import import BreakdownOptions, BreakdownPreview
    from qdplanner.excel.import_model import ImportPreview

SHOWN_PER_LIST = 2000  # rows of one list in the preview; the rest are counted


def kind_word(kind: str) -> str:
    from qdplanner.excel.import_model import record_word  # with the import, not at start-up

    return translated(record_word(kind))


class ImportPreviewDialog(QDialog):
    """What an import would do; Apply is enabled only when there is something and no error."""

    ADJUST = 2  # result: the user wants to change how a breakdown sheet is read
    MATCHES = 3  # result: the user decided which close titles are the same task

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None):
        from qdplanner.excel.import_model import CellError

        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import Preview — %1").replace("%1", preview.file_name))
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.summary.setObjectName("importSummary")
        self.tabs = QTabWidget()
        self.errors = self._list(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem")],
            widths=(120, 60, 160),
        )
        self.errors.setRootIsDecorated(False)
        for error in preview.errors:
            self._add(
                self.errors,
                [
                    error.sheet,
                    "" if error.row is None else str(error.row),
                    error.column or "",
                    error.text(translated),
                ],
            )
        for warning in preview.warnings:
            if isinstance(warning, CellError):
                where = [warning.sheet, "" if warning.row is None else str(warning.row)]
                text = warning.text(translated)
                self._add(self.errors, [*where, warning.column or "", self._warning(text)])
            else:
                self._add(self.errors, ["", "", "", self._warning(warning)])
        self.changes = self._list(
            [self.tr("Change"), self.tr("Record"), self.tr("Old"), self.tr("New")],
            widths=(130, 280, 170),
        )
        self._fill_changes()
        if preview.errors or preview.warnings:
            self.tabs.addTab(
                self.errors,
                self.tr("Problems (%1)").replace(
                    "%1", str(len(preview.errors) + len(preview.warnings))
                ),
            )
        self.tabs.addTab(self.changes, self.tr("Changes"))
        result = getattr(preview, "result", None)
        self.columns = self._column_list(result.columns) if result and result.columns else None
        self.similar = self._similar_list(getattr(preview, "similar", []))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(preview.ok and not preview.is_empty)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if hasattr(preview, "document_is_new"):  # a breakdown sheet's preview
            self.destination = QLabel(self._destination(preview))
            self.destination.setWordWrap(True)
            layout.addWidget(self.destination)
            adjust = buttons.addButton(
                self.tr("Columns and &Destination…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            adjust.clicked.connect(lambda: self.done(self.ADJUST))
        if self.similar is not None:
            decide = buttons.addButton(
                self.tr("Use These &Matches"), QDialogButtonBox.ButtonRole.ActionRole
            )
            decide.clicked.connect(lambda: self.done(self.MATCHES))
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(780, 520)

    def _column_list(self, columns: list) -> QTreeWidget:
        """Every column of a breakdown sheet, with what it is read as or why it is not."""
        from qdplanner.ui.breakdown_dialog import field_label

        tree = self._list(
            [self.tr("Column"), self.tr("Header in the sheet"), self.tr("Read as")],
            widths=(60, 260, 300),
        )
        tree.setRootIsDecorated(False)
        for column in columns:
            if column.field:
                read = field_label(column.field)
            elif column.why == "set_aside":
                read = self.tr("Not read: set aside (else %1)").replace(
                    "%1", field_label(column.was) if column.was else "—"
                )
            elif column.why == "no_header":
                read = self.tr("Not read: no header")
            else:
                read = self.tr("Not read: header not recognised")
            if column.hidden:
                read = self.tr("%1 (hidden in the workbook)").replace("%1", read)
            self._add(tree, [column.letter, column.header, read])
        self.tabs.addTab(tree, self.tr("Columns (%1)").replace("%1", str(len(columns))))
        return tree

    def _similar_list(self, similar: list) -> QTreeWidget | None:
        """Rows whose titles are close to a task's: ticked = the same task (the user decides;
        nothing is taken as the same task by itself)."""
        if not similar:
            return None
        tree = self._list(
            [self.tr("Same task"), self.tr("Row"), self.tr("Title in the sheet"),
             self.tr("Task in the plan"), self.tr("Alike")],
            widths=(80, 50, 250, 250),
        )  # fmt: skip
        tree.setRootIsDecorated(False)
        for match in similar:
            item = self._add(
                tree,
                ["", str(match.row), match.title, f"#{match.task_id} {match.task_title}",
                 f"{round(match.ratio * 100)}%"],
            )  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, (match.row, match.task_id))
            item.setCheckState(
                0, Qt.CheckState.Checked if match.decision == "same" else Qt.CheckState.Unchecked
            )
        undecided = sum(not m.decision for m in similar)
        self.tabs.insertTab(
            0, tree, self.tr("Similar titles (%1 to decide)").replace("%1", str(undecided))
        )
        self.tabs.setCurrentIndex(0)
        return tree

    def matches(self) -> dict[int, int | None]:
        """The user's decisions: Excel row → the task it is (ticked), or None (a new task)."""
        decided: dict[int, int | None] = {}
        for i in range(self.similar.topLevelItemCount() if self.similar else 0):
            item = self.similar.topLevelItem(i)
            row, task_id = item.data(0, Qt.ItemDataRole.UserRole)
            decided[row] = task_id if item.checkState(0) == Qt.CheckState.Checked else None
        return decided

    def _destination(self, preview: BreakdownPreview) -> str:
        sheet = preview.result.sheet if preview.result else ""
        text = self.tr("Task-breakdown sheet “%1”, into the plan document “%2”").replace(
            "%1", sheet
        )
        text = text.replace("%2", preview.document or "")
        if preview.document_is_new:
            text += self.tr(" (new)")
        return text

    def _warning(self, text: str) -> str:
        return self.tr("Warning: %1").replace("%1", text)

    def _list(self, headers: list[str], widths: tuple[int, ...]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setUniformRowHeights(True)
        for column, width in enumerate(widths):
            tree.setColumnWidth(column, width)
        return tree

    @staticmethod
    def _add(parent, texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, texts)
        for column, text in enumerate(texts):
            if text:
                item.setToolTip(column, text)
        return item

    def _summary(self) -> str:
        text = self._changes_summary()
        kept = len(getattr(self.preview, "kept", ()))
        if kept and not self.preview.errors:
            text += "<br>" + self.tr(
                "%n value(s) of the workbook kept as the plan has them: changed in the plan "
                "since the export (listed under Kept)",
                "",
                kept,
            )
        return text

    def _changes_summary(self) -> str:
        preview = self.preview
        if preview.errors:
            return self.tr(
                "%n error(s) in the workbook: nothing can be applied. Correct the workbook "
                "and import it again.",
                "",
                len(preview.errors),
            )
        if preview.is_empty:
            return self.tr("No changes: the plan already matches %1.").replace(
                "%1", preview.file_name
            )
        parts = []
        for title, counts in (
            (self.tr("Add"), preview.counts()["added"]),
            (self.tr("Change"), preview.counts()["changed"]),
            (self.tr("Remove"), preview.counts()["removed"]),
        ):
            if counts:
                listed = self.tr(", ").join(
                    f"{n} {kind_word(kind)}" for kind, n in sorted(counts.items())
                )
                parts.append(f"{title}: {listed}")
        if preview.units_to_create:
            parts.append(
                self.tr("Units to create: %1").replace("%1", str(len(preview.units_to_create)))
            )
        return (
            "<br>".join(parts)
            + "<br>"
            + self.tr("Press Apply to make these changes as one step (recorded in History).")
        )

    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.changes, [f"{title} ({count})"])
        item.setFirstColumnSpanned(True)
        item.setExpanded(True)
        return item

    def _more(self, group: QTreeWidgetItem, count: int) -> None:
        if count > SHOWN_PER_LIST:
            more = self.tr("… and %1 more").replace("%1", str(count - SHOWN_PER_LIST))
            QTreeWidgetItem(group, [more]).setFirstColumnSpanned(True)

    def _fill_changes(self) -> None:
        preview = self.preview
        if preview.units_to_create:
            group = self._group(self.tr("Units to create"), len(preview.units_to_create))
            for name in preview.units_to_create[:SHOWN_PER_LIST]:
                self._add(group, [kind_word("units"), name])
            self._more(group, len(preview.units_to_create))
        if preview.added:
            group = self._group(self.tr("Added"), len(preview.added))
            for add in preview.added[:SHOWN_PER_LIST]:
                where = self.tr("row %1").replace("%1", str(add.row)) if add.row else ""
                self._add(group, [f"{kind_word(add.kind)} {where}".strip(), add.label])
            self._more(group, len(preview.added))
        if preview.changed:
            group = self._group(self.tr("Changed"), len(preview.changed))
            empty = self.tr("(empty)")
            for change in preview.changed[:SHOWN_PER_LIST]:
                record = self._add(group, [kind_word(change.kind), change.label])
                for f in change.fields:
                    self._add(record, ["", f.header, f.old_text or empty, f.new_text or empty])
                record.setExpanded(len(preview.changed) <= 200)
            self._more(group, len(preview.changed))
        if getattr(preview, "kept", None):
            self._fill_kept(preview.kept)
        if preview.removed:
            group = self._group(self.tr("Removed"), len(preview.removed))
            for removal in preview.removed[:SHOWN_PER_LIST]:
                also = (
                    self.tr("with %1").replace("%1", removal.cascade_of)
                    if removal.cascade_of
                    else ""
                )
                self._add(group, [kind_word(removal.kind), removal.label, also])
            self._more(group, len(preview.removed))

    def _fill_kept(self, kept: list) -> None:
        """What the plan changed since the workbook's export: kept, not applied, not errors."""
        group = self._group(self.tr("Kept: changed in the plan since the export"), len(kept))
        for item in kept[:SHOWN_PER_LIST]:
            if item.removed:
                said = self.tr("removed in the plan since the export by %1 at %2")
                row = [kind_word(item.kind), item.label, "", ""]
            else:
                said = self.tr("changed in the plan since the export by %1 at %2")
                row = [kind_word(item.kind), f"{item.label} — {item.header}", item.book_text,
                       item.plan_text]  # fmt: skip
            record = self._add(group, row)
            why = said.replace("%1", item.who).replace("%2", item.when)
            for column in range(4):
                record.setToolTip(column, why)
            self._add(record, ["", why])
        self._more(group, len(kept))


class ExcelActions(QWidget):
    """The File-menu actions; ``export_to`` and ``import_from`` do the work without asking
    for a file (tests and the command line's twins call them)."""

    imported = Signal()  # an import was applied: views re-read the plan

    def __init__(
        self,
        ctx: EditContext,
        language: Callable[[], str],
        show_message: Callable[[str], None],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.hide()
        self.ctx = ctx
        self.language = language
        self.show_message = show_message
        self.window_ = parent
        self.export_action = QAction(self.tr("&Export to Excel…"), parent)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.choose_export)
        self.import_action = QAction(self.tr("&Import from Excel…"), parent)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(self.choose_import)
        self.import_action.setEnabled(not ctx.readonly)
        self.last_preview: ImportPreview | None = None

    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action]

    def _folder(self) -> str:
        return QSettings().value("files/excel_folder", plan_folder(self.ctx.store))

    def _remember_folder(self, path: str | Path) -> None:
        QSettings().setValue("files/excel_folder", str(Path(path).parent))

    # -- export --------------------------------------------------------------------------
    def choose_export(self) -> None:
        suggested = Path(self._folder()) / f"{self.ctx.store.path.stem}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self.window_,
            self.tr("Export to Excel"),
            str(suggested),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self._remember_folder(path)
            self.export_to(Path(path))

    def export_to(self, path: Path, *, on_dialog=None) -> dict[str, int] | None:
        from qdplanner.excel.workbook_export import export_plan

        lang = "zh_CN" if self.language().startswith("zh") else "en"
        try:
            counts = run_in_background(
                self.window_,
                self.ctx.store,
                self.tr("Exporting the plan to %1…").replace("%1", path.name),
                lambda store, progress: export_plan(store, path, lang=lang, progress=progress),
                on_dialog=on_dialog,
            )
        except Cancelled:
            self.show_message(self.tr("Export cancelled; no file was written."))
            return None
        except QdError as exc:
            QMessageBox.warning(self.window_, self.tr("Export to Excel"), user_message(exc))
            return None
        self.show_message(
            self.tr("Exported %1 tasks to %2")
            .replace("%1", str(counts.get("tasks", 0)))
            .replace("%2", str(path))
        )
        return counts

    # -- import --------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window_,
            self.tr("Import from Excel"),
            self._folder(),
            self.tr("Workbooks (*.xlsx *.xls *.ods);;All files (*)"),
        )
        if path:
            self._remember_folder(path)
            self.import_from(Path(path))

    def preview(
        self, path: Path, *, breakdown: BreakdownOptions | None = None, on_dialog=None
    ) -> ImportPreview | None:
        """Read ``path`` against the plan (in the background); None when it was refused.

        A plan workbook of another plan is read only when the user says so."""
        from qdplanner.excel.workbook_identity import OtherPlanWorkbookError
        from qdplanner.excel.workbook_import import preview_workbook

        other_plan = False
        while True:
            try:
                return run_in_background(
                    self.window_,
                    self.ctx.store,
                    self.tr("Reading %1…").replace("%1", path.name),
                    lambda store, progress, other=other_plan: preview_workbook(
                        store, path, breakdown=breakdown, progress=progress, other_plan=other
                    ),
                    on_dialog=on_dialog,
                )
            except Cancelled:
                self.show_message(self.tr("Import cancelled; nothing was changed."))
            except OtherPlanWorkbookError as exc:
                if not other_plan and self.confirm_other_plan(exc):
                    other_plan = True
                    continue
            except QdError as exc:
                QMessageBox.warning(self.window_, self.tr("Import from Excel"), user_message(exc))
            return None

    def confirm_other_plan(self, exc: QdError) -> bool:
        """Ask before reading a plan workbook exported from another plan."""
        box = QMessageBox(self.window_)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Import from Excel"))
        box.setText(user_message(exc))
        anyway = box.addButton(self.tr("Import Anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is anyway

    def confirm_removals(self, preview: ImportPreview) -> bool:
        """Ask before an import removes records; the question names how many of each kind."""
        counts = Counter(r.kind for r in preview.removed)
        what = "\n".join(f"• {kind_word(kind)}: {n}" for kind, n in counts.most_common())
        box = QMessageBox(self.window_)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Remove Records?"))
        box.setText(
            self.tr(
                "Importing %1 removes %2 record(s) of the plan that are missing from the workbook:"
            )
            .replace("%1", preview.file_name)
            .replace("%2", str(len(preview.removed)))
        )
        box.setInformativeText(
            what
            + "\n\n"
            + self.tr(
                "They go with their history in the change log. If the workbook is only a "
                "part of the plan, cancel: nothing is changed."
            )
        )
        remove = box.addButton(self.tr("Remove and Import"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is remove

    def apply(self, preview: ImportPreview, *, on_dialog=None) -> bool:
        """Apply a confirmed preview (in the background); True when it was applied.

        An import that removes records asks first, naming the counts."""
        from qdplanner.excel.workbook_import import apply_import

        if preview.removed and not self.confirm_removals(preview):
            self.show_message(self.tr("Import cancelled; nothing was changed."))
            return False
        try:
            run_in_background(
                self.window_,
                self.ctx.store,
                self.tr("Importing %1…").replace("%1", preview.file_name),
                lambda store, progress: apply_import(
                    store, preview, progress=progress, allow_removals=True
                ),
                on_dialog=on_dialog,
            )
        except Cancelled:
            self.show_message(self.tr("Import cancelled; nothing was changed."))
            return False
        except QdError as exc:
            QMessageBox.warning(self.window_, self.tr("Import from Excel"), user_message(exc))
            return False
        preview.applied = True
        self.ctx.undo_stack.clear()
        self.imported.emit()
        self.show_message(
            self.tr("Imported %1: %2 added, %3 changed, %4 removed.")
            .replace("%1", preview.file_name)
            .replace("%2", str(len(preview.added)))
            .replace("%3", str(len(preview.changed)))
            .replace("%4", str(len(preview.removed)))
        )
        return True

    def import_from(self, path: Path) -> bool:
        """Preview ``path``, let the user confirm, apply. True when something was applied.

        A breakdown sheet whose task column was not found asks how to read it first; its
        preview can go back to that dialog ("Columns and Destination…")."""
        breakdown = None
        while True:
            preview = self.preview(path, breakdown=breakdown)
            self.last_preview = preview
            if preview is None:
                return False
            result = getattr(preview, "result", None)  # a breakdown sheet's
            if result is not None and result.layout.missing:
                breakdown = self.ask_breakdown(preview)
                if breakdown is None:
                    return False
                continue
            dialog = ImportPreviewDialog(preview, self.window_)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            outcome = dialog.exec()
            if outcome == ImportPreviewDialog.MATCHES:
                from qdplanner.excel.breakdown_import import BreakdownOptions

                breakdown = replace(breakdown or BreakdownOptions(), matches=dialog.matches())
                continue
            if outcome == ImportPreviewDialog.ADJUST:
                breakdown = self.ask_breakdown(preview)
                if breakdown is None:
                    return False
                continue
            if outcome != QDialog.DialogCode.Accepted:
                return False
            return self.apply(preview)

    def ask_breakdown(self, preview: BreakdownPreview) -> BreakdownOptions | None:
        from qdplanner.ui.breakdown_dialog import BreakdownDialog

        dialog = BreakdownDialog(self.ctx.store, preview, self.window_)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()
