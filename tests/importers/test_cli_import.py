"""`clerk-app import` against real HTTP servers on loopback that answer as a ModernGov site and
the Legistar Web API do, and on agenda documents: the meetings it writes load, export and pass
`clerk-app check`; a failure is one line, exit 2, and nothing is written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.cli import main
from clerk_app.domain.model import AttendanceStatus, Role
from clerk_app.storage import load_meeting
from clerk_app.storage.committee_file import load_committee
from tests.importers import moderngov_site
from tests.importers.server import LoopbackServer, Reply
from tests.sample_committees import COMMITTEES

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_the_real_command_imports_a_moderngov_meeting(
    server: LoopbackServer, tmp_path: Path
) -> None:
    """The issue's own line: `clerk-app import moderngov http://127.0.0.1:PORT --meeting ID -o
    x.minutes`, as a real process."""
    moderngov_site.serve_moderngov(server)
    out = tmp_path / "x.minutes"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "clerk_app",
            "import",
            "moderngov",
            server.url,
            "--meeting",
            moderngov_site.MEETING_ID,
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(f"{out}: ")
    meeting = load_meeting(out)
    titles = [item.title for item in meeting.items]
    assert titles == [t for t in moderngov_site.ITEM_TITLES_IN_ORDER if t in titles]
    assert len(titles) >= len(moderngov_site.ITEM_TITLES_IN_ORDER)
    for title in titles:
        assert "&amp;" not in title and "&#39;" not in title and "&" + "quot;" not in title
    exempt = {item.title for item in meeting.items if item.exempt}
    assert exempt == set(moderngov_site.RESTRICTED_TITLES)
    names = {a.display_name for a in meeting.attendance}
    assert set(moderngov_site.ATTENDEE_NAMES) <= names
    # the minutes run on the site's minute numbers (149, as the real minutes), and say what
    # those who are not members are there as
    assert meeting.first_minute_number == 149
    capacities = {a.display_name: a.capacity for a in meeting.attendance}
    assert capacities["Sarah Sampson-Vincent"] == "Youth Representative"
    assert capacities["Joycelin Eze-Okubuiro"] == "Parent Governor Representative (Primary)"
    assert capacities["Councillor Misbah Batool"] == ""
    # what the site asked: GetMeeting of that meeting
    assert any(
        seen.route.endswith("/GetMeeting")
        and seen.query.get("lMeetingId") == moderngov_site.MEETING_ID
        for seen in server.seen
    )


def test_an_imported_moderngov_meeting_exports_and_passes_check(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moderngov_site.serve_moderngov(server)
    out = tmp_path / "imported.minutes"
    status, said, err = _run(
        ["import", "moderngov", server.url, "--meeting", moderngov_site.MEETING_ID, "-o", str(out)],
        capsys,
    )
    assert (status, err) == (0, "")
    assert "next: clerk-app check imported.minutes" in said
    meeting = load_meeting(out)
    roles = {a.display_name: (a.role, a.status) for a in meeting.attendance}
    assert any(role is Role.CHAIR for role, _ in roles.values())
    assert any(status is AttendanceStatus.APOLOGIES for _, status in roles.values())
    assert _run(["export", str(out), "-o", str(tmp_path / "public.docx")], capsys)[0] == 0
    assert _run(["export", str(out), "-o", str(tmp_path / "public.txt")], capsys)[0] == 0
    public = (tmp_path / "public.txt").read_text(encoding="utf-8")
    for title in moderngov_site.RESTRICTED_TITLES:
        assert title not in public
    status, said, _ = _run(["check", str(out)], capsys)
    # the restricted item without a Schedule 12A paragraph is the one error: its reason is the
    # clerk's to fill; filled in, the meeting passes
    errors = [line for line in said.splitlines() if ": error" in line]
    assert all("gives no legal reason for excluding the public" in e for e in errors), said
    assert len(errors) == len(moderngov_site.RESTRICTED_WITHOUT_REASON)


def test_committees_and_meetings_are_listed_one_a_line(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    moderngov_site.serve_moderngov(server)
    status, said, err = _run(["import", "moderngov", server.url, "--committees"], capsys)
    assert (status, err) == (0, "")
    lines = said.splitlines()
    assert f"{moderngov_site.COMMITTEE_ID}\t{moderngov_site.COMMITTEE_TITLE}" in lines
    status, said, err = _run(
        [
            "import",
            "moderngov",
            server.url,
            "--meetings",
            moderngov_site.COMMITTEE_ID,
            "--from",
            "2025-06-01",
            "--to",
            "2025-07-01",
        ],
        capsys,
    )
    assert (status, err) == (0, "")
    assert said.splitlines()[0].startswith(f"{moderngov_site.MEETING_ID}\t2025-06-18")
    asked = [s for s in server.seen if s.route.endswith("/GetMeetings")][-1]
    assert asked.query["sFromDate"] == "01/06/2025" and asked.query["sToDate"] == "01/07/2025"


def test_joined_to_a_committee_the_import_runs_on_its_numbers(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The June meeting, imported into a folder of the commission whose committee file has no
    meeting before it: the members keep the committee file's ids."""
    moderngov_site.serve_moderngov(server)
    folder = tmp_path / "leicester-cype"
    folder.mkdir()
    shutil.copy(COMMITTEES / "leicester-cype" / "leicester-cype.committee", folder)
    out = folder / "June.minutes"
    status, _said, err = _run(
        [
            "import",
            "moderngov",
            server.url,
            "--meeting",
            moderngov_site.MEETING_ID,
            "-o",
            str(out),
            "--committee",
            str(folder / "leicester-cype.committee"),
        ],
        capsys,
    )
    assert (status, err) == (0, ""), err
    meeting = load_meeting(out)
    committee = load_committee(folder / "leicester-cype.committee")
    ids = {m.id for m in committee.members}
    assert ids & {a.id for a in meeting.attendance}
    assert meeting.body == committee.name and meeting.authority == committee.authority


def test_a_committees_membership_becomes_a_committee_file(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moderngov_site.serve_moderngov(server)
    out = tmp_path / "cype.committee"
    status, said, err = _run(
        [
            "import",
            "moderngov",
            server.url,
            "--membership",
            moderngov_site.COMMITTEE_ID,
            "-o",
            str(out),
        ],
        capsys,
    )
    assert (status, err) == (0, ""), err
    committee = load_committee(out)
    assert committee.name == moderngov_site.COMMITTEE_TITLE
    assert any(m.role is Role.CHAIR for m in committee.members)
    assert said.startswith(f"{out}: ")


def test_a_legistar_event_imports_with_its_results(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.importers import legistar_site

    legistar_site.serve_legistar(server)
    out = tmp_path / "council.minutes"
    status, said, err = _run(
        [
            "import",
            "legistar",
            legistar_site.CLIENT,
            "--api",
            server.url,
            "--event",
            legistar_site.EVENT_ID,
            "-o",
            str(out),
        ],
        capsys,
    )
    assert (status, err) == (0, ""), err
    meeting = load_meeting(out)
    assert meeting.house_style == "uscity"
    assert meeting.items and meeting.attendance
    assert _run(["export", str(out), "-o", str(tmp_path / "m.docx")], capsys)[0] == 0
    status, said, _ = _run(["check", str(out)], capsys)
    errors = [line for line in said.splitlines() if ": error" in line]
    assert not errors, said


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (
            Reply(
                b"<html><body><form>Password <input type=password></form></body></html>",
                content_type="text/html",
            ),
            "login page",
        ),
        (
            Reply(b"<html><body>Runtime Error</body></html>", status=500, content_type="text/html"),
            "HTTP 500",
        ),
        (Reply(b"<meeting><meetingdate>18/06/2025", content_type="text/xml"), "not well-formed"),
    ],
)
def test_a_failing_site_is_one_line_and_nothing_is_written(
    server: LoopbackServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    reply: Reply,
    words: str,
) -> None:
    server.reply("/mgWebService.asmx/GetMeeting", reply)
    out = tmp_path / "x.minutes"
    status, said, err = _run(
        ["import", "moderngov", server.url, "--meeting", "7", "-o", str(out)], capsys
    )
    assert status == 2 and said == ""
    assert err.count("\n") == 1 and err.startswith(f"clerk-app: error: {server.url}: ")
    assert words in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_slow_site_is_cut_off(
    server: LoopbackServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clerk_app.importers import fetch

    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 0.3)
    monkeypatch.setattr(fetch, "DEADLINE_SECONDS", 1.0)
    server.reply("/mgWebService.asmx/GetMeeting", Reply(b"<meeting/>", delay=1.5))
    out = tmp_path / "x.minutes"
    status, _, err = _run(
        ["import", "moderngov", server.url, "--meeting", "7", "-o", str(out)], capsys
    )
    assert status == 2 and "did not answer in time" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--meeting", "7"], "say where to write the meeting: -o OUT.minutes"),
        (["--meeting", "7", "-o", "x.docx"], "a meeting file's name ends in .minutes"),
        (["--membership", "42", "-o", "x.minutes"], "a committee file's name ends in .committee"),
    ],
)
def test_what_was_asked_wrongly_is_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    words: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _said, err = _run(["import", "moderngov", "http://127.0.0.1:9", *args], capsys)
    assert status == 2 and words in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_written_over(
    server: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moderngov_site.serve_moderngov(server)
    out = tmp_path / "x.minutes"
    out.write_text("the clerk's notes", encoding="utf-8")
    status, _, err = _run(
        ["import", "moderngov", server.url, "--meeting", moderngov_site.MEETING_ID, "-o", str(out)],
        capsys,
    )
    assert status == 2 and "already exists" in err
    assert out.read_text(encoding="utf-8") == "the clerk's notes"
    assert server.seen == []  # refused before asking the site anything


def test_a_site_that_is_not_an_address(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(["import", "moderngov", "ftp://x", "--committees"], capsys)
    assert status == 2 and "is not a web address" in err
