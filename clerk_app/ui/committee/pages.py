"""The committee window's pages: the committee itself, its numbering, its dates, its meetings and
the year's actions (the lists of people and standing items are tables: `records.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.actions import EXEMPT_MARK, ActionEntry, raised_at
from clerk_app.domain.committee import (
    COMMITTEE_KIND_LABELS,
    NUMBER_RESET_LABELS,
    CommitteeKind,
    NumberReset,
)
from clerk_app.domain.house_style import DEFAULT_STYLE, MONTHS, HouseStyle
from clerk_app.domain.typed import format_date
from clerk_app.services.committee_document import (
    CommitteeDocument,
    FolderView,
    suggested_date,
    validation_message,
)
from clerk_app.services.year import long_date, weekday
from clerk_app.ui.widgets.value_fields import DateField, TimeField

OVERDUE_COLOUR = "#b00020"
"""Overdue actions' text (with the word "Overdue": never colour alone)."""


def _named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    _named(button, name, text.replace("&", "").rstrip("…"))
    button.clicked.connect(lambda _checked=False: slot())
    return button


class _Page(QWidget):
    def __init__(self, document: CommitteeDocument, say: Callable[[str], None]) -> None:
        super().__init__()
        self.document = document
        self.say = say
        self._loading = False
        document.changed.connect(lambda _path: self.refresh())

    def refresh(self) -> None:
        raise NotImplementedError

    def _set(self, path: tuple[str | int, ...], value: Any, text: str, merge: bool = True) -> None:
        if self._loading:
            return
        try:
            self.document.set(path, value, text, merge=merge)
        except ValueError as exc:
            self.say(validation_message(exc))
            self.refresh()


def _show_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)


def _choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index < 0 and value is not None:
        combo.addItem(f"{value} (not installed)", value)
        index = combo.count() - 1
    if combo.currentIndex() != index:
        combo.setCurrentIndex(index)


class GeneralPage(_Page):
    """Authority, name, kind, house style, quorum, venue and usual start time."""

    def __init__(
        self, document: CommitteeDocument, say: Callable[[str], None], styles: list[str]
    ) -> None:
        super().__init__(document, say)
        form = QFormLayout(self)
        self.authority = QLineEdit()
        _named(self.authority, "committeeAuthorityEdit", "Authority")
        self.name = QLineEdit()
        _named(self.name, "committeeNameEdit", "Committee name")
        self.kind = QComboBox()
        _named(self.kind, "committeeKindCombo", "Kind of committee")
        for kind, label in COMMITTEE_KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.house_style = QComboBox()
        _named(self.house_style, "committeeStyleCombo", "House style")
        for style in styles:
            self.house_style.addItem(style, style)
        self.quorum = QSpinBox()
        _named(self.quorum, "committeeQuorumSpin", "Quorum")
        self.quorum.setRange(0, 10_000)
        self.quorum.setSpecialValueText("Not recorded")
        self.quorum.setToolTip("How many voting members make a quorum")
        self.venue = QLineEdit()
        _named(self.venue, "committeeVenueEdit", "Usual venue")
        self.start_time = TimeField(empty_text="Not recorded")
        _named(self.start_time, "committeeStartTimeEdit", "Usual start time")
        form.addRow("&Authority:", self.authority)
        form.addRow("Committee &name:", self.name)
        form.addRow("&Kind:", self.kind)
        form.addRow("House &style:", self.house_style)
        form.addRow("&Quorum:", self.quorum)
        form.addRow("Usual &venue:", self.venue)
        form.addRow("Usual start &time:", self.start_time)
        self.authority.textEdited.connect(
            lambda text: self._set(("authority",), text, "Edit authority")
        )
        self.name.textEdited.connect(lambda text: self._set(("name",), text, "Edit name"))
        self.venue.textEdited.connect(lambda text: self._set(("venue",), text, "Edit venue"))
        self.kind.activated.connect(
            lambda _n: self._set(("kind",), self.kind.currentData(), "Change kind", False)
        )
        self.house_style.activated.connect(
            lambda _n: self._set(
                ("house_style",), self.house_style.currentData(), "Change house style", False
            )
        )
        self.quorum.valueChanged.connect(
            lambda n: self._set(("quorum",), n or None, "Change quorum")
        )
        self.start_time.value_entered.connect(self._time)
        self.start_time.value_typed.connect(self._time)
        self.refresh()

    def _fields(self) -> list[QWidget]:
        return [self.authority, self.name, self.kind, self.house_style, self.quorum, self.venue,
                self.start_time]  # fmt: skip

    def _time(self, value: dt.time | None, run: int) -> None:
        if self._loading:
            return
        try:
            self.document.set_typed(
                ("start_time",), value, "Change start time", ("start time", id(self), run)
            )
        except ValueError as exc:
            self.say(validation_message(exc))

    def refresh(self) -> None:
        committee = self.document.committee
        self._loading = True
        try:
            _show_text(self.authority, committee.authority)
            _show_text(self.name, committee.name)
            _show_text(self.venue, committee.venue)
            _choose(self.kind, CommitteeKind(committee.kind))
            _choose(self.house_style, committee.house_style)
            if self.quorum.value() != (committee.quorum or 0):
                self.quorum.setValue(committee.quorum or 0)
            self.start_time.show_value(committee.start_time)
        finally:
            self._loading = False

    def commit_pending(self) -> None:
        self.start_time.commit()


