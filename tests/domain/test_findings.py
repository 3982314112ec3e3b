import datetime as dt
from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.domain.findings import (
    FieldPath,
    Finding,
    FindingKind,
    Severity,
    check_meeting,
    numbering_findings,
)
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    Adjournment,
    Attendance,
    AttendanceStatus,
    BreakKind,
    Interest,
    Item,
    ListEntry,
    Meeting,
    MeetingStatus,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    Outcome,
    Paragraph,
    Person,
    PublicQuestions,
    Reading,
    Resolution,
    Role,
    RollCallEntry,
    Section,
    Session,
    Speaker,
    StandingItem,
    VoteChoice,
)
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.storage import load_meeting

PLAIN = HouseStyle(name="plain", display_name="Plain")


def base(**changes: object) -> Meeting:
    """A small meeting with nothing wrong with it."""
    meeting = Meeting(
        authority="Anytown Parish Council",
        body="Full Council",
        date=dt.date(2025, 6, 18),
        start_time=dt.time(19, 0),
        close_time=dt.time(21, 0),
        attendance=(
            Attendance(id="chair", person=Person(title="Cllr", name="Ames"), role=Role.CHAIR),
            Attendance(id="b", person=Person(title="Cllr", name="Bell")),
            Attendance(id="c", person=Person(title="Cllr", name="Cole")),
        ),
        items=(
            Item(
                id="dec",
                title="Declarations",
                standing=StandingItem.DECLARATIONS,
                blocks=(Paragraph(text="None."),),
            ),
            Item(id="x", title="Budget", blocks=(Paragraph(text="Discussed."),)),
        ),
    )
    return meeting.model_copy(update=changes)


def messages(meeting: Meeting) -> list[str]:
    return [f.message for f in check_meeting(meeting, PLAIN)]


def only(meeting: Meeting) -> Finding:
    (finding,) = check_meeting(meeting, PLAIN)
    return finding


def test_a_clean_meeting_has_no_findings() -> None:
    assert check_meeting(base(), PLAIN) == []


def test_the_sample_has_no_findings(sample: Meeting, leicester) -> None:  # type: ignore[no-untyped-def]
    """The style's own way of writing times is `check-style`'s business, not this meeting's."""
    assert check_meeting(sample, leicester.style) == []


def test_chair_not_present() -> None:
    meeting = base()
    away = meeting.attendance[0].model_copy(update={"status": AttendanceStatus.APOLOGIES})
    finding = only(meeting.model_copy(update={"attendance": (away, *meeting.attendance[1:])}))
    assert finding.severity is Severity.ERROR
    assert "The chair, Cllr Ames, is not marked present" in finding.message
    assert finding.path == ("attendance", 0, "status")


def test_two_chairs_and_no_chair() -> None:
    meeting = base()
    second = meeting.attendance[1].model_copy(update={"role": Role.CHAIR})
    assert "More than one person is marked as chair: Cllr Ames, Cllr Bell." in messages(
        meeting.model_copy(
            update={"attendance": (meeting.attendance[0], second, meeting.attendance[2])}
        )
    )
    assert "Nobody in the attendance list is marked as chair." in messages(
        meeting.model_copy(update={"attendance": meeting.attendance[1:]})
    )


def test_item_with_no_title() -> None:
    meeting = base()
    finding = only(
        meeting.model_copy(
            update={"items": (meeting.items[0], meeting.items[1].model_copy(update={"title": ""}))}
        )
    )
    assert finding.message == "Minute 2 has no title."
    assert finding.path == ("items", 1, "title")


def test_declaration_by_someone_not_in_attendance() -> None:
    finding = only(base(interests=(Interest(attendee_id="ghost", interest="owns land"),)))
    assert finding.message == "Declaration 1 names someone who is not in the attendance list."
    assert finding.path == ("interests", 0, "attendee_id")


def test_declaration_problems() -> None:
    meeting = base(interests=(Interest(attendee_id="b", interest="", item_id="gone"),))
    assert messages(meeting) == [
        "Declaration 1 does not say what the interest is.",
        "Declaration 1 refers to an item that no longer exists.",
    ]
    no_item = base(
        items=(Item(id="x", title="Budget", blocks=(Paragraph(text="y"),)),),
        interests=(Interest(attendee_id="b", interest="z"),),
    )
    assert "no 'Declarations of Interest' item" in only(no_item).message


