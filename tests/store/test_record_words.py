"""A message that names a kind of record says it as a word of the user's language ("计划 #99
不存在"), never as a table name ("programs #99")."""

from __future__ import annotations

import pytest

from qdplanner.catalogue import catalogue
from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import NotFoundError
from qdplanner.store.indicators import set_indicator_value
from qdplanner.store.outline_edits import current_name


def test_a_missing_program_is_named_as_a_program_in_both_languages(small_plan):
    store, _ids = small_plan
    with pytest.raises(NotFoundError) as missing:
        current_name(store, "programs", 99)
    assert missing.value.text() == "program #99 does not exist"
    assert missing.value.text(catalogue("zh").message) == "计划 #99 不存在"


def test_a_missing_indicator_is_said_in_chinese_too(small_plan):
    store, _ids = small_plan
    with (
        pytest.raises(NotFoundError) as missing,
        store.action(ChangeSource.COMMAND, "value") as changes,
    ):
        set_indicator_value(store, changes, 999, 2025, 10)
    assert missing.value.text(catalogue("zh").message) == "指标 #999 不存在"
