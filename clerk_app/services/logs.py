"""Logging to a file in the app-data folder, so that a clerk can send it to IT.

An app-data folder that cannot be written (read-only, a full disk) must not stop Clerk: the log
then goes to the temporary folder, or nowhere but the console, and `LogSetup.problem` says why. A
disk that fills up while Clerk runs stops the log quietly, not the app.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from clerk_app.locations import APP_NAME, why_not_written

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file(data_dir: Path) -> Path:
    return data_dir / "logs" / "clerk.log"


def fallback_log_file() -> Path:
    """Where the log goes when the app-data folder cannot be written."""
    return Path(tempfile.gettempdir()) / APP_NAME / "logs" / "clerk.log"


@dataclass(frozen=True, slots=True)
class LogSetup:
    path: Path | None
    """The file the log is written to (the app-data folder's, or the fallback); None if none."""
    problem: str = ""
    """Why the app-data folder's log file cannot be written ("the disk is full"); empty if it
    can."""


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that cannot be written any more (the disk filled up) stops, silently: logging's
    own handling would print a traceback to the console at every message."""

    broken = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.broken:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if isinstance(sys.exc_info()[1], OSError):
            self.broken = True  # the file cannot be written: stop trying
        else:
            super().handleError(record)  # a mistake in a log call: logging's own report


def _open(path: Path) -> _QuietFileHandler:
    """A handler on `path`, tried by writing to it (a full disk lets a file be made, not
    written); raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _QuietFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    try:
        stream = handler.stream
        assert stream is not None  # opened at once (not delayed)
        opened = logging.LogRecord("clerk", logging.INFO, __file__, 0, "Log opened", None, None)
        stream.write(f"{logging.Formatter(_FORMAT).format(opened)}\n")
        stream.flush()
    except OSError:
        handler.close()
        raise
    return handler


def start_logging(data_dir: Path) -> LogSetup:
    """Log to the app-data folder's file, or failing that the temporary folder's; never raises."""
    problem = ""
    handler: logging.Handler | None = None
    path: Path | None = None
    for candidate in (log_file(data_dir), fallback_log_file()):
        try:
            handler = _open(candidate)
        except OSError as exc:
            problem = problem or why_not_written(exc)
            continue
        path = candidate
        break
    if handler is None and sys.stderr is not None:  # a windowed build has no console at all
        handler = logging.StreamHandler()
    root = logging.getLogger()
    if handler is not None:
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    if problem:
        where = f"it is written to {path} instead" if path else "nothing is written to a file"
        logging.getLogger("clerk").warning(
            "The log cannot be written in %s (%s): %s", data_dir, problem, where
        )
    return LogSetup(path, problem)


def setup_logging(data_dir: Path) -> Path | None:
    """Start logging; the file it goes to (see `start_logging`)."""
    return start_logging(data_dir).path


def current_log_file() -> Path | None:
    """The file this process logs to (start_logging may have fallen back to the temporary
    folder's), or None when the log goes to no file."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _QuietFileHandler):  # Clerk's own, not another library's
            return Path(handler.baseFilename)
    return None
