"""Owner marks beside open files: who has it open, claimed by one Clerk only, stale ones taken over."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from clerk_app.storage import owner as owners
from clerk_app.storage.owner import (
    Owner,
    Session,
    claim,
    describe,
    is_stale,
    owner_path,
    read_owner,
    refresh,
    release,
)

REPO = Path(__file__).resolve().parent.parent.parent


def other_session(machine: str = "CLERK-PC-12", pid: int = 4242, **changes: object) -> Session:
    session = Session(
        token="feedface00000001",
        user="jsmith",
        display_name="Jane Smith",
        machine=machine,
        pid=pid,
        opened_at=dt.datetime.now(dt.UTC),
    )
    return dataclasses.replace(session, **changes)  # type: ignore[arg-type]


def dead_pid() -> int:
    """The id of a process of this machine that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def write_mark(path: Path, session: Session, heartbeat_at: dt.datetime | None = None) -> None:
    owner_path(path).write_bytes(session.owner(heartbeat_at).to_json())


def test_the_mark_is_named_to_travel_and_to_stay_out_of_meeting_scans(tmp_path: Path) -> None:
    meeting = tmp_path / "CYPE 2025-06-18.minutes"
    committee = tmp_path / "cype.committee"
    assert owner_path(meeting).name == "CYPE 2025-06-18.minutes.owner"
    assert owner_path(committee).name == "cype.committee.owner"
    meeting.write_text("{}", encoding="utf-8")
    for path in (meeting, committee):
        assert claim(path, Session.start()) is None
    mark = owner_path(meeting).name
    # names the sync clients skip: OneDrive ~$, .tmp, .lock; Nextcloud's hidden files
    assert not mark.startswith(("~", ".")) and not mark.endswith((".tmp", ".lock", "~"))
    assert "_vti_" not in mark
    assert sorted(p.name for p in tmp_path.glob("*.minutes")) == [meeting.name]
    assert list(tmp_path.glob("*.committee")) == []


