"""The open committee: the model, its file, its undo stack and whether it has unsaved changes;
and the committee's folder and its next meeting, worked out off the GUI thread.

`CommitteeDocument` follows `clerk_app.services.document.MeetingDocument`: every edit, whatever
widget makes it, goes through `edit` (or a helper built on it) as one undo command, typing into
one field merges into one step, and `changed` names the path that changed. A committee that
comes from no file (a folder with only meetings: its latest meeting describes it) is `derived`
until it is saved as the folder's committee file.

The jobs (`FolderJob`, `PrepareJob`) read files, so they run on a QThreadPool, as exports do;
they report on their signals, which arrive on the GUI thread. QtCore and QtGui only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtGui import QUndoStack

from clerk_app.domain import edit
from clerk_app.domain.actions import ActionEntry, action_log
from clerk_app.domain.committee import Committee
from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.services import year
from clerk_app.services.document import OpenedReadOnlyError
from clerk_app.services.ownership import Ownership
from clerk_app.services.undo import ReplaceState, push_typed
from clerk_app.storage import FileVersion, MeetingFileError, current_version
from clerk_app.storage import owner as owners
from clerk_app.storage.committee_file import COMMITTEE_SUFFIX, read_committee, save_committee
from clerk_app.storage.folder import CommitteeFolder, MeetingEntry, load_meetings, open_folder

EditPath = edit.Path
StyleOf = Callable[[str], HouseStyle]


def checked(committee: Committee) -> Committee:
    """`committee` with every rule of the model checked again (a path edit validates only the
    value it sets: a term ending before it starts is a rule of the member as a whole). Raises
    ValidationError (a ValueError)."""
    return Committee.model_validate(committee.model_dump())


class CommitteeDocument(QObject):
    changed = Signal(object)
    """The committee changed; the argument is the path of the edit (() for the whole)."""
    path_changed = Signal(object)
    modified_changed = Signal(bool)
    saved = Signal(object)
    stepped = Signal(object, str)
    owner_lost = Signal(object)
    """Another Clerk's live mark replaced ours (an `owner.Owner`): say so, once."""

    def __init__(
        self,
        committee: Committee,
        path: Path | None = None,
        parent: QObject | None = None,
        *,
        version: FileVersion | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._committee = committee
        self._path = path
        self.folder = folder or (path.parent if path is not None else None)
        """The committee's folder (where its meetings are)."""
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._version = version or (current_version(path) if path is not None else None)
        self.backup_problem: str | None = None
        self.read_only = False
        """Opened read-only (someone else has it open, and the clerk chose to look only)."""
        self.ownership: Ownership | None = None
        """The owner mark on the committee file while it is open here."""

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @property
    def committee(self) -> Committee:
        return self._committee

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def derived(self) -> bool:
        """No committee file yet: the committee as the folder's latest meeting shows it."""
        return self._path is None

    @property
    def version(self) -> FileVersion | None:
        return self._version

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self._committee.name or (self._path.name if self._path else "Committee")

    def default_path(self) -> Path:
        """Where "Save as the committee file" writes: `<short name>.committee` in the folder."""
        assert self.folder is not None
        return self.folder / committee_file_name(self._committee, self.folder)

    def _replace(self, committee: Committee, path: EditPath) -> None:
        if committee is not self._committee:
            self._committee = committee
            self.changed.emit(path)

    # --- edits: each is one undo step ------------------------------------------------------------

    def edit(
        self, after: Committee, text: str, changed: EditPath = (), merge_key: Any = None
    ) -> None:
        """Raises ValueError (ValidationError) for a committee the model refuses."""
        if after is self._committee or after == self._committee:
            return
        after = checked(after)
        self.undo_stack.push(ReplaceState(self, self._committee, after, text, changed, merge_key))

    def set(self, path: EditPath, value: Any, text: str, *, merge: bool = True) -> None:
        after = edit.set_at(self._committee, path, value)
        if edit.get_at(after, path) == edit.get_at(self._committee, path):
            return
        self.edit(after, text, path, merge_key=path if merge else None)

    def set_typed(self, path: EditPath, value: Any, text: str, stay: object) -> None:
        """As `MeetingDocument.set_typed`: every value entered in one stay is one undo step."""
        before = self._committee
        after = checked(edit.set_at(before, path, value))
        if edit.get_at(after, path) == edit.get_at(before, path):
            return
        push_typed(self.undo_stack, self, before, after, text, path, stay)

    def insert(self, path: EditPath, index: int, value: Any, text: str) -> None:
        self.edit(edit.insert_at(self._committee, path, index, value), text, path)

    def remove(self, path: EditPath, index: int, text: str) -> None:
        self.edit(edit.remove_at(self._committee, path, index), text, path)

    def move(self, path: EditPath, source: int, target: int, text: str) -> None:
        self.edit(edit.move_within(self._committee, path, source, target), text, path)

    # --- files ---------------------------------------------------------------------------------

    def save(self, path: Path | None = None, *, replacing: FileVersion | None = None) -> Path:
        """Save (to `path`, or the document's own file); raises MeetingFileError, and
        FileChangedError when its own file is no longer the version it read or wrote (unless
        it is `replacing`, the version the clerk agreed to replace). A derived committee is
        saved as the folder's committee file (never over one that appeared since)."""
        if self.read_only:
            raise OpenedReadOnlyError(self._path or Path(self.display_name))
        target = path or self._path
        new = target is None
        if target is None:
            target = self.default_path()
        expected = replacing
        if expected is None and target == self._path:
            expected = self._version
        saved = save_committee(self._committee, target, expected, new=new)
        self._version = saved.version
        self.backup_problem = saved.backup_problem
        if target != self._path:
            self._path = target
            self.folder = target.parent
            if self.ownership is not None:
                self.ownership.move_to(target)
            else:
                self.claim(force=True)  # the file it now is, saved here: marked as open
            self.path_changed.emit(target)
        self.undo_stack.setClean()
        self.saved.emit(target)
        return target

    # --- the owner mark (a team folder) ---------------------------------------------------------

    def claim(self, *, force: bool = False) -> owners.Owner | None:
        """Mark the committee file as open here, as a meeting's document does
        (`clerk_app.services.ownership.Ownership`). Returns the live owner who has it open
        instead (nothing written), or None when the mark is ours (or cannot be written: a
        read-only folder; the save's own check still protects the file)."""
        if self._path is None:
            return None
        if self.ownership is None:
            self.ownership = Ownership(self._path, parent=self)
            self.ownership.lost.connect(self.owner_lost)
        return self.ownership.claim(force=force)

    def release(self) -> None:
        """Remove our mark (on close); never raises."""
        if self.ownership is not None:
            self.ownership.release()


def committee_file_name(committee: Committee, folder: Path) -> str:
    """`<short name>.committee`: the folder's own name made safe, else the committee's."""
    base = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in folder.name).strip()
    if not base:
        base = "".join(ch for ch in committee.name.title() if ch.isalnum()) or "committee"
    return f"{base}{COMMITTEE_SUFFIX}"


