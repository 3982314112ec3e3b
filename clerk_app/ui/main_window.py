"""The main window: wiring only. Navigator on the left, the chosen part's form in the middle, the
live preview on the right, findings below; menus for files, items and help."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from clerk_app import locations
from clerk_app.domain.findings import Severity
from clerk_app.domain.model import Item, Meeting, new_id
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.services.export_job import ExportJob
from clerk_app.services.recovery import RecoverySession
from clerk_app.services.settings import Settings
from clerk_app.storage import MeetingFileError
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.findings_panel import FindingsPanel
from clerk_app.ui.forms.attendance_form import AttendanceForm
from clerk_app.ui.forms.base import Form, FormContext
from clerk_app.ui.forms.close_form import CloseForm
from clerk_app.ui.forms.declarations_form import DeclarationsForm
from clerk_app.ui.forms.item_form import ItemForm
from clerk_app.ui.forms.meeting_form import MeetingForm
from clerk_app.ui.help import show_about, show_help
from clerk_app.ui.messages import Messages
from clerk_app.ui.navigator import Navigator, NavigatorModel, Section
from clerk_app.ui.preferences import Preferences
from clerk_app.ui.preview import PreviewPane
from clerk_app.ui.start_page import StartPage

APP_TITLE = "Clerk"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def new_meeting(style: str) -> Meeting:
    return Meeting(date=dt.date.today(), house_style=style)


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
        self.exports: list[ExportJob] = []
        self._build_actions()
        self._build_menus()
        self.findings_dock = QDockWidget("Findings", self)
        self.findings_dock.setObjectName("findingsDock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
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
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        self.show_start_page()

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
        self.new_action = self._action("&New meeting", self.new_document, key.New, "newAction")
        self.open_action = self._action("&Open…", self.open_dialog, key.Open, "openAction")
        self.sample_action = self._action(
            "Open the &sample meeting", self.open_sample, None, "sampleAction"
        )
        self.save_action = self._action("&Save", self.save, key.Save, "saveAction")
        self.save_as_action = self._action("Save &as…", self.save_as, key.SaveAs, "saveAsAction")
        if self.save_as_action.shortcut().isEmpty():  # not every platform defines Save As
            self.save_as_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.export_word_action = self._action(
            "Export to &Word…", lambda: self.export(".docx"), "Ctrl+E", "exportWordAction"
        )
        self.export_text_action = self._action(
            "Export to &text…", lambda: self.export(".txt"), None, "exportTextAction"
        )
        self.export_pdf_action = self._action(
            "Export to &PDF…", lambda: self.export(".pdf"), None, "exportPdfAction"
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
            "&New item after this one", self.new_item, "Ctrl+Shift+N", "newItemAction"
        )
        self.insert_item_action = self._action(
            "&Insert item before this one", self.insert_item, "Ctrl+Shift+I", "insertItemAction"
        )
        self.duplicate_item_action = self._action(
            "&Duplicate item", self.duplicate_item, "Ctrl+Shift+D", "duplicateItemAction"
        )
        self.delete_item_action = self._action(
            "De&lete item", self.delete_item, "Ctrl+Shift+Del", "deleteItemAction"
        )
        self.move_up_action = self._action(
            "Move item &up", lambda: self.move_item(-1), "Ctrl+Shift+Up", "moveItemUpAction"
        )
        self.move_down_action = self._action(
            "Move item do&wn", lambda: self.move_item(1), "Ctrl+Shift+Down", "moveItemDownAction"
        )
        self.next_section_action = self._action(
            "Ne&xt part", lambda: self.step_section(1), "Ctrl+PgDown", "nextSectionAction"
        )
        self.previous_section_action = self._action(
            "Pre&vious part", lambda: self.step_section(-1), "Ctrl+PgUp", "previousSectionAction"
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
            self.save_action, self.save_as_action, self.export_word_action, self.export_text_action,
            self.export_pdf_action, self.undo_action, self.redo_action, self.new_item_action,
            self.insert_item_action, self.duplicate_item_action, self.delete_item_action,
            self.move_up_action, self.move_down_action, self.next_section_action,
            self.previous_section_action,
        ]  # fmt: skip

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu("&File")
        for action in (self.new_action, self.open_action, self.sample_action):
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
        files.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.preferences_action)
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
        page = StartPage(self.settings.recent_files)
        page.new_requested.connect(self.new_document)
        page.open_requested.connect(self.open_dialog)
        page.sample_requested.connect(self.open_sample)
        page.recent_requested.connect(self.open_path)
        self.setCentralWidget(page)
        self.findings_dock.hide()
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
        self.meeting_form = MeetingForm(document, context)
        self.attendance_form = AttendanceForm(document, context)
        self.declarations_form = DeclarationsForm(document, context)
        self.item_form = ItemForm(document, context)
        self.close_form = CloseForm(document, context)
        self.forms = QStackedWidget()
        self.forms.setObjectName("forms")
        self.pages: dict[str, Form] = {
            "meeting": self.meeting_form,
            "attendance": self.attendance_form,
            "declarations": self.declarations_form,
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
        self.findings = FindingsPanel(document, self.styles)
        self.findings.navigate.connect(self.go_to_path)
        self.findings.checked.connect(self._update_status)
        self._update_status()
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.show()
        # once the new widgets are laid out (Qt shows them on its next turn)
        QTimer.singleShot(
            0, lambda: self.resizeDocks([self.findings_dock], [110], Qt.Orientation.Vertical)
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
        document.modified_changed.connect(self._update_title)
        document.path_changed.connect(lambda _path: self._update_title())
        for action in self.document_actions:
            action.setEnabled(True)
        if self.recovery is not None:
            self.recovery.watch(document)
        self.show_section(Section("meeting"))
        self._update_title()
        self.navigator.setFocus()
        if old is not None:
            old.deleteLater()

    def _on_changed(self, _path: object) -> None:
        document = self.document
        assert document is not None
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

    def _update_title(self) -> None:
        if self.document is None:
            return
        suffix = " (recovered)" if self.document.recovered else ""
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
        if head == "close_time":
            return Section("close")
        return Section("meeting")

    def go_to_path(self, path: tuple[str | int, ...]) -> None:
        """Take the clerk to the field a finding is about."""
        section = self.section_of(path) or Section("meeting")
        self.show_section(section)
        self.pages["item" if section.kind == "item" else section.kind].focus_path(path)

    # --- files ---------------------------------------------------------------------------------

    def commit_typing(self) -> None:
        """Typing in a time or date field counts before anything saves, closes or exports."""
        if self.document is not None:
            page = self.forms.currentWidget()
            if isinstance(page, Form):
                page.commit_pending()

    def maybe_save(self) -> bool:
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
        return True

    def new_document(self) -> None:
        if self.maybe_save():
            self.set_document(MeetingDocument(new_meeting(self.settings.default_style)))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = self.document.path.parent if self.document and self.document.path else None
        path = self.dialogs.ask_open_path(self, folder)
        if path is not None:
            self.open_path(path, ask=False)

    def open_sample(self) -> None:
        if self.maybe_save():
            # the sample opens as a new, unsaved meeting: the bundled file is never written to
            document = MeetingDocument.open(locations.sample_meeting())
            self.set_document(MeetingDocument(document.meeting))

    def open_path(self, path: Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            document = MeetingDocument.open(path)
        except MeetingFileError as exc:
            self.messages.error("The meeting could not be opened", str(exc))
            self.settings.remove_recent(path)
            return False
        self.set_document(document)
        self.settings.add_recent(path)
        return True

    def save(self) -> bool:
        self.commit_typing()
        document = self.document
        if document is None:
            return False
        if document.path is None:
            return self.save_as()
        if document.recovered and not self.dialogs.ask_replace_with_recovered(self, document.path):
            return self.save_as()
        if document.changed_on_disk() and not self.dialogs.ask_replace_changed(self, document.path):
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        self.commit_typing()
        document = self.document
        if document is None:
            return False
        suggested = document.path or (
            Path.home()
            / f"{document.meeting.body or 'Meeting'} {document.meeting.date:%Y-%m-%d}.minutes"
        )
        path = self.dialogs.ask_save_path(self, suggested)
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        assert self.document is not None
        try:
            self.document.save(path)
        except MeetingFileError as exc:
            self.messages.error("The meeting could not be saved", str(exc))
            return False
        self.settings.add_recent(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def export(self, suffix: str) -> None:
        self.commit_typing()
        document = self.document
        if document is None:
            return
        folder = self.styles.get(document.meeting.house_style)
        if folder is None:
            self.messages.error(
                "Export", f"The house style '{document.meeting.house_style}' is not installed."
            )
            return
        base = (
            document.path.with_suffix(suffix) if document.path else Path.home() / f"Minutes{suffix}"
        )
        has_exempt = any(item.exempt for item in document.meeting.items)
        answer = self.dialogs.ask_export(self, base, has_exempt)
        if answer is None:
            return
        path, public = answer
        job = ExportJob(
            document.meeting, path, folder, public=public, clerk=self.settings.clerk_name
        )
        job.signals.finished.connect(self._export_finished)
        job.signals.failed.connect(self._export_failed)
        self.exports.append(job)
        self.statusBar().showMessage(f"Exporting {path.name}…")
        self.pool.start(job)

    def _export_finished(self, path: Path) -> None:
        self.statusBar().showMessage(f"Exported {path}", 5000)
        self.dialogs.after_export(self, path)

    def _export_failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        self.messages.error("The minutes could not be exported", message)

    # --- items ---------------------------------------------------------------------------------

    def step_section(self, step: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous part of the meeting, an item's minute
        text ready for typing."""
        if self.document is None:
            return
        model = self.nav_model
        row = model.row_of(self.navigator.current_section) + step
        section = model.section(max(0, min(row, model.rowCount() - 1)))
        if section is None:
            return
        self.show_section(section)
        if section.kind == "item":
            self.item_form.body.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.navigator.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _current_index(self) -> int | None:
        if self.document is None or self.navigator.current_section.kind != "item":
            return None
        return self.document.meeting.item_index(self.navigator.current_section.item_id or "")

    def _add_item(self, item: Item, index: int, text: str) -> None:
        assert self.document is not None
        self.document.insert(("items",), index, item, text)
        self.show_section(Section("item", item.id))
        self.item_form.focus_path(("items", index, "title"))

    def new_item(self) -> None:
        if self.document is None:
            return
        current = self._current_index()
        index = len(self.document.meeting.items) if current is None else current + 1
        self._add_item(Item(), index, "Add item")

    def insert_item(self) -> None:
        current = self._current_index()
        self._add_item(Item(), 0 if current is None else current, "Insert item")

    def duplicate_item(self) -> None:
        current = self._current_index()
        if self.document is None or current is None:
            return
        item = self.document.meeting.items[current]
        actions = tuple(a.model_copy(update={"id": new_id()}) for a in item.actions)
        copy = item.model_copy(update={"id": new_id(), "actions": actions})
        self._add_item(copy, current + 1, "Duplicate item")

    def delete_item(self) -> None:
        current = self._current_index()
        if self.document is None or current is None:
            return
        number = self.document.meeting.minute_number(current)
        self.document.remove(("items",), current, f"Delete minute {number}")
        self.statusBar().showMessage(f"Minute {number} deleted: Ctrl+Z brings it back", 8000)

    def move_item(self, step: int) -> None:
        if self.document is not None:
            self.navigator.move_current(step)

    # --- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
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
        self.pool.waitForDone(60_000)
        event.accept()
