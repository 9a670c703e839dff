"""Plan → Settings…: the office's own rules (light thresholds, blue light, keep a late
recovery yellow, the indicators' off-track gap, the summary's issuing office, the evidence
limit), one row per key of :data:`qdplanner.domain.settings.SETTINGS`.

OK applies every change as one logged action and one undo step; every view re-reads the plan
at once (the table's, the timeline's and the status bar's lights, the indicators). A refused
value keeps the dialog open with the reason, naming the setting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain import settings as domain
from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.settings import Setting, SettingKind
from qdplanner.errors import QdError, ValidationError
from qdplanner.ui.commands import EditContext, LoggedCommand
from qdplanner.ui.messages import user_message

BLUE_DAYS_OFFERED = 14  # the days a blue light is offered with when it is turned on
ERROR_STYLE = "color: #b00020"


def words(text: str) -> str:
    """A text of the settings table (``N_("PlanSettings", …)``) in the window's language."""
    return QCoreApplication.translate(domain.CONTEXT, text)


def _stored():
    """:mod:`qdplanner.store.plan_settings`, imported when the settings are first shown or
    written (the menu entry is made at start-up, the plan's settings read only then)."""
    from qdplanner.store import plan_settings

    return plan_settings


class _Number(QDoubleSpinBox):
    """A number setting, shown as the command line and History write it: 10, not 10.0."""

    def __init__(self, key: str):
        super().__init__()
        self.key = key

    def textFromValue(self, value: float) -> str:
        return domain.value_text(self.key, value, unit=False)


class _DaysOrOff(QWidget):
    """A check box (on/off) and the days it counts, side by side: Tab goes from one to the other."""

    def __init__(self, s: Setting, parent: QWidget | None = None):
        super().__init__(parent)
        self.on = QCheckBox(QCoreApplication.translate("SettingsDialog", "On"))
        self.days = QSpinBox()
        self.days.setRange(int(s.low), int(s.high))
        self.days.setSuffix(" " + words(s.unit))
        self.days.setValue(BLUE_DAYS_OFFERED)
        self.on.toggled.connect(self.days.setEnabled)
        self.days.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.on)
        row.addWidget(self.days, 1)
        self.setFocusProxy(self.on)

    def value(self) -> int | None:
        return self.days.value() if self.on.isChecked() else None

    def set_value(self, value: int | None) -> None:
        self.on.setChecked(value is not None)
        if value is not None:
            self.days.setValue(value)


class SettingsDialog(QDialog):
    """The form: one editor per setting, in boxes by what they set."""

    def __init__(self, ctx: EditContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Plan Settings"))
        store = ctx.store
        self.current = _stored().read_settings(store)
        self.defaults = _stored().setting_defaults(store)
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        boxes: dict[str, QFormLayout] = {}
        for s in domain.SETTINGS:
            if s.group not in boxes:
                box = QGroupBox(words(s.group))
                boxes[s.group] = QFormLayout(box)
                layout.addWidget(box)
            editor = self._editor(s)
            editor.setToolTip(words(s.help))
            editor.setWhatsThis(words(s.help))
            editor.setObjectName(s.key)
            self.editors[s.key] = editor
            if s.kind == SettingKind.YES_NO:
                boxes[s.group].addRow(editor)
            else:
                boxes[s.group].addRow(words(s.label), editor)
        self.help = QLabel()  # what the setting with the focus does
        self.help.setWordWrap(True)
        self.help.setMinimumHeight(self.help.fontMetrics().lineSpacing() * 3)
        layout.addWidget(self.help)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        layout.addWidget(self.error)
        readonly = ctx.readonly
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close
            if readonly
            else QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        if not readonly:
            restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
            restore.clicked.connect(lambda: self.set_values(self.defaults))
        layout.addWidget(buttons)
        for editor in self.editors.values():
            editor.setEnabled(not readonly)
        self.set_values(self.current)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.finished.connect(self._stop_following_focus)

    def _editor(self, s: Setting) -> QWidget:
        unit = words(s.unit) if s.unit else ""
        suffix = unit if unit == "%" else f" {unit}" if unit else ""
        if s.kind == SettingKind.NUMBER:
            spin = _Number(s.key)
            spin.setDecimals(1)
            spin.setRange(s.low, s.high)
            spin.setSuffix(suffix)
            return spin
        if s.kind == SettingKind.WHOLE:
            spin = QSpinBox()
            spin.setRange(int(s.low), int(s.high))
            spin.setSuffix(suffix)
            return spin
        if s.kind == SettingKind.DAYS_OR_OFF:
            return _DaysOrOff(s)
        if s.kind == SettingKind.YES_NO:
            return QCheckBox(words(s.label))
        edit = QLineEdit()
        edit.setMaxLength(int(s.high))
        edit.setPlaceholderText(str(self.defaults.get(s.key) or ""))
        if s.kind == SettingKind.MONTH_OR_DAY:  # empty: the month it is printed
            edit.setPlaceholderText(domain.value_text(s.key, "", words))
        edit.setClearButtonEnabled(True)
        return edit

    # -- values ------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Every setting as the form holds it (an empty office: the plan's issuer)."""
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QDoubleSpinBox):
                out[key] = round(editor.value(), 1)
            elif isinstance(editor, QSpinBox | _DaysOrOff):
                out[key] = editor.value()
            elif isinstance(editor, QCheckBox):
                out[key] = editor.isChecked()
            else:
                out[key] = editor.text().strip() or self.defaults[key]
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            value = values[key]
            if isinstance(editor, QDoubleSpinBox | QSpinBox):
                editor.setValue(value)
            elif isinstance(editor, _DaysOrOff):
                editor.set_value(value)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            else:
                editor.setText(str(value))

    def changes(self) -> dict[str, Any]:
        """The settings the form changes: key → new value."""
        return {k: new for k, (_old, new) in domain.changed(self.current, self.values()).items()}

    def show_error(self, message: str, key: str | None = None) -> None:
        """Say why OK was refused, and put the cursor on the setting it names."""
        self.error.setText(message)
        self.error.show()
        if key in self.editors:
            self.editors[key].setFocus()

    # -- the help line follows the focus -------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        for key, editor in self.editors.items():
            if now is not None and (now is editor or editor.isAncestorOf(now)):
                self.help.setText(words(domain.BY_KEY[key].help))
                return

    def _stop_following_focus(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._focus_changed)


