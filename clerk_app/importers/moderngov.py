"""ModernGov (Civica's modern.gov): a council's committee site, read through its public web
service, `{site}/mgWebService.asmx/{Method}` (plain GET, XML).

    GetCommittees                                      the committees
    GetMeetings?lCommitteeId=&sFromDate=&sToDate=      a committee's meetings (dates dd/mm/yyyy)
    GetMeeting?lMeetingId=                             a meeting: its agenda items and attendees

The shapes followed are the ones every modern.gov site publishes (its service description at
`{site}/mgWebService.asmx`, and the public scrapers of DemocracyClub's LGSF): lower-case element
names; a meeting's fields as child elements; attendees' data in attributes (`name`,
`roledescription`, `attendance`, `memberid`). Real sites' quirks are decoded here: titles
HTML-encoded twice ("Children&amp;#39;s"), numbers and counts with a leading space, dates in
more than one form, empty elements. Element names are matched without their case or namespace,
so a site that wraps the answer in a namespace or capitalises a name still reads.

Every failure is one AgendaImportError naming the site. No Qt, nothing written.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from lxml import etree

from clerk_app.domain.typed import parse_time
from clerk_app.importers.agenda import (
    Agenda,
    AgendaImportError,
    AgendaItem,
    Attendee,
    CommitteeListing,
    MeetingListing,
    cited_reason,
)
from clerk_app.importers.fetch import Fetcher, parse_xml, site_name

SERVICE = "mgWebService.asmx"
ACCEPT = "text/xml, application/xml;q=0.9"
MEMBERSHIP_LOOKBACK_DAYS = 400
"""How far back `read_membership` looks for a meeting that lists its attendees."""
MEMBERSHIP_MEETINGS_TRIED = 6


# --- reading the XML ---------------------------------------------------------------------------


def _name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        return ""
    return etree.QName(tag).localname.casefold()


def _all(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Every element below `element` named `name` (any case, any namespace)."""
    for found in element.iter():
        if found is not element and _name(found) == name:
            yield found


def _all_text(element: etree._Element) -> str:
    return "".join(str(part) for part in element.itertext())


def _text(element: etree._Element, *names: str) -> str:
    """The decoded text of the first child element named one of `names`, else ""."""
    for name in names:
        for child in element:
            if _name(child) == name:
                return decode(_all_text(child))
    return ""


def _attribute(element: etree._Element, *names: str) -> str:
    wanted = set(names)
    for key, value in element.attrib.items():
        if etree.QName(key).localname.casefold() in wanted:
            return decode(str(value))
    return ""


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)


def decode(text: str) -> str:
    """The plain text of a ModernGov value: HTML entities the site encoded again inside the XML
    decoded (at most twice more: "&amp;amp;" is an ampersand), spaces made plain and runs of
    them one, the ends stripped."""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return " ".join(text.replace("\xa0", " ").split())


class _PlainText(HTMLParser):
    """The readable text of an agenda item's HTML: paragraphs and line breaks as new lines,
    scripts and styles dropped. Never fetches anything."""

    BREAKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
    HIDDEN = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def plain_text(markup: str) -> str:
    """An agenda item's text, sent as HTML (and sometimes encoded again), as plain paragraphs."""
    if _ENTITY.search(markup) and "<" not in markup:
        markup = html.unescape(markup)
    reader = _PlainText()
    reader.feed(markup)
    reader.close()
    lines = [decode(line) for line in "".join(reader.parts).split("\n")]
    return "\n".join(line for line in lines if line)


_DATE_FORMS = ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y")


def _date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    head = text.split("T")[0].split(" ")[0] if re.match(r"\d", text) else text
    for form in _DATE_FORMS:
        try:
            return dt.datetime.strptime(head, form).date()
        except ValueError:
            continue
    return None


def _time(text: str) -> dt.time | None:
    """ "17:30", "17:30:00", "5.30 pm", "5pm", a date-time ("18/06/2025 17:30:00",
    "2025-06-18T17:30:00"), read as a clerk's typed time is (`parse_time`); None for none, or
    words ("TBC")."""
    text = text.strip()
    if "T" in text:
        text = text.split("T", 1)[1]
    elif re.match(r"\d{1,2}/\d{1,2}/\d{2,4}\s", text):
        text = text.split(None, 1)[1]
    text = re.sub(r"^(\d{1,2}[:.]\d{2}):\d{2}(?:\.\d+)?$", r"\1", text)  # seconds
    try:
        return parse_time(text)
    except ValueError:
        return None


