"""The action log's CSV as a spreadsheet opens it: LibreOffice Calc reads it (as Excel's import
would, UTF-8 by its byte order mark) and the sheet has a header and one row per action, with an
action's commas, quotes and new lines kept inside its cell. `.ci/run` installs Calc."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from lxml import etree, html

from clerk_app.domain.actions import action_log
from clerk_app.domain.model import FollowUp, Item, Meeting
from clerk_app.render.action_log import action_log_csv
from clerk_app.render.pdf import find_soffice
from clerk_app.render.styles import find_style

CSV_UTF8 = "CSV:44,34,76,1"  # comma, double quote, UTF-8, from the first line


def _spreadsheet_rows(csv_path: Path, work: Path) -> list[list[str]]:
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice is needed: apt-get install libreoffice-calc-nogui"
    profile = (work / "profile").as_uri()
    done = subprocess.run(
        [
            str(soffice),
            f"-env:UserInstallation={profile}",
            "--headless",
            f"--infilter={CSV_UTF8}",
            "--convert-to",
            "html:HTML (StarCalc)",
            "--outdir",
            str(work / "out"),
            str(csv_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    sheet = work / "out" / (csv_path.stem + ".html")
    assert sheet.is_file(), (
        "LibreOffice Calc did not read the CSV (is libreoffice-calc-nogui installed?): "
        + done.stderr[-500:]
    )
    tree = html.fromstring(sheet.read_bytes())
    return [[_text(cell) for cell in row if cell.tag in ("td", "th")] for row in tree.iter("tr")]


def _text(cell: etree._Element) -> str:
    return " ".join("".join(str(part) for part in cell.itertext()).split())


def test_a_spreadsheet_reads_one_row_per_action(tmp_path: Path) -> None:
    tricky = 'Write to "Friends of the Park", the school,\nand the ward councillors'
    meeting = Meeting(
        date=dt.date(2025, 6, 18),
        first_minute_number=149,
        items=(
            Item(title="Parks", actions=(FollowUp(action=tricky, owner="Ó Sé, Director"),)),
            Item(
                title="Budget", actions=(FollowUp(action="Report back", due=dt.date(2025, 9, 23)),)
            ),
        ),
    )
    style = find_style("leicester").style
    entries = action_log([meeting], lambda _meeting: style)
    path = tmp_path / "actions.csv"
    path.write_bytes(action_log_csv(entries, dt.date(2025, 10, 1)))
    rows = _spreadsheet_rows(path, tmp_path)
    assert len(rows) == 1 + 2
    assert rows[0][:2] == ["Action", "Owner"]
    # the new line comes back as a line break in the cell, which the HTML gives as <br>
    assert "".join(rows[1][0].split()) == "".join(tricky.split())
    assert rows[1][1] == "Ó Sé, Director"
    assert rows[2][0] == "Report back"
