"""Saving never loses work: not another's version, not a read-only file, not a link, not for want
of a backup or of room for one; and it cleans up after saves that were killed."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting
from clerk_app.storage import (
    FileChangedError,
    MeetingFileError,
    ReadOnlyFileError,
    atomic,
    load_meeting,
    read_meeting,
    save_meeting,
)
from clerk_app.storage.atomic import atomic_write, lock_path
from clerk_app.storage.meeting_file import backup_path, meeting_to_json
from tests.helpers_mount import run_in_tmpfs

REPO = Path(__file__).resolve().parents[2]


def with_venue(sample: Meeting, venue: str) -> Meeting:
    return sample.model_copy(update={"venue": venue})


@pytest.fixture
def saved(sample: Meeting, tmp_path: Path) -> Path:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    return path


# --- someone else's version ------------------------------------------------------------------


def test_a_version_nobody_has_seen_is_never_replaced(saved: Path, sample: Meeting) -> None:
    _, version = read_meeting(saved)
    save_meeting(with_venue(sample, "Their venue"), saved)  # another Clerk, a colleague
    theirs = saved.read_bytes()
    with pytest.raises(FileChangedError, match="changed by someone else since you opened it"):
        save_meeting(with_venue(sample, "My venue"), saved, expected=version)
    assert saved.read_bytes() == theirs
    assert sorted(p.name for p in saved.parent.iterdir()) == ["m.minutes", "m.minutes.bak"]


def test_replacing_the_version_found_keeps_it_as_the_backup(saved: Path, sample: Meeting) -> None:
    _, version = read_meeting(saved)
    save_meeting(with_venue(sample, "Their venue"), saved)
    with pytest.raises(FileChangedError) as conflict:
        save_meeting(with_venue(sample, "My venue"), saved, expected=version)
    result = save_meeting(with_venue(sample, "My venue"), saved, expected=conflict.value.found)
    assert load_meeting(saved).venue == "My venue"
    assert load_meeting(backup_path(saved)).venue == "Their venue"
    assert result.backup == backup_path(saved) and result.backup_problem is None
    # what a save wrote is the version the next save expects
    save_meeting(with_venue(sample, "Mine again"), saved, expected=result.version)


def test_a_same_size_change_with_its_time_put_back_is_noticed(saved: Path, sample: Meeting) -> None:
    """A sync client or `cp -p`: same size, modification time as before; only the content
    tells. The document's check and the save's own both notice."""
    _, version = read_meeting(saved)
    before = saved.stat()
    text = saved.read_text(encoding="utf-8")
    changed = text.replace("Welcome and Apologies", "Welcome and Apologiez", 1)
    assert changed != text and len(changed) == len(text)
    saved.write_text(changed, encoding="utf-8")
    os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert saved.stat().st_size == before.st_size
    assert saved.stat().st_mtime_ns == before.st_mtime_ns
    with pytest.raises(FileChangedError):
        save_meeting(with_venue(sample, "My venue"), saved, expected=version)
    assert saved.read_text(encoding="utf-8") == changed


def test_the_same_content_rewritten_is_no_conflict(saved: Path, sample: Meeting) -> None:
    _, version = read_meeting(saved)
    data = saved.read_bytes()
    saved.write_bytes(data)  # a sync client writing back what it downloaded: a new time
    stamp = saved.stat()
    os.utime(saved, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 5_000_000_000))
    save_meeting(with_venue(sample, "My venue"), saved, expected=version)
    assert load_meeting(saved).venue == "My venue"


def test_a_stale_save_lock_is_broken(saved: Path, sample: Meeting) -> None:
    lock = lock_path(saved)
    about = {"user": "alice", "host": "desk-7", "pid": 1, "time": time.time() - 3600}
    lock.write_text(json.dumps(about), encoding="utf-8")
    old = time.time() - 3600
    os.utime(lock, (old, old))
    started = time.monotonic()
    save_meeting(with_venue(sample, "My venue"), saved)
    assert time.monotonic() - started < 2
    assert load_meeting(saved).venue == "My venue" and not lock.exists()


def test_a_save_held_by_another_clerk_waits_then_says_who(
    saved: Path, sample: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = lock_path(saved)
    about = {"user": "alice", "host": "desk-7", "pid": 1, "time": time.time()}
    lock.write_text(json.dumps(about), encoding="utf-8")
    monkeypatch.setattr(atomic, "LOCK_WAIT_SECONDS", 0.2)
    before = saved.read_bytes()
    with pytest.raises(MeetingFileError, match="being saved by alice on desk-7; try again"):
        save_meeting(with_venue(sample, "My venue"), saved)
    assert saved.read_bytes() == before and lock.exists()  # their lock is theirs
    assert [p.name for p in saved.parent.iterdir() if p.name.endswith(".tmp")] == []


# --- read-only files ---------------------------------------------------------------------------


def make_read_only(path: Path) -> None:
    # Clears the write bits; on Windows, os.chmod sets the read-only attribute.
    path.chmod(stat.S_IMODE(path.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def test_a_read_only_meeting_is_not_replaced(saved: Path, sample: Meeting) -> None:
    before = saved.read_bytes()
    make_read_only(saved)
    with pytest.raises(ReadOnlyFileError) as info:
        save_meeting(with_venue(sample, "My venue"), saved)
    assert str(info.value) == f"{saved}: is read-only; save it under another name"
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["m.minutes"]


def test_a_read_only_word_file_is_not_replaced(tmp_path: Path) -> None:
    """Exports write through atomic_write too: a read-only Word file stays as it was."""
    out = tmp_path / "minutes.docx"
    out.write_bytes(b"PK\x03\x04 the published minutes")
    make_read_only(out)
    with pytest.raises(PermissionError) as info:
        atomic_write(out, b"PK\x03\x04 new minutes")
    assert info.value.strerror == "the file is read-only; save it under another name"
    assert out.read_bytes() == b"PK\x03\x04 the published minutes"
    atomic_write(out, b"PK\x03\x04 new minutes", allow_read_only=True)  # when a caller means it
    assert out.read_bytes() == b"PK\x03\x04 new minutes"


# --- links ---------------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need a privilege on Windows")
def test_a_symlinked_meeting_is_written_through_to_its_file(
    tmp_path: Path, sample: Meeting
) -> None:
    real_folder = tmp_path / "share"
    real_folder.mkdir()
    real = real_folder / "june.minutes"
    save_meeting(sample, real)
    link = tmp_path / "june.minutes"
    link.symlink_to(Path("share") / "june.minutes")  # relative, as links often are
    save_meeting(with_venue(sample, "My venue"), link)
    assert link.is_symlink()
    assert load_meeting(real).venue == "My venue"
    assert load_meeting(backup_path(real)).venue == sample.venue  # beside the real file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["june.minutes", "share"]


def test_a_hard_linked_meeting_keeps_its_links(saved: Path, sample: Meeting) -> None:
    other = saved.parent / "archive.minutes"
    os.link(saved, other)
    inode = saved.stat().st_ino
    result = save_meeting(with_venue(sample, "My venue"), saved)
    assert saved.stat().st_ino == inode and saved.stat().st_nlink == 2
    assert load_meeting(other).venue == "My venue"
    assert load_meeting(backup_path(saved)).venue == sample.venue
    assert backup_path(saved).stat().st_ino != inode  # a copy, not one more link
    assert result.backup_problem is None
    leftovers = [p.name for p in saved.parent.iterdir() if p.name.endswith((".tmp", ".lock"))]
    assert leftovers == []


def test_a_hard_linked_meeting_without_a_backup_is_still_replaced_whole(
    saved: Path, sample: Meeting
) -> None:
    """Rewriting in place is safe only with a full backup copy; without one the file is
    replaced atomically and the save says the other link kept the previous version."""
    other = saved.parent / "archive.minutes"
    os.link(saved, other)
    backup_path(saved).mkdir()
    result = save_meeting(with_venue(sample, "My venue"), saved)
    assert load_meeting(saved).venue == "My venue" and load_meeting(other) == sample
    assert result.backup_problem == (
        "no backup of the previous version could be kept (m.minutes.bak is a folder); "
        "its other hard links keep the previous version"
    )


def test_a_backup_left_linked_to_the_file_is_no_reason_to_rewrite_in_place(
    saved: Path, sample: Meeting
) -> None:
    """A save that died between linking the backup and replacing the file leaves the two one
    file: the next save replaces as usual (atomically), since no one else's link is at stake."""
    os.link(saved, backup_path(saved))
    inode = saved.stat().st_ino
    save_meeting(with_venue(sample, "My venue"), saved)
    assert saved.stat().st_ino != inode and backup_path(saved).stat().st_ino == inode
    assert load_meeting(backup_path(saved)) == sample


