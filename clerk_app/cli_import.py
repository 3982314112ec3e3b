"""`clerk-app import ...`: the agenda and attendees from ModernGov, Legistar or an agenda
document, as a meeting file (or a committee's membership as a committee file).

    clerk-app import moderngov SITE --committees
    clerk-app import moderngov SITE --meetings COMMITTEE_ID [--from DATE] [--to DATE]
    clerk-app import moderngov SITE --meeting ID -o OUT.minutes [--committee FILE]
    clerk-app import moderngov SITE --membership COMMITTEE_ID -o OUT.committee [--committee FILE]
    clerk-app import legistar CLIENT [--api URL] --committees | --meetings BODY_ID | --event ID ...
    clerk-app import agenda FILE.docx -o OUT.minutes [--committee FILE]

A failure is one line on stderr naming the site or file and the problem (exit 2), and nothing
is written; OUT is never written over.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from clerk_app.domain.house_style import HouseStyle
from clerk_app.importers.agenda import AgendaImportError
from clerk_app.render.styles import find_style
from clerk_app.services import importing
from clerk_app.services.importing import Imported, Source, System
from clerk_app.storage import SUFFIX, MeetingFileError
from clerk_app.storage.committee_file import COMMITTEE_SUFFIX, load_committee, save_committee
from clerk_app.storage.meeting_file import save_new_meeting

Say = Callable[[str], object]


class ImportUsageError(Exception):
    """A mistake in what was asked (a missing -o, a wrong suffix): one line, exit 2."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)


def add_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """`import` and its three sources, on the command line's subcommands."""
    command = commands.add_parser(
        "import",
        help="import a meeting's agenda and attendees (ModernGov, Legistar, an agenda .docx)",
        description="Import a meeting's agenda and attendees from the council's democracy "
        "system or its agenda document, as a meeting file to write the minutes in. Nothing is "
        "written over a file, and nothing at all when the import fails.",
    )
    sources = command.add_subparsers(dest="system", metavar="SOURCE", required=True)

    moderngov = sources.add_parser(
        "moderngov",
        help="a ModernGov site (most English councils' committee sites)",
        description="Read a ModernGov site's public web service (SITE/mgWebService.asmx).",
    )
    moderngov.add_argument(
        "site", metavar="SITE", help="the site's address, e.g. https://democracy.leicester.gov.uk"
    )
    _what(moderngov, "ID")

    legistar = sources.add_parser(
        "legistar",
        help="a Legistar client (most large US cities' councils), through its Web API",
        description="Read the Legistar Web API of CLIENT (the name in its web addresses: "
        "'seattle' in seattle.legistar.com).",
    )
    legistar.add_argument("site", metavar="CLIENT", help="the client's name, e.g. seattle")
    legistar.add_argument(
        "--api", default="", metavar="URL", help="the Web API's address (default: Granicus's own)"
    )
    _what(legistar, "EVENT_ID", event=True)

    agenda = sources.add_parser(
        "agenda",
        help="an agenda document (.docx)",
        description="Read the clerk's own agenda (.docx): numbered headings or paragraphs "
        "become items; a Part B or exempt section marks its items exempt.",
    )
    agenda.add_argument("document", type=Path, metavar="FILE", help="the agenda, a .docx file")
    agenda.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    _joined(agenda)


def _what(parser: argparse.ArgumentParser, meeting: str, *, event: bool = False) -> None:
    asked = parser.add_mutually_exclusive_group(required=True)
    asked.add_argument(
        "--committees",
        "--bodies",
        dest="committees",
        action="store_true",
        help="list the committees: one line each, id and title",
    )
    asked.add_argument(
        "--meetings",
        "--events",
        dest="meetings",
        metavar="COMMITTEE_ID",
        help="list a committee's meetings: one line each, id, date, time and title",
    )
    names = ["--meeting", "--event"] if event else ["--meeting"]
    asked.add_argument(
        *names, dest="meeting", metavar=meeting, help="import this meeting to -o OUT.minutes"
    )
    asked.add_argument(
        "--membership",
        metavar="COMMITTEE_ID",
        help="the committee's membership, from its meetings' attendees (ModernGov) or its "
        "office records (Legistar), to -o OUT.committee",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT")
    parser.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="YYYY-MM-DD",
        help="with --meetings: from this date (default: today)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="YYYY-MM-DD",
        help="with --meetings: to this date (default: a year after --from)",
    )
    _joined(parser)


