"""The template context for format 2's parts: numbers, people with name parts, related motions,
recorded votes, sections, sessions, breaks, and what a public copy gives of an exempt item."""

from __future__ import annotations

import dataclasses

import pytest

from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    Adjournment,
    Attendance,
    BreakKind,
    FollowUp,
    Heading,
    Item,
    ListEntry,
    ListNumbering,
    Meeting,
    MotionKind,
    NamedVote,
    NumberedList,
    Outcome,
    Paragraph,
    Person,
    Reading,
    Resolution,
    Role,
    RollAnswer,
    RollCallEntry,
    Section,
    SectionKind,
    Session,
    SessionKind,
    Speaker,
    SpeakerKind,
    Table,
    VoteChoice,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.render.context import (
    ResolutionView,
    build_context,
    readings_text,
    rows_of,
    tally,
)
from clerk_app.render.incremental import lay_out, render_item
from clerk_app.render.styles import find_style
from clerk_app.render.text import render_text

STYLE = HouseStyle(name="t", display_name="T", minute_number_format="{prefix} {ss}/{nnn}")
DAY = "2025-03-04"


def meeting(*items: Item, **fields: object) -> Meeting:
    return Meeting.model_validate(
        {"date": DAY, "first_minute_number": 41, "minute_prefix": "C", "items": items, **fields}
    )


def test_labels_unnumbered_items_and_sub_items_take_no_running_number() -> None:
    m = meeting(
        Item(id="prelim", numbered=False),
        Item(id="a"),
        Item(id="a1", parent_id="a"),
        Item(id="a2", parent_id="a"),
        Item(id="fixed", label="A12"),
        Item(id="b"),
        Item(id="b1", parent_id="b", label="7(x)"),
        Item(id="b2", parent_id="b"),
        sequence=8,
    )
    numbering = MinuteNumbering(m, STYLE)
    assert numbering.labels() == [
        "",
        "C 08/041",
        "C 08/041.1",
        "C 08/041.2",
        "A12",
        "C 08/042",
        "7(x)",
        "C 08/042.1",
    ]
    assert numbering.numbers() == [None, 41, None, None, None, 42, None, None]
    assert (numbering.first, numbering.last) == (41, 42)
    lettered = STYLE.model_copy(
        update={"sub_item_number_format": "{parent}({a})", "minute_number_format": "{number}"}
    )
    assert MinuteNumbering(m, lettered).labels()[2:4] == ["41(a)", "41(b)"]


def test_a_style_that_does_not_number_items_shows_only_their_labels() -> None:
    style = STYLE.model_copy(update={"number_items": False})
    m = meeting(Item(id="a"), Item(id="b", label="4.1"), Item(id="c", parent_id="b"))
    assert MinuteNumbering(m, style).labels() == ["", "4.1", "4.1.1"]


def test_a_sub_item_above_its_parent_is_numbered_as_a_main_item() -> None:
    m = meeting(Item(id="child", parent_id="parent"), Item(id="parent"))
    assert MinuteNumbering(
        m, STYLE.model_copy(update={"minute_number_format": "{number}"})
    ).labels() == [
        "41",
        "42",
    ]


def test_decisions_run_from_the_first_decision_number_and_keep_their_own() -> None:
    style = STYLE.model_copy(update={"decision_number_format": "{yyyy}-{number}"})
    carried = Resolution(resolutions=(ListEntry(text="That x."),))
    m = meeting(
        Item(
            id="a",
            blocks=(
                carried,
                Resolution(kind=MotionKind.AMENDMENT, outcome=Outcome.CARRIED),
                Resolution(outcome=Outcome.LOST),
                Resolution(number="CAB/2025/14"),
                Resolution(),
            ),
        ),
        first_decision_number=117,
    )
    views = [b for b in build_context(m, style).items[0].blocks if isinstance(b, ResolutionView)]
    assert [v.number for v in views] == ["2025-117", "", "", "CAB/2025/14", "2025-118"]
    # without a first number, only the numbers given
    plain = m.model_copy(update={"first_decision_number": None})
    views = [
        b for b in build_context(plain, style).items[0].blocks if isinstance(b, ResolutionView)
    ]
    assert [v.number for v in views] == ["", "", "", "CAB/2025/14", ""]


