"""Turn a PDF (the printed summary) into one PNG per page, to look at each page.

    .venv/bin/python scripts/report_pages.py REPORT.pdf OUTDIR [--dpi 80]

Uses ``pdftoppm`` (poppler-utils). Prints the PNG files written.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--dpi", type=int, default=80, help="resolution of the PNGs (default 80)")
    args = parser.parse_args(argv)
    tool = shutil.which("pdftoppm")
    if tool is None:
        print("report_pages: pdftoppm not found (install poppler-utils)", file=sys.stderr)
        return 1
    args.outdir.mkdir(parents=True, exist_ok=True)
    for old in args.outdir.glob("page-*.png"):
        old.unlink()
    prefix = args.outdir / "page"
    subprocess.run([tool, "-png", "-r", str(args.dpi), str(args.pdf), str(prefix)], check=True)
    for png in sorted(args.outdir.glob("page-*.png")):
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
