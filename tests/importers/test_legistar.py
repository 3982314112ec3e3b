"""The Legistar Web API reader against a real HTTP server on loopback that answers as a Legistar
client does (tests/importers/legistar_site.py): bodies, a body's events asked for with OData's
$filter, an event's agenda in order with its headings, closed session and results, the roll
call and the office records (read over two pages), and every failure one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.domain.model import AttendanceStatus, Outcome, Resolution, Role, VoteChoice
from clerk_app.importers import legistar
from clerk_app.importers.agenda import AgendaImportError, Vote
from clerk_app.importers.build import meeting_from_agenda
from clerk_app.importers.fetch import Fetcher
from clerk_app.render.styles import find_style
from clerk_app.storage import load_meeting
from clerk_app.storage.meeting_file import save_new_meeting
from tests.importers import legistar_site
from tests.importers.legistar_site import (
    BODY_ID,
    CLIENT,
    COMMITTEE_BODY_ID,
    EVENT_ID,
    TODAY,
    UPCOMING_EVENT_ID,
    json_reply,
)
from tests.importers.server import LoopbackServer, Reply

BASE = f"/v1/{CLIENT}"


@pytest.fixture
def site(server: LoopbackServer) -> LoopbackServer:
    legistar_site.serve_legistar(server)
    return server


def _routes(server: LoopbackServer, tail: str) -> list[str]:
    return [seen.path for seen in server.seen if seen.route.endswith(tail)]


def _one_line(exc: pytest.ExceptionInfo[AgendaImportError], server: LoopbackServer) -> str:
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(f"{server.url}: ")
    assert "Traceback" not in message and "Errno" not in message and "JSON" not in message[:20]
    return message


def test_bodies_are_the_active_ones_by_name(site: LoopbackServer) -> None:
    bodies = legistar.list_bodies(CLIENT, Fetcher(), api=site.url)
    assert [(b.id, b.title) for b in bodies] == [
        ("138", "City Council"),
        ("147", "Parks and Recreation Commission"),
        ("142", "Planning and Land Use Committee"),
    ]  # the inactive Charter Review Commission is left out
    seen = site.seen[-1]
    assert seen.route == f"{BASE}/Bodies"
    assert seen.headers["Accept"] == "application/json"
    assert seen.query == {"$top": "1000", "$skip": "0"}


def test_events_are_asked_for_with_an_odata_filter_and_kept_to_the_body_and_dates(
    site: LoopbackServer,
) -> None:
    events = legistar.list_events(
        CLIENT, BODY_ID, Fetcher(), start=TODAY, end=dt.date(2027, 1, 31), api=site.url
    )
    assert [(e.id, e.date, e.time) for e in events] == [
        (UPCOMING_EVENT_ID, dt.date(2026, 12, 8), dt.time(18, 0)),
        ("4140", dt.date(2027, 1, 12), dt.time(18, 0)),
    ]
    assert events[0].title == "City Council"
    assert events[0].venue == "Council Chambers, City Hall, 100 Main Street"
    query = site.seen[-1].query
    assert query["$filter"] == (
        "EventBodyId eq 138 and EventDate ge datetime'2026-12-02' "
        "and EventDate lt datetime'2027-02-01'"
    )
    # the fake client ignores the filter, as a server may: the rows are checked again
    committee = legistar.list_events(
        CLIENT,
        COMMITTEE_BODY_ID,
        Fetcher(),
        start=dt.date(2026, 11, 1),
        end=dt.date(2026, 12, 10),
        api=site.url,
    )
    assert [(e.id, e.time) for e in committee] == [
        ("4098", dt.time(14, 0)),
        ("4131", dt.time(14, 0)),
    ]


def test_an_event_is_its_items_in_agenda_order_with_headings_and_closed_session(
    site: LoopbackServer,
) -> None:
    agenda = legistar.read_event(CLIENT, EVENT_ID, Fetcher(), api=site.url)
    assert (agenda.body, agenda.date, agenda.time) == (
        "City Council",
        dt.date(2026, 11, 17),
        dt.time(18, 0),
    )
    assert agenda.venue == "Council Chambers, City Hall, 100 Main Street"
    assert (agenda.source_id, agenda.committee_id, agenda.status) == (EVENT_ID, BODY_ID, "Final")
    # sent out of order: read in EventItemAgendaSequence order
    assert [(i.number, i.title[:22], i.heading) for i in agenda.items] == [
        ("", "CALL TO ORDER", True),
        ("", "ROLL CALL", True),
        ("1", "Approval of the Minute", False),
        ("", "CONSENT CALENDAR", True),
        ("2", "Resolution Authorizing", False),
        ("3", "Ordinance Amending Cha", False),
        ("", "PUBLIC HEARINGS", True),
        ("4", "Public Hearing: Appeal", False),
        ("5", "Ordinance Establishing", False),
        ("", "CLOSED SESSION", True),
        ("6", "Conference with Legal ", False),
        ("", "ADJOURNMENT", True),
    ]
    exempt = [i.number for i in agenda.items if i.exempt]
    assert exempt == ["6"]  # only the business under CLOSED SESSION, not the heading after
    resolution = agenda.items[4]
    assert resolution.title == (
        "Resolution Authorizing the City Manager to Execute a Contract with Valley Paving Co. "
        "for the 2027 Street Resurfacing Program"
    )  # its line break as one space
    assert resolution.report_reference == "RES 26-118"
    assert agenda.items[10].report_reference == "CS 26-003"
    assert agenda.items[7].agenda_text.startswith("Staff recommends that the Council deny")
    assert agenda.items[2].source_id == "41203"


def test_an_events_results_mover_seconder_tally_and_votes(site: LoopbackServer) -> None:
    items = {
        i.number: i for i in legistar.read_event(CLIENT, EVENT_ID, Fetcher(), api=site.url).items
    }
    ordinance = items["3"]
    assert (ordinance.mover, ordinance.seconder) == ("Priya Raman", "James Whitfield")
    assert (ordinance.result, ordinance.tally, ordinance.action) == ("Pass", "5:1", "adopted")
    assert Vote("Darnell Hayes", "Nay") in ordinance.votes
    assert Vote("Elena Kowalski", "Excused") in ordinance.votes
    assert len(ordinance.votes) == 7
    hearing = items["4"]
    assert (hearing.result, hearing.tally, hearing.action) == ("Fail", "2:4", "denied")
    assert Vote("Susan Okafor", "Abstain") in items["5"].votes
    assert (items["6"].result, items["6"].votes) == ("", ())
    # votes are asked for only where there are results; never for the headings
    asked = _routes(site, "/Votes")
    assert sorted(p.split("/")[4] for p in asked) == list(legistar_site.VOTED_ITEM_IDS)


def test_the_roll_call_is_the_attendance_with_seats_from_the_office_records(
    site: LoopbackServer,
) -> None:
    agenda = legistar.read_event(CLIENT, EVENT_ID, Fetcher(), api=site.url)
    people = [(a.name, a.attendance) for a in agenda.attendees]
    assert people == [
        ("Maria Delgado", "Present"),
        ("James Whitfield", "Present"),
        ("Priya Raman", "Present"),
        ("Marcus Bell", "Present"),
        ("Elena Kowalski", "Excused"),
        ("Darnell Hayes", "Present"),
        ("Susan Okafor", "Present"),
    ]
    seats = {a.name: a.role for a in agenda.attendees}
    assert seats["Maria Delgado"].startswith("Mayor")
    assert seats["James Whitfield"].startswith("Vice Mayor")  # his seat on 17 November
    assert seats["Marcus Bell"].startswith("Councilmember")
    assert agenda.attendees[0].member_id == "201"
    assert _routes(site, "/RollCalls") == [
        f"{BASE}/EventItems/{legistar_site.ROLL_CALL_ITEM_ID}/RollCalls?%24top=1000&%24skip=0"
    ]


def test_without_a_roll_call_the_attendees_are_the_members_in_office_on_the_day(
    site: LoopbackServer,
) -> None:
    agenda = legistar.read_event(CLIENT, UPCOMING_EVENT_ID, Fetcher(), api=site.url)
    assert agenda.date == dt.date(2026, 12, 8)
    assert all(a.attendance == "" for a in agenda.attendees)
    names = [a.name for a in agenda.attendees]
    assert names[0] == "Maria Delgado" and len(names) == 7
    assert "Robert Chen" not in names  # his term ended on 30 June
    assert not any(i.result or i.votes for i in agenda.items)
    assert _routes(site, "/Votes") == []


def test_office_records_are_read_over_two_pages(site: LoopbackServer) -> None:
    members = legistar.read_membership(CLIENT, BODY_ID, Fetcher(), on=TODAY, api=site.url)
    pages = [s.query for s in site.seen if s.route == f"{BASE}/OfficeRecords"]
    assert [(q["$top"], q["$skip"]) for q in pages] == [("1000", "0"), ("1000", "1000")]
    assert all(q["$filter"] == "OfficeRecordBodyId eq 138" for q in pages)
    # the current members are all on the second page, after 1,000 past terms
    assert [m.name for m in members] == [
        "Maria Delgado",
        "James Whitfield",
        "Priya Raman",
        "Marcus Bell",
        "Elena Kowalski",
        "Darnell Hayes",
        "Susan Okafor",
    ]
    okafor = members[-1]
    assert (okafor.term_from, okafor.term_to) == (dt.date(2026, 7, 1), dt.date(2028, 12, 12))
    later = legistar.read_membership(
        CLIENT, BODY_ID, Fetcher(), on=dt.date(2027, 1, 12), api=site.url
    )
    seats = {m.name: m.role for m in later}
    assert seats["Marcus Bell"].startswith("Vice Mayor")
    assert seats["James Whitfield"].startswith("Councilmember")


def test_a_committees_membership_keeps_a_non_voting_member_so(site: LoopbackServer) -> None:
    members = legistar.read_membership(CLIENT, COMMITTEE_BODY_ID, Fetcher(), on=TODAY, api=site.url)
    seats = {m.name: m.role for m in members}
    assert seats["Priya Raman"].startswith("Chair")
    assert seats["Marcus Bell"].startswith("Vice Chair")
    assert "Non-Voting" in seats["Thomas Reed"]
    assert members[-1].term_to is None


def test_paging_stops_at_its_cap(server: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legistar, "MAX_PAGES", 3)
    monkeypatch.setattr(legistar, "PAGE_ROWS", 2)
    row = {"BodyId": 1, "BodyName": "City Council", "BodyActiveFlag": 1}
    server.reply(f"{BASE}/Bodies", json_reply([row, row]))
    with pytest.raises(AgendaImportError) as exc:
        legistar.list_bodies(CLIENT, Fetcher(), api=server.url)
    assert "more than 6 rows" in _one_line(exc, server)
    assert len(server.seen) == 3


def test_an_imported_event_is_a_meeting_with_its_chair_apologies_and_results(
    site: LoopbackServer,
) -> None:
    agenda = legistar.read_event(CLIENT, EVENT_ID, Fetcher(), api=site.url)
    meeting, _ = meeting_from_agenda(agenda, find_style("uscity").style)
    by_name = {a.person.name: a for a in meeting.attendance}
    assert by_name["Maria Delgado"].role is Role.CHAIR
    assert by_name["James Whitfield"].role is Role.VICE_CHAIR
    assert by_name["Elena Kowalski"].status is AttendanceStatus.APOLOGIES
    hearing = next(i for i in meeting.items if i.agenda_number == "4")
    result = hearing.blocks[0]
    assert isinstance(result, Resolution)
    assert (result.outcome, result.votes_for, result.votes_against) == (Outcome.LOST, 2, 4)
    assert result.proposer_id == by_name["Darnell Hayes"].id
    choices = {v.attendee_id: v.choice for v in result.named_votes}
    assert choices[by_name["Maria Delgado"].id] is VoteChoice.AGAINST
    assert [i.exempt for i in meeting.items if i.agenda_number == "6"] == [True]


def test_an_imported_event_saves_loads_exports_and_passes_check(
    site: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = legistar.read_event(CLIENT, EVENT_ID, Fetcher(), api=site.url)
    meeting, _ = meeting_from_agenda(agenda, find_style("uscity").style)
    path = tmp_path / "council.minutes"
    save_new_meeting(meeting, path, rename=False)
    assert load_meeting(path) == meeting
    assert main(["export", str(path), "-o", str(tmp_path / "public.txt")]) == 0
    text = (tmp_path / "public.txt").read_text(encoding="utf-8")
    assert "Sidewalk Vending" in text
    # a closed session item is named in public, as the agenda named it; what was said is not
    closed = text.index("Springfield Neighbors Alliance")
    assert "closed session" in text[closed : closed + 200]
    capsys.readouterr()
    main(["check", str(path)])
    said = capsys.readouterr().out
    assert ": error" not in said, said


@pytest.mark.parametrize(
    ("typed", "client"),
    [
        ("springfield", "springfield"),
        ("  Seattle ", "seattle"),
        ("seattle.legistar.com", "seattle"),
        ("https://seattle.legistar.com/Calendar.aspx", "seattle"),
        ("sf_gov-2", "sf_gov-2"),
    ],
)
def test_a_client_name_as_typed(typed: str, client: str) -> None:
    assert legistar.normalise_client(typed) == client


@pytest.mark.parametrize("typed", ["", "   ", "new york", "../etc", "seattle?x=1", "séattle"])
def test_what_is_not_a_client_name_is_one_line(typed: str) -> None:
    with pytest.raises(AgendaImportError) as exc:
        legistar.normalise_client(typed)
    assert "\n" not in str(exc.value) and "client" in str(exc.value)


# --- failures --------------------------------------------------------------------------------


def _failure(server: LoopbackServer, fetcher: Fetcher | None = None, event: str = EVENT_ID) -> str:
    with pytest.raises(AgendaImportError) as exc:
        legistar.read_event(CLIENT, event, fetcher or Fetcher(), api=server.url)
    return _one_line(exc, server)


LOGIN = (
    b"<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>"
    b"User name <input name=u> Password <input type=password name=p></form></body></html>"
)


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (Reply(LOGIN, content_type="text/html"), "login page"),
        (
            Reply(
                b"<html><body><h1>Server Error in '/' Application.</h1></body></html>",
                200,
                "text/html",
            ),
            "web page instead of",
        ),
        (
            Reply(b"<html><body>Runtime Error</body></html>", 500, "text/html"),
            "HTTP 500",
        ),
        (
            Reply(b'{"Message":"An error has occurred."}', 500, "application/json"),
            "HTTP 500",
        ),
        (
            Reply(b'{"EventId": 4112, "EventDate": "2026-', content_type="application/json"),
            "not well-formed",
        ),
        (Reply(b"[1, 2", content_type="application/json"), "not well-formed"),
    ],
)
def test_a_failing_event_is_one_line(server: LoopbackServer, reply: Reply, words: str) -> None:
    server.reply(f"{BASE}/Events/{EVENT_ID}", reply)
    assert words in _failure(server)


def test_an_event_with_no_date(server: LoopbackServer) -> None:
    event = legistar_site.fixture(f"event-{EVENT_ID}.json")
    del event["EventDate"]
    server.reply(f"{BASE}/Events/{EVENT_ID}", json_reply(event))
    assert "no date" in _failure(server)


def test_a_list_where_one_event_belongs(server: LoopbackServer) -> None:
    server.reply(f"{BASE}/Events/{EVENT_ID}", json_reply([{"EventId": 1}, {"EventId": 2}]))
    assert "shape" in _failure(server)


def test_one_record_where_the_agenda_list_belongs(site: LoopbackServer) -> None:
    site.reply(f"{BASE}/Events/{EVENT_ID}/EventItems", json_reply({"EventItemId": 1}))
    message = _failure(site)
    assert "agenda" in message and "not a list" in message


def test_a_list_of_plain_values_where_bodies_belong(server: LoopbackServer) -> None:
    server.reply(f"{BASE}/Bodies", json_reply(["City Council"]))
    with pytest.raises(AgendaImportError) as exc:
        legistar.list_bodies(CLIENT, Fetcher(), api=server.url)
    assert "not a list of rows" in _one_line(exc, server)


def test_a_failing_page_of_office_records_is_one_line(site: LoopbackServer) -> None:
    site.reply(
        f"{BASE}/OfficeRecords?$skip=1000",
        Reply(b"<html><body>Service Unavailable</body></html>", 503, "text/html"),
    )
    with pytest.raises(AgendaImportError) as exc:
        legistar.read_membership(CLIENT, BODY_ID, Fetcher(), on=TODAY, api=site.url)
    assert "HTTP 503" in _one_line(exc, site)


@pytest.mark.parametrize(
    "reply",
    [
        # what a Web API answers for a record it does not have: a 404 (with its message) ...
        Reply(b'{"Message":"No event was found."}', 404, "application/json"),
        # ... or, as some of its resources do, an empty answer or JSON null with a 200
        Reply(b"", 200, "application/json"),
        Reply(b"null", 200, "application/json"),
    ],
)
def test_an_event_the_client_does_not_know(server: LoopbackServer, reply: Reply) -> None:
    server.reply(f"{BASE}/Events/99999", reply)
    message = _failure(server, event="99999")
    assert f"has no event 99999 for {CLIENT}: check the event's number" in message
    assert "not well-formed" not in message


def test_an_event_number_that_is_not_one(server: LoopbackServer) -> None:
    assert "has no event 99x: Legistar's events are numbered" in _failure(server, event="99x")
    assert server.seen == []


def test_a_slow_client_is_cut_off(server: LoopbackServer) -> None:
    server.reply(
        f"{BASE}/Events/{EVENT_ID}", Reply(b"{}", content_type="application/json", delay=0.6)
    )
    assert "did not answer in time" in _failure(server, Fetcher(timeout=0.3, deadline=1))


def test_a_trickling_client_is_cut_off(server: LoopbackServer) -> None:
    body = b"[" + b'{"BodyId": 1, "BodyName": "City Council"},' * 40 + b"{}]"
    server.reply(f"{BASE}/Bodies", Reply(body, content_type="application/json", trickle=0.05))
    with pytest.raises(AgendaImportError) as exc:
        legistar.list_bodies(CLIENT, Fetcher(timeout=0.3, deadline=0.3), api=server.url)
    assert "did not answer in time" in _one_line(exc, server)
