"""Charts in the Indicators tab: the chosen indicator against its target path, or a dashboard
of small multiples; exported to PNG or SVG. matplotlib is imported on first use only: the
dashboard is painted by Qt (:mod:`qdplanner.ui.dashboard_view`) and needs it only to export."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdplanner.errors import QdError
from qdplanner.ui.messages import user_message


class IndicatorChartsView(QWidget):
    """Draws with :mod:`qdplanner.reports.indicator_charts`; no chart rules live here."""

    def __init__(self, show_message, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("indicatorCharts")
        self.show_message = show_message
        self.rows: list = []
        self.current = None  # the IndicatorRow shown, or None for the dashboard
        self.figure = None  # the indicator's chart, or the dashboard's once exported
        self.canvas = None  # matplotlib's, for one indicator
        self.dashboard = None  # DashboardView, made when first shown
        self.lang = "zh"
        self.caption = QLabel(self.tr("Choose an indicator in the table, or show the dashboard."))
        dashboard = QPushButton(self.tr("&Dashboard"))
        dashboard.clicked.connect(self.show_dashboard)
        export = QPushButton(self.tr("&Export Chart…"))
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(self.caption, 1)
        bar.addWidget(dashboard)
        bar.addWidget(export)
        self.area = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(self.area, 1)

    def _draw(self, figure) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from qdplanner.reports.chart_fonts import configure_cjk_font

        configure_cjk_font()
        if self.canvas is not None:
            self.area.removeWidget(self.canvas)
            self.canvas.deleteLater()
        if self.dashboard is not None:
            self.dashboard.hide()
        self.figure = figure
        self.canvas = FigureCanvasQTAgg(figure)
        self.area.addWidget(self.canvas)
        self.canvas.draw_idle()

    def show_indicator(self, row) -> None:
        from qdplanner.reports.indicator_charts import indicator_figure

        self.current = row
        self.caption.setText(row.indicator.name)
        self._draw(indicator_figure(row, lang=self.lang))

    def show_dashboard(self) -> None:
        from qdplanner.reports.dashboard_cells import dashboard_cells
        from qdplanner.ui.dashboard_view import DashboardView

        self.current = None
        self.caption.setText(self.tr("All %n indicator(s)", "", len(self.rows)))
        if self.canvas is not None:
            self.canvas.hide()
        if self.dashboard is None:
            self.dashboard = DashboardView()
            self.area.addWidget(self.dashboard)
        self.figure = None  # matplotlib's figure is made only to export
        self.dashboard.set_cells(dashboard_cells(self.rows, lang=self.lang))
        self.dashboard.show()

    def export(self) -> None:
        if self.current is None and (self.dashboard is None or self.dashboard.isHidden()):
            self.show_dashboard()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Chart"), "", self.tr("PNG image (*.png);;SVG drawing (*.svg)")
        )
        if path:
            self.save(path)

    def save(self, path: str) -> None:
        from qdplanner.reports.indicator_charts import dashboard_figure, save_figure

        try:
            if self.figure is None:  # the dashboard: drawn by matplotlib for the file
                self.figure = dashboard_figure(self.rows, lang=self.lang)
            save_figure(self.figure, path)
        except QdError as exc:
            self.show_message(user_message(exc))
