"""Quarterly progress collection (季度填报) in the window: issue, take back, see who returned.

* **Collect Progress from Units…** — period, return-by date, language, folder and the lead
  units to write to; one protected workbook per unit, written off the UI thread.
* **Import Returned Workbooks…** — many files at once: each file's standing, every problem by
  file, sheet, row and column (a file with a problem is not applied), and each conflict
  (two reports of a task and period that disagree) for the user to resolve before Apply.
  Applying is one undo step.
* The **Collection** tab lists, for a period, which units were issued a workbook and which
  returned it.

All of it calls the same functions as ``qdplanner collect`` / ``collect-import`` /
``collect-status``.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import ChangeSource, TaskStatus
from qdplanner.domain.periods import parse_period, period_of
from qdplanner.errors import QdError
from qdplanner.store.collections import (
    CollectionState,
    collection_periods,
    collection_status,
    lead_units,
    restore_collection,
)
from qdplanner.ui.background import Cancelled, run_in_background
from qdplanner.ui.commands import EditContext, StructureCommand
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.labels import status_label
from qdplanner.ui.messages import translated, user_message
from qdplanner.ui.models.rows_model import RowsTableModel

STATE_COLOURS = {
    CollectionState.RETURNED: QColor("#c8e6c9"),
    CollectionState.ISSUED: QColor("#fff3c4"),
    CollectionState.NOT_ISSUED: QColor("#eeeeee"),
}


def current_period() -> str:
    return period_of(date.today()).code


def _local_time(text: str | None) -> str:
    """A stored UTC time as the user's local date and time (minutes)."""
    if not text:
        return ""
    from datetime import datetime

    try:
        return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


# -- collect -------------------------------------------------------------------------------


class CollectDialog(QDialog):
    """What to issue: period, return-by date, language, folder and the units (methods)."""

    def __init__(self, ctx: EditContext, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Collect Progress from Units"))
        settings = QSettings()
        self.period_edit = QLineEdit(current_period())
        self.period_edit.setToolTip(self.tr("2024Q3, 2024H1, 2024-09 or 2024"))
        self.due_edit = DateLineEdit(phrases=False)
        self.due_edit.setPlaceholderText(self.tr("optional, e.g. 2024-10-10"))
        self.lang = QComboBox()
        self.lang.addItem("中文", "zh_CN")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(0 if language.startswith("zh") else 1)
        folder = settings.value("collection/folder", str(ctx.store.path.parent))
        self.folder_edit = QLineEdit(folder)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.units = QListWidget()
        for unit in lead_units(ctx.store):
            label = self.tr("%1 (%n task(s))", "", unit.task_count).replace(
                "%1", unit.short_name or unit.name
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, unit.id)
            item.setToolTip(unit.name)
            item.setCheckState(Qt.CheckState.Checked)
            self.units.addItem(item)
        every = QPushButton(self.tr("Select &All"))
        every.clicked.connect(lambda: self._tick(Qt.CheckState.Checked))
        none = QPushButton(self.tr("Select &None"))
        none.clicked.connect(lambda: self._tick(Qt.CheckState.Unchecked))
        ticks = QHBoxLayout()
        ticks.addWidget(every)
        ticks.addWidget(none)
        ticks.addStretch(1)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period_edit)
        form.addRow(self.tr("Return by"), self.due_edit)
        form.addRow(self.tr("Workbook language"), self.lang)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Lead units"), self.units)
        form.addRow("", ticks)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Write Workbooks"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _tick(self, state: Qt.CheckState) -> None:
        for row in range(self.units.count()):
            self.units.item(row).setCheckState(state)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the Workbooks"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def unit_ids(self) -> list[int]:
        return [
            self.units.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.units.count())
            if self.units.item(r).checkState() == Qt.CheckState.Checked
        ]

    def period(self) -> str:
        return parse_period(self.period_edit.text()).code

    def due(self) -> date | None:
        text = self.due_edit.text().strip()
        return date.fromisoformat(text) if text else None

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def _accept(self) -> None:
        try:
            self.period()
        except QdError as exc:
            self.warning.setText(user_message(exc))
            return
        try:
            self.due()
        except ValueError:
            self.warning.setText(self.tr("Write the return-by date as 2024-10-10."))
            return
        if not self.folder().is_dir():
            self.warning.setText(self.tr("Choose a folder that exists."))
            return
        if not self.unit_ids():
            self.warning.setText(self.tr("Tick at least one unit."))
            return
        QSettings().setValue("collection/folder", str(self.folder()))
        self.accept()