def _joined(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--committee",
        type=Path,
        metavar="FILE",
        help="join the import to this committee (a .committee file): the meeting is prepared "
        "from its folder (minute numbers, the previous minutes, open actions) with the "
        "agenda's items and attendees over it",
    )
    parser.add_argument(
        "--style",
        metavar="NAME",
        help="the house style of a meeting not joined to a committee (default: leicester for "
        "ModernGov and agenda documents, uscity for Legistar)",
    )


def _style_of(name: str) -> HouseStyle:
    return find_style(name).style


def _new_file(out: Path | None, suffix: str, what: str) -> Path:
    if out is None:
        raise ImportUsageError(f"say where to write the {what}: -o OUT{suffix}")
    if out.suffix.lower() != suffix:
        raise ImportUsageError(f"{out}: a {what} file's name ends in {suffix}")
    try:
        exists = out.exists() or out.is_symlink()
    except OSError as exc:
        raise ImportUsageError(f"{out}: {exc.strerror or exc}") from None
    if exists:
        raise ImportUsageError(f"{out}: already exists; give another name (nothing was written)")
    return out


def run(args: argparse.Namespace, say: Say, today: dt.date | None = None) -> int:
    """The import asked for. Returns the exit status; raises AgendaImportError,
    ImportUsageError or MeetingFileError (one line each, nothing written)."""
    day = today or dt.date.today()
    if args.system == "agenda":
        out = _new_file(args.output, SUFFIX, "meeting")
        imported = importing.import_document(
            args.document,
            _style_of,
            committee_path=args.committee,
            default_style=args.style or "leicester",
        )
        return _write(imported, out, say)
    source = Source(System(args.system), args.site, getattr(args, "api", "")).normalised()
    if args.committees:
        for listing in importing.list_committees(source):
            say(f"{listing.id}\t{listing.title}")
        return 0
    if args.meetings is not None:
        start = args.start or day
        end = args.end or start + dt.timedelta(days=366)
        found = importing.list_meetings(source, args.meetings, start=start, end=end)
        for meeting in found:
            at = f" {meeting.time:%H:%M}" if meeting.time else ""
            status = f"\t{meeting.status}" if meeting.status else ""
            say(f"{meeting.id}\t{meeting.date.isoformat()}{at}\t{meeting.title}{status}")
        if not found:
            say(f"{source.label}: no meetings of {args.meetings} from {start} to {end}")
        return 0
    if args.membership is not None:
        out = _new_file(args.output, COMMITTEE_SUFFIX, "committee")
        base = load_committee(args.committee) if args.committee is not None else None
        style = _style_of(base.house_style if base else args.style or _usual_style(source.system))
        committee, notes = importing.import_membership(
            source, args.membership, style, today=day, committee=base
        )
        save_committee(committee, out, new=True)
        say(
            f"{out}: {committee.name or 'the committee'}: {len(committee.members)} members, "
            f"{len(committee.attendees)} who usually attend"
        )
        for note in notes:
            say(f"  note: {note}")
        return 0
    out = _new_file(args.output, SUFFIX, "meeting")
    imported = importing.import_meeting(
        source,
        args.meeting,
        _style_of,
        committee_path=args.committee,
        default_style=args.style or "",
    )
    return _write(imported, out, say)


def _usual_style(system: System) -> str:
    return "uscity" if system is System.LEGISTAR else "leicester"


def _write(imported: Imported, out: Path, say: Say) -> int:
    save_new_meeting(imported.meeting, out, rename=False)
    say(f"{out}: {imported.summary()}")
    for note in imported.notes:
        say(f"  note: {note}")
    say(f"  next: clerk-app check {out.name}")
    return 0


__all__ = ["AgendaImportError", "ImportUsageError", "MeetingFileError", "add_parser", "run"]
