"""`clerk-app check` on the defects of issue 14: one line per finding, naming the person and the
minute as the style numbers it, exit 1; `--fix` applies the house style and a second check finds
none of its rules broken.

Each defect is made in a small parish meeting that is clean to begin with (the parish style turns
the law checks and the house rules on), so that the one line a defect adds is all there is."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.domain.committee import Committee, Member
from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    Interest,
    InterestAction,
    InterestKind,
    Item,
    ListEntry,
    Meeting,
    Paragraph,
    Person,
    Resolution,
    Role,
    StandingItem,
)
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.committee_file import save_committee
from clerk_app.storage.owner import Session, claim, release

AUTHORITY, BODY = "Anytown Parish Council", "Full Council"


def councillor(attendee_id: str, name: str, role: Role = Role.MEMBER, **more: object) -> Attendance:
    return Attendance.model_validate(
        {"id": attendee_id, "person": Person(title="Cllr", name=name), "role": role, **more}
    )


def decision(**votes: object) -> Resolution:
    return Resolution.model_validate(
        {
            "resolutions": (ListEntry(text="That the application be supported."),),
            "proposer_id": "jones",
            "seconder_id": "brown",
            "votes_for": 4,
            "votes_against": 0,
            "abstentions": 1,
            **votes,
        }
    )


def clean_meeting(**votes: object) -> Meeting:
    """Five voting councillors present (the parish writes "Cllr" and titles in sentence case), one with apologies, the clerk; minutes 101/25 to 104/25."""
    return Meeting(
        authority=AUTHORITY,
        body=BODY,
        date=dt.date(2025, 11, 12),
        start_time=dt.time(19, 30),
        close_time=dt.time(20, 45),
        venue="The Village Hall",
        house_style="parish",
        first_minute_number=101,
        attendance=(
            councillor("smith", "Smith", Role.CHAIR),
            councillor("jones", "Jones", Role.VICE_CHAIR),
            councillor("brown", "Brown"),
            councillor("evans", "Evans"),
            councillor("hughes", "Hughes"),
            councillor("wilson", "Wilson", status=AttendanceStatus.APOLOGIES),
            Attendance(
                id="green",
                person=Person(name="Mary Green"),
                role=Role.OFFICER,
                capacity="Parish Clerk",
            ),
        ),
        items=(
            Item(
                id="apologies",
                title="Apologies for absence",
                standing=StandingItem.WELCOME_AND_APOLOGIES,
            ),
            Item(
                id="declarations",
                title="Declarations of interest",
                standing=StandingItem.DECLARATIONS,
            ),
            Item(
                id="minutes",
                title="Minutes of the previous meeting",
                standing=StandingItem.PREVIOUS_MINUTES,
                blocks=(
                    Resolution(
                        resolutions=(
                            ListEntry(
                                text="That the minutes of the meeting held on 8 October 2025 be "
                                "approved as a correct record and signed by the Chair."
                            ),
                        ),
                        proposer_id="hughes",
                        seconder_id="evans",
                    ),
                ),
            ),
            Item(
                id="planning",
                title="Planning applications",
                blocks=(
                    Paragraph(text="The council considered an application for a new barn."),
                    decision(**votes),
                ),
            ),
        ),
    )


PLANNING = "104/25"


def _with(meeting: Meeting, **update: object) -> Meeting:
    return Meeting.model_validate({**dict(meeting), **update})


def interest_then_proposing() -> Meeting:
    meeting = clean_meeting(proposer_id="evans", votes_for=3)
    interest = Interest(
        attendee_id="evans",
        interest="he owns the neighbouring field",
        kind=InterestKind.DISCLOSABLE_PECUNIARY,
        item_id="planning",
        action=InterestAction.LEFT_ROOM,
    )
    return _with(meeting, interests=(interest,))


def too_many_votes() -> Meeting:
    return clean_meeting(votes_for=5)  # 5 + 1 abstaining, with 5 voting members present


def apologies_then_seconding() -> Meeting:
    return clean_meeting(seconder_id="wilson")


def substitute_beside_member() -> Meeting:
    meeting = clean_meeting()
    patel = councillor(
        "patel",
        "Patel",
        status=AttendanceStatus.SUBSTITUTE,
        substitute_for="Cllr Hughes",
    )
    return _with(meeting, attendance=(*meeting.attendance, patel))


def recorded_vote_without_names() -> Meeting:
    return clean_meeting(recorded_vote=True)


def no_declarations_item() -> Meeting:
    meeting = clean_meeting()
    return _with(meeting, items=tuple(i for i in meeting.items if i.id != "declarations"))


DEFECTS: dict[str, tuple[Callable[[], Meeting], tuple[str, ...]]] = {
    # the defect: how to make it, and what its one line names
    "interest": (interest_then_proposing, ("Cllr Evans", PLANNING)),
    "votes": (too_many_votes, (PLANNING, "5 voting members")),
    "apologies": (apologies_then_seconding, ("Cllr Wilson", PLANNING)),
    "substitute": (substitute_beside_member, ("Cllr Patel", "Cllr Hughes")),
    "recorded vote": (recorded_vote_without_names, (PLANNING,)),
    "declarations": (no_declarations_item, ("declarations",)),
}


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str]]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines()


def findings_of(lines: list[str], name: str) -> list[str]:
    """The finding lines (not the summary or what the folder was checked against)."""
    return [
        line
        for line in lines
        if line.startswith(f"{name}: ")
        and line.removeprefix(f"{name}: ").split(" ", 1)[0].rstrip(":") in ("error", "warning")
    ]


def test_the_clean_meeting_has_no_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clean.minutes"
    save_meeting(clean_meeting(), path)
    code, lines = run(capsys, "check", path)
    assert (code, lines) == (0, ["clean.minutes: no problems found"])


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_each_defect_is_one_line_naming_the_person_and_the_minute(
    defect: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, named = DEFECTS[defect]
    path = tmp_path / "defect.minutes"
    save_meeting(make(), path)
    code, lines = run(capsys, "check", path)
    found = findings_of(lines, path.name)
    assert len(found) == 1, lines
    assert code == 1, lines
    assert found[0].startswith("defect.minutes: error"), found
    for words in named:
        assert words.casefold() in found[0].casefold(), found


def test_an_inquorate_meeting_is_one_line_from_the_committee_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The quorum is the committee's: the folder's committee file says 6, and only 5 voting
    members were there; the decision at 104/25 makes it an error."""
    meeting = clean_meeting()
    members = tuple(
        Member(id=a.id, person=a.person, role=a.role) for a in meeting.attendance if a.is_member
    )
    committee = Committee(authority=AUTHORITY, name=BODY, quorum=6, members=members)
    save_committee(committee, tmp_path / "full-council.committee", new=True)
    path = tmp_path / "Full Council 2025-11-12.minutes"
    save_meeting(meeting, path)
    code, lines = run(capsys, "check", path)
    found = findings_of(lines, path.name)
    assert len(found) == 1 and "quorum" in found[0] and "6" in found[0], lines
    assert code == 1


