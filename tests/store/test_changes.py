"""Every action is one transaction, and every change lands in the change log."""

import json
from datetime import date

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import NotFoundError, PlanFileError, ValidationError
from qdplanner.store import PlanStore


def log_rows(store, batch_id=None):
    sql = (
        "SELECT b.user, b.source, b.description, l.entity, l.entity_id, l.field, "
        "l.old_value, l.new_value FROM change_log l JOIN change_batches b ON b.id = l.batch_id"
    )
    params = []
    if batch_id is not None:
        sql += " WHERE b.id = ?"
        params = [batch_id]
    return store.db.execute(sql + " ORDER BY l.id", params).fetchall()


def test_field_change_is_logged_with_who_where_old_and_new(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.TABLE, "edit due date") as ch:
        diff = ch.update("tasks", ids["late"], {"due_date": date(2023, 6, 30)})
    assert diff == {"due_date": ("2022-12-31", "2023-06-30")}
    user, source, description, entity, entity_id, field, old, new = log_rows(store, ch.batch_id)[0]
    assert (source, description, entity, entity_id, field) == (
        "table",
        "edit due date",
        "tasks",
        ids["late"],
        "due_date",
    )
    assert (old, new) == ("2022-12-31", "2023-06-30")
    assert user == store.user and user


def test_batch_records_a_utc_timestamp(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.FORM) as ch:
        ch.update("tasks", ids["late"], {"percent": 60})
    at = store.db.execute("SELECT at FROM change_batches WHERE id = ?", [ch.batch_id]).fetchone()[0]
    assert at.endswith("+00:00")


def test_unchanged_values_are_not_logged(small_plan):
    store, ids = small_plan
    before = store.db["change_log"].count
    with store.action(ChangeSource.FORM) as ch:
        assert ch.update("tasks", ids["late"], {"percent": 50, "title": "逾期任务"}) == {}
    assert store.db["change_log"].count == before
    assert ch.changed == 0


def test_insert_and_delete_log_the_whole_record(small_plan):
    store, _ = small_plan
    with store.action(ChangeSource.FORM, "add unit") as ch:
        uid = ch.insert("units", {"name": "市教育局"})
    added = log_rows(store, ch.batch_id)[0]
    assert added[5] == "*" and json.loads(added[7])["name"] == "市教育局"
    with store.action(ChangeSource.FORM, "remove unit") as ch:
        ch.delete("units", uid)
    removed = log_rows(store, ch.batch_id)[0]
    assert removed[5] == "*" and json.loads(removed[6])["name"] == "市教育局"
    assert removed[7] is None


def test_error_inside_an_action_rolls_back_every_change_and_its_log(small_plan):
    store, ids = small_plan
    log_before = store.db["change_log"].count
    with pytest.raises(RuntimeError), store.action(ChangeSource.FORM) as ch:
        ch.update("tasks", ids["late"], {"title": "改名"})
        ch.insert("units", {"name": "临时单位"})
        raise RuntimeError("user pressed cancel half-way")
    assert store.db["tasks"].get(ids["late"])["title"] == "逾期任务"
    assert store.db["units"].count == 2
    assert store.db["change_log"].count == log_before


def test_constraint_violation_becomes_a_message_and_changes_nothing(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="out of range"), store.action("table") as ch:
        ch.update("tasks", ids["ongoing"], {"title": "先改了标题"})
        ch.update("tasks", ids["late"], {"percent": 140})
    assert store.db["tasks"].get(ids["ongoing"])["title"] == "长期任务"


def test_due_before_start_is_refused_by_the_store(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError), store.action("table") as ch:
        ch.update("tasks", ids["late"], {"due_date": date(2021, 1, 1)})


def test_a_task_cannot_have_two_lead_units(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="already exists"), store.action("form") as ch:
        ch.insert("task_units", {"task_id": ids["late"], "unit_id": ids["support"], "role": "lead"})


def test_foreign_keys_are_enforced(small_plan):
    store, _ = small_plan
    with pytest.raises(ValidationError, match="does not exist"), store.action("form") as ch:
        ch.insert("tasks", {"project_id": 9999, "title": "孤儿任务"})


def test_unit_in_use_cannot_be_deleted(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError), store.action("form") as ch:
        ch.delete("units", ids["lead"])
    assert store.db["units"].count == 2


def test_deleting_a_task_removes_its_subtasks_and_assignments(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        ch.delete("tasks", ids["late"])
    assert store.db["tasks"].count == 1
    assert store.db["task_units"].count == 0


def test_updating_a_missing_record_names_it(small_plan):
    store, _ = small_plan
    with pytest.raises(NotFoundError, match="tasks #424242"), store.action("form") as ch:
        ch.update("tasks", 424242, {"title": "x"})


def test_read_only_plan_refuses_writes(small_plan):
    store, _ = small_plan
    store.close()
    with (
        PlanStore.open(store.path, readonly=True) as ro,
        pytest.raises(PlanFileError, match="read-only"),
        ro.action("form"),
    ):
        pass


def test_light_rules_are_a_plan_setting(empty_plan):
    from qdplanner.domain.status_light import DEFAULT_RULES, LightRules

    assert empty_plan.light_rules() == DEFAULT_RULES
    with empty_plan.action("form", "office rule") as ch:
        empty_plan.set_light_rules(ch, LightRules(yellow_behind=5, red_behind=20))
    with empty_plan.action("form", "office rule again") as ch:
        empty_plan.set_light_rules(ch, LightRules(yellow_behind=5, red_behind=25))
    assert empty_plan.light_rules() == LightRules(yellow_behind=5, red_behind=25)


def test_a_removed_records_id_is_never_given_again(small_plan):
    """An old export's ID must not match a newer record: ids are not reused after removal."""
    store, ids = small_plan
    newest = max(r[0] for r in store.db.execute("SELECT id FROM tasks"))
    with store.action(ChangeSource.TABLE, "remove") as ch:
        ch.delete("tasks", newest)
    with store.action(ChangeSource.TABLE, "add") as ch:
        again = ch.insert("tasks", {"program_id": ids["program"], "title": "新任务"})
    assert again > newest


def test_a_record_keyed_by_two_columns_is_updated_and_logged_under_its_key(small_plan):
    store, ids = small_plan
    key = (ids["late"], ids["support"])
    with store.action(ChangeSource.TABLE, "role") as ch:
        diff = ch.update("task_units", key, {"position": 3})
    assert diff == {"position": (1, 3)}
    logged = store.db.execute(
        "SELECT entity_id, entity_key, field, old_value, new_value FROM change_log"
        " WHERE batch_id = ?",
        [ch.batch_id],
    ).fetchall()
    assert logged == [
        (None, json.dumps({"task_id": key[0], "unit_id": key[1]}), "position", "1", "3")
    ]
