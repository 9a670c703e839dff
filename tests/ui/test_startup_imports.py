"""Start-up: no heavy library is imported before the first window is up (issue 8).

matplotlib, openpyxl, python_calamine and lxml are needed only for charts, Excel and reports;
importing any of them on the way to the window costs a visible fraction of a second. numpy
(matplotlib's, and an optional import of sqlite_utils) is kept out too. Run in a fresh
interpreter, since this test session has long imported all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ["matplotlib", "openpyxl", "python_calamine", "lxml", "numpy", "defusedxml", "PIL"]

SCRIPT = """
import json, sys
import qdplanner.cli  # what the qdplanner command imports before it opens the window
from qdplanner.store.sample import create_sample_plan
from qdplanner.ui.app import Controller, ensure_application

plan = sys.argv[1]
create_sample_plan(plan).close()
app = ensure_application()
controller = Controller(app, "zh_CN")
assert controller.open_plan(plan)
app.processEvents()
assert controller.window.isVisible()
print(json.dumps(sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)))
controller.shutdown()
"""


def test_no_heavy_import_before_the_window_shows(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "s.qdplan"), json.dumps(HEAVY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == [], f"imported before the window was shown: {loaded}"