class NumberingPage(_Page):
    """How minutes are numbered, and a live line saying where the next meeting starts."""

    def __init__(
        self,
        document: CommitteeDocument,
        say: Callable[[str], None],
        style_of: Callable[[str], HouseStyle],
        today: Callable[[], dt.date],
    ) -> None:
        super().__init__(document, say)
        self.style_of = style_of
        self.today = today
        self.latest: tuple[dt.date, int | None] | None = None
        form = QFormLayout(self)
        self.reset = QComboBox()
        _named(self.reset, "numberingResetCombo", "Minute numbers")
        for reset, label in NUMBER_RESET_LABELS.items():
            self.reset.addItem(label, reset)
        self.month = QComboBox()
        _named(self.month, "numberingMonthCombo", "Municipal year starts in")
        for n, month in enumerate(MONTHS, start=1):
            self.month.addItem(month, n)
        self.first = QSpinBox()
        _named(self.first, "numberingFirstSpin", "First number")
        self.first.setRange(1, 1_000_000)
        self.first.setToolTip("Where numbering starts: at the first meeting, and after each reset")
        self.prefix = QLineEdit()
        _named(self.prefix, "numberingPrefixEdit", "Prefix")
        self.prefix.setToolTip('What the house style writes before a number ("C" in "C 08/042")')
        self.next_line = QLabel()
        self.next_line.setObjectName("numberingNextLabel")
        self.next_line.setWordWrap(True)
        self.next_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.next_line.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        form.addRow("Minute &numbers:", self.reset)
        form.addRow("Municipal year starts in &month:", self.month)
        form.addRow("&First number:", self.first)
        form.addRow("&Prefix:", self.prefix)
        form.addRow(self.next_line)
        self.reset.activated.connect(
            lambda _n: self._set(
                ("numbering", "reset"), self.reset.currentData(), "Change numbering", False
            )
        )
        self.month.activated.connect(
            lambda _n: self._set(
                ("numbering", "year_starts"), self.month.currentData(), "Change year start", False
            )
        )
        self.first.valueChanged.connect(
            lambda n: self._set(("numbering", "first_number"), n, "Change first number")
        )
        self.prefix.textEdited.connect(
            lambda text: self._set(("numbering", "prefix"), text, "Edit prefix")
        )
        self.refresh()

    def set_latest(self, latest: tuple[dt.date, int | None] | None) -> None:
        """The committee's latest meeting: its date and last minute number."""
        self.latest = latest
        self.refresh()

    def next_text(self) -> str:
        committee = self.document.committee
        scheme = committee.numbering
        latest_date, latest_last = self.latest if self.latest else (None, None)
        day = suggested_date(committee, latest_date, self.today())
        first = scheme.first_after(latest_date, latest_last, day)
        style = self.style_of(committee.house_style)
        label = style.minute_number(first, day, scheme.prefix) if style.number_items else ""
        label = label or str(first)
        after = ""
        if latest_date is not None and latest_last is not None:
            if scheme.restarts_between(latest_date, day):
                after = f", starting again after the meeting of {long_date(latest_date)}"
            else:
                after = f", after the last minute ({latest_last}) of {long_date(latest_date)}"
        return (
            f"The next meeting ({long_date(day)}) would start at minute {label}{after}. "
            f"Numbers {scheme.describe()}."
        )

    def refresh(self) -> None:
        scheme = self.document.committee.numbering
        self._loading = True
        try:
            _choose(self.reset, NumberReset(scheme.reset))
            _choose(self.month, scheme.year_starts)
            self.month.setEnabled(scheme.reset is NumberReset.MUNICIPAL_YEAR)
            if self.first.value() != scheme.first_number:
                self.first.setValue(scheme.first_number)
            _show_text(self.prefix, scheme.prefix)
        finally:
            self._loading = False
        self.next_line.setText(self.next_text())
        self.next_line.setAccessibleName(self.next_line.text())


