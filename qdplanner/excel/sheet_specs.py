"""The workbook's layout, as data: one sheet per kind of record, its columns and their headers.

Export writes these sheets in this order; import recognises a sheet by its name and a column
by its header, in either language (so a Chinese workbook imports into an English window and
back), whatever order the columns are in. The first column of every sheet is the record's
stable ID (``ID``), which import uses to match rows to records; a row with a blank ID is a new
record. A read-only column (derived, e.g. a task's level) is written for reading and ignored on
import. A column missing from an imported sheet leaves that field of every record unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

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
from qdplanner.domain.limits import FIRST_YEAR, LAST_YEAR
from qdplanner.domain.unit_names import name_key


class Kind(StrEnum):
    ID = "id"  # the record's stable ID (blank: a new record)
    INT = "int"
    PERCENT = "percent"  # a whole percent 0–100, as people type it (80, 80%, ８０％)
    FLOAT = "float"
    TEXT = "text"
    DATE = "date"  # a real Excel date (yyyy-mm-dd)
    BOOL = "bool"  # 是/否
    ENUM = "enum"  # a coded value shown by its label
    REF = "ref"  # the ID of a record of another sheet
    UNIT = "unit"  # one unit, by name (short names and aliases accepted)
    UNITS = "units"  # several units, by name, joined by 、
    NAMES = "names"  # several words joined by 、 (a unit's aliases)


@dataclass(frozen=True)
class Column:
    key: str  # the table's column, or a derived name (lead_unit, aliases, level …)
    zh: str
    en: str
    kind: Kind
    enum: type[StrEnum] | None = None
    ref: str | None = None  # the sheet key a REF column points into
    readonly: bool = False
    required: bool = False
    default: Any = None  # stored when the cell is empty
    low: int | None = None  # whole-number range, inclusive
    high: int | None = None
    width: int = 14  # widest the column is made, in characters
    db: bool = True  # False: not a column of the table (handled by the importer)
    keep_if_empty: bool = False  # an emptied cell leaves the stored value as it is
    former: tuple[str, ...] = ()  # headers older workbooks gave the column (still read)

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh_CN" else self.en


@dataclass(frozen=True)
class SheetSpec:
    key: str  # also the value of the store's RecordKind of the sheet's records (a test checks)
    zh: str
    en: str
    columns: tuple[Column, ...]
    label: str  # the column that names a record in messages (title, name …)

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh_CN" else self.en

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _id() -> Column:
    return Column("id", "ID", "ID", Kind.ID, width=8)


def _ref(key: str, zh: str, en: str, sheet: str, *, required: bool = False) -> Column:
    return Column(key, zh, en, Kind.REF, ref=sheet, required=required, width=10)


def _text(key: str, zh: str, en: str, *, required: bool = False, width: int = 20) -> Column:
    return Column(key, zh, en, Kind.TEXT, required=required, default="", width=width)


def _date(key: str, zh: str, en: str) -> Column:
    return Column(key, zh, en, Kind.DATE, width=12)


def _enum(key: str, zh: str, en: str, enum: type[StrEnum], default: str | None) -> Column:
    return Column(key, zh, en, Kind.ENUM, enum=enum, default=default, required=default is None)


def _position() -> Column:
    return Column("position", "排序", "Order", Kind.INT, low=0, width=8, keep_if_empty=True)


def _year(key: str, zh: str, en: str, *, required: bool = False) -> Column:
    return Column(key, zh, en, Kind.INT, low=FIRST_YEAR, high=LAST_YEAR, required=required,
                  width=10)  # fmt: skip


def _percent() -> Column:
    return Column("percent", "完成进度(%)", "Percent complete", Kind.PERCENT, low=0, high=100,
                  default=0, width=10)  # fmt: skip


def _illustrative() -> Column:
    return Column("is_illustrative", "示例数据", "Illustrative", Kind.BOOL, default=False, width=8)


def _derived(key: str, zh: str, en: str, kind: Kind = Kind.TEXT, width: int = 30) -> Column:
    return Column(key, f"{zh}(只读)", f"{en} (read-only)", kind, readonly=True, width=width,
                  db=False)  # fmt: skip


def _stream_sheet(key: str, zh: str, en: str) -> SheetSpec:
    return SheetSpec(
        key, zh, en,
        (
            _id(),
            _ref("plan_document_id", "规划文件ID", "Plan document ID", "plan_documents",
                 required=True),
            _text("code", "序号", "Code", width=8),
            _text("name", "名称", "Name", required=True, width=40),
            _text("description", "说明", "Description", width=50),
            _position(),
        ),
        "name",
    )  # fmt: skip


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "plan_documents", "规划文件", "Plan documents",
        (
            _id(),
            _text("title", "标题", "Title", required=True, width=50),
            _enum("kind", "类型", "Kind", PlanKind, "other"),
            _year("start_year", "起始年份", "Start year"),
            _year("end_year", "结束年份", "End year"),
            _text("issuer", "发布机关", "Issuer", width=30),
            _date("issued_on", "发布日期", "Issued on"),
            _text("description", "说明", "Description", width=50),
            _position(),
        ),
        "title",
    ),
    SheetSpec(
        "goals", "目标", "Goals",
        (
            _id(),
            _ref("plan_document_id", "规划文件ID", "Plan document ID", "plan_documents",
                 required=True),
            _text("name", "名称", "Name", required=True, width=30),
            _text("description", "说明", "Description", width=50),
            _position(),
        ),
        "name",
    ),
    _stream_sheet("programs", "计划", "Programs"),
    _stream_sheet("projects", "工程", "Projects"),
    SheetSpec(
        "tasks", "任务", "Tasks",
        (
            _id(),
            _ref("parent_id", "上级任务ID", "Parent ID", "tasks"),
            _ref("program_id", "计划ID", "Program ID", "programs"),
            _ref("project_id", "工程ID", "Project ID", "projects"),
            _derived("stream", "所属计划/工程", "Program or project", width=24),
            _derived("level", "层级", "Level", Kind.INT, width=8),
            _position(),
            _text("code", "序号", "Code", width=8),
            _text("title", "任务名称", "Title", required=True, width=50),
            _text("description", "任务内容", "Description", width=40),
            _date("start_date", "开始日期", "Start date"),
            _date("due_date", "截止日期", "Due date"),
            _text("deadline_text", "完成时限", "Deadline", width=16),
            _enum("status", "状态", "Status", TaskStatus, "not_started"),
            _percent(),
            Column("lead_unit", "牵头单位", "Lead unit", Kind.UNIT, width=24, db=False),
            Column("support_units", "配合单位", "Supporting units", Kind.UNITS, width=40,
                   db=False),
            _text("notes", "备注", "Notes", width=30),
            _illustrative(),
        ),
        "title",
    ),
    SheetSpec(
        "milestones", "节点", "Milestones",
        (
            _id(),
            _ref("task_id", "任务ID", "Task ID", "tasks"),
            _ref("program_id", "计划ID", "Program ID", "programs"),
            _ref("project_id", "工程ID", "Project ID", "projects"),
            _text("title", "节点名称", "Title", required=True, width=40),
            _date("planned_date", "计划日期", "Planned date"),
            _date("actual_date", "实际日期", "Actual date"),
            _text("notes", "备注", "Notes", width=30),
            _illustrative(),
            _position(),
        ),
        "title",
    ),
    SheetSpec(
        "units", "责任单位", "Units",
        (
            _id(),
            _text("name", "单位名称", "Name", required=True, width=36),
            _text("short_name", "简称", "Short name", width=16),
            _enum("kind", "类型", "Kind", UnitKind, "department"),
            # 联系方式 was the one contact column of workbooks before the phone had its own
            replace(_text("contact", "联系人", "Contact person", width=12), former=("联系方式",)),
            _text("phone", "联系电话", "Phone", width=18),
            _text("notes", "备注", "Notes", width=30),
            Column("aliases", "别名", "Aliases", Kind.NAMES, width=30, db=False),
            _illustrative(),
        ),
        "name",
    ),
    SheetSpec(
        "task_units", "任务分工", "Task units",
        (
            _ref("task_id", "任务ID", "Task ID", "tasks", required=True),
            _derived("task_title", "任务名称", "Task title"),
            Column("unit", "单位", "Unit", Kind.UNIT, required=True, width=36, db=False),
            _enum("role", "角色", "Role", UnitRole, None),
            _position(),
            _illustrative(),
        ),
        "unit",
    ),
    SheetSpec(
        "indicators", "指标", "Indicators",
        (
            _id(),
            _ref("plan_document_id", "规划文件ID", "Plan document ID", "plan_documents",
                 required=True),
            _ref("program_id", "计划ID", "Program ID", "programs"),
            _ref("project_id", "工程ID", "Project ID", "projects"),
            _ref("goal_id", "目标ID", "Goal ID", "goals"),
            _text("code", "序号", "Code", width=8),
            _text("name", "指标名称", "Name", required=True, width=40),
            _text("measure_unit", "计量单位", "Unit of measure", width=10),
            _enum("direction", "方向", "Direction", Direction, "higher"),
            _enum("comparator", "比较方式", "Comparator", Comparator, "ge"),
            _year("baseline_year", "基期年份", "Baseline year"),
            Column("baseline_value", "基期值", "Baseline value", Kind.FLOAT),
            _text("baseline_text", "基期说明", "Baseline text"),
            _year("target_year", "目标年份", "Target year"),
            Column("target_value", "目标值", "Target value", Kind.FLOAT),
            _text("target_text", "目标说明", "Target text"),
            _enum("nature", "属性", "Nature", IndicatorNature, "aspirational"),
            _enum("accumulation", "统计口径", "Accumulation", Accumulation, "cumulative"),
            _text("notes", "备注", "Notes", width=30),
            _position(),
        ),
        "name",
    ),
    SheetSpec(
        "sources", "数据来源", "Sources",
        (
            _id(),
            _text("title", "标题", "Title", required=True, width=40),
            _text("publisher", "发布机构", "Publisher", width=20),
            _date("published", "发布日期", "Published"),
            _text("url", "网址", "URL", width=40),
        ),
        "title",
    ),
    SheetSpec(
        "indicator_values", "指标数值", "Indicator values",
        (
            _id(),
            _ref("indicator_id", "指标ID", "Indicator ID", "indicators", required=True),
            _derived("indicator_name", "指标名称", "Indicator"),
            _year("year", "年份", "Year", required=True),
            _text("period", "期间", "Period", width=10),
            _enum("kind", "类别", "Kind", ValueKind, "actual"),
            Column("value", "数值", "Value", Kind.FLOAT),
            _ref("source_id", "来源ID", "Source ID", "sources"),
            _text("source", "来源", "Source", width=30),
            _date("source_date", "来源日期", "Source date"),
            _text("notes", "备注", "Notes", width=30),
        ),
        "indicator_id",
    ),
    SheetSpec(
        "progress_reports", "进展", "Progress reports",
        (
            _id(),
            _ref("task_id", "任务ID", "Task ID", "tasks", required=True),
            _derived("task_title", "任务名称", "Task title"),
            _text("period", "期间", "Period", required=True, width=10),
            _enum("status", "状态", "Status", TaskStatus, None),
            Column("percent", "完成进度(%)", "Percent complete", Kind.PERCENT, low=0, high=100,
                   required=True, width=10),
            _text("narrative", "进展情况", "Progress", width=50),
            _text("problems", "存在问题", "Problems", width=30),
            _text("next_steps", "下步打算", "Next steps", width=30),
            Column("reporting_unit", "填报单位", "Reporting unit", Kind.UNIT, width=24,
                   db=False),
            _date("reported_on", "报告日期", "Reported on"),
            _date("received_on", "收到日期", "Received on"),
            _text("filled_by", "填报人", "Filled by", width=10),
            _text("source", "来源", "Source", width=16),
            _illustrative(),
        ),
        "period",
    ),
)  # fmt: skip

SHEETS_BY_KEY: dict[str, SheetSpec] = {s.key: s for s in SHEETS}
LISTS_SHEET = "_lists"  # hidden: the dropdown lists (unit names, labels)


def fold(text: str) -> str:
    """How names and headers are compared: NFKC, no blanks, case-insensitive (the rule unit
    names are compared by, :func:`qdplanner.domain.unit_names.name_key`)."""
    return name_key(text)


_SHEET_NAMES = {fold(name): spec for spec in SHEETS for name in (spec.zh, spec.en, spec.key)}


def spec_for_sheet(name: str) -> SheetSpec | None:
    """The kind of record a sheet named ``name`` holds (either language), or None."""
    return _SHEET_NAMES.get(fold(name))


def column_for_header(spec: SheetSpec, header: str) -> Column | None:
    """The column a header names (either language, or the column key), or None."""
    wanted = fold(header)
    for column in spec.columns:
        if wanted in (fold(column.zh), fold(column.en), fold(column.key)) or any(
            wanted == fold(old) for old in column.former
        ):
            return column
    return None
