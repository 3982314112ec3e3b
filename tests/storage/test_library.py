import datetime as dt
from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.storage import save_meeting
from clerk_app.storage.library import find_previous_meeting


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
