"""The timeline's actions: save a baseline, list slipped tasks, print preview, export.

Printing and exporting draw the rows the pane shows (same filter, same grouping) with the
functions the command line's ``gantt`` uses, so the window, the printer and the file agree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.illustrative import is_illustrative
from qdplanner.domain.timeline import PageFit, Paper
from qdplanner.errors import QdError
from qdplanner.reports.timeline_scene import TimelineScene, grouped_lines
from qdplanner.store.timeline import (
    Slip,
    TaskLink,
    add_link,
    plan_title,
    remove_link,
    save_baseline,
    slipped_tasks,
)
from qdplanner.ui.commands import change_structure
from qdplanner.ui.messages import user_message
from qdplanner.ui.plan_place import plan_folder

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from qdplanner.reports.timeline_export import PrintHeader
    from qdplanner.ui.timeline_view import TimelinePane

IMAGE_WIDTH = 1400


class TimelineActions(QObject):
    """Actions of one :class:`TimelinePane` (its toolbar shows them)."""

    def __init__(self, pane: TimelinePane):
        super().__init__(pane)
        self.pane = pane
        self.paper = Paper.A4
        self.page_fit = PageFit.WIDTH
        self.save_baseline = QAction(self.tr("Save Baseline…"), self)
        self.save_baseline.setToolTip(self.tr("Keep every task's dates as the approved plan"))
        self.save_baseline.triggered.connect(self.ask_and_save_baseline)
        self.save_baseline.setEnabled(not pane.ctx.readonly)
        self.slips = QAction(self.tr("Slipped Tasks…"), self)
        self.slips.triggered.connect(self.show_slips)
        self.preview = QAction(self.tr("Print Preview…"), self)
        self.preview.triggered.connect(self.print_preview)
        self.export = QAction(self.tr("Export Timeline…"), self)
        self.export.triggered.connect(self.ask_and_export)
        self.page = QAction(self.tr("Page"), self)
        menu = QMenu()
        self.page.setMenu(menu)
        self._menu = menu
        self.a3 = menu.addAction(self.tr("A3 paper (else A4)"))
        self.a3.setCheckable(True)
        self.a3.toggled.connect(lambda on: setattr(self, "paper", Paper.A3 if on else Paper.A4))
        self.tile = menu.addAction(self.tr("Tile over pages at the zoom (else fit to width)"))
        self.tile.setCheckable(True)
        self.tile.toggled.connect(
            lambda on: setattr(self, "page_fit", PageFit.TILE if on else PageFit.WIDTH)
        )

    def actions(self) -> list[QAction]:
        return [self.save_baseline, self.slips, self.preview, self.page, self.export]

    # -- links ------------------------------------------------------------------------------
    def link_menu(self, task_id: int, title: str) -> QMenu:
        """Right-click on a task: make it follow the table's current task, or drop its links."""
        menu = QMenu(self.pane)
        current = self.pane.table.currentIndex()
        pred = self.pane.model.row_at(current.row()) if current.isValid() else None
        follow = menu.addAction(
            self.tr("Make “%1” follow “%2”")
            .replace("%1", title)
            .replace("%2", pred.title if pred else "…")
        )
        follow.setEnabled(pred is not None and pred.id != task_id and not self.pane.ctx.readonly)
        if pred is not None:
            follow.triggered.connect(lambda: self.link(pred.id, task_id))
        links = [
            k for k in self.pane.scene.data.links if task_id in (k.predecessor_id, k.successor_id)
        ]
        drop = menu.addAction(self.tr("Remove the links of “%1”").replace("%1", title))
        drop.setEnabled(bool(links) and not self.pane.ctx.readonly)
        drop.triggered.connect(lambda: self.unlink(links))
        return menu

    def link(self, predecessor_id: int, successor_id: int) -> bool:
        """Link two tasks finish-to-start, as one undo step."""
        store = self.pane.ctx.store

        def forward(changes):
            add_link(store, changes, predecessor_id, successor_id)

        def backward(changes):
            remove_link(store, changes, predecessor_id, successor_id)

        error = change_structure(
            self.pane.ctx, self.tr("Link tasks"), forward, backward, lambda: successor_id
        )
        if error:
            self.pane.message.emit(error)
        return error is None

    def unlink(self, links: list[TaskLink]) -> bool:
        """Remove ``links``, as one undo step."""
        store = self.pane.ctx.store

        def forward(changes):
            for k in links:
                remove_link(store, changes, k.predecessor_id, k.successor_id)

        def backward(changes):
            for k in links:
                add_link(store, changes, k.predecessor_id, k.successor_id, k.lag_days)

        error = change_structure(self.pane.ctx, self.tr("Remove links"), forward, backward,
                                 lambda: None)  # fmt: skip
        if error:
            self.pane.message.emit(error)
        return error is None

    # -- baseline -----------------------------------------------------------------------------
    def ask_and_save_baseline(self) -> None:
        name, ok = QInputDialog.getText(
            self.pane,
            self.tr("Save Baseline"),
            self.tr("Name of the baseline:"),
            text=self.tr("Baseline %1").replace("%1", date.today().isoformat()),
        )
        if ok:
            self.save(name)

    def save(self, name: str) -> int | None:
        """Save a baseline named ``name`` (a logged action); None and a message on refusal."""
        store = self.pane.ctx.store
        try:
            with store.action(ChangeSource.TIMELINE, f"save baseline: {name}") as changes:
                baseline_id = save_baseline(store, changes, name)
        except QdError as exc:
            self.pane.message.emit(user_message(exc))
            return None
        self.pane.reload_data()
        self.pane.message.emit(self.tr("Baseline “%1” saved").replace("%1", name.strip()))
        return baseline_id

    def show_slips(self) -> None:
        SlipsDialog(slipped_tasks(self.pane.ctx.store), self.pane).exec()

    # -- paper and files ------------------------------------------------------------------
    def print_header(self) -> PrintHeader:
        from qdplanner.reports.timeline_export import PrintHeader

        start, end = self.pane.range
        store = self.pane.ctx.store
        streams = {(r.program_id, r.project_id) for r in self.pane.model.rows()}
        title = plan_title(store, streams) or store.path.stem
        rows = self.pane.model.rows()
        return PrintHeader(title, start, end, date.today(), illustrative=is_illustrative(*rows))

    def print_scene(self, width: float | None = None, page_w: float | None = None):
        """A scene of the pane's rows, grouped as the pane groups them, for paper or files."""
        from qdplanner.reports.timeline_export import MARGIN, TITLE_WIDTH, build_print_scene

        lines = grouped_lines(self.pane.model.rows(), self.pane.group_by)
        start, end = self.pane.range
        if width is None and page_w is not None and self.page_fit == PageFit.WIDTH:
            width = page_w - 2 * MARGIN - TITLE_WIDTH
        return build_print_scene(
            lines,
            self.pane.scene.data,
            start,
            end,
            fit=self.page_fit,
            paper=self.paper,
            zoom=self.pane.scene.zoom,
            lang=self.pane.language,
            width=width,
        )

    def paint_on(self, printer: QPrinter) -> int:
        """Paint the pages on ``printer`` (the preview's), fitted to its page size."""
        from qdplanner.reports.timeline_export import paint_document

        page = printer.pageLayout().fullRectPoints()
        scene: TimelineScene = self.print_scene(page_w=page.width() * 96 / 72)
        return paint_document(printer, scene, self.print_header())

    def print_preview(self) -> None:
        # Qt's print support and the page painting: imported when first printed, not at start-up
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from qdplanner.reports.timeline_export import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper))
        dialog = QPrintPreviewDialog(printer, self.pane)
        dialog.setWindowTitle(self.tr("Print Timeline"))
        dialog.paintRequested.connect(self.paint_on)
        dialog.exec()

    def ask_and_export(self) -> None:
        store = self.pane.ctx.store
        path, _ = QFileDialog.getSaveFileName(
            self.pane,
            self.tr("Export Timeline"),
            str(Path(plan_folder(store)) / f"{store.path.stem}-timeline.pdf"),
            self.tr("PDF (*.pdf);;PNG image (*.png);;SVG image (*.svg)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        """Write the timeline to ``path`` (.pdf, .png or .svg); pages written, or None."""
        from qdplanner.reports.timeline_export import ExportCancelled, export_timeline

        image = path.suffix.lower() in (".png", ".svg")
        scene = self.print_scene(width=IMAGE_WIDTH if image else None)
        # Painting uses the scene, which lives on the UI thread: a long PDF shows its pages
        # counting and can be cancelled instead of running in the background.
        dialog = QProgressDialog(self.tr("Writing the timeline…"), self.tr("Cancel"), 0, 0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            pages = export_timeline(scene, path, self.print_header(), self.paper, progress)
        except ExportCancelled:
            self.pane.message.emit(self.tr("Export cancelled"))
            return None
        except QdError as exc:
            QMessageBox.warning(self.pane, self.tr("Export Timeline"), user_message(exc))
            return None
        finally:
            dialog.close()
        self.pane.message.emit(self.tr("Timeline saved as %1").replace("%1", str(path)))
        return pages


class SlipsDialog(QDialog):
    """Tasks due later than the latest baseline said, most slipped first."""

    def __init__(self, slips: list[Slip], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Slipped Tasks"))
        layout = QVBoxLayout(self)
        if not slips:
            layout.addWidget(QLabel(self.tr("No task is due later than the latest baseline.")))
        self.table = QTableWidget(len(slips), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Task"),
                self.tr("Baseline due"),
                self.tr("Due"),
                self.tr("Slip (days)"),
            ]
        )
        for r, slip in enumerate(slips):
            values = [slip.code, slip.title, slip.baseline_due.isoformat(), slip.due.isoformat()]
            for c, value in enumerate([*values, str(slip.days)]):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)
