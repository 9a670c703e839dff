"""The sample plan holds every fact and figure of PRODUCT.md, with fill-ins marked 示例."""

from __future__ import annotations

import pytest

from qdplanner.store import PlanStore
from qdplanner.store.sample import create_sample_plan


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = create_sample_plan(tmp_path_factory.mktemp("sample") / "sample.qdplan")
    yield store
    store.close()


def one(store: PlanStore, sql: str, params=()):
    return store.db.execute(sql, list(params)).fetchone()


def indicator(store: PlanStore, name_part: str) -> dict:
    """The one indicator whose name is, or else contains, ``name_part``."""
    rows = list(store.db.query("SELECT * FROM indicators WHERE name = ?", [name_part])) or list(
        store.db.query("SELECT * FROM indicators WHERE name LIKE ?", [f"%{name_part}%"])
    )
    assert len(rows) == 1, (name_part, [r["name"] for r in rows])
    return rows[0]


def values(store: PlanStore, indicator_id: int) -> dict:
    return {
        (r["year"], r["period"]): r
        for r in store.db.query(
            "SELECT * FROM indicator_values WHERE indicator_id = ?", [indicator_id]
        )
    }


def test_two_plan_documents_with_seven_programs_and_eight_projects(sample):
    docs = {r["kind"]: r for r in sample.db.query("SELECT * FROM plan_documents")}
    five, action = docs["five_year_plan"], docs["action_plan"]
    assert (five["start_year"], five["end_year"]) == (2022, 2026)
    assert (action["start_year"], action["end_year"]) == (2022, 2024)
    programs = [
        r["name"]
        for r in sample.db.query(
            "SELECT name FROM programs WHERE plan_document_id = ? ORDER BY position", [five["id"]]
        )
    ]
    projects = [
        r["name"]
        for r in sample.db.query(
            "SELECT name FROM projects WHERE plan_document_id = ? ORDER BY position", [action["id"]]
        )
    ]
    assert programs == [
        "创新策源能力提升计划",
        "企业创新能力提升计划",
        "产业创新能级提升计划",
        "科技惠民提升计划",
        "国际科技合作提升计划",
        "高端创新人才提升计划",
        "科技服务能力提升计划",
    ]
    assert projects == [
        "战略科技力量起势工程",
        "新兴产业创新工程",
        "未来产业培育工程",
        "科技园区提升工程",
        "开放合作深耕工程",
        "成果转化促进工程",
        "人才强青蓄能工程",
        "创新生态优化工程",
    ]


def test_every_program_and_project_has_tasks(sample):
    empty = one(
        sample,
        """SELECT count(*) FROM (
        SELECT p.id FROM programs p LEFT JOIN tasks t ON t.program_id = p.id GROUP BY p.id
        HAVING count(t.id) = 0 UNION ALL
        SELECT p.id FROM projects p LEFT JOIN tasks t ON t.project_id = p.id GROUP BY p.id
        HAVING count(t.id) = 0)""",
    )[0]
    assert empty == 0
    assert one(sample, "SELECT count(*) FROM tasks")[0] >= 45
    assert one(sample, "SELECT count(*) FROM tasks WHERE parent_id IS NOT NULL")[0] > 0


@pytest.mark.parametrize(
    ("name", "target", "comparator", "year"),
    [
        ("国家制造业创新中心", 2, "ge", 2026),
        ("国家企业技术中心", 55, "ge", 2026),
        ("国家高新技术企业", 10000, "gt", 2026),
        ("高新技术产业产值", 65, "ge", 2026),
        ("研发投入年均增长", 10, "ge", 2026),
        ("研发投入强度", 3.2, "ge", 2026),
        ("高价值发明专利", 20, "ge", 2026),
        ("私募基金", 2600, "gt", 2026),
        ("技术合同成交额", 550, "gt", 2026),
        ("人才总量", 300, "gt", 2026),
        ("高新区综合排名", 10, "top_n", 2026),
        ("国家重点实验室数量占全省比重", 50, "share_ge", 2024),
        ("研发机构覆盖率", 100, "ge", 2024),
        ("市级科技创新产业园", 10, "about", 2024),
        ("标杆孵化器", 10, "about", 2024),
        ("输出和吸纳技术合同成交额", 1200, "ge", 2024),
        ("本地转化科技成果", 2000, "gt", 2024),
    ],
)
def test_targets_of_product_md_are_indicators(sample, name, target, comparator, year):
    ind = indicator(sample, name)
    assert ind["target_value"] == target
    assert ind["comparator"] == comparator
    assert ind["target_year"] == year


