"""An open document's owner mark: kept fresh by its heartbeat, given up when someone takes it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk_app.domain.model import Meeting
from clerk_app.services.document import MeetingDocument, OpenedReadOnlyError
from clerk_app.services.ownership import Ownership
from clerk_app.storage import save_meeting
from clerk_app.storage.owner import Owner, Session, claim, owner_path, read_owner


def heartbeat(path: Path) -> str:
    return str(json.loads(owner_path(path).read_text(encoding="utf-8"))["heartbeat_at"])


def test_the_heartbeat_refreshes_the_mark_until_another_clerk_takes_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "m.minutes"
    ownership = Ownership(path, interval_ms=50)
    assert ownership.claim() is None and ownership.held
    data = json.loads(owner_path(path).read_text(encoding="utf-8"))
    data["heartbeat_at"] = "2020-01-01T00:00:00Z"
    owner_path(path).write_text(json.dumps(data), encoding="utf-8")
    qtbot.waitUntil(lambda: heartbeat(path) != "2020-01-01T00:00:00Z", timeout=3000)
    theirs = Session("feedface", "jsmith", "Jane Smith", "PC-2", 1, dt.datetime.now(dt.UTC))
    claim(path, theirs, force=True)
    lost: list[Owner] = []
    ownership.lost.connect(lost.append)
    qtbot.waitUntil(lambda: bool(lost), timeout=3000)
    assert lost[0].user == "jsmith" and not ownership.held
    ownership.release()  # theirs is left alone
    found = read_owner(path)
    assert found is not None and found.session == "feedface"
    ownership.deleteLater()


def test_a_read_only_document_refuses_its_own_file_and_save_as_moves_the_mark(
    tmp_path: Path, sample: Meeting
) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    before = path.read_bytes()
    document = MeetingDocument.open(path, read_only=True)
    assert document.claim_mark() is None and document.ownership is None  # marks nothing
    document.set(("venue",), "Mine", "Edit venue")
    try:
        document.save()
    except OpenedReadOnlyError as exc:
        assert "opened read-only" in str(exc) and "another name" in str(exc)
    else:
        raise AssertionError("a read-only document saved over its file")
    assert path.read_bytes() == before
    copy = tmp_path / "mine.minutes"
    document.save(copy)
    assert not document.read_only and document.ownership is not None
    found = read_owner(copy)
    assert found is not None and found.session == document.ownership.session.token
    # saved again under another name: the mark moves with it
    second = tmp_path / "second.minutes"
    document.save(second)
    assert not owner_path(copy).exists() and owner_path(second).exists()
    document.release_mark()
    assert not owner_path(second).exists()