def test_people_carry_their_name_parts() -> None:
    m = meeting(
        attendance=(
            Attendance(
                id="m",
                person=Person(title="Councillor", given_name="Lucy Ann", family_name="Moore"),
                role=Role.CHAIR,
            ),
            Attendance(id="b", person=Person(title="Councillor", name="Batool")),
            Attendance(
                id="s", person=Person(name="Jo Bloggs", short_name="J.B.", organisation="Friends")
            ),
        )
    )
    m_view, b_view, s_view = build_context(m, STYLE).attendance.everyone
    assert (m_view.name, m_view.full_name, m_view.family_name, m_view.short_name) == (
        "Councillor Lucy Ann Moore",
        "Lucy Ann Moore",
        "Moore",
        "L. A. Moore",
    )
    assert (b_view.surname, b_view.family_name, b_view.short_name) == ("Batool", "Batool", "Batool")
    assert (s_view.short_name, s_view.organisation, s_view.family_name) == (
        "J.B.",
        "Friends",
        "Bloggs",
    )


def test_the_lead_words_three_states() -> None:
    style = STYLE.model_copy(update={"resolution_word": "RESOLVED"})
    m = meeting(
        Item(
            id="a",
            blocks=(
                Resolution(resolutions=(ListEntry(text="x"),)),
                Resolution(lead_word="DETERMINED", resolutions=(ListEntry(text="y"),)),
                Resolution(lead="none", numbered=False, resolutions=(ListEntry(text="z"),)),  # type: ignore[arg-type]
            ),
        )
    )
    item = build_context(m, style).items[0]
    assert [(b.lead, b.lead_word) for b in item.blocks if isinstance(b, ResolutionView)] == [
        ("style", "RESOLVED"),
        ("given", "DETERMINED"),
        ("none", ""),
    ]
    words = [r.text for r in item.rows if r.kind == "resolution_word"]
    assert words == ["RESOLVED", "DETERMINED"]
    assert [r.text for r in item.rows if r.kind == "resolution"] == ["z"]


def test_a_recorded_vote_keeps_the_roll_call_order_and_notes() -> None:
    people = tuple(
        Attendance(id=n, person=Person(title="Councillor", name=n.title())) for n in "zay"
    )
    vote = Resolution(
        recorded_vote=True,
        requested_by_id="a",
        proposer_id="z",
        seconder_id="a",
        votes_for=1,
        votes_against=1,
        abstentions=0,
        named_votes=(
            NamedVote(attendee_id="z", choice=VoteChoice.FOR),
            NamedVote(attendee_id="a", choice=VoteChoice.AGAINST),
            NamedVote(
                attendee_id="y", choice=VoteChoice.RECUSED, note="because of a declared interest"
            ),
        ),
        readings=(Reading.FIRST, Reading.SECOND, Reading.THIRD),
    )
    style = STYLE.model_copy(
        update={
            "motion_wording": "It was moved by {proposer}, seconded by {seconder}, that {motion}"
        }
    )
    m = meeting(
        Item(
            id="i",
            blocks=(
                vote.model_copy(
                    update={"resolutions": (ListEntry(text="That the plan be approved."),)}
                ),
            ),
        ),
        attendance=people,
    )
    (view,) = build_context(m, style).items[0].blocks
    assert isinstance(view, ResolutionView) and view.named_votes is not None
    assert [(v.name, v.choice, v.note) for v in view.named_votes.roll] == [
        ("Councillor Z", "for", ""),
        ("Councillor A", "against", ""),
        ("Councillor Y", "recused", "because of a declared interest"),
    ]
    assert view.named_votes.recused == ("Councillor Y",)
    assert view.requested_by == "Councillor A" and view.requested_by_person is not None
    assert view.tally == "1-1"
    assert view.readings_text == "read a first, second and third time"
    assert view.moved == (
        "It was moved by Councillor Z, seconded by Councillor A, that the plan be approved"
    )
    kinds = [r.kind for r in rows_of((view,))]
    assert kinds.index("motion") < kinds.index("vote") < kinds.index("readings")
    assert ("named_vote", "recused") in [(r.kind, r.label) for r in rows_of((view,))]