def test_minute_numbers_run_on_from_the_previous_meeting() -> None:
    previous = base(  # minutes 140 and 141, confirmed (else: "never confirmed")
        date=dt.date(2025, 5, 22),
        first_minute_number=140,
        status=MeetingStatus.APPROVED,
        confirmed_on=dt.date(2025, 6, 18),
    )
    follows = base(first_minute_number=142)
    assert check_meeting(follows, PLAIN, previous) == []
    finding = only_with(base(first_minute_number=141), previous)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute numbers 141 to 141 were already used at the meeting of 22 May 2025, which ended at minute 141."
    )
    assert finding.path == ("first_minute_number",)
    gap = only_with(base(first_minute_number=149), previous)
    assert gap.severity is Severity.WARNING
    assert (
        gap.message
        == "The meeting of 22 May 2025 ended at minute 141, so numbering skips 142 to 148."
    )


@pytest.fixture(scope="module")
def parish() -> StyleFolder:
    return find_style("parish")


@pytest.fixture(scope="module")
def parish_meeting() -> Meeting:
    """Minutes 196/20 to 204/20, on 12 November 2020."""
    return load_meeting(locations.samples_dir() / "parish-2020-11-12.minutes")


def test_numbers_that_carry_the_year_start_again_in_a_new_year(
    parish_meeting: Meeting,
    parish: StyleFolder,
) -> None:
    """1/21 is not 1/20: a January meeting starting at 1 reuses nothing and skips nothing."""
    january = parish_meeting.model_copy(
        update={"date": dt.date(2021, 1, 14), "first_minute_number": 1}
    )
    assert numbering_findings(january, parish_meeting, parish.style) == []
    assert [
        f
        for f in check_meeting(january, parish.style, parish_meeting)
        if f.path == ("first_minute_number",)
    ] == []
    runs_on = january.model_copy(update={"first_minute_number": 205})
    assert numbering_findings(runs_on, parish_meeting, parish.style) == []
    (odd,) = numbering_findings(
        january.model_copy(update={"first_minute_number": 7}), parish_meeting, parish.style
    )
    assert odd.severity is Severity.WARNING
    assert odd.path == ("first_minute_number",)
    assert odd.message == (
        "This meeting's minutes start at 7/21, but the meeting of 12 November 2020 ended at "
        "minute 204/20: minute numbers that carry the year start again at 1/21 in a new year "
        "(or run on at 205/21)."
    )


def test_numbers_with_a_new_prefix_are_a_new_run(parish_meeting: Meeting) -> None:
    style = HouseStyle(name="p", display_name="P", minute_number_format="{prefix} {number}")
    before = parish_meeting.model_copy(update={"minute_prefix": "PC"})
    after = before.model_copy(
        update={"date": dt.date(2020, 12, 10), "minute_prefix": "FC", "first_minute_number": 1}
    )
    assert numbering_findings(after, before, style) == []
    (finding,) = numbering_findings(
        after.model_copy(update={"first_minute_number": 4}), before, style
    )
    assert finding.message == (
        "This meeting's minutes start at FC 4, but the meeting of 12 November 2020 ended at "
        "minute PC 204: numbers with a new prefix start again at FC 1 (or run on at FC 205)."
    )
    (clash,) = numbering_findings(after.model_copy(update={"minute_prefix": "PC"}), before, style)
    assert clash.severity is Severity.ERROR


def test_numbers_that_carry_the_year_still_clash_within_the_year(
    parish_meeting: Meeting,
    parish: StyleFolder,
) -> None:
    december = parish_meeting.model_copy(
        update={"date": dt.date(2020, 12, 10), "first_minute_number": 200}
    )
    (finding,) = numbering_findings(december, parish_meeting, parish.style)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Minute numbers 200/20 to 204/20 were already used at the meeting of 12 November 2020, "
        "which ended at minute 204/20."
    )


def test_plain_numbers_run_on_across_a_new_year() -> None:
    """Numbers without the year do not start again: 1 in January was already used."""
    previous = base(date=dt.date(2025, 12, 4), first_minute_number=140)
    (finding,) = numbering_findings(base(date=dt.date(2026, 1, 8)), previous, PLAIN)
    assert finding.message == (
        "Minute numbers 1 to 2 were already used at the meeting of 4 December 2025, which ended "
        "at minute 141."
    )
    assert numbering_findings(base(first_minute_number=142), previous, PLAIN) == []
    assert numbering_findings(base(), None, PLAIN) == []


