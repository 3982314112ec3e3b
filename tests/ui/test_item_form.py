"""The item form, driven through its widgets as a clerk would: typing minutes of the sample
meeting from nothing, undo, the resolution and public-question panels, follow-up actions and
going to the field a finding is about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.domain import bodytext
from clerk_app.domain.bodytext import format_body
from clerk_app.domain.markup import carry_over
from clerk_app.domain.model import (
    BulletList,
    FollowUp,
    Item,
    LeadIn,
    ListEntry,
    Meeting,
    NamedVote,
    Outcome,
    Paragraph,
    PublicQuestions,
    Resolution,
    StandingItem,
    VoteChoice,
)
from clerk_app.domain.typed import parse_date as parse_due
from clerk_app.render.styles import available_styles
from clerk_app.services.document import MeetingDocument
from clerk_app.storage import load_meeting
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.forms import item_form
from clerk_app.ui.forms.actions_panel import DONE, DUE, OWNER
from clerk_app.ui.forms.binding import FormContext
from clerk_app.ui.forms.item_form import ItemForm
from clerk_app.ui.messages import RecordedMessages

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
FIRST = 149  # the sample's first minute number


# --- helpers ------------------------------------------------------------------------------------


def make_form(qtbot: QtBot, document: MeetingDocument, minute: int | None = None) -> ItemForm:
    form = ItemForm(document, FormContext(available_styles(), RecordedMessages()))
    qtbot.addWidget(form)
    form.resize(900, 900)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    if minute is not None:
        form.set_item(document.meeting.items[minute - FIRST].id)
        settle()
    return form


def settle() -> None:
    """Let Qt lay out widgets just made (a panel's groups), as its event loop would."""
    QApplication.processEvents()


def sample_document() -> MeetingDocument:
    return MeetingDocument.open(locations.sample_meeting())


def sample_item(minute: int) -> Item:
    return load_meeting(locations.sample_meeting()).items[minute - FIRST]


def empty_document(first_minute: int = 1) -> MeetingDocument:
    meeting = Meeting(
        date=dt.date(2025, 6, 18),
        house_style="leicester",
        first_minute_number=first_minute,
        items=(Item(id="i1"),),
    )
    return MeetingDocument(meeting)


def item_of(form: ItemForm) -> Item:
    item = form.target.item()
    assert item is not None
    return item


def type_lines(editor: QPlainTextEdit | QLineEdit, *lines: str) -> None:
    """Type each text, pressing Enter between them, as a clerk does."""
    for n, line in enumerate(lines):
        if n:
            QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, line)


def focus(qtbot: QtBot, widget: Any) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def go_to_end(editor: BodyEditor) -> None:
    QTest.keyClick(editor, Qt.Key.Key_End, CTRL)


def line_starting(editor: BodyEditor, start: str) -> int:
    lines = editor.markup_text().split("\n")
    return next(n for n, line in enumerate(lines) if line.startswith(start))


# --- typing minutes of the sample from nothing ----------------------------------------------


def test_minute_151_typed_from_nothing(qtbot: QtBot) -> None:
    expected = sample_item(151)
    document = empty_document(first_minute=151)
    form = make_form(qtbot, document)
    form.set_item("i1")
    assert form.heading.text() == "151. (no title yet)"

    focus(qtbot, form.standing)
    QTest.keyClicks(form.standing, "Minutes")  # the usual title comes with it
    assert item_of(form).standing is StandingItem.PREVIOUS_MINUTES
    assert item_of(form).title == "Minutes of the Previous Meeting"
    assert form.title.text() == "Minutes of the Previous Meeting"
    focus(qtbot, form.body)
    (resolution,) = expected.blocks
    assert isinstance(resolution, Resolution)
    type_lines(form.body, "AGREED:", "", "1. " + resolution.resolutions[0].text)

    assert item_of(form).blocks == expected.blocks
    assert item_of(form).title == expected.title
    assert form.heading.text() == "151. Minutes of the Previous Meeting"
    assert len(form.resolutions.groups) == 1


def test_minute_153_typed_from_nothing(qtbot: QtBot) -> None:
    expected = sample_item(153)
    document = empty_document()
    form = make_form(qtbot, document)
    form.set_item("i1")
    focus(qtbot, form.title)
    QTest.keyClicks(form.title, expected.title)
    QTest.keyClick(form.title, Qt.Key.Key_Tab)
    assert form.standing.hasFocus()  # the fields go in order
    focus(qtbot, form.body)
    first, second, dates = expected.blocks
    assert isinstance(first, Paragraph) and isinstance(second, LeadIn)
    type_lines(form.body, first.text, "", second.text, "", *dates.lines)  # type: ignore[union-attr]

    assert item_of(form).blocks == expected.blocks
    assert item_of(form).title == expected.title


