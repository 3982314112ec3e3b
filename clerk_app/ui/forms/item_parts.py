"""The parts of the item form below the minute text: public questions, resolutions and follow-up
actions, and what they share (`ItemTarget`: the item the form shows, found by id at every edit).

The widgets' objectNames and accessibleNames are listed in `clerk_app.ui.forms.item_form`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.bodytext import RESOLUTION_WORDS, format_body, parse_body
from clerk_app.domain.edit import EditError, remove_at
from clerk_app.domain.model import (
    Block,
    BulletList,
    FollowUp,
    Item,
    LeadIn,
    Lines,
    ListEntry,
    Meeting,
    NamedVote,
    NumberedList,
    Outcome,
    Paragraph,
    PublicQuestions,
    Resolution,
    VoteChoice,
)
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.forms.base import FormContext
from clerk_app.ui.messages import error_text
from clerk_app.ui.tables import (
    ChoiceEditor,
    Column,
    ColumnKind,
    RecordModel,
    RecordTable,
)
from clerk_app.ui.typed import format_date, parse_date
from clerk_app.ui.undo_keys import UndoKeys

DEFAULT_WORD = "RESOLVED"
ModelIndex = QModelIndex | QPersistentModelIndex
B = TypeVar("B", Resolution, PublicQuestions)


# --- the item on show -----------------------------------------------------------------------


class ItemTarget:
    """The item a form shows, by id: items move, so its index is looked up at every use."""

    def __init__(self, document: MeetingDocument, context: FormContext) -> None:
        self.document = document
        self.context = context
        self.item_id: str | None = None

    def index(self) -> int | None:
        return None if self.item_id is None else self.document.meeting.item_index(self.item_id)

    def item(self) -> Item | None:
        index = self.index()
        return None if index is None else self.document.meeting.items[index]

    def path(self, *parts: str | int) -> EditPath | None:
        index = self.index()
        return None if index is None else ("items", index, *parts)

    def word(self) -> str:
        """The house style's resolution word."""
        folder = self.context.style(self.document.meeting.house_style)
        return folder.style.resolution_word if folder else DEFAULT_WORD

    def minute(self) -> str:
        """The item's minute number as the house style writes it ("158", "CAB 12/25")."""
        index = self.index()
        if index is None:
            return ""
        meeting = self.document.meeting
        return self.context.house_style(meeting).minute_number(
            meeting.minute_number(index), meeting.date, meeting.minute_prefix
        )

    def block_index(self, kind: type[Block], ordinal: int) -> int | None:
        """The position in the item's body of its `ordinal`-th block of this kind."""
        item = self.item()
        if item is None:
            return None
        found = [n for n, block in enumerate(item.blocks) if isinstance(block, kind)]
        return found[ordinal] if ordinal < len(found) else None

    def set(self, parts: Sequence[str | int], value: Any, text: str, merge: bool = True) -> bool:
        """Set a field of the item (`parts` below it); a refused value is reported, not raised."""
        path = self.path(*parts)
        if path is None:
            return False
        try:
            self.document.set(path, value, text, merge=merge)
        except ValueError as exc:  # pydantic's ValidationError and EditError are ValueErrors
            self.context.messages.warning("That value cannot be used", error_text(exc))
            return False
        return True

    def set_block_field(
        self, kind: type[Block], ordinal: int, field: str, value: Any, text: str, merge: bool
    ) -> None:
        block = self.block_index(kind, ordinal)
        if block is not None:
            self.set(("blocks", block, field), value, f"{text} in minute {self.minute()}", merge)


# --- carrying over what the markup cannot show ----------------------------------------------


def _resolution_key(block: Resolution) -> Hashable:
    return tuple(entry.text for entry in block.resolutions)


def _questions_key(block: PublicQuestions) -> Hashable:
    return block.questioner


def _has_hidden_data(block: Block) -> bool:
    if isinstance(block, Resolution):
        return block != Resolution(
            lead_word=block.lead_word, numbered=block.numbered, resolutions=block.resolutions
        )
    if isinstance(block, PublicQuestions):
        return block != PublicQuestions(questioner=block.questioner)
    return False


