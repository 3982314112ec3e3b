"""The sample committee folders are what tests/sample_committees.py makes, and pass the checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.domain.findings import Severity, check_meeting
from clerk_app.render.styles import find_style
from clerk_app.services.year import folder_scheme
from clerk_app.storage import load_meeting, previous_meeting
from clerk_app.storage.folder import open_folder
from tests.sample_committees import COMMITTEES, LEICESTER_JUNE, PARISH_NOVEMBER, build


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _unversioned(data: bytes) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if b'"generator"' not in line)


def test_the_committed_folders_are_what_the_builder_makes(tmp_path: Path) -> None:
    build(tmp_path)
    made, committed = _files(tmp_path), _files(COMMITTEES)
    assert sorted(made) == sorted(committed)
    for name, data in made.items():
        # the generator line names the version of Clerk that wrote it
        assert _unversioned(data) == _unversioned(committed[name]), (
            f"{name}: run 'python -m tests.sample_committees'"
        )


def test_the_first_meetings_are_the_bundled_samples() -> None:
    assert (COMMITTEES / "leicester-cype" / "CYPESC 2025-06-18.minutes").read_bytes() == (
        LEICESTER_JUNE.read_bytes()
    )
    assert (COMMITTEES / "parish" / "Full Council 2020-11-12.minutes").read_bytes() == (
        PARISH_NOVEMBER.read_bytes()
    )


@pytest.mark.parametrize("name", ["leicester-cype", "parish"])
def test_every_meeting_of_the_sample_folders_has_no_error(name: str) -> None:
    folder = open_folder(COMMITTEES / name)
    assert folder.committee is not None and len(folder.meetings) == 2
    for entry in folder.meetings:
        meeting = load_meeting(entry.path)
        found = previous_meeting(entry.path.parent, meeting, exclude=entry.path)
        style = find_style(meeting.house_style).style
        findings = check_meeting(
            meeting, style, found[1] if found else None, folder_scheme(entry.path.parent, meeting)
        )
        errors = [f for f in findings if f.severity is Severity.ERROR]
        assert errors == [], f"{entry.path.name}: {errors}"
