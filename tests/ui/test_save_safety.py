"""File > Save in the window never loses work: a change that kept its size and time is noticed
and asked about, a read-only file is not replaced (Save As is offered), and a save that could
keep no backup still saves and says so in the status bar."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtWidgets import QWidget

from clerk_app.domain.model import Meeting
from clerk_app.services.document import MeetingDocument
from clerk_app.storage import FileChangedError, load_meeting, save_meeting
from clerk_app.storage.meeting_file import backup_path
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow


class Answers(Dialogs):
    replace = False
    save_elsewhere = True
    save_as: Path | None = None
    asked: ClassVar[list[str]] = []

    @classmethod
    def ask_replace_changed(cls, parent: QWidget | None, path: Path) -> bool:
        cls.asked.append(f"replace {path.name}?")
        return cls.replace

    @classmethod
    def ask_save_read_only_as(cls, parent: QWidget | None, path: Path) -> bool:
        cls.asked.append(f"{path.name} is read-only: save as?")
        return cls.save_elsewhere

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        cls.asked.append("save as?")
        return cls.save_as

    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    Answers.asked = []
    Answers.replace, Answers.save_elsewhere, Answers.save_as = False, True, None
    return make_window(Answers)


def open_and_edit(window: MainWindow, path: Path) -> MeetingDocument:
    assert window.open_path(path, ask=False)
    document = window.document
    assert document is not None
    document.set(("venue",), "My venue", "Edit venue")
    return document


def change_keeping_size_and_time(path: Path) -> bytes:
    """What a sync client or `cp -p` does: other content, the same size, the time put back."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Welcome and Apologies", "Welcome and Apologiez", 1)
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    return path.read_bytes()


def test_a_change_keeping_size_and_time_is_noticed(sample: Meeting, tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    document = MeetingDocument.open(path)
    change_keeping_size_and_time(path)
    assert document.changed_on_disk()
    with pytest.raises(FileChangedError):
        document.save()


@pytest.mark.parametrize("replace", [False, True])
def test_saving_over_a_change_keeping_size_and_time_is_asked(
    window: MainWindow, sample: Meeting, tmp_path: Path, replace: bool
) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    open_and_edit(window, path)
    theirs = change_keeping_size_and_time(path)
    Answers.replace = replace
    assert window.save() is replace
    if replace:  # theirs is kept as the backup
        assert Answers.asked == ["replace m.minutes?"]
        assert load_meeting(path).venue == "My venue"
        assert backup_path(path).read_bytes() == theirs
    else:
        assert Answers.asked == ["replace m.minutes?", "save as?"]
        assert path.read_bytes() == theirs


def test_a_change_made_after_the_clerk_agreed_is_asked_again(
    window: MainWindow, sample: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Yes replaces the version the clerk was asked about, not one that came after it."""
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    open_and_edit(window, path)
    save_meeting(sample.model_copy(update={"venue": "Their venue"}), path)
    answers = iter([True, False])

    def yes_then_a_newer_change(parent: QWidget | None, name: Path) -> bool:
        Answers.asked.append("replace?")
        answer = next(answers)
        if answer:
            save_meeting(sample.model_copy(update={"venue": "Their newer venue"}), path)
        return answer

    monkeypatch.setattr(Answers, "ask_replace_changed", yes_then_a_newer_change)
    assert not window.save()
    assert Answers.asked == ["replace?", "replace?", "save as?"]
    assert load_meeting(path).venue == "Their newer venue"


@pytest.mark.parametrize("save_elsewhere", [True, False])
def test_a_read_only_meeting_is_not_replaced_and_save_as_is_offered(
    window: MainWindow, sample: Meeting, tmp_path: Path, save_elsewhere: bool
) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    open_and_edit(window, path)
    before = path.read_bytes()
    path.chmod(stat.S_IMODE(path.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    Answers.save_elsewhere = save_elsewhere
    Answers.save_as = tmp_path / "m (copy).minutes"
    assert window.save() is save_elsewhere
    assert path.read_bytes() == before
    if save_elsewhere:
        assert Answers.asked == ["m.minutes is read-only: save as?", "save as?"]
        assert load_meeting(tmp_path / "m (copy).minutes").venue == "My venue"
    else:
        assert Answers.asked == ["m.minutes is read-only: save as?"]
        assert window.statusBar().currentMessage() == (
            f"{path}: is read-only; save it under another name"
        )
        assert window.document is not None and window.document.modified


def test_a_save_that_keeps_no_backup_saves_and_says_so(
    window: MainWindow, sample: Meeting, tmp_path: Path
) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    backup_path(path).mkdir()
    open_and_edit(window, path)
    assert window.save() and Answers.asked == []
    assert load_meeting(path).venue == "My venue"
    assert window.statusBar().currentMessage() == (
        f"Saved {path}, but no backup of the previous version could be kept "
        "(m.minutes.bak is a folder)"
    )
    assert window.messages.shown == []  # type: ignore[attr-defined]