def _flag(text: str) -> bool:
    return text.strip().casefold() in ("true", "1", "yes", "y")


def _number_key(number: str) -> tuple[int, ...] | None:
    """ "4" -> (4,), "4.1" -> (4, 1), "4(b)" -> (4, 2); None for no number."""
    parts = re.findall(r"\d+|[a-z](?![a-z])", number.casefold())
    if not parts or not parts[0].isdigit():
        return None
    return tuple(int(p) if p.isdigit() else ord(p) - ord("a") + 1 for p in parts)


# --- asking the site ---------------------------------------------------------------------------


def _ask(site: str, method: str, fetcher: Fetcher, what: str, **params: str) -> etree._Element:
    response = fetcher.get(f"{site}/{SERVICE}/{method}", accept=ACCEPT, params=params or None)
    root = parse_xml(response, what)
    problem = _error_of(root)
    if problem:
        raise AgendaImportError(
            site_name(response.url), f"answered {method} with an error: {problem}"
        )
    return root


def _error_of(root: etree._Element) -> str:
    """The message of an error answer (`<error>...</error>` or a SOAP fault), else ""."""
    if _name(root) in ("error", "fault"):
        return decode(_all_text(root))[:200] or "no message"
    for name in ("error", "faultstring"):
        for found in _all(root, name):
            message = decode(_all_text(found))
            if message:
                return message[:200]
    return ""


def list_committees(site: str, fetcher: Fetcher) -> list[CommitteeListing]:
    """The site's committees, by title (expired ones, where the site says so, left out)."""
    root = _ask(site, "GetCommittees", fetcher, "ModernGov's list of committees")
    found: dict[str, CommitteeListing] = {}
    for element in _all(root, "committee"):
        number = _text(element, "committeeid", "id")
        title = _text(element, "committeetitle", "title")
        if not number or not title or _flag(_text(element, "committeeexpired", "expired")):
            continue
        found.setdefault(number, CommitteeListing(number, title))
    if not found and not any(True for _ in _all(root, "committee")):
        raise AgendaImportError(site_name(site), "sent no committees (is this a ModernGov site?)")
    return sorted(found.values(), key=lambda c: c.title.casefold())


def _listing(element: etree._Element) -> MeetingListing | None:
    number = _text(element, "meetingid", "id")
    date = _date(_text(element, "meetingdate", "date"))
    if not number or date is None:
        return None
    return MeetingListing(
        id=number,
        date=date,
        time=_time(_text(element, "meetingtime", "time")),
        title=_text(element, "committeetitle", "meetingtitle", "title"),
        venue=_text(element, "location", "meetinglocation", "venue"),
        status=_text(element, "meetingstatus", "status"),
    )


def list_meetings(
    site: str, committee_id: str, fetcher: Fetcher, *, start: dt.date, end: dt.date
) -> list[MeetingListing]:
    """The committee's meetings from `start` to `end`, by date. The dates go as dd/mm/yyyy:
    modern.gov silently ignores any other form and answers with every meeting."""
    root = _ask(
        site,
        "GetMeetings",
        fetcher,
        "ModernGov's list of meetings",
        lCommitteeId=committee_id.strip(),
        sFromDate=start.strftime("%d/%m/%Y"),
        sToDate=end.strftime("%d/%m/%Y"),
    )
    meetings = {
        listing.id: listing
        for element in _all(root, "meeting")
        if (listing := _listing(element)) is not None and start <= listing.date <= end
    }
    return sorted(meetings.values(), key=lambda m: (m.date, m.time or dt.time(), m.id))


def _documents(element: etree._Element) -> tuple[str, ...]:
    titles: list[str] = []
    for document in _all(element, "linkeddocument"):
        title = _text(document, "title", "documenttitle") or _attribute(document, "title")
        if title and title not in titles:
            titles.append(title)
    return tuple(titles)


def _item(element: etree._Element) -> AgendaItem:
    title = _text(element, "agendaitemtitle", "title")
    number = _text(element, "agendaitemnumber")
    shown = _text(element, "fulldisplaynumberformat")
    if shown and _number_key(shown) is not None and (not number or len(shown) > len(number)):
        number = shown.rstrip(".")
    text = plain_text(next((_all_text(e) for e in element if _name(e) == "agendatext"), ""))
    exempt = _flag(_text(element, "isrestricted", "restricted"))
    return AgendaItem(
        title=title,
        number=number,
        minute_number=_text(element, "minutesitemnumber"),
        exempt=exempt,
        exempt_reason=cited_reason(f"{title}\n{text}") if exempt else "",
        agenda_text=text,
        documents=_documents(element),
        heading=not number and title.isupper() and len(title.split()) <= 4,
        source_id=_text(element, "agendaitemid", "id"),
    )


