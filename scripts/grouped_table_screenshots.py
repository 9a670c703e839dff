"""Pictures of the grouped task table (issue 17, item 4), to look at.

    .venv/bin/python scripts/grouped_table_screenshots.py [OUTDIR] [--lang zh_CN|en]

Without ``--lang`` both languages are made, each in its own process, into ``OUTDIR/<lang>/``
(default ``/tmp/grouped_table``). Runs offscreen on a fresh copy of the sample plan with no
remembered settings (a first start) at 1366×768 and grabs the window with ``QWidget.grab()``:

- ``grouped.png``: 全部任务, a header line per program / project (name, count, lights);
- ``grouped_collapsed.png``: every group folded but the second;
- ``grouped_timeline.png``: the same with the timeline open (Ctrl+T): header lines side by side;
- ``grouped_filter.png``: filtered to the red light: only the groups with matches;
- ``grouped_sorted.png``: sorted by due date: sorted within each group;
- ``document.png``: a plan document's tasks, grouped too;
- ``column_design.png``: the design tried and not taken — no header lines, the program /
  project as a column beside the task and 序号 numbered per group (2.3): kept to compare.
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


def save(widget, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    widget.grab().save(str(path), "PNG")
    print(path)


def column_design(view) -> None:
    """The alternative: no header lines; the program / project beside the task, 序号 as
    ``group.code`` (2.3). A picture only — drawn by wrapping the model's display."""
    from PySide6.QtCore import Qt

    from qdplanner.store.task_groups import stream_order
    from qdplanner.ui.models.task_table import Col

    model = view.tasks
    view.group_rows.grouping.setChecked(False)
    order = stream_order(model.rows())
    plain = model.data

    def data(index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() == Col.CODE:
            row = model.row_at(index.row())
            number = order.get((row.program_id, row.project_id), 0) + 1
            return f"{number}.{row.code}" if row.code else str(number)
        return plain(index, role)

    model.data = data
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(Col.STREAM), header.visualIndex(Col.TITLE))
    view.table.setColumnWidth(Col.CODE, 52)
    view.table.setColumnWidth(Col.STREAM, 170)
    view.fit_title_column()
    view.table.viewport().update()


def shoot(lang: str, out: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("qdplanner-grouped-table-screenshots")
    QSettings().clear()  # a first start: nothing remembered
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.i18n import install_language

    if not apply_cjk_font(app):
        print("warning: no CJK font installed; Chinese will render as boxes", file=sys.stderr)
    install_language(app, lang)
    from qdplanner.domain.enums import StatusLight
    from qdplanner.store.sample import create_sample_plan
    from qdplanner.store.task_rows import Scope, ScopeKind
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.models.task_table import Col

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="qdplanner-grouped-"))
    try:
        store = create_sample_plan(tmp / "qingdao-sample.qdplan")
        window = MainWindow(store, language=lang)
        view = window.plan_view
        window.resize(1366, 768)
        window.show()
        save(window, out / "grouped.png")

        model = view.tasks
        model.set_all_collapsed(True)
        second = next(model.group_at(r) for r in range(1, model.rowCount()) if model.group_at(r))
        model.set_collapsed(second.key, False)
        save(window, out / "grouped_collapsed.png")
        model.set_all_collapsed(False)

        view.timeline.toggle_action.trigger()  # Ctrl+T
        save(window, out / "grouped_timeline.png")
        view.timeline.toggle_action.trigger()

        light = view.filter_bar.light
        light.setCurrentIndex(light.findData(StatusLight.RED))
        save(window, out / "grouped_filter.png")
        view.filter_bar.clear()

        view.table.sortByColumn(Col.DUE, Qt.SortOrder.AscendingOrder)
        save(window, out / "grouped_sorted.png")
        view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

        document = store.db.execute("SELECT id FROM plan_documents ORDER BY id LIMIT 1").fetchone()
        view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.DOCUMENT, document[0])))
        save(window, out / "document.png")

        view.tree.setCurrentIndex(view.outline.index(0, 0))  # 全部任务
        column_design(view)
        save(window, out / "column_design.png")
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
        shoot(args.lang, args.outdir or Path("/tmp/grouped_table") / args.lang)
        return 0
    base = args.outdir or Path("/tmp/grouped_table")
    for lang in ("zh_CN", "en"):  # a fresh process each: one language installed per app
        cmd = [sys.executable, __file__, str(base / lang), "--lang", lang]
        if subprocess.run(cmd, check=False).returncode:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
