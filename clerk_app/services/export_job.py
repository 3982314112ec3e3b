"""Export off the GUI thread: a long meeting's Word file or a PDF takes seconds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clerk_app.domain.model import Meeting
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import StyleFolder
from clerk_app.services.export import ExportError, export_minutes
from clerk_app.services.year import folder_committee


class ExportSignals(QObject):
    finished = Signal(object)
    """The path written."""
    failed = Signal(str)
    """What went wrong, in words for the clerk."""


class ExportJob(QRunnable):
    def __init__(
        self,
        meeting: Meeting,
        out: Path,
        style: StyleFolder,
        *,
        public: bool,
        clerk: str = "",
        allow_unmarked: bool = False,
        meeting_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.meeting, self.out, self.style, self.public = meeting, out, style, public
        self.clerk = clerk
        self.allow_unmarked = allow_unmarked
        """The clerk was asked about items that look exempt but are not marked so, and said they
        may be published (see `export.unmarked_exempt`)."""
        self.meeting_folder = meeting_folder
        """The meeting file's folder: its committee file gives the quorum (read here, off the
        GUI thread; a share may be slow)."""
        self.signals = ExportSignals()

    def run(self) -> None:
        try:
            committee = (
                folder_committee(self.meeting_folder, self.meeting)
                if self.meeting_folder is not None
                else None
            )
            path = export_minutes(
                self.meeting,
                self.out,
                self.style,
                public=self.public,
                clerk=self.clerk,
                allow_unmarked=self.allow_unmarked,
                quorum=committee.quorum if committee is not None else None,
            )
        except (ExportError, RenderError, StyleError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # reported, not lost in a worker thread
            self.signals.failed.emit(
                f"Unexpected error while exporting: {type(exc).__name__}: {exc}"
            )
        else:
            self.signals.finished.emit(path)


def start_export(job: ExportJob, pool: QThreadPool | None = None) -> None:
    (pool or QThreadPool.globalInstance()).start(job)