# -- returns ------------------------------------------------------------------------------


class ReturnsDialog(QDialog):
    """The returned workbooks read against the plan; conflicts resolved here; Apply."""

    def __init__(self, preview: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import Returned Workbooks"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.files = QTreeWidget()
        self.files.setRootIsDecorated(False)
        self.files.setHeaderLabels(
            [self.tr("File"), self.tr("Unit"), self.tr("Period"), self.tr("Reports"), ""]
        )
        self.files.headerItem().setText(4, self.tr("Standing"))
        for f in preview.files:
            standing = (
                self.tr("OK") if f.ok else self.tr("%n problem(s): not applied", "", len(f.errors))
            )
            item = QTreeWidgetItem(
                [f.key or f.name, f.unit_name, f.period or "", str(len(f.reports)), standing]
            )
            if not f.ok:
                item.setForeground(4, QBrush(QColor("#b71c1c")))
            self.files.addTopLevelItem(item)
        self.files.setColumnWidth(0, 240)
        self.tabs.addTab(self.files, self.tr("Files"))
        self.problems = QTreeWidget()
        self.problems.setRootIsDecorated(False)
        self.problems.setHeaderLabels(
            [self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"), ""]
        )
        self.problems.headerItem().setText(4, self.tr("Problem"))
        for error in preview.errors:
            self.problems.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        error.file,
                        error.sheet,
                        "" if error.row is None else str(error.row),
                        error.column or "",
                        error.text(translated),
                    ]
                )
            )
        for warning in preview.warnings:
            self.problems.addTopLevelItem(
                QTreeWidgetItem(["", "", "", "", self.tr("Warning: %1").replace("%1", warning)])
            )
        self.problems.setColumnWidth(0, 200)
        if preview.errors or preview.warnings:
            self.tabs.addTab(
                self.problems,
                self.tr("Problems (%1)").replace(
                    "%1", str(len(preview.errors) + len(preview.warnings))
                ),
            )
        self.conflicts = QTreeWidget()
        self.conflicts.setRootIsDecorated(False)
        self.conflicts.setHeaderLabels([self.tr("Task"), self.tr("Period"), ""])
        self.conflicts.headerItem().setText(2, self.tr("Keep"))
        self.choice_boxes: dict[tuple, QComboBox] = {}
        for conflict in preview.conflicts:
            item = QTreeWidgetItem([conflict.task_title, conflict.period, ""])
            item.setToolTip(0, conflict.task_title)
            self.conflicts.addTopLevelItem(item)
            box = QComboBox()
            box.addItem(self.tr("— choose —"), None)
            for candidate in conflict.candidates:
                box.addItem(self._describe(candidate), candidate.key)
                box.setItemData(
                    box.count() - 1, candidate.values.narrative, Qt.ItemDataRole.ToolTipRole
                )
            box.currentIndexChanged.connect(self._update)
            self.conflicts.setItemWidget(item, 2, box)
            self.choice_boxes[conflict.key] = box
        self.conflicts.setColumnWidth(0, 280)
        if preview.conflicts:
            self.tabs.addTab(
                self.conflicts,
                self.tr("Conflicts (%1)").replace("%1", str(len(preview.conflicts))),
            )
            self.tabs.setCurrentWidget(self.conflicts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self._update()

    def _describe(self, candidate) -> str:
        values = candidate.values
        where = self.tr("In the plan") if candidate.is_plan else candidate.key
        narrative = (values.narrative or "").replace("\n", " ")
        if len(narrative) > 30:
            narrative = narrative[:30] + "…"
        status = status_label(TaskStatus(values.status))
        return f"{where}: {status} {values.percent}% {narrative}".strip()

    def choices(self) -> dict[tuple, str]:
        return {k: box.currentData() for k, box in self.choice_boxes.items() if box.currentData()}

    def _update(self) -> None:
        preview = self.preview
        counts = preview.counts(self.choices())
        open_conflicts = len(preview.unresolved(self.choices()))
        lines = [self.tr("%n workbook(s) read", "", len(preview.files))]
        failed = len(preview.files) - len(preview.ok_files)
        if failed:
            lines.append(self.tr("%n with problems: not applied", "", failed))
        lines += [
            self.tr("Reports to add: %1, to replace: %2, already in the plan: %3")
            .replace("%1", str(counts.get("add", 0)))
            .replace("%2", str(counts.get("replace", 0)))
            .replace("%3", str(counts.get("unchanged", 0))),
        ]
        if open_conflicts:
            lines.append(
                self.tr(
                    "%n conflict(s) to resolve: choose which report to keep for each.",
                    "",
                    open_conflicts,
                )
            )
        self.summary.setText("<br>".join(lines))
        self.apply_button.setEnabled(bool(preview.ok_files) and not open_conflicts)


# -- status view ----------------------------------------------------------------------------


class StatusCol(IntEnum):
    UNIT = 0
    TASKS = 1
    REPORTED = 2
    STATE = 3
    ISSUED = 4
    RETURNED = 5
    FILE = 6


class CollectionStatusModel(RowsTableModel):
    COLUMNS = StatusCol

    def headers(self) -> list[str]:
        return [
            self.tr("Unit"),
            self.tr("Tasks led"),
            self.tr("Reported"),
            self.tr("Standing"),
            self.tr("Issued"),
            self.tr("Returned"),
            self.tr("Returned file"),
        ]

    def load(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def state_label(self, state: CollectionState) -> str:
        return {
            CollectionState.RETURNED: self.tr("✔ Returned"),
            CollectionState.ISSUED: self.tr("… Issued, not returned"),
            CollectionState.NOT_ISSUED: self.tr("— Not issued"),
        }[state]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                StatusCol.UNIT: row.short_name or row.unit_name,
                StatusCol.TASKS: row.task_count,
                StatusCol.REPORTED: f"{row.reported} / {row.task_count}",
                StatusCol.STATE: self.state_label(row.state),
                StatusCol.ISSUED: _local_time(row.issued_at),
                StatusCol.RETURNED: _local_time(row.returned_at),
                StatusCol.FILE: row.returned_file,
            }[StatusCol(col)]
        if role == Qt.ItemDataRole.ToolTipRole and col == StatusCol.UNIT:
            return row.unit_name
        if role == Qt.ItemDataRole.BackgroundRole and col == StatusCol.STATE:
            return QBrush(STATE_COLOURS[row.state])
        return None


class CollectionView(QWidget):
    """The Collection tab: a period's round, unit by unit."""

    def __init__(self, ctx: EditContext, actions: CollectionActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.setMinimumWidth(120)
        self.period.currentTextChanged.connect(lambda _t: self.refresh())
        self.counts = QLabel()
        collect = QPushButton(self.tr("Collect…"))
        collect.clicked.connect(actions.collect_action.trigger)
        returned = QPushButton(self.tr("Import Returned…"))
        returned.clicked.connect(actions.returns_action.trigger)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addWidget(self.counts, 1)
        top.addWidget(collect)
        top.addWidget(returned)
        self.model = CollectionStatusModel(self)
        self.table = QTableView()
        self.table.setObjectName("collectionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            StatusCol.FILE, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(StatusCol.UNIT, 180)
        self.table.setColumnWidth(StatusCol.STATE, 170)
        self.table.setColumnWidth(StatusCol.ISSUED, 130)
        self.table.setColumnWidth(StatusCol.RETURNED, 130)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.load_periods()
        actions.changed.connect(self.load_periods)
        ctx.structure_changed.connect(lambda _focus: self.refresh())

    def load_periods(self, select: str | None = None) -> None:
        wanted = select or self.period.currentText() or None
        periods = collection_periods(self.ctx.store)
        if current_period() not in periods:
            periods.append(current_period())
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems(periods)
        self.period.setCurrentText(wanted if wanted else periods[0])
        self.period.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        try:
            period = parse_period(self.period.currentText()).code
        except QdError:
            self.model.load([])
            self.counts.setText(self.tr("Write a period such as 2024Q3."))
            return
        rows = collection_status(self.ctx.store, period)
        self.model.load(rows)
        returned = sum(r.state == CollectionState.RETURNED for r in rows)
        issued = sum(r.state != CollectionState.NOT_ISSUED for r in rows)
        self.counts.setText(
            self.tr("%1 of %2 issued workbooks returned")
            .replace("%1", str(returned))
            .replace("%2", str(issued))
        )


# -- actions ------------------------------------------------------------------------------


class CollectionActions(QWidget):
    """The menu actions; ``collect`` and ``import_returns`` do the work without file dialogs."""

    changed = Signal()  # workbooks issued or returned: the Collection tab re-reads

    def __init__(self, ctx: EditContext, language, show_message, parent: QWidget):
        super().__init__(parent)
        self.hide()
        self.ctx = ctx
        self.language = language
        self.show_message = show_message
        self.window_ = parent
        self.collect_action = QAction(self.tr("&Collect Progress from Units…"), parent)
        self.collect_action.triggered.connect(self.choose_collect)
        self.returns_action = QAction(self.tr("Import &Returned Workbooks…"), parent)
        self.returns_action.triggered.connect(self.choose_returns)
        for action in (self.collect_action, self.returns_action):
            action.setEnabled(not ctx.readonly)

    def actions(self) -> list[QAction]:
        return [self.collect_action, self.returns_action]

    def choose_collect(self) -> None:
        dialog = CollectDialog(self.ctx, self.language(), self.window_)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.collect(
                dialog.folder(),
                dialog.period(),
                dialog.unit_ids(),
                dialog.due(),
                dialog.lang.currentData(),
            )

    def collect(
        self,
        folder: Path,
        period: str,
        unit_ids: list[int] | None = None,
        due: date | None = None,
        lang: str = "zh_CN",
        *,
        on_dialog=None,
    ):
        from qdplanner.excel.collection_export import collect_workbooks

        try:
            result = run_in_background(
                self.window_,
                self.ctx.store,
                self.tr("Writing the workbooks for %1…").replace("%1", period),
                lambda store, progress: collect_workbooks(
                    store,
                    folder,
                    period,
                    lang=lang,
                    due=due,
                    unit_ids=unit_ids,
                    source=ChangeSource.FORM,
                    progress=progress,
                ),
                on_dialog=on_dialog,
            )
        except Cancelled:
            self.show_message(self.tr("Cancelled; no workbook was written."))
            return None
        except QdError as exc:
            QMessageBox.warning(
                self.window_, self.tr("Collect Progress from Units"), user_message(exc)
            )
            return None
        self.changed.emit()
        self.show_message(
            self.tr("Wrote %n workbook(s) to %1", "", len(result.workbooks)).replace(
                "%1", str(folder)
            )
        )
        return result

    def choose_returns(self) -> None:
        folder = QSettings().value("collection/folder", str(self.ctx.store.path.parent))
        paths, _ = QFileDialog.getOpenFileNames(
            self.window_,
            self.tr("Import Returned Workbooks"),
            folder,
            self.tr("Workbooks (*.xlsx *.xls *.ods);;All files (*)"),
        )
        if paths:
            self.import_returns([Path(p) for p in paths])

    def read_returns(self, paths: list[Path], *, on_dialog=None):
        from qdplanner.excel.collection_import import preview_returns

        try:
            return run_in_background(
                self.window_,
                self.ctx.store,
                self.tr("Reading %n workbook(s)…", "", len(paths)),
                lambda store, progress: preview_returns(store, paths, progress=progress),
                on_dialog=on_dialog,
            )
        except Cancelled:
            self.show_message(self.tr("Cancelled; nothing was changed."))
        except QdError as exc:
            QMessageBox.warning(
                self.window_, self.tr("Import Returned Workbooks"), user_message(exc)
            )
        return None

    def apply_returns(self, preview, choices: dict) -> bool:
        """Apply as one undo step (undo restores the reports and the returned marks)."""
        from qdplanner.excel.collection_import import apply_returns, returns_snapshot

        store = self.ctx.store
        try:
            before = returns_snapshot(store, preview, choices)
            result = run_in_background(
                self.window_,
                store,
                self.tr("Importing the returned workbooks…"),
                lambda worker, _progress: apply_returns(worker, preview, choices),
            )
            after = returns_snapshot(store, preview, choices)
        except QdError as exc:
            QMessageBox.warning(
                self.window_, self.tr("Import Returned Workbooks"), user_message(exc)
            )
            return False
        text = self.tr("Import returned workbooks")
        self.ctx.undo_stack.push(
            StructureCommand(
                self.ctx,
                text,
                lambda changes: restore_collection(store, changes, after),
                lambda changes: restore_collection(store, changes, before),
                lambda: None,
            )
        )
        self.ctx.structure_changed.emit(None)
        self.changed.emit()
        self.show_message(
            self.tr("Reports added: %1, replaced: %2; workbooks marked returned: %3")
            .replace("%1", str(result.added))
            .replace("%2", str(result.replaced))
            .replace("%3", str(len(result.returned)))
        )
        return True

    def import_returns(self, paths: list[Path]) -> bool:
        preview = self.read_returns(paths)
        if preview is None:
            return False
        dialog = ReturnsDialog(preview, self.window_)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.apply_returns(preview, dialog.choices())