def test_tallies_and_readings_in_words() -> None:
    assert tally(6, 0, 1) == "6-0-1"
    assert tally(6, None, None) == "6-0"
    assert tally(None, 2, 1) == ""
    assert readings_text((Reading.THIRD,)) == "read a third time"
    assert readings_text(()) == ""


def test_unanimous_without_counts_reads_all_in_favour() -> None:
    m = meeting(Item(id="i", blocks=(Resolution(unanimous=True),)))
    (view,) = build_context(m, STYLE).items[0].blocks
    assert isinstance(view, ResolutionView)
    assert (view.unanimous, view.vote_text) == (True, "all were in favour")


def test_blocks_of_format_2() -> None:
    m = meeting(
        Item(
            id="i",
            blocks=(
                Heading(text="Budget"),
                Table(
                    caption="Grants",
                    header=("To", "Sum", "Note"),
                    rows=(("Club", "500"),),
                    total=("Total", "500"),
                ),
                NumberedList(
                    start=3,
                    numbering=ListNumbering.LOWER_ROMAN,
                    entries=(ListEntry(text="x"), ListEntry(text="y")),
                ),
            ),
        )
    )
    heading, table, listed = build_context(m, STYLE).items[0].blocks
    assert heading.type == "heading" and heading.text == "Budget"
    assert table.rows == (("Club", "500", ""),) and table.total == ("Total", "500", "")  # type: ignore[union-attr]
    assert [e.marker for e in listed.entries] == ["iii", "iv"]  # type: ignore[union-attr]
    rows = build_context(m, STYLE).items[0].rows
    assert [(r.kind, r.label) for r in rows] == [
        ("heading", ""),
        ("table", ""),
        ("numbered", "iii."),
        ("numbered", "iv."),
    ]


def test_sections_sessions_breaks_and_order_of_business() -> None:
    people = (Attendance(id="p", person=Person(title="Mayor", name="Moore")),)
    m = meeting(
        Item(id="a", section_id="consent", session_id="s", agenda_number="5"),
        Item(id="b", section_id="consent", session_id="s", agenda_number="9"),
        Item(id="c", agenda_number="7"),
        sections=(Section(id="consent", title="Consent Calendar", kind=SectionKind.CONSENT),),
        sessions=(
            Session(
                id="s",
                kind=SessionKind.CLOSED,
                roll_call=(RollCallEntry(attendee_id="p", answer=RollAnswer.LATE, time="17:10"),),  # type: ignore[arg-type]
            ),
        ),
        adjournments=(
            Adjournment(
                kind=BreakKind.RECESS,
                after_item_id="b",
                from_time="19:15",  # type: ignore[arg-type]
                to_time="19:30",  # type: ignore[arg-type]
            ),
            Adjournment(after_item_id="c", from_time="21:00", resumed_on="2025-03-11"),  # type: ignore[arg-type]
        ),
        attendance=people,
        public_present=12,
        sequence=8,
    )
    context = build_context(m, STYLE)
    a, b, c = context.items
    assert (a.section_start, b.section_start, c.section is None) == (True, False, True)
    assert (a.session_start, b.session_start) == (True, False)
    assert [i.out_of_order for i in context.items] == [False, False, True]
    assert [x.text for x in b.breaks_after] == [
        "The meeting adjourned for a recess at 7:15 pm and reconvened at 7:30 pm."
    ]
    assert c.breaks_after[0].text == "The meeting adjourned at 9:00 pm until 11 March 2025."
    (session,) = context.meeting.sessions
    assert [p.name for p in session.late] == ["Mayor Moore"] and session.roll_call[
        0
    ].time == "5:10 pm"
    assert context.meeting.public_present_text == "Twelve members of the public"
    assert context.meeting.sequence_text == "8th"


