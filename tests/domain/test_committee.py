"""The committee and the next meeting prepared from it (clerk_app.domain.committee)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from clerk_app.domain.committee import (
    MATTERS_ARISING_ID,
    Committee,
    Member,
    NumberingScheme,
    NumberReset,
    RegularAttendee,
    StandingItemText,
    committee_from_meeting,
    prepare_meeting,
)
from clerk_app.domain.findings import numbering_findings
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.markup import format_body, parse_body
from clerk_app.domain.model import (
    Attendance,
    FollowUp,
    Item,
    Meeting,
    Person,
    Role,
    StandingItem,
)
from clerk_app.domain.numbering import MinuteNumbering

D = dt.date
PARISH = HouseStyle(
    name="parish",
    display_name="Parish",
    minute_number_format="{number}/{yy}",
    resolution_word="RESOLVED",
    short_date_format="{d} {month} {yyyy}",
)
LEICESTER = HouseStyle(
    name="leicester",
    display_name="Leicester",
    resolution_word="AGREED",
    short_date_format="{d} {month} {yyyy}",
)


def _meeting(day: dt.date, first: int, items: int, **fields: object) -> Meeting:
    return Meeting(
        date=day,
        body="Full Council",
        first_minute_number=first,
        items=tuple(Item(title=f"Item {n}") for n in range(items)),
        **fields,  # type: ignore[arg-type]
    )


# --- the numbering scheme ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reset", "previous", "day", "expected"),
    [
        (NumberReset.CONTINUOUS, D(2025, 3, 4), D(2025, 6, 18), 149),
        (NumberReset.CONTINUOUS, D(2024, 12, 4), D(2025, 1, 8), 149),
        # the municipal year starts in May: April to May is a new year, December to January not
        (NumberReset.MUNICIPAL_YEAR, D(2021, 4, 8), D(2021, 5, 13), 1),
        (NumberReset.MUNICIPAL_YEAR, D(2020, 12, 10), D(2021, 1, 14), 149),
        (NumberReset.MUNICIPAL_YEAR, D(2021, 5, 1), D(2021, 5, 13), 149),
        (NumberReset.CALENDAR_YEAR, D(2020, 12, 10), D(2021, 1, 14), 1),
        (NumberReset.CALENDAR_YEAR, D(2021, 4, 8), D(2021, 5, 13), 149),
    ],
)
def test_the_first_number_runs_on_or_starts_again_as_the_scheme_says(
    reset: NumberReset, previous: dt.date, day: dt.date, expected: int
) -> None:
    assert NumberingScheme(reset=reset).first_after(previous, 148, day) == expected


def test_a_first_meeting_starts_at_the_schemes_first_number() -> None:
    assert NumberingScheme(first_number=40).first_after(None, None, D(2025, 6, 1)) == 40
    scheme = NumberingScheme(reset=NumberReset.MUNICIPAL_YEAR, year_starts=4, first_number=1)
    assert scheme.year_of(D(2026, 3, 31)) == 2025
    assert scheme.year_of(D(2026, 4, 1)) == 2026


# --- the model ---------------------------------------------------------------------------------


def test_a_members_term_says_which_meetings_they_are_expected_at() -> None:
    member = Member(term_from=D(2025, 5, 20), term_to=D(2026, 5, 18))
    assert not member.serves_on(D(2025, 5, 19))
    assert member.serves_on(D(2025, 5, 20)) and member.serves_on(D(2026, 5, 18))
    assert not member.serves_on(D(2026, 5, 19))


@pytest.mark.parametrize(
    ("record", "words"),
    [
        (lambda: Member(role=Role.OFFICER), "chair, vice-chair, member or co-opted"),
        (lambda: Member(term_from=D(2025, 6, 1), term_to=D(2025, 5, 1)), "ends before it starts"),
        (lambda: RegularAttendee(role=Role.CHAIR), "officer or also present"),
        (
            lambda: Committee(members=(Member(id="a"),), attendees=(RegularAttendee(id="a"),)),
            "used twice",
        ),
        (
            lambda: Committee(
                standing_items=(StandingItemText(id=MATTERS_ARISING_ID, title="Petitions"),)
            ),
            "kept for its own item",
        ),
    ],
)
def test_a_committee_that_cannot_be_is_refused(record: object, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        record()  # type: ignore[operator]


def test_the_next_date_is_the_first_of_the_years_dates_after() -> None:
    committee = Committee(meeting_dates=(D(2025, 9, 23), D(2025, 6, 18), D(2025, 10, 28)))
    assert committee.next_date(D(2025, 6, 18)) == D(2025, 9, 23)
    assert committee.next_date(D(2025, 10, 28)) is None


# --- a committee from a meeting ------------------------------------------------------------


def test_a_meeting_gives_its_committee_without_its_own_words(sample: Meeting) -> None:
    committee = committee_from_meeting(sample)
    assert committee.name == sample.body and committee.authority == sample.authority
    assert [m.person.name for m in committee.members] == [
        "Batool",
        "Bonham",
        "Gregg",
        "Moore",
        "Singh Sangha",
        "Joycelin Eze-Okubuiro",
    ]
    assert [m.role for m in committee.members][:2] == [Role.CHAIR, Role.VICE_CHAIR]
    assert [a.capacity for a in committee.attendees] == [
        "Youth Representative",
        "Assistant City Mayor for Education",
        "Teaching Union",
    ]
    # the annual meeting's business (membership, dates, terms of reference) is not standing
    assert [s.standing for s in committee.standing_items] == [
        StandingItem.WELCOME_AND_APOLOGIES,
        StandingItem.DECLARATIONS,
        StandingItem.PREVIOUS_MINUTES,
        StandingItem.CHAIRS_ANNOUNCEMENTS,
        StandingItem.QUESTIONS,
        StandingItem.PETITIONS,
        StandingItem.WORK_PROGRAMME,
        StandingItem.ANY_OTHER_BUSINESS,
    ]
    assert all(s.text == "" for s in committee.standing_items)  # June's words stay in June
    assert committee.numbering.reset is NumberReset.CONTINUOUS


def test_a_substitute_is_not_made_a_member() -> None:
    meeting = Meeting(
        date=D(2025, 6, 18),
        attendance=(
            Attendance(id="a", person=Person(name="A")),
            Attendance(id="b", person=Person(name="B"), substitute_for="Councillor C"),
        ),
    )
    assert [m.id for m in committee_from_meeting(meeting).members] == ["a"]


def test_numbers_that_carry_the_year_start_again_each_year() -> None:
    committee = committee_from_meeting(_meeting(D(2020, 11, 12), 196, 3), PARISH)
    assert committee.numbering.reset is NumberReset.CALENDAR_YEAR


# --- the next meeting prepared ------------------------------------------------------------


def test_the_next_meeting_from_the_sample(sample: Meeting) -> None:
    style = LEICESTER
    committee = committee_from_meeting(sample, style)
    carried = (
        FollowUp(
            id="hnb", action="Circulate the figures", raised_on=sample.date, raised_minute="158"
        ),
    )
    prepared = prepare_meeting(
        committee, D(2025, 9, 23), previous=sample, carried=carried, style=style
    )
    assert prepared.first_minute_number == MinuteNumbering(sample, style).last + 1 == 164  # type: ignore[operator]
    assert prepared.body == sample.body and prepared.house_style == sample.house_style
    assert [a.id for a in prepared.attendance] == [a.id for a in sample.attendance]
    assert all(a.status == "present" and a.arrived_at is None for a in prepared.attendance)
    titles = [item.title for item in prepared.items]
    assert titles[:4] == [
        "Welcome and Apologies for Absence",
        "Declarations of Interest",
        "Minutes of the Previous Meeting",
        "Matters Arising",
    ]
    previous = prepared.items[2]
    assert previous.previous_meeting == sample.date and not previous.minutes_confirmed
    assert format_body(previous.blocks, "AGREED") == (
        "AGREED:\n\n1. That the minutes of the meeting held on 18 June 2025 be confirmed as a "
        "correct record."
    )
    arising = prepared.items[3]
    assert arising.actions == carried
    assert arising.blocks == ()  # said once, as the item's actions (the style prints them)
    assert prepared.status == "draft" and prepared.confirmed_on is None


def test_members_out_of_term_are_not_expected() -> None:
    committee = Committee(
        members=(
            Member(id="old", term_to=D(2025, 5, 19)),
            Member(id="new", term_from=D(2025, 5, 20)),
            Member(id="always"),
        ),
        attendees=(RegularAttendee(id="officer", capacity="Democratic Services Officer"),),
    )
    prepared = prepare_meeting(committee, D(2025, 6, 18))
    assert [a.id for a in prepared.attendance] == ["new", "always", "officer"]
    assert prepared.attendance[-1].role is Role.OFFICER


def test_a_first_meeting_has_no_previous_minutes_and_nothing_carried() -> None:
    committee = Committee(
        name="Audit Committee",
        standing_items=(
            StandingItemText(
                id="apologies", title="Apologies", standing=StandingItem.WELCOME_AND_APOLOGIES
            ),
            StandingItemText(id="aob", title="Any other business"),
        ),
        numbering=NumberingScheme(first_number=12, prefix="AUD"),
    )
    prepared = prepare_meeting(committee, D(2025, 6, 18))
    assert [i.id for i in prepared.items] == ["apologies", "aob"]
    assert prepared.first_minute_number == 12 and prepared.minute_prefix == "AUD"


def test_the_usual_text_is_the_minute_and_previous_stands_for_the_date() -> None:
    committee = Committee(
        standing_items=(
            StandingItemText(
                id="prev",
                title="Minutes",
                standing=StandingItem.PREVIOUS_MINUTES,
                text="RESOLVED:\n\nThat the minutes of {previous} be signed.",
            ),
            StandingItemText(id="decl", title="Declarations", text="None were made."),
        )
    )
    previous = _meeting(D(2020, 11, 12), 196, 2)
    prepared = prepare_meeting(committee, D(2020, 12, 10), previous=previous, style=PARISH)
    assert format_body(prepared.items[0].blocks) == (
        "RESOLVED:\n\nThat the minutes of 12 November 2020 be signed."
    )
    assert format_body(prepared.items[1].blocks) == "None were made."
    assert prepared.first_minute_number == 198


def test_a_committee_without_those_items_gets_them_where_a_clerk_puts_them() -> None:
    committee = Committee(
        standing_items=(
            StandingItemText(
                id="apologies", title="Apologies", standing=StandingItem.WELCOME_AND_APOLOGIES
            ),
            StandingItemText(id="decl", title="Declarations", standing=StandingItem.DECLARATIONS),
            StandingItemText(id="aob", title="Any other business"),
        )
    )
    carried = (FollowUp(id="x", action="Write to the school"),)
    prepared = prepare_meeting(
        committee, D(2025, 9, 23), previous=_meeting(D(2025, 6, 18), 1, 2), carried=carried
    )
    assert [i.id for i in prepared.items] == [
        "apologies",
        "decl",
        "previous-minutes",
        "matters-arising",
        "aob",
    ]
    # nothing carried, no matters arising item of its own
    bare = prepare_meeting(committee, D(2025, 9, 23), previous=_meeting(D(2025, 6, 18), 1, 2))
    assert "matters-arising" not in [i.id for i in bare.items]


def test_a_prepared_meeting_is_the_same_every_time() -> None:
    committee = Committee(standing_items=(StandingItemText(title="Apologies"),))
    day = D(2025, 9, 23)
    assert prepare_meeting(committee, day) == prepare_meeting(committee, day)


def test_the_sequence_runs_on() -> None:
    prepared = prepare_meeting(
        Committee(), D(2025, 9, 23), previous=_meeting(D(2025, 6, 18), 1, 1, sequence=7)
    )
    assert prepared.sequence == 8


# --- numbering findings under the scheme ------------------------------------------------------


def test_a_number_started_again_as_the_scheme_says_is_no_reuse() -> None:
    style = LEICESTER
    april, may = _meeting(D(2021, 4, 8), 140, 9), _meeting(D(2021, 5, 13), 1, 5)
    scheme = NumberingScheme(reset=NumberReset.MUNICIPAL_YEAR)
    assert numbering_findings(may, april, style) != []  # without the scheme: "already used"
    assert numbering_findings(may, april, style, scheme) == []
    ran_on = _meeting(D(2021, 5, 13), 149, 5)
    [finding] = numbering_findings(ran_on, april, style, scheme)
    assert "start again at 1 each municipal year (from May)" in finding.message
    assert "its first minute would be 1, not 149" in finding.message


def test_a_continuous_scheme_still_finds_reuse_and_gaps() -> None:
    style, scheme = LEICESTER, NumberingScheme()
    june = _meeting(D(2025, 6, 18), 149, 15)
    [reused] = numbering_findings(_meeting(D(2025, 9, 23), 160, 3), june, style, scheme)
    assert reused.severity == "error" and "already used" in reused.message
    [gap] = numbering_findings(_meeting(D(2025, 9, 23), 170, 3), june, style, scheme)
    assert "skips 164 to 169" in gap.message
    assert numbering_findings(_meeting(D(2025, 9, 23), 164, 3), june, style, scheme) == []


def test_a_new_year_in_the_number_that_the_committee_runs_on_through_is_queried() -> None:
    december, january = _meeting(D(2020, 12, 10), 205, 8), _meeting(D(2021, 1, 14), 1, 3)
    scheme = NumberingScheme(reset=NumberReset.MUNICIPAL_YEAR)
    assert numbering_findings(january, december, PARISH) == []  # 1/21 is a new run by the number
    [finding] = numbering_findings(january, december, PARISH, scheme)
    assert "would be 213/21, not 1/21" in finding.message


def test_after_a_meeting_with_only_labelled_items_numbers_run_on_from_its_start() -> None:
    labelled = Meeting(
        date=D(2025, 6, 18),
        first_minute_number=50,
        items=(Item(title="A", label="4.1"), Item(title="B", numbered=False)),
    )
    prepared = prepare_meeting(Committee(), D(2025, 9, 23), previous=labelled)
    assert prepared.first_minute_number == 50


def test_actions_of_exempt_business_go_into_an_exempt_item_at_the_end() -> None:
    committee = Committee(standing_items=(StandingItemText(id="aob", title="Any other business"),))
    prepared = prepare_meeting(
        committee,
        D(2025, 9, 23),
        carried=(FollowUp(id="open", action="Publish the report"),),
        carried_exempt=(FollowUp(id="secret", action="Negotiate with Acme"),),
        exempt_reason="Paragraph 3",
    )
    assert [(i.id, i.exempt) for i in prepared.items] == [
        ("aob", False),
        ("matters-arising", False),
        ("exclusion-of-public", False),
        ("matters-arising-exempt", True),
    ]
    assert prepared.items[-1].exempt_reason == "Paragraph 3"
    assert [a.id for a in prepared.items[1].actions] == ["open"]
    assert "Acme" not in format_body(prepared.items[1].blocks)
    # the public are excluded first, as the law asks (a principal council by default)
    exclusion = format_body(prepared.items[2].blocks)
    assert prepared.items[2].standing is StandingItem.EXCLUSION_OF_PUBLIC
    assert "section 100A(4) of the Local Government Act 1972" in exclusion


def test_exempt_business_carried_is_excluded_in_the_words_of_the_meeting_before() -> None:
    """The council's own wording of its last exclusion, not the usual one; no second
    exclusion where the committee takes one every meeting."""
    before = Meeting(
        date=D(2025, 6, 18),
        items=(
            Item(
                id="excl",
                title="Exclusion of the press and public",
                standing=StandingItem.EXCLUSION_OF_PUBLIC,
                blocks=parse_body("RESOLVED:\n1. That the public withdraw for the next item."),
            ),
        ),
    )
    prepared = prepare_meeting(
        Committee(),
        D(2025, 9, 23),
        previous=before,
        carried_exempt=(FollowUp(id="secret", action="Negotiate with Acme"),),
    )
    exclusion = next(i for i in prepared.items if i.standing is StandingItem.EXCLUSION_OF_PUBLIC)
    assert exclusion.title == "Exclusion of the press and public"
    assert "That the public withdraw for the next item." in format_body(exclusion.blocks)
    standing = Committee(
        standing_items=(
            StandingItemText(
                id="excl", title="Exclusion", standing=StandingItem.EXCLUSION_OF_PUBLIC
            ),
        )
    )
    again = prepare_meeting(
        standing, D(2025, 9, 23), carried_exempt=(FollowUp(id="s", action="Negotiate"),)
    )
    assert [i.id for i in again.items] == ["excl", "matters-arising-exempt"]
