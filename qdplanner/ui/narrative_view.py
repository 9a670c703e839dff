"""The Narrative tab: a period's 总体进展 / 主要成效 / 存在问题 / 下步工作 per program and project.

A period is chosen at the top; the programs and projects are listed on the left under their
plan documents; the four sections of the one chosen are edited on the right, each saying
where its text comes from — kept in the plan, carried over from the previous period, or
drafted from the data (:mod:`qdplanner.store.narratives`, the functions ``qdplanner
narrative`` calls). Redraft from Data puts the data's draft in the editors; Save keeps the
four texts as one undo step (each section marked drafted, carried over or edited), and
moving to another program, project or period saves what was changed first. A closed
period, the plan seen as of a past date (View → As Of…) and a plan open read-only show the
narrative without editing it, saying why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.narrative import SECTIONS, Section
from qdplanner.domain.period_compare import previous_period
from qdplanner.domain.periods import parse_period, period_of
from qdplanner.errors import QdError
from qdplanner.store.narratives import (
    NarrativeScope,
    Origin,
    PeriodNarrative,
    Snapshot,
    Source,
    narrative_scopes,
    narrative_tasks,
    read_narrative,
    restore_narrative,
    snapshot,
    write_narrative,
)
from qdplanner.store.periods import closed_periods, period_close
from qdplanner.ui.commands import EditContext, LoggedCommand
from qdplanner.ui.labels import lang, local_time
from qdplanner.ui.messages import user_message
from qdplanner.ui.period_actions import recent_periods

SCOPE_ROLE = Qt.ItemDataRole.UserRole


class NarrativeCommand(LoggedCommand):
    """Saving a narrative's sections: one undo step; undo puts back what the plan kept."""

    def __init__(
        self,
        view: NarrativeView,
        text: str,
        period: str,
        scope: NarrativeScope,
        texts: dict[Section, str],
        origins: dict[Section, Origin],
        before: Snapshot,
        batch: int | None = None,
    ):
        super().__init__(view.ctx, text, batch)
        self.view = view
        self.period = period
        self.scope = scope
        self.texts = texts
        self.origins = origins
        self.before = before

    def _write(self, forward: bool, description: str, seen: int | None) -> int | None:
        store = self.view.ctx.store
        with store.action(ChangeSource.FORM, description, seen=seen) as changes:
            if forward:
                write_narrative(store, changes, self.period, self.scope, self.texts,
                                self.origins)  # fmt: skip
            else:
                restore_narrative(store, changes, self.period, self.scope, self.before)
        return changes.written_batch

    def _run(self, forward: bool) -> None:
        # refused (the period closed since, another editor's change): said, nothing changed
        self.step(forward, lambda description, seen: self._write(forward, description, seen))
        self.view.show_narrative(self.period, self.scope)

    def redo(self) -> None:
        if self.first_redo():
            return
        self._run(True)

    def undo(self) -> None:
        self._run(False)