class DatesPage(_Page):
    """The year's meeting dates, kept in order."""

    def __init__(self, document: CommitteeDocument, say: Callable[[str], None]) -> None:
        super().__init__(document, say)
        self.list = QListWidget()
        _named(self.list, "meetingDatesList", "The year's meeting dates")
        self.new_date = DateField(empty_text="dd/mm/yyyy")
        _named(self.new_date, "newMeetingDateEdit", "Date to add")
        self.add_button = _button("&Add date", "addMeetingDateButton", self.add_date)
        self.remove_button = _button("&Remove date", "removeMeetingDateButton", self.remove_date)
        self.new_date.returnPressed.connect(self.add_date)
        row = QHBoxLayout()
        row.addWidget(QLabel("Date:"))
        row.addWidget(self.new_date)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        intro = QLabel("The year's meeting dates, as agreed. The next meeting is offered the "
                       "first of them after the latest meeting.")  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.list.installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.remove_date()
            return True
        return super().eventFilter(watched, event)

    def add_date(self) -> None:
        try:
            day = self.new_date.read(self.new_date.text())
        except ValueError as exc:
            self.say(str(exc))
            return
        if day is None:
            return
        dates = self.document.committee.meeting_dates
        if day in dates:
            self.say(f"{long_date(day)} is already one of the dates.")
            return
        self._set(("meeting_dates",), tuple(sorted((*dates, day))), "Add meeting date", False)
        self.new_date.clear()

    def remove_date(self) -> None:
        row = self.list.currentRow()
        dates = self.document.committee.meeting_dates
        if not 0 <= row < len(dates):
            return
        kept = tuple(d for n, d in enumerate(dates) if n != row)
        self._set(("meeting_dates",), kept, "Remove meeting date", False)
        self.list.setCurrentRow(min(row, len(kept) - 1))

    def refresh(self) -> None:
        dates = self.document.committee.meeting_dates
        texts = [f"{format_date(day)}    {weekday(day)} {long_date(day)}" for day in dates]
        if [self.list.item(n).text() for n in range(self.list.count())] == texts:
            return
        row = self.list.currentRow()
        self.list.clear()
        self.list.addItems(texts)
        if texts:
            self.list.setCurrentRow(max(0, min(row, len(texts) - 1)))


def _cell(text: str, data: Any = None) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        cell.setData(Qt.ItemDataRole.UserRole, data)
    return cell


