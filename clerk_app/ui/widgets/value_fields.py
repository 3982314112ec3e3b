"""Fields holding one typed value: a time, a date. The clerk types them as text, and the value is
entered when the field is left (or on Enter, or at a window shortcut): one undo step, however
many keys it took. Text that cannot be read is kept and flagged, never lost. A value typed and
paused over is entered too, without leaving the field and without touching the text (so that the
recovery copy has it if Clerk dies): the values of one stay in the field are still one undo step.

`ValueField` is the common behaviour; `TimeField` and `DateField` say how their values are
written and read (`clerk_app.domain.typed`). Forms bind them with `Form.bind_time` and
`Form.bind_date` (`clerk_app.ui.forms.binding`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
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
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QToolTip, QWidget

from clerk_app.domain.typed import (
    DATE_HINT,
    TIME_HINT,
    format_date,
    format_time,
    parse_date,
    parse_time,
)

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
TYPING_PAUSE_MS = 500
"""A time or date that can be read is entered once the clerk has stopped typing this long: the
recovery copy, written within a second of a change, then has it within its two seconds. Not at
every key: "17" would be entered as 17:00 on the way to 17:30, redrawing the minutes twice."""
_NOT_TYPED = object()
"""`ValueField._typed_from` when nothing typed in this stay in the field has been entered."""

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
    kept and flagged (a red border, a tooltip naming the format) and nothing is reported. A
    pause in typing text that can be read reports its value quietly (`value_typed`), the text
    left as typed and nothing flagged. Esc puts back the value the model held before the
    typing; Ctrl+Z over typing the model does not hold takes that typing back. Coming in from
    the keyboard selects the whole text, so typing replaces it."""

    value_entered = Signal(object, int)
    """A value entered (the field left, Enter...): (the value, the number of its run of typing).
    The values of one run belong in one undo step, so that a value a pause entered and the one
    then entered are one step; a run ends when its typing is entered or taken back."""
    value_typed = Signal(object, int)
    """A value typed and paused over while the clerk stays in the field: (the value, the number
    of its run of typing). Quiet: a value the model refuses waits for the clerk to leave."""
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
        self._run = 0
        self._typed_from: Any = _NOT_TYPED
        """The model's value before this run's typing was first entered by a pause."""
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.enter_typed)
        self.textEdited.connect(self._recheck)
        self.textEdited.connect(self._pause.start)
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
        """Show the model's value, unless the clerk's unentered typing is about that value; text
        that already means the value (typing a pause entered: "17" for 17:00) is left as typed,
        cursor and all."""
        if value == self._shown and self.pending():
            return
        self._shown = value
        if not self._reads_as(value):
            self.setText(self.format(value))
        self._flag("")

    def _reads_as(self, value: Any) -> bool:
        text = self.text()
        if text == self.format(value):
            return True
        try:
            return bool(self.read(text) == value)
        except ValueError:
            return False

    def pending(self) -> bool:
        """Whether the text is typing the model does not hold (not yet entered, or unreadable)."""
        return not self._reads_as(self._shown)

    def enter_typed(self) -> None:
        """Report the typed value if the text can be read, quietly: the text stays as typed and
        nothing is flagged (the clerk may be half-way through "17:30"). After a pause in typing,
        and before the recovery copy is written at an error."""
        self._pause.stop()
        if not self.pending():
            return
        try:
            value = self.read(self.text())
        except ValueError:
            return  # said when the clerk leaves the field
        if self._typed_from is _NOT_TYPED:
            self._typed_from = self._shown
        self.value_typed.emit(value, self._run)

    def _end_run(self) -> None:
        self._pause.stop()
        self._typed_from = _NOT_TYPED
        self._run += 1

    def commit(self) -> bool:
        """Read the text and report its value; False (the field flagged) if it cannot be read."""
        run = self._run
        self._end_run()
        if not self.pending():
            self._flag("")
            shown = self.format(self._shown)
            if self.text() != shown:  # entered by a pause as typed ("17"): now written as 17:00
                self.setText(shown)
            return True
        try:
            value = self.read(self.text())
        except ValueError as exc:
            self._flag(str(exc))
            return False
        self._flag("")
        self.value_entered.emit(value, run)
        # written as the house writes it: "2020" as 20:20; a value the model refused goes
        shown = self.format(self._shown)
        if self.text() != shown:
            self.setText(shown)
        return True

    def read(self, text: str) -> Any:
        value = self.parse(text)
        if value is None and self.required:
            raise ValueError(f"The {self.noun} cannot be left empty: type it as {self.hint}")
        return value

    def revert(self) -> None:
        """Put back the model's value over typing it does not hold."""
        self._pause.stop()
        self.setText(self.format(self._shown))
        self._flag("")
        self.selectAll()

    def take_back(self) -> bool:
        """Esc: the value the model held before this run of typing, even once a pause entered
        some of it; False if there was no typing to take back."""
        before = self._typed_from
        if before is not _NOT_TYPED and before != self._shown:
            self.value_typed.emit(before, self._run)
        elif not self.pending():
            return False
        self._end_run()
        self.revert()
        return True

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
        elif event.key() == Qt.Key.Key_Escape and self.take_back():
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
