"""The main window: navigation tree on the left, the task table of the chosen node on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qdplanner.errors import QdError
from qdplanner.store import PLAN_SUFFIX, PlanStore
from qdplanner.store.summary import LIGHT_ORDER, summarize
from qdplanner.store.task_rows import Scope
from qdplanner.store.units import unit_display_name
from qdplanner.ui.about import show_about
from qdplanner.ui.clipboard import TableClipboard
from qdplanner.ui.collection_view import CollectionActions, CollectionView
from qdplanner.ui.commands import EditContext
from qdplanner.ui.delegates import TaskCellDelegate
from qdplanner.ui.detail_panel import DetailPanel
from qdplanner.ui.excel_actions import ExcelActions
from qdplanner.ui.filter_bar import FilterBar
from qdplanner.ui.history_view import HistoryView
from qdplanner.ui.i18n import LANGUAGES
from qdplanner.ui.indicators_view import IndicatorsView
from qdplanner.ui.labels import LIGHT_COLOURS, LIGHT_SYMBOLS, light_label
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.outline_tree import SCOPE_ROLE, build_outline_model
from qdplanner.ui.models.task_table import DEPTH_ROLE, Col, TaskTableModel
from qdplanner.ui.outline_actions import OutlineActions
from qdplanner.ui.progress_dialog import ask_and_record
from qdplanner.ui.report_dialog import ReportActions
from qdplanner.ui.task_actions import TaskActions
from qdplanner.ui.timeline_view import attach_timeline
from qdplanner.ui.units_view import UnitsView
from qdplanner.ui.user_guide import show_user_guide

INDENT_PX = 18
# Widths for a first start (before the user's own are remembered): sized from typical
# content, not measured per row (resizeColumnsToContents costs 0.5 s on 20,000 rows).
DEFAULT_WIDTHS = {
    Col.CODE: 44, Col.TITLE: 400, Col.LIGHT: 118, Col.PERCENT: 64, Col.STATUS: 70,
    Col.LEAD: 150, Col.SUPPORT: 190, Col.DEADLINE: 104, Col.START: 88, Col.DUE: 88,
    Col.STREAM: 150, Col.NOTES: 200,
}  # fmt: skip


class IndentDelegate(QStyledItemDelegate):
    """Indents the task title by its depth, so sub-tasks read as sub-tasks."""

    def initStyleOption(self, option, index):
        super().initStyleOption(option, index)
        depth = index.data(DEPTH_ROLE) or 0
        option.rect.adjust(depth * INDENT_PX, 0, 0, 0)


class MainWindow(QMainWindow):
    """One open plan. Emits requests the application acts on (open a file, change language)."""

    open_requested = Signal(str)
    new_requested = Signal(str)
    sample_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, store: PlanStore, *, language: str, font_warning: str = ""):
        super().__init__()
        self.store = store
        self.language = language
        self.setObjectName("MainWindow")
        title = self.tr("%1 — qdplanner").replace("%1", store.path.name)
        if store.readonly:
            title = self.tr("%1 (read-only)").replace("%1", title)
        self.setWindowTitle(title)

        self.outline = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.outline)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.ctx = EditContext(store, self)
        self.tasks = TaskTableModel(self)
        self.tasks.set_context(self.ctx)
        self.tasks.edit_refused.connect(self._show_refusal)
        self.ctx.tasks_changed.connect(lambda _ids: self._status_timer.start())
        self._status_timer = QTimer(self, singleShot=True, interval=300)
        self._status_timer.timeout.connect(self._refresh_status_bar)
        self.last_refusal = ""
        self.table = QTableView()
        self.table.setObjectName("taskTable")
        self.table.setModel(self.tasks)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(Col.TITLE, IndentDelegate(self.table))
        kinds = {
            Col.PERCENT: "percent",
            Col.STATUS: "status",
            Col.LEAD: "unit",
            Col.SUPPORT: "units",
            Col.DUE: "deadline",
            Col.DEADLINE: "deadline",
            Col.START: "date",
        }
        cells = TaskCellDelegate(store, kinds, self.table)
        for col in kinds:
            self.table.setItemDelegateForColumn(col, cells)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setHighlightSections(False)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setSectionsMovable(True)
        for col, width in DEFAULT_WIDTHS.items():
            self.table.setColumnWidth(col, width)

        self.task_actions = TaskActions(
            self.ctx, self.table, self.tasks, self.current_scope, self._show_message, self
        )
        self.ctx.structure_changed.connect(self._structure_changed)
        self.clipboard = TableClipboard(self.ctx, self.table, self.tasks, self._show_message, self)
        self.outline_actions = OutlineActions(
            self.ctx, self.tree, self.current_scope, self._show_message, self
        )

        self.report_actions = ReportActions(self.ctx, self)
        self.excel = ExcelActions(self.ctx, lambda: self.language, self._show_message, self)
        self.excel.imported.connect(lambda: self.ctx.structure_changed.emit(None))

        self.filter_bar = FilterBar(store, self)
        self.filter_bar.changed.connect(self._filter_changed)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.table)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(right, self.tr("Tasks"))
        self.units_view = UnitsView(self.ctx, self._show_message)
        self.units_view.unit_activated.connect(self.show_unit_tasks)
        self.tabs.addTab(self.units_view, self.tr("Units"))
        self.indicators_view = IndicatorsView(self.ctx, self._show_message)
        self.tabs.addTab(self.indicators_view, self.tr("Indicators"))
        self.history_view = HistoryView(self.ctx)
        self.tabs.addTab(self.history_view, self.tr("History"))
        self.collection = CollectionActions(
            self.ctx, lambda: self.language, self._show_message, self
        )
        self.collection_view = CollectionView(self.ctx, self.collection)
        self.tabs.addTab(self.collection_view, self.tr("Collection"))
        self.ctx.structure_changed.connect(lambda _focus: self.filter_bar.load_units(self.store))

        self.detail = DetailPanel(self.ctx, self._show_message)
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setObjectName("detailScroll")
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(self._current_task_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900, 340])
        self.setCentralWidget(self.splitter)

        self.file_label = QLabel()
        self.counts_label = QLabel()
        self.lights_label = QLabel()
        bar = self.statusBar()
        bar.addWidget(self.file_label, 1)
        bar.addPermanentWidget(self.lights_label)
        bar.addPermanentWidget(self.counts_label)

        self._build_menus()
        self.timeline = attach_timeline(self)
        self.tree.selectionModel().currentChanged.connect(self._scope_changed)
        self.reload()
        self.restore_state()
        if font_warning:
            self.statusBar().showMessage(font_warning)
        elif store.readonly:
            self.statusBar().showMessage(
                self.tr("Read-only: someone else has this plan open; your changes cannot be saved.")
            )

    # -- menus ---------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_action = QAction(self.tr("&New Plan…"), self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(self._choose_new_plan)
        file_menu.addAction(new_action)
        open_action = QAction(self.tr("&Open Plan…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._choose_plan)
        file_menu.addAction(open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        sample_action = QAction(self.tr("Open &Sample Plan"), self)
        sample_action.triggered.connect(self.sample_requested)
        file_menu.addAction(sample_action)
        file_menu.addSeparator()
        copy_action = QAction(self.tr("Save a &Copy As…"), self)
        copy_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        copy_action.triggered.connect(self._save_copy)
        file_menu.addAction(copy_action)
        file_menu.addSeparator()
        for action in self.excel.actions():
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in self.collection.actions():
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addActions(self.report_actions.actions())
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.progress_action = QAction(self.tr("Record &Progress…"), self)
        self.progress_action.setShortcut(QKeySequence("Ctrl+R"))
        self.progress_action.triggered.connect(self._record_progress)
        self.progress_action.setEnabled(not self.store.readonly)
        edit_menu.addAction(self.progress_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.clipboard.copy)
        edit_menu.addAction(self.clipboard.paste)
        edit_menu.addSeparator()
        for action in self.task_actions.actions():
            edit_menu.addAction(action)

        plan_menu = self.menuBar().addMenu(self.tr("&Plan"))
        for action in self.outline_actions.actions():
            plan_menu.addAction(action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu = view_menu
        for index in range(self.tabs.count()):
            self._add_tab_action(index)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.reload)
        view_menu.addAction(refresh)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.language)
            action.setData(code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(lambda a: self.language_requested.emit(a.data()))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User Guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(lambda: show_user_guide(self, self.language))
        help_menu.addAction(guide)
        about = QAction(self.tr("&About qdplanner"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(lambda: show_about(self, self.store))
        help_menu.addAction(about)

    def show_unit_tasks(self, unit_id: int) -> None:
        """All the tasks a unit leads or supports, in the Tasks tab."""
        name = unit_display_name(self.store, unit_id)
        if name is None:
            return
        self.tree.setCurrentIndex(self.outline.index(0, 0))  # "All tasks"
        self.filter_bar.unit.setEditText(name)
        self.tabs.setCurrentIndex(0)

    def _add_tab_action(self, index: int) -> None:
        """A View-menu entry (Ctrl+1, Ctrl+2, …) that shows tab ``index``."""
        action = QAction(self.tabs.tabText(index), self)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda: self.tabs.setCurrentIndex(index))
        self.view_menu.insertAction(
            self.view_menu.actions()[index] if index < len(self.view_menu.actions()) else None,
            action,
        )

    def _plan_filter(self) -> str:
        return self.tr("qdplanner plans (*%1);;All files (*)").replace("%1", PLAN_SUFFIX)

    def _choose_new_plan(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Plan"), str(self.store.path.parent), self._plan_filter()
        )
        if path:
            if not path.endswith(PLAN_SUFFIX):
                path += PLAN_SUFFIX
            self.new_requested.emit(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in QSettings().value("files/recent", [], type=list) if p]
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_requested.emit(p))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _save_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a Copy As"), str(self.store.path.parent), self._plan_filter()
        )
        if not path:
            return
        if not path.endswith(PLAN_SUFFIX):
            path += PLAN_SUFFIX
        try:
            self.store.save_copy(path)
        except QdError as exc:
            QMessageBox.warning(self, self.tr("Save a Copy As"), user_message(exc))
            return
        self.statusBar().showMessage(self.tr("Copy saved as %1").replace("%1", path), 8000)

    def _choose_plan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Plan"), str(self.store.path.parent), self._plan_filter()
        )
        if path:
            self.open_requested.emit(path)

    # -- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the outline, the current task table and the status bar from the store."""
        current = self.current_scope()
        build_outline_model(self.store, self.outline)
        self.tree.expandAll()
        target = self._find_scope(current) if current else None
        self.tree.setCurrentIndex(target or self.outline.index(0, 0))
        self._refresh_status_bar()

    def current_scope(self) -> Scope | None:
        index = self.tree.currentIndex()
        return index.data(SCOPE_ROLE) if index.isValid() else None

    def _find_scope(self, scope: Scope) -> QModelIndex | None:
        for item_index in self._all_indexes():
            if item_index.data(SCOPE_ROLE) == scope:
                return item_index
        return None

    def _all_indexes(self):
        stack = [self.outline.index(r, 0) for r in range(self.outline.rowCount())]
        while stack:
            index = stack.pop()
            yield index
            stack.extend(
                self.outline.index(r, 0, index) for r in range(self.outline.rowCount(index))
            )

    def _scope_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        scope = current.data(SCOPE_ROLE) if current.isValid() else None
        if scope is not None:
            self.tasks.load(self.store, scope)
            self._update_shown_label()
            self._current_task_changed(self.table.currentIndex(), QModelIndex())

    def _filter_changed(self, task_filter) -> None:
        self.tasks.set_filter(task_filter)
        self._update_shown_label()

    def _update_shown_label(self) -> None:
        shown, total = self.tasks.rowCount(), self.tasks.total_count()
        if shown == total:
            text = self.tr("%1 — %2 tasks shown").replace("%2", str(shown))
        else:
            text = (
                self.tr("%1 — %2 of %3 tasks match the filter")
                .replace("%2", str(shown))
                .replace("%3", str(total))
            )
        self.file_label.setText(text.replace("%1", str(self.store.path)))

    def _refresh_status_bar(self) -> None:
        if not self.store.is_open:  # a deferred refresh after the plan was closed
            return
        summary = summarize(self.store, rows=self.tasks.whole_plan_rows())
        c = summary.counts
        self.counts_label.setText(
            self.tr("%1 tasks · %2 units · %3 indicators")
            .replace("%1", str(c["tasks"]))
            .replace("%2", str(c["units"]))
            .replace("%3", str(c["indicators"]))
        )
        self.lights_label.setText(
            "&nbsp;&nbsp;".join(
                f'<span style="color:{LIGHT_COLOURS[light].name()}">{LIGHT_SYMBOLS[light]}</span>'
                f" {light_label(light)} {summary.lights.get(light, 0)}"
                for light in LIGHT_ORDER
                if summary.lights.get(light)
            )
        )
        self.lights_label.setToolTip(
            "\n".join(
                f"{LIGHT_SYMBOLS[light]} {light_label(light)}: {summary.lights.get(light, 0)}"
                for light in LIGHT_ORDER
            )
        )
        self.file_label.setToolTip(str(self.store.path))

    def column_menu(self) -> QMenu:
        """Show or hide columns (the choice is remembered with the header's state)."""
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        names = self.tasks.headers()
        for col in Col:
            action = menu.addAction(names[col])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.setEnabled(col != Col.TITLE)  # the task title always shows
            action.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
        return menu

    def _column_menu(self, pos) -> None:
        self.column_menu().exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _record_progress(self) -> None:
        task = self.task_actions.current_task()
        if task is None:
            self._show_message(self.tr("Choose the task to report progress on."))
            return
        ask_and_record(self.ctx, task, self, self._show_message)

    def _current_task_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task = self.tasks.row_at(current.row()).id if current.isValid() else None
        if task != self.detail.task_id:
            self.detail.show_task(task)

    def _structure_changed(self, focus_task: int | None) -> None:
        """Records were added, removed, moved or renamed: redraw outline and table."""
        self.reload()
        row = self.tasks.row_of_task(focus_task) if focus_task is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.tasks.index(row, Col.TITLE))

    def _show_message(self, message: str) -> None:
        self.last_refusal = message
        self.statusBar().showMessage(message, 10_000)

    def _show_refusal(self, index: QModelIndex, message: str) -> None:
        """Say at the cell, and in the status bar, why an edit was refused."""
        self.last_refusal = message
        rect = self.table.visualRect(index)
        QToolTip.showText(self.table.viewport().mapToGlobal(rect.bottomLeft()), message, self.table)
        self.statusBar().showMessage(message, 10_000)

    # -- window state --------------------------------------------------------------
    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 820)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = settings.value("window/taskHeader")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/taskHeader", self.table.horizontalHeader().saveState())

    def closeEvent(self, event) -> None:
        self._status_timer.stop()
        self.save_state()
        super().closeEvent(event)
