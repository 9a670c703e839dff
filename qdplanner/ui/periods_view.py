"""The Periods tab: the closed periods, and what moved from one period to another.

The top lists every closing (reopened ones greyed, with who reopened them and when); below,
two periods are compared — each closed one from what its closing kept, an open one judged
live, as the note above the groups says — in the groups of
:mod:`qdplanner.domain.period_compare`: lights worse, better or otherwise changed, newly
done, newly overdue, no report for the period, indicators moved, units late or not
returned. The comparison is ``qdplanner period compare``'s (one function,
:func:`qdplanner.store.periods.compare_periods`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.indicator_trend import format_number
from qdplanner.domain.period_compare import PeriodComparison, PeriodStanding, previous_period
from qdplanner.domain.periods import parse_period
from qdplanner.domain.vocabulary import LIGHT_ORDER
from qdplanner.errors import QdError
from qdplanner.store.periods import compare_periods, period_closes
from qdplanner.ui.commands import EditContext
from qdplanner.ui.labels import light_colour, light_text, local_time
from qdplanner.ui.messages import user_message
from qdplanner.ui.period_actions import PeriodActions, recent_periods

GROUP_LIMIT = 500  # rows shown per group (the command lists them all)
CLOSE_COLUMNS = 7


class PeriodsView(QWidget):
    """The Periods tab."""

    def __init__(self, ctx: EditContext, actions: PeriodActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.period_actions = actions  # not "actions": QWidget.actions() is a method
        self.today = date.today()
        self.comparison: PeriodComparison | None = None

        close_button = QPushButton(self.tr("Close Period…"))
        close_button.setObjectName("closePeriodButton")
        close_button.clicked.connect(actions.close_action.trigger)
        reopen_button = QPushButton(self.tr("Reopen Period…"))
        reopen_button.clicked.connect(actions.reopen_action.trigger)
        for button in (close_button, reopen_button):
            button.setEnabled(not ctx.readonly)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Closed periods")), 1)
        top.addWidget(close_button)
        top.addWidget(reopen_button)

        self.closes = QTableWidget(0, CLOSE_COLUMNS)
        self.closes.setObjectName("periodClosesTable")
        self.closes.setHorizontalHeaderLabels([
            self.tr("Period"), self.tr("Closed"), self.tr("Closed by"), self.tr("As it stood on"),
            self.tr("Tasks"), self.tr("Lights"), self.tr("Reopened"),
        ])  # fmt: skip
        self.closes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.closes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.closes.verticalHeader().hide()
        self.closes.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.closes.cellDoubleClicked.connect(self._compare_from_row)

        self.earlier = QComboBox()
        self.earlier.setObjectName("compareEarlier")
        self.later = QComboBox()
        self.later.setObjectName("compareLater")
        for box in (self.earlier, self.later):
            box.setEditable(True)
            box.setMinimumWidth(100)
        compare_button = QPushButton(self.tr("Compare"))
        compare_button.setObjectName("compareButton")
        compare_button.clicked.connect(self.compare)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare")))
        row.addWidget(self.earlier)
        row.addWidget(QLabel(self.tr("with")))
        row.addWidget(self.later)
        row.addWidget(compare_button)
        row.addStretch(1)
        self.note = QLabel()
        self.note.setObjectName("compareNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setObjectName("compareTree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([
            self.tr("What moved"), self.tr("Before"), self.tr("After"),
            self.tr("Lead unit / detail"), self.tr("Program / project"),
        ])  # fmt: skip
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 150)
        self.tree.setColumnWidth(2, 150)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.closes)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.note)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([160, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        actions.changed.connect(self.refresh)
        ctx.structure_changed.connect(lambda _focus: self.refresh())
        self.refresh()

    # -- the closed periods ----------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the closings, offer their periods, and compare again."""
        if not self.ctx.store.is_open:
            return
        closes = period_closes(self.ctx.store)
        self.closes.setRowCount(len(closes))
        grey = QBrush(QColor("#9e9e9e"))
        for r, c in enumerate(closes):
            lights = "  ".join(
                f"{light_text(light)} {c.lights[light]}" for light in LIGHT_ORDER
                if c.lights.get(light)
            )  # fmt: skip
            reopened = ""
            if not c.in_force:
                reopened = (
                    self.tr("%1 by %2")
                    .replace("%1", local_time(c.reopened_at))
                    .replace("%2", c.reopened_by)
                )
            values = [c.period, local_time(c.closed_at), c.closed_by, c.judged_at.isoformat(),
                      str(c.tasks), lights, reopened]  # fmt: skip
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.period)
                if not c.in_force:
                    item.setForeground(grey)
                self.closes.setItem(r, col, item)
        self.closes.resizeColumnsToContents()
        closed = [c.period for c in closes if c.in_force]
        offered = recent_periods(self.today, closed)
        later = self.later.currentText() or (closed[0] if closed else offered[0])
        earlier = self.earlier.currentText() or self._before(later)
        for box, value in ((self.earlier, earlier), (self.later, later)):
            box.blockSignals(True)
            box.clear()
            box.addItems(offered)
            box.setCurrentText(value)
            box.blockSignals(False)
        self.compare()

    @staticmethod
    def _before(period: str) -> str:
        try:
            return previous_period(parse_period(period)).code
        except QdError:
            return ""

    def _compare_from_row(self, row: int, _column: int) -> None:
        """A closed period double-clicked: compared with the one before it."""
        period = self.closes.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self.show_comparison(self._before(period), period)

    # -- the comparison --------------------------------------------------------------
    def show_comparison(self, earlier: str, later: str) -> None:
        self.earlier.setCurrentText(earlier)
        self.later.setCurrentText(later)
        self.compare()

    def compare(self) -> None:
        self.tree.clear()
        self.comparison = None
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                result = compare_periods(
                    self.ctx.store, self.earlier.currentText(), self.later.currentText(), self.today
                )
            finally:
                QApplication.restoreOverrideCursor()
        except QdError as exc:
            self.note.setText(user_message(exc))
            self.summary.clear()
            return
        self.comparison = result
        header = self.tree.headerItem()
        header.setText(1, result.earlier.period)  # the columns read as the two periods
        header.setText(2, result.later.period)
        self.note.setText(
            self._standing_text(result.earlier) + "\n" + self._standing_text(result.later)
        )
        c = result.counts()
        self.summary.setText(
            self.tr(
                "%1 → %2: %3 lights better, %4 worse; %5 newly done, %6 newly overdue; %7 tasks "
                "with no report for %2; %8 indicators moved; %9 units late or not returned."
            )
            .replace("%1", result.earlier.period)
            .replace("%2", result.later.period)
            .replace("%3", str(c["lights_better"]))
            .replace("%4", str(c["lights_worse"]))
            .replace("%5", str(c["newly_done"]))
            .replace("%6", str(c["newly_overdue"]))
            .replace("%7", str(c["no_report"]))
            .replace("%8", str(c["indicators_moved"]))
            .replace("%9", str(len(result.units)))
        )
        self._fill(result)

    def _standing_text(self, s: PeriodStanding) -> str:
        if s.closed:
            return (
                self.tr("%1: closed %2 by %3, as the plan stood on %4.")
                .replace("%1", s.period)
                .replace("%2", local_time(s.closed_at))
                .replace("%3", s.closed_by)
                .replace("%4", s.judged_at.isoformat())
            )
        if s.judged_at < self.today:
            return (
                self.tr(
                    "%1: not closed: compared against the live judgement at the period's end "
                    "(%2), from what the plan holds now."
                )
                .replace("%1", s.period)
                .replace("%2", s.judged_at.isoformat())
            )
        return (
            self.tr("%1: not closed and not over: judged today (%2) with the current figures.")
            .replace("%1", s.period)
            .replace("%2", s.judged_at.isoformat())
        )

    def group_titles(self) -> dict[str, str]:
        return {
            "worse": self.tr("Lights worse (%1)"),
            "better": self.tr("Lights better (%1)"),
            "other": self.tr("Other light changes (%1)"),
            "done": self.tr("Newly done (%1)"),
            "overdue": self.tr("Newly overdue (%1)"),
            "no_report": self.tr("No report for the period (%1)"),
            "indicators": self.tr("Indicators moved (%1)"),
            "units": self.tr("Units late or not returned (%1)"),
        }

    def _fill(self, result: PeriodComparison) -> None:
        titles = self.group_titles()
        groups = [
            ("worse", result.worse, self._task_item),
            ("better", result.better, self._task_item),
            ("other", result.other, self._task_item),
            ("done", result.newly_done, self._task_item),
            ("overdue", result.newly_overdue, lambda m: self._task_item(m, due=True)),
            ("no_report", result.no_report, self._task_item),
            ("indicators", result.indicators, self._indicator_item),
            ("units", result.units, self._unit_item),
        ]
        self.tree.setUpdatesEnabled(False)
        try:
            for key, items, make in groups:
                top = QTreeWidgetItem([titles[key].replace("%1", str(len(items)))])
                top.setData(0, Qt.ItemDataRole.UserRole, key)
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                self.tree.addTopLevelItem(top)
                top.addChildren([make(item) for item in items[:GROUP_LIMIT]])
                if len(items) > GROUP_LIMIT:
                    more = self.tr("… and %1 more (qdplanner period compare lists all)")
                    top.addChild(
                        QTreeWidgetItem([more.replace("%1", str(len(items) - GROUP_LIMIT))])
                    )
                top.setExpanded(0 < len(items) <= 50)
        finally:
            self.tree.setUpdatesEnabled(True)

    @staticmethod
    def _light_cells(item: QTreeWidgetItem, column: int, light, percent: str) -> None:
        item.setText(column, f"{light_text(light)}  {percent}".rstrip())
        item.setForeground(column, QBrush(light_colour(light)))

    def _task_item(self, move, due: bool = False) -> QTreeWidgetItem:
        """A task that moved; ``due``: say its due date (why it is newly overdue when its
        light was red already, for being far behind)."""
        t, b = move.after, move.before
        detail = t.lead_unit
        if due and t.due_date:
            when = self.tr("due %1").replace("%1", t.due_date.isoformat())
            detail = f"{detail}; {when}" if detail else when
        item = QTreeWidgetItem([f"{t.code} {t.title}".strip(), "", "", detail, t.stream])
        item.setData(0, Qt.ItemDataRole.UserRole, t.task_id)
        if b is not None:
            self._light_cells(item, 1, b.light, f"{b.percent}%" if b.recorded else "")
        self._light_cells(item, 2, t.light, f"{t.percent}%" if t.recorded else "")
        if t.narrative:
            item.setToolTip(0, f"[{t.narrative_period}] {t.narrative}")
        return item

    def _indicator_item(self, move) -> QTreeWidgetItem:
        a, b = move.after, move.before

        def value(i) -> str:
            if i is None or i.latest_value is None:
                return "—"
            text = f"{format_number(i.latest_value)}{i.measure_unit}"
            return f"{text} ({i.latest_when})" if i.latest_when else text

        item = QTreeWidgetItem([a.name, "", "", ""])
        if b is not None:
            self._light_cells(item, 1, b.light, value(b))
        self._light_cells(item, 2, a.light, value(a))
        return item

    def _unit_item(self, move) -> QTreeWidgetItem:
        u, b = move.after, move.before
        detail = []
        if u.late and u.due_on:
            detail.append(
                self.tr("returned %1, due %2")
                .replace("%1", local_time(u.returned_at))
                .replace("%2", u.due_on.isoformat())
            )
        if u.left_empty:
            detail.append(self.tr("%1 rows left empty").replace("%1", str(u.left_empty)))
        if move.again:
            detail.append(self.tr("also in the earlier period"))
        item = QTreeWidgetItem([u.name, "", "", "; ".join(detail)])
        if b is not None:
            self._light_cells(item, 1, b.standing, "")
        self._light_cells(item, 2, u.standing, "")
        return item
