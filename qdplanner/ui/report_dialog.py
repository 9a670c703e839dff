"""File → Print Summary… / Export Summary PDF…: the printed progress summary (进展情况汇总).

The dialog chooses the options (as-of date, period, scope, language, sections — remembered
between uses in QSettings; the cover's 编制单位 and date — prefilled from the plan's settings
report.office and report.cover_date, and written back to them, as one undo step, when
"Remember for this plan" is ticked) and offers Print Preview…, Print…, Save PDF… and Save as Word….
All of them build the report once from the plan
(:func:`qdplanner.reports.summary.content.build_report`); the first three paint it with the
same layout (:mod:`qdplanner.reports.summary.render`) the command line ``qdplanner report``
uses, and Save as Word… writes the same content as an editable .docx
(:mod:`qdplanner.reports.summary.word`), as ``qdplanner report PLAN OUT.docx`` does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdplanner.catalogue import period_text
from qdplanner.domain import settings as plan_settings
from qdplanner.domain.cover_date import parse_cover_date
from qdplanner.domain.periods import parse_period, period_of
from qdplanner.domain.status_light import judged_as_it_stood
from qdplanner.errors import QdError
from qdplanner.reports.summary.content import (
    SECTIONS,
    ReportOptions,
    ReportScope,
    SummaryReport,
    build_report,
)
from qdplanner.reports.summary.fonts import cjk_font_missing
from qdplanner.store.collections import lead_units
from qdplanner.store.outline import read_outline
from qdplanner.store.plan_settings import read_settings, setting_defaults
from qdplanner.store.plan_store import PlanStore
from qdplanner.ui.background import run_in_background
from qdplanner.ui.labels import lang
from qdplanner.ui.messages import user_message

SETTINGS = "report"  # QSettings group


def _store_of(ctx_or_store) -> PlanStore:
    return getattr(ctx_or_store, "store", ctx_or_store)


def recent_periods(as_of: date, count: int = 8) -> list[str]:
    """The quarter of ``as_of`` and the ``count`` - 1 quarters before it, latest first."""
    periods, day = [], as_of
    for _ in range(count):
        period = period_of(day)
        periods.append(period.code)
        day = date.fromordinal(period.start.toordinal() - 1)
    return periods


class ReportDialog(QDialog):
    """Options of the printed summary, and the buttons that print, preview or save it."""

    def __init__(self, ctx_or_store, parent: QWidget | None = None, *, as_of: date | None = None):
        """``as_of``: the past date the window shows (View → As Of), the report's date then;
        else the date last used."""
        super().__init__(parent)
        self.store = _store_of(ctx_or_store)
        # the window's EditContext (undo, refresh) when given one: "Remember for this plan"
        self.ctx = ctx_or_store if hasattr(ctx_or_store, "undo_stack") else None
        self.setWindowTitle(self.tr("Print Progress Summary"))
        self.setObjectName("reportDialog")
        self.last_pages = 0  # pages of the last PDF or printout (tests, status messages)

        self.as_of = QDateEdit()
        self.as_of.setObjectName("reportAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.setEditable(True)
        self.period.setToolTip(self.tr("A quarter (2024Q3), a half (2024H1), a month or a year"))
        self.scope = QComboBox()
        self.scope.setObjectName("reportScope")
        self._fill_scopes()
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        self.language.addItem(self.tr("Chinese (中文)"), "zh")
        self.language.addItem(self.tr("English"), "en")

        self._cover_fields()

        form = QFormLayout()
        form.addRow(self.tr("Status as of:"), self.as_of)
        form.addRow(self.tr("Reporting period:"), self.period)
        form.addRow(self.tr("Scope:"), self.scope)
        form.addRow(self.tr("Language of the report:"), self.language)
        form.addRow(self.tr("Prepared by (on the cover):"), self.office)
        form.addRow(self.tr("Date on the cover:"), self.cover_date)
        form.addRow("", self.remember_cover)

        self.section_boxes: dict[str, QCheckBox] = {}
        names = {
            "overview": self.tr("Overview (tasks by status, program and project)"),
            "narrative": self.tr("Narrative by program and project (Narrative tab)"),
            "indicators": self.tr("Indicators table"),
            "charts": self.tr("Indicator charts"),
            "milestones": self.tr("Milestones due and missed"),
            "tasks": self.tr("Overdue and at-risk tasks by lead unit"),
            "collection": self.tr("Quarterly returns from units"),
            "timeline": self.tr("Timeline of the period"),
            "comparison": self.tr("Compared with the previous period"),
        }
        sections = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(sections)
        for i, key in enumerate(SECTIONS):
            box = QCheckBox(names[key])
            box.setObjectName(f"section_{key}")
            box.setChecked(True)
            self.section_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)

        self.font_warning = QLabel()
        self.font_warning.setObjectName("reportFontWarning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet("color: #b00020")
        self.language.currentIndexChanged.connect(self._check_font)

        buttons = QDialogButtonBox()
        self.preview_button = QPushButton(self.tr("Print Pre&view…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.pdf_button = QPushButton(self.tr("Save P&DF…"))
        self.word_button = QPushButton(self.tr("Save as &Word…"))
        self.word_button.setObjectName("reportWordButton")
        self.word_button.setToolTip(
            self.tr("An editable Word document (.docx) laid out as government documents are")
        )
        for button in (self.preview_button, self.print_button, self.pdf_button, self.word_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.word_button.clicked.connect(self.choose_word)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sections)
        layout.addWidget(self.font_warning)
        layout.addWidget(buttons)
        self.restore_settings()
        if as_of is not None:
            self.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
        self._check_font()

    # -- the cover: the plan's settings, for this printing or remembered ------------------
    def _cover_fields(self) -> None:
        settings, defaults = read_settings(self.store), setting_defaults(self.store)
        self.office = QLineEdit(settings["report.office"])
        self.office.setObjectName("reportOffice")
        self.office.setMaxLength(int(plan_settings.BY_KEY["report.office"].high))
        self.office.setPlaceholderText(defaults["report.office"])  # empty: the plan's issuer
        self.office.setClearButtonEnabled(True)
        self.office.setToolTip(self.tr(
            "The office named on the cover (编制单位). Empty: the issuer of the plan document."
        ))  # fmt: skip
        self.cover_date = QLineEdit(settings["report.cover_date"])
        self.cover_date.setObjectName("reportCoverDate")
        self.cover_date.setMaxLength(20)
        self.cover_date.setPlaceholderText(
            self.tr("%1 (the month it is printed)").replace("%1", date.today().strftime("%Y-%m"))
        )
        self.cover_date.setClearButtonEnabled(True)
        self.cover_date.setToolTip(self.tr(
            "A month (2026-01, printed 2026年1月) or a day (2026-01-15). Empty: the month the "
            "summary is printed."
        ))  # fmt: skip
        self.remember_cover = QCheckBox(self.tr("&Remember the office and date for this plan"))
        self.remember_cover.setObjectName("reportRememberCover")
        self.remember_cover.setToolTip(self.tr(
            "Writes them to the plan's settings (Plan → Settings…) as one step you can undo."
        ))  # fmt: skip
        editable = self.ctx is not None and not getattr(self.ctx, "readonly", False)
        self.remember_cover.setEnabled(editable)
        self.defaults = defaults

    def cover_values(self) -> dict[str, str]:
        """The cover's office and date as the plan's settings would keep them (an empty office:
        the plan's issuer; an empty date: the month printed); ValidationError, naming the
        field, for an office too long or a date that is not one."""
        office = self.office.text().strip() or self.defaults["report.office"]
        office = plan_settings.check_value(plan_settings.BY_KEY["report.office"], office)
        dated = parse_cover_date(self.cover_date.text())
        return {"report.office": office, "report.cover_date": dated.code() if dated else ""}

    def remember_cover_settings(self) -> str | None:
        """When "Remember for this plan" is ticked, write the office and date to the plan's
        settings (one undo step; nothing when they are the same). The refusal, or None."""
        if not self.remember_cover.isChecked() or self.ctx is None:
            return None
        from qdplanner.ui.settings_dialog import apply_settings

        try:
            values = self.cover_values()
        except QdError as exc:
            return user_message(exc)
        return apply_settings(self.ctx, values)

    # -- options ---------------------------------------------------------------------------
    def _fill_scopes(self) -> None:
        self.scope.addItem(self.tr("Whole plan"), "plan")
        for doc in read_outline(self.store):
            for program in doc.programs:
                self.scope.addItem(self.tr("Program: %1").replace("%1", program.name),
                                   f"program:{program.name}")  # fmt: skip
            for project in doc.projects:
                self.scope.addItem(self.tr("Project: %1").replace("%1", project.name),
                                   f"project:{project.name}")  # fmt: skip
        for unit in lead_units(self.store):
            self.scope.addItem(
                self.tr("Lead unit: %1").replace("%1", unit.name), f"unit:{unit.name}"
            )

    def _check_font(self) -> None:
        missing = self.language.currentData() == "zh" and cjk_font_missing()
        self.font_warning.setText(
            self.tr(
                "No Chinese font is installed, so a Chinese summary would print empty boxes. "
                "Install one (e.g. fonts-noto-cjk) and restart qdplanner, or print in English."
            )
            if missing
            else ""
        )
        self.font_warning.setVisible(missing)
        # Save as Word stays enabled: the document names its fonts, the reader's machine draws
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(not missing)

    def options(self) -> ReportOptions:
        """The options as chosen; ValidationError (shown to the user) for a bad period."""
        as_of = self.as_of.date().toPython()
        period = self.period.currentText().strip() or None
        if period:
            period = parse_period(period).code
        cover = self.cover_values()
        return ReportOptions(
            as_of=as_of,
            period=period,
            scope=ReportScope.parse(self.scope.currentData() or "plan"),
            lang=self.language.currentData(),
            sections=tuple(k for k, box in self.section_boxes.items() if box.isChecked()),
            history=judged_as_it_stood(as_of, date.today()),
            office=cover["report.office"],
            cover_date=cover["report.cover_date"],
        )

    def restore_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS)
        as_of = settings.value("as_of", "")
        day = date.fromisoformat(as_of) if as_of else date.today()
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        self.period.clear()
        self.period.addItems(recent_periods(date.today()))
        self.period.setCurrentText(settings.value("period", "") or period_of(day).code)
        index = self.scope.findData(settings.value("scope", "plan"))
        self.scope.setCurrentIndex(max(index, 0))
        index = self.language.findData(settings.value("lang", "zh"))
        self.language.setCurrentIndex(max(index, 0))
        chosen = settings.value("sections", None)
        if chosen is not None:
            chosen = set(chosen.split(",")) if isinstance(chosen, str) else set(chosen)
            for key, box in self.section_boxes.items():
                box.setChecked(key in chosen and box.isEnabled())
        settings.endGroup()

    def save_settings(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS)
        settings.setValue("as_of", self.as_of.date().toPython().isoformat())
        settings.setValue("period", self.period.currentText().strip())
        settings.setValue("scope", self.scope.currentData())
        settings.setValue("lang", self.language.currentData())
        chosen = [k for k, box in self.section_boxes.items() if box.isChecked()]
        settings.setValue("sections", ",".join(chosen))
        settings.endGroup()
        refused = self.remember_cover_settings()  # the plan's own, not QSettings'
        if refused is not None:
            QMessageBox.warning(self, self.tr("Progress Summary"), refused)

    # -- output ----------------------------------------------------------------------------
    def build(self) -> SummaryReport | None:
        """The report for the chosen options, or None after telling the user what is wrong."""
        try:
            options = self.options()
            self.save_settings()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return build_report(self.store, options)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except QdError as exc:
            self._error(exc)
            return None

    def _error(self, exc: QdError) -> None:
        QMessageBox.warning(self, self.tr("Progress Summary"), user_message(exc))

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the layout keeps its own margins from the paper's edge
        return printer

    def _paint(self, report: SummaryReport, printer: QPrinter) -> None:
        from qdplanner.reports.summary.render import paint_report

        try:
            self.last_pages = paint_report(report, printer)
        except QdError as exc:
            self._error(exc)

    def preview(self, *, on_dialog=None) -> None:
        report = self.build()
        if report is None:
            return
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print Preview — Progress Summary"))
        dialog.paintRequested.connect(lambda p: self._paint(report, p))
        if on_dialog is not None:  # tests look at the dialog instead of running it
            on_dialog(dialog)
            return
        dialog.exec()

    def print_(self) -> None:
        report = self.build()
        if report is None:
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._paint(report, printer)

    def suggested_path(self, suffix: str) -> Path:
        """Where Save offers to write: the folder last used, else the user's Documents; named
        after the report and its period in the window's language (进展情况汇总_2025年第四季度.pdf,
        Progress summary 2025 Q4.pdf)."""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = QSettings().value(f"{SETTINGS}/folder", "") or documents or str(Path.home())
        name = self.tr("Progress summary")
        try:
            period = parse_period(self.period.currentText().strip())
        except QdError:
            period = None
        if period is not None:
            name = self.tr("Progress summary %1").replace("%1", period_text(period, lang()))
        for bad in '/\\:*?"<>|':
            name = name.replace(bad, "-")
        return Path(folder) / f"{name}{suffix}"

    def _tell_saved(self, path: Path) -> QMessageBox:
        """Say where the file went, with a button that opens its folder."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Progress Summary"),
            self.tr("Saved %1").replace("%1", path.name),
            parent=self,
        )
        box.setObjectName("reportSavedMessage")
        box.setInformativeText(str(path.parent))
        box.open_folder = box.addButton(self.tr("Open Folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.buttonClicked.connect(
            lambda button: (
                button is box.open_folder
                and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
            )
        )
        self.saved_message = box
        box.open()
        return box

    def choose_pdf(self) -> None:
        suggested = self.suggested_path(".pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Summary as PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            QSettings().setValue(f"{SETTINGS}/folder", str(Path(path).parent))
            if self.save_pdf(Path(path)) is not None:
                self._tell_saved(Path(path))

    def save_pdf(self, path: Path, *, on_dialog=None) -> int | None:
        """Write the summary to ``path`` off the UI thread (with Cancel between its stages);
        the page count, or None when it was not written (the user was told why)."""
        try:
            options = self.options()
        except QdError as exc:
            self._error(exc)
            return None
        self.save_settings()

        def work(store: PlanStore, progress) -> int:
            # Imported here, not with the window: 45 ms less before it shows (issue 8).
            from qdplanner.reports.summary.document import report_blocks
            from qdplanner.reports.summary.render import write_pdf_blocks

            progress(0, 3)
            report = build_report(store, options)
            progress(1, 3)
            blocks = report_blocks(report)  # the document (chart pages are drawn when painted)
            progress(2, 3)
            return write_pdf_blocks(report, blocks, path)

        label = self.tr("Writing the progress summary…")
        try:
            self.last_pages = run_in_background(self, self.store, label, work, on_dialog=on_dialog)
        except QdError as exc:  # Cancelled included: no file is left behind
            self._error(exc)
            return None
        return self.last_pages

    def choose_word(self) -> None:
        suggested = self.suggested_path(".docx")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Summary as Word Document"),
            str(suggested),
            self.tr("Word documents (*.docx)"),
        )
        if path:
            if not path.lower().endswith(".docx"):
                path += ".docx"
            QSettings().setValue(f"{SETTINGS}/folder", str(Path(path).parent))
            if self.save_word(Path(path)) is not None:
                self._tell_saved(Path(path))

    def save_word(self, path: Path, *, on_dialog=None) -> Path | None:
        """Write the summary to ``path`` as an editable Word document, off the UI thread (with
        Cancel between its stages), as :meth:`save_pdf` does; the path, or None when it was
        not written (the user was told why)."""
        try:
            options = self.options()
        except QdError as exc:
            self._error(exc)
            return None
        self.save_settings()

        def work(store: PlanStore, progress) -> Path:
            from qdplanner.reports.summary.document import report_blocks
            from qdplanner.reports.summary.word import write_docx_blocks

            progress(0, 3)
            report = build_report(store, options)
            progress(1, 3)
            blocks = report_blocks(report)
            progress(2, 3)
            return write_docx_blocks(report, blocks, path)

        label = self.tr("Writing the progress summary as a Word document…")
        try:
            return run_in_background(self, self.store, label, work, on_dialog=on_dialog)
        except QdError as exc:  # Cancelled included: no file is left behind
            self._error(exc)
            return None
