"""The item form's resolutions: a group per Resolution block with what the minute text cannot show
(the lead word, numbering, proposer and seconder, the vote, its outcome and named votes; in
format 2 also the decision's number, the motion's kind and the motion it relates to, the words
moved, the debate, a unanimous vote, a recorded vote and who asked for it, the instrument and its
readings, and a note on each named vote, kept in roll-call order).

The widgets' objectNames and accessibleNames are listed in `clerk_app.ui.forms.item_form`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.bodytext import RESOLUTION_WORDS, format_body
from clerk_app.domain.model import (
    Instrument,
    Item,
    LeadWord,
    Meeting,
    MotionKind,
    NamedVote,
    Outcome,
    Reading,
    Resolution,
    VoteChoice,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.domain.operations import OperationError, relate_motion, vote_rows
from clerk_app.domain.text import clean_line, clean_text
from clerk_app.ui.forms.binding import Disclosure, fit_lines
from clerk_app.ui.forms.block_panel import form_row, line
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.undo_keys import UndoKeys
from clerk_app.ui.widgets.check_box import CheckBox
from clerk_app.ui.widgets.panel_inputs import CountSpin, WordChoice, name_widget

VOTE_LABELS: dict[VoteChoice | None, str] = {
    None: "—",
    VoteChoice.FOR: "For",
    VoteChoice.AGAINST: "Against",
    VoteChoice.ABSTAIN: "Abstain",
    VoteChoice.ABSENT: "Absent",
    VoteChoice.RECUSED: "Recused",
}
OUTCOME_LABELS: dict[Outcome | None, str] = {
    None: "Not recorded",
    Outcome.CARRIED: "Carried",
    Outcome.LOST: "Lost",
    Outcome.WITHDRAWN: "Withdrawn",
    Outcome.NOT_PUT: "Not put",
}
KIND_LABELS: dict[MotionKind, str] = {
    MotionKind.MOTION: "Motion",
    MotionKind.AMENDMENT: "Amendment",
    MotionKind.SUBSTITUTE: "Substitute motion",
    MotionKind.SUBSTANTIVE: "Substantive motion",
    MotionKind.PROCEDURAL: "Procedural motion",
}
RELATED_KINDS = (MotionKind.AMENDMENT, MotionKind.SUBSTITUTE, MotionKind.SUBSTANTIVE)
"""The kinds of motion that relate to an earlier one."""
INSTRUMENT_LABELS: dict[Instrument | None, str] = {
    None: "None",
    Instrument.RESOLUTION: "A resolution",
    Instrument.ORDINANCE: "An ordinance",
    Instrument.BYLAW: "A by-law",
}
NO_WORD = "[none]"
"""The lead-word drop-down's value for "no word" (a word is capitals; this never is one)."""
NO_ID = "#"
"""Starts the "relates to" drop-down's value for an earlier resolution without an id yet."""


