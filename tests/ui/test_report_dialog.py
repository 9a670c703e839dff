"""File → Print Summary…: the options dialog (remembered), preview, PDF, and the actions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from qdplanner.ui.report_actions import ReportActions
from qdplanner.ui.report_dialog import ReportDialog, recent_periods


def test_options_follow_the_dialog(qtbot, small_plan):
    store, _ids = small_plan
    dialog = ReportDialog(store)
    qtbot.addWidget(dialog)
    dialog.as_of.setDate(QDate(2024, 3, 1))
    dialog.period.setCurrentText("2024年第一季度")
    dialog.scope.setCurrentIndex(dialog.scope.findData("unit:青岛市科学技术局"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.section_boxes["charts"].setChecked(False)
    options = dialog.options()
    assert options.as_of == date(2024, 3, 1)
    assert options.period == "2024Q1"
    assert str(options.scope) == "unit:青岛市科学技术局"
    assert options.lang == "en"
    assert "charts" not in options.sections and "overview" in options.sections


def test_the_dialog_remembers_its_options_between_uses(qtbot, small_plan, tmp_path):
    store, _ids = small_plan
    first = ReportDialog(store)
    qtbot.addWidget(first)
    first.as_of.setDate(QDate(2024, 3, 1))
    first.period.setCurrentText("2024Q1")
    first.scope.setCurrentIndex(first.scope.findData("program:计划一"))
    first.language.setCurrentIndex(first.language.findData("en"))
    first.section_boxes["collection"].setChecked(False)
    assert first.save_pdf(tmp_path / "one.pdf") >= 2
    second = ReportDialog(store)
    qtbot.addWidget(second)
    assert second.as_of.date() == QDate(2024, 3, 1)
    assert second.period.currentText() == "2024Q1"
    assert second.scope.currentData() == "program:计划一"
    assert second.language.currentData() == "en"
    assert not second.section_boxes["collection"].isChecked()
    assert second.section_boxes["overview"].isChecked()


def test_save_pdf_writes_the_summary(qtbot, small_plan, tmp_path):
    store, _ids = small_plan
    dialog = ReportDialog(store)
    qtbot.addWidget(dialog)
    out = tmp_path / "summary.pdf"
    pages = dialog.save_pdf(out)
    assert pages and out.read_bytes().startswith(b"%PDF")


def test_preview_paints_the_same_pages_on_the_printer(qtbot, small_plan, tmp_path):
    store, _ids = small_plan
    dialog = ReportDialog(store)
    qtbot.addWidget(dialog)
    seen = []
    dialog.preview(on_dialog=seen.append)
    (preview,) = seen
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    preview.paintRequested.emit(printer)
    pdf = dialog.save_pdf(tmp_path / "saved.pdf")
    assert dialog.last_pages == pdf  # printer and PDF paginate alike
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_a_bad_period_is_told_in_words_not_raised(qtbot, small_plan, monkeypatch):
    store, _ids = small_plan
    dialog = ReportDialog(store)
    qtbot.addWidget(dialog)
    told = []
    monkeypatch.setattr(dialog, "_error", lambda exc: told.append(str(exc)))
    dialog.period.setCurrentText("2024Q9")
    assert dialog.build() is None
    assert "is not a reporting period" in told[0]


def test_report_actions_are_one_line_for_the_file_menu(qtbot, small_plan):
    store, _ids = small_plan
    window = QWidget()
    qtbot.addWidget(window)
    actions = ReportActions(store, window)
    print_action, pdf_action = actions.actions()
    assert print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert pdf_action.text()
    dialog = actions.open_dialog(pdf=True, show=False)
    qtbot.addWidget(dialog)
    assert dialog.pdf_button.isDefault()
    print_action.trigger()  # File → Print Summary… opens the options, Preview the default
    assert actions.dialog is not None and actions.dialog.isVisible()
    assert actions.dialog.preview_button.isDefault()
    actions.dialog.reject()


def test_recent_periods_are_quarters_latest_first():
    assert recent_periods(date(2024, 8, 15), 3) == ["2024Q3", "2024Q2", "2024Q1"]


def test_without_a_chinese_font_the_dialog_says_so_in_words(qtbot, small_plan, monkeypatch):
    import qdplanner.ui.report_dialog as module

    monkeypatch.setattr(module, "cjk_font_missing", lambda: True)
    store, _ids = small_plan
    dialog = ReportDialog(store)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert "No Chinese font is installed" in dialog.font_warning.text()
    assert not dialog.pdf_button.isEnabled()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.font_warning.text() == "" and dialog.pdf_button.isEnabled()
