"""The sample committee folders under resources/samples/committees, made from the bundled
sample meetings: `python -m tests.sample_committees` writes them again (after a change to the
committee or the preparation of a meeting, on purpose); `tests/test_sample_committees.py` holds
the committed folders to what this makes.

- leicester-cype: the commission's 2025/26 year from the seed (its membership as the June
  minutes record it, the six dates confirmed at minute 153), the June meeting (the bundled
  sample, unchanged) and the September meeting prepared from it.
- parish: Anytown Parish Council's Full Council, whose minute numbers (196/20) start again each
  municipal year in May; the November 2020 meeting (the bundled sample) and the December one
  prepared from it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from clerk_app import locations
from clerk_app.domain.committee import (
    Committee,
    CommitteeKind,
    Member,
    NumberingScheme,
    NumberReset,
    RegularAttendee,
    StandingItemText,
)
from clerk_app.domain.model import Meeting, Person, Role, StandingItem
from clerk_app.render.styles import find_style
from clerk_app.services.year import prepare_in_folder
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.committee_file import committee_to_json
from clerk_app.storage.folder import meeting_file_name, open_folder

COMMITTEES = locations.samples_dir() / "committees"
LEICESTER_JUNE = locations.samples_dir() / "leicester-cype-2025-06-18.minutes"
PARISH_NOVEMBER = locations.samples_dir() / "parish-2020-11-12.minutes"
MUNICIPAL_YEAR_START = dt.date(2025, 5, 1)
MUNICIPAL_YEAR_END = dt.date(2026, 4, 30)


def _cllr(member_id: str, name: str, role: Role = Role.MEMBER) -> Member:
    return Member(
        id=member_id,
        person=Person(title="Councillor", name=name),
        role=role,
        term_from=MUNICIPAL_YEAR_START,
        term_to=MUNICIPAL_YEAR_END,
    )


def leicester_committee() -> Committee:
    """The commission for 2025/26 as the seed's minutes give it."""
    return Committee(
        authority="Leicester City Council",
        name="Children, Young People and Education Scrutiny Commission",
        kind=CommitteeKind.SCRUTINY,
        house_style="leicester",
        start_time=dt.time(17, 30),
        members=(
            _cllr("batool", "Batool", Role.CHAIR),
            _cllr("bonham", "Bonham", Role.VICE_CHAIR),
            _cllr("gregg", "Gregg"),
            _cllr("moore", "Moore"),
            _cllr("singh-sangha", "Singh Sangha"),
            Member(
                id="eze-okubuiro",
                person=Person(name="Joycelin Eze-Okubuiro"),
                role=Role.CO_OPTED,
                capacity="Parent Governor Representative (Primary)",
                term_from=MUNICIPAL_YEAR_START,
                term_to=MUNICIPAL_YEAR_END,
            ),
        ),
        attendees=(
            RegularAttendee(
                id="sampson-vincent",
                person=Person(name="Sarah Sampson-Vincent"),
                role=Role.OTHER,
                capacity="Youth Representative",
            ),
            RegularAttendee(
                id="pantling",
                person=Person(title="Councillor", name="Pantling"),
                role=Role.OTHER,
                capacity="Assistant City Mayor for Education",
            ),
            RegularAttendee(
                id="day",
                person=Person(name="Jennifer Day"),
                role=Role.OTHER,
                capacity="Teaching Union",
            ),
        ),
        standing_items=(
            StandingItemText(
                id="welcome",
                title="Welcome and Apologies for Absence",
                standing=StandingItem.WELCOME_AND_APOLOGIES,
                text="The Chair welcomed those present to the meeting.",
            ),
            StandingItemText(
                id="declarations",
                title="Declarations of Interest",
                standing=StandingItem.DECLARATIONS,
                text="Members were asked to declare any interests they may have had in the "
                "business to be discussed.",
            ),
            StandingItemText(
                id="previous-minutes",
                title="Minutes of the Previous Meeting",
                standing=StandingItem.PREVIOUS_MINUTES,
            ),
            StandingItemText(
                id="announcements",
                title="Chair's Announcements",
                standing=StandingItem.CHAIRS_ANNOUNCEMENTS,
            ),
            StandingItemText(
                id="questions",
                title="Questions, Representations and Statements of Case",
                standing=StandingItem.QUESTIONS,
            ),
            StandingItemText(id="petitions", title="Petitions", standing=StandingItem.PETITIONS),
            StandingItemText(
                id="work-programme", title="Work Programme", standing=StandingItem.WORK_PROGRAMME
            ),
            StandingItemText(
                id="aob", title="Any Other Business", standing=StandingItem.ANY_OTHER_BUSINESS
            ),
        ),
        # 149 in June 2025 ran on from the spring's meetings: Leicester does not start again
        numbering=NumberingScheme(reset=NumberReset.CONTINUOUS),
        meeting_dates=(
            dt.date(2025, 6, 18),
            dt.date(2025, 9, 23),
            dt.date(2025, 10, 28),
            dt.date(2026, 1, 20),
            dt.date(2026, 3, 3),
            dt.date(2026, 4, 14),
        ),
    )


