"""The clerk's own agenda document read as an agenda: the header (committee, date, time, venue,
authority), items from typed numbers and from Word's own numbering, report references, agenda
text and recommendations, Part B and exempt items with their Schedule 12A reason; and the files
refused (not a Word document, an old .doc, a password-protected one, a zip bomb, an empty
document, an agenda with no date), each with one line naming the file."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest

from clerk_app.importers.agenda import AgendaImportError
from clerk_app.importers.agenda_docx import read_agenda
from tests.importers import agenda_documents as documents

PARAGRAPH_3 = "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"


def test_leicester_agenda_gives_its_header_and_its_fifteen_items(tmp_path: Path) -> None:
    agenda = read_agenda(documents.leicester(tmp_path / "cype-2025-06-18.docx"))
    assert agenda.source == "cype-2025-06-18.docx"
    assert agenda.authority == "Leicester City Council"
    assert agenda.body == documents.LEICESTER_BODY
    assert agenda.date == dt.date(2025, 6, 18)
    assert agenda.time == dt.time(17, 30)
    assert agenda.venue == documents.LEICESTER_VENUE
    assert [item.title for item in agenda.items] == list(documents.LEICESTER_TITLES)
    assert [item.number for item in agenda.items] == [str(n) for n in range(1, 16)]
    assert not any(item.exempt or item.heading for item in agenda.items)
    families, improvement = agenda.items[10], agenda.items[12]
    assert families.report_reference == "CYP/25/07"
    assert families.agenda_text.startswith("Report of the Strategic Director")
    assert "Families First programme" in families.agenda_text
    assert families.recommendation == "That the report be noted."
    assert improvement.report_reference == "CYP/25/09"
    assert "8 April 2025" in agenda.items[2].agenda_text
    assert agenda.notes == ()


def test_typed_numbers_in_their_usual_forms(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "forms.docx",
        [
            ("Title", "Planning Committee"),
            "18th June 2025, 2pm",
            "Venue: Committee Room 1, Civic Centre",
            "1. Apologies",
            "2) Declarations of Interest",
            "Item 3 Minutes of the Previous Meeting",
            "4.\tPlanning Applications",
            "4.1 24/00123/FUL Land at Mill Lane",
            "4(a) 24/00456/OUT The Old Dairy",
            ("bold", "A12 Appeals Decided"),
        ],
    )
    agenda = read_agenda(path)
    assert agenda.body == "Planning Committee"
    assert (agenda.date, agenda.time) == (dt.date(2025, 6, 18), dt.time(14, 0))
    assert agenda.venue == "Committee Room 1, Civic Centre"
    assert [(item.number, item.title) for item in agenda.items] == [
        ("1", "Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of the Previous Meeting"),
        ("4", "Planning Applications"),
        ("4.1", "24/00123/FUL Land at Mill Lane"),
        ("4(a)", "24/00456/OUT The Old Dairy"),
        ("A12", "Appeals Decided"),
    ]


def test_word_numbering_of_a_list_number_style(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "list.docx",
        [
            ("Title", "Licensing Sub-Committee"),
            "Date: Monday 3 November 2025",
            "Time: 10.30 am",
            ("List Number", "Apologies for Absence"),
            ("List Number", "Declarations of Interest"),
            "Members are reminded to declare any interest.",
            ("List Bullet", "disclosable pecuniary interests"),
            ("List Number", "Premises Licence Review: The Crown, High Street"),
        ],
    )
    agenda = read_agenda(path)
    assert [(item.number, item.title) for item in agenda.items] == [
        ("1", "Apologies for Absence"),
        ("2", "Declarations of Interest"),
        ("3", "Premises Licence Review: The Crown, High Street"),
    ]
    assert agenda.items[1].agenda_text == (
        "Members are reminded to declare any interest.\n\ndisclosable pecuniary interests"
    )
    assert agenda.time == dt.time(10, 30)


def test_word_numbering_counted_per_level_as_word_shows_it(tmp_path: Path) -> None:
    path = documents.with_numbered_lines(
        tmp_path / "levels.docx",
        [
            ("Title", "Audit and Governance Committee"),
            "Thursday 20 November 2025 at 18:00",
            ("level:0", "Apologies"),
            ("level:0", "Internal Audit Progress"),
            ("level:1", "Quarter 2 report"),
            ("level:1", "Follow-up of recommendations"),
            ("level:2", "Housing repairs"),
            ("level:2", "Payroll"),
            ("level:0", "Treasury Management"),
            ("level:1", "Mid-year review"),
        ],
    )
    agenda = read_agenda(path)
    assert [item.number for item in agenda.items] == [
        "1",
        "2",
        "2.1",
        "2.2",
        "2.2(a)",
        "2.2(b)",
        "3",
        "3.1",
    ]
    assert agenda.items[-1].title == "Mid-year review"
    assert agenda.time == dt.time(18, 0)


def test_word_numbering_restarted(tmp_path: Path) -> None:
    """A list restarted at 1 under an item (its recommendations) is the item's text; an agenda
    whose numbering Word restarts at 5 (the second page of a continued agenda) starts at 5."""
    path = documents.with_numbered_lines(
        tmp_path / "restarted.docx",
        [
            ("Title", "Cabinet"),
            "Date: 9 December 2025",
            ("numbered:92:0", "Apologies"),
            ("numbered:92:0", "Leisure Strategy"),
            "RECOMMENDATIONS",
            ("numbered:91:0", "That the strategy be approved."),
            ("numbered:91:0", "That the Director be authorised to consult."),
            ("numbered:92:0", "Any Other Business"),
        ],
        restarts={"91": 1, "92": 5},
    )
    agenda = read_agenda(path)
    assert [(item.number, item.title) for item in agenda.items] == [
        ("5", "Apologies"),
        ("6", "Leisure Strategy"),
        ("7", "Any Other Business"),
    ]
    assert agenda.items[1].recommendation == (
        "1. That the strategy be approved.\n\n2. That the Director be authorised to consult."
    )


def test_unnumbered_headings_are_the_items_where_nothing_is_numbered(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "plain.docx",
        [
            ("Title", "Little Snoring Parish Council"),
            "Date: Monday 12 January 2026 at 7.30 pm",
            ("Heading 1", "Agenda"),
            ("Heading 2", "Apologies for Absence"),
            ("Heading 2", "Minutes of the Previous Meeting"),
            "To approve the minutes of the meeting held on 8 December 2025.",
            ("Heading 2", "Planning"),
            ("Heading 3", "Recommendation"),
            "That no objection be raised.",
            ("Heading 1", "Part B"),
            ("Heading 2", "Clerk's Salary Review"),
        ],
    )
    agenda = read_agenda(path)
    assert agenda.authority == agenda.body == "Little Snoring Parish Council"
    assert [(i.number, i.title, i.exempt, i.heading) for i in agenda.items] == [
        ("", "Apologies for Absence", False, False),
        ("", "Minutes of the Previous Meeting", False, False),
        ("", "Planning", False, False),
        ("", "Part B", True, True),
        ("", "Clerk's Salary Review", True, False),
    ]
    assert agenda.items[2].recommendation == "That no objection be raised."
    assert agenda.notes == (
        "The agenda's items are not numbered: they were taken from its headings.",
    )


def test_an_agenda_with_no_items_says_so(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "bare.docx", [("Title", "Cabinet"), "Date: 9 December 2025", "To follow."]
    )
    agenda = read_agenda(path)
    assert agenda.items == ()
    assert agenda.notes == ("The agenda has no numbered items: add the business by hand.",)


def test_part_b_marks_the_items_after_it_exempt_with_the_reason_cited(tmp_path: Path) -> None:
    agenda = read_agenda(documents.part_b(tmp_path / "cabinet.docx"))
    assert (agenda.body, agenda.date, agenda.time) == (
        "Cabinet",
        dt.date(2025, 12, 9),
        dt.time(10, 0),
    )
    assert agenda.venue == "Council Chamber, Town Hall"
    assert agenda.authority == "Wyre Forest District Council"
    titles = [(item.number, item.title, item.exempt, item.heading) for item in agenda.items]
    assert titles == [
        ("1", "Apologies for Absence", False, False),
        ("2", "Declarations of Interest", False, False),
        ("3", "Housing Revenue Account Budget 2026/27", False, False),
        ("4", "Exclusion of the Press and Public", False, False),
        ("", "PART B", True, True),
        ("5", "Acquisition of Land at Mill Lane", True, False),
        ("6", "Staffing Restructure", True, False),
    ]
    budget = agenda.items[2]
    assert budget.report_reference == "HSG/25/14"
    assert budget.recommendation == "That Cabinet approves the budget."
    assert agenda.items[5].exempt_reason == PARAGRAPH_3
    assert agenda.items[6].exempt_reason == (
        "Paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972"
    )


@pytest.mark.parametrize(
    "heading", ["Part 2", "Exempt Information", "Private Session", "NOT FOR PUBLICATION"]
)
def test_exempt_headings(tmp_path: Path, heading: str) -> None:
    path = documents.write(
        tmp_path / "exempt.docx",
        [
            ("Title", "Corporate Parenting Board"),
            "Date: 12 January 2026",
            ("Heading 2", "1. Minutes"),
            ("Heading 1", heading),
            ("Heading 2", "2. Placement Sufficiency"),
        ],
    )
    items = read_agenda(path).items
    assert [(i.title, i.exempt, i.heading) for i in items] == [
        ("Minutes", False, False),
        (heading, True, True),
        ("Placement Sufficiency", True, False),
    ]
    assert items[2].exempt_reason == ""


def test_a_part_b_numbering_its_items_afresh(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "afresh.docx",
        [
            ("Title", "Licensing Committee"),
            "Date: 12 January 2026",
            "1. Apologies",
            "2. Statement of Licensing Policy",
            "1. That the policy be adopted.",
            ("Heading 1", "PART B"),
            "1. Review of a Private Hire Driver's Licence",
            "2. Review of a Hackney Carriage Driver's Licence",
        ],
    )
    items = read_agenda(path).items
    assert [(i.number, i.title, i.exempt) for i in items] == [
        ("1", "Apologies", False),
        ("2", "Statement of Licensing Policy", False),
        ("", "PART B", True),
        ("1", "Review of a Private Hire Driver's Licence", True),
        ("2", "Review of a Hackney Carriage Driver's Licence", True),
    ]
    assert items[1].agenda_text == "1. That the policy be adopted."


def test_an_item_marked_exempt_on_its_own_line(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "own.docx",
        [
            ("Title", "Resources Scrutiny Committee"),
            "Wednesday 14 January 2026",
            "1. Budget Monitoring",
            "2. Contract Award: Waste Collection (exempt)",
            "3. Property Disposal",
            "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the "
            "Local Government Act 1972.",
            "4. Work Programme",
        ],
    )
    items = read_agenda(path).items
    assert [(i.title, i.exempt) for i in items] == [
        ("Budget Monitoring", False),
        ("Contract Award: Waste Collection", True),
        ("Property Disposal", True),
        ("Work Programme", False),
    ]
    assert items[1].exempt_reason == ""
    assert items[2].exempt_reason == PARAGRAPH_3


@pytest.mark.parametrize(
    ("line", "date", "time"),
    [
        ("Date: Wednesday, 18 June 2025", dt.date(2025, 6, 18), None),
        ("18th June 2025", dt.date(2025, 6, 18), None),
        ("Wednesday 18 June 2025 at 5:30 pm", dt.date(2025, 6, 18), dt.time(17, 30)),
        ("Date and time: 18/06/2025, 17:30", dt.date(2025, 6, 18), dt.time(17, 30)),
        ("Wednesday 18 June", dt.date(2025, 6, 18), None),
    ],
)
def test_date_forms(tmp_path: Path, line: str, date: dt.date, time: dt.time | None) -> None:
    path = documents.write(tmp_path / "d.docx", [("Title", "Council"), line, "1. Apologies"])
    agenda = read_agenda(path, today=dt.date(2025, 6, 1))
    assert (agenda.date, agenda.time) == (date, time)


def test_the_meetings_date_not_the_letters(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "letter.docx",
        [
            ("Title", "Cabinet"),
            "Issue date: 1 December 2025",
            "2 December 2025",
            "Dear Councillor,",
            "You are summoned to a meeting of the Cabinet to be held on 9 December 2025 at "
            "10am in the Council Chamber.",
            "1. Apologies",
        ],
    )
    agenda = read_agenda(path)
    assert (agenda.date, agenda.time) == (dt.date(2025, 12, 9), dt.time(10, 0))
    assert agenda.venue == "Council Chamber"


def test_a_weekday_that_does_not_match_the_date_is_noted(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "d.docx", [("Title", "Cabinet"), "Tuesday 18 June 2025", "1. Apologies"]
    )
    agenda = read_agenda(path)
    assert agenda.date == dt.date(2025, 6, 18)
    assert agenda.notes == (
        "The agenda says Tuesday 18 June 2025, but 18 June 2025 is a Wednesday: check the date.",
    )


def test_items_in_a_table(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "table.docx",
        [
            ("Title", "Health and Wellbeing Board"),
            ("table", [["Date", "Thursday 4 December 2025"], ["Venue", "County Hall"]]),
            (
                "table",
                [
                    ["Item", "Title", "Pages"],
                    ["1", "Apologies", ""],
                    ["2", "Joint Strategic Needs Assessment", "5 - 30"],
                ],
            ),
        ],
    )
    agenda = read_agenda(path)
    assert (agenda.date, agenda.venue) == (dt.date(2025, 12, 4), "County Hall")
    assert [(i.number, i.title) for i in agenda.items] == [
        ("1", "Apologies"),
        ("2", "Joint Strategic Needs Assessment"),
    ]


def test_the_membership_the_agenda_lists(tmp_path: Path) -> None:
    agenda = read_agenda(documents.leicester(tmp_path / "cype.docx"))
    assert [(a.name, a.role, a.capacity) for a in agenda.attendees] == [
        ("Councillor Batool", "Chair", ""),
        ("Councillor Bonham", "Vice-Chair", ""),
        ("Councillor Gregg", "", ""),
        ("Councillor Moore", "", ""),
        ("Councillor Singh Sangha", "", ""),
        ("Joycelin Eze-Okubuiro", "", "Parent Governor Representative (Primary)"),
    ]


def test_a_front_sheet_with_the_membership_on_one_line(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "front.docx",
        [
            "Public Document Pack",
            "Wyre Forest District Council",
            "Notice of Meeting",
            "Cabinet",
            "Date: Tuesday, 9 December 2025",
            "Members of the public are welcome to attend.",
            "Membership: Councillor H Dyke (Chair), Cllr M Rayner (Vice-Chair), "
            "Councillors Baker, Nicholls and Shaw",
            "Contact: Democratic Services, 01562 732 000",
            ("Heading 1", "Agenda"),
            "1. Apologies",
        ],
    )
    agenda = read_agenda(path)
    assert (agenda.authority, agenda.body) == ("Wyre Forest District Council", "Cabinet")
    assert [(a.name, a.role) for a in agenda.attendees] == [
        ("Councillor H Dyke", "Chair"),
        ("Cllr M Rayner", "Vice-Chair"),
        ("Councillor Baker", ""),
        ("Councillor Nicholls", ""),
        ("Councillor Shaw", ""),
    ]
    assert [item.title for item in agenda.items] == ["Apologies"]


def test_a_report_template_answering_exempt_none_is_not_exempt(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "none.docx",
        [
            ("Title", "Cabinet"),
            "Date: 9 December 2025",
            "1. Waste Strategy (Exempt: No)",
            ("bold", "Exempt information: None"),
            ("bold", "Key decision: Yes"),
            "2. Fees and Charges",
            ("bold", "CONFIDENTIAL: NO"),
        ],
    )
    items = read_agenda(path).items
    assert [(i.title, i.exempt, i.heading) for i in items] == [
        ("Waste Strategy", False, False),
        ("Fees and Charges", False, False),
    ]
    assert items[0].agenda_text == "Exempt information: None\n\nKey decision: Yes"


def test_an_exempt_appendix_leaves_its_item_public_and_says_so(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "appendix.docx",
        [
            ("Title", "Cabinet"),
            "Date: 9 December 2025",
            "1. Leisure Centre Contract",
            "Appendix 2 is not for publication by virtue of paragraph 3 of Part 1 of "
            "Schedule 12A to the Local Government Act 1972.",
            "Confidential reporting policy",
            "2. Whistleblowing Policy Review",
        ],
    )
    agenda = read_agenda(path)
    assert [(i.title, i.exempt, i.heading) for i in agenda.items] == [
        ("Leisure Centre Contract", False, False),
        ("Whistleblowing Policy Review", False, False),
    ]
    assert "Confidential reporting policy" in agenda.items[0].agenda_text
    assert agenda.notes == (
        "Item 1, Leisure Centre Contract, has an exempt appendix: the item is public; keep "
        "the appendix out of the public minutes.",
    )


def test_a_membership_table(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "members.docx",
        [
            ("Title", "Planning Committee"),
            "Date: 3 March 2026",
            "Membership",
            (
                "table",
                [
                    ["Councillor Cutkelvin", "Chair"],
                    ["Councillor Joel", "Vice-Chair"],
                    ["Councillor Aldred", "Committee Member"],
                ],
            ),
            "1. Apologies",
        ],
    )
    agenda = read_agenda(path)
    assert [(a.name, a.role) for a in agenda.attendees] == [
        ("Councillor Cutkelvin", "Chair"),
        ("Councillor Joel", "Vice-Chair"),
        ("Councillor Aldred", "Committee Member"),
    ]


def test_a_summons_with_headings_numbered_by_their_style(tmp_path: Path) -> None:
    agenda = read_agenda(documents.summons(tmp_path / "dc.docx"))
    assert agenda.authority == "Borough of Wellingborough"
    assert agenda.body == "Development Control Committee"
    assert agenda.venue == "Council Chamber, Swanspool House"
    assert (agenda.date, agenda.time) == (dt.date(2026, 2, 5), dt.time(19, 0))
    assert [(item.number, item.title) for item in agenda.items] == [
        ("1", "Apologies for Absence"),
        ("2", "Planning Applications"),
        ("2.1", "WP/2025/0412/FUL: 12 High Street"),
        ("2.2", "WP/2025/0433/OUT: Land off Mill Road"),
        ("3", "Enforcement Update"),
    ]
    assert agenda.items[-1].report_reference == "DC/26/02"
    assert agenda.attendees == ()


def test_page_numbers_set_off_by_a_tab_are_not_the_title(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "pages.docx",
        [
            ("Title", "Cabinet"),
            "Date: 9 December 2025",
            "1.\tMinutes\t5 - 12",
            "2.\tBudget 2026\t13",
            "3.\tTreasury Strategy (Pages 14 - 30)",
        ],
    )
    assert [item.title for item in read_agenda(path).items] == [
        "Minutes",
        "Budget 2026",
        "Treasury Strategy",
    ]


def test_a_template_with_a_text_box_content_controls_and_tracked_changes(
    tmp_path: Path,
) -> None:
    agenda = read_agenda(documents.from_a_template(tmp_path / "template.docx"))
    assert agenda.body == "Resources Scrutiny Committee"  # once, not its fallback copy too
    assert (agenda.date, agenda.venue) == (dt.date(2026, 1, 14), "Committee Room 2, County Hall")
    assert [(item.number, item.title) for item in agenda.items] == [("1", "Budget Monitoring")]


def test_recommendations_in_their_usual_forms(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "recs.docx",
        [
            ("Title", "Full Council"),
            "Date: Thursday 26 February 2026",
            "Time: 17.30",
            "Item 1 - Budget and Council Tax 2026/27",
            "RECOMMENDATION(S)",
            "(a) That the budget be approved.",
            "(b) That the council tax be set.",
            "Contact officer: Jane Smith, Director of Finance",
            "Item 2 - Treasury Strategy",
            "Recommendations for borrowing are set out in the report.",
            "The Council is asked to approve the strategy.",
            "Recommendation: That the prudential indicators be approved.",
        ],
    )
    agenda = read_agenda(path)
    assert (agenda.authority, agenda.body, agenda.time) == ("", "Full Council", dt.time(17, 30))
    budget, treasury = agenda.items
    assert (budget.number, budget.title) == ("1", "Budget and Council Tax 2026/27")
    assert budget.recommendation == (
        "(a) That the budget be approved.\n\n(b) That the council tax be set."
    )
    assert budget.agenda_text == "Contact officer: Jane Smith, Director of Finance"
    assert treasury.agenda_text == "Recommendations for borrowing are set out in the report."
    assert treasury.recommendation == (
        "The Council is asked to approve the strategy.\n\n"
        "That the prudential indicators be approved."
    )


# --- refused -------------------------------------------------------------------------------


def _refused(path: Path) -> str:
    with pytest.raises(AgendaImportError) as caught:
        read_agenda(path)
    assert caught.value.source == path.name
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "agenda.docx"
    path.write_text("Agenda\n1. Apologies\n", encoding="utf-8")
    assert _refused(path) == "is not a Word document (.docx)"


def test_an_old_doc_renamed(tmp_path: Path) -> None:
    problem = _refused(documents.old_doc(tmp_path / "agenda.docx"))
    assert problem.startswith("is an old Word document (.doc), not a .docx")


def test_a_password_protected_document(tmp_path: Path) -> None:
    assert _refused(documents.encrypted(tmp_path / "agenda.docx")).startswith(
        "is protected with a password"
    )


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    assert _refused(documents.zip_bomb(tmp_path / "agenda.docx")).startswith(
        "would unpack to 300 MB: refused"
    )


def test_a_document_part_too_large_to_read_is_refused(tmp_path: Path) -> None:
    path = documents.zip_bomb(tmp_path / "agenda.docx", unpacked_mb=60)
    assert _refused(path) == (
        "has a part (word/document.xml) that would unpack to 60 MB of text: refused, as an "
        "agenda's text is far smaller (the file may be damaged or hostile)"
    )


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert _refused(path) == "is not a Word document (.docx): it has no document text in it"


def test_an_empty_file_and_an_empty_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    assert _refused(empty).startswith("is empty (0 bytes)")
    blank = documents.write(tmp_path / "blank.docx", [])
    assert _refused(blank) == "is empty: it has no agenda in it"


def test_a_document_declaring_entities(tmp_path: Path) -> None:
    path = documents.with_doctype(tmp_path / "agenda.docx")
    assert _refused(path) == "has a document declaration Word never writes: refused"


def test_numbering_with_a_level_that_is_not_a_number_is_damaged(tmp_path: Path) -> None:
    path = documents.with_numbered_lines(
        tmp_path / "agenda.docx",
        [("Title", "Cabinet"), "Date: 9 December 2025", ("level:0", "Apologies")],
    )
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/numbering.xml"] = parts["word/numbering.xml"].replace(
        b'w:ilvl="1"', b'w:ilvl="one"', 1
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert _refused(path) == "is damaged: the document inside it could not be read"


def test_a_missing_file(tmp_path: Path) -> None:
    assert _refused(tmp_path / "gone.docx") == "the file is not there"


def test_an_agenda_with_no_date(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "undated.docx",
        [("Title", "Cabinet"), "Venue: Town Hall", "1. Apologies", "2. Minutes of 8 April 2025"],
    )
    assert _refused(path).startswith("gives no date for the meeting")


# --- end to end -----------------------------------------------------------------------------


def test_imported_from_the_command_line_it_loads_exports_and_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from clerk_app.cli import main
    from clerk_app.storage import load_meeting

    source = documents.part_b(tmp_path / "cabinet.docx")
    out = tmp_path / "cabinet.minutes"
    assert main(["import", "agenda", str(source), "-o", str(out)]) == 0
    meeting = load_meeting(out)
    assert (meeting.body, meeting.date, meeting.venue) == (
        "Cabinet",
        dt.date(2025, 12, 9),
        "Council Chamber, Town Hall",
    )
    titles = [(item.title, item.exempt) for item in meeting.items]
    assert ("Housing Revenue Account Budget 2026/27", False) in titles
    assert titles[-2:] == [
        ("Acquisition of Land at Mill Lane", True),
        ("Staffing Restructure", True),
    ]
    public = tmp_path / "public.txt"
    assert main(["export", str(out), "-o", str(public)]) == 0
    text = public.read_text(encoding="utf-8").upper()
    assert "HOUSING REVENUE ACCOUNT BUDGET" in text
    # exempt: the public minutes say only that it was taken in private, and why
    assert "CONSIDERED IN PRIVATE" in text
    assert PARAGRAPH_3.upper() in text
    capsys.readouterr()
    assert main(["check", str(out)]) == 0
    said = capsys.readouterr().out
    assert ": 0 error(s)" in said, said


def test_the_leicester_agenda_as_a_meeting(tmp_path: Path) -> None:
    from clerk_app.domain.model import StandingItem
    from clerk_app.importers.build import meeting_from_agenda
    from clerk_app.render.styles import find_style

    agenda = read_agenda(documents.leicester(tmp_path / "cype.docx"))
    meeting, _ = meeting_from_agenda(agenda, find_style("leicester").style)
    assert meeting.authority == "Leicester City Council"
    assert [item.agenda_number for item in meeting.items] == [str(n) for n in range(1, 16)]
    standing = {item.standing for item in meeting.items if item.standing is not None}
    assert StandingItem.PREVIOUS_MINUTES in standing


def test_numbers_written_after_agenda_item(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "words.docx",
        [
            ("Title", "Planning Committee"),
            "Tuesday 3 March 2026 at 6.30pm",
            "Agenda Item 1: Apologies",
            "Agenda Item 2 – Minutes of the Previous Meeting",
            "Item 3 - Planning Applications",
            "AGENDA ITEM 4. Appeals",
        ],
    )
    agenda = read_agenda(path)
    assert [(item.number, item.title) for item in agenda.items] == [
        ("1", "Apologies"),
        ("2", "Minutes of the Previous Meeting"),
        ("3", "Planning Applications"),
        ("4", "Appeals"),
    ]
    assert agenda.notes == ()


def test_a_part_a_heading_before_the_first_item_is_not_the_committee(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "parts.docx",
        [
            ("Title", "Cabinet"),
            "Date: 9 December 2025",
            ("Heading 1", "Part A"),
            "1. Apologies",
            ("Heading 1", "Part B"),
            "2. Land at Mill Lane",
            ("Heading 1", "Part A (continued)"),
            "3. Any Other Business",
        ],
    )
    agenda = read_agenda(path)
    assert agenda.body == "Cabinet"
    assert [(i.title, i.exempt, i.heading) for i in agenda.items] == [
        ("Apologies", False, False),
        ("Part B", True, True),
        ("Land at Mill Lane", True, False),
        ("Part A (continued)", False, True),
        ("Any Other Business", False, False),
    ]


def test_a_long_agenda_looks_each_style_up_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # python-docx finds a paragraph's default style by scanning every style, each time it is
    # asked: 3,300 paragraphs took 12 s. Looked up once per style, they take well under one.
    from docx.styles.styles import Styles

    lines: list[documents.Line] = [("Title", "Council"), "Date: 9 December 2025"]
    for n in range(1, 41):
        lines += [f"{n}. Motion {n}", f"Submitted by Councillor Shaw on {n} May.", "Seconded."]
    path = documents.write(tmp_path / "long.docx", lines)
    looked_up: list[object] = []
    default = Styles.default

    def counted(self: Styles, style_type: object) -> object:
        looked_up.append(style_type)
        return default(self, style_type)  # type: ignore[arg-type]

    monkeypatch.setattr(Styles, "default", counted)
    agenda = read_agenda(path)
    assert len(agenda.items) == 40
    assert agenda.items[-1].agenda_text == "Submitted by Councillor Shaw on 40 May.\n\nSeconded."
    assert len(looked_up) <= 2


def _repackaged(source: Path, path: Path, part: str, change: dict[bytes, bytes]) -> Path:
    """A copy of the document at `source` with words changed in one of its parts."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == part:
                for old, new in change.items():
                    data = data.replace(old, new)
            copy.writestr(info.filename, data)
    return path


