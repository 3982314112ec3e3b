"""Questions the app asks the clerk. Small class methods returning plain values, so that tests and
the smoke test can answer them by replacing this class."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from clerk_app.render.styles import StyleFolder
from clerk_app.services.recovery import RecoveredMeeting
from clerk_app.ui.compare_dialog import CompareChoice, CompareDialog
from clerk_app.ui.preferences import Preferences, PreferencesDialog

MEETING_FILTER = "Meeting files (*.minutes)"
EXPORT_FILTERS = {
    ".docx": "Word document (*.docx)",
    ".txt": "Plain text (*.txt)",
    ".pdf": "PDF document (*.pdf)",
}


class SaveChoice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnmarkedChoice(StrEnum):
    """What to do about items that look exempt but are not marked so, before a public copy."""

    MARK_EXEMPT = "mark exempt"
    PUBLISH = "publish"
    CANCEL = "cancel"


class RestoreChoice(StrEnum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


class OwnedChoice(StrEnum):
    """What to do with a file another Clerk has open."""

    READ_ONLY = "read only"
    EDIT_ANYWAY = "edit anyway"
    CANCEL = "cancel"


def show_in_folder(path: Path) -> None:
    """Open the file's folder with the file selected where the platform allows it."""
    if sys.platform == "win32":
        subprocess.Popen(["explorer", "/select,", str(path)])
    else:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def save_dialog(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str
) -> QFileDialog:
    """A save dialog that adds the suffix itself, so that its own overwrite question covers
    `june` typed for an existing `june.minutes` (adding the suffix after the dialog has closed
    would replace that file without asking)."""
    dialog = QFileDialog(parent, title, str(suggested.parent), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suggested.suffix.lstrip("."))
    dialog.selectFile(suggested.name)
    return dialog


def with_suffix(chosen: Path, suffix: str, may_replace: Callable[[Path], bool]) -> Path | None:
    """`chosen` ending in `suffix`. "Council 18.06.2025" has a suffix of its own, so the dialog
    added none: it is added here, and replacing a file the dialog did not ask about is asked."""
    if chosen.suffix.lower() == suffix.lower():
        return chosen
    path = chosen.with_name(chosen.name + suffix)
    return path if not path.exists() or may_replace(path) else None


