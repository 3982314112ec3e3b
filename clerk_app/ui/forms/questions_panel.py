"""The item form's public questions: a group per PublicQuestions block (who asked, who answered,
the numbered questions and responses) and a button to add one (placed by the item form).

The widgets' objectNames and accessibleNames are listed in `clerk_app.ui.forms.item_form`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.markup import entries_from_text, entries_text
from clerk_app.domain.model import Item, PublicQuestions
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.undo_keys import UndoKeys
from clerk_app.ui.widgets.panel_inputs import name_widget


class QuestionsGroup(QGroupBox):
    """One PublicQuestions block: who asked, who answered, the questions and the responses."""

    def __init__(self, target: ItemTarget, ordinal: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.ordinal = ordinal
        self.setObjectName(f"questionsGroup{ordinal + 1}")
        self._shown: PublicQuestions | None = None
        suffix = f" ({ordinal + 1})" if ordinal else ""
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
        self.remove_button = QPushButton("Remove these public questions", self)
        name_widget(self.remove_button, "removeQuestionsButton", f"Remove public questions{suffix}")
        self.remove_button.setToolTip(
            "Take these questions and answers out of the minute (Ctrl+Z brings them back)"
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, "As&ked by:", self.questioner)
        self._row(form, "Answered b&y:", self.responder)
        self._row(form, "&Questions:", self.questions)
        self._row(form, "Resp&onses:", self.responses)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)

        self.questioner.textEdited.connect(
            lambda text: self._set("questioner", text, "Edit questioner")
        )
        self.responder.textEdited.connect(
            lambda text: self._set("responder", text, "Edit responder")
        )
        self.questions.edited.connect(lambda: self._entries_edited(self.questions, "questions"))
        self.responses.edited.connect(lambda: self._entries_edited(self.responses, "responses"))
        self.remove_button.clicked.connect(self._remove)
        UndoKeys(stack, self).watch(self.questioner, self.responder)

    @staticmethod
    def _row(form: QFormLayout, label: str, widget: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, widget)

    def focus_chain(self) -> list[QWidget]:
        return [self.questioner, self.responder, self.questions, self.responses, self.remove_button]

    def _set(self, field: str, value: Any, text: str, merge: bool = True) -> None:
        self.target.set_block_field(PublicQuestions, self.ordinal, field, value, text, merge)

    def _entries_edited(self, editor: BodyEditor, field: str) -> None:
        try:
            entries = entries_from_text(editor.markup_text(), self.target.word())
        except ValueError:
            return  # half-typed (a number too large): the model waits for a valid text
        merge = not editor.take_step_break()
        self._set(field, entries, f"Edit public {field}", merge)

    def _remove(self) -> None:
        block = self.target.block_index(PublicQuestions, self.ordinal)
        path = self.target.path("blocks")
        if block is not None and path is not None:
            self.target.document.remove(
                path, block, f"Remove public questions from minute {self.target.minute()}"
            )

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


class QuestionsPanel(QGroupBox):
    """Every PublicQuestions block of the item, in order (hidden when there are none);
    `add_button` adds one (the item form places it with the other buttons that add to the
    minute)."""

    rebuilt = Signal()

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__("Public questions", parent)
        self.target = target
        name_widget(self, "questionsPanel", "Public questions")
        self.groups: list[QuestionsGroup] = []
        self.add_button = QPushButton("&Add public questions", parent)
        name_widget(self.add_button, "addQuestionsButton", "Add public questions")
        self.add_button.setToolTip(
            "Add a member of the public's questions and the answers given; the minute text "
            "shows them as [public questions: name]"
        )
        self.add_button.clicked.connect(self.add_questions)
        self.box = QVBoxLayout(self)
        self.setVisible(False)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for group in self.groups:
            chain += group.focus_chain()
        return chain

    def add_questions(self) -> None:
        item = self.target.item()
        path = self.target.path("blocks")
        if item is None or path is None:
            return
        self.target.document.insert(
            path,
            len(item.blocks),
            PublicQuestions(),
            f"Add public questions to minute {self.target.minute()}",
        )
        if self.groups:
            self.groups[-1].questioner.setFocus()

    def refresh(self, item: Item) -> None:
        blocks = [b for b in item.blocks if isinstance(b, PublicQuestions)]
        if len(blocks) != len(self.groups):
            for group in self.groups:
                group.setParent(None)
                group.deleteLater()
            self.groups = [QuestionsGroup(self.target, n, self) for n in range(len(blocks))]
            for group in self.groups:
                self.box.addWidget(group)
                group.show()  # now, not on the next turn of the event loop
            self.setVisible(bool(blocks))
            self.rebuilt.emit()
        for group, block in zip(self.groups, blocks, strict=True):
            group.refresh(block)
