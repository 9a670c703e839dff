"""The workbook messages: marked for translation, with a Chinese text for each.

``zh_CN_messages.tsv`` beside this file holds the translations of the messages of
``qdplanner/excel``; ``scripts/update_translations.py --fill tests/excel/zh_CN_messages.tsv``
puts them into the translation file.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from qdplanner.excel.import_model import CellError, Word

ROOT = Path(__file__).resolve().parents[2]
TABLE = Path(__file__).with_name("zh_CN_messages.tsv")


def marked_templates() -> set[str]:
    found = set()
    for path in (ROOT / "qdplanner" / "excel").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and isinstance(node.args[1], ast.Constant)
            ):
                found.add(node.args[1].value)
    return found


def translations() -> dict[str, str]:
    pairs = (line.split("\t", 1) for line in TABLE.read_text(encoding="utf-8").splitlines())
    return dict(pairs)


def test_every_workbook_message_has_a_chinese_text_with_the_same_fields():
    table = translations()
    missing = sorted(marked_templates() - set(table))
    assert missing == []
    for source, text in table.items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", text)), source


def test_a_cell_error_is_shown_in_another_language():
    table = translations()
    error = CellError(
        "a.xlsx",
        "任务",
        3,
        "B (上级任务ID)",
        "there is no {what} with ID {id}",
        {"what": Word("task"), "id": 9},
    )
    assert error.message == "there is no task with ID 9"
    assert error.text(lambda s: table.get(s, s)) == "没有 ID 为 9 的任务"
