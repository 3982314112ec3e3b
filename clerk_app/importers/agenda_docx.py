"""The clerk's own agenda document (.docx) read as an `Agenda`.

- The header, before the first item: the authority ("Leicester City Council"), the committee
  (the title or first heading: "Children, Young People and Education Scrutiny Commission"), the
  date ("Date: Wednesday, 18 June 2025", "18th June 2025"), the time ("5:30 pm", "17:30") and
  the venue ("Venue: Meeting Room G.01, City Hall"), labelled or not, in paragraphs or a table.
- Items: numbered paragraphs or headings, the number typed ("4.", "4)", "Item 4", "4.1",
  "4(a)", "A12") or Word's own numbering (w:numPr on the paragraph or its style, counted per
  list and level as Word shows it). A report reference on the line or under it
  ("Report of the Director of Children's Services (CYP/25/07)", "Report reference: ...");
  the paragraphs under an item are its agenda text, those after "RECOMMENDATION(S)" its
  recommendation. Where nothing is numbered, the headings after the header are the items.
- The membership the header lists ("Councillor Batool (Chair)", "Councillors Gregg, Moore and
  Singh Sangha") as attendees, in the agenda's words.
- Exempt business: a "Part B" / "Part 2" / "Exempt" / "Private session" / "Not for publication"
  heading marks the items after it exempt; an item whose line says "(exempt)" or cites
  Schedule 12A is exempt, with the paragraph it cites as the reason; one whose appendix only is
  exempt stays public (noted).

The file is untrusted: it is checked with zipfile (a Word document, not a .doc, an encrypted
file, a .docm, a template or Strict Open XML; not a zip bomb: the parts' declared sizes, which
zipfile holds a reader to, summed and each text part capped; no DTD) before python-docx opens
it. Every failure is one AgendaImportError naming
the file. No Qt, no network.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from clerk_app.importers.agenda import (
    Agenda,
    AgendaImportError,
    AgendaItem,
    Attendee,
    cited_reason,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest agenda file read (an agenda with its photographs is a few megabytes)."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""The most the document's parts may unpack to, all together (a zip bomb unpacks to far more)."""
MAX_XML_PART_BYTES = 40 * 1024 * 1024
"""The most one of its text parts (XML) may unpack to: read whole into memory as a tree, it
takes several times that (the document of a 100-page agenda is a few megabytes)."""
MAX_PARTS = 2000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARKS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))

# --- the file ---------------------------------------------------------------------------------


