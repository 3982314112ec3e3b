"""What `clerk-app check` would say, kept up to date; activating a finding goes to its field.

The checks themselves are pure and take a few milliseconds on a 300-item meeting, so they run on
the GUI thread once the typing pauses. What is slow is finding the committee's previous meeting
(reading every meeting file in the folder, perhaps on a network share) and its committee file:
that runs on a worker thread when the meeting is opened or saved, its date, committee or
authority change, or the previous minutes are ticked as agreed (which may have changed the
previous meeting's file), never at a keystroke; the minute numbers (under the committee's
numbering scheme, when the folder has a committee file for this meeting's committee) and the
confirmation of the previous minutes are checked against them as soon as they are found.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.committee import NumberingScheme
from clerk_app.domain.findings import Finding, Severity, check_meeting
from clerk_app.domain.house_style import DEFAULT_STYLE
from clerk_app.domain.model import Meeting
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.services.year import folder_scheme
from clerk_app.storage import previous_meeting

DELAY_MS = 300
"""The check waits for a pause in typing: findings do not need to follow every keystroke."""


class _Found(QObject):
    found = Signal(int, object, object)
    """the request's number, the previous meeting (or None) and the committee's numbering
    scheme (or None)"""


class _PreviousMeetingJob(QRunnable):
    def __init__(
        self, number: int, folder: Path, meeting: Meeting, exclude: Path | None, signals: _Found
    ) -> None:
        super().__init__()
        self.number, self.folder, self.meeting, self.exclude = number, folder, meeting, exclude
        self.signals = signals

    def run(self) -> None:
        found = previous_meeting(self.folder, self.meeting, exclude=self.exclude)
        scheme = folder_scheme(self.folder, self.meeting)
        self.signals.found.emit(self.number, found[1] if found else None, scheme)


class FindingsPanel(QListWidget):
    navigate = Signal(object)
    """The path of the finding the clerk activated."""
    checked = Signal()
    """The findings were worked out again (`findings` holds them)."""

    def __init__(
        self,
        document: MeetingDocument,
        styles: dict[str, StyleFolder],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.styles = styles
        self.setObjectName("findingsList")
        self.setAccessibleName("Findings: what needs attention")
        self.findings: list[Finding] = []
        self.previous: Meeting | None = None
        """The committee's previous meeting in the same folder, once found."""
        self.scheme: NumberingScheme | None = None
        """The numbering scheme of the committee file in the same folder, once found."""
        self._looked_up: tuple[object, ...] | None = None
        self._lookups = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._found = _Found(self)
        self._found.found.connect(self._previous_found)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.check_now)
        document.changed.connect(self._on_changed)
        document.saved.connect(self._on_saved)
        self.itemActivated.connect(self._activated)
        self.look_up_previous()
        self.check_now()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # a few lines: the forms and the preview need the height more than the findings do
        return QSize(600, 96)

    def _on_changed(self, change: MeetingChange) -> None:
        if change.header:
            self.look_up_previous()
        elif change.path and change.path[-1] == "minutes_confirmed":
            self.look_up_previous(again=True)  # the previous meeting's file may have changed
        self.timer.start()

    def _on_saved(self, _path: object) -> None:
        self.look_up_previous(again=True)  # the folder may hold a committee file by now

    def look_up_previous(self, *, again: bool = False) -> None:
        """Find the previous meeting of the committee in the meeting's folder, and the
        committee's numbering scheme (in the background), unless what they depend on is what it
        was last time (`again`: whatever it was)."""
        meeting, path = self.document.meeting, self.document.path
        key = (path, meeting.date, meeting.body.casefold(), meeting.authority.casefold())
        if key == self._looked_up and not again:
            return
        self._looked_up = key
        self._lookups += 1
        if path is None:
            self._previous_found(self._lookups, None, None)
            return
        self._pool.start(
            _PreviousMeetingJob(self._lookups, path.parent, meeting, path, self._found)
        )

    def wait_for_lookup(self, milliseconds: int = 30_000) -> bool:
        return self._pool.waitForDone(milliseconds)

    def _previous_found(self, number: int, previous: object, scheme: object) -> None:
        if number != self._lookups:
            return  # a newer look-up is on its way
        assert previous is None or isinstance(previous, Meeting)
        assert scheme is None or isinstance(scheme, NumberingScheme)
        if previous != self.previous or scheme != self.scheme:
            self.previous, self.scheme = previous, scheme
            self.check_now()

    def check_now(self) -> None:
        meeting = self.document.meeting
        folder = self.styles.get(meeting.house_style)
        style = folder.style if folder else DEFAULT_STYLE
        findings = check_meeting(meeting, style, previous=self.previous, scheme=self.scheme)
        if findings != self.findings or self.count() == 0:
            self.findings = findings
            self._show()
        self.checked.emit()

    def _show(self) -> None:
        self.clear()
        icons = {
            Severity.ERROR: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for finding in self.findings:
            item = QListWidgetItem(icons[finding.severity], finding.message)
            item.setToolTip(f"{finding.severity.value.capitalize()}: press Enter to go to it")
            self.addItem(item)
        if not self.findings:
            self.addItem(QListWidgetItem("No problems found."))

    def number_of(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    def _activated(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if 0 <= row < len(self.findings):
            self.navigate.emit(self.findings[row].path)
