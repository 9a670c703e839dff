"""Issue 19's "done when": two windows and a command-line import work on one server plan at
once, and no update is lost.

The office's day: a clerk exported the plan to a workbook and edited five tasks' percent in
it; meanwhile two colleagues, each in a window on the server plan, change other tasks; then
the workbook is imported by ``qdplanner import`` in a process of its own while the windows
keep editing. Every edit of the three must be in the plan at the end, each logged by its own
client, and both windows must show the import's values within 2 s.
"""

from __future__ import annotations

import subprocess
import sys

from qdplanner.store import PlanStore
from qdplanner.store.task_rows import read_task_rows
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col
from tests.excel.conftest import SheetEditor, edit, exported


def _window(qtbot, url: str) -> MainWindow:
    window = MainWindow(PlanStore.open(url), language="en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _set(window: MainWindow, task_id: int, column: Col, value) -> None:
    model = window.plan_view.tasks
    assert model.setData(model.index(model.row_of_task(task_id), column), value), (
        window.plan_view.last_refusal
    )


def _shown(window: MainWindow, task_id: int, column: Col):
    model = window.plan_view.tasks
    return model.data(model.index(model.row_of_task(task_id), column))


def test_two_windows_and_a_command_line_import_at_once_lose_no_update(
    server_plan_url, qtbot, tmp_path
):
    url = server_plan_url("sample")
    with PlanStore.open(url) as store:
        tasks = [r for r in read_task_rows(store) if r.percent < 90 and r.status != "done"]
        workbook = exported(store, tmp_path)
    imported, (x, y, z) = tasks[:5], tasks[5:8]
    book, save = edit(workbook)
    sheet = SheetEditor(book["任务"])
    for n, task in enumerate(imported):
        sheet.set(task.id, "完成进度(%)", task.percent + 1 + n)
    save()
    a, b = _window(qtbot, url), _window(qtbot, url)
    try:
        _set(a, x.id, Col.PERCENT, x.percent + 5)  # after the export, before the import
        _set(b, y.id, Col.TITLE, "乙在导入前修改的任务")
        command = subprocess.Popen(
            [sys.executable, "-m", "qdplanner", "import", url, str(workbook), "--lang", "en"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        _set(a, z.id, Col.PERCENT, z.percent + 7)  # while the import runs
        output, _ = command.communicate(timeout=120)
        assert command.returncode == 0, output
        for window in (a, b):  # the import appears in both windows
            qtbot.waitUntil(
                lambda w=window: _shown(w, imported[0].id, Col.PERCENT) == imported[0].percent + 1,
                timeout=2_000,
            )
        with PlanStore.open(url) as store:
            now = {r.id: r for r in read_task_rows(store)}
            clients = store.db.execute(
                "SELECT count(DISTINCT client) FROM change_batches WHERE id > 1"
            ).fetchone()[0]
        wanted = [t.percent + 1 + n for n, t in enumerate(imported)]
        assert [now[t.id].percent for t in imported] == wanted
        assert now[x.id].percent == x.percent + 5  # not reverted by the workbook's old value
        assert now[y.id].title == "乙在导入前修改的任务"
        assert now[z.id].percent == z.percent + 7
        assert clients >= 3  # two windows and the command, each its own client
    finally:
        for window in (a, b):
            store = window.store
            window.close()
            store.close()
