"""Importing off the GUI thread: the facade's calls (`services.importing`) read a council's site
or an agenda document, which takes seconds on a slow network, so the app runs them on its
QThreadPool as it does exports and the next meeting. The result, or the AgendaImportError's one
line, arrives on the job's signals on the GUI thread. QtCore only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clerk_app.importers.agenda import AgendaImportError


class ImportSignals(QObject):
    finished = Signal(object)
    """What the call gave: the committees, the meetings, or the Imported meeting."""
    failed = Signal(str)
    """What went wrong: one line in the clerk's words ("https://x: sent no meetings")."""


class ImportJob(QRunnable):
    """One of the facade's calls (`work`) on a worker thread."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = ImportSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except AgendaImportError as exc:
            self.signals.failed.emit(one_line(str(exc)))
        except Exception as exc:  # reported, not lost in a worker thread
            self.signals.failed.emit(
                one_line(f"Unexpected error while importing: {type(exc).__name__}: {exc}")
            )
        else:
            self.signals.finished.emit(result)


def one_line(text: str) -> str:
    """The first line of a message: the dialog's status line never holds a traceback."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "The import could not be done."


def start_import(
    work: Callable[[], object],
    finished: Callable[[object], None],
    failed: Callable[[str], None],
    pool: QThreadPool | None = None,
) -> ImportJob:
    """Run `work` on `pool` (the app's own); `finished` or `failed` is called on the GUI thread.
    The caller keeps the job (its signals) until one of them is called."""
    job = ImportJob(work)
    job.setAutoDelete(False)
    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
