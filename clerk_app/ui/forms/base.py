"""What every form shares: the document it edits, and fields bound to paths in the meeting.

A bound field sends each edit to the document as an undo command, and redraws from the model when
the document changes, without disturbing what the clerk is typing: a field whose text already
means the model's value (the model trims and cleans text) is left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QRect, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolTip,
    QWidget,
)

from clerk_app.domain.edit import EditError, get_at
from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.domain.text import clean_line, clean_text
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.messages import Messages, error_text
from clerk_app.ui.typed import (
    DATE_HINT,
    TIME_HINT,
    format_date,
    format_time,
    parse_date,
    parse_time,
)
from clerk_app.ui.undo_keys import UndoKeys

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


_INVALID_STYLE = "QLineEdit { border: 2px solid #c42b1c; border-radius: 3px; }"
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_ALT_GR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
"""What Windows reports for AltGr, which types characters (€, @ on some keyboards)."""
_MODIFIER_KEYS = {
    key.value
    for key in (
        Qt.Key.Key_Control,
        Qt.Key.Key_Shift,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
    )
}
_KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
)


class ValueField(QLineEdit):
    """A line holding one value (a time, a date) that the clerk types as text.

    Typing is free: the text is read when the clerk leaves the field or presses Enter, and a
    value is reported once (`value_entered`: one undo step, however many keys it took). Empty
    text is None ("not recorded"), unless the field is `required`. Text that cannot be read is
    kept and flagged (a red border, a tooltip naming the format) and nothing is reported. Esc,
    or Ctrl+Z before leaving, puts back the value the model holds. Coming in from the keyboard
    selects the whole text, so typing replaces it."""

    value_entered = Signal(object)
    hint = ""
    noun = "value"

    def __init__(self, empty_text: str, required: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.required = required
        self.problem = ""
        """Why the text cannot be used; empty when it can."""
        self._shown: Any = None
        self.setPlaceholderText(empty_text)
        self.setToolTip(self._help())
        self.setAccessibleDescription(self.hint)
        self.textEdited.connect(self._recheck)
        self.installEventFilter(self)  # see eventFilter: installed last, it runs first

    # how a value is written and read: the subclasses' business
    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def format(self, value: Any) -> str:
        raise NotImplementedError

    def _help(self) -> str:
        empty = "" if self.required else f" Empty means {self.placeholderText().lower()}."
        return f"Type it as {self.hint}.{empty}"

    @property
    def value(self) -> Any:
        """The value the field shows from the model (not what is typed and not yet entered)."""
        return self._shown

    def show_value(self, value: Any) -> None:
        """Show the model's value, unless the clerk's unentered typing is about that value."""
        if value == self._shown and self.pending():
            return
        self._shown = value
        text = self.format(value)
        if self.text() != text:
            self.setText(text)
        self._flag("")

    def pending(self) -> bool:
        """Whether the text is typing not yet entered (or entered but not readable)."""
        return self.text() != self.format(self._shown)

    def commit(self) -> bool:
        """Read the text and report its value; False (the field flagged) if it cannot be read."""
        if not self.pending():
            self._flag("")
            return True
        try:
            value = self.read(self.text())
        except ValueError as exc:
            self._flag(str(exc))
            return False
        self._flag("")
        self.value_entered.emit(value)
        if self.pending():  # the same value written another way, or one the model refused
            self.setText(self.format(self._shown))
        return True

    def read(self, text: str) -> Any:
        value = self.parse(text)
        if value is None and self.required:
            raise ValueError(f"The {self.noun} cannot be left empty: type it as {self.hint}")
        return value

    def revert(self) -> None:
        self.setText(self.format(self._shown))
        self._flag("")
        self.selectAll()

    def _flag(self, problem: str) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        self.setStyleSheet(_INVALID_STYLE if problem else "")
        self.setToolTip(problem or self._help())
        self.setAccessibleDescription(problem or self.hint)
        if problem and self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), problem, self)

    def _recheck(self, text: str) -> None:
        """A flagged field loses its flag as soon as its text can be read."""
        if self.problem:
            try:
                self.read(text)
            except ValueError:
                return
            self._flag("")

    # --- keys and focus ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Ctrl+Z over unentered typing takes the typing back (the meeting's undo, which the
        form's UndoKeys filter gives Ctrl+Z, would undo an older change behind it)."""
        if (
            watched is self
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and self.pending()
        ):
            if event.type() == QEvent.Type.KeyPress:
                self.revert()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape and self.pending():
            self.revert()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        if event.reason() in _KEYBOARD_REASONS:
            self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        # Not for the field's own context menu (or calendar), but for the menu bar's menus, so
        # that File > Save saves what was typed. Nor when the clerk switches to another program
        # mid-time: "17" entered as 17:00 would leave "17:00" to type ":30" after on return.
        reason = event.reason()
        popup = QApplication.activePopupWidget()
        if reason == Qt.FocusReason.ActiveWindowFocusReason or (
            reason == Qt.FocusReason.PopupFocusReason
            and popup is not None
            and popup.parentWidget() is self
        ):
            return
        self.commit()

    def event(self, event: QEvent) -> bool:
        """A window's shortcut (Ctrl+S, Ctrl+E, F5...) pressed in the field acts on what was
        typed: the typing is entered first. The field's own editing keys are left alone."""
        handled = super().event(event)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not event.isAccepted()
            and event.key() not in _MODIFIER_KEYS  # Ctrl pressed on its way to Ctrl+A
            and (
                event.modifiers() & _SHORTCUT_MODIFIERS
                or Qt.Key.Key_F1.value <= event.key() <= Qt.Key.Key_F35.value
            )
            and not (event.modifiers() & _ALT_GR == _ALT_GR and event.text().strip())
        ):
            self.commit()
        return handled


