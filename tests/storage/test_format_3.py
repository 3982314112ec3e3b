"""Format 3: the committee's year (carried actions, voting, the previous minutes confirmed)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from clerk_app.domain.model import Attendance, FollowUp, Item, Meeting, StandingItem
from clerk_app.storage import FORMAT_VERSION, load_meeting, save_meeting
from clerk_app.storage.meeting_file import meeting_to_json

FIXTURES = Path(__file__).parent.parent / "fixtures" / "format2"
SAMPLES = Path(__file__).parent.parent.parent / "resources" / "samples"


def test_this_clerk_writes_format_3() -> None:
    assert FORMAT_VERSION == 3
    data = json.loads(meeting_to_json(Meeting(date=dt.date(2025, 1, 1))))
    assert data["format_version"] == 3


def test_format_2_samples_load_as_the_same_meeting() -> None:
    for name in ("leicester-cype-2025-06-18", "parish-2020-11-12"):
        old = FIXTURES / f"{name}.minutes"
        assert json.loads(old.read_text(encoding="utf-8"))["format_version"] == 2
        meeting = load_meeting(old)
        assert meeting == load_meeting(SAMPLES / f"{name}.minutes")
        # what format 2 meant: everyone votes, nothing carried, nothing confirmed
        assert all(person.votes for person in meeting.attendance)
        assert all(
            a.raised_on is None and a.done_on is None for i in meeting.items for a in i.actions
        )
        assert not any(item.minutes_confirmed for item in meeting.items)


def test_the_new_fields_round_trip(tmp_path: Path) -> None:
    meeting = Meeting(
        date=dt.date(2025, 9, 23),
        attendance=(Attendance(id="youth", votes=False),),
        items=(
            Item(
                id="prev",
                standing=StandingItem.PREVIOUS_MINUTES,
                previous_meeting=dt.date(2025, 6, 18),
                minutes_confirmed=True,
            ),
            Item(
                id="arising",
                standing=StandingItem.MATTERS_ARISING,
                actions=(
                    FollowUp(
                        id="hnb",
                        action="Circulate the figures",
                        raised_on=dt.date(2025, 6, 18),
                        raised_minute="158",
                        done=True,
                        done_on=dt.date(2025, 9, 23),
                    ),
                ),
            ),
        ),
    )
    path = tmp_path / "m.minutes"
    save_meeting(meeting, path)
    assert load_meeting(path) == meeting