def test_a_public_copy_gives_an_exempt_items_summary_and_published_resolution_only() -> None:
    secret = Item(
        id="x",
        title="Land at Mill Lane",
        exempt=True,
        exempt_reason="Paragraph 3",
        exempt_summary="The council agreed to sell the land.",
        publish_resolution=True,
        blocks=(
            Paragraph(text="The price discussed was £1m."),
            Resolution(
                motion="To sell for £1m",
                debate="Members argued about £1m.",
                resolutions=(ListEntry(text="That the land be sold."),),
            ),
        ),
    )
    m = meeting(
        secret,
        Item(id="y", title="Open"),
        speakers=(
            Speaker(kind=SpeakerKind.DEPUTATION, person=Person(name="Secret Bidder"), item_id="x"),
            Speaker(person=Person(name="Open Speaker"), item_id="y"),
        ),
    )
    public = build_context(m, STYLE, public=True)
    x, y = public.items
    assert x.withheld and x.summary == "The council agreed to sell the land."
    (resolution,) = x.blocks
    assert isinstance(resolution, ResolutionView) and resolution.withheld
    assert (resolution.motion, resolution.debate) == ("", "")
    assert resolution.resolutions[0].text == "That the land be sold."
    assert "£1m" not in repr(public)
    assert "Secret Bidder" not in repr(public)
    assert [s.name for s in y.speakers] == ["Open Speaker"]
    confidential = build_context(m, STYLE, public=False)
    assert "£1m" in repr(confidential) and "Secret Bidder" in repr(confidential)


@pytest.mark.parametrize("style", ["leicester", "parish"])
def test_a_sub_item_redrawn_alone_keeps_its_number(style: str) -> None:
    folder = find_style(style)
    m = meeting(
        Item(id="a", title="Reports", blocks=(Paragraph(text="one"),)),
        Item(id="a1", title="Finance", parent_id="a", blocks=(Paragraph(text="two"),)),
        Item(id="b", title="Other", label="A12", blocks=(Paragraph(text="three"),)),
        close_time="20:20",
    )
    layout = lay_out(m, folder, public=True)
    assert layout.incremental
    edited = m.model_copy(
        update={
            "items": (
                m.items[0],
                m.items[1].model_copy(update={"blocks": (Paragraph(text="two, edited"),)}),
                m.items[2],
            )
        }
    )
    redrawn = render_item(layout, edited, "a1", folder)
    assert redrawn is not None
    assert redrawn.text == render_text(edited, folder, public=True)
    # moving it out from under its parent changes other lines: not redrawn alone
    moved = edited.model_copy(
        update={
            "items": (
                edited.items[0],
                edited.items[1].model_copy(update={"parent_id": None}),
                edited.items[2],
            )
        }
    )
    assert render_item(layout, moved, "a1", folder) is None


def test_the_completeness_check_looks_for_format_2_text() -> None:
    from clerk_app.domain.model import NoticeOfMotion
    from clerk_app.render.completeness import EVERY_PART, first_missing

    m = meeting(
        Item(
            id="i",
            title="Grants",
            blocks=(
                Table(caption="Awarded", header=("To", "Sum"), rows=(("Hall", "£500"),)),
                NoticeOfMotion(
                    motion="That we plant trees.", reply_by="The Leader", reply="Agreed."
                ),
                Resolution(motion="That the sum be £600", resolutions=(ListEntry(text="Done."),)),
                Resolution(readings=(Reading.FIRST,), resolutions=(ListEntry(text="Read."),)),
            ),
        ),
        preamble="Held online.",
    )
    context = build_context(m, STYLE)
    whole = "Held online. 41. Grants Awarded To Sum Hall £500 That we plant trees. The Leader "
    whole += "Agreed. It was moved that the sum be £600. RESOLVED: Done. RESOLVED: Read."
    assert first_missing(whole, context, EVERY_PART) is None
    assert first_missing(whole.replace("£500", ""), context, EVERY_PART) == (
        "minute C /041",
        "£500",
    )
    assert first_missing(whole.replace("Agreed", ""), context, EVERY_PART) == (
        "minute C /041",
        "Agreed.",
    )
    assert first_missing(whole.replace("£600", ""), context, EVERY_PART) == (
        "minute C /041",
        "the sum be £600",
    )
    # the preamble is demanded only of a style that prints it
    assert first_missing(whole.replace("Held online.", ""), context, frozenset()) is None
    assert first_missing(whole.replace("Held online.", ""), context, EVERY_PART) == (
        "the preamble",
        "Held online.",
    )


