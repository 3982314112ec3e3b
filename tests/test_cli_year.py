"""The committee's year on the command line: new-meeting, actions, and check across the folder.

The done-when command of issue 12 runs as a real process; the rest through `main`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from clerk_app import locations
from clerk_app.cli import main
from clerk_app.domain.model import FollowUp, Item, StandingItem
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.storage.committee_file import load_committee, save_committee
from tests.ooxml import OoxmlValidator, describe
from tests.sample_committees import assert_prepared_september, build

SAMPLE = locations.samples_dir() / "leicester-cype-2025-06-18.minutes"
COMMITTEES = locations.samples_dir() / "committees"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_done_when_command_in_a_real_process(tmp_path: Path) -> None:
    out = tmp_path / "next.minutes"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "clerk_app",
            "new-meeting",
            "--from",
            str(SAMPLE),
            "--date",
            "2025-09-23",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "first minute 164" in done.stdout and "4 open action(s)" in done.stdout
    assert_prepared_september(load_meeting(out))


def test_new_meeting_from_a_committee_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copytree(COMMITTEES / "leicester-cype", tmp_path / "cype")
    (tmp_path / "cype" / "CYPESC 2025-09-23.minutes").unlink()
    out = tmp_path / "september.minutes"
    committee = tmp_path / "cype" / "leicester-cype.committee"
    code, _, err = run(
        capsys, "new-meeting", "--committee", committee, "--date", "2025-09-23", "-o", out
    )
    assert (code, err) == (0, "")
    meeting = load_meeting(out)
    assert_prepared_september(meeting)
    # the committee file's usual text, not June's
    assert meeting.items[0].blocks[0].text == "The Chair welcomed those present to the meeting."  # type: ignore[union-attr]


def test_an_action_closed_in_september_is_not_carried_to_october(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "cype"
    shutil.copytree(COMMITTEES / "leicester-cype", folder)
    september_path = folder / "CYPESC 2025-09-23.minutes"
    september = load_meeting(september_path)
    arising = next(i for i in september.items if i.standing is StandingItem.MATTERS_ARISING)
    closed = tuple(
        a.model_copy(update={"done": True, "done_on": september.date})
        if a.id == "hnb-staff-funding"
        else a
        for a in arising.actions
    )
    new = FollowUp(id="ofsted-letter", action="Send the Ofsted letter", owner="Director")
    items = tuple(
        i.model_copy(update={"actions": (*closed, new)}) if i.id == arising.id else i
        for i in september.items
    )
    save_meeting(september.model_copy(update={"items": items}), september_path)
    out = folder / "october.minutes"
    code, _, err = run(
        capsys,
        "new-meeting",
        "--committee",
        folder / "leicester-cype.committee",
        "--date",
        "2025-10-28",
        "-o",
        out,
    )
    assert (code, err) == (0, "")
    october = load_meeting(out)
    assert october.first_minute_number == 164 + len(september.items)
    arising = next(i for i in october.items if i.standing is StandingItem.MATTERS_ARISING)
    assert [a.id for a in arising.actions] == [
        "family-service-minutes",
        "families-first-presentation",
        "improvement-plan-september",
        "ofsted-letter",
    ]
    # each keeps where it was first raised
    assert arising.actions[0].raised_on == dt.date(2025, 6, 18)
    assert arising.actions[-1].raised_on == dt.date(2025, 9, 23)
    previous = next(i for i in october.items if i.standing is StandingItem.PREVIOUS_MINUTES)
    assert previous.previous_meeting == dt.date(2025, 9, 23)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "missing.minutes", "--date", "2025-09-23"], "missing.minutes: cannot be read"),
        (["--from", str(SAMPLE), "--date", "23/09/2025"], "is not a date written YYYY-MM-DD"),
        (["--from", str(SAMPLE), "--date", "2025-06-01"], "the next meeting must be after it"),
        (["--committee", str(SAMPLE), "--date", "2025-09-23"], "is not a committee file"),
        (["--date", "2025-09-23"], "one of the arguments --committee --from is required"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "new-meeting", *args, "-o", "next.minutes")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("clerk-app: error: ") and words in err, err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_or_another_suffix_is_not_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "next.minutes"
    out.write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "new-meeting", "--from", SAMPLE, "--date", "2025-09-23", "-o", out)
    assert code == 2 and "already exists" in err and out.read_text(encoding="utf-8") == "mine"
    code, _, err = run(
        capsys, "new-meeting", "--from", SAMPLE, "--date", "2025-09-23", "-o", tmp_path / "n.docx"
    )
    assert code == 2 and "ends in .minutes" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["next.minutes"]


def test_a_damaged_committee_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "c.committee").write_text('{"format_version": 1, "quorum": -1}', "utf-8")
    code, _, err = run(
        capsys,
        "new-meeting",
        "--committee",
        tmp_path / "c.committee",
        "--date",
        "2025-09-23",
        "-o",
        tmp_path / "n.minutes",
    )
    assert code == 2 and err.count("\n") == 1 and "$.quorum" in err
    assert not (tmp_path / "n.minutes").exists()


# --- actions -----------------------------------------------------------------------------------


def test_actions_prints_one_line_per_action(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "actions", COMMITTEES / "leicester-cype")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("Minute 158, 18 June 2025")
    assert "High Needs Block" in lines[0]


def test_actions_export_csv_one_row_per_action(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "actions.csv"
    code, stdout, err = run(capsys, "actions", COMMITTEES / "leicester-cype", "-o", out)
    assert (code, err) == (0, "")
    assert "4 action(s)" in stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads UTF-8 by its mark
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + 4
    assert rows[0][0] == "Action"
    assert {row[4] for row in rows[1:]} == {"158", "159", "161"}


def test_actions_export_word_in_the_house_style(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, ooxml: OoxmlValidator
) -> None:
    out = tmp_path / "actions.docx"
    code, _, err = run(capsys, "actions", COMMITTEES / "leicester-cype", "-o", out)
    assert (code, err) == (0, "")
    errors = ooxml.errors(out)
    assert errors == [], describe(errors)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Children, Young People and Education Scrutiny Commission" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any("High Needs Block" in cell for cell in cells)


def test_actions_of_a_folder_that_is_not_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "actions", tmp_path / "nowhere")
    assert code == 2 and "not a folder" in err
    code, _, err = run(capsys, "actions", COMMITTEES / "parish", "-o", tmp_path / "log.pdf")
    assert code == 2 and "written as .docx or .csv" in err
    code, _, err = run(capsys, "actions", tmp_path)
    assert code == 2 and "no committee file and no meeting" in err


# --- check across the folder -------------------------------------------------------------------


def test_check_uses_the_committees_numbering(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "parish"
    build(tmp_path)  # both sample folders, fresh
    december = folder / "Full Council 2020-12-10.minutes"
    code, out, _ = run(capsys, "check", december)
    assert code == 0
    assert "checked against Full Council 2020-11-12.minutes under the committee's numbering" in out
    # May is a new municipal year: a meeting that runs on from April is queried
    committee = load_committee(folder / "parish.committee")
    may = load_meeting(december).model_copy(
        update={"date": dt.date(2021, 5, 13), "first_minute_number": 213}
    )
    save_meeting(may, folder / "may.minutes")
    code, out, _ = run(capsys, "check", folder / "may.minutes")
    assert "start again at 1 each municipal year (from May)" in out
    assert "its first minute would be 1/21, not 213/21" in out
    # without the committee's scheme, 213/21 after 212/20 is a new run by the number alone
    save_committee(
        committee.model_copy(update={"name": "Another body"}), folder / "parish.committee"
    )
    code, out, _ = run(capsys, "check", folder / "may.minutes")
    assert "municipal year" not in out


def test_check_finds_the_meeting_after_that_overlaps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copytree(COMMITTEES / "leicester-cype", tmp_path / "cype")
    june = tmp_path / "cype" / "CYPESC 2025-06-18.minutes"
    code, out, _ = run(capsys, "check", june)
    assert code == 0 and "and CYPESC 2025-09-23.minutes checked against it" in out
    september = tmp_path / "cype" / "CYPESC 2025-09-23.minutes"
    save_meeting(load_meeting(september).model_copy(update={"first_minute_number": 160}), september)
    code, out, _ = run(capsys, "check", june)
    assert code == 1
    assert "CYPESC 2025-09-23.minutes: Minute numbers 160 to 163 were already used" in out


def _with_exempt_action(folder: Path) -> None:
    """June's meeting with an exempt item whose action is confidential."""
    june_path = folder / "CYPESC 2025-06-18.minutes"
    june = load_meeting(june_path)
    secret = Item(
        id="contract",
        title="Transport Contract",
        exempt=True,
        exempt_reason="Paragraph 3 of Part 1 of Schedule 12A, Local Government Act 1972",
        actions=(FollowUp(id="acme", action="Negotiate the price below 2m with Acme"),),
    )
    save_meeting(june.model_copy(update={"items": (*june.items, secret)}), june_path)
    (folder / "CYPESC 2025-09-23.minutes").unlink()