def _check_file(path: Path) -> None:
    """Refuse what is not a Word document, or is one too big to open safely."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(8)
    except FileNotFoundError:
        raise AgendaImportError(name, "the file is not there") from None
    except IsADirectoryError:
        raise AgendaImportError(name, "is a folder, not an agenda document") from None
    except OSError as exc:
        raise AgendaImportError(name, f"could not be opened ({exc.strerror or exc})") from None
    if size == 0:
        raise AgendaImportError(name, "is empty (0 bytes): it is not a Word document")
    if size > MAX_FILE_BYTES:
        raise AgendaImportError(
            name, f"is {size // (1024 * 1024)} MB, too large for an agenda document"
        )
    if start == _OLE_MAGIC:
        with path.open("rb") as handle:
            body = handle.read(min(size, 4 * 1024 * 1024))
        if any(mark in body for mark in _ENCRYPTED_MARKS):
            raise AgendaImportError(
                name,
                "is protected with a password: open it in Word, remove the password "
                "(File > Info > Protect Document) and import it again",
            )
        raise AgendaImportError(
            name,
            "is an old Word document (.doc), not a .docx: open it in Word and save it as "
            "a Word Document (.docx)",
        )
    if not zipfile.is_zipfile(path):
        raise AgendaImportError(name, "is not a Word document (.docx)")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_PARTS:
                raise AgendaImportError(
                    name, f"has {len(members)} parts: too many for a Word document"
                )
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise AgendaImportError(
                    name,
                    f"would unpack to {unpacked // (1024 * 1024)} MB: refused, as a Word "
                    "document of an agenda is far smaller (the file may be damaged or hostile)",
                )
            for member in members:
                if member.filename.endswith((".xml", ".rels")) and member.file_size > (
                    MAX_XML_PART_BYTES
                ):
                    raise AgendaImportError(
                        name,
                        f"has a part ({member.filename}) that would unpack to "
                        f"{member.file_size // (1024 * 1024)} MB of text: refused, as an "
                        "agenda's text is far smaller (the file may be damaged or hostile)",
                    )
            names = {member.filename for member in members}
            if "word/document.xml" not in names:
                raise AgendaImportError(
                    name, "is not a Word document (.docx): it has no document text in it"
                )
            with archive.open("word/document.xml") as part:
                head = part.read(4096)
            types = b""
            if "[Content_Types].xml" in names:
                with archive.open("[Content_Types].xml") as part:
                    types = part.read(256 * 1024)
    except AgendaImportError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        # the clerk's words, not zipfile's
        raise AgendaImportError(
            name, "is damaged: the document inside it could not be read"
        ) from None
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise AgendaImportError(name, "has a document declaration Word never writes: refused")
    save_as = "save it in Word as a Word Document (.docx) and import it again"
    if b"macroEnabled" in types:
        raise AgendaImportError(name, f"is a macro-enabled Word document (.docm): {save_as}")
    if b"wordprocessingml.template" in types:
        raise AgendaImportError(name, f"is a Word template (.dotx), not an agenda: {save_as}")
    if b"purl.oclc.org/ooxml/wordprocessingml" in head:
        raise AgendaImportError(name, f"is saved as Strict Open XML: {save_as}")


def _open(path: Path) -> Any:
    import docx  # python-docx

    try:
        return docx.Document(str(path))
    except Exception:  # python-docx raises many kinds for a damaged package
        raise AgendaImportError(
            path.name, "is damaged: the document inside it could not be read"
        ) from None  # not python-docx's words


# --- Word's own numbering ---------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass(slots=True)
class _List:
    levels: dict[int, _Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


def _attr(element: Any, tag: str) -> str | None:
    if element is None:
        return None
    child = element.find(f"{_W}{tag}")
    if child is None:
        return None
    value = child.get(f"{_W}val")
    return None if value is None else str(value)


def _roman(number: int) -> str:
    values = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def _letters(number: int) -> str:
    # Word's letters: a..z, then aa..zz, aaa..
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _formatted(number: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero"):
        return f"{number:02d}" if fmt == "decimalZero" and number < 10 else str(number)
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return None  # bullet, none, ordinal words: not an agenda number


class _Numbering:
    """Word's automatic numbers counted as Word shows them, per list (numId) and level."""

    def __init__(self, document: Any) -> None:
        self._lists: dict[str, _List] = {}
        self._style_numbering: dict[str, tuple[str | None, str | None, str | None]] = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            part = None
        abstract: dict[str, dict[int, _Level]] = {}
        nums: dict[str, tuple[str, dict[int, int]]] = {}
        if part is not None:
            root = part.element
            for node in root.findall(f"{_W}abstractNum"):
                levels: dict[int, _Level] = {}
                for lvl in node.findall(f"{_W}lvl"):
                    levels[int(lvl.get(f"{_W}ilvl") or 0)] = _level_of(lvl)
                abstract[str(node.get(f"{_W}abstractNumId"))] = levels
            for node in root.findall(f"{_W}num"):
                overrides: dict[int, int] = {}
                for override in node.findall(f"{_W}lvlOverride"):
                    restart = _attr(override, "startOverride")
                    if restart is not None and restart.lstrip("-").isdigit():
                        overrides[int(override.get(f"{_W}ilvl") or 0)] = int(restart)
                nums[str(node.get(f"{_W}numId"))] = (
                    _attr(node, "abstractNumId") or "",
                    overrides,
                )
        for num_id, (abstract_id, overrides) in nums.items():
            levels = {k: replace(v) for k, v in abstract.get(abstract_id, {}).items()}
            for ilvl, first in overrides.items():
                levels.setdefault(ilvl, _Level()).start = first
            self._lists[num_id] = _List(levels)
        self._styles = document.styles

    def _of_style(self, style: Any) -> tuple[str | None, str | None]:
        seen = 0
        while style is not None and seen < 20:
            ppr = style.element.find(f"{_W}pPr")
            numpr = None if ppr is None else ppr.find(f"{_W}numPr")
            if numpr is not None:
                return _attr(numpr, "numId"), _attr(numpr, "ilvl")
            style = style.base_style
            seen += 1
        return None, None

    def number(self, paragraph: Any) -> str | None:
        """The number Word shows before the paragraph ("4", "4.1", "4(a)"), counting it; None
        where it has none (or a bullet)."""
        ppr = paragraph._p.pPr
        numpr = None if ppr is None else ppr.find(f"{_W}numPr")
        num_id = _attr(numpr, "numId")
        ilvl_text = _attr(numpr, "ilvl")
        if num_id is None:
            try:
                style = _style(paragraph)
            except (KeyError, ValueError):
                style = None
            style_num, style_ilvl = self._of_style(style)
            num_id = style_num
            ilvl_text = ilvl_text or style_ilvl
        if num_id is None or num_id == "0" or num_id not in self._lists:
            return None
        ilvl = int(ilvl_text) if ilvl_text and ilvl_text.isdigit() else 0
        listing = self._lists[num_id]
        level = listing.levels.get(ilvl, _Level(text=f"%{ilvl + 1}."))
        if _formatted(1, level.fmt) is None:
            return None
        counters = listing.counters
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        for upper in range(ilvl):
            counters.setdefault(upper, listing.levels.get(upper, _Level()).start)

        def shown(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            lvl = listing.levels.get(at, _Level())
            return _formatted(counters.get(at, lvl.start), lvl.fmt) or ""

        text = re.sub(r"%(\d)", shown, level.text).strip()
        number = text.strip(" .:)(")
        number = re.sub(r"[.)]\s*$", "", number)
        number = re.sub(r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?", "", number, flags=re.IGNORECASE)
        if (
            ilvl > 0
            and f"%{ilvl}" not in level.text
            and "%1" not in level.text.replace(f"%{ilvl + 1}", "")
        ):
            # A level that shows only its own count ("a)") under its parent ("4"): "4(a)".
            parent_level = listing.levels.get(ilvl - 1, _Level())
            parent_text = re.sub(r"%(\d)", shown, parent_level.text).strip(" .:)(")
            own = number
            if level.fmt in ("decimal", "decimalZero"):
                number = f"{parent_text}.{own}" if parent_text else own
            else:
                number = f"{parent_text}({own})" if parent_text else own
        return number or None


def _level_of(lvl: Any) -> _Level:
    start = _attr(lvl, "start")
    return _Level(
        start=int(start) if start is not None and start.lstrip("-").isdigit() else 1,
        fmt=_attr(lvl, "numFmt") or "decimal",
        text=_attr(lvl, "lvlText") if _attr(lvl, "lvlText") is not None else "",  # type: ignore[arg-type]
    )


# --- the document as lines --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    auto_number: str | None = None
    heading: int = 0
    """1 for a title or Heading 1, 2 for Heading 2, ...; 0 for a body paragraph."""
    bold: bool = False
    in_table: bool = False


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    # Page numbers set off at the right by a tab ("4.  Minutes<tab>5 - 12"): not the title.
    text = re.sub(
        r"\t+\s*(?:pages?\s*|pp?\.?\s*)?\d{1,3}(?:\s*(?:[-–—]|to)\s*\d{1,3})?\s*$",
        "",
        text,
        flags=re.IGNORECASE | re.MULTILINE,
    )
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return "\n".join(part.strip() for part in text.split("\n")).strip()


_STYLES: weakref.WeakKeyDictionary[Any, dict[str | None, Any]] = weakref.WeakKeyDictionary()


def _style(paragraph: Any) -> Any:
    """The paragraph's style, looked up once per style and document: python-docx finds the
    default style by scanning every style each time it is asked (3,300 paragraphs took 12 s)."""
    known = _STYLES.setdefault(paragraph.part, {})
    style_id = paragraph._p.style
    if style_id not in known:
        known[style_id] = paragraph.style  # KeyError, ValueError: as python-docx raises them
    return known[style_id]


def _heading_level(paragraph: Any) -> int:
    try:
        style = _style(paragraph)
    except (KeyError, ValueError):
        return 0
    seen = 0
    while style is not None and seen < 20:
        name = (style.name or "").lower()
        if name == "title":
            return 1
        match = re.fullmatch(r"heading\s*(\d)", name)
        if match:
            return int(match.group(1))
        style = style.base_style
        seen += 1
    ppr = paragraph._p.pPr
    outline = None if ppr is None else _attr(ppr, "outlineLvl")
    if outline is not None and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    return 0


def _is_bold(paragraph: Any) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    if all(run.bold for run in runs):
        return True
    try:
        style_bold = bool(_style(paragraph).font.bold)
    except (KeyError, ValueError, AttributeError):
        style_bold = False
    return style_bold and all(run.bold is not False for run in runs)


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIPPED = frozenset(
    {
        f"{_W}pPr",
        f"{_W}rPr",
        f"{_W}del",
        f"{_W}moveFrom",
        f"{_W}instrText",
        f"{_W}delText",
        f"{_W}txbxContent",
        f"{_MC}Fallback",
        f"{_W}footnoteReference",
        f"{_W}endnoteReference",
        f"{_W}commentReference",
    }
)


def _text_of(element: Any) -> str:
    """A paragraph's text as Word shows it: its runs, hyperlinks, content controls, fields'
    results and tracked insertions; not deletions, field codes or text boxes (read apart)."""
    out: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == f"{_W}r" and _hidden(child):
                continue  # hidden text: Word neither shows nor prints it
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val") not in ("0", "false", "off")


def _blocks(parent: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in order, content controls and custom XML opened,
    and the paragraphs of a paragraph's text boxes (a cover page's title) before it."""
    for child in parent:
        tag = child.tag
        if tag == f"{_W}p":
            for box in child.iter(f"{_W}txbxContent"):
                if not any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
                    yield from _blocks(box)
            yield child
        elif tag == f"{_W}tbl":
            yield child
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif tag == f"{_W}customXml":
            yield from _blocks(child)


def _cell_text(cell: Any) -> str:
    return "\n".join(_text_of(paragraph._p) for paragraph in cell.paragraphs)


def _lines(document: Any, numbering: _Numbering) -> Iterator[_Line]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in _blocks(document.element.body):
        if block.tag == f"{_W}p":
            paragraph = Paragraph(block, document)
            auto = numbering.number(paragraph)
            text = _clean(_text_of(block))
            if not text:
                continue
            for index, part in enumerate(text.split("\n")):
                if part:
                    yield _Line(
                        part,
                        auto if index == 0 else None,
                        _heading_level(paragraph),
                        _is_bold(paragraph),
                    )
        else:
            yield from _table_lines(Table(block, document), numbering)


def _table_lines(table: Any, numbering: _Numbering) -> Iterator[_Line]:
    for row in table.rows:
        cells: list[Any] = []
        for cell in row.cells:
            if not cells or cell._tc is not cells[-1]._tc:  # merged cells repeat
                cells.append(cell)
        texts = [_clean(_cell_text(cell)) for cell in cells]
        filled = [text for text in texts if text]
        if not filled:
            continue
        first = cells[texts.index(filled[0])]
        paragraph = first.paragraphs[0] if first.paragraphs else None
        auto = numbering.number(paragraph) if paragraph is not None else None
        bold = paragraph is not None and _is_bold(paragraph)
        if len(filled) >= 2 and (_LABEL.fullmatch(filled[0] + ":") or _LABEL.fullmatch(filled[0])):
            yield _Line(f"{filled[0].rstrip(':')}: {' '.join(filled[1:])}", in_table=True)
            continue
        if (
            len(filled) == 2
            and _PERSON.match(filled[0])
            and "\n" not in filled[0] + filled[1]
            and len(filled[1]) <= 80
        ):
            # A membership table: "Councillor Batool" | "Chair".
            yield _Line(f"{filled[0]} ({filled[1]})", in_table=True)
            continue
        if len(filled) >= 2 and (auto or _TYPED_NUMBER_ONLY.fullmatch(filled[0])):
            title = filled[1]
            rest = filled[2:]
            number = re.sub(r"^(?:agenda\s+)?item\s+", "", auto or filled[0], flags=re.I)
            number = number.rstrip(".):")  # "1." in its cell: the line is "1. Title"
            pages = [text for text in rest if _PAGES.fullmatch(text)]
            yield _Line(
                f"{number}. {title.splitlines()[0]}",
                None,
                0,
                bold,
                in_table=True,
            )
            for extra in title.splitlines()[1:]:
                yield _Line(extra, in_table=True)
            for text in rest:
                if text not in pages:
                    for extra in text.splitlines():
                        yield _Line(extra, in_table=True)
            continue
        for cell in cells:
            for paragraph in cell.paragraphs:
                text = _clean(_text_of(paragraph._p))
                if text:
                    auto = numbering.number(paragraph)
                    yield _Line(text, auto, _heading_level(paragraph), _is_bold(paragraph), True)


# --- reading the lines ------------------------------------------------------------------------

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:(?P<weekday>"
    + "|".join(_WEEKDAYS)
    + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?"
)
_DATE_WORDS = re.compile(
    _WEEKDAY
    + r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+"
    + _MONTH
    + r",?(?:\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_DATE_US = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_DATE_NUMERIC = re.compile(
    r"\b(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2}(?![/.\-]?\d))\b"
)
"""18/06/2025, 18.06.2025, 18-06-2025, 18/6/25: the day first, as English agendas write it."""
_DATE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_TIME = re.compile(
    r"(?<![\d/.:])(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])\.?\s?m\b\.?"
    r"|(?<![\d/.:])(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
    r"|\b(?P<noon>noon|midday)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"(?P<label>date|time|venue|location|place|where|when|date and time|date & time"
    r"|meeting venue|meeting date|meeting time|start time|committee|meeting|authority|council)"
    r"\s*[:\-–]\s*(?P<value>.*)",
    re.IGNORECASE,
)
_NEXT_LABEL = re.compile(
    r"\s+(?=(?:date|time|venue|location|place|where)\s*:)",
    re.IGNORECASE,
)
_AUTHORITY = re.compile(
    r"^(?!(?:full|meeting|report|notice|agenda|summons|to|the|extraordinary|annual)\b)"
    r"(?:(?:the\s+)?(?:royal\s+|london\s+)?borough\s+of\s+[\w' .-]+|[\w' .&-]{2,60}?\s+"
    r"(?:city|county|borough|district|town|parish|metropolitan borough|unitary)?\s*council"
    r"|[\w' .&-]{2,60}?\s+combined authority|city of [\w' .-]+ council)$",
    re.IGNORECASE,
)
_VENUE_WORDS = re.compile(
    r"\b(?:room|city hall|town hall|county hall|guildhall|civic (?:centre|center|offices)"
    r"|council chamber|council offices|chamber|committee suite|house|microsoft teams|"
    r"zoom|remote meeting|online)\b",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^(?:issue date|issued|date of (?:issue|publication|despatch|dispatch)|published|dated"
    r"|despatched|dispatched|printed)\b",
    re.IGNORECASE,
)
_MEETING_SENTENCE = re.compile(
    r"\b(?:held|meeting|will meet|to meet|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(?:agenda|public document pack|notice of (?:the )?meeting|summons|supplementary agenda"
    r"|you are (?:hereby )?summoned|dear (?:councillor|member|sir)|to:|members? of the"
    r"|membership|contact|officer contact|democratic support|information for members of the"
    r"|issue date|date of publication|published|page \d|\d+\s*$)",
    re.IGNORECASE,
)
_TYPED = re.compile(
    r"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?)?(?P<number>[A-Z]{0,2}\d{1,3}(?:\.\d{1,3}){0,3}"
    r"(?:\s?\([a-z]{1,4}\)|\([ivx]{1,5}\)|[a-z](?![a-z]))?)"
    r"(?P<sep>\s*[.):\-–]\s*|\t+|\s+)(?P<title>\S.*)$",
    re.IGNORECASE,
)
_ITEM_WORD = re.compile(r"^(?:agenda\s+)?item\s", re.IGNORECASE)
_TYPED_NUMBER_ONLY = re.compile(
    r"(?:(?:agenda\s+)?item\s+)?[A-Z]{0,2}\d{1,3}(?:\.\d{1,3}){0,3}(?:\s?\([a-z]{1,4}\)|[a-z])?[.):]?",
    re.IGNORECASE,
)
_PAGES = re.compile(
    r"\(?\s*(?:pages?|pp?\.?)\s*\d+\s*(?:[-–—]|to)?\s*\d*\s*\)?|\d+\s*[-–—]\s*\d+",
    re.IGNORECASE,
)
_PAGES_AT_END = re.compile(
    r"\s*[(\[]?\s*(?:pages?|pp?\.)\s*\d+\s*(?:(?:[-–—]|to)\s*\d+)?\s*[)\]]?\s*$"
    r"|\s{2,}\d+\s*[-–—]\s*\d+\s*$",
    re.IGNORECASE,
)
# A heading over exempt business: "PART B", "Part 2 - Exempt Items", "EXEMPT INFORMATION",
# "Confidential Items", "Private Session"; not a public item's title that begins with one of
# those words ("Restricted Parking Zone Review", "Part 2 of the Local Plan").
_SECTION_END = r"(?:\s*$|\s*[:.\-–—(\[]|\s+(?:exempt|confidential|private|items?)\b)"
_EXEMPT_HEADING = re.compile(
    r"^(?:part\s*(?:b|2|ii|two)" + _SECTION_END + r".*"
    r"|(?:exempt|confidential|restricted|private)"
    r"(?:\s+(?:and\s+(?:confidential|exempt)\s+)?(?:items?|business|information|session|part"
    r"|reports?|matters|agenda|section|minutes))?" + _SECTION_END + r".*"
    r"|not\s+for\s+publication\b.*"
    r"|(?:items?|business)\s+(?:(?:to be\s+)?(?:taken|considered|heard)\s+)?in\s+private\b.*"
    r"|closed\s+session\b.*)$",
    re.IGNORECASE,
)
_PUBLIC_HEADING = re.compile(
    r"^(?:part\s*(?:a|1|i|one)(?:\s*$|\s*[:.\-–—(\[]|\s+(?:public|open|items?)\b).*"
    r"|public\s+(?:session|business|part|items?)\b.*"
    r"|open\s+session\b.*)$",
    re.IGNORECASE,
)
_BARE_SECTION = re.compile(
    r"(?:part\s*(?:a|b|1|2|i|ii)|private session|public session|exempt (?:business|items?|"
    r"information)|not for publication|closed session)\s*[:.\-–]?",
    re.IGNORECASE,
)
_ANSWERED_NO = re.compile(
    r"[:\-–?]\s*(?:none|no|nil|n/?a|not applicable)\b(?!\s*\w*\s*(?:paragraph|schedule))",
    re.IGNORECASE,
)
"""A report template's answer: "Exempt information: None", "Confidential: No"."""
_APPENDIX = re.compile(r"\b(?:appendix|appendices|annex|annexes)\b", re.IGNORECASE)
_EXCLUSION = re.compile(
    r"exclusion\s+of\s+(?:the\s+)?(?:press|public)|exclude\s+the\s+(?:press|public)",
    re.IGNORECASE,
)
_EXEMPT_MARK = re.compile(
    r"\s*[(\[]\s*(?:exempt|confidential|not for publication|private|part b)[^)\]]*[)\]]"
    r"|\s*[-–—:]\s*(?:exempt|confidential|not for publication)\s*$",
    re.IGNORECASE,
)
_SCHEDULE_MARK = re.compile(
    r"\s*[(\[][^()\[\]]*\bschedule\s*12\s*a\b[^()\[\]]*[)\]]", re.IGNORECASE
)
_SCHEDULE_12A = re.compile(r"\b(?:schedule|sch\.?)\s*12\s*a\b", re.IGNORECASE)
_RECOMMENDATION = re.compile(
    r"^(?:recommendations?|recommendation\s*\(s\)|recommended)"
    r"\s*(?::\s*(?P<rest>.*)|[.\-–]?\s*$)",
    re.IGNORECASE,
)
_ASKED = re.compile(
    r"^(?:the\s+)?(?:commission|committee|sub-committee|panel|board|cabinet|council|members?"
    r"|forum)\s+(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\b",
    re.IGNORECASE,
)
_TEXT_LABEL = re.compile(
    r"^(?:purpose(?: of (?:the )?report)?|summary|background(?: papers)?|introduction"
    r"|contact(?: officer)?|report author|lead officer|reasons? for|appendices|wards? affected"
    r"|key decision|financial implications|legal implications)\b",
    re.IGNORECASE,
)
_REFERENCE_LABEL = re.compile(
    r"^(?:report\s+(?:reference|ref\.?|no\.?|number)|reference|ref\.?)\s*[:.\-–]?\s*"
    r"(?P<ref>\S.*)$",
    re.IGNORECASE,
)
_REFERENCE_CODE = re.compile(
    r"[(\[]\s*(?P<ref>(?=[A-Z0-9/.\- ]*\d)(?=[A-Z0-9/.\- ]*[A-Z])[A-Z0-9][A-Z0-9.\-]*"
    r"(?:\s?/\s?[A-Z0-9.\-]+)+)\s*[)\]]",
)
_REPORT_OF = re.compile(r"^(?:a\s+)?(?:joint\s+)?report\s+(?:of|from|by)\s+", re.IGNORECASE)
_SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "on", "at", "a", "an", "with", "by", "or"}


def _title_case(text: str) -> str:
    """A committee named in capitals as a clerk writes it in a sentence."""
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return text
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index > 0 and lower in _SMALL_WORDS:
            out.append(lower)
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out).replace("'S ", "'s ").replace("’S ", "’s ")


