"""What Clerk shows with no meeting open: start a new one, open one or a committee's folder, or
look at the sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app import locations

PATH_ROLE = 256  # Qt.ItemDataRole.UserRole: the path an entry stands for


def _paths_list(name: str, accessible: str, paths: list[Path]) -> QListWidget:
    """A list of files or folders, each shown as its name and where it is."""
    shown = QListWidget()
    shown.setObjectName(name)
    shown.setAccessibleName(accessible)
    for path in paths:
        item = QListWidgetItem(f"{path.name}   ({path.parent})")
        item.setData(PATH_ROLE, str(path))
        shown.addItem(item)
    return shown


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(object)
    folder_requested = Signal()
    recent_folder_requested = Signal(object)

    def __init__(
        self,
        recent: list[Path],
        parent: QWidget | None = None,
        *,
        folders: list[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel(
            "<h1 align='center'>Clerk</h1><p align='center'>Write the minutes of a council "
            "meeting and export them in your council's house style.</p>"
        )
        title.setWordWrap(True)
        self.new_button = QPushButton("&New meeting")
        self.open_button = QPushButton("&Open a meeting…")
        self.sample_button = QPushButton("Open the &sample meeting")
        self.folder_button = QPushButton("Open a committee &folder…")
        self.folder_button.setToolTip(
            "A committee's folder: its membership, numbering and dates, its meetings and the "
            "year's actions"
        )
        for button, name, signal in (
            (self.new_button, "newMeetingButton", self.new_requested),
            (self.open_button, "openMeetingButton", self.open_requested),
            (self.folder_button, "openFolderButton", self.folder_requested),
            (self.sample_button, "openSampleButton", self.sample_requested),
        ):
            button.setObjectName(name)
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.clicked.connect(signal.emit)
        self.recent = _paths_list("recentFilesList", "Recent meetings", recent)
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(Path(item.data(PATH_ROLE)))
        )
        folders = folders or []
        self.folders = _paths_list("recentFoldersList", "Recent committee folders", folders)
        self.folders.itemActivated.connect(
            lambda item: self.recent_folder_requested.emit(Path(item.data(PATH_ROLE)))
        )
        crest = QLabel()
        picture = QPixmap(str(locations.resources_dir() / "icons" / "clerk.png"))
        if not picture.isNull():
            crest.setPixmap(picture.scaledToHeight(96, Qt.TransformationMode.SmoothTransformation))
        column = QWidget()
        column.setMaximumWidth(560)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        layout.addWidget(crest, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(title)
        for button in (self.new_button, self.open_button, self.folder_button, self.sample_button):
            button.setMinimumHeight(36)
            layout.addWidget(button)
        if recent:
            layout.addSpacing(12)
            layout.addWidget(QLabel("Recent meetings:"))
            layout.addWidget(self.recent)
        if folders:
            layout.addSpacing(12)
            layout.addWidget(QLabel("Recent committee folders:"))
            layout.addWidget(self.folders)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 2)
        outer.addStretch(1)
        outer.setContentsMargins(24, 48, 24, 24)
        layout.addStretch(1)
