"""One vocabulary: every coded value has its words (a light also its symbol and colour), and
every surface — the window, the workbook, the printed summary, the command line, the charts
and the timeline — shows the same ones for the same value."""

from __future__ import annotations

import inspect
import re
from datetime import date
from enum import StrEnum

import pytest
from click.testing import CliRunner
from matplotlib.colors import to_hex
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from qdplanner.domain import enums
from qdplanner.domain import vocabulary as v
from qdplanner.domain.enums import (
    Accumulation,
    IndicatorLight,
    PlanKind,
    StatusLight,
    TaskStatus,
)

ENUMS = [
    cls
    for _, cls in inspect.getmembers(enums, inspect.isclass)
    if issubclass(cls, StrEnum) and cls.__module__ == enums.__name__
]
LIGHTS = (StatusLight, IndicatorLight)
MEMBERS = [member for enum in ENUMS for member in enum]
LANGS = {"zh_CN": "zh", "en": "en"}  # the window's tag → the vocabulary's
AS_OF = date(2025, 12, 31)
FOREGROUND = Qt.ItemDataRole.ForegroundRole


def member_id(member: StrEnum) -> str:
    return f"{type(member).__name__}.{member.name}"


# -- the vocabulary itself -------------------------------------------------------------------


def test_every_enum_of_the_domain_has_its_words():
    assert set(ENUMS) == set(v.VOCABULARY)
    for enum in ENUMS:
        assert list(v.VOCABULARY[enum]) == list(enum)


@pytest.mark.parametrize("member", MEMBERS, ids=member_id)
def test_every_member_has_a_word_in_both_languages(member):
    for lang in v.LANGS:
        assert v.word(member, lang).strip()
    assert v.word(member, "zh_CN") == v.word(member, "zh")


@pytest.mark.parametrize("enum", LIGHTS)
def test_every_light_has_a_symbol_and_a_colour_of_its_own(enum):
    symbols = [v.symbol(light) for light in enum]
    colours = [v.colour(light) for light in enum]
    assert all(symbols) and len(set(symbols)) == len(enum)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len(set(colours)) == len(enum)


def test_one_order_of_lights_each_best_first():
    assert sorted(v.LIGHT_ORDER) == sorted(StatusLight) and len(v.LIGHT_ORDER) == len(StatusLight)
    assert v.LIGHT_ORDER[0] == StatusLight.DONE and v.LIGHT_ORDER[-2:] == (
        StatusLight.GREY,
        StatusLight.NO_RECORD,  # the past with no record: last, after grey
    )
    assert list(v.INDICATOR_LIGHT_ORDER) == list(IndicatorLight)


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_words_are_distinct_within_an_enum(enum):
    for lang in v.LANGS:
        assert len(set(v.words(enum, lang))) == len(enum)


@pytest.mark.parametrize("member", MEMBERS, ids=member_id)
def test_code_and_both_words_read_back_as_the_member(member):
    enum = type(member)
    zh, en = v.word(member, "zh"), v.word(member, "en")
    for spelling in (member.value, zh, en, f"  {zh} ", en.upper(), en.replace(" ", "  ")):
        assert v.parse(enum, spelling) is member, spelling


def test_earlier_wordings_still_read_back_and_nonsense_does_not():
    assert v.parse(StatusLight, "未开始/长期") is StatusLight.GREY
    assert v.parse(IndicatorLight, "正常") is IndicatorLight.ON_TRACK
    assert v.parse(PlanKind, "其他") is PlanKind.OTHER
    assert v.parse(Accumulation, "年度") is Accumulation.ANNUAL
    assert v.parse(TaskStatus, "区（市）") is None
    assert v.parse(TaskStatus, "") is None


def test_language_tags_and_words_in_a_sentence():
    assert [v.lang_key(t) for t in ("zh", "zh_CN", "zh-CN", "en", "en_US")] == [
        "zh",
        "zh",
        "zh",
        "en",
        "en",
    ]
    with pytest.raises(ValueError):
        v.lang_key("fr")
    assert v.in_sentence(StatusLight.RED, "zh") == "逾期或严重滞后"
    assert v.in_sentence(StatusLight.RED, "en") == "overdue or far behind"
    assert v.symbol_word(StatusLight.GREY, "zh") == "○ 未开始/持续推进"


# -- the window ------------------------------------------------------------------------------


@pytest.fixture(params=list(LANGS))
def window_lang(qapp, request):
    from qdplanner.ui.i18n import install_language

    assert install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


def test_the_windows_labels_are_the_vocabularys_words(window_lang):
    from qdplanner.ui import labels

    for member in MEMBERS:
        assert labels.label(member) == v.word(member, LANGS[window_lang])


def test_the_task_table_and_status_bar_show_the_same_words_and_colours(
    qtbot, small_plan, window_lang
):
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.models.task_table import Col

    store, _ = small_plan
    window = MainWindow(store, language=window_lang)
    qtbot.addWidget(window)
    lang = LANGS[window_lang]
    model = window.plan_view.tasks
    lines = [r for r in range(model.rowCount()) if model.row_at(r) is not None]  # not headers
    assert len(lines) == 3
    for r in lines:
        row = model.row_at(r)
        assert model.index(r, Col.LIGHT).data() == v.symbol_word(row.light, lang)
        assert model.index(r, Col.LIGHT).data(FOREGROUND).color().name() == v.colour(row.light)
        assert model.index(r, Col.STATUS).data() == v.word(row.status, lang)
    window.plan_view._refresh_status_bar()
    shown = window.plan_view.lights_label.text()
    for light in {model.row_at(r).light for r in lines}:
        assert f"{v.word(light, lang)} 1" in shown