def _date_in(text: str, today: dt.date) -> tuple[dt.date | None, str]:
    """The date the text gives and a note where its weekday does not match."""
    for pattern in (_DATE_WORDS, _DATE_US):
        for match in pattern.finditer(text):
            month = _MONTHS[match.group("month").lower().rstrip(".")]
            day = int(match.group("day"))
            year_text = match.group("year")
            weekday_text = (match.group("weekday") or "").lower()
            weekday = next(
                (
                    i
                    for i, name in enumerate(_WEEKDAYS)
                    if weekday_text and name.startswith(weekday_text[:3])
                ),
                None,
            )
            # No year: the next such day on or after a month ago, its weekday agreeing.
            years = [int(year_text)] if year_text else [today.year - 1, today.year, today.year + 1]
            found = None
            for year in years:
                try:
                    candidate = dt.date(year, month, day)
                except ValueError:
                    continue
                if not year_text and candidate < today - dt.timedelta(days=31):
                    continue
                if not year_text and weekday is not None and candidate.weekday() != weekday:
                    continue
                found = candidate
                break
            if found is None:
                continue
            note = ""
            if weekday is not None and found.weekday() != weekday:
                actual = _WEEKDAYS[found.weekday()].title()
                note = (
                    f"The agenda says {match.group(0).strip(' ,')}, but "
                    f"{found.day} {found.strftime('%B %Y')} is a {actual}: check the date."
                )
            return found, note
    for match in (*_DATE_NUMERIC.finditer(text), *_DATE_ISO.finditer(text)):
        year = int(match.group("year"))
        try:
            return dt.date(
                year + 2000 if year < 100 else year,
                int(match.group("month")),
                int(match.group("day")),
            ), ""
        except ValueError:
            continue
    return None, ""