_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.mark.parametrize(
    ("part", "change", "problem"),
    [
        (
            "[Content_Types].xml",
            {_MAIN: b"application/vnd.ms-word.document.macroEnabled.main+xml"},
            "is a macro-enabled Word document (.docm): save it in Word as a Word Document "
            "(.docx) and import it again",
        ),
        (
            "[Content_Types].xml",
            {
                _MAIN: b"application/vnd.openxmlformats-officedocument.wordprocessingml.template"
                b".main+xml"
            },
            "is a Word template (.dotx), not an agenda: save it in Word as a Word Document "
            "(.docx) and import it again",
        ),
        (
            "word/document.xml",
            {
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": (
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main"
                )
            },
            "is saved as Strict Open XML: save it in Word as a Word Document (.docx) and "
            "import it again",
        ),
        (
            "word/numbering.xml",
            {b"<w:numbering ": b"<w:numbering <"},
            "is damaged: the document inside it could not be read",
        ),
    ],
)
def test_word_files_it_cannot_read_say_what_to_do_in_the_clerks_words(
    tmp_path: Path, part: str, change: dict[bytes, bytes], problem: str
) -> None:
    source = documents.write(
        tmp_path / "source.docx", [("Title", "Cabinet"), "Date: 9 December 2025", "1. Apologies"]
    )
    path = _repackaged(source, tmp_path / "agenda.docx", part, change)
    assert _refused(path) == problem