def ask_file_to_write(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str
) -> Path | None:
    dialog = save_dialog(parent, title, suggested, name_filter)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None

    def may_replace(path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            f"{path.name} already exists.\nDo you want to replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    return with_suffix(Path(dialog.selectedFiles()[0]), suggested.suffix, may_replace)


def confidential_name(path: Path) -> Path:
    """Where a confidential copy goes by default: never the public copy's name."""
    return path.with_name(f"{path.stem} (CONFIDENTIAL){path.suffix}")


def save_changes_box(
    parent: QWidget | None, name: str
) -> tuple[QMessageBox, dict[QAbstractButton | None, SaveChoice]]:
    """The unsaved-changes question, not yet asked, and what each of its buttons means.

    Every answer has its Alt+letter (Qt's own Save, Discard and Cancel have none): Alt+S saves,
    Alt+D discards, Alt+C or Esc cancels; Enter saves."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to {name}?")
    save = box.addButton("&Save", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("&Discard changes", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
    discard.setToolTip("Close without saving: the changes since the last save are lost")
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    return box, {save: SaveChoice.SAVE, discard: SaveChoice.DISCARD, cancel: SaveChoice.CANCEL}


def _replace_changed_box(parent: QWidget | None, path: Path, by: str) -> bool:
    answer = QMessageBox.warning(
        parent,
        "File changed by someone else",
        f"{path.name} has been changed since you opened it, {by}.\n\nReplace their version "
        "with yours? Choose No to save yours under another name and keep both.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _save_elsewhere(parent: QWidget | None, title: str, why: str) -> bool:
    """`why` ("m.minutes is read-only"), so Clerk will not replace it: save under another name?"""
    answer = QMessageBox.question(
        parent,
        title,
        f"{why}, so Clerk will not replace it.\n\nSave your meeting under another name?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


class Dialogs:
    @classmethod
    def ask_open_path(cls, parent: QWidget | None, folder: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Open meeting", str(folder or ""), MEETING_FILTER
        )
        return Path(name) if name else None

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        return ask_file_to_write(parent, "Save meeting as", suggested, MEETING_FILTER)

    @classmethod
    def ask_export(
        cls, parent: QWidget | None, suggested: Path, has_exempt: bool
    ) -> tuple[Path, bool] | None:
        """Whether it is the public copy (exempt items withheld), then where to export it.

        The question comes first so that a confidential copy is offered a name of its own.
        """
        public = True
        if has_exempt:
            answer = QMessageBox.question(
                parent,
                "Exempt items",
                "This meeting has exempt (confidential) items.\n\n"
                "Export the public copy, which withholds them? Choose No only for a confidential "
                "copy that must not be published.",
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return None
            public = answer == QMessageBox.StandardButton.Yes
        title = "Export minutes" if public else "Export the confidential copy"
        path = ask_file_to_write(
            parent,
            title,
            suggested if public else confidential_name(suggested),
            EXPORT_FILTERS[suggested.suffix],
        )
        return None if path is None else (path, public)

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        box, answers = save_changes_box(parent, name)
        box.exec()
        return answers.get(box.clickedButton(), SaveChoice.CANCEL)

    @classmethod
    def ask_restore(cls, parent: QWidget | None, recovered: RecoveredMeeting) -> RestoreChoice:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Recover unsaved work")
        original = (
            f"\nIts file: {recovered.original}" if recovered.original else "\nIt was never saved."
        )
        box.setText(
            "Clerk did not close normally last time. "
            "A recovered copy of a meeting is available:\n\n"
            f"{recovered.title}\n"
            f"Last changed at {recovered.saved_at:%H:%M:%S on %d/%m/%Y}.{original}"
        )
        box.setInformativeText(
            "Restore opens it as an unsaved meeting; your file is not changed until you save."
        )
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Decide &later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is restore:
            return RestoreChoice.RESTORE
        if box.clickedButton() is discard:
            return RestoreChoice.DISCARD
        return RestoreChoice.LATER

    @classmethod
    def ask_replace_with_recovered(cls, parent: QWidget | None, path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            "Save recovered meeting",
            f"Replace {path.name} with the recovered meeting?\n\n"
            "Choose No to save it under another name.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_replace_changed(cls, parent: QWidget | None, path: Path) -> bool:
        return _replace_changed_box(parent, path, "by another program or another person")

    @classmethod
    def ask_publish_unmarked(cls, parent: QWidget | None, problem: str) -> UnmarkedChoice:
        """Items look exempt but are not marked so (`problem` says which and why): mark them
        exempt, publish them after all, or stop?"""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Items that look exempt")
        box.setText(f"{problem}.")
        box.setInformativeText(
            "Mark them exempt, so that the public copy withholds them? Choose Publish only if "
            "their minutes may be published."
        )
        mark = box.addButton("&Mark exempt", QMessageBox.ButtonRole.AcceptRole)
        publish = box.addButton("&Publish", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(mark)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is mark:
            return UnmarkedChoice.MARK_EXEMPT
        if clicked is publish:
            return UnmarkedChoice.PUBLISH
        return UnmarkedChoice.CANCEL

    @classmethod
    def ask_save_read_only_as(cls, parent: QWidget | None, path: Path) -> bool:
        """The file is marked read-only: save under another name instead?"""
        return _save_elsewhere(parent, "File is read-only", f"{path.name} is read-only")

    @classmethod
    def ask_preferences(
        cls, parent: QWidget | None, current: Preferences, styles: dict[str, StyleFolder]
    ) -> Preferences | None:
        dialog = PreferencesDialog(current, styles, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def after_export(cls, parent: QWidget | None, path: Path) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Minutes exported")
        box.setText(f"The minutes were written to\n{path}")
        open_button = box.addButton("&Open", QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton("Show in &folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is folder_button:
            show_in_folder(path)

    # --- the team folder: owner marks and conflict copies ---------------------------------------

    @classmethod
    def ask_replace_changed_by(cls, parent: QWidget | None, path: Path, who: str) -> bool:
        """As `ask_replace_changed`, when the file's owner mark says who changed it (`who`:
        "Jane Smith (jsmith) on CLERK-PC-12, since 10:05 today")."""
        return _replace_changed_box(parent, path, f"by {who}")

    @classmethod
    def ask_open_owned(cls, parent: QWidget | None, path: Path, owner_text: str) -> OwnedChoice:
        """Another Clerk has `path` open (`owner_text` says who, where and since when)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Open in another Clerk")
        box.setText(f"{path.name} is open in Clerk for {owner_text}.")
        box.setInformativeText(
            "Open it read-only to read it or save a copy under another name. Edit anyway only "
            "if you have agreed it with them: Clerk will not replace their changes without "
            "asking, but two people editing one meeting makes two versions to reconcile."
        )
        read_only = box.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
        edit = box.addButton("&Edit anyway", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(read_only)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is read_only:
            return OwnedChoice.READ_ONLY
        if clicked is edit:
            return OwnedChoice.EDIT_ANYWAY
        return OwnedChoice.CANCEL

    @classmethod
    def ask_conflict_copies(
        cls, parent: QWidget | None, path: Path, copies: list[Path]
    ) -> Path | None:
        """The folder holds sync conflict copies of `path`: which one to compare it with, or
        None to carry on without comparing (the copies stay where they are)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Conflict copy found")
        names = "\n".join(f"    {copy.name}" for copy in copies[:10])
        more = f"\n    … and {len(copies) - 10} more" if len(copies) > 10 else ""
        one = len(copies) == 1
        box.setText(
            f"The folder holds {'a copy' if one else f'{len(copies)} copies'} of {path.name} "
            f"that a sync client made when two versions met:\n\n{names}{more}"
        )
        box.setInformativeText(
            "Compare them to see what differs before you go on. Clerk does not merge or "
            "delete either: you decide what to keep."
        )
        compare = box.addButton("&Compare", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Not now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(compare)
        box.exec()
        if box.clickedButton() is not compare:
            return None
        if one:
            return copies[0]
        chosen, ok = QInputDialog.getItem(
            parent, "Compare with", "Conflict copy:", [c.name for c in copies], 0, False
        )
        return next((c for c in copies if c.name == chosen), None) if ok else None

    @classmethod
    def ask_compare(
        cls, parent: QWidget | None, path: Path, copy: Path, lines: list[str]
    ) -> CompareChoice:
        """Show the difference (`compare_dialog.difference`); open the copy or keep working?"""
        return CompareDialog(parent, path, copy, lines).ask()

    @classmethod
    def ask_save_opened_read_only_as(cls, parent: QWidget | None, path: Path, why: str) -> bool:
        """The meeting was opened read-only (`why`: who has it open): save under another name?"""
        return _save_elsewhere(parent, "Opened read-only", f"{path.name} was opened read-only{why}")

    # --- the committee and its next meeting -----------------------------------------------------

    @classmethod
    def ask_meeting_date(
        cls, parent: QWidget | None, suggested: dt.date, committee_name: str
    ) -> dt.date | None:
        """The date of the meeting to prepare, typed as dd/mm/yyyy (`suggested` filled in)."""
        from clerk_app.ui.committee.dialogs import MeetingDateDialog

        return MeetingDateDialog(parent, suggested, committee_name).ask()

    @classmethod
    def ask_new_meeting(cls, parent: QWidget | None, choices: list[str]) -> int | None:
        """Ctrl+N: which meeting to start (the next meeting of a committee, or a blank one):
        the index of the choice, or None."""
        from clerk_app.ui.committee.dialogs import NewMeetingDialog

        return NewMeetingDialog(parent, choices).ask()

    @classmethod
    def ask_folder(cls, parent: QWidget | None, start: Path | None) -> Path | None:
        """A committee's folder to open."""
        name = QFileDialog.getExistingDirectory(parent, "Open a committee folder", str(start or ""))
        return Path(name) if name else None

    @classmethod
    def ask_action_log_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to export the action log (.docx or .csv, as `suggested` ends)."""
        filters = {".docx": "Word document (*.docx)", ".csv": "CSV for a spreadsheet (*.csv)"}
        return ask_file_to_write(
            parent, "Export the action log", suggested, filters[suggested.suffix.lower()]
        )

    @classmethod
    def ask_confirm_previous(cls, parent: QWidget | None, path: Path, text: str) -> bool:
        """This meeting agreed the previous minutes: mark their file (`path`) approved?
        (`text`: "Mark the minutes of 18 June 2025 as approved, confirmed on 23 September
        2025?"). No ticks this meeting's box alone."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Confirm the previous minutes")
        box.setText(text)
        box.setInformativeText(
            f"Clerk will change {path.name} in this folder (its previous version is kept as "
            "its backup); Ctrl+Z here puts it back. Choose No to tick the box in this meeting "
            "only."
        )
        yes = box.addButton("&Mark approved", QMessageBox.ButtonRole.YesRole)
        no = box.addButton("&No, only tick the box", QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    @classmethod
    def ask_exempt_actions(cls, parent: QWidget | None, count: int) -> bool | None:
        """`count` of the actions to export belong to exempt (confidential) business: leave
        them out (False, the public copy), include them marked (True), or cancel (None)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Exempt business")
        them = "One action belongs" if count == 1 else f"{count} actions belong"
        box.setText(f"{them} to exempt items, taken with the press and public excluded.")
        box.setInformativeText(
            "The public copy of the action log leaves them out. A confidential copy includes "
            "them, each marked [Exempt]: keep it away from public papers."
        )
        public = box.addButton("&Public copy", QMessageBox.ButtonRole.AcceptRole)
        secret = box.addButton("&Confidential copy", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(public)
        box.exec()
        clicked = box.clickedButton()
        if clicked is public:
            return False
        return True if clicked is secret else None
