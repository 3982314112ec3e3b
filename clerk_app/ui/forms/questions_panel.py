"""The item form's public questions: a group per PublicQuestions block (who asked, who answered,
the numbered questions and responses) and a button to add one (placed by the item form).

The widgets' objectNames and accessibleNames are listed in `clerk_app.ui.forms.item_form`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_app.domain.markup import entries_from_text, entries_text
from clerk_app.domain.model import PublicQuestions
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.forms.block_panel import BlockGroup, BlockPanel, form_row, line
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.undo_keys import UndoKeys
from clerk_app.ui.widgets.panel_inputs import name_widget


class QuestionsGroup(BlockGroup):
    """One PublicQuestions block: who asked, who answered, the questions and the responses."""

    KIND = PublicQuestions
    NAME = "questionsGroup"
    WHAT = "public questions"

    def __init__(self, target: ItemTarget, ordinal: int, parent: QWidget | None = None) -> None:
        super().__init__(target, ordinal, parent)
        self._shown: PublicQuestions | None = None
        suffix = self.suffix
        self.questioner = QLineEdit(self)
        name_widget(self.questioner, "questionerEdit", f"Questioner{suffix}")
        self.questioner.setPlaceholderText("Dr Nizamuddin Patel")
        self.responder = QLineEdit(self)
        name_widget(self.responder, "responderEdit", f"Responder{suffix}")
        self.responder.setPlaceholderText("The Director of Children's Social Care")
        stack = target.document.undo_stack
        self.questions = BodyEditor(self, undo_stack=stack)
        name_widget(self.questions, "questionsEditor", f"Questions{suffix}")
        self.questions.setPlaceholderText("1. The first question…")
        self.responses = BodyEditor(self, undo_stack=stack)
        name_widget(self.responses, "responsesEditor", f"Responses{suffix}")
        self.responses.setPlaceholderText("1. The answer to the first question…")
        for editor in (self.questions, self.responses):
            editor.fit_to_contents(4, 16)
        self.count = QLabel(self)
        self.count.setObjectName("questionsCountLabel")
        self.count.setWordWrap(True)
        self.remove_button = self.removal(
            "Remove these public questions", "removeQuestionsButton", "Remove public questions",
            "Take these questions and answers out of the minute (Ctrl+Z brings them back)",
        )  # fmt: skip

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_row(form, "As&ked by:", self.questioner)
        form_row(form, "Answered b&y:", self.responder)
        form_row(form, "&Questions:", self.questions)
        form_row(form, "Resp&onses:", self.responses)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(line(self.count, self.remove_button, stretch={self.count: 1}))

        self.questioner.textEdited.connect(
            lambda text: self._set("questioner", text, "Edit questioner")
        )
        self.responder.textEdited.connect(
            lambda text: self._set("responder", text, "Edit responder")
        )
        self.questions.edited.connect(lambda: self._entries_edited(self.questions, "questions"))
        self.responses.edited.connect(lambda: self._entries_edited(self.responses, "responses"))
        UndoKeys(stack, self).watch(self.questioner, self.responder)

    def focus_chain(self) -> list[QWidget]:
        return [self.questioner, self.responder, self.questions, self.responses, self.remove_button]

    def _entries_edited(self, editor: BodyEditor, field: str) -> None:
        try:
            entries = entries_from_text(editor.markup_text(), self.target.word())
        except ValueError:
            return  # half-typed (a number too large): the model waits for a valid text
        merge = not editor.take_step_break()
        self._set(field, entries, f"Edit public {field}", merge)

    def refresh(self, block: PublicQuestions) -> None:
        if block == self._shown:
            return
        self._shown = block
        self.setTitle(f"Public questions from {block.questioner or '(name not given)'}")
        for edit, value in ((self.questioner, block.questioner), (self.responder, block.responder)):
            if " ".join(edit.text().split()) != value:
                edit.blockSignals(True)
                edit.setText(value)
                edit.blockSignals(False)
        word = self.target.word()
        for editor, entries in (
            (self.questions, block.questions),
            (self.responses, block.responses),
        ):
            try:
                same = entries_from_text(editor.markup_text(), word) == entries
            except ValueError:
                same = False
            if not same:
                editor.replace_text(entries_text(entries, word))
        asked, answered = len(block.questions), len(block.responses)
        counts = f"{asked} question{'s' if asked != 1 else ''} and {answered} response" + (
            "s" if answered != 1 else ""
        )
        if asked == answered:
            self.count.setText(f"{counts}, paired by number.")
            self.count.setStyleSheet("")
        else:
            self.count.setText(
                f"⚠ {counts}: they are paired by number, so each question needs its response."
            )
            self.count.setStyleSheet("color: #a0102a; font-weight: bold;")


class QuestionsPanel(BlockPanel[QuestionsGroup]):
    """Every PublicQuestions block of the item, in order (hidden when there are none);
    `add_button` adds one (the item form places it with the other buttons that add to the
    minute)."""

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__(
            target, QuestionsGroup, "Public questions", "questionsPanel",
            (
                "&Add public questions", "addQuestionsButton",
                "Add a member of the public's questions and the answers given; the minute text "
                "shows them as [public questions: name]",
            ),
            parent,
        )  # fmt: skip