def _aligned(old: list[Hashable], new: list[Hashable]) -> list[int | None]:
    """For each new block, the old block it continues (None for a new one). Same number: by
    order, as `parse_body` does; otherwise by text, so that one resolution appearing or
    disappearing does not move the others' votes."""
    if len(old) == len(new):
        return list(range(len(new)))
    result: list[int | None] = [None] * len(new)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for offset in range(min(i2 - i1, j2 - j1)):
                result[j1 + offset] = i1 + offset
    return result


def _carry_kind(
    kind: type[B],
    key: Callable[[B], Hashable],
    keep: Callable[[B, B], B],
    fresh: list[Block],
    previous: tuple[Block, ...],
    memory: dict[Hashable, Block],
) -> None:
    places = [n for n, block in enumerate(fresh) if isinstance(block, kind)]
    new: list[B] = [block for block in fresh if isinstance(block, kind)]
    old: list[B] = [block for block in previous if isinstance(block, kind)]
    pairs = _aligned([key(b) for b in old], [key(b) for b in new])
    used: set[int] = set()
    for place, block, source_index in zip(places, new, pairs, strict=True):
        if source_index is not None:
            used.add(source_index)
            fresh[place] = keep(old[source_index], block)
        else:
            remembered = memory.pop(key(block), None)
            if isinstance(remembered, kind):
                fresh[place] = keep(remembered, block)
    for n, block in enumerate(old):
        if n not in used and _has_hidden_data(block):
            memory[key(block)] = block
            while len(memory) > 20:
                memory.pop(next(iter(memory)))


def _keep_resolution(old: Resolution, new: Resolution) -> Resolution:
    return old.model_copy(
        update={
            "lead_word": new.lead_word,
            "numbered": new.numbered,
            "resolutions": new.resolutions,
        }
    )


def _keep_questions(old: PublicQuestions, new: PublicQuestions) -> PublicQuestions:
    return old.model_copy(update={"questioner": new.questioner})


def carry_over(
    fresh: tuple[Block, ...],
    previous: tuple[Block, ...],
    memory: dict[Hashable, Block] | None = None,
) -> tuple[Block, ...]:
    """`fresh` (parsed from the text alone) with what the text cannot show taken from
    `previous`: the votes of resolutions, the contents of public questions.

    As `parse_body(text, word, previous)` when the text has as many resolutions (and public
    questions) as before; when one appears or vanishes, the others are matched by their text,
    and a vanished one with votes is kept in `memory` (by its text), so that retyping its
    resolution word, which undoes the resolution for a keystroke or two, loses nothing."""
    memory = {} if memory is None else memory
    blocks = list(fresh)
    _carry_kind(Resolution, _resolution_key, _keep_resolution, blocks, previous, memory)
    _carry_kind(PublicQuestions, _questions_key, _keep_questions, blocks, previous, memory)
    return tuple(blocks)


# --- numbered entries as markup (public questions and responses) ----------------------------


_BARE_MARKER = re.compile(r"^([ \t]*(?:[-*•]|\d{1,6}[.)]))$", re.MULTILINE)


def markup(blocks: tuple[Block, ...], word: str) -> str:
    """`format_body`, with a space after the marker of an empty entry ("- " rather than "-"),
    so that the clerk can type on at once; it means the same."""
    return _BARE_MARKER.sub(r"\1 ", format_body(blocks, word))


def entries_text(entries: tuple[ListEntry, ...], word: str) -> str:
    return markup((NumberedList(entries=entries),), word) if entries else ""


def entries_from_text(text: str, word: str) -> tuple[ListEntry, ...]:
    """The entries a numbered-list text describes. Text typed without numbers counts too: a
    paragraph is an entry, and anything else belongs to the entry above it."""
    entries: list[ListEntry] = []
    for block in parse_body(text, word):
        if isinstance(block, NumberedList | BulletList):
            entries.extend(block.entries)
        elif isinstance(block, Paragraph | LeadIn):
            entries.append(ListEntry(text=block.text))
        elif isinstance(block, Lines):
            entries.extend(ListEntry(text=line) for line in block.lines)
        elif entries:
            last = entries[-1]
            entries[-1] = last.model_copy(update={"blocks": (*last.blocks, block)})
        else:
            entries.append(ListEntry(blocks=(block,)))
    return tuple(entries)


# --- small widgets ---------------------------------------------------------------------------