class ReadOnlyTable(QTableWidget):
    """A list to read and choose from: rows selected whole; Enter (or a double-click) activates
    the current row (`row_activated`)."""

    row_activated = Signal(int)

    def __init__(self, headers: list[str], name: str, accessible: str) -> None:
        super().__init__(0, len(headers))
        _named(self, name, accessible)
        self.setHorizontalHeaderLabels(headers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.doubleClicked.connect(lambda index: self.row_activated.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.row_activated.emit(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)


class MeetingsPage(QWidget):
    """The folder's meetings by date: Enter or a double-click opens one in the main window."""

    open_requested = Signal(object)
    """A meeting's path."""
    new_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.table = ReadOnlyTable(
            ["Date", "Status", "Minutes", "File"], "committeeMeetingsTable", "Meetings"
        )
        self.table.setAccessibleDescription("Enter opens the meeting in the main window")
        self.table.row_activated.connect(self._activated)
        self.new_button = _button(
            "&New meeting…", "newCommitteeMeetingButton", self.new_requested.emit
        )
        self.note = QLabel()
        self.note.setObjectName("meetingsNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.paths: list[Path] = []

    def show_folder(self, view: FolderView) -> None:
        rows = view.meetings
        self.table.setRowCount(len(rows))
        self.paths = [row.entry.path for row in rows]
        for n, row in enumerate(rows):
            entry = row.entry
            date = _cell(f"{weekday(entry.date, short=True)} {format_date(entry.date)}")
            date.setData(Qt.ItemDataRole.AccessibleTextRole, long_date(entry.date))
            self.table.setItem(n, 0, date)
            self.table.setItem(n, 1, _cell("Approved" if entry.approved else "Draft"))
            self.table.setItem(n, 2, _cell(row.minutes))
            self.table.setItem(n, 3, _cell(entry.path.name))
        notes = []
        folder = view.folder
        if folder.others:
            names = ", ".join(e.path.name for e in folder.others[:3])
            notes.append(f"Meetings of other bodies in this folder (not listed): {names}")
        if folder.unreadable:
            names = "; ".join(f"{p.name}: {why}" for p, why in folder.unreadable[:3])
            notes.append(f"Could not be read: {names}")
        if not rows:
            notes.append("No meetings yet: New meeting… prepares the first.")
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        if rows and self.table.currentRow() < 0:
            self.table.setCurrentCell(len(rows) - 1, 0)

    def _activated(self, row: int) -> None:
        if 0 <= row < len(self.paths):
            self.open_requested.emit(self.paths[row])


ACTION_FILTERS = ("All", "Open", "Overdue")


class ActionsPage(QWidget):
    """The year's actions: what, who, by when, raised at, status; filter and export."""

    open_requested = Signal(str)
    """An action's id: open the meeting that holds it, at its item."""
    export_requested = Signal(str)
    """".docx" or ".csv"."""

    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self.today = today
        self.log_style: HouseStyle = DEFAULT_STYLE
        self.entries: list[ActionEntry] = []
        self.shown: list[ActionEntry] = []
        self.filter = QComboBox()
        _named(self.filter, "actionFilterCombo", "Show actions")
        self.filter.addItems(list(ACTION_FILTERS))
        self.filter.currentIndexChanged.connect(lambda _n: self._fill())
        self.table = ReadOnlyTable(
            ["Action", "Who", "By when", "Raised at", "Status"],
            "committeeActionsTable",
            "Actions",
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 220)  # a long job title wraps rather than take the room
        header.setStretchLastSection(False)
        self.table.setAccessibleDescription(
            "Enter opens the meeting that holds the action, at its item"
        )
        self.table.row_activated.connect(self._activated)
        self.word_button = _button(
            "Export to &Word…",
            "exportActionsWordButton",
            lambda: self.export_requested.emit(".docx"),
        )
        self.csv_button = _button(
            "Export to &CSV…", "exportActionsCsvButton", lambda: self.export_requested.emit(".csv")
        )
        for button in (self.word_button, self.csv_button):
            button.setToolTip("Exports the actions shown (the filter applies)")
        self.summary = QLabel()
        self.summary.setObjectName("actionsSummary")
        top = QHBoxLayout()
        label = QLabel("&Show:")
        label.setBuddy(self.filter)
        top.addWidget(label)
        top.addWidget(self.filter)
        top.addWidget(self.summary, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.word_button)
        bottom.addWidget(self.csv_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def show_actions(self, entries: list[ActionEntry], style: HouseStyle) -> None:
        self.entries, self.log_style = entries, style
        self._fill()

    def _fill(self) -> None:
        today = self.today()
        wanted = self.filter.currentText()
        shown = [
            e
            for e in self.entries
            if wanted == "All"
            or (wanted == "Open" and not e.done)
            or (wanted == "Overdue" and e.overdue(today))
        ]
        self.shown = shown
        self.table.setRowCount(len(shown))
        red = QBrush(QColor(OVERDUE_COLOUR))
        for n, entry in enumerate(shown):
            when = self.log_style.short_date(entry.raised_on) if entry.raised_on else ""
            raised = raised_at(entry.raised_minute, when)
            cells = [
                _cell(EXEMPT_MARK + entry.action if entry.exempt else entry.action, entry.id),
                _cell(entry.owner),
                _cell(self.log_style.short_date(entry.due) if entry.due else ""),
                _cell(raised),
                _cell(entry.status_text(today, self.log_style)),
            ]
            for column, cell in enumerate(cells):
                if entry.overdue(today):
                    cell.setForeground(red)
                self.table.setItem(n, column, cell)
        self.table.resizeRowsToContents()
        overdue = sum(e.overdue(today) for e in self.entries)
        still_open = sum(not e.done for e in self.entries)
        self.summary.setText(f"{len(self.entries)} actions: {still_open} open, {overdue} overdue")
        if shown and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)

    def _activated(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.open_requested.emit(self.shown[row].id)