# --- the backup never stops a save -----------------------------------------------------------


def test_a_folder_named_like_the_backup_does_not_stop_the_save(
    saved: Path, sample: Meeting
) -> None:
    backup_path(saved).mkdir()
    result = save_meeting(with_venue(sample, "My venue"), saved)
    assert load_meeting(saved).venue == "My venue"
    assert result.backup is None
    assert result.backup_problem == (
        "no backup of the previous version could be kept (m.minutes.bak is a folder)"
    )
    assert sorted(p.name for p in saved.parent.iterdir()) == ["m.minutes", "m.minutes.bak"]


def test_the_backup_is_a_link_to_the_old_file(saved: Path, sample: Meeting) -> None:
    inode = saved.stat().st_ino
    save_meeting(with_venue(sample, "My venue"), saved)
    assert backup_path(saved).stat().st_ino == inode  # no copy: it needed no room


def padded(sample: Meeting, fill: str, size: int) -> Meeting:
    """The sample with a minute long enough that its file is about `size` bytes."""
    base = len(meeting_to_json(sample).encode())
    return sample.model_copy(update={"venue": fill * ((size - base) // len(fill))})


def test_room_for_the_new_file_but_not_a_backup_copy_still_saves(
    sample: Meeting, tmp_path: Path
) -> None:
    """A 1 MB disk holding a 400 KB meeting: room for the new 400 KB file beside the old one
    while it is written, not for a copy of the old one as well. The backup is a link."""
    old, new = padded(sample, "Old room ", 400_000), padded(sample, "New room ", 400_000)
    (tmp_path / "old.json").write_text(old.model_dump_json(), encoding="utf-8")
    (tmp_path / "new.json").write_text(new.model_dump_json(), encoding="utf-8")
    code = f"""
from pathlib import Path
from clerk_app.domain.model import Meeting
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.meeting_file import backup_path
old = Meeting.model_validate_json(Path({str(tmp_path / "old.json")!r}).read_text())
new = Meeting.model_validate_json(Path({str(tmp_path / "new.json")!r}).read_text())
path = MOUNT / "m.minutes"
save_meeting(old, path)
result = save_meeting(new, path)
print("saved", load_meeting(path) == new, load_meeting(backup_path(path)) == old,
      result.backup_problem)
print(sorted(p.name for p in MOUNT.iterdir()))
"""
    result = run_in_tmpfs(code, "1000k")
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0] == "saved True True None", result.stdout
    assert lines[1] == "['m.minutes', 'm.minutes.bak']"


def test_no_room_even_for_a_linked_backup_saves_without_it(sample: Meeting, tmp_path: Path) -> None:
    """Where links are not supported the backup is a copy; if there is no room for it, the
    meeting is saved anyway and the save says no backup was kept."""
    old, new = padded(sample, "Old room ", 400_000), padded(sample, "New room ", 400_000)
    (tmp_path / "old.json").write_text(old.model_dump_json(), encoding="utf-8")
    (tmp_path / "new.json").write_text(new.model_dump_json(), encoding="utf-8")
    code = f"""
import os
from pathlib import Path
from clerk_app.domain.model import Meeting
from clerk_app.storage import load_meeting, save_meeting
def no_links(*args, **kwargs):
    raise OSError(1, "Operation not permitted")
os.link = no_links  # a file system without hard links (FAT, some shares)
old = Meeting.model_validate_json(Path({str(tmp_path / "old.json")!r}).read_text())
new = Meeting.model_validate_json(Path({str(tmp_path / "new.json")!r}).read_text())
path = MOUNT / "m.minutes"
save_meeting(old, path)
result = save_meeting(new, path)
print(load_meeting(path) == new, result.backup_problem)
print(sorted(p.name for p in MOUNT.iterdir()))
"""
    result = run_in_tmpfs(code, "1000k")
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "True no backup of the previous version could be kept (the disk is full)"
    ), result.stdout
    assert lines[1] == "['m.minutes']"


def test_a_save_on_a_read_only_disk_says_so(sample: Meeting, sample_path: Path) -> None:
    code = """
from clerk_app.storage import load_meeting, save_meeting, MeetingFileError
path = MOUNT / "m.minutes"
meeting = load_meeting(path)
try:
    save_meeting(meeting.model_copy(update={"venue": "My venue"}), path)
except MeetingFileError as exc:
    print(exc.problem)
print(load_meeting(path).venue)
"""
    setup = f"""
from pathlib import Path
from clerk_app.storage import load_meeting, save_meeting
save_meeting(load_meeting(Path({str(sample_path)!r})), MOUNT / "m.minutes")
"""
    result = run_in_tmpfs(code, "1m", read_only=True, setup=setup)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == [
        "could not be saved: Read-only file system",
        sample.venue,
    ]


# --- leftovers of killed saves ---------------------------------------------------------------


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_old_temporaries_of_killed_saves_are_cleared_on_save_and_open(
    saved: Path, sample: Meeting
) -> None:
    folder = saved.parent
    old = [folder / ".m.minutes.0badf00d.tmp", folder / ".other.minutes.12345678.tmp"]
    fresh = folder / ".m.minutes.cafe0123.tmp"  # another clerk's save in progress
    theirs = folder / ".notes.tmp"  # not one of ours
    for path in [*old, fresh, theirs]:
        path.write_bytes(b"half a meeting")
    for path in [*old, theirs]:
        age(path, 3600)
    save_meeting(with_venue(sample, "My venue"), saved)
    assert not any(p.exists() for p in old)
    assert fresh.exists() and theirs.exists()
    age(fresh, 3600)
    read_meeting(saved)  # opening the meeting clears them too
    assert not fresh.exists() and theirs.exists()


STALLED_SAVE = """
import os, sys, time
from pathlib import Path
from clerk_app.storage import load_meeting, save_meeting
real_fsync = os.fsync
def stall(fd):
    real_fsync(fd)
    print("WRITING", flush=True)
    time.sleep(600)
os.fsync = stall  # the save stalls once its temporary is written, until it is killed
path = Path(sys.argv[1])
save_meeting(load_meeting(Path(sys.argv[2])), path)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_a_first_save_killed_midway_leaves_a_temporary_the_next_save_clears(
    tmp_path: Path, sample_path: Path, sample: Meeting
) -> None:
    path = tmp_path / "m.minutes"
    child = subprocess.Popen(
        [sys.executable, "-c", STALLED_SAVE, str(path), str(sample_path)],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    with child.stdout:
        try:
            assert child.stdout.readline().strip() == "WRITING"
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(30)
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and not path.exists()
    save_meeting(sample, path)  # soon after: it might be a save in progress, so it stays
    assert leftovers[0].exists()
    age(leftovers[0], 11 * 60)  # eleven minutes later
    save_meeting(with_venue(sample, "My venue"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.minutes", "m.minutes.bak"]


# --- messages quote file content safely ------------------------------------------------------


def message_for(tmp_path: Path, data: object) -> str:
    path = tmp_path / "bad.minutes"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MeetingFileError) as info:
        load_meeting(path)
    return info.value.problem


def assert_safe(message: str) -> None:
    assert len(message) < 300, len(message)
    assert "\n" not in message
    assert not [c for c in message if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c == "\u202e"]


def sample_data(sample: Meeting) -> dict[str, object]:
    data: dict[str, object] = json.loads(meeting_to_json(sample))
    return data


def test_a_hostile_block_type_is_quoted_short_and_escaped(tmp_path: Path, sample: Meeting) -> None:
    data = sample_data(sample)
    data["items"][0]["blocks"][0]["type"] = "\x1b[2J" + "x" * 2_000_000  # type: ignore[index]
    message = message_for(tmp_path, data)
    assert_safe(message)
    assert message.startswith("has a bad value at $.items[0].blocks[0]: the type '\\x1b[2Jxxx")
    assert "is not one Clerk knows" in message


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d["items"][0]["blocks"][0].update(text=["\x1b[31m" * 100_000]),
        lambda d: d["items"][0]["blocks"][0].update({"x\x1b[2J" * 1000: 1}),
        lambda d: d.update(date="\x1b]0;owned\x07" * 100_000),
        lambda d: d.update(format_version="\u202e" + "9" * 100_000),
        lambda d: d["items"][0].update(title={"\x1b": "\x1b" * 100_000}),
    ],
    ids=["wrong type", "extra key", "bad date", "bad version", "nested"],
)
def test_every_quoted_value_is_short_and_escaped(
    tmp_path: Path, sample: Meeting, spoil: object
) -> None:
    data = sample_data(sample)
    spoil(data)  # type: ignore[operator]
    assert_safe(message_for(tmp_path, data))


def test_a_duplicated_hostile_key_is_quoted_short(tmp_path: Path) -> None:
    path = tmp_path / "bad.minutes"
    key = "\x1b[2J" + "k" * 100_000
    path.write_text(f'{{"format_version": 1, "{key}": 1, "{key}": 2}}'.replace("\x1b", "\\u001b"))
    with pytest.raises(MeetingFileError) as info:
        load_meeting(path)
    assert_safe(info.value.problem)
    assert "appears twice" in info.value.problem
