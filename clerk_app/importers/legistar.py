"""Legistar (Granicus): a US city's council and its committees, read through the public Legistar
Web API, `{api}/v1/{client}/...` (plain GET, JSON with `Accept: application/json`).

    Bodies                                the council and its committees (BodyId, BodyName)
    Events?$filter=...                    a body's meetings (EventId, EventDate, EventTime ...)
    Events/{id}                           one meeting
    Events/{id}/EventItems                its agenda, with the results where published
    EventItems/{id}/Votes                 how each member voted on an item
    EventItems/{id}/RollCalls             who was there (on a roll call item)
    OfficeRecords?$filter=...             a body's membership: who held which seat, and when

The shapes followed are the Web API's own (its help pages at `{api}/Help`) as public clients of
it read them (the field names above and below). Lists come 1,000 rows a page at most: a list is
read with `$top`/`$skip` until a page has fewer rows (at most MAX_PAGES pages). OData `$filter`
narrows the events to the body and the dates; the rows are checked again here, as a server that
ignores the filter sends everything.

Legistar's quirks decoded here: dates as "2026-11-17T00:00:00", times as "6:30 PM", agenda
numbers with a trailing full stop ("3."), headings as unnumbered items in capitals ("CONSENT
CALENDAR"), closed-session business under a "CLOSED SESSION" heading, empty strings and nulls
for a field not filled in, line breaks inside a location.

Every failure is one AgendaImportError naming the site. No Qt, nothing written.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.parse
from collections.abc import Mapping
from typing import Any

from clerk_app.domain.typed import parse_time
from clerk_app.importers.agenda import (
    Agenda,
    AgendaImportError,
    AgendaItem,
    Attendee,
    CommitteeListing,
    MeetingListing,
    Vote,
)
from clerk_app.importers.fetch import Fetcher, Response, parse_json, site_name

DEFAULT_API = "https://webapi.legistar.com"
ACCEPT = "application/json"
PAGE_ROWS = 1000
"""The most rows the Web API sends in one answer."""
MAX_PAGES = 20
"""The most pages of one list read (20,000 rows): more is not a committee's business."""

_CLIENT = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_SPACES = re.compile(r"\s+")
_HEADING_WORDS = frozenset(
    {
        "call to order",
        "roll call",
        "consent calendar",
        "consent agenda",
        "closed session",
        "executive session",
        "public hearing",
        "public hearings",
        "public comment",
        "public comments",
        "new business",
        "old business",
        "unfinished business",
        "reports",
        "adjournment",
        "adjourn",
    }
)
_CLOSED = re.compile(r"\b(?:closed|executive)\s+session\b", re.IGNORECASE)


# --- the client and the API -------------------------------------------------------------------


def normalise_client(text: str) -> str:
    """A client's name as typed ("Seattle", "seattle.legistar.com", an address on it) as the
    Web API names it ("seattle"). Raises AgendaImportError for anything else."""
    typed = text.strip()
    if not typed:
        raise AgendaImportError("The Legistar client", "no client name was given (as in seattle)")
    name = typed.casefold()
    if "legistar.com" in name:
        host = urllib.parse.urlsplit(name if "://" in name else "https://" + name).hostname or ""
        labels = host.split(".")
        if len(labels) >= 3 and labels[-2:] == ["legistar", "com"]:
            name = labels[0]
    if not _CLIENT.match(name):
        raise AgendaImportError(
            typed,
            "is not a Legistar client's name: letters, digits, - and _ only, "
            "as in seattle for seattle.legistar.com",
        )
    return name


def _root(client: str, api: str) -> str:
    return f"{api.rstrip('/')}/v1/{normalise_client(client)}"


def _get(fetcher: Fetcher, url: str, params: Mapping[str, str] | None = None) -> Response:
    return fetcher.get(url, accept=ACCEPT, params=params)


def _is_404(error: AgendaImportError) -> bool:
    return "(HTTP 404)" in error.problem


def _json(response: Response, what: str) -> Any:
    if not response.body.strip():
        return None
    return parse_json(response, what)


