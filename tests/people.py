"""Builders the sample meetings share: a person with the parts of their name, an attendee, a
list's entries and paragraphs from their texts, and who moved a resolution and how the votes
fell."""

from __future__ import annotations

from typing import Any, TypedDict

from clerk_app.domain.model import Attendance, ListEntry, Paragraph, Person


def person(
    given: str, family: str, *, title: str = "", name: str = "", organisation: str = ""
) -> Person:
    """A person by given and family name; `name` (what `check` reads, findings.py reads
    `Person.name`, not `full_name`) is the two together unless said otherwise."""
    return Person(
        title=title,
        name=name or f"{given} {family}",
        given_name=given,
        family_name=family,
        organisation=organisation,
    )


def attendee(
    key: str, given: str, family: str, *, title: str = "", name: str = "", **fields: Any
) -> Attendance:
    """An attendance under the id `key`, its other fields (role, status, capacity...) as
    given."""
    return Attendance(id=key, person=person(given, family, title=title, name=name), **fields)


def entries(*texts: str) -> tuple[ListEntry, ...]:
    return tuple(ListEntry(text=t) for t in texts)


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text=t) for t in texts)


class MovedAndCounted(TypedDict):
    proposer_id: str
    seconder_id: str
    votes_for: int
    votes_against: int
    abstentions: int


def moved_and_counted(moved_by: tuple[str, str], counts: tuple[int, int, int]) -> MovedAndCounted:
    """A resolution's fields for who moved and seconded it and the votes for, against and
    abstaining."""
    proposer_id, seconder_id = moved_by
    votes_for, votes_against, abstentions = counts
    return MovedAndCounted(
        proposer_id=proposer_id,
        seconder_id=seconder_id,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
    )
