"""The next meeting, prepared, and the committee window opened: the main window's File menu work
for the committee's year (File > Next meeting…, Ctrl+N's choice, File > Open folder…).

The date is asked first (the first of the committee's dates after its latest meeting, else four
weeks after that meeting), then the meeting is prepared on the window's thread pool (it reads
the folder's meetings) and saved straight into the committee's folder under its own name,
never over a file that is there (`NAME (2).minutes` then), and opened. A meeting never saved
(the sample from the start page) is prepared from itself, and the clerk says where it goes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from clerk_app.domain.committee import committee_from_meeting
from clerk_app.domain.model import Meeting
from clerk_app.render.styles import StyleFolder
from clerk_app.services.committee_document import (
    NextMeeting,
    PrepareJob,
    style_lookup,
    suggested_date,
)
from clerk_app.services.document import MeetingDocument
from clerk_app.services.settings import Settings
from clerk_app.services.year import committee_of, long_date
from clerk_app.storage import MeetingFileError
from clerk_app.storage.folder import committee_files, open_folder
from clerk_app.storage.meeting_file import save_new_meeting
from clerk_app.ui.committee_window import CommitteeWindow, CommitteeWindows
from clerk_app.ui.dialogs import Dialogs
from clerk_app.ui.messages import Messages
from clerk_app.ui.navigator import Section


class Host(Protocol):
    document: MeetingDocument | None
    settings: Settings
    styles: dict[str, StyleFolder]
    messages: Messages
    dialogs: type[Dialogs]
    pool: QThreadPool

    def set_document(self, document: MeetingDocument) -> None: ...

    def maybe_save(self) -> bool: ...

    def commit_typing(self) -> None: ...

    def show_status(self, message: str, milliseconds: int = 5000) -> None: ...

    def open_path(self, path: Path, ask: bool = True) -> bool: ...

    def save_as(self) -> bool: ...

    def show_section(self, section: Section) -> None: ...

    def new_document(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Source:
    """What a next meeting is prepared from."""

    what: Path | Meeting
    """A meeting's file, a committee folder, or a meeting never saved."""
    folder: Path | None
    from_meeting: bool
    name: str
    latest: dt.date | None


def _same(document: MeetingDocument | None, path: Path) -> bool:
    return (
        document is not None
        and document.path is not None
        and document.path.resolve() == path.resolve()
    )