# -- the indicator table beside its charts ---------------------------------------------------


@pytest.fixture
def indicators_view(qtbot, sample_plan):
    from qdplanner.ui.commands import EditContext
    from qdplanner.ui.indicators_view import IndicatorsView

    view = IndicatorsView(EditContext(sample_plan))
    qtbot.addWidget(view)
    view.as_of = AS_OF
    view.refresh()
    return view


def test_the_indicator_table_and_the_charts_show_the_same_light(indicators_view):
    from qdplanner.reports.indicator_charts import dashboard_figure, indicator_figure
    from qdplanner.ui.indicators_view import IndCol

    model = indicators_view.model
    rows = model.rows_shown()
    assert {r.light for r in rows} >= {IndicatorLight.ACHIEVED, IndicatorLight.OFF_TRACK}
    frames = {
        a.get_gid(): to_hex(a.get_edgecolor())
        for a in dashboard_figure(rows).artists
        if a.get_gid() and hasattr(a, "get_edgecolor")
    }
    for n, row in enumerate(rows):
        table_colour = model.index(n, IndCol.LIGHT).data(FOREGROUND).color().name()
        assert table_colour == v.colour(row.light)
        assert model.index(n, IndCol.LIGHT).data() == v.symbol_word(row.light, "en")
        assert frames[f"indicator-{row.indicator.id}"] == table_colour
        if row.light in (IndicatorLight.ACHIEVED, IndicatorLight.OFF_TRACK):
            caption = next(
                t
                for t in indicator_figure(row, lang="en").texts
                if t.get_text() == v.symbol_word(row.light, "en")
            )
            assert to_hex(caption.get_color()) == table_colour


def test_the_timeline_paints_with_the_vocabularys_colours():
    from qdplanner.reports.timeline_style import LIGHT_COLOURS

    assert {light: c.name() for light, c in LIGHT_COLOURS.items()} == {
        light: v.colour(light) for light in StatusLight
    }


# -- the workbook ----------------------------------------------------------------------------


def test_the_workbook_shows_the_same_words_in_both_languages(sample_plan, tmp_path):
    from qdplanner.excel.sheet_specs import SHEETS, Kind
    from qdplanner.excel.workbook_export import export_plan

    books = {}
    for tag in LANGS:
        export_plan(sample_plan, tmp_path / f"{tag}.xlsx", lang=tag)
        books[tag] = load_workbook(tmp_path / f"{tag}.xlsx", read_only=True)
    seen: set[type[StrEnum]] = set()
    for spec in SHEETS:
        columns = {
            tag: list(books[tag][spec.title(tag)].iter_rows(values_only=True)) for tag in LANGS
        }
        for index, column in enumerate(spec.columns):
            if column.kind != Kind.ENUM:
                continue
            for zh_row, en_row in zip(columns["zh_CN"][1:], columns["en"][1:], strict=True):
                zh, en = zh_row[index], en_row[index]
                member = v.parse(column.enum, zh)
                assert member is not None, (spec.key, column.key, zh)
                assert (zh, en) == (v.word(member, "zh"), v.word(member, "en"))
                seen.add(column.enum)
    assert {TaskStatus, PlanKind} <= seen


# -- the printed summary ---------------------------------------------------------------------


def _texts(blocks) -> tuple[list[str], dict[str, str | None]]:
    from qdplanner.reports.summary.layout import Paragraph, Table

    paragraphs, cells = [], {}
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    cells.setdefault(cell.text, cell.colour)
    return paragraphs, cells


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_shows_the_same_words_symbols_and_colours(sample_plan, lang):
    from qdplanner.reports.summary.content import ReportOptions, build_report
    from qdplanner.reports.summary.document import report_blocks
    from qdplanner.store.indicators import read_indicators

    options = ReportOptions(
        as_of=AS_OF, period="2025Q4", lang=lang, sections=("overview", "indicators", "tasks")
    )
    paragraphs, cells = _texts(report_blocks(build_report(sample_plan, options)))
    for light in v.lights_to_show({}):  # the "by status" table lists every light (of today)
        assert cells[v.symbol_word(light, lang)] == v.colour(light)
        assert any(v.in_sentence(light, lang) in p for p in paragraphs)
    for row in read_indicators(sample_plan, as_of=AS_OF):
        assert cells[v.symbol_word(row.light, lang)] == v.colour(row.light)


# -- the command line ------------------------------------------------------------------------


def run(*args: str) -> str:
    from qdplanner.cli.commands import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_command_line_shows_the_same_words(sample_plan, lang):
    import json

    from qdplanner.store.indicators import read_indicators
    from qdplanner.store.summary import summarize

    plan = str(sample_plan.path)
    rows = read_indicators(sample_plan, as_of=AS_OF)
    out = run("indicators", plan, "--as-of", AS_OF.isoformat(), "--lang", lang)
    lines = out.splitlines()
    for row in rows:
        line = next(line for line in lines if f"  {row.indicator.code}  " in line)
        assert line.startswith(v.symbol_word(row.light, lang))
    counts = "  ".join(
        f"{v.word(light, lang)} {sum(r.light == light for r in rows)}"
        for light in v.INDICATOR_LIGHT_ORDER
    )
    assert counts in lines
    as_json = json.loads(run("indicators", plan, "--as-of", "2025-12-31", "--json", "--lang", lang))
    assert {d["light_label"] for d in as_json} == {v.word(r.light, lang) for r in rows}

    summary = summarize(sample_plan, as_of=AS_OF)
    status = run("status", plan, "--as-of", AS_OF.isoformat(), "--lang", lang)
    for light in v.lights_to_show({}):
        assert f"{v.symbol_word(light, lang)} {summary.lights.get(light, 0)}" in status