class TimeField(ValueField):
    """A time typed as 17:30 (or 1730, 17.30, 5.30pm); empty is none."""

    hint = TIME_HINT
    noun = "time"

    def __init__(self, parent: QWidget | None = None, empty_text: str = "Not recorded"):
        super().__init__(empty_text, parent=parent)

    def parse(self, text: str) -> dt.time | None:
        return parse_time(text)

    def format(self, value: Any) -> str:
        return format_time(value)


def _calendar_icon(color: QColor) -> QIcon:
    """A small calendar page, drawn in the text's colour (Qt has no standard one)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        unit = size / 16
        page = QRect(round(2 * unit), round(3 * unit), round(12 * unit), round(11 * unit))
        painter.setPen(color)
        painter.drawRect(page.adjusted(0, 0, -1, -1))
        painter.fillRect(page.x(), page.y(), page.width(), round(3 * unit), color)
        for row in range(2):
            for column in range(3):
                painter.fillRect(
                    round((4 + 3.5 * column) * unit),
                    round((8 + 3 * row) * unit),
                    max(1, round(2 * unit)),
                    max(1, round(2 * unit)),
                    color,
                )
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class DateField(ValueField):
    """A date typed as 18/06/2025 (or 18/6/25, 18062025), or picked from a calendar: the
    button at the field's end, or Alt+Down or F4 as in any Windows date field."""

    hint = DATE_HINT
    noun = "date"

    def __init__(
        self, parent: QWidget | None = None, empty_text: str = "Not set", required: bool = False
    ):
        super().__init__("dd/mm/yyyy" if required else empty_text, required, parent)
        self.calendar: QCalendarWidget | None = None
        self.calendar_action = self.addAction(
            _calendar_icon(self.palette().color(QPalette.ColorRole.Text)),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self.calendar_action.setToolTip("Choose from a calendar (Alt+Down)")
        self.calendar_action.triggered.connect(self.show_calendar)

    def parse(self, text: str) -> dt.date | None:
        return parse_date(text)

    def format(self, value: Any) -> str:
        return format_date(value)

    def _help(self) -> str:
        return f"{super()._help()} Alt+Down opens a calendar."

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or (event.key() == Qt.Key.Key_F4 and not event.modifiers()):
            self.show_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        """The calendar below the field, on the typed date (or the model's, or today)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.setVerticalHeaderFormat(
                QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
            )
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        try:
            shown = self.parse(self.text()) or self._shown
        except ValueError:
            shown = self._shown
        day = shown or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.adjustSize()
        size = self.calendar.sizeHint()
        place = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        if place.y() + size.height() > screen.bottom():
            place.setY(self.mapToGlobal(QPoint(0, 0)).y() - size.height())
        place.setX(max(screen.left(), min(place.x(), screen.right() - size.width())))
        self.calendar.move(place)
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, date: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setText(self.format(dt.date(date.year(), date.month(), date.day())))
        self.commit()
        self.setFocus(Qt.FocusReason.PopupFocusReason)


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
        box = QCheckBox(label, self)
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
        # one undo step for each value entered, not merged with the next
        edit.value_entered.connect(lambda value: self._set(path, value, text, merge=False))
        self.bindings.append(Binding(edit, path, edit.show_value))
        return edit


def add_row(layout: QFormLayout, label: str, widget: QWidget) -> None:
    """A labelled row whose label's mnemonic (&) moves the focus to the field."""
    caption = QLabel(label)
    caption.setBuddy(widget)
    layout.addRow(caption, widget)
