"""The command line: exit codes, one-line errors, and no partial output."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.domain.model import Meeting
from clerk_app.storage import meeting_to_json, save_meeting
from tests.factories import UNTICKED_PRIVATE_WORDS, unticked_parish
from tests.golden.seed import CLEAN_SEED


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *fragments: str) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith("clerk-app: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


def test_export_text_matches_the_golden(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.txt"
    code, _, err = run(capsys, "export", sample_path, "-o", out)
    assert (code, err) == (0, "")
    assert out.read_text(encoding="utf-8") == CLEAN_SEED.read_text(encoding="utf-8")


def test_export_replaces_an_existing_file(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.TXT"
    out.write_text("old", encoding="utf-8")
    assert run(capsys, "export", sample_path, "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("Leicester City Council")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.TXT"]


def test_check_clean_and_with_errors(
    capsys: pytest.CaptureFixture[str], sample: Meeting, sample_path: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "check", sample_path)
    assert (code, out) == (0, f"{sample_path.name}: no problems found\n")

    broken = sample.model_copy(
        update={"items": (sample.items[0].model_copy(update={"title": ""}), *sample.items[1:])}
    )
    path = tmp_path / "broken.minutes"
    save_meeting(broken, path)
    code, out, _ = run(capsys, "check", path)
    assert code == 1
    assert "broken.minutes: error: Minute 149 has no title." in out


def test_check_compares_numbers_with_the_previous_meeting(
    capsys: pytest.CaptureFixture[str], sample: Meeting, tmp_path: Path
) -> None:
    import datetime as dt

    save_meeting(sample, tmp_path / "june.minutes")
    september = sample.model_copy(update={"date": dt.date(2025, 9, 23), "first_minute_number": 160})
    save_meeting(september, tmp_path / "september.minutes")
    (tmp_path / "junk.minutes").write_text("not json", encoding="utf-8")
    code, out, _ = run(capsys, "check", tmp_path / "september.minutes")
    assert code == 1
    assert "minute numbers checked against june.minutes" in out
    assert (
        "error: Minute numbers 160 to 163 were already used at the meeting of 18 June 2025" in out
    )


def test_check_starts_numbers_again_in_a_new_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Parish numbers carry the year (196/20): January's 1/21 does not reuse November's 1/20."""
    import datetime as dt
    import shutil

    from clerk_app import locations
    from clerk_app.storage import load_meeting

    november = shutil.copy(locations.samples_dir() / "parish-2020-11-12.minutes", tmp_path)
    january = load_meeting(Path(november)).model_copy(
        update={"date": dt.date(2021, 1, 14), "first_minute_number": 1}
    )
    save_meeting(january, tmp_path / "parish-2021-01-14.minutes")
    code, out, _ = run(capsys, "check", tmp_path / "parish-2021-01-14.minutes")
    assert (code, out) == (
        0,
        "parish-2021-01-14.minutes: minute numbers checked against parish-2020-11-12.minutes\n"
        "parish-2021-01-14.minutes: no problems found\n",
    )  # nothing about the numbers (nor November's minutes: January has their item before it)
    save_meeting(
        january.model_copy(update={"first_minute_number": 3}),
        tmp_path / "parish-2021-01-14.minutes",
    )
    code, out, _ = run(capsys, "check", tmp_path / "parish-2021-01-14.minutes")
    assert code == 0
    assert "ended at minute 204/20: minute numbers that carry the year start again at 1/21" in out


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (
            ("export", "{missing}", "-o", "{tmp}/x.txt"),
            ("missing.minutes: cannot be read: the file or its folder does not exist",),
        ),
        (
            ("export", "{sample}", "-o", "{tmp}/x.odt"),
            ("cannot export to .odt: the output must end in .docx, .txt or .pdf",),
        ),
        (("export", "{sample}", "-o", "{tmp}/x"), ("cannot export to a name without a suffix",)),
        (("export", "{sample}", "-o", "{tmp}/nowhere/x.txt"), ("the folder does not exist",)),
        (
            ("export", "{sample}", "-o", "{tmp}/x.txt", "--style", "gothic"),
            ("there is no house style called 'gothic'",),
        ),
        (
            ("export", "{sample}"),
            ("the following arguments are required: -o/--output", "see 'clerk-app export --help'"),
        ),
        (
            ("check", "{bad}"),
            ("bad.minutes: has a bad value at $.items[0].title: Input should be a valid string",),
        ),
        (("check", "{tmp}"), ("cannot be read: it is a folder",)),
        (("export", "{sample}", "-o", "{sample}"), ("refusing to overwrite the meeting file",)),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    sample_path: Path,
    sample: Meeting,
    tmp_path: Path,
    args: tuple[str, ...],
    fragments: tuple[str, ...],
) -> None:
    bad = tmp_path / "bad.minutes"
    data = json.loads(meeting_to_json(sample))
    data["items"][0]["title"] = None
    bad.write_text(json.dumps(data), encoding="utf-8")
    names = {
        "missing": tmp_path / "missing.minutes",
        "tmp": tmp_path,
        "sample": sample_path,
        "bad": bad,
    }
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = run(capsys, *(a.format(**names) for a in args))
    assert code == 2
    assert_one_line_error(err, *fragments)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written, nothing left


