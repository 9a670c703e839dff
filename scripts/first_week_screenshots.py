"""Pictures of a clerk's first week (issue 17, every item), to look at.

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
- ``light_filter.png``: the filter bar, its light filter set to the red light;
- ``deadline_follows.png``: a due date typed as 2023-11-30 beside 2023年6月底前: the phrase
  rewritten in its own style (item 2); ``deadline_kept.png``: a phrase the program cannot
  read (明年春节前) kept and flagged, with the flag's tooltip;
- ``indicators.png``: the Indicators tab: baselines (derived ones marked), binding or
  aspirational, 无基期 where there is none (item 6); ``indicator_chart.png``: I03's chart;
  ``timeline_legend.png``: the timeline's legend opened;
- ``settings.png``: Plan → Settings… (item 7);
- ``unit_filter.png``: the unit filter with a short name typed, its suggestion shown (item 8).

The grouped task table (item 4) has its own script, ``scripts/grouped_table_screenshots.py``.
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
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
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
        bar.light.setCurrentIndex(0)

        # Item 2: a due date changed beside a month-end phrase: the phrase follows it.
        view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.ALL)))
        row = next(
            r for r in range(view.tasks.rowCount())
            if view.tasks.row_at(r) is not None
            and (view.tasks.row_at(r).deadline_text or "").endswith("月底前")
        )  # fmt: skip
        view.table.scrollTo(view.tasks.index(row, Col.TITLE))
        view.table.setCurrentIndex(view.tasks.index(row, Col.DUE))
        view.tasks.setData(view.tasks.index(row, Col.DUE), "2023-11-30")
        save(window, out / "deadline_follows.png")
        view.tasks.setData(view.tasks.index(row, Col.DEADLINE), "明年春节前")
        tip = view.tasks.index(row, Col.DEADLINE).data(Qt.ItemDataRole.ToolTipRole) or ""
        with_tooltip(window, view.table, view.tasks.index(row, Col.DEADLINE),
                     tip.splitlines()[0] if tip else "", out / "deadline_kept.png")  # fmt: skip
        view.ctx.undo_stack.undo()
        view.ctx.undo_stack.undo()

        # Item 6: indicators judged from their baselines; the chart; the timeline's legend.
        view.tabs.setCurrentIndex(2)
        indicators = view.tab_view("indicators")
        save(window, out / "indicators.png")
        model = indicators.table.model()
        for r in range(model.rowCount()):
            if "高新技术企业" in str(model.index(r, 1).data() or ""):
                indicators.table.selectRow(r)
                break
        indicators.inner.setCurrentIndex(1)
        save(window, out / "indicator_chart.png")
        view.tabs.setCurrentIndex(0)
        view.timeline.toggle_action.trigger()
        legend = view.timeline.legend_button.legend
        legend.adjustSize()
        save(legend, out / "timeline_legend.png")
        view.timeline.toggle_action.trigger()

        # Item 7: the plan's settings.
        from qdplanner.ui.settings_dialog import SettingsDialog

        settings = SettingsDialog(view.ctx, window)
        settings.show()
        save(settings, out / "settings.png")
        settings.close()

        # Item 8: the unit filter takes a short name and offers the unit.
        bar.unit.setFocus()
        bar.unit.lineEdit().setText("市科技")
        bar.unit.completer().setCompletionPrefix("市科技")
        bar.unit.completer().complete()
        QGuiApplication.processEvents()
        popup = bar.unit.completer().popup()
        picture = bar.grab()
        if popup.isVisible():
            from PySide6.QtGui import QPainter, QPixmap

            canvas = QPixmap(picture.width(), picture.height() + popup.height())
            canvas.fill(Qt.GlobalColor.white)
            painter = QPainter(canvas)
            painter.drawPixmap(0, 0, picture)
            painter.drawPixmap(bar.unit.x(), picture.height(), popup.grab())
            painter.end()
            picture = canvas
        picture.save(str(out / "unit_filter.png"), "PNG")
        print(out / "unit_filter.png")
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
