"""Atomic file replacement that also works on Windows and on network shares.

A save writes a temporary file beside the target (same folder, so the final rename never crosses
a file system), flushes and fsyncs it, then renames it over the target. A crash at any point
leaves either the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from pathlib import Path

# Windows refuses to replace a file another process holds open (an indexer, an antivirus
# scanner, a sync client); those holds are brief, so a replace is retried for about two seconds.
REPLACE_ATTEMPTS = 10
REPLACE_FIRST_WAIT = 0.02


def temporary_sibling(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


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


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Write `data` to `path` atomically; first keep the current file's content at `backup`."""
    tmp = temporary_sibling(path)
    try:
        # "x": never follow or clobber something that appeared under this random name.
        with tmp.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(path, tmp)
            if backup is not None:
                _copy_atomically(path, backup)
        replace_with_retry(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_directory(path.parent)


def _copy_atomically(source: Path, target: Path) -> None:
    tmp = temporary_sibling(target)
    try:
        shutil.copyfile(source, tmp)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        replace_with_retry(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
