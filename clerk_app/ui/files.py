"""The File menu's work: new, open, save, save as, export, and the unsaved-changes question.

The window wires menus and shortcuts to these; the document lifecycle itself lives here, apart
from the wiring, so that each can be read (and tested) on its own.

Team folders (docs/team-folder.md): opening a meeting another live Clerk has open asks whether
to open it read-only or edit anyway; a mark left by a Clerk that has gone is taken over and the
status bar says whose; a sync client's conflict copy beside the meeting is offered for comparison,
and never resolved silently.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from clerk_app import locations
from clerk_app.domain.exempt import looks_exempt, mark_exempt
from clerk_app.domain.model import Meeting
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument, OpenedReadOnlyError
from clerk_app.services.export import unmarked_exempt
from clerk_app.services.export_job import ExportJob
from clerk_app.services.settings import Settings
from clerk_app.storage import (
    FileChangedError,
    FileVersion,
    MeetingFileError,
    ReadOnlyFileError,
    load_meeting,
)
from clerk_app.storage.conflicts import conflict_copies
from clerk_app.storage.folder import same_file
from clerk_app.storage.owner import Owner, describe, is_stale, machine_name, read_owner
from clerk_app.ui.compare_dialog import CompareChoice, meetings_difference
from clerk_app.ui.dialogs import Dialogs, OwnedChoice, SaveChoice, UnmarkedChoice
from clerk_app.ui.messages import Messages


def new_meeting(style: str) -> Meeting:
    return Meeting(date=dt.date.today(), house_style=style)


def _same_file(a: Path, b: Path | None) -> bool:
    return b is not None and same_file(a, b)


class FileHost(Protocol):
    """What the file actions need of the window."""

    document: MeetingDocument | None
    settings: Settings
    styles: dict[str, StyleFolder]
    messages: Messages
    dialogs: type[Dialogs]
    pool: QThreadPool

    def set_document(self, document: MeetingDocument) -> None: ...

    def commit_typing(self) -> None: ...

    def show_status(self, message: str, milliseconds: int = 5000) -> None: ...

    def update_title(self) -> None: ...


class FileActions(QObject):
    """A QObject, so that an export's signals from its worker thread arrive on the GUI's."""

    def __init__(self, host: FileHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.window = parent
        """Where the questions are asked (the window)."""
        self.exports: list[ExportJob] = []

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False if the clerk cancelled."""
        host = self.host
        host.commit_typing()
        document = host.document
        if document is None or not document.modified:
            return True
        choice = host.dialogs.ask_save_changes(self.window, document.display_name)
        if choice == SaveChoice.CANCEL:
            return False
        if choice == SaveChoice.SAVE:
            return self.save()
        return True

    def new_document(self) -> None:
        if self.maybe_save():
            style = self.host.settings.default_style
            self.host.set_document(MeetingDocument(new_meeting(style)))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        document = self.host.document
        folder = document.path.parent if document and document.path else None
        path = self.host.dialogs.ask_open_path(self.window, folder)
        if path is not None:
            self.open_path(path, ask=False)

    def open_sample(self) -> None:
        if self.maybe_save():
            # the sample opens as a new, unsaved meeting: the bundled file is never written to
            document = MeetingDocument.open(locations.sample_meeting())
            self.host.set_document(MeetingDocument(document.meeting))

    # --- whose file it is ------------------------------------------------------------------

    def _own_session(self) -> str | None:
        """The session token of the mark the open document holds, if it holds one."""
        document = self.host.document
        ownership = document.ownership if document is not None else None
        return ownership.session.token if ownership is not None else None

    def _other_owner(self, path: Path) -> tuple[Owner | None, Owner | None]:
        """(the live owner who has `path` open, a stale mark that opening will clear): this
        window's own mark is neither."""
        owner = read_owner(path)
        if owner is None or owner.session == self._own_session():
            return None, None
        if is_stale(owner, this_machine=machine_name()):
            return None, owner
        return owner, None

    def open_path(
        self, path: Path, ask: bool = True, *, read_only: bool = False, check_copies: bool = True
    ) -> bool:
        """Open the meeting at `path`. Another live Clerk's mark on it is asked about (open
        read-only, edit anyway or cancel); `read_only` opens it so without asking. A conflict
        copy beside it is offered for comparison (`check_copies`)."""
        host = self.host
        if ask and not self.maybe_save():
            return False
        force = False
        owner: Owner | None = None
        cleared: Owner | None = None
        if not read_only:
            owner, cleared = self._other_owner(path)
            if owner is not None:
                choice = host.dialogs.ask_open_owned(self.window, path, describe(owner))
                if choice == OwnedChoice.CANCEL:
                    return False
                read_only = choice == OwnedChoice.READ_ONLY
                force = choice == OwnedChoice.EDIT_ANYWAY
        try:
            document = MeetingDocument.open(path, read_only=read_only)
        except MeetingFileError as exc:
            host.messages.error("The meeting could not be opened", str(exc))
            host.settings.remove_recent(path)
            return False
        document.opened_over = owner  # read-only, or edited anyway over their mark
        if not read_only and not self._claim(document, path, force):
            document.deleteLater()
            return False
        host.set_document(document)
        host.settings.add_recent(path)
        document.owner_lost.connect(self._owner_lost)
        self._say_whose(document, path, cleared)
        if check_copies:
            self.offer_comparison(path)
        return True

    def _claim(self, document: MeetingDocument, path: Path, force: bool) -> bool:
        """Take the owner mark for the document about to be shown; False if the clerk cancelled
        (another Clerk claimed it between the question and now, and was asked about)."""
        current = self.host.document
        ownership = current.ownership if current is not None else None
        if current is not None and ownership is not None and ownership.path == path:
            current.release_mark()  # the same file opened again: the new one holds it
        other = document.claim_mark(force=force)
        while other is not None:
            choice = self.host.dialogs.ask_open_owned(self.window, path, describe(other))
            if choice == OwnedChoice.CANCEL:
                return False
            document.opened_over = other
            if choice == OwnedChoice.READ_ONLY:
                document.read_only = True
                return True
            other = document.claim_mark(force=True)
        return True

    def _say_whose(self, document: MeetingDocument, path: Path, cleared: Owner | None) -> None:
        host = self.host
        if document.read_only:
            who = document.opened_over
            by = f" ({describe(who)} has it open)" if who is not None else ""
            host.show_status(
                f"Opened {path.name} read-only{by}: Save As keeps your changes under another name",
                0,
            )
        elif document.mark_problem:
            host.show_status(
                f"Clerk cannot mark {path.name} as open here ({document.mark_problem}): other "
                "clerks will not be told you have it open",
                0,
            )
        elif document.opened_over is not None:
            host.show_status(
                f"Editing {path.name} though {describe(document.opened_over)} has it open: "
                "Clerk will ask before either of you replaces the other's changes",
                0,
            )
        elif cleared is not None:
            gone = (
                "that Clerk is no longer running"
                if cleared.same_machine(machine_name())
                else "nothing has been heard from that Clerk for over ten minutes"
            )
            host.show_status(
                f"Cleared the mark left by {describe(cleared)}: {gone}; {path.name} is yours now",
                0,
            )

    def _owner_lost(self, owner: Owner) -> None:
        document = self.host.document
        name = document.display_name if document is not None else "the meeting"
        self.host.show_status(
            f"{describe(owner)} is now editing {name} too: Clerk will ask before either of you "
            "replaces the other's changes",
            0,
        )

    def offer_comparison(self, path: Path) -> None:
        """A sync client's conflict copies of the open meeting: offered for comparison; the
        clerk may open one read-only from there. Nothing is merged or removed."""
        host = self.host
        document = host.document
        if document is None:
            return
        copies = conflict_copies(path)
        if not copies:
            return
        copy = host.dialogs.ask_conflict_copies(self.window, path, copies)
        if copy is None:
            many = "copies stay" if len(copies) > 1 else "copy stays"
            host.show_status(f"Not compared: the conflict {many} in the folder", 0)
            return
        try:
            theirs = load_meeting(copy)
        except MeetingFileError as exc:
            host.messages.error("The conflict copy could not be read", str(exc))
            return
        lines = meetings_difference(document.meeting, theirs, host.styles, path, copy)
        choice = host.dialogs.ask_compare(self.window, path, copy, lines)
        if choice == CompareChoice.OPEN_COPY:
            self.open_path(copy, read_only=True, check_copies=False)

    def save(self) -> bool:
        host = self.host
        host.commit_typing()
        document = host.document
        if document is None:
            return False
        if document.path is None:
            return self.save_as()
        if document.recovered and not host.dialogs.ask_replace_with_recovered(
            self.window, document.path
        ):
            return self.save_as()
        # Whether someone else changed the file is checked by the save itself, at the last
        # moment and under the save lock; asking here first would leave a gap to lose work in.
        return self._save_to(document.path)

    def save_as(self) -> bool:
        host = self.host
        host.commit_typing()
        document = host.document
        if document is None:
            return False
        meeting = document.meeting
        suggested = document.path or (
            Path.home() / f"{meeting.body or 'Meeting'} {meeting.date:%Y-%m-%d}.minutes"
        )
        path = host.dialogs.ask_save_path(self.window, suggested)
        if path is None:
            return False
        if document.read_only and document.path is not None and _same_file(path, document.path):
            host.messages.error(
                "The meeting could not be saved",
                f"{path.name} was opened read-only: choose another name for your copy.",
            )
            return False
        owner, _ = self._other_owner(path)
        if owner is not None and not _same_file(path, document.path):
            host.messages.error(
                "The meeting could not be saved",
                f"{path.name} is open in Clerk for {describe(owner)}: choose another name.",
            )
            return False
        return self._save_to(path)

    def _changed_by(self, path: Path) -> str:
        """Who changed the file, when its owner mark names someone else ("" if nobody is known)."""
        owner = read_owner(path)
        if owner is not None and not owner.damaged and owner.session != self._own_session():
            return describe(owner)
        # the mark is ours because the clerk chose to edit anyway: it was theirs before
        document = self.host.document
        over = document.opened_over if document is not None else None
        return describe(over) if over is not None else ""

    def _save_to(self, path: Path) -> bool:
        """Save; a file someone else changed is replaced only if the clerk says so (their version
        then stays as the backup), a read-only one never: Save As is offered instead."""
        host = self.host
        document = host.document
        assert document is not None
        replacing: FileVersion | None = None
        while True:
            try:
                document.save(path, replacing=replacing)
                break
            except FileChangedError as exc:
                who = self._changed_by(path)
                asked = (
                    host.dialogs.ask_replace_changed_by(self.window, path, who)
                    if who
                    else host.dialogs.ask_replace_changed(self.window, path)
                )
                if not asked:
                    return self.save_as()
                replacing = exc.found  # what they agreed to replace, and nothing newer
            except OpenedReadOnlyError:
                other = document.opened_over
                why = f" ({describe(other)} has it open)" if other is not None else ""
                if host.dialogs.ask_save_opened_read_only_as(self.window, path, why):
                    return self.save_as()
                return False
            except ReadOnlyFileError as exc:
                if host.dialogs.ask_save_read_only_as(self.window, path):
                    return self.save_as()
                host.show_status(str(exc))
                return False
            except MeetingFileError as exc:
                host.messages.error("The meeting could not be saved", str(exc))
                return False
        host.settings.add_recent(path)
        host.update_title()
        if document.backup_problem:
            host.show_status(f"Saved {path}, but {document.backup_problem}", 15000)
        else:
            host.show_status(f"Saved {path}")
        return True

    def export(self, suffix: str) -> None:
        host = self.host
        host.commit_typing()
        document = host.document
        if document is None:
            return
        meeting = document.meeting
        folder = host.styles.get(meeting.house_style)
        if folder is None:
            host.messages.error(
                "Export", f"The house style '{meeting.house_style}' is not installed."
            )
            return
        base = (
            document.path.with_suffix(suffix) if document.path else Path.home() / f"Minutes{suffix}"
        )
        # Items that look exempt but are not marked so would be published whole: asked first,
        # so that marking them leads on to the usual public-or-confidential question.
        allow_unmarked = False
        unmarked = looks_exempt(meeting)
        problem = unmarked_exempt(meeting, folder, unmarked)
        if problem is not None:
            choice = host.dialogs.ask_publish_unmarked(self.window, problem)
            if choice == UnmarkedChoice.CANCEL:
                return
            if choice == UnmarkedChoice.MARK_EXEMPT:
                ids = [item.id for item, _ in unmarked]
                label = "Mark item exempt" if len(ids) == 1 else f"Mark {len(ids)} items exempt"
                document.edit(mark_exempt(meeting, ids), label, ("items",))
                meeting = document.meeting
            else:
                allow_unmarked = True
        has_exempt = any(item.exempt for item in meeting.items)
        answer = host.dialogs.ask_export(self.window, base, has_exempt)
        if answer is None:
            return
        path, public = answer
        job = ExportJob(
            meeting,
            path,
            folder,
            public=public,
            clerk=host.settings.clerk_name,
            allow_unmarked=allow_unmarked,
            meeting_folder=document.path.parent if document.path is not None else None,
        )
        job.signals.finished.connect(self._export_finished)
        job.signals.failed.connect(self._export_failed)
        self.exports.append(job)
        host.show_status(f"Exporting {path.name}…", 0)
        host.pool.start(job)

    def _export_finished(self, path: Path) -> None:
        self.host.show_status(f"Exported {path}")
        self.host.dialogs.after_export(self.window, path)

    def _export_failed(self, message: str) -> None:
        self.host.show_status("", 0)
        self.host.messages.error("The minutes could not be exported", message)
