"""Owner marks: who has a meeting (or committee) file open, kept beside it as Word keeps `~$`.

    CYPE 2025-06-18.minutes
    CYPE 2025-06-18.minutes.owner      <- Jane Smith (jsmith) on CLERK-PC-12, since 10:05 today

Generic over any file: the committee window calls the same functions for a `.committee` file.

    session = Session.start()                   # one per opened document
    other = read_owner(path)                    # who else has it open (None: nobody)
    other = claim(path, session)                # None: the mark is ours; else the live owner
    claim(path, session, force=True)            # "Edit anyway": the mark becomes ours
    refresh(path, session)                      # the heartbeat, every HEARTBEAT_SECONDS
    release(path, session)                      # on close: removes the mark only if ours
    is_stale(owner, now, this_machine=host)     # a mark left by a Clerk that has gone
    describe(owner)                             # "Jane Smith (jsmith) on CLERK-PC-12, since ..."

**The name** is the file's own name with `.owner` added. It has to travel: the team folder may be
an SMB share (any name works) or a SharePoint/OneDrive library synced by the OneDrive client,
which does not upload names starting `~$` (Word's own mark is kept from the other machines for
that reason), `.tmp` files, `.lock` names, `desktop.ini` or names holding `_vti_`; the Nextcloud
and ownCloud clients skip hidden names (starting with a dot) unless told otherwise, and Dropbox
skips `~$*`, `.~*` and `~*.tmp`. `NAME.minutes.owner` is none of those, does not end in
`.minutes` or `.committee` (so `*.minutes` scans, the Open dialog's filter and the committee
folder pass it by), and sorts next to its file in Explorer.

**Content**: UTF-8 JSON: the login name, the display name where the system gives one (Windows'
full name, the POSIX account's GECOS name), the machine's host name, the process id, a random
session token, when it was opened and its last heartbeat (ISO 8601, UTC) and Clerk's version.

**Claiming** creates the mark with exclusive create (O_EXCL; CREATE_NEW on Windows and over SMB),
so of two Clerks claiming at once exactly one wins, and the other is told who has it. A stale
mark is first renamed aside (only one of two renames succeeds), then the claim is tried again.

**Stale**: a mark is stale when its heartbeat is older than STALE_SECONDS (ten minutes; a live
Clerk refreshes it every two), or when it was made on this machine by a process that is no
longer running (a crash: taken over at once). A mark that cannot be read (damaged, not ours, or
being written this instant) counts as stale once it is older than WRITING_SECONDS.

**Synced folders** carry the mark only as fast as they sync (seconds to minutes): two Clerks may
both claim in that gap. The mark is then advisory; what protects the work is the save's
last-moment check (`atomic.FileVersion`) and noticing conflict copies (`conflicts.py`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import secrets
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerk_app.domain.house_style import MONTHS
from clerk_app.storage.atomic import user_name

OWNER_SUFFIX = ".owner"
HEARTBEAT_SECONDS = 120.0
"""How often an open document's mark is refreshed."""
STALE_SECONDS = 600.0
"""A mark whose heartbeat is older than this was left by a Clerk that has gone (five missed
heartbeats: a laptop asleep for ten minutes loses its mark, and is told when it wakes)."""
WRITING_SECONDS = 10.0
"""A mark that cannot be read may be one being written this instant; older, it is damaged."""
MAX_MARK_SIZE = 64 * 1024
_FORMAT = 1
_CLAIM_ATTEMPTS = 5


def owner_path(path: Path) -> Path:
    """Where the owner mark of `path` lives: `NAME.owner` beside it."""
    return path.with_name(path.name + OWNER_SUFFIX)


def process_running(pid: int) -> bool:
    """Whether a process of this machine is running (a pid reused since counts as running: a
    mark or a copy is then kept, never taken from a running Clerk)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would end the process there; only Windows can confirm
        import ctypes
        from ctypes import wintypes

        # its own library object, with prototypes: a HANDLE is pointer-sized (not an int), and
        # the last error is kept per call rather than read after ctypes may have changed it
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        open_process = kernel32.OpenProcess
        open_process.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        open_process.restype = wintypes.HANDLE
        exit_code = kernel32.GetExitCodeProcess
        exit_code.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
        exit_code.restype = wintypes.BOOL
        close = kernel32.CloseHandle
        close.argtypes = (wintypes.HANDLE,)
        close.restype = wintypes.BOOL
        handle = open_process(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(ctypes.get_last_error() == 5)  # ERROR_ACCESS_DENIED: it is there
        try:
            code = wintypes.DWORD()
            got = exit_code(handle, ctypes.byref(code))
            return not got or code.value == 259  # STILL_ACTIVE
        finally:
            close(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process, running
        return True
    return True


def login_name() -> str:
    return user_name()


def display_name() -> str:
    """The user's full name as the system knows it ("Jane Smith"), or "" where it gives none."""
    if sys.platform == "win32":  # only Windows can confirm
        import ctypes
        from ctypes import wintypes

        secur32 = ctypes.WinDLL("secur32", use_last_error=True)
        get_name = secur32.GetUserNameExW
        get_name.argtypes = (ctypes.c_int, wintypes.LPWSTR, ctypes.POINTER(wintypes.ULONG))
        get_name.restype = wintypes.BOOLEAN
        size = wintypes.ULONG(0)
        name_display = 3  # EXTENDED_NAME_FORMAT.NameDisplay (a domain account's full name)
        get_name(name_display, None, ctypes.byref(size))
        if not size.value:
            return ""
        buffer = ctypes.create_unicode_buffer(size.value)
        if not get_name(name_display, buffer, ctypes.byref(size)):
            return ""
        return buffer.value.strip()
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, OSError):
        return ""
    return gecos.split(",")[0].strip()