class NarrativeView(QWidget):
    """The Narrative tab."""

    saved = Signal()  # a narrative was kept

    def __init__(self, ctx: EditContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.as_of: date | None = None
        self.narrative: PeriodNarrative | None = None
        self.shown: dict[Section, str] = {}  # the texts as put in the editors
        self.sources: dict[Section, Source] = {}
        self._tasks: dict[str, dict] = {}  # period → narrative_tasks, read once
        self._loading = False

        self.period_box = QComboBox()
        self.period_box.setObjectName("narrativePeriod")
        self.period_box.setEditable(True)
        self.period_box.setMinimumWidth(110)
        self.period_box.activated.connect(lambda _i: self._period_chosen())
        self.period_box.lineEdit().editingFinished.connect(self._period_chosen)
        self.state = QLabel()
        self.state.setObjectName("narrativeState")
        self.state.setWordWrap(True)
        self.redraft_button = QPushButton(self.tr("Redraft from Data"))
        self.redraft_button.setObjectName("narrativeRedraft")
        self.redraft_button.setToolTip(self.tr(
            "Put the draft made from the units' progress reports for the period in the four "
            "sections (counts, lights and the tasks named); Save keeps it."
        ))  # fmt: skip
        self.redraft_button.clicked.connect(self.redraft)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("narrativeSave")
        self.save_button.clicked.connect(self.save)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.period_box)
        top.addWidget(self.state, 1)
        top.addWidget(self.redraft_button)
        top.addWidget(self.save_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("narrativeScopes")
        self.tree.setHeaderLabels([self.tr("Program / project")])
        self.tree.currentItemChanged.connect(lambda _now, _was: self._scope_chosen())

        self.titles: dict[Section, QLabel] = {}
        self.notes: dict[Section, QLabel] = {}
        self.editors: dict[Section, QPlainTextEdit] = {}
        titles = self.section_titles()
        panel = QWidget()
        column = QVBoxLayout(panel)
        self.heading = QLabel()
        self.heading.setObjectName("narrativeHeading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px")
        column.addWidget(self.heading)
        for section in SECTIONS:
            title = QLabel(titles[section])
            title.setStyleSheet("font-weight: bold")
            note = QLabel()
            note.setObjectName(f"narrativeNote_{section.value}")
            note.setStyleSheet("color: #666")
            editor = QPlainTextEdit()
            editor.setObjectName(f"narrativeText_{section.value}")
            editor.setMinimumHeight(110)
            editor.textChanged.connect(self._edited)
            row = QHBoxLayout()
            row.addWidget(title)
            row.addWidget(note, 1)
            column.addLayout(row)
            column.addWidget(editor, 1)
            self.titles[section], self.notes[section], self.editors[section] = title, note, editor
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(panel)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        ctx.structure_changed.connect(lambda _focus: self.refresh())
        ctx.tasks_changed.connect(lambda _ids: self._forget_data())
        self._fill_periods()
        self._fill_scopes()

    # -- words -----------------------------------------------------------------------
    def section_titles(self) -> dict[Section, str]:
        return {
            Section.OVERALL: self.tr("Overall progress"),
            Section.RESULTS: self.tr("Main results"),
            Section.PROBLEMS: self.tr("Problems"),
            Section.NEXT_STEPS: self.tr("Next steps"),
        }

    def _note(self, narrative: PeriodNarrative, section: Section) -> str:
        s = narrative.sections[section]
        if s.source == Source.DATA:
            return self.tr("drafted from the data")
        if s.source == Source.PREVIOUS:
            return (
                self.tr("carried over from %1 (edited by %2, %3)")
                .replace("%1", s.from_period)
                .replace("%2", s.updated_by)
                .replace("%3", local_time(s.updated_at))
            )
        template = {
            Origin.EDITED: self.tr("edited by %1, %2"),
            Origin.DRAFTED: self.tr("kept as drafted by %1, %2"),
            Origin.PREVIOUS: self.tr("kept as carried over by %1, %2"),
        }[s.origin]
        return template.replace("%1", s.updated_by).replace("%2", local_time(s.updated_at))

    # -- the period and the program or project -----------------------------------------
    def _fill_periods(self) -> None:
        offered = recent_periods(self.today, closed_periods(self.ctx.store))
        current = self.period_box.currentText() or previous_period(period_of(self.today)).code
        self.period_box.blockSignals(True)
        self.period_box.clear()
        self.period_box.addItems(offered)
        self.period_box.setCurrentText(current)
        self.period_box.blockSignals(False)

    def _fill_scopes(self) -> None:
        chosen = self.scope()
        self.tree.blockSignals(True)
        self.tree.clear()
        documents: dict[str, QTreeWidgetItem] = {}
        first = select = None
        for scope in narrative_scopes(self.ctx.store):
            parent = documents.get(scope.document)
            if parent is None:
                parent = documents[scope.document] = QTreeWidgetItem([scope.document])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(parent)
                parent.setExpanded(True)
            item = QTreeWidgetItem([f"{scope.code} {scope.name}".strip()])
            item.setData(0, SCOPE_ROLE, scope)
            parent.addChild(item)
            first = first or item
            if chosen is not None and scope.key == chosen.key:
                select = item
        self.tree.blockSignals(False)
        if select or first:
            self.tree.setCurrentItem(select or first)
        else:
            self._show(None)

    def period(self) -> str | None:
        """The period chosen, as a code; None when the text is not a period."""
        try:
            return parse_period(self.period_box.currentText()).code
        except QdError:
            return None

    def scope(self) -> NarrativeScope | None:
        item = self.tree.currentItem()
        return item.data(0, SCOPE_ROLE) if item is not None else None

    def choose(self, period: str, scope_text: str | None = None) -> None:
        """Show ``period`` (and the program or project named ``scope_text``)."""
        self._save_if_changed()
        self.period_box.setCurrentText(period)
        if scope_text is not None:
            for item in self._scope_items():
                scope = item.data(0, SCOPE_ROLE)
                if scope_text in (str(scope), scope.name, scope.code):
                    self.tree.blockSignals(True)
                    self.tree.setCurrentItem(item)
                    self.tree.blockSignals(False)
                    break
        self.reload()

    def follow(self, kind: str, record_id: int) -> None:
        """Show the program or project chosen in the outline (``kind``, ``record_id``), if it
        is one of the tab's; what was typed for the one shown is kept first."""
        for item in self._scope_items():
            if item.data(0, SCOPE_ROLE).key == (kind, record_id):
                if item is not self.tree.currentItem():
                    self.tree.setCurrentItem(item)  # saves the edits, then reads the other
                return

    def _scope_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            items += [top.child(j) for j in range(top.childCount())]
        return items

    def _period_chosen(self) -> None:
        if self.narrative is not None and self.narrative.period == self.period():
            return
        self._save_if_changed()
        self.reload()

    def _scope_chosen(self) -> None:
        self._save_if_changed()
        self.reload()

    # -- showing ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the programs and projects, the periods and the narrative shown."""
        if not self.ctx.store.is_open:
            return
        self._forget_data()
        self._fill_periods()
        self._fill_scopes()

    def _forget_data(self) -> None:
        self._tasks.clear()

    def set_as_of(self, day: date | None) -> None:
        """The plan seen as of a past date (View → As Of…): shown, not edited."""
        self._save_if_changed()
        self.as_of = day
        self.reload()

    def show_narrative(self, period: str, scope: NarrativeScope) -> None:
        """Show ``scope``'s narrative for ``period`` as the plan has it now (after a save,
        an undo or a redo)."""
        self.period_box.setCurrentText(period)
        for item in self._scope_items():
            if item.data(0, SCOPE_ROLE).key == scope.key:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
        self.reload()
        self.saved.emit()

    def _data(self, period: str) -> dict:
        if period not in self._tasks:
            self._tasks[period] = narrative_tasks(self.ctx.store, period, self.today)
        return self._tasks[period]

    def reload(self, redraft: bool = False) -> None:
        """Read the chosen narrative (``redraft``: drafted from the data) into the editors."""
        period, scope = self.period(), self.scope()
        if period is None or scope is None:
            self._show(None, self.tr("Write a period such as 2025Q4.") if period is None else "")
            return
        try:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                narrative = read_narrative(
                    self.ctx.store, period, scope, lang(), self.today, redraft=redraft,
                    tasks=lambda: self._data(period),
                )  # fmt: skip
            finally:
                QApplication.restoreOverrideCursor()
        except QdError as exc:
            self._show(None, user_message(exc))
            return
        self._show(narrative)

    def _show(self, narrative: PeriodNarrative | None, problem: str = "") -> None:
        self._loading = True
        try:
            self.narrative = narrative
            self.shown = {}
            self.sources = {}
            for section in SECTIONS:
                text = narrative.text(section) if narrative else ""
                self.editors[section].setPlainText(text)
                self.shown[section] = text
                if narrative is not None:
                    self.sources[section] = narrative.sections[section].source
                self.notes[section].setText(self._note(narrative, section) if narrative else "")
        finally:
            self._loading = False
        if narrative is not None:
            self.heading.setText(f"{narrative.scope.name} · {narrative.period}")
        else:
            self.heading.clear()
        self._update_state(problem)

    def readonly_reason(self) -> str:
        """Why the narrative shown cannot be edited ('' when it can)."""
        if self.ctx.readonly:
            return self.tr("The plan is open read-only.")
        if self.as_of is not None:
            return (
                self.tr("The plan is shown as it stood on %1; go back to today to edit.")
                .replace("%1", self.as_of.isoformat())
            )  # fmt: skip
        period = self.period()
        if period is not None:
            close = period_close(self.ctx.store, period)
            if close is not None:
                return (
                    self.tr("%1 is closed (closed %2 by %3): reopen it to edit its narrative.")
                    .replace("%1", period)
                    .replace("%2", local_time(close.closed_at))
                    .replace("%3", close.closed_by)
                )
        return ""

    def _update_state(self, problem: str = "") -> None:
        reason = self.readonly_reason()
        editable = self.narrative is not None and not reason
        for editor in self.editors.values():
            editor.setReadOnly(not editable)
        self.redraft_button.setEnabled(editable)
        self.save_button.setEnabled(editable and self.changed())
        self.state.setText(problem or reason)
        self.state.setStyleSheet("color: #b00020" if problem or reason else "")

    def _edited(self) -> None:
        if not self._loading:
            self.save_button.setEnabled(
                self.narrative is not None and not self.readonly_reason() and self.changed()
            )

    # -- editing ---------------------------------------------------------------------
    def texts(self) -> dict[Section, str]:
        return {section: self.editors[section].toPlainText() for section in SECTIONS}

    def changed(self) -> bool:
        """Whether the editors hold what the plan does not keep yet."""
        if self.narrative is None:
            return False
        texts = self.texts()
        return any(
            texts[s] != self.shown[s] or self.sources.get(s) != Source.STORED for s in SECTIONS
        )

    def redraft(self) -> None:
        """The data's draft in the four editors (kept only on Save)."""
        period, scope = self.period(), self.scope()
        if self.narrative is None or period is None or scope is None or self.readonly_reason():
            return
        try:
            drafted = read_narrative(self.ctx.store, period, scope, lang(), self.today,
                                     redraft=True, tasks=self._data(period))  # fmt: skip
        except QdError as exc:
            self.state.setText(user_message(exc))
            return
        for section in SECTIONS:
            self.editors[section].setPlainText(drafted.text(section))
            self.shown[section] = drafted.text(section)
            self.sources[section] = Source.DATA
            self.notes[section].setText(self.tr("drafted from the data"))
        self._update_state()
        self.save_button.setEnabled(True)

    def _origins(self, texts: dict[Section, str]) -> dict[Section, Origin]:
        origins = {}
        assert self.narrative is not None
        for s in SECTIONS:
            if texts[s] != self.shown[s]:
                origins[s] = Origin.EDITED
            elif self.sources.get(s) == Source.DATA:
                origins[s] = Origin.DRAFTED
            elif self.sources.get(s) == Source.PREVIOUS:
                origins[s] = Origin.PREVIOUS
            else:
                origins[s] = self.narrative.sections[s].origin or Origin.EDITED
        return origins

    def save(self) -> str | None:
        """Keep the four texts as one undo step; the refusal, or None."""
        narrative = self.narrative
        if narrative is None or not self.changed():
            return None
        reason = self.readonly_reason()
        if reason:
            return reason
        store, scope, period = self.ctx.store, narrative.scope, narrative.period
        texts = self.texts()
        origins = self._origins(texts)
        text = self.tr("Narrative of %1 for %2").replace("%1", scope.name).replace("%2", period)
        try:
            before = snapshot(store, period, scope)
            # another editor's save of these sections since the tab read them: refused
            with store.action(ChangeSource.FORM, text, seen=self.ctx.seen) as changes:
                write_narrative(store, changes, period, scope, texts, origins)
        except QdError as exc:
            message = user_message(exc)
            self.state.setText(message)
            return message
        self.ctx.undo_stack.push(
            NarrativeCommand(
                self, text, period, scope, texts, origins, before, changes.written_batch
            )
        )
        self.show_narrative(period, scope)
        return None

    def _save_if_changed(self) -> None:
        """Moving away keeps what was edited (one undo step)."""
        if self.narrative is not None and not self.readonly_reason() and self._typed():
            self.save()

    def _typed(self) -> bool:
        texts = self.texts()
        return any(texts[s] != self.shown[s] for s in SECTIONS) or any(
            self.sources.get(s) == Source.DATA
            and self.narrative is not None
            and self.narrative.sections[s].source != Source.DATA
            for s in SECTIONS
        )
