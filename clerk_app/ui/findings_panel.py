"""What `clerk-app check` would say, kept up to date; activating a finding goes to its field."""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from clerk_app.domain.findings import Finding, Severity, check_meeting
from clerk_app.domain.house_style import DEFAULT_STYLE
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument

DELAY_MS = 300
"""The check waits for a pause in typing: findings do not need to follow every keystroke."""


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
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.check_now)
        document.changed.connect(lambda _path: self.timer.start())
        self.itemActivated.connect(self._activated)
        self.check_now()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # a few lines: the forms and the preview need the height more than the findings do
        return QSize(600, 96)

    def check_now(self) -> None:
        meeting = self.document.meeting
        folder = self.styles.get(meeting.house_style)
        self.findings = check_meeting(meeting, folder.style if folder else DEFAULT_STYLE)
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
        self.checked.emit()

    def number_of(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    def _activated(self, item: QListWidgetItem) -> None:
        row = self.row(item)
        if 0 <= row < len(self.findings):
            self.navigate.emit(self.findings[row].path)