class YearActions(QObject):
    def __init__(self, host: Host, window: QWidget, today: Callable[[], dt.date]) -> None:
        super().__init__(window)
        self.host = host
        self.window = window
        self.today = today
        self.committees = CommitteeWindows(window)
        self.jobs: list[QObject] = []
        self.busy = False
        self.last: NextMeeting | None = None
        self.last_path: Path | None = None

    # --- where a next meeting comes from --------------------------------------------------

    def source_of_document(self) -> Source | None:
        document = self.host.document
        if document is None:
            return None
        meeting = document.meeting
        style_of = style_lookup(self.host.styles)
        if document.path is None:
            committee = committee_from_meeting(meeting, style_of(meeting.house_style))
            return Source(meeting, None, True, committee.name, meeting.date)
        folder = document.path.parent
        name, latest = meeting.body, meeting.date
        try:
            found = open_folder(folder)  # headers only: quick
            if found.committee is not None:
                name = found.committee.name or name
            entries = [
                e
                for e in (*found.meetings, *found.others)
                if (e.body.casefold(), e.authority.casefold())
                == (meeting.body.casefold(), meeting.authority.casefold())
            ]
            if entries:
                latest = max(latest, entries[-1].date)
        except MeetingFileError:
            pass
        return Source(document.path, folder, True, name, latest)

    def source_of_folder(self, folder: Path) -> Source:
        """Raises MeetingFileError."""
        found = open_folder(folder)
        latest = found.latest()
        name = found.committee.name if found.committee else (latest.body if latest else "")
        return Source(folder, folder, False, name, latest.date if latest else None)

    def _suggest(self, source: Source) -> dt.date:
        style_of = style_lookup(self.host.styles)
        try:
            if isinstance(source.what, Meeting):
                committee = committee_from_meeting(source.what, style_of(source.what.house_style))
            else:
                assert source.folder is not None
                committee = committee_of(open_folder(source.folder), style_of)
        except MeetingFileError:
            return (source.latest or self.today()) + dt.timedelta(weeks=4)
        return suggested_date(committee, source.latest, self.today())

    # --- the File menu's entries ----------------------------------------------------------

    def next_meeting(self) -> None:
        """File > Next meeting…: the next meeting of the open meeting's committee."""
        host = self.host
        host.commit_typing()
        if host.document is None or self.busy:
            return
        if host.document.modified and not host.maybe_save():
            return
        source = self.source_of_document()
        if source is not None:
            self.prepare(source)

    def new_in_folder(self, folder: Path) -> None:
        """ "New meeting…" in a committee window."""
        if self.busy:
            return
        try:
            source = self.source_of_folder(folder)
        except MeetingFileError as exc:
            self.host.messages.error("The meeting could not be prepared", str(exc))
            return
        self.prepare(source)

    def new_meeting(self) -> None:
        """Ctrl+N: the next meeting of the open meeting's committee or of a recent committee
        folder, or a blank meeting; with nothing to offer but a blank one, a blank one."""
        host = self.host
        host.commit_typing()
        sources: list[Source] = []
        current = self.source_of_document()
        if current is not None and (current.name or current.folder):
            sources.append(current)
        for folder in self.recent_committee_folders():
            if current is not None and current.folder == folder:
                continue
            try:
                if folder.is_dir():
                    sources.append(self.source_of_folder(folder))
            except MeetingFileError:
                continue
            if len(sources) >= 4:
                break
        if not sources:
            host.new_document()
            return
        labels = [
            f"The next meeting of {s.name or s.folder or 'this committee'}"
            + (f" (after {long_date(s.latest)})" if s.latest else "")
            for s in sources
        ]
        labels.append("A blank meeting")
        chosen = host.dialogs.ask_new_meeting(self.window, labels)
        if chosen is None:
            return
        if chosen >= len(sources):
            host.new_document()
            return
        source = sources[chosen]
        if source is current and host.document is not None and host.document.modified:
            if not host.maybe_save():
                return
            source = self.source_of_document() or source
        self.prepare(source)

    def recent_committee_folders(self) -> list[Path]:
        """Committee folders opened lately, then the folders of recent meetings that hold a
        committee file."""
        settings = self.host.settings
        folders = list(settings.recent_folders)
        for path in settings.recent_files:
            folder = path.parent
            if folder not in folders and committee_files(folder):
                folders.append(folder)
        return folders

    def prepare(self, source: Source) -> None:
        host = self.host
        day = host.dialogs.ask_meeting_date(self.window, self._suggest(source), source.name)
        if day is None:
            return
        job = PrepareJob(
            source.what, day, style_lookup(host.styles), from_meeting=source.from_meeting
        )
        job.signals.finished.connect(lambda done: self._prepared(done, source))
        job.signals.failed.connect(self._failed)
        self.jobs.append(job.signals)
        self.busy = True
        host.show_status(f"Preparing the meeting of {long_date(day)}…", 0)
        host.pool.start(job)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.host.show_status("", 0)
        self.host.messages.error("The meeting could not be prepared", message)

    def _prepared(self, done: NextMeeting, source: Source) -> None:
        self.busy = False
        host = self.host
        meeting = done.meeting
        self.last = done
        when = long_date(meeting.date)
        if done.existing is not None:
            # one meeting, one file: a second of the same date would be counted twice
            self.last_path = done.existing
            if host.open_path(done.existing):
                host.show_status(
                    f"The folder already holds the meeting of {when}: opened {done.existing.name}",
                    15000,
                )
            return
        carried = ""
        if done.carried:
            noun = "action" if done.carried == 1 else "actions"
            carried = f"; {done.carried} open {noun} carried under matters arising"
        if done.path is None:
            # prepared from a meeting never saved: opened unsaved, and saved where the clerk
            # says, with the file actions' own checks (another Clerk's file is not replaced)
            if not host.maybe_save():
                return
            host.set_document(MeetingDocument(meeting))
            host.show_status(f"Prepared the meeting of {when}{carried}", 15000)
            if host.save_as() and host.document is not None:
                self.last_path = host.document.path
            return
        try:
            path, _version = save_new_meeting(meeting, done.path)
        except MeetingFileError as exc:
            host.messages.error("The prepared meeting could not be saved", str(exc))
            return
        self.last_path = path
        host.settings.add_recent(path)
        if source.folder is not None:
            host.settings.add_recent_folder(source.folder)
            self.committees.reload(source.folder)
        # opened as any file is: its owner mark taken, so a second Clerk is told
        if not host.open_path(path):
            host.show_status(f"Prepared and saved {path.name}{carried} (not opened)", 15000)
            return
        host.show_status(
            f"Prepared the meeting of {when}: saved as {path.name} in {path.parent.name}{carried}",
            15000,
        )

    # --- the committee window ---------------------------------------------------------------

    def open_folder_dialog(self) -> None:
        """File > Open folder…"""
        document = self.host.document
        recent = self.host.settings.recent_folders
        start = recent[0] if recent else None
        if document is not None and document.path is not None:
            start = document.path.parent
        folder = self.host.dialogs.ask_folder(self.window, start)
        if folder is not None:
            self.show_folder(folder)

    def show_folder(self, folder: Path) -> CommitteeWindow:
        host = self.host

        def make(path: Path) -> CommitteeWindow:
            window = CommitteeWindow(
                path,
                host.settings,
                host.styles,
                messages=host.messages,
                dialogs=host.dialogs,
                pool=host.pool,
                today=self.today,
                parent=self.window,
            )
            window.open_meeting.connect(self.open_meeting)
            window.new_meeting.connect(self.new_in_folder)
            return window

        return self.committees.show(folder, make)

    def open_meeting(self, path: Path, item_id: str | None) -> None:
        """From the committee window: a meeting (at an item) in the main window."""
        host = self.host
        document = host.document
        if not _same(document, path) and not host.open_path(path):
            return
        shown = host.document
        if (
            item_id is not None
            and shown is not None
            and any(item.id == item_id for item in shown.meeting.items)
        ):
            host.show_section(Section("item", item_id))
        self.window.raise_()
        self.window.activateWindow()