def test_minute_155_typed_from_nothing(qtbot: QtBot) -> None:
    expected = sample_item(155)
    form = make_form(qtbot, empty_document())
    form.set_item("i1")
    focus(qtbot, form.title)
    QTest.keyClicks(form.title, expected.title)
    focus(qtbot, form.body)
    (paragraph,) = expected.blocks
    assert isinstance(paragraph, Paragraph)
    QTest.keyClicks(form.body, paragraph.text)
    assert item_of(form).blocks == expected.blocks


def test_a_bulleted_minute_typed_with_list_keys(qtbot: QtBot) -> None:
    form = make_form(qtbot, empty_document())
    form.set_item("i1")
    focus(qtbot, form.body)
    type_lines(form.body, "Key points included:", "", "- one", "two", "three")
    QTest.keyClick(form.body, Qt.Key.Key_Tab)  # "three" nests under "two"
    assert item_of(form).blocks == (
        LeadIn(text="Key points included:"),
        BulletList(
            entries=(
                ListEntry(text="one"),
                ListEntry(text="two", blocks=(BulletList(entries=(ListEntry(text="three"),)),)),
            )
        ),
    )
    QTest.keyClick(form.body, Qt.Key.Key_Backtab, SHIFT)
    assert item_of(form).blocks[1] == BulletList(
        entries=(ListEntry(text="one"), ListEntry(text="two"), ListEntry(text="three"))
    )
    QTest.keyClick(form.body, Qt.Key.Key_End)
    type_lines(form.body, "", "", "AGREED:", "", "1. That it be noted.", "That it come back.")
    QTest.keyClick(form.body, Qt.Key.Key_Return)
    QTest.keyClick(form.body, Qt.Key.Key_Return)  # an empty entry ends the list
    QTest.keyClicks(form.body, "Closing remark.")
    blocks = item_of(form).blocks
    assert blocks[2] == Resolution(
        resolutions=(ListEntry(text="That it be noted."), ListEntry(text="That it come back."))
    )
    assert blocks[3] == Paragraph(text="Closing remark.")
    assert form.body.markup_text().endswith("2. That it come back.\n\nClosing remark.")


# --- undo and redo ------------------------------------------------------------------------------


def test_undo_takes_a_typed_sentence_away_in_one_step_and_redo_brings_it_back(
    qtbot: QtBot,
) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 155)
    before = item_of(form).blocks
    shown = form.body.markup_text()
    focus(qtbot, form.body)
    go_to_end(form.body)
    steps = document.undo_stack.index()
    QTest.keyClicks(form.body, " Members thanked the Chair.")
    paragraph = item_of(form).blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.endswith("while remaining respectful. Members thanked the Chair.")
    assert document.undo_stack.index() - steps == 1  # the keystrokes merged
    assert document.undo_stack.undoText() == "Type in minute 155"

    QTest.keyClick(form.body, Qt.Key.Key_Z, CTRL)  # the meeting's undo, from the text
    assert item_of(form).blocks == before
    assert form.body.markup_text() == shown
    QTest.keyClick(form.body, Qt.Key.Key_Y, CTRL)
    assert item_of(form).blocks[0] == paragraph
    assert form.body.markup_text() == shown + " Members thanked the Chair."
    cursor = form.body.textCursor()
    assert cursor.position() == len(form.body.markup_text())  # still where the typing was


def test_a_new_line_starts_a_new_undo_step(qtbot: QtBot) -> None:
    document = empty_document()
    form = make_form(qtbot, document)
    form.set_item("i1")
    focus(qtbot, form.body)
    type_lines(form.body, "- one", "two")
    document.undo_stack.undo()
    assert item_of(form).blocks == (
        BulletList(entries=(ListEntry(text="one"), ListEntry(text=""))),
    )
    assert form.body.markup_text() == "- one\n- "


