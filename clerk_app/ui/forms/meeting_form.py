"""The meeting's particulars: who met, when and where, its house style, the minutes' status."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from clerk_app.domain.model import MeetingStatus
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.binding import Form, FormContext, add_row


def _at(*path: str) -> EditPath:
    return path


class MeetingForm(Form):
    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("meetingForm")
        heading = QLabel("<h2>Meeting</h2>")
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def path(name: str) -> EditPath:
            return _at(name)

        self.authority = self.bind_line(
            "authorityEdit", "Authority", lambda: path("authority"), "Edit authority"
        )
        self.authority.setPlaceholderText("Leicester City Council")
        self.body_edit = self.bind_line(
            "bodyEdit", "Committee or body", lambda: path("body"), "Edit committee name"
        )
        self.body_edit.setPlaceholderText(
            "Children, Young People and Education Scrutiny Commission"
        )
        self.date_edit = self.bind_date(
            "dateEdit", "Meeting date", lambda: path("date"), "Change meeting date"
        )
        self.start_time = self.bind_time(
            "startTimeEdit", "Start time", lambda: path("start_time"), "Change start time"
        )
        self.close_time = self.bind_time(
            "closeTimeEdit", "Close time", lambda: path("close_time"), "Change close time"
        )
        self.venue = self.bind_line("venueEdit", "Venue", lambda: path("venue"), "Edit venue")
        self.venue.setPlaceholderText("Meeting Room G.01, City Hall")
        self.style_combo = self.bind_combo(
            "houseStyleCombo",
            "House style",
            lambda: path("house_style"),
            "Change house style",
            lambda: [(s.style.display_name, name) for name, s in sorted(context.styles.items())],
        )
        self.first_number = self.bind_number(
            "firstMinuteNumberSpin",
            "First minute number",
            lambda: path("first_minute_number"),
            "Change first minute number",
            1,
            1_000_000,
        )
        self.prefix = self.bind_line(
            "minutePrefixEdit",
            "Minute number prefix",
            lambda: path("minute_prefix"),
            "Edit minute prefix",
        )
        self.prefix.setPlaceholderText("for styles such as CAB 12/25")
        self.status_combo = self.bind_combo(
            "statusCombo",
            "Status of the minutes",
            lambda: path("status"),
            "Change status",
            lambda: [("Draft", MeetingStatus.DRAFT), ("Approved", MeetingStatus.APPROVED)],
        )
        self.confirmed = self.bind_date(
            "confirmedOnEdit",
            "Date confirmed",
            lambda: path("confirmed_on"),
            "Change confirmation date",
            optional=True,
        )
        add_row(layout, "&Authority:", self.authority)
        add_row(layout, "Committee or &body:", self.body_edit)
        add_row(layout, "&Date:", self.date_edit)
        add_row(layout, "&Start time:", self.start_time)
        add_row(layout, "&Close time:", self.close_time)
        add_row(layout, "&Venue:", self.venue)
        add_row(layout, "House st&yle:", self.style_combo)
        add_row(layout, "First minute &number:", self.first_number)
        add_row(layout, "Minute &prefix:", self.prefix)
        add_row(layout, "Stat&us:", self.status_combo)
        add_row(layout, "Confir&med on:", self.confirmed)
        outer = QVBoxLayout(self)
        outer.addWidget(heading)
        outer.addLayout(layout)
        outer.addStretch(1)
        self.refresh()
