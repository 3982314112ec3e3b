"""Format 2 of the meeting file: format 1 files, from this repository and from elsewhere, load
as they meant, and format 2 round-trips every new part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_app.domain.model import (
    Adjournment,
    Attendance,
    Heading,
    Item,
    LeadWord,
    ListEntry,
    Meeting,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    NumberedList,
    Outcome,
    Person,
    Reading,
    Resolution,
    Role,
    RollCallEntry,
    Section,
    Session,
    Signatory,
    Speaker,
    Table,
    VoteChoice,
)
from clerk_app.storage import FORMAT_VERSION, MeetingFileError, load_meeting, save_meeting
from clerk_app.storage.meeting_file import meeting_to_json
from clerk_app.storage.migrations import format_1_to_2

FIXTURES = Path(__file__).parents[1] / "fixtures" / "format1"
SAMPLES = Path(__file__).parents[2] / "resources" / "samples"


def _resolutions(meeting: Meeting) -> list[Resolution]:
    found = []
    stack = [b for item in meeting.items for b in item.blocks]
    while stack:
        block = stack.pop()
        if isinstance(block, Resolution):
            found.append(block)
            stack.extend(b for e in block.resolutions for b in e.blocks)
        elif isinstance(block, NumberedList):
            stack.extend(b for e in block.entries for b in e.blocks)
    return found


@pytest.mark.parametrize("name", ["leicester-cype-2025-06-18", "parish-2020-11-12"])
def test_the_old_samples_as_committed_load_as_the_same_meeting(name: str) -> None:
    old = FIXTURES / f"{name}.minutes"
    assert json.loads(old.read_text(encoding="utf-8"))["format_version"] == 1
    upgraded = load_meeting(old)
    # The bundled sample is the same meeting, saved in format 2.
    assert upgraded == load_meeting(SAMPLES / f"{name}.minutes")


def test_a_format_1_lead_word_keeps_its_meaning() -> None:
    parish = load_meeting(FIXTURES / "parish-2020-11-12.minutes")
    leicester = load_meeting(FIXTURES / "leicester-cype-2025-06-18.minutes")
    states = {r.lead_state for m in (parish, leicester) for r in _resolutions(m)}
    assert states <= {LeadWord.STYLE, LeadWord.GIVEN}
    for resolution in _resolutions(parish) + _resolutions(leicester):
        assert resolution.lead is (LeadWord.GIVEN if resolution.lead_word else LeadWord.STYLE)


def test_a_format_1_file_written_elsewhere_loads(tmp_path: Path) -> None:
    # Hand-written, as another tool might: only the fields it knows, a nested resolution, a
    # word given and a word left to the style, keys in another order.
    data = {
        "date": "2024-03-05",
        "format_version": 1,
        "items": [
            {
                "title": "Planning",
                "id": "p1",
                "blocks": [
                    {"type": "resolution", "lead_word": "", "resolutions": [{"text": "Noted."}]},
                    {
                        "type": "numbered",
                        "entries": [
                            {
                                "text": "Application 24/001",
                                "blocks": [{"type": "resolution", "lead_word": "DECIDED"}],
                            }
                        ],
                    },
                ],
            }
        ],
    }
    path = tmp_path / "elsewhere.minutes"
    path.write_text(json.dumps(data), encoding="utf-8")
    meeting = load_meeting(path)
    outer, inner = sorted(_resolutions(meeting), key=lambda r: r.lead_word)
    assert (outer.lead, outer.lead_word) == (LeadWord.STYLE, "")
    assert (inner.lead, inner.lead_word) == (LeadWord.GIVEN, "DECIDED")
    # Everything format 2 adds takes the value that means what format 1 meant.
    assert meeting.items[0].numbered and meeting.items[0].label == ""
    assert meeting.sessions == () and meeting.signatories == ()


def test_the_migration_leaves_what_it_does_not_understand_for_validation(tmp_path: Path) -> None:
    assert format_1_to_2({"items": "nonsense"}) == {"items": "nonsense"}
    assert format_1_to_2({"items": [3, {"blocks": [None, {"type": "resolution"}]}]}) == {
        "items": [3, {"blocks": [None, {"type": "resolution", "lead": "style"}]}]
    }
    path = tmp_path / "bad.minutes"
    path.write_text(
        json.dumps({"format_version": 1, "date": "2024-03-05", "items": [{"blocks": [7]}]}),
        encoding="utf-8",
    )
    with pytest.raises(MeetingFileError, match=r"\$\.items\[0\]\.blocks\[0\]"):
        load_meeting(path)


def test_a_format_1_file_with_a_format_2_lead_is_not_changed() -> None:
    data = {"items": [{"blocks": [{"type": "resolution", "lead": "none", "lead_word": "X"}]}]}
    assert format_1_to_2(data)["items"][0]["blocks"][0]["lead"] == "none"


def everything() -> Meeting:
    """A meeting with every part format 2 adds."""
    mayor = Person(title="Mayor", given_name="Lucy", family_name="Moore")
    return Meeting(
        date="2025-03-04",  # type: ignore[arg-type]
        kind="special",  # type: ignore[arg-type]
        sequence=8,
        preamble="Held in person at City Hall and by teleconference.",
        closing_note="The Mayor closed the meeting.",
        public_present=12,
        first_decision_number=117,
        attendance=(
            Attendance(id="moore", person=mayor, role=Role.CHAIR),
            Attendance(id="patel", person=Person(title="Councilmember", name="Patel")),
        ),
        sessions=(
            Session(
                id="closed",
                title="Closed Session",
                kind="closed",  # type: ignore[arg-type]
                start_time="17:00",  # type: ignore[arg-type]
                roll_call=(
                    RollCallEntry(attendee_id="moore"),
                    RollCallEntry(attendee_id="patel", answer="late", time="17:10"),  # type: ignore[arg-type]
                ),
            ),
        ),
        adjournments=(
            Adjournment(kind="recess", after_item_id="a", from_time="19:15", to_time="19:30"),  # type: ignore[arg-type]
        ),
        sections=(Section(id="consent", title="Consent Calendar", kind="consent"),),  # type: ignore[arg-type]
        speakers=(
            Speaker(
                kind="deputation",  # type: ignore[arg-type]
                person=Person(name="Ann Lee", organisation="Friends of the Park"),
                on_behalf_of="residents of Mill Lane",
                item_id="a",
                remote=True,
                position="against",  # type: ignore[arg-type]
            ),
        ),
        signatories=(Signatory(role="Mayor", name="Lucy Moore"), Signatory(role="City Clerk")),
        items=(
            Item(id="pledge", title="Pledge of Allegiance", numbered=False),
            Item(
                id="a",
                title="Grants",
                label="5.1",
                section_id="consent",
                session_id="closed",
                agenda_number="7",
                agenda_text="To consider the grants.",
                recommendation="That the grants be approved.",
                department="Finance",
                report_reference="FIN/25/3",
                written_comments=3,
                exempt=True,
                exempt_reason="Government Code Section 54956.9(d)(1)",
                exempt_summary="No reportable action.",
                publish_resolution=True,
                blocks=(
                    Heading(text="Budget"),
                    Table(caption="Grants", header=("To", "£"), rows=(("Club", "500"),)),
                    NumberedList(numbering="lower_roman", entries=(ListEntry(text="x"),)),  # type: ignore[arg-type]
                    NoticeOfMotion(mover_id="patel", motion="That...", reply="No."),
                    Resolution(id="m1", lead="none", resolutions=(ListEntry(text="That..."),)),  # type: ignore[arg-type]
                    Resolution(
                        id="m2",
                        kind=MotionKind.AMENDMENT,
                        relates_to="m1",
                        number="2025-117",
                        motion="Add the words...",
                        debate="Members debated.",
                        unanimous=False,
                        recorded_vote=True,
                        requested_by_id="patel",
                        instrument="ordinance",  # type: ignore[arg-type]
                        readings=(Reading.FIRST, Reading.SECOND),
                        outcome=Outcome.WITHDRAWN,
                        named_votes=(
                            NamedVote(
                                attendee_id="patel", choice=VoteChoice.RECUSED, note="interest"
                            ),
                        ),
                    ),
                ),
            ),
            Item(id="a1", title="Sub-item", parent_id="a"),
        ),
    )


def test_every_format_2_part_round_trips(tmp_path: Path) -> None:
    meeting = everything()
    path = tmp_path / "everything.minutes"
    save_meeting(meeting, path)
    assert load_meeting(path) == meeting
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["format_version"] == FORMAT_VERSION
    assert on_disk["items"][1]["blocks"][4]["lead"] == "none"


def test_a_format_2_file_is_refused_by_name_where_a_part_is_wrong(tmp_path: Path) -> None:
    data = json.loads(meeting_to_json(everything()))
    data["sessions"][0]["roll_call"][1]["answer"] = "asleep"
    path = tmp_path / "bad.minutes"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MeetingFileError, match=r"\$\.sessions\[0\]\.roll_call\[1\]\.answer"):
        load_meeting(path)
