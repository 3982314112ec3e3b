"""Safe file replacement that also works on Windows, on network shares and in synced folders.

A save writes a temporary file beside the target (same folder, so the final rename never crosses
a file system), flushes and fsyncs it, then renames it over the target. A crash at any point
leaves either the old file or the new one, never half of either.

Around that rename:

- **A short save lock** (`.NAME.lock` beside the file, made with exclusive create, which SMB
  shares and OneDrive folders honour as well as local disks) keeps two Clerks, on one desktop or
  two, from replacing the file at the same moment. It names who holds it and is broken once it is
  older than LOCK_STALE_SECONDS (a save holds it for milliseconds; an older one was left by a
  crash).
- **The last-moment check**: given the version the caller last read or wrote (`expected`), the
  file on disk is hashed again inside the lock, just before the replace, and a different one is
  never replaced: `ChangedOnDiskError` says what was found instead.
- **Read-only files** (the mode bit, which is Windows's read-only attribute there) are refused.
- **Links**: a symbolic link is written through to its real file; a file with other hard links is
  rewritten in place so that every name keeps seeing it (see `_rewrite_in_place`).
- **The backup** of the previous version is a hard link (no space needed) or, where links are not
  supported, a copy; if it cannot be made the save goes ahead without it and says so.
- **Leftovers**: temporaries that a killed save left (`.NAME.XXXXXXXX.tmp`) are removed once they
  are old enough that no save in progress can own them.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Windows refuses to replace a file another process holds open (an indexer, an antivirus
# scanner, a sync client); those holds are brief, so a replace is retried for about two seconds.
REPLACE_ATTEMPTS = 10
REPLACE_FIRST_WAIT = 0.02

LOCK_STALE_SECONDS = 10.0
"""A save lock older than this was left by a save that died (a save holds it for milliseconds,
a few seconds at most on a slow share)."""
LOCK_WAIT_SECONDS = LOCK_STALE_SECONDS + 2.0
"""How long a save waits for another's lock: long enough to see a dead one go stale."""
LOCK_POLL_SECONDS = 0.005
STALE_TEMPORARY_SECONDS = 600.0
"""A temporary this old belongs to no save in progress (another clerk's save on the share takes
seconds at most), so it is a killed save's leftover and may be removed."""
MAX_LINK_DEPTH = 40

_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")
READ_ONLY_PROBLEM = "the file is read-only; save it under another name"


@dataclass(frozen=True, slots=True)
class FileVersion:
    """One version of a file's content, as a save or a read saw it: the SHA-256 of its bytes
    decides; size and modification time are kept to say what changed."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, status: os.stat_result | None = None) -> FileVersion:
        mtime = status.st_mtime_ns if status is not None else 0
        return cls(len(data), mtime, hashlib.sha256(data).hexdigest())

    def same_content(self, other: FileVersion | None) -> bool:
        return other is not None and other.size == self.size and other.sha256 == self.sha256


class ChangedOnDiskError(Exception):
    """The file is no longer the version the save expected to replace."""

    def __init__(self, path: Path, found: FileVersion) -> None:
        self.path = path
        self.found = found
        super().__init__(f"{path}: changed on disk since it was read")


class ReadOnlyError(PermissionError):
    """The file is marked read-only; `strerror` says so in a clerk's words."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, READ_ONLY_PROBLEM, str(path))


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    path: Path
    """The file written: the real file when `path` was a symbolic link."""
    version: FileVersion
    backup: Path | None
    """Where the previous version was kept, if it was."""
    backup_problem: str | None
    """Why no backup could be kept this time, when one was asked for and there was a file."""


