"""The previous minutes item's own fields: whose minutes they are, and whether they were agreed.

Shown on the page of the item whose standing item is "Minutes of the Previous Meeting" (or any
item that already holds these fields):

- ``previousMeetingEdit``: "Minutes of the meeting held on" (a date: `Item.previous_meeting`)
- ``minutesConfirmedCheck``: "Agreed as a correct record" (`Item.minutes_confirmed`)

Ticking the box when the file of that meeting of the same committee is in this meeting's folder
asks (`Dialogs.ask_confirm_previous`) whether to mark it approved, confirmed on this meeting's
date: yes is one undo step that also writes that file (`clerk_app.services.confirm`); no ticks
the box alone. A file open in another Clerk, changed since it was read, or that cannot be read
or written is not written, and the clerk is told why; the tick stays. Unticking the box only
unticks it (Ctrl+Z is what puts the other file back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from clerk_app.domain.edit import set_at
from clerk_app.domain.model import Item, MeetingStatus, StandingItem
from clerk_app.services.confirm import (
    ConfirmPrevious,
    find_previous_file,
    open_elsewhere,
    read_previous,
)
from clerk_app.storage import MeetingFileError
from clerk_app.ui.dialogs import Dialogs
from clerk_app.ui.forms.binding import Binding, Form
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.messages import error_text
from clerk_app.ui.widgets.check_box import CheckBox

TITLE = "The previous minutes"


class PreviousMinutesPanel(QGroupBox):
    """The two fields, bound through `form` (its refresh shows them), and the confirming."""

    def __init__(
        self, form: Form, target: ItemTarget, dialogs: Callable[[], type[Dialogs]]
    ) -> None:
        super().__init__("Previous minutes", form)
        self.setObjectName("previousMinutesPanel")
        self.form, self.target, self.dialogs = form, target, dialogs
        self.held_on = form.bind_date(
            "previousMeetingEdit",
            "Minutes of the meeting held on",
            lambda: target.path("previous_meeting"),
            "Edit the date of the previous meeting",
            optional=True,
        )
        self.held_on.setToolTip("The date of the meeting whose minutes these are (dd/mm/yyyy)")
        self.confirmed = CheckBox("Agreed as a correct record", self)  # Tab from the date
        form.named(self.confirmed, "minutesConfirmedCheck", "Agreed as a correct record")
        self.confirmed.setToolTip(
            "The meeting agreed these minutes as a correct record; Clerk then offers to mark "
            "that meeting's file approved, confirmed on this meeting's date"
        )
        self.confirmed.toggled.connect(self._toggled)
        form.bindings.append(
            Binding(
                self.confirmed,
                lambda: target.path("minutes_confirmed"),
                lambda value: self.confirmed.setChecked(bool(value)),
            )
        )
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        caption = QLabel("Minutes of the meeting held &on:")
        caption.setBuddy(self.held_on)
        layout.addRow(caption, self.held_on)
        layout.addRow("", self.confirmed)
        self.hide()

    def focus_chain(self) -> list[QWidget]:
        return [self.held_on, self.confirmed]

    def refresh(self, item: Item) -> None:
        shown = (
            item.standing is StandingItem.PREVIOUS_MINUTES
            or item.previous_meeting is not None
            or item.minutes_confirmed
        )
        if self.isVisibleTo(self.form) != shown:
            self.setVisible(shown)

    # --- confirming ------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.target.context.messages.warning(TITLE, text)

    def _tick_alone(self, value: bool) -> None:
        minute = self.target.minute()
        text = (
            f"Agree the previous minutes in minute {minute}"
            if value
            else f"Untick the previous minutes as agreed in minute {minute}"
        )
        self.target.set(("minutes_confirmed",), value, text, merge=False)

    def _toggled(self, checked: bool) -> None:
        if checked:
            self.confirm()
        else:
            self._tick_alone(False)

    def confirm(self) -> None:
        """Tick "Agreed as a correct record", offering to mark the previous meeting's file
        approved when it is in this meeting's folder."""
        item = self.target.item()
        path = self.target.path("minutes_confirmed")
        document = self.target.document
        if item is None or path is None:
            return
        meeting = document.meeting
        if item.previous_meeting is None or document.path is None:
            self._tick_alone(True)  # no meeting named, or no folder to look in
            return
        style = self.target.context.house_style(meeting)
        when, today = style.short_date(item.previous_meeting), style.short_date(meeting.date)
        files = find_previous_file(
            document.path.parent, meeting, item.previous_meeting, exclude=document.path
        )
        if not files:
            self._tick_alone(True)  # not in this folder: nothing else to change
            return
        if len(files) > 1:
            self._tick_alone(True)
            names = ", ".join(path.name for path in files)
            self._say(
                f"The minutes of {when} cannot be marked approved: the folder holds more than "
                f"one file of that meeting ({names}). Only this meeting's box is ticked."
            )
            return
        found = files[0]
        try:
            previous = read_previous(found)
        except MeetingFileError as exc:
            self._tick_alone(True)
            self._say(
                f"The minutes of {when} cannot be marked approved: {found.name} "
                f"{exc.problem}. Only this meeting's box is ticked."
            )
            return
        if (
            previous.meeting.status is MeetingStatus.APPROVED
            and previous.meeting.confirmed_on == meeting.date
        ):
            self._tick_alone(True)  # marked so already
            return
        who = open_elsewhere(found)
        if who is not None:
            self._tick_alone(True)
            self._say(
                f"The minutes of {when} cannot be marked approved now: {found.name} is open in "
                f"Clerk by {who}. Only this meeting's box is ticked; mark them approved once "
                "they are closed (untick and tick the box again)."
            )
            return
        question = f"Mark the minutes of {when} as approved, confirmed on {today}?"
        if not self.dialogs().ask_confirm_previous(self.window(), found, question):
            self._tick_alone(True)
            return
        try:
            after = set_at(meeting, path, True)
        except ValueError as exc:
            self._say(error_text(exc))
            return
        document.undo_stack.push(
            ConfirmPrevious(
                document,
                meeting,
                after,
                f"Agree the minutes of {when} and mark them approved",
                path,
                previous,
                meeting.date,
                when,
                self._say,
            )
        )
