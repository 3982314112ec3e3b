"""Importing an agenda: one facade over the readers in `clerk_app.importers`, used alike by the
command line (`clerk-app import ...`) and the app (File > Import agenda...).

A `Source` says which system and where (a ModernGov site, a Legistar client and its API). The
listings (`list_committees`, `list_meetings`) and the imports (`import_meeting`,
`import_document`, `import_membership`) read the network or a file, so the app calls them off
the GUI thread. Every failure is one `AgendaImportError` line; nothing is written here (the caller
saves what comes back, atomically, and never over a file). No Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from clerk_app.domain.committee import Committee
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.importers import build
from clerk_app.importers.agenda import (
    Agenda,
    AgendaImportError,
    CommitteeListing,
    MeetingListing,
)
from clerk_app.importers.fetch import Fetcher, normalise_site
from clerk_app.services.year import Prepared, StyleOf, prepare_from_committee
from clerk_app.storage import MeetingFileError
from clerk_app.storage.folder import meeting_file_name


class System(StrEnum):
    MODERNGOV = "moderngov"
    LEGISTAR = "legistar"


SYSTEM_LABELS: dict[System, str] = {
    System.MODERNGOV: "ModernGov (modern.gov) site",
    System.LEGISTAR: "Legistar (Granicus) Web API",
}


@dataclass(frozen=True, slots=True)
class Source:
    system: System
    site: str
    """ModernGov: the site's address ("https://democracy.leicester.gov.uk"); Legistar: the
    client's name ("seattle")."""
    api: str = ""
    """Legistar only: the Web API's address (empty: Granicus's own)."""

    def normalised(self) -> Source:
        """The same source with its address checked and written the one way. Raises
        AgendaImportError for an address that is not one."""
        if self.system is System.MODERNGOV:
            return Source(self.system, normalise_site(self.site))
        from clerk_app.importers import legistar

        api = normalise_site(self.api) if self.api.strip() else legistar.DEFAULT_API
        return Source(self.system, legistar.normalise_client(self.site), api)

    @property
    def label(self) -> str:
        """For messages and the remembered setting: the site, or the client at its API."""
        if self.system is System.MODERNGOV:
            return self.site
        return f"{self.site} ({self.api})" if self.api else self.site


@dataclass(frozen=True, slots=True)
class Imported:
    meeting: Meeting
    agenda: Agenda
    path: Path | None
    """Where it would be saved: in the committee's folder under its own name when joined to a
    committee; None otherwise (the caller says where)."""
    committee: Committee | None = None
    prepared: Prepared | None = None
    notes: tuple[str, ...] = field(default=())
    """What the clerk should know: items left to fill, people not on the committee file."""

    def summary(self) -> str:
        """One line: "the meeting of 18 June 2025: 11 items (2 exempt), 14 attendees"."""
        exempt = sum(item.exempt for item in self.meeting.items)
        secret = f" ({exempt} exempt)" if exempt else ""
        return (
            f"{self.meeting.body or 'the meeting'} on {self.meeting.date.isoformat()}: "
            f"{len(self.meeting.items)} items{secret}, {len(self.meeting.attendance)} attendees"
        )


def _fetcher(fetcher: Fetcher | None) -> Fetcher:
    return fetcher if fetcher is not None else Fetcher()


def list_committees(source: Source, fetcher: Fetcher | None = None) -> list[CommitteeListing]:
    source = source.normalised()
    if source.system is System.MODERNGOV:
        from clerk_app.importers import moderngov

        return moderngov.list_committees(source.site, _fetcher(fetcher))
    from clerk_app.importers import legistar

    return legistar.list_bodies(source.site, _fetcher(fetcher), api=source.api)


def list_meetings(
    source: Source,
    committee_id: str,
    *,
    start: dt.date,
    end: dt.date,
    fetcher: Fetcher | None = None,
) -> list[MeetingListing]:
    """The committee's meetings from `start` to `end`, by date."""
    source = source.normalised()
    if source.system is System.MODERNGOV:
        from clerk_app.importers import moderngov

        return moderngov.list_meetings(
            source.site, committee_id, _fetcher(fetcher), start=start, end=end
        )
    from clerk_app.importers import legistar

    return legistar.list_events(
        source.site, committee_id, _fetcher(fetcher), start=start, end=end, api=source.api
    )


