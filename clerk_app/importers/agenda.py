"""What an import reads, before it becomes a meeting: the agenda and attendees as the source gave
them (a ModernGov site, a Legistar client, an agenda document), in plain values.

Each reader (`moderngov`, `legistar`, `agenda_docx`) fills these in and decodes its source's
quirks (titles HTML-encoded twice, counts with a leading space); `build` maps them onto the
domain (roles, attendance, standing items, a committee's members). Pure: no I/O, no Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


class AgendaImportError(Exception):
    """An import that could not be done. The message is one line a clerk can act on: which
    site or file (`source`) and what went wrong (`problem`). Nothing has been written."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


_SCHEDULE_12A = re.compile(r"\b(?:schedule|sch\.?)\s*12\s*a\b", re.IGNORECASE)
_PARAGRAPHS = re.compile(
    r"\bpara(?:graph)?s?\.?\s*(\d{1,2}(?:\s*(?:,|and|&|or|-|–|to)\s*\d{1,2})*)", re.IGNORECASE
)


def cited_reason(text: str) -> str:
    """The legal reason for excluding the public an agenda's words cite, written out the one
    way: "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972" (or
    "Paragraphs 1 and 2 ..."). Empty where the text cites no paragraph of Schedule 12A: the
    reason is then the clerk's to fill (`clerk-app check` says so)."""
    if not _SCHEDULE_12A.search(text):
        return ""
    match = _PARAGRAPHS.search(text)
    if match is None:
        return ""
    numbers = [int(n) for n in re.findall(r"\d{1,2}", match.group(1))]
    if re.search(r"-|–|\bto\b", match.group(1)) and len(numbers) == 2 and numbers[0] < numbers[1]:
        numbers = list(range(numbers[0], numbers[1] + 1))
    numbers = sorted({n for n in numbers if 1 <= n <= 7})
    if not numbers:
        return ""
    if len(numbers) == 1:
        cited = f"Paragraph {numbers[0]}"
    else:
        cited = "Paragraphs " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
    return f"{cited} of Part 1 of Schedule 12A to the Local Government Act 1972"


@dataclass(frozen=True, slots=True)
class Vote:
    """One person's vote on an item, as the source names them and the vote."""

    name: str
    value: str
    """As the source says it: "Aye", "Nay", "Abstain", "Absent", "Recused", "Yes", "No"."""


@dataclass(frozen=True, slots=True)
class AgendaItem:
    title: str
    """Decoded once: plain text, as the agenda prints it."""
    number: str = ""
    """Its number on the agenda as printed ("4", "4.1", "A12"); empty for none."""
    minute_number: str = ""
    """Its minute number where the source already gives one (ModernGov's minutesitemnumber)."""
    exempt: bool = False
    """Restricted, Part B, closed session: withheld from the public minutes."""
    exempt_reason: str = ""
    """The legal ground where the source gives it ("Paragraph 3 of Part 1 of Schedule 12A ...");
    empty: to be filled by the clerk (`clerk-app check` says so)."""
    report_reference: str = ""
    agenda_text: str = ""
    """What the agenda says of it, as plain text (paragraphs separated by blank lines)."""
    recommendation: str = ""
    department: str = ""
    documents: tuple[str, ...] = ()
    """The titles of the reports and papers linked to it."""
    heading: bool = False
    """A heading on the agenda rather than business ("PART B", "CONSENT CALENDAR"): it becomes
    an unnumbered item, or a section, not a numbered minute."""
    source_id: str = ""
    """The source's own id for it (ModernGov's agendaitemid, Legistar's EventItemId)."""
    # What a source that publishes results gives (Legistar after the meeting).
    mover: str = ""
    seconder: str = ""
    result: str = ""
    """As the source says it: "Pass", "Fail", "Carried"; empty: no result recorded."""
    tally: str = ""
    """As the source says it: "7:2", "5-0"."""
    action: str = ""
    """What was done, as the source says it ("approved", "adopted", "referred")."""
    votes: tuple[Vote, ...] = ()


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    """As the source gives it, title and all: "Councillor Elly Cutkelvin", "Dr Jane Smith"."""
    role: str = ""
    """As the source says it: "Chair", "Vice-Chair", "Committee Member", "Officer",
    "Voting Member", "Co-opted Member (non-voting)"."""
    attendance: str = ""
    """As the source says it: "Expected", "Present", "Apologies", "Absent",
    "Present as substitute", "In attendance", "Excused"; empty: expected."""
    member_id: str = ""
    """The source's own id for the person (ModernGov's memberid, Legistar's PersonId)."""
    capacity: str = ""
    """A job title, or whom a co-opted member represents."""
    substitute_for: str = ""
    """For a substitute: the member they replace, as the source names them."""
    term_from: dt.date | None = None
    term_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Agenda:
    source: str
    """Where it came from, for messages: "https://democracy.example.gov.uk", "agenda.docx"."""
    body: str
    """The committee's name as the source gives it."""
    date: dt.date
    time: dt.time | None = None
    venue: str = ""
    authority: str = ""
    items: tuple[AgendaItem, ...] = ()
    """In agenda order."""
    attendees: tuple[Attendee, ...] = ()
    source_id: str = ""
    """The source's id for the meeting (ModernGov's meeting id, Legistar's EventId)."""
    committee_id: str = ""
    """The source's id for the committee (ModernGov's committee id, Legistar's body id)."""
    status: str = ""
    """As the source says it ("Scheduled", "Final", "Cancelled")."""
    notes: tuple[str, ...] = field(default=())
    """What the reader noticed and the clerk should know ("3 items had no title")."""


@dataclass(frozen=True, slots=True)
class CommitteeListing:
    """One committee (ModernGov) or body (Legistar) a site lists."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class MeetingListing:
    """One meeting of a committee a site lists."""

    id: str
    date: dt.date
    time: dt.time | None = None
    title: str = ""
    """The committee's name, or the meeting's where the source gives one."""
    venue: str = ""
    status: str = ""