def _impossible_date(text: str) -> str:
    """Where the text gives a date that cannot be ("31 June 2025"), what the clerk should
    correct; else empty."""
    for match in _DATE_WORDS.finditer(text):
        if not match.group("year"):
            continue
        month = _MONTHS[match.group("month").lower().rstrip(".")]
        day, year = int(match.group("day")), int(match.group("year"))
        try:
            dt.date(year, month, day)
        except ValueError:
            name = dt.date(2000, month, 1).strftime("%B")
            nth = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
            return (
                f'gives the meeting\'s date as "{day} {name} {year}", and {name} has no {day}{nth}'
            )
    return ""


def _time_in(text: str) -> dt.time | None:
    for match in _TIME.finditer(text):
        if match.group("noon"):
            return dt.time(12, 0)
        if match.group("hour"):
            hour = int(match.group("hour"))
            minute = int(match.group("minute") or 0)
            if not 1 <= hour <= 12 or minute > 59:
                continue
            if match.group("half").lower() == "p" and hour != 12:
                hour += 12
            elif match.group("half").lower() == "a" and hour == 12:
                hour = 0
            return dt.time(hour, minute)
        if match.group("hour24"):
            return dt.time(int(match.group("hour24")), int(match.group("minute24")))
    return None


def _top_number(number: str) -> int | None:
    match = re.match(r"(\d+)", number)
    return int(match.group(1)) if match else None