def temporary_sibling(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def real_path(path: Path) -> Path:
    """`path` with symbolic links in its last part followed to the file they name (the folders
    above are left as they are: a rename inside a linked folder lands in the real one)."""
    target = path
    for _ in range(MAX_LINK_DEPTH):
        if not target.is_symlink():
            return target
        target = target.parent / target.readlink()
    raise OSError(errno.ELOOP, "too many levels of symbolic links", str(path))


def read_version(path: Path) -> tuple[bytes, FileVersion] | None:
    """The file's bytes and version, or None if there is no file."""
    try:
        with path.open("rb") as handle:
            data = handle.read()
            status = os.fstat(handle.fileno())
    except FileNotFoundError:
        return None
    return data, FileVersion.of(data, status)


def replace_with_retry(source: Path, target: Path) -> None:
    wait = REPLACE_FIRST_WAIT
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            source.replace(target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(wait)
            wait = min(wait * 2, 0.5)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows has no directory handles to sync
    # (NTFS journals the rename), so there is nothing to do there.
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some network file systems refuse fsync on a directory
        pass
    finally:
        os.close(fd)


def is_read_only(status: os.stat_result) -> bool:
    """Marked read-only: no write bit (on Windows, the read-only attribute). Not os.access,
    which answers for the current user (and root may write anything)."""
    return not status.st_mode & stat.S_IWRITE


def remove_stale_temporaries(folder: Path, older_than: float = STALE_TEMPORARY_SECONDS) -> int:
    """Remove the temporaries killed saves left in `folder` (`.NAME.XXXXXXXX.tmp`, older than
    `older_than` seconds: another save in progress is never touched). Returns how many went;
    a folder that cannot be listed or a file that cannot be removed is left alone."""
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not _TEMPORARY.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                continue
            Path(entry.path).unlink()
            removed += 1
        except OSError:
            continue
    return removed


# --- the save lock ---------------------------------------------------------------------------


def _lock_owner(lock: Path) -> tuple[str, float | None]:
    """Who holds the lock, and since when (None if its file is not readable yet)."""
    try:
        raw = lock.read_bytes()
        mtime = lock.stat().st_mtime
    except OSError:
        return "another program", None
    try:
        about = json.loads(raw.decode("utf-8"))
        who = f"{about['user']} on {about['host']}"
        since = float(about["time"])
    except (ValueError, KeyError, TypeError):
        return "another program", mtime  # being written this instant, or not one of ours
    # The later of the holder's clock and the file's (the server's, on a share): a desktop whose
    # clock runs slow does not make a fresh lock look stale to the others.
    return who[:80], max(since, mtime)


@contextlib.contextmanager
def save_lock(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold `.NAME.lock` beside `path` for the duration: created with exclusive create (O_EXCL,
    CREATE_NEW on Windows and over SMB), holding user, host, process and time; one older than
    LOCK_STALE_SECONDS is broken. Raises OSError(EBUSY) naming the holder after `wait` seconds
    (LOCK_WAIT_SECONDS by default)."""
    lock = lock_path(path)
    about = json.dumps(
        {
            "user": user_name(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "time": time.time(),
        }
    ).encode("utf-8")
    deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0))
        except FileExistsError:
            who, since = _lock_owner(lock)
            if since is not None and time.time() - since > LOCK_STALE_SECONDS:
                _break_stale(lock)
                continue
            if time.monotonic() > deadline:
                raise OSError(
                    errno.EBUSY, f"it is being saved by {who}; try again in a moment", str(path)
                ) from None
            time.sleep(LOCK_POLL_SECONDS)
            continue
        try:
            os.write(fd, about)
        finally:
            os.close(fd)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()


def user_name() -> str:
    """The login name, or "someone" where the system gives none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment or the database
        return "someone"


def _break_stale(lock: Path) -> None:
    # Renamed away first, so that of two savers breaking it at once only one succeeds; the other
    # simply tries to take the lock again.
    aside = lock.with_name(f"{lock.name}.{secrets.token_hex(4)}.stale")
    try:
        lock.rename(aside)
    except OSError:
        return
    _, since = _lock_owner(aside)
    if since is not None and time.time() - since <= LOCK_STALE_SECONDS:
        # Another saver broke the stale one and took the lock in between: give it back.
        with contextlib.suppress(OSError):
            aside.rename(lock)
            return
    with contextlib.suppress(OSError):
        aside.unlink()


# --- writing -----------------------------------------------------------------------------------


def atomic_write(
    path: Path,
    data: bytes,
    *,
    backup: Path | None = None,
    expected: FileVersion | None = None,
    allow_read_only: bool = False,
) -> WriteOutcome:
    """Write `data` to `path` safely, keeping the current file's content at `backup` if asked.

    `expected`: the version the caller last read or wrote; if the file on disk is another
    (checked inside the save lock, just before replacing), ChangedOnDiskError is raised and nothing
    is replaced. None replaces whatever is there. A file that is not there is no conflict.
    A read-only file is refused with ReadOnlyError unless `allow_read_only`.
    """
    target = real_path(path)
    remove_stale_temporaries(target.parent)
    tmp = temporary_sibling(target)
    try:
        # "x": never follow or clobber something that appeared under this random name.
        with tmp.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with save_lock(target):
            outcome = _replace(target, tmp, data, backup, expected, allow_read_only)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_directory(target.parent)
    return outcome


def write_new(path: Path, data: bytes) -> FileVersion:
    """Write `data` as a new file at `path`, never over one: FileExistsError if a file is there
    or appears meanwhile (another Clerk's), and nothing is written. Written whole to a
    temporary first and linked into place (a link never replaces, so of two Clerks at once one
    is refused); where the disk has no hard links (FAT, some shares), put in place under the
    save lock after looking. Returns the version written."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    tmp = temporary_sibling(path)
    try:
        with tmp.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:
            with save_lock(path):
                if path.exists() or path.is_symlink():
                    raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
                replace_with_retry(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    _fsync_directory(path.parent)
    return FileVersion.of(data, path.stat())


def _replace(
    target: Path,
    tmp: Path,
    data: bytes,
    backup: Path | None,
    expected: FileVersion | None,
    allow_read_only: bool,
) -> WriteOutcome:
    try:
        status: os.stat_result | None = target.stat()
    except FileNotFoundError:
        status = None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
        if not allow_read_only and is_read_only(status):
            raise ReadOnlyError(target)
    old: bytes | None = None
    if expected is not None and status is not None:
        current = read_version(target)
        if current is not None:
            old, found = current
            if not expected.same_content(found):
                raise ChangedOnDiskError(target, found)
    in_place = (
        status is not None
        and status.st_nlink > 1
        and stat.S_ISREG(status.st_mode)
        and not _only_other_link_is(target, status, backup)
    )
    kept: Path | None = None
    problem: str | None = None
    if status is not None:
        with contextlib.suppress(OSError):
            shutil.copymode(target, tmp)
        if backup is not None:
            try:
                _keep_backup(target, backup, link=not in_place)
                kept = backup
            except OSError as exc:
                problem = _backup_problem(backup, exc)
    if in_place and kept is None:
        # No full copy to fall back on: a rewrite in place could leave half a file, so the file
        # is replaced atomically after all and its other links keep the previous version.
        in_place = False
        if problem is not None:
            problem += "; its other hard links keep the previous version"
    if in_place:
        tmp.unlink()  # its room is needed for the rewrite
        _rewrite_in_place(target, data, old)
    else:
        replace_with_retry(tmp, target)
    return WriteOutcome(target, FileVersion.of(data, target.stat()), kept, problem)


def _only_other_link_is(target: Path, status: os.stat_result, backup: Path | None) -> bool:
    """The file's one other link is its own backup: a save that died between linking the backup
    and replacing the file left it so. Then nobody else's link is at stake."""
    if backup is None or status.st_nlink != 2:
        return False
    try:
        return backup.samefile(target)
    except OSError:
        return False


def _backup_problem(backup: Path, exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError) or backup.is_dir():
        reason = f"{backup.name} is a folder"
    elif exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    else:
        reason = exc.strerror or str(exc)
    return f"no backup of the previous version could be kept ({reason})"


def _keep_backup(source: Path, backup: Path, *, link: bool) -> None:
    """The current content of `source` at `backup`, replaced atomically: a hard link where the
    file system has them (no space, no copying), else a copy."""
    if backup.is_dir():
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(backup))
    tmp = temporary_sibling(backup)
    try:
        linked = False
        if link:
            try:
                os.link(source, tmp)
                linked = True
            except OSError:  # FAT, some shares, or no link support: fall back to a copy
                pass
        if not linked:
            shutil.copyfile(source, tmp)
            with tmp.open("rb+") as handle:
                os.fsync(handle.fileno())
        replace_with_retry(tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _rewrite_in_place(target: Path, data: bytes, old: bytes | None) -> None:
    """Rewrite a file that has other hard links in place (as vim's backupcopy=yes does).

    A rename would give `target` a new file and leave the other names on the old one, so the
    colleague's or the archive's link would silently stop seeing the meeting. The cost: this write
    is not atomic. A crash in it can leave the file half written; the backup, a full copy (not a
    link, which would be rewritten too) written and fsynced before, keeps the previous version,
    and a failure that Python sees puts the old bytes back. It also needs room for that copy;
    without a backup the file is replaced atomically instead, and the other links keep the old
    version."""
    if old is None:
        old = target.read_bytes()
    try:
        with target.open("r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError), target.open("r+b") as handle:
            handle.write(old)
            handle.truncate()
        raise
