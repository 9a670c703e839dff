"""The Collection tab (季度填报): for a period, which units were issued a workbook, which returned
it (fully, or with rows left empty), which are late, and whom to call; with the buttons that
issue a round, import the returns and write the reminder notices (催办通知)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import ReturnStanding
from qdplanner.domain.periods import parse_period
from qdplanner.errors import QdError
from qdplanner.store.collections import CollectionState, collection_periods, collection_status
from qdplanner.ui.collect_dialog import current_period
from qdplanner.ui.collection_actions import CollectionActions
from qdplanner.ui.commands import EditContext
from qdplanner.ui.models.collection_table import CollectionStatusModel, StatusCol


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
        self.remind = QPushButton(self.tr("Reminder Notices…"))
        self.remind.setObjectName("reminderButton")
        self.remind.clicked.connect(lambda: actions.choose_reminders(self.current_period()))
        for button in (collect, returned):
            button.setEnabled(not ctx.readonly)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(collect)
        top.addWidget(returned)
        top.addWidget(self.remind)
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
        self.table.setColumnWidth(StatusCol.STATE, 150)
        self.table.setColumnWidth(StatusCol.DUE, 95)
        self.table.setColumnWidth(StatusCol.ISSUED, 130)
        self.table.setColumnWidth(StatusCol.RETURNED, 130)
        self.table.setColumnWidth(StatusCol.LEFT_EMPTY, 110)
        self.table.setColumnWidth(StatusCol.CONTACT, 150)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.counts.setWordWrap(True)  # its own line: the buttons never squeeze it
        layout.addWidget(self.counts)
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

    def current_period(self) -> str | None:
        """The period shown, as a code; None when the text is not a period."""
        try:
            return parse_period(self.period.currentText()).code
        except QdError:
            return None

    def refresh(self) -> None:
        period = self.current_period()
        if period is None:
            self.model.load([])
            self.counts.setText(self.tr("Write a period such as 2024Q3."))
            self.remind.setEnabled(False)
            return
        rows = collection_status(self.ctx.store, period)
        self.model.load(rows)
        returned = sum(r.state == CollectionState.RETURNED for r in rows)
        partial = sum(r.standing == ReturnStanding.PARTIAL for r in rows)
        issued = sum(r.state != CollectionState.NOT_ISSUED for r in rows)
        late = sum(r.late for r in rows)
        self.counts.setText(
            self.tr("%1 of %2 issued workbooks returned (%3 with rows left empty); %4 late")
            .replace("%1", str(returned))
            .replace("%2", str(issued))
            .replace("%3", str(partial))
            .replace("%4", str(late))
        )
        self.remind.setEnabled(late > 0)
