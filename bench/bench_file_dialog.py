"""Opening Qt's file dialog: how long until it shows a folder's files, and what makes it faster.

    .venv/bin/python bench/bench_file_dialog.py [--repeat 5] [--files 400] [--platform offscreen]

Issue 17, item 8: "Qt's file dialog takes 2–3 s to open". Every run is a fresh process (the
first opening is the one a clerk waits for: Qt loads the MIME database, the icon theme and
starts the file-system watcher then). The time is from just before ``QFileDialog`` is made to
the moment its list shows every file of a folder (``directoryLoaded`` and all rows in the
view), with the zh_CN translations installed as the window installs them. A second opening in
the same process is timed too.

Variants (each a set of options on the same Save dialog of a folder of ``--files`` files):

* ``widget``: Qt's own dialog (``DontUseNativeDialog``), as the window gets it where no
  desktop offers a native one;
* ``no-symlinks``: ``DontResolveSymlinks`` too;
* ``plain-icons``: a ``QAbstractFileIconProvider`` (no icon theme, no per-file MIME icon);
* ``no-watcher``: ``QFileSystemModel`` without its watcher (``DontWatchForChanges``).

Prints a table of medians (ms); no goal is asserted. Measured 2026-12-04 (PySide6 6.11, 400
files and 10 folders, median of 3; 2 shared cores):

    variant        offscreen first/second   Xvfb (xcb) first/second
    widget               56 / 29                 129 / 30
    no-symlinks          59 / 29
    plain-icons          56 / 33                 126 / 41
    no-watcher           64 / 41

With 5,000 files: widget 256 ms, plain-icons 302 ms, no-symlinks 276 ms. None of the options
helps measurably, so the window keeps Qt's defaults. Opened from the report dialog in the
running window (sample plan, xcb, zh_CN) the dialog is on screen in 21 ms, then 8 ms; the same
under a D-Bus session with xdg-desktop-portal running and XDG_CURRENT_DESKTOP GNOME or KDE
(a portal asked first, Qt's dialog after: 84–89 ms). The 2–3 s of issue 17 was not reproduced
on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("widget", "no-symlinks", "plain-icons", "no-watcher")

CHILD = r"""
import json, sys, time
sys.path.insert(0, {root!r})
t_start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QListView
from PySide6.QtGui import QAbstractFileIconProvider

app = QApplication(sys.argv)
from qdplanner.ui.i18n import install_language
install_language(app, "zh_CN")
variant, folder = {variant!r}, {folder!r}


def open_once():
    t0 = time.perf_counter()
    d = QFileDialog(None, "保存", folder, "PDF (*.pdf);;All (*)")
    d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    d.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if variant == "no-symlinks":
        d.setOption(QFileDialog.Option.DontResolveSymlinks, True)
    if variant == "plain-icons":
        d.setIconProvider(QAbstractFileIconProvider())
    if variant == "no-watcher":
        model = d.findChild(QFileSystemModel)
        model.setOption(QFileSystemModel.Option.DontWatchForChanges, True)
    d.setNameFilter("All (*)")
    d.show()
    view = d.findChild(QListView, "listView")
    model = d.findChild(QFileSystemModel)
    deadline = time.perf_counter() + 20
    want = {files}
    while time.perf_counter() < deadline:
        app.processEvents()
        root = view.rootIndex()
        if root.isValid() and model.rowCount(root) >= want:
            # the icons and types of what is shown, as a paint would ask for them
            for r in range(model.rowCount(root)):
                model.index(r, 0, root).data(1)
                model.index(r, 2, root).data()
            break
        time.sleep(0.001)
    shown = time.perf_counter() - t0
    d.close()
    d.deleteLater()
    app.processEvents()
    return shown


first = open_once()
second = open_once()
print(json.dumps({{"first": first, "second": second}}))
"""


def make_folder(path: Path, files: int) -> None:
    suffixes = (".pdf", ".docx", ".xlsx", ".qdplan", ".png", ".txt", ".zip", ".csv")
    for i in range(files):
        (path / f"文件_{i:04d}{suffixes[i % len(suffixes)]}").write_bytes(b"x" * (i % 50))
    for i in range(10):
        (path / f"文件夹_{i}").mkdir()


def run(variant: str, folder: Path, files: int, platform: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "PYTHONDONTWRITEBYTECODE": "1"}
    code = CHILD.format(root=str(ROOT), variant=variant, folder=str(folder), files=files + 10)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{variant}: the child failed\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--only", choices=VARIANTS, action="append")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_folder(folder, args.files)
        print(f"{args.files} files and 10 folders, {args.platform}, median of {args.repeat}")
        print(f"{'variant':<14}{'first (ms)':>12}{'second (ms)':>13}")
        for variant in args.only or VARIANTS:
            run(variant, folder, args.files, args.platform)  # warm the OS file cache
            runs = [run(variant, folder, args.files, args.platform) for _ in range(args.repeat)]
            first = statistics.median(r["first"] for r in runs) * 1000
            second = statistics.median(r["second"] for r in runs) * 1000
            print(f"{variant:<14}{first:>12.0f}{second:>13.0f}")


if __name__ == "__main__":
    main()
