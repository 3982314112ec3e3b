"""Saving over a file someone else changed since it was opened is asked, never silent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Meeting
from clerk_app.services.document import MeetingDocument
from clerk_app.storage import FileChangedError, current_version, load_meeting, save_meeting
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow


class Answers(Dialogs):
    replace = False
    asked: ClassVar[list[str]] = []

    @classmethod
    def ask_replace_changed(cls, parent: QWidget | None, path: Path) -> bool:
        cls.asked.append(f"replace {path.name}?")
        return cls.replace

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        cls.asked.append("save as?")
        return None

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    Answers.asked = []
    return make_window(Answers)


def someone_else_saves(path: Path, meeting: Meeting) -> None:
    save_meeting(meeting.model_copy(update={"venue": "Their venue"}), path)
    stamp = path.stat()
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 2_000_000_000))


def test_the_document_notices_a_change_on_disk(sample: Meeting, tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    document = MeetingDocument.open(path)
    assert not document.changed_on_disk()
    someone_else_saves(path, sample)
    assert document.changed_on_disk()
    with pytest.raises(FileChangedError):
        document.save()  # their version is never replaced unseen
    assert load_meeting(path).venue == "Their venue"
    document.save(
        replacing=current_version(path)
    )  # replacing the version the clerk was asked about
    assert load_meeting(path) == sample
    # what it wrote itself is not someone else's change
    assert not document.changed_on_disk()
    path.unlink()  # a file that has gone is not a conflict: saving puts it back
    assert not document.changed_on_disk()


@pytest.mark.parametrize("replace", [False, True])
def test_saving_over_their_change_is_asked(
    window: MainWindow, sample: Meeting, tmp_path: Path, replace: bool
) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    window.open_path(path, ask=False)
    assert window.document is not None
    window.document.set(("venue",), "My venue", "Edit venue")
    someone_else_saves(path, sample)
    Answers.replace = replace
    assert window.save() is replace
    if replace:
        assert Answers.asked == ["replace m.minutes?"]
        assert load_meeting(path).venue == "My venue"
    else:  # No: Save As is offered instead, and their version stays
        assert Answers.asked == ["replace m.minutes?", "save as?"]
        assert load_meeting(path).venue == "Their venue"


def test_an_unchanged_file_is_saved_without_a_question(
    window: MainWindow, sample: Meeting, tmp_path: Path
) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    window.open_path(path, ask=False)
    assert window.document is not None
    window.document.set(("venue",), "My venue", "Edit venue")
    assert window.save() and Answers.asked == []
    window.document.set(("venue",), "My venue again", "Edit venue")
    assert window.save() and Answers.asked == []
