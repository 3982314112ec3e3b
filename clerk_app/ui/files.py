"""The File menu's work: new, open, save, save as, export, and the unsaved-changes question.

The window wires menus and shortcuts to these; the document lifecycle itself lives here, apart
from the wiring, so that each can be read (and tested) on its own.
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
from clerk_app.services.document import MeetingDocument
from clerk_app.services.export import unmarked_exempt
from clerk_app.services.export_job import ExportJob
from clerk_app.services.settings import Settings
from clerk_app.storage import FileChangedError, FileVersion, MeetingFileError, ReadOnlyFileError
from clerk_app.ui.dialogs import Dialogs, SaveChoice, UnmarkedChoice
from clerk_app.ui.messages import Messages


def new_meeting(style: str) -> Meeting:
    return Meeting(date=dt.date.today(), house_style=style)


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

    def open_path(self, path: Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            document = MeetingDocument.open(path)
        except MeetingFileError as exc:
            self.host.messages.error("The meeting could not be opened", str(exc))
            self.host.settings.remove_recent(path)
            return False
        self.host.set_document(document)
        self.host.settings.add_recent(path)
        return True

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
        return path is not None and self._save_to(path)

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
                if not host.dialogs.ask_replace_changed(self.window, path):
                    return self.save_as()
                replacing = exc.found  # what they agreed to replace, and nothing newer
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
