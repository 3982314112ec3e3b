"""Agenda documents for the import tests, written with python-docx into a folder (tmp_path):
typed numbers, Word's own numbering ("List Number", numbered headings), a Part B section,
report references, one modelled on Leicester's Children, Young People and Education Scrutiny
Commission agenda of 18 June 2025 (../shared/seed), and the files an import must refuse.

A document is a list of lines: a plain string is a Normal paragraph, (style, text) a paragraph
in that style, ("bold", text) a bold Normal paragraph, ("table", rows) a table.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from tests.importers.moderngov_site import SEED_TITLES

Line = str | tuple[str, Any]

LEICESTER_BODY = "Children, Young People and Education Scrutiny Commission"
LEICESTER_TITLES = SEED_TITLES
LEICESTER_VENUE = (
    "Meeting Room G.01, Ground Floor, City Hall, 115 Charles Street, Leicester, LE1 1FZ"
)


def write(path: Path, lines: Sequence[Line]) -> Path:
    """The lines as a Word document at `path`."""
    document = docx.Document()
    for line in lines:
        if isinstance(line, str):
            document.add_paragraph(line)
            continue
        style, value = line
        if style == "bold":
            document.add_paragraph().add_run(str(value)).bold = True
        elif style == "table":
            rows: Sequence[Sequence[str]] = value
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif style.startswith("numbered:"):
            # ("numbered:<numId>:<ilvl>", text): Word numbering set on the paragraph itself.
            _, num_id, ilvl = style.split(":")
            paragraph = document.add_paragraph(str(value))
            _number(paragraph, num_id, ilvl)
        else:
            document.add_paragraph(str(value), style=style)
    document.save(str(path))
    return path


def _number(paragraph: Any, num_id: str, ilvl: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), ilvl)
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), num_id)
    numpr.append(level)
    numpr.append(number)
    ppr.append(numpr)


def add_multilevel_list(path: Path, restarts: dict[str, int] | None = None) -> str:
    """Adds to the document at `path` a two-level list ("Item 1.", "1.1") and a letter level
    ("(a)") and returns its numId, for ("numbered:<id>:<ilvl>", text) lines; `restarts` adds
    lists of the same levels restarted ({numId: first number})."""
    restarts = restarts or {}
    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, fmt, text in (
        (0, "decimal", "Item %1."),
        (1, "decimal", "%1.%2"),
        (2, "lowerLetter", "(%3)"),
    ):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), val)
            lvl.append(child)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    for num_id, start in restarts.items():
        # Word's "Restart at": the same list's levels, counted afresh from `start`.
        again = OxmlElement("w:num")
        again.set(qn("w:numId"), num_id)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "90")
        again.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        first = OxmlElement("w:startOverride")
        first.set(qn("w:val"), str(start))
        override.append(first)
        again.append(override)
        numbering.append(again)
    document.save(str(path))
    return "90"


def with_numbered_lines(
    path: Path, lines: Sequence[Line], restarts: dict[str, int] | None = None
) -> Path:
    """A document with the multilevel list of `add_multilevel_list` and then `lines`:
    ("level:<ilvl>", text) on its list, ("numbered:<numId>:<ilvl>", text) on another."""
    write(path, [])
    num_id = add_multilevel_list(path, restarts)
    document = docx.Document(str(path))
    for line in lines:
        if isinstance(line, str):
            document.add_paragraph(line)
            continue
        style, value = line
        if style.startswith("level:"):
            paragraph = document.add_paragraph(str(value))
            _number(paragraph, num_id, style.split(":")[1])
        elif style.startswith("numbered:"):
            _, other, ilvl = style.split(":")
            _number(document.add_paragraph(str(value)), other, ilvl)
        else:
            document.add_paragraph(str(value), style=style)
    document.save(str(path))
    return path


def leicester(path: Path) -> Path:
    """Leicester's agenda for the commission's meeting of 18 June 2025, as the city's agendas
    are laid out: the authority over two lines, the committee in capitals, date, time and
    location labelled, the membership, then the items typed "1." in Heading 2 (their titles as
    the city's agendas print them, in capitals and small letters), report references under the
    reports."""
    titles = list(LEICESTER_TITLES)
    lines: list[Line] = [
        ("bold", "Leicester"),
        ("bold", "City Council"),
        ("Title", LEICESTER_BODY.upper()),
        "Date: Wednesday, 18 June 2025",
        "Time: 5:30 pm",
        f"Location: {LEICESTER_VENUE}",
        ("bold", "Membership"),
        "Councillor Batool (Chair)",
        "Councillor Bonham (Vice-Chair)",
        "Councillors Gregg, Moore and Singh Sangha",
        "Joycelin Eze-Okubuiro – Parent Governor Representative (Primary)",
        "Members of the public and the press are welcome to attend.",
        ("Heading 1", "AGENDA"),
    ]
    for number, title in enumerate(titles, start=1):
        lines.append(("Heading 2", f"{number}.\t{title}"))
        if number == 3:
            lines.append(
                "The minutes of the meetings held on 8 April 2025 and 22 May 2025 are attached "
                "and Members are asked to confirm them as a correct record."
            )
        if number == 11:
            lines.append(
                "Report of the Strategic Director for Social Care and Education (CYP/25/07)"
            )
            lines.append(
                "The report outlines the vision for the development of services in Leicester "
                "in response to the Families First programme."
            )
            lines.append(("bold", "RECOMMENDATIONS"))
            lines.append("That the report be noted.")
        if number == 13:
            lines.append(
                "Report of the Director of Children's Social Care, Early Help and Prevention"
            )
            lines.append("Report reference: CYP/25/09")
    return write(path, lines)


def part_b(path: Path) -> Path:
    """Typed numbers, then a Part B heading with two exempt items after the exclusion."""
    return write(
        path,
        [
            ("bold", "Wyre Forest District Council"),
            ("Title", "Cabinet"),
            "Tuesday 9 December 2025 at 10.00 am",
            "Council Chamber, Town Hall",
            "1. Apologies for Absence",
            "2. Declarations of Interest",
            "3. Housing Revenue Account Budget 2026/27 (Pages 5 - 20)",
            "Report of the Director of Housing (HSG/25/14)",
            "RECOMMENDATION",
            "That Cabinet approves the budget.",
            "4. Exclusion of the Press and Public",
            "The Cabinet is recommended to exclude the press and public for the following "
            "items under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.",
            ("Heading 1", "PART B"),
            "5. Acquisition of Land at Mill Lane",
            "6. Staffing Restructure (exempt: Schedule 12A paragraph 1)",
        ],
    )


def zip_bomb(path: Path, unpacked_mb: int = 300) -> Path:
    """A .docx-shaped zip whose document unpacks to `unpacked_mb` megabytes of zeros, a few
    hundred kilobytes on disk. Written by hand (one megabyte deflated once, its stream repeated)
    so that making it takes milliseconds; its checksum is left 0, as no reader gets that far."""
    chunk = b"0" * (1024 * 1024)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    data = block * unpacked_mb + deflate.flush()
    size = len(chunk) * unpacked_mb
    parts = [
        ("[Content_Types].xml", 0, b"<Types/>", 8),
        ("word/document.xml", 8, data, size),
    ]
    body = b""
    central = b""
    for name, method, payload, unpacked in parts:
        encoded = name.encode()
        offset = len(body)
        crc = zlib.crc32(payload) if method == 0 else 0
        body += (
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                0,
                method,
                0,
                0,
                crc,
                len(payload),
                unpacked,
                len(encoded),
                0,
            )
            + encoded
            + payload
        )
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0,
                crc,
                len(payload),
                unpacked,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(body), 0
    )
    path.write_bytes(body + central + end)
    return path


def old_doc(path: Path) -> Path:
    """A Word 97-2003 file's opening (an OLE compound file), as a .doc renamed .docx is."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + "WordDocument".encode("utf-16-le") + b"\x00" * 2048)
    return path


def encrypted(path: Path) -> Path:
    """A password-protected .docx: an OLE file holding EncryptionInfo and EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + names + b"\x00" * 2048)
    return path


def summons(path: Path) -> Path:
    """A notice of meeting as a summons letter: the committee, venue, date and time in one
    sentence, items in Heading 1 numbered by Word through the style (as an outline-numbered
    heading style is), sub-items in Heading 2 at the list's second level."""
    write(path, [])
    num_id = add_multilevel_list(path)
    document = docx.Document(str(path))
    for name, ilvl in (("Heading 1", "0"), ("Heading 2", "1")):
        ppr = document.styles[name].element.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        level = OxmlElement("w:ilvl")
        level.set(qn("w:val"), ilvl)
        number = OxmlElement("w:numId")
        number.set(qn("w:val"), num_id)
        numpr.append(level)
        numpr.append(number)
        ppr.insert(0, numpr)
    document.add_paragraph("Borough of Wellingborough")
    document.add_paragraph(
        "NOTICE IS HEREBY GIVEN that a meeting of the Development Control Committee will be "
        "held in the Council Chamber, Swanspool House on Thursday, 5th February 2026 at 7.00 pm "
        "to transact the following business."
    )
    document.add_paragraph("Chief Executive")
    for style, text in (
        ("Heading 1", "Apologies for Absence"),
        ("Heading 1", "Planning Applications"),
        ("Heading 2", "WP/2025/0412/FUL: 12 High Street"),
        ("Heading 2", "WP/2025/0433/OUT: Land off Mill Road"),
        ("Heading 1", "Enforcement Update"),
    ):
        document.add_paragraph(text, style=style)
    document.add_paragraph("Report of the Head of Planning (DC/26/02)")
    document.save(str(path))
    return path


def with_doctype(path: Path) -> Path:
    """A Word document whose document part declares an entity (Word never writes one)."""
    write(path, [("Title", "Cabinet"), "Date: 9 December 2025", "1. Apologies"])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"]
    declaration_end = xml.index(b"?>") + 2
    parts["word/document.xml"] = (
        xml[:declaration_end]
        + b'<!DOCTYPE w:document [<!ENTITY lol "lol">]>'
        + xml[declaration_end:]
    )
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def from_a_template(path: Path) -> Path:
    """An agenda made from a council's Word template: the committee in a text box on the cover
    (its fallback copy for old Word too), the header in a content control, the date in a date
    picker inside the line, an item's title with a tracked insertion and a tracked deletion."""
    write(path, [])
    document = docx.Document(str(path))
    body = document.element.body
    sectpr = body[-1]
    xml = [
        f'<w:p {_NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        "<w:txbxContent><w:p><w:r><w:t>Resources Scrutiny Committee</w:t></w:r></w:p>"
        "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>"
        "<w:r><w:t>Resources Scrutiny Committee</w:t></w:r></w:p></w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>",
        f'<w:sdt {_NS}><w:sdtPr><w:alias w:val="Meeting details"/></w:sdtPr><w:sdtContent>'
        '<w:p><w:r><w:t xml:space="preserve">Date: </w:t></w:r><w:sdt><w:sdtPr><w:date/>'
        "</w:sdtPr><w:sdtContent><w:r><w:t>Wednesday, 14 January 2026</w:t></w:r>"
        "</w:sdtContent></w:sdt></w:p>"
        "<w:p><w:r><w:t>Venue: Committee Room 2, County Hall</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>",
        f'<w:p {_NS}><w:r><w:t xml:space="preserve">1. Budget </w:t></w:r>'
        '<w:del w:id="1" w:author="Clerk"><w:r><w:delText>Monitring</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Clerk"><w:r><w:t>Monitoring</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF x '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    ]
    for fragment in xml:
        sectpr.addprevious(parse_xml(fragment))
    document.save(str(path))
    return path