def test_items_in_a_table_numbered_with_a_stop_and_described_under_their_titles(
    tmp_path: Path,
) -> None:
    path = documents.write(
        tmp_path / "table.docx",
        [
            ("Title", "Cabinet"),
            "Date: Monday, 12 January 2026",
            (
                "table",
                [
                    ["1.", "APOLOGIES FOR ABSENCE", ""],
                    ["2)", "BUDGET 2026/27", "5 - 40"],
                    ["Item 3", "LAND SALE (EXEMPT)", ""],
                ],
            ),
        ],
    )
    agenda = read_agenda(path)
    assert [(i.number, i.title, i.exempt) for i in agenda.items] == [
        ("1", "APOLOGIES FOR ABSENCE", False),
        ("2", "BUDGET 2026/27", False),
        ("3", "LAND SALE", True),
    ]


def test_a_front_sheet_as_moderngov_prints_it(tmp_path: Path) -> None:
    # "Meeting of the" on a line of its own, the committee under it; date, time and place on
    # one line.
    path = documents.write(
        tmp_path / "front.docx",
        [
            "Meeting of the",
            "CHILDREN, YOUNG PEOPLE AND EDUCATION SCRUTINY COMMISSION",
            "DATE: WEDNESDAY, 18 JUNE 2025 TIME: 5:30 pm PLACE: Meeting Room G.01, Ground "
            "Floor, City Hall, 115 Charles Street, Leicester, LE1 1FZ",
            ("Heading 1", "AGENDA"),
            "1. WELCOME AND APOLOGIES FOR ABSENCE",
        ],
    )
    agenda = read_agenda(path)
    assert agenda.body == documents.LEICESTER_BODY
    assert (agenda.date, agenda.time) == (dt.date(2025, 6, 18), dt.time(17, 30))
    assert agenda.venue == (
        "Meeting Room G.01, Ground Floor, City Hall, 115 Charles Street, Leicester, LE1 1FZ"
    )