# --- the folder, read off the GUI thread ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A meeting as the committee page lists it."""

    entry: MeetingEntry
    first: str = ""
    last: str = ""
    """Its first and last minute numbers as its style writes them ("" when it has none)."""

    @property
    def minutes(self) -> str:
        if not self.first:
            return ""
        return self.first if self.first == self.last else f"{self.first}–{self.last}"


@dataclass(slots=True)
class FolderView:
    """What the committee window shows of a folder."""

    folder: CommitteeFolder
    committee: Committee
    derived: bool
    """No committee file: `committee` is its latest meeting's."""
    version: FileVersion | None
    meetings: list[MeetingRow] = field(default_factory=list)
    actions: list[ActionEntry] = field(default_factory=list)
    holders: dict[str, tuple[Path, str]] = field(default_factory=dict)
    """Each action's latest meeting holding it, and the id of the item it is under there."""
    latest: tuple[dt.date, int | None] | None = None
    """The latest meeting's date and last minute number (None: no minutes, or unreadable)."""


def style_lookup(styles: dict[str, Any]) -> StyleOf:
    """A house style by name from the app's loaded style folders; the default for one that is
    not installed (the page still lists the meeting)."""

    def style_of(name: str) -> HouseStyle:
        folder = styles.get(name)
        return folder.style if folder is not None else DEFAULT_STYLE

    return style_of


