"""An imported agenda made into a meeting: people, roles and attendance from a source's words,
standing items by title, sections, sub-items, exempt business with its reason and the
exclusion before it, results as resolutions; joined to the Leicester commission's committee
file; and a committee's membership from a site's people."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.domain.committee import EXCLUSION_ID
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    AttendanceStatus,
    Outcome,
    Resolution,
    Role,
    SectionKind,
    StandingItem,
    VoteChoice,
)
from clerk_app.importers.agenda import Agenda, AgendaItem, Attendee, Vote, cited_reason
from clerk_app.importers.build import (
    capacity_of,
    committee_with_members,
    meeting_from_agenda,
    role_of,
    split_name,
    standing_of,
    status_of,
)
from clerk_app.render.styles import find_style
from clerk_app.services import importing
from clerk_app.storage import load_meeting
from clerk_app.storage.meeting_file import save_new_meeting
from tests.sample_committees import COMMITTEES

LEICESTER = find_style("leicester").style


def style_of(name: str) -> HouseStyle:
    return find_style(name).style


USCITY = find_style("uscity").style


@pytest.mark.parametrize(
    ("given", "title", "name"),
    [
        ("Councillor Elly Cutkelvin", "Councillor", "Elly Cutkelvin"),
        ("  Cllr.  Batool ", "Cllr", "Batool"),
        ("Dr Jane Smith", "Dr", "Jane Smith"),
        ("Councilmember Lorena González", "Councilmember", "Lorena González"),
        ("Joycelin Eze-Okubuiro", "", "Joycelin Eze-Okubuiro"),
        ("Mrs\u00a0Julie Bell", "Mrs", "Julie Bell"),
    ],
)
def test_a_name_is_split_into_title_and_name(given: str, title: str, name: str) -> None:
    person = split_name(given)
    assert (person.title, person.name) == (title, name)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Chair", Role.CHAIR),
        ("Chairman", Role.CHAIR),
        ("Vice-Chair", Role.VICE_CHAIR),
        ("Vice Chair", Role.VICE_CHAIR),
        ("Vice Mayor", Role.VICE_CHAIR),
        ("Mayor", Role.CHAIR),
        ("Committee Member", Role.MEMBER),
        ("Voting Member", Role.MEMBER),
        ("Substitute", Role.MEMBER),
        ("Co-opted Member", Role.CO_OPTED),
        ("Co-optee (non-voting)", Role.CO_OPTED),
        ("Officer", Role.OFFICER),
        ("Democratic Services Officer", Role.OFFICER),
        ("City Clerk", Role.OFFICER),
        ("Director of Children's Services", Role.OFFICER),
        ("Youth Representative", Role.OTHER),
    ],
)
def test_a_sources_role_words_make_a_role(role: str, expected: Role) -> None:
    assert role_of(Attendee("Somebody Else", role=role)) is expected


def test_an_unknown_role_of_a_councillor_is_a_member() -> None:
    assert role_of(Attendee("Councillor Moore", role="")) is Role.MEMBER
    assert role_of(Attendee("Jennifer Day", role="")) is Role.OTHER


@pytest.mark.parametrize(
    ("attendance", "expected"),
    [
        ("Expected", AttendanceStatus.PRESENT),
        ("", AttendanceStatus.PRESENT),
        ("Present", AttendanceStatus.PRESENT),
        ("In attendance", AttendanceStatus.PRESENT),
        ("Apologies", AttendanceStatus.APOLOGIES),
        ("Apologies, sent substitute", AttendanceStatus.APOLOGIES),
        ("Excused", AttendanceStatus.APOLOGIES),
        ("Absent", AttendanceStatus.ABSENT),
        ("Present as substitute", AttendanceStatus.SUBSTITUTE),
    ],
)
def test_a_sources_attendance_words_make_the_expected_attendance(
    attendance: str, expected: AttendanceStatus
) -> None:
    assert status_of(Attendee("Councillor Moore", attendance=attendance)) is expected


@pytest.mark.parametrize(
    ("title", "standing"),
    [
        ("Welcome and Apologies for Absence", StandingItem.WELCOME_AND_APOLOGIES),
        ("Apologies for absence", StandingItem.WELCOME_AND_APOLOGIES),
        ("Declarations of Interest", StandingItem.DECLARATIONS),
        ("Disclosures of Pecuniary Interests", StandingItem.DECLARATIONS),
        ("Minutes of the Previous Meeting", StandingItem.PREVIOUS_MINUTES),
        ("Minutes", StandingItem.PREVIOUS_MINUTES),
        ("Approval of the Minutes", StandingItem.PREVIOUS_MINUTES),
        ("Exclusion of the Press and Public", StandingItem.EXCLUSION_OF_PUBLIC),
        ("Any Other Urgent Business", StandingItem.ANY_OTHER_BUSINESS),
        ("Work Programme", StandingItem.WORK_PROGRAMME),
        ("Chair's Announcements", StandingItem.CHAIRS_ANNOUNCEMENTS),
        ("Petitions", StandingItem.PETITIONS),
        ("Education Performance Update", None),
        ("Minute Book Audit Report", None),
    ],
)
def test_standing_items_are_known_by_their_titles(
    title: str, standing: StandingItem | None
) -> None:
    assert standing_of(title) is standing


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Exempt under paragraph 3 of Part 1 of Schedule 12A to the LGA 1972",
            "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972",
        ),
        (
            "Not for publication: paragraphs 1 and 2 of Schedule 12A",
            "Paragraphs 1 and 2 of Part 1 of Schedule 12A to the Local Government Act 1972",
        ),
        (
            "paras 3-5 of Sch. 12A",
            "Paragraphs 3, 4 and 5 of Part 1 of Schedule 12A to the Local Government Act 1972",
        ),
        ("This report is exempt.", ""),
        ("paragraph 3 of the report", ""),
    ],
)
def test_the_schedule_12a_paragraph_an_agenda_cites_is_the_reason(text: str, reason: str) -> None:
    assert cited_reason(text) == reason


def _agenda(**changes: object) -> Agenda:
    items = (
        AgendaItem("Welcome and Apologies for Absence", "1"),
        AgendaItem("Declarations of Interest", "2"),
        AgendaItem("Minutes of the Previous Meeting", "3"),
        AgendaItem("Education Performance Update", "4", report_reference="CYP/25/07"),
        AgendaItem("Key Stage 2 Results", "4.1"),
        AgendaItem("Key Stage 4 Results", "4(b)"),
        AgendaItem("PART B", heading=True),
        AgendaItem(
            "Home to School Transport Contract",
            "5",
            exempt=True,
            agenda_text="Exempt under paragraph 3 of Schedule 12A (financial affairs).",
        ),
        AgendaItem("Residential Placement", "6", exempt=True),
    )
    attendees = (
        Attendee("Councillor Sabina Batool", "Chair", "Expected", member_id="101"),
        Attendee("Councillor Bonham", "Vice-Chair", "Apologies", member_id="102"),
        Attendee("Councillor Gregg", "Committee Member", "Expected"),
        Attendee("Councillor Haq", "Committee Member", "Present as substitute"),
        Attendee("Joycelin Eze-Okubuiro", "Co-opted Member (non-voting)", "Expected"),
        Attendee("Laurence Jones", "Director of Education", "In attendance"),
        Attendee("Councillor Gregg", "Committee Member", "Expected"),  # listed twice
    )
    fields: dict[str, object] = {
        "source": "https://democracy.example.gov.uk",
        "body": "Children, Young People and Education Scrutiny Commission",
        "authority": "Leicester City Council",
        "date": dt.date(2025, 10, 28),
        "time": dt.time(17, 30),
        "venue": "Meeting Room G.01, City Hall",
        "items": items,
        "attendees": attendees,
    }
    fields.update(changes)
    return Agenda(**fields)  # type: ignore[arg-type]


def test_an_agenda_of_its_own_is_a_meeting() -> None:
    meeting, notes = meeting_from_agenda(_agenda(), LEICESTER)
    titles = [(item.agenda_number, item.title) for item in meeting.items]
    assert titles == [
        ("1", "Welcome and Apologies for Absence"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of the Previous Meeting"),
        ("4", "Education Performance Update"),
        ("4.1", "Key Stage 2 Results"),
        ("4(b)", "Key Stage 4 Results"),
        ("", "Exclusion of the Press and Public"),
        ("5", "Home to School Transport Contract"),
        ("6", "Residential Placement"),
    ]
    by_title = {item.title: item for item in meeting.items}
    parent = by_title["Education Performance Update"]
    assert parent.report_reference == "CYP/25/07"
    assert by_title["Key Stage 2 Results"].parent_id == parent.id
    assert by_title["Key Stage 4 Results"].parent_id == parent.id
    assert by_title["Minutes of the Previous Meeting"].standing is StandingItem.PREVIOUS_MINUTES
    (part_b,) = meeting.sections
    assert (part_b.kind, part_b.label, part_b.title) == (SectionKind.PART, "Part B", "PART B")
    exclusion = by_title["Exclusion of the Press and Public"]
    assert exclusion.standing is StandingItem.EXCLUSION_OF_PUBLIC and not exclusion.exempt
    assert exclusion.section_id == part_b.id
    assert isinstance(exclusion.blocks[0], Resolution)
    contract = by_title["Home to School Transport Contract"]
    assert contract.exempt and contract.section_id == part_b.id
    assert contract.exempt_reason.startswith("Paragraph 3 of Part 1 of Schedule 12A")
    placement = by_title["Residential Placement"]
    assert placement.exempt and placement.exempt_reason == ""
    assert any("1 exempt item gives no reason" in note for note in notes)

    people = {a.display_name: a for a in meeting.attendance}
    assert list(people) == [
        "Councillor Sabina Batool",
        "Councillor Bonham",
        "Councillor Gregg",
        "Councillor Haq",
        "Joycelin Eze-Okubuiro",
        "Laurence Jones",
    ]
    assert people["Councillor Sabina Batool"].role is Role.CHAIR
    assert people["Councillor Bonham"].status is AttendanceStatus.APOLOGIES
    assert people["Councillor Haq"].status is AttendanceStatus.SUBSTITUTE
    assert people["Joycelin Eze-Okubuiro"].role is Role.CO_OPTED
    assert people["Joycelin Eze-Okubuiro"].votes is False
    assert people["Laurence Jones"].role is Role.OFFICER
    assert (meeting.start_time, meeting.venue) == (dt.time(17, 30), "Meeting Room G.01, City Hall")


def test_results_a_source_publishes_are_the_items_resolution() -> None:
    item = AgendaItem(
        "Ordinance 2025-14: Sidewalk Repair",
        "7",
        mover="Councilmember Ada Park",
        seconder="Councilmember Ben Ortiz",
        result="Pass",
        tally="2:1",
        action="adopted",
        votes=(
            Vote("Ada Park", "Aye"),
            Vote("Ben Ortiz", "Aye"),
            Vote("Cara Lee", "Nay"),
        ),
    )
    attendees = tuple(
        Attendee(f"Councilmember {name}", "Voting Member", "Present")
        for name in ("Ada Park", "Ben Ortiz", "Cara Lee")
    )
    meeting, _ = meeting_from_agenda(_agenda(items=(item,), attendees=attendees), USCITY)
    (resolution,) = meeting.items[0].blocks
    assert isinstance(resolution, Resolution)
    ids = {a.person.name: a.id for a in meeting.attendance}
    assert resolution.proposer_id == ids["Ada Park"]
    assert resolution.seconder_id == ids["Ben Ortiz"]
    assert resolution.outcome is Outcome.CARRIED
    assert (resolution.votes_for, resolution.votes_against) == (2, 1)
    assert [(v.attendee_id, v.choice) for v in resolution.named_votes] == [
        (ids["Ada Park"], VoteChoice.FOR),
        (ids["Ben Ortiz"], VoteChoice.FOR),
        (ids["Cara Lee"], VoteChoice.AGAINST),
    ]
    assert resolution.resolutions[0].text == "Adopted"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "leicester-cype"
    shutil.copytree(COMMITTEES / "leicester-cype", copy)
    return copy


def test_joined_to_the_committee_the_import_is_its_next_meeting(folder: Path) -> None:
    imported = importing.from_agenda(
        _agenda(),
        style_of,
        committee_path=folder / "leicester-cype.committee",
    )
    meeting = imported.meeting
    prepared = imported.prepared
    assert prepared is not None and prepared.previous is not None
    assert prepared.previous.name == "CYPESC 2025-09-23.minutes"
    assert meeting.first_minute_number == prepared.meeting.first_minute_number > 1
    assert imported.path == folder / "CYPESC 2025-10-28.minutes"
    # the members keep their ids; the committee's word on their role
    people = {a.id: a for a in meeting.attendance}
    assert people["batool"].role is Role.CHAIR
    assert people["batool"].person.name == "Batool"
    assert people["bonham"].status is AttendanceStatus.APOLOGIES
    assert people["eze-okubuiro"].role is Role.CO_OPTED  # the committee file says she votes
    # members the site did not list: kept, and said
    assert {"moore", "singh-sangha"} <= set(people)
    assert any(
        "2 members of the committee file are not on the site's list" in n for n in imported.notes
    )
    # the standing items keep the prepared minute: the previous minutes' resolution
    previous = next(i for i in meeting.items if i.standing is StandingItem.PREVIOUS_MINUTES)
    assert previous.id == "previous-minutes"
    assert previous.previous_meeting == dt.date(2025, 9, 23)
    assert previous.agenda_number == "3"
    assert isinstance(previous.blocks[0], Resolution)
    # the agenda's order, and the open actions carried under matters arising after it
    titles = [item.title for item in meeting.items]
    assert titles.index("Minutes of the Previous Meeting") < titles.index("Matters Arising")
    assert titles.index("Matters Arising") < titles.index("Education Performance Update")
    assert titles[-2:] == ["Home to School Transport Contract", "Residential Placement"]
    assert all(item.id != EXCLUSION_ID or not item.exempt for item in meeting.items)


def test_an_imported_meeting_saves_loads_exports_and_passes_check(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    complete = _agenda(
        items=tuple(
            item
            if item.exempt_reason or not item.exempt
            else AgendaItem(
                item.title,
                item.number,
                exempt=True,
                exempt_reason="Paragraph 1 of Part 1 "
                "of Schedule 12A to the Local Government Act 1972",
            )
            for item in _agenda().items
        )
    )
    imported = importing.from_agenda(
        complete,
        style_of,
        committee_path=folder / "leicester-cype.committee",
    )
    assert imported.path is not None
    save_new_meeting(imported.meeting, imported.path, rename=False)
    assert load_meeting(imported.path) == imported.meeting
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(imported.path), "-o", str(out / "public.txt")]) == 0
    text = (out / "public.txt").read_text(encoding="utf-8")
    assert "Education Performance Update".upper() in text.upper()
    assert "Home to School Transport Contract" not in text  # exempt: not in the public copy
    assert main(["export", str(imported.path), "-o", str(out / "minutes.docx")]) == 0
    capsys.readouterr()
    assert main(["check", str(imported.path)]) == 0
    said = capsys.readouterr().out
    assert ": 0 error(s)" in said and ": error" not in said, said


def test_without_a_reason_check_asks_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting, _ = meeting_from_agenda(_agenda(), LEICESTER)
    path = tmp_path / "imported.minutes"
    save_new_meeting(meeting, path, rename=False)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Residential Placement" in out or "Minute" in out
    assert "gives no legal reason for excluding the public" in out


def test_a_committees_membership_from_a_sites_people() -> None:
    people = [
        Attendee("Councillor Sabina Batool", "Chair", "Present"),
        Attendee("Councillor Bonham", "Vice-Chair", "Apologies"),
        Attendee(
            "Councillor Haq",
            "Committee Member",
            "Present as substitute",
            substitute_for="Councillor Bonham",
        ),
        Attendee(
            "Joycelin Eze-Okubuiro",
            "Co-opted Member (non-voting)",
            "Present",
            term_from=dt.date(2025, 5, 1),
        ),
        Attendee("Laurence Jones", "Director of Education", "In attendance"),
    ]
    committee, notes = committee_with_members(people, LEICESTER, name="Children's Commission")
    assert committee.name == "Children's Commission"
    assert [(m.person.display_name, m.role) for m in committee.members] == [
        ("Councillor Sabina Batool", Role.CHAIR),
        ("Councillor Bonham", Role.VICE_CHAIR),
        ("Joycelin Eze-Okubuiro", Role.CO_OPTED),
    ]
    assert committee.members[2].votes is False
    assert committee.members[2].term_from == dt.date(2025, 5, 1)
    assert [(a.person.display_name, a.role) for a in committee.attendees] == [
        ("Laurence Jones", Role.OFFICER)
    ]
    assert notes == ("1 substitute left out: they sat in a member's place",)


@pytest.mark.parametrize(
    ("role", "capacity", "seen"),
    [
        ("Chair", "", ""),
        ("Committee Member", "", ""),
        (
            "Co-opted Member (Parent Governor Representative (Primary))",
            "",
            "Parent Governor Representative (Primary)",
        ),
        ("Co-opted Member (non-voting)", "", ""),
        ("Youth Representative", "", "Youth Representative"),
        ("Senior Governance Officer", "", "Senior Governance Officer"),
        ("Officer", "", ""),
        ("In attendance", "", ""),
        ("Youth Representative", "Youth Council", "Youth Council"),
    ],
)
def test_what_someone_is_there_as_comes_from_their_role_words(
    role: str, capacity: str, seen: str
) -> None:
    attendee = Attendee("Sam Smith", role=role, capacity=capacity)
    assert capacity_of(attendee, role_of(attendee)) == seen


def test_a_meeting_runs_on_the_minute_numbers_the_site_gave() -> None:
    style = find_style("leicester").style
    items = (AgendaItem("Apologies", "1", minute_number="149"), AgendaItem("Petitions", "2"))
    meeting, _ = meeting_from_agenda(Agenda("x", "Body", dt.date(2025, 6, 18), items=items), style)
    assert meeting.first_minute_number == 149
    unnumbered = (AgendaItem("Apologies", "1"),)
    meeting, _ = meeting_from_agenda(
        Agenda("x", "Body", dt.date(2025, 6, 18), items=unnumbered), style
    )
    assert meeting.first_minute_number == 1
