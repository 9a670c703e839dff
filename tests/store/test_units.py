"""Units: counts in one query, validated renames and aliases, guarded delete, merge/unmerge."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.enums import UnitKind
from qdplanner.errors import ValidationError
from qdplanner.store.sample import create_sample_plan
from qdplanner.store.task_edits import task_units
from qdplanner.store.unit_directory import resolve_unit
from qdplanner.store.units import (
    add_unit,
    check_deletable,
    delete_unit,
    merge_units,
    read_unit_rows,
    restore_unit,
    set_aliases,
    tasks_moving,
    unit_aliases,
    unmerge,
    update_unit,
)

TABLES = ["units", "unit_aliases", "task_units", "progress_reports", "collections"]


def dump(store) -> dict[str, list[tuple]]:
    """Every row of the tables a unit edit can touch, in a stable order."""
    return {t: sorted(store.db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def write(store, edit, *args, **values):
    """Run one store edit as its own action."""
    with store.action("table") as ch:
        return edit(store, ch, *args, **values)


def by_name(store, as_of=None):
    return {r.name: r for r in read_unit_rows(store, as_of)}


@pytest.fixture
def sample(tmp_path):
    store = create_sample_plan(tmp_path / "sample.qdplan")
    yield store
    store.close()


# -- reading ------------------------------------------------------------------------------
def test_counts_on_the_small_plan(small_plan):
    store, _ids = small_plan
    units = by_name(store, date(2025, 1, 1))
    lead = units["青岛市科学技术局"]
    assert (lead.lead_count, lead.support_count, lead.overdue_count) == (1, 0, 1)
    assert lead.short_name == "市科技局" and lead.kind == UnitKind.DEPARTMENT
    support = units["市财政局"]
    assert (support.lead_count, support.support_count, support.overdue_count) == (0, 1, 0)


def test_a_task_is_not_overdue_before_its_due_date_or_once_done(small_plan):
    store, ids = small_plan
    assert by_name(store, date(2022, 6, 1))["青岛市科学技术局"].overdue_count == 0
    with store.action("form") as ch:
        ch.update("tasks", ids["late"], {"status": "done", "percent": 100})
    assert by_name(store, date(2025, 1, 1))["青岛市科学技术局"].overdue_count == 0


def test_counts_on_the_sample_plan_match_the_task_units(sample):
    rows = read_unit_rows(sample, date(2025, 12, 31))
    assert len(rows) == sample.db["units"].count
    assert (
        sum(r.lead_count for r in rows)
        == sample.db.execute("SELECT count(*) FROM task_units WHERE role = 'lead'").fetchone()[0]
    )
    assert (
        sum(r.support_count for r in rows)
        == sample.db.execute("SELECT count(*) FROM task_units WHERE role = 'support'").fetchone()[0]
    )
    overdue = sample.db.execute(
        """SELECT count(*) FROM tasks t JOIN task_units tu ON tu.task_id = t.id
           WHERE tu.role = 'lead' AND t.due_date < '2025-12-31'
           AND t.status NOT IN ('done', 'cancelled', 'suspended')"""
    ).fetchone()[0]
    assert sum(r.overdue_count for r in rows) == overdue > 0
    sti = by_name(sample)["青岛市科学技术局"]
    assert "青岛市科技局" in sti.aliases and sti.lead_count > 10


# -- rename and aliases ---------------------------------------------------------------------
def test_rename_is_logged_and_found_by_the_new_name(small_plan):
    store, ids = small_plan
    with store.action("table") as ch:
        assert update_unit(store, ch, ids["lead"], {"name": " 青岛市科技创新局 "}) == {
            "name": ("青岛市科学技术局", "青岛市科技创新局")
        }
    assert resolve_unit(store, "青岛市科技创新局") == ids["lead"]
    logged = store.db.execute(
        "SELECT old_value, new_value FROM change_log WHERE entity = 'units' AND field = 'name'"
    ).fetchall()
    assert logged == [("青岛市科学技术局", "青岛市科技创新局")]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"name": "  "}, "must not be empty"),
        ({"name": "市财政局"}, "“市财政局” is already the name of 市财政局"),
        ({"short_name": "市财政局"}, "already the name of 市财政局"),
        ({"kind": "ministry"}, "not a kind of unit"),
    ],
)
def test_update_refuses_empty_clashing_or_unknown_values(small_plan, values, message):
    store, ids = small_plan
    with pytest.raises(ValidationError, match=message), store.action("table") as ch:
        update_unit(store, ch, ids["lead"], values)


def test_a_name_may_not_be_another_units_alias(small_plan):
    store, ids = small_plan
    with store.action("table") as ch:
        set_aliases(store, ch, ids["support"], ["青岛市财政局"])
    with pytest.raises(ValidationError, match="already an alias of 市财政局"):
        write(store, add_unit, "青岛市财政局")


def test_set_aliases_keeps_rows_drops_blanks_and_refuses_a_clash(small_plan):
    store, ids = small_plan
    with store.action("table") as ch:
        assert set_aliases(store, ch, ids["lead"], ["市科技局", "", "青岛市科技局", "市科技局"])
    first = store.db.execute("SELECT id, alias FROM unit_aliases ORDER BY id").fetchall()
    with store.action("table") as ch:
        assert set_aliases(store, ch, ids["lead"], ["市科技局", "科技局"])
    assert unit_aliases(store, ids["lead"]) == ["市科技局", "科技局"]
    kept = store.db.execute("SELECT id FROM unit_aliases WHERE alias = '市科技局'").fetchone()
    assert kept[0] == first[0][0]
    with store.action("table") as ch:
        assert not set_aliases(store, ch, ids["lead"], ["市科技局", "科技局"])
    with pytest.raises(ValidationError, match="“科技局” is already an alias of 青岛市科学技术局"):
        write(store, set_aliases, ids["support"], ["市财政", "科技局"])
    with pytest.raises(ValidationError, match="“市科技局” is already the short name of 青岛"):
        write(store, set_aliases, ids["support"], ["市科技局"])
    assert unit_aliases(store, ids["support"]) == []  # nothing half-saved


# -- add and delete -------------------------------------------------------------------------
def test_delete_is_refused_while_a_task_uses_the_unit(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="still used by 1 task"):
        check_deletable(store, ids["lead"])
    with pytest.raises(ValidationError, match="merge it into another unit"):
        write(store, delete_unit, ids["lead"])
    assert store.db["units"].count == 2


def test_add_delete_and_restore_keep_id_and_aliases(small_plan):
    store, _ids = small_plan
    with store.action("table") as ch:
        new = add_unit(store, ch, "青岛市统计局", short_name="市统计局", kind="department")
        set_aliases(store, ch, new, ["统计局"])
    before = dump(store)
    with store.action("table") as ch:
        snapshot = delete_unit(store, ch, new)
    assert resolve_unit(store, "统计局") is None
    with store.action("table") as ch:
        restore_unit(ch, snapshot)
    assert dump(store) == before


# -- merge ---------------------------------------------------------------------------------
@pytest.fixture
def reorganised(small_plan):
    """Three units on the overdue task: 科技局 leads, 财政局 supports; 工信局 leads another."""
    store, ids = small_plan
    with store.action("command") as ch:
        ids["miit"] = add_unit(store, ch, "青岛市工业和信息化局", short_name="市工信局")
        set_aliases(store, ch, ids["miit"], ["市工业和信息化局"])
        ch.insert(
            "task_units",
            {"task_id": ids["ongoing"], "unit_id": ids["miit"], "role": "lead", "position": 0},
        )
        ch.insert(
            "task_units",
            {"task_id": ids["late"], "unit_id": ids["miit"], "role": "support", "position": 2},
        )
        ids["report"] = ch.insert(
            "progress_reports",
            {
                "task_id": ids["ongoing"],
                "period": "2024Q3",
                "status": "in_progress",
                "percent": 30,
                "reporting_unit_id": ids["miit"],
            },
        )
        for unit, period in ((ids["miit"], "2024Q3"), (ids["miit"], "2024Q4")):
            ch.insert(
                "collections",
                {"period": period, "unit_id": unit, "issued_at": "2024-10-01T00:00:00+00:00"},
            )
        ch.insert(
            "collections",
            {"period": "2024Q4", "unit_id": ids["support"], "issued_at": "2025-01-01T00:00:00"},
        )
    return store, ids


def test_merge_moves_tasks_reports_collections_and_names(reorganised):
    store, ids = reorganised
    assert tasks_moving(store, ids["miit"]) == 2
    with store.action("table", "merge") as ch:
        merge_units(store, ch, ids["support"], ids["miit"])
    assert not store.db.execute("SELECT 1 FROM units WHERE id = ?", [ids["miit"]]).fetchone()
    # the task 财政局 supported and 工信局 also supported: one support row, no duplicate
    assert task_units(store, ids["late"]) == (ids["lead"], [ids["support"]])
    # the task 工信局 led passes to 财政局 as lead
    assert task_units(store, ids["ongoing"]) == (ids["support"], [])
    assert store.db["progress_reports"].get(ids["report"])["reporting_unit_id"] == ids["support"]
    periods = store.db.execute(
        "SELECT period FROM collections WHERE unit_id = ? ORDER BY period", [ids["support"]]
    ).fetchall()
    assert periods == [("2024Q3",), ("2024Q4",)]  # its own 2024Q4 round wins
    for old_name in ("青岛市工业和信息化局", "市工信局", "市工业和信息化局"):
        assert resolve_unit(store, old_name) == ids["support"]


def test_merge_keeps_the_stronger_role_and_never_two_leads(reorganised):
    store, ids = reorganised
    # 工信局 supports the overdue task that 科技局 leads: merging 科技局 into 工信局
    with store.action("table") as ch:
        merge_units(store, ch, ids["miit"], ids["lead"])
    assert task_units(store, ids["late"]) == (ids["miit"], [ids["support"]])
    leads = store.db.execute(
        "SELECT task_id, count(*) FROM task_units WHERE role = 'lead' GROUP BY task_id"
    ).fetchall()
    assert all(n == 1 for _task, n in leads)
    assert task_units(store, ids["ongoing"]) == (ids["miit"], [])


def test_merging_a_supporter_into_the_lead_leaves_the_lead(reorganised):
    store, ids = reorganised
    with store.action("table") as ch:
        merge_units(store, ch, ids["lead"], ids["support"])
    assert task_units(store, ids["late"]) == (ids["lead"], [ids["miit"]])


def test_unmerge_restores_every_row_exactly(reorganised):
    store, ids = reorganised
    for keep, gone in ((ids["support"], ids["miit"]), (ids["miit"], ids["lead"])):
        before = dump(store)
        with store.action("table") as ch:
            snapshot = merge_units(store, ch, keep, gone)
        assert dump(store) != before
        with store.action("table") as ch:
            unmerge(store, ch, snapshot)
        assert dump(store) == before


def test_merge_on_the_sample_plan_and_back(sample):
    units = by_name(sample)
    keep, gone = units["青岛市科学技术局"], units["青岛市工业和信息化局"]
    before = dump(sample)
    with sample.action("table") as ch:
        snapshot = merge_units(sample, ch, keep.id, gone.id)
    after = by_name(sample)
    assert "青岛市工业和信息化局" not in after
    assert after["青岛市科学技术局"].lead_count == keep.lead_count + gone.lead_count
    assert resolve_unit(sample, "市工信局") == keep.id
    with sample.action("table") as ch:
        unmerge(sample, ch, snapshot)
    assert dump(sample) == before


def test_a_unit_cannot_be_merged_into_itself(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="into itself"), store.action("table") as ch:
        merge_units(store, ch, ids["lead"], ids["lead"])


def test_merge_is_logged_in_one_batch(reorganised):
    store, ids = reorganised
    with store.action("table", "merge units") as ch:
        merge_units(store, ch, ids["support"], ids["miit"])
    batch = store.db.execute(
        "SELECT id FROM change_batches WHERE description = 'merge units'"
    ).fetchone()[0]
    entities = {
        r[0] for r in store.db.execute("SELECT entity FROM change_log WHERE batch_id = ?", [batch])
    }
    assert entities == {"task_units", "progress_reports", "collections", "unit_aliases", "units"}