def read_folder(folder: Path, style_of: StyleOf) -> FolderView:
    """The committee, its meetings (with their minute numbers) and the year's actions.
    Raises MeetingFileError (a damaged committee file, two of them, no meetings and no file)."""
    found = open_folder(folder)
    version = None
    if found.committee_path is not None:
        committee, version = read_committee(found.committee_path)
        found.committee = committee
    committee = year.committee_of(found, style_of)
    loaded = dict(load_meetings(found.meetings))
    rows: list[MeetingRow] = []
    latest: tuple[dt.date, int | None] | None = None
    for entry in found.meetings:
        meeting = loaded.get(entry.path)
        first = last = ""
        if meeting is not None:
            numbering = MinuteNumbering(meeting, style_of(meeting.house_style))
            labels = [label for label in numbering.labels() if label]
            if labels:
                first, last = labels[0], labels[-1]
            latest = (meeting.date, numbering.last)
        rows.append(MeetingRow(entry, first, last))
    meetings = list(loaded.values())
    actions = action_log(meetings, lambda m: style_of(m.house_style))
    holders: dict[str, tuple[Path, str]] = {}
    for path, meeting in sorted(loaded.items(), key=lambda pair: pair[1].date):
        for item in meeting.items:
            for action in item.actions:
                holders[action.id] = (path, item.id)
    return FolderView(
        found,
        committee,
        found.committee_path is None,
        version,
        rows,
        actions,
        holders,
        latest,
    )


class JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = JobSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except MeetingFileError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # reported, not lost in a worker thread
            self.signals.failed.emit(f"Unexpected error: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)


class FolderJob(_Job):
    """`read_folder` on a worker thread: `signals.finished` gives the FolderView."""

    def __init__(self, folder: Path, style_of: StyleOf) -> None:
        super().__init__(lambda: read_folder(folder, style_of))


# --- the next meeting ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """A meeting prepared, and where it goes."""

    meeting: Meeting
    path: Path | None
    """In the committee's folder (not yet written); None: the meeting it follows was never
    saved, so the clerk says where."""
    carried: int
    existing: Path | None = None
    """The committee's meeting of that date already in the folder: opened instead."""


def suggested_date(committee: Committee, latest: dt.date | None, today: dt.date) -> dt.date:
    """The date to offer: the first of the committee's dates after its latest meeting, else
    four weeks after that meeting, else the first of its dates after today, else today."""
    if latest is not None:
        return committee.next_date(latest) or latest + dt.timedelta(weeks=4)
    return committee.next_date(today - dt.timedelta(days=1)) or today


def prepare_next(
    source: Path | Meeting, day: dt.date, style_of: StyleOf, *, from_meeting: bool = True
) -> NextMeeting:
    """The meeting on `day`, prepared. `source`: a meeting's file (its folder's committee, with
    it as the meeting before unless a later one before `day` is there), a committee's folder
    (`from_meeting` False), or a meeting never saved (prepared from itself alone: its committee
    as it shows it, it as the meeting before, its open actions carried). Raises
    MeetingFileError."""
    if isinstance(source, Meeting):
        done = year.prepare_from_unsaved(source, day, style_of)
        return NextMeeting(done.meeting, None, done.carried)
    if from_meeting:
        done = year.prepare_from_meeting(source, day, style_of)
    else:
        done = year.prepare_in_folder(open_folder(source), day, style_of)
    return NextMeeting(done.meeting, done.path, done.carried, done.existing)


class PrepareJob(_Job):
    """`prepare_next` on a worker thread: `signals.finished` gives the NextMeeting."""

    def __init__(
        self, source: Path | Meeting, day: dt.date, style_of: StyleOf, *, from_meeting: bool
    ) -> None:
        super().__init__(lambda: prepare_next(source, day, style_of, from_meeting=from_meeting))


def validation_message(exc: ValidationError | ValueError) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        return str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
    return str(exc).splitlines()[0] if str(exc) else "That value cannot be used."
