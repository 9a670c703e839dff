"""Screenshots of the sample plan's timeline beside the task table (Chinese), for review.

    .venv/bin/python scripts/timeline_screenshots.py OUTDIR

Writes, with ``QWidget.grab()``: the Tasks tab with the timeline (action plan, by project),
the same by lead unit, the month zoom with a task selected, and the first page of the PDF
export as PNG (through the same page painter as the print preview).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.i18n import install_language

    apply_cjk_font(app)
    install_language(app, "zh_CN")
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.reports.timeline_scene import GroupBy
    from qdplanner.store.sample import create_sample_plan
    from qdplanner.store.task_rows import Scope, ScopeKind
    from qdplanner.store.timeline import save_baseline
    from qdplanner.ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp())
    try:
        store = create_sample_plan(tmp / "sample.qdplan")
        with store.action(ChangeSource.TIMELINE, "baseline") as changes:
            save_baseline(store, changes, "批准计划")
        window = MainWindow(store, language="zh_CN")
        pane = window.plan_view.timeline
        window.resize(1500, 860)
        window.show()
        action_plan = store.db.execute(
            "SELECT id FROM plan_documents WHERE kind = 'action_plan'"
        ).fetchone()
        if action_plan:
            index = window.plan_view._find_scope(Scope(ScopeKind.DOCUMENT, action_plan[0]))
            if index is not None:
                window.plan_view.tree.setCurrentIndex(index)
        app.processEvents()
        pane.splitter.setSizes([560, 700])
        app.processEvents()
        window.grab().save(str(out / "timeline-by-project.png"))
        pane.set_group_by(GroupBy.UNIT)
        app.processEvents()
        window.grab().save(str(out / "timeline-by-unit.png"))
        pane.set_group_by(GroupBy.PROJECT)
        pane.fit()
        pane.select_line(3)
        app.processEvents()
        window.grab().save(str(out / "timeline-fit-selected.png"))
        pane.set_zoom(pane.zoom.MONTH)
        app.processEvents()
        pane.grab().save(str(out / "timeline-month.png"))
        pane.actions_.export_to(out / "timeline.pdf")
        pane.actions_.export_to(out / "timeline.png")
        window.close()
        store.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
