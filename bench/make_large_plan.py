"""Write a large synthetic plan file (20,000 tasks by default) for the benchmarks.

    .venv/bin/python bench/make_large_plan.py PATH [--tasks 20000] [--units 500]
        [--indicators 200] [--years 10] [--seed 1] [--force]

The file is created with ``PlanStore.create`` (so the schema is the real one) and filled with
bulk ``executemany`` inserts in one transaction. Only one change batch is recorded (no per-row
change log): a user's plan that large would have come from an import, not from typing.

Content is deterministic for a given seed (only the change batch's timestamp and user vary):
two plan documents (a five-year plan with programs, an action plan with projects; about one
program/project per 500 tasks), tasks of which about a quarter are sub-tasks (three levels at
most), one lead unit and 0-3 supporting units per task, milestones (~15 % of tasks), indicators
with ``--years`` years of actual values ending in 2026, and progress reports (~25 % of tasks).

Statuses and percents are drawn relative to 2026-11-23, the date the benchmarks were written,
and the plan's light rules turn the "due soon" (blue) light on (14 days), so that all six
lights occur when the plan is viewed around that date.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from qdplanner.domain.status_light import LightRules
from qdplanner.errors import QdError
from qdplanner.store import PlanStore
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import LIGHT_RULES_KEY

BATCH_DESCRIPTION = "synthetic plan by bench/make_large_plan.py"
REFERENCE_DAY = date(2026, 11, 23)  # statuses are drawn as a plan might stand on this day
LAST_VALUE_YEAR = 2026
TASKS_PER_STREAM = 500
SUBTASK_SHARE = 0.25
MILESTONE_SHARE = 0.15
REPORT_SHARE = 0.25

# --- word lists ---------------------------------------------------------------------------

FIELDS = [
    "海洋科技",
    "人工智能",
    "集成电路",
    "生物医药",
    "新能源汽车",
    "虚拟现实",
    "工业互联网",
    "智能家电",
    "轨道交通装备",
    "高端化工",
    "现代种业",
    "氢能",
    "新型储能",
    "区块链",
    "量子信息",
    "新材料",
    "航空航天",
    "船舶与海洋工程装备",
    "智能制造",
    "数字经济",
    "现代海洋渔业",
    "医疗器械",
    "节能环保",
    "智慧城市",
    "金融科技",
    "现代物流",
    "文化创意",
    "检验检测",
    "科技服务",
    "未来产业",
    "低空经济",
    "海洋牧场",
    "蓝色药库",
    "深远海养殖",
    "卫星互联网",
    "网络安全",
    "碳达峰碳中和",
    "乡村振兴",
    "健康养老",
]
VERBS = [
    "推进",
    "加快",
    "实施",
    "完善",
    "支持",
    "培育",
    "打造",
    "深化",
    "强化",
    "布局",
    "优化",
    "健全",
    "提升",
    "组织",
    "开展",
    "建立",
    "引进",
    "扩大",
]
OBJECTS = [
    "创新平台",
    "重点实验室",
    "技术创新中心",
    "产业园区",
    "公共服务平台",
    "创新联合体",
    "中试基地",
    "科技企业孵化器",
    "人才队伍",
    "科技金融体系",
    "成果转化机制",
    "应用场景",
    "标准体系",
    "产业链协同",
    "关键核心技术攻关",
    "高新技术企业梯队",
    "产学研合作",
    "概念验证中心",
    "示范工程",
    "重大科技基础设施",
    "知识产权保护",
    "国际科技合作",
]
ENDINGS = ["建设", "工作", "体系", "布局", "行动", "能力", "水平", "机制", ""]
TARGETS = [
    "建成{n}个以上",
    "新增{n}家以上",
    "培育{n}家左右",
    "突破{n}项关键技术",
    "引进{n}名高层次人才",
    "实现产值{n}亿元",
    "覆盖{n}个区（市）",
    "形成{n}项标准",
]
SUB_PREFIXES = ["组织", "开展", "完成", "制定", "编制", "启动", "推动", "落实"]
SUB_OBJECTS = [
    "实施方案",
    "年度计划",
    "专项评估",
    "试点示范",
    "项目遴选",
    "政策研究",
    "绩效考核",
    "申报指南",
    "调研论证",
    "资金拨付",
    "验收评审",
    "宣传推广",
    "数据统计",
]
NOTES = [
    "已纳入年度重点工作",
    "需市级财政资金支持",
    "涉及多部门协同",
    "进度滞后，已督办",
    "待省级部门批复",
    "按季度调度",
    "结合年度考核推进",
    "与上级政策衔接中",
]
PROGRAM_NAMES = ["创新工程", "攻坚计划", "提升计划", "培育工程", "引领计划", "赋能工程"]
PROJECT_NAMES = ["专项行动", "重点项目", "示范工程", "攻坚行动", "建设项目"]
GOALS = ["创新活力之城", "开放创新之城", "人才集聚之城", "产业创新之城", "创新生态之城"]
DISTRICTS = [
    "市南",
    "市北",
    "李沧",
    "崂山",
    "黄岛",
    "城阳",
    "即墨",
    "西海岸",
    "胶东",
    "蓝谷",
    "中山",
    "东城",
    "西城",
    "南湖",
    "北岭",
    "滨海",
    "临港",
    "高新",
    "红岛",
    "鳌山",
]
DEPARTMENTS = [
    "科技",
    "发展改革",
    "工业和信息化",
    "财政",
    "教育",
    "人力资源社会保障",
    "商务",
    "自然资源和规划",
    "生态环境",
    "住房城乡建设",
    "交通运输",
    "农业农村",
    "海洋发展",
    "卫生健康",
    "市场监管",
    "统计",
    "大数据",
    "金融",
    "国资",
    "文化和旅游",
    "应急管理",
    "民营经济",
    "投资促进",
    "审批服务",
    "司法",
    "水务管理",
    "城市管理",
    "园林和林业",
    "退役军人事务",
    "医疗保障",
    "外事",
    "档案",
    "地方志",
    "机关事务",
    "能源",
]
INSTITUTE_SUFFIXES = ["研究院", "研究所", "创新中心", "实验室", "大学", "技术研究院"]
ENTERPRISE_SUFFIXES = ["集团有限公司", "股份有限公司", "科技有限公司", "投资集团"]
METRICS = [
    ("研发经费投入强度", "%"),
    ("高新技术企业数量", "家"),
    ("科技型中小企业数量", "家"),
    ("每万人口高价值发明专利拥有量", "件"),
    ("技术合同成交额", "亿元"),
    ("规模以上工业企业研发机构覆盖率", "%"),
    ("产业规模", "亿元"),
    ("重点实验室数量", "个"),
    ("高层次人才数量", "人"),
    ("孵化器和众创空间数量", "家"),
    ("专利授权量", "件"),
    ("增加值占GDP比重", "%"),
    ("创新平台数量", "个"),
    ("城市创新能力排名", "位"),
]
SOURCES = [
    ("青岛统计年鉴", "青岛市统计局"),
    ("青岛市国民经济和社会发展统计公报", "青岛市统计局"),
    ("青岛市科技统计监测报告", "青岛市科学技术局"),
    ("国家创新型城市创新能力评价报告", "科技部"),
    ("山东省科技统计公报", "山东省科学技术厅"),
]
NARRATIVES = [
    "已完成年度目标的{p}%，相关项目按计划推进。",
    "召开专题调度会{n}次，协调解决问题{n}个。",
    "完成项目立项{n}项，落实资金{n}千万元。",
    "组织专家论证，形成阶段性成果。",
]
PROBLEMS = ["", "", "资金到位较慢", "用地指标紧张", "人才引进难度较大", "跨部门协调不足"]
NEXT_STEPS = ["加快推进实施", "加强跟踪调度", "做好验收准备", "推动政策落地", "强化要素保障"]
FILLERS = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷"]
CN_DIGITS = "零一二三四五六七八九"
QUARTERS = "一二三四"


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 40 → 四十, 105 → 一百零五, 230 → 二百三十 (section numbers of any plan
    size: a 100,000-task plan has about 200 programs and projects)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
    for size, word in ((10_000, "万"), (1_000, "千"), (100, "百")):
        if n >= size:
            head, rest = divmod(n, size)
            if not rest:
                tail = ""
            elif rest < size // 10:
                tail = "零" + cn_number(rest)
            elif rest < 20 and size == 100:
                tail = "一" + cn_number(rest)  # 一百一十
            else:
                tail = cn_number(rest)
            return cn_number(head) + word + tail
    raise AssertionError("unreachable")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# --- generator ------------------------------------------------------------------------------


class PlanGenerator:
    def __init__(self, args: argparse.Namespace):
        self.rng = random.Random(args.seed)
        self.n_tasks = args.tasks
        self.n_units = args.units
        self.n_indicators = args.indicators
        self.n_years = args.years
        self.rows: dict[str, list[tuple]] = {}

    # units ------------------------------------------------------------------------------
    def units(self) -> None:
        rng = self.rng
        names: dict[str, tuple[str, str]] = {}  # name -> (short name, kind)
        for dept in DEPARTMENTS:
            names[f"青岛市{dept}局"] = (f"市{dept}局", "department")
        for district in DISTRICTS:
            names[f"{district}区人民政府"] = (f"{district}区", "district")
        attempts = 0
        while len(names) < self.n_units and attempts < self.n_units * 100:
            attempts += 1
            roll = rng.random()
            if roll < 0.45:
                name = f"青岛{rng.choice(FIELDS)}{rng.choice(INSTITUTE_SUFFIXES)}"
                short, kind = name.removeprefix("青岛"), "institute"
            elif roll < 0.8:
                name = f"青岛{rng.choice(FIELDS)}{rng.choice(ENTERPRISE_SUFFIXES)}"
                short, kind = name.removeprefix("青岛")[:8], "enterprise"
            else:
                name = f"{rng.choice(DISTRICTS)}区{rng.choice(DEPARTMENTS)}局"
                short, kind = "", "department"
            names.setdefault(name, (short, kind))
        if len(names) < self.n_units:
            raise SystemExit(f"cannot make {self.n_units} distinct unit names")
        chosen = list(names.items())[: self.n_units]
        self.rows["units"] = [
            (uid, name, short, kind, "", "", 0)
            for uid, (name, (short, kind)) in enumerate(chosen, start=1)
        ]
        # Short names as aliases (市科技局 = 青岛市科技局), where they name one unit only.
        shorts = Counter(r[2] for r in self.rows["units"] if r[2])
        taken = {r[1] for r in self.rows["units"]}
        self.rows["unit_aliases"] = [
            (uid, short)
            for uid, _name, short, *_ in self.rows["units"]
            if short and shorts[short] == 1 and short not in taken
        ]
        # A few units lead most tasks, as in a real plan: weight municipal departments up.
        self.unit_ids = [r[0] for r in self.rows["units"]]
        weights = [
            8.0 if r[3] == "department" else 3.0 if r[3] == "district" else 1.0
            for r in self.rows["units"]
        ]
        self.unit_cum = []
        total = 0.0
        for w in weights:
            total += w
            self.unit_cum.append(total)

    # documents, programs, projects -------------------------------------------------------
    def outline(self) -> None:
        rng = self.rng
        n_streams = max(15, round(self.n_tasks / TASKS_PER_STREAM))
        n_programs = max(1, round(n_streams * 7 / 15))
        n_projects = n_streams - n_programs
        self.rows["plan_documents"] = [
            (
                1,
                "青岛市“十四五”科技创新规划",
                "five_year_plan",
                2021,
                2025,
                "青岛市人民政府",
                "2021-09-30",
                "（合成数据）五年规划，按计划组织任务。",
                0,
            ),
            (
                2,
                "青岛市科技创新行动方案（2023—2026年）",
                "action_plan",
                2023,
                2026,
                "青岛市人民政府办公厅",
                "2023-03-15",
                "（合成数据）行动方案，按工程组织任务。",
                1,
            ),
        ]
        fields = rng.sample(FIELDS, len(FIELDS))
        self.streams: list[tuple[str, int, int]] = []  # (table, id, document id)
        self.rows["programs"], self.rows["projects"] = [], []
        for i in range(n_programs):
            name = f"{fields[i % len(fields)]}{PROGRAM_NAMES[i % len(PROGRAM_NAMES)]}"
            self.rows["programs"].append(
                (i + 1, 1, cn_number(i + 1), name, f"围绕{fields[i % len(fields)]}领域的计划。", i)
            )
            self.streams.append(("program", i + 1, 1))
        for j in range(n_projects):
            field = fields[(n_programs + j) % len(fields)]
            name = f"{field}{PROJECT_NAMES[j % len(PROJECT_NAMES)]}"
            self.rows["projects"].append(
                (j + 1, 2, f"（{cn_number(j + 1)}）", name, f"{field}领域的重点工程。", j)
            )
            self.streams.append(("project", j + 1, 2))
        self.rows["goals"] = [
            (d * len(GOALS) + g + 1, d + 1, name, "", g)
            for d in range(2)
            for g, name in enumerate(GOALS)
        ]

    # tasks --------------------------------------------------------------------------------
    def title(self, sub: bool) -> str:
        rng = self.rng
        while True:
            if sub:
                text = (
                    f"{rng.choice(SUB_PREFIXES)}{rng.choice(FIELDS)}"
                    f"{rng.choice(OBJECTS)}{rng.choice(SUB_OBJECTS)}"
                )
            else:
                text = (
                    f"{rng.choice(VERBS)}{rng.choice(FIELDS)}{rng.choice(OBJECTS)}"
                    f"{rng.choice(ENDINGS)}"
                )
            if rng.random() < 0.5:
                target = rng.choice(TARGETS).format(n=rng.choice([2, 3, 5, 10, 20, 50, 100]))
                text += f"，到{rng.randint(2023, 2026)}年{target}"
            if 10 <= len(text) <= 40:
                return text

    def deadline(self) -> tuple[str | None, str | None, str]:
        """(start, due, deadline text), the text consistent with the dates."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.06:
            start = date(rng.randint(2022, 2024), 1, 1) if rng.random() < 0.6 else None
            return (
                (start.isoformat() if start else None),
                None,
                rng.choice(["长期坚持", "长期坚持", "持续推进", "常态化推进"]),
            )
        if roll < 0.08:
            return date(rng.randint(2022, 2024), 1, 1).isoformat(), None, "每年"
        due_year = rng.choices([2022, 2023, 2024, 2025, 2026], [10, 16, 22, 24, 28])[0]
        kind = rng.random()
        if kind < 0.45:
            due = date(due_year, 12, 31)
            text = rng.choice([f"{due_year}年底前", f"{due_year}年底前", f"{due_year}年"])
        elif kind < 0.75:
            month = rng.randint(1, 12)
            due = month_end(due_year, month)
            text = rng.choice([f"{due_year}年{month}月底前", f"{due_year}年{month}月"])
        elif kind < 0.9:
            quarter = rng.randint(1, 4)
            due = month_end(due_year, quarter * 3)
            text = f"{due_year}年第{QUARTERS[quarter - 1]}季度"
        else:
            first = rng.randint(2022, due_year)
            if first == due_year:
                due = date(due_year, 12, 31)
                text = f"{due_year}年底前"
            else:
                # A range states its own start: 2022—2024年 runs from 2022-01-01.
                return (
                    date(first, 1, 1).isoformat(),
                    date(due_year, 12, 31).isoformat(),
                    f"{first}—{due_year}年",
                )
        earliest = date(2022, 1, 1)
        span = max(0, min((due - earliest).days, rng.randint(60, 3 * 365)))
        start = due - timedelta(days=rng.randint(min(30, span), span) if span else 0)
        if rng.random() < 0.1 and due.year == 2026 and due.month == 12:
            start = date(2026, 12, 1)  # not started yet on the reference day (grey)
        return start.isoformat(), due.isoformat(), text

    def status(self, start: str | None, due: str | None) -> tuple[str, int]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.03:
            return "suspended", rng.randrange(0, 65, 5)
        if roll < 0.05:
            return "cancelled", rng.randrange(0, 35, 5)
        ref = REFERENCE_DAY.isoformat()
        if start and start > ref:
            return "not_started", 0
        if due and due < ref:  # past due: mostly done, some overdue
            if rng.random() < 0.8:
                return "done", 100
            return "in_progress", rng.randrange(30, 100, 5)
        if rng.random() < 0.1:
            return "done", 100
        if rng.random() < 0.05:
            return "not_started", 0
        return "in_progress", rng.choice([20, 40, 60, 70, 80, 85, 90, 95, 95, 95])

    def tasks(self) -> None:
        rng = self.rng
        n_streams = len(self.streams)
        weights = [rng.uniform(0.8, 1.2) for _ in range(n_streams)]
        total = sum(weights)
        counts = [int(self.n_tasks * w / total) for w in weights]
        for i in range(self.n_tasks - sum(counts)):
            counts[i % n_streams] += 1
        tasks, task_units, self.task_info = [], [], []
        next_id = 1
        for (kind, sid, _doc), count in zip(self.streams, counts, strict=True):
            n_sub = round(count * SUBTASK_SHARE)
            n_top = count - n_sub
            # (id, depth, code, child count) of the tasks that may still take sub-tasks
            parents: list[list] = []
            for pos in range(n_top):
                parents.append([next_id + pos, 0, str(pos + 1), 0])
            rows = [(p[0], None, pos, p[2], 0) for pos, p in enumerate(parents)]
            next_id += n_top
            for _ in range(n_sub):
                parent = rng.choice(parents)
                parent[3] += 1
                code = f"{parent[2]}.{parent[3]}"
                rows.append((next_id, parent[0], parent[3] - 1, code, parent[1] + 1))
                if parent[1] + 1 < 2:  # three levels at most: depth 0, 1, 2
                    parents.append([next_id, parent[1] + 1, code, 0])
                next_id += 1
            program_id, project_id = (sid, None) if kind == "program" else (None, sid)
            for task_id, parent_id, pos, code, depth in rows:
                start, due, text = self.deadline()
                status, percent = self.status(start, due)
                illustrative = int(rng.random() < 0.05)
                description = (
                    f"围绕{rng.choice(FIELDS)}，{rng.choice(VERBS)}"
                    f"{rng.choice(OBJECTS)}{rng.choice(ENDINGS)}。"
                    if rng.random() < 0.5
                    else ""
                )
                notes = rng.choice(NOTES) if rng.random() < 0.3 else ""
                tasks.append(
                    (
                        task_id,
                        program_id,
                        project_id,
                        parent_id,
                        pos,
                        code,
                        self.title(sub=depth > 0),
                        description,
                        start,
                        due,
                        text,
                        status,
                        percent,
                        notes,
                        illustrative,
                    )
                )
                units = self.task_units(task_id, illustrative)
                task_units.extend(units)
                self.task_info.append((task_id, start, due, status, percent, units[0][1]))
        self.rows["tasks"] = tasks
        self.rows["task_units"] = task_units

    def task_units(self, task_id: int, illustrative: int) -> list[tuple]:
        rng = self.rng
        picked = rng.choices(self.unit_ids, cum_weights=self.unit_cum, k=4)
        n_support = rng.choices([0, 1, 2, 3], [20, 35, 30, 15])[0]
        units, seen = [], set()
        for uid in picked:
            if uid not in seen:
                seen.add(uid)
                units.append(uid)
        units = units[: 1 + n_support]
        return [
            (task_id, uid, "lead" if pos == 0 else "support", pos, illustrative)
            for pos, uid in enumerate(units)
        ]

    # milestones, indicators, reports ----------------------------------------------------------
    def milestones(self) -> None:
        rng = self.rng
        rows = []
        want = round(self.n_tasks * MILESTONE_SHARE)
        # Two milestones of each program/project itself: a mid-term review and the acceptance.
        stream_ms = 2 * len(self.streams)
        for pos, title in enumerate(("中期评估", "总结验收")):
            for kind, sid, _doc in self.streams:
                planned = month_end(2022 + 2 * pos + rng.randint(0, 2), rng.choice([6, 12]))
                rows.append(
                    (
                        None,
                        sid if kind == "program" else None,
                        sid if kind == "project" else None,
                        title,
                        planned.isoformat(),
                        None,
                        "",
                        0,
                        pos,
                    )
                )
        for task_id, start, due, status, _pct, _lead in rng.sample(
            self.task_info, min(len(self.task_info), max(0, want - stream_ms))
        ):
            first = date.fromisoformat(start) if start else date(2022, 1, 1)
            last = date.fromisoformat(due) if due else date(2026, 12, 31)
            planned = first + timedelta(days=rng.randint(0, max(0, (last - first).days)))
            actual = None
            if status == "done" or (planned < REFERENCE_DAY and rng.random() < 0.5):
                actual = (planned + timedelta(days=rng.randint(-20, 40))).isoformat()
            rows.append(
                (
                    task_id,
                    None,
                    None,
                    f"{rng.choice(SUB_PREFIXES)}{rng.choice(SUB_OBJECTS)}",
                    planned.isoformat(),
                    actual,
                    "",
                    0,
                    0,
                )
            )
        self.rows["milestones"] = rows

    def indicators(self) -> None:
        rng = self.rng
        first_year = LAST_VALUE_YEAR - self.n_years + 1
        self.rows["sources"] = [
            (i + 1, title, publisher, f"{2020 + i}-06-30", "")
            for i, (title, publisher) in enumerate(SOURCES)
        ]
        indicators, values = [], []
        goals_by_doc = {
            1: [g[0] for g in self.rows["goals"] if g[1] == 1],
            2: [g[0] for g in self.rows["goals"] if g[1] == 2],
        }
        value_id = 1
        for i in range(self.n_indicators):
            doc = 1 if i < self.n_indicators * 0.6 else 2
            metric, measure = rng.choice(METRICS)
            name = f"{rng.choice(FIELDS)}{metric}"
            lower = measure == "位"
            base = rng.uniform(1, 10) if measure == "%" else rng.uniform(5, 500)
            growth = rng.uniform(0.02, 0.15)
            program_id = project_id = None
            stream_kind, sid, _ = rng.choice([s for s in self.streams if s[2] == doc])
            if rng.random() < 0.5:
                if stream_kind == "program":
                    program_id = sid
                else:
                    project_id = sid
            baseline_year = 2020 if doc == 1 else 2022
            target_year = 2025 if doc == 1 else 2026
            baseline = round(base * (1 + growth) ** (baseline_year - first_year), 2)
            target = round(base * (1 + growth) ** (target_year - first_year + 1), 2)
            indicators.append(
                (
                    i + 1,
                    doc,
                    program_id,
                    project_id,
                    rng.choice(goals_by_doc[doc]),
                    f"{'A' if doc == 1 else 'B'}{i + 1:03d}",
                    name,
                    measure,
                    "lower" if lower else "higher",
                    "top_n" if lower else "ge",
                    baseline_year,
                    baseline,
                    "",
                    target_year,
                    target,
                    "",
                    "binding" if rng.random() < 0.2 else "aspirational",
                    "annual" if measure == "%" else "cumulative",
                    "",
                    i,
                )
            )
            for k in range(self.n_years):
                year = first_year + k
                value = base * (1 + growth) ** k * rng.uniform(0.95, 1.05)
                source_id = rng.randint(1, len(SOURCES))
                values.append(
                    (
                        value_id,
                        i + 1,
                        year,
                        "",
                        "actual",
                        round(value, 2),
                        source_id,
                        "",
                        f"{year + 1}-0{rng.randint(3, 6)}-15",
                        "",
                    )
                )
                value_id += 1
        self.rows["indicators"] = indicators
        self.rows["indicator_values"] = values

    def reports(self) -> None:
        rng = self.rng
        want = round(self.n_tasks * REPORT_SHARE)
        candidates = [t for t in self.task_info if t[3] in ("in_progress", "done")]
        seen: set[tuple[int, str]] = set()
        rows = []
        attempts = 0
        while len(rows) < want and attempts < want * 20 and candidates:
            attempts += 1
            task_id, start, due, status, percent, lead = rng.choice(candidates)
            first = date.fromisoformat(start) if start else date(2022, 1, 1)
            last = min(date.fromisoformat(due) if due else REFERENCE_DAY, REFERENCE_DAY)
            if last < first:
                continue
            day = first + timedelta(days=rng.randint(0, (last - first).days))
            period = f"{day.year}Q{(day.month - 1) // 3 + 1}"
            if (task_id, period) in seen:
                continue
            seen.add((task_id, period))
            quarter_last = month_end(day.year, ((day.month - 1) // 3 + 1) * 3)
            reported = quarter_last + timedelta(days=rng.randint(1, 15))
            pct = percent if status == "done" else rng.randrange(0, percent + 1, 5)
            rows.append(
                (
                    task_id,
                    period,
                    "done" if pct == 100 else "in_progress",
                    pct,
                    rng.choice(NARRATIVES).format(p=pct, n=rng.randint(1, 9)),
                    rng.choice(PROBLEMS),
                    rng.choice(NEXT_STEPS),
                    lead,
                    reported.isoformat(),
                    (reported + timedelta(days=rng.randint(0, 5))).isoformat(),
                    rng.choice(FILLERS),
                    f"{period}季度填报",
                    0,
                )
            )
        self.rows["progress_reports"] = rows

    def generate(self) -> dict[str, list[tuple]]:
        self.units()
        self.outline()
        self.tasks()
        self.milestones()
        self.indicators()
        self.reports()
        return self.rows


INSERTS = {
    "units": "INSERT INTO units (id, name, short_name, kind, contact, notes, is_illustrative)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)",
    "unit_aliases": "INSERT INTO unit_aliases (unit_id, alias) VALUES (?, ?)",
    "plan_documents": "INSERT INTO plan_documents (id, title, kind, start_year, end_year, issuer,"
    " issued_on, description, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "programs": "INSERT INTO programs (id, plan_document_id, code, name, description, position)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    "projects": "INSERT INTO projects (id, plan_document_id, code, name, description, position)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    "goals": "INSERT INTO goals (id, plan_document_id, name, description, position)"
    " VALUES (?, ?, ?, ?, ?)",
    "tasks": "INSERT INTO tasks (id, program_id, project_id, parent_id, position, code, title,"
    " description, start_date, due_date, deadline_text, status, percent, notes,"
    " is_illustrative) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "task_units": "INSERT INTO task_units (task_id, unit_id, role, position, is_illustrative)"
    " VALUES (?, ?, ?, ?, ?)",
    "milestones": "INSERT INTO milestones (task_id, program_id, project_id, title, planned_date,"
    " actual_date, notes, is_illustrative, position)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "sources": "INSERT INTO sources (id, title, publisher, published, url) VALUES (?, ?, ?, ?, ?)",
    "indicators": "INSERT INTO indicators (id, plan_document_id, program_id, project_id, goal_id,"
    " code, name, measure_unit, direction, comparator, baseline_year,"
    " baseline_value, baseline_text, target_year, target_value, target_text,"
    " nature, accumulation, notes, position)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "indicator_values": "INSERT INTO indicator_values (id, indicator_id, year, period, kind,"
    " value, source_id, source, source_date, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "progress_reports": "INSERT INTO progress_reports (task_id, period, status, percent,"
    " narrative, problems, next_steps, reporting_unit_id, reported_on,"
    " received_on, filled_by, source, is_illustrative)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the plan file to write (*.qdplan)")
    parser.add_argument("--tasks", type=int, default=20000)
    parser.add_argument("--units", type=int, default=500)
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument(
        "--years",
        type=int,
        default=10,
        help=f"years of indicator values, ending in {LAST_VALUE_YEAR}",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace PATH if it exists")
    parser.add_argument("--quiet", action="store_true")
    return parser


def make_plan(
    path: Path,
    *,
    tasks: int = 20000,
    units: int = 500,
    indicators: int = 200,
    years: int = 10,
    seed: int = 1,
    force: bool = False,
) -> dict[str, int]:
    """Write the synthetic plan to ``path``; return the row count of each table filled."""
    args = argparse.Namespace(
        tasks=tasks, units=units, indicators=indicators, years=years, seed=seed
    )
    if tasks < 1 or units < 4 or indicators < 0 or years < 1:
        raise SystemExit("need at least 1 task, 4 units, 0 indicators and 1 year")
    rows = PlanGenerator(args).generate()
    store = PlanStore.create(path, overwrite=force)
    try:
        with store.db.atomic():
            # One change batch says where the plan came from (reading batch_id writes it).
            batch = ChangeSet(
                store.db, source="command", description=BATCH_DESCRIPTION, user=store.user
            ).batch_id
            rules = LightRules(blue_within_days=14).to_dict()
            store.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [LIGHT_RULES_KEY, json.dumps(rules, sort_keys=True)],
            )
            for table, sql in INSERTS.items():
                store.db.conn.executemany(sql, rows[table])
    finally:
        store.close()
    return {"change_batches": 1 if batch else 0} | {t: len(rows[t]) for t in INSERTS}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    t0 = time.perf_counter()
    try:
        counts = make_plan(
            args.path,
            tasks=args.tasks,
            units=args.units,
            indicators=args.indicators,
            years=args.years,
            seed=args.seed,
            force=args.force,
        )
    except QdError as exc:
        print(
            f"make_large_plan: {exc}" + ("" if args.force else " (--force replaces it)"),
            file=sys.stderr,
        )
        return 1
    elapsed = time.perf_counter() - t0
    if not args.quiet:
        size = args.path.stat().st_size
        print(f"Wrote {args.path}: " + ", ".join(f"{n} {t}" for t, n in counts.items() if n))
        print(f"time {elapsed:.2f} s, size {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