def test_a_withheld_items_agenda_details_are_withheld_too() -> None:
    secret = Item(
        id="x",
        exempt=True,
        agenda_text="Sale of Mill Lane to Acme",
        recommendation="Sell to Acme",
        department="Estates",
        report_reference="EST/9",
        written_comments=4,
    )
    (public,) = build_context(meeting(secret), STYLE, public=True).items
    assert (public.agenda_text, public.recommendation, public.department) == ("", "", "")
    assert (public.report_reference, public.written_comments) == ("", None)
    (full,) = build_context(meeting(secret), STYLE, public=False).items
    assert (full.department, full.written_comments) == ("Estates", 4)


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        (
            "It was moved by {proposer}, seconded by {seconder}, that {motion}",
            "It was moved by Councillor Z that x",
        ),
        (
            "It was proposed by {proposer}, seconded by {seconder}",
            "It was proposed by Councillor Z",
        ),
        (
            "MOTION: {proposer} moved, seconded by {seconder}, to {motion}",
            "MOTION: Councillor Z moved to x",
        ),
    ],
)
def test_a_motion_without_a_seconder_loses_the_clause(wording: str, expected: str) -> None:
    people = (Attendance(id="z", person=Person(title="Councillor", name="Z")),)
    block = Resolution(proposer_id="z", resolutions=(ListEntry(text="x."),))
    style = STYLE.model_copy(update={"motion_wording": wording})
    (view,) = (
        build_context(meeting(Item(id="i", blocks=(block,)), attendance=people), style)
        .items[0]
        .blocks
    )
    assert isinstance(view, ResolutionView) and view.moved == expected


@pytest.mark.parametrize("style", ["leicester", "parish", "district", "uscity"])
def test_the_item_before_a_section_or_session_redrawn_alone_keeps_the_heading(style: str) -> None:
    folder = find_style(style)
    m = meeting(
        Item(id="a", title="Prayers", blocks=(Paragraph(text="one"),)),
        Item(
            id="b", title="Grants", section_id="p", session_id="s", blocks=(Paragraph(text="two"),)
        ),
        Item(id="c", title="Other", section_id="p", session_id="s", parent_id="b"),
        sections=(Section(id="p", title="Part A", kind=SectionKind.PART),),
        sessions=(Session(id="s", title="Open session"),),
        close_time="20:20",
    )
    layout = lay_out(m, folder, public=True)
    assert layout.incremental, style
    for item_id, n in (("a", 0), ("b", 1), ("c", 2)):
        item = m.items[n]
        edited = m.model_copy(
            update={
                "items": tuple(
                    i.model_copy(update={"title": i.title + " edited"}) if i.id == item_id else i
                    for i in m.items
                )
            }
        )
        redrawn = render_item(layout, edited, item.id, folder)
        assert redrawn is not None
        assert redrawn.text == render_text(edited, folder, public=True), (style, item_id)


def test_a_sub_items_level_and_parent_are_the_whole_meetings_when_drawn_alone() -> None:
    m = meeting(Item(id="a"), Item(id="a1", parent_id="a"), Item(id="a1x", parent_id="a1"))
    alone = m.model_copy(update={"items": (m.items[2],)})
    (view,) = build_context(alone, STYLE, numbering=MinuteNumbering(m, STYLE)).items
    assert (view.level, view.parent_number, view.number) == (2, "C /041.1", "C /041.1.1")


