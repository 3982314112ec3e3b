"""The ModernGov reader against a real HTTP server on loopback that answers as a modern.gov site
does (tests/importers/moderngov_site.py): the quirks decoded, every failure one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_app.importers import moderngov
from clerk_app.importers.agenda import AgendaImportError
from clerk_app.importers.fetch import Fetcher
from tests.importers import moderngov_site
from tests.importers.server import LoopbackServer, Reply

GET_MEETING = "/mgWebService.asmx/GetMeeting"


@pytest.fixture
def site(server: LoopbackServer) -> LoopbackServer:
    moderngov_site.serve_moderngov(server)
    return server


def _failure(server: LoopbackServer, reply: Reply, fetcher: Fetcher | None = None) -> str:
    server.reply(GET_MEETING, reply)
    with pytest.raises(AgendaImportError) as caught:
        moderngov.read_meeting(server.url, "7", fetcher or Fetcher())
    line = str(caught.value)
    assert "\n" not in line and line.startswith(f"{server.url}: ")
    return line


def test_committees_are_listed_by_title_decoded_and_without_expired_ones(
    site: LoopbackServer,
) -> None:
    committees = moderngov.list_committees(site.url, Fetcher())
    assert [(c.id, c.title) for c in committees] == [
        ("17", "Audit & Risk Committee"),
        ("42", moderngov_site.COMMITTEE_TITLE),
        ("9", "Health and Wellbeing Board"),
    ]


def test_meetings_are_asked_for_with_dates_as_modern_gov_reads_them(site: LoopbackServer) -> None:
    meetings = moderngov.list_meetings(
        site.url, "42", Fetcher(), start=dt.date(2026, 12, 3), end=dt.date(2027, 12, 3)
    )
    (asked,) = [s for s in site.seen if s.route.endswith("/GetMeetings")]
    assert asked.query == {"lCommitteeId": "42", "sFromDate": "03/12/2026", "sToDate": "03/12/2027"}
    # the site sent all five, out of order: those in the range, by date, times read both ways
    assert [(m.id, m.date, m.time) for m in meetings] == [
        ("30", dt.date(2026, 12, 15), dt.time(17, 30)),
        ("31", dt.date(2027, 1, 19), dt.time(17, 30)),
        ("32", dt.date(2027, 3, 16), None),
    ]
    assert meetings[0].venue == "Meeting Room G.01, Ground Floor, City Hall"
    assert meetings[2].status == "provisional"


def test_a_meeting_is_its_items_in_agenda_order_with_titles_decoded_once(
    site: LoopbackServer,
) -> None:
    agenda = moderngov.read_meeting(site.url, "7", Fetcher())
    assert agenda.body == moderngov_site.COMMITTEE_TITLE
    assert (agenda.date, agenda.time) == (dt.date(2025, 6, 18), dt.time(17, 30))
    assert agenda.venue == "Meeting Room G.01, Ground Floor, City Hall"
    assert (agenda.source_id, agenda.committee_id, agenda.status) == ("7", "42", "confirmed")
    # item 11 came before item 10; numbers came as " 10"
    assert tuple(item.title for item in agenda.items) == moderngov_site.ITEM_TITLES_IN_ORDER
    assert [item.number for item in agenda.items] == [str(n) for n in range(1, 19)]
    assert [item.minute_number for item in agenda.items] == [str(n) for n in range(149, 167)]
    minutes = agenda.items[2]
    assert minutes.documents == ("Minutes of 8 April 2025", "Minutes of 22 May 2025")
    assert minutes.source_id == "1103"
    families = agenda.items[10]
    assert families.agenda_text == (
        "The Strategic Director of Social Care and Education submits a report on the Families "
        "First Programme.\nMembers are recommended to note the report."
    )
    # HTML inside the XML, its ampersand encoded once more: one ampersand in the end
    assert agenda.items[9].agenda_text == (
        "The Strategic Director of Social Care & Education gives a presentation."
    )


def test_restricted_items_are_exempt_with_the_reason_the_agenda_cites(
    site: LoopbackServer,
) -> None:
    agenda = moderngov.read_meeting(site.url, "7", Fetcher())
    exempt = {item.title: item.exempt_reason for item in agenda.items if item.exempt}
    assert exempt == {
        "Contract Award: Children's Residential Placements": moderngov_site.REASON_GIVEN,
        "Staffing Matter": "",  # to be filled by the clerk
    }


def test_attendees_come_from_attributes_in_the_sites_own_words(site: LoopbackServer) -> None:
    agenda = moderngov.read_meeting(site.url, "7", Fetcher())
    people = {a.name: (a.role, a.attendance, a.member_id) for a in agenda.attendees}
    assert people["Councillor Misbah Batool"] == ("Chair", "Present", "2041")
    assert people["Councillor Deborah Bonham"] == ("Vice-Chair", "Present", "2042")
    assert people["Councillor Hemant Rae Bhatia"] == ("Committee Member", "Apologies", "2043")
    assert people["Kate Katomeris"] == ("Senior Governance Officer", "In attendance", "")
    assert people["Joycelin Eze-Okubuiro"][0].startswith("Co-opted Member")
    assert len(agenda.attendees) == 12


def test_a_membership_is_the_latest_past_meeting_that_lists_attendees(
    site: LoopbackServer,
) -> None:
    people = moderngov.read_membership(site.url, "42", Fetcher(), today=dt.date(2025, 7, 1))
    assert people[0].name == "Councillor Misbah Batool" and len(people) == 12
    asked = [s.query.get("lMeetingId") for s in site.seen if s.route.endswith("/GetMeeting")]
    assert asked == ["7"]  # the June meeting, not the ones before or after


def test_a_meeting_the_site_does_not_know(site: LoopbackServer) -> None:
    with pytest.raises(AgendaImportError, match=r"does not know a meeting 99$"):
        moderngov.read_meeting(site.url, "99", Fetcher())


def test_an_error_answer_is_its_message(server: LoopbackServer) -> None:
    body = b"<error><message>Invalid meeting id</message></error>"
    line = _failure(server, Reply(body, content_type="text/xml"))
    assert line.endswith("answered GetMeeting with an error: Invalid meeting id")


def test_a_meeting_with_no_date(server: LoopbackServer) -> None:
    body = b"<getmeeting><meeting><meetingid>7</meetingid><meetingdate>soon</meetingdate>"
    body += b"</meeting></getmeeting>"
    line = _failure(server, Reply(body, content_type="text/xml"))
    assert line.endswith("sent meeting 7 with no date Clerk can read")


def test_a_namespaced_answer_reads_the_same(server: LoopbackServer) -> None:
    body = (
        b'<?xml version="1.0"?><getmeeting xmlns="http://moderngov.co.uk/namespaces">'
        b"<meeting><meetingid>7</meetingid><MeetingDate>18/06/2025</MeetingDate>"
        b"<agendaitems><agendaitem><agendaitemtitle>Petitions</agendaitemtitle>"
        b"<agendaitemnumber>1</agendaitemnumber></agendaitem></agendaitems>"
        b"</meeting></getmeeting>"
    )
    server.reply(GET_MEETING, Reply(body, content_type="text/xml"))
    agenda = moderngov.read_meeting(server.url, "7", Fetcher())
    assert agenda.date == dt.date(2025, 6, 18)
    assert [(i.number, i.title) for i in agenda.items] == [("1", "Petitions")]


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (
            Reply(
                b"<html><body><form>User name <input name=u> Password <input type=password>"
                b"</form></body></html>",
                content_type="text/html",
            ),
            "login page",
        ),
        (
            Reply(b"<!DOCTYPE html><html><body><h1>Server Error in '/' Application.</h1>"),
            "web page instead of ModernGov's meeting",
        ),
        (Reply(b"<html><body>Runtime Error</body></html>", status=500), "HTTP 500"),
        (Reply(b"<getmeeting><meeting><meetingid>7", content_type="text/xml"), "not well-formed"),
        (Reply(b"", content_type="text/xml"), "not well-formed"),
    ],
)
def test_a_failing_site_is_one_line(server: LoopbackServer, reply: Reply, words: str) -> None:
    assert words in _failure(server, reply)


def test_a_slow_site_is_cut_off(server: LoopbackServer) -> None:
    line = _failure(server, Reply(b"<getmeeting/>", delay=1.0), Fetcher(timeout=0.3, deadline=1))
    assert "did not answer in time" in line


def test_an_xml_bomb_is_refused_unexpanded(server: LoopbackServer) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">'.encode() for n in range(1, 10)
        ).replace(b"&lol0;", b"&lol;")
        + b"]><getmeeting><meeting><meetingid>&lol9;</meetingid></meeting></getmeeting>"
    )
    assert "document type declaration" in _failure(server, Reply(bomb, content_type="text/xml"))


def test_an_external_entity_is_never_read(server: LoopbackServer, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the council's secret", encoding="utf-8")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        "<getmeeting><meeting><meetingid>7</meetingid><meetingdate>18/06/2025</meetingdate>"
        "<agendaitems><agendaitem><agendaitemtitle>&x;</agendaitemtitle></agendaitem>"
        "</agendaitems></meeting></getmeeting>"
    ).encode()
    line = _failure(server, Reply(body, content_type="text/xml"))
    assert "secret" not in line and "document type declaration" in line


@pytest.mark.parametrize(
    ("sent", "seen"),
    [
        ("Children&amp;#39;s Services", "Children's Services"),
        ("Audit &amp;amp; Risk", "Audit & Risk"),
        ("Audit &amp; Risk", "Audit & Risk"),
        ("Fish &amp; Chips &lt;3", "Fish & Chips <3"),
        ("  Public\u00a0Questions  ", "Public Questions"),
        ("R&D Fund; 5% & more", "R&D Fund; 5% & more"),
    ],
)
def test_titles_are_decoded_once_however_they_came(sent: str, seen: str) -> None:
    assert moderngov.decode(sent) == seen


@pytest.mark.parametrize(
    ("sent", "seen"),
    [
        ("17:30", dt.time(17, 30)),
        ("17:30:00", dt.time(17, 30)),
        ("5.30 pm", dt.time(17, 30)),
        ("10am", dt.time(10, 0)),
        ("18/06/2025 17:30:00", dt.time(17, 30)),
        ("2025-06-18T09:15:00", dt.time(9, 15)),
        ("", None),
        ("TBC", None),
    ],
)
def test_meeting_times_in_the_forms_sites_send(sent: str, seen: dt.time | None) -> None:
    assert moderngov._time(sent) == seen
