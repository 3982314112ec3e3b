"""A fake ModernGov site on a loopback server: the answers of `mgWebService.asmx` as a
modern.gov site gives them (lower-case elements, attendees' data in attributes, titles
HTML-encoded twice, numbers with a leading space), written for these tests from the public shape
(the service's own description and the public scrapers of DemocracyClub's LGSF).

The site holds Leicester's Children, Young People and Education Scrutiny Commission (committee
42): its meeting of 18 June 2025 (meeting 7, modelled on the real minutes in ../shared/seed, with
two restricted items added at its end) and an upcoming one on 15 December 2026 (meeting 30).
"""

from __future__ import annotations

from pathlib import Path

from tests.importers.server import LoopbackServer, Reply

FOLDER = Path(__file__).resolve().parent / "fixtures" / "moderngov"
SERVICE = "/mgWebService.asmx"

COMMITTEE_ID = "42"
COMMITTEE_TITLE = "Children, Young People and Education Scrutiny Commission"
MEETING_ID = "7"
UPCOMING_ID = "30"
SEED_TITLES = (
    "Welcome and Apologies for Absence",
    "Declarations of Interest",
    "Minutes of the Previous Meeting",
    "Membership of the Commission 2025/26",
    "Dates of Meetings for the Commission 2025/26",
    "Terms of Reference",
    "Chair's Announcements",
    "Questions, Representations and Statements of Case",
    "Petitions",
    "Introduction to CYPE Scrutiny Commission",
    "Families First Programme",
    "Social Care and Education Performance Dashboard",
    "Children's Social Care, Early Help and Prevention Improvement Plan",
    "Work Programme",
    "Any Other Business",
)
"""The items of the real minutes of 18 June 2025 (../shared/seed), in order."""
ITEM_TITLES_IN_ORDER = (
    *SEED_TITLES,
    "Exclusion of the Press and Public",
    "Contract Award: Children's Residential Placements",
    "Staffing Matter",
)
RESTRICTED_TITLES = ("Contract Award: Children's Residential Placements", "Staffing Matter")
RESTRICTED_WITHOUT_REASON = ("Staffing Matter",)
REASON_GIVEN = "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"
ATTENDEE_NAMES = (
    "Councillor Misbah Batool",
    "Councillor Deborah Bonham",
    "Councillor Paul Gregg",
    "Councillor Sue Moore",
    "Councillor Manjit Singh Sangha",
    "Joycelin Eze-Okubuiro",
)
"""The members present, as the attendance names them."""


def fixture(name: str) -> bytes:
    return (FOLDER / name).read_bytes()


def xml(name: str) -> Reply:
    return Reply(fixture(name), content_type="text/xml")


def serve_moderngov(server: LoopbackServer) -> None:
    """The whole site's answers, on `server`."""
    server.reply(f"{SERVICE}/GetCommittees", xml("committees.xml"))
    server.reply(f"{SERVICE}/GetMeetings", xml("meetings-42.xml"))
    server.reply(f"{SERVICE}/GetMeeting?lMeetingId={MEETING_ID}", xml("meeting-7.xml"))
    server.reply(f"{SERVICE}/GetMeeting?lMeetingId={UPCOMING_ID}", xml("meeting-30.xml"))
    server.reply(f"{SERVICE}/GetMeeting", xml("unknown-meeting.xml"))
