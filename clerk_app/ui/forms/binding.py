"""What every form shares: the document it edits, and fields bound to paths in the meeting.

A bound field sends each edit to the document as an undo command, and redraws from the model when
the document changes, without disturbing what the clerk is typing: a field whose text already
means the model's value (the model trims and cleans text) is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from clerk_app.domain.edit import EditError, get_at
from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.domain.text import clean_line, clean_text
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.messages import Messages, error_text
from clerk_app.ui.undo_keys import UndoKeys
from clerk_app.ui.widgets.check_box import CheckBox
from clerk_app.ui.widgets.value_fields import DateField, TimeField, ValueField

PathFunction = Callable[[], EditPath | None]
"""Where a field's value lives now (items move, so forms look their item up by id each time);
None when the thing the form shows no longer exists."""


@dataclass
class FormContext:
    """What forms need besides the document: the house styles, the message layer."""

    styles: dict[str, StyleFolder]
    messages: Messages
    style_names: list[str] = field(default_factory=list)

    def style(self, name: str) -> StyleFolder | None:
        return self.styles.get(name)

    def house_style(self, meeting: Meeting) -> HouseStyle:
        """The meeting's house style, or the plain default if it is not installed."""
        folder = self.styles.get(meeting.house_style)
        return folder.style if folder else DEFAULT_STYLE


_Field = TypeVar("_Field", bound=ValueField)


@dataclass
class Binding:
    widget: QWidget
    path: PathFunction
    refresh: Callable[[Any], None]
    sub_path: EditPath = ()


class Form(QWidget):
    """A form over part of the meeting. Subclasses bind their fields with the `bind_*` helpers
    and may override `refresh` to redraw what bindings do not cover."""

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.document = document
        self.context = context
        self.bindings: list[Binding] = []
        self.undo_keys = UndoKeys(document.undo_stack, self)
        document.changed.connect(self._on_changed)

    _stale = True

    def _on_changed(self, _path: object) -> None:
        # Hidden forms catch up when shown: one keystroke redraws one form, not all of them.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self.refresh()
            self._stale = False
        super().showEvent(event)

    def refresh(self) -> None:
        for binding in self.bindings:
            path = binding.path()
            if path is None:
                continue
            try:
                value = get_at(self.document.meeting, path)
            except EditError:
                continue
            with QSignalBlocker(binding.widget):
                binding.refresh(value)

    def commit_pending(self) -> bool:
        """Enter what is typed in the form's time and date fields but not yet entered (they
        enter it when left, on Enter, or at a window shortcut); False if some cannot be read.
        For whatever saves or closes by other ways (the window's close button)."""
        entered = [b.widget.commit() for b in self.bindings if isinstance(b.widget, ValueField)]
        return all(entered)  # every field tried, not only up to the first that fails

    def enter_typed(self) -> None:
        """Enter, quietly, what the form's time and date fields hold that can be read, leaving
        the text as typed and flagging nothing (before the recovery copy is written at an error:
        no warning may come before the error's own message)."""
        for binding in self.bindings:
            if isinstance(binding.widget, ValueField):
                binding.widget.enter_typed()

    def focus_path(self, path: EditPath) -> bool:
        """Put the keyboard focus on the field for `path` (a finding's); False if none here."""
        for binding in self.bindings:
            own = binding.path()
            if own is not None and tuple(path[: len(own)]) == tuple(own):
                binding.widget.setFocus()
                return True
        return False

    def _set(self, path: PathFunction, value: Any, text: str, merge: bool = True) -> None:
        where = path()
        if where is None:
            return
        try:
            self.document.set(where, value, text, merge=merge)
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            self.context.messages.warning("That value cannot be used", error_text(exc))
            self.refresh()

    # --- binding helpers -----------------------------------------------------------------------

    def named(self, widget: QWidget, name: str, accessible: str) -> QWidget:
        """Name a bound field, and make Ctrl+Z in it undo the meeting, not the field."""
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        self.undo_keys.watch(widget)
        return widget

    def bind_line(self, name: str, accessible: str, path: PathFunction, text: str) -> QLineEdit:
        edit = QLineEdit(self)
        self.named(edit, name, accessible)

        def refresh(value: Any) -> None:
            if clean_line(edit.text()) != value:
                edit.setText(value)

        edit.textEdited.connect(lambda value: self._set(path, value, text))
        self.bindings.append(Binding(edit, path, refresh))
        return edit

    def bind_text(
        self, name: str, accessible: str, path: PathFunction, text: str
    ) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        self.named(edit, name, accessible)

        def refresh(value: Any) -> None:
            if clean_text(edit.toPlainText()) != value:
                edit.setPlainText(value)

        edit.textChanged.connect(lambda: self._set(path, edit.toPlainText(), text))
        self.bindings.append(Binding(edit, path, refresh))
        return edit

    def bind_combo(
        self,
        name: str,
        accessible: str,
        path: PathFunction,
        text: str,
        choices: Callable[[], Sequence[tuple[str, Any]]],
    ) -> QComboBox:
        """A drop-down of (label, value) pairs; `choices` is asked again on every redraw."""
        combo = QComboBox(self)
        self.named(combo, name, accessible)

        shown: list[tuple[str, Any]] = []

        def refresh(value: Any) -> None:
            options = list(choices())
            if options != shown:  # refilled only when the choices change, not at every keystroke
                shown[:] = options
                combo.clear()
                for label, option in options:
                    combo.addItem(label, option)
            index = next((n for n, (_, option) in enumerate(options) if option == value), -1)
            combo.setCurrentIndex(index)

        # the value from our own list: PySide hands enums back from itemData as plain strings
        combo.activated.connect(lambda index: self._set(path, shown[index][1], text, merge=False))
        self.bindings.append(Binding(combo, path, refresh))
        return combo

    def bind_check(self, name: str, label: str, path: PathFunction, text: str) -> QCheckBox:
        """A check box; its Alt+letter ticks it at once (see `CheckBox`)."""
        box = CheckBox(label, self)
        self.named(box, name, label.replace("&", ""))
        box.toggled.connect(lambda checked: self._set(path, checked, text, merge=False))
        self.bindings.append(Binding(box, path, lambda value: box.setChecked(bool(value))))
        return box

    def bind_number(
        self, name: str, accessible: str, path: PathFunction, text: str, low: int, high: int
    ) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        self.named(spin, name, accessible)
        spin.valueChanged.connect(lambda value: self._set(path, value, text))
        self.bindings.append(Binding(spin, path, lambda value: spin.setValue(int(value))))
        return spin

    def bind_date(
        self, name: str, accessible: str, path: PathFunction, text: str, optional: bool = False
    ) -> DateField:
        """A date typed as 18/06/2025, with a calendar picker. An optional date may be left
        empty ("Not set"), which stores None; a required one refuses empty text."""
        edit = DateField(self, required=not optional)
        return self._bind_value(edit, name, accessible, path, text)

    def bind_time(self, name: str, accessible: str, path: PathFunction, text: str) -> TimeField:
        """A time typed as 17:30; empty shows "Not recorded" and stores None."""
        edit = TimeField(self)
        return self._bind_value(edit, name, accessible, path, text)

    def _bind_value(
        self, edit: _Field, name: str, accessible: str, path: PathFunction, text: str
    ) -> _Field:
        self.named(edit, name, accessible)
        edit.installEventFilter(edit)  # after UndoKeys' filter, so that it runs before it
        # one undo step for each value entered, not merged with the next; what pauses in the
        # typing entered on the way is part of that step
        edit.value_entered.connect(
            lambda value, run: self._enter(edit, path, value, text, run, quiet=False)
        )
        edit.value_typed.connect(
            lambda value, run: self._enter(edit, path, value, text, run, quiet=True)
        )
        self.bindings.append(Binding(edit, path, edit.show_value))
        return edit

    def _enter(
        self, edit: ValueField, path: PathFunction, value: Any, text: str, run: int, quiet: bool
    ) -> None:
        """A time or date field's value: one undo step for each run of typing (see
        `ValueField.value_entered`). Typing put back to what the run started from takes its step
        away (Esc after a pause entered some of it). A value the model refuses is said when the
        clerk enters it, not while they pause."""
        where = path()
        if where is None:
            return
        try:
            self.document.set_typed(where, value, text, ("typed", id(edit), tuple(where), run))
        except (ValueError, EditError) as exc:  # pydantic's ValidationError is a ValueError
            if not quiet:
                self.context.messages.warning("That value cannot be used", error_text(exc))
                self.refresh()


