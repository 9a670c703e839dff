"""The user guides in docs/: their pictures exist, every "done" task has a section, and the
screenshot script makes exactly the pictures the guides show."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GUIDES = {"zh_CN": DOCS / "user-guide.zh_CN.md", "en": DOCS / "user-guide.en.md"}
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")

#: Each item of PRODUCT.md's "What done looks like" list: a phrase of the item, and a word that
#: must appear in a section heading of the Chinese and of the English guide.
DONE_SECTIONS = [
    ("pip install", "安装", "Install"),
    ("Browse programs/projects", "浏览", "Browse"),
    ("Open the timeline", "时间进度图", "timeline"),
    ("Export the whole plan to .xlsx", "Excel", "Excel"),
    ("one workbook per responsible unit", "季度填报", "Quarterly"),
    ("Print (or save as PDF)", "打印", "Print"),
    ("from the command line", "命令行", "command line"),
]
#: The troubleshooting topics the guides must cover (zh, en), by a word in their text.
TROUBLES = [("只读打开", "Open Read-Only"), ("中文字体", "Chinese font"), ("被拒绝", "refused")]
#: The close of a quarter (issues 16, 17): a heading word (zh, en) for each part of it.
QUARTER_SECTIONS = [
    ("关账", "Closing the quarter"),
    ("关账期次", "Periods tab"),
    ("进展情况", "Narrative tab"),
    ("佐证材料", "Evidence"),
    ("按日期查看", "As Of"),
    ("催办通知", "Chase"),
    ("规划设置", "Plan settings"),
]
#: Every command the command-line table must show, with the options it must mention.
COMMANDS = [
    "qdplanner period close",
    "qdplanner period reopen",
    "qdplanner period list",
    "qdplanner period compare",
    "qdplanner narrative",
    "qdplanner evidence",
    "qdplanner settings",
    "qdplanner collect-remind",
    "--late",
    ".docx",
    "--tasks",
]


def load_script():
    spec = importlib.util.spec_from_file_location(
        "guide_screenshots", ROOT / "scripts" / "guide_screenshots.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def images(lang: str) -> list[str]:
    return IMAGE.findall(GUIDES[lang].read_text(encoding="utf-8"))


def headings(lang: str) -> list[str]:
    text = GUIDES[lang].read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("#")]


def product_done_items() -> list[str] | None:
    """The numbered items under PRODUCT.md's "done looks like" heading, if PRODUCT.md is here."""
    for path in (ROOT / "PRODUCT.md", ROOT.parent / "shared" / "PRODUCT.md"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            part = text.split("looks like for a user", 1)[-1]
            part = re.split(r"\n## ", part, maxsplit=1)[0]
            return re.findall(r"^\d+\.\s+(.*)$", part, flags=re.MULTILINE)
    return None


@pytest.mark.parametrize("lang", GUIDES)
def test_every_image_the_guide_references_exists(lang):
    found = images(lang)
    assert found, f"{GUIDES[lang].name} shows no pictures"
    for ref in found:
        assert ref.startswith(f"images/{lang}/"), f"{ref}: not in images/{lang}/"
        assert (DOCS / ref).is_file(), f"{GUIDES[lang].name}: {ref} is missing"


@pytest.mark.parametrize("lang", GUIDES)
def test_every_done_task_has_a_section(lang):
    titles = "\n".join(headings(lang))
    for phrase, zh, en in DONE_SECTIONS:
        word = zh if lang == "zh_CN" else en
        assert word.lower() in titles.lower(), f"no section on “{phrase}” (looked for {word})"


@pytest.mark.parametrize("lang", GUIDES)
def test_troubleshooting_covers_lock_font_and_refused_workbooks(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    for zh, en in TROUBLES:
        assert (zh if lang == "zh_CN" else en) in text


@pytest.mark.parametrize("lang", GUIDES)
def test_the_close_of_a_quarter_has_its_sections(lang):
    titles = "\n".join(headings(lang))
    for zh, en in QUARTER_SECTIONS:
        assert (zh if lang == "zh_CN" else en) in titles, f"no section on {en}"


@pytest.mark.parametrize("lang", GUIDES)
def test_the_command_table_shows_the_new_commands(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    table = "\n".join(line for line in text.splitlines() if line.startswith("| "))
    for command in COMMANDS:
        assert command in table, f"{GUIDES[lang].name}: the command table lacks {command}"


@pytest.mark.parametrize("lang", GUIDES)
def test_every_shortcut_the_guide_names_is_the_windows(lang):
    """The shortcuts of the quarter's close, as the window has them."""
    text = GUIDES[lang].read_text(encoding="utf-8")
    for key in ("Ctrl+Shift+A", "Ctrl+Shift+L", "Ctrl+6", "Ctrl+7", "Ctrl+Shift+S", "Ctrl+Shift+O"):
        assert key in text, f"{GUIDES[lang].name} does not name {key}"


def test_the_keyword_list_matches_product_md():
    items = product_done_items()
    if items is None:
        pytest.skip("PRODUCT.md is not beside the repository")
    assert len(items) == len(DONE_SECTIONS), "PRODUCT.md's done list changed: update the guides"
    for item, (phrase, _zh, _en) in zip(items, DONE_SECTIONS, strict=True):
        assert phrase in item, f"PRODUCT.md item “{item}” is not “{phrase}”"


def test_the_script_makes_exactly_the_pictures_the_guides_show():
    steps = load_script().STEPS
    for lang in GUIDES:
        shown = {Path(ref).stem for ref in images(lang)}
        assert set(steps) == shown, f"{lang}: script {sorted(set(steps) ^ shown)} differ"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice (soffice) missing: the Word pages cannot be shown",
)
def test_the_script_runs(tmp_path):
    """One language end to end (about 20 s): one PNG per step, none wider than 1500 px."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    script = ROOT / "scripts" / "guide_screenshots.py"
    cmd = [sys.executable, str(script), str(tmp_path), "--lang", "en"]
    subprocess.run(cmd, check=True, cwd=ROOT, env=env, capture_output=True, timeout=300)
    made = {p.stem for p in tmp_path.glob("*.png")}
    assert made == set(load_script().STEPS)
    for png in tmp_path.glob("*.png"):
        width = int.from_bytes(png.read_bytes()[16:20], "big")  # the IHDR chunk's width
        assert width <= load_script().MAX_WIDTH, f"{png.name}: {width} px wide"
