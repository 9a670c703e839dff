"""The plan view's tabs that are built the first time they are shown (Units, Indicators,
History, Collection, Periods, Narrative): made on demand so that opening a plan pays only for
the task table. A mixin of :class:`~qdplanner.ui.plan_view.PlanView`, which holds the tabs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from qdplanner.store.task_rows import ScopeKind

TABS_WITHOUT_TASKS = ("indicators", "periods", "narrative")  # wide, and no task chosen in them


class PlanTabs:
    def _add_tab_on_demand(self, name: str, title: str, make: Callable[[], QWidget]) -> None:
        holder = QWidget()
        holder.setObjectName(f"{name}Tab")
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(holder, title)
        self._tab_makers[name] = (holder, make)

    def _tab_shown(self, index: int) -> None:
        shown = None
        for name, (holder, _make) in self._tab_makers.items():
            if self.tabs.widget(index) is holder:
                self.tab_view(name)
                shown = name
        # the task details beside tabs that show no task would stay empty: give them the room
        self.detail_scroll.setVisible(shown not in TABS_WITHOUT_TASKS)
        self._narrative_follows()

    def _narrative_follows(self) -> None:
        """The Narrative tab, when shown, shows the program or project chosen in the outline."""
        holder = self._tab_makers["narrative"][0]
        scope = self.current_scope()
        if self.tabs.currentWidget() is not holder or scope is None:
            return
        if scope.kind in (ScopeKind.PROGRAM, ScopeKind.PROJECT) and scope.id is not None:
            self.narrative_view.follow(str(scope.kind), scope.id)

    def tab_view(self, name: str) -> QWidget:
        """The view of tab ``name`` ("units", "indicators", …), built on first use."""
        holder, make = self._tab_makers[name]
        layout = holder.layout()
        if layout.count() == 0:
            layout.addWidget(make())
        return layout.itemAt(0).widget()

    def _built_tab(self, name: str) -> QWidget | None:
        """The view of tab ``name`` when it has been built; else None."""
        layout = self._tab_makers[name][0].layout()
        return layout.itemAt(0).widget() if layout.count() else None

    def _make_units_view(self) -> QWidget:
        from qdplanner.ui.units_view import UnitsView

        view = UnitsView(self.ctx, self.show_message)
        view.unit_activated.connect(self.show_unit_tasks)
        view.model.plan_rows_at = self.tasks.whole_plan_rows  # not read twice at a past date
        if self.as_of is not None:
            view.set_as_of(self.as_of)
        return view

    @property
    def units_view(self):
        return self.tab_view("units")

    @property
    def indicators_view(self):
        return self.tab_view("indicators")

    @property
    def history_view(self):
        return self.tab_view("history")

    @property
    def collection_view(self):
        return self.tab_view("collection")

    def _make_periods_view(self) -> QWidget:
        from qdplanner.ui.periods_view import PeriodsView

        return PeriodsView(self.ctx, self.periods)

    @property
    def periods_view(self):
        return self.tab_view("periods")

    def _make_narrative_view(self) -> QWidget:
        from qdplanner.ui.narrative_view import NarrativeView

        view = NarrativeView(self.ctx)
        self.periods.changed.connect(view.refresh)  # a period closed or reopened
        if self.as_of is not None:
            view.set_as_of(self.as_of)
        return view

    @property
    def narrative_view(self):
        return self.tab_view("narrative")