def test_a_standing_item_the_style_writes_needs_no_text_of_its_own(
    sample: Meeting,
    leicester: StyleFolder,
    parish: StyleFolder,
) -> None:
    """Leicester writes the declarations ("There were no declarations of interest") from the
    meeting's declarations; parish writes the apologies too. An item no style fills stays a
    finding."""
    emptied = {
        n: item.model_copy(update={"blocks": ()})
        for n, item in enumerate(sample.items)
        if item.standing in (StandingItem.WELCOME_AND_APOLOGIES, StandingItem.DECLARATIONS)
    }
    meeting = sample.model_copy(
        update={"items": tuple(emptied.get(n, item) for n, item in enumerate(sample.items))}
    )
    assert messages_in(meeting, leicester.style) == ["Minute 149 has no minute text."]
    assert messages_in(meeting, parish.style) == []
    assert messages_in(meeting, PLAIN) == [
        "Minute 149 has no minute text.",
        "Minute 150 has no minute text.",
    ]


def messages_in(meeting: Meeting, style: HouseStyle) -> list[str]:
    """The record's own findings (checked in a style not its own, the Leicester sample breaks the
    parish's house rules, "Cllr" for "Councillor": that is the house style's concern)."""
    return [f.message for f in check_meeting(meeting, style) if f.kind is FindingKind.RECORD]


def only_with(meeting: Meeting, previous: Meeting) -> Finding:
    (finding,) = check_meeting(
        meeting,
        HouseStyle(name="p", display_name="P", short_date_format="{d} {month} {yyyy}"),
        previous,
    )
    return finding


def test_meeting_header_rules() -> None:
    assert "The meeting closes (18:00) before it starts (19:00)." in messages(
        base(close_time=dt.time(18, 0))
    )
    assert "The minutes are marked approved but have no confirmation date." in messages(
        base(status=MeetingStatus.APPROVED)
    )
    assert "The minutes are confirmed before the meeting took place." in messages(
        base(status=MeetingStatus.APPROVED, confirmed_on=dt.date(2025, 1, 1))
    )
    assert "The meeting has no committee or body name." in messages(base(body=""))


def test_attendance_rules() -> None:
    meeting = base()
    odd = Attendance(
        person=Person(name=""),
        status=AttendanceStatus.SUBSTITUTE,
        arrived_at=dt.time(20, 0),
        left_at=dt.time(19, 30),
        present_from_item="x",
        present_to_item="dec",
    )
    found = messages(meeting.model_copy(update={"attendance": (*meeting.attendance, odd)}))
    assert "Attendance row 4 has no name." in found
    assert "an unnamed person is a substitute but not for whom." in found
    assert "an unnamed person leaves before arriving." in found
    assert "an unnamed person is present to an item before the one they are present from." in found


def test_public_questions_pair_up() -> None:
    block = PublicQuestions(
        questioner="Dr Patel",
        questions=(ListEntry(text="Q1"), ListEntry(text="Q2")),
        responder="",
        responses=(ListEntry(text="A1"),),
    )
    found = messages(
        base(
            items=(Item(id="dec", title="D", standing=StandingItem.DECLARATIONS, blocks=(block,)),)
        )
    )
    assert "Minute 1: the responses do not say who gave them." in found
    assert "Minute 1: 2 questions but 1 responses; they are paired by number." in found


def test_resolution_votes() -> None:
    votes = Resolution(
        resolutions=(ListEntry(text="That the budget be approved."),),
        proposer_id="b",
        seconder_id="b",
        votes_for=2,
        votes_against=3,
        named_votes=(
            NamedVote(attendee_id="b", choice=VoteChoice.FOR),
            NamedVote(attendee_id="nobody", choice=VoteChoice.AGAINST),
        ),
        outcome=Outcome.CARRIED,
    )
    found = messages(
        base(
            items=(Item(id="dec", title="D", standing=StandingItem.DECLARATIONS, blocks=(votes,)),)
        )
    )
    assert "Minute 1: the proposer also seconded the motion." in found
    assert "Minute 1: named vote 2 is by someone not in the attendance list." in found
    assert "Minute 1: 2 recorded for 'for' but 1 named." in found
    assert (
        "Minute 1: the motion is marked carried with 2 for and 3 against (a chair's casting vote should be minuted)."
        in found
    )


