import datetime as dt
import os
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting
from clerk_app.storage import save_meeting
from clerk_app.storage.library import find_previous_meeting, previous_meeting


def test_finds_the_latest_earlier_meeting_of_the_same_body(sample: Meeting, tmp_path: Path) -> None:
    def save(name: str, **changes: object) -> Path:
        path = tmp_path / name
        save_meeting(sample.model_copy(update=changes), path)
        return path

    april = save("april.minutes", date=dt.date(2025, 4, 8))
    save("may.minutes", date=dt.date(2025, 5, 22))
    save("other-body.minutes", date=dt.date(2025, 6, 1), body="Planning Committee")
    save("later.minutes", date=dt.date(2025, 9, 23))
    (tmp_path / "damaged.minutes").write_text("{", encoding="utf-8")
    june = save("june.minutes")
    found = find_previous_meeting(june, sample)
    assert found is not None and found[0].name == "may.minutes"
    assert (
        find_previous_meeting(april, sample.model_copy(update={"date": dt.date(2025, 4, 8)}))
        is None
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_or_device_beside_the_meeting_is_skipped(
    sample: Meeting, tmp_path: Path
) -> None:
    """It used to hang the check (a pipe) or exhaust memory (a link to /dev/zero)."""
    save_meeting(sample.model_copy(update={"date": dt.date(2025, 5, 22)}), tmp_path / "may.minutes")
    os.mkfifo(tmp_path / "x.minutes")
    if Path("/dev/zero").exists():
        (tmp_path / "zero.minutes").symlink_to("/dev/zero")
    june = tmp_path / "june.minutes"
    save_meeting(sample, june)
    found = find_previous_meeting(june, sample)
    assert found is not None and found[0].name == "may.minutes"


def test_previous_meeting_of_a_meeting_not_yet_saved_or_since_redated(
    sample: Meeting, tmp_path: Path
) -> None:
    """The app asks about the meeting it holds: perhaps never saved, perhaps with a new date; its
    own file on disk is not its previous meeting."""
    save_meeting(sample.model_copy(update={"date": dt.date(2025, 5, 22)}), tmp_path / "may.minutes")
    june = tmp_path / "june.minutes"
    save_meeting(sample, june)
    found = previous_meeting(tmp_path, sample)
    assert found is not None and found[0].name == "may.minutes"
    redated = sample.model_copy(update={"date": dt.date(2025, 9, 23)})
    assert previous_meeting(tmp_path, redated) is not None
    found = previous_meeting(tmp_path, redated, exclude=june)
    assert found is not None and found[0].name == "may.minutes"
    assert found[1].date == dt.date(2025, 5, 22)
    assert previous_meeting(tmp_path / "nowhere", sample) is None


def test_a_damaged_latest_meeting_gives_way_to_the_one_before(
    sample: Meeting, tmp_path: Path
) -> None:
    """A file whose committee and date read well but whose meeting does not load is passed
    over for the next latest, as a damaged neighbour always was."""
    import json

    april = sample.model_copy(update={"date": dt.date(2025, 4, 8)})
    save_meeting(april, tmp_path / "april.minutes")
    may = json.loads((tmp_path / "april.minutes").read_text(encoding="utf-8"))
    may["date"] = "2025-05-22"
    may["items"] = "not a list of items"
    (tmp_path / "may.minutes").write_text(json.dumps(may), encoding="utf-8")
    (tmp_path / "june-notes.minutes").write_text("{not json", encoding="utf-8")
    found = previous_meeting(tmp_path, sample)
    assert found is not None and found[0].name == "april.minutes"
    assert found[1].date == dt.date(2025, 4, 8)