def fit_lines(edit: QPlainTextEdit, least: int, most: int = 8) -> None:
    """A small several-line field that grows and shrinks with its text, between these numbers
    of lines (in a form or a scrolling panel, where a second scroll bar would be in the way)."""

    def fit() -> None:
        lines = int(edit.document().size().height())  # the plain layout counts lines
        lines = max(least, min(most, lines))
        metrics = edit.fontMetrics()
        margin = edit.document().documentMargin()
        height = round(lines * metrics.lineSpacing() + 2 * margin + 2 * edit.frameWidth() + 2)
        if edit.height() != height or edit.minimumHeight() != height:
            edit.setFixedHeight(height)

    edit.document().documentLayout().documentSizeChanged.connect(lambda _size: fit())
    fit()


class Disclosure(QToolButton):
    """A button that shows and hides a part of a form (an arrow, then its caption), with a
    summary of what the part holds while it is closed: "Agenda (given)"."""

    opened = Signal(bool)

    def __init__(self, parent: QWidget, name: str, caption: str, description: str) -> None:
        super().__init__(parent)
        self.caption = caption
        self.summary = ""
        self.setObjectName(name)
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setToolTip(description)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggled.connect(self._toggled)
        self._toggled(False)

    def _toggled(self, shown: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._label()
        self.opened.emit(shown)

    def set_summary(self, summary: str) -> None:
        if summary != self.summary:
            self.summary = summary
            self._label()

    def _label(self) -> None:
        shown = self.isChecked()
        text = self.caption if shown or not self.summary else f"{self.caption} ({self.summary})"
        self.setText(text)
        self.setAccessibleName(f"{'Hide' if shown else 'Show'} {self.caption.lower()}")


def add_row(layout: QFormLayout, label: str, widget: QWidget) -> None:
    """A labelled row whose label's mnemonic (&) moves the focus to the field."""
    caption = QLabel(label)
    caption.setBuddy(widget)
    layout.addRow(caption, widget)
