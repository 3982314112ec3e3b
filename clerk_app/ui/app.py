"""Starting the desktop app: logging, settings, house styles, crash recovery, the main window.
Also the smoke test that packaging runs on the frozen build.

Clerk starts even when its app-data folder cannot be written (IT made it read-only, a roaming
profile is full): the status bar says once, in a line, what cannot work (recovery copies, the log,
settings), and the clerk can still open and save meetings anywhere else."""

from __future__ import annotations

import logging
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

try:
    from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QWidget
except ImportError as _error:  # a system library Qt needs may be missing: say which to install
    from clerk_app.ui.platform_check import exit_for_import_error

    exit_for_import_error(_error)
    raise

from clerk_app import __version__, locations
from clerk_app.render.errors import StyleError
from clerk_app.render.styles import StyleFolder, style_catalogue
from clerk_app.services.document import MeetingDocument
from clerk_app.services.logs import LogSetup, start_logging
from clerk_app.services.recovery import RecoverySession, discard_recovered, find_recovered
from clerk_app.services.settings import Settings
from clerk_app.storage import MeetingFileError
from clerk_app.ui.dialogs import Dialogs, RestoreChoice
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import Messages, RecordedMessages
from clerk_app.ui.platform_check import exit_if_unusable

log = logging.getLogger("clerk")


_QT_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support raise()",
)
"""Qt messages that say nothing to a clerk or a developer (the offscreen platform's)."""


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to Clerk's log (a windowed app has no console to print them on)."""
    if message in _QT_NOISE:
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


GUI_SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold Python's interpreter before another has its turn, once the window
is up. The preview's layouts, exports and recovery copies run on worker threads; at Python's
default of 5 ms the GUI thread waits for its turn long enough to stutter (a 300-item layout held
it up to 26 ms), at 1 ms under 8 ms. Not during start-up, which it slowed by some 150 ms."""


def responsive_threads() -> None:
    """From now on the GUI thread gets its turn often (see GUI_SWITCH_INTERVAL)."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)


