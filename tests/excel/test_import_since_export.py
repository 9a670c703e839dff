"""Three-way imports: changes made in the plan since a workbook's export are not edits.

Export; another editor changes the plan (task A's percent, task B's lead unit, a new task C,
task D removed); the workbook edits tasks E and F; the import keeps A and B (listed as kept,
with who and when), does not remove C nor add D back, and applies E and F. A workbook that
also edits A is an error naming both values and who; an older workbook (no batch) is read as
before, with a warning. The command line's ``--json`` lists what was kept.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.domain.enums import ChangeSource, UnitRole
from qdplanner.excel.workbook_identity import IDENTITY_SHEET
from qdplanner.excel.workbook_import import apply_import, preview_import
from qdplanner.store.changes_after import changes_after
from qdplanner.store.task_roles import Role, set_task_roles, task_roles
from qdplanner.store.task_structure import delete_tasks
from tests.excel.conftest import SheetEditor, edit, exported

TITLE, PERCENT, LEAD, ORDER = "任务名称", "完成进度(%)", "牵头单位", "排序"


def _task(ch, ids, title: str, percent: int = 10) -> int:
    return ch.insert(
        "tasks",
        {"project_id": ids["project"], "title": title, "status": "in_progress",
         "percent": percent, "position": 10},
    )  # fmt: skip


@pytest.fixture
def plan(small_plan):
    """The small plan with tasks A, B (led by the lead unit), D, E and F."""
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "tasks A–F") as ch:
        for name in "ABDEF":
            ids[name] = _task(ch, ids, f"任务{name}")
        ch.insert("task_units", {"task_id": ids["B"], "unit_id": ids["lead"], "role": "lead"})
    return store, ids


def _others_edit(store, ids) -> None:
    """Another editor, after the export: A's percent, B's lead unit, a new C, D removed."""
    with store.action(ChangeSource.TABLE, "percent of A") as ch:
        ch.update("tasks", ids["A"], {"percent": 60})
    with store.action(ChangeSource.FORM, "lead of B") as ch:
        wanted = {ids["support"]: Role(UnitRole.LEAD, 0)}
        set_task_roles(store, ch, ids["B"], wanted)
    with store.action(ChangeSource.FORM, "new C") as ch:
        ids["C"] = _task(ch, ids, "任务C")
    with store.action(ChangeSource.FORM, "remove D") as ch:
        delete_tasks(store, ch, [ids["D"]])


def _user(store) -> str:
    """Who the change log names (the role on a server, with the OS account beside it)."""
    user, os_user = store.db.execute(
        "SELECT user, os_user FROM change_batches ORDER BY id DESC"
    ).fetchone()
    return f"{user} ({os_user})" if os_user and os_user != user else user


def _workbook(store, ids, tmp_path, *, also_a: int | None = None):
    path = exported(store, tmp_path)
    _others_edit(store, ids)
    book, save = edit(path)
    tasks = SheetEditor(book["任务"])
    tasks.set(ids["E"], TITLE, "任务E（改）")
    tasks.set(ids["F"], PERCENT, 80)
    if also_a is not None:
        tasks.set(ids["A"], PERCENT, also_a)
    save()
    return path


def test_export_names_the_plans_batch(plan, tmp_path):
    store, _ = plan
    book, _ = edit(exported(store, tmp_path))
    rows = {r[0]: r[1] for r in book[IDENTITY_SHEET].iter_rows(values_only=True)}
    assert rows["batch"] == store.latest_batch() > 0


def test_the_plans_changes_since_the_export_are_kept_and_the_workbooks_applied(plan, tmp_path):
    store, ids = plan
    path = _workbook(store, ids, tmp_path)
    preview = preview_import(store, path)
    assert preview.errors == [] and preview.warnings == []
    # (removing D renumbered its siblings: their order, too, is the plan's since the export)
    kept = {(k.record_id, k.header or None, k.removed) for k in preview.kept if k.header != ORDER}
    assert kept == {(ids["A"], PERCENT, False), (ids["B"], LEAD, False), (ids["D"], None, True)}
    a = next(k for k in preview.kept if k.record_id == ids["A"] and k.header == PERCENT)
    assert (a.book_text, a.plan_text, a.who) == ("10", "60", _user(store)) and a.when
    assert preview.removed == [] and preview.added == []  # C not removed, D not added back
    changed = {c.record_id: {f.key: f.new for f in c.fields} for c in preview.changed}
    assert changed == {ids["E"]: {"title": "任务E（改）"}, ids["F"]: {"percent": 80}}

    apply_import(store, preview)
    row = lambda t: store.db.execute(  # noqa: E731
        "SELECT title, percent FROM tasks WHERE id = ?", [t]
    ).fetchone()
    assert row(ids["A"])[1] == 60
    assert task_roles(store, ids["B"])[ids["support"]].role == UnitRole.LEAD
    assert row(ids["C"]) is not None and row(ids["D"]) is None
    assert tuple(row(ids["E"])) == ("任务E（改）", 10) and row(ids["F"])[1] == 80
    assert preview_import(store, path).is_empty  # the same workbook again: nothing new


def test_a_field_changed_in_both_is_an_error_naming_both_values_and_who(plan, tmp_path):
    store, ids = plan
    path = _workbook(store, ids, tmp_path, also_a=30)
    preview = preview_import(store, path)
    [error] = preview.errors
    assert (error.sheet, error.column) == ("任务", f"{error.column[0]} ({PERCENT})")
    for text in ("30", "60", "10", _user(store)):
        assert text in error.message
    assert "both" in error.message


def test_a_removed_task_edited_in_the_workbook_is_an_error(plan, tmp_path):
    store, ids = plan
    path = exported(store, tmp_path)
    _others_edit(store, ids)
    book, save = edit(path)
    SheetEditor(book["任务"]).set(ids["D"], TITLE, "还要这个")
    save()
    [error] = preview_import(store, path).errors
    assert "removed this record" in error.message and _user(store) in error.message


def test_a_workbook_without_its_batch_is_read_as_before_with_a_warning(plan, tmp_path):
    store, ids = plan
    path = exported(store, tmp_path)
    _others_edit(store, ids)
    book, save = edit(path)
    sheet = book[IDENTITY_SHEET]
    for row in range(sheet.max_row, 0, -1):
        if sheet.cell(row, 1).value == "batch":
            sheet.delete_rows(row)
    save()
    preview = preview_import(store, path)
    assert [str(w).split(": ", 1)[1] for w in preview.warnings] == [
        "exported by an older version: changes made in the plan since cannot be told from "
        "edits in the workbook"
    ]
    assert preview.kept == []
    assert any(c.record_id == ids["A"] for c in preview.changed)  # two-way, as before
    assert any(r.record_id == ids["C"] for r in preview.removed)


def test_changes_after_reads_the_log_after_a_batch(plan):
    store, ids = plan
    batch = store.latest_batch()
    _others_edit(store, ids)
    since = changes_after(store, batch)
    assert since.field("tasks", ids["A"], "percent").then == "10"
    assert since.field("tasks", ids["B"], "lead_unit").then == str(ids["lead"])
    assert since.added("tasks", ids["C"]) is not None
    assert since.removed("tasks", ids["D"]).values_then()["title"] == "任务D"
    assert changes_after(store, store.latest_batch()).records == {}


def test_import_json_lists_what_was_kept(plan, tmp_path):
    store, ids = plan
    path = _workbook(store, ids, tmp_path)
    who, address = _user(store), str(store.path)
    store.close()  # the command opens the plan itself
    result = CliRunner().invoke(cli, ["import", address, str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["applied"] and data["changed"] == {"tasks": 2} and data["removed"] == {}
    kept = {(k["id"], k["field"]) for k in data["kept"] if k["field"] != ORDER}
    assert kept == {(ids["A"], PERCENT), (ids["B"], LEAD), (ids["D"], None)}
    assert all(k["by"] == who and k["at"] for k in data["kept"])
    result = CliRunner().invoke(cli, ["import", address, str(path), "--dry-run", "--lang", "en"])
    assert "kept" in result.output and "60" in result.output, result.output