def _is_sub(number: str) -> bool:
    return bool(re.match(r"\d+(?:\.\d|\s?\(|[a-z])", number, re.IGNORECASE))


@dataclass(slots=True)
class _Building:
    title: str
    number: str = ""
    heading: bool = False
    exempt: bool = False
    own_exempt: bool = False
    exclusion: bool = False
    lines: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    recommendation: list[str] = field(default_factory=list)
    reference: str = ""
    in_recommendation: bool = False


def _candidate(line: _Line) -> tuple[str, str] | None:
    """(number, title) where the line opens an item, by Word's number or a typed one."""
    if line.auto_number:
        return line.auto_number, line.text
    match = _TYPED.match(line.text)
    if match is None:
        return None
    number = re.sub(r"\s+", "", match.group("number"))
    title = match.group("title").strip()
    sep = match.group("sep")
    if re.match(_MONTH + r"\b", title, re.IGNORECASE) and not _ITEM_WORD.match(line.text):
        return None  # "18 June 2025": a date, not item 18
    if re.fullmatch(r"[\d\s.,:/\-–]+", title) or re.match(
        r"(?:[ap]\.?m\b\.?|hrs?\b|hours\b|%|per cent)", title, re.IGNORECASE
    ):
        return None  # "5 - 20" (pages), "10.30 am" (a time)
    if not re.search(r"\d", number):
        return None
    # "4 Minutes": only on a heading, a bold line, a table row, after "Item", or a number that
    # is plainly one ("4.1", "4(a)").
    if (
        sep.strip() == ""
        and "\t" not in sep
        and not (
            line.heading
            or line.bold
            or line.in_table
            or _ITEM_WORD.match(line.text)
            or re.search(r"[.(]", number)
        )
    ):
        return None
    if re.match(r"[A-Z]{1,2}\d", number, re.IGNORECASE) and not (
        line.heading or line.bold or line.in_table or sep.strip() in (".", ")", ":")
    ):
        return None
    if re.match(r"^[a-z]{2}\d", number, re.IGNORECASE) and not number[:2].isupper():
        return None
    if sep.strip() in ("-", "–") and not (
        line.heading or line.bold or line.in_table or _ITEM_WORD.match(line.text)
    ):
        return None
    return number, title


def read_agenda(path: Path, *, today: dt.date | None = None) -> Agenda:
    """The agenda document at `path` as an Agenda (source: the file's name). `today` decides
    the year of a date given without one (the next such date)."""
    _check_file(path)
    document = _open(path)
    try:
        numbering = _Numbering(document)
        lines = list(_lines(document, numbering))
    except AgendaImportError:
        raise
    except Exception:  # a damaged part python-docx only meets when reading it
        raise AgendaImportError(
            path.name, "is damaged: the document inside it could not be read"
        ) from None
    return _agenda_of(path.name, lines, today or dt.date.today(), document)


