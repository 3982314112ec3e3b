"""Builders the sample meetings share: a person with the parts of their name, an attendee,
and a list's entries from their texts."""

from __future__ import annotations

from typing import Any

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
