"""Adjournments and recesses (format 2): breaks in the meeting, or its adjournment to another day.

Widgets (objectName: accessibleName, keys):

- ``adjournmentsForm``: the form
- ``adjournmentTable``: "Adjournments and recesses"; columns Kind ("a" Adjournment, "r"
  Recess), After item (the item it followed, by its minute number and title; typing finds
  one by any word), From, To (times), Resumed on (a date, for an adjournment to another day),
  Note; the keys of every table form
- ``addAdjournmentButton`` (Alt+A; Insert), ``removeAdjournmentButton`` (Alt+R; Delete),
  ``moveAdjournmentUpButton`` (Alt+U; Alt+Up), ``moveAdjournmentDownButton`` (Alt+W;
  Alt+Down)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Adjournment, BreakKind, Meeting
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.forms.record_form import PartListForm
from clerk_app.ui.tables import Column, ColumnKind, item_choices, item_numbers

LIST: EditPath = ("adjournments",)
KIND, AFTER, FROM, TO, RESUMED_ON, NOTE = range(6)
BREAK_KIND_LABELS = {BreakKind.ADJOURNMENT: "Adjournment", BreakKind.RECESS: "Recess"}
BEFORE_FIRST = "(before the first item)"


class AdjournmentsForm(PartListForm):
    LIST = LIST
    RECORD = Adjournment
    NOUN = "adjournment"
    PLURAL = "adjournments"
    DEFAULT_COLUMN = AFTER
    FIRST_COLUMN = KIND

    def __init__(
        self, document: MeetingDocument, context: FormContext, parent: QWidget | None = None
    ):
        super().__init__(document, context, parent)
        self.setObjectName("adjournmentsForm")

        def items(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_choices(meeting, context.house_style(meeting), BEFORE_FIRST)

        def numbers(meeting: Meeting) -> list[tuple[str, Any]]:
            return item_numbers(meeting, context.house_style(meeting), "(before the first)")

        columns = [
            Column(
                "Kind",
                ("kind",),
                ColumnKind.CHOICE,
                lambda _m: [(label, kind) for kind, label in BREAK_KIND_LABELS.items()],
                width=12,
            ),
            Column(
                "After item",
                ("after_item_id",),
                ColumnKind.CHOICE,
                items,
                width=16,
                brief=numbers,
                any_word=True,
                missing="(item deleted)",
                description="The item it followed",
            ),
            Column("From", ("from_time",), ColumnKind.TIME, width=6, description="HH:MM"),
            Column(
                "To",
                ("to_time",),
                ColumnKind.TIME,
                width=6,
                description="When the meeting resumed (HH:MM); empty if it did not that day",
            ),
            Column(
                "Resumed on",
                ("resumed_on",),
                ColumnKind.DATE,
                width=11,
                description="For an adjournment to another day: the date it resumed (or was to)",
            ),
            Column("Note", ("note",), width=30, stretch=True),
        ]
        self.build("adjournment", "Adjournments and recesses", columns)
        self.lay_out("Adjournments and recesses", "adjournmentsHint", self.keys_hint)
        self.refresh()
