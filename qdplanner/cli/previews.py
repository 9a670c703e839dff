"""The import and collect-import previews as the command line prints them, in its language.

Rendered here from the previews' data (``excel.import_model.ImportPreview``,
``excel.collection_model.ReturnsPreview``), every line through the window's catalogue: the
errors and warnings at a cell by their ``Messages`` templates (``CellError.text``), the rest
by the ``CommandLine`` context. In English the lines read as they always have (scripts and
tests look for ``error:``, ``warning:`` and ``Applied to``). Warnings the Excel layer writes
as plain sentences, not at a cell, are printed as they are (in English).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from qdplanner.cli.language import message, tr
from qdplanner.errors import N_

if TYPE_CHECKING:
    from qdplanner.excel.collection_model import ReturnsPreview
    from qdplanner.excel.import_model import CellError, ImportPreview

LIMIT = 200  # change lines shown before "… and N more"


def _list(lang: str, items: list[str]) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def kind_word(kind: str, lang: str) -> str:
    """How a kind of record is named: ``tasks`` in English (the sheet's name, as always),
    ``任务`` in Chinese (the window's word for one record)."""
    from qdplanner.excel.import_model import KIND_NAMES, record_word

    if lang == "en":
        return KIND_NAMES.get(kind, kind)
    return message(record_word(kind), lang)


def cell_text(error: CellError, lang: str) -> str:
    """A refused or doubtful cell, named by file, sheet, row and column, then why."""
    text = error.text(lambda template: message(template, lang))
    if not error.sheet and error.text().startswith(error.file):
        return text  # a whole-file refusal names the file itself
    where = [error.file]
    if error.sheet:
        where.append(tr(N_("CommandLine", "sheet {sheet}"), lang, sheet=error.sheet))
    if error.row is not None:
        where.append(tr(N_("CommandLine", "row {row}"), lang, row=error.row))
    if error.column:
        where.append(tr(N_("CommandLine", "column {column}"), lang, column=error.column))
    return tr(N_("CommandLine", "{where}: {problem}"), lang, where=_list_where(where, lang),
              problem=text)  # fmt: skip


def _list_where(parts: list[str], lang: str) -> str:
    return ("，" if lang == "zh" else ", ").join(parts)


def _warning(warning: Any, lang: str) -> str:
    from qdplanner.excel.import_model import CellError

    text = cell_text(warning, lang) if isinstance(warning, CellError) else str(warning)
    return tr(N_("CommandLine", "warning: {text}"), lang, text=text)


def _problems(errors: list[CellError], warnings: list[Any], lang: str) -> list[str]:
    lines = [tr(N_("CommandLine", "error: {text}"), lang, text=cell_text(e, lang)) for e in errors]
    return lines + [_warning(w, lang) for w in warnings]


def _ref(value: Any) -> str:
    """A record's id as the preview names it: ``12``, ``[12, 3]`` (a task's unit role)."""
    if isinstance(value, tuple):
        return "[" + ", ".join(_ref(v) for v in value) + "]"
    return str(value)


def import_text(preview: ImportPreview, lang: str, *, limit: int = LIMIT) -> str:
    """The preview of ``import``: errors first, then each change, field by field, and a
    summary line."""
    lines = _problems(preview.errors, preview.warnings, lang)
    lines += kept_lines(preview, lang, limit=limit)
    if preview.errors:
        lines.append(
            tr(N_("CommandLine", "{n} error(s): nothing can be applied."), lang,
               n=len(preview.errors))
        )  # fmt: skip
        return "\n".join(lines)
    if preview.is_empty:
        lines.append(tr(N_("CommandLine", "{file}: no changes."), lang, file=preview.file_name))
        return "\n".join(lines)
    for key in preview.units_to_create:
        name, also = preview.new_unit_name(key), preview.new_unit_aliases(key)
        if also:
            lines.append(
                tr(N_("CommandLine", "unit to create: {name} (also written {aliases}: its "
                      "aliases)"), lang, name=name, aliases="、".join(also))
            )  # fmt: skip
        else:
            lines.append(tr(N_("CommandLine", "unit to create: {name}"), lang, name=name))
    for _unit_id, alias, name in preview.aliases_to_add:
        lines.append(tr(N_("CommandLine", "alias to add: {alias} → {name}"), lang, alias=alias,
                        name=name))  # fmt: skip
    empty = tr(N_("CommandLine", "(empty)"), lang)
    shown = 0
    for add in preview.added:
        if shown < limit:
            lines.append(
                tr(N_("CommandLine", "add {kind} (row {row}): {label}"), lang,
                   kind=kind_word(add.kind, lang), row=add.row, label=add.label)
            )  # fmt: skip
        shown += 1
    for change in preview.changed:
        if shown < limit:
            record = f"#{_ref(change.record_id)}"
            text = (
                N_("CommandLine", "change {kind} {record}, row {row}: {label}")
                if change.row
                else N_("CommandLine", "change {kind} {record}: {label}")
            )
            lines.append(tr(text, lang, kind=kind_word(change.kind, lang), record=record,
                            row=change.row, label=change.label))  # fmt: skip
            lines.extend(
                tr(N_("CommandLine", "    {field}: {old} → {new}"), lang, field=f.header,
                   old=f.old_text or empty, new=f.new_text or empty)
                for f in change.fields
            )  # fmt: skip
        shown += 1
    for removal in preview.removed:
        if shown < limit:
            text = (
                N_("CommandLine", "remove {kind} {record}: {label} (with {cascade})")
                if removal.cascade_of
                else N_("CommandLine", "remove {kind} {record}: {label}")
            )
            lines.append(tr(text, lang, kind=kind_word(removal.kind, lang),
                            record=f"#{_ref(removal.record_id)}", label=removal.label,
                            cascade=_taken_along_by(removal.cascade_of, lang)))  # fmt: skip
        shown += 1
    if shown > limit:
        lines.append(tr(N_("CommandLine", "… and {n} more"), lang, n=shown - limit))
    lines.append(_import_summary(preview, lang))
    return "\n".join(lines)


def kept_lines(preview: ImportPreview, lang: str, *, limit: int = LIMIT) -> list[str]:
    """What the plan changed since the workbook's export and the import keeps (three-way)."""
    lines = []
    for kept in preview.kept[:limit]:
        kind, record = kind_word(kept.kind, lang), f"#{_ref(kept.record_id)}"
        if kept.removed_with:
            text = N_("CommandLine", "kept: {kind} {record} (row {row}) {label}: removed from "
                      "the plan with {with_} since the export, by {who} at {when}")  # fmt: skip
        elif kept.removed:
            text = N_("CommandLine", "kept: {kind} {record} (row {row}) {label}: removed from "
                      "the plan since the export, by {who} at {when}")  # fmt: skip
        else:
            text = N_("CommandLine", "kept: {kind} {record} (row {row}) {label}, {field}: "
                      "{plan} (the workbook's {book}): changed in the plan since the export, "
                      "by {who} at {when}")  # fmt: skip
        lines.append(tr(text, lang, kind=kind, record=record, row=kept.row, label=kept.label,
                        field=kept.header, plan=kept.plan_text or "—",
                        book=kept.book_text or "—", who=kept.who, when=kept.when,
                        with_=_taken_along_by(kept.removed_with, lang)))  # fmt: skip
    if len(preview.kept) > limit:
        lines.append(tr(N_("CommandLine", "… and {n} more"), lang, n=len(preview.kept) - limit))
    return lines


def _taken_along_by(cascade_of: str, lang: str) -> str:
    """``task #4`` (the record a removal goes with) with its word in ``lang``."""
    from qdplanner.excel.import_model import RECORD_WORDS

    word, hash_, record = cascade_of.rpartition(" #")
    if lang == "en" or not hash_ or word not in RECORD_WORDS.values():
        return cascade_of
    return f"{message(word, lang)} #{record}"


def _counts(per: dict[str, int], lang: str) -> str:
    if lang == "en":
        return ", ".join(f"{n} {kind_word(k, lang)}" for k, n in sorted(per.items()))
    return "、".join(f"{kind_word(k, lang)} {n}" for k, n in sorted(per.items()))


def _import_summary(preview: ImportPreview, lang: str) -> str:
    what = {
        "added": N_("CommandLine", "added {counts}"),
        "changed": N_("CommandLine", "changed {counts}"),
        "removed": N_("CommandLine", "removed {counts}"),
    }
    parts = [
        tr(what[key], lang, counts=_counts(per, lang))
        for key, per in preview.counts().items()
        if per
    ]
    return tr(N_("CommandLine", "{file}: {summary}."), lang, file=preview.file_name,
              summary=("；" if lang == "zh" else "; ").join(parts))  # fmt: skip


def removal_counts(preview: ImportPreview, lang: str) -> str:
    """What an import would remove, by kind: ``61 task, 201 unit role`` / ``任务 61、单位分工 201``
    (the ``{what}`` of the refusal)."""
    from qdplanner.excel.import_model import record_word

    counts = Counter(r.kind for r in preview.removed).most_common()
    if lang == "en":
        return ", ".join(f"{n} {record_word(kind)}" for kind, n in counts)
    return "、".join(f"{message(record_word(kind), lang)} {n}" for kind, n in counts)


def returns_text(
    preview: ReturnsPreview, lang: str, choices: Mapping[tuple[int, str], str] | None = None
) -> str:
    """The preview of ``collect-import``: errors, each file, each conflict with its
    candidates, and the counts."""
    from qdplanner.domain.enums import TaskStatus
    from qdplanner.domain.vocabulary import word

    choices = choices or {}
    lines = _problems(preview.errors, preview.warnings, lang)
    for f in preview.files:
        who = f"{f.unit_name} {f.period}" if f.unit_name else "?"
        state = (
            tr(N_("CommandLine", "ok"), lang)
            if f.ok
            else tr(N_("CommandLine", "{n} error(s), not applied"), lang, n=len(f.errors))
        )
        lines.append(
            tr(N_("CommandLine", "{file}: {who}: {reports} report(s), {skipped} row(s) not "
                  "filled in; {state}"), lang, file=f.key or f.name, who=who,
               reports=len(f.reports), skipped=f.skipped_rows, state=state)
        )  # fmt: skip
    for conflict in preview.conflicts:
        chosen = choices.get(conflict.key)
        text = (
            N_("CommandLine", "conflict: task #{id} {title} ({period}) → {chosen}")
            if conflict.candidate(chosen or "")
            else N_("CommandLine", "conflict: task #{id} {title} ({period}): unresolved")
        )
        lines.append(tr(text, lang, id=conflict.task_id, title=conflict.task_title,
                        period=conflict.period, chosen=chosen))  # fmt: skip
        for c in conflict.candidates:
            v = c.values
            if c.report:
                where = tr(N_("CommandLine", "row {row}"), lang, row=c.report.row)
            else:
                where = c.source or tr(N_("CommandLine", "plan"), lang)
            said = " ".join(v.narrative.split()) if v.narrative else ""
            said = said if len(said) <= 60 else said[:59] + "…"
            try:
                status = word(TaskStatus(v.status), lang)
            except ValueError:
                status = v.status
            lines.append(f"    {c.key} ({where}): {status} {v.percent}% {said}".rstrip())
    counts = preview.counts(choices)
    lines.append(
        tr(N_("CommandLine", "{add} report(s) to add, {replace} to replace, {unchanged} "
              "unchanged; {conflicts} conflict(s), {unresolved} unresolved."), lang, **counts)
    )  # fmt: skip
    return "\n".join(lines)
