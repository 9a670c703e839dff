"""Screenshots of the main window on the sample plan, in Chinese and English.

    python scripts/screenshots.py [OUTDIR]     # default: screenshots/

Runs offscreen (no display needed) and grabs the real window with QWidget.grab(); the
user guide and reviewers use these pictures, so they must show what a user sees.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from qdplanner.store.sample import create_sample_plan
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.excel_actions import ImportPreviewDialog
from qdplanner.ui.fonts import apply_cjk_font
from qdplanner.ui.i18n import install_language
from qdplanner.ui.main_window import MainWindow

AS_OF = date(2025, 12, 31)


def shoot(window, path: Path) -> None:
    QApplication.processEvents()
    window.grab().save(str(path))
    print(path)


def edit_workbook(path: Path, lang: str) -> None:
    """Edit an exported workbook as a unit would: a title, a percent, a deleted milestone."""
    import openpyxl

    zh = lang.startswith("zh")
    book = openpyxl.load_workbook(path)
    tasks = book["任务" if zh else "Tasks"]
    headers = {c.value: c.column for c in tasks[1]}
    title = headers["任务名称" if zh else "Title"]
    percent = headers["完成进度(%)" if zh else "Percent complete"]
    tasks.cell(2, title).value = f"{tasks.cell(2, title).value}（已调整）"
    tasks.cell(3, percent).value = 80
    tasks.cell(4, percent).value = 150  # out of range: shown as a problem, not applied
    book.save(path)


def shoot_import_preview(window: MainWindow, folder: Path, out: Path, lang: str) -> None:
    workbook = folder / f"sample_{lang}.xlsx"
    window.plan_view.excel.export_to(workbook)
    edit_workbook(workbook, lang)
    dialog = ImportPreviewDialog(window.plan_view.excel.preview(workbook), window)
    dialog.show()
    shoot(dialog, out / f"import_preview_errors_{lang}.png")
    dialog.tabs.setCurrentIndex(1)
    shoot(dialog, out / f"import_preview_changes_{lang}.png")
    dialog.close()


def shoot_breakdown(window: MainWindow, folder: Path, out: Path, lang: str) -> None:
    """A breakdown sheet whose headers are not recognised: the column dialog."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from qdplanner.ui.breakdown_dialog import BreakdownDialog
    from tests.excel import breakdown_books

    sheet = breakdown_books.unknown_headers(folder / "unknown.xlsx")
    dialog = BreakdownDialog(window.store, window.plan_view.excel.preview(sheet), window)
    for column, name in breakdown_books.UNKNOWN_MAPPING.items():
        box = dialog.boxes[column]
        box.setCurrentIndex(box.findData(name))
    dialog.show()
    shoot(dialog, out / f"breakdown_columns_{lang}.png")
    dialog.close()
    classic = breakdown_books.classic(folder / "classic.xlsx")
    preview = ImportPreviewDialog(window.plan_view.excel.preview(classic), window)
    preview.show()
    preview.tabs.setCurrentIndex(preview.tabs.count() - 1)
    shoot(preview, out / f"breakdown_preview_{lang}.png")
    preview.close()


