"""Domain records: plain dataclasses the store returns and every layer above uses.

Dates are ``datetime.date``; the store converts at its edge so nothing above it handles
ISO strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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
    contact: str = ""
    is_illustrative: bool = False
    aliases: list[str] = field(default_factory=list)


@dataclass
class TaskUnit:
    unit_id: int
    role: UnitRole
    is_illustrative: bool = False


@dataclass
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


@dataclass
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


@dataclass
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
    is_illustrative: bool = False


@dataclass
class ChangeLogEntry:
    """操作日志: one field of one record changed by one user action."""

    id: int
    batch_id: int
    at: datetime
    user: str
    source: str
    description: str
    entity: str
    entity_id: int | None
    field: str
    old_value: str | None
    new_value: str | None