def test_an_exempt_items_action_is_carried_only_into_exempt_business(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "cype"
    shutil.copytree(COMMITTEES / "leicester-cype", folder)
    _with_exempt_action(folder)
    out = tmp_path / "september.minutes"
    committee = folder / "leicester-cype.committee"
    assert (
        run(capsys, "new-meeting", "--committee", committee, "--date", "2025-09-23", "-o", out)[0]
        == 0
    )
    september = load_meeting(out)
    public = [i for i in september.items if not i.exempt]
    assert "Acme" not in json.dumps([i.model_dump(mode="json") for i in public])
    secret = september.items[-1]
    assert secret.exempt and secret.exempt_reason.startswith("Paragraph 3")
    assert [a.id for a in secret.actions] == ["acme"]
    text = out.with_suffix(".txt")
    assert run(capsys, "export", out, "-o", text)[0] == 0
    assert "Acme" not in text.read_text(encoding="utf-8")


def test_the_action_log_leaves_exempt_business_out_unless_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "cype"
    shutil.copytree(COMMITTEES / "leicester-cype", folder)
    _with_exempt_action(folder)
    code, out, _ = run(capsys, "actions", folder)
    assert code == 0 and "Acme" not in out and "1 action(s) of exempt business left out" in out
    log = tmp_path / "log.csv"
    code, out, _ = run(capsys, "actions", folder, "-o", log)
    assert "Acme" not in log.read_text(encoding="utf-8-sig") and "left out" in out
    code, _, _ = run(capsys, "actions", folder, "-o", log, "--include-exempt")
    assert "[Exempt] Negotiate the price below 2m with Acme" in log.read_text(encoding="utf-8-sig")