def _parish_cllr(member_id: str, name: str, role: Role = Role.MEMBER) -> Member:
    return Member(
        id=member_id,
        person=Person(title="Cllr", name=name),
        role=role,
        term_from=dt.date(2019, 5, 6),
        term_to=dt.date(2023, 5, 8),
    )


def parish_committee() -> Committee:
    """Anytown's Full Council as its November 2020 minutes give it; numbers from May."""
    november = load_meeting(PARISH_NOVEMBER)
    members = [
        _parish_cllr(person.id, person.person.name, person.role)
        for person in november.attendance
        if person.role in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
    ]
    attendees = [
        RegularAttendee(
            id=person.id, person=person.person, role=person.role, capacity=person.capacity
        )
        for person in november.attendance
        if person.role in (Role.OFFICER, Role.OTHER)
    ]
    return Committee(
        authority=november.authority,
        name=november.body,
        kind=CommitteeKind.COUNCIL,
        house_style="parish",
        quorum=3,  # a parish council's quorum is a third of its members, and never under three
        venue=november.venue,
        start_time=dt.time(19, 30),
        members=tuple(members),
        attendees=tuple(attendees),
        standing_items=(
            StandingItemText(
                id="apologies",
                title="Apologies for absence",
                standing=StandingItem.WELCOME_AND_APOLOGIES,
            ),
            StandingItemText(
                id="declarations",
                title="Declarations of interest and requests for dispensations",
                standing=StandingItem.DECLARATIONS,
            ),
            StandingItemText(
                id="previous-minutes",
                title="Minutes of the previous meeting",
                standing=StandingItem.PREVIOUS_MINUTES,
                text="RESOLVED:\n\nThat the minutes of the meeting of the Full Council held on "
                "{previous} be approved as a correct record and signed by the Chair.",
            ),
            StandingItemText(
                id="matters-arising",
                title="Matters arising",
                standing=StandingItem.MATTERS_ARISING,
            ),
            StandingItemText(id="public", title="Public participation"),
            StandingItemText(id="planning", title="Planning applications"),
            StandingItemText(id="finance", title="Finance and payments"),
            StandingItemText(
                id="next-meeting",
                title="Date of next meeting",
                standing=StandingItem.DATES_OF_MEETINGS,
            ),
        ),
        numbering=NumberingScheme(reset=NumberReset.MUNICIPAL_YEAR, year_starts=5),
        meeting_dates=(
            dt.date(2020, 11, 12),
            dt.date(2020, 12, 10),
            dt.date(2021, 1, 14),
            dt.date(2021, 3, 11),
            dt.date(2021, 5, 13),
        ),
    )


SEED_MEMBERS = ["Batool", "Bonham", "Gregg", "Moore", "Singh Sangha", "Joycelin Eze-Okubuiro"]
"""The commission's members as the seed's June minutes name them, in its order."""


def assert_prepared_september(meeting: Meeting) -> None:
    """What issue 12's done-when asks of the September meeting."""
    assert meeting.date == dt.date(2025, 9, 23)
    assert meeting.first_minute_number == 164
    names = [person.person.name for person in meeting.attendance]
    assert names[: len(SEED_MEMBERS)] == SEED_MEMBERS
    standing = [item.standing for item in meeting.items if item.standing]
    for kind in (
        StandingItem.WELCOME_AND_APOLOGIES,
        StandingItem.DECLARATIONS,
        StandingItem.PREVIOUS_MINUTES,
        StandingItem.WORK_PROGRAMME,
        StandingItem.ANY_OTHER_BUSINESS,
    ):
        assert kind in standing
    [previous] = [i for i in meeting.items if i.standing is StandingItem.PREVIOUS_MINUTES]
    assert previous.previous_meeting == dt.date(2025, 6, 18)
    assert "held on 18 June 2025" in previous.blocks[0].resolutions[0].text  # type: ignore[union-attr]
    [arising] = [i for i in meeting.items if i.standing is StandingItem.MATTERS_ARISING]
    assert [a.id for a in arising.actions] == [
        "hnb-staff-funding",
        "family-service-minutes",
        "families-first-presentation",
        "improvement-plan-september",
    ]
    assert [a.raised_minute for a in arising.actions] == ["158", "158", "159", "161"]
    assert all(a.raised_on == dt.date(2025, 6, 18) and not a.done for a in arising.actions)


def build(root: Path) -> None:
    """Write both folders under `root` (their contents replaced)."""
    style_of = lambda name: find_style(name).style  # noqa: E731 - a one-line lookup
    for name, committee, first, next_date in (
        ("leicester-cype", leicester_committee(), LEICESTER_JUNE, dt.date(2025, 9, 23)),
        ("parish", parish_committee(), PARISH_NOVEMBER, dt.date(2020, 12, 10)),
    ):
        folder = root / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        (folder / f"{name}.committee").write_text(committee_to_json(committee), encoding="utf-8")
        meeting = load_meeting(first)
        shutil.copyfile(first, folder / meeting_file_name(committee.name, meeting.date))
        prepared = prepare_in_folder(open_folder(folder), next_date, style_of)
        save_meeting(prepared.meeting, prepared.path)
        for backup in folder.glob("*.bak"):
            backup.unlink()


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else COMMITTEES)