def _attendee(element: etree._Element) -> Attendee | None:
    name = _attribute(element, "name") or _text(element, "name", "membername")
    if not name:
        return None
    return Attendee(
        name=name,
        role=_attribute(element, "roledescription", "role") or _text(element, "roledescription"),
        attendance=_attribute(element, "attendance") or _text(element, "attendance"),
        member_id=_attribute(element, "memberid") or _text(element, "memberid"),
        substitute_for=_attribute(element, "substitutefor", "deputyfor"),
    )


def _in_order(items: list[AgendaItem]) -> tuple[AgendaItem, ...]:
    """Agenda order: by number when every item has one (sites send them in the order they were
    entered, not always the agenda's), else as sent."""
    keys = [_number_key(item.number) for item in items]
    if items and all(key is not None for key in keys):
        ordered = sorted(zip(keys, range(len(items)), items, strict=True))
        return tuple(item for _key, _at, item in ordered)
    return tuple(items)


def read_meeting(site: str, meeting_id: str, fetcher: Fetcher) -> Agenda:
    """The meeting's agenda and attendees. A meeting the site does not know (modern.gov then
    answers with an empty meeting, or none) is an AgendaImportError, as is one with no date."""
    meeting_id = meeting_id.strip()
    root = _ask(site, "GetMeeting", fetcher, "ModernGov's meeting", lMeetingId=meeting_id)
    name = site_name(site)
    meeting = root if _name(root) == "meeting" else next(_all(root, "meeting"), None)
    if meeting is None or not (_text(meeting, "meetingid") or _text(meeting, "meetingdate")):
        raise AgendaImportError(name, f"does not know a meeting {meeting_id}")
    date = _date(_text(meeting, "meetingdate", "date"))
    if date is None:
        raise AgendaImportError(name, f"sent meeting {meeting_id} with no date Clerk can read")
    items = [_item(element) for element in _all(meeting, "agendaitem")]
    items = [item for item in items if item.title]
    seen: set[tuple[str, str]] = set()
    attendees: list[Attendee] = []
    for element in _all(meeting, "attendee"):
        person = _attendee(element)
        if person is not None and (person.name, person.role) not in seen:
            seen.add((person.name, person.role))
            attendees.append(person)
    notes: list[str] = []
    if not items:
        notes.append(f"{name} lists no agenda items for this meeting yet")
    return Agenda(
        source=name,
        body=_text(meeting, "committeetitle", "meetingtitle"),
        date=date,
        time=_time(_text(meeting, "meetingtime", "time")),
        venue=_text(meeting, "location", "meetinglocation", "venue"),
        items=_in_order(items),
        attendees=tuple(attendees),
        source_id=_text(meeting, "meetingid") or meeting_id,
        committee_id=_text(meeting, "committeeid"),
        status=_text(meeting, "meetingstatus", "status"),
        notes=tuple(notes),
    )


def read_membership(
    site: str, committee_id: str, fetcher: Fetcher, *, today: dt.date
) -> tuple[Attendee, ...]:
    """The committee's membership, as its meetings' attendees show it: the latest meeting on or
    before `today` (within about a year) that lists any, else the next one that does. ModernGov's
    web service publishes a committee's members only through its meetings; the latest meeting is
    the membership as it now stands (a substitute there is kept, marked as one)."""
    meetings = list_meetings(
        site,
        committee_id,
        fetcher,
        start=today - dt.timedelta(days=MEMBERSHIP_LOOKBACK_DAYS),
        end=today + dt.timedelta(days=MEMBERSHIP_LOOKBACK_DAYS),
    )
    past = [m for m in meetings if m.date <= today][::-1]
    coming = [m for m in meetings if m.date > today]
    for listing in (past + coming)[:MEMBERSHIP_MEETINGS_TRIED]:
        agenda = read_meeting(site, listing.id, fetcher)
        if agenda.attendees:
            return agenda.attendees
    raise AgendaImportError(
        site_name(site), f"lists nobody at committee {committee_id}'s meetings of the past year"
    )