def _agenda_of(
    source: str,
    lines: list[_Line],
    today: dt.date,
    document: Any,
    *,
    headings_as_items: bool = False,
) -> Agenda:
    """The agenda the lines give; where none of its items is numbered, its headings after
    the header (`headings_as_items`, tried by itself) are the items."""
    if not lines:
        raise AgendaImportError(source, "is empty: it has no agenda in it")
    header: list[_Line] = []
    built: list[_Building] = []
    exempt_section = False
    section_reason = ""
    last_top: int | None = None
    pending_number: str | None = None

    for line in lines:
        text = line.text
        current = built[-1] if built else None
        candidate = _candidate(line)
        if (
            candidate is None
            and _TYPED_NUMBER_ONLY.fullmatch(text)
            and re.search(r"\d", text)
            and (
                line.heading
                or line.bold
                or line.in_table
                or re.search(r"[.):]$", text)
                or _ITEM_WORD.match(text)
            )
        ):
            # "4." on a line of its own, the title on the next.
            pending_number = re.sub(
                r"^(?:agenda\s+)?item\s+", "", text, flags=re.IGNORECASE
            ).rstrip(".):")
            continue
        if candidate is None and pending_number is not None:
            candidate = (pending_number, text)
        pending_number = None
        if (
            candidate is None
            and headings_as_items
            and line.heading >= 2
            and (built or header_has_date(header, today))
            and not _could_be_heading(text)
            and not _LABEL.fullmatch(text)
            and not _EXEMPT_HEADING.match(text)
            and not _PUBLIC_HEADING.match(text)
            and not _RECOMMENDATION.match(text)
            and not _TEXT_LABEL.match(text)
            and len(text) <= 200
        ):
            candidate = ("", text)
        if candidate is not None:
            number, title = candidate
            top = _top_number(number)
            recommendation_like = re.match(r"^that\b", title, re.IGNORECASE)
            too_long = len(title) > 300
            out_of_order = (
                top is not None
                and last_top is not None
                and not line.heading
                and (top < last_top or (top == last_top and not _is_sub(number)))
            )
            if recommendation_like or too_long or out_of_order:
                candidate = None
        if candidate is not None:
            number, title = candidate
            top = _top_number(number)
            if top is not None:
                last_top = top if last_top is None or not _is_sub(number) else max(last_top, top)
            item = _Building(title=title, number=number)
            if _EXEMPT_HEADING.match(title) and not _EXCLUSION.search(title):
                # A numbered "PRIVATE SESSION" or "Part B": a heading of the business after it.
                item.heading = True
                item.exempt = True
                exempt_section = True
                section_reason = cited_reason(title)
            elif _EXCLUSION.search(title):
                item.exclusion = True
                exempt_section = True
            else:
                item.exempt = exempt_section
            item.lines.append(title)
            built.append(item)
            continue
        plain = (_EXEMPT_HEADING.match(text) or _PUBLIC_HEADING.match(text)) and not (
            _ANSWERED_NO.search(text)
        )
        heading_like = len(text) <= 120 and (
            line.heading or line.bold or text.isupper() or bool(_BARE_SECTION.fullmatch(text))
        )
        if plain and heading_like and (built or _EXEMPT_HEADING.match(text)):
            exempt = bool(_EXEMPT_HEADING.match(text))
            if exempt and not built and not header_has_date(header, today):
                header.append(line)  # "Not for publication" on a cover page: header
                continue
            exempt_section = exempt
            section_reason = cited_reason(text) if exempt else ""
            built.append(_Building(title=text, heading=True, exempt=exempt))
            last_top = None  # a part may number its items afresh ("Part B: 1. ...")
            continue
        if current is None:
            header.append(line)
            continue
        # A line under an item: its reference, recommendation or text.
        if current.heading:
            if _SCHEDULE_12A.search(text) and current.exempt:
                section_reason = section_reason or cited_reason(text)
            current.text.append(text)
            continue
        if current.exclusion:
            reason = cited_reason(text)
            if reason:
                section_reason = reason
        label = _REFERENCE_LABEL.match(text)
        if label and not current.reference:
            current.reference = label.group("ref").strip().rstrip(".")
            continue
        if not current.reference:
            code = _REFERENCE_CODE.search(text)
            if code and (_REPORT_OF.match(text) or len(current.text) == 0):
                current.reference = re.sub(r"\s+", "", code.group("ref"))
        recommendation = _RECOMMENDATION.match(text)
        if recommendation:
            current.in_recommendation = True
            rest = (recommendation.group("rest") or "").strip()
            if rest:
                current.recommendation.append(rest)
            continue
        if _ASKED.match(text):
            current.in_recommendation = True
            current.recommendation.append(text)
            current.lines.append(text)
            continue
        if _TEXT_LABEL.match(text):
            current.in_recommendation = False
        if _PAGES.fullmatch(text):
            continue
        current.lines.append(text)
        if current.in_recommendation:
            current.recommendation.append(_numbered_text(line))
        else:
            current.text.append(_numbered_text(line))

    agenda_header = _read_header(source, header, today)
    finished = [_finished(item, section_reason_for(built, item)) for item in built]
    items = tuple(item for item, _ in finished)
    date, time, venue, authority, body, notes = agenda_header
    notes = (*notes, *(note for _, note in finished if note))
    if not any(not item.heading for item in items) and not headings_as_items:
        unnumbered = _agenda_of(source, lines, today, document, headings_as_items=True)
        if any(not item.heading for item in unnumbered.items):
            return replace(
                unnumbered,
                notes=(
                    *unnumbered.notes,
                    "The agenda's items are not numbered: they were taken from its headings.",
                ),
            )
    if not items:
        notes = (*notes, "The agenda has no numbered items: add the business by hand.")
    untitled = sum(1 for item in items if not item.title)
    if untitled:
        notes = (*notes, f"{untitled} items had no title.")
    return Agenda(
        source=source,
        body=body,
        date=date,
        time=time,
        venue=venue,
        authority=authority,
        items=items,
        attendees=_members(header),
        notes=notes,
    )


def header_has_date(header: list[_Line], today: dt.date) -> bool:
    return any(_date_in(line.text, today)[0] is not None for line in header)


def _numbered_text(line: _Line) -> str:
    if line.auto_number:
        return f"{line.auto_number}. {line.text}"
    return line.text


def section_reason_for(built: list[_Building], item: _Building) -> str:
    """The reason the heading or exclusion before an exempt item cites."""
    index = built.index(item)
    for earlier in reversed(built[:index]):
        if earlier.heading or earlier.exclusion:
            if earlier.heading and not earlier.exempt:
                return ""
            reason = cited_reason(" ".join([earlier.title, *earlier.text, *earlier.lines]))
            if reason:
                return reason
            if earlier.heading:
                # a heading without a reason may follow an exclusion that gives it
                continue
    return ""