def test_rank_indicators_are_lower_is_better(sample):
    assert indicator(sample, "高新区综合排名")["direction"] == "lower"
    gii = indicator(sample, "全球创新指数")
    assert gii["direction"] == "lower"
    assert {k[0]: v["value"] for k, v in values(sample, gii["id"]).items()} == {2020: 69, 2025: 34}
    manufacturing = indicator(sample, "先进制造业百强市")
    assert {k[0]: v["value"] for k, v in values(sample, manufacturing["id"]).items()} == {
        2020: 11,
        2024: 6,
    }


@pytest.mark.parametrize(
    ("name", "year", "period", "value"),
    [
        ("科技型中小企业", 2025, "", 9776),
        ("国家高新技术企业", 2025, "", 8683),
        ("技术合同成交额", 2024, "", 709),
        ("人才总量", 2025, "", 300),
        ("全国重点实验室数量", 2025, "", 16),
        ("省重点实验室", 2025, "", 86),
        ("市重点实验室", 2025, "", 297),
        ("高新技术产业产值", 2020, "", 61.77),
        ("高新技术产业产值", 2025, "2025H1", 68.52),
        ("研发投入年均增长", 2025, "", 11.6),
        ("单项冠军", 2025, "", 45),
        ("小巨人", 2025, "", 256),
        ("独角兽", 2025, "", 19),
        ("技术经纪人", 2025, "", 2400),
    ],
)
def test_reported_results_of_2025_12_04_are_values_with_source_and_date(
    sample, name, year, period, value
):
    ind = indicator(sample, name)
    row = values(sample, ind["id"])[(year, period)]
    assert row["value"] == pytest.approx(value)
    assert row["kind"] == "actual"
    assert row["source"]  # every figure names where it came from
    if year >= 2024:
        assert row["source_date"] == "2025-12-04"


def test_little_giants_inconsistency_is_kept_visible(sample):
    ind = indicator(sample, "小巨人")
    assert ind["baseline_value"] is None  # neither ratio silently chosen
    assert "5.4" in ind["baseline_text"] and "3.4" in ind["baseline_text"]
    note = values(sample, ind["id"])[(2025, "")]["notes"]
    assert "5.4" in note and "3.4" in note


def test_key_lab_share_is_kept_as_44_percent_of_the_province(sample):
    ind = indicator(sample, "国家重点实验室数量占全省比重")
    assert values(sample, ind["id"])[(2025, "")]["value"] == 44


def test_fill_ins_are_marked_illustrative(sample):
    assert one(sample, "SELECT count(*) FROM task_units WHERE is_illustrative = 0")[0] == 0
    assert one(sample, "SELECT count(*) FROM tasks WHERE is_illustrative = 0")[0] == 0
    assert one(sample, "SELECT count(*) FROM progress_reports WHERE is_illustrative = 0")[0] == 0


def test_every_task_has_one_lead_unit_and_a_readable_deadline(sample):
    assert (
        one(
            sample,
            """SELECT count(*) FROM tasks t WHERE NOT EXISTS (
        SELECT 1 FROM task_units u WHERE u.task_id = t.id AND u.role = 'lead')""",
        )[0]
        == 0
    )
    assert one(sample, "SELECT count(*) FROM tasks WHERE deadline_text = ''")[0] == 0


def test_milestones_for_the_2024_targets(sample):
    rows = list(sample.db.query("SELECT * FROM milestones WHERE planned_date = '2024-12-31'"))
    assert len(rows) >= 6
    lab = [r for r in rows if "50%" in r["title"]]
    assert lab and lab[0]["actual_date"] is None  # 44 % < 50 %: not reached


def test_unit_aliases_resolve_short_names(sample):
    row = one(
        sample,
        """SELECT u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id
                         WHERE a.alias = '市科技局'""",
    )
    assert row == ("青岛市科学技术局",)


def test_sample_creation_is_logged_as_one_action(sample):
    batches = list(sample.db.query("SELECT * FROM change_batches"))
    assert len(batches) == 1 and batches[0]["source"] == "sample"
