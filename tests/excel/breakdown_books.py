"""Task-breakdown workbooks (任务分解表) as government offices lay them out, built with openpyxl.

Content is taken from the Qingdao plan (``/work/shared/seeds``, ``db/sample/qingdao.json``);
lead and supporting units are illustrative, as in the sample plan. Each builder writes one
sheet named ``分解表`` and returns the path. ``classic`` is also kept converted to .xls and
.ods in ``tests/fixtures`` (see the README there).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment

SHEET = "分解表"
CLASSIC_TITLE = "《青岛市打造国际化创新型城市三年行动方案（2022—2024年）》\n重点任务分解表"


def write_book(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    """Write ``rows`` (row 1 first; None for an empty cell) and merge the ``merges`` ranges.

    A merged range keeps only its top-left value, as Excel does."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = SHEET
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                cell = ws.cell(r, c, value)
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    for cells in merges:
        ws.merge_cells(cells)
    book.save(path)
    return path


def classic(path: Path) -> Path:
    """A merged title under an ``附件1`` line, two header rows (责任单位 over 牵头单位 /
    配合单位), section rows ``一、…工程`` merged across, tasks numbered by 序号 and ``1.``,
    sub-tasks ``（1）`` whose lead unit is merged down, multi-line cells, units separated by
    、，；/ blanks and line breaks, blank spacer rows and a two-line footnote."""
    rows = [
        ["附件1"],
        [CLASSIC_TITLE],
        ["序号", "重点任务", "责任单位", None, "完成时限", "备注"],
        [None, None, "牵头单位", "配合单位", None, None],
        ["一、战略科技力量起势工程"],
        [1, "推进“透明海洋”“蓝色药库”等重大科技项目，\n培育海洋领域战略科技力量", "市科技局",
         "市海洋发展局、崂山实验室\n中国海大", "2022—2024年", None],
        [2, "开展重大科技基础设施预研。\n组织开展设施论证和项目储备。", "市发展改革委",
         "市科技局，市财政局", "2023年底前", "示例"],
        [3, "争取国家重点实验室数量达到全省50%以上", "市科技局",
         "崂山实验室；中国海大；中科院海洋所", "2024年底前", None],
        [],
        ["二、新兴产业创新工程"],
        [None, "1.围绕24条产业链部署创新链", "市工业和信息化局", "市科技局/市发展改革委",
         "2022年底前", None],
        [None, "2.支持“链主”企业开展关键技术攻关", "市工业和信息化局", "市科技局 市财政局",
         "每年", None],
        [None, "3.梯次培育体系科技型企业", "市科技局", "市工业和信息化局、青岛高新区管委会",
         "2022—2024年", None],
        [None, "（1）以“线下+云上”多元化方式推进企业研发机构建设", None, "市工业和信息化局",
         "2023年6月底前", None],
        [None, "（2）实现规模以上工业企业研发机构“全覆盖”", None,
         "市工业和信息化局、市财政局", "2024年底前", None],
        [],
        ["注：1.表中牵头单位、配合单位为示例填写。\n2.完成时限以方案原文为准。"],
    ]  # fmt: skip
    merges = ("A2:F2", "A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4", "A5:F5", "A10:F10",
              "C13:C15", "A17:F17")  # fmt: skip
    return write_book(path, rows, merges)


def synonyms(path: Path) -> Path:
    """One header row of synonyms (重点工程, 工作任务, 牵头部门, 协办单位, 时间节点, 工作目标),
    an unmerged title in A1 without 《》, and the 重点工程 column merged down its tasks."""
    rows = [
        ["青岛市打造国际化创新型城市三年行动方案（2022-2024年）任务分解表"],
        ["序号", "重点工程", "工作任务", "牵头部门", "协办单位", "时间节点", "工作目标"],
        [1, "科技园区提升工程", "谋划建设10个左右市级科技创新产业园", "市科技局",
         "青岛高新区管委会、西海岸新区管委", "2024年底前", "建成10个左右市级科技创新产业园"],
        [2, None, "打造以科技创新为特色的创新创业微生态专业化园区", "市科技局",
         "崂山区政府，即墨区政府", "2023年底前", None],
        [3, None, "在中心城区布局建设都市科技创新园", "市科技局、市南区政府", "市北区政府",
         "2024年6月底前", None],
        [4, None, "打造10家左右不同特色模式的标杆孵化器", "市科技局", "青岛高新区管委会；市科协",
         "2024年底前", None],
        [5, "开放合作深耕工程",
         "依托山东自贸试验区青岛片区、上合示范区和中国—上海合作组织技术转移中心等促进国际间"
         "技术交流和产能合作", "市商务局", "山东自贸试验区青岛片区/上合示范区管委会",
         "2022—2024年", None],
        [6, None, "搭建国际技术转移平台，推动国际先进技术成果在青转化", "市科技局",
         "市商务局、市外办", "2024年底前", None],
        [7, None, "深入开展外国人来青管理工作试点，持续优化外国人来华管理服务", "市科技局",
         "市公安局、市人力资源社会保障局、市外办", "持续推进", None],
    ]  # fmt: skip
    return write_book(path, rows, ("B3:B6", "B7:B9"))


