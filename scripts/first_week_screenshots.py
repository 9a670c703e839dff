"""Pictures of a clerk's first week (issue 17, items 1, 3, 5 and 8 in part), to look at.

    .venv/bin/python scripts/first_week_screenshots.py [OUTDIR] [--lang zh_CN|en]

Without ``--lang`` both languages are made, each in its own process, into ``OUTDIR/<lang>/``
(default ``/tmp/first_week``). Runs offscreen on a fresh copy of the sample plan with no
remembered settings (a first start) and grabs the window with ``QWidget.grab()``:

- ``first_start_1366.png`` / ``first_start_1600.png``: the window at a first start
  (1366×768, 1600×1000): the timeline closed, light, lead unit and deadline in view;
- ``timeline_ctrl_t.png``: after Ctrl+T;
- ``refused_cell.png``: a refused percent (140): red border, tooltip text, status bar;
- ``lead_notice.png``: a supporting unit made the lead, and the status bar saying so;
- ``progress_edit.png`` / ``progress_new.png``: Ctrl+R on a task whose period has a report
  (opened to edit), and after New Report… was confirmed;
- ``progress_history.png``: History after OK on the opened report: the fields changed;
- ``edit_menu.png`` / ``file_menu.png``: the menus, mnemonics underlined;
- ``light_filter.png``: the filter bar, its light filter set to the red light.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def save(widget, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    widget.grab().save(str(path), "PNG")
    print(path)


def save_with_menu(window, index: int, path: Path) -> None:
    """The window with its ``index``-th menu drawn open (offscreen menus are own windows)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    bar = window.menuBar()
    menu = bar.actions()[index].menu()
    menu.popup(window.mapToGlobal(bar.geometry().bottomLeft()))
    QApplication.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    x = bar.actionGeometry(bar.actions()[index]).left()
    painter.drawPixmap(QPoint(x, bar.geometry().bottom()), menu.grab())
    painter.end()
    menu.hide()
    picture.copy(0, 0, min(picture.width(), 900), min(picture.height(), 620)).save(str(path), "PNG")
    print(path)


def with_tooltip(window, table, index, text: str, path: Path) -> None:
    """The window with the refused cell's tooltip drawn under the cell."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    rect = table.visualRect(index)
    at = table.viewport().mapTo(window, rect.bottomLeft()) + QPoint(0, 4)
    metrics = painter.fontMetrics()
    box = QRect(at.x(), at.y(), metrics.horizontalAdvance(text) + 12, metrics.height() + 8)
    painter.fillRect(box, QColor("#ffffdc"))
    painter.setPen(QColor("#202020"))
    painter.drawRect(box.adjusted(0, 0, -1, -1))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    picture.save(str(path), "PNG")
    print(path)


def shoot(lang: str, out: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("qdplanner-first-week-screenshots")
    QSettings().clear()  # a first start: nothing remembered
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.i18n import install_language

    if not apply_cjk_font(app):
        print("warning: no CJK font installed; Chinese will render as boxes", file=sys.stderr)
    install_language(app, lang)
    from qdplanner.store.progress import ReportInput, record_progress
    from qdplanner.store.sample import create_sample_plan
    from qdplanner.store.task_edits import task_units
    from qdplanner.store.task_rows import Scope, ScopeKind
    from qdplanner.store.units import unit_display_name
    from qdplanner.ui import progress_dialog
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.models.task_table import Col
    from qdplanner.ui.progress_dialog import ProgressDialog, record_progress_step

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="qdplanner-first-week-"))
    try:
        store = create_sample_plan(tmp / "qingdao-sample.qdplan")
        window = MainWindow(store, language=lang)
        view = window.plan_view
        for width, height in ((1600, 1000), (1366, 768)):
            window.resize(width, height)
            window.show()
            save(window, out / f"first_start_{width}.png")

        view.timeline.toggle_action.trigger()  # Ctrl+T
        save(window, out / "timeline_ctrl_t.png")
        view.timeline.toggle_action.trigger()

        # A refused cell: 140 % in one project's first task.
        project = store.db.execute("SELECT id FROM projects ORDER BY id LIMIT 1").fetchone()[0]
        view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.PROJECT, project)))
        cell = view.tasks.index(0, Col.PERCENT)
        view.table.setCurrentIndex(view.tasks.index(0, Col.TITLE))
        view.tasks.setData(cell, "140")
        with_tooltip(window, view.table, cell, view.last_refusal, out / "refused_cell.png")

        # A supporting unit made the lead: the status bar says it left the supporting units.
        row = next(
            r for r in range(view.tasks.rowCount()) if task_units(store, view.tasks.row_at(r).id)[1]
        )
        task = view.tasks.row_at(row).id
        support = task_units(store, task)[1][0]
        view.table.setCurrentIndex(view.tasks.index(row, Col.LEAD))
        view.tasks.setData(view.tasks.index(row, Col.LEAD), unit_display_name(store, support))
        save(window, out / "lead_notice.png")
        view.ctx.undo_stack.undo()

        # Ctrl+R on a task whose period has a report: it opens to edit.
        task = view.tasks.row_at(0).id
        zh = lang.startswith("zh")
        with store.action("form", "earlier report") as changes:
            record_progress(
                store,
                changes,
                task,
                ReportInput(
                    "2025Q4",
                    "in_progress",
                    70,
                    narrative="主体工程完工，设备进场调试。" if zh else "Main works done.",
                    problems="资金到位偏慢。" if zh else "Funds arrive slowly.",
                    next_steps="年底前完成验收。" if zh else "Acceptance by year end.",
                ),
            )
        dialog = ProgressDialog(view.ctx, task, window)
        dialog.period.setText("2025年第四季度" if zh else "2025Q4")
        dialog.show()
        save(dialog, out / "progress_edit.png")
        progress_dialog.ask = lambda *_args: True  # New Report…, confirmed
        dialog.new_button.click()
        save(dialog, out / "progress_new.png")
        dialog.close()

        # OK on the opened report after one change: History lists the field changed.
        dialog = ProgressDialog(view.ctx, task, window)
        dialog.period.setText("2025Q4")
        dialog.percent.setValue(85)
        dialog.narrative.setPlainText(
            "主体工程完工，设备调试完成。" if zh else "Main works done; equipment tested."
        )
        record_progress_step(view.ctx, task, dialog.report(), [], dialog.step_name("2025Q4"), [])
        view.tabs.setCurrentIndex(3)
        view.history_view.refresh()
        history = view.history_view.table
        for column in (0, 1, 2, 5):  # when, user, source, record: the fields show
            history.setColumnHidden(column, True)
        save(window, out / "progress_history.png")
        view.tabs.setCurrentIndex(0)

        save_with_menu(window, 0, out / "file_menu.png")
        save_with_menu(window, 1, out / "edit_menu.png")

        bar = view.filter_bar
        bar.light.setCurrentIndex(bar.light.findData("red"))
        QGuiApplication.processEvents()
        bar.grab().save(str(out / "light_filter.png"), "PNG")
        print(out / "light_filter.png")
        window.close()
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", type=Path)
    parser.add_argument("--lang", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    if args.lang:
        shoot(args.lang, args.outdir or Path("/tmp/first_week") / args.lang)
        return 0
    base = args.outdir or Path("/tmp/first_week")
    for lang in ("zh_CN", "en"):  # a fresh process each: one language installed per app
        cmd = [sys.executable, __file__, str(base / lang), "--lang", lang]
        if subprocess.run(cmd, check=False).returncode:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
