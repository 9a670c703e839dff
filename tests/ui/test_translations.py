"""Every user-visible string has its zh_CN translation, and the shipped .qm is current."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "update_translations", ROOT / "scripts" / "update_translations.py"
)
tools = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tools)


def test_every_string_in_the_code_has_a_zh_cn_translation():
    missing = tools.check("zh_CN")
    assert missing == [], (
        "untranslated strings — run scripts/update_translations.py and translate them in "
        f"resources/translations/qdplanner_zh_CN.ts: {missing}"
    )


def test_compiled_translation_matches_its_source():
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        tools.lrelease(tools.TRANSLATIONS / "qdplanner_zh_CN.ts", fresh)
        shipped = tools.TRANSLATIONS / "qdplanner_zh_CN.qm"
        assert fresh.read_bytes() == shipped.read_bytes(), (
            "the .qm is stale: run scripts/update_translations.py"
        )


def test_chinese_is_loaded_by_the_app(qapp):
    from qdplanner.ui.i18n import current_language, install_language

    assert install_language(qapp, "zh_CN")
    assert current_language() == "zh_CN"  # the vocabulary's words follow (ui/labels.py)
    message = "Cannot create the sample plan"
    assert QCoreApplication.translate("App", message) == "无法创建示例规划"
    install_language(qapp, "en")
    assert current_language() == "en"
    assert QCoreApplication.translate("App", message) == message
