"""The printed summary's timeline pages, as PNGs to look at, with the smallest text on them.

    .venv/bin/python scripts/report_timeline_pages.py OUTDIR [--plan PLAN] [--period 2025Q4]
        [--as-of 2025-12-31] [--lang zh] [--dpi 110]

Writes OUTDIR/summary.pdf (the sample plan's progress summary unless --plan is given), finds
its timeline pages (those with the timeline's caption), turns them into
OUTDIR/timeline-N.png with ``pdftoppm`` (poppler-utils) and prints, per page, the smallest
text size on it in points, read from the PDF's own drawing commands (:func:`text_sizes`).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from datetime import date
from pathlib import Path

MIN_POINTS = 7.0

# -- reading text sizes from a PDF -------------------------------------------------------------
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>]+|[-+]?(?:\d+\.?\d*|\.\d+)"
    rb"|[A-Za-z'\"*]+"
)
_SHOW = {b"Tj", b"TJ", b"'", b'"'}


def _streams(data: bytes) -> dict[int, bytes]:
    """Every object's stream, decompressed, by object number."""
    out = {}
    for match in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        body = match.group(2)
        stream = re.search(rb"stream\r?\n(.*?)endstream", body, re.S)
        if not stream:
            continue
        raw = stream.group(1)
        if b"FlateDecode" in body[: stream.start()]:
            try:
                raw = zlib.decompressobj().decompress(raw)
            except zlib.error:
                continue
        out[int(match.group(1))] = raw
    return out


def _pages(data: bytes) -> list[list[int]]:
    """Each page's content stream numbers, in page order (the page tree's /Kids)."""
    objects = {int(m.group(1)): m.group(2)
               for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}  # fmt: skip

    def kids(number: int) -> list[list[int]]:
        body = objects[number]
        if re.search(rb"/Type\s*/Pages\b", body):
            listed = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S).group(1)
            pages = []
            for kid in re.findall(rb"(\d+) 0 R", listed):
                pages += kids(int(kid))
            return pages
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", body, re.S)
        refs = re.findall(rb"(\d+) 0 R", contents.group(1)) if contents else []
        return [[int(r) for r in refs]]

    root = re.search(rb"/Root\s+(\d+) 0 R", data)
    catalog = objects[int(root.group(1))]
    return kids(int(re.search(rb"/Pages\s+(\d+) 0 R", catalog).group(1)))


def _times(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F]  # fmt: skip


def _sizes_in(content: bytes) -> list[float]:
    """The size in points of every piece of text a content stream shows: the font size
    (Tf) through the text matrix (Tm) and the drawing's transformation (cm)."""
    identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    ctm, stack = identity, []
    tm, font_size = identity, 0.0
    operands: list[bytes] = []
    sizes = []
    for token in _TOKEN.findall(content):
        if token[:1].isalpha() or token in (b"'", b'"'):
            if token == b"q":
                stack.append(ctm)
            elif token == b"Q" and stack:
                ctm = stack.pop()
            elif token == b"cm" and len(operands) >= 6:
                ctm = _times([float(x) for x in operands[-6:]], ctm)
            elif token == b"BT":
                tm = identity
            elif token == b"Tm" and len(operands) >= 6:
                tm = [float(x) for x in operands[-6:]]
            elif token == b"Tf" and operands:
                font_size = float(operands[-1])
            elif token in _SHOW:
                m = _times(tm, ctm)
                sizes.append(round(font_size * (m[2] ** 2 + m[3] ** 2) ** 0.5, 2))
            operands = []
        elif token not in (b"[", b"]"):
            operands.append(token)
    return sizes


def text_sizes(pdf: Path) -> list[list[float]]:
    """Per page, the size in points of every piece of text on it."""
    data = pdf.read_bytes()
    streams = _streams(data)
    return [
        [size for number in page for size in _sizes_in(streams.get(number, b""))]
        for page in _pages(data)
    ]


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page (``pdftotext``; pages end with a form feed)."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


# -- the script --------------------------------------------------------------------------------
def write_summary(plan: Path, out: Path, period: str, as_of: date, lang: str):
    """Write the summary of ``plan`` to ``out``; returns the report (its ``timeline``)."""
    from qdplanner.cli.common import offscreen_application
    from qdplanner.reports.summary.content import ReportOptions, build_report
    from qdplanner.reports.summary.render import write_pdf
    from qdplanner.store import PlanStore

    offscreen_application()
    store = PlanStore.open(plan, readonly=True)
    try:
        report = build_report(store, ReportOptions(as_of=as_of, period=period, lang=lang))
        write_pdf(report, out)
    finally:
        store.close()
    return report


def timeline_caption(report) -> str:
    """The line above every timeline sheet (its range and as-of date), as printed."""
    from qdplanner.errors import N_
    from qdplanner.reports.timeline_style import timeline_word

    period = report.cover.period
    return (
        timeline_word(report.lang, N_("Timeline", "Range %1 – %2 · as of %3"))
        .replace("%1", period.start.strftime("%Y-%m"))
        .replace("%2", period.end.strftime("%Y-%m"))
        .replace("%3", report.as_of.isoformat())
    )


def timeline_pages(pdf: Path, caption: str) -> list[int]:
    """The numbers (from 1) of the pages that carry a timeline sheet."""

    def plain(text: str) -> str:  # no spaces, one kind of dash (fonts map – to ‒ and back)
        return re.sub(r"[\u2010-\u2015]", "-", re.sub(r"\s+", "", text))

    wanted = plain(caption)
    return [n for n, text in enumerate(pdf_page_texts(pdf), 1) if wanted in plain(text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--plan", type=Path, help="a plan file (default: a fresh sample plan)")
    parser.add_argument("--period", default="2025Q4")
    parser.add_argument("--as-of", default="2025-12-31", type=date.fromisoformat)
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--dpi", type=int, default=110, help="resolution of the PNGs")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        print("report_timeline_pages: poppler-utils (pdftoppm, pdftotext) missing", file=sys.stderr)
        return 1
    args.outdir.mkdir(parents=True, exist_ok=True)
    for old in args.outdir.glob("timeline-*.png"):
        old.unlink()
    plan = args.plan
    if plan is None:
        from qdplanner.store.sample import create_sample_plan

        plan = Path(tempfile.mkdtemp()) / "sample.qdplan"
        create_sample_plan(plan).close()
    pdf = args.outdir / "summary.pdf"
    report = write_summary(plan, pdf, args.period, args.as_of, args.lang)
    pages = timeline_pages(pdf, timeline_caption(report))
    sizes = text_sizes(pdf)
    print(f"{pdf}: {len(sizes)} pages, timeline on {len(pages)}: {pages}")
    smallest = []
    for n in pages:
        png = args.outdir / f"timeline-{n}"
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", str(args.dpi), "-f", str(n),
                        "-l", str(n), str(pdf), str(png)], check=True)  # fmt: skip
        smallest.append(min(sizes[n - 1]))
        print(f"  page {n}: smallest text {smallest[-1]:.2f} pt -> {png}.png")
    if smallest and min(smallest) < MIN_POINTS:
        print(f"text under {MIN_POINTS} pt on a timeline page", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