@pytest.mark.parametrize("severity", list(Severity))
def test_finding_prints_with_its_severity(severity: Severity) -> None:
    assert str(Finding(severity, "x")) == f"{severity.value}: x"


# --- private business that the public copy would publish -------------------------------------


def _untick(meeting: Meeting, item_id: str) -> Meeting:
    items = tuple(
        i.model_copy(update={"exempt": False}) if i.id == item_id else i for i in meeting.items
    )
    return meeting.model_copy(update={"items": items})


def test_an_item_after_the_exclusion_not_marked_exempt_is_an_error(
    parish_meeting: Meeting, parish: StyleFolder
) -> None:
    """One Alt+X too few and the staffing minute went into the public copy unremarked."""
    assert not [f for f in check_meeting(parish_meeting, parish.style) if "exempt" in f.message]
    staffing = _untick(parish_meeting, "staffing")
    n = staffing.item_index("staffing")
    assert n is not None
    found = [f for f in check_meeting(staffing, parish.style) if f.path == ("items", n, "exempt")]
    assert found == [
        Finding(
            Severity.ERROR,
            "Minute 204/20 follows the exclusion of the press and public but is not marked "
            "exempt: its content will be in the public copy.",
            ("items", n, "exempt"),
        )
    ]


def test_a_reason_for_exclusion_without_the_tick_is_an_error() -> None:
    items = (*base().items, Item(id="hr", title="Staffing", exempt_reason="paragraph 1"))
    assert messages(base(items=items))[-1] == (
        "Minute 3 gives a reason for excluding the public but is not marked exempt: its "
        "content will be in the public copy."
    )


def test_the_exclusion_item_itself_and_ticked_items_are_not_queried() -> None:
    items = (
        *base().items,
        Item(
            id="excl",
            title="Exclusion of the Press and Public",
            standing=StandingItem.EXCLUSION_OF_PUBLIC,
            blocks=(Paragraph(text="RESOLVED: that the public be excluded."),),
        ),
        Item(
            id="hr",
            title="Staffing",
            exempt=True,
            exempt_reason="paragraph 1",
            blocks=(Paragraph(text="Noted."),),
        ),
    )
    assert messages(base(items=items)) == []


