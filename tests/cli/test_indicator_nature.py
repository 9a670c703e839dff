"""``qdplanner indicators`` names each indicator's nature (约束性/预期性) and, under an "about"
target met by an overshoot, the rule that makes it met."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.domain.enums import ChangeSource
from qdplanner.store.sample import create_sample_plan


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _plan(tmp_path):
    """The sample with I02 made binding and 12 parks built against "about 10" (I14)."""
    path = tmp_path / "s.qdplan"
    store = create_sample_plan(path)
    with store.action(ChangeSource.COMMAND, "test") as ch:
        (pk,) = store.db.execute("SELECT id FROM indicators WHERE code = 'I02'").fetchone()
        ch.update("indicators", pk, {"nature": "binding"})
    store.close()
    result = run("indicator-value", str(path), "I14", "2024", "12")
    assert result.exit_code == 0, result.output
    return path


def test_the_text_table_has_a_nature_column_in_both_languages(tmp_path):
    path = _plan(tmp_path)
    zh = run("indicators", str(path), "--as-of", "2025-12-31", "--lang", "zh").output
    header = next(line for line in zh.splitlines() if line.startswith("亮灯"))
    assert "属性" in header
    row = next(line for line in zh.splitlines() if "国家企业技术中心数量" in line)
    assert "约束性" in row
    assert "预期性" in next(line for line in zh.splitlines() if "国家高新技术企业数量" in line)
    en = run("indicators", str(path), "--as-of", "2025-12-31", "--lang", "en").output
    assert "Nature" in next(line for line in en.splitlines() if line.startswith("Light"))
    assert "Binding" in next(line for line in en.splitlines() if "国家企业技术中心数量" in line)


def test_json_gives_the_nature_code_and_its_word(tmp_path):
    path = _plan(tmp_path)
    result = run("indicators", str(path), "--json", "--lang", "zh")
    rows = {d["code"]: d for d in json.loads(result.output)}
    assert (rows["I02"]["nature"], rows["I02"]["nature_label"]) == ("binding", "约束性")
    assert (rows["I03"]["nature"], rows["I03"]["nature_label"]) == ("aspirational", "预期性")


def test_an_about_target_overshot_is_met_and_the_rule_is_printed_under_it(tmp_path):
    path = _plan(tmp_path)
    zh = run("indicators", str(path), "--as-of", "2025-12-31", "--lang", "zh").output.splitlines()
    i = next(n for n, line in enumerate(zh) if "市级科技创新产业园数量" in line)
    assert "已达成" in zh[i]
    rule = next(line for line in zh[i + 1 : i + 3] if "约10个" in line)
    assert "9个至11个" in rule and "超额完成不算滞后" in rule
    en = run("indicators", str(path), "--as-of", "2025-12-31", "--lang", "en").output
    assert "an overshoot counts as met" in en
