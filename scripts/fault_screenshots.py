"""Screenshots of what the window says when a plan or a workbook meets a fault, zh_CN and en.

    python scripts/fault_screenshots.py [OUTDIR]     # default: screenshots/faults/

Makes each fault for real (tests/faults.py: a write killed half-way; an empty lock file; a
workbook missing rows; a workbook of another plan; a returned progress workbook given to
Import from Excel) and grabs every message box the window shows on the way, offscreen.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.faults makes the faults
# ruff: noqa: E402  (the platform and path are set before Qt and the package load)

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from qdplanner.store import PlanStore
from qdplanner.store.lock import lock_path
from qdplanner.store.sample import create_sample_plan
from qdplanner.ui.app import Controller
from qdplanner.ui.fonts import apply_cjk_font
from qdplanner.ui.i18n import install_language

SHOTS: list[Path] = []
_next_name = ["box"]
_answers: dict[str, str] = {}


def _grab_and_answer(box: QMessageBox) -> int:
    """Instead of waiting for a person: show the box, save its picture, press the answer."""
    box.show()
    QApplication.processEvents()
    path = OUT / f"{_next_name[0]}.png"
    box.grab().save(str(path))
    SHOTS.append(path)
    print(path)
    wanted = _answers.get(_next_name[0], "")
    for button in box.buttons():
        if wanted and wanted in button.text():
            box._clicked = button
    box.close()
    return 0


def _static(icon):
    def show(parent, title, text, *args, **kwargs):
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        return _grab_and_answer(box)

    return staticmethod(show)


def main(out: Path) -> None:
    global OUT
    OUT = out
    out.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("qdplanner-screenshots")
    app = QApplication.instance() or QApplication(["qdplanner"])
    apply_cjk_font(app)
    QSettings().clear()
    QMessageBox.exec = _grab_and_answer
    QMessageBox.clickedButton = lambda self: getattr(self, "_clicked", None)
    QMessageBox.information = _static(QMessageBox.Icon.Information)
    QMessageBox.warning = _static(QMessageBox.Icon.Warning)
    from tests.faults import kill_mid_write

    folder = Path(tempfile.mkdtemp(prefix="qdplanner-faults-"))
    template = folder / "template.qdplan"
    create_sample_plan(template).close()
    for lang in ("zh_CN", "en"):
        install_language(app, lang)
        controller = Controller(app, lang)

        _next_name[0] = f"crash_recovered_{lang}"
        crashed = folder / f"crashed_{lang}.qdplan"
        shutil.copy(template, crashed)
        kill_mid_write(crashed)
        controller.open_plan(crashed)
        controller.shutdown()
        controller.store = None

        _next_name[0] = f"lock_unreadable_{lang}"
        locked = folder / f"locked_{lang}.qdplan"
        shutil.copy(template, locked)
        lock_path(locked).write_text("")
        controller.open_plan(locked)  # answered Cancel

        plan = folder / f"plan_{lang}.qdplan"
        shutil.copy(template, plan)
        assert controller.open_plan(plan)
        excel = controller.window.plan_view.excel
        book = folder / f"export_{lang}.xlsx"
        excel.export_to(book)
        import openpyxl

        wb = openpyxl.load_workbook(book)
        ws = wb["任务" if lang == "zh_CN" else "Tasks"]
        ws.delete_rows(2, 5)
        wb.save(book)
        _next_name[0] = f"removals_confirm_{lang}"
        excel.apply(excel.preview(book))  # answered Cancel

        other = folder / f"other_{lang}.qdplan"
        with PlanStore.create(other):
            pass
        _next_name[0] = f"other_plan_{lang}"
        other_book = folder / f"other_{lang}.xlsx"
        from qdplanner.excel.workbook_export import export_plan

        with PlanStore.open(other, readonly=True) as store:
            export_plan(store, other_book)
        excel.preview(other_book)  # answered Cancel

        from qdplanner.excel.collection_export import collect_workbooks

        result = collect_workbooks(controller.store, folder / f"round_{lang}", "2025Q4")
        returned = result.workbooks[0].path
        _next_name[0] = f"returned_to_import_{lang}"
        excel.preview(returned)
        controller.window.close()
        controller.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots" / "faults")