@pytest.mark.parametrize(
    "line", ["Date: 18-06-2025", "Date: 2025-06-18", "Date: 18/6/25", "Date: 18.06.25"]
)
def test_dates_in_figures(tmp_path: Path, line: str) -> None:
    path = documents.write(tmp_path / "d.docx", [("Title", "Cabinet"), line, "1. Apologies"])
    assert read_agenda(path).date == dt.date(2025, 6, 18)


def test_a_date_that_cannot_be_is_named(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "d.docx", [("Title", "Cabinet"), "Date: Tuesday 31 June 2025", "1. Apologies"]
    )
    assert _refused(path) == (
        'gives the meeting\'s date as "31 June 2025", and June has no 31st: correct it and '
        "import it again"
    )


@pytest.mark.parametrize("heading", ["Items in Private", "EXEMPT ITEMS", "Confidential Items"])
def test_more_words_for_a_part_b(tmp_path: Path, heading: str) -> None:
    path = documents.write(
        tmp_path / "private.docx",
        [
            ("Title", "Cabinet"),
            "Date: 9 December 2025",
            "1. Budget",
            ("bold", heading),
            "2. Land at Mill Lane",
        ],
    )
    assert [(i.title, i.exempt, i.heading) for i in read_agenda(path).items] == [
        ("Budget", False, False),
        (heading, True, True),
        ("Land at Mill Lane", True, False),
    ]


