"""File > Import agenda…: the agenda and attendees of a meeting taken from the council's own
system (a ModernGov site, a Legistar client's Web API) or from the clerk's agenda document.

Keyboard first: the source, its address, Enter (Find meetings) lists the site's committees (the
one named as the open meeting's body chosen) and that committee's meetings from today to a year
ahead ("Show past meetings" looks back a year); Enter on a meeting imports it. Every call to the
site runs on the window's thread pool (`services.import_job`): the window never waits on the
network, a status line says what is being waited for, Esc stops waiting, and a failure is the
one line the importer gives. The imported meeting becomes the document: unsaved when the open
meeting's folder has no committee file; joined to the committee of that folder's .committee file
and saved straight into the folder under its own name (never over a file) when it has one; a
meeting of that date already there is offered instead. The source is remembered per committee.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.importers.agenda import CommitteeListing, MeetingListing
from clerk_app.services import importing
from clerk_app.services.committee_document import style_lookup
from clerk_app.services.document import MeetingDocument
from clerk_app.services.import_job import ImportJob, start_import
from clerk_app.services.year import long_date, weekday
from clerk_app.storage import MeetingFileError
from clerk_app.storage.folder import committee_files
from clerk_app.storage.meeting_file import save_new_meeting
from clerk_app.ui.next_meeting import Host

DOCUMENT = "docx"
"""The third source: the clerk's agenda document."""
SOURCES: tuple[tuple[str, str], ...] = (
    (importing.System.MODERNGOV.value, importing.SYSTEM_LABELS[importing.System.MODERNGOV]),
    (importing.System.LEGISTAR.value, importing.SYSTEM_LABELS[importing.System.LEGISTAR]),
    (DOCUMENT, "Agenda document (.docx)"),
)
LOOK_AHEAD = dt.timedelta(days=365)
LOOK_BACK = dt.timedelta(days=365)


ImportHost = Host
"""What the dialog asks of the window: the same as File > Next meeting does (the document, the
settings, the styles, messages, the thread pool, saving first and opening a file)."""


def open_import_dialog(
    host: ImportHost,
    window: QWidget,
    today: Callable[[], dt.date] = dt.date.today,
    saved_in: Callable[[Path], None] | None = None,
) -> ImportDialog | None:
    """File > Import agenda…: the open meeting saved first if the clerk wants it kept, then the
    dialog (one per window, shown afresh each time). None: the clerk kept the open meeting.
    `saved_in(folder)` is told of a meeting saved into a committee's folder (its committee
    window shows it)."""
    host.commit_typing()
    if host.document is not None and host.document.modified and not host.maybe_save():
        return None
    dialog = window.findChild(ImportDialog, "importAgendaDialog")
    if dialog is None:
        dialog = ImportDialog(host, window, today)
    dialog.saved_in = saved_in
    dialog.start()
    dialog.open()
    dialog.focus_first()
    return dialog


