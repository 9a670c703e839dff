"""Domain records: plain dataclasses the store returns and every layer above uses.

Dates are ``datetime.date``; the store converts at its edge so nothing above it handles
ISO strings. (One exception, for what another program wrote into a plan file: a stored date
the store cannot read reaches the workbook export as its text, shown rather than lost.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from qdplanner.domain.enums import (
    Accumulation,
    Comparator,
    Direction,
    IndicatorNature,
    PlanKind,
    TaskStatus,
    UnitKind,
    UnitRole,
    ValueKind,
)


@dataclass
class PlanDocument:
    id: int | None
    title: str
    kind: PlanKind = PlanKind.OTHER
    start_year: int | None = None
    end_year: int | None = None
    issuer: str = ""
    issued_on: date | None = None
    description: str = ""
    position: int = 0


@dataclass
class Goal:
    """目标: a goal a plan document sets; indicators may measure it."""

    id: int | None
    plan_document_id: int
    name: str
    description: str = ""
    position: int = 0


@dataclass
class Program:
    """计划: a work stream of a plan document (the five-year plan has seven)."""

    id: int | None
    plan_document_id: int
    name: str
    code: str = ""
    description: str = ""
    position: int = 0


@dataclass
class Project:
    """工程: an engineering project of a plan document (the action plan has eight)."""

    id: int | None
    plan_document_id: int
    name: str
    code: str = ""
    description: str = ""
    position: int = 0


@dataclass
class Unit:
    """责任单位: a body that leads or supports tasks."""

    id: int | None
    name: str
    short_name: str = ""
    kind: UnitKind = UnitKind.DEPARTMENT
    contact: str = ""  # the contact person (联系人)
    notes: str = ""
    is_illustrative: bool = False
    aliases: list[str] = field(default_factory=list)
    phone: str = ""  # 联系电话


@dataclass(slots=True)  # slots: plans hold tens of thousands of these
class TaskUnit:
    """A unit's role on a task: the lead (position 0) or a supporting unit (1, 2, …)."""

    task_id: int
    unit_id: int
    role: UnitRole
    position: int = 0
    is_illustrative: bool = False


@dataclass(slots=True)  # slots: plans hold tens of thousands of these
class Task:
    """任务/举措 of a program or a project; ``parent_id`` makes it a sub-task."""

    id: int | None
    title: str
    program_id: int | None = None
    project_id: int | None = None
    parent_id: int | None = None
    code: str = ""
    description: str = ""
    start_date: date | None = None
    due_date: date | None = None
    deadline_text: str = ""
    status: TaskStatus = TaskStatus.NOT_STARTED
    percent: int = 0
    notes: str = ""
    is_illustrative: bool = False
    position: int = 0


@dataclass(slots=True)  # slots: plans hold tens of thousands of these
class Milestone:
    """节点: a dated checkpoint of a task, a program or a project."""

    id: int | None
    title: str
    planned_date: date | None
    actual_date: date | None = None
    task_id: int | None = None
    program_id: int | None = None
    project_id: int | None = None
    notes: str = ""
    is_illustrative: bool = False
    position: int = 0


@dataclass
class Indicator:
    """指标: a measurable target of a plan document."""

    id: int | None
    plan_document_id: int
    name: str
    code: str = ""
    program_id: int | None = None
    project_id: int | None = None
    goal_id: int | None = None
    measure_unit: str = ""
    direction: Direction = Direction.HIGHER
    comparator: Comparator = Comparator.GE
    baseline_year: int | None = None
    baseline_value: float | None = None
    baseline_text: str = ""
    target_year: int | None = None
    target_value: float | None = None
    target_text: str = ""
    nature: IndicatorNature = IndicatorNature.ASPIRATIONAL
    accumulation: Accumulation = Accumulation.CUMULATIVE
    notes: str = ""
    position: int = 0


@dataclass
class Source:
    """数据来源: a publication indicator values are taken from."""

    id: int | None
    title: str
    publisher: str = ""
    published: date | None = None
    url: str = ""


@dataclass
class IndicatorValue:
    id: int | None
    indicator_id: int
    year: int
    value: float | None
    kind: ValueKind = ValueKind.ACTUAL
    period: str = ""  # "" for the whole year, else e.g. "2025H1"
    source_id: int | None = None
    source: str = ""
    source_date: date | None = None
    notes: str = ""


@dataclass(slots=True)  # slots: plans hold tens of thousands of these
class ProgressReport:
    """进展: a task's progress for one period (e.g. 2024Q3)."""

    id: int | None
    task_id: int
    period: str
    status: TaskStatus
    percent: int
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""
    reporting_unit_id: int | None = None
    reported_on: date | None = None
    received_on: date | None = None
    filled_by: str = ""
    source: str = ""  # form, import:FILE …: how the report came in
    is_illustrative: bool = False