def test_a_break_after_an_omitted_item_follows_the_item_before() -> None:
    from clerk_app.domain.house_style import ExemptPolicy

    style = STYLE.model_copy(update={"exempt_in_public": ExemptPolicy.OMIT})
    m = meeting(
        Item(id="a"),
        Item(id="x", exempt=True),
        adjournments=(Adjournment(after_item_id="x", from_time="19:00", to_time="19:10"),),  # type: ignore[arg-type]
    )
    (a,) = build_context(m, style, public=True).items
    assert [b.from_time for b in a.breaks_after] == ["7:00 pm"]


def test_motion_sentences_that_cannot_be_made_right_are_left_to_the_style() -> None:
    people = (Attendance(id="z", person=Person(title="Councillor", name="Z")),)
    style = STYLE.model_copy(update={"motion_wording": "{proposer} moved, to {motion}"})

    def moved(block: Resolution) -> str:
        m = meeting(Item(id="i", blocks=(block,)), attendance=people)
        (view,) = build_context(m, style).items[0].blocks
        assert isinstance(view, ResolutionView)
        return view.moved

    that = Resolution(proposer_id="z", resolutions=(ListEntry(text="That the park be sold."),))
    assert moved(that) == ""
    assert moved(that.model_copy(update={"motion": "sell the park"})) == (
        "Councillor Z moved, to sell the park"
    )
    plain = Resolution(proposer_id="z", resolutions=(ListEntry(text="Adopt the budget."),))
    assert moved(plain) == "Councillor Z moved, to Adopt the budget"


@pytest.mark.parametrize("outcome", [Outcome.LOST, Outcome.WITHDRAWN, Outcome.NOT_PUT])
def test_a_motion_not_carried_is_not_led_by_the_styles_word(outcome: Outcome) -> None:
    style = STYLE.model_copy(update={"resolution_word": "RESOLVED"})
    lost = Resolution(outcome=outcome, resolutions=(ListEntry(text="That the park be sold."),))
    given = lost.model_copy(update={"lead_word": "MOVED"})
    m = meeting(Item(id="i", blocks=(lost, given)))
    first, second = build_context(m, style).items[0].blocks
    assert isinstance(first, ResolutionView) and isinstance(second, ResolutionView)
    assert (first.lead, first.lead_word) == ("none", "")
    assert (second.lead, second.lead_word) == ("given", "MOVED")


def test_one_decision_takes_one_number_when_a_motion_is_superseded() -> None:
    style = STYLE.model_copy(update={"decision_number_format": "{yyyy}-{number}"})
    m = meeting(
        Item(
            id="a",
            blocks=(
                Resolution(id="m", resolutions=(ListEntry(text="That x."),)),
                Resolution(kind=MotionKind.AMENDMENT, relates_to="m", outcome=Outcome.CARRIED),
                Resolution(kind=MotionKind.SUBSTANTIVE, relates_to="m", outcome=Outcome.CARRIED),
            ),
        ),
        first_decision_number=117,
    )
    views = [b for b in build_context(m, style).items[0].blocks if isinstance(b, ResolutionView)]
    assert [v.number for v in views] == ["", "", "2025-117"]


def test_an_item_that_names_itself_its_parent_is_a_main_item() -> None:
    m = meeting(Item(id="a"), Item(id="b", parent_id="b"), Item(id="c", parent_id="c"))
    numbering = MinuteNumbering(m, STYLE.model_copy(update={"minute_number_format": "{number}"}))
    assert numbering.labels() == ["41", "42", "43"]


def test_out_of_order_is_the_whole_meetings_when_an_item_is_drawn_alone() -> None:
    m = meeting(Item(id="a", agenda_number="5.4"), Item(id="b", agenda_number="5.3"))
    alone = m.model_copy(update={"items": (m.items[1],)})
    (view,) = build_context(alone, STYLE, numbering=MinuteNumbering(m, STYLE)).items
    assert view.out_of_order


