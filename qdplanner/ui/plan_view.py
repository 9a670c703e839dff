"""One open plan inside the main window: the outline tree on the left, the tabs (tasks with
their timeline, units, indicators, history, collection) in the middle, the detail panel on
the right — and the menu entries and status-bar figures that belong to the plan.

The main window (``main_window.py``) is the frame around it and is built first, so the
window shows before this module and the store are even imported; see ``MainWindow.attach``.

View → As Of… (:meth:`PlanView.show_as_of`) shows every view as the plan stood at a past
date — the task table, the timeline, the detail panel, the status bar's tallies, the Units and
Indicators tabs — under a banner with Back to Today; the tasks cannot be edited meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.vocabulary import LIGHT_ORDER, colour, lights_to_show, symbol
from qdplanner.store import PlanStore
from qdplanner.store.summary import summarize
from qdplanner.store.task_rows import Scope
from qdplanner.store.units import unit_display_name
from qdplanner.ui.as_of_dialog import not_remembered_text, refusal_text
from qdplanner.ui.clipboard import TableClipboard
from qdplanner.ui.collection_actions import CollectionActions
from qdplanner.ui.commands import EditContext
from qdplanner.ui.delegates import RefusalBorderDelegate, TaskCellDelegate
from qdplanner.ui.detail_panel import DetailPanel
from qdplanner.ui.excel_actions import ExcelActions
from qdplanner.ui.filter_bar import FilterBar
from qdplanner.ui.group_rows import GroupRows, TaskTableView
from qdplanner.ui.labels import label, light_text
from qdplanner.ui.live_refresh import attach_live_refresh
from qdplanner.ui.models.outline_tree import SCOPE_ROLE, build_outline_model
from qdplanner.ui.models.task_table import DEPTH_ROLE, Col, TaskTableModel
from qdplanner.ui.outline_actions import OutlineActions
from qdplanner.ui.past_date import PastDateView
from qdplanner.ui.period_actions import PeriodActions
from qdplanner.ui.plan_place import on_server, save_a_copy
from qdplanner.ui.plan_tabs import PlanTabs
from qdplanner.ui.report_actions import ReportActions
from qdplanner.ui.settings_dialog import settings_action
from qdplanner.ui.task_actions import TaskActions
from qdplanner.ui.timeline_view import attach_timeline

INDENT_PX = 18
WRITE_READY_MS = 1500  # after the plan is shown: the first edit's loading done before it
# Widths for a first start (before the user's own are remembered): sized from typical
# content, not measured per row (resizeColumnsToContents costs 0.5 s on 20,000 rows).
DEFAULT_WIDTHS = {
    Col.CODE: 44, Col.TITLE: 400, Col.LIGHT: 118, Col.PERCENT: 64, Col.STATUS: 70,
    Col.LEAD: 150, Col.SUPPORT: 190, Col.DEADLINE: 104, Col.START: 88, Col.DUE: 88,
    Col.STREAM: 150, Col.NOTES: 200,
}  # fmt: skip
# At a first start the deadline sits beside the lead unit, and the title takes what is left
# of the table's width (within these bounds), so light, lead unit and deadline show on a
# 1366×768 screen too — until the user sizes a column by hand.
FIRST_START_ORDER = (Col.LEAD, Col.DEADLINE)
TITLE_WIDTH_MIN, TITLE_WIDTH_MAX = 160, DEFAULT_WIDTHS[Col.TITLE]


class IndentDelegate(RefusalBorderDelegate):
    """Indents the task title by its depth, so sub-tasks read as sub-tasks."""

    def initStyleOption(self, option, index):
        super().initStyleOption(option, index)
        depth = index.data(DEPTH_ROLE) or 0
        option.rect.adjust(depth * INDENT_PX, 0, 0, 0)


def _indicators_view(ctx, plan_view: PlanView) -> QWidget:
    from qdplanner.ui.indicators_view import IndicatorsView

    view = IndicatorsView(ctx, plan_view.show_message)
    if plan_view.as_of is not None:
        view.set_as_of(plan_view.as_of)
    return view


def _collection_view(ctx, actions) -> QWidget:
    from qdplanner.ui.collection_view import CollectionView

    return CollectionView(ctx, actions)


def _history_view(ctx) -> QWidget:
    from qdplanner.ui.history_view import HistoryView

    return HistoryView(ctx)


def _separator(parent: QWidget) -> QAction:
    action = QAction(parent)
    action.setSeparator(True)
    return action


class PlanView(PlanTabs, PastDateView, QWidget):
    """The plan ``store`` shown in ``window`` (a ``MainWindow``), whose central widget it is."""

    def __init__(self, store: PlanStore, window: QMainWindow, *, language: str):
        super().__init__(window)
        self.store = store
        self.language = language
        self.main_window = window
        self.setObjectName("planView")
        # The past date every view shows (View → As Of), or None: today. Not remembered: a
        # new window starts at today.
        self.as_of: date | None = None

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
        self.table = TaskTableView()  # draws the header line of each program / project
        self.table.setObjectName("taskTable")
        self.table.setModel(self.tasks)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegate(RefusalBorderDelegate(self.table))
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
            self.ctx, self.table, self.tasks, self.current_scope, self.show_message, self
        )
        self.ctx.structure_changed.connect(self._structure_changed)
        self.clipboard = TableClipboard(self.ctx, self.table, self.tasks, self.show_message, self)
        self.group_rows = GroupRows(self.table, self.tasks, self)  # header per program/project
        self.outline_actions = OutlineActions(
            self.ctx, self.tree, self.current_scope, self.show_message, self
        )

        self.report_actions = ReportActions(self.ctx, self, as_of=lambda: self.as_of)
        self.excel = ExcelActions(self.ctx, lambda: self.language, self.show_message, self)
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
        # The other tabs are built when first shown (or first asked for), so opening a plan
        # pays for the task table only.
        self._tab_makers: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        self._add_tab_on_demand("units", self.tr("Units"), self._make_units_view)
        self._add_tab_on_demand(
            "indicators", self.tr("Indicators"), lambda: _indicators_view(self.ctx, self)
        )
        self._add_tab_on_demand("history", self.tr("History"), lambda: _history_view(self.ctx))
        self.collection = CollectionActions(
            self.ctx, lambda: self.language, self.show_message, self
        )
        self._add_tab_on_demand(
            "collection", self.tr("Collection"), lambda: _collection_view(self.ctx, self.collection)
        )
        self.periods = PeriodActions(self.ctx, self.show_message, self)
        self._add_tab_on_demand("periods", self.tr("Periods"), self._make_periods_view)
        self._add_tab_on_demand("narrative", self.tr("Narrative"), self._make_narrative_view)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.ctx.structure_changed.connect(lambda _focus: self.filter_bar.load_units(self.store))

        self.detail = DetailPanel(self.ctx, self.show_message)
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
        self._build_as_of_banner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.as_of_banner)
        layout.addWidget(self.splitter)
        # At a past date an edit typed or double-clicked into the table is refused, saying why
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)

        self.file_label = QLabel()
        self.counts_label = QLabel()
        self.lights_label = QLabel()
        bar = window.statusBar()
        bar.addWidget(self.file_label, 1)
        # A message stays until the next action (an edit, undo or redo) or the next message
        self._message = ""
        bar.messageChanged.connect(self._status_bar_changed)
        self.ctx.undo_stack.indexChanged.connect(self._undo_index_changed)
        self.ctx.notice.connect(self.show_message)
        bar.addPermanentWidget(self.lights_label)
        bar.addPermanentWidget(self.counts_label)

        self._add_menu_entries()
        self.timeline = attach_timeline(self)
        self.tree.selectionModel().currentChanged.connect(self._scope_changed)
        # the columns and the sort first: the tasks are then read and sorted once
        self.restore_state()
        self.reload()
        self.live = attach_live_refresh(self)  # other editors' changes, on a server plan
        # what the first edit would load, loaded once the plan has shown and the user not
        # yet acted (a plan file's sqlite-utils, ~45 ms)
        QTimer.singleShot(WRITE_READY_MS, self, self._ready_to_write)

    def _ready_to_write(self) -> None:
        if self.store.is_open:
            self.store.ready_to_write()

    # -- menus ---------------------------------------------------------------------
    def _add_menu_entries(self) -> None:
        """The plan's entries in the window's menus (the window has the rest)."""
        window = self.main_window
        copy_action = QAction(self.tr("Save a &Copy As…"), self)
        copy_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        copy_action.triggered.connect(self._save_copy)
        if on_server(self.store):
            copy_action.setStatusTip(
                self.tr(
                    "Copies the plan from the server into a plan file, with its change log, "
                    "as the command qdplanner copy does"
                )
            )
        window.file_menu.insertActions(
            window.file_plan_anchor,
            [
                _separator(self),
                copy_action,
                _separator(self),
                *self.excel.actions(),
                _separator(self),
                *self.collection.actions(),
                _separator(self),
                *self.report_actions.actions(),
            ],
        )

        edit_menu = window.edit_menu
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.progress_action = QAction(self.tr("Record Pro&gress…"), self)
        self.progress_action.setShortcut(QKeySequence("Ctrl+R"))
        self.progress_action.triggered.connect(self._record_progress)
        self.progress_action.setEnabled(not self.store.readonly)
        edit_menu.addAction(self.progress_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.clipboard.copy)
        edit_menu.addAction(self.clipboard.paste)
        edit_menu.addSeparator()
        edit_menu.addActions(self.task_actions.actions())

        window.plan_menu.addActions(self.outline_actions.actions())
        window.plan_menu.addSeparator()
        self.settings_action = settings_action(
            self.ctx, self, self.show_message, lambda: self.task_actions.current_task()
        )
        window.plan_menu.addAction(self.settings_action)
        window.plan_menu.addSeparator()
        window.plan_menu.addActions(self.periods.actions())  # Close Period…, Reopen Period…

        for index in range(self.tabs.count()):
            self._add_tab_action(index)
        for action in self.group_rows.actions():
            self.add_view_action(action)
        self.add_view_action(_separator(self))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.reload)
        self.add_view_action(refresh)
        self.add_view_action(_separator(self))
        self.as_of_action = QAction(self.tr("&As Of…"), self)
        self.as_of_action.setObjectName("asOfAction")
        self.as_of_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.as_of_action.setStatusTip(not_remembered_text())
        self.as_of_action.setToolTip(not_remembered_text())
        self.as_of_action.triggered.connect(self.ask_as_of)
        self.add_view_action(self.as_of_action)
        self.back_to_today_action = QAction(self.tr("Bac&k to Today"), self)
        self.back_to_today_action.setObjectName("backToTodayAction")
        self.back_to_today_action.triggered.connect(lambda: self.show_as_of(None))
        self.back_to_today_action.setEnabled(False)
        self.add_view_action(self.back_to_today_action)
        self.add_view_action(_separator(self))

    def add_view_action(self, action: QAction) -> None:
        """Put ``action`` in the View menu, above the window's own entries (Language)."""
        self.main_window.view_menu.insertAction(self.main_window.view_plan_anchor, action)

    def _add_tab_action(self, index: int) -> None:
        """A View-menu entry (Ctrl+1, Ctrl+2, …) that shows tab ``index``."""
        action = QAction(self.tabs.tabText(index), self)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda: self.tabs.setCurrentIndex(index))
        self.add_view_action(action)

    def show_unit_tasks(self, unit_id: int) -> None:
        """All the tasks a unit leads or supports, in the Tasks tab."""
        name = unit_display_name(self.store, unit_id)
        if name is None:
            return
        self.tree.setCurrentIndex(self.outline.index(0, 0))  # "All tasks"
        self.filter_bar.unit.setEditText(name)
        self.tabs.setCurrentIndex(0)

    def _save_copy(self) -> None:
        path = save_a_copy(self, self.store, self.main_window.plan_file_filter())
        if path:
            self.main_window.statusBar().showMessage(
                self.tr("Copy saved as %1").replace("%1", path), 8000
            )

    # -- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the outline, the current task table and the status bar from the store."""
        current = self.current_scope()
        # Before reading: what is shown now is at least as new as this batch (undo refuses a
        # step whose records others changed after what the window has shown).
        self.ctx.seen = self.store.latest_batch()
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
            self._load_tasks(scope)
            self._narrative_follows()

    def _load_tasks(self, scope: Scope) -> None:
        """Read the table's tasks (today, or as they stood at the past date shown)."""
        self.tasks.load(self.store, scope, self.as_of, history=self.as_of is not None)
        self._update_shown_label()
        self._current_task_changed(self.table.currentIndex(), QModelIndex())

    def _filter_changed(self, task_filter) -> None:
        self.tasks.set_filter(task_filter)
        self._update_shown_label()

    def _update_shown_label(self) -> None:
        shown, total = self.tasks.task_count(), self.tasks.total_count()
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
        summary = summarize(
            self.store,
            as_of=self.as_of,
            history=self.as_of is not None,
            rows=self.tasks.whole_plan_rows(self.as_of),
        )
        c = summary.counts
        self.counts_label.setText(
            self.tr("%1 tasks · %2 units · %3 indicators")
            .replace("%1", str(c["tasks"]))
            .replace("%2", str(c["units"]))
            .replace("%3", str(c["indicators"]))
        )
        self.lights_label.setText(
            "&nbsp;&nbsp;".join(
                f'<span style="color:{colour(light)}">{symbol(light)}</span>'
                f" {label(light)} {summary.lights.get(light, 0)}"
                for light in LIGHT_ORDER
                if summary.lights.get(light)
            )
        )
        self.lights_label.setToolTip(
            "\n".join(
                f"{light_text(light)}: {summary.lights.get(light, 0)}"
                for light in lights_to_show(summary.lights)
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
        if self.as_of is not None:
            self.show_message(refusal_text(self.as_of))
            return
        task = self.task_actions.current_task()
        if task is None:
            self.show_message(self.tr("Choose the task to report progress on."))
            return
        from qdplanner.ui.progress_dialog import ask_and_record  # when first recorded

        ask_and_record(self.ctx, task, self, self.show_message)

    def _current_task_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.tasks.row_at(current.row()) if current.isValid() else None
        task = row.id if row is not None else None  # None: a group's header line
        if task != self.detail.task_id:
            self.detail.show_task(task)

    def _structure_changed(self, focus_task: int | None) -> None:
        """Records were added, removed, moved or renamed: redraw outline and table."""
        self.reload()
        row = self.tasks.row_of_task(focus_task) if focus_task is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.tasks.index(row, Col.TITLE))

    def show_message(self, message: str) -> None:
        """Say ``message`` in the window's status bar until the next action (an edit that
        succeeds, undo, redo) or the next message; an empty one clears it and the cell of a
        refused edit. (``last_refusal`` keeps it for tests to read.)"""
        self.last_refusal = message
        self._message = message
        if not message:
            self.tasks.clear_refusal()
        self.main_window.statusBar().showMessage(message)

    def _undo_index_changed(self, _index: int) -> None:
        self.clear_message()  # a method, not a lambda: disconnected when the view goes

    def clear_message(self) -> None:
        """The next action: the message and the refused cell's border go."""
        if self._message:
            self.show_message("")
        else:
            self.tasks.clear_refusal()

    def _status_bar_changed(self, text: str) -> None:
        """Keep the message through what blanks the status bar in passing (a menu entry's
        status tip); another message replaces it. The plan's address (the bar's one normal
        widget) gives way to a message: hidden explicitly, as Qt's own hiding is undone when
        the bar lays itself out again, and the message was then drawn over it."""
        self.file_label.setVisible(not text)
        if not self._message:
            return
        if not text:
            self.main_window.statusBar().showMessage(self._message)
        elif text != self._message:
            self._message = ""

    def _show_refusal(self, index: QModelIndex, message: str) -> None:
        """Say at the cell (red border and tooltip, kept), and in the status bar, why an
        edit was refused."""
        self.show_message(message)
        rect = self.table.visualRect(index)
        QToolTip.showText(self.table.viewport().mapToGlobal(rect.bottomLeft()), message, self.table)

    # -- state -----------------------------------------------------------------------
    def restore_state(self) -> None:
        settings = QSettings()
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = settings.value("window/taskHeader")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        else:
            self._first_start_columns()

    def _first_start_columns(self) -> None:
        """No remembered columns: the deadline beside the lead unit, the title fitted to the
        table's width whenever it changes, until the user resizes a column."""
        header = self.table.horizontalHeader()
        lead, deadline = FIRST_START_ORDER
        header.moveSection(header.visualIndex(deadline), header.visualIndex(lead) + 1)
        self._fitting_title = True
        self._fit_busy = False
        header.sectionResized.connect(self._column_resized)
        self.table.viewport().installEventFilter(self)
        self.fit_title_column()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fit_busy:
            self._fitting_title = False  # the user's own widths win from now on

    def fit_title_column(self) -> None:
        """Give the title the table's width less the columns up to the deadline."""
        if not getattr(self, "_fitting_title", False):
            return
        header = self.table.horizontalHeader()
        last = header.visualIndex(FIRST_START_ORDER[-1])
        others = sum(
            header.sectionSize(header.logicalIndex(v))
            for v in range(last + 1)
            if header.logicalIndex(v) != Col.TITLE
            and not header.isSectionHidden(header.logicalIndex(v))
        )
        room = self.table.viewport().width() - others
        width = min(max(room, TITLE_WIDTH_MIN), TITLE_WIDTH_MAX)
        self._fit_busy = True
        try:
            header.resizeSection(Col.TITLE, width)
        finally:
            self._fit_busy = False

    def eventFilter(self, watched, event) -> bool:
        if self.as_of is not None and self._edit_attempted(watched, event):
            return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_title_column()
        return super().eventFilter(watched, event)

    def save_state(self) -> None:
        """Remember the panes' sizes and the table's columns; stop deferred work."""
        self._status_timer.stop()
        if self.live is not None:
            self.live.close()
        settings = QSettings()
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/taskHeader", self.table.horizontalHeader().saveState())
