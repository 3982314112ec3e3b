"""What looks exempt but is not marked so, and who was present only for exempt items."""

import datetime as dt

import pytest

from clerk_app.domain.exempt import (
    FOLLOWS_EXCLUSION,
    GIVES_A_REASON,
    IN_CLOSED_SECTION,
    IN_CLOSED_SESSION,
    excludes_the_public,
    looks_exempt,
    present_only_for_exempt,
    published_blocks,
    readmits_the_public,
    speakers_only_for_exempt,
)
from clerk_app.domain.model import (
    Attendance,
    Item,
    ListEntry,
    Meeting,
    Paragraph,
    Person,
    Resolution,
    RollAnswer,
    RollCallEntry,
    Section,
    SectionKind,
    Session,
    SessionKind,
    Speaker,
    StandingItem,
)


def meeting(*items: Item, attendance: tuple[Attendance, ...] = ()) -> Meeting:
    return Meeting(date=dt.date(2025, 6, 18), items=items, attendance=attendance)


def unmarked(m: Meeting) -> list[tuple[str, str]]:
    return [(item.id, reason) for item, reason in looks_exempt(m)]


EXCLUSION = Item(
    id="excl", title="Exclusion of the Press and Public", standing=StandingItem.EXCLUSION_OF_PUBLIC
)


def test_the_items_after_the_exclusion_look_exempt_to_the_end_of_the_meeting() -> None:
    m = meeting(
        Item(id="budget", title="Budget"),
        EXCLUSION,
        Item(id="staff", title="Staffing matters"),
        Item(id="land", title="Sale of land", exempt=True),
        Item(id="aob", title="Any other business"),
    )
    # The exclusion itself is public business: its resolution is published.
    assert unmarked(m) == [("staff", FOLLOWS_EXCLUSION), ("aob", FOLLOWS_EXCLUSION)]


@pytest.mark.parametrize(
    "title",
    [
        "Exclusion of the press and public",
        "EXCLUSION OF PUBLIC",
        "Private business: to exclude the press",
        "Resolution excluding the public",
    ],
)
def test_a_title_that_reads_as_the_exclusion_counts_as_one(title: str) -> None:
    m = meeting(Item(id="x", title=title), Item(id="staff", title="Staffing"))
    assert excludes_the_public(m.items[0])
    assert unmarked(m) == [("staff", FOLLOWS_EXCLUSION)]


@pytest.mark.parametrize(
    "title",
    [
        "Budget",
        "Public participation",
        "Questions from the public",
        "Public Bodies (Admission to Meetings) Act 1960",
        "Exclusions from the local plan",
    ],
)
def test_other_titles_are_not_the_exclusion(title: str) -> None:
    assert not excludes_the_public(Item(title=title))


@pytest.mark.parametrize(
    "title",
    [
        "Re-admission of the Press and Public",
        "Readmission of the public",
        "The press and public were re-admitted",
        "Return of the public",
    ],
)
def test_the_public_come_back_at_a_readmission_item(title: str) -> None:
    m = meeting(
        EXCLUSION,
        Item(id="staff", title="Staffing"),
        Item(id="back", title=title),
        Item(id="dates", title="Date of the next meeting"),
    )
    assert readmits_the_public(m.items[2])
    assert unmarked(m) == [("staff", FOLLOWS_EXCLUSION)]


def test_a_reason_without_the_tick_looks_exempt() -> None:
    m = meeting(
        Item(id="a", title="Budget"),
        Item(id="b", title="Staffing", exempt_reason="paragraph 1 of Schedule 12A"),
        Item(id="c", title="Land", exempt=True, exempt_reason="paragraph 3"),
        Item(id="d", title="Roads", exempt_reason="   "),
    )
    assert unmarked(m) == [("b", GIVES_A_REASON)]


def test_nothing_looks_exempt_when_everything_private_is_ticked() -> None:
    m = meeting(
        EXCLUSION,
        Item(id="staff", title="Staffing", exempt=True, exempt_reason="paragraph 1"),
    )
    assert unmarked(m) == []
    assert unmarked(meeting()) == []


def person(pid: str, start: str | None = None, end: str | None = None) -> Attendance:
    return Attendance(
        id=pid, person=Person(name=pid.title()), present_from_item=start, present_to_item=end
    )


def test_who_was_present_only_for_exempt_items() -> None:
    items = (
        Item(id="a", title="Budget"),
        Item(id="b", title="Staffing", exempt=True),
        Item(id="c", title="Licence review", exempt=True),
        Item(id="d", title="Roads"),
        Item(id="e", title="Land", exempt=True),
    )
    people = (
        person("whole"),
        person("hr", "b", "b"),
        person("both", "b", "c"),
        person("into-public", "b", "d"),
        person("from-public", "a", "b"),
        person("last", "e"),
        person("until", None, "a"),
        person("gone", "nowhere", "nowhere"),
        person("backwards", "c", "b"),
    )
    hidden = present_only_for_exempt(meeting(*items, attendance=people))
    assert [p.id for p in hidden] == ["hr", "both", "last"]


# --- format 2: closed sections and sessions, roll calls, speakers, what may be published ---------