def test_hidden_text_is_left_out_as_word_leaves_it_out(tmp_path: Path) -> None:
    # A council template's notes to the clerk, formatted as hidden text: Word neither shows
    # nor prints them.
    doc = docx.Document()
    doc.add_paragraph("Cabinet", style="Title")
    doc.add_paragraph("Date: 9 December 2025")
    paragraph = doc.add_paragraph("1. Apologies")
    paragraph.add_run(" [clerk: delete this note]").font.hidden = True
    doc.add_paragraph().add_run("2. An item left from last year").font.hidden = True
    shown = doc.add_paragraph("2. Minutes")
    shown.add_run(" of the Previous Meeting").font.hidden = False
    path = tmp_path / "hidden.docx"
    doc.save(str(path))
    assert [(i.number, i.title) for i in read_agenda(path).items] == [
        ("1", "Apologies"),
        ("2", "Minutes of the Previous Meeting"),
    ]


def test_a_numbering_part_of_the_wrong_kind_is_damage_not_a_crash(tmp_path: Path) -> None:
    source = documents.write(
        tmp_path / "source.docx", [("Title", "Cabinet"), "Date: 9 December 2025", "1. Apologies"]
    )
    path = _repackaged(
        source,
        tmp_path / "agenda.docx",
        "[Content_Types].xml",
        {b"wordprocessingml.numbering+xml": b"wordprocessingml.unknown+xml"},
    )
    assert _refused(path) == "is damaged: the document inside it could not be read"


