"""The close of the meeting: the time it ended, the closing note (empty: the house style's own
sentence), and who signs the minutes (format 2's signatories).

Widgets (objectName: accessibleName, keys):

- ``closingTimeEdit``: "Time the meeting closed" (Alt+C)
- ``closingNoteEdit``: "Closing note" (Alt+N): what the minutes say at the close; empty for
  the style's sentence, which the field shows as its placeholder
- the signatories' table and buttons (``signatoriesForm``: see `signatories_form`)
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.forms.binding import Form, FormContext, add_row
from clerk_app.ui.forms.signatories_form import SignatoriesForm


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
        self.closing_note = self.bind_text(
            "closingNoteEdit", "Closing note", lambda: ("closing_note",), "Edit closing note"
        )
        self.closing_note.setPlaceholderText(
            "Empty: the house style's own closing sentence. Type a note to say something else "
            "(\u201cThe meeting adjourned at 9.40 pm.\u201d)"
        )
        self.closing_note.setFixedHeight(self.closing_note.fontMetrics().lineSpacing() * 3 + 14)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.signatories = SignatoriesForm(document, context, self)
        inner = self.signatories.layout()
        if inner is not None:
            inner.setContentsMargins(0, 0, 0, 0)
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(layout, "Meeting &closed at:", self.close_time)
        add_row(layout, "Closing &note:", self.closing_note)
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel("<h2>Close</h2>"))
        outer.addLayout(layout)
        outer.addWidget(self.sentence)
        outer.addWidget(self.signatories, 1)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        meeting = self.document.meeting
        folder = self.context.style(meeting.house_style)
        if meeting.closing_note:
            self.sentence.setText("The minutes will close with the note above.")
        elif meeting.close_time is None or folder is None:
            self.sentence.setText(
                "No closing time recorded: the minutes will not say when the meeting closed."
            )
        else:
            closed = folder.style.close_time(meeting.close_time)
            self.sentence.setText(f"The minutes will say the meeting closed at {closed}.")

    def commit_pending(self) -> bool:
        return super().commit_pending() and self.signatories.commit_pending()

    def enter_typed(self) -> None:
        super().enter_typed()
        self.signatories.enter_typed()

    def focus_path(self, path: EditPath) -> bool:
        if path and path[0] == "signatories":
            return self.signatories.focus_path(path)
        return super().focus_path(path)