def _finished(item: _Building, section_reason: str) -> tuple[AgendaItem, str]:
    title = item.title
    own = " ".join(item.lines)
    reference = item.reference
    code = _REFERENCE_CODE.search(title)
    if code and not reference:
        reference = re.sub(r"\s+", "", code.group("ref"))
    exempt = item.exempt
    reason = ""
    note = ""
    if not item.heading and not item.exclusion:
        mark = _EXEMPT_MARK.search(title)
        if mark and _ANSWERED_NO.search(mark.group(0)):
            mark = None  # "(Exempt: No)"
        citing = [text for text in item.lines if _SCHEDULE_12A.search(text)]
        marked = bool(mark) or bool(citing)
        appendix_only = (bool(mark) and bool(_APPENDIX.search(mark.group(0) if mark else ""))) or (
            not mark and bool(citing) and all(_APPENDIX.search(text) for text in citing)
        )
        if appendix_only and not item.exempt:
            marked = False
            plain = _SCHEDULE_MARK.sub("", _EXEMPT_MARK.sub("", title)).strip()
            note = (
                f"Item {item.number or plain}, {plain}, has an exempt appendix: the item is "
                "public; keep the appendix out of the public minutes."
            )
        if marked:
            exempt = True
        reason = cited_reason(own) if marked else ""
        if exempt and not reason:
            reason = section_reason
    elif item.heading and item.exempt:
        reason = cited_reason(" ".join([title, *item.text]))
    title = _SCHEDULE_MARK.sub("", title)
    title = _EXEMPT_MARK.sub("", title)
    title = _PAGES_AT_END.sub("", title)
    if code:
        title = title.replace(code.group(0), "")
    title = re.sub(r"\s+", " ", title).strip(" -–—:;,")
    if item.heading:
        title = title.strip()
    item_out = AgendaItem(
        title=title,
        number=item.number,
        exempt=exempt,
        exempt_reason=reason,
        report_reference=reference,
        agenda_text="\n\n".join(item.text),
        recommendation="\n\n".join(item.recommendation),
        heading=item.heading,
    )
    return item_out, note


def _read_header(
    source: str, header: list[_Line], today: dt.date
) -> tuple[dt.date, dt.time | None, str, str, str, tuple[str, ...]]:
    date: dt.date | None = None
    time: dt.time | None = None
    venue = ""
    authority = ""
    body = ""
    notes: list[str] = []
    texts = [line.text for line in header]
    # Labelled values first: "Date: ...", "Venue: ...", maybe several on one line ("DATE: ...
    # TIME: ... PLACE: ...", as ModernGov prints a front sheet).
    labelled = [
        piece
        for text in texts
        for piece in (
            _NEXT_LABEL.split(text) if _LABEL.match(text) and _NEXT_LABEL.search(text) else [text]
        )
    ]
    for text in labelled:
        match = _LABEL.fullmatch(text)
        if match is None:
            continue
        label = match.group("label").lower()
        value = match.group("value").strip()
        if not value:
            continue
        if "date" in label or label == "when":
            if date is None:
                date, note = _date_in(value, today)
                if note:
                    notes.append(note)
            if time is None:
                time = _time_in(value)
        elif "time" in label:
            dotted = re.fullmatch(r"([01]?\d|2[0-3])[.h]([0-5]\d)(?:\s*(?:hrs|hours))?", value)
            time = time or _time_in(value)
            if time is None and dotted:
                time = dt.time(int(dotted.group(1)), int(dotted.group(2)))
        elif label in ("venue", "location", "place", "where", "meeting venue"):
            venue = venue or value
        elif label in ("committee", "meeting"):
            body = body or value
        elif label in ("authority", "council"):
            authority = authority or value
    if date is None:
        # Unlabelled: the meeting's date, not a letter's or a publication date ("Issue date:
        # 10 June 2025"); a line that speaks of the meeting or names its weekday first.
        dated = [
            (0 if _MEETING_SENTENCE.search(text) else 1, index, found, note)
            for index, text in enumerate(texts)
            if not _PUBLISHED.match(text)
            for found, note in [_date_in(text, today)]
            if found is not None
        ]
        if dated:
            _, index, date, note = min(dated, key=lambda entry: (entry[0], entry[1]))
            if note:
                notes.append(note)
            time = time or _time_in(texts[index])
            if not venue:
                venue = _venue_in_sentence(texts[index])
    if time is None:
        for text in texts:
            if _date_in(text, today)[0] is not None or re.match(r"^time\b", text, re.I):
                time = _time_in(text)
                if time is not None:
                    break
    # The authority: a short line naming a council ("Leicester City Council"), maybe split
    # over two lines ("Leicester" / "City Council").
    for index, text in enumerate(texts):
        if authority:
            break
        if len(text) <= 70 and _AUTHORITY.match(text) and not _LABEL.fullmatch(text):
            authority = text
        elif (
            index + 1 < len(texts)
            and re.fullmatch(
                r"(?:city|county|borough|district|town|parish)?\s*council", texts[index + 1], re.I
            )
            and len(text) <= 40
        ):
            authority = f"{text} {texts[index + 1]}"
    # The committee: a "meeting of the ..." sentence, else the title or the first heading.
    if not body:
        for index, text in enumerate(texts):
            if re.fullmatch(r"(?:a\s+)?meeting of(?: the)?:?", text, re.IGNORECASE):
                # "Meeting of the" on its own line, the committee on the next
                if index + 1 < len(texts) and _could_be_body(texts[index + 1], authority, today):
                    body = texts[index + 1]
                    break
                continue
            match = re.search(
                r"meeting of (?:the )?(?P<body>.+?)(?:\s+(?:will be|to be|is to be|to|which will)"
                r"\s+(?:be\s+)?held\b|\s+(?:on|at|held)\s+|[,.]?$)",
                text,
                re.IGNORECASE,
            )
            if (
                match
                and len(match.group("body")) <= 120
                and not re.match(r"^(?:minutes|notes)\b", text, re.IGNORECASE)
            ):
                candidate = match.group("body").strip(" ,.")
                if _date_in(candidate, today)[0] is None and candidate.lower() not in ("council",):
                    body = candidate
                    break
    if not body:
        ranked = sorted(
            (
                # a title or heading first, then a bold line (a heading's bold is its style's)
                (line.heading or 9, 0 if line.bold and not line.heading else 1, index)
                for index, line in enumerate(header)
                if _could_be_body(line.text, authority, today)
                and (line.heading or line.bold or line.text.isupper())
            ),
        )
        if ranked:
            body = header[ranked[0][2]].text
    if not body:
        for text in texts:
            if _could_be_body(text, authority, today):
                body = text
                break
    if date is None:
        impossible = next((found for text in texts if (found := _impossible_date(text))), "")
        if impossible:
            raise AgendaImportError(source, f"{impossible}: correct it and import it again")
        raise AgendaImportError(
            source,
            'gives no date for the meeting (a line such as "Date: Wednesday, 18 June 2025" '
            "before the first item)",
        )
    if not venue:
        for text in texts:
            if (
                _VENUE_WORDS.search(text)
                and len(text) <= 160
                and not _could_be_heading(text)
                and _date_in(text, today)[0] is None
                and not _AUTHORITY.match(text)
            ):
                venue = text
                break
    body = _title_case(body.strip(" ,.:"))
    if not body and authority:
        body = authority  # a parish or town council's own meeting: the council is the body
    if not body:
        notes.append("The agenda does not name the committee: add it to the meeting.")
    return date, time, venue.strip(" ,."), authority.strip(), body, tuple(notes)