def read_agenda(source: Source, meeting_id: str, fetcher: Fetcher | None = None) -> Agenda:
    source = source.normalised()
    if source.system is System.MODERNGOV:
        from clerk_app.importers import moderngov

        return moderngov.read_meeting(source.site, meeting_id, _fetcher(fetcher))
    from clerk_app.importers import legistar

    return legistar.read_event(source.site, meeting_id, _fetcher(fetcher), api=source.api)


def import_meeting(
    source: Source,
    meeting_id: str,
    style_of: StyleOf,
    *,
    committee_path: Path | None = None,
    default_style: str = "",
    fetcher: Fetcher | None = None,
) -> Imported:
    """The meeting `meeting_id` of the site, as a meeting: joined to the committee of
    `committee_path` (a .committee file: prepared from its folder, as the next meeting is)
    when given. `default_style` is the house style of a meeting not joined to a committee
    (empty: the system's usual one: leicester for ModernGov, uscity for Legistar)."""
    agenda = read_agenda(source, meeting_id, fetcher)
    if not default_style:
        default_style = "uscity" if source.system is System.LEGISTAR else "leicester"
    return from_agenda(agenda, style_of, committee_path=committee_path, default_style=default_style)


def import_document(
    path: Path,
    style_of: StyleOf,
    *,
    committee_path: Path | None = None,
    default_style: str = "leicester",
) -> Imported:
    """The clerk's agenda document (.docx) as a meeting, joined to a committee as above."""
    from clerk_app.importers import agenda_docx

    agenda = agenda_docx.read_agenda(path)
    return from_agenda(agenda, style_of, committee_path=committee_path, default_style=default_style)


def from_agenda(
    agenda: Agenda,
    style_of: StyleOf,
    *,
    committee_path: Path | None = None,
    default_style: str = "leicester",
) -> Imported:
    if committee_path is None:
        style = style_of(default_style)
        meeting, notes = build.meeting_from_agenda(agenda, style)
        return Imported(meeting, agenda, None, notes=agenda.notes + notes)
    try:
        prepared = prepare_from_committee(committee_path, agenda.date, style_of)
    except MeetingFileError as exc:
        raise AgendaImportError(str(exc.path), exc.problem) from None
    style = style_of(prepared.committee.house_style)
    meeting, notes = build.join_to_committee(agenda, prepared.meeting, prepared.committee, style)
    path = prepared.existing or prepared.folder.folder / meeting_file_name(
        prepared.committee.name, agenda.date
    )
    return Imported(
        meeting,
        agenda,
        path,
        committee=prepared.committee,
        prepared=prepared,
        notes=agenda.notes + notes,
    )


def import_membership(
    source: Source,
    committee_id: str,
    style: HouseStyle,
    *,
    today: dt.date,
    committee: Committee | None = None,
    fetcher: Fetcher | None = None,
) -> tuple[Committee, tuple[str, ...]]:
    """The committee's membership from the site (ModernGov: its meetings' attendees; Legistar:
    the body's office records), as a committee: `committee` with its members and usual
    attendees replaced, or a new one named as the site names it."""
    source = source.normalised()
    if source.system is System.MODERNGOV:
        from clerk_app.importers import moderngov

        people = moderngov.read_membership(
            source.site, committee_id, _fetcher(fetcher), today=today
        )
        listings = moderngov.list_committees(source.site, _fetcher(fetcher))
    else:
        from clerk_app.importers import legistar

        people = legistar.read_membership(
            source.site, committee_id, _fetcher(fetcher), on=today, api=source.api
        )
        listings = legistar.list_bodies(source.site, _fetcher(fetcher), api=source.api)
    title = next((c.title for c in listings if c.id == committee_id), "")
    return build.committee_with_members(people, style, name=title, committee=committee)
