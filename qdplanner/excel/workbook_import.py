"""Import a plan workbook (as exported, then edited): preview every change, then apply them all.

``preview_import(store, path)`` reads and checks the workbook and compares it with the plan;
it writes nothing. ``apply_import(store, preview)`` applies a preview without errors as one
action (source ``import``, described as ``import of FILE``): every record added, changed and
removed is in the change log, and any failure leaves the plan as it was. See
:mod:`import_diff` for how rows are matched and :mod:`import_rules` for the checks.

Limits: a new row can refer only to records that exist already (a new sub-task under a new
task needs a second import); renaming a unit to the name of a unit removed in the same import
is refused by the plan file and nothing is applied. IDs are never reused (schema 2), so a
workbook exported before a removal cannot match a newer record by its ID.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdplanner.domain.enums import ChangeSource, UnitRole
from qdplanner.errors import N_, QdError
from qdplanner.excel.cells import WorkbookCells, open_workbook
from qdplanner.excel.import_diff import ID_KINDS, Differ
from qdplanner.excel.import_model import (
    CellError,
    ImportPreview,
    NewRef,
    RecordAdd,
    RecordRemove,
    record_word,
)
from qdplanner.excel.import_parse import ParsedSheet, parse_sheet
from qdplanner.excel.sheet_specs import LISTS_SHEET, SHEETS_BY_KEY, Kind, fold, spec_for_sheet
from qdplanner.excel.workbook_identity import (
    IDENTITY_SHEET,
    WorkbookKind,
    WrongWorkbookError,
    check_for_import,
    identify,
)
from qdplanner.store import records
from qdplanner.store.bulk import paused_gc
from qdplanner.store.cascade import children_first, removed_silently
from qdplanner.store.changes import ChangeSet
from qdplanner.store.changes_after import ChangesAfter, changes_after
from qdplanner.store.collections import plan_uuid
from qdplanner.store.conflicts import ConflictError, stale_preview
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.records import RecordKind
from qdplanner.store.task_roles import Role, set_task_roles, task_roles
from qdplanner.store.units import add_alias, remove_alias

if TYPE_CHECKING:  # breakdown sheets are imported only when one is read (~0.1 s of imports)
    from qdplanner.excel.breakdown_import import BreakdownOptions

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500


class ImportRefused(QdError):
    """A preview cannot be applied: it has errors, or the plan changed since it was made."""


def preview_workbook(
    store: PlanStore,
    path: str | Path,
    *,
    breakdown: BreakdownOptions | None = None,
    progress: Progress | None = None,
    other_plan: bool = False,
) -> ImportPreview:
    """Preview any workbook a user imports: a plan workbook (exported, then edited) by ID,
    anything else as a government task-breakdown sheet (:mod:`breakdown_import`).

    A workbook of the wrong kind (a returned progress workbook, a plan workbook with renamed
    sheets) is refused with a :class:`~qdplanner.excel.workbook_identity.WrongWorkbookError`
    naming the right command, and one exported from another plan unless ``other_plan``."""
    path = Path(path)
    # (no cyclic garbage collection meanwhile: the rows read and the plan's rows stay alive
    # throughout, and each full collection would walk them all — a quarter of the time)
    with paused_gc(), open_workbook(path) as book:
        identity = check_for_import(
            identify(book), path.name, plan_uuid(store), other_plan=other_plan
        )
        if identity.kind in (WorkbookKind.PLAN, WorkbookKind.OTHER_PLAN):
            if breakdown is not None:
                raise WrongWorkbookError(
                    N_(
                        "Messages",
                        "{name}: a plan workbook (exported from a plan); the sheet, column "
                        "and plan document options are for task-breakdown sheets only",
                    ),
                    name=path.name,
                )
            return _preview_plan_book(store, book, path, progress)
    from qdplanner.excel.breakdown_import import preview_breakdown

    return preview_breakdown(store, path, breakdown)


def preview_import(
    store: PlanStore, path: str | Path, *, progress: Progress | None = None
) -> ImportPreview:
    """Read ``path``, check every cell and compare with the plan. Writes nothing.

    Raises :class:`~qdplanner.excel.cells.WorkbookError` for a file that is not a workbook
    we read; every problem inside the workbook is in ``preview.errors`` instead.
    """
    path = Path(path)
    with paused_gc(), open_workbook(path) as book:
        return _preview_plan_book(store, book, path, progress)


def _preview_plan_book(
    store: PlanStore, book: WorkbookCells, path: Path, progress: Progress | None
) -> ImportPreview:
    preview = ImportPreview(path, plan_version=store.version)
    parsed: dict[str, ParsedSheet] = {}
    languages: Counter[str] = Counter()
    hidden: dict[str, str] = {}  # sheet key → name, for the plan's sheets hidden in the book
    preview.warnings += book.warnings
    for index, name in enumerate(book.sheet_names):
        spec = spec_for_sheet(name)
        if spec is None:
            if name not in (LISTS_SHEET, IDENTITY_SHEET):
                preview.warnings.append(
                    CellError(
                        path.name,
                        name,
                        None,
                        None,
                        N_("Messages", "not a sheet of a plan workbook; ignored"),
                    )
                )
            continue
        if spec.key in parsed:
            preview.errors.append(
                CellError(
                    path.name,
                    name,
                    None,
                    None,
                    N_("Messages", "a second sheet of the same records (also {sheet})"),
                    {"sheet": parsed[spec.key].name},
                )
            )
            continue
        sheet = parse_sheet(spec, book.sheet(name), path.name, preview.errors, preview.warnings)
        if sheet is not None:
            parsed[spec.key] = sheet
            languages["zh_CN" if fold(name) == fold(spec.zh) else "en"] += 1
            if name in book.hidden:
                hidden[spec.key] = name
        if progress:
            progress(index + 1, len(book.sheet_names) + 1)
    if not parsed and not preview.errors:
        preview.errors.append(
            CellError(
                path.name,
                "",
                None,
                None,
                N_("Messages", "no sheet of a plan workbook (任务, Tasks, …)"),
            )
        )
    preview.lang = languages.most_common(1)[0][0] if languages else "zh_CN"
    preview.sheets = list(parsed)
    if parsed:
        Differ(store, parsed, preview, _since_export(store, book, preview)).run()
    _warn_hidden(preview, hidden)
    order = {name: i for i, name in enumerate(s.name for s in parsed.values())}
    preview.errors.sort(key=lambda e: (order.get(e.sheet, -1), e.row or 0, e.column or ""))
    if progress:
        progress(1, 1)
    return preview


def _since_export(
    store: PlanStore, book: WorkbookCells, preview: ImportPreview
) -> ChangesAfter | None:
    """The plan's changes since the workbook's export (three-way: :mod:`import_since`), or
    None — and a warning — for a workbook exported before exports named their batch."""
    identity = identify(book)
    if identity.kind != WorkbookKind.PLAN:
        return None  # another plan's workbook: its batch means nothing here
    if identity.batch is None:
        preview.warnings.append(
            CellError(
                preview.file_name,
                "",
                None,
                None,
                N_(
                    "Messages",
                    "exported by an older version: changes made in the plan since cannot be "
                    "told from edits in the workbook",
                ),
            )
        )
        return None
    if identity.plan_uuid and identity.plan_uuid != plan_uuid(store):
        return None
    preview.export_batch = identity.batch
    return changes_after(store, identity.batch)


def _warn_hidden(preview: ImportPreview, hidden: dict[str, str]) -> None:
    """Changes read from a sheet someone hid are named: nobody edits a hidden sheet by chance."""
    for key, name in hidden.items():
        count = (
            sum(a.kind == key for a in preview.added)
            + sum(c.kind == key for c in preview.changed)
            + sum(r.kind == key and not r.cascade_of for r in preview.removed)
        )
        if count:
            preview.warnings.append(
                CellError(
                    preview.file_name,
                    name,
                    None,
                    None,
                    N_(
                        "Messages",
                        "this sheet is hidden in the workbook, yet {count} change(s) come from "
                        "it; check them in the list before applying",
                    ),
                    {"count": count},
                )
            )


class RemovalsRefused(ImportRefused):
    """The import would remove records and the user did not say they may go."""


def removal_summary(preview: ImportPreview) -> str:
    """``61 task, 201 unit role, …``: what an import would remove, by kind (English)."""
    counts = Counter(r.kind for r in preview.removed)
    return ", ".join(f"{n} {record_word(kind)}" for kind, n in counts.most_common())


def refuse_removals(preview: ImportPreview) -> None:
    """Raise :class:`RemovalsRefused` when ``preview`` would remove records (the check an
    import without ``allow_removals`` makes; a dry run makes the same one)."""
    if preview.removed:
        raise RemovalsRefused(
            N_(
                "Messages",
                "{name}: the import would remove records that are missing from the workbook "
                "({what}); nothing was applied. If they are meant to go, import it again "
                "with --allow-removals (in the window: confirm the removals)",
            ),
            name=preview.file_name,
            what=removal_summary(preview),
        )


def apply_import(
    store: PlanStore,
    preview: ImportPreview,
    source_name: str | None = None,
    *,
    progress: Progress | None = None,
    allow_removals: bool = False,
) -> dict[str, dict[str, int]]:
    """Apply ``preview`` as one logged action; return its counts (added/changed/removed).

    Refuses (:class:`ImportRefused`) a preview with errors, one applied already, or one made
    before the plan last changed, and (:class:`RemovalsRefused`) one that removes records
    unless ``allow_removals``: records are removed only when the user asked.
    ``progress(done, total)`` may raise to cancel: the plan is then left as it was.
    """
    if not allow_removals and not preview.errors:
        refuse_removals(preview)
    if preview.errors:
        raise ImportRefused(
            N_("Messages", "{name}: {count} error(s) in the workbook; nothing was applied"),
            name=preview.file_name,
            count=len(preview.errors),
        )
    if preview.applied:
        raise ImportRefused(
            N_("Messages", "{name}: this import was applied already"), name=preview.file_name
        )
    if store.changed_by_me_since(preview.plan_version):
        raise ImportRefused(
            N_(
                "Messages",
                "{plan}: the plan changed after the preview of {name}; nothing was applied, "
                "preview the import again",
            ),
            plan=store.path.name,
            name=preview.file_name,
        )
    description = f"import of {source_name or preview.file_name}"
    # others' changes after the preview refuse it only where they meet what it writes
    try:
        with (
            paused_gc(),
            store.action(ChangeSource.IMPORT, description, seen=preview.plan_version) as changes,
        ):
            _Applier(store, changes, preview, progress).run()
    except ConflictError as exc:
        raise stale_preview(exc, preview.file_name) from exc
    preview.applied = True
    return preview.counts()


class _Applier:
    """Writes a preview through the store's functions, naming each record by its kind."""

    def __init__(
        self, store: PlanStore, ch: ChangeSet, preview: ImportPreview, progress: Progress | None
    ):
        self.store = store
        self.ch = ch
        self.preview = preview
        self.progress = progress
        self.ids: dict[NewRef, int] = {}
        self.done = 0
        self.total = (
            len(preview.added)
            + len(preview.changed)
            + len(preview.removed)
            + len(preview.units_to_create)
            + len(preview.set_null)
        )

    def _tick(self) -> None:
        self.done += 1
        if self.progress and (self.done % PROGRESS_EVERY == 0 or self.done == self.total):
            self.progress(self.done, self.total)

    def real(self, value: Any) -> Any:
        return self.ids[value] if isinstance(value, NewRef) else value

    def stored(self, kind: RecordKind, values: dict[str, Any]) -> dict[str, Any]:
        """Values as a record of ``kind`` takes them: its fields only, ids resolved, no NULL
        text."""
        spec = SHEETS_BY_KEY.get(kind)
        text = {c.key for c in spec.columns if c.kind == Kind.TEXT} if spec else set()
        fields = records.columns(self.store, kind)
        return {
            k: ("" if v is None and k in text else self.real(v))
            for k, v in values.items()
            if k in fields and k != "id"
        }

    def run(self) -> None:
        preview = self.preview
        adds = [a for a in preview.added if a.kind != "task_units"]
        for key in preview.units_to_create:
            unit_id = self.ch.insert(
                RecordKind.UNITS, {"name": preview.new_unit_name(key), "kind": "other"}
            )
            self.ids[NewRef("units", key)] = unit_id
            self._aliases(unit_id, [], preview.new_unit_aliases(key))
            self._tick()
        for unit_id, alias, _name in preview.aliases_to_add:
            self._aliases(unit_id, [], [alias])
        for add in (a for a in adds if a.kind == "units"):
            self._insert(add)
        changes = [c for c in preview.changed if c.kind != "task_units"]
        for change in changes:
            self._update(change.kind, change.record_id, {f.key: f.new for f in change.fields})
            if aliases := change.field("aliases"):
                self._aliases(change.record_id, aliases.old or [], aliases.new or [])
        for kind, pk, column in preview.set_null:
            self._update(kind, pk, {column: None})
        roles = self._role_edits()
        # units leave their tasks before a unit this import removes goes
        for task, edits in roles.items():
            if not isinstance(task, NewRef):
                self._set_roles(task, edits)
        self._delete_all()
        for add in (a for a in adds if a.kind != "units"):
            self._insert(add)
        for task, edits in roles.items():
            if isinstance(task, NewRef):
                self._set_roles(task, edits)

    def _role_edits(self) -> dict[Any, list[Any]]:
        """Task → the unit roles the preview adds, changes and removes on it (not those
        removed along with the task)."""
        preview = self.preview
        edits: dict[Any, list[Any]] = {}
        for item in [
            *(r for r in preview.removed if r.kind == "task_units" and not r.cascade_of),
            *(c for c in preview.changed if c.kind == "task_units"),
            *(a for a in preview.added if a.kind == "task_units"),
        ]:
            task = item.values["task_id"] if isinstance(item, RecordAdd) else item.record_id[0]
            edits.setdefault(task, []).append(item)
        return edits

    def _set_roles(self, task: Any, edits: list[Any]) -> None:
        """Give a task the units the preview says, through the store's one path for a task's
        units: only the rows that differ are written, logged as its lead / supporting units."""
        task_id = self.real(task)
        current = {} if isinstance(task, NewRef) else task_roles(self.store, task_id)
        wanted = dict(current)
        for item in edits:
            if isinstance(item, RecordAdd):
                values = self.stored(RecordKind.TASK_UNITS, item.values)
                values = {**values, "role": values.get("role") or UnitRole.SUPPORT}
            else:
                unit = self.real(item.record_id[1])
                old = wanted.pop(unit, Role(UnitRole.SUPPORT, 0))
                if isinstance(item, RecordRemove):
                    continue
                values = {
                    "unit_id": unit,
                    "role": old.role,
                    "position": old.position,
                    "is_illustrative": old.illustrative,
                    **self.stored(RecordKind.TASK_UNITS, {f.key: f.new for f in item.fields}),
                }
            wanted[values["unit_id"]] = Role(
                values["role"], values.get("position") or 0, bool(values.get("is_illustrative"))
            )
        set_task_roles(self.store, self.ch, task_id, wanted, current=current)
        for _ in edits:
            self._tick()

    def _insert(self, add: RecordAdd) -> None:
        kind = RecordKind(add.kind)
        values = self.stored(kind, add.values)
        if values.get("position", 0) is None:
            values["position"] = records.next_position(self.store, kind, values)
        new_id = self.ch.insert(kind, values)
        if add.ref is not None:
            self.ids[add.ref] = new_id
        if kind == RecordKind.UNITS:
            self._aliases(new_id, [], add.values.get("aliases") or [])
        self._tick()

    def _update(self, kind: str, pk: Any, fields: dict[str, Any]) -> None:
        values = self.stored(RecordKind(kind), fields)
        if isinstance(pk, tuple):
            pk = tuple(self.real(p) for p in pk)
        if values:
            self.ch.update(RecordKind(kind), pk, values)
        self._tick()

    def _aliases(self, unit_id: Any, old: list[str], new: list[str]) -> None:
        unit_id = self.real(unit_id)
        for alias in sorted(set(old) - set(new)):
            remove_alias(self.store, self.ch, unit_id, alias)
        for alias in [a for a in new if a not in old]:
            add_alias(self.ch, unit_id, alias)

    def _delete_all(self) -> None:
        """Remove records children first, so each is logged before its parent goes."""
        pending = [
            r for r in self.preview.removed if not (r.kind == "task_units" and not r.cascade_of)
        ]
        for removal in children_first(self.store, pending, lambda r: (r.kind, r.record_id)):
            self._tick()
            if not removed_silently(removal.kind, removal.record_id):
                records.delete_if_present(self.store, self.ch, removal.kind, removal.record_id)


__all__ = [
    "ID_KINDS",
    "ImportPreview",
    "ImportRefused",
    "RemovalsRefused",
    "apply_import",
    "preview_import",
    "refuse_removals",
    "removal_summary",
]