def test_an_item_in_a_closed_section_or_session_looks_exempt() -> None:
    m = meeting(
        Item(id="a", title="Budget", section_id="open"),
        Item(id="b", title="Land", section_id="closed"),
        Item(id="c", title="Staff", session_id="private"),
        Item(id="d", title="Marked", section_id="closed", exempt=True),
        Item(id="e", title="Parks", session_id="public"),
    ).model_copy(
        update={
            "sections": (
                Section(id="open", kind=SectionKind.PART),
                Section(id="closed", kind=SectionKind.CLOSED),
            ),
            "sessions": (
                Session(id="private", kind=SessionKind.CLOSED),
                Session(id="public", kind=SessionKind.OPEN),
            ),
        }
    )
    assert unmarked(m) == [("b", IN_CLOSED_SECTION), ("c", IN_CLOSED_SESSION)]


def _sessions_meeting(*, open_roll: bool = True, closed_public_item: bool = False) -> Meeting:
    people = tuple(
        Attendance(id=i, person=Person(name=i.title())) for i in ("ann", "ben", "cat", "dan")
    )
    closed = Session(
        id="closed",
        kind=SessionKind.CLOSED,
        roll_call=(
            RollCallEntry(attendee_id="ann"),
            RollCallEntry(attendee_id="ben"),
            RollCallEntry(attendee_id="dan", answer=RollAnswer.EXCUSED),
        ),
    )
    opened = Session(
        id="open",
        roll_call=(
            (
                RollCallEntry(attendee_id="ann"),
                RollCallEntry(attendee_id="ben", answer=RollAnswer.ABSENT),
            )
            if open_roll
            else ()
        ),
    )
    items = (
        Item(id="land", title="Sale of land", session_id="closed", exempt=True),
        Item(id="talk", title="Announcements", session_id="closed", exempt=not closed_public_item),
        Item(id="parks", title="Parks", session_id="open"),
    )
    return meeting(*items, attendance=people).model_copy(update={"sessions": (closed, opened)})


def test_someone_only_on_the_roll_of_a_closed_session_is_present_only_for_exempt_items() -> None:
    assert [a.id for a in present_only_for_exempt(_sessions_meeting())] == ["ben"]
    # An open session without a roll call says nothing about who was at it.
    assert present_only_for_exempt(_sessions_meeting(open_roll=False)) == []
    # A closed session that took public business names those at it.
    assert present_only_for_exempt(_sessions_meeting(closed_public_item=True)) == []
    # Part attendance still says it where given.
    m = _sessions_meeting()
    people = list(m.attendance)
    people[2] = people[2].model_copy(
        update={"present_from_item": "land", "present_to_item": "talk"}
    )
    people[1] = people[1].model_copy(update={"present_to_item": "parks"})
    assert [
        a.id for a in present_only_for_exempt(m.model_copy(update={"attendance": tuple(people)}))
    ] == ["cat"]


def test_a_speaker_on_an_exempt_item_is_not_named_publicly() -> None:
    m = meeting(Item(id="a", title="Budget"), Item(id="b", title="Land", exempt=True)).model_copy(
        update={
            "speakers": (
                Speaker(id="s1", item_id="a"),
                Speaker(id="s2", item_id="b"),
                Speaker(id="s3"),
                Speaker(id="s4", item_id="gone"),
            )
        }
    )
    assert [s.id for s in speakers_only_for_exempt(m)] == ["s2"]


def test_what_a_public_copy_may_print_of_an_item() -> None:
    vote = Resolution(
        resolutions=(ListEntry(text="That the land be sold."),), debate="Members asked..."
    )
    item = Item(title="Land", blocks=(Paragraph(text="The price was..."), vote))
    assert published_blocks(item) == item.blocks
    secret = item.model_copy(update={"exempt": True, "exempt_summary": "A sale was agreed."})
    assert published_blocks(secret) == ()
    published = secret.model_copy(update={"publish_resolution": True})
    assert published_blocks(published) == (vote.model_copy(update={"debate": ""}),)


def test_a_sub_item_of_an_exempt_item_looks_exempt() -> None:
    from clerk_app.domain.exempt import UNDER_AN_EXEMPT_ITEM

    meeting = Meeting.model_validate(
        {
            "date": "2025-03-04",
            "items": [
                {"id": "p", "title": "Staffing restructure", "exempt": True},
                {"id": "c", "title": "Redundancy of Ms Jones", "parent_id": "p"},
                {"id": "g", "title": "Her appeal", "parent_id": "c"},
                {"id": "o", "title": "Open business"},
            ],
        }
    )
    assert [(u.item.id, u.reason) for u in looks_exempt(meeting)] == [
        ("c", UNDER_AN_EXEMPT_ITEM),
        ("g", UNDER_AN_EXEMPT_ITEM),
    ]


def test_public_business_outside_the_sessions_names_everyone() -> None:
    # A closed session with a roll call and a public item in no session: nobody can be said
    # to have been there only for the closed business.
    meeting = Meeting.model_validate(
        {
            "date": "2025-03-04",
            "attendance": [{"id": "m", "person": {"name": "Moore"}}],
            "sessions": [
                {"id": "s", "kind": "closed", "roll_call": [{"attendee_id": "m"}]},
            ],
            "items": [
                {"id": "x", "title": "Litigation", "exempt": True, "session_id": "s"},
                {"id": "b", "title": "Budget"},
            ],
        }
    )
    assert present_only_for_exempt(meeting) == []
