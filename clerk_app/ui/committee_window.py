"""The committee page: a window of its own over a committee folder (File > Open folder…).

Pages down the left (Ctrl+PgUp and Ctrl+PgDown step through them): the committee, its members,
substitutes, who also attends, standing items, numbering, dates, the folder's meetings and the
year's actions. The folder is read off the GUI thread; the window shows "Reading…" meanwhile.
A folder with no committee file shows the committee its latest meeting describes, with a bar
saying so and a button that saves it as the folder's committee file. Edits are undoable
(Ctrl+Z, Ctrl+Y), saved with Ctrl+S; the title carries `*` while there are unsaved changes, and
closing with them asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.actions import for_export
from clerk_app.domain.committee import (
    MEMBER_ROLES,
    Member,
    RegularAttendee,
    StandingItemText,
    Substitute,
)
from clerk_app.domain.model import ROLE_LABELS, STANDING_ITEM_TITLES, Role
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import StyleFolder
from clerk_app.services.committee_document import (
    CommitteeDocument,
    FolderJob,
    FolderView,
    _Job,
    style_lookup,
)
from clerk_app.services.export import ExportError
from clerk_app.services.settings import Settings
from clerk_app.services.year import write_action_log
from clerk_app.storage import FileChangedError, FileVersion, MeetingFileError, ReadOnlyFileError
from clerk_app.storage import owner as owners
from clerk_app.ui.committee.pages import (
    ActionsPage,
    DatesPage,
    GeneralPage,
    MeetingsPage,
    NumberingPage,
)
from clerk_app.ui.committee.records import RecordsPage, committee_of
from clerk_app.ui.dialogs import Dialogs, OwnedChoice, SaveChoice
from clerk_app.ui.messages import Messages
from clerk_app.ui.tables import Column, ColumnKind

APP_TITLE = "Clerk"
PAGES = (
    "Committee",
    "Members",
    "Substitutes",
    "Also attend",
    "Standing items",
    "Numbering",
    "Dates",
    "Meetings",
    "Actions",
)


def _labels(labels: dict[Any, str]) -> Callable[[object], list[tuple[str, Any]]]:
    return lambda _committee: [(label, value) for value, label in labels.items()]


MEMBER_ROLE_LABELS = {role: ROLE_LABELS[role] for role in MEMBER_ROLES}
ATTENDEE_ROLE_LABELS = {Role.OFFICER: "Officer", Role.OTHER: "Also attends"}
STANDING_LABELS: dict[Any, str] = {None: "(an item of its own)", **STANDING_ITEM_TITLES}


def _person_columns() -> list[Column]:
    return [
        Column("Title", ("person", "title"), width=10, description="Councillor, Dr, Mrs…"),
        Column("Given name", ("person", "given_name"), width=12),
        Column("Family name", ("person", "family_name"), width=14),
        Column(
            "Name",
            ("person", "name"),
            width=22,
            stretch=True,
            description="The name as the minutes write it after the title (Batool, Joycelin "
            "Eze-Okubuiro); empty: the given and family names",
        ),
    ]


def member_columns() -> list[Column]:
    return [
        *_person_columns(),
        Column("Role", ("role",), ColumnKind.CHOICE, _labels(MEMBER_ROLE_LABELS), width=16),
        Column(
            "Capacity",
            ("capacity",),
            width=22,
            stretch=True,
            description="For a co-opted member: whom they represent",
        ),
        Column("Votes", ("votes",), ColumnKind.CHECK, width=4, description="Has a vote"),
        Column("Term from", ("term_from",), ColumnKind.DATE),
        Column("Term to", ("term_to",), ColumnKind.DATE),
    ]


def _member_choices(committee: object) -> list[tuple[str, Any]]:
    members = committee_of(committee).members
    return [("Any member", None)] + [
        (m.person.display_name or f"(no name, row {n + 1})", m.id) for n, m in enumerate(members)
    ]


def substitute_columns() -> list[Column]:
    return [
        *_person_columns(),
        Column(
            "For",
            ("for_member_id",),
            ColumnKind.CHOICE,
            _member_choices,
            width=18,
            any_word=True,
            missing="(a member no longer listed)",
        ),
        Column("Group or condition", ("note",), width=18, stretch=True),
    ]


def attendee_columns() -> list[Column]:
    return [
        *_person_columns(),
        Column("Role", ("role",), ColumnKind.CHOICE, _labels(ATTENDEE_ROLE_LABELS), width=12),
        Column("Job title or why", ("capacity",), width=26, stretch=True),
    ]


def standing_columns() -> list[Column]:
    return [
        Column("Title", ("title",), width=30, stretch=True),
        Column("Kind", ("standing",), ColumnKind.CHOICE, _labels(STANDING_LABELS), width=24),
        Column(
            "Usual text",
            ("text",),
            ColumnKind.TEXT,
            width=40,
            stretch=True,
            description="The usual minute, in the minute-text markup; in the previous minutes "
            "item {previous} stands for that meeting's date",
        ),
    ]


class CommitteeWindow(QMainWindow):
    open_meeting = Signal(object, object)
    """A meeting's path, and the id of the item to show (or None)."""
    new_meeting = Signal(object)
    """Prepare the next meeting of the committee in this folder (its path)."""
    closed = Signal(object)

    def __init__(
        self,
        folder: Path,
        settings: Settings,
        styles: dict[str, StyleFolder],
        *,
        messages: Messages,
        dialogs: type[Dialogs] = Dialogs,
        pool: QThreadPool | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("committeeWindow")
        self.folder = folder
        self.settings, self.styles = settings, styles
        self.messages, self.dialogs = messages, dialogs
        self.pool = pool or QThreadPool.globalInstance()
        self.today = today
        self.style_of = style_lookup(styles)
        self.document: CommitteeDocument | None = None
        self.view: FolderView | None = None
        self.jobs: list[QObject] = []
        self.loading = QLabel(f"Reading {folder}…")
        self.loading.setObjectName("committeeLoading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.loading)
        self.setWindowTitle(f"{folder.name} — Committee — {APP_TITLE}")
        self._build_actions()
        self.resize(1200, 760)
        self.reload()

    # --- actions ---------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], keys: Any, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if isinstance(keys, list):
            action.setShortcuts(keys)
        elif keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.save_action = self._action("&Save", self.save, key.Save, "committeeSaveAction")
        self.new_meeting_action = self._action(
            "&New meeting…", self.request_new_meeting, None, "committeeNewMeetingAction"
        )
        self.reload_action = self._action(
            "&Read the folder again", self.reload, key.Refresh, "committeeReloadAction"
        )
        self.close_action = self._action("&Close", self.close, key.Close, "committeeCloseAction")
        self.undo_action = self._action(
            "&Undo", self.undo, QKeySequence.keyBindings(key.Undo), "committeeUndoAction"
        )
        redo = [QKeySequence("Ctrl+Y")]
        redo += [k for k in QKeySequence.keyBindings(key.Redo) if k not in redo]
        self.redo_action = self._action("&Redo", self.redo, redo, "committeeRedoAction")
        self.next_page_action = self._action(
            "Ne&xt page", lambda: self.step_page(1), "Ctrl+PgDown", "committeeNextPageAction"
        )
        self.previous_page_action = self._action(
            "Pre&vious page", lambda: self.step_page(-1), "Ctrl+PgUp", "committeePreviousPageAction"
        )
        files = self.menuBar().addMenu("&Committee")
        for action in (self.save_action, self.new_meeting_action, self.reload_action):
            files.addAction(action)
        files.addSeparator()
        files.addAction(self.close_action)
        edit = self.menuBar().addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        go = self.menuBar().addMenu("&Go")
        go.addAction(self.next_page_action)
        go.addAction(self.previous_page_action)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        for action in (self.save_action, self.undo_action, self.redo_action,
                       self.new_meeting_action, self.next_page_action,
                       self.previous_page_action):  # fmt: skip
            action.setEnabled(on)

    # --- reading the folder ----------------------------------------------------------------

    def reload(self) -> None:
        """Read the folder again (off the GUI thread): the meetings and actions are shown
        afresh; the committee too, unless it has unsaved changes here."""
        job = FolderJob(self.folder, self.style_of)
        job.signals.finished.connect(self._folder_read)
        job.signals.failed.connect(self._folder_failed)
        self.jobs.append(job.signals)
        self.pool.start(job)

    def wait_for_folder(self, timeout_ms: int = 30_000) -> None:
        """For tests and the screenshots: until the folder has been read."""
        self.pool.waitForDone(timeout_ms)

    def _folder_failed(self, message: str) -> None:
        if not self.folder.is_dir():  # gone or moved: not offered again among recent folders
            self.settings.remove_recent_folder(self.folder)
        if self.document is None:
            self.loading.setText(f"The folder could not be read.\n\n{message}")
        self.messages.error("The committee folder could not be read", message)

    def _folder_read(self, view: FolderView) -> None:
        self.view = view
        current = self.document
        unchanged = (
            current is not None
            and current.path == view.folder.committee_path
            and current.version is not None
            and current.version.same_content(view.version)
        )
        # a reload (after New meeting…, F5) keeps the open committee as it is, its undo
        # history, its mark and a read-only choice, unless its file changed meanwhile
        if (current is None or not current.modified) and not unchanged:
            path = view.folder.committee_path
            document = CommitteeDocument(
                view.committee, path, self, version=view.version, folder=self.folder
            )
            self._set_document(document)
        assert self.document is not None
        self.meetings_page.show_folder(view)
        style = self.style_of(self.document.committee.house_style)
        self.actions_page.show_actions(view.actions, style)
        self.numbering_page.set_latest(view.latest)
        self.settings.add_recent_folder(self.folder)

    def _set_document(self, document: CommitteeDocument) -> None:
        old = self.document
        # the page the clerk was on, read before the list is made again
        current = self.page_list.currentRow() if old is not None else 0
        if old is not None:
            old.release()
        self.document = document
        say = self.show_status
        names = sorted(self.styles)
        self.general_page = GeneralPage(document, say, names)
        self.members_page = RecordsPage(
            document,
            ("members",),
            member_columns(),
            name="members",
            noun="member",
            plural="members",
            intro="The seats on the committee and their terms (dd/mm/yyyy). A member whose "
            "term covers a meeting's date is in its expected attendance.",
            make=Member,
            say=say,
        )
        self.substitutes_page = RecordsPage(
            document,
            ("substitutes",),
            substitute_columns(),
            name="substitutes",
            noun="substitute",
            plural="substitutes",
            intro="The named substitutes the committee's rules allow.",
            make=Substitute,
            say=say,
        )
        self.attendees_page = RecordsPage(
            document,
            ("attendees",),
            attendee_columns(),
            name="attendees",
            noun="person",
            plural="people who also attend",
            intro="Officers and others who usually attend: they are in each prepared meeting's "
            "attendance.",
            make=RegularAttendee,
            say=say,
        )
        self.standing_page = RecordsPage(
            document,
            ("standing_items",),
            standing_columns(),
            name="standing",
            noun="standing item",
            plural="standing items",
            intro="The items every meeting takes, in order, with their usual minute. The "
            "previous minutes and matters arising are added where the committee has none.",
            make=lambda: StandingItemText(title="New item"),
            say=say,
            wrap=True,
        )
        self.numbering_page = NumberingPage(document, say, self.style_of, self.today)
        self.dates_page = DatesPage(document, say)
        self.meetings_page = MeetingsPage()
        self.meetings_page.open_requested.connect(lambda path: self.open_meeting.emit(path, None))
        self.meetings_page.new_requested.connect(self.request_new_meeting)
        self.actions_page = ActionsPage(self.today)
        self.actions_page.open_requested.connect(self.open_action)
        self.actions_page.export_requested.connect(self.export_actions)
        self.pages = QStackedWidget()
        self.pages.setObjectName("committeePages")
        for page in (
            self.general_page, self.members_page, self.substitutes_page, self.attendees_page,
            self.standing_page, self.numbering_page, self.dates_page, self.meetings_page,
            self.actions_page,
        ):  # fmt: skip
            self.pages.addWidget(page)
        self.page_list: QListWidget = QListWidget()
        self.page_list.setObjectName("committeePagesList")
        self.page_list.setAccessibleName("Committee pages")
        self.page_list.addItems(list(PAGES))
        self.page_list.setMaximumWidth(180)
        self.page_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.bar = self._bar(document)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.page_list)
        body.addWidget(self.pages)
        body.setStretchFactor(1, 1)
        body.setSizes([170, 1000])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.bar)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)
        central.show()  # now, not on Qt's next turn: the bar's state below must hold
        self.page_list.setCurrentRow(max(current, 0))
        document.modified_changed.connect(lambda _m: self.update_title())
        document.path_changed.connect(lambda _p: self._after_first_save())
        document.stepped.connect(lambda _path, text: self.show_status(text))
        document.owner_lost.connect(self._owner_lost)
        stack = document.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self._enable(True)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self._claim(document)
        self.update_title()
        self.page_list.setFocus()
        if old is not None:
            old.deleteLater()

    def _bar(self, document: CommitteeDocument) -> QFrame:
        bar = QFrame()
        bar.setObjectName("committeeBar")
        bar.setStyleSheet(
            "#committeeBar { background: #fff4ce; border: 1px solid #d8c27a; border-radius: 3px; }"
        )
        self.bar_label = QLabel()
        self.bar_label.setObjectName("committeeBarText")
        self.bar_label.setWordWrap(True)
        self.save_file_button = QPushButton("Save as the &committee file")
        self.save_file_button.setObjectName("saveCommitteeFileButton")
        self.save_file_button.setAccessibleName("Save as the committee file")
        self.save_file_button.clicked.connect(lambda _c=False: self.save())
        self.edit_anyway_button = QPushButton("&Edit anyway")
        self.edit_anyway_button.setObjectName("editCommitteeAnywayButton")
        self.edit_anyway_button.setAccessibleName("Edit anyway")
        self.edit_anyway_button.clicked.connect(lambda _c=False: self._edit_anyway())
        row = QHBoxLayout(bar)
        row.addWidget(self.bar_label, 1)
        row.addWidget(self.save_file_button)
        row.addWidget(self.edit_anyway_button)
        self.bar = bar
        self._show_bar(document)
        return bar

    def _show_bar(self, document: CommitteeDocument, owner: str = "") -> None:
        if owner:
            self.bar_label.setText(
                f"{owner} has this committee open: you are looking at it read-only, and your "
                "changes cannot be saved. Edit anyway only if they are not changing it."
            )
        elif document.derived:
            latest = self.view.folder.latest() if self.view else None
            name = latest.path.name if latest else "its latest meeting"
            self.bar_label.setText(
                f"This folder has no committee file: the committee shown is as {name} "
                "records it. Check it, then save it as the folder's committee file."
            )
        self.save_file_button.setVisible(document.derived and not owner)
        self.edit_anyway_button.setVisible(bool(owner))
        self.bar.setVisible(document.derived or bool(owner))

    def _claim(self, document: CommitteeDocument) -> None:
        """Mark the committee file as open here; another live Clerk's mark is asked about:
        read-only (the bar says who, with Edit anyway), edit anyway, or close the window."""
        other = document.claim()
        if other is None or document.path is None:
            return
        who = owners.describe(other)
        choice = self.dialogs.ask_open_owned(self, document.path, who)
        if choice == OwnedChoice.EDIT_ANYWAY:
            document.claim(force=True)
            return
        document.read_only = True
        self._show_bar(document, who)
        if choice == OwnedChoice.CANCEL:
            QTimer.singleShot(0, self.close)

    def _edit_anyway(self) -> None:
        document = self.document
        if document is None:
            return
        document.read_only = False
        document.claim(force=True)
        self._show_bar(document)
        self.show_status("You are editing the committee: the other Clerk is told when it saves")

    def _owner_lost(self, other: object) -> None:
        if self.document is not None and isinstance(other, owners.Owner):
            self.document.read_only = True
            self._show_bar(self.document, owners.describe(other))

    def _after_first_save(self) -> None:
        # the document marked its new file as open when it saved it (CommitteeDocument.save)
        if self.document is not None:
            self._show_bar(self.document)
        self.update_title()

    # --- the window ------------------------------------------------------------------------

    def update_title(self) -> None:
        document = self.document
        if document is None:
            return
        self.setWindowTitle(f"{document.display_name}[*] — Committee — {APP_TITLE}")
        self.setWindowModified(document.modified)

    def show_status(self, message: str, milliseconds: int = 8000) -> None:
        self.statusBar().showMessage(message, milliseconds)

    def step_page(self, step: int) -> None:
        if self.document is None:
            return
        self.commit_typing()
        row = (self.page_list.currentRow() + step) % self.page_list.count()
        self.page_list.setCurrentRow(row)

    def show_page(self, name: str) -> None:
        self.page_list.setCurrentRow(PAGES.index(name))

    def commit_typing(self) -> None:
        if self.document is not None:
            self.general_page.commit_pending()
            for page in (self.members_page, self.substitutes_page, self.attendees_page,
                         self.standing_page):  # fmt: skip
                page.table.commit_editing()

    def undo(self) -> None:
        if self.document is not None:
            self.commit_typing()
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    def save(self) -> bool:
        """Save the committee (a derived one as `<folder name>.committee` in the folder); a file
        someone else changed since it was read is replaced only if the clerk says so."""
        document = self.document
        if document is None:
            return False
        self.commit_typing()
        replacing: FileVersion | None = None
        while True:
            try:
                path = document.save(replacing=replacing)
                break
            except FileChangedError as exc:
                target = document.path or document.default_path()
                if not self.dialogs.ask_replace_changed(self, target):
                    self.show_status("Not saved: read the folder again (F5) to see their version")
                    return False
                replacing = exc.found
            except (ReadOnlyFileError, MeetingFileError) as exc:
                self.messages.error("The committee could not be saved", str(exc))
                return False
        if document.backup_problem:
            self.show_status(f"Saved {path}, but {document.backup_problem}", 15000)
        else:
            self.show_status(f"Saved {path}")
        self.update_title()
        return True

    def request_new_meeting(self) -> None:
        if self.document is not None and self.document.modified:
            choice = self.dialogs.ask_save_changes(self, self.document.display_name)
            if choice == SaveChoice.CANCEL or (choice == SaveChoice.SAVE and not self.save()):
                return
        self.new_meeting.emit(self.folder)

    def open_action(self, action_id: str) -> None:
        if self.view is None:
            return
        held = self.view.holders.get(action_id)
        if held is not None:
            self.open_meeting.emit(held[0], held[1])

    def export_actions(self, suffix: str) -> None:
        document = self.document
        if document is None:
            return
        committee = document.committee
        entries = list(self.actions_page.shown)
        secret = sum(entry.exempt for entry in entries)
        include_exempt = False
        if secret:
            answer = self.dialogs.ask_exempt_actions(self, secret)
            if answer is None:
                return
            include_exempt = answer
        entries = for_export(entries, include_exempt=include_exempt)
        today = self.today()
        folder = self.styles.get(committee.house_style)
        if suffix == ".docx" and folder is None:
            self.messages.error(
                "Export", f"The house style '{committee.house_style}' is not installed."
            )
            return
        suggested = (
            self.folder / f"{committee.name or 'Committee'} actions {today:%Y-%m-%d}{suffix}"
        )
        path = self.dialogs.ask_action_log_path(self, suggested)
        if path is None:
            return

        def work() -> Path:
            try:
                write_action_log(entries, path, folder, committee, today)
            except (ExportError, RenderError, StyleError) as exc:
                raise MeetingFileError(path, f"could not be written: {exc}") from exc
            return path

        job = _Job(work)
        job.signals.finished.connect(self._exported)
        job.signals.failed.connect(
            lambda message: self.messages.error("The action log could not be exported", message)
        )
        self.jobs.append(job.signals)
        self.show_status(f"Exporting {path.name}…", 0)
        self.pool.start(job)

    def _exported(self, path: Path) -> None:
        self.show_status(f"Exported the action log to {path}")
        self.dialogs.after_export(self, path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_close():
            event.ignore()
            return
        if self.document is not None:
            self.document.release()
        self.closed.emit(self)
        event.accept()

    def maybe_close(self) -> bool:
        """Ask about unsaved changes; False if the clerk cancelled."""
        self.commit_typing()
        document = self.document
        if document is None or not document.modified:
            return True
        choice = self.dialogs.ask_save_changes(self, document.display_name)
        if choice == SaveChoice.CANCEL:
            return False
        if choice == SaveChoice.SAVE:
            return self.save()
        document.undo_stack.setClean()  # discarded: nothing more to ask about
        return True


class CommitteeWindows(QObject):
    """The committee windows a main window has opened, one per folder."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = parent
        self.open: dict[Path, CommitteeWindow] = {}

    def show(self, folder: Path, make: Callable[[Path], CommitteeWindow]) -> CommitteeWindow:
        key = folder.resolve()
        window = self.open.get(key)
        if window is None:
            window = make(folder)
            self.open[key] = window
            window.closed.connect(lambda _w, k=key: self.open.pop(k, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def reload(self, folder: Path) -> None:
        window = self.open.get(folder.resolve())
        if window is not None:
            window.reload()

    def close_all(self) -> bool:
        """Close every committee window (each asks about its unsaved changes); False if the
        clerk cancelled one."""
        return all(window.close() for window in list(self.open.values()))
