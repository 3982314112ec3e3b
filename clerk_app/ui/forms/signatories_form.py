"""Signatories (format 2): who signs the minutes, with their names and a place for the date.

Widgets (objectName: accessibleName, keys):

- ``signatoriesForm``: the form (on the Close page, under the closing note)
- ``signatoryTable``: "Signatories"; columns Role, Name, Signed on (a date typed as
  18/06/2025; empty leaves a place for the date); the keys of every table form
- ``addSignatoryButton`` (Alt+A; Insert), ``removeSignatoryButton`` (Alt+R; Delete),
  ``moveSignatoryUpButton`` (Alt+U; Alt+Up), ``moveSignatoryDownButton`` (Alt+W; Alt+Down)

No rows: the house style's own signature block.
"""

from __future__ import annotations

from clerk_app.domain.model import Signatory
from clerk_app.services.document import EditPath
from clerk_app.ui.forms.record_form import PartListForm
from clerk_app.ui.tables import Column, ColumnKind

LIST: EditPath = ("signatories",)
ROLE, NAME, SIGNED_ON = range(3)


class SignatoriesForm(PartListForm):
    LIST = LIST
    RECORD = Signatory
    NOUN = "signatory"
    PLURAL = "signatories"
    HEADING = "Signatories"
    DEFAULT_COLUMN = ROLE

    def table_columns(self) -> list[Column]:
        return [
            Column(
                "Role",
                ("role",),
                width=18,
                stretch=True,
                description="As the signature block writes it: Chair, City Clerk, Mayor",
            ),
            Column(
                "Name",
                ("name",),
                width=24,
                stretch=True,
                description="Empty: a line to sign and print the name on",
            ),
            Column(
                "Signed on",
                ("signed_on",),
                ColumnKind.DATE,
                width=11,
                description="Empty: a place for the date (dd/mm/yyyy)",
            ),
        ]
