"""Print (Ctrl+P) and Print preview: the minutes as the house style's Word export has them.

The copy printed is the public one unless the clerk chooses the confidential copy: a meeting with
exempt items is asked about with export's own words, and items that look exempt but are not
marked so are asked about first, as export does (`ui/files.py`). The pages are the HTML of the
Word document (`render/html.py`) laid out by a QTextDocument on the printer's page: the page
size and margins of the Word template's first section, A4 where it says nothing.

Rendering the Word document of a long meeting takes a while (0.4 s for 300 items), so it is made
on the window's thread pool; the dialog opens when it is ready.

`choose_copy` and `render_then` are shared with the clipboard (`ui/clipboard.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QMarginsF, QObject, QRunnable, QSize, QSizeF, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from clerk_app.domain.exempt import looks_exempt, mark_exempt
from clerk_app.domain.model import Meeting
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.html import HtmlMinutes, PageSetup, minutes_html
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.services.export import unmarked_exempt
from clerk_app.services.settings import Settings
from clerk_app.ui.dialogs import Dialogs, UnmarkedChoice
from clerk_app.ui.messages import Messages


class PrintHost(Protocol):
    """What printing and copying need of the window."""

    document: MeetingDocument | None
    settings: Settings
    styles: dict[str, StyleFolder]
    messages: Messages
    dialogs: type[Dialogs]
    pool: QThreadPool

    def commit_typing(self) -> None: ...

    def show_status(self, message: str, milliseconds: int = 5000) -> None: ...


class CopyQuestions:
    """The questions about which copy, as class methods returning plain values: tests pass their
    own (`PrintActions.questions`, `ClipboardActions.questions`)."""

    @classmethod
    def ask_public(cls, parent: QWidget | None, doing: str) -> bool | None:
        """The meeting has exempt items: the public copy (True), the confidential (False), or
        None for cancel. `doing` is what is done with it ("Print", "Preview")."""
        answer = QMessageBox.question(
            parent,
            "Exempt items",
            "This meeting has exempt (confidential) items.\n\n"
            f"{doing} the public copy, which withholds them? Choose No only for a confidential "
            "copy that must not be published.",
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def confirm_confidential(cls, parent: QWidget | None, doing: str) -> bool:
        """The confidential copy, asked for by name: said what it holds, and confirmed."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The confidential copy")
        box.setText(
            "The confidential copy holds the exempt (confidential) items in full: it must not "
            "be published."
        )
        box.setInformativeText(f"{doing} the confidential copy?")
        go = box.addButton(f"&{doing}", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is go


@dataclass(frozen=True, slots=True)
class CopyChoice:
    """Which copy of which meeting, chosen."""

    meeting: Meeting
    style: StyleFolder
    public: bool

    @property
    def name(self) -> str:
        return "public copy" if self.public else "confidential copy"


def choose_copy(
    host: PrintHost,
    parent: QWidget,
    questions: type[CopyQuestions],
    doing: str,
    *,
    confidential: bool | None = None,
    item_id: str | None = None,
) -> CopyChoice | None:
    """The copy to print or copy, asked as export asks; None if the clerk cancelled.

    `confidential`: None asks when the meeting has exempt items (the public copy otherwise),
    False is the public copy, True the confidential copy (confirmed first). A public copy with
    items that look exempt but are not marked so asks about them first (only `item_id`'s, for
    one item)."""
    host.commit_typing()
    document = host.document
    if document is None:
        return None
    meeting = document.meeting
    folder = host.styles.get(meeting.house_style)
    if folder is None:
        host.messages.error(doing, f"The house style '{meeting.house_style}' is not installed.")
        return None
    if confidential:
        if not questions.confirm_confidential(parent, doing):
            return None
        return CopyChoice(meeting, folder, public=False)
    unmarked = [
        found for found in looks_exempt(meeting) if item_id is None or found[0].id == item_id
    ]
    problem = unmarked_exempt(meeting, folder, unmarked) if unmarked else None
    if problem is not None:
        choice = host.dialogs.ask_publish_unmarked(parent, problem)
        if choice == UnmarkedChoice.CANCEL:
            return None
        if choice == UnmarkedChoice.MARK_EXEMPT:
            ids = [item.id for item, _ in unmarked]
            label = "Mark item exempt" if len(ids) == 1 else f"Mark {len(ids)} items exempt"
            document.edit(mark_exempt(meeting, ids), label, ("items",))
            meeting = document.meeting
    public = True
    if confidential is None and any(item.exempt for item in meeting.items):
        answer = questions.ask_public(parent, doing)
        if answer is None:
            return None
        public = answer
    return CopyChoice(meeting, folder, public)


class _Signals(QObject):
    finished = Signal(object)
    """The HtmlMinutes rendered."""
    failed = Signal(str)
    """What went wrong, in words for the clerk."""


class RenderJob(QRunnable):
    """Renders on a worker thread; reports back on the GUI thread through its signals."""

    def __init__(self, work: Callable[[], HtmlMinutes]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except (RenderError, StyleError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # reported, not lost in a worker thread
            self.signals.failed.emit(
                f"Unexpected error while preparing the minutes: {type(exc).__name__}: {exc}"
            )
        else:
            self.signals.finished.emit(result)


def render_then(
    owner: QObject,
    pool: QThreadPool,
    work: Callable[[], HtmlMinutes],
    done: Callable[[HtmlMinutes], object],
    failed: Callable[[str], None],
) -> RenderJob:
    """`work` on the pool, then `done` (or `failed`) on the GUI thread. The job is kept by
    `owner` until it reports (its signals must outlive the worker)."""
    job = RenderJob(work)
    job.setAutoDelete(False)
    jobs = _running.setdefault(id(owner), [])
    jobs.append(job)

    relay = _Relay(owner, job, done, failed)
    # a bound method of an object on the GUI thread: the worker's signals are queued to it
    job.signals.finished.connect(relay.finish)
    job.signals.failed.connect(relay.fail)
    pool.start(job)
    return job


_running: dict[int, list[RenderJob]] = {}
"""The jobs under way, by their owner: kept until they report."""


class _Relay(QObject):
    """Lives on the GUI thread, so that a worker's signals run `done` or `failed` there."""

    def __init__(
        self,
        owner: QObject,
        job: RenderJob,
        done: Callable[[HtmlMinutes], object],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(owner)
        self.key, self.job, self.done, self.failed = id(owner), job, done, failed

    def _forget(self) -> None:
        jobs = _running.get(self.key, [])
        if self.job in jobs:
            jobs.remove(self.job)
        if not jobs:
            _running.pop(self.key, None)
        self.deleteLater()

    def finish(self, result: object) -> None:
        self._forget()
        assert isinstance(result, HtmlMinutes)
        self.done(result)

    def fail(self, message: str) -> None:
        self._forget()
        self.failed(message)


# --- the pages ---------------------------------------------------------------------------------


def page_layout(setup: PageSetup) -> QPageLayout:
    """The Word template's page and margins as Qt's page layout."""
    portrait = setup.width <= setup.height
    size = QPageSize(
        QSizeF(min(setup.width, setup.height), max(setup.width, setup.height)),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientation = (
        QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    )
    margins = QMarginsF(setup.left, setup.top, setup.right, setup.bottom)
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


def new_printer(minutes: HtmlMinutes) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(minutes.page))
    printer.setDocName(minutes.title)
    return printer


def laid_out(minutes: HtmlMinutes, printer: QPrinter) -> QTextDocument:
    """The minutes as a QTextDocument laid out on the printer's page (its printable area, at its
    resolution: what `print_` draws, page by page)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(for_qt(minutes.html))
    # Laid out in the screen's pixels (as print_ expects of a document without a paint device:
    # it scales to the printer) since Qt takes a margin or indent in pixels of the device.
    dpi = screen_dpi()
    rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width() * dpi / 72, rect.height() * dpi / 72))
    return document


def screen_dpi() -> float:
    """The resolution QTextDocument lays out in without a paint device of its own."""
    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInchX()) if screen is not None else 96.0


def for_qt(page: str) -> str:
    """The HTML as Qt should lay it out: headings as the paragraphs they are in Word (Qt makes a
    heading larger than its own font size says)."""
    return re.sub(r"<(/?)h[1-6]\b", r"<\1p", page)


def print_minutes(minutes: HtmlMinutes, printer: QPrinter) -> int:
    """Print the minutes on `printer`; the number of pages."""
    document = laid_out(minutes, printer)
    document.print_(printer)
    return document.pageCount()


def _pages(count: int) -> str:
    return "1 page" if count == 1 else f"{count} pages"


class PrintActions(QObject):
    """File > Print… and Print preview…; the dialogs open when the minutes are rendered."""

    questions: type[CopyQuestions] = CopyQuestions

    def __init__(self, host: PrintHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.window = parent
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.pages = 0
        """The pages of the last layout printed or previewed."""
        self.printer: QPrinter | None = None
        """The printer of the dialog open last."""
        self.minutes: HtmlMinutes | None = None
        """The copy rendered last (to print or preview)."""
        self.printed: QTextDocument | None = None
        """The last layout printed or previewed (for tests: its text is what the pages say)."""
        self.print_action = self._action("&Print…", self.print_dialog_for, "printAction")
        self.print_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Print))
        if self.print_action.shortcut().isEmpty():
            self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.preview_action = self._action(
            "Print pre&view…", self.preview_for, "printPreviewAction"
        )
        self.actions = [self.print_action, self.preview_action]

    def _action(self, text: str, slot: Callable[[], None], name: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _start(self, doing: str, then: Callable[[HtmlMinutes], object]) -> None:
        choice = choose_copy(self.host, self.window, self.questions, doing)
        if choice is None:
            return
        clerk = self.host.settings.clerk_name
        self.host.show_status(f"Preparing the {choice.name} to {doing.lower()}…", 0)

        def work() -> HtmlMinutes:
            return minutes_html(choice.meeting, choice.style, public=choice.public, clerk=clerk)

        def done(minutes: HtmlMinutes) -> None:
            self.minutes = minutes
            then(minutes)

        render_then(self, self.host.pool, work, done, self._failed)

    def _failed(self, message: str) -> None:
        self.host.show_status("", 0)
        self.host.messages.error("The minutes could not be printed", message)

    # --- Print… ---

    def print_dialog_for(self) -> None:
        self._start("Print", self._ask_printer)

    def _ask_printer(self, minutes: HtmlMinutes) -> None:
        self.host.show_status("", 0)
        printer = new_printer(minutes)
        self.printer = printer  # the dialog does not own it: kept while the dialog may use it
        dialog = QPrintDialog(printer, self.window)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(f"Print the {_copy(minutes)}")
        dialog.accepted.connect(lambda: self.print_on(minutes, printer))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_on(self, minutes: HtmlMinutes, printer: QPrinter) -> None:
        self.printed = laid_out(minutes, printer)
        self.printed.print_(printer)
        self.pages = self.printed.pageCount()
        self.host.show_status(f"Printed the {_copy(minutes)}: {_pages(self.pages)}")

    # --- Print preview… ---

    def preview_for(self) -> None:
        self._start("Preview", self.show_preview)

    def show_preview(self, minutes: HtmlMinutes) -> QPrintPreviewDialog:
        self.host.show_status("", 0)
        printer = new_printer(minutes)
        self.printer = printer  # the dialog does not own it: kept while the dialog may use it
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("printPreviewDialog")
        dialog.resize(self._preview_size())
        dialog.paintRequested.connect(lambda target: self._paint(minutes, target, dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.preview_dialog = dialog
        dialog.setWindowTitle(f"Print preview: the {_copy(minutes)}")
        dialog.open()
        return dialog

    def _paint(self, minutes: HtmlMinutes, printer: QPrinter, dialog: QPrintPreviewDialog) -> None:
        self.printed = laid_out(minutes, printer)
        self.printed.print_(printer)
        self.pages = self.printed.pageCount()
        dialog.setWindowTitle(f"Print preview: the {_copy(minutes)} — {_pages(self.pages)}")

    def _preview_size(self) -> QSize:
        screen = self.window.screen()
        room = screen.availableGeometry() if screen is not None else None
        width = min(1000, room.width() - 40) if room is not None else 1000
        height = min(900, room.height() - 60) if room is not None else 700
        return QSize(width, height)


def _copy(minutes: HtmlMinutes) -> str:
    return "public copy" if minutes.public else "confidential copy"
