"""Speakers (format 2): deputations and members of the public who spoke.

Widgets (objectName: accessibleName, keys):

- ``speakersForm``: the form
- ``speakerTable``: "Speakers and deputations"; columns Kind ("d" Deputation, "p" Public
  speaker), Title, Name, On behalf of, Item (by minute number and title; typing finds one by
  any word), Remote (Space ticks it), Position ("f" For, "a" Against, "n" Neutral, or Not
  said), Summary (Shift+Enter starts a new line); the keys of every table form
- ``addSpeakerButton`` (Alt+A; Insert), ``removeSpeakerButton`` (Alt+R; Delete),
  ``moveSpeakerUpButton`` (Alt+U; Alt+Up), ``moveSpeakerDownButton`` (Alt+W; Alt+Down)
- under the table, the current speaker's name parts: ``speakerGivenNameEdit`` "Given name"
  (Alt+G), ``speakerFamilyNameEdit`` "Family name" (Alt+M), ``speakerShortNameEdit`` "Short
  form" (Alt+S), ``speakerOrganisationEdit`` "Organisation" (Alt+O)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Meeting, Position, Speaker, SpeakerKind
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.record_form import PartListForm
from clerk_app.ui.tables import Column, ColumnKind, item_choices, item_numbers

LIST: EditPath = ("speakers",)
KIND, TITLE, NAME, ON_BEHALF_OF, ITEM, REMOTE, POSITION, SUMMARY = range(8)
SPEAKER_KIND_LABELS = {
    SpeakerKind.DEPUTATION: "Deputation",
    SpeakerKind.PUBLIC_SPEAKER: "Public speaker",
}
POSITION_LABELS: dict[Position | None, str] = {
    None: "Not said",
    Position.FOR: "For",
    Position.AGAINST: "Against",
    Position.NEUTRAL: "Neutral",
}


class SpeakersForm(PartListForm):
    LIST = LIST
    RECORD = Speaker
    NOUN = "speaker"
    PLURAL = "speakers"
    DEFAULT_COLUMN = NAME
    FIRST_COLUMN = KIND

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("speakersForm")

        def items(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_choices(meeting, context.house_style(meeting), "(no item)")

        def numbers(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_numbers(meeting, context.house_style(meeting))

        columns = [
            Column(
                "Kind",
                ("kind",),
                ColumnKind.CHOICE,
                lambda _m: [(label, kind) for kind, label in SPEAKER_KIND_LABELS.items()],
                width=13,
            ),
            Column("Title", ("person", "title"), width=8, description="Mr, Mrs, Dr…"),
            Column("Name", ("person", "name"), width=20, stretch=True),
            Column(
                "On behalf of",
                ("on_behalf_of",),
                width=18,
                stretch=True,
                description="Whom a deputation spoke for: residents of Mill Lane",
            ),
            Column(
                "Item",
                ("item_id",),
                ColumnKind.CHOICE,
                items,
                width=8,
                brief=numbers,
                any_word=True,
                missing="(item deleted)",
                description="The item they spoke on",
            ),
            Column(
                "Remote",
                ("remote",),
                ColumnKind.CHECK,
                width=4,
                description="Spoke remotely, not in person (Space ticks it)",
            ),
            Column(
                "Position",
                ("position",),
                ColumnKind.CHOICE,
                lambda _m: [(label, value) for value, label in POSITION_LABELS.items()],
                width=8,
                description="For, against or neutral on the item",
            ),
            Column("Summary", ("summary",), ColumnKind.TEXT, width=30, stretch=True),
        ]
        self.build("speaker", "Speakers and deputations", columns)
        self.given_name = self.detail_line(
            "speakerGivenNameEdit", "Given name", ("person", "given_name"), "Edit given name"
        )
        self.family_name = self.detail_line(
            "speakerFamilyNameEdit", "Family name", ("person", "family_name"), "Edit family name"
        )
        self.short_name = self.detail_line(
            "speakerShortNameEdit", "Short form", ("person", "short_name"), "Edit short form"
        )
        self.organisation = self.detail_line(
            "speakerOrganisationEdit",
            "Organisation",
            ("person", "organisation"),
            "Edit organisation",
        )
        self.organisation.setPlaceholderText("Friends of the Park")
        self.grid_details(
            "Name parts of the current speaker",
            [
                ("&Given name:", self.given_name),
                ("Fa&mily name:", self.family_name),
                ("&Short form:", self.short_name),
                ("&Organisation:", self.organisation),
            ],
        )
        self.lay_out("Speakers and deputations", "speakersHint", self.keys_hint)
        self.refresh()

    def describe(self, row: int) -> str:
        speaker = self.document.meeting.speakers[row]
        return speaker.person.display_name or "speaker"
