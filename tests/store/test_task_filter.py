"""Filtering task rows by text, unit, light and due-date range."""

from __future__ import annotations

from datetime import date

from qdplanner.domain.enums import StatusLight
from qdplanner.store.task_filter import TaskFilter, filter_rows
from qdplanner.store.task_rows import read_task_rows

AS_OF = date(2023, 3, 1)


def titles(rows):
    return [r.title for r in rows]


def test_empty_filter_keeps_every_row(small_plan):
    store, _ = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    assert filter_rows(rows, TaskFilter()) == rows


def test_text_matches_chinese_substrings_of_title_and_notes(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        ch.update("tasks", ids["ongoing"], {"notes": "需协调海洋发展局"})
    rows = read_task_rows(store, as_of=AS_OF)
    assert titles(filter_rows(rows, TaskFilter(text="逾期"))) == ["逾期任务"]
    assert titles(filter_rows(rows, TaskFilter(text="海洋"))) == ["长期任务"]
    assert titles(filter_rows(rows, TaskFilter(text="任务"))) == ["长期任务", "逾期任务", "子任务"]


def test_unit_matches_lead_or_supporting_by_full_or_short_name(small_plan):
    store, _ = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    assert titles(filter_rows(rows, TaskFilter(unit="市科技局"))) == ["逾期任务"]
    assert titles(filter_rows(rows, TaskFilter(unit="青岛市科学技术局"))) == ["逾期任务"]
    assert titles(filter_rows(rows, TaskFilter(unit="市财政局"))) == ["逾期任务"]  # supporting
    assert filter_rows(rows, TaskFilter(unit="市教育局")) == []


def test_light_and_due_range(small_plan):
    store, _ = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    red = TaskFilter(lights=frozenset([StatusLight.RED]))
    assert titles(filter_rows(rows, red)) == ["逾期任务"]
    in_2024 = TaskFilter(due_from=date(2024, 1, 1), due_to=date(2024, 12, 31))
    assert titles(filter_rows(rows, in_2024)) == ["子任务"]  # no due date never matches a range


def test_full_width_and_case_are_folded(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        ch.update("tasks", ids["ongoing"], {"title": "建设ＡＩ国际客厅"})
    rows = read_task_rows(store, as_of=AS_OF)
    assert titles(filter_rows(rows, TaskFilter(text="ai"))) == ["建设ＡＩ国际客厅"]


# -- the folded search text, made for all rows at once -----------------------------------
TRICKY = [
    "",
    "  ",
    "推进科技创新（一期），建设ＡＩ国际客厅",
    "\u3000全角空格开头\u3000",  # ideographic spaces: NFKC makes them plain, then stripped
    "Straße ǅ ﬁ Ⅻ ㎏ ①",  # case folding that grows, compatibility forms
    "Cafe\u0301 e\u0301\u0327",  # combining accents: composed and reordered by NFKC
    "\u1100\u1161\u11a8 한국",  # Hangul jamo that compose
    "带\x00空字符",  # a NUL inside a text
    "……“引号”—破折号—～",
    "ＡＢＣ１２３",
]


def test_fold_all_gives_what_fold_gives():
    from qdplanner.domain.text import fold
    from qdplanner.store.task_filter import fold_all

    assert fold_all([]) == []
    assert fold_all(TRICKY) == [fold(t) for t in TRICKY]
    for text in TRICKY:  # each on its own too, and beside plain Chinese text
        assert fold_all([text]) == [fold(text)]
        assert fold_all(["推进", text, "科技"]) == [fold("推进"), fold(text), fold("科技")]


def test_fold_all_falls_back_with_many_odd_characters():
    from qdplanner.domain.text import fold
    from qdplanner.store.task_filter import fold_all

    texts = [
        "".join(chr(0xFF21 + i) for i in range(26)) + "".join(chr(0x2460 + i) for i in range(50))
    ]
    assert fold_all(texts) == [fold(t) for t in texts]


def test_case_folding_neither_makes_nor_unmakes_white_space():
    # fold_all case-folds before stripping, fold() after: the same only while this holds
    for code in range(0x30000):
        char = chr(code)
        folded = char.casefold()
        if char.isspace():
            assert folded.isspace(), hex(code)
        else:
            assert folded.strip() == folded, hex(code)


def test_prepared_search_text_filters_as_a_fresh_read(small_plan):
    from qdplanner.store.task_filter import prepare_search

    store, ids = small_plan
    with store.action("form") as ch:
        ch.update("tasks", ids["ongoing"], {"title": "建设ＡＩ国际客厅", "notes": "Café（一期）"})
    fresh = read_task_rows(store, as_of=AS_OF)
    prepared = read_task_rows(store, as_of=AS_OF)
    prepare_search(prepared)
    assert all(r.search_text is not None for r in prepared)
    for text in ("ai", "ＡＩ", "café", "(一期)", "任务", "客厅", "无此文字"):
        wanted = titles(filter_rows(fresh, TaskFilter(text=text)))
        assert titles(filter_rows(prepared, TaskFilter(text=text))) == wanted


def test_fold_all_finds_odd_characters_beyond_the_sample_it_looks_at_first():
    from qdplanner.domain.text import fold
    from qdplanner.store.task_filter import fold_all

    texts = ["推进科技创新（一期）" * 100] * 40 + ["建设ＡＩ国际客厅", "Cafe\u0301 ①"]
    assert fold_all(texts) == [fold(t) for t in texts]
    assert fold_all(texts)[-2] == "建设ai国际客厅"