class _Spin(QSpinBox):
    """A count, or "Not recorded" (None). The mouse wheel scrolls the panel unless focused."""

    UNSET = -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.UNSET, 10_000)
        self.setSpecialValueText("Not recorded")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def count(self) -> int | None:
        return None if self.value() == self.UNSET else self.value()

    def show_count(self, value: int | None) -> None:
        self.setValue(self.UNSET if value is None else value)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class _Choice(ChoiceEditor):
    """A drop-down whose typing finds a word anywhere in a label ("moore" finds "Councillor
    Moore"); the wheel scrolls the panel unless it has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def show_choices(self, choices: Sequence[tuple[str, Any]], value: Any) -> None:
        wanted = [(label, option) for label, option in choices]
        current = [(self.itemText(n), self.itemData(n)) for n in range(self.count())]
        if wanted != current:
            self.clear()
            for label, option in wanted:
                self.addItem(label, option)
        self.setCurrentIndex(next((n for n, (_, o) in enumerate(wanted) if o == value), -1))

    def value(self) -> Any:
        return self.itemData(self.currentIndex()) if self.currentIndex() >= 0 else None

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _named(widget: QWidget, name: str, accessible: str) -> None:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


def _plain(text: str, max_chars: int = 0) -> str:
    one_line = " ".join(text.split())
    if max_chars and len(one_line) > max_chars:
        return one_line[: max_chars - 1].rstrip() + "…"
    return one_line


# --- public questions ---------------------------------------------------------------------


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
        _named(self.questioner, "questionerEdit", f"Questioner{suffix}")
        self.questioner.setPlaceholderText("Dr Nizamuddin Patel")
        self.responder = QLineEdit(self)
        _named(self.responder, "responderEdit", f"Responder{suffix}")
        self.responder.setPlaceholderText("The Director of Children's Social Care")
        stack = target.document.undo_stack
        self.questions = BodyEditor(self, undo_stack=stack)
        _named(self.questions, "questionsEditor", f"Questions{suffix}")
        self.questions.setPlaceholderText("1. The first question…")
        self.responses = BodyEditor(self, undo_stack=stack)
        _named(self.responses, "responsesEditor", f"Responses{suffix}")
        self.responses.setPlaceholderText("1. The answer to the first question…")
        for editor in (self.questions, self.responses):
            editor.fit_to_contents(4, 16)
        self.count = QLabel(self)
        self.count.setObjectName("questionsCountLabel")
        self.count.setWordWrap(True)
        self.remove_button = QPushButton("Remove these public questions", self)
        _named(self.remove_button, "removeQuestionsButton", f"Remove public questions{suffix}")
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
    """Every PublicQuestions block of the item, in order, and a button to add one."""

    rebuilt = Signal()

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__("Public questions", parent)
        self.target = target
        _named(self, "questionsPanel", "Public questions")
        self.groups: list[QuestionsGroup] = []
        self.empty = QLabel(
            "None in this item; the minute text shows them as [public questions: name]."
        )
        self.empty.setWordWrap(True)
        self.add_button = QPushButton("&Add public questions", self)
        _named(self.add_button, "addQuestionsButton", "Add public questions")
        self.add_button.setToolTip("Add a member of the public's questions and the answers given")
        self.add_button.clicked.connect(self.add_questions)
        self.box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addSpacing(8)
        buttons.addWidget(self.empty, 1)
        layout.addLayout(buttons)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for group in self.groups:
            chain += group.focus_chain()
        return [*chain, self.add_button]

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
            self.rebuilt.emit()
        self.empty.setVisible(not blocks)
        for group, block in zip(self.groups, blocks, strict=True):
            group.refresh(block)


# --- resolutions ----------------------------------------------------------------------------

VOTE_LABELS: dict[VoteChoice | None, str] = {
    None: "—",
    VoteChoice.FOR: "For",
    VoteChoice.AGAINST: "Against",
    VoteChoice.ABSTAIN: "Abstain",
    VoteChoice.ABSENT: "Absent",
}
OUTCOME_LABELS: dict[Outcome | None, str] = {
    None: "Not recorded",
    Outcome.CARRIED: "Carried",
    Outcome.LOST: "Lost",
}


def attendee_options(meeting: Meeting, value: str | None) -> list[tuple[str, Any]]:
    """Everyone in the attendance, by id, "None" first; a dangling id is shown as such."""
    options: list[tuple[str, Any]] = [("None", None)]
    for n, person in enumerate(meeting.attendance):
        name = person.display_name or f"(no name, row {n + 1})"
        options.append((name if person.attended else f"{name} (not present)", person.id))
    if value is not None and meeting.attendee(value) is None:
        options.append(("(not in the attendance list)", value))
    return options


class ResolutionGroup(QGroupBox):
    """One Resolution block: its text (typed in the minute text) and what the text cannot
    show: the lead word, numbering, proposer, seconder, the vote and its outcome."""

    def __init__(
        self, target: ItemTarget, ordinal: int, total: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.target = target
        self.ordinal = ordinal
        self.setObjectName(f"resolutionGroup{ordinal + 1}")
        self.setTitle(f"Resolution {ordinal + 1}" if total > 1 else "Resolution")
        self._shown: Resolution | None = None
        self._shown_attendance: object = None
        self._shown_word = ""
        of = f" of resolution {ordinal + 1}" if total > 1 else ""

        self.text = QLabel(self)
        self.text.setObjectName("resolutionText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setToolTip("Edit the wording in the minute text above")
        self.lead_word = _Choice(self)
        _named(self.lead_word, "leadWordCombo", f"Lead word{of}")
        self.lead_word.setToolTip(
            "The word that introduces the resolution; the house style's unless you choose another"
        )
        self.numbered = QCheckBox("&Numbered", self)
        _named(self.numbered, "numberedCheck", f"Numbered{of}")
        self.proposer = _Choice(self)
        _named(self.proposer, "proposerCombo", f"Proposed by{of}")
        self.seconder = _Choice(self)
        _named(self.seconder, "seconderCombo", f"Seconded by{of}")
        self.votes_for = _Spin(self)
        _named(self.votes_for, "votesForSpin", f"Votes for{of}")
        self.votes_against = _Spin(self)
        _named(self.votes_against, "votesAgainstSpin", f"Votes against{of}")
        self.abstentions = _Spin(self)
        _named(self.abstentions, "abstentionsSpin", f"Abstentions{of}")
        self.outcome = _Choice(self)
        _named(self.outcome, "outcomeCombo", f"Outcome{of}")
        self.outcome.show_choices([(label, value) for value, label in OUTCOME_LABELS.items()], None)
        self.named_button = QToolButton(self)
        _named(self.named_button, "namedVotesButton", f"Named votes{of}")
        self.named_button.setCheckable(True)
        self.named_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.named_button.setArrowType(Qt.ArrowType.RightArrow)
        self.named_button.setText("Named votes (a recorded vote)")
        self.named_table = QWidget(self)
        _named(self.named_table, "namedVotesTable", f"Named votes{of}")
        self.named_grid = QGridLayout(self.named_table)
        self.named_grid.setContentsMargins(18, 0, 0, 0)
        self.named_combos: dict[str, _Choice] = {}
        self.named_table.setVisible(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        word_row = QHBoxLayout()
        word_row.addWidget(self.lead_word)
        word_row.addSpacing(12)
        word_row.addWidget(self.numbered)
        word_row.addStretch(1)
        self._row(form, "&Lead word:", word_row, self.lead_word)
        people = QHBoxLayout()
        people.addWidget(self.proposer)
        seconded = QLabel("Secon&ded by:")
        seconded.setBuddy(self.seconder)
        people.addSpacing(12)
        people.addWidget(seconded)
        people.addWidget(self.seconder)
        people.addStretch(1)
        self._row(form, "&Proposed by:", people, self.proposer)
        votes = QHBoxLayout()
        for caption, spin in (
            ("For:", self.votes_for),
            ("A&gainst:", self.votes_against),
            ("A&bstained:", self.abstentions),
        ):
            label = QLabel(caption)
            label.setBuddy(spin)
            votes.addWidget(label)
            votes.addWidget(spin)
            votes.addSpacing(8)
        votes.addStretch(1)
        votes_label = QLabel("&Votes:")
        votes_label.setBuddy(self.votes_for)
        form.addRow(votes_label, votes)
        self._row(form, "O&utcome:", self.outcome, self.outcome)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addWidget(self.named_button)
        layout.addWidget(self.named_table)

        self.lead_word.currentIndexChanged.connect(
            lambda _n: self._set("lead_word", self.lead_word.value() or "", "Change lead word")
        )
        self.numbered.toggled.connect(
            lambda checked: self._set("numbered", checked, "Change numbering", merge=False)
        )
        self.proposer.currentIndexChanged.connect(
            lambda _n: self._set("proposer_id", self.proposer.value(), "Change proposer")
        )
        self.seconder.currentIndexChanged.connect(
            lambda _n: self._set("seconder_id", self.seconder.value(), "Change seconder")
        )
        self.outcome.currentIndexChanged.connect(
            lambda _n: self._set("outcome", self.outcome.value(), "Change outcome")
        )
        for field, spin in (
            ("votes_for", self.votes_for),
            ("votes_against", self.votes_against),
            ("abstentions", self.abstentions),
        ):
            spin.valueChanged.connect(
                lambda _v, f=field, s=spin: self._set(f, s.count(), "Change votes")
            )
        self.named_button.toggled.connect(self._show_named)
        UndoKeys(target.document.undo_stack, self).watch(
            self.votes_for, self.votes_against, self.abstentions
        )

    @staticmethod
    def _row(form: QFormLayout, caption: str, field: QWidget | QHBoxLayout, buddy: QWidget) -> None:
        label = QLabel(caption)
        label.setBuddy(buddy)
        form.addRow(label, field)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [
            self.lead_word, self.numbered, self.proposer, self.seconder, self.votes_for,
            self.votes_against, self.abstentions, self.outcome, self.named_button,
        ]  # fmt: skip
        return chain + list(self.named_combos.values())

    def _set(self, field: str, value: Any, text: str, merge: bool = True) -> None:
        self.target.set_block_field(Resolution, self.ordinal, field, value, text, merge)

    def _show_named(self, shown: bool) -> None:
        self.named_table.setVisible(shown)
        self.named_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _vote_changed(self, attendee_id: str) -> None:
        block = self._shown
        meeting = self.target.document.meeting
        if block is None:
            return
        choices = {vote.attendee_id: vote.choice for vote in block.named_votes}
        chosen = self.named_combos[attendee_id].value()
        if chosen is None:
            choices.pop(attendee_id, None)
        else:
            choices[attendee_id] = chosen
        order = {person.id: n for n, person in enumerate(meeting.attendance)}
        votes = tuple(
            NamedVote(attendee_id=person, choice=choice)
            for person, choice in sorted(
                choices.items(), key=lambda pair: order.get(pair[0], len(order))
            )
        )
        self._set("named_votes", votes, "Change named vote", merge=False)

    def _voters(self, block: Resolution) -> list[tuple[str, str]]:
        """Who can be given a named vote: the members present, and anyone already given one."""
        meeting = self.target.document.meeting
        voted = {vote.attendee_id for vote in block.named_votes}
        people = [
            (person.id, person.display_name or "(no name)")
            for person in meeting.attendance
            if (person.attended and person.is_member) or person.id in voted
        ]
        known = {person_id for person_id, _ in people}
        people += [(v, "(not in the attendance list)") for v in sorted(voted - known)]
        return people

    def _build_named(self, block: Resolution) -> bool:
        """Make a vote drop-down for each possible voter; True if they changed."""
        voters = self._voters(block)
        if [p for p, _ in voters] == list(self.named_combos):
            return False
        while self.named_grid.count():
            child = self.named_grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.named_combos = {}
        heading_member, heading_vote = QLabel("<b>Member</b>"), QLabel("<b>Vote</b>")
        self.named_grid.addWidget(heading_member, 0, 0)
        self.named_grid.addWidget(heading_vote, 0, 1)
        options = [(label, value) for value, label in VOTE_LABELS.items()]
        for row, (person_id, name) in enumerate(voters, start=1):
            label = QLabel(name)
            combo = _Choice(self.named_table)
            _named(combo, "namedVoteCombo", f"Vote of {name}")
            combo.show_choices(options, None)
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _n, p=person_id: self._vote_changed(p))
            self.named_grid.addWidget(label, row, 0)
            self.named_grid.addWidget(combo, row, 1)
            self.named_combos[person_id] = combo
        self.named_grid.setColumnStretch(2, 1)
        return True

    def refresh(self, block: Resolution) -> bool:
        """Show `block`; True if the widgets that take the focus changed (named votes)."""
        meeting = self.target.document.meeting
        word = self.target.word()
        if (
            block == self._shown
            and meeting.attendance is self._shown_attendance
            and word == self._shown_word
        ):
            return False
        self._shown, self._shown_attendance, self._shown_word = block, meeting.attendance, word
        text = format_body((block,), word)
        self.text.setText(_plain(text, 400) or f"{word}: (no text yet)")
        widgets: list[QWidget] = [
            self.lead_word, self.numbered, self.proposer, self.seconder, self.votes_for,
            self.votes_against, self.abstentions, self.outcome,
        ]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        try:
            words = [(f"{word} (house style)", "")] + [
                (other, other) for other in RESOLUTION_WORDS if other != word
            ]
            if block.lead_word and block.lead_word not in RESOLUTION_WORDS:
                words.append((block.lead_word, block.lead_word))
            self.lead_word.show_choices(words, block.lead_word)
            self.numbered.setChecked(block.numbered)
            self.proposer.show_choices(
                attendee_options(meeting, block.proposer_id), block.proposer_id
            )
            self.seconder.show_choices(
                attendee_options(meeting, block.seconder_id), block.seconder_id
            )
            self.votes_for.show_count(block.votes_for)
            self.votes_against.show_count(block.votes_against)
            self.abstentions.show_count(block.abstentions)
            self.outcome.show_choices(
                [(label, value) for value, label in OUTCOME_LABELS.items()], block.outcome
            )
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        rebuilt = self._build_named(block)
        votes = {vote.attendee_id: vote.choice for vote in block.named_votes}
        options = [(label, value) for value, label in VOTE_LABELS.items()]
        for person_id, combo in self.named_combos.items():
            combo.blockSignals(True)
            combo.show_choices(options, votes.get(person_id))
            combo.blockSignals(False)
        if block.named_votes and not self.named_button.isChecked():
            self.named_button.setChecked(True)
        count = len(block.named_votes)
        self.named_button.setText(
            f"Named votes ({count} recorded)" if count else "Named votes (a recorded vote)"
        )
        return rebuilt


class ResolutionsPanel(QGroupBox):
    """Every Resolution block of the item, in order."""

    rebuilt = Signal()

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__("Resolutions", parent)
        self.target = target
        _named(self, "resolutionsPanel", "Resolutions")
        self.groups: list[ResolutionGroup] = []
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(self.box)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for group in self.groups:
            chain += group.focus_chain()
        return chain

    def refresh(self, item: Item) -> None:
        blocks = [b for b in item.blocks if isinstance(b, Resolution)]
        rebuilt = len(blocks) != len(self.groups)
        if rebuilt:
            for group in self.groups:
                group.setParent(None)
                group.deleteLater()
            total = len(blocks)
            self.groups = [ResolutionGroup(self.target, n, total, self) for n in range(total)]
            for group in self.groups:
                self.box.addWidget(group)
                group.show()  # now, not on the next turn of the event loop
        if not blocks:
            self.empty.setText(
                f"No resolutions. Type {self.target.word()}: on a line of its own in the minute "
                "text, then the resolutions under it; who proposed and seconded it and the "
                "vote are recorded here."
            )
        self.empty.setVisible(not blocks)
        for group, block in zip(self.groups, blocks, strict=True):
            rebuilt = group.refresh(block) or rebuilt
        if rebuilt:
            self.rebuilt.emit()


# --- follow-up actions ----------------------------------------------------------------------

ACTION, OWNER, DUE, DONE = range(4)


class ActionsModel(RecordModel):
    """The item's follow-up actions; the item is looked up by id at every read."""

    _target: ItemTarget | None = None

    def __init__(self, target: ItemTarget, on_error: Callable[[str], None]) -> None:
        columns = [
            Column(
                "Action",
                ("action",),
                ColumnKind.TEXT,
                width=48,
                stretch=True,
                description="What is to be done (Enter saves, Shift+Enter starts a new line)",
            ),
            Column("Owner", ("owner",), width=22, description="Who is to do it"),
            Column("Due", ("due",), width=10, description="When by: dd/mm/yyyy, or empty"),
            Column("Done", ("done",), ColumnKind.CHECK, width=4, description="Space ticks it"),
        ]
        super().__init__(target.document, ("items",), columns, "Edit follow-up action", on_error)
        self._target = target
        self._seen: object = None
        self.reload()

    def records(self) -> tuple[Any, ...]:
        item = self._target.item() if self._target is not None else None
        return () if item is None else item.actions

    def path(self, row: int, column: int | None = None) -> EditPath:
        own = self._target.path("actions", row) if self._target is not None else None
        if own is None:
            raise EditError("the item no longer exists")
        return own if column is None else (*own, *self.columns[column].field)

    def reload(self) -> None:
        """Show another item's actions."""
        self.beginResetModel()
        self._ids = self._record_ids()
        self._seen = self.records()
        self.endResetModel()

    def _on_changed(self, _path: object) -> None:
        records = self.records()
        if records is self._seen:
            return  # typing in the minute text leaves the actions (the same tuple) alone
        self._seen = records
        super()._on_changed(_path)

    def value(self, index: ModelIndex) -> Any:
        value = super().value(index)
        if index.isValid() and index.column() == DUE:
            return format_date(value)
        return value

    def setData(  # noqa: N802 - Qt's name
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if index.isValid() and index.column() == DUE and role == Qt.ItemDataRole.EditRole:
            try:
                value = parse_date(str(value or ""))
            except ValueError as exc:
                self.on_error(str(exc))
                return False
        return super().setData(index, value, role)


class ActionsTable(RecordTable):
    """The actions table, as tall as its rows (it sits in a scrolling panel)."""

    def __init__(self, model: ActionsModel, parent: QWidget | None = None) -> None:
        super().__init__(
            model,
            "actionsTable",
            "Follow-up actions",
            "Insert adds an action, Delete removes the selected ones; F2 or typing edits a "
            "cell, Enter saves it; Space ticks Done.",
            parent,
            wrap=True,
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model.modelReset.connect(self.updateGeometry)
        model.dataChanged.connect(self.updateGeometry)
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = self.verticalHeader().length() or self.verticalHeader().defaultSectionSize()
        height = rows + self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()


class ActionsPanel(QGroupBox):
    """The item's follow-up actions: a table with Add and Remove."""

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__("Follow-up actions", parent)
        self.target = target
        self.setObjectName("actionsPanel")
        self.model = ActionsModel(target, self._warn)
        self.model.setParent(self)
        self.table = ActionsTable(self.model, self)
        self.table.add_key("addActionKey", "Add action", "Insert", self.add_action)
        self.table.add_key("removeActionKey", "Remove action", "Delete", self.remove_selected)
        self.add_button = QPushButton("Add a&ction", self)
        _named(self.add_button, "addActionButton", "Add action")
        self.add_button.setToolTip("Add a follow-up action (Insert in the table)")
        self.remove_button = QPushButton("Remove action", self)
        _named(self.remove_button, "removeActionButton", "Remove action")
        self.remove_button.setToolTip(
            "Remove the selected actions (Delete in the table); Ctrl+Z brings them back"
        )
        self.add_button.clicked.connect(self.add_action)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.add_button, self.remove_button]

    def _warn(self, text: str) -> None:
        self.target.context.messages.warning("That value cannot be used", text)

    def add_action(self) -> None:
        path = self.target.path("actions")
        item = self.target.item()
        if path is None or item is None:
            return
        row = self.table.current_row()
        row = len(item.actions) if row < 0 else row + 1
        self.target.document.insert(
            path, row, FollowUp(), f"Add follow-up action to minute {self.target.minute()}"
        )
        self.table.go_to(row, ACTION, edit=True)

    def remove_selected(self) -> None:
        path = self.target.path("actions")
        rows = self.table.selected_rows()
        if path is None or not rows:
            return
        document = self.target.document
        after = document.meeting
        for row in reversed(rows):
            after = remove_at(after, path, row)
        what = "actions" if len(rows) > 1 else "action"
        document.edit(after, f"Remove follow-up {what} from minute {self.target.minute()}", path)
        remaining = len(self.model.records())
        if remaining:
            self.table.go_to(min(rows[0], remaining - 1), ACTION)
