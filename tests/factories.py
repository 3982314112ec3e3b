"""Meetings built for tests."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

from clerk_app import locations
from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    Interest,
    InterestAction,
    InterestKind,
    Item,
    ListEntry,
    Meeting,
    Outcome,
    Paragraph,
    Person,
    Resolution,
    Role,
    StandingItem,
)
from clerk_app.storage import load_meeting


def feature_meeting() -> Meeting:
    """A small meeting with what the seed lacks: apologies, a substitute, remote and part
    attendance, an officer, a declaration about an exempt item, a vote, an exempt item."""
    people = (
        Attendance(id="a", person=Person(title="Councillor", name="Ames"), role=Role.CHAIR),
        Attendance(id="b", person=Person(title="Councillor", name="Bell"), remote=True),
        Attendance(
            id="c",
            person=Person(title="Councillor", name="Cole"),
            status=AttendanceStatus.SUBSTITUTE,
            substitute_for="Councillor Dunn",
            present_from_item="budget",
        ),
        Attendance(
            id="d",
            person=Person(title="Councillor", name="Dunn"),
            status=AttendanceStatus.APOLOGIES,
        ),
        Attendance(
            id="e",
            person=Person(title="Councillor", name="Eyre"),
            status=AttendanceStatus.APOLOGIES,
        ),
        Attendance(
            id="o",
            person=Person(name="Sam Lee"),
            role=Role.OFFICER,
            capacity="Democratic Services Officer",
        ),
    )
    items = (
        Item(
            id="welcome",
            title="Apologies for Absence",
            standing=StandingItem.WELCOME_AND_APOLOGIES,
            blocks=(Paragraph(text="The Chair welcomed everyone."),),
        ),
        Item(id="dec", title="Declarations of Interest", standing=StandingItem.DECLARATIONS),
        Item(
            id="budget",
            title="Budget & <Fees>",
            blocks=(
                Resolution(
                    resolutions=(ListEntry(text="That the fees be approved."),),
                    proposer_id="a",
                    seconder_id="b",
                    votes_for=6,
                    votes_against=0,
                    abstentions=2,
                    outcome=Outcome.CARRIED,
                ),
            ),
        ),
        Item(
            id="land",
            title="Sale of Land at Mill Lane",
            exempt=True,
            exempt_reason="paragraph 3 of Schedule 12A",
            blocks=(Paragraph(text="The offer of £1.2m was accepted."),),
        ),
    )
    return Meeting(
        authority="Leicester City Council",
        body="Planning Committee",
        date=dt.date(2025, 7, 2),
        start_time=dt.time(10, 0),
        close_time=dt.time(11, 45),
        attendance=people,
        interests=(
            Interest(
                attendee_id="b",
                interest="she owns land next to Mill Lane",
                kind=InterestKind.DISCLOSABLE_PECUNIARY,
                item_id="land",
                action=InterestAction.LEFT_ROOM,
            ),
        ),
        items=items,
        first_minute_number=12,
    )


def long_meeting(folder: Path, copies: int) -> Path:
    """The bundled sample with its items repeated `copies` times (each copy with ids of its
    own), written to `folder`: a long meeting for tests and benchmarks."""
    data: dict[str, Any] = json.loads(locations.sample_meeting().read_text(encoding="utf-8"))
    items: list[dict[str, Any]] = []
    for n in range(copies):
        for item in data["items"]:
            copy = json.loads(json.dumps(item))
            if n:
                copy["id"] = f"{item['id'][:56]}-c{n}"
                for action in copy.get("actions", ()):
                    action["id"] = f"{action['id'][:56]}-c{n}"
            items.append(copy)
    data["items"] = items
    path = folder / f"long-{copies}.minutes"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


UNTICKED_PRIVATE_WORDS = "contracted hours be increased"
"""Words only the exempt staffing minute of the parish sample says."""


def unticked_parish() -> Meeting:
    """The parish sample with its staffing item (after the exclusion of the press and public)
    left unticked: one Alt+X too few."""
    meeting = load_meeting(locations.samples_dir() / "parish-2020-11-12.minutes")
    items = tuple(
        item.model_copy(update={"exempt": False}) if item.id == "staffing" else item
        for item in meeting.items
    )
    return meeting.model_copy(update={"items": items})