def machine_name() -> str:
    return socket.gethostname() or "an unnamed computer"


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class Session:
    """This Clerk's claim on one opened file: who and where, and a token of its own."""

    token: str
    user: str
    display_name: str
    machine: str
    pid: int
    opened_at: dt.datetime

    @classmethod
    def start(cls) -> Session:
        """A new session for this process, opened now."""
        return cls(
            token=secrets.token_hex(8),
            user=login_name(),
            display_name=display_name(),
            machine=machine_name(),
            pid=os.getpid(),
            opened_at=_now(),
        )

    def owner(self, heartbeat_at: dt.datetime | None = None) -> Owner:
        from clerk_app import __version__

        return Owner(
            user=self.user,
            display_name=self.display_name,
            machine=self.machine,
            pid=self.pid,
            session=self.token,
            opened_at=_utc(self.opened_at),
            heartbeat_at=_utc(heartbeat_at or _now()),
            clerk_version=__version__,
        )


@dataclass(frozen=True, slots=True)
class Owner:
    """What an owner mark says. `damaged`: the mark could not be read (its times are then the
    file's own modification time, and it names nobody)."""

    user: str
    display_name: str
    machine: str
    pid: int
    session: str
    opened_at: dt.datetime
    heartbeat_at: dt.datetime
    clerk_version: str
    damaged: bool = False

    def to_json(self) -> bytes:
        data = {
            "clerk_owner": _FORMAT,
            "user": self.user,
            "display_name": self.display_name,
            "machine": self.machine,
            "pid": self.pid,
            "session": self.session,
            "opened_at": _iso(self.opened_at),
            "heartbeat_at": _iso(self.heartbeat_at),
            "clerk_version": self.clerk_version,
        }
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    def same_machine(self, machine: str) -> bool:
        return self.machine.casefold() == machine.casefold()


def _iso(moment: dt.datetime) -> str:
    return _utc(moment).isoformat(timespec="seconds").replace("+00:00", "Z")


def _parse(raw: bytes) -> Owner:
    """The mark's content; raises ValueError (or KeyError, TypeError) when it is not one."""
    data: Any = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or data.get("clerk_owner") != _FORMAT:
        raise ValueError("not a Clerk owner mark")

    def text(key: str, limit: int = 200) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            raise TypeError(key)
        # a mark is shown to the clerk: no control characters, no essay
        return "".join(ch for ch in value if ch.isprintable())[:limit]

    pid = data["pid"]
    if not isinstance(pid, int) or isinstance(pid, bool):
        raise TypeError("pid")
    token = text("session")
    if not token:
        raise ValueError("no session")
    return Owner(
        user=text("user") or "someone",
        display_name=text("display_name"),
        machine=text("machine") or "an unnamed computer",
        pid=pid,
        session=token,
        opened_at=_utc(dt.datetime.fromisoformat(text("opened_at"))),
        heartbeat_at=_utc(dt.datetime.fromisoformat(text("heartbeat_at"))),
        clerk_version=text("clerk_version", 40),
    )


def _read_mark(mark: Path) -> Owner | None:
    try:
        with mark.open("rb") as handle:
            raw = handle.read(MAX_MARK_SIZE + 1)
            mtime = os.fstat(handle.fileno()).st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        try:
            mtime = mark.stat().st_mtime
        except OSError:
            return None  # gone, or not a file we may even look at
        raw = b""
    stamp = dt.datetime.fromtimestamp(mtime, dt.UTC)
    try:
        if len(raw) > MAX_MARK_SIZE:
            raise ValueError("too big")
        found = _parse(raw)
    except (ValueError, KeyError, TypeError, RecursionError):
        return Owner("someone", "", "", 0, "", stamp, stamp, "", damaged=True)
    # The later of the owner's clock and the file's (the server's, on a share): a desktop whose
    # clock runs slow does not make a live mark look stale to the others.
    return Owner(
        found.user,
        found.display_name,
        found.machine,
        found.pid,
        found.session,
        found.opened_at,
        max(found.heartbeat_at, stamp),
        found.clerk_version,
    )


def read_owner(path: Path) -> Owner | None:
    """Who the mark beside `path` says has it open; None when there is no mark. Never raises: a
    damaged mark comes back `damaged` (and is stale once WRITING_SECONDS old)."""
    return _read_mark(owner_path(path))


