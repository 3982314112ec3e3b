"""The `.committee` file and the committee folder (clerk_app.storage.committee_file, folder)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.domain.committee import Committee, Member, NumberingScheme, NumberReset
from clerk_app.domain.model import Meeting, Person
from clerk_app.storage import FileChangedError, MeetingFileError, load_meeting, save_meeting
from clerk_app.storage.committee_file import (
    COMMITTEE_FORMAT_VERSION,
    committee_to_json,
    load_committee,
    read_committee,
    save_committee,
)
from clerk_app.storage.folder import meeting_file_name, open_folder
from clerk_app.storage.library import held_on, previous_meeting

LEICESTER = locations.samples_dir() / "committees" / "leicester-cype"


def _committee() -> Committee:
    return Committee(
        authority="Anytown Parish Council",
        name="Full Council",
        house_style="parish",
        quorum=3,
        members=(Member(id="smith", person=Person(title="Cllr", name="A Smith")),),
        numbering=NumberingScheme(reset=NumberReset.MUNICIPAL_YEAR, year_starts=5),
        meeting_dates=(dt.date(2020, 12, 10),),
    )


def test_a_committee_round_trips_and_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "council.committee"
    first = save_committee(_committee(), path)
    assert load_committee(path) == _committee()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == COMMITTEE_FORMAT_VERSION == 1
    assert data["generator"].startswith("Clerk ")
    changed = _committee().model_copy(update={"quorum": 4})
    saved = save_committee(changed, path, expected=first.version)
    assert saved.backup is not None and load_committee(saved.backup) == _committee()
    assert read_committee(path) == (changed, saved.version)


def test_a_committee_changed_by_someone_else_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "council.committee"
    mine = save_committee(_committee(), path)
    theirs = _committee().model_copy(update={"venue": "Village Hall"})
    save_committee(theirs, path)  # another clerk's save
    with pytest.raises(FileChangedError, match="changed by someone else"):
        save_committee(_committee().model_copy(update={"quorum": 5}), path, expected=mine.version)
    assert load_committee(path) == theirs


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"PK\x03\x04 rest", "is a Word document or another zip file, not a committee file"),
        (b'{"format_version": 1, "name": ', "is truncated"),
        (b'{"name": "x"}', "is not a Clerk committee file"),
        (b'{"format_version": 9}', "committee format 9; this version reads formats up to 1"),
        (b'{"format_version": 1, "quorum": "three"}', "$.quorum"),
        (
            b'{"format_version": 1, "members": [{"id": "a", "role": "officer"}]}',
            "chair, vice-chair, member or co-opted member",
        ),
        (b'{"format_version": 1, "colour": "red"}', "colour"),
    ],
)
def test_a_bad_committee_file_is_refused_in_one_clear_line(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "bad.committee"
    path.write_bytes(content)
    with pytest.raises(MeetingFileError) as caught:
        load_committee(path)
    message = str(caught.value)
    assert words in message and str(path) in message
    assert "\n" not in message and "pydantic" not in message.lower()


# --- the folder ----------------------------------------------------------------------------


def test_the_sample_folder_lists_its_committee_and_meetings_by_date() -> None:
    folder = open_folder(LEICESTER)
    assert folder.committee is not None and folder.committee_path is not None
    assert folder.committee_path.name == "leicester-cype.committee"
    assert [e.date for e in folder.meetings] == [dt.date(2025, 6, 18), dt.date(2025, 9, 23)]
    assert [e.approved for e in folder.meetings] == [True, False]
    assert folder.others == [] and folder.unreadable == []
    assert folder.latest_before(dt.date(2025, 9, 23)) == folder.meetings[0]


def test_a_folder_keeps_other_bodies_and_damaged_files_apart(tmp_path: Path) -> None:
    shutil.copytree(LEICESTER, tmp_path, dirs_exist_ok=True)
    other = Meeting(date=dt.date(2025, 7, 1), body="Planning Committee", authority="x")
    save_meeting(other, tmp_path / "Planning 2025-07-01.minutes")
    (tmp_path / "broken.minutes").write_text("{", encoding="utf-8")
    folder = open_folder(tmp_path)
    assert [e.path.name for e in folder.others] == ["Planning 2025-07-01.minutes"]
    assert [(p.name, "truncated" in why) for p, why in folder.unreadable] == [
        ("broken.minutes", True)
    ]
    assert len(folder.meetings) == 2


def test_a_folder_without_a_committee_file_is_its_latest_meetings_body(tmp_path: Path) -> None:
    june = load_meeting(LEICESTER / "CYPESC 2025-06-18.minutes")
    save_meeting(june, tmp_path / "june.minutes")
    save_meeting(Meeting(date=dt.date(2024, 1, 1), body="Old Panel"), tmp_path / "old.minutes")
    folder = open_folder(tmp_path)
    assert folder.committee is None and folder.committee_path is None
    assert [e.path.name for e in folder.meetings] == ["june.minutes"]
    assert [e.path.name for e in folder.others] == ["old.minutes"]


def test_two_committee_files_in_one_folder_are_refused(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.committee").write_text(committee_to_json(_committee()), "utf-8")
    with pytest.raises(MeetingFileError, match=r"more than one committee file \(a.committee, b"):
        open_folder(tmp_path)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Children, Young People and Education Scrutiny Commission", "CYPESC 2025-09-23.minutes"),
        ("Full Council", "Full Council 2025-09-23.minutes"),
        ('Planning: "A/B" <Sub>', "Planning A B Sub 2025-09-23.minutes"),
        ("", "Meeting 2025-09-23.minutes"),
    ],
)
def test_a_meeting_file_name_is_safe_on_windows(body: str, name: str) -> None:
    assert meeting_file_name(body, dt.date(2025, 9, 23)) == name


def test_a_sync_conflict_copy_is_not_a_meeting_of_the_year(tmp_path: Path) -> None:
    shutil.copytree(LEICESTER, tmp_path, dirs_exist_ok=True)
    june = tmp_path / "CYPESC 2025-06-18.minutes"
    for copy in (
        "CYPESC 2025-06-18.sync-conflict-20250619-101502-ABCDEFG.minutes",
        "CYPESC 2025-06-18-CLERK-PC-12.minutes",
        "CYPESC 2025-06-18 (1).minutes",
    ):
        shutil.copyfile(june, tmp_path / copy)
    folder = open_folder(tmp_path)
    assert [e.path.name for e in folder.meetings] == [
        "CYPESC 2025-06-18.minutes",
        "CYPESC 2025-09-23.minutes",
    ]
    assert sorted(c.name for c, original in folder.copies if original == june) == [
        "CYPESC 2025-06-18 (1).minutes",
        "CYPESC 2025-06-18-CLERK-PC-12.minutes",
        "CYPESC 2025-06-18.sync-conflict-20250619-101502-ABCDEFG.minutes",
    ]


def test_the_folders_first_committee_file_is_never_written_over_anothers(tmp_path: Path) -> None:
    path = tmp_path / "council.committee"
    first = save_committee(_committee(), path, new=True)
    assert load_committee(path) == _committee() and first.backup is None
    theirs = path.read_bytes()
    with pytest.raises(MeetingFileError, match="already exists"):
        save_committee(_committee().model_copy(update={"quorum": 9}), path, new=True)
    assert path.read_bytes() == theirs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["council.committee"]


def test_a_conflict_copy_is_never_the_meeting_before_nor_the_one_of_its_date(
    tmp_path: Path,
) -> None:
    shutil.copytree(LEICESTER, tmp_path, dirs_exist_ok=True)
    june = tmp_path / "CYPESC 2025-06-18.minutes"
    copy = tmp_path / "CYPESC 2025-06-18 (1).minutes"  # sorts before the real one
    save_meeting(load_meeting(june).model_copy(update={"venue": "the copy's"}), copy)
    september_path = tmp_path / "CYPESC 2025-09-23.minutes"
    september = load_meeting(september_path)
    found = previous_meeting(tmp_path, september, exclude=september_path)
    assert found is not None and found[0] == june
    assert held_on(tmp_path, september, dt.date(2025, 6, 18), september_path) == [june]
