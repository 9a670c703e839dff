"""The command line in the user's language: one ``--lang zh|en`` on every command, the locale's
language without it, every line (errors and notices too) from the window's own catalogue, and
every page of ``report`` and ``gantt`` in it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.cli.common import Language
from qdplanner.cli.language import locale_language
from qdplanner.paths import resources_dir
from tests.excel.collection_helpers import fill, task_ids

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) missing")
ZH_LOCALE = {"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
STI = "青岛市科学技术局"


def run(*args, env=None):
    return CliRunner(env=env).invoke(cli, [str(a) for a in args], catch_exceptions=False)


def ok(*args, env=None):
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    return result


# English words a Chinese output may hold: the program's name, what a message quotes from the
# command line (--prefer FILE, --prefer plan), and an acronym of the sample plan's own data.
ALLOWED = {"qdplanner", "prefer", "plan", "FILE", "WIPO"}


def english_words(text: str, *paths: Path) -> list[str]:
    """Words of three or more Latin letters in ``text``, once the files named under ``paths``
    are taken out."""
    for path in sorted(map(str, paths), key=len, reverse=True):
        text = re.sub(re.escape(path) + r"[^\s：，（）；]*", " ", text)
    text = re.sub(r"[\w.-]+\.(xlsx|qdplan|pdf|png|svg)\b", " ", text)  # a file's name
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in ALLOWED]


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


@pytest.fixture
def plan(sample_template, tmp_path) -> Path:
    path = tmp_path / "plan.qdplan"
    shutil.copy(sample_template, path)
    return path


# -- the option and the locale -----------------------------------------------------------------


def test_every_command_has_the_one_lang_option():
    for name, command in cli.commands.items():
        options = [p for p in command.params if "--lang" in getattr(p, "opts", ())]
        assert len(options) == 1, name
        assert isinstance(options[0].type, Language), name
        assert options[0].type.get_metavar(options[0]) == "[zh|en]"
        if name == "open":
            assert options[0].default is None  # the window keeps its own choice
        else:
            assert options[0].default is locale_language, name


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL comes first
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.GB18030"}, "zh"),  # empty: not set
        ({}, "en"),  # no locale at all (not Windows): the C locale's English
    ],
)
def test_the_locale_chooses_the_language(environ, lang, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert locale_language(environ) == lang


def test_without_a_locale_windows_is_asked(monkeypatch):
    from qdplanner.cli import language

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(language, "_windows_language", lambda: "zh")
    assert locale_language({}) == "zh"
    assert locale_language({"LANG": "en_US.UTF-8"}) == "en"  # a set locale still wins


def test_zh_cn_utf8_is_chinese_without_lang(plan):
    chinese = ok("status", plan, "--as-of", "2025-12-31", env=ZH_LOCALE).output
    assert "逾期任务：" in chinese and "Overdue" not in chinese
    english = ok("status", plan, "--as-of", "2025-12-31").output  # C.UTF-8 (conftest)
    assert "Overdue tasks:" in english and "逾期任务" not in english
    assert ok("status", plan, "--as-of", "2025-12-31", "--lang", "en", env=ZH_LOCALE).output == (
        english
    )  # --lang wins over the locale


@pytest.mark.parametrize("tag", ["zh", "zh_CN", "zh-CN", "ZH_cn"])
def test_zh_cn_is_read_as_zh(plan, tag):
    assert "逾期任务：" in ok("status", plan, "--lang", tag).output


def test_another_language_is_refused_by_click(plan):
    result = run("status", plan, "--lang", "fr")
    assert result.exit_code == 2 and "zh or en" in result.stderr


# -- every command, in both languages ------------------------------------------------------


def _returned_workbook(plan: Path, tmp_path: Path) -> Path:
    ok("collect", plan, tmp_path / "round", "--period", "2021Q4", "--unit", STI, "--lang", "zh")
    book = next((tmp_path / "round").glob("*.xlsx"))
    fill(book, {task_ids(book)[0]: {"完成进度(%)": 90, "进展情况": "按计划推进"}})
    return book


def _edited_export(plan: Path, tmp_path: Path) -> Path:
    from openpyxl import load_workbook

    book = tmp_path / "edit.xlsx"
    ok("export", plan, book, "--lang", "zh")
    wb = load_workbook(book)
    ws = wb["任务"]
    title = next(c for c in ws[1] if c.value == "任务名称").column
    ws.cell(2, title).value = "改过的任务名称"
    wb.save(book)
    return book


COMMANDS = {
    # name: (arguments after the plan, Chinese words, English words)
    "init": (None, ["已创建", "示例规划"], ["Created", "with the sample plan"]),
    "status": (["--as-of", "2025-12-31"], ["记录：计划 7 个", "逾期任务："], ["Overdue tasks:"]),
    "indicators": (
        ["--as-of", "2025-12-31"],
        ["亮灯", "目标年份", "已达成 3", "严重滞后："],
        ["Light", "Target", "Achieved 3", "Off track:"],
    ),
    "indicator-value": (["I03", "2025", "9000"], ["实际值已设为 9000"], ["actual for 2025"]),
    "export": (["{tmp}/out.xlsx"], ["已写入", "任务 61"], ["Wrote", "61 tasks"]),
    "import": (
        ["{edited}", "--dry-run"],
        ["修改任务 #1（第 2 行）", "试运行：未做任何修改。"],
        ["change tasks", "Dry run: nothing was applied."],
    ),
    "collect": (
        ["{tmp}/c", "--period", "2024Q4"],
        ["生成填报表 13 份", "，任务 40 项"],
        ["13 workbook(s) written"],
    ),
    "collect-import": (
        ["{returned}", "--dry-run"],
        ["将新增进展 1 条", "正常"],
        ["1 report(s) to add", "; ok"],
    ),
    "collect-status": (
        ["--period", "2021Q4"],
        ["共 13 家单位", "未下发："],
        ["13 unit(s)", "Never issued:"],
    ),
}


@pytest.mark.parametrize("name", list(COMMANDS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_command_speaks_the_language_asked_for(name, lang, plan, tmp_path):
    args, zh, en = COMMANDS[name]
    fields = {"tmp": tmp_path}
    if name == "import":
        fields["edited"] = _edited_export(plan, tmp_path)
    if name in ("collect-import", "collect-status"):
        fields["returned"] = _returned_workbook(plan, tmp_path)
    target = tmp_path / "new.qdplan" if name == "init" else plan
    extra = ["--sample"] if name == "init" else [a.format(**fields) for a in args]
    out = ok(name, target, *extra, "--lang", lang).output
    for words in zh if lang == "zh" else en:
        assert words in out, out
    if lang == "zh":
        left = english_words(out, tmp_path)
        assert not left, f"{name}: English left in the Chinese output: {left}\n{out}"
    else:
        assert not any(w in out for w in zh if w not in en), out


def test_report_and_gantt_say_what_they_wrote_in_the_language(plan, tmp_path, qapp):
    report = ok("report", plan, tmp_path / "r.pdf", "--as-of", "2025-12-31", "--lang", "zh")
    assert re.search(r"已写入 .*r\.pdf（共 \d+ 页）", report.output)
    gantt = ok("gantt", plan, tmp_path / "g.pdf", "--lang", "zh")
    assert "任务 61 项，2022-01 至 2026-12，共" in gantt.output
    english = ok("gantt", plan, tmp_path / "g.pdf", "--lang", "en")
    assert "61 tasks, 2022-01 – 2026-12" in english.output


# -- errors and notices ----------------------------------------------------------------------


def test_a_one_line_error_in_chinese(tmp_path):
    missing = tmp_path / "none.qdplan"
    result = run("status", missing, "--lang", "zh")
    assert result.exit_code == 1
    assert result.stderr == f"qdplanner: {missing}：文件不存在\n"
    english = run("status", missing, "--lang", "en")
    assert english.stderr == f"qdplanner: {missing}: no such file\n"
    assert run("status", missing, env=ZH_LOCALE).stderr == result.stderr  # from the locale


def test_errors_the_commands_raise_themselves_are_translated(plan, tmp_path):
    unit = run("collect", plan, tmp_path / "c", "--period", "2021Q4", "--unit", "没有这个局",
               "--lang", "zh")  # fmt: skip
    assert unit.exit_code == 1 and unit.stderr == "qdplanner: 没有名为“没有这个局”的单位\n"
    rounds = run("collect-status", plan, "--lang", "zh")
    assert rounds.exit_code == 1 and "尚未开展过季度填报" in rounds.stderr


def test_an_internal_error_is_one_line_in_chinese(plan, monkeypatch):
    import qdplanner.store.summary

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(qdplanner.store.summary, "summarize", broken)
    monkeypatch.delenv("QDPLANNER_DEBUG", raising=False)
    result = run("status", plan, "--lang", "zh")
    assert result.exit_code == 3
    assert result.stderr == (
        "qdplanner: 内部错误：RuntimeError：boom（设置 QDPLANNER_DEBUG=1 可查看详情）\n"
    )


def test_the_crash_notice_in_chinese(sample_template, tmp_path):
    from tests.faults import kill_mid_write

    plan = tmp_path / "hot.qdplan"
    shutil.copy(sample_template, plan)
    kill_mid_write(plan)
    result = ok("status", plan, "--lang", "zh")
    assert result.stderr.startswith(f"qdplanner: {plan}：这个规划的上一次修改被中断")
    assert len(result.stderr.splitlines()) == 1 and not english_words(result.stderr, plan)


def test_a_bad_returned_workbook_is_named_cell_by_cell_in_chinese(plan, tmp_path):
    book = _returned_workbook(plan, tmp_path)
    fill(book, {task_ids(book)[0]: {"完成进度(%)": 150}})
    result = run("collect-import", plan, book, "--lang", "zh")
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("错误：")]
    assert len(errors) == 1, result.stdout
    assert f"错误：{book.name}，工作表 进展填报，第 4 行，列 K (完成进度(%))：" in errors[0]
    assert not english_words(errors[0], book.name)
    assert "1 份填报表中有 1 处错误；这些填报表未导入" in result.stderr
    english = run("collect-import", plan, book, "--lang", "en")
    assert f"error: {book.name}, sheet 进展填报, row 4, column K (完成进度(%)): " in english.stdout


def test_an_import_refused_for_removals_counts_them_in_chinese(plan, tmp_path):
    from openpyxl import load_workbook

    book = tmp_path / "fewer.xlsx"
    ok("export", plan, book, "--lang", "zh")
    wb = load_workbook(book)
    wb["节点"].delete_rows(2, 1)
    wb.save(book)
    result = run("import", plan, book, "--lang", "zh")
    assert result.exit_code == 1
    assert "节点 1" in result.stderr and "--allow-removals" in result.stderr
    assert "删除节点" in result.stdout  # the preview's line for it


# -- every page of the report and the timeline -------------------------------------------------


def _timeline_pdfs(monkeypatch, tmp_path: Path) -> list[Path]:
    """Make every timeline the report draws also a PDF, to read its words back."""
    from qdplanner.reports import timeline_export, timeline_summary

    made: list[Path] = []
    original = timeline_summary.TimelinePages._make_sheets

    def sheets_and_pdf(self, width_mm, height_mm):
        sheets = original(self, width_mm, height_mm)
        path = tmp_path / f"timeline{len(made)}.pdf"
        header = timeline_export.PrintHeader("", self.start, self.end, self.as_of)
        timeline_export.export_timeline(sheets[0].scene, path, header)
        made.append(path)
        return sheets

    monkeypatch.setattr(timeline_summary.TimelinePages, "_make_sheets", sheets_and_pdf)
    return made


@needs_pdftotext
@pytest.mark.parametrize(("lang", "window"), [("zh", "en"), ("en", "zh_CN")])
def test_every_page_of_the_report_is_in_its_language(
    lang, window, plan, tmp_path, qapp, monkeypatch
):
    """The timeline page too, whatever language the window has installed."""
    from qdplanner.ui.i18n import install_language

    timelines = _timeline_pdfs(monkeypatch, tmp_path)
    install_language(qapp, window)
    try:
        out = tmp_path / "summary.pdf"
        ok("report", plan, out, "--as-of", "2024-11-23", "--period", "2024Q4", "--lang", lang)
    finally:
        install_language(qapp, "en")
    pages = pdf_pages(out)
    assert len(timelines) == 1  # the period's timeline page was drawn
    timeline = pdf_pages(timelines[0])[0]
    if lang == "zh":
        for n, page in enumerate(pages, 1):
            assert f"第{n}页 共{len(pages)}页" in page
            assert not english_words(page), (n, english_words(page))
        assert any("进度时间轴" in page for page in pages)  # the timeline's heading
        for words in ("时间进度图", "时间范围 2024-10 至 2024-12", "截至 2024-11-23",
                      "任务", "正常推进", "节点（计划）", "基线", "今天", "截至日期",
                      "第1页 共"):  # fmt: skip
            assert words in timeline, (words, timeline)
        assert not english_words(timeline), english_words(timeline)
    else:
        assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
        for words in ("timeline", "Range 2024-10", "Task", "On track", "Today", "As of",
                      "Page 1 of"):  # fmt: skip
            assert words in timeline, (words, timeline)
        assert not re.search(r"今天|截至|时间进度图|第1页", timeline)


@needs_pdftotext
def test_the_gantt_pdf_is_in_its_language(plan, tmp_path, qapp):
    from qdplanner.ui.i18n import install_language

    install_language(qapp, "en")  # the language installed does not matter
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    args = ["--from", "2024-01", "--to", "2024-12", "--as-of", "2024-06-30", "--group-by", "unit"]
    ok("gantt", plan, zh, *args, "--lang", "zh")
    ok("gantt", plan, en, *args, "--lang", "en")
    pages = pdf_pages(zh)
    for n, page in enumerate(pages, 1):
        assert f"第{n}页 共{len(pages)}页" in page
        assert "时间进度图" in page and "时间范围 2024-01 至 2024-12 · 截至 2024-06-30" in page
        assert "今天" in page and "截至日期" in page and "衔接冲突（开始过早）" in page
        assert "任务" in page and "逾期/严重滞后" in page and "2024年" in page
        assert not english_words(page), (n, english_words(page))
    english = pdf_pages(en)
    assert all(f"Page {n} of {len(english)}" in p for n, p in enumerate(english, 1))
    assert "Today" in english[0] and "As of" in english[0] and "Overdue / far behind" in english[0]
    assert not re.search(r"今天|第1页|时间范围", "".join(english))


# -- one catalogue, and no Qt for text ---------------------------------------------------------


def test_the_catalogue_reads_the_window_s_qm_exactly_as_qt_does(qapp):
    """Every message of the .ts gets the same text from our reader as from QTranslator."""
    from PySide6.QtCore import QTranslator

    from qdplanner.catalogue import catalogue

    folder = resources_dir() / "translations"
    translator = QTranslator()
    assert translator.load("qdplanner_zh_CN", str(folder))
    ours = catalogue("zh_CN")
    assert ours is catalogue("zh") and len(ours) > 800
    checked = 0
    for context in ET.parse(folder / "qdplanner_zh_CN.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            expected = translator.translate(name, source) or source
            assert ours.translate(name, source) == expected, (name, source)
            checked += 1
    assert checked == sum(1 for _ in ET.parse(folder / "qdplanner_zh_CN.ts").iter("message"))
    assert catalogue("en").translate("CommandLine", "Lights:") == "Lights:"


def test_a_missing_catalogue_leaves_english(monkeypatch, tmp_path):
    from qdplanner import catalogue as module

    monkeypatch.setattr(module, "qm_path", lambda lang: tmp_path / "none.qm")
    module._catalogue.cache_clear()
    try:
        assert module.catalogue("zh").translate("CommandLine", "Lights:") == "Lights:"
    finally:
        module._catalogue.cache_clear()


SCRIPT = """
import sys
from qdplanner.cli.commands import cli
try:
    cli(sys.argv[1:], prog_name="qdplanner")
except SystemExit:
    pass
print(sorted({m.split(".")[0] for m in sys.modules if m.startswith("PySide6")}), file=sys.stderr)
"""


@pytest.mark.parametrize("command", ["status", "indicators"])
def test_text_commands_speak_chinese_without_importing_qt(command, plan):
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, command, str(plan), "--lang", "zh"],
        capture_output=True, text=True, timeout=120, cwd=root,
    )  # fmt: skip
    assert "亮灯" in result.stdout, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"
