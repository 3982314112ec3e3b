"""The close of the meeting: the time it ended (the closing sentence follows the house style)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from clerk_app.services.document import MeetingDocument
from clerk_app.ui.forms.binding import Form, FormContext, add_row


class CloseForm(Form):
    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("closeForm")
        self.close_time = self.bind_time(
            "closingTimeEdit",
            "Time the meeting closed",
            lambda: ("close_time",),
            "Change close time",
        )
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        layout = QFormLayout()
        add_row(layout, "Meeting &closed at:", self.close_time)
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel("<h2>Close</h2>"))
        outer.addLayout(layout)
        outer.addWidget(self.sentence)
        outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        meeting = self.document.meeting
        folder = self.context.style(meeting.house_style)
        if meeting.close_time is None or folder is None:
            self.sentence.setText(
                "No closing time recorded: the minutes will not say when the meeting closed."
            )
        else:
            closed = folder.style.close_time(meeting.close_time)
            self.sentence.setText(f"The minutes will say the meeting closed at {closed}.")
