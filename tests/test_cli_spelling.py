"""`clerk-app check --spelling MEETING`: the misspelt words of a meeting's prose, where they are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.cli import main
from clerk_app.domain.model import ListEntry, Meeting, Paragraph, Resolution
from clerk_app.storage import save_meeting
from tests.sample_committees import COMMITTEES

REPO = Path(__file__).resolve().parent.parent
COMMITTEE_FILE = COMMITTEES / "leicester-cype" / "leicester-cype.committee"

NAMES = (
    "Councillor Batool thanked Councillor Bonham, Councillor Gregg, Councillor Moore and "
    "Councillor Singh Sangha; Joycelin Eze-Okubuiro and Councillor Eze-Okubuiro's colleague "
    "Sarah Sampson-Vincent spoke, and Jennifer Day answered."
)


def spelling_meeting(sample: Meeting, *, wrong: bool, pantling: bool = False) -> Meeting:
    """The Leicester sample's people, with minute text and a resolution of our own: "color"
    in item 149's minute text and "organization" in item 151's resolution when `wrong`;
    with `pantling`, Councillor Pantling (the committee's regular attendee) named but not in
    the attendance."""
    colour = "color" if wrong else "colour"
    organisation = "organization" if wrong else "organisation"
    welcome = sample.items[0].model_copy(
        update={
            "blocks": (
                Paragraph(text=f"The councillor chose the {colour} of the report. {NAMES}"),
                Paragraph(text="The colour and the organisation were noted (CYP/25/07, 5.30pm)."),
            )
        }
    )
    declarations = sample.items[1].model_copy(
        update={"blocks": (Paragraph(text="There were no declarations."),)}
    )
    minutes = sample.items[2].model_copy(
        update={
            "blocks": (
                Resolution(resolutions=(ListEntry(text=f"That the {organisation} be thanked."),)),
            )
        }
    )
    attendance = sample.attendance
    if pantling:  # named, but only the committee's regular attendee, not at this meeting
        attendance = tuple(a for a in attendance if a.person.name != "Pantling")
        welcome = welcome.model_copy(
            update={"blocks": (*welcome.blocks, Paragraph(text="Councillor Pantling attended."))}
        )
    return sample.model_copy(
        update={
            "items": (welcome, declarations, minutes),
            "interests": (),
            "attendance": attendance,
        }
    )


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_exactly_the_misspelt_words_with_item_and_field(
    capsys: pytest.CaptureFixture[str], sample: Meeting, tmp_path: Path
) -> None:
    path = tmp_path / "spelling.minutes"
    save_meeting(spelling_meeting(sample, wrong=True), path)
    code, out, err = run(capsys, "check", "--spelling", path)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        'spelling.minutes: item 149 (Welcome and Apologies for Absence), minute text: "color"'
        " (perhaps colour or Colo)",
        'spelling.minutes: item 151 (Minutes of the Previous Meeting), resolution: "organization"'
        " (perhaps organisation or organisations)",
        "spelling.minutes: 2 misspelt words",
    ]


def test_a_meeting_spelt_right_exits_0(
    capsys: pytest.CaptureFixture[str], sample: Meeting, tmp_path: Path
) -> None:
    path = tmp_path / "spelling.minutes"
    save_meeting(spelling_meeting(sample, wrong=False), path)
    code, out, err = run(capsys, "check", "--spelling", path)
    assert (code, out, err) == (0, "spelling.minutes: no misspelt words found\n", "")


def test_the_real_command_in_a_subprocess(sample: Meeting, tmp_path: Path) -> None:
    wrong, right = tmp_path / "wrong.minutes", tmp_path / "right.minutes"
    save_meeting(spelling_meeting(sample, wrong=True), wrong)
    save_meeting(spelling_meeting(sample, wrong=False), right)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    results = [
        subprocess.run(
            [sys.executable, "-m", "clerk_app", "check", "--spelling", str(path)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        for path in (wrong, right)
    ]
    assert results[0].returncode == 1, results[0].stderr
    assert results[0].stderr == ""
    assert [line.split(": ", 1)[1] for line in results[0].stdout.splitlines()][:2] == [
        'item 149 (Welcome and Apologies for Absence), minute text: "color" (perhaps colour or Colo)',
        'item 151 (Minutes of the Previous Meeting), resolution: "organization" (perhaps '
        "organisation or organisations)",
    ]
    assert (results[1].returncode, results[1].stdout, results[1].stderr) == (
        0,
        "right.minutes: no misspelt words found\n",
        "",
    )


def test_the_committee_folder_and_its_word_list_and_the_personal_dictionary(
    capsys: pytest.CaptureFixture[str], sample: Meeting, tmp_path: Path, user_data: Path
) -> None:
    meeting = spelling_meeting(sample, wrong=False, pantling=True)
    meeting = meeting.model_copy(
        update={
            "items": (
                *meeting.items,
                sample.items[3].model_copy(
                    update={
                        "blocks": (
                            Paragraph(text="Ofsted's relook at Millgate School was welcomed."),
                        )
                    }
                ),
            )
        }
    )
    alone = tmp_path / "alone"
    alone.mkdir()
    save_meeting(meeting, alone / "m.minutes")
    code, out, _ = run(capsys, "check", "--spelling", alone / "m.minutes")
    assert code == 1
    assert [line.rsplit(": ", 1)[1].split(" (")[0] for line in out.splitlines()[:-1]] == [
        '"Pantling"',
        '"Ofsted\'s"',
        '"relook"',
        '"Millgate"',
    ]

    folder = tmp_path / "committee"
    folder.mkdir()
    shutil.copy(COMMITTEE_FILE, folder)
    save_meeting(meeting, folder / "m.minutes")
    (folder / "committee-words.txt").write_text("# places\nMillgate\nOfsted\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--spelling", folder / "m.minutes")
    assert code == 1
    assert out.splitlines()[0].endswith('minute text: "relook" (perhaps recook or retook)')

    (user_data / "personal-words.txt").write_text("relook\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--spelling", folder / "m.minutes")
    assert (code, out) == (0, "m.minutes: no misspelt words found\n")


def test_no_dictionary_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
    sample: Meeting,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "spelling.minutes"
    save_meeting(spelling_meeting(sample, wrong=True), path)
    monkeypatch.setitem(sys.modules, "enchant", None)  # import enchant raises ImportError
    code, out, err = run(capsys, "check", "--spelling", path)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("clerk-app: error: spelling.minutes: spelling not checked.")
    assert "libenchant-2-2" in err and "hunspell-en-gb" in err
    monkeypatch.undo()

    import enchant  # type: ignore[import-untyped]

    def no_dictionary(language: str) -> object:
        raise enchant.errors.DictNotFoundError(f"Dictionary for language '{language}' not found")

    monkeypatch.setattr(enchant, "Dict", no_dictionary)
    code, out, err = run(capsys, "check", "--spelling", path)
    assert (code, out) == (2, "")
    assert err == (
        "clerk-app: error: spelling.minutes: spelling not checked. Spelling is off: there is no "
        "British English dictionary (install libenchant-2-2 and hunspell-en-gb "
        "(sudo apt-get install libenchant-2-2 hunspell-en-gb))\n"
    )


def test_a_damaged_word_list_is_said_and_the_check_goes_on(
    capsys: pytest.CaptureFixture[str], sample: Meeting, tmp_path: Path
) -> None:
    path = tmp_path / "spelling.minutes"
    save_meeting(spelling_meeting(sample, wrong=True), path)
    (tmp_path / "committee-words.txt").write_bytes(b"\xff\xfe\x00garbage")
    code, out, err = run(capsys, "check", "--spelling", path)
    assert code == 1
    assert out.splitlines()[-1] == "spelling.minutes: 2 misspelt words"
    assert err.count("\n") == 1
    assert "committee-words.txt: is damaged or not a word list" in err


def test_check_without_spelling_is_unchanged(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    code, out, _ = run(capsys, "check", sample_path)
    assert (code, out) == (0, f"{sample_path.name}: no problems found\n")
    assert locations.sample_meeting() == sample_path
