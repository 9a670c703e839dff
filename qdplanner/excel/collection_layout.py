"""The progress collection workbook (季度填报表), as data shared by its writer and its reader.

A workbook for one lead unit and one period has three sheets:

* ``填报说明`` / ``Instructions`` — the unit, the period, the deadline to return it, how to fill;
* ``进展填报`` / ``Progress`` — a title (row 1), a note (row 2), headers (row 3) and one row per
  task the unit leads (from row 4), in the plan's outline order. The columns of
  :data:`COLUMNS` marked ``readonly`` are locked; the others (status, percent, 进展情况,
  存在问题, 下步打算, 填报日期, 填报人) are the only unlocked cells, and the sheet is protected;
* ``_collection`` — hidden and protected: the plan's UUID, the period, the unit, the time of
  issue, and per row the task and a keyed digest of every locked cell, all signed with the
  plan's collection key (HMAC-SHA256), base64-encoded in column B.

The digests are of each cell's value as :func:`canonical` puts it, which is what the writer
writes and what :func:`qdplanner.excel.cells.open_workbook` reads back (Excel, WPS and
LibreOffice keep these values when they save).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from datetime import date, datetime
from typing import Any

from qdplanner.catalogue import period_text
from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.periods import Period
from qdplanner.excel.sheet_specs import Column, Kind

FORMAT = "qdplanner-collection/1"
META_SHEET = "_collection"
SHEETS = {"instructions": ("填报说明", "Instructions"), "progress": ("进展填报", "Progress")}
TITLE_ROW, NOTE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4
CHUNK = 30_000  # characters of the encoded payload per cell (a cell holds 32,767)
DIGEST_CHARS = 16


def _locked(key: str, zh: str, en: str, kind: Kind = Kind.TEXT, width: int = 14) -> Column:
    return Column(key, zh, en, kind, readonly=True, width=width, db=False)


def _input(key: str, zh: str, en: str, kind: Kind = Kind.TEXT, width: int = 14, **kw) -> Column:
    return Column(key, zh, en, kind, width=width, db=False, **kw)


COLUMNS: tuple[Column, ...] = (
    _locked("task_id", "任务ID", "Task ID", Kind.ID, width=8),
    _locked("code", "序号", "Code", width=8),
    _locked("stream", "所属计划/工程", "Program / project", width=24),
    _locked("title", "任务", "Task", width=40),
    _locked("deadline", "完成时限", "Deadline", width=14),
    _locked("due_date", "截止日期", "Due date", Kind.DATE, width=12),
    _locked("current_status", "当前状态", "Current status", Kind.ENUM, width=10),
    _locked("current_percent", "当前进度(%)", "Current percent", Kind.INT, width=10),
    _locked("previous", "上期进展", "Previous report", width=30),
    _input("status", "本期状态", "Status", Kind.ENUM, width=10, enum=TaskStatus),
    _input("percent", "完成进度(%)", "Percent complete", Kind.PERCENT, width=10, low=0, high=100),
    _input("narrative", "进展情况", "Progress", width=40),
    _input("problems", "存在问题", "Problems", width=24),
    _input("next_steps", "下步打算", "Next steps", width=24),
    _input("reported_on", "填报日期", "Date filled", Kind.DATE, width=12),
    _input("filled_by", "填报人", "Filled in by", width=10),
)
LOCKED = tuple(c for c in COLUMNS if c.readonly)
INPUTS = tuple(c for c in COLUMNS if not c.readonly)
INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
TEXT_INPUTS = ("narrative", "problems", "next_steps", "filled_by")


def sheet_title(which: str, lang: str) -> str:
    zh, en = SHEETS[which]
    return zh if lang == "zh_CN" else en


# -- words of the workbook, in both languages --------------------------------------------------


def title_text(period: Period, unit: str, lang: str) -> str:
    if lang == "zh_CN":
        return f"{period_text(period, lang)}重点任务进展填报表（{unit}）"
    return f"Progress report, {period_text(period, lang)} — {unit}"


def note_text(lang: str) -> str:
    if lang == "zh_CN":
        return (
            "黄色单元格为填报内容，灰色单元格为只读；"
            "本期状态、完成进度已按当前情况预填，请核实修改。"
        )
    return (
        "Fill in the yellow cells; grey cells are read-only. Status and percent are filled "
        "in with the current values: check and correct them."
    )


def instructions(
    *,
    lang: str,
    unit: str,
    period: Period,
    due: date | None,
    issued: str,
    tasks: int,
    plan: str,
    statuses: list[str],
) -> list[tuple[str, str]]:
    """The instructions sheet: (label, text) rows; a row with an empty label is a paragraph."""
    span = f"{period.start.isoformat()} — {period.end.isoformat()}"
    progress = sheet_title("progress", lang)
    inputs = "、".join(c.zh for c in INPUTS) if lang == "zh_CN" else ", ".join(c.en for c in INPUTS)
    if lang == "zh_CN":
        rows = [
            ("规划", plan),
            ("填报单位", unit),
            ("填报周期", f"{period_text(period, lang)}（{span}）"),
        ]
        if due:
            rows.append(("报送截止日期", f"{due.isoformat()}，请于当日前报送"))
        rows += [
            ("任务数", f"{tasks} 项（本单位牵头）"),
            ("下发时间", issued),
            ("", ""),
            ("填报说明", ""),
            ("1", f"“{progress}”表列出本单位牵头的全部任务，请逐项填写截至本期末"
                  f"（{period.end.isoformat()}）的进展。"),
            ("2", f"只有黄色单元格可以填写（{inputs}）；灰色单元格为只读，工作表已保护。"),
            ("3", f"本期状态请从下拉列表中选择：{'、'.join(statuses)}。"),
            ("4", "完成进度填写 0 到 100 之间的整数，不带 % 号。"),
            ("5", "本期状态和完成进度已按当前情况预填；未作任何修改的行视为本期未填报。"),
            ("6", "进展情况写明已完成的工作和取得的成效；存在问题、下步打算如实填写。"),
            ("7", "填报日期写实际填报的日期（如 2024-10-08），填报人写姓名和联系电话。"),
            ("8", "请勿增删行列、改动只读内容、重命名或删除工作表，否则报送后将被退回；"
                  "请保存为 .xlsx 格式，文件名可保持不变。"),
        ]  # fmt: skip
        return rows
    rows = [
        ("Plan", plan),
        ("Reporting unit", unit),
        ("Period", f"{period_text(period, lang)} ({span})"),
    ]
    if due:
        rows.append(("Return by", due.isoformat()))
    rows += [
        ("Tasks", f"{tasks} (led by your unit)"),
        ("Issued", issued),
        ("", ""),
        ("How to fill in", ""),
        ("1", f"The {progress} sheet lists every task your unit leads. For each, report the "
              f"progress as of the end of the period ({period.end.isoformat()})."),
        ("2", f"Only the yellow cells can be filled in ({inputs}); grey cells are read-only "
              "and the sheet is protected."),
        ("3", f"Choose the status from the list: {', '.join(statuses)}."),
        ("4", "Percent complete is a whole number from 0 to 100, without a % sign."),
        ("5", "Status and percent are filled in with the current values; a row left "
              "unchanged counts as not reported."),
        ("6", "Progress: the work done and its results; then the problems and next steps."),
        ("7", "Date filled: the day you fill it in (e.g. 2024-10-08); Filled in by: your "
              "name and telephone."),
        ("8", "Do not add or delete rows or columns, change read-only cells, or rename or "
              "delete sheets: such a workbook is refused on return. Keep it as .xlsx."),
    ]  # fmt: skip
    return rows


# -- digests and the signed payload ------------------------------------------------------------


def canonical(value: Any) -> str:
    """A cell's value as text for its digest: the same for what was written and read back."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def digest(key: bytes, *parts: Any) -> str:
    """A keyed digest of ``parts`` (each put through :func:`canonical`)."""
    message = json.dumps([canonical(p) for p in parts], ensure_ascii=False).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:DIGEST_CHARS]


def input_digest(key: bytes, task_id: int, values: dict[str, Any]) -> str:
    """The digest of a row's report values (status code, percent, texts, date)."""
    return digest(key, task_id, "input", *(values.get(c.key) for c in INPUTS))


def encode_payload(key: bytes, payload: dict) -> tuple[str, list[str]]:
    """(signature, chunks) for the metadata sheet."""
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    text = base64.b64encode(data).decode("ascii")
    signature = hmac.new(key, data, hashlib.sha256).hexdigest()
    return signature, [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


def decode_payload(chunks: list[str]) -> tuple[dict, bytes] | None:
    """The payload and its raw bytes (to check the signature); None when unreadable."""
    try:
        data = base64.b64decode("".join(chunks), validate=True)
        payload = json.loads(data.decode("utf-8"))
    except (binascii.Error, ValueError):
        return None
    return (payload, data) if isinstance(payload, dict) else None


def signature_ok(key: bytes, data: bytes, signature: str) -> bool:
    expected = hmac.new(key, data, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