def test_a_failing_template_leaves_no_output(
    capsys: pytest.CaptureFixture[str],
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    style_dir = tmp_path / "styles" / "leicester"
    style_dir.mkdir(parents=True)
    (style_dir / "style.toml").write_text('display_name = "Broken"\n', encoding="utf-8")
    (style_dir / "minutes.txt.j2").write_text(
        "{{ meeting.authority }}\n{{ nonsense.field }}\n", encoding="utf-8"
    )
    from clerk_app.render import styles

    monkeypatch.setattr(styles, "builtin_styles_dir", lambda: tmp_path / "styles")
    out = tmp_path / "out.txt"
    code, _, err = run(capsys, "export", sample_path, "-o", out)
    assert code == 2
    assert_one_line_error(
        err,
        "minutes.txt.j2: the template uses a name the minutes do not provide: 'nonsense' is undefined",
    )
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["styles"]


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: clerk-app")
    assert "'clerk-app [MEETING]' opens the desktop app" in " ".join(out.split())


def test_gui_arguments_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--smoke-test")
    assert code == 2
    assert_one_line_error(err, "--smoke-test needs a meeting file")
    code, _, err = run(capsys, "--frobnicate")
    assert code == 2
    assert_one_line_error(err, "unrecognized arguments: --frobnicate")


def test_the_installed_command(sample_path: Path, tmp_path: Path) -> None:
    """The real console entry point, as a clerk's shortcut or a script would run it."""
    out = tmp_path / "m.txt"
    ok = subprocess.run(
        [sys.executable, "-m", "clerk_app", "export", str(sample_path), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert (ok.returncode, ok.stderr) == (0, "")
    assert out.read_text(encoding="utf-8") == CLEAN_SEED.read_text(encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "clerk_app", "check", str(tmp_path / "none.minutes")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_export_word_and_pdf(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    import docx

    word = tmp_path / "minutes.docx"
    assert run(capsys, "export", sample_path, "-o", word) == (0, "", "")
    assert docx.Document(str(word)).core_properties.author == "Leicester City Council"
    pdf = tmp_path / "minutes.pdf"
    assert run(capsys, "export", sample_path, "-o", pdf) == (0, "", "")
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_pdf_without_libreoffice(
    capsys: pytest.CaptureFixture[str],
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clerk_app.render import pdf

    monkeypatch.delenv("CLERK_SOFFICE", raising=False)
    monkeypatch.setattr(pdf, "_candidates", list)
    code, _, err = run(capsys, "export", sample_path, "-o", tmp_path / "m.pdf")
    assert code == 2
    assert_one_line_error(err, "PDF export needs LibreOffice, which was not found.")
    assert not (tmp_path / "m.pdf").exists()
    missing = tmp_path / "missing" / "soffice"
    monkeypatch.setenv("CLERK_SOFFICE", str(missing))
    code, _, err = run(capsys, "export", sample_path, "-o", tmp_path / "m.pdf")
    assert code == 2
    assert_one_line_error(err, f"CLERK_SOFFICE is set to {missing}, which does not exist")
    assert not (tmp_path / "m.pdf").exists()


def test_styles_lists_builtin_and_user_styles(
    capsys: pytest.CaptureFixture[str], user_data: Path
) -> None:
    import shutil

    from clerk_app.render.styles import builtin_styles_dir

    mine = user_data / "styles" / "ours"
    shutil.copytree(builtin_styles_dir() / "leicester", mine)
    code, out, _ = run(capsys, "styles")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("leicester ") and "(built-in; Word, text)" in line for line in lines)
    assert any(line.startswith("ours ") and f"(user; Word, text): {mine}" in line for line in lines)


def test_export_with_a_user_style(
    capsys: pytest.CaptureFixture[str], sample_path: Path, user_data: Path, tmp_path: Path
) -> None:
    import shutil

    from clerk_app.render.styles import builtin_styles_dir

    mine = user_data / "styles" / "ours"
    shutil.copytree(builtin_styles_dir() / "leicester", mine)
    template = mine / "minutes.txt.j2"
    template.write_text(
        template.read_text(encoding="utf-8") + "\nOur minutes of {{ meeting.body }}\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.txt"
    assert run(capsys, "export", sample_path, "-o", out, "--style", "ours")[0] == 0
    assert out.read_text(encoding="utf-8").endswith(
        "\nOur minutes of Children, Young People and Education Scrutiny Commission\n"
    )


def test_export_refuses_a_user_style_that_drops_the_minutes(
    capsys: pytest.CaptureFixture[str], sample_path: Path, user_data: Path, tmp_path: Path
) -> None:
    """A house style whose text template prints only the committee's name would publish
    minutes with nothing in them: one line says so, and no file is written."""
    import shutil

    from clerk_app.render.styles import builtin_styles_dir

    mine = user_data / "styles" / "ours"
    shutil.copytree(builtin_styles_dir() / "leicester", mine)
    (mine / "minutes.txt.j2").write_text("Our minutes of {{ meeting.body }}\n", encoding="utf-8")
    out = tmp_path / "m.txt"
    code, _, err = run(capsys, "export", sample_path, "-o", out, "--style", "ours")
    assert code == 2 and not out.exists()
    assert "lost text" in err and len(err.strip().splitlines()) == 1


def test_check_style_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import shutil

    from clerk_app.render.styles import builtin_styles_dir

    code, out, _ = run(capsys, "check-style", builtin_styles_dir() / "leicester")
    assert (code, out) == (
        0,
        "leicester: warning: style.toml: writes the start time like '5:30 pm' but the closing "
        "time like '8.20pm'\n"
        "leicester: 0 error(s), 1 warning(s)\n",
    )
    code, out, _ = run(capsys, "check-style", builtin_styles_dir() / "parish")
    assert (code, out) == (0, "parish: 0 error(s), 0 warning(s)\n")
    broken = tmp_path / "broken"
    shutil.copytree(builtin_styles_dir() / "leicester", broken)
    (broken / "minutes.txt.j2").write_text("{{ nonsense }}", encoding="utf-8")
    code, out, _ = run(capsys, "check-style", broken)
    assert code == 1
    assert "broken: error: minutes.txt.j2: uses 'nonsense'" in out
    code, _, err = run(capsys, "check-style", tmp_path / "nowhere")
    assert code == 2
    assert_one_line_error(err, "nowhere: not a folder")


def make_broken_style(user_data: Path, name: str = "zz") -> Path:
    folder = user_data / "styles" / name
    folder.mkdir(parents=True)
    (folder / "style.toml").write_text("display_name = \n", encoding="utf-8")
    return folder


def test_a_broken_user_style_does_not_hide_a_typo(
    capsys: pytest.CaptureFixture[str], sample_path: Path, user_data: Path, tmp_path: Path
) -> None:
    make_broken_style(user_data)
    code, _, err = run(
        capsys, "export", sample_path, "-o", tmp_path / "m.txt", "--style", "leicestr"
    )
    assert code == 2
    assert_one_line_error(err, "there is no house style called 'leicestr' (available: ")
    assert "broken: zz" in err
    code, _, err = run(capsys, "export", sample_path, "-o", tmp_path / "m.txt")
    assert (code, err) == (0, "")  # the meeting's own style still works


def test_styles_lists_broken_styles_with_their_problem(
    capsys: pytest.CaptureFixture[str], user_data: Path
) -> None:
    folder = make_broken_style(user_data)
    code, out, err = run(capsys, "styles")
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    assert any(line.startswith("leicester ") for line in lines)
    (broken,) = [line for line in lines if line.startswith("zz ")]
    assert "broken (user)" in broken and f"{folder / 'style.toml'}: Invalid value" in broken


@pytest.mark.parametrize("command", ["styles", "export", "check-style"])
def test_a_style_toml_nested_too_deeply(
    capsys: pytest.CaptureFixture[str],
    sample_path: Path,
    user_data: Path,
    tmp_path: Path,
    command: str,
) -> None:
    folder = user_data / "styles" / "deep"
    folder.mkdir(parents=True)
    (folder / "style.toml").write_text(
        'display_name = "x"\nx = ' + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8"
    )
    args = {
        "styles": ("styles",),
        "export": ("export", sample_path, "-o", tmp_path / "m.txt", "--style", "deep"),
        "check-style": ("check-style", folder),
    }[command]
    code, out, err = run(capsys, *args)
    assert "Traceback" not in out + err
    if command == "export":
        assert code == 2
        assert_one_line_error(err, "style.toml", "nest")
    else:
        assert code == 1
        assert "style.toml" in out and "nest" in out


LONG = "x" * 300  # longer than any file name may be: Path.exists() raises on Python 3.11


@pytest.mark.parametrize(
    "args",
    [
        ("export", "{sample}", "-o", "{tmp}/" + LONG + ".txt"),
        ("export", "{sample}", "-o", "{tmp}/" + LONG + "/m.txt"),
        ("check-style", "{tmp}/" + LONG),
        ("check", "{tmp}/" + LONG + ".minutes"),
    ],
)
def test_a_name_too_long_is_one_line(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    code, _, err = run(capsys, *(a.format(sample=sample_path, tmp=tmp_path) for a in args))
    assert code == 2
    assert_one_line_error(err, "too long")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev/zero")
def test_check_is_not_stopped_by_a_pipe_or_a_device(sample_path: Path, tmp_path: Path) -> None:
    import os
    import shutil

    ok = tmp_path / "ok.minutes"
    shutil.copy(sample_path, ok)
    os.mkfifo(tmp_path / "x.minutes")
    (tmp_path / "zero.minutes").symlink_to("/dev/zero")
    result = subprocess.run(
        [sys.executable, "-m", "clerk_app", "check", str(ok)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    for name in ("x.minutes", "zero.minutes"):
        code_err = subprocess.run(
            [sys.executable, "-m", "clerk_app", "check", str(tmp_path / name)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert code_err.returncode == 2
        assert code_err.stderr.count("\n") == 1 and "not a regular file" in code_err.stderr


def test_an_unexpected_error_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str],
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clerk_app import cli

    def boom(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMAND_HANDLERS, "check", boom)
    monkeypatch.delenv("CLERK_DEBUG", raising=False)
    code, _, err = run(capsys, "check", sample_path)
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("clerk-app: internal error: RuntimeError: boom (")
    assert "CLERK_DEBUG" in err
    monkeypatch.setenv("CLERK_DEBUG", "1")
    code, _, err = run(capsys, "check", sample_path)
    assert code == 1
    assert "Traceback" in err and err.endswith("clerk-app: internal error: RuntimeError: boom\n")


def test_ctrl_c_is_not_hidden(
    capsys: pytest.CaptureFixture[str], sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app import cli

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setitem(cli.COMMAND_HANDLERS, "check", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["check", str(sample_path)])


PARISH = "parish-2020-11-12.minutes"
CONFIDENTIAL = "the Clerk's hours be increased"  # words of the sample's exempt staffing item


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_export_is_the_public_copy_unless_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    from clerk_app import locations
    from clerk_app.render.docx import visible_text

    sample = locations.samples_dir() / PARISH

    def text(path: Path) -> str:
        data = path.read_bytes()
        return visible_text(data) if suffix == ".docx" else data.decode("utf-8")

    public = tmp_path / f"public{suffix}"
    assert run(capsys, "export", sample, "-o", public) == (0, "", "")
    assert CONFIDENTIAL not in text(public)
    assert "Its minute is not published." in text(public)  # the style's notice, in its place
    assert "CONFIDENTIAL" not in text(public)
    full = tmp_path / f"full{suffix}"
    assert run(capsys, "export", sample, "-o", full, "--include-exempt") == (0, "", "")
    assert CONFIDENTIAL in text(full)
    assert "Its minute is not published." not in text(full)
    top = [line for line in text(full).splitlines() if line.strip()][:2]  # marked at the top
    assert any(line.startswith("CONFIDENTIAL: NOT FOR PUBLICATION") for line in top), top


def test_export_into_a_folder_or_a_read_only_folder(
    capsys: pytest.CaptureFixture[str],
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "minutes.txt").mkdir()
    code, _, err = run(capsys, "export", sample_path, "-o", tmp_path / "minutes.txt")
    assert code == 2
    assert_one_line_error(err, "minutes.txt: cannot write the minutes there: it is a folder")

    real_open = Path.open

    def read_only(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "x" in mode or "w" in mode:  # the folder refuses new files, as a read-only one does
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", read_only)
    out = tmp_path / "m.txt"
    code, _, err = run(capsys, "export", sample_path, "-o", out)
    assert code == 2
    assert_one_line_error(err, "m.txt: cannot write the minutes: Permission denied")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.txt"]


def test_a_public_copy_with_unmarked_exempt_looking_items_is_refused_unless_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    meeting = tmp_path / "parish.minutes"
    save_meeting(unticked_parish(), meeting)
    out = tmp_path / "public.txt"
    code, stdout, stderr = run(capsys, "export", meeting, "-o", out)
    assert code == 2 and not out.exists()
    assert stderr.count("\n") == 1
    assert "Minute 204/20 follows the exclusion of the press and public" in stderr
    assert "--publish-unmarked" in stderr
    code, stdout, stderr = run(capsys, "check", meeting)
    assert code == 1 and "is not marked exempt" in stdout
    # a confidential copy publishes nothing, so it is not refused
    assert run(capsys, "export", meeting, "-o", tmp_path / "c.txt", "--include-exempt")[0] == 0
    assert run(capsys, "export", meeting, "-o", out, "--publish-unmarked")[0] == 0
    assert UNTICKED_PRIVATE_WORDS in out.read_text(encoding="utf-8")