def _venue_in_sentence(text: str) -> str:
    match = re.search(
        r"\bheld\s+(?:at|in)\s+(?P<venue>.+?)\s+on\s+", text, re.IGNORECASE
    ) or re.search(
        r"(?:\b\d{4}|\d\s*[ap]\.?m\b\.?|\d[:.]\d\d)\s*,?\s*(?:at|in)\s+(?:the\s+)?"
        r"(?P<venue>[A-Z].+?)[.]?$",
        text,
    )
    if match is None:
        return ""
    return re.sub(r"^the\s+(?=[A-Z])", "", match.group("venue").strip(" ,."))


def _could_be_heading(text: str) -> bool:
    return bool(_BOILERPLATE.match(text))


def _could_be_body(text: str, authority: str, today: dt.date) -> bool:
    if not text or len(text) > 120:
        return False
    if text == authority or (authority and text in authority) or _AUTHORITY.match(text):
        return False
    if _BOILERPLATE.match(text) or _LABEL.fullmatch(text):
        return False
    if _BARE_SECTION.fullmatch(text) or _PUBLIC_HEADING.match(text) or _EXEMPT_HEADING.match(text):
        return False  # "Part A", "Private session": a section of the agenda, not its committee
    if re.fullmatch(r"(?:city|county|borough|district|town|parish)?\s*council", text, re.I):
        return False
    if _date_in(text, today)[0] is not None or _time_in(text) is not None:
        return False
    if _VENUE_WORDS.search(text) and not re.search(
        r"committee|commission|board|panel|council|cabinet|forum|sub-committee", text, re.I
    ):
        return False
    return bool(re.search(r"[A-Za-z]{3}", text))


# --- the membership the agenda lists ----------------------------------------------------------

_MEMBERSHIP = re.compile(
    r"^(?:membership|members|committee members|(?:voting |co-opted )?members of the "
    r"(?:committee|commission|board|panel|cabinet|sub-committee)|councillors|to)"
    r"(?:\s*\(?\d+\)?)?\s*(?::\s*(?P<rest>.*)|$)",
    re.IGNORECASE,
)
_PERSON_TITLE = (
    r"(?:councillors?|cllrs?\.?|mr|mrs|ms|miss|mx|dr|professor|prof|alderman|alderwoman"
    r"|the (?:lord |deputy )?mayor|reverend|rev\.?|canon|sir|dame)"
)
_PERSON = re.compile(r"^" + _PERSON_TITLE + r"\s+\S", re.IGNORECASE)
_ROLE_FIRST = re.compile(
    r"^(?P<role>(?:vice[- ]|deputy )?(?:chair(?:man|person)?|mayor|leader))\s*[:\-–]\s*"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)


def _members(header: list[_Line]) -> tuple[Attendee, ...]:
    """The people the header lists as the committee's membership ("Councillor Batool (Chair)",
    "Councillors Gregg, Moore and Singh Sangha", "Joycelin Eze-Okubuiro – Parent Governor
    Representative"), in its words; none where it lists none."""
    people: list[Attendee] = []
    inside = False
    for line in header:
        text = line.text
        match = _MEMBERSHIP.match(text)
        if match and not inside and len(text) <= 200:
            inside = True
            text = (match.group("rest") or "").strip()
            if not text:
                continue
        if not inside:
            continue
        found = _people_in(text)
        if not found:
            if people:
                break
            continue
        people.extend(found)
    return tuple(people)


def _people_in(text: str) -> list[Attendee]:
    if len(text) > 200 or _LABEL.fullmatch(text):
        return []
    role = ""
    first = _ROLE_FIRST.match(text)
    if first:
        role, text = first.group("role"), first.group("rest").strip()
    found: list[Attendee] = []
    for part in re.split(r"\s*[,;]\s*(?=" + _PERSON_TITLE + r"\s)", text, flags=re.IGNORECASE):
        plural = re.match(r"^(councillors|cllrs\.?)\s+(?P<names>.+)$", part, re.IGNORECASE)
        if plural:
            singular = "Councillor" if plural.group(1).lower() == "councillors" else "Cllr"
            names = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", plural.group("names").strip(" ."))
            for name in names:
                one = _person(f"{singular} {name}", role)
                if one is None:
                    return []
                found.append(one)
            continue
        one = _person(part.strip(" ."), role)
        if one is None:
            return []
        found.append(one)
    return found


def _person(text: str, role: str) -> Attendee | None:
    capacity = ""
    described = re.match(r"^(?P<name>[^–—:]+?)\s+[–—-]\s+(?P<what>.+)$", text)
    if described and not _PERSON.match(text):
        name = described.group("name").strip()
        if len(name.split()) > 5 or not all(word[:1].isupper() for word in name.split()):
            return None
        return Attendee(name=name, role=role, capacity=described.group("what").strip())
    if not _PERSON.match(text):
        return None
    bracket = re.search(r"\s*\((?P<role>[^()]+)\)\s*$", text)
    if bracket:
        role = role or bracket.group("role").strip()
        text = text[: bracket.start()]
    elif described:
        text = described.group("name").strip()
        capacity = described.group("what").strip()
    name = text.strip(" ,.")
    if len(name.split()) > 7:
        return None
    return Attendee(name=name, role=role, capacity=capacity)
