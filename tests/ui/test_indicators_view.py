"""The Indicators tab shows targets against actuals with lights, and filters them."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.store.sample import create_sample_plan
from qdplanner.ui.commands import EditContext
from qdplanner.ui.indicators_view import IndCol, IndicatorsView


@pytest.fixture
def view(qtbot, tmp_path):
    store = create_sample_plan(tmp_path / "s.qdplan")
    ctx = EditContext(store)
    v = IndicatorsView(ctx)
    qtbot.addWidget(v)
    v.as_of = date(2025, 12, 31)
    v.refresh()
    yield v
    store.close()


def cell(view, name, col):
    m = view.model
    for r in range(m.rowCount()):
        if m.index(r, IndCol.NAME).data() == name:
            return m.index(r, col).data()
    raise AssertionError(name)


def test_targets_latest_values_and_lights_read_as_the_sources_say(view):
    assert cell(view, "技术合同成交额", IndCol.TARGET) == ">550亿元"
    assert cell(view, "技术合同成交额", IndCol.LATEST) == "709亿元"
    assert "Achieved" in cell(view, "技术合同成交额", IndCol.LIGHT)
    assert "Achieved" not in cell(view, "人才总量", IndCol.LIGHT)  # 300 is not "more than 300"
    assert cell(view, "高新技术产业产值占规模以上工业产值比重", IndCol.LATEST_YEAR) == "2025H1"


def test_filter_by_light_and_the_rules_are_shown(view):
    view.light.setCurrentIndex(view.light.findData("achieved"))
    names = {view.model.index(r, IndCol.NAME).data() for r in range(view.model.rowCount())}
    assert names == {
        "高新技术产业产值占规模以上工业产值比重",
        "全社会研发投入年均增长",
        "技术合同成交额",
    }
    assert "25%" in view.rules_label.text()


def test_typing_a_yearly_value_records_it_with_its_source_and_undo_removes_it(view):
    grid = view.grid
    grid.source.setText("统计公报")
    m = grid.model
    row = next(r for r in range(m.rowCount()) if m.index(r, 0).data().startswith("研发投入强度"))
    col = 1 + m.years.index(2024)
    assert m.setData(m.index(row, col), "3.05")
    stored = view.ctx.store.db.execute(
        "SELECT v.value, v.source FROM indicator_values v JOIN indicators i ON i.id = "
        "v.indicator_id WHERE i.name = '研发投入强度' AND v.year = 2024"
    ).fetchone()
    assert stored == (3.05, "统计公报")
    assert m.index(row, col).data() == "3.05"
    view.ctx.undo_stack.undo()
    assert m.index(row, col).data() == ""


def test_a_share_above_100_is_refused_by_the_store(view):
    refused = []
    view.grid.model.edit_refused.connect(refused.append)
    m = view.grid.model
    row = next(
        r
        for r in range(m.rowCount())
        if m.index(r, 0).data().startswith("国家重点实验室数量占全省比重")
    )
    assert not m.setData(m.index(row, 1 + m.years.index(2024)), "130")
    assert refused


def test_charts_tab_draws_the_chosen_indicator_then_the_dashboard_and_exports(view, tmp_path):
    m = view.model
    row = next(r for r in range(m.rowCount()) if m.index(r, IndCol.NAME).data() == "技术合同成交额")
    view._chart_of(m.index(row, IndCol.NAME))
    assert view.inner.currentWidget() is view.charts
    assert view.charts.current.indicator.name == "技术合同成交额"
    assert view.charts.canvas is not None
    view.charts.show_dashboard()
    assert view.charts.current is None
    view.charts.save(str(tmp_path / "dashboard.svg"))
    svg = (tmp_path / "dashboard.svg").read_text(encoding="utf-8")
    assert "技术合同成交额" in svg or "技术合同" in svg
    messages = []
    view.charts.show_message = messages.append
    view.charts.save(str(tmp_path / "chart.jpg"))
    assert messages and ".png or .svg" in messages[0]


def test_baseline_direction_and_a_program_scope(view):
    assert cell(view, "高新技术产业产值占规模以上工业产值比重", IndCol.BASELINE).startswith(
        "61.77%"
    )
    assert cell(view, "全球创新指数（WIPO）青岛排名", IndCol.DIRECTION) == "Lower is better"
    scope = next(
        i for i in range(view.scope.count()) if view.scope.itemText(i) == "战略科技力量起势工程"
    )
    view.scope.setCurrentIndex(scope)
    names = {view.model.index(r, IndCol.NAME).data() for r in range(view.model.rowCount())}
    assert names == {"国家重点实验室数量占全省比重"}
