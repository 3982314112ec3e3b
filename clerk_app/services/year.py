"""The committee's year from its folder: the next meeting prepared, the year's actions, and the
numbering checked across the folder. Reads files, so the app calls these off the GUI thread;
the command line calls them as they are. No Qt.

A house style is looked up by name through `StyleOf` (the command line's `find_style`, the
app's loaded styles), so that numbers and dates come out as each meeting's own style writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clerk_app.domain.actions import ActionEntry, action_log, for_export, open_actions
from clerk_app.domain.committee import (
    Committee,
    NumberingScheme,
    committee_from_meeting,
    prepare_meeting,
)
from clerk_app.domain.house_style import MONTHS, WEEKDAYS, HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.render.action_log import action_log_csv, action_log_docx, action_log_text
from clerk_app.render.styles import StyleFolder
from clerk_app.services.export import ExportError
from clerk_app.storage import MeetingFileError, load_meeting
from clerk_app.storage.atomic import atomic_write
from clerk_app.storage.committee_file import load_committee
from clerk_app.storage.folder import (
    CommitteeFolder,
    committee_files,
    load_meetings,
    meeting_file_name,
    open_folder,
)

StyleOf = Callable[[str], HouseStyle]
"""A house style by name (raises StyleError, or returns the default, as the caller decides)."""


@dataclass(frozen=True, slots=True)
class Prepared:
    meeting: Meeting
    path: Path
    """Where it would be saved: in the committee's folder, under a name of its own."""
    committee: Committee
    folder: CommitteeFolder
    previous: Path | None
    """The meeting it follows, if any."""
    carried: int
    """How many open actions were carried under matters arising."""
    existing: Path | None = None
    """The committee's meeting of that date already in the folder, if there is one: open it
    rather than write a second."""


def long_date(day: dt.date) -> str:
    """'18 June 2025', whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday(day: dt.date, *, short: bool = False) -> str:
    """'Tuesday' ('Tue'), whatever the machine's locale (strftime's %A follows it)."""
    name = WEEKDAYS[day.weekday()]
    return name[:3] if short else name


def committee_of(folder: CommitteeFolder, style_of: StyleOf) -> Committee:
    """The folder's committee: its file, or else its latest meeting's."""
    if folder.committee is not None:
        return folder.committee
    latest = folder.latest()
    if latest is None:
        raise MeetingFileError(folder.folder, "holds no committee file and no meeting")
    meeting = load_meeting(latest.path)
    return committee_from_meeting(meeting, style_of(meeting.house_style))


def _style(style_of: StyleOf) -> Callable[[Meeting], HouseStyle]:
    return lambda meeting: style_of(meeting.house_style)


def prepare_in_folder(folder: CommitteeFolder, day: dt.date, style_of: StyleOf) -> Prepared:
    """The committee's meeting on `day`, prepared from its folder."""
    committee = committee_of(folder, style_of)
    earlier = load_meetings(folder.before(day))
    previous = earlier[-1] if earlier else None
    meetings = [meeting for _, meeting in earlier]
    still_open = open_actions(meetings, day, _style(style_of))
    meeting = _prepared(committee, day, previous[1] if previous else None, still_open, style_of)
    path = folder.folder / meeting_file_name(committee.name, day)
    existing = next((entry.path for entry in folder.meetings if entry.date == day), None)
    return Prepared(
        meeting,
        path,
        committee,
        folder,
        previous[0] if previous else None,
        len(still_open),
        existing,
    )


def _prepared(
    committee: Committee,
    day: dt.date,
    previous: Meeting | None,
    still_open: list[ActionEntry],
    style_of: StyleOf,
) -> Meeting:
    secret = [entry for entry in still_open if entry.exempt]
    return prepare_meeting(
        committee,
        day,
        previous=previous,
        carried=tuple(entry.carried() for entry in still_open if not entry.exempt),
        carried_exempt=tuple(entry.carried() for entry in secret),
        exempt_reason=secret[0].exempt_reason if secret else "",
        style=style_of(committee.house_style),
    )


def prepare_from_unsaved(meeting: Meeting, day: dt.date, style_of: StyleOf) -> Prepared:
    """From a meeting never saved (the bundled sample opened from the start page): its
    committee as it shows it, it as the meeting before, its open actions carried. `path` is
    only a suggestion (the clerk says where)."""
    _after(meeting, day, Path(meeting.body or "The meeting"))
    committee = committee_from_meeting(meeting, style_of(meeting.house_style))
    still_open = open_actions([meeting], day, _style(style_of))
    prepared = _prepared(committee, day, meeting, still_open, style_of)
    folder = CommitteeFolder(Path.home(), committee, None)
    path = Path.home() / meeting_file_name(committee.name, day)
    return Prepared(prepared, path, committee, folder, None, len(still_open))