def test_a_public_copy_keeps_session_notes_and_withholds_a_private_votes_notes() -> None:
    # A closed session's note is the report it makes in public ("went into closed session";
    # the reportable action): it is printed in every copy. A vote's note on a private item
    # ("because of an interest in the buyer") is part of the private business.
    people = (
        Attendance(id="m", person=Person(title="Councillor", name="Moore")),
        Attendance(id="p", person=Person(title="Councillor", name="Patel")),
    )
    vote = Resolution(
        resolutions=(ListEntry(text="PUBLISHED"),),
        named_votes=(NamedVote(attendee_id="p", choice=VoteChoice.AGAINST, note="SECRET-VOTE"),),
    )
    m = meeting(
        Item(id="a", title="Open"),
        Item(
            id="x",
            exempt=True,
            section_id="b",
            session_id="s",
            publish_resolution=True,
            blocks=(vote,),
        ),
        attendance=people,
        sections=(Section(id="b", kind=SectionKind.CLOSED, note="Part B note"),),
        sessions=(
            Session(
                id="s",
                kind=SessionKind.CLOSED,
                note="The Council went into closed session.",
                roll_call=(RollCallEntry(attendee_id="p", note="by teleconference"),),
            ),
        ),
        adjournments=(Adjournment(after_item_id="x", note="Recess"),),
    )
    public = repr(build_context(m, STYLE, public=True))
    assert "SECRET" not in public
    for note in (
        "Part B note",
        "The Council went into closed session.",
        "by teleconference",
        "Recess",
    ):
        assert note in public
    assert "SECRET-VOTE" in repr(build_context(m, STYLE, public=False))


def _edits(m: Meeting, item_id: str) -> list[tuple[str, Meeting]]:
    index = m.item_index(item_id)
    assert index is not None
    item = m.items[index]

    def put(new: Item) -> Meeting:
        items = list(m.items)
        items[index] = new
        return m.model_copy(update={"items": tuple(items)})

    withdrawn = tuple(
        b.model_copy(update={"outcome": Outcome.WITHDRAWN}) if isinstance(b, Resolution) else b
        for b in item.blocks
    )
    return [
        (
            "text",
            put(item.model_copy(update={"blocks": (Paragraph(text="EDITED"), *item.blocks[1:])})),
        ),
        ("title", put(item.model_copy(update={"title": item.title + " EDITED"}))),
        (
            "resolution added",
            put(
                item.model_copy(
                    update={
                        "blocks": (*item.blocks, Resolution(resolutions=(ListEntry(text="New."),)))
                    }
                )
            ),
        ),
        ("withdrawn", put(item.model_copy(update={"blocks": withdrawn}))),
        (
            "action",
            put(
                item.model_copy(update={"actions": (FollowUp(action="Act edited", owner="Clerk"),)})
            ),
        ),
    ]


@pytest.mark.parametrize("style", ["leicester", "parish", "district"])
@pytest.mark.parametrize("close", [None, "21:00"])
def test_an_item_redrawn_alone_reads_as_the_whole_minutes(style: str, close: str | None) -> None:
    folder = find_style(style)
    folder = dataclasses.replace(
        folder,
        style=folder.style.model_copy(update={"decision_number_format": "{yyyy}-{number}"}),
    )
    people = (Attendance(id="c", person=Person(title="Councillor", name="Moore"), role=Role.CHAIR),)
    m = meeting(
        Item(
            id="i1",
            title="Planning",
            agenda_number="7",
            blocks=(Paragraph(text="p"), Resolution(resolutions=(ListEntry(text="That x."),))),
            actions=(FollowUp(action="Act", owner="Clerk"),),
        ),
        Item(
            id="i2",
            title="Other",
            agenda_number="3",
            blocks=(Paragraph(text="q"), Resolution(resolutions=(ListEntry(text="That y."),))),
        ),
        attendance=people,
        first_decision_number=100,
        close_time=close,
    )
    layout = lay_out(m, folder, public=True)
    if close is None and style == "leicester":
        assert layout.incremental  # the last item's blank line no longer defeats the layout
    for item_id in ("i1", "i2"):
        for what, edited in _edits(m, item_id):
            redrawn = render_item(layout, edited, item_id, folder)
            if redrawn is not None:
                assert redrawn.text == render_text(edited, folder, public=True), (item_id, what)
