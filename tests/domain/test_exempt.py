"""What looks exempt but is not marked so, and who was present only for exempt items."""

import datetime as dt

import pytest

from clerk_app.domain.exempt import (
    FOLLOWS_EXCLUSION,
    GIVES_A_REASON,
    excludes_the_public,
    looks_exempt,
    present_only_for_exempt,
    readmits_the_public,
)
from clerk_app.domain.model import Attendance, Item, Meeting, Person, StandingItem


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