def shoot_collection(window: MainWindow, folder: Path, out: Path, lang: str) -> None:
    """Issue two units' workbooks, fill them in with a conflict, and show the dialogs."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from qdplanner.store.collections import lead_units
    from qdplanner.ui.collect_dialog import CollectDialog
    from qdplanner.ui.returns_dialog import ReturnsDialog
    from tests.excel.collection_helpers import conflicting_returns

    period = "2025Q4" if lang.startswith("zh") else "2025Q3"  # a round of its own per language
    dialog = CollectDialog(window.plan_view.ctx, lang, window)
    dialog.period_edit.setText(period)
    dialog.show()
    shoot(dialog, out / f"collect_dialog_{lang}.png")
    dialog.close()
    round_folder = folder / f"collect-{lang}"
    round_folder.mkdir()
    units = [u.id for u in lead_units(window.store)][:3]
    first, second, _third = window.plan_view.collection.collect(
        round_folder, period, units
    ).workbooks
    returned = conflicting_returns(first.path, second.path, round_folder)
    preview = window.plan_view.collection.read_returns(returned)
    returns = ReturnsDialog(preview, window)
    returns.show()
    shoot(returns, out / f"returns_conflict_{lang}.png")
    for box in returns.choice_boxes.values():  # b.xlsx where it is a candidate, else the file
        box.setCurrentIndex(
            box.findData("b.xlsx") if box.findData("b.xlsx") > 0 else box.count() - 1
        )
    if not window.plan_view.collection.apply_returns(preview, returns.choices()):
        raise SystemExit(
            f"returned workbooks not applied ({lang}): {window.plan_view.last_refusal}"
        )
    returns.close()
    window.plan_view.tabs.setCurrentIndex(4)
    window.plan_view.collection_view.load_periods(period)
    shoot(window, out / f"collection_view_{lang}.png")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("qdplanner-screenshots")
    QSettings().clear()
    if not apply_cjk_font(app):
        print("warning: no CJK font installed; Chinese will render as boxes", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        store = create_sample_plan(Path(tmp) / "qingdao-sample.qdplan")
        for lang in ("zh_CN", "en"):
            install_language(app, lang)
            # The frame as it first shows, then as it stays when no plan could be opened.
            frame = MainWindow(language=lang)
            frame.resize(1500, 860)
            frame.opening(store.path)
            frame.show()
            shoot(frame, out / f"window_opening_{lang}.png")
            frame.not_opened()
            shoot(frame, out / f"window_no_plan_{lang}.png")
            frame.close()
            window = MainWindow(store, language=lang)
            window.resize(1500, 860)
            window.show()
            shoot(window, out / f"main_window_{lang}.png")
            # The action plan's first project, judged at the end of 2025.
            project = store.db.execute("SELECT id FROM projects ORDER BY id LIMIT 1").fetchone()
            window.plan_view.tree.setCurrentIndex(
                window.plan_view._find_scope(Scope(ScopeKind.PROJECT, project[0]))
            )
            window.plan_view.tasks.load(store, Scope(ScopeKind.PROJECT, project[0]), as_of=AS_OF)
            last = window.plan_view.tasks.rowCount() - 1  # the overdue key-laboratory task
            window.plan_view.table.setCurrentIndex(window.plan_view.tasks.index(last, 1))
            shoot(window, out / f"main_window_project_{lang}.png")
            # A filtered table: the red tasks the science bureau leads, all plans.
            window.plan_view.tree.setCurrentIndex(window.plan_view.outline.index(0, 0))
            window.plan_view.filter_bar.unit.setEditText("市科技局")
            window.plan_view.filter_bar.light.setCurrentIndex(
                window.plan_view.filter_bar.light.findData("red")
            )
            shoot(window, out / f"filtered_table_{lang}.png")
            window.plan_view.filter_bar.clear()
            window.plan_view.tabs.setCurrentIndex(1)
            shoot(window, out / f"units_view_{lang}.png")
            window.plan_view.indicators_view.as_of = AS_OF
            window.plan_view.indicators_view.refresh()
            window.plan_view.tabs.setCurrentIndex(2)
            shoot(window, out / f"indicators_view_{lang}.png")
            view = window.plan_view.indicators_view
            names = [view.model.row_at(r).indicator.name for r in range(view.model.rowCount())]
            view._chart_of(
                view.model.index(names.index("高新技术产业产值占规模以上工业产值比重"), 2)
            )
            shoot(window, out / f"indicator_chart_{lang}.png")
            view.charts.show_dashboard()
            shoot(window, out / f"indicator_dashboard_{lang}.png")
            view.inner.setCurrentIndex(0)
            window.plan_view.tabs.setCurrentIndex(3)
            shoot(window, out / f"history_view_{lang}.png")
            shoot_import_preview(window, Path(tmp), out, lang)
            shoot_breakdown(window, Path(tmp), out, lang)
            shoot_collection(window, Path(tmp), out, lang)
            window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
