"""Start-up: what is imported before the window shows, and before the plan fills it (issue 8).

The window's frame shows before the plan is opened: by then not even the store, sqlite-utils
or click may have been imported (they are what made start-up slow). matplotlib, openpyxl,
python_calamine and lxml — charts, Excel and reports — stay out until they are used, also
once the plan is shown; numpy (matplotlib's, and an optional import of sqlite_utils) too. Run
in a fresh interpreter, since this test session has long imported all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ["matplotlib", "openpyxl", "python_calamine", "lxml", "numpy", "defusedxml", "PIL"]
NOT_BEFORE_THE_WINDOW = [*HEAVY, "sqlite_utils", "qdplanner.store", "click", "sqlite3"]
# Our own modules the plan's first paint does not need: the dialogs and work behind menu
# entries and tabs not yet shown, imported when first used (issue 18: the cold window).
NOT_BEFORE_THE_PLAN = [
    *HEAVY,
    "sqlite_utils",  # the plan file is written through it: imported at the first edit
    "qdplanner.excel.import_model",
    "qdplanner.store.collections",
    "qdplanner.store.periods",
    "qdplanner.domain.period_compare",
    "qdplanner.reports.summary.content",
    "qdplanner.ui.report_dialog",
    "qdplanner.ui.collection_view",
    "qdplanner.ui.collect_dialog",
    "qdplanner.ui.returns_dialog",
    "qdplanner.ui.models.history_words",
    "qdplanner.reports.timeline_export",
    "PySide6.QtPrintSupport",
    "qdplanner.store.progress",  # a task's progress, milestones and evidence: none is chosen
    "qdplanner.store.milestones",
    "qdplanner.ui.progress_dialog",
    "qdplanner.ui.milestone_editor",
]

SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer

from qdplanner.cli import main
from qdplanner.ui import app as app_module

watched = json.loads(sys.argv[2])
seen = {}
original = app_module.Controller._open_first


def open_first(self, requested):
    # Called when the window has been painted, just before the plan is opened.
    seen["window"] = sorted(m for m in watched if m in sys.modules)
    seen["visible"] = self.window.isVisible()
    original(self, requested)
    seen["plan"] = sorted(m for m in json.loads(sys.argv[3]) if m in sys.modules)
    seen["rows"] = self.window.plan_view.tasks.rowCount()
    print(json.dumps(seen), flush=True)
    QTimer.singleShot(0, self.app.quit)


app_module.Controller._open_first = open_first
main(["open", sys.argv[1]])
"""


def test_nothing_heavy_is_imported_before_the_window_or_the_plan_shows(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    plan = tmp_path / "s.qdplan"
    subprocess.run(
        [sys.executable, "-m", "qdplanner", "init", str(plan), "--sample"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            str(plan),
            json.dumps(NOT_BEFORE_THE_WINDOW),
            json.dumps(NOT_BEFORE_THE_PLAN),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["visible"]
    assert seen["window"] == [], f"imported before the window was shown: {seen['window']}"
    assert seen["plan"] == [], f"imported before the plan was shown: {seen['plan']}"
    assert seen["rows"] > 0


def test_a_plan_file_is_ready_to_write_soon_after_it_shows(small_plan, qtbot):
    """Opening paints the plan before loading what writing needs (sqlite-utils, for a
    file); the window loads it when idle, so the first edit does not wait for it."""
    from qdplanner.store import PlanStore
    from qdplanner.ui.main_window import MainWindow

    made, _ids = small_plan
    path = made.path
    made.close()
    store = PlanStore.open(path)
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    assert store.db._writer is None, "opening and painting wrote nothing"
    qtbot.waitUntil(lambda: store.db._writer is not None, timeout=5_000)
    window.close()
    store.close()