def _rows(
    fetcher: Fetcher,
    url: str,
    what: str,
    params: Mapping[str, str] | None = None,
    *,
    missing_is_empty: bool = False,
) -> list[dict[str, Any]]:
    """Every row of a list, page by page. `missing_is_empty`: a 404 is no rows (a list the
    client does not publish)."""
    found: list[dict[str, Any]] = []
    for page in range(MAX_PAGES):
        query = dict(params or {})
        query["$top"] = str(PAGE_ROWS)
        query["$skip"] = str(page * PAGE_ROWS)
        try:
            response = _get(fetcher, url, query)
        except AgendaImportError as exc:
            if missing_is_empty and _is_404(exc):
                return found
            raise
        value = _json(response, what)
        if value is None:
            return found
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise AgendaImportError(
                site_name(url), f"sent {what} in a shape Clerk cannot read (not a list of rows)"
            )
        found.extend(value)
        if len(value) < PAGE_ROWS:
            return found
    raise AgendaImportError(
        site_name(url),
        f"sent more than {MAX_PAGES * PAGE_ROWS:,} rows of {what}; Clerk stops there "
        "(is the client's name right?)",
    )


# --- values ------------------------------------------------------------------------------------


def _text(row: Mapping[str, Any], key: str) -> str:
    """A field as plain text, on one line: "" for null, a number as written, entities decoded
    once."""
    value = row.get(key)
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    text = str(value)
    if "&" in text:
        text = html.unescape(text)
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def _id(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if isinstance(value, (int, str)) else ""


def _date(text: str) -> dt.date | None:
    """ "2026-11-17T00:00:00" (Legistar's), "2026-11-17", "11/17/2026"."""
    text = text.strip()
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
        if not match:
            return None
        month, day, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _time(text: str) -> dt.time | None:
    """ "6:30 PM", "9 AM", "18:30", read as a clerk's typed time is (`parse_time`); None for
    none, a bare number, or words ("Immediately following")."""
    text = text.strip()
    if text.isdigit():
        return None
    try:
        return parse_time(text)
    except ValueError:
        return None


def _flag(row: Mapping[str, Any], key: str) -> bool:
    return _text(row, key).casefold() in ("1", "true", "yes")


def _active(row: Mapping[str, Any], on: dt.date) -> bool:
    start = _date(_text(row, "OfficeRecordStartDate"))
    end = _date(_text(row, "OfficeRecordEndDate"))
    return (start is None or start <= on) and (end is None or on <= end)


# --- bodies and events -------------------------------------------------------------------------


def list_bodies(client: str, fetcher: Fetcher, *, api: str = DEFAULT_API) -> list[CommitteeListing]:
    """The client's active bodies (its council and committees), by name."""
    root = _root(client, api)
    rows = _rows(fetcher, f"{root}/Bodies", "Legistar's list of bodies")
    found: dict[str, CommitteeListing] = {}
    for row in rows:
        number, name = _id(row, "BodyId"), _text(row, "BodyName")
        if not number or not name:
            continue
        if row.get("BodyActiveFlag") is not None and not _flag(row, "BodyActiveFlag"):
            continue
        found.setdefault(number, CommitteeListing(number, name))
    if not found:
        raise AgendaImportError(
            site_name(api), f"sent no bodies for {normalise_client(client)} (is the client right?)"
        )
    return sorted(found.values(), key=lambda body: body.title.casefold())


def _body_id(body_id: str, api: str) -> int:
    text = body_id.strip()
    if not text.isdigit():
        raise AgendaImportError(site_name(api), f"has no body {text or '(none given)'}")
    return int(text)


def list_events(
    client: str,
    body_id: str,
    fetcher: Fetcher,
    *,
    start: dt.date,
    end: dt.date,
    api: str = DEFAULT_API,
) -> list[MeetingListing]:
    """The body's events (meetings) from `start` to `end`, both included, by date and time."""
    number = _body_id(body_id, api)
    after = end + dt.timedelta(days=1)
    query = {
        "$filter": f"EventBodyId eq {number} and EventDate ge datetime'{start.isoformat()}' "
        f"and EventDate lt datetime'{after.isoformat()}'",
        "$orderby": "EventDate",
    }
    rows = _rows(fetcher, f"{_root(client, api)}/Events", "Legistar's list of events", query)
    found: list[MeetingListing] = []
    for row in rows:
        date = _date(_text(row, "EventDate"))
        event_id = _id(row, "EventId")
        if date is None or not event_id or not start <= date <= end:
            continue
        if _id(row, "EventBodyId") not in ("", str(number)):
            continue
        found.append(
            MeetingListing(
                event_id,
                date,
                _time(_text(row, "EventTime")),
                _text(row, "EventBodyName"),
                _text(row, "EventLocation"),
                _text(row, "EventAgendaStatusName"),
            )
        )
    found.sort(key=lambda m: (m.date, m.time or dt.time(0), m.id))
    return found


# --- membership --------------------------------------------------------------------------------


def _office_records(root: str, body_id: int, fetcher: Fetcher, on: dt.date) -> list[dict[str, Any]]:
    rows = _rows(
        fetcher,
        f"{root}/OfficeRecords",
        "Legistar's office records",
        {"$filter": f"OfficeRecordBodyId eq {body_id}"},
    )
    rows = [row for row in rows if _id(row, "OfficeRecordBodyId") in ("", str(body_id))]
    active = [row for row in rows if _text(row, "OfficeRecordFullName") and _active(row, on)]
    active.sort(key=lambda row: (_sort_key(row), _text(row, "OfficeRecordFullName").casefold()))
    return active


def _sort_key(row: Mapping[str, Any]) -> int:
    value = row.get("OfficeRecordSort")
    return value if isinstance(value, int) and not isinstance(value, bool) else 10**6


def _role(row: Mapping[str, Any]) -> str:
    """The seat as Legistar words it: its title ("Mayor", "Chair", "Councilmember"), with the
    member type where it says more ("Member (Non-Voting Member)")."""
    title = _text(row, "OfficeRecordTitle")
    kind = _text(row, "OfficeRecordMemberType")
    if not kind or kind.casefold() in title.casefold():
        return title
    if not title:
        return kind
    return f"{title} ({kind})"


def _member(row: Mapping[str, Any], attendance: str = "") -> Attendee:
    return Attendee(
        name=_text(row, "OfficeRecordFullName"),
        role=_role(row),
        attendance=attendance,
        member_id=_id(row, "OfficeRecordPersonId"),
        term_from=_date(_text(row, "OfficeRecordStartDate")),
        term_to=_date(_text(row, "OfficeRecordEndDate")),
    )


def read_membership(
    client: str, body_id: str, fetcher: Fetcher, *, on: dt.date, api: str = DEFAULT_API
) -> tuple[Attendee, ...]:
    """The body's members on `on`: its office records whose term includes that day, with their
    seats' titles and terms."""
    number = _body_id(body_id, api)
    return tuple(_member(row) for row in _office_records(_root(client, api), number, fetcher, on))


# --- one event ---------------------------------------------------------------------------------


def _heading_like(title: str) -> bool:
    words = title.rstrip(":.").strip()
    if words.casefold() in _HEADING_WORDS:
        return True
    letters = [c for c in words if c.isalpha()]
    return bool(letters) and words.upper() == words and len(words.split()) <= 8


def _number(text: str) -> str:
    return text.rstrip(".").strip() if text.rstrip(".").strip() else ""


def _sequence(row: Mapping[str, Any], index: int) -> tuple[float, int]:
    value = row.get("EventItemAgendaSequence")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (float(value), index)
    text = _text(row, "EventItemAgendaSequence")
    try:
        return (float(text), index)
    except ValueError:
        return (float("inf"), index)


def _votes(root: str, item_id: str, fetcher: Fetcher) -> tuple[Vote, ...]:
    rows = _rows(
        fetcher, f"{root}/EventItems/{item_id}/Votes", "Legistar's votes", missing_is_empty=True
    )
    return tuple(
        Vote(_text(row, "VotePersonName"), _text(row, "VoteValueName"))
        for row in rows
        if _text(row, "VotePersonName")
    )


def _roll_call(root: str, item_id: str, fetcher: Fetcher) -> list[dict[str, Any]]:
    rows = _rows(
        fetcher,
        f"{root}/EventItems/{item_id}/RollCalls",
        "Legistar's roll call",
        missing_is_empty=True,
    )
    return [row for row in rows if _text(row, "RollCallPersonName")]


def _attendees(
    roll_call: list[dict[str, Any]], records: list[dict[str, Any]]
) -> tuple[Attendee, ...]:
    """The roll call's people, with their seats from the office records (matched by person id,
    else by name); without a roll call, the members in office."""
    if not roll_call:
        return tuple(_member(row) for row in records)
    by_id = {_id(r, "OfficeRecordPersonId"): r for r in records if _id(r, "OfficeRecordPersonId")}
    by_name = {_text(r, "OfficeRecordFullName").casefold(): r for r in records}
    people: list[Attendee] = []
    for call in roll_call:
        name = _text(call, "RollCallPersonName")
        person_id = _id(call, "RollCallPersonId")
        record = by_id.get(person_id) if person_id else None
        if record is None:
            record = by_name.get(name.casefold())
        value = _text(call, "RollCallValueName")
        if record is None:
            people.append(Attendee(name=name, attendance=value, member_id=person_id))
        else:
            people.append(_member(record, value))
    return tuple(people)


def read_event(client: str, event_id: str, fetcher: Fetcher, *, api: str = DEFAULT_API) -> Agenda:
    """The event's agenda (its items in agenda order, headings marked, closed-session business
    exempt, the results, mover, seconder, tally and votes where published) and its attendees:
    the roll call with each person's seat, or, with no roll call, the body's members in office on
    the day. An event the client does not know (Legistar answers 404, or nothing) is an
    AgendaImportError, as is one with no date."""
    root = _root(client, api)
    site = site_name(api)
    wanted = event_id.strip()
    if not wanted.isdigit():
        raise AgendaImportError(
            site, f"has no event {wanted or '(none given)'}: Legistar's events are numbered"
        )
    what = f"event {wanted}"
    try:
        event = _json(_get(fetcher, f"{root}/Events/{wanted}"), f"Legistar's {what}")
    except AgendaImportError as exc:
        if _is_404(exc):
            raise AgendaImportError(
                site,
                f"has no event {wanted} for {normalise_client(client)}: check the event's number",
            ) from None
        raise
    if event is None or (isinstance(event, dict) and not event):
        raise AgendaImportError(
            site, f"has no event {wanted} for {normalise_client(client)}: check the event's number"
        )
    if not isinstance(event, dict):
        raise AgendaImportError(site, f"sent {what} in a shape Clerk cannot read (not one event)")
    date = _date(_text(event, "EventDate"))
    if date is None:
        raise AgendaImportError(site, f"sent {what} with no date Clerk can read")
    body = _text(event, "EventBodyName")
    body_id = _id(event, "EventBodyId")

    rows = _rows(fetcher, f"{root}/Events/{wanted}/EventItems", f"Legistar's agenda of {what}")
    ordered = [row for _, row in sorted(((_sequence(r, n), r) for n, r in enumerate(rows)))]
    items: list[AgendaItem] = []
    roll_call: list[dict[str, Any]] = []
    closed = False
    untitled = 0
    for row in ordered:
        title = _text(row, "EventItemTitle")
        number = _number(_text(row, "EventItemAgendaNumber"))
        item_id = _id(row, "EventItemId")
        if item_id and not roll_call and _flag(row, "EventItemRollCallFlag"):
            # the roll call hangs on its own item, which is often a heading ("ROLL CALL")
            roll_call = _roll_call(root, item_id, fetcher)
        if not title:
            untitled += 1
            continue
        if not number and _heading_like(title):
            closed = bool(_CLOSED.search(title))
            items.append(AgendaItem(title=title, heading=True, source_id=item_id))
            continue
        result = _text(row, "EventItemPassedFlagName")
        tally = _text(row, "EventItemTally")
        votes: tuple[Vote, ...] = ()
        if item_id and (result or tally):
            votes = _votes(root, item_id, fetcher)
        items.append(
            AgendaItem(
                title=title,
                number=number,
                exempt=closed or bool(_CLOSED.match(title)),
                report_reference=_text(row, "EventItemMatterFile"),
                agenda_text=_text(row, "EventItemAgendaNote"),
                source_id=item_id,
                mover=_text(row, "EventItemMover"),
                seconder=_text(row, "EventItemSeconder"),
                result=result,
                tally=tally,
                action=_text(row, "EventItemActionName") or _text(row, "EventItemActionText"),
                votes=votes,
            )
        )
    records: list[dict[str, Any]] = []
    if body_id.isdigit():
        records = _office_records(root, int(body_id), fetcher, date)
    notes = (
        [f"{untitled} agenda {'row' if untitled == 1 else 'rows'} had no title: left out"]
        if untitled
        else []
    )
    return Agenda(
        source=f"{site} ({normalise_client(client)})",
        body=body,
        date=date,
        time=_time(_text(event, "EventTime")),
        venue=_text(event, "EventLocation"),
        items=tuple(items),
        attendees=_attendees(roll_call, records),
        source_id=_id(event, "EventId") or wanted,
        committee_id=body_id,
        status=_text(event, "EventAgendaStatusName"),
        notes=tuple(notes),
    )
