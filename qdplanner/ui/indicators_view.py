"""The Indicators tab: every target against its latest actual, with progress, light and trend.

Rows come from :func:`qdplanner.store.indicators.read_indicators` (two queries); the rules
(comparators, lights, trend) live in the domain layer; this view only shows and filters.
At a past date (View → As Of, :meth:`IndicatorsView.set_as_of`) the overview judges each
indicator from the values known by then; Values by year keeps every value known today.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import Accumulation, IndicatorNature
from qdplanner.domain.indicator_trend import format_number, target_label
from qdplanner.domain.indicators import DEFAULT_INDICATOR_RULES
from qdplanner.domain.vocabulary import INDICATOR_LIGHT_ORDER
from qdplanner.reports.indicator_notes import about_met, about_rule
from qdplanner.store.indicators import IndicatorRow, indicator_rules, read_indicators
from qdplanner.store.outline import read_outline
from qdplanner.ui.commands import EditContext
from qdplanner.ui.indicator_charts_view import IndicatorChartsView
from qdplanner.ui.indicator_grid import IndicatorGrid
from qdplanner.ui.labels import label, lang, light_colour, light_text
from qdplanner.ui.models.rows_model import RowsTableModel


class IndCol(IntEnum):
    LIGHT = 0
    CODE = 1
    NAME = 2
    TARGET = 3
    TARGET_YEAR = 4
    LATEST = 5
    LATEST_YEAR = 6
    PROGRESS = 7
    TREND = 8
    BASELINE = 9
    DIRECTION = 10
    GROUP = 11
    NATURE = 12
    ACCUMULATION = 13
    SOURCE = 14


class IndicatorsTableModel(RowsTableModel):
    COLUMNS = IndCol

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[IndicatorRow] = []
        self._nature = ""
        self._accumulation = ""
        self._light = ""
        self._scope = ""
        self.rules = DEFAULT_INDICATOR_RULES  # the plan's, set by the view before load()

    def headers(self) -> list[str]:
        names = {
            IndCol.LIGHT: self.tr("Light"), IndCol.CODE: self.tr("No."),
            IndCol.NAME: self.tr("Indicator"), IndCol.TARGET: self.tr("Target"),
            IndCol.TARGET_YEAR: self.tr("By"), IndCol.LATEST: self.tr("Latest actual"),
            IndCol.LATEST_YEAR: self.tr("Year"), IndCol.PROGRESS: self.tr("Progress"),
            IndCol.TREND: self.tr("Trend"), IndCol.BASELINE: self.tr("Baseline"),
            IndCol.DIRECTION: self.tr("Better when"),
            IndCol.GROUP: self.tr("Goal / program / project"),
            IndCol.NATURE: self.tr("Nature"), IndCol.ACCUMULATION: self.tr("Kind"),
            IndCol.SOURCE: self.tr("Source"),
        }  # fmt: skip
        return [names[c] for c in IndCol]

    def load(self, rows: list[IndicatorRow]) -> None:
        self.beginResetModel()
        self._all = rows
        self._apply()
        self.endResetModel()

    def set_filters(self, nature: str, accumulation: str, light: str, scope: str = "") -> None:
        """Keep rows of that nature, kind, light and scope ("program:ID", "project:ID")."""
        self.beginResetModel()
        self._nature, self._accumulation, self._light = nature, accumulation, light
        self._scope = scope
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        self._rows = [
            r for r in self._all
            if (not self._nature or r.indicator.nature == self._nature)
            and (not self._accumulation or r.indicator.accumulation == self._accumulation)
            and (not self._light or r.light == self._light)
            and (not self._scope or self._scope in (f"program:{r.indicator.program_id}",
                                                    f"project:{r.indicator.project_id}"))
        ]  # fmt: skip

    def row_at(self, row: int) -> IndicatorRow:
        return self._rows[row]

    def rows_shown(self) -> list[IndicatorRow]:
        return list(self._rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: IndicatorRow = self._rows[index.row()]
        col = IndCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == IndCol.LIGHT:
            return QBrush(light_colour(row.light))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == IndCol.TARGET:  # its nature, and the rule of an "about" target
                ind = row.indicator
                nature = self.tr("%1 indicator").replace("%1", label(ind.nature))
                return "\n".join(t for t in (nature, about_rule(ind, self.rules, lang())) if t)
            if col == IndCol.LIGHT and about_met(row.indicator, row.light):
                return about_rule(row.indicator, self.rules, lang())
            if col == IndCol.NAME:
                ind = row.indicator
                return "\n".join(t for t in (ind.name, ind.baseline_text, ind.notes) if t)
            if col == IndCol.TREND:
                return self._display(row, col)
            if col == IndCol.LATEST and row.latest is not None and row.latest.notes:
                return row.latest.notes
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            IndCol.LATEST,
            IndCol.PROGRESS,
            IndCol.TARGET_YEAR,
            IndCol.LATEST_YEAR,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: IndicatorRow, col: IndCol):
        ind = row.indicator
        if col == IndCol.LIGHT:
            return light_text(row.light)
        if col == IndCol.CODE:
            return ind.code
        if col == IndCol.NAME:
            return ind.name
        if col == IndCol.TARGET:
            return target_label(ind.comparator, ind.target_value, ind.measure_unit)
        if col == IndCol.TARGET_YEAR:
            return ind.target_year or ""
        if col == IndCol.LATEST:
            if row.latest_value is None:
                return "—"
            return f"{format_number(row.latest_value)}{ind.measure_unit}"
        if col == IndCol.LATEST_YEAR:
            return (
                f"{row.latest.year}{row.latest.period[4:] if row.latest.period else ''}"
                if row.latest
                else ""
            )
        if col == IndCol.PROGRESS:
            return "—" if row.progress is None else f"{row.progress * 100:.0f}%"
        if col == IndCol.TREND:
            return row.trend.describe(lang())
        if col == IndCol.BASELINE:
            if ind.baseline_value is None:
                return ind.baseline_text[:30] if ind.baseline_text else "—"
            year = f"（{ind.baseline_year}）" if ind.baseline_year else ""
            return f"{format_number(ind.baseline_value)}{ind.measure_unit}{year}"
        if col == IndCol.DIRECTION:
            return label(ind.direction)
        if col == IndCol.GROUP:
            return " / ".join(n for n in (row.goal_name, row.program_name, row.project_name) if n)
        if col == IndCol.NATURE:
            return label(ind.nature)
        if col == IndCol.ACCUMULATION:
            return label(ind.accumulation)
        if col == IndCol.SOURCE:
            return row.latest_source
        return None


class IndicatorsView(QWidget):
    """Filters (nature, kind, light) over the indicators table; re-reads on plan changes."""

    def __init__(self, ctx: EditContext, show_message=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("indicatorsView")
        self.ctx = ctx
        self.as_of: date | None = None
        self.model = IndicatorsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("indicatorsTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for col, width in (
            (IndCol.LIGHT, 96),
            (IndCol.CODE, 44),
            (IndCol.NAME, 300),
            (IndCol.TARGET, 110),
            (IndCol.TARGET_YEAR, 50),
            (IndCol.LATEST, 100),
            (IndCol.LATEST_YEAR, 70),
            (IndCol.PROGRESS, 70),
            (IndCol.TREND, 380),
            (IndCol.GROUP, 200),
        ):
            self.table.setColumnWidth(col, width)
        self.nature = QComboBox()
        self.nature.addItem(self.tr("Any nature"), "")
        for nature in IndicatorNature:
            self.nature.addItem(label(nature), nature.value)
        self.accumulation = QComboBox()
        self.accumulation.addItem(self.tr("Any kind"), "")
        for accumulation in (Accumulation.CUMULATIVE, Accumulation.ANNUAL):
            self.accumulation.addItem(label(accumulation), accumulation.value)
        self.light = QComboBox()
        self.light.addItem(self.tr("Any light"), "")
        for light in INDICATOR_LIGHT_ORDER:
            self.light.addItem(light_text(light), light.value)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Whole plan"), "")
        for outline in read_outline(ctx.store):
            for program in outline.programs:
                self.scope.addItem(program.name, f"program:{program.id}")
            for project in outline.projects:
                self.scope.addItem(project.name, f"project:{project.id}")
        for combo in (self.scope, self.nature, self.accumulation, self.light):
            combo.currentIndexChanged.connect(self._filter)
        self.rules_label = QLabel()
        self.rules_label.setObjectName("indicatorRules")
        self.as_of_note = QLabel()
        self.as_of_note.setObjectName("indicatorsAsOfNote")
        self.as_of_note.setWordWrap(True)
        self.as_of_note.setStyleSheet("background: #fff3cd; padding: 4px;")
        self.as_of_note.hide()
        bar = QHBoxLayout()
        for widget in (self.scope, self.nature, self.accumulation, self.light):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.rules_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.as_of_note)
        self.grid = IndicatorGrid(ctx, show_message or (lambda _m: None))
        self.inner = QTabWidget()
        self.inner.addTab(self.table, self.tr("Targets and actuals"))
        self.inner.addTab(self.grid, self.tr("Values by year"))
        self.charts = IndicatorChartsView(show_message or (lambda _m: None))
        self.inner.addTab(self.charts, self.tr("Charts"))
        self.inner.currentChanged.connect(self._tab_changed)
        self.table.doubleClicked.connect(self._chart_of)
        layout.addWidget(self.inner)
        ctx.structure_changed.connect(lambda _focus: self.refresh())
        self.refresh()

    def set_as_of(self, day: date | None) -> None:
        """Judge the overview as known on ``day`` (a past date shown); None: today."""
        self.as_of = day
        self.as_of_note.setVisible(day is not None)
        if day is not None:
            self.as_of_note.setText(
                self.tr(
                    "As known on %1: each indicator judged from the values known by then "
                    "(their source date, else the end of their period, on or before that day). "
                    "Values by year lists every value known today."
                ).replace("%1", day.isoformat())
            )
        self.refresh()

    def refresh(self) -> None:
        """Re-read every indicator with its values and lights (two queries)."""
        rules = indicator_rules(self.ctx.store)
        self.model.rules = rules
        self.model.load(read_indicators(self.ctx.store, as_of=self.as_of, rules=rules))
        # the grid shows every value known today, whatever date the overview judges at
        self.grid.model.load(read_indicators(self.ctx.store, rules=rules))
        self.rules_label.setText(
            self.tr(
                "Off track when behind the straight line to the target by more than %1 of the way; "
                "“about” means within %2."
            )
            .replace("%1", f"{rules.off_track_gap:.0%}")
            .replace("%2", f"±{rules.about_tolerance:.0%}")
        )

    def _chart_of(self, index: QModelIndex) -> None:
        """Double-click: that indicator's chart (the Charts tab draws the current row)."""
        self.table.setCurrentIndex(index)
        self.inner.setCurrentWidget(self.charts)

    def _tab_changed(self, tab: int) -> None:
        if self.inner.widget(tab) is not self.charts:
            return
        self.charts.rows = self.model.rows_shown()
        self.charts.lang = lang()
        index = self.table.currentIndex()
        if index.isValid():
            self.charts.show_indicator(self.model.row_at(index.row()))
        else:
            self.charts.show_dashboard()

    def _filter(self, *_args) -> None:
        self.model.set_filters(
            self.nature.currentData(),
            self.accumulation.currentData(),
            self.light.currentData(),
            self.scope.currentData(),
        )