def step_name(values: dict[str, Any]) -> str:
    """The undo step's name (and the change log's): the one setting and its new value, or
    how many were changed."""
    if len(values) == 1:
        ((key, value),) = values.items()
        return (
            QCoreApplication.translate("SettingsDialog", "Setting “%1”: %2")
            .replace("%1", words(domain.BY_KEY[key].label))
            .replace("%2", domain.value_text(key, value, words) or "“”")
        )
    text = QCoreApplication.translate("SettingsDialog", "Change %1 plan settings")
    return text.replace("%1", str(len(values)))


class SettingsCommand(LoggedCommand):
    """Settings changed together: one undo step. Each way is one logged action; every view
    re-reads the plan after it (the lights follow the new rules)."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        old: dict[str, Any],
        new: dict[str, Any],
        focus: Callable[[], int | None],
        batch: int | None = None,
    ):
        super().__init__(ctx, text, batch)
        self.old, self.new, self.focus = old, new, focus

    def _write(self, values: dict[str, Any], forward: bool) -> None:
        def write(description: str, seen: int | None) -> int | None:
            with self.ctx.store.action(ChangeSource.FORM, description, seen=seen) as changes:
                _stored().write_settings(self.ctx.store, changes, values)
            return changes.written_batch

        done = self.step(forward, write)
        self.ctx.structure_changed.emit(self.focus() if done else None)

    def redo(self) -> None:
        if self.first_redo():
            return
        self._write(self.new, True)

    def undo(self) -> None:
        self._write(self.old, False)


def apply_settings(
    ctx: EditContext, values: dict[str, Any], focus: Callable[[], int | None] = lambda: None
) -> str | None:
    """Write ``values`` (key → value) as one action and push it as one undo step; every
    view re-reads the plan. Returns the refusal, or None (also when nothing changed)."""
    store = ctx.store
    try:
        wanted = domain.changed(_stored().read_settings(store), values)
        if not wanted:
            return None
        new = {k: v for k, (_o, v) in wanted.items()}
        text = step_name(new)
        with store.action(ChangeSource.FORM, text, seen=ctx.seen) as changes:
            diff = _stored().write_settings(store, changes, new)
    except QdError as exc:
        return user_message(exc)
    if not diff:
        return None
    old = {k: o for k, (o, _n) in diff.items()}
    new = {k: n for k, (_o, n) in diff.items()}
    ctx.undo_stack.push(SettingsCommand(ctx, text, old, new, focus, changes.written_batch))
    ctx.structure_changed.emit(focus())
    return None


def edit_settings(
    ctx: EditContext,
    parent: QWidget,
    show_message: Callable[[str], None],
    focus: Callable[[], int | None] = lambda: None,
) -> None:
    """Show the dialog; on OK apply the changes; keep it open (with the reason) while one is
    refused."""
    dialog = SettingsDialog(ctx, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted and not ctx.readonly:
        try:
            changes = dialog.changes()
            domain.check_settings({**dialog.current, **changes}, keys=changes)
        except ValidationError as exc:
            dialog.show_error(user_message(exc), exc.field)
            show_message(user_message(exc))
            continue
        error = apply_settings(ctx, changes, focus)
        if error is None:
            if changes:
                show_message(QCoreApplication.translate("SettingsDialog", "Settings saved."))
            return
        dialog.show_error(error)
        show_message(error)


def settings_action(
    ctx: EditContext,
    parent: QWidget,
    show_message: Callable[[str], None],
    focus: Callable[[], int | None] = lambda: None,
) -> QAction:
    """Plan → Settings…, opening the dialog (read-only plans: to look, not change)."""
    action = QAction(QCoreApplication.translate("SettingsDialog", "&Settings…"), parent)
    action.setObjectName("planSettingsAction")
    action.triggered.connect(lambda: edit_settings(ctx, parent, show_message, focus))
    return action
