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

from clerk_app.domain.model import Position, Speaker, SpeakerKind
from clerk_app.services.document import EditPath
from clerk_app.ui.forms.record_form import PartListForm, label_choices
from clerk_app.ui.tables import Column, ColumnKind

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
    HEADING = "Speakers and deputations"
    DEFAULT_COLUMN = NAME
    FIRST_COLUMN = KIND

    def table_columns(self) -> list[Column]:
        return [
            Column(
                "Kind", ("kind",), ColumnKind.CHOICE, label_choices(SPEAKER_KIND_LABELS), width=13
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
            self.item_column(
                "Item", ("item_id",), "(no item)", width=8, description="The item they spoke on"
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
                label_choices(POSITION_LABELS),
                width=8,
                description="For, against or neutral on the item",
            ),
            Column("Summary", ("summary",), ColumnKind.TEXT, width=30, stretch=True),
        ]

    def add_details(self) -> None:
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

    def describe(self, row: int) -> str:
        speaker = self.document.meeting.speakers[row]
        return speaker.person.display_name or "speaker"
