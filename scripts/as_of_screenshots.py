"""Screenshots of View → As Of… on the sample plan, in Chinese and English, for review.

    .venv/bin/python scripts/as_of_screenshots.py [OUTDIR]     # default /tmp/asof

Writes, with ``QWidget.grab()``, for each language (``zh_CN``, ``en``): the window at
2024-12-31 with the timeline open and G2-5 (实现规模以上工业企业研发机构“全覆盖”) selected —
banner, table, timeline, detail panel and status bar; the same after an edit was refused; the
window at 2023-06-30, when some tasks had no progress report yet (无进展记录); the Units and
Indicators tabs at 2024-12-31; the As Of dialog; and the window back at today.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

THEN = date(2024, 12, 31)
EARLIER = date(2023, 6, 30)
FULL_COVERAGE = "实现规模以上工业企业研发机构“全覆盖”"


def _select(window, title: str) -> None:
    from qdplanner.ui.models.task_table import Col

    view = window.plan_view
    for row in range(view.tasks.rowCount()):
        if view.tasks.row_at(row).title == title:
            index = view.tasks.index(row, Col.TITLE)
            view.table.setCurrentIndex(index)
            view.table.scrollTo(index)
            return


def _first_unrecorded(window) -> str | None:
    view = window.plan_view
    for row in range(view.tasks.rowCount()):
        task = view.tasks.row_at(row)
        if not task.recorded and task.light.value == "no_record":
            return task.title
    return None


def shoot(app, out: Path, language: str, tmp: Path) -> None:
    from qdplanner.store.sample import create_sample_plan
    from qdplanner.ui.as_of_dialog import AsOfDialog
    from qdplanner.ui.i18n import install_language
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.models.task_table import Col

    install_language(app, language)
    store = create_sample_plan(tmp / f"sample-{language}.qdplan")
    window = MainWindow(store, language=language)
    view = window.plan_view
    view.timeline.toggle_action.setChecked(True)
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    view.timeline.splitter.setSizes([760, 520])
    view.show_as_of(THEN)
    _select(window, FULL_COVERAGE)
    app.processEvents()
    window.grab().save(str(out / f"as_of_{language}.png"))

    # an edit typed into the percent cell is refused, saying why
    index = view.table.currentIndex()
    view.tasks.setData(view.tasks.index(index.row(), Col.PERCENT), 50)
    app.processEvents()
    window.grab().save(str(out / f"as_of_refused_{language}.png"))

    view.show_as_of(EARLIER)
    title = _first_unrecorded(window)
    if title:
        _select(window, title)
    app.processEvents()
    window.grab().save(str(out / f"as_of_no_record_{language}.png"))

    view.show_as_of(THEN)
    view.tabs.setCurrentIndex(view.tabs.indexOf(view.units_view.parent()))
    app.processEvents()
    window.grab().save(str(out / f"as_of_units_{language}.png"))
    view.tabs.setCurrentIndex(view.tabs.indexOf(view.indicators_view.parent()))
    app.processEvents()
    window.grab().save(str(out / f"as_of_indicators_{language}.png"))

    dialog = AsOfDialog(THEN, window)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / f"as_of_dialog_{language}.png"))
    dialog.close()

    view.tabs.setCurrentIndex(0)
    view.back_to_today_button.click()
    _select(window, FULL_COVERAGE)
    app.processEvents()
    window.grab().save(str(out / f"today_{language}.png"))
    window.close()
    store.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    from qdplanner.ui.fonts import apply_cjk_font

    apply_cjk_font(app)
    tmp = Path(tempfile.mkdtemp())
    try:
        for language in ("zh_CN", "en"):
            shoot(app, out, language, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/asof"))
