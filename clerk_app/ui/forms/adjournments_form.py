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

from clerk_app.domain.model import Adjournment, BreakKind
from clerk_app.services.document import EditPath
from clerk_app.ui.forms.record_form import PartListForm, label_choices
from clerk_app.ui.tables import Column, ColumnKind

LIST: EditPath = ("adjournments",)
KIND, AFTER, FROM, TO, RESUMED_ON, NOTE = range(6)
BREAK_KIND_LABELS = {BreakKind.ADJOURNMENT: "Adjournment", BreakKind.RECESS: "Recess"}
BEFORE_FIRST = "(before the first item)"


class AdjournmentsForm(PartListForm):
    LIST = LIST
    RECORD = Adjournment
    NOUN = "adjournment"
    PLURAL = "adjournments"
    HEADING = "Adjournments and recesses"
    DEFAULT_COLUMN = AFTER
    FIRST_COLUMN = KIND

    def table_columns(self) -> list[Column]:
        return [
            Column(
                "Kind", ("kind",), ColumnKind.CHOICE, label_choices(BREAK_KIND_LABELS), width=12
            ),
            self.item_column(
                "After item",
                ("after_item_id",),
                BEFORE_FIRST,
                "(before the first)",
                width=16,
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
