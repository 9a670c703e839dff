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