def single_units(path: Path) -> Path:
    """A single 责任单位 column (first unit leads; ``（牵头）`` marks and ``牵头单位：`` labels
    too), a 计划 column written once per program and left blank below, and a row of units and
    deadline with no task text."""
    rows = [
        ["《青岛市打造国际化创新型城市五年规划（2022～2026年）》重点任务分解表"],
        ["序号", "计划", "具体举措", "责任单位", "完成时间", "备注"],
        [1, "创新策源能力提升计划", "立足建设国家战略科技力量，服务国家海洋战略",
         "市科技局、市海洋发展局、崂山实验室", "长期坚持", None],
        [2, None, "推进海洋科学考察船队等重大科技基础设施集群建设",
         "市发展改革委\n市科技局\n市海洋发展局", "2026年底前", None],
        [3, None, "加快中科院海洋大科学研究中心、山东能源研究院等高端创新平台建设",
         "中科院海洋所、市科技局（牵头）、中科院青岛能源所", "2026年底前", None],
        [4, "科技惠民提升计划", "开展重大疾病发病机制及防治研究",
         "牵头单位：市卫生健康委\n配合单位：市科技局、青岛大学", "2026年底前", None],
        [5, None, "强化乡村振兴科技支撑", "市农业农村局", "持续推进", "示例"],
        [6, None, None, "市科技局", "2026年底前", None],
    ]  # fmt: skip
    return write_book(path, rows, ("A1:F1",))


UNKNOWN_MAPPING = {0: "group", 1: "task", 2: "units", 3: "deadline"}


def unknown_headers(path: Path) -> Path:
    """Headers no synonym knows (栏目, 事项, 承接, 办结): read with ``UNKNOWN_MAPPING``."""
    rows = [
        ["2023年度科技创新重点工作安排"],
        ["栏目", "事项", "承接", "办结"],
        ["创新策源能力提升计划", "推进海洋科学考察船队等重大科技基础设施集群建设",
         "市发展改革委、市科技局", "2023年底前"],
        [None, "加快山东能源研究院建设", "市科技局", "2023年6月底前"],
    ]  # fmt: skip
    return write_book(path, rows, ("A1:D1", "A3:A4"))


DEADLINE_CELLS: list[Any] = [
    "2022年底前",
    "长期坚持",
    "2023年6月底前",
    "2022—2024年",
    datetime.datetime(2024, 6, 30),  # a date cell
    2024,  # a number cell
    "每年",
    "视情况推进",  # unreadable: kept, with a warning
    None,
]


def deadlines(path: Path) -> Path:
    """Deadlines in words, a date cell, a number cell, an unreadable phrase and a blank."""
    titles = [
        "推行科技项目“揭榜挂帅”", "深化科技体制改革", "以“线下+云上”多元化方式推进企业研发机构建设",
        "引导研发机构定向服务企业", "在中心城区布局建设都市科技创新园", "开展重大科技基础设施预研",
        "举办颠覆性技术创新大赛", "探索科技创新容错机制", "打造10家左右不同特色模式的标杆孵化器",
    ]  # fmt: skip
    rows = [["重点任务分解表"], ["序号", "重点任务", "牵头单位", "完成时限"]]
    rows += [
        [n, t, "市科技局", d]
        for n, (t, d) in enumerate(zip(titles, DEADLINE_CELLS, strict=True), 1)
    ]
    return write_book(path, rows)
