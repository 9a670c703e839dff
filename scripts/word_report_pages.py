"""The progress summary as a Word document, opened through LibreOffice, one PNG per page.

    .venv/bin/python scripts/word_report_pages.py OUTDIR [--plan PLAN] [--period 2025Q4]
        [--as-of 2025-12-31] [--lang zh] [--dpi 60]

Without ``--plan`` the sample plan is made in OUTDIR (``qdplanner.store.sample``). Writes
OUTDIR/summary.docx as ``qdplanner report`` does, converts it to OUTDIR/summary.pdf with
LibreOffice (``soffice --headless --convert-to pdf``), renders each page to
OUTDIR/page-NN.png with ``pdftoppm`` and prints the files and the page count: the pages to
look at, as a reader opening the file would see them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--plan", type=Path, help="a plan file (default: the sample plan)")
    parser.add_argument("--period", default="2025Q4")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2025, 12, 31))
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--sections", default=None, help="comma-separated (default all)")
    parser.add_argument("--dpi", type=int, default=60, help="resolution of the PNGs")
    args = parser.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        print("word_report_pages: needs soffice (LibreOffice) and pdftoppm (poppler-utils)",
              file=sys.stderr)  # fmt: skip
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from qdplanner.cli.common import offscreen_application
    from qdplanner.reports.summary.content import ReportOptions, build_report
    from qdplanner.reports.summary.word import write_docx
    from qdplanner.store import PlanStore
    from qdplanner.store.sample import create_sample_plan

    offscreen_application()  # the timeline page is drawn with Qt
    out = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    plan = args.plan
    if plan is None:
        plan = out / "sample.qdplan"
        create_sample_plan(plan, overwrite=True).close()
    sections = tuple(s for s in (args.sections or "").split(",") if s)
    options = ReportOptions(
        as_of=args.as_of, period=args.period, lang=args.lang,
        **({"sections": sections} if sections else {}),
    )  # fmt: skip
    started = time.perf_counter()
    with PlanStore.open(plan, readonly=True) as store:
        report = build_report(store, options)
    docx = write_docx(report, out / "summary.docx")
    print(f"{docx} ({time.perf_counter() - started:.1f} s)")
    profile = out / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile.resolve()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = out / "summary.pdf"
    print(pdf)
    for old in out.glob("page-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-png", "-r", str(args.dpi), str(pdf), str(out / "page")],
                   check=True)  # fmt: skip
    pages = sorted(out.glob("page-*.png"))
    for png in pages:
        print(png)
    print(f"{len(pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
