import os
from pathlib import Path
from typing import BinaryIO

import pytest

from clerk_app.domain.model import Meeting
from clerk_app.storage import MeetingFileError, atomic, load_meeting, save_meeting
from clerk_app.storage.meeting_file import backup_path


@pytest.fixture
def saved(sample: Meeting, tmp_path: Path) -> Path:
    path = tmp_path / "meeting.minutes"
    save_meeting(sample, path)
    return path


def changed(sample: Meeting) -> Meeting:
    return sample.model_copy(update={"venue": "Meeting Room G.01, City Hall"})


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_old_file_survives_a_failure_mid_save(
    saved: Path, sample: Meeting, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    before = saved.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if where == "write":
        real_open = Path.open

        class HalfWriter:
            def __init__(self, handle: BinaryIO) -> None:
                self.handle = handle

            def __enter__(self) -> "HalfWriter":
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def write(self, data: bytes) -> int:
                self.handle.write(data[: len(data) // 2])  # half the bytes reach the disk...
                raise OSError(28, "No space left on device")  # ...then the disk is full

        def open_half(self: Path, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            handle = real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]
            return HalfWriter(handle) if mode == "xb" else handle

        monkeypatch.setattr(Path, "open", open_half)
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(atomic, "replace_with_retry", fail)

    with pytest.raises(MeetingFileError, match="could not be saved: No space left on device"):
        save_meeting(changed(sample), saved)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert load_meeting(saved) == sample
    leftovers = [p.name for p in saved.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_save_interrupted_before_the_rename_leaves_the_old_file_and_no_temporary(
    saved: Path, sample: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted between writing and renaming (Ctrl+C, SystemExit: any BaseException), the save
    removes its temporary on the way out, and the meeting file is untouched. (A process killed
    outright could not clean up; the file it left would be a hidden `.NAME.XXXX.tmp`.)"""

    class Killed(BaseException):
        pass

    def die(*args: object) -> None:
        raise Killed

    monkeypatch.setattr(atomic, "replace_with_retry", die)
    with pytest.raises(Killed):
        save_meeting(changed(sample), saved)
    assert load_meeting(saved) == sample
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no temporary left


def test_replace_is_retried_while_windows_holds_the_file(
    saved: Path, sample: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = Path.replace
    refusals: list[Path] = []

    def busy_twice(self: Path, target: Path) -> Path:
        if len(refusals) < 2:
            refusals.append(self)
            raise PermissionError(13, "The process cannot access the file")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", busy_twice)
    monkeypatch.setattr(atomic, "REPLACE_FIRST_WAIT", 0.001)
    save_meeting(changed(sample), saved)
    assert len(refusals) == 2
    assert load_meeting(saved) == changed(sample)


def test_replace_gives_up_with_a_clear_message(
    saved: Path, sample: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_busy(self: Path, target: Path) -> Path:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(Path, "replace", always_busy)
    monkeypatch.setattr(atomic, "REPLACE_FIRST_WAIT", 0.001)
    with pytest.raises(MeetingFileError, match="permission denied"):
        save_meeting(changed(sample), saved)
    assert load_meeting(saved) == sample


def test_saving_into_a_missing_folder(sample: Meeting, tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError, match="does not exist"):
        save_meeting(sample, tmp_path / "gone" / "m.minutes")


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_save_keeps_the_files_permissions(saved: Path, sample: Meeting) -> None:
    saved.chmod(0o640)
    save_meeting(changed(sample), saved)
    assert saved.stat().st_mode & 0o777 == 0o640
    assert backup_path(saved).exists()
