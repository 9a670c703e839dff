"""Unit names as offices write them: one body, many forms; similar is asked, never merged."""

from __future__ import annotations

import pytest

from qdplanner.domain.unit_names import (
    AmbiguousUnit,
    UnitEntry,
    UnitForms,
    UnitResolver,
    name_key,
)
from qdplanner.paths import db_dir

FORMS = UnitForms.parse((db_dir() / "unit_forms.tsv").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "forms",
    [
        ("青岛市科学技术局", "市科技局", "科技局", "市 科学技术局"),
        ("青岛市工业和信息化局", "市工业和信息化局", "市工信局"),
        ("青岛市发展和改革委员会", "市发展改革委", "市发改委", "市发展和改革委员会"),
        ("青岛市人力资源和社会保障局", "市人力资源社会保障局", "市人社局"),
        ("青岛高新区管理委员会", "青岛高新区管委会"),
        ("中国科学院海洋研究所", "中科院海洋所"),
        ("青岛市市场监督管理局", "市市场监管局", "市场监督管理局"),
        ("青岛市人民政府", "市政府"),
    ],
)
def test_the_written_forms_of_one_body_reach_one_standard_form(forms):
    assert len({FORMS.standard(f) for f in forms}) == 1, [FORMS.standard(f) for f in forms]


def test_different_bodies_stay_different():
    names = [
        "青岛市科学技术局",
        "青岛市科学技术协会",
        "市北区",
        "市南区",
        "青岛大学",
        "青岛市财政局",
    ]
    assert len({FORMS.standard(n) for n in names}) == len(names)


def resolver(*units: UnitEntry) -> UnitResolver:
    return UnitResolver(list(units), FORMS)


def test_a_name_is_found_as_written_first_then_by_its_standard_form():
    miit = UnitEntry(1, "青岛市工业和信息化局", "市工信局")
    r = resolver(miit, UnitEntry(2, "青岛市财政局"))
    assert r.match("市工信局").how == "short"
    assert r.match(" 市 工信局 ").unit is miit  # blanks anywhere are ignored
    found = r.match("市工业和信息化局")
    assert found.unit is miit and found.how == "standard"
    assert r.match("市教育局") is None


def test_two_units_with_one_standard_form_are_an_ambiguity_named():
    r = resolver(
        UnitEntry(1, "青岛市科学技术局"), UnitEntry(2, "市科学技术局（旧）", aliases=("科技局",))
    )
    with pytest.raises(AmbiguousUnit) as many:
        r.match("市科学技术局")
    assert many.value.names == ["市科学技术局（旧）", "青岛市科学技术局"]


def test_similar_names_are_offered_not_taken():
    r = resolver(UnitEntry(1, "青岛市财政局"), UnitEntry(2, "青岛市科学技术局"))
    assert r.match("市财政") is None
    assert [u.name for u in r.similar("市财政")] == ["青岛市财政局"]
    assert r.similar("崂山实验室") == []


def test_a_filter_finds_units_by_part_of_any_form():
    r = resolver(UnitEntry(1, "青岛市科学技术局"), UnitEntry(2, "青岛市财政局", "市财政局"))
    assert [u.key for u in r.matching("市科技")] == [1]
    assert [u.key for u in r.matching("财政")] == [2]
    assert len(r.matching("")) == 2


def test_an_office_adds_its_own_forms():
    forms = UnitForms.parse(
        "prefix\t烟台市\nform\t科学技术局\t科技局\n", [["form", "科创委", "科技局"]]
    )
    assert forms.standard("烟台市科学技术局") == forms.standard("科创委") == name_key("科技局")
