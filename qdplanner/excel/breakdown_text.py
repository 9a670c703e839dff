"""How the cells of a task-breakdown sheet are read: titles, numbering, task text and units.

The rules (see :mod:`qdplanner.excel.breakdown_parse` for the whole sheet):

* a title ``《XX方案（2022—2024年）》重点任务分解表`` names the plan document inside 《》 (else
  the title without a trailing 重点任务分解表 / 任务分解表 / 分解表 / 任务清单 / 分工表) and its
  years, written with any dash, ～ or 至, full- or half-width;
* a leading number ``1.`` ``1、`` ``1.2`` ``（1）`` ``①`` ``一、`` ``（一）`` is split off a text
  as its code, with a *style* (``d1``, ``d2``, ``p``, ``c``, ``h1``, ``h2``) telling levels
  apart;
* a multi-line task cell: lines ending in ，、 or an opening bracket wrap one sentence and are
  joined (nothing between Chinese characters, a space between Latin ones); the first line ending
  otherwise closes the title (its trailing 。；： dropped), the lines after it are the
  description, one per line;
* a unit cell is split on 、，,；;/／, line breaks and blanks; ``牵头单位：`` / ``配合单位：``
  labels and a ``（牵头）`` mark say who leads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from qdplanner.domain.limits import FIRST_YEAR, LAST_YEAR
from qdplanner.domain.unit_names import split_unit_names
from qdplanner.excel.cells import CellValue

__all__ = [
    "BARE_NUMBER",
    "CN_NUMERALS",
    "HEADING_NUMBER",
    "TITLE_END",
    "TitleInfo",
    "cell_text",
    "heading_parts",
    "join_lines",
    "leading_number",
    "lines_of",
    "split_task_text",
    "split_units",
    "title_info",
    "unit_names",
]

CN_NUMERALS = "一二三四五六七八九十百零〇"
_CN = CN_NUMERALS
_D = "0-9０-９"
HEADING_NUMBER = re.compile(
    rf"^(?:([{_CN}]+)\s*[、.．]|[（(]\s*([{_CN}]+)\s*[）)])\s*"
)  # 一、（一）
_NUMBERS = (  # (pattern, style); a style "d2" is 1.2, "p" is (1), "c" is ①, "h1" is 一、
    (re.compile(rf"^([{_D}]++(?:[.．][{_D}]+)*+)\s*[.．、]\s*"), "d"),  # 1. 1、 1.2、
    (re.compile(rf"^([{_D}]+(?:[.．][{_D}]+)+)(?![{_D}%％])\s*"), "d"),
    (re.compile(rf"^[（(]\s*([{_D}]+)\s*[）)]\s*"), "p"),
    (re.compile(r"^([①-⑳])\s*"), "c"),
    (re.compile(rf"^([{_CN}]+)\s*[、.．]\s*"), "h1"),
    (re.compile(rf"^[（(]\s*([{_CN}]+)\s*[）)]\s*"), "h2"),
)
BARE_NUMBER = re.compile(rf"[{_D}]+(?:[.．][{_D}]+)*")  # a 序号 cell: 1, 1.2
_WRAPPING = "，,、（(“‘《—-"
TITLE_END = "。；;：:，,、 "
_TITLE_SUFFIXES = ("重点任务分解表", "主要任务分解表", "任务分解表", "分解表", "任务清单", "分工表")
_YEAR_RANGE = re.compile(r"((?:19|20|21)[0-9]{2})年?[-‐‑‒–—―−~〜至到]+((?:19|20|21)[0-9]{2})")
_ONE_YEAR = re.compile(r"((?:19|20|21)[0-9]{2})年")
_LABEL = re.compile(r"(牵头单位|牵头部门|牵头|配合单位|配合部门|配合|协办单位|协办)\s*[:：]")
_LEAD_MARK = re.compile(r"\s*[（(]\s*牵头\s*[）)]$")


@dataclass(frozen=True)
class TitleInfo:
    """What a title row says: the plan document's title, and the years it covers."""

    document: str
    years: tuple[int, int] | None


