"""The user guide's pictures: one PNG per guide step, from the real window on the sample plan.

    .venv/bin/python scripts/guide_screenshots.py [OUTDIR] [--lang zh_CN|en]

Without ``--lang`` both languages are made, each in its own process, into
``docs/images/<lang>/`` (or ``OUTDIR/<lang>/``); with ``--lang`` only that one, into OUTDIR
(default ``docs/images/<lang>/``). Runs offscreen on a fresh copy of the sample plan, grabs
widgets with ``QWidget.grab()`` (dialogs are shown, never exec()'d) and renders one page of
the printed summary with ``qdplanner report`` and ``pdftoppm``, and two pages of the Word
document (``qdplanner report … .docx``) as LibreOffice shows them (``soffice --headless
--convert-to pdf``, then ``pdftoppm``). ``docs/user-guide.*.md`` reference every file named in
:data:`STEPS`; ``tests/test_user_guide.py`` checks that.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2025, 12, 31)
MAX_WIDTH = 1500
#: View → As Of…: the end of 2024, when G2-5 had reported 90 % (yellow); today it is further on.
PAST = date(2024, 12, 31)
FULL_COVERAGE = "实现规模以上工业企业研发机构“全覆盖”"
#: The periods closed for the Periods tab, the earlier first (2025Q1 has tasks newly overdue).
CLOSED = ("2024Q4", "2025Q1")
#: The last quarter of the sample's ledger: its narrative is drafted from real reports.
NARRATIVE_PERIOD = "2025Q3"

#: The pictures, in the order of the guide: file stem → what it shows.
STEPS: dict[str, str] = {
    "main_window": "the window on the sample plan: outline, task table, details",
    "project_tasks": "one project's tasks, the overdue one selected",
    "filter": "the filter bar: the red tasks 市科技局 leads",
    "edit_deadline": "editing a deadline cell with a phrase (2025年底前)",
    "undo_menu": "the Edit menu naming the step to undo",
    "record_progress": "the Record Progress dialog (Ctrl+R)",
    "units": "the Units tab",
    "merge_unit": "merging one unit into another",
    "indicators": "the Indicators tab: target, latest actual, light",
    "indicator_chart": "one indicator's chart",
    "import_preview": "the import preview: every change listed",
    "import_errors": "the import preview: a bad cell named by sheet, row and column",
    "breakdown_columns": "a task-breakdown sheet: the column dialog",
    "collect_dialog": "Collect Progress from Units: period, units, folder",
    "returns_conflict": "returned workbooks with a conflict to choose",
    "collection_tab": "the Collection tab: who has reported",
    "as_of": "View → As Of…: the plan as it stood at the end of 2024, under its banner",
    "periods_tab": "the Periods tab: closed periods, and what moved from one to the next",
    "narrative_tab": "the Narrative tab: a program's four sections drafted from the reports",
    "settings_dialog": "Plan → Settings…: light thresholds, the cover's office, evidence size",
    "timeline": "the timeline (Ctrl+T) beside the task table",
    "report_dialog": "the Print Summary dialog (Ctrl+P)",
    "report_page": "a page of the printed summary (PDF)",
    "word_pages": "the summary as a Word document, two pages as LibreOffice shows them",
    "history": "the History tab: every change, old → new",
}


def save(widget, path: Path, *, title: bool = False) -> None:
    """Grab ``widget`` and write it as a PNG no wider than MAX_WIDTH, compressed hard.

    ``title``: draw the window title above the grab (offscreen windows have no frame, and a
    dialog's title is often what tells the reader which dialog it is).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = widget.grab().toImage()
    if title:
        image = with_title(image, widget.windowTitle())
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    image.save(str(path), "PNG", 0)  # quality 0 = smallest PNG
    shrink(path)
    print(path)


def shoot(lang: str, out: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("qdplanner-guide-screenshots")
    QSettings().clear()
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.i18n import install_language

    if not apply_cjk_font(app):
        print("warning: no CJK font installed; Chinese will render as boxes", file=sys.stderr)
    install_language(app, lang)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import edit_workbook

    from qdplanner.store.sample import create_sample_plan
    from qdplanner.store.task_rows import Scope, ScopeKind
    from qdplanner.ui.excel_actions import ImportPreviewDialog
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.progress_dialog import ProgressDialog
    from qdplanner.ui.report_dialog import ReportDialog
    from qdplanner.ui.units_view import MergeDialog

    out.mkdir(parents=True, exist_ok=True)
    # A fixed folder, so the path in the status bar (and so the pictures) do not change per run.
    tmp = Path(tempfile.gettempdir()) / "qdplanner-guide" / lang
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        store = create_sample_plan(tmp / "qingdao-sample.qdplan")
        window = MainWindow(store, language=lang)  # a first start: the timeline closed
        window.resize(1500, 860)
        window.show()
        save(window, out / "main_window.png")

        # One project judged at the end of 2025, its overdue task selected.
        project = store.db.execute("SELECT id FROM projects ORDER BY id LIMIT 1").fetchone()[0]
        window.plan_view.tree.setCurrentIndex(
            window.plan_view._find_scope(Scope(ScopeKind.PROJECT, project))
        )
        window.plan_view.tasks.load(store, Scope(ScopeKind.PROJECT, project), as_of=AS_OF)
        last = window.plan_view.tasks.rowCount() - 1
        window.plan_view.table.setCurrentIndex(window.plan_view.tasks.index(last, 1))
        save(window, out / "project_tasks.png")

        # The filter: red tasks led by 市科技局, all plans.
        window.plan_view.tree.setCurrentIndex(window.plan_view.outline.index(0, 0))
        window.plan_view.filter_bar.unit.setEditText("市科技局")
        window.plan_view.filter_bar.light.setCurrentIndex(
            window.plan_view.filter_bar.light.findData("red")
        )
        save(window, out / "filter.png")
        window.plan_view.filter_bar.clear()

        # Edit a deadline in place with a phrase, then the Edit menu names the undo step.
        window.plan_view.tree.setCurrentIndex(
            window.plan_view._find_scope(Scope(ScopeKind.PROJECT, project))
        )
        QApplication.processEvents()
        from qdplanner.ui.models.task_table import Col

        cell = window.plan_view.tasks.index(0, Col.DEADLINE)
        window.plan_view.table.setCurrentIndex(cell)
        window.plan_view.table.edit(cell)
        QApplication.processEvents()
        editors = [e for e in window.plan_view.table.findChildren(QLineEdit) if e.isVisible()]
        editor = editors[0] if editors else None
        if editor is not None:
            editor.setText("2025年底前")
            editor.selectAll()
        save(window, out / "edit_deadline.png")
        if editor is not None:
            window.plan_view.table.commitData(editor)
            window.plan_view.table.closeEditor(
                editor, window.plan_view.table.itemDelegate().EndEditHint.NoHint
            )
        QApplication.processEvents()
        edit_menu = window.menuBar().actions()[1].menu()
        edit_menu.popup(window.mapToGlobal(window.menuBar().geometry().bottomLeft()))
        edit_menu.setActiveAction(window.plan_view.undo_action)
        QApplication.processEvents()
        save_with_menu(window, edit_menu, out / "undo_menu.png")
        edit_menu.hide()
        window.plan_view.ctx.undo_stack.undo()

        # Record progress on the selected task (Ctrl+R).
        task = window.plan_view.tasks.row_at(0).id
        progress = ProgressDialog(window.plan_view.ctx, task, window)
        progress.period.setText("2025Q4")
        progress.percent.setValue(80)
        progress.narrative.setPlainText(
            "已完成年度建设任务的八成，主体工程基本完成。"
            if lang.startswith("zh")
            else "80% of this year's work is done; the main works are finished."
        )
        progress.problems.setPlainText(
            "设备到货晚于计划。" if lang.startswith("zh") else "Equipment arrived late."
        )
        progress.next_steps.setPlainText(
            "年底前完成验收。" if lang.startswith("zh") else "Acceptance before year end."
        )
        progress.reported_on.setText("2025-12-20")
        progress.show()
        save(progress, out / "record_progress.png", title=True)
        progress.close()

        # Units: the tab and the merge dialog.
        window.plan_view.tabs.setCurrentIndex(1)
        QApplication.processEvents()
        save(window, out / "units.png")
        units = window.plan_view.units_view.model.rows()
        merge = MergeDialog(units[1], [u for u in units if u.id != units[1].id], window)
        keep = merge.keep.findText("科学技术局", Qt.MatchFlag.MatchContains)
        merge.keep.setCurrentIndex(max(keep, 0))
        merge.show()
        merge.resize(max(merge.width(), 560), merge.height())
        save(merge, out / "merge_unit.png", title=True)
        merge.close()

        # Indicators: the table and one chart.
        view = window.plan_view.indicators_view
        view.as_of = AS_OF
        view.refresh()
        window.plan_view.tabs.setCurrentIndex(2)
        save(window, out / "indicators.png")
        names = [view.model.row_at(r).indicator.name for r in range(view.model.rowCount())]
        view._chart_of(view.model.index(names.index("高新技术产业产值占规模以上工业产值比重"), 2))
        save(window, out / "indicator_chart.png")
        view.inner.setCurrentIndex(0)
        window.plan_view.tabs.setCurrentIndex(0)

        # Export to Excel, edit it as a user would, and the import preview: a good edit, then
        # the same edit with one cell out of range (named by sheet, row and column).
        workbook = tmp / f"sample_{lang}.xlsx"
        window.plan_view.excel.export_to(workbook)
        zh = lang.startswith("zh")
        good = tmp / ("规划-已修改.xlsx" if zh else "plan-edited.xlsx")
        bad = tmp / ("规划-有错误.xlsx" if zh else "plan-with-error.xlsx")
        shutil.copyfile(workbook, bad)
        edit_workbook(bad, lang)
        fix_percent(bad, good, lang)
        for path, name, tab in ((good, "import_preview.png", 0), (bad, "import_errors.png", 0)):
            dialog = ImportPreviewDialog(window.plan_view.excel.preview(path), window)
            dialog.resize(960, 420)
            dialog.tabs.setCurrentIndex(tab)
            dialog.show()
            save(dialog, out / name, title=True)
            dialog.close()

        shoot_breakdown(window, tmp, out)
        shoot_collection(window, tmp, out, lang)
        shoot_quarter_close(window, out)

        # The timeline beside the table, on the action plan.
        window.plan_view.tabs.setCurrentIndex(0)
        window.plan_view.timeline.toggle_action.setChecked(True)
        action_plan = store.db.execute(
            "SELECT id FROM plan_documents WHERE kind = 'action_plan'"
        ).fetchone()
        if action_plan:
            index = window.plan_view._find_scope(Scope(ScopeKind.DOCUMENT, action_plan[0]))
            if index is not None:
                window.plan_view.tree.setCurrentIndex(index)
        QApplication.processEvents()
        window.plan_view.timeline.splitter.setSizes([520, 700])
        save(window, out / "timeline.png")
        window.plan_view.timeline.toggle_action.setChecked(False)

        # The print dialog and one printed page.
        report = ReportDialog(window.plan_view.ctx, window)
        report.as_of.setDate(QDate(AS_OF.year, AS_OF.month, AS_OF.day))
        report.period.setEditText("2025Q4")
        report.show()
        save(report, out / "report_dialog.png", title=True)
        report.close()
        window.plan_view.tabs.setCurrentIndex(3)
        window.plan_view.history_view.refresh()
        save(window, out / "history.png")
        window.close()
        store.close()
        report_page(tmp / "qingdao-sample.qdplan", lang, out / "report_page.png", tmp)
        word_pages(tmp / "qingdao-sample.qdplan", lang, out / "word_pages.png", tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def shrink(path: Path) -> None:
    """Re-save ``path`` as a 256-colour PNG (a third of the size) when Pillow is installed."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    small.save(path, optimize=True)


def with_title(image, text: str):
    """``image`` under a plain title bar showing ``text``."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication

    height = 30
    framed = QImage(image.width() + 2, image.height() + height + 1, QImage.Format.Format_RGB32)
    framed.fill(QColor("#d9dde3"))
    painter = QPainter(framed)
    font = QFont(QApplication.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#202020"))
    painter.drawText(QRect(10, 0, image.width() - 20, height), Qt.AlignmentFlag.AlignVCenter, text)
    painter.drawImage(1, height, image)
    painter.setPen(QPen(QColor("#8a9099")))
    painter.drawRect(0, 0, framed.width() - 1, framed.height() - 1)
    painter.end()
    return framed


def save_with_menu(window, menu, path: Path) -> None:
    """The window with an open menu drawn over it (offscreen, menus are separate windows)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    bar = window.menuBar()
    x = bar.actionGeometry(bar.actions()[1]).left()
    painter.drawPixmap(QPoint(x, bar.geometry().bottom()), menu.grab())
    painter.end()
    image = picture.toImage().copy(0, 0, min(picture.width(), 900), min(picture.height(), 560))
    image.save(str(path), "PNG", 0)
    shrink(path)
    print(path)


def fix_percent(bad: Path, good: Path, lang: str) -> None:
    """``bad`` without its out-of-range percent (row 4 back to 60), saved as ``good``."""
    import openpyxl

    book = openpyxl.load_workbook(bad)
    tasks = book["任务" if lang.startswith("zh") else "Tasks"]
    headers = {c.value: c.column for c in tasks[1]}
    tasks.cell(
        4, headers["完成进度(%)" if lang.startswith("zh") else "Percent complete"]
    ).value = 60
    book.save(good)


def shoot_breakdown(window, tmp: Path, out: Path) -> None:
    from qdplanner.ui.breakdown_dialog import BreakdownDialog
    from tests.excel import breakdown_books

    sheet = breakdown_books.unknown_headers(tmp / "unknown.xlsx")
    dialog = BreakdownDialog(window.store, window.plan_view.excel.preview(sheet), window)
    for column, name in breakdown_books.UNKNOWN_MAPPING.items():
        box = dialog.boxes[column]
        box.setCurrentIndex(box.findData(name))
    dialog.show()
    save(dialog, out / "breakdown_columns.png", title=True)
    dialog.close()


def shoot_collection(window, tmp: Path, out: Path, lang: str) -> None:
    from qdplanner.store.collections import lead_units
    from qdplanner.ui.collect_dialog import CollectDialog
    from qdplanner.ui.returns_dialog import ReturnsDialog
    from tests.excel.collection_helpers import conflicting_returns

    dialog = CollectDialog(window.plan_view.ctx, lang, window)
    dialog.period_edit.setText("2025Q4")
    dialog.due_edit.setText("2026-01-10")
    dialog.folder_edit.setText(
        r"D:\季度填报\2025Q4" if lang.startswith("zh") else r"D:\Returns\2025Q4"
    )
    dialog.show()
    save(dialog, out / "collect_dialog.png", title=True)
    dialog.close()
    folder = tmp / "collect"
    folder.mkdir()
    units = [u.id for u in lead_units(window.store)][:3]
    first, second, _third = window.plan_view.collection.collect(folder, "2025Q4", units).workbooks
    returned = conflicting_returns(first.path, second.path, folder)
    preview = window.plan_view.collection.read_returns(returned)
    returns = ReturnsDialog(preview, window)
    returns.resize(820, 380)
    returns.show()
    save(returns, out / "returns_conflict.png", title=True)
    for box in returns.choice_boxes.values():
        box.setCurrentIndex(box.findData("b.xlsx"))
    window.plan_view.collection.apply_returns(preview, returns.choices())
    returns.close()
    window.plan_view.tabs.setCurrentIndex(4)
    window.plan_view.collection_view.load_periods("2025Q4")
    save(window, out / "collection_tab.png")


def shoot_quarter_close(window, out: Path) -> None:
    """View → As Of…, the Periods and Narrative tabs, and Plan → Settings…."""
    from PySide6.QtWidgets import QApplication

    from qdplanner.store.task_rows import Scope, ScopeKind
    from qdplanner.ui.models.task_table import Col
    from qdplanner.ui.settings_dialog import SettingsDialog

    view = window.plan_view
    store = window.store
    # As Of: every task as it stood at the end of 2024; G2-5 chosen (its 2024Q4 report).
    view.tabs.setCurrentIndex(0)
    view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.ALL)))
    view.show_as_of(PAST)
    for row in range(view.tasks.rowCount()):
        task = view.tasks.row_at(row)
        if task is not None and task.title == FULL_COVERAGE:
            index = view.tasks.index(row, Col.TITLE)
            view.table.setCurrentIndex(index)
            view.table.scrollTo(index)
            break
    save(window, out / "as_of.png")
    view.show_as_of(None)

    # Periods: two quarters closed, the later compared with the earlier.
    for period in CLOSED:
        refused = view.periods.run_close(period)
        if refused:
            raise SystemExit(f"closing {period}: {refused}")
    holder = view._tab_makers["periods"][0]
    view.tabs.setCurrentIndex(view.tabs.indexOf(holder))
    view.periods_view.show_comparison(*CLOSED)
    save(window, out / "periods_tab.png")

    # Narrative: the first program chosen in the outline, the tab follows it.
    program = store.db.execute("SELECT id FROM programs ORDER BY id LIMIT 1").fetchone()[0]
    view.tabs.setCurrentIndex(0)
    view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.PROGRAM, program)))
    holder = view._tab_makers["narrative"][0]
    view.tabs.setCurrentIndex(view.tabs.indexOf(holder))
    view.narrative_view.choose(NARRATIVE_PERIOD)
    QApplication.processEvents()
    save(window, out / "narrative_tab.png")
    view.tabs.setCurrentIndex(0)

    settings = SettingsDialog(view.ctx, window)
    settings.show()
    save(settings, out / "settings_dialog.png", title=True)
    settings.close()
    view.clear_message()  # the closing's message would stay in the later pictures


def word_pages(plan: Path, lang: str, png: Path, tmp: Path) -> None:
    """The cover and the first narrative page of ``qdplanner report … .docx`` side by side,
    as LibreOffice lays them out (soffice → PDF → pdftoppm, 75 dpi)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm, pdftotext = shutil.which("pdftoppm"), shutil.which("pdftotext")
    if soffice is None or pdftoppm is None or pdftotext is None:
        print("warning: soffice or poppler-utils not found; word_pages.png not made")
        return
    docx = tmp / "summary.docx"
    cli = [sys.executable, "-m", "qdplanner", "report", str(plan), str(docx)]
    cli += ["--as-of", "2025-09-30", "--period", NARRATIVE_PERIOD, "--lang", lang[:2]]
    subprocess.run(cli, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    profile = (tmp / "lo-profile").resolve()
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = docx.with_suffix(".pdf")
    word = "总体进展" if lang.startswith("zh") else "Overall progress"
    page = 2
    for number in range(2, 12):  # the first page of the narrative (二、各计划、工程进展情况)
        text = subprocess.run(
            [pdftotext, "-f", str(number), "-l", str(number), str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        if word in text:
            page = number
            break
    from PySide6.QtGui import QColor, QImage, QPainter

    shots = []
    for number in (1, page):
        prefix = tmp / f"word-{number}"
        subprocess.run(
            [pdftoppm, "-png", "-r", "75", "-f", str(number), "-l", str(number), "-singlefile",
             str(pdf), str(prefix)],
            check=True,
        )  # fmt: skip
        shots.append(QImage(str(prefix.with_suffix(".png"))))
    gap = 24
    width = sum(s.width() for s in shots) + gap * (len(shots) + 1)
    height = max(s.height() for s in shots) + 2 * gap
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#d0d4da"))  # the desk under the paper
    painter = QPainter(sheet)
    x = gap
    for shot in shots:
        painter.drawImage(x, gap, shot)
        x += shot.width() + gap
    painter.end()
    sheet.save(str(png), "PNG")
    shrink(png)
    print(png)


def report_page(plan: Path, lang: str, png: Path, tmp: Path, page: int = 3) -> None:
    """Page ``page`` of ``qdplanner report`` as a PNG (pdftoppm, 80 dpi)."""
    pdf = tmp / "summary.pdf"
    cli = [sys.executable, "-m", "qdplanner", "report", str(plan), str(pdf)]
    cli += ["--as-of", AS_OF.isoformat(), "--period", "2025Q4", "--lang", lang[:2]]
    subprocess.run(cli, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    tool = shutil.which("pdftoppm")
    if tool is None:
        print("warning: pdftoppm not found (poppler-utils); report_page.png not made")
        return
    prefix = tmp / "page"
    subprocess.run(
        [tool, "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
         str(prefix)],
        check=True,
    )  # fmt: skip
    shutil.copyfile(prefix.with_suffix(".png"), png)
    shrink(png)
    print(png)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path)
    parser.add_argument("--lang", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    if args.lang:
        shoot(args.lang, args.outdir or ROOT / "docs" / "images" / args.lang)
        return 0
    base = args.outdir or ROOT / "docs" / "images"
    for lang in ("zh_CN", "en"):  # a fresh process each: one language installed per app
        cmd = [sys.executable, __file__, str(base / lang), "--lang", lang]
        if subprocess.run(cmd, check=False).returncode:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