def is_stale(owner: Owner, now: dt.datetime | None = None, *, this_machine: str) -> bool:
    """Left by a Clerk that has gone: its heartbeat is older than STALE_SECONDS, or it was made on
    `this_machine` (a host name) by a process that is not running. A damaged mark is stale once
    it is older than WRITING_SECONDS."""
    now = _utc(now or _now())
    age = (now - owner.heartbeat_at).total_seconds()
    if owner.damaged:
        return age > WRITING_SECONDS
    if age > STALE_SECONDS:
        return True
    return owner.same_machine(this_machine) and not process_running(owner.pid)


def _write_new(mark: Path, data: bytes) -> None:
    """Create `mark` holding `data`; FileExistsError if there is one (exclusive create)."""
    fd = os.open(mark, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        os.write(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            mark.unlink()
        raise
    os.close(fd)


def _write_over(mark: Path, data: bytes) -> None:
    """Replace `mark` with `data` in one step (a temporary beside it, renamed over it)."""
    from clerk_app.storage.atomic import replace_with_retry, temporary_sibling

    tmp = temporary_sibling(mark)
    try:
        with tmp.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_with_retry(tmp, mark)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _same_mark(a: Owner | None, b: Owner) -> bool:
    if a is None:
        return False
    if a.damaged or b.damaged:
        return a.damaged and b.damaged
    return a.session == b.session and a.heartbeat_at <= b.heartbeat_at


def _take_away(mark: Path, judged: Owner) -> None:
    """Remove the stale mark `judged`, and only that one: renamed aside first, so that of two
    Clerks taking it over at once one rename succeeds; if what was renamed is not what was
    judged stale (someone claimed in between), it is put back."""
    aside = mark.with_name(f"{mark.name}.{secrets.token_hex(4)}.stale")
    try:
        mark.rename(aside)
    except OSError:
        return  # gone already: another Clerk took it over
    if _same_mark(_read_mark(aside), judged):
        with contextlib.suppress(OSError):
            aside.unlink()
        return
    # A fresh claim was renamed by mistake: give it back unless yet another has been made.
    try:
        os.link(aside, mark)
    except FileExistsError:
        pass
    except OSError:  # no hard links here (FAT, some shares)
        if not mark.exists():
            with contextlib.suppress(OSError):
                aside.rename(mark)
                return
    with contextlib.suppress(OSError):
        aside.unlink()


def claim(path: Path, session: Session, *, force: bool = False) -> Owner | None:
    """Mark `path` as open by `session`. Returns None when the mark is now this session's, or
    the live owner who has it open instead (nothing is then written). A stale mark is taken
    over. `force` (the clerk chose to edit anyway) replaces even a live owner's mark.
    Raises OSError when the mark cannot be written (a read-only folder)."""
    mark = owner_path(path)
    data = session.owner().to_json()
    if force:
        _write_over(mark, data)
        return None
    for _ in range(_CLAIM_ATTEMPTS):
        try:
            _write_new(mark, data)
            return None
        except FileExistsError:
            pass
        other = _read_mark(mark)
        if other is None:
            continue  # released in between: try again
        if other.session == session.token:
            _write_over(mark, data)
            return None
        if not is_stale(other, this_machine=session.machine):
            return other
        _take_away(mark, other)
    found = _read_mark(mark)
    if found is not None and found.session != session.token:
        return found
    raise OSError(errno.EBUSY, "the owner mark keeps changing", str(mark))


def refresh(path: Path, session: Session) -> Owner | None:
    """The heartbeat: the mark says this session is still there. Returns None when it does, or
    the owner whose live mark is there instead (another Clerk chose to edit anyway, or took over
    a mark that went stale while this one slept); theirs is left alone. A mark that has gone is
    put back. Raises OSError when it cannot be written."""
    mark = owner_path(path)
    found = _read_mark(mark)
    if found is not None and found.session == session.token:
        _write_over(mark, session.owner().to_json())
        return None
    return claim(path, session)


def release(path: Path, session: Session) -> bool:
    """Remove the mark if it is this session's (someone else's is left alone). True if removed;
    never raises."""
    mark = owner_path(path)
    found = _read_mark(mark)
    if found is None or found.session != session.token:
        return False
    try:
        mark.unlink()
    except OSError:
        return False
    return True


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    local, today = moment.astimezone(), now.astimezone().date()
    clock = f"{local:%H:%M}"
    if local.date() == today:
        return f"{clock} today"
    if local.date() == today - dt.timedelta(days=1):
        return f"{clock} yesterday"
    return f"{clock} on {local.day} {MONTHS[local.month - 1]} {local.year}"


def describe(owner: Owner, now: dt.datetime | None = None) -> str:
    """The owner in a clerk's words: "Jane Smith (jsmith) on CLERK-PC-12, since 10:05 today"."""
    now = now or _now()
    if owner.damaged:
        return f"someone (their owner mark cannot be read), since {_when(owner.opened_at, now)}"
    who = f"{owner.display_name} ({owner.user})" if owner.display_name else owner.user
    return f"{who} on {owner.machine}, since {_when(owner.opened_at, now)}"
