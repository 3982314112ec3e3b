"""Sync clients' conflict copies are found beside a meeting; ordinary neighbours are not."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting
from clerk_app.storage import save_meeting
from clerk_app.storage.conflicts import conflict_copies, is_conflict_copy

UNMISTAKABLE = [
    "cype (Jane's conflicted copy 2025-06-18).minutes",
    "cype (Jane Smith’s conflicted copy 2025-06-18 (1)).minutes",
    "cype (conflicted copy 2025-06-18 101502).minutes",
    "cype (conflicted copy jsmith 2025-06-18 101502).minutes",
    "cype_conflict-20250618-101502.minutes",
    "cype.sync-conflict-20250618-101502-ABCDEFG.minutes",
    "CYPE.sync-conflict-20250618-101502-ABCDEFG.MINUTES",
]
AMBIGUOUS = [
    "cype-CLERK-PC-12.minutes",
    "cype-CLERK-PC-12-2.minutes",
    "cype-DESKTOP7Q2.minutes",
    "cype (1).minutes",
    "cype (12).minutes",
]


@pytest.fixture
def meeting(sample: Meeting) -> Meeting:
    return sample


def test_every_clients_copy_of_the_same_meeting_is_found(tmp_path: Path, meeting: Meeting) -> None:
    path = tmp_path / "cype.minutes"
    save_meeting(meeting, path)
    for name in UNMISTAKABLE + AMBIGUOUS:
        save_meeting(meeting.model_copy(update={"venue": name}), tmp_path / name)
    found = [p.name for p in conflict_copies(path)]
    assert sorted(found) == sorted(UNMISTAKABLE + AMBIGUOUS)


def test_a_neighbour_with_a_longer_name_is_not_a_copy(tmp_path: Path, meeting: Meeting) -> None:
    june = tmp_path / "cype-2025.minutes"
    save_meeting(meeting, june)
    # another meeting of the committee, named in the OneDrive way by chance
    september = meeting.model_copy(update={"date": dt.date(2025, 9, 23)})
    save_meeting(september, tmp_path / "cype-2025-09-23.minutes")
    save_meeting(september, tmp_path / "cype-2025 (1).minutes")
    # another committee's meeting on the same day
    other = meeting.model_copy(update={"body": "Planning Committee"})
    save_meeting(other, tmp_path / "cype-2025-planning.minutes")
    # names that merely begin the same way, files that are not meetings, and Clerk's own files
    (tmp_path / "cype-2025-notes.txt").write_text("notes", encoding="utf-8")
    (tmp_path / "cype-2025-broken.minutes").write_text("{", encoding="utf-8")
    (tmp_path / "cype-2025.minutes.owner").write_text("{}", encoding="utf-8")
    (tmp_path / "cype-2025.minutes.bak").write_text("{}", encoding="utf-8")
    (tmp_path / "cype-2025-PC.minutes").mkdir()
    assert conflict_copies(june) == []
    # the same meeting under the OneDrive name is one
    save_meeting(meeting, tmp_path / "cype-2025-CLERK-PC-12.minutes")
    assert [p.name for p in conflict_copies(june)] == ["cype-2025-CLERK-PC-12.minutes"]


def test_a_meeting_whose_own_file_cannot_be_read_finds_only_unmistakable_copies(
    tmp_path: Path, meeting: Meeting
) -> None:
    path = tmp_path / "cype.minutes"
    path.write_text("{", encoding="utf-8")
    save_meeting(meeting, tmp_path / "cype-PC.minutes")
    save_meeting(meeting, tmp_path / "cype.sync-conflict-20250618-101502-ABCDEFG.minutes")
    assert [p.name for p in conflict_copies(path)] == [
        "cype.sync-conflict-20250618-101502-ABCDEFG.minutes"
    ]


def test_committee_files_have_copies_too(tmp_path: Path) -> None:
    committee = {"format_version": 1, "authority": "Leicester City Council", "name": "CYPE"}
    path = tmp_path / "cype.committee"
    path.write_text(json.dumps(committee), encoding="utf-8")
    (tmp_path / "cype-CLERK-PC-12.committee").write_text(json.dumps(committee), encoding="utf-8")
    other = {**committee, "name": "Planning"}
    (tmp_path / "cype-planning.committee").write_text(json.dumps(other), encoding="utf-8")
    (tmp_path / "cype-CLERK-PC-12.minutes").write_text(json.dumps(committee), encoding="utf-8")
    assert [p.name for p in conflict_copies(path)] == ["cype-CLERK-PC-12.committee"]
    assert not is_conflict_copy(path, path)


def test_a_folder_that_cannot_be_read_has_no_copies(tmp_path: Path) -> None:
    assert conflict_copies(tmp_path / "missing" / "cype.minutes") == []