def test_ctrl_z_after_a_sentence_in_a_new_paragraph_takes_all_of_it(qtbot: QtBot) -> None:
    # Enter at the end of a paragraph changes nothing in the model; the sentence typed after
    # it, first letter included, is one undo step that does not join the typing before it.
    document = empty_document()
    form = make_form(qtbot, document)
    form.set_item("i1")
    focus(qtbot, form.body)
    QTest.keyClicks(form.body, "The Chair opened the meeting.")
    type_lines(form.body, "", "", "Members thanked the Chair.")
    assert item_of(form).blocks == (
        Paragraph(text="The Chair opened the meeting."),
        Paragraph(text="Members thanked the Chair."),
    )
    QTest.keyClick(form.body, Qt.Key.Key_Z, CTRL)
    assert item_of(form).blocks == (Paragraph(text="The Chair opened the meeting."),)
    assert form.body.markup_text().rstrip("\n") == "The Chair opened the meeting."
    QTest.keyClick(form.body, Qt.Key.Key_Z, CTRL)
    assert item_of(form).blocks == ()


def test_ctrl_z_after_a_sentence_in_the_title_takes_all_of_it(qtbot: QtBot) -> None:
    document = empty_document()
    form = make_form(qtbot, document)
    form.set_item("i1")
    focus(qtbot, form.title)
    QTest.keyClicks(form.title, "Families First Programme")
    QTest.keyClick(form.title, Qt.Key.Key_Z, CTRL)
    assert item_of(form).title == ""
    assert form.title.text() == ""


def test_a_change_made_elsewhere_is_shown_but_typing_is_left_alone(qtbot: QtBot) -> None:
    document = empty_document()
    form = make_form(qtbot, document)
    form.set_item("i1")
    focus(qtbot, form.body)
    QTest.keyClicks(form.body, "The Chair opened the meeting ")
    assert form.body.markup_text() == "The Chair opened the meeting "  # the space stays
    assert item_of(form).blocks == (Paragraph(text="The Chair opened the meeting"),)
    document.set(("items", 0, "blocks"), (Paragraph(text="Another text."),), "Elsewhere")
    assert form.body.markup_text() == "Another text."


def test_a_change_to_another_item_leaves_the_form_alone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    redrawn: list[int] = []
    original = form.refresh

    def counted() -> None:
        redrawn.append(1)
        original()

    monkeypatch.setattr(form, "refresh", counted)
    document.set(("items", 159 - FIRST, "title"), "Families First", "Edit item title")
    assert redrawn == []
    document.set(("items", 158 - FIRST, "title"), "Introduction", "Edit item title")
    assert redrawn == [1] and form.heading.text() == "158. Introduction"
    document.set(("first_minute_number",), 150, "Change first minute number")
    assert len(redrawn) == 2 and form.heading.text() == "159. Introduction"  # renumbered
    document.changed.emit(())  # a bare path, as the document sent before: redrawn as before
    assert len(redrawn) == 3


def test_a_number_too_large_for_a_list_is_kept_as_text(qtbot: QtBot) -> None:
    document = empty_document()
    form = make_form(qtbot, document)
    form.set_item("i1")
    focus(qtbot, form.body)
    QTest.keyClicks(form.body, "Before.")
    type_lines(form.body, "", "", "999999. A number too large")
    assert not form.problem.isVisible()
    assert item_of(form).blocks == (
        Paragraph(text="Before."),
        Paragraph(text="999999. A number too large"),
    )


def test_typing_parses_only_the_item_once_per_keystroke(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 159)  # the longest item
    focus(qtbot, form.body)
    form.body.go_to_line(0)
    QTest.keyClick(form.body, Qt.Key.Key_End)
    calls: list[int] = []

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(text))
        return bodytext.parse_body(text, *args, **kwargs)

    monkeypatch.setattr(item_form, "parse_body", counting)
    monkeypatch.setattr(item_form, "format_body", lambda *a: pytest.fail("re-formatted"))
    QTest.keyClick(form.body, Qt.Key.Key_A)
    assert len(calls) == 1
    assert item_of(form).blocks[0] != sample_item(159).blocks[0]


# --- resolutions ----------------------------------------------------------------------------