def one_line(text: str, max_chars: int = 0) -> str:
    """`text` on one line, cut with an ellipsis past `max_chars` (0: never cut)."""
    one_line = " ".join(text.split())
    if max_chars and len(one_line) > max_chars:
        return one_line[: max_chars - 1].rstrip() + "…"
    return one_line


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
    show: the lead word, numbering, proposer, seconder, the vote and its outcome; the decision's
    number; named votes with notes, in roll-call order; and, under "Motion and debate", the
    motion's kind and what it relates to, the words moved, the debate and the readings."""

    def __init__(
        self, target: ItemTarget, ordinal: int, total: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.target = target
        self.ordinal = ordinal
        self.setObjectName(f"resolutionGroup{ordinal + 1}")
        if total > 1:
            self.setTitle(f"Resolution {ordinal + 1}")
        else:  # the panel's title says it: no box in a box
            self.setFlat(True)
        self._shown: Resolution | None = None
        self._shown_attendance: object = None
        self._shown_word = ""
        self._shown_others: object = None
        of = f" of resolution {ordinal + 1}" if total > 1 else ""
        self.of = of

        self.text = QLabel(self)
        self.text.setObjectName("resolutionText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setToolTip("Edit the wording in the minute text above")
        self.lead_word = WordChoice(self)
        name_widget(self.lead_word, "leadWordCombo", f"Lead word{of}")
        self.lead_word.setToolTip(
            "The word that introduces the resolution: the house style's, none, or another"
        )
        self.numbered = CheckBox("&Numbered", self)
        name_widget(self.numbered, "numberedCheck", f"Numbered{of}")
        self.number = QLineEdit(self)
        name_widget(self.number, "decisionNumberEdit", f"Decision number{of}")
        self.number.setToolTip("The decision's own number (CAB/2025/14, 2024-117)")
        self.number.setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)
        self.proposer = WordChoice(self)
        name_widget(self.proposer, "proposerCombo", f"Proposed by{of}")
        self.seconder = WordChoice(self)
        name_widget(self.seconder, "seconderCombo", f"Seconded by{of}")
        self.unanimous = CheckBox("All in favour", self)
        name_widget(self.unanimous, "unanimousCheck", f"Unanimous{of}")
        self.unanimous.setToolTip("Carried unanimously: all were in favour, no count taken")
        self.votes_for = CountSpin(self)
        name_widget(self.votes_for, "votesForSpin", f"Votes for{of}")
        self.votes_against = CountSpin(self)
        name_widget(self.votes_against, "votesAgainstSpin", f"Votes against{of}")
        self.abstentions = CountSpin(self)
        name_widget(self.abstentions, "abstentionsSpin", f"Abstentions{of}")
        self.outcome = WordChoice(self)
        name_widget(self.outcome, "outcomeCombo", f"Outcome{of}")
        self.outcome.show_choices([(label, value) for value, label in OUTCOME_LABELS.items()], None)

        self.named_button = QToolButton(self)
        name_widget(self.named_button, "namedVotesButton", f"Named votes{of}")
        self.named_button.setCheckable(True)
        self.named_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.named_button.setArrowType(Qt.ArrowType.RightArrow)
        self.named_button.setAutoRaise(True)
        self.named_button.setText("Named votes (a recorded vote)")
        self.named_table = QWidget(self)
        name_widget(self.named_table, "namedVotesTable", f"Named votes{of}")
        named_layout = QVBoxLayout(self.named_table)
        named_layout.setContentsMargins(18, 0, 0, 0)
        named_layout.setSpacing(4)
        self.recorded_vote = CheckBox("Recorded vote requested", self.named_table)
        name_widget(self.recorded_vote, "recordedVoteCheck", f"Recorded vote requested{of}")
        self.recorded_vote.setToolTip("A member asked for the vote to be recorded by name")
        self.requested_by = WordChoice(self.named_table)
        name_widget(self.requested_by, "requestedByCombo", f"Recorded vote requested by{of}")
        named_layout.addLayout(line(self.recorded_vote, ("by:", self.requested_by), None))
        self.named_rows = QWidget(self.named_table)
        self.named_grid = QGridLayout(self.named_rows)
        self.named_grid.setContentsMargins(0, 0, 0, 0)
        self.named_grid.setVerticalSpacing(2)
        named_layout.addWidget(self.named_rows)
        self.named_help = QLabel(
            "In the order the roll was called: Alt+Up and Alt+Down move a vote.", self.named_table
        )
        self.named_help.setWordWrap(True)
        named_layout.addWidget(self.named_help)
        self.named_combos: dict[str, WordChoice] = {}
        self.named_notes: dict[str, QLineEdit] = {}
        self.named_table.setVisible(False)

        self.details_button = Disclosure(
            self, "motionDetailsToggle", "Motion and debate",
            "The motion's kind and the motion it relates to, the words moved, the debate, "
            "and what it enacts",
        )  # fmt: skip
        self.details = QWidget(self)
        self.details.setObjectName("motionDetails")
        self.kind = WordChoice(self.details)
        name_widget(self.kind, "motionKindCombo", f"Motion kind{of}")
        self.kind.show_choices([(label, kind) for kind, label in KIND_LABELS.items()], None)
        self.relates_to = WordChoice(self.details)
        name_widget(self.relates_to, "relatesToCombo", f"Relates to{of}")
        self.relates_to.setToolTip("The earlier motion of this item it amends, replaces or ends")
        self.motion = QPlainTextEdit(self.details)
        name_widget(self.motion, "motionEdit", f"Words moved{of}")
        self.motion.setPlaceholderText(
            "The words moved, where they differ from what was resolved (an amendment's words)"
        )
        self.debate = QPlainTextEdit(self.details)
        name_widget(self.debate, "debateEdit", f"Debate{of}")
        self.debate.setPlaceholderText("The debate between the motion and the vote")
        for edit in (self.motion, self.debate):
            edit.setTabChangesFocus(True)
            edit.setUndoRedoEnabled(False)
            fit_lines(edit, 2, 8)
        self.instrument = WordChoice(self.details)
        name_widget(self.instrument, "instrumentCombo", f"Enacts{of}")
        self.instrument.setToolTip("A resolution, ordinance or by-law, numbered by its number")
        self.instrument.show_choices(
            [(label, value) for value, label in INSTRUMENT_LABELS.items()], None
        )
        self.readings: dict[Reading, CheckBox] = {}
        for reading in Reading:
            box = CheckBox(reading.value, self.details)
            name_widget(box, f"{reading.value}ReadingCheck", f"{reading.value.title()} reading{of}")
            self.readings[reading] = box
        self.first_reading = self.readings[Reading.FIRST]
        self.details.setVisible(False)

        # Rows, so that a resolution's common fields show whole in the panels on a 1366x768
        # laptop: the words (lead word, numbering, outcome, number), the people, the vote; the
        # named votes and the motion's details open below.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setVerticalSpacing(4)
        number = QLabel("No.:")
        number.setToolTip("The decision's own number")
        word_row = line(
            self.lead_word, 8, self.numbered, 8, ("O&utcome:", self.outcome), 8,
            (number, self.number), None,
        )  # fmt: skip
        form_row(form, "&Lead word:", word_row, self.lead_word)
        people = line(self.proposer, 12, ("Secon&ded by:", self.seconder), None)
        form_row(form, "&Proposed by:", people, self.proposer)
        votes = line(
            self.unanimous, 8, ("For:", self.votes_for), 8, ("A&gainst:", self.votes_against), 8,
            ("A&bstained:", self.abstentions), 8, None,
        )  # fmt: skip
        form_row(form, "&Votes:", votes, self.unanimous)

        details = QFormLayout(self.details)
        details.setContentsMargins(18, 0, 0, 0)
        details.setVerticalSpacing(4)
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        kind_row = line(
            self.kind, 8, ("relates to:", self.relates_to), stretch={self.relates_to: 1}
        )
        form_row(details, "Kind:", kind_row, self.kind)
        form_row(details, "Words moved:", self.motion)
        form_row(details, "Debate:", self.debate)
        first, *later = self.readings.values()
        enacts = line(self.instrument, 12, ("Read a:", first), *later, QLabel("time"), None)
        form_row(details, "Enacts:", enacts, self.instrument)

        toggles = line(self.named_button, self.details_button, None)
        toggles.setSpacing(12)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addLayout(toggles)
        layout.addWidget(self.named_table)
        layout.addWidget(self.details)

        self.lead_word.currentIndexChanged.connect(lambda _n: self._lead_chosen())
        self.numbered.toggled.connect(
            lambda checked: self._set("numbered", checked, "Change numbering", merge=False)
        )
        self.number.textEdited.connect(
            lambda text: self._set("number", text, "Edit decision number")
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
        self.unanimous.toggled.connect(self._unanimous_changed)
        for field, spin in (
            ("votes_for", self.votes_for),
            ("votes_against", self.votes_against),
            ("abstentions", self.abstentions),
        ):
            spin.valueChanged.connect(
                lambda _v, f=field, s=spin: self._set(f, s.count(), "Change votes")
            )
        self.named_button.toggled.connect(self._show_named)
        self.recorded_vote.toggled.connect(self._recorded_changed)
        self.requested_by.currentIndexChanged.connect(
            lambda _n: self._set(
                "requested_by_id",
                self.requested_by.value(),
                "Change who asked for the recorded vote",
            )
        )
        self.details_button.opened.connect(self.details.setVisible)
        self.kind.currentIndexChanged.connect(lambda _n: self._kind_chosen())
        self.relates_to.currentIndexChanged.connect(lambda _n: self._relates_chosen())
        self.motion.textChanged.connect(
            lambda: self._typed_text(self.motion, "motion", "Edit the words moved")
        )
        self.debate.textChanged.connect(
            lambda: self._typed_text(self.debate, "debate", "Edit debate")
        )
        self.instrument.currentIndexChanged.connect(
            lambda _n: self._set("instrument", self.instrument.value(), "Change what it enacts")
        )
        for box in self.readings.values():
            box.toggled.connect(lambda _checked: self._readings_changed())
        self._keys = UndoKeys(target.document.undo_stack, self)
        self._keys.watch(
            self.votes_for, self.votes_against, self.abstentions, self.number, self.motion,
            self.debate,
        )  # fmt: skip

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [
            self.lead_word, self.numbered, self.outcome, self.number, self.proposer,
            self.seconder, self.unanimous, self.votes_for, self.votes_against, self.abstentions,
            self.named_button, self.details_button, self.recorded_vote, self.requested_by,
        ]  # fmt: skip
        for person in self.named_combos:
            chain += [self.named_combos[person], self.named_notes[person]]
        return [
            *chain, self.kind, self.relates_to, self.motion, self.debate, self.instrument,
            *self.readings.values(),
        ]  # fmt: skip

    def reveal(self, widget: QWidget) -> None:
        """Open the part of the group that `widget` is in (named votes, the motion's details)."""
        if self.named_table.isAncestorOf(widget):
            self.named_button.setChecked(True)
        if self.details.isAncestorOf(widget):
            self.details_button.setChecked(True)

    # --- edits ---------------------------------------------------------------------------------

    def _set(self, field: str, value: Any, text: str, merge: bool = True) -> None:
        self.target.set_block_field(Resolution, self.ordinal, field, value, text, merge)

    def _update(self, fields: dict[str, Any], text: str) -> None:
        """Several fields of the block in one undo step."""
        block = self.target.block_index(Resolution, self.ordinal)
        item = self.target.item()
        if block is None or item is None:
            return
        resolution = item.blocks[block]
        assert isinstance(resolution, Resolution)
        changed = Resolution.model_validate({**resolution.model_dump(), **fields})
        self.target.set(
            ("blocks", block), changed, f"{text} in minute {self.target.minute()}", False
        )

    def _lead_chosen(self) -> None:
        value = self.lead_word.value()
        if value is None:
            return
        if value == NO_WORD:
            self._update({"lead": LeadWord.NONE, "lead_word": ""}, "No lead word")
        elif value:
            self._update({"lead": LeadWord.GIVEN, "lead_word": value}, "Change lead word")
        else:
            self._update({"lead": LeadWord.STYLE, "lead_word": ""}, "Change lead word")

    def _unanimous_changed(self, checked: bool) -> None:
        self._set("unanimous", checked, "Change unanimous", merge=False)

    def _recorded_changed(self, checked: bool) -> None:
        self._set("recorded_vote", checked, "Change recorded vote", merge=False)

    def _readings_changed(self) -> None:
        readings = tuple(reading for reading, box in self.readings.items() if box.isChecked())
        self._set("readings", readings, "Change readings", merge=False)

    def _typed_text(self, edit: QPlainTextEdit, field: str, text: str) -> None:
        if self._loading:
            return
        self._set(field, edit.toPlainText(), text)

    _loading = False

    def _earlier(self) -> list[tuple[int, Resolution]]:
        """The item's resolutions before this one: (their place in the body, the block)."""
        item = self.target.item()
        if item is None:
            return []
        found = [(n, b) for n, b in enumerate(item.blocks) if isinstance(b, Resolution)]
        return found[: self.ordinal]

    def _kind_chosen(self) -> None:
        kind = self.kind.value()
        block = self._shown
        if kind is None or block is None:
            return
        kind = MotionKind(kind)
        if kind not in RELATED_KINDS:
            self._update({"kind": kind, "relates_to": None}, "Change motion kind")
            return
        earlier = self._earlier()
        if block.relates_to is not None or not earlier:
            self._update({"kind": kind}, "Change motion kind")
            return
        # An amendment, substitute or substantive motion relates, unless told otherwise, to the
        # nearest motion before it that is not itself an amendment or procedural.
        main = [
            n for n, b in earlier if b.kind not in (MotionKind.AMENDMENT, MotionKind.PROCEDURAL)
        ]
        aim = (main or [earlier[-1][0]])[-1]
        self._relate(aim, kind)

    def _relates_chosen(self) -> None:
        value = self.relates_to.value()
        if isinstance(value, str) and value.startswith(NO_ID):
            self._relate(int(value[len(NO_ID) :]), None)
        else:
            self._set("relates_to", value, "Change the motion it relates to", merge=False)

    def _relate(self, aim: int, kind: MotionKind | None) -> None:
        """Relate to the block at `aim` (and be of `kind`, if given), giving it an id if it has
        none (`relate_motion`): one undo step."""
        index = self.target.index()
        block = self.target.block_index(Resolution, self.ordinal)
        item_id = self.target.item_id
        if index is None or block is None or item_id is None:
            return
        document = self.target.document
        try:
            after = relate_motion(
                document.meeting, item_id, ("blocks", block), ("blocks", aim), kind
            )
        except OperationError as exc:
            self.target.context.messages.warning("That motion cannot be related", str(exc))
            return
        document.edit(
            after,
            f"Relate a motion to an earlier one in minute {self.target.minute()}",
            ("items", index, "blocks", block),
        )

    # --- named votes ---------------------------------------------------------------------------

    def _show_named(self, shown: bool) -> None:
        self.named_table.setVisible(shown)
        self.named_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _vote_changed(self, attendee_id: str) -> None:
        """A vote given, changed or taken back: a new one takes its place after the votes given
        before it (the roll as called), a changed one keeps its place and its note."""
        block = self._shown
        if block is None:
            return
        chosen = self.named_combos[attendee_id].value()
        votes = list(block.named_votes)
        place = next((n for n, v in enumerate(votes) if v.attendee_id == attendee_id), None)
        if chosen is None:
            if place is not None:
                votes.pop(place)
        elif place is None:
            votes.append(NamedVote(attendee_id=attendee_id, choice=VoteChoice(chosen)))
        else:
            votes[place] = votes[place].model_copy(update={"choice": VoteChoice(chosen)})
        self._set("named_votes", tuple(votes), "Change named vote", merge=False)

    def _note_typed(self, attendee_id: str, text: str) -> None:
        block = self._shown
        if block is None:
            return
        place = next(
            (n for n, v in enumerate(block.named_votes) if v.attendee_id == attendee_id), None
        )
        block_index = self.target.block_index(Resolution, self.ordinal)
        if place is not None and block_index is not None:
            self.target.set(
                ("blocks", block_index, "named_votes", place, "note"),
                text,
                f"Edit note on a named vote in minute {self.target.minute()}",
            )

    def move_vote(self, attendee_id: str, step: int) -> bool:
        """Move a named vote up or down the roll-call order; False if it cannot go there."""
        block = self._shown
        if block is None:
            return False
        votes = list(block.named_votes)
        place = next((n for n, v in enumerate(votes) if v.attendee_id == attendee_id), None)
        if place is None or not 0 <= place + step < len(votes):
            return False
        votes.insert(place + step, votes.pop(place))
        self._set("named_votes", tuple(votes), "Move a named vote", merge=False)
        return True

    def _voters(self, block: Resolution) -> list[tuple[str, str]]:
        """Who can be given a named vote (`vote_rows`: who may vote on the item, and anyone
        already given one), with the names to show: those given one first, in the order given
        (the roll as called), then the others in attendance order."""
        meeting = self.target.document.meeting
        item_id = self.target.item_id
        if item_id is None:
            return []
        names = {person.id: person.display_name or "(no name)" for person in meeting.attendance}
        rows = vote_rows(meeting, item_id, block)
        voted = [vote.attendee_id for vote in block.named_votes]
        order = [*dict.fromkeys(voted), *(p for p in rows if p not in set(voted))]
        return [(person, names.get(person, "(not in the attendance list)")) for person in order]

    def _build_named(self, block: Resolution) -> bool:
        """Make a row (name, vote, note) for each possible voter; True if they changed."""
        voters = self._voters(block)
        if [p for p, _ in voters] == list(self.named_combos):
            return False
        focused = QApplication.focusWidget()
        refocus: tuple[str, str] | None = None
        for person, combo in self.named_combos.items():
            if focused is combo:
                refocus = (person, "vote")
            elif focused is self.named_notes.get(person):
                refocus = (person, "note")
        while self.named_grid.count():
            child = self.named_grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.named_combos = {}
        self.named_notes = {}
        for column, heading in enumerate(("<b>Member</b>", "<b>Vote</b>", "<b>Note</b>")):
            caption = QLabel(heading, self.named_rows)
            self.named_grid.addWidget(caption, 0, column)
            caption.show()
        options = [(label, value) for value, label in VOTE_LABELS.items()]
        for row, (person_id, name) in enumerate(voters, start=1):
            label = QLabel(name)
            combo = WordChoice(self.named_rows)
            name_widget(combo, "namedVoteCombo", f"Vote of {name}")
            combo.show_choices(options, None)
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _n, p=person_id: self._vote_changed(p))
            note = QLineEdit(self.named_rows)
            name_widget(note, "namedVoteNote", f"Note on the vote of {name}")
            note.setToolTip('A note on the vote ("because of a declared interest")')
            note.textEdited.connect(lambda text, p=person_id: self._note_typed(p, text))
            for widget in (combo, note):
                widget.installEventFilter(self)
            self._keys.watch(note)
            self.named_grid.addWidget(label, row, 0)
            self.named_grid.addWidget(combo, row, 1)
            self.named_grid.addWidget(note, row, 2)
            for widget in (label, combo, note):
                widget.show()  # now, not on the next turn of the event loop (to take the focus)
            self.named_combos[person_id] = combo
            self.named_notes[person_id] = note
        self.named_grid.setColumnStretch(2, 1)
        if refocus is not None:
            person, kind = refocus
            widget = (self.named_combos if kind == "vote" else self.named_notes).get(person)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Alt+Up and Alt+Down in a named vote's row move the vote in the roll-call order.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            person = next(
                (
                    p
                    for p in self.named_combos
                    if watched in (self.named_combos[p], self.named_notes[p])
                ),
                None,
            )
            if person is not None:
                self.move_vote(person, -1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    # --- redrawing -----------------------------------------------------------------------------

    def _relation_choices(self, block: Resolution) -> list[tuple[str, Any]]:
        options: list[tuple[str, Any]] = [("None", None)]
        for n, (place, earlier) in enumerate(self._earlier()):
            words = one_line(" ".join(e.text for e in earlier.resolutions) or earlier.motion, 40)
            label = f"{n + 1}. {KIND_LABELS[earlier.kind]}: {words or '(no text yet)'}"
            options.append((label, earlier.id or f"{NO_ID}{place}"))
        if block.relates_to is not None and all(v != block.relates_to for _, v in options):
            options.append(("(not an earlier resolution of this item)", block.relates_to))
        return options

    def _lead_value(self, block: Resolution) -> str:
        state = block.lead_state
        if state is LeadWord.NONE:
            return NO_WORD
        return block.lead_word if state is LeadWord.GIVEN else ""

    def _placeholder_number(self, block: Resolution) -> str:
        """The style's running decision number for the block, where it has one."""
        meeting = self.target.document.meeting
        style = self.target.context.house_style(meeting)
        if meeting.first_decision_number is None or not style.decision_number_format:
            return "none"  # the style has no running decision numbers to show
        item = self.target.item()
        index = self.target.block_index(Resolution, self.ordinal)
        if item is None or index is None:
            return "none"
        running = MinuteNumbering(meeting, style).decision_labels().get(id(item.blocks[index]))
        return f"{running} (the style's)" if running else "none"

    def refresh(self, block: Resolution) -> bool:
        """Show `block`; True if the widgets that take the focus changed (named votes)."""
        meeting = self.target.document.meeting
        word = self.target.word()
        earlier = tuple(b for _, b in self._earlier())
        if (
            block == self._shown
            and meeting.attendance is self._shown_attendance
            and word == self._shown_word
            and earlier == self._shown_others
        ):
            return False
        self._shown, self._shown_attendance, self._shown_word = block, meeting.attendance, word
        self._shown_others = earlier
        text = format_body((block,), word)
        self.text.setText(one_line(text, 160) or f"{word}: (no text yet)")
        widgets: list[QWidget] = [
            self.lead_word, self.numbered, self.proposer, self.seconder, self.votes_for,
            self.votes_against, self.abstentions, self.outcome, self.unanimous,
            self.recorded_vote, self.requested_by, self.kind, self.relates_to, self.instrument,
            *self.readings.values(),
        ]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self._loading = True
        try:
            words = [(f"{word} (house style)", ""), ("(no word)", NO_WORD)] + [
                (other, other) for other in RESOLUTION_WORDS if other != word
            ]
            if block.lead_word and block.lead_word not in RESOLUTION_WORDS:
                words.append((block.lead_word, block.lead_word))
            self.lead_word.show_choices(words, self._lead_value(block))
            self.numbered.setChecked(block.numbered)
            if clean_line(self.number.text()) != block.number:
                self.number.setText(block.number)
            self.number.setPlaceholderText(self._placeholder_number(block))
            self.proposer.show_choices(
                attendee_options(meeting, block.proposer_id), block.proposer_id
            )
            self.seconder.show_choices(
                attendee_options(meeting, block.seconder_id), block.seconder_id
            )
            self.unanimous.setChecked(block.unanimous)
            for spin in (self.votes_for, self.votes_against, self.abstentions):
                spin.setEnabled(not block.unanimous)
            self.votes_for.show_count(block.votes_for)
            self.votes_against.show_count(block.votes_against)
            self.abstentions.show_count(block.abstentions)
            self.outcome.show_choices(
                [(label, value) for value, label in OUTCOME_LABELS.items()], block.outcome
            )
            self.recorded_vote.setChecked(block.recorded_vote)
            self.requested_by.show_choices(
                attendee_options(meeting, block.requested_by_id), block.requested_by_id
            )
            self.requested_by.setEnabled(block.recorded_vote)
            self.kind.show_choices(
                [(label, kind) for kind, label in KIND_LABELS.items()], block.kind
            )
            self.relates_to.show_choices(self._relation_choices(block), block.relates_to)
            self.relates_to.setEnabled(block.kind in RELATED_KINDS)
            for edit, value in ((self.motion, block.motion), (self.debate, block.debate)):
                if clean_text(edit.toPlainText()) != value:
                    edit.setPlainText(value)
            self.instrument.show_choices(
                [(label, value) for value, label in INSTRUMENT_LABELS.items()], block.instrument
            )
            for reading, box in self.readings.items():
                box.setChecked(reading in block.readings)
        finally:
            self._loading = False
            for widget in widgets:
                widget.blockSignals(False)
        rebuilt = self._build_named(block)
        votes = {vote.attendee_id: vote for vote in block.named_votes}
        options = [(label, value) for value, label in VOTE_LABELS.items()]
        for person_id, combo in self.named_combos.items():
            vote = votes.get(person_id)
            combo.blockSignals(True)
            combo.show_choices(options, vote.choice if vote else None)
            combo.blockSignals(False)
            note = self.named_notes[person_id]
            note.setEnabled(vote is not None)
            if vote is not None and clean_line(note.text()) != vote.note:
                note.setText(vote.note)
            elif vote is None and note.text():
                note.clear()
        if (block.named_votes or block.recorded_vote) and not self.named_button.isChecked():
            self.named_button.setChecked(True)
        has_details = (
            block.kind is not MotionKind.MOTION
            or block.relates_to is not None
            or bool(block.motion or block.debate or block.instrument or block.readings)
        )
        if has_details and not self.details_button.isChecked():
            self.details_button.setChecked(True)
        self.details_button.set_summary(self._details_summary(block))
        count = len(block.named_votes)
        self.named_button.setText(
            f"Named votes ({count} recorded)" if count else "Named votes (a recorded vote)"
        )
        return rebuilt

    def _details_summary(self, block: Resolution) -> str:
        parts = [KIND_LABELS[block.kind].lower()] if block.kind is not MotionKind.MOTION else []
        if block.debate:
            parts.append("debate")
        if block.instrument is not None:
            parts.append(INSTRUMENT_LABELS[block.instrument].lower())
        return ", ".join(parts)


class ResolutionsPanel(QGroupBox):
    """Every Resolution block of the item, in order."""

    rebuilt = Signal()

    def __init__(self, target: ItemTarget, parent: QWidget | None = None) -> None:
        super().__init__("Resolutions", parent)
        self.target = target
        name_widget(self, "resolutionsPanel", "Resolutions")
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