def test_check_exits_1_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "defect.minutes"
    save_meeting(interest_then_proposing(), path)
    done = subprocess.run(
        [sys.executable, "-m", "clerk_app", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done
    assert "Cllr Evans" in done.stdout and PLANNING in done.stdout


HOUSE_STYLE_SLIPS = (
    "Councillor Brown said that 9% of the 5 votes cast at the meeting on 8th October 2025 "
    "began at 7:30 pm."
)


def with_slips() -> Meeting:
    meeting = clean_meeting()
    planning = meeting.items[3]
    text = Paragraph(text=HOUSE_STYLE_SLIPS)
    items = (*meeting.items[:3], planning.model_copy(update={"blocks": (*planning.blocks, text)}))
    return _with(meeting, items=items)


def test_house_style_slips_exit_1_and_fix_writes_them_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "slips.minutes"
    save_meeting(with_slips(), path)
    before = path.read_bytes()
    code, lines = run(capsys, "check", path)
    slips = [line for line in findings_of(lines, path.name) if "(house style)" in line]
    assert len(slips) >= 5, lines  # Councillor, %, five, 8th, 7:30 pm
    assert code == 1, "a house rule broken is something to put right: exit 1"
    assert lines[-1].endswith("can be fixed with --fix"), lines

    code, lines = run(capsys, "check", "--fix", path)
    assert f"slips.minutes: {len(slips)} house-style fixes applied and saved" in lines[0], lines
    assert not [line for line in findings_of(lines, path.name) if "(house style)" in line], lines
    assert code == 0, lines
    assert (tmp_path / "slips.minutes.bak").read_bytes() == before
    fixed = load_meeting(path).items[3].blocks[-1]
    assert isinstance(fixed, Paragraph)
    assert fixed.text == (
        "Cllr Brown said that 9 per cent of the five votes cast at the meeting on "
        "8 October 2025 began at 7.30pm."
    )

    code, lines = run(capsys, "check", path)
    assert (code, findings_of(lines, path.name)) == (0, [])


def test_fix_leaves_a_file_another_clerk_has_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "slips.minutes"
    save_meeting(with_slips(), path)
    before = path.read_bytes()
    session = Session.start()
    assert claim(path, session) is None  # this process has it open, as the app would
    try:
        code = main(["check", "--fix", str(path)])
        _, err = capsys.readouterr()
    finally:
        release(path, session)
    assert code == 2
    assert "open in Clerk by" in err and "nothing was written" in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert not (tmp_path / "slips.minutes.bak").exists()


def test_fix_with_nothing_to_fix_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clean.minutes"
    save_meeting(clean_meeting(), path)
    stamp = path.stat().st_mtime_ns
    code, lines = run(capsys, "check", "--fix", path)
    assert code == 0
    assert lines[0] == "clean.minutes: nothing to fix in the house style"
    assert path.stat().st_mtime_ns == stamp and not (tmp_path / "clean.minutes.bak").exists()


def test_fix_and_spelling_together_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clean.minutes"
    save_meeting(clean_meeting(), path)
    assert main(["check", "--fix", "--spelling", str(path)]) == 2
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "--fix" in err


def test_export_prints_the_inquorate_note_from_the_committees_quorum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The committee file beside the meeting gives the quorum (6; five were there): the parish
    style's note ends the first minute, in the text export. Without the file, no note."""
    path = tmp_path / "Full Council 2025-11-12.minutes"
    save_meeting(clean_meeting(), path)
    note = "The meeting was inquorate at this point"
    assert main(["export", str(path), "-o", str(tmp_path / "without.txt")]) == 0
    assert note not in (tmp_path / "without.txt").read_text(encoding="utf-8")
    committee = Committee(authority=AUTHORITY, name=BODY, quorum=6)
    save_committee(committee, tmp_path / "full-council.committee", new=True)
    assert main(["export", str(path), "-o", str(tmp_path / "with.txt")]) == 0
    text = (tmp_path / "with.txt").read_text(encoding="utf-8")
    assert text.count(note) == 1
    assert text.index("101/25") < text.index(note) < text.index("102/25")
    capsys.readouterr()


def test_the_apps_export_job_reads_the_quorum_from_the_meetings_folder(tmp_path: Path) -> None:
    from clerk_app.render.styles import find_style
    from clerk_app.services.export_job import ExportJob

    folder = tmp_path / "council"
    folder.mkdir()
    save_committee(Committee(authority=AUTHORITY, name=BODY, quorum=6), folder / "c.committee")
    out = tmp_path / "m.txt"
    job = ExportJob(clean_meeting(), out, find_style("parish"), public=True, meeting_folder=folder)
    written: list[object] = []
    job.signals.finished.connect(written.append)
    job.run()
    assert written == [out]
    assert "The meeting was inquorate at this point" in out.read_text(encoding="utf-8")
