"""Pictures of the summary's cover fields and Qt's file dialog (issue 16 item 8, issue 17 item 8).

    .venv/bin/python scripts/report_cover_screenshots.py [OUTDIR] [--lang zh_CN|en]

Without ``--lang`` both languages are made, each in its own process, into ``OUTDIR/<lang>/``
(default ``/tmp/report_cover``). Runs offscreen on a fresh copy of the sample plan with no
remembered settings and grabs with ``QWidget.grab()``:

- ``report_dialog.png``: File → Print Summary…, the 编制单位 and cover date prefilled from the
  plan's settings (set here to 青岛市科学技术局 and 2026-01), "Remember for this plan" below;
- ``file_dialog.png``: Qt's own Save dialog in the window's language (no English left in zh_CN);
- ``cover.png``: the first page of the summary's PDF (with ``pdftoppm``, when installed): the
  office, the date, and the sentence saying the sample's data are illustrative.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def save(widget, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    widget.grab().save(str(path), "PNG")
    print(path)


def shoot(lang: str, out: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QFileDialog

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("qdplanner-report-cover-screenshots")
    QSettings().clear()
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.i18n import install_language

    if not apply_cjk_font(app):
        print("warning: no CJK font installed; Chinese will render as boxes", file=sys.stderr)
    install_language(app, lang)
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store.plan_settings import write_settings
    from qdplanner.store.sample import create_sample_plan
    from qdplanner.ui.commands import EditContext
    from qdplanner.ui.report_dialog import ReportDialog

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = create_sample_plan(Path(tmp) / "qingdao-sample.qdplan")
        with store.action(ChangeSource.COMMAND, "cover") as changes:
            write_settings(store, changes, {"report.office": "青岛市科学技术局",
                                            "report.cover_date": "2026-01"})  # fmt: skip
        ctx = EditContext(store)
        dialog = ReportDialog(ctx)
        dialog.language.setCurrentIndex(dialog.language.findData("zh" if lang != "en" else "en"))
        dialog.period.setCurrentText("2025Q4")
        dialog.show()
        dialog.adjustSize()
        save(dialog, out / "report_dialog.png")

        files = QFileDialog(dialog, dialog.tr("Save Summary as PDF"), str(tmp),
                            dialog.tr("PDF files (*.pdf)"))  # fmt: skip
        files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        files.selectFile(dialog.suggested_path(".pdf").name)
        files.resize(820, 480)
        files.show()
        save(files, out / "file_dialog.png")
        files.close()

        pdf = Path(tmp) / "summary.pdf"
        dialog.section_boxes["timeline"].setChecked(False)
        dialog.save_pdf(pdf)
        if shutil.which("pdftoppm") and pdf.exists():
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(out / "cover")], check=True)  # fmt: skip
            print(out / "cover.png")
        dialog.close()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default="/tmp/report_cover", type=Path)
    parser.add_argument("--lang", choices=["zh_CN", "en"])
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.lang:
        shoot(args.lang, args.outdir / args.lang)
        return
    for lang in ("zh_CN", "en"):  # each language in a fresh process (one QApplication each)
        subprocess.run([sys.executable, __file__, str(args.outdir), "--lang", lang], check=True)


if __name__ == "__main__":
    main()
