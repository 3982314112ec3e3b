"""The item form's notices of motion: a group per NoticeOfMotion block (a motion submitted in
writing before the meeting, and the written reply given), with who gave notice and who seconded
it (from the attendance), the motion, who replied and the reply.

Widgets (objectName: accessibleName), in a ``noticeGroupN`` (" (2)" ends the names of the
second notice's widgets, and so on): ``noticeMoverCombo`` "Notice given by",
``noticeSeconderCombo`` "Notice seconded by", ``noticeMotionEdit`` "Motion on notice",
``noticeReplyByEdit`` "Reply by", ``noticeReplyEdit`` "Reply", ``removeNoticeButton`` "Remove
notice of motion"; the panel: ``noticesPanel``, ``addNoticeButton`` "Add notice of motion". In
the minute text a notice shows as ``[notice of motion: name]``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import NoticeOfMotion
from clerk_app.domain.text import clean_line, clean_text
from clerk_app.ui.forms.binding import fit_lines
from clerk_app.ui.forms.block_panel import BlockGroup, BlockPanel, form_row, line
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.forms.resolutions_panel import attendee_options
from clerk_app.ui.undo_keys import UndoKeys
from clerk_app.ui.widgets.panel_inputs import WordChoice, name_widget


class NoticeGroup(BlockGroup):
    """One NoticeOfMotion block."""

    KIND = NoticeOfMotion
    NAME = "noticeGroup"
    WHAT = "a notice of motion"

    def __init__(self, target: ItemTarget, ordinal: int, parent: QWidget | None = None) -> None:
        super().__init__(target, ordinal, parent)
        self._shown: NoticeOfMotion | None = None
        self._shown_attendance: object = None
        self._loading = False
        suffix = self.suffix
        self.mover = WordChoice(self)
        name_widget(self.mover, "noticeMoverCombo", f"Notice given by{suffix}")
        self.seconder = WordChoice(self)
        name_widget(self.seconder, "noticeSeconderCombo", f"Notice seconded by{suffix}")
        self.motion = QPlainTextEdit(self)
        name_widget(self.motion, "noticeMotionEdit", f"Motion on notice{suffix}")
        self.motion.setPlaceholderText("The motion as submitted: That this Council ...")
        self.reply_by = QLineEdit(self)
        name_widget(self.reply_by, "noticeReplyByEdit", f"Reply by{suffix}")
        self.reply_by.setPlaceholderText("The Leader of the Council")
        self.reply = QPlainTextEdit(self)
        name_widget(self.reply, "noticeReplyEdit", f"Reply{suffix}")
        self.reply.setPlaceholderText("The written reply given")
        for edit in (self.motion, self.reply):
            edit.setTabChangesFocus(True)
            edit.setUndoRedoEnabled(False)
            fit_lines(edit, 2, 10)
        self.remove_button = self.removal(
            "Remove this notice of motion", "removeNoticeButton", "Remove notice of motion",
            "Take this notice of motion out of the minute (Ctrl+Z brings it back)",
        )  # fmt: skip

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        people = line(self.mover, 12, ("Seconded by:", self.seconder), None)
        form_row(form, "Notice given by:", people, self.mover)
        form_row(form, "Motion:", self.motion)
        form_row(form, "Reply by:", self.reply_by)
        form_row(form, "Reply:", self.reply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(line(None, self.remove_button))

        self.mover.currentIndexChanged.connect(
            lambda _n: self._set("mover_id", self.mover.value(), "Change who gave notice", False)
        )
        self.seconder.currentIndexChanged.connect(
            lambda _n: self._set(
                "seconder_id", self.seconder.value(), "Change the notice's seconder", False
            )
        )
        self.motion.textChanged.connect(
            lambda: self._typed(self.motion, "motion", "Edit motion on notice")
        )
        self.reply_by.textEdited.connect(
            lambda text: self._set("reply_by", text, "Edit who replied")
        )
        self.reply.textChanged.connect(lambda: self._typed(self.reply, "reply", "Edit reply"))
        UndoKeys(target.document.undo_stack, self).watch(self.reply_by, self.motion, self.reply)

    def focus_chain(self) -> list[QWidget]:
        return [
            self.mover, self.seconder, self.motion, self.reply_by, self.reply, self.remove_button,
        ]  # fmt: skip

    def _typed(self, edit: QPlainTextEdit, field: str, text: str) -> None:
        if not self._loading:
            self._set(field, edit.toPlainText(), text)

    def refresh(self, block: NoticeOfMotion) -> None:
        meeting = self.target.document.meeting
        if block == self._shown and meeting.attendance is self._shown_attendance:
            return
        self._shown, self._shown_attendance = block, meeting.attendance
        mover = meeting.attendee(block.mover_id)
        self.setTitle(
            f"Notice of motion from {mover.display_name if mover else '(not chosen yet)'}"
        )
        self._loading = True
        for combo in (self.mover, self.seconder):
            combo.blockSignals(True)
        try:
            self.mover.show_choices(attendee_options(meeting, block.mover_id), block.mover_id)
            self.seconder.show_choices(
                attendee_options(meeting, block.seconder_id), block.seconder_id
            )
            if clean_line(self.reply_by.text()) != block.reply_by:
                self.reply_by.setText(block.reply_by)
            for edit, value in ((self.motion, block.motion), (self.reply, block.reply)):
                if clean_text(edit.toPlainText()) != value:
                    edit.setPlainText(value)
        finally:
            self._loading = False
            for combo in (self.mover, self.seconder):
                combo.blockSignals(False)


class NoticesPanel(BlockPanel[NoticeGroup]):
    """Every NoticeOfMotion block of the item, in order; `add_button` adds one (the item form
    places it with the other buttons that add to the minute)."""

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__(
            target, NoticeGroup, "Notices of motion", "noticesPanel",
            (
                "Add notice of motion", "addNoticeButton",
                "Add a motion given on notice and its written reply; the minute text shows it "
                "as [notice of motion: name]",
            ),
            parent,
        )  # fmt: skip
