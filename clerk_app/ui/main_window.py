"""The main window: wiring only. Navigator on the left, the chosen part's form in the middle, the
live preview on the right, findings below; menus for files, items and help."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.findings import Severity
from clerk_app.domain.house_style import DEFAULT_STYLE
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.services.memory import settle_after_opening
from clerk_app.services.recovery import RecoverySession
from clerk_app.services.settings import Settings
from clerk_app.ui.autocorrect import Autocorrect
from clerk_app.ui.clipboard import ClipboardActions
from clerk_app.ui.dialogs import Dialogs
from clerk_app.ui.files import FileActions, new_meeting
from clerk_app.ui.find_panel import FindReplace
from clerk_app.ui.findings_panel import FindingsPanel
from clerk_app.ui.forms.adjournments_form import AdjournmentsForm
from clerk_app.ui.forms.attendance_form import AttendanceForm
from clerk_app.ui.forms.base import Form, FormContext
from clerk_app.ui.forms.close_form import CloseForm
from clerk_app.ui.forms.declarations_form import DeclarationsForm
from clerk_app.ui.forms.item_form import ItemForm
from clerk_app.ui.forms.meeting_form import MeetingForm
from clerk_app.ui.forms.record_form import RecordListForm
from clerk_app.ui.forms.sections_form import SectionsForm
from clerk_app.ui.forms.sessions_form import SessionsForm
from clerk_app.ui.forms.speakers_form import SpeakersForm
from clerk_app.ui.help import show_about, show_help
from clerk_app.ui.import_dialog import open_import_dialog
from clerk_app.ui.item_actions import ItemActions
from clerk_app.ui.messages import Messages
from clerk_app.ui.navigator import PART_KINDS, Navigator, NavigatorModel, Section
from clerk_app.ui.next_meeting import YearActions
from clerk_app.ui.preferences import Preferences
from clerk_app.ui.presence_grid import PresenceView
from clerk_app.ui.preview import PreviewPane
from clerk_app.ui.printing import PrintActions
from clerk_app.ui.spelling import Spelling
from clerk_app.ui.start_page import StartPage
from clerk_app.ui.toolbar import MainToolbar
from clerk_app.ui.zoom import Zoom

APP_TITLE = "Clerk"
SETTLE_MEMORY_MS = 1000
"""How long after a meeting opens its objects are frozen out of the cycle collector's way."""
__all__ = ["APP_TITLE", "MainWindow", "new_meeting"]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        styles: dict[str, StyleFolder],
        *,
        messages: Messages | None = None,
        dialogs: type[Dialogs] = Dialogs,
        recovery: RecoverySession | None = None,
        pool: QThreadPool | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.styles = styles
        self.messages = messages or Messages(self)
        self.dialogs = dialogs
        self.recovery = recovery
        self.pool = pool or QThreadPool(self)
        self.document: MeetingDocument | None = None
        self.files = FileActions(self, self)
        self.items = ItemActions(self)
        self.year = YearActions(self, self, today)
        """The committee's year: the next meeting, the committee windows."""
        self.find_replace = FindReplace(self)
        self.printing, self.clipboard = PrintActions(self, self), ClipboardActions(self, self)
        self.zoom = Zoom(self, settings)
        self.spelling = Spelling(self)
        self.autocorrect = Autocorrect(self, lambda: self.styles)
        self._build_actions()
        self._build_menus()
        self.findings_dock = QDockWidget("Findings", self)
        self.findings_dock.setObjectName("findingsDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.presence_dock = QDockWidget("Presence", self)
        self.presence_dock.setObjectName("presenceDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.presence_dock)
        self.tabifyDockWidget(self.findings_dock, self.presence_dock)
        self.presence_dock.hide()
        self.presence: PresenceView | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("statusSummary")
        self.statusBar().addPermanentWidget(self.status_label)
        # Shown only while the recovery copy cannot be written: the clerk must know to save.
        self.recovery_warning = QLabel()
        self.recovery_warning.setObjectName("recoveryWarning")
        self.recovery_warning.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.recovery_warning.hide()
        self.statusBar().addPermanentWidget(self.recovery_warning)
        if recovery is not None:
            recovery.problem_changed.connect(self._on_recovery_problem)
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.fit_screen()
        self.show_start_page()

    def fit_screen(self, available: QRect | None = None) -> None:
        """The first start: as large as the screen allows up to 1400x900, and maximised on a
        small screen (a 1366x768 laptop), so that nothing is off screen. `available` is the
        screen's room less its task bar (by default, the window's screen's)."""
        if available is None:
            screen = self.screen()
            available = screen.availableGeometry() if screen is not None else None
        if available is None or available.isEmpty():
            self.resize(1280, 720)
            return
        # the frame (title bar, borders) is not part of the window's size
        width = min(1400, available.width() - 16)
        height = min(900, available.height() - 40)
        self.resize(width, height)
        self.move(
            available.x() + (available.width() - width) // 2,
            available.y() + max(0, (available.height() - height - 30) // 2),
        )
        if available.width() < 1400 or available.height() < 900:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # --- actions and menus ---------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("&New meeting…", self.year.new_meeting, key.New, "newAction")
        self.open_action = self._action("&Open…", self.files.open_dialog, key.Open, "openAction")
        self.open_folder_action = self._action(
            "Open &folder…", self.year.open_folder_dialog, "Ctrl+Shift+O", "openFolderAction"
        )
        # Ctrl+Shift+N is the new item's (item_form.py and the quick help say so)
        self.next_meeting_action = self._action(
            "Ne&xt meeting…", self.year.next_meeting, "Ctrl+Shift+M", "nextMeetingAction"
        )
        self.sample_action = self._action(
            "Open the &sample meeting", self.files.open_sample, None, "sampleAction"
        )
        self.import_agenda_action = self._action(
            "&Import agenda…",
            lambda: open_import_dialog(self, self, self.year.today, self.year.committees.reload),
            None,
            "importAgendaAction",
        )
        self.save_action = self._action("&Save", self.files.save, key.Save, "saveAction")
        self.save_as_action = self._action(
            "Save &as…", self.files.save_as, key.SaveAs, "saveAsAction"
        )
        if self.save_as_action.shortcut().isEmpty():  # not every platform defines Save As
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.export_word_action = self._action(
            "Export to &Word…", lambda: self.files.export(".docx"), "Ctrl+E", "exportWordAction"
        )
        self.export_text_action = self._action(
            "Export to &text…", lambda: self.files.export(".txt"), None, "exportTextAction"
        )
        self.export_pdf_action = self._action(
            "Export to &PDF…", lambda: self.files.export(".pdf"), None, "exportPdfAction"
        )
        self.quit_action = self._action("&Quit", self.close, key.Quit, "quitAction")
        self.undo_action = QAction("&Undo", self)
        self.redo_action = QAction("&Redo", self)
        self.undo_action.setShortcuts(QKeySequence.keyBindings(key.Undo))
        # Ctrl+Y as Windows users expect, and the platform's own (no duplicates: a shortcut
        # bound twice is ambiguous and does nothing)
        redo = [QKeySequence("Ctrl+Y")]
        redo += [k for k in QKeySequence.keyBindings(key.Redo) if k not in redo]
        self.redo_action.setShortcuts(redo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        self.new_item_action = self._action(
            "&New item after this one", self.items.new_item, "Ctrl+Shift+N", "newItemAction"
        )
        self.insert_item_action = self._action(
            "&Insert item before this one",
            self.items.insert_item,
            "Ctrl+Shift+I",
            "insertItemAction",
        )
        self.duplicate_item_action = self._action(
            "&Duplicate item", self.items.duplicate_item, "Ctrl+Shift+D", "duplicateItemAction"
        )
        self.delete_item_action = self._action(
            "De&lete item", self.items.delete_item, "Ctrl+Shift+Del", "deleteItemAction"
        )
        self.move_up_action = self._action(
            "Move item &up", lambda: self.items.move_item(-1), "Ctrl+Shift+Up", "moveItemUpAction"
        )
        self.move_down_action = self._action(
            "Move item do&wn",
            lambda: self.items.move_item(1),
            "Ctrl+Shift+Down",
            "moveItemDownAction",
        )
        self.next_section_action = self._action(
            "Ne&xt part", lambda: self.items.step_section(1), "Ctrl+PgDown", "nextSectionAction"
        )
        self.previous_section_action = self._action(
            "Pre&vious part",
            lambda: self.items.step_section(-1),
            "Ctrl+PgUp",
            "previousSectionAction",
        )
        self.presence_action = self._action(
            "Presence grid", self.show_presence, "F9", "presenceAction"
        )
        self.preferences_action = self._action(
            "&Preferences…", self.edit_preferences, None, "preferencesAction"
        )
        self.help_action = self._action(
            "&Help", lambda: show_help(self), key.HelpContents, "helpAction"
        )
        self.about_action = self._action(
            "&About Clerk", lambda: show_about(self), None, "aboutAction"
        )
        self.document_actions = [
            self.next_meeting_action, self.save_action, self.save_as_action,
            self.export_word_action, self.export_text_action, self.export_pdf_action,
            self.undo_action, self.redo_action, self.new_item_action,
            self.insert_item_action, self.duplicate_item_action, self.delete_item_action,
            self.move_up_action, self.move_down_action, self.next_section_action,
            self.previous_section_action, self.presence_action,
        ]  # fmt: skip
        self.document_actions.extend(self.find_replace.actions)
        self.document_actions.extend([*self.printing.actions, *self.clipboard.actions])
        self.document_actions.extend(self.spelling.actions)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu("&File")
        for action in (
            self.new_action, self.next_meeting_action, self.open_action, self.open_folder_action,
            self.sample_action, self.import_agenda_action,
        ):  # fmt: skip
            files.addAction(action)
        self.recent_menu = files.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        files.addSeparator()
        files.addAction(self.save_action)
        files.addAction(self.save_as_action)
        files.addSeparator()
        for action in (self.export_word_action, self.export_text_action, self.export_pdf_action):
            files.addAction(action)
        files.addSeparator()
        files.addActions(self.printing.actions)
        files.addSeparator()
        files.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addActions(self.find_replace.actions)
        edit.addActions(self.spelling.actions)
        edit.addSeparator()
        edit.addActions(self.clipboard.actions)
        edit.addSeparator()
        edit.addAction(self.preferences_action)
        self.toolbar = MainToolbar(self, self.settings)
        view = bar.addMenu("View")
        view.addActions(self.zoom.actions)
        view.addSeparator()
        view.addAction(self.toolbar.toggle_action)
        view.addAction(self.presence_action)
        items = bar.addMenu("&Item")
        for action in (
            self.new_item_action, self.insert_item_action, self.duplicate_item_action,
            self.delete_item_action, self.move_up_action, self.move_down_action,
        ):  # fmt: skip
            items.addAction(action)
        items.addSeparator()
        items.addAction(self.next_section_action)
        items.addAction(self.previous_section_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

    def undo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    def edit_preferences(self) -> None:
        current = Preferences(self.settings.clerk_name, self.settings.default_style)
        chosen = self.dialogs.ask_preferences(self, current, self.styles)
        if chosen is not None:
            self.settings.clerk_name = chosen.clerk_name
            self.settings.default_style = chosen.default_style
            self.settings.sync()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)

    # --- the document on show -------------------------------------------------------------------

    def show_start_page(self) -> None:
        page = StartPage(self.settings.recent_files, folders=self.settings.recent_folders)
        page.new_requested.connect(self.year.new_meeting)
        page.folder_requested.connect(self.year.open_folder_dialog)
        page.recent_folder_requested.connect(self.year.show_folder)
        page.open_requested.connect(self.open_dialog)
        page.sample_requested.connect(self.open_sample)
        page.recent_requested.connect(self.open_path)
        self.setCentralWidget(page)
        self.findings_dock.hide()
        self.presence_dock.hide()
        self.find_replace.dock.hide()
        for action in self.document_actions:
            action.setEnabled(False)
        self.setWindowTitle(APP_TITLE)

    def set_document(self, document: MeetingDocument) -> None:
        old = self.document
        self.document = document
        document.setParent(self)
        context = FormContext(self.styles, self.messages, sorted(self.styles))
        folder = self.styles.get(document.meeting.house_style)
        self.nav_model = NavigatorModel(document, folder.style if folder else None)
        self.navigator = Navigator(self.nav_model)
        # Insert on the Attendance or Declarations row adds a row there
        self.navigator.insert_requested.connect(self._insert_from_navigator)
        self.meeting_form = MeetingForm(document, context)
        self.attendance_form = AttendanceForm(document, context)
        self.declarations_form = DeclarationsForm(document, context)
        self.item_form = ItemForm(document, context, dialogs=self.dialogs)
        self.sessions_form = SessionsForm(document, context)
        self.speakers_form = SpeakersForm(document, context)
        self.sections_form = SectionsForm(document, context)
        self.adjournments_form = AdjournmentsForm(document, context)
        self.close_form = CloseForm(document, context)
        self.forms = QStackedWidget()
        self.forms.setObjectName("forms")
        self.pages: dict[str, Form] = {
            "meeting": self.meeting_form,
            "attendance": self.attendance_form,
            "declarations": self.declarations_form,
            "sessions": self.sessions_form,
            "speakers": self.speakers_form,
            "sections": self.sections_form,
            "adjournments": self.adjournments_form,
            "item": self.item_form,
            "close": self.close_form,
        }
        for form in self.pages.values():
            self.forms.addWidget(form)
        self.preview = PreviewPane(document, self.styles)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for widget, stretch in ((self.navigator, 0), (self.forms, 2), (self.preview, 2)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.indexOf(widget), stretch)
        self.splitter.setSizes(self._splitter_sizes())
        state = self.settings.splitter_state
        if state is not None:
            self.splitter.restoreState(state)
        self.setCentralWidget(self.splitter)
        old_findings = self.findings_dock.widget()
        self.findings = FindingsPanel(document, self.styles)
        self.findings.navigate.connect(self.go_to_path)
        self.findings.checked.connect(self._update_status)
        self._update_status()
        self.findings_dock.setWidget(self.findings)
        if old_findings is not None:
            old_findings.deleteLater()  # the last meeting's panel goes with it
        old_presence = self.presence_dock.widget()
        findings = self.findings
        self.presence = PresenceView(
            document,
            self.styles,
            lambda: findings.committee.quorum if findings.committee is not None else None,
        )
        self.presence.navigate.connect(self.go_to_path)
        findings.checked.connect(self.presence.refresh_soon)  # the committee's quorum found
        self.presence_dock.setWidget(self.presence)
        if old_presence is not None:
            old_presence.deleteLater()
        self.findings_dock.show()
        # once the new widgets are laid out (Qt shows them on its next turn)
        QTimer.singleShot(
            0, lambda: self.resizeDocks([self.findings_dock], [160], Qt.Orientation.Vertical)
        )
        self.navigator.section_chosen.connect(self.show_section)
        document.changed.connect(self._on_changed)
        document.stepped.connect(self._on_stepped)
        stack = document.undo_stack
        # bound methods, not lambdas: Qt drops the connection when the window goes
        stack.undoTextChanged.connect(self._name_undo)
        stack.redoTextChanged.connect(self._name_redo)
        self._name_undo(stack.undoText())
        self._name_redo(stack.redoText())
        document.modified_changed.connect(self.update_title)
        document.path_changed.connect(lambda _path: self.update_title())
        # its committee's page, if open, shows the meeting as saved (an action ticked done)
        document.saved.connect(lambda path: self.year.committees.reload(path.parent))
        for action in self.document_actions:
            action.setEnabled(True)
        if self.recovery is not None:
            self.recovery.watch(document)
        self.show_section(Section("meeting"))
        self.update_title()
        self.navigator.setFocus()
        if old is not None:
            old.release_mark()  # its owner mark goes with it (only if still its own)
            old.deleteLater()
        # a moment after the window paints (one full collection: not while it opens)
        QTimer.singleShot(SETTLE_MEMORY_MS, settle_after_opening)
        self.find_replace.set_document(document)
        self.zoom.apply()
        self.spelling.set_document(document)

    def _insert_from_navigator(self, section: Section) -> None:
        page = self.pages.get(section.kind)
        if isinstance(page, RecordListForm):  # attendance, declarations, sessions, speakers...
            page.add_row()

    def _on_changed(self, change: MeetingChange) -> None:
        document = self.document
        if document is None or not change.style:
            return
        folder = self.styles.get(document.meeting.house_style)
        if folder is not None and folder.style is not self.nav_model.style:
            self.nav_model.set_style(folder.style)

    def _name_undo(self, text: str) -> None:
        """The Edit menu says what undo and redo will do: "Undo Edit item title"."""
        self.undo_action.setText(f"&Undo {text}" if text else "&Undo")

    def _name_redo(self, text: str) -> None:
        self.redo_action.setText(f"&Redo {text}" if text else "&Redo")

    def _on_stepped(self, path: tuple[str | int, ...], text: str) -> None:
        """After undo or redo, the clerk sees what changed: its part comes up, and the status bar
        names the step."""
        section = self.section_of(path)
        if section is not None and section != self.navigator.current_section:
            self.show_section(section)
        self.statusBar().showMessage(text, 5000)

    def _update_status(self) -> None:
        """Items and errors, counted when the findings have been worked out again."""
        if self.document is None:
            return
        items = len(self.document.meeting.items)
        errors = self.findings.number_of(Severity.ERROR)
        self.status_label.setText(f"{_count(items, 'item')} · {_count(errors, 'error')}")

    def _on_recovery_problem(self, problem: str) -> None:
        self.recovery_warning.setText(
            "Recovery copy not saved: save your work now" if problem else ""
        )
        self.recovery_warning.setToolTip(
            f"Clerk cannot write its recovery copy: {problem}" if problem else ""
        )
        self.recovery_warning.setVisible(bool(problem))

    def _splitter_sizes(self) -> list[int]:
        """Navigator, form and preview: the form gets the room on a laptop's 1366 pixels."""
        screen = self.screen().availableGeometry().width() if self.screen() else 1400
        width = max(self.width(), min(screen, 1400))
        navigator = 240
        preview = max(300, int(width * 0.3))
        return [navigator, max(400, width - navigator - preview), preview]

    def update_title(self) -> None:
        if self.document is None:
            return
        suffix = " (recovered)" if self.document.recovered else ""
        if self.document.read_only:
            suffix += " (read-only)"
        self.setWindowTitle(f"{self.document.display_name}{suffix}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.modified)

    def show_section(self, section: Section) -> None:
        page = self.pages["item" if section.kind == "item" else section.kind]
        if section.kind == "item":
            self.item_form.set_item(section.item_id)
        self.forms.setCurrentWidget(page)
        self.preview.scroll_to(section)
        if self.navigator.current_section != section:
            self.navigator.choose(section)

    def section_of(self, path: tuple[str | int, ...]) -> Section | None:
        """The part of the meeting a path lies in; None for the list of items as a whole."""
        document = self.document
        if document is None or not path:
            return None
        head = path[0]
        if head == "attendance":
            return Section("attendance")
        if head == "interests":
            return Section("declarations")
        if head == "items":
            if len(path) > 1 and isinstance(path[1], int) and path[1] < len(document.meeting.items):
                return Section("item", document.meeting.items[path[1]].id)
            return None
        if head in ("close_time", "closing_note"):
            return Section("close")
        if isinstance(head, str) and head in PART_KINDS:
            return Section(PART_KINDS[head])
        return Section("meeting")

    def show_presence(self) -> None:
        """The presence grid, shown and with the keyboard (F9)."""
        if self.presence is None:
            return
        self.presence_dock.show()
        self.presence_dock.raise_()
        self.presence.focus_grid()

    def go_to_path(self, path: tuple[str | int, ...]) -> None:
        """Take the clerk to the field a finding is about."""
        section = self.section_of(path) or Section("meeting")
        self.show_section(section)
        self.pages["item" if section.kind == "item" else section.kind].focus_path(path)

    # --- files and items: the controllers' work -------------------------------------------------

    def commit_typing(self) -> None:
        """Typing in a time or date field counts before anything saves, closes or exports."""
        if self.document is not None:
            page = self.forms.currentWidget()
            if isinstance(page, Form):
                page.commit_pending()

    def enter_typed(self) -> None:
        """What is typed in the time and date fields, entered quietly as it stands (for the
        recovery copy written at an error: see `Form.enter_typed`)."""
        if self.document is not None:
            page = self.forms.currentWidget()
            if isinstance(page, Form):
                page.enter_typed()

    def show_status(self, message: str, milliseconds: int = 5000) -> None:
        if message:
            self.statusBar().showMessage(message, milliseconds)
        else:
            self.statusBar().clearMessage()

    def numbering(self) -> MinuteNumbering:
        assert self.document is not None
        folder = self.styles.get(self.document.meeting.house_style)
        return MinuteNumbering(self.document.meeting, folder.style if folder else DEFAULT_STYLE)

    # the controllers' entry points, as the start page, the app and the tests call them
    def maybe_save(self) -> bool:
        return self.files.maybe_save()

    def new_document(self) -> None:
        self.files.new_document()

    def next_meeting(self) -> None:
        self.year.next_meeting()

    def open_dialog(self) -> None:
        self.files.open_dialog()

    def open_sample(self) -> None:
        self.files.open_sample()

    def open_path(self, path: Path, ask: bool = True) -> bool:
        return self.files.open_path(path, ask)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def export(self, suffix: str) -> None:
        self.files.export(suffix)

    def new_item(self) -> None:
        self.items.new_item()

    def duplicate_item(self) -> None:
        self.items.duplicate_item()

    def delete_item(self) -> None:
        self.items.delete_item()

    # --- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # the meeting first, then each committee window: cancelled anywhere, all stay open
        if not self.maybe_save() or not self.year.committees.close_all():
            event.ignore()
            return
        self.settings.geometry = QByteArray(self.saveGeometry())
        if isinstance(self.centralWidget(), QSplitter):
            self.settings.splitter_state = QByteArray(self.splitter.saveState())
        if self.document is not None and self.document.path is not None:
            self.settings.qsettings.setValue("files/last", str(self.document.path))
        self.settings.sync()
        if self.recovery is not None:
            self.recovery.end()
        if self.document is not None:
            self.document.release_mark()
        self.pool.waitForDone(60_000)
        # the fields' watchers see every event of the application: a closed window's stop
        self.spelling.stop_watching()
        self.autocorrect.watcher.stop()
        event.accept()
