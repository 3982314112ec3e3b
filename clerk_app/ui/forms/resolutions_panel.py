"""The item form's resolutions: a group per Resolution block with what the minute text cannot show
(the lead word, numbering, proposer and seconder, the vote, its outcome and named votes).

The widgets' objectNames and accessibleNames are listed in `clerk_app.ui.forms.item_form`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.bodytext import RESOLUTION_WORDS, format_body
from clerk_app.domain.model import Item, Meeting, NamedVote, Outcome, Resolution, VoteChoice
from clerk_app.domain.operations import vote_rows
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
}
OUTCOME_LABELS: dict[Outcome | None, str] = {
    None: "Not recorded",
    Outcome.CARRIED: "Carried",
    Outcome.LOST: "Lost",
}


def _plain(text: str, max_chars: int = 0) -> str:
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
    show: the lead word, numbering, proposer, seconder, the vote and its outcome."""

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
        of = f" of resolution {ordinal + 1}" if total > 1 else ""

        self.text = QLabel(self)
        self.text.setObjectName("resolutionText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setToolTip("Edit the wording in the minute text above")
        self.lead_word = WordChoice(self)
        name_widget(self.lead_word, "leadWordCombo", f"Lead word{of}")
        self.lead_word.setToolTip(
            "The word that introduces the resolution; the house style's unless you choose another"
        )
        self.numbered = CheckBox("&Numbered", self)
        name_widget(self.numbered, "numberedCheck", f"Numbered{of}")
        self.proposer = WordChoice(self)
        name_widget(self.proposer, "proposerCombo", f"Proposed by{of}")
        self.seconder = WordChoice(self)
        name_widget(self.seconder, "seconderCombo", f"Seconded by{of}")
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
        self.named_button.setText("Named votes (a recorded vote)")
        self.named_table = QWidget(self)
        name_widget(self.named_table, "namedVotesTable", f"Named votes{of}")
        self.named_grid = QGridLayout(self.named_table)
        self.named_grid.setContentsMargins(18, 0, 0, 0)
        self.named_combos: dict[str, WordChoice] = {}
        self.named_table.setVisible(False)

        # Three rows, so that a resolution shows whole in the panels on a 1366x768 laptop:
        # the words (lead word, numbering, outcome), the people, the vote.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setVerticalSpacing(4)
        word_row = QHBoxLayout()
        word_row.addWidget(self.lead_word)
        word_row.addSpacing(12)
        word_row.addWidget(self.numbered)
        word_row.addSpacing(12)
        outcome = QLabel("O&utcome:")
        outcome.setBuddy(self.outcome)
        word_row.addWidget(outcome)
        word_row.addWidget(self.outcome)
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
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
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
        """Who can be given a named vote (`vote_rows`: who may vote on the item, and anyone
        already given one), with the names to show."""
        meeting = self.target.document.meeting
        item_id = self.target.item_id
        if item_id is None:
            return []
        names = {person.id: person.display_name or "(no name)" for person in meeting.attendance}
        return [
            (person_id, names.get(person_id, "(not in the attendance list)"))
            for person_id in vote_rows(meeting, item_id, block)
        ]

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
            combo = WordChoice(self.named_table)
            name_widget(combo, "namedVoteCombo", f"Vote of {name}")
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
        self.text.setText(_plain(text, 160) or f"{word}: (no text yet)")
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