def test_public_items_whose_titles_begin_with_a_part_b_word_stay_public(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "highways.docx",
        [
            ("Title", "Highways Committee"),
            "Date: 9 December 2025",
            "1. Apologies",
            "2. Restricted Parking Zone Review",
            ("bold", "Confidential Waste Contract Extension"),
            "3. Exempt Vehicles Policy",
            "4. Private Sector Housing Renewal",
            "5. Part 2 of the Local Plan",
            ("Heading 2", "Private Hire Licensing Fees"),
            ("Heading 1", "PART B: EXEMPT INFORMATION"),
            "6. Land at Mill Lane",
        ],
    )
    items = read_agenda(path).items
    assert [(i.title, i.exempt) for i in items if not i.heading] == [
        ("Apologies", False),
        ("Restricted Parking Zone Review", False),
        ("Exempt Vehicles Policy", False),
        ("Private Sector Housing Renewal", False),
        ("Part 2 of the Local Plan", False),
        ("Land at Mill Lane", True),
    ]
    assert [i.title for i in items if i.heading] == ["PART B: EXEMPT INFORMATION"]
    assert items[1].agenda_text == "Confidential Waste Contract Extension"
    assert items[4].agenda_text == "Private Hire Licensing Fees"


def test_a_subheading_under_an_exempt_item_does_not_end_the_part_b(tmp_path: Path) -> None:
    path = documents.write(
        tmp_path / "land.docx",
        [
            ("Title", "Cabinet"),
            "Date: 9 December 2025",
            "1. Apologies",
            ("Heading 1", "Part B"),
            "2. Land at Mill Lane",
            ("bold", "Part 1 Valuation"),
            ("bold", "Public Open Space"),
            "3. Staffing Matters",
            ("Heading 1", "Part A: Public Items"),
            "4. Any Other Business",
        ],
    )
    items = read_agenda(path).items
    assert [(i.title, i.exempt) for i in items if not i.heading] == [
        ("Apologies", False),
        ("Land at Mill Lane", True),
        ("Staffing Matters", True),
        ("Any Other Business", False),
    ]
    assert items[2].agenda_text == "Part 1 Valuation\n\nPublic Open Space"