def title_info(title: str) -> TitleInfo:
    """``《XX方案（2022—2024年）》重点任务分解表`` → ``XX方案（2022—2024年）``, (2022, 2024)."""
    text = "".join(line.strip() for line in title.splitlines()).strip()
    quoted = re.search(r"《(.+?)》", text)
    document = quoted[1] if quoted else text
    if not quoted:
        for suffix in _TITLE_SUFFIXES:
            document = document.removesuffix(suffix)
        document = document.rstrip("的 ")
    plain = "".join(unicodedata.normalize("NFKC", text).split())
    years = None
    if match := _YEAR_RANGE.search(plain):
        years = (int(match[1]), int(match[2]))
    elif match := _ONE_YEAR.search(plain):
        years = (int(match[1]), int(match[1]))
    if years and not FIRST_YEAR <= years[0] <= years[1] <= LAST_YEAR:
        years = None  # not years a plan holds (qdplanner.domain.limits): none are read
    return TitleInfo(document or text, years)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def join_lines(lines: list[str]) -> str:
    """Wrapped lines as one text: a space only between two Latin letters or digits."""
    out = ""
    for line in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii():
            out += " "
        out += line
    return out


def split_task_text(text: str) -> tuple[str, str]:
    """(title, description) of a task cell; see the module docstring for multi-line cells."""
    lines = lines_of(text)
    end = next((i for i, line in enumerate(lines) if line[-1] not in _WRAPPING), len(lines) - 1)
    title = join_lines(lines[: end + 1]).rstrip(TITLE_END)
    return title, "\n".join(lines[end + 1 :])


def unit_names(text: str) -> list[str]:
    """The unit names in a cell: split on 、，,；;/／, line breaks and blanks; no repeats."""
    names: list[str] = []
    for part in split_unit_names(text):
        for name in part.split():
            if name not in names:
                names.append(name)
    return names


def split_units(text: str, role: str) -> tuple[list[str], list[str]]:
    """(leading, supporting) units in a cell of a ``lead``, ``support`` or ``units`` column."""
    parts = _LABEL.split(text)
    chunks = [(role, parts[0])]
    chunks += [("lead" if label.startswith("牵头") else "support", body)
               for label, body in zip(parts[1::2], parts[2::2], strict=True)]  # fmt: skip
    named: list[tuple[str, str]] = []
    for chunk_role, body in chunks:
        for name in unit_names(body):
            bare = _LEAD_MARK.sub("", name)
            named.append((bare, "lead" if bare != name else chunk_role))
    if role == "units" and named and all(r == "units" for _, r in named):
        named[0] = (named[0][0], "lead")
    leads = [n for n, r in named if r == "lead"]
    return leads, [n for n, r in named if r != "lead"]


def cell_text(value: CellValue) -> str:
    """A cell as text: a date as ``2024-06-30``, a number as written, None as ``""``."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


def leading_number(text: str) -> tuple[str, str | None, str]:
    """(code, style, rest) of a text's leading number; ("", None, text) when it has none."""
    for pattern, style in _NUMBERS:
        if match := pattern.match(text):
            code = unicodedata.normalize("NFKC", match[1]) if style != "c" else match[1]
            if style == "d":
                style = f"d{code.count('.') + 1}"
            elif style in ("p", "h2"):
                code = f"({code})"
            return code, style, text[match.end() :]
    return "", None, text


def heading_parts(text: str) -> tuple[int, str, str]:
    """(level, code, name) of a heading: ``（二）XX工程。…`` → (2, "(二)", "XX工程"); level 1
    for 一、, 2 for （一）, 0 when not numbered so."""
    level, code = 0, ""
    if match := HEADING_NUMBER.match(text):
        level = 1 if match[1] else 2
        code = match[1] or f"({match[2]})"
        text = text[match.end() :]
    name = re.split(r"[。；;]", join_lines(lines_of(text)), maxsplit=1)[0]
    return level, code, name.rstrip(TITLE_END)