def test_check_no_longer_says_no_problems_for_an_unticked_private_item(
    parish_meeting: Meeting, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from clerk_app.cli import main
    from clerk_app.storage import save_meeting

    path = tmp_path / "parish.minutes"
    save_meeting(_untick(parish_meeting, "staffing"), path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "no problems found" not in out
    assert (
        "error: Minute 204/20 follows the exclusion of the press and public but is not marked "
        "exempt" in out
    )


def test_someone_present_only_for_exempt_items_but_named_at_a_public_one_is_queried() -> None:
    meeting = base(
        attendance=(
            *base().attendance,
            Attendance(
                id="hr",
                person=Person(name="Pat Doe"),
                present_from_item="secret",
                present_to_item="secret",
            ),
        ),
        items=(
            *base().items,
            Item(
                id="vote",
                title="Roads",
                blocks=(Resolution(resolutions=(ListEntry(text="Agreed."),), proposer_id="hr"),),
            ),
            Item(
                id="secret",
                title="Staffing",
                exempt=True,
                exempt_reason="paragraph 1",
                blocks=(Paragraph(text="Noted."),),
            ),
        ),
    )
    assert messages(meeting) == [
        "Pat Doe is present only for exempt items but is named at minute 3: the public copy "
        "leaves the name out there. Correct the part attendance if they were present for it."
    ]


# --- format 2 -------------------------------------------------------------------------------------


def _with_items(*items: Item, **changes: object) -> Meeting:
    return base(items=(base().items[0], *items), **changes)


def _found(meeting: Meeting) -> dict[str, FieldPath]:
    return {f.message: f.path for f in check_meeting(meeting, PLAIN)}


def test_a_sub_item_whose_parent_is_not_earlier_is_numbered_as_a_main_item() -> None:
    above = _with_items(
        Item(id="kid", title="Grants", parent_id="x", blocks=(Paragraph(text="a"),)),
        Item(id="x", title="Budget", blocks=(Paragraph(text="b"),)),
    )
    assert _found(above) == {
        "Minute 2 is a sub-item of an item that does not come before it, so it is numbered "
        "as a main item.": ("items", 1, "parent_id")
    }
    gone = _with_items(Item(id="kid", title="Grants", parent_id="gone", blocks=(Paragraph(),)))
    assert any("a sub-item of an item that no longer exists" in m for m in messages(gone))
    fine = _with_items(
        Item(id="x", title="Budget", blocks=(Paragraph(text="b"),)),
        Item(id="kid", title="Grants", parent_id="x", blocks=(Paragraph(text="a"),)),
    )
    assert check_meeting(fine, PLAIN) == []


def test_sections_and_sessions_that_no_longer_exist() -> None:
    meeting = _with_items(
        Item(id="x", title="Budget", section_id="s", session_id="t", blocks=(Paragraph(text="b"),))
    )
    assert _found(meeting) == {
        "Minute 2 is in a section that no longer exists.": ("items", 1, "section_id"),
        "Minute 2 is in a session that no longer exists.": ("items", 1, "session_id"),
    }
    there = meeting.model_copy(
        update={"sections": (Section(id="s", title="Part A"),), "sessions": (Session(id="t"),)}
    )
    assert check_meeting(there, PLAIN) == []


def test_two_items_with_one_label_and_an_unnumbered_item_named_by_its_title() -> None:
    meeting = _with_items(
        Item(id="x", title="Budget", label="4.1", blocks=(Paragraph(text="b"),)),
        Item(id="y", title="Grants", label="4.1", blocks=(Paragraph(text="c"),)),
        Item(id="z", title="Apologies", numbered=False),
    )
    assert _found(meeting) == {
        "Two items have the label 4.1: 'Budget' and 'Grants'.": ("items", 2, "label"),
        "The item 'Apologies' has no minute text.": ("items", 3, "blocks"),
    }


def _motion(**fields: object) -> Resolution:
    return Resolution(resolutions=(ListEntry(text="That it be done."),)).model_copy(update=fields)


def test_related_motions_refer_to_an_earlier_motion_of_the_same_item() -> None:
    original = _motion(id="m")
    amendment = _motion(kind=MotionKind.AMENDMENT, relates_to="m")
    assert (
        check_meeting(_with_items(Item(id="x", title="B", blocks=(original, amendment))), PLAIN)
        == []
    )
    backwards = _with_items(Item(id="x", title="B", blocks=(amendment, original)))
    assert _found(backwards) == {
        "Minute 2: the motion refers to a motion that is not earlier in this minute.": (
            "items",
            1,
            "blocks",
            0,
            "relates_to",
        )
    }
    other_item = _with_items(
        Item(id="w", title="A", blocks=(original,)), Item(id="x", title="B", blocks=(amendment,))
    )
    assert (
        "Minute 3: the motion refers to a motion that is not earlier in this minute."
        in messages(other_item)
    )
    loose = _with_items(
        Item(id="x", title="B", blocks=(_motion(kind=MotionKind.SUBSTITUTE),)),
        Item(id="y", title="C", blocks=(_motion(kind=MotionKind.SUBSTANTIVE),)),
        Item(id="z", title="D", blocks=(_motion(kind=MotionKind.AMENDMENT),)),
    )
    assert messages(loose) == [
        "Minute 2: the substitute motion does not say which motion it replaces.",
        "Minute 3: the substantive motion does not say which motion it was made from.",
        "Minute 4: the amendment does not say which motion it amends.",
    ]


def test_recorded_votes_unanimity_and_readings() -> None:
    item = Item(
        id="x",
        title="B",
        blocks=(
            _motion(recorded_vote=True, requested_by_id="ghost"),
            _motion(unanimous=True, votes_against=1),
            _motion(
                unanimous=True, named_votes=(NamedVote(attendee_id="b", choice=VoteChoice.ABSTAIN),)
            ),
            _motion(readings=(Reading.SECOND, Reading.FIRST)),
            _motion(readings=(Reading.SECOND, Reading.THIRD)),
        ),
    )
    assert _found(_with_items(item)) == {
        "Minute 2: a recorded vote was asked for but nobody's vote is recorded.": (
            "items",
            1,
            "blocks",
            0,
            "named_votes",
        ),
        "Minute 2: whoever asked for the recorded vote is not in the attendance list.": (
            "items",
            1,
            "blocks",
            0,
            "requested_by_id",
        ),
        "Minute 2: the vote is marked unanimous, but 1 voted against and 0 abstained.": (
            "items",
            1,
            "blocks",
            1,
            "unanimous",
        ),
        "Minute 2: the vote is marked unanimous, but 0 voted against and 1 abstained.": (
            "items",
            1,
            "blocks",
            2,
            "unanimous",
        ),
        "Minute 2: the readings are not in order (first, second, third), or one is given twice.": (
            "items",
            1,
            "blocks",
            3,
            "readings",
        ),
    }


def test_notices_of_motion_and_roll_calls_name_people_in_the_attendance() -> None:
    notice = NoticeOfMotion(mover_id="ghost", seconder_id="b", motion="That...", reply="Yes.")
    meeting = _with_items(
        Item(id="x", title="Notices", blocks=(notice,)),
        sessions=(
            Session(
                title="Closed Session",
                roll_call=(
                    RollCallEntry(attendee_id="b"),
                    RollCallEntry(attendee_id="nobody"),
                    RollCallEntry(attendee_id="b"),
                ),
            ),
        ),
    )
    assert _found(meeting) == {
        "The session 'Closed Session': roll call entry 2 names someone who is not in the "
        "attendance list.": ("sessions", 0, "roll_call", 1, "attendee_id"),
        "The session 'Closed Session': Cllr Bell is on the roll call twice.": (
            "sessions",
            0,
            "roll_call",
            2,
            "attendee_id",
        ),
        "Minute 2: the mover of the notice of motion is not in the attendance list.": (
            "items",
            1,
            "blocks",
            0,
            "mover_id",
        ),
        "Minute 2: the reply to the notice of motion does not say who gave it.": (
            "items",
            1,
            "blocks",
            0,
            "reply_by",
        ),
    }


def test_speakers_and_adjournments_refer_to_items_that_exist() -> None:
    meeting = base(
        speakers=(
            Speaker(person=Person(name="Ann Lee"), item_id="gone"),
            Speaker(item_id="x"),
        ),
        adjournments=(
            Adjournment(after_item_id="gone"),
            Adjournment(
                kind=BreakKind.RECESS,
                after_item_id="x",
                from_time=dt.time(20),
                to_time=dt.time(19, 50),
            ),
            Adjournment(
                from_time=dt.time(20), to_time=dt.time(19), resumed_on=dt.date(2025, 6, 25)
            ),
        ),
    )
    assert _found(meeting) == {
        "Ann Lee spoke on an item that no longer exists.": ("speakers", 0, "item_id"),
        "Speaker 2 has no name.": ("speakers", 1, "person"),
        "Adjournment 1 follows an item that no longer exists.": (
            "adjournments",
            0,
            "after_item_id",
        ),
        "Recess 2 ends (19:50) before it begins (20:00).": ("adjournments", 1, "to_time"),
    }


def test_a_person_named_only_by_a_notice_on_a_public_item_is_queried_if_present_only_for_exempt() -> (
    None
):
    meeting = _with_items(
        Item(id="x", title="Notices", blocks=(NoticeOfMotion(mover_id="c", motion="That..."),)),
        Item(
            id="y",
            title="Staffing",
            exempt=True,
            exempt_reason="Paragraph 1",
            blocks=(Paragraph(text="z"),),
        ),
    )
    people = list(meeting.attendance)
    people[2] = people[2].model_copy(update={"present_from_item": "y"})
    found = messages(meeting.model_copy(update={"attendance": tuple(people)}))
    assert any(
        "Cllr Cole is present only for exempt items but is named at minute 2" in m for m in found
    ), found


def test_a_person_named_only_by_given_and_family_names_has_a_name() -> None:
    meeting = Meeting.model_validate(
        {
            "date": "2025-03-04",
            "attendance": [
                {
                    "id": "a",
                    "person": {"title": "Councillor", "given_name": "Lucy", "family_name": "Moore"},
                },
                {"id": "b", "person": {"title": "Councillor"}},
            ],
        }
    )
    found = [f.message for f in check_meeting(meeting, PLAIN)]
    assert "Attendance row 1 has no name." not in found
    assert "Attendance row 2 has no name." in found
