"""A text holding U+0000 (NUL) is refused by the store on both engines, in words, and nothing
is written (issue 19): PostgreSQL's text type cannot hold NUL at all, and a plan file is held
to what its copy on a server could keep. The entry points (a typed cell, an import's preview)
already refuse every control character; the store's own check is the last line, so no path
reaches the server's "cannot contain NUL (0x00) bytes"."""

from __future__ import annotations

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import ValidationError
from qdplanner.store.task_input import TaskColumn, parse_cell


def _counts(store) -> tuple[int, int]:
    return (
        store.db.execute("SELECT count(*) FROM tasks").fetchone()[0],
        store.db.execute("SELECT count(*) FROM change_batches").fetchone()[0],
    )


def test_an_update_holding_a_nul_is_refused_naming_it_and_writes_nothing(small_plan):
    store, ids = small_plan
    before = _counts(store)
    with (
        pytest.raises(ValidationError, match=r"control character U\+0000 \(character 3\)") as no,
        store.action(ChangeSource.COMMAND, "nul") as ch,
    ):
        ch.update("tasks", ids["late"], {"notes": "备注", "title": "逾期\x00任务"})
    assert no.value.field == "title"
    assert (
        store.db.execute("SELECT title FROM tasks WHERE id = ?", [ids["late"]]).fetchone()[0]
        == "逾期任务"
    )
    assert _counts(store) == before


def test_an_insert_holding_a_nul_is_refused_and_writes_nothing(small_plan):
    store, ids = small_plan
    before = _counts(store)
    with (
        pytest.raises(ValidationError, match=r"U\+0000"),
        store.action(ChangeSource.COMMAND, "nul") as ch,
    ):
        ch.insert("tasks", {"project_id": ids["project"], "title": "\x00", "position": 9})
    assert _counts(store) == before


def test_a_typed_nul_is_refused_before_the_store(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match=r"U\+0000"):
        parse_cell(store, ids["late"], TaskColumn.NOTES, "a\x00b")


def test_other_control_characters_an_older_plan_holds_are_still_written(small_plan):
    """Only NUL is the store's to refuse; an older plan's U+0001 stays readable and
    exportable (tests/excel/test_cell_writer.py), on both engines."""
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "old") as ch:
        ch.update("tasks", ids["late"], {"notes": "a\x01b"})
    assert (
        store.db.execute("SELECT notes FROM tasks WHERE id = ?", [ids["late"]]).fetchone()[0]
        == "a\x01b"
    )
