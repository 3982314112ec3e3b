"""The meeting's particulars: who met, when and where, its house style, the minutes' status; in
format 2 also its kind and number in its series, how it was held (the preamble), how many of the
public attended, and where the decisions' own numbers start.

Optional numbers are spin boxes whose lowest value reads "Not given" (None in the model)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from clerk_app.domain.model import MEETING_KIND_LABELS, MeetingStatus
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.binding import Binding, Form, FormContext, PathFunction, add_row
from clerk_app.ui.messages import error_text


def _at(*path: str) -> EditPath:
    return path


def bind_optional_number(
    form: Form,
    name: str,
    accessible: str,
    path: PathFunction,
    text: str,
    low: int,
    high: int,
    unset: str = "Not given",
) -> QSpinBox:
    """A number that may be left out: the box's lowest value (one below `low`) reads `unset`
    and stores None. Typing a number is one undo step, as in the other number boxes."""
    spin = QSpinBox(form)
    spin.setRange(low - 1, high)
    spin.setSpecialValueText(unset)
    form.named(spin, name, accessible)

    def entered(value: int) -> None:
        where = path()
        if where is None:
            return
        try:
            form.document.set(where, None if value < low else value, text)
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            form.context.messages.warning("That value cannot be used", error_text(exc))
            form.refresh()

    def refresh(value: Any) -> None:
        spin.setValue(low - 1 if value is None else int(value))

    spin.valueChanged.connect(entered)
    form.bindings.append(Binding(spin, path, refresh))
    return spin


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
        self.kind_combo = self.bind_combo(
            "meetingKindCombo",
            "Kind of meeting",
            lambda: path("kind"),
            "Change kind of meeting",
            lambda: [(label, kind) for kind, label in MEETING_KIND_LABELS.items()],
        )
        self.sequence = bind_optional_number(
            self,
            "sequenceSpin",
            "Number in its series",
            lambda: path("sequence"),
            "Change meeting number",
            1,
            100_000,
        )
        self.sequence.setToolTip("8 for \u201cthe 8th meeting\u201d; Not given for none")
        self.preamble = self.bind_text(
            "preambleEdit", "Preamble", lambda: path("preamble"), "Edit preamble"
        )
        self.preamble.setPlaceholderText(
            "How and where the meeting was held: in person at City Hall and online"
        )
        self.preamble.setFixedHeight(self.preamble.fontMetrics().lineSpacing() * 3 + 14)
        self.public_present = bind_optional_number(
            self,
            "publicPresentSpin",
            "Members of the public present",
            lambda: path("public_present"),
            "Change number of the public present",
            0,
            10_000,
            "Not recorded",
        )
        self.first_decision = bind_optional_number(
            self,
            "firstDecisionNumberSpin",
            "First decision number",
            lambda: path("first_decision_number"),
            "Change first decision number",
            1,
            1_000_000,
        )
        self.first_decision.setToolTip(
            "For styles that number decisions in a run of their own (2024-117)"
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
        add_row(layout, "&Kind of meeting:", self.kind_combo)
        add_row(layout, "Se&quence number:", self.sequence)
        add_row(layout, "P&reamble:", self.preamble)
        add_row(layout, "Pub&lic present:", self.public_present)
        add_row(layout, "Firs&t decision number:", self.first_decision)
        # on a laptop's 768 pixels, with the findings below, the fields may need to scroll
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(heading)
        inner_layout.addLayout(layout)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("meetingScroll")
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()