def test_the_resolution_panel_edits_what_the_text_cannot_show(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    (group,) = form.resolutions.groups
    original = item_of(form).blocks
    resolution = original[-1]
    assert isinstance(resolution, Resolution)
    assert "That the presentation be noted." in group.text.text()

    focus(qtbot, group.proposer)
    QTest.keyClicks(group.proposer, "bonham")
    focus(qtbot, group.seconder)
    QTest.keyClicks(group.seconder, "gregg")
    for spin, typed in (
        (group.votes_for, "6"),
        (group.votes_against, "0"),
        (group.abstentions, "1"),
    ):
        focus(qtbot, spin)
        spin.selectAll()
        QTest.keyClicks(spin, typed)
    expected = resolution.model_copy(
        update={
            "proposer_id": "bonham",
            "seconder_id": "gregg",
            "votes_for": 6,
            "votes_against": 0,
            "abstentions": 1,
        }
    )
    assert item_of(form).blocks == (*original[:-1], expected)

    # Typing in the minute text changes the resolution's words and keeps the rest.
    focus(qtbot, form.body)
    go_to_end(form.body)
    QTest.keyClicks(form.body, " to members")
    changed = item_of(form).blocks[-1]
    assert isinstance(changed, Resolution)
    assert changed.resolutions[1].text.endswith("be circulated. to members")
    assert changed.model_copy(update={"resolutions": resolution.resolutions}) == expected
    assert group.text.text().endswith("to members")
    assert form.resolutions.groups == [group]  # updated in place, not rebuilt


def test_counts_outcome_and_named_votes(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    (group,) = form.resolutions.groups
    assert group.votes_for.text() == "Not recorded"
    focus(qtbot, group.outcome)
    QTest.keyClicks(group.outcome, "carr")
    QTest.mouseClick(group.named_button, Qt.MouseButton.LeftButton)
    assert group.named_table.isVisible()
    voters = list(group.named_combos)
    assert voters == ["batool", "bonham", "gregg", "moore", "singh-sangha", "eze-okubuiro"]
    for person, typed in (("moore", "ag"), ("batool", "for")):
        combo = group.named_combos[person]
        assert combo.accessibleName().startswith("Vote of ")
        focus(qtbot, combo)
        QTest.keyClicks(combo, typed)
    resolution = item_of(form).blocks[-1]
    assert isinstance(resolution, Resolution)
    assert resolution.outcome is Outcome.CARRIED
    assert resolution.named_votes == (  # in the order given: the roll as called
        NamedVote(attendee_id="moore", choice=VoteChoice.AGAINST),
        NamedVote(attendee_id="batool", choice=VoteChoice.FOR),
    )
    assert list(group.named_combos)[:2] == ["moore", "batool"]
    focus(qtbot, group.votes_for)
    group.votes_for.selectAll()
    QTest.keyClicks(group.votes_for, "1")
    resolution = item_of(form).blocks[-1]
    assert isinstance(resolution, Resolution)
    assert resolution.votes_for == 1
    for _ in range(2):
        QTest.keyClick(group.votes_for, Qt.Key.Key_Down)  # down past 0 to "Not recorded"
    assert group.votes_for.text() == "Not recorded"
    resolution = item_of(form).blocks[-1]
    assert isinstance(resolution, Resolution)
    assert resolution.votes_for is None


def test_the_lead_word_and_numbering_show_in_the_text(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    (group,) = form.resolutions.groups
    assert group.lead_word.currentText() == "AGREED (house style)"
    focus(qtbot, group.lead_word)
    QTest.keyClicks(group.lead_word, "res")
    assert "\nRESOLVED:\n" in form.body.markup_text()
    QTest.mouseClick(group.numbered, Qt.MouseButton.LeftButton)
    assert "\n- That the presentation be noted." in form.body.markup_text()
    resolution = item_of(form).blocks[-1]
    assert isinstance(resolution, Resolution)
    assert (resolution.lead_word, resolution.numbered) == ("RESOLVED", False)


def test_retyping_the_resolution_word_keeps_the_vote(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    (group,) = form.resolutions.groups
    focus(qtbot, group.proposer)
    QTest.keyClicks(group.proposer, "batool")
    focus(qtbot, form.body)
    form.body.go_to_line(line_starting(form.body, "AGREED:"))
    QTest.keyClick(form.body, Qt.Key.Key_End, SHIFT)
    QTest.keyClicks(form.body, "RESOLVED:")  # for a few keystrokes there is no resolution
    resolution = item_of(form).blocks[-1]
    assert isinstance(resolution, Resolution)
    assert (resolution.lead_word, resolution.proposer_id) == ("RESOLVED", "batool")


def test_carry_over_matches_resolutions_by_text_when_one_appears_or_goes() -> None:
    first = Resolution(resolutions=(ListEntry(text="One"),), proposer_id="a")
    second = Resolution(resolutions=(ListEntry(text="Two"),), proposer_id="b")
    fresh_second = Resolution(resolutions=(ListEntry(text="Two"),))
    memory: dict[Any, Any] = {}
    # The first vanishes: the second keeps its own proposer, and the first is remembered.
    assert carry_over((fresh_second,), (first, second), memory) == (second,)
    fresh_first = Resolution(resolutions=(ListEntry(text="One"),))
    assert carry_over((fresh_first, fresh_second), (second,), memory) == (first, second)
    # The same number as before: by order, as parse_body does.
    edited = Resolution(resolutions=(ListEntry(text="One, edited"),))
    assert carry_over((edited,), (first,)) == (
        first.model_copy(update={"resolutions": edited.resolutions}),
    )


# --- public questions -----------------------------------------------------------------------


def test_public_questions_of_minute_156(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 156)
    (group,) = form.questions.groups
    assert group.questioner.text() == "Dr Nizamuddin Patel"
    assert group.count.text() == "5 questions and 5 responses, paired by number."

    focus(qtbot, group.responder)
    group.responder.selectAll()
    QTest.keyClicks(group.responder, "The Strategic Director for Social Care and Education")
    focus(qtbot, group.responses)
    group.responses.go_to_line(0, 10_000)  # the end of the first response
    QTest.keyClicks(group.responses, " Links were strong.")
    (questions,) = item_of(form).blocks
    assert isinstance(questions, PublicQuestions)
    assert questions.responder == "The Strategic Director for Social Care and Education"
    assert questions.responses[0].text.endswith("support improvement. Links were strong.")
    assert questions.responses[3:] == sample_item(156).blocks[0].responses[3:]  # type: ignore[union-attr]

    # Delete the last response (with its nested list): the counts no longer pair up.
    group.responses.go_to_line(line_starting(group.responses, "5. "))
    QTest.keyClick(group.responses, Qt.Key.Key_End, CTRL | SHIFT)
    QTest.keyClick(group.responses, Qt.Key.Key_Backspace)
    (questions,) = item_of(form).blocks
    assert isinstance(questions, PublicQuestions)
    assert len(questions.responses) == 4
    assert "5 questions and 4 responses" in group.count.text()
    assert group.count.text().startswith("⚠")


def test_adding_public_questions(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 155)
    assert form.questions.groups == []
    QTest.mouseClick(form.questions.add_button, Qt.MouseButton.LeftButton)
    (group,) = form.questions.groups
    settle()
    assert group.questioner.hasFocus()
    QTest.keyClicks(group.questioner, "Mrs Jane Smith")
    focus(qtbot, group.questions)
    type_lines(group.questions, "1. Why?", "When?")
    blocks = item_of(form).blocks
    assert blocks[-1] == PublicQuestions(
        questioner="Mrs Jane Smith",
        questions=(ListEntry(text="Why?"), ListEntry(text="When?")),
    )
    assert form.body.markup_text().endswith("\n\n[public questions: Mrs Jane Smith]")
    assert "2 questions and 0 responses" in group.count.text()
    QTest.mouseClick(group.remove_button, Qt.MouseButton.LeftButton)
    assert not any(isinstance(b, PublicQuestions) for b in item_of(form).blocks)
    assert form.questions.groups == []


# --- the item's own fields ------------------------------------------------------------------


def test_exemption(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 160)
    assert not form.reason.isEnabled()
    QTest.mouseClick(form.exempt, Qt.MouseButton.LeftButton)
    assert item_of(form).exempt
    assert form.reason.isEnabled()
    assert form.heading.text().endswith("(exempt)")
    focus(qtbot, form.reason)
    QTest.keyClicks(form.reason, "Paragraph 3")
    assert item_of(form).exempt_reason == "Paragraph 3"


def test_alt_r_straight_after_ticking_exempt_takes_the_typed_reason(qtbot: QtBot) -> None:
    # Alt+X ticks the box at once (not a moment later, as a click drawn on screen would), so
    # that Alt+R pressed straight after finds the reason field open.
    document = sample_document()
    form = make_form(qtbot, document, 160)
    focus(qtbot, form.title)
    QTest.keyClick(form.title, Qt.Key.Key_X, ALT)
    assert form.exempt.hasFocus()
    assert form.exempt.isChecked() and item_of(form).exempt
    QTest.keyClick(form.exempt, Qt.Key.Key_R, ALT)
    assert form.reason.hasFocus()
    QTest.keyClicks(form.reason, "Paragraph 1")
    assert item_of(form).exempt_reason == "Paragraph 1"
    QTest.keyClick(form.reason, Qt.Key.Key_X, ALT)  # and off again, at once
    assert not item_of(form).exempt
    assert not form.reason.isEnabled()


def test_an_item_deleted_elsewhere_leaves_the_form_empty(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 155)
    document.remove(("items",), 155 - FIRST, "Delete minute 155")
    assert form.pages.currentWidget() is form.nothing
    document.undo_stack.undo()
    assert form.pages.currentWidget() is form.content


def test_the_form_follows_its_item_when_items_move(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 155)
    document.move(("items",), 155 - FIRST, 0, "Move minute 155")
    assert form.heading.text() == "149. Chair's Announcements"
    focus(qtbot, form.title)
    QTest.keyClicks(form.title, "!")
    assert document.meeting.items[0].title == "Chair's Announcements!"


# --- follow-up actions ----------------------------------------------------------------------


def test_follow_up_actions(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 155)
    panel = form.actions_panel
    QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = panel.table.indexWidget(panel.table.currentIndex())
    assert isinstance(editor, QPlainTextEdit)
    QTest.keyClicks(editor, "Circulate the slides")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.indexWidget(panel.table.currentIndex()) is None)
    for column, typed in ((OWNER, "Scrutiny Officer"), (DUE, "23/9/2025")):
        panel.table.go_to(0, column, edit=True)
        line = panel.table.indexWidget(panel.table.currentIndex())
        assert isinstance(line, QLineEdit)
        line.selectAll()
        QTest.keyClicks(line, typed)
        QTest.keyClick(line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.table.indexWidget(panel.table.currentIndex()) is None)
    panel.table.go_to(0, DONE)
    QTest.keyClick(panel.table, Qt.Key.Key_Space)
    (action,) = item_of(form).actions
    assert action.model_dump(exclude={"id"}) == FollowUp(
        action="Circulate the slides",
        owner="Scrutiny Officer",
        due=dt.date(2025, 9, 23),
        done=True,
    ).model_dump(exclude={"id"})
    assert panel.model.data(panel.model.index(0, DUE)) == "23/09/2025"

    QTest.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert item_of(form).actions == ()
    document.undo_stack.undo()
    assert item_of(form).actions == (action,)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def in_view(form: ItemForm, widget: QWidget) -> bool:
    """Whether what can show of `widget` (a cell editor is cut off by its table) shows in the
    panels' scrolling view, or as much of it as fits."""
    view = form.panels.viewport()
    place = QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not view:
        place = place.intersected(QRect(parent.mapTo(view, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    shown = view.rect().intersected(place)
    return not place.isEmpty() and shown.height() >= min(place.height(), view.height() // 2)


def test_a_field_getting_the_focus_in_the_panels_is_scrolled_into_view(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    form.resize(700, 560)
    settle()
    form.panels.verticalScrollBar().setValue(0)
    focus(qtbot, form.title)
    QTest.keyClick(form.title, Qt.Key.Key_C, ALT)  # Add action: the new row, ready to type
    table = form.actions_panel.table
    qtbot.waitUntil(lambda: table.isAncestorOf(focused()))
    settle()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit | QPlainTextEdit)
    qtbot.waitUntil(lambda: in_view(form, editor), timeout=1000)  # once the panels have grown
    QTest.keyClicks(editor, "Circulate the report")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert item_of(form).actions[-1].action == "Circulate the report"

    # Every field of the panels, reached with Tab from the minute text, comes into view.
    focus(qtbot, form.body)
    QTest.keyClick(form.body, Qt.Key.Key_Tab, CTRL)
    seen = 0
    area = form.panels.widget()
    assert area is not None
    while area.isAncestorOf(widget := focused()):
        settle()
        assert in_view(form, widget), widget.objectName()
        seen += 1
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert seen >= 10


@pytest.mark.parametrize("minute", [158, 159])
def test_at_1366_by_768_a_resolution_shows_whole_beside_the_minute_text(
    qtbot: QtBot, minute: int
) -> None:
    # Maximised on a 1366x768 laptop the form gets about 700 by 560 pixels: a resolution's
    # fields must show together, without scrolling, and leave the minute text room to type.
    document = sample_document()
    form = make_form(qtbot, document)
    form.resize(700, 560)
    form.set_item(document.meeting.items[minute - FIRST].id)
    settle()
    group = form.resolutions.groups[-1]
    fields = [
        group.lead_word, group.numbered, group.proposer, group.seconder, group.votes_for,
        group.votes_against, group.abstentions, group.outcome, group.named_button,
    ]  # fmt: skip
    focus(qtbot, group.proposer)
    settle()
    hidden = [field.objectName() for field in fields if not in_view(form, field)]
    assert hidden == []
    line = form.body.fontMetrics().lineSpacing()
    assert form.body.viewport().height() >= 6 * line  # six lines of minute text at least
    assert form.minimumSizeHint().height() <= 560


def test_a_due_date_that_is_not_a_date_is_refused(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 161)
    panel = form.actions_panel
    assert panel.model.data(panel.model.index(0, DUE)) == "23/09/2025"
    assert not panel.model.setData(panel.model.index(0, DUE), "31/02/2025")
    messages = form.context.messages
    assert isinstance(messages, RecordedMessages)
    assert messages.shown[-1][0] == "warning"
    assert parse_due("") is None
    assert parse_due("2025-09-23") == parse_due("23.09.25") == dt.date(2025, 9, 23)


# --- going to a finding's field, and telling the preview where the cursor is ----------------


def test_focus_path(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    index = 158 - FIRST

    assert form.focus_path(("items", index, "title"))
    qtbot.waitUntil(form.title.hasFocus)
    assert form.focus_path(("items", index, "blocks", 5, "entries", 2, "text"))
    qtbot.waitUntil(form.body.hasFocus)
    line = form.body.textCursor().blockNumber()
    assert form.body.markup_text().split("\n")[line].startswith("- Clarification was sought")
    assert form.focus_path(("items", index, "blocks", 6, "resolutions", 1, "text"))
    line = form.body.textCursor().blockNumber()
    assert form.body.markup_text().split("\n")[line].startswith("2. That the minutes")
    assert form.focus_path(("items", index, "blocks", 4))
    line = form.body.textCursor().blockNumber()
    assert form.body.markup_text().split("\n")[line].startswith("The Committee were invited")
    (group,) = form.resolutions.groups
    assert form.focus_path(("items", index, "blocks", 6, "seconder_id"))
    qtbot.waitUntil(group.seconder.hasFocus)
    assert form.focus_path(("items", index, "blocks", 6, "named_votes", 0))
    assert group.named_table.isVisible()
    assert form.focus_path(("items", index, "exempt_reason"))  # not exempt: the check box
    qtbot.waitUntil(form.exempt.hasFocus)
    assert form.focus_path(("items", index, "actions", 1, "owner"))
    qtbot.waitUntil(form.actions_panel.table.hasFocus)
    current = form.actions_panel.table.currentIndex()
    assert (current.row(), current.column()) == (1, OWNER)
    assert not form.focus_path(("items", index + 1, "title"))
    assert not form.focus_path(("attendance", 0, "name"))

    form.set_item(document.meeting.items[156 - FIRST].id)
    settle()
    (questions,) = form.questions.groups
    assert form.focus_path(("items", 156 - FIRST, "blocks", 0, "responses", 3, "text"))
    qtbot.waitUntil(questions.responses.hasFocus)
    line = questions.responses.textCursor().blockNumber()
    assert questions.responses.markup_text().split("\n")[line].startswith("4. Leicester")
    assert form.focus_path(("items", 156 - FIRST, "blocks", 0, "responder"))
    qtbot.waitUntil(questions.responder.hasFocus)


def test_the_form_says_which_block_the_cursor_is_in(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    focus(qtbot, form.body)
    with qtbot.waitSignal(form.block_changed) as blocker:
        form.body.go_to_line(line_starting(form.body, "AGREED:"))
    assert blocker.args == [("items", 158 - FIRST, "blocks", 6)]
    with qtbot.waitSignal(form.block_changed) as blocker:
        form.body.go_to_line(line_starting(form.body, "- Clarification"))
    assert blocker.args == [("items", 158 - FIRST, "blocks", 5)]


def test_ctrl_z_in_a_field_is_the_meeting_s_undo(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 158)
    (group,) = form.resolutions.groups
    focus(qtbot, group.votes_for)
    group.votes_for.selectAll()
    QTest.keyClicks(group.votes_for, "7")
    focus(qtbot, form.title)
    QTest.keyClick(form.title, Qt.Key.Key_End)
    QTest.keyClicks(form.title, " (part 1)")
    steps = document.undo_stack.index()
    QTest.keyClick(form.title, Qt.Key.Key_Z, CTRL)
    assert document.undo_stack.index() == steps - 1
    assert item_of(form).title == "Introduction to CYPE Scrutiny Commission"
    assert form.title.text() == "Introduction to CYPE Scrutiny Commission"
    QTest.keyClick(form.title, Qt.Key.Key_Z, CTRL)  # and on, into the other field's edit
    resolution = item_of(form).blocks[-1]
    assert isinstance(resolution, Resolution)
    assert resolution.votes_for is None
    QTest.keyClick(group.votes_for, Qt.Key.Key_Y, CTRL)
    QTest.keyClick(group.votes_for, Qt.Key.Key_Y, CTRL)
    assert item_of(form).title == "Introduction to CYPE Scrutiny Commission (part 1)"
    assert group.votes_for.value() == 7


# --- names and order --------------------------------------------------------------------------


def test_ctrl_tab_leaves_the_text_for_the_panels_in_order(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 156)
    focus(qtbot, form.body)
    QTest.keyClick(form.body, Qt.Key.Key_Tab, CTRL)
    (questions,) = form.questions.groups
    assert questions.questioner.hasFocus()
    form.set_item(document.meeting.items[158 - FIRST].id)
    settle()
    focus(qtbot, form.body)
    QTest.keyClick(form.body, Qt.Key.Key_Tab, CTRL)
    group = form.resolutions.groups[0]
    assert group.lead_word.hasFocus()  # the resolution first: the buttons that add come after
    for _ in range(20):
        if group.details_button.hasFocus():
            break
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
    QTest.keyClick(group.details_button, Qt.Key.Key_Tab)  # its parts closed: passed over
    assert form.questions.add_button.hasFocus()
    QTest.keyClick(form.questions.add_button, Qt.Key.Key_Tab)
    assert form.tables.add_button.hasFocus()
    QTest.keyClick(form.tables.add_button, Qt.Key.Key_Tab)
    assert form.notices.add_button.hasFocus()
    focus(qtbot, form.body)
    QTest.keyClick(form.body, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert form.exempt.hasFocus()  # the reason is disabled: the item is not exempt


def test_every_editable_widget_is_named_for_screen_readers(qtbot: QtBot) -> None:
    document = sample_document()
    form = make_form(qtbot, document, 156)
    form.set_item(document.meeting.items[158 - FIRST].id)
    form.set_item(document.meeting.items[156 - FIRST].id)
    QApplication.processEvents()
    editable: list[QWidget] = [*form.findChildren(QLineEdit), *form.findChildren(QPlainTextEdit)]
    editable += [*form.findChildren(QComboBox), *form.findChildren(QAbstractSpinBox)]
    editable += [*form.findChildren(QCheckBox), *form.findChildren(QAbstractButton)]
    for widget in editable:
        if widget.objectName().startswith("qt_") or not widget.isVisibleTo(form):
            continue  # the parts Qt builds into spin boxes and tables
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    assert form.body.accessibleName() == "Minute text"
    assert format_body(sample_item(156).blocks, "AGREED") == form.body.markup_text()


def test_the_styles_own_resolution_word_starts_a_resolution_as_it_is_typed(
    qtbot: QtBot, user_data: Path
) -> None:
    """A council whose minutes say DETERMINED: the editor reads the line as the parser does."""
    import shutil

    from clerk_app.render.styles import builtin_styles_dir

    mine = user_data / "styles" / "determined"
    shutil.copytree(builtin_styles_dir() / "leicester", mine)
    toml = mine / "style.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            'resolution_word = "AGREED"', 'resolution_word = "DETERMINED"'
        ),
        encoding="utf-8",
    )
    meeting = Meeting(date=dt.date(2025, 6, 18), house_style="determined", items=(Item(id="i1"),))
    document = MeetingDocument(meeting)
    styles = available_styles(user_data / "styles")
    form = ItemForm(document, FormContext(styles, RecordedMessages()))
    qtbot.addWidget(form)
    form.resize(900, 900)
    form.show()
    form.set_item("i1")
    settle()
    focus(qtbot, form.body)
    type_lines(form.body, "The report was considered.", "DETERMINED:", "1. That it be noted.")
    assert form.body.highlighter.kind("DETERMINED:") == "resolution"
    blocks = item_of(form).blocks
    assert [b.type for b in blocks] == ["paragraph", "resolution"]