def test_a_claim_writes_who_where_and_when(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    session = Session.start()
    assert claim(path, session) is None
    data = json.loads(owner_path(path).read_text(encoding="utf-8"))
    assert data["user"] == session.user and data["machine"] == session.machine
    assert data["pid"] == os.getpid() and data["session"] == session.token
    assert data["opened_at"].endswith("Z") and data["heartbeat_at"].endswith("Z")
    assert data["clerk_version"]
    assert "display_name" in data
    found = read_owner(path)
    assert found is not None and found.session == session.token and not found.damaged
    assert not is_stale(found, this_machine=session.machine)


def test_a_second_clerk_is_told_who_has_it_open_and_claims_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    first = other_session(machine="CLERK-PC-12")
    write_mark(path, first)
    before = owner_path(path).read_bytes()
    mine = Session.start()
    other = claim(path, mine)
    assert other is not None
    assert (other.user, other.machine, other.pid) == ("jsmith", "CLERK-PC-12", 4242)
    assert owner_path(path).read_bytes() == before  # theirs, untouched
    assert not release(path, mine)  # nor removed by someone who does not own it
    assert owner_path(path).exists()


def test_a_live_clerk_on_this_machine_keeps_its_mark(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    running = other_session(machine=owners.machine_name(), pid=os.getpid())
    write_mark(path, running)
    other = claim(path, Session.start())
    assert other is not None and other.session == running.token


def test_a_mark_left_by_a_dead_process_on_this_machine_is_taken_over_at_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.minutes"
    crashed = other_session(machine=owners.machine_name().upper(), pid=dead_pid())
    write_mark(path, crashed)
    found = read_owner(path)
    assert found is not None and is_stale(found, this_machine=owners.machine_name())
    mine = Session.start()
    assert claim(path, mine) is None
    again = read_owner(path)
    assert again is not None and again.session == mine.token
    # the same dead pid on another machine is not known to be dead: its heartbeat decides
    assert not is_stale(found, this_machine="SOME-OTHER-PC")


def test_another_machines_mark_goes_stale_when_its_heartbeat_stops(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    now = dt.datetime.now(dt.UTC)
    far = other_session(machine="FAR-PC")
    write_mark(path, far, heartbeat_at=now - dt.timedelta(minutes=5))
    # the file's own time counts too (the server's clock): put it back as the heartbeat
    back = (now - dt.timedelta(minutes=5)).timestamp()
    os.utime(owner_path(path), (back, back))
    found = read_owner(path)
    assert found is not None and not is_stale(found, now, this_machine="HERE")
    assert not is_stale(found, now + dt.timedelta(minutes=4), this_machine="HERE")
    assert is_stale(found, now + dt.timedelta(minutes=6), this_machine="HERE")
    old = (now - dt.timedelta(minutes=11)).timestamp()
    write_mark(path, far, heartbeat_at=now - dt.timedelta(minutes=11))
    os.utime(owner_path(path), (old, old))
    mine = Session.start()
    assert claim(path, mine) is None
    taken = read_owner(path)
    assert taken is not None and taken.session == mine.token


def test_a_fresh_file_time_keeps_a_mark_live_whatever_its_writers_clock(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    now = dt.datetime.now(dt.UTC)
    # a desktop whose clock is an hour slow: its heartbeat looks old, the file time is now
    write_mark(path, other_session(machine="SLOW-PC"), heartbeat_at=now - dt.timedelta(hours=1))
    found = read_owner(path)
    assert found is not None and not is_stale(found, now, this_machine="HERE")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"clerk_owner": 1}',
        b"\xff\xfe",
        b'{"clerk_owner": 1, "pid": "x"}',
    ],
)
def test_a_damaged_mark_reads_as_stale_and_never_raises(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "m.minutes"
    owner_path(path).write_bytes(content)
    found = read_owner(path)
    assert found is not None and found.damaged
    # it may be being written this instant: only once it is older is it taken over
    assert not is_stale(found, this_machine="HERE")
    old = time.time() - 60
    os.utime(owner_path(path), (old, old))
    found = read_owner(path)
    assert found is not None and is_stale(found, this_machine="HERE")
    assert "cannot be read" in describe(found)
    mine = Session.start()
    assert claim(path, mine) is None
    taken = read_owner(path)
    assert taken is not None and taken.session == mine.token


def test_a_folder_in_place_of_the_mark_is_no_crash(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    owner_path(path).mkdir()
    found = read_owner(path)
    assert found is None or found.damaged


def test_release_removes_only_its_own_mark(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    mine = Session.start()
    assert claim(path, mine) is None
    assert release(path, mine)
    assert not owner_path(path).exists()
    assert not release(path, mine)  # nothing there: nothing to do, no error


def test_refresh_moves_the_heartbeat_and_leaves_a_forced_owner_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    mine = Session.start()
    claim(path, mine)
    first = read_owner(path)
    assert first is not None
    old = time.time() - 300
    os.utime(owner_path(path), (old, old))
    data = json.loads(owner_path(path).read_text(encoding="utf-8"))
    data["heartbeat_at"] = "2020-01-01T00:00:00Z"
    owner_path(path).write_text(json.dumps(data), encoding="utf-8")
    os.utime(owner_path(path), (old, old))
    assert refresh(path, mine) is None
    beat = read_owner(path)
    assert beat is not None and beat.heartbeat_at > dt.datetime.now(dt.UTC) - dt.timedelta(
        seconds=30
    )
    assert beat.opened_at == first.opened_at  # still opened when it was
    # another Clerk chose to edit anyway: the mark is theirs, and refresh says so
    theirs = other_session(machine="CLERK-PC-12")
    assert claim(path, theirs, force=True) is None
    told = refresh(path, mine)
    assert told is not None and told.session == theirs.token
    still = read_owner(path)
    assert still is not None and still.session == theirs.token
    # a mark that went (deleted by hand) is put back by the next heartbeat
    owner_path(path).unlink()
    assert refresh(path, mine) is None
    back = read_owner(path)
    assert back is not None and back.session == mine.token


def test_describe_says_who_where_and_since_when() -> None:
    now = dt.datetime.now().astimezone().replace(hour=11, minute=0, second=0, microsecond=0)
    opened = now.replace(hour=10, minute=5)
    owner = Owner("jsmith", "Jane Smith", "CLERK-PC-12", 1, "t", opened, now, "0.1.0")
    assert describe(owner, now) == "Jane Smith (jsmith) on CLERK-PC-12, since 10:05 today"
    plain = dataclasses.replace(owner, display_name="")
    assert describe(plain, now) == "jsmith on CLERK-PC-12, since 10:05 today"
    earlier = dataclasses.replace(owner, opened_at=opened - dt.timedelta(days=1))
    assert describe(earlier, now).endswith("since 10:05 yesterday")
    long_ago = dataclasses.replace(owner, opened_at=dt.datetime(2025, 6, 18, 9, 30).astimezone())
    assert describe(long_ago, now).endswith("since 09:30 on 18 June 2025")


def test_a_read_only_folder_refuses_the_claim_with_an_os_error() -> None:
    from tests.helpers_mount import run_in_tmpfs

    code = textwrap.dedent(
        """
        from clerk_app.storage.owner import Session, claim, read_owner
        path = MOUNT / "m.minutes"
        try:
            claim(path, Session.start())
        except OSError as exc:
            print("REFUSED", exc.errno)
        else:
            print("CLAIMED")
        print("OWNER", read_owner(path))
        """
    )
    setup = "(MOUNT / 'm.minutes').write_text('{}')"
    result = run_in_tmpfs(code, "1m", read_only=True, setup=setup)
    assert "REFUSED" in result.stdout, result.stdout + result.stderr
    assert "OWNER None" in result.stdout


RACER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from clerk_app.storage.owner import Session, claim
    folder, count, me = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    (folder / f"ready-{me}").touch()
    while not (folder / "go").exists():
        time.sleep(0.001)
    won = []
    for i in range(count):
        session = Session.start()
        if claim(folder / f"m{i}.minutes", session) is None:
            won.append(f"{i}:{session.token}")
    print(" ".join(won), flush=True)
    # still running until the other has claimed too: a Clerk that has quit leaves marks that
    # are rightly taken over (its process is gone), which is not the race this test is about
    while not (folder / "end").exists():
        time.sleep(0.001)
    """
)


def _wait_for(paths: list[Path], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not all(path.exists() for path in paths):
        assert time.monotonic() < deadline, f"waited {seconds} s for {paths}"
        time.sleep(0.005)


@pytest.mark.parametrize("stale", [False, True], ids=["fresh", "stale marks"])
def test_two_clerks_claiming_at_once_never_both_win(tmp_path: Path, stale: bool) -> None:
    count = 150
    if stale:  # every file has a mark left by a Clerk on another machine ten hours ago
        old = dt.datetime.now(dt.UTC) - dt.timedelta(hours=10)
        for i in range(count):
            path = tmp_path / f"m{i}.minutes"
            write_mark(path, other_session(machine="GONE-PC", token=f"old{i:013d}"), old)
            os.utime(owner_path(path), (old.timestamp(), old.timestamp()))
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(tmp_path), str(count), str(n)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    _wait_for([tmp_path / f"ready-{n}" for n in range(2)])  # both interpreters up and waiting
    (tmp_path / "go").touch()
    outputs = []
    try:
        for racer in racers:
            assert racer.stdout is not None
            outputs.append(racer.stdout.readline())  # its claims, made while both run
    finally:
        (tmp_path / "end").touch()
    wins: dict[int, list[str]] = {}
    for racer, out in zip(racers, outputs, strict=True):
        _rest, err = racer.communicate(timeout=60)
        assert racer.returncode == 0, err
        for entry in out.split():
            number, token = entry.split(":")
            wins.setdefault(int(number), []).append(token)
    assert sorted(wins) == list(range(count))  # every file was won...
    assert all(len(tokens) == 1 for tokens in wins.values())  # ...by exactly one Clerk
    for index, tokens in wins.items():
        found = read_owner(tmp_path / f"m{index}.minutes")
        assert found is not None and found.session == tokens[0]
    assert not list(tmp_path.glob("*.stale"))  # nothing left aside
