"""The plan as it stood at a past date (View → As Of…, issue 16): the banner above the views,
every view told the date, the table's edits refused at the cell saying why.

A mixin of :class:`~qdplanner.ui.plan_view.PlanView` (which holds the views, the table and the
actions it uses); kept apart so that the plan view stays a readable size.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from qdplanner.domain.status_light import judged_as_it_stood
from qdplanner.ui.as_of_dialog import ask_as_of, banner_text, not_remembered_text, refusal_text
from qdplanner.ui.models.task_table import EDITABLE, Col


class PastDateView:
    # its words keep the plan view's translation context ("PlanView"), where they were
    def _build_as_of_banner(self) -> None:
        self.as_of_banner = QFrame()
        self.as_of_banner.setObjectName("asOfBanner")
        self.as_of_banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.as_of_banner.setStyleSheet(
            "#asOfBanner { background: #fff3cd; border-bottom: 1px solid #e0b84c; }"
        )
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("asOfLabel")
        self.as_of_label.setStyleSheet("font-weight: bold; color: #5c4400;")
        self.change_date_button = QPushButton(
            QCoreApplication.translate("PlanView", "Change Date…")
        )
        self.change_date_button.clicked.connect(self.ask_as_of)
        self.back_to_today_button = QPushButton(
            QCoreApplication.translate("PlanView", "Back to Today")
        )
        self.back_to_today_button.setObjectName("backToTodayButton")
        self.back_to_today_button.clicked.connect(lambda: self.show_as_of(None))
        row = QHBoxLayout(self.as_of_banner)
        row.setContentsMargins(8, 3, 8, 3)
        row.addWidget(self.as_of_label, 1)
        row.addWidget(self.change_date_button)
        row.addWidget(self.back_to_today_button)
        self.as_of_banner.hide()

    def ask_as_of(self) -> None:
        """View → As Of…: ask for a date and show the plan as it stood then."""
        day = ask_as_of(self, self.as_of)
        if day is not None:
            self.show_as_of(day)

    def show_as_of(self, day: date | None) -> None:
        """Show every view as the plan stood on ``day``; today (or a later date, or None) is
        the plan as it is. The date is the one rule's: :func:`judged_as_it_stood`."""
        if day is not None and not judged_as_it_stood(day, date.today()):
            day = None
        if day == self.as_of:
            return
        self.as_of = day
        past = day is not None
        if past:
            self.as_of_label.setText(banner_text(day))
            tip = not_remembered_text() + "\n" + refusal_text(day)
            self.as_of_label.setToolTip(tip)
            self.as_of_banner.setToolTip(tip)
        self.as_of_banner.setVisible(past)
        self.back_to_today_action.setEnabled(past)
        for action in self._editing_actions():
            action.setEnabled(not past and not self.store.readonly)
        self.clear_message()
        chosen = self.table.currentIndex()  # the same task stays chosen
        chosen_row = self.tasks.row_at(chosen.row()) if chosen.isValid() else None
        current = chosen_row.id if chosen_row is not None else None
        column = chosen.column() if chosen.isValid() else Col.TITLE
        scope = self.current_scope()
        if scope is not None:
            self._load_tasks(scope)
            self._narrative_follows()
        row = self.tasks.row_of_task(current) if current is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.tasks.index(row, column))
        self.timeline.set_as_of(day)
        self.detail.set_as_of(day)
        if (units := self._built_tab("units")) is not None:
            units.set_as_of(day)
        if (indicators := self._built_tab("indicators")) is not None:
            indicators.set_as_of(day)
        if (narrative := self._built_tab("narrative")) is not None:
            narrative.set_as_of(day)
        self._refresh_status_bar()

    def _editing_actions(self) -> list[QAction]:
        """The task table's editing actions, off while a past date is shown (Ctrl+R stays
        on, to say why it does nothing)."""
        return [*self.task_actions.actions(), self.clipboard.paste]

    def _edit_attempted(self, watched, event) -> bool:
        """Whether ``event`` tries to edit the table (a double-click on an editable cell, a
        key that starts an editor or is an editing action's shortcut); if so it is refused,
        saying why, at the cell."""
        index = None
        if watched is self.table.viewport() and event.type() == QEvent.Type.MouseButtonDblClick:
            index = self.table.indexAt(event.position().toPoint())
            if not index.isValid() or index.column() not in EDITABLE:
                return False
        elif watched is self.table and event.type() == QEvent.Type.KeyPress:
            if not self._is_edit_key(event):
                return False
            index = self.table.currentIndex()
        else:
            return False
        message = refusal_text(self.as_of)
        if index.isValid():
            self.tasks.edit_refused.emit(index, message)
        else:
            self.show_message(message)
        return True

    def _is_edit_key(self, event) -> bool:
        chords = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_F2 or event.matches(QKeySequence.StandardKey.Paste):
            return True
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & chords:
            return True  # typing into a cell starts an editor
        pressed = QKeySequence(event.keyCombination())
        return any(
            key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in self._editing_actions()
            for key in action.shortcuts()
        )