def _application() -> QApplication:
    qInstallMessageHandler(_qt_message)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # On Linux Qt aborts when its window's system libraries or the display are missing: say
    # which packages to install instead, and end with status 2.
    exit_if_unusable()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Clerk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Clerk")
    icon = locations.resources_dir() / "icons" / "clerk.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def install_excepthook(
    messages: Messages, log_path: Path | None, recovery: RecoverySession | None = None
) -> None:
    """Errors nobody caught: logged with their traceback, and shown once, naming the log (if
    there is one). The recovery copy is written first, with what is typed (`before_write`)."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
        if showing or not isinstance(error, Exception):
            return
        showing = True
        safe = recovery is not None and recovery.write_now()
        work = (
            "Your work is safe: it is kept in the recovery copy."
            if safe
            else "Save your work now (File > Save As) if you can."
        )
        details = (
            f"The details were written to\n{log_path}\nPlease send that file to your IT "
            "service desk."
            if log_path is not None
            else "Clerk cannot write its log: please tell your IT service desk what you were doing."
        )
        try:
            messages.error(
                "Something went wrong",
                f"Clerk hit an unexpected error: {error}\n\n{work} {details}",
            )
        finally:
            showing = False

    sys.excepthook = hook


def load_styles(messages: Messages) -> dict[str, StyleFolder]:
    """The usable house styles; a warning names each style folder that could not be loaded and
    why, and the others are used."""
    catalogue = style_catalogue(locations.user_styles_dir())
    if catalogue.broken:
        count = len(catalogue.broken)
        title = (
            "A house style could not be loaded"
            if count == 1
            else f"{count} house styles could not be loaded"
        )
        problems = "\n\n".join(str(problem) for problem in catalogue.broken.values())
        messages.warning(title, f"{problems}\n\nThe other house styles can be used.")
    return catalogue.styles


def _and_join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def app_data_problems(
    data: Path, logging_setup: LogSetup, settings: Settings, recovery: RecoverySession
) -> str:
    """What cannot work because Clerk's own folder cannot be written, in one line for the
    clerk; empty when all is well."""
    reasons = [
        reason
        for reason in (recovery.unavailable, logging_setup.problem, settings.problem)
        if reason
    ]
    if not reasons:
        return ""
    lost = []
    if recovery.unavailable:
        lost.append("there are no recovery copies if Clerk closes unexpectedly")
    if logging_setup.problem:
        lost.append(
            f"the log is kept in {logging_setup.path.parent}"
            if logging_setup.path is not None
            else "there is no log"
        )
    if settings.problem:
        lost.append("settings and recent meetings are not remembered")
    advice = " Save your work often." if recovery.unavailable else ""
    return f"Clerk cannot write to {data} ({reasons[0]}): {_and_join(lost)}.{advice}"


def offer_recovery(window: MainWindow, data_dir: Path, dialogs: type[Dialogs]) -> bool:
    """Offer the meetings a crashed session left behind; True if one was restored."""
    for recovered in find_recovered(data_dir):
        choice = dialogs.ask_restore(window, recovered)
        if choice == RestoreChoice.DISCARD:
            discard_recovered(recovered)
        elif choice == RestoreChoice.RESTORE:
            try:
                meeting = recovered.load()
            except MeetingFileError as exc:
                window.messages.error("The recovered meeting could not be read", str(exc))
                continue
            document = MeetingDocument(meeting, recovered.original)
            document.mark_recovered()
            window.set_document(document)
            # This session's own copy takes over, but only once it is on disk: a second crash
            # straight after restoring must still find the meeting.
            if window.recovery is None or window.recovery.write_now():
                discard_recovered(recovered)
            return True
    return False


def run(
    path: Path | None,
    *,
    dialogs: type[Dialogs] = Dialogs,
    on_started: Callable[[MainWindow], None] | None = None,
) -> int:
    """The desktop app until its window closes; `on_started` runs once it is up (for tests)."""
    app = _application()
    data = locations.user_data_dir()
    logging_setup = start_logging(data)
    log.info("Clerk %s starting", __version__)
    messages = Messages()
    settings = Settings(data)
    styles = load_styles(messages)
    recovery = RecoverySession(data)
    window = MainWindow(settings, styles, messages=messages, dialogs=dialogs, recovery=recovery)
    recovery.before_write = window.enter_typed
    install_excepthook(messages, logging_setup.path, recovery)
    messages.parent = window
    recovery.announce()  # the window's warning, for as long as no copy can be written
    unwritable = app_data_problems(data, logging_setup, settings, recovery)
    if unwritable:
        log.warning("%s", unwritable)

    def start() -> None:
        last = settings.qsettings.value("files/last")
        if offer_recovery(window, data, dialogs):
            pass
        elif path is not None:
            window.open_path(path, ask=False)
        elif isinstance(last, str) and Path(last).is_file():
            window.open_path(Path(last), ask=False)
        if unwritable:  # said once, after what opening says; not a dialog to click away
            window.show_status(unwritable, 0)
        responsive_threads()
        if on_started is not None:
            on_started(window)

    window.show()
    QTimer.singleShot(0, start)
    return app.exec()


class _NoQuestions(Dialogs):
    """The smoke test asks nobody anything."""

    @classmethod
    def after_export(cls, parent: QWidget | None, path: Path) -> None:
        return None


def smoke_test(path: Path) -> int:
    """Start the GUI, open `path`, draw the preview, export Word and text, check them.

    Exits 0 when all is well; 2, with one line, when the meeting cannot be opened or its house
    style cannot be found (bad input, as everywhere on the command line); 1 when the test ran and
    something failed."""
    from clerk_app.render.docx import visible_text
    from clerk_app.render.errors import RenderError
    from clerk_app.render.styles import find_style
    from clerk_app.services.export import ExportError, export_minutes
    from clerk_app.storage import load_meeting

    def failed(problem: str, status: int) -> int:
        print(f"smoke test failed: {problem}", file=sys.stderr)
        return status

    user_styles = locations.user_styles_dir()
    try:
        meeting = load_meeting(path)
        style = find_style(meeting.house_style, user_styles)
    except (MeetingFileError, StyleError) as exc:
        return failed(str(exc), 2)
    app = _application()
    with tempfile.TemporaryDirectory(prefix="clerk-smoke-") as folder:
        work = Path(folder)
        messages = RecordedMessages()
        settings = Settings(work / "data")
        styles = {**style_catalogue(user_styles).styles, style.name: style}
        window = MainWindow(settings, styles, messages=messages, dialogs=_NoQuestions)
        window.show()
        if not window.open_path(path, ask=False):
            return failed(messages.shown[-1][2] if messages.shown else str(path), 1)
        app.processEvents()
        window.preview.render_now()
        preview = window.preview.text.toPlainText()
        document = window.document
        assert document is not None
        meeting = document.meeting
        problems = []
        if meeting.body.upper() not in preview.upper():
            problems.append("the preview does not show the meeting")
        for suffix in (".docx", ".txt"):
            try:
                out = export_minutes(meeting, work / f"minutes{suffix}", style)
            except (RenderError, StyleError, ExportError) as exc:
                problems.append(f"the {suffix} export failed: {exc}")
                continue
            data = out.read_bytes()
            text = visible_text(data) if suffix == ".docx" else data.decode("utf-8")
            if meeting.body.upper() not in text.upper():
                problems.append(f"the {suffix} export lacks the meeting's name")
        image = window.grab()
        if image.isNull() or image.width() < 200:
            problems.append("the window did not paint")
        window.close()
        if problems or messages.shown:
            said = "; ".join(problems + [f"{kind}: {text}" for kind, _, text in messages.shown])
            return failed(said, 1)
    print(
        f"smoke test passed: {path.name}, {len(meeting.items)} items; "
        "the preview, the Word export and the text export were checked"
    )
    return 0