class ImportDialog(QDialog):
    def __init__(self, host: ImportHost, parent: QWidget, today: Callable[[], dt.date]) -> None:
        super().__init__(parent)
        self.setObjectName("importAgendaDialog")
        self.setWindowTitle("Import agenda")
        self.host = host
        self.today = today
        self.job: ImportJob | None = None
        """The call being waited for; None when idle."""
        self.token = 0
        """Which call the dialog waits for: a result of an earlier one (waiting stopped) is
        dropped."""
        self.source: importing.Source | None = None
        """The source the committees were listed from."""
        self.existing: Path | None = None
        """The committee's meeting of the imported date already in the folder: offered."""
        self.body = ("", "")
        """The open meeting's authority and body, when the dialog was opened."""
        self.saved_in: Callable[[Path], None] | None = None
        self.refocus: QWidget | None = None
        """Where the clerk was when a call started: given back when it ends."""

        self.system = QComboBox()
        self.system.setObjectName("importSource")
        self.system.setAccessibleName("Import from")
        for value, label in SOURCES:
            self.system.addItem(label, value)
        self.site = QLineEdit()
        self.site.setObjectName("importSite")
        self.site.setAccessibleName("Site address")
        self.site_label = QLabel("Site &address:")
        self.site_label.setBuddy(self.site)
        self.api = QLineEdit()
        self.api.setObjectName("importApi")
        self.api.setAccessibleName("Web API address")
        self.api.setPlaceholderText("empty: Granicus's own Web API")
        self.api_label = QLabel("Web &API address:")
        self.api_label.setBuddy(self.api)
        self.file = QLineEdit()
        self.file.setObjectName("importFile")
        self.file.setAccessibleName("Agenda document")
        self.file.setPlaceholderText("the agenda as a Word document (.docx)")
        self.browse = QPushButton("&Browse…")
        self.browse.setObjectName("importBrowse")
        self.browse.setAutoDefault(False)
        self.file_row = QWidget()
        row = QHBoxLayout(self.file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        self.file_label = QLabel("Agenda &document:")
        self.file_label.setBuddy(self.file)
        self.find_button = QPushButton("&Find meetings")
        self.find_button.setObjectName("importFind")
        self.find_button.setAutoDefault(False)
        self.committee = QComboBox()
        self.committee.setObjectName("importCommittee")
        self.committee.setAccessibleName("Committee")
        self.committee_label = QLabel("Co&mmittee:")
        self.committee_label.setBuddy(self.committee)
        self.meetings = QListWidget()
        self.meetings.setObjectName("importMeetings")
        self.meetings.setAccessibleName("Meetings")
        self.meetings_label = QLabel("M&eetings:")
        self.meetings_label.setBuddy(self.meetings)
        self.past = QCheckBox("Show &past meetings")
        self.past.setObjectName("importPast")
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setAccessibleName("Import status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("importClose")
        # Enter is the address's (Find meetings) or the meeting's (Import): never Close
        for button in (self.import_button, self.close_button):
            button.setAutoDefault(False)

        form = QFormLayout()
        source_label = QLabel("&Source:")
        source_label.setBuddy(self.system)
        form.addRow(source_label, self.system)
        form.addRow(self.site_label, self.site)
        form.addRow(self.api_label, self.api)
        form.addRow(self.file_label, self.file_row)
        form.addRow("", self.find_button)
        form.addRow(self.committee_label, self.committee)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.meetings_label)
        layout.addWidget(self.meetings, 1)
        layout.addWidget(self.past)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        order: list[QWidget] = [
            self.system, self.site, self.api, self.file, self.browse, self.find_button,
            self.committee, self.meetings, self.past, self.import_button, self.close_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.system.currentIndexChanged.connect(self._system_changed)
        self.site.returnPressed.connect(self.find_meetings)
        self.api.returnPressed.connect(self.find_meetings)
        self.file.returnPressed.connect(self.import_chosen)
        self.browse.clicked.connect(self._browse)
        self.find_button.clicked.connect(self.find_meetings)
        self.committee.activated.connect(lambda _index: self.list_meetings())
        self.past.toggled.connect(lambda _on: self.list_meetings())
        self.meetings.itemActivated.connect(lambda _item: self.import_chosen())
        self.meetings.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.import_button.clicked.connect(self.import_chosen)
        self.close_button.clicked.connect(self.reject)

    # --- showing -------------------------------------------------------------------------------

    def start(self) -> None:
        """Afresh: the source remembered for the open meeting's committee (or the last used)."""
        self._stop_waiting()
        document = self.host.document
        meeting = document.meeting if document is not None else None
        self.body = (meeting.authority, meeting.body) if meeting is not None else ("", "")
        self.source, self.existing = None, None
        self.committee.clear()
        self.meetings.clear()
        self.past.blockSignals(True)
        self.past.setChecked(False)
        self.past.blockSignals(False)
        remembered = self.host.settings.import_source(*self.body)
        if remembered is not None:
            system, site, api = remembered
            index = self.system.findData(system)
            if index >= 0:
                self.system.setCurrentIndex(index)
            if system == DOCUMENT:
                self.file.setText(site)
            else:
                self.site.setText(site)
                self.api.setText(api)
        joined = self.committee_path()
        self.status.setText(
            f"The meeting will be joined to {joined.name} and saved in its folder."
            if joined is not None
            else ""
        )
        self._system_changed()

    def focus_first(self) -> None:
        """The address (or the document) to type, once the dialog is shown."""
        focus = self.file if self.chosen_system() == DOCUMENT else self.site
        focus.setFocus()
        focus.selectAll()

    def chosen_system(self) -> str:
        return str(self.system.currentData())

    def _system_changed(self) -> None:
        system = self.chosen_system()
        document = system == DOCUMENT
        legistar = system == importing.System.LEGISTAR.value
        shown: list[tuple[QWidget, bool]] = [
            *((w, not document) for w in (self.site_label, self.site, self.find_button)),
            *((w, not document) for w in (self.committee_label, self.committee)),
            *((w, not document) for w in (self.meetings_label, self.meetings, self.past)),
            *((w, legistar) for w in (self.api_label, self.api)),
            *((w, document) for w in (self.file_label, self.file_row)),
        ]
        for widget, visible in shown:
            widget.setVisible(visible)
        if legistar:
            self.site_label.setText("Legistar &client:")
            self.site.setPlaceholderText("the client's name, as in its Web API: seattle")
        else:
            self.site_label.setText("Site &address:")
            self.site.setPlaceholderText("https://democracy.example.gov.uk")
        if self.source is not None and self.source.system.value != system:
            self.source = None
            self.committee.clear()
            self.meetings.clear()
        self._update_buttons()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import an agenda document", self.file.text(), "Word document (*.docx)"
        )
        if name:
            self.file.setText(name)
            self.import_button.setFocus()

    def _update_buttons(self) -> None:
        busy = self.job is not None
        inputs: list[QWidget] = [self.system, self.site, self.api, self.file, self.browse]
        for widget in (*inputs, self.find_button):
            widget.setEnabled(not busy)
        self.committee.setEnabled(not busy and self.committee.count() > 0)
        self.meetings.setEnabled(not busy and self.meetings.count() > 0)
        self.past.setEnabled(not busy and self.source is not None)
        ready = (
            self.existing is not None
            or (self.chosen_system() == DOCUMENT and bool(self.file.text().strip()))
            or (self.chosen_system() != DOCUMENT and self.meetings.currentItem() is not None)
        )
        self.import_button.setText("&Open it" if self.existing is not None else "&Import")
        self.import_button.setEnabled(not busy and ready)
        self.import_button.setDefault(not busy and ready)

    # --- the calls, off the GUI thread ---------------------------------------------------------

    def _run(
        self,
        waiting: str,
        work: Callable[[], object],
        done: Callable[[object], None],
    ) -> None:
        self.token += 1
        token = self.token
        self.refocus = self.focusWidget()

        def finished(result: object) -> None:
            if token == self.token:
                self.job = None
                self._update_buttons()
                self._focus_back()
                done(result)

        def failed(message: str) -> None:
            if token == self.token:
                self.job = None
                self.status.setText(message)
                self._update_buttons()
                self._focus_back()

        self.status.setText(waiting)
        self.job = start_import(work, finished, failed, self.host.pool)
        self._update_buttons()

    def _stop_waiting(self) -> bool:
        if self.job is None:
            return False
        self.token += 1
        self.job = None
        self.status.setText("Stopped waiting. Nothing was imported.")
        self._update_buttons()
        self._focus_back()
        return True

    def _focus_back(self) -> None:
        """The field the clerk was in before the wait disabled it."""
        widget = self.refocus
        if widget is not None and widget.isEnabled() and widget.isVisible():
            widget.setFocus()

    def reject(self) -> None:
        """Esc (and Close): stop waiting for the site while a call runs, else close."""
        if not self._stop_waiting():
            super().reject()

    def typed_source(self) -> importing.Source:
        system = importing.System(self.chosen_system())
        return importing.Source(system, self.site.text().strip(), self.api.text().strip())

    def find_meetings(self) -> None:
        """Find meetings: the site's committees, then the chosen committee's meetings."""
        if self.job is not None or self.chosen_system() == DOCUMENT:
            return
        source = self.typed_source()
        if not source.site:
            what = "client" if source.system is importing.System.LEGISTAR else "site's address"
            self.status.setText(f"Type the {what} first.")
            self.site.setFocus()
            return
        self.source, self.existing = None, None
        self.committee.clear()
        self.meetings.clear()
        self._run(
            f"Finding the committees of {source.label}…",
            lambda: importing.list_committees(source),
            lambda result: self._committees(source, result),
        )

    def _committees(self, source: importing.Source, result: object) -> None:
        listings = (
            [c for c in result if isinstance(c, CommitteeListing)]
            if isinstance(result, list)
            else []
        )
        self.source = source
        self.committee.clear()
        for listing in listings:
            self.committee.addItem(listing.title, listing.id)
        if not listings:
            self.status.setText(f"{source.label} lists no committees.")
            self._update_buttons()
            return
        self.committee.setCurrentIndex(self._matching(listings))
        self._update_buttons()
        self.list_meetings()

    def _matching(self, listings: list[CommitteeListing]) -> int:
        """The committee named as the open meeting's body; the first without one."""
        body = " ".join(self.body[1].split()).casefold()
        if not body:
            return 0
        titles = [" ".join(c.title.split()).casefold() for c in listings]
        for index, title in enumerate(titles):
            if title == body:
                return index
        for index, title in enumerate(titles):
            if title and (title in body or body in title):
                return index
        return 0

    def list_meetings(self) -> None:
        source = self.source
        if source is None or self.job is not None or self.committee.currentIndex() < 0:
            return
        committee_id = str(self.committee.currentData())
        name = self.committee.currentText()
        today = self.today()
        start = today - LOOK_BACK if self.past.isChecked() else today
        end = today + LOOK_AHEAD
        self.meetings.clear()
        self.existing = None
        self._run(
            f"Finding the meetings of {name}…",
            lambda: importing.list_meetings(source, committee_id, start=start, end=end),
            lambda result: self._meetings(name, result),
        )

    def _meetings(self, name: str, result: object) -> None:
        listings = (
            [m for m in result if isinstance(m, MeetingListing)] if isinstance(result, list) else []
        )
        self.meetings.clear()
        for listing in sorted(listings, key=lambda m: (m.date, m.time or dt.time())):
            item = QListWidgetItem(meeting_line(listing))
            item.setData(Qt.ItemDataRole.UserRole, listing.id)
            self.meetings.addItem(item)
        if listings:
            self.meetings.setCurrentRow(0)
            self._update_buttons()
            self.meetings.setFocus()
            noun = "meeting" if len(listings) == 1 else "meetings"
            self.status.setText(f"{len(listings)} {noun} of {name}: choose one and press Enter.")
            return
        self._update_buttons()
        if self.past.isChecked():
            self.status.setText(f"No meetings of {name} from a year ago to a year ahead.")
        else:
            self.status.setText(
                f"No meetings of {name} from today to a year ahead: "
                "tick Show past meetings to look back a year."
            )

    def committee_path(self) -> Path | None:
        """The .committee file of the open meeting's folder, if it has one (only one)."""
        document = self.host.document
        if document is None or document.path is None:
            return None
        files = committee_files(document.path.parent)
        return files[0] if len(files) == 1 else None

    def import_chosen(self) -> None:
        if self.job is not None:
            return
        if self.existing is not None:
            self._open_existing(self.existing)
            return
        style_of = style_lookup(self.host.styles)
        joined = self.committee_path()
        if self.chosen_system() == DOCUMENT:
            text = self.file.text().strip()
            if not text:
                self.status.setText("Choose the agenda document first.")
                return
            path = Path(text)
            default = self.host.settings.default_style
            self._run(
                f"Reading {path.name}…",
                lambda: importing.import_document(
                    path, style_of, committee_path=joined, default_style=default
                ),
                self._imported,
            )
            return
        item = self.meetings.currentItem()
        source = self.source
        if item is None or source is None:
            return
        meeting_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._run(
            f"Importing the meeting of {item.text()}…",
            lambda: importing.import_meeting(source, meeting_id, style_of, committee_path=joined),
            self._imported,
        )

    # --- the result ----------------------------------------------------------------------------

    def _remember(self, imported: importing.Imported) -> None:
        if self.chosen_system() == DOCUMENT:
            system, site, api = DOCUMENT, self.file.text().strip(), ""
        elif self.source is not None:
            system, site, api = self.source.system.value, self.source.site, self.source.api
        else:
            return
        settings = self.host.settings
        keys = {self.body, (imported.meeting.authority, imported.meeting.body)}
        if imported.committee is not None:
            keys.add((imported.committee.authority, imported.committee.name))
        for authority, name in sorted(keys):
            if authority or name:
                settings.remember_import_source(authority, name, system, site, api)
        settings.remember_import_source("", "", system, site, api)

    def _imported(self, result: object) -> None:
        if not isinstance(result, importing.Imported):
            return
        host = self.host
        self._remember(result)
        meeting = result.meeting
        when = long_date(meeting.date)
        prepared = result.prepared
        if prepared is not None and prepared.existing is not None:
            self.existing = prepared.existing
            self.status.setText(
                f"The folder already holds the meeting of {when} ({prepared.existing.name}): "
                "press Enter to open it instead. Nothing was written."
            )
            self._update_buttons()
            self.import_button.setFocus()
            return
        if result.path is None:
            host.set_document(MeetingDocument(meeting))
            where = "not yet saved"
        else:
            try:
                path, _version = save_new_meeting(meeting, result.path)
            except MeetingFileError as exc:
                self.status.setText(str(exc))
                return
            host.settings.add_recent(path)
            host.settings.add_recent_folder(path.parent)
            if self.saved_in is not None:
                self.saved_in(path.parent)
            if not host.open_path(path):
                self.status.setText(f"Imported and saved {path.name} (not opened).")
                return
            where = f"saved as {path.name} in {path.parent.name}"
        self.accept()
        host.show_status(f"Imported {result.summary()}: {where}", 15000)
        if result.notes:
            host.messages.info(
                "Imported agenda",
                f"Imported {result.summary()}.\n\n" + "\n".join(f"• {n}" for n in result.notes),
            )

    def _open_existing(self, path: Path) -> None:
        if self.host.open_path(path):
            self.accept()
            self.host.show_status(f"Opened {path.name}", 15000)


def meeting_line(listing: MeetingListing) -> str:
    """ "Tuesday 23 September 2025, 17:30: Children, Young People ... (Cancelled)"."""
    text = f"{weekday(listing.date)} {long_date(listing.date)}"
    if listing.time is not None:
        text += f", {listing.time:%H:%M}"
    if listing.title:
        text += f": {listing.title}"
    if listing.status and listing.status.casefold() not in ("scheduled", "confirmed"):
        text += f" ({listing.status})"
    return text