def _after(meeting: Meeting, day: dt.date, path: Path) -> None:
    if meeting.date >= day:
        raise MeetingFileError(
            path,
            f"is the meeting of {long_date(meeting.date)}: the next meeting must be after it "
            f"(asked for {long_date(day)})",
        )


def prepare_from_committee(path: Path, day: dt.date, style_of: StyleOf) -> Prepared:
    """From a committee file: the meetings beside it are its year so far."""
    folder = open_folder(path.parent)
    if folder.committee_path is None or folder.committee_path.resolve() != path.resolve():
        raise MeetingFileError(path, "is not a committee file (they end in .committee)")
    return prepare_in_folder(folder, day, style_of)


def prepare_from_meeting(path: Path, day: dt.date, style_of: StyleOf) -> Prepared:
    """From a meeting: its folder's committee (its file, or the meeting itself), with the
    meeting as the one before unless a later one before `day` is in the folder."""
    meeting = load_meeting(path)
    _after(meeting, day, path)
    folder = open_folder(path.parent)
    if folder.committee is None or not any(e.path == path for e in folder.meetings):
        # the meeting's own committee, whatever else the folder holds
        folder.committee = committee_from_meeting(meeting, style_of(meeting.house_style))
        folder.meetings = [e for e in folder.meetings + folder.others if e.of(folder.committee)]
        folder.meetings.sort(key=lambda entry: (entry.date, entry.path.name))
    return prepare_in_folder(folder, day, style_of)


def folder_committee(folder: Path, meeting: Meeting) -> Committee | None:
    """The committee of the committee file in `folder`, when it is the meeting's (the same name
    and authority); None when there is none, or several, or it cannot be read: the checks go on
    without it, as they would without the file (the committee window says what is wrong with
    it)."""
    files = committee_files(folder)
    if len(files) != 1:
        return None
    try:
        committee = load_committee(files[0])
    except MeetingFileError:
        return None
    same = (committee.name.casefold(), committee.authority.casefold()) == (
        meeting.body.casefold(),
        meeting.authority.casefold(),
    )
    return committee if same else None


def folder_scheme(folder: Path, meeting: Meeting) -> NumberingScheme | None:
    """The numbering scheme of the folder's committee file (`folder_committee`), if any."""
    committee = folder_committee(folder, meeting)
    return committee.numbering if committee is not None else None


def year_actions(folder: CommitteeFolder, style_of: StyleOf) -> list[ActionEntry]:
    """Every action of the committee's meetings in the folder, merged across meetings."""
    meetings = [meeting for _, meeting in load_meetings(folder.meetings)]
    return action_log(meetings, _style(style_of))


def export_action_log(
    folder_path: Path,
    output: Path | None,
    style_folder_of: Callable[[str], StyleFolder],
    today: dt.date,
    say: Callable[[str], object],
    *,
    include_exempt: bool = False,
) -> int:
    """`clerk-app actions`: the folder's action log printed (one line per action, through
    `say`), or written to `output` (.docx in the committee's house style, .csv), atomically.
    The actions of exempt business only with `include_exempt` (the confidential copy, each
    marked). Returns the number of actions."""
    if output is not None and output.suffix.lower() not in (".docx", ".csv"):
        raise ExportError(f"{output}: an action log is written as .docx or .csv")
    folder = open_folder(folder_path)

    def style_of(name: str) -> HouseStyle:
        return style_folder_of(name).style

    committee = committee_of(folder, style_of)
    every = year_actions(folder, style_of)
    entries = for_export(every, include_exempt=include_exempt)
    withheld = len(every) - len(entries)
    today_style = style_of(committee.house_style)
    if output is None:
        text = action_log_text(entries, today, today_style)
        for line in text.splitlines():
            say(line)
        if not entries:
            say(f"{folder_path.name}: no actions in {len(folder.meetings)} meeting(s)")
        if withheld:
            say(f"({withheld} action(s) of exempt business left out: --include-exempt shows them)")
        return len(entries)
    write_action_log(entries, output, style_folder_of(committee.house_style), committee, today)
    overdue = sum(entry.overdue(today) for entry in entries)
    left_out = f"; {withheld} of exempt business left out" if withheld else ""
    say(f"{output}: {len(entries)} action(s), {overdue} overdue{left_out}")
    return len(entries)


def write_action_log(
    entries: list[ActionEntry],
    path: Path,
    style_folder: StyleFolder | None,
    committee: Committee,
    today: dt.date,
) -> None:
    """The action log written atomically to `path`: CSV for a `.csv`, else Word in the house
    style (`style_folder`, None where it is not installed). Raises ExportError (not written),
    RenderError or StyleError (a style that fails)."""
    if path.suffix.lower() == ".csv":
        data = action_log_csv(entries, today)
    elif style_folder is None:
        raise ExportError(f"{path}: the house style '{committee.house_style}' is not installed")
    else:
        data = action_log_docx(entries, style_folder, committee.name, committee.authority, today)
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise ExportError(f"{path}: could not be written: {exc.strerror or exc}") from exc
