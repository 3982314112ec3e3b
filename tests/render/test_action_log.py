"""The action log written out: rows, CSV (read back by the csv module), one line per action, and
Word in every shipped house style (python-docx, the Open XML validator, LibreOffice's PDF turned
into a picture).

The CSV read by a spreadsheet is not tested here: CI installs LibreOffice Writer only, not Calc
(docs/action-log.md gives the check, run by hand with Calc installed)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject

from clerk_app.domain.actions import ActionEntry, action_log
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import FollowUp, Item, Meeting, StandingItem
from clerk_app.render.action_log import (
    ACTIONS_TEMPLATE,
    COLUMNS,
    action_log_csv,
    action_log_docx,
    action_log_rows,
    action_log_text,
)
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.pdf import docx_to_pdf
from clerk_app.render.styles import StyleFolder, find_style, load_style_folder
from tests.ooxml import OoxmlValidator
from tests.render.style_checks import assert_valid_open_xml

STYLES = ["leicester", "parish", "uscity", "district"]
JUNE, SEPTEMBER = dt.date(2025, 6, 18), dt.date(2025, 9, 23)
TODAY = dt.date(2025, 10, 2)
AWKWARD = 'Write to the "Friends", the school, and the library;\nthen report back'
COMMITTEE = "Children, Young People and Education Scrutiny Commission"
AUTHORITY = "Leicester City Council"


def meetings() -> list[Meeting]:
    june = Meeting(
        date=JUNE,
        first_minute_number=149,
        items=(
            Item(
                id="intro",
                title="Introduction",
                actions=(
                    FollowUp(id="a1", action="Circulate the staffing figures", owner="Director"),
                    FollowUp(id="a2", action=AWKWARD, owner="Officers, Libraries"),
                ),
            ),
            Item(
                id="plan",
                title="Improvement Plan",
                actions=(FollowUp(id="a3", action="Bring the plan back", due=JUNE),),
            ),
            Item(
                id="odd",
                title="Formulae",
                actions=(FollowUp(id="a4", action="=SUM(A1:A9) is not a formula", owner="-1"),),
            ),
        ),
    )
    september = Meeting(
        date=SEPTEMBER,
        first_minute_number=153,
        items=(
            Item(
                title="Matters Arising",
                standing=StandingItem.MATTERS_ARISING,
                actions=(
                    FollowUp(
                        id="a1",
                        action="Circulate the staffing figures",
                        owner="Director",
                        done=True,
                        done_on=SEPTEMBER,
                        raised_on=JUNE,
                        raised_minute="149",
                    ),
                    FollowUp(
                        id="a2",
                        action=AWKWARD,
                        owner="Officers, Libraries",
                        raised_on=JUNE,
                        raised_minute="149",
                    ),
                    FollowUp(
                        id="a3",
                        action="Bring the plan back",
                        due=JUNE,
                        raised_on=JUNE,
                        raised_minute="150",
                    ),
                ),
            ),
        ),
    )
    return [june, september]


PLAIN = HouseStyle(name="plain", display_name="Plain")


@pytest.fixture(scope="module")
def entries() -> list[ActionEntry]:
    return action_log(meetings(), lambda _: PLAIN)


def test_rows_have_the_header_then_one_row_per_action(entries: list[ActionEntry]) -> None:
    rows = action_log_rows(entries, TODAY)
    assert rows[0] == ["Action", "Owner", "Due", "Raised", "Minute", "Item", "Status", "Done on"]
    assert rows[1] == [
        "Circulate the staffing figures", "Director", "", "2025-06-18", "149", "Introduction",
        "Done", "2025-09-23",
    ]  # fmt: skip
    assert rows[3][2:8] == ["2025-06-18", "2025-06-18", "150", "Improvement Plan", "Overdue", ""]
    styled = action_log_rows(entries, TODAY, find_style("uscity").style)
    assert styled[1][3] == "June 18, 2025" and styled[1][7] == "September 23, 2025"


def test_csv_is_excel_csv_with_one_row_per_action(entries: list[ActionEntry]) -> None:
    data = action_log_csv(entries, TODAY)
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel on Windows needs to read UTF-8
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\r\n" in text
    # the embedded new line is inside a quoted cell, not a row end
    assert text.count("\r\n") == 1 + len(entries)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 1 + len(entries) == 5
    assert rows[0] == list(COLUMNS)
    assert rows[2][0] == AWKWARD and rows[2][1] == "Officers, Libraries"
    # a cell a spreadsheet would run as a formula is kept as text
    assert rows[4][0] == "'=SUM(A1:A9) is not a formula" and rows[4][1] == "'-1"


def test_text_is_one_line_per_action(entries: list[ActionEntry]) -> None:
    text = action_log_text(entries, TODAY, find_style("leicester").style)
    lines = text.splitlines()
    assert len(lines) == len(entries)
    assert lines[0] == (
        "Minute 149, 18 June 2025 [Done 23 September 2025] Circulate the staffing figures (Director)"
    )
    assert lines[1].endswith("library; then report back (Officers, Libraries)")
    assert lines[2] == ("Minute 150, 18 June 2025 [Overdue] Bring the plan back (due 18 June 2025)")
    iso = action_log_text(entries, TODAY)
    assert "Minute 149, 2025-06-18 [Done 2025-09-23]" in iso


def _cells(table: docx.table.Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _render(style: StyleFolder, entries: list[ActionEntry]) -> bytes:
    return action_log_docx(entries, style, COMMITTEE, AUTHORITY, TODAY)


@pytest.mark.parametrize("name", STYLES)
def test_word_log_in_every_shipped_style(
    name: str, entries: list[ActionEntry], ooxml: OoxmlValidator, tmp_path: Path
) -> None:
    style = find_style(name)
    data = _render(style, entries)
    assert_valid_open_xml(data, ooxml, tmp_path / f"{name}.docx")
    document: DocumentObject = docx.Document(io.BytesIO(data))
    template: DocumentObject = docx.Document(str(style.docx_template))
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].text == "Action log"
    assert paragraphs[0].style is not None and paragraphs[0].style.name == "Annex Heading"
    assert paragraphs[1].text == f"{AUTHORITY}: {COMMITTEE}"
    printed = style.style.short_date(TODAY)
    assert paragraphs[2].text == (
        f"Printed on {printed}. 4 actions: 3 outstanding (1 overdue), 1 completed."
    )
    # nothing of the minutes' template body is left
    assert [p.text for p in paragraphs[3:]] == ["Outstanding actions", "Completed actions"]
    outstanding, completed = document.tables
    rows = _cells(outstanding)
    assert rows[0] == list(COLUMNS)
    assert [r[0] for r in rows[1:]] == [
        AWKWARD,
        "Bring the plan back",
        "=SUM(A1:A9) is not a formula",
    ]
    assert [r[6] for r in rows[1:]] == ["Open", "Overdue", "Open"]
    assert rows[2][2] == style.style.short_date(JUNE)
    assert _cells(completed)[1][6:] == ["Done", style.style.short_date(SEPTEMBER)]
    # overdue said in bold words, not by colour alone
    status = outstanding.rows[2].cells[6].paragraphs[0].runs
    assert [r.text for r in status] == ["Overdue"] and all(r.bold for r in status)
    assert not any(r.bold for r in outstanding.rows[1].cells[6].paragraphs[0].runs)
    # the header row repeats over pages
    header_row = outstanding.rows[0]._tr.trPr
    assert header_row is not None and header_row.xpath("./w:tblHeader")
    # the council's styles and page setup, kept
    assert outstanding.style is not None and outstanding.style.name == "Table Grid"
    cell_style = outstanding.rows[1].cells[0].paragraphs[0].style
    assert cell_style is not None and cell_style.name == "Annex Text"
    for kept in ("Normal", "Annex Heading", "Annex Text"):
        assert document.styles[kept].font.name == template.styles[kept].font.name
    ours, theirs = document.sections[-1], template.sections[-1]
    assert (ours.page_width, ours.page_height, ours.left_margin, ours.right_margin) == (
        theirs.page_width, theirs.page_height, theirs.left_margin, theirs.right_margin,
    )  # fmt: skip
    # the headers and footers say what they say on minutes, dated today, never "DRAFT"
    furniture = " ".join(
        p.text
        for section in document.sections
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        )
        for p in part.paragraphs
    )
    assert "{" not in furniture and "DRAFT" not in furniture
    if name in ("uscity", "district"):
        assert COMMITTEE in furniture
    assert document.core_properties.title == f"Action log: {COMMITTEE}, {printed}"


def test_a_log_with_no_actions_says_so(tmp_path: Path, ooxml: OoxmlValidator) -> None:
    data = _render(find_style("parish"), [])
    assert_valid_open_xml(data, ooxml, tmp_path / "empty.docx")
    document: DocumentObject = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs if p.text][-1].endswith("There are no actions.")
    assert document.tables == []


def test_only_open_actions_gives_no_empty_table(entries: list[ActionEntry]) -> None:
    document: DocumentObject = docx.Document(
        io.BytesIO(_render(find_style("leicester"), [e for e in entries if not e.done]))
    )
    assert len(document.tables) == 1
    assert "No actions have been completed." in [p.text for p in document.paragraphs]


def _style_copy(tmp_path: Path, name: str = "leicester") -> Path:
    folder = tmp_path / "council"
    shutil.copytree(find_style(name).path, folder)
    return folder


def test_a_styles_own_actions_template_is_used(
    tmp_path: Path, entries: list[ActionEntry], ooxml: OoxmlValidator
) -> None:
    folder = _style_copy(tmp_path)
    own: DocumentObject = docx.Document()
    own.add_paragraph("{{ log.title }} of the {{ log.committee }} ({{ log.printed_on }})")
    own.add_paragraph("{{ log.summary }}")
    table = own.add_table(rows=4, cols=3)
    table.rows[0].cells[0].text = "Minute"
    table.rows[1].cells[0].text = "{%tr for a in log.actions %}"
    table.rows[2].cells[0].text = "{{ a.minute }}"
    table.rows[2].cells[1].text = "{{ a.action }}"
    table.rows[2].cells[2].text = "{% if a.overdue %}OVERDUE {% endif %}{{ a.status }} {{ a.due }}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    own.add_paragraph("{{ meeting.authority }}")
    own.save(str(folder / ACTIONS_TEMPLATE))
    data = action_log_docx(entries, load_style_folder(folder), COMMITTEE, AUTHORITY, TODAY)
    assert_valid_open_xml(data, ooxml, tmp_path / "own.docx")
    document: DocumentObject = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == f"Action log of the {COMMITTEE} (2 October 2025)"
    assert texts[-1] == AUTHORITY
    rows = _cells(document.tables[0])
    assert rows[1:] == [
        ["149", "Circulate the staffing figures", "Done "],
        ["149", AWKWARD, "Open "],
        ["150", "Bring the plan back", "OVERDUE Overdue 18 June 2025"],
        ["151", "=SUM(A1:A9) is not a formula", "Open "],
    ]


def test_an_actions_template_that_drops_actions_is_refused(
    tmp_path: Path, entries: list[ActionEntry]
) -> None:
    folder = _style_copy(tmp_path)
    own: DocumentObject = docx.Document()
    own.add_paragraph("{{ log.title }}")
    own.save(str(folder / ACTIONS_TEMPLATE))
    with pytest.raises(RenderError, match="lost the action 'Circulate the staffing figures'"):
        action_log_docx(entries, load_style_folder(folder), COMMITTEE, AUTHORITY, TODAY)


def test_a_broken_actions_template_is_one_clear_error(
    tmp_path: Path, entries: list[ActionEntry]
) -> None:
    folder = _style_copy(tmp_path)
    own: DocumentObject = docx.Document()
    own.add_paragraph("{% for a in log.actions %}{{ a.action }")
    own.save(str(folder / ACTIONS_TEMPLATE))
    with pytest.raises(RenderError, match=ACTIONS_TEMPLATE) as caught:
        action_log_docx(entries, load_style_folder(folder), COMMITTEE, AUTHORITY, TODAY)
    assert "\n" not in str(caught.value)


def test_a_style_without_a_word_template_is_refused(
    tmp_path: Path, entries: list[ActionEntry]
) -> None:
    folder = _style_copy(tmp_path)
    (folder / "minutes.docx").unlink()
    with pytest.raises(StyleError, match=r"has no minutes\.docx"):
        action_log_docx(entries, load_style_folder(folder), COMMITTEE, AUTHORITY, TODAY)


def test_the_word_log_prints_through_libreoffice(
    entries: list[ActionEntry], tmp_path: Path
) -> None:
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm is not None, "install poppler-utils (pdftoppm) to run this test"
    pdf = docx_to_pdf(_render(find_style("leicester"), entries))
    assert pdf.startswith(b"%PDF")
    (tmp_path / "log.pdf").write_bytes(pdf)
    subprocess.run(
        [
            pdftoppm,
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "log.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=120,
    )
    page = next(tmp_path.glob("page*.png"))
    assert page.read_bytes().startswith(b"\x89PNG") and page.stat().st_size > 5_000


def test_markup_characters_in_names_and_actions_stay_text(
    tmp_path: Path, ooxml: OoxmlValidator
) -> None:
    entry = ActionEntry(
        id="x",
        action="Compare <b>costs</b> & {{ savings }}",
        owner="R&D",
        due=None,
        raised_on=JUNE,
        raised_minute="1",
        item_title="Audit & Risk",
        done=False,
        done_on=None,
        closed_at=None,
        last_seen=JUNE,
    )
    committee = "Audit & Standards <Committee>"
    data = action_log_docx([entry], find_style("uscity"), committee, "Town & Country", TODAY)
    assert_valid_open_xml(data, ooxml, tmp_path / "markup.docx")
    document: DocumentObject = docx.Document(io.BytesIO(data))
    assert document.tables[0].rows[1].cells[0].text == "Compare <b>costs</b> & {{ savings }}"
    footer = " ".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "Town & Country Audit & Standards <Committee>" in footer
