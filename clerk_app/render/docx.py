"""Word minutes, from a house style's `minutes.docx` rendered by docxtpl, then checked.

Three guards stand between a template and a clerk's published minutes:

- rendering runs in Clerk's sandboxed, autoescaping Jinja environment (docxtpl's default escapes
  nothing: "&" silently vanishes and "<b>" injects markup that Word refuses to open);
- the XML each part's template produced is parsed strictly before docxtpl gets it (docxtpl parses
  in lxml's recover mode, which drops or truncates whatever it cannot read), and every XML part of
  the saved document is parsed strictly again;
- the saved document's text (what a reader sees) must contain every piece of the minutes' text
  the context holds (`clerk_app.render.completeness`, the same check as plain text); any loss
  fails the export with the minute and the words that went missing.

Before any of that, the template file itself is inspected (`template_problems`, which
`check-style` reports in the same words): a house style goes into every public copy, so it may
not make Word reach outside the document (an attached template on a server, a linked picture,
an INCLUDETEXT or DDE field, a mail merge), nor hold a document type declaration, nor parts that
unpack to more than a house style needs. The sizes are read from the zip's directory before
python-docx opens the file; Python's zipfile never hands out more than the size a part declares
(it stops and fails the CRC check), so the declared sizes bound what loading can take. The
document the template produced is inspected again for fields, since a template can write markup.
Hyperlinks to outside the document are kept: Word follows one only when the reader clicks it,
and asks first; councils put their website in the footer.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree

from clerk_app import __version__
from clerk_app.domain.model import Meeting
from clerk_app.render.completeness import EVERY_PART, check_complete, style_parts
from clerk_app.render.context import ItemView, MinutesContext, build_context
from clerk_app.render.environment import (
    TEMPLATE_ERRORS,
    describe_template_error,
    environment_for,
    render_limits,
    template_cache,
)
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import DOCX_TEMPLATE, StyleFolder

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_LISTING_MARK = re.compile("[\t\n\a\f]")


def parse_strictly(xml: str | bytes, part: str) -> etree._Element:
    try:
        data = xml.encode("utf-8") if isinstance(xml, str) else xml
        return etree.fromstring(data, parser=_STRICT)
    except etree.XMLSyntaxError as exc:
        raise RenderError(
            f"the Word template produced broken XML in {part} ({exc.msg}, line {exc.lineno}); "
            "nothing was written"
        ) from None


class _StrictTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl with a strict parse of what the template produced, before docxtpl's lenient one;
    and, when what it produced is large enough to hold a text too long for one Word run, the
    minutes' texts measured (`check_text_sizes`), so that none is silently cut."""

    minutes: MinutesContext | None = None

    def _measure(self, size: int) -> None:
        if size > TEXT_LIMIT and self.minutes is not None:
            check_text_sizes(self.minutes)

    def fix_tables(self, xml: str) -> Any:
        if len(xml) * 4 > TEXT_LIMIT:
            self._measure(len(xml.encode("utf-8")))
        parse_strictly(xml, "word/document.xml")
        return super().fix_tables(xml)

    def map_headers_footers_xml(self, rel_key: str, xml: bytes) -> None:
        part = self.docx._part.rels[rel_key].target_part
        self._measure(len(xml))
        parse_strictly(xml, str(part.partname).lstrip("/"))
        super().map_headers_footers_xml(rel_key, xml)

    def resolve_listing(self, xml: str) -> Any:
        # docxtpl turns tabs and line breaks in text into Word's tab and break elements with three
        # nested regular expressions over the whole document. Only the few paragraphs that hold
        # such a character need it: hand docxtpl just those.
        parts: list[str] = []
        done = 0
        for mark in _LISTING_MARK.finditer(xml):
            if mark.start() < done:
                continue  # inside a paragraph already handled
            start = max(xml.rfind("<w:p>", 0, mark.start()), xml.rfind("<w:p ", 0, mark.start()))
            end = xml.find("</w:p>", mark.start())
            if start < done or end < 0:
                return super().resolve_listing(xml)  # not inside a simple paragraph: all of it
            end += len("</w:p>")
            parts += [xml[done:start], super().resolve_listing(xml[start:end])]
            done = end
        parts.append(xml[done:])
        return "".join(parts)


def describe_open_error(exc: Exception) -> str:
    """Why python-docx could not open a Word file, in words rather than its exception's."""
    if isinstance(exc, PackageNotFoundError | zipfile.BadZipFile):
        return "it is not a Word file, or it is truncated or damaged"
    if isinstance(exc, OSError):
        return f"cannot be read: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


# --- what a Word house style may not hold ----------------------------------------------------

MB = 1_000_000
PART_LIMIT = 50 * MB
"""The most one part of a Word template may unpack to: a crest or a photograph is far less."""
PACKAGE_LIMIT = 200 * MB
"""The most a whole Word template may unpack to, and the most its file may be."""
PART_COUNT_LIMIT = 10_000
DEFLATE_RATIO = 1100
"""More than deflate ever makes of one compressed byte (about 1,032): a part declaring more is
damaged or lying."""
TEXT_LIMIT = 9_900_000
"""The most UTF-8 one run of the minutes' text (between line breaks and tabs) may be: lxml,
under docxtpl, holds at most 10,000,000 bytes in one text node and silently cuts the rest; the
margin is for the template's own words in the same run."""

FETCHING_FIELDS = frozenset(
    {
        "INCLUDETEXT",
        "INCLUDE",
        "INCLUDEPICTURE",
        "IMPORT",
        "LINK",
        "DDE",
        "DDEAUTO",
        "DATABASE",
        "RD",
    }
)
"""Word fields that fetch a file, a picture, a spreadsheet's cells or a database query from
outside the document when Word updates them (RD names another file for a table of contents)."""
_REL_KINDS = {
    "attachedTemplate": "an attached template",
    "image": "a picture",
    "oleObject": "a linked object",
    "package": "a linked object",
    "subDocument": "a subdocument",
    "frame": "a frame",
    "mailMergeSource": "a mail merge's data",
    "mailMergeHeaderSource": "a mail merge's data",
    "audio": "a sound",
    "video": "a video",
}
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PROLOGUE = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
_GUARDED = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
_METHODS = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA"}
_FIRST_WORD = re.compile(r"\s*([^\s\"\\]+)")
_WORD_DONE = re.compile(r"\s*\S+\s")
_JINJA = re.compile(r"\{\{|\{%")


@dataclass(frozen=True, slots=True)
class PackageProblem:
    """Something in a Word file that Clerk will not export; `part` is the part of the package
    it is in (empty for the file as a whole)."""

    part: str
    message: str

    def place(self, file: str | Path) -> str:
        return f"{file} ({self.part})" if self.part else str(file)


def size_text(count: int) -> str:
    """A size in a message: "1.6 GB", "225 MB", "27 KB" (decimal units, as lxml's limit is)."""
    for unit, size in (("GB", 10**9), ("MB", MB), ("KB", 1000)):
        if count >= size:
            value = count / size
            text = f"{value:.1f}" if value < 9.95 else f"{value:.0f}"
            return f"{text.removesuffix('.0')} {unit}"
    return f"{count} bytes"


def quoted(value: str, limit: int = 80) -> str:
    """A value read from a file, quoted on one line: control characters escaped, shortened."""
    text = "".join(
        c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
        for c in value[: limit + 1]
    )
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def read_template(path: Path) -> tuple[bytes, tuple[PackageProblem, ...]]:
    """A Word template's bytes, read once (python-docx is given these, not the file, so that
    what was inspected is what is used), and what in it Clerk will not export. Raises OSError
    when the file cannot be read."""
    with path.open("rb") as file:
        data = file.read(PACKAGE_LIMIT + 1)
    if len(data) > PACKAGE_LIMIT:
        limit = size_text(PACKAGE_LIMIT)
        return b"", (PackageProblem("", f"is larger than a house style may be ({limit})"),)
    return data, template_problems(data)


def template_problems(data: bytes) -> tuple[PackageProblem, ...]:
    """What in a Word template (the bytes of its file) Clerk will not export: parts too large,
    references and fields that reach outside the document, document type declarations. A file
    that is not a zip package is left to python-docx's opening, which says so."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return ()
    problems: list[PackageProblem] = []
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        problems += _size_problems(infos)
        if problems:
            return tuple(problems)  # nothing of it is unpacked
        xml_parts = _xml_part_names(archive, infos)
        for info in infos:
            if info.filename in xml_parts:
                problems += _xml_part_problems(archive, info)
    return tuple(dict.fromkeys(problems))


def _size_problems(infos: list[zipfile.ZipInfo]) -> Iterator[PackageProblem]:
    """Parts (as the zip's directory declares them) that unpack to too much, or that declare
    more than their compressed bytes can hold."""
    if len(infos) > PART_COUNT_LIMIT:
        yield PackageProblem(
            "",
            f"holds {len(infos):,} parts, more than a house style may hold ({PART_COUNT_LIMIT:,})",
        )
        return
    total, part_too_large = 0, False
    for info in infos:
        size, packed = info.file_size, info.compress_size
        most = packed if info.compress_type == zipfile.ZIP_STORED else packed * DEFLATE_RATIO
        total += size
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            method = _METHODS.get(info.compress_type, f"method {info.compress_type}")
            yield PackageProblem(
                info.filename,
                f"is compressed in a way Word never uses ({method}): save the template again "
                "from Word",
            )
        elif size > PART_LIMIT:
            part_too_large = True
            yield PackageProblem(
                info.filename,
                f"unpacks to {size_text(size)}, more than one part of a house style may hold "
                f"({size_text(PART_LIMIT)})",
            )
        elif size > most + 1024:
            yield PackageProblem(
                info.filename,
                f"claims to unpack to {size_text(size)} from {size_text(packed)}, which no Word "
                "file does: the file is damaged or made to mislead",
            )
    if total > PACKAGE_LIMIT and not part_too_large:
        yield PackageProblem(
            "",
            f"unpacks to {size_text(total)} in all, more than a house style may hold "
            f"({size_text(PACKAGE_LIMIT)})",
        )


def _xml_part_names(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> set[str]:
    """The parts that are XML: by their name, or by the type [Content_Types].xml gives them."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    try:
        types = etree.fromstring(archive.read("[Content_Types].xml"), parser=_GUARDED)
        for entry in types.iter(f"{_CONTENT_TYPES}Default"):
            defaults[entry.get("Extension", "").lower()] = entry.get("ContentType", "")
        for entry in types.iter(f"{_CONTENT_TYPES}Override"):
            overrides[entry.get("PartName", "").lstrip("/")] = entry.get("ContentType", "")
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError, RuntimeError):
        pass  # missing or unreadable: its own part's check, or python-docx, says so
    names = set()
    for info in infos:
        name = info.filename
        kind = overrides.get(name) or defaults.get(name.rpartition(".")[2].lower(), "")
        if name.lower().endswith((".xml", ".rels", ".vml")) or kind.endswith("xml"):
            names.add(name)
    return names


def _has_doctype(raw: bytes) -> bool:
    """Whether an XML part's prologue declares a document type, found without parsing it (a
    parser would read the declaration's entities, or fail on them)."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (b"<\0\0\0", "utf-32-le"),
        (b"\0\0\0<", "utf-32-be"),
        (b"<\0", "utf-16-le"),
        (b"\0<", "utf-16-be"),
    ):
        if raw.startswith(bom):
            raw = raw.decode(encoding, errors="replace").encode("utf-8")
            break
    raw = raw.removeprefix(codecs.BOM_UTF8)
    prologue = _PROLOGUE.match(raw)
    return raw.startswith(b"<!DOCTYPE", prologue.end() if prologue else 0)


def _xml_part_problems(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[PackageProblem]:
    name = info.filename
    try:
        raw = archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
        return [PackageProblem(name, f"is damaged ({exc}): save the template again from Word")]
    doctype = PackageProblem(
        name,
        "holds a document type declaration (<!DOCTYPE …>), which Word files never have and "
        "Clerk does not read: save the template again from Word",
    )
    if _has_doctype(raw):
        return [doctype]
    try:
        root = etree.fromstring(raw, parser=_GUARDED)
    except etree.XMLSyntaxError as exc:
        return [
            PackageProblem(
                name,
                f"is not well-formed XML ({str(exc.msg)[:120]}, line {exc.lineno}): save the "
                "template again from Word",
            )
        ]
    if getattr(root.getroottree().docinfo, "doctype", ""):
        return [doctype]  # an encoding the prologue search does not read
    return list(reference_problems(name, root, template=True))


def reference_problems(
    name: str, root: etree._Element, *, template: bool
) -> Iterator[PackageProblem]:
    """What in one parsed part reaches outside the document: an external relationship (but a
    hyperlink), a mail merge, an imported piece of another document, a field that fetches
    content. In a template (`template`), a
    field whose instruction the template writes is refused too: no check could tell what it
    would fetch."""
    if root.tag == f"{{{_PACKAGE_RELS}}}Relationships":
        for rel in root:
            mode, kind = rel.get("TargetMode", ""), rel.get("Type", "")
            if mode.strip().lower() == "external" and not kind.endswith("/hyperlink"):
                what = _REL_KINDS.get(kind.rpartition("/")[2], "a file")
                yield PackageProblem(
                    name,
                    f"refers to {quoted(rel.get('Target', ''))} outside the document ({what}), "
                    "which Word would fetch when the minutes are opened: a house style must "
                    "hold everything it shows",
                )
        return
    if next(root.iter(f"{_W}mailMerge"), None) is not None:
        yield PackageProblem(
            name,
            "is set up for a mail merge, which takes data from outside the document when Word "
            "opens it: make it a normal Word document again (Mailings, Start Mail Merge, "
            "Normal Word Document)",
        )
    if next(root.iter(f"{_W}altChunk"), None) is not None:
        # A part in another format (a web page, another document) that Word converts when it
        # opens the file, fetching whatever a web page refers to; Word's own saving never
        # leaves one.
        yield PackageProblem(
            name,
            "holds a piece of another document (an altChunk), which Word converts when it "
            "opens the minutes and which may fetch content from outside the document: save "
            "the template again from Word",
        )
    for instruction, computed in _field_instructions(root):
        word = _FIRST_WORD.match(instruction)
        kind = word.group(1).upper() if word else ""
        if kind in FETCHING_FIELDS:
            article = "an" if kind[0] in "AEIOU" or kind == "RD" else "a"
            yield PackageProblem(
                name,
                f"has {article} {kind} field, which fetches content from outside the document "
                "when Word updates it: remove the field",
            )
        elif computed:
            yield PackageProblem(
                name,
                "has a field whose kind another field works out, which could make it fetch "
                "content from outside the document: remove the field",
            )
        elif template and _JINJA.search(instruction):
            yield PackageProblem(
                name,
                f"has a field whose instruction the template writes ({quoted(instruction.strip())}"
                "), which could make it fetch content from outside the document: type the field "
                "in Word instead",
            )


@dataclass(slots=True)
class _Field:
    instruction: str = ""
    computed: bool = False
    """A field inside began before this field's kind was written: Word works it out first."""
    read: bool = False
    """Its instruction is complete (its result began)."""


def _field_instructions(root: etree._Element) -> Iterator[tuple[str, bool]]:
    """Each field's instruction (a simple field's, or a complex field's pieces joined, without
    the fields nested in it) and whether its kind is worked out by a nested field."""
    open_fields: list[_Field] = []
    for node in root.iter(f"{_W}fldSimple", f"{_W}fldChar", f"{_W}instrText"):
        if node.tag == f"{_W}fldSimple":
            yield node.get(f"{_W}instr", ""), False
        elif node.tag == f"{_W}instrText":
            if open_fields and not open_fields[-1].read:
                open_fields[-1].instruction += node.text or ""
            else:
                yield node.text or "", False  # outside any field: read as one
        else:
            kind = node.get(f"{_W}fldCharType")
            if kind == "begin":
                outer = open_fields[-1] if open_fields else None
                if outer is not None and not outer.read and not _WORD_DONE.match(outer.instruction):
                    outer.computed = True
                open_fields.append(_Field())
            elif kind == "separate" and open_fields and not open_fields[-1].read:
                open_fields[-1].read = True
                yield open_fields[-1].instruction, open_fields[-1].computed
            elif kind == "end" and open_fields:
                field = open_fields.pop()
                if not field.read:
                    yield field.instruction, field.computed
    for field in open_fields:  # never ended
        if not field.read:
            yield field.instruction, field.computed


def _refuse(problems: tuple[PackageProblem, ...], template: Path) -> StyleError:
    first = problems[0]
    more = len(problems) - 1
    also = f" (and {more} more problem{'s' if more > 1 else ''}: check-style lists them)"
    return StyleError(f"{first.place(template)}: {first.message}{also if more else ''}")


# --- minutes text too large for Word ----------------------------------------------------------

_FIELD_WORDS = {"body": "committee name", "action": "action", "text": "text", "title": "title"}
_PLACES = {"meeting": "the meeting", "attendance": "the attendance"}


def _oversized(value: object, where: str, field: str, seen: set[int]) -> tuple[str, str, int]:
    """(where, field, size) of the first text in (a part of) the context with a run too long
    for one Word paragraph's run; ("", "", 0) if none. Each view is visited once (a row holds
    the block it comes from, which the item holds too)."""
    if isinstance(value, str):
        if len(value) * 4 <= TEXT_LIMIT:
            return "", "", 0  # short enough however it is encoded
        longest = max(len(run.encode("utf-8")) for run in _LISTING_MARK.split(value))
        return (where, field, longest) if longest > TEXT_LIMIT else ("", "", 0)
    if isinstance(value, tuple | list):
        for part in value:
            found = _oversized(part, where, field, seen)
            if found[2]:
                return found
    elif dataclasses.is_dataclass(value) and not isinstance(value, type) and id(value) not in seen:
        seen.add(id(value))
        if isinstance(value, ItemView):
            where = (
                f"minute {value.number}" if value.number else f"the item {quoted(value.title, 40)}"
            )
        for name in value.__dataclass_fields__:
            found = _oversized(getattr(value, name), where, name, seen)
            if found[2]:
                return found
    return "", "", 0


def check_text_sizes(context: MinutesContext) -> None:
    """Refuse a text with a run too long for one Word paragraph's run, naming where it is:
    docxtpl's lenient parse would silently cut it (and python-docx's strict one, of a header,
    fail). It visits every text of the minutes (about 0.1 s for 750 items), so the Word writer
    calls it only when the XML the template produced is itself longer than such a run."""
    seen: set[int] = set()
    for name in sorted(context.__dataclass_fields__, key=lambda n: n != "items"):  # items first
        where, field, size = _oversized(
            getattr(context, name), _PLACES.get(name, f"the {name}"), "", seen
        )
        if size:
            what = _FIELD_WORDS.get(field, field.replace("_", " "))
            message = (
                f"{where}'s {what} is {size_text(size)}, more than Clerk can put in one Word "
                f"paragraph ({size_text(TEXT_LIMIT)}): split it into shorter paragraphs; "
                "nothing was written"
            )
            raise RenderError(message[0].upper() + message[1:])


def open_template(path: Path) -> _StrictTemplate:
    """A style's Word template, checked (what it may not hold, refused as `check-style` says)
    and opened; raises StyleError or RenderError naming the file."""
    try:
        source, problems = read_template(path)
    except OSError as exc:
        raise RenderError(
            f"{path}: not a usable Word document ({describe_open_error(exc)})"
        ) from None
    if problems:
        raise _refuse(problems, path)
    template = _StrictTemplate(io.BytesIO(source))
    try:
        template.init_docx()
    except Exception as exc:  # python-docx fails in many ways on a damaged file: all one finding
        raise RenderError(
            f"{path}: not a usable Word document ({describe_open_error(exc)})"
        ) from exc
    return template


def render_docx(
    meeting: Meeting,
    style: StyleFolder,
    *,
    public: bool = True,
    clerk: str = "",
    quorum: int | None = None,
) -> bytes:
    """The minutes as a Word document, checked; raises RenderError rather than write a bad one.
    `clerk` (the clerk's name, from the app's settings) is recorded as the last to modify it;
    `quorum` is the committee's, where known (for the style's inquorate note)."""
    if not style.docx_template.is_file():
        raise StyleError(f"{style.path}: the house style has no {DOCX_TEMPLATE}")
    template = open_template(style.docx_template)
    context = build_context(meeting, style.style, public=public, quorum=quorum)
    env = environment_for(style.path, autoescape=True, code_cache=template_cache())
    template.minutes = context
    try:
        # one time limit for the body and every header and footer, not one for each part
        with render_limits():
            template.render(context.as_dict(), jinja_env=env, autoescape=True)
    except TEMPLATE_ERRORS as exc:
        message = describe_template_error(exc, DOCX_TEMPLATE)
        near = [line.strip() for line in getattr(exc, "docx_context", []) if line.strip()]
        if near:
            message += f" (near: {' / '.join(near)[:200]})"
        raise RenderError(message) from exc
    _set_properties(template, context, clerk)
    buffer = io.BytesIO()
    template.save(buffer)
    data = buffer.getvalue()
    check_docx(data, context, style_parts(style.path, DOCX_TEMPLATE))
    return data


def _set_properties(template: DocxTemplate, context: MinutesContext, clerk: str) -> None:
    """Title, author and language from the meeting; none of python-docx's or the template's."""
    meeting, style = context.meeting, context.style
    copy = (
        "public copy"
        if meeting.public
        else "confidential copy"
        if meeting.confidential
        else "full copy"
    )
    set_properties(
        template.docx,
        title=f"Minutes: {meeting.body}, {meeting.short_date}",
        subject=meeting.body,
        author=meeting.authority,
        modified_by=clerk or f"Clerk {__version__}",
        kind="Minutes",
        comments=f"Exported by Clerk {__version__} ({copy}, {meeting.status})",
        language=style.language,
    )
    template.docx.core_properties.content_status = "Draft" if meeting.is_draft else "Approved"


def set_properties(
    document: DocumentObject,
    *,
    title: str,
    subject: str,
    author: str,
    modified_by: str,
    kind: str,
    comments: str,
    language: str,
) -> None:
    """A Word document Clerk writes says what it is, in whose language, and that Clerk made it:
    none of python-docx's or the template's own properties are left."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    props.title = title[:255]
    props.subject = subject[:255]
    props.author = author[:255]
    props.last_modified_by = modified_by[:255]
    props.keywords = kind.lower()
    props.category = kind
    props.comments = comments
    props.language = language
    props.created = props.modified = now
    props.revision = 1
    styles = document.styles.element
    defaults = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    if defaults is not None:
        lang = defaults.find(f"{_W}lang")
        if lang is None:
            lang = etree.SubElement(defaults, f"{_W}lang")
        lang.set(f"{_W}val", language)
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _app_xml(part.blob)


def _app_xml(blob: bytes) -> bytes:
    text = blob.decode("utf-8")
    application = f"<Application>Clerk {__version__}</Application>"
    if "<Application>" in text:
        return re.sub(r"<Application>[^<]*</Application>", application, text).encode("utf-8")
    return text.replace("</Properties>", application + "</Properties>").encode("utf-8")


# --- checking the saved document -------------------------------------------------------------


def _paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


class _Numbering:
    """The label Word draws before a list paragraph (a bullet's mark), so the text compared is
    the text a reader sees."""

    def __init__(self, parts: dict[str, etree._Element]) -> None:
        self.style_numbering: dict[str, tuple[str, int]] = {}
        styles = parts.get("word/styles.xml")
        if styles is not None:
            for style in styles.iter(f"{_W}style"):
                num = style.find(f"{_W}pPr/{_W}numPr")
                if num is not None:
                    self.style_numbering[style.get(f"{_W}styleId", "")] = self._num(num)
        self.marks: dict[tuple[str, int], str] = {}
        numbering = parts.get("word/numbering.xml")
        if numbering is None:
            return
        abstract_marks: dict[str, dict[int, str]] = {}
        for abstract in numbering.iter(f"{_W}abstractNum"):
            levels = {}
            for level in abstract.iter(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                if fmt is not None and fmt.get(f"{_W}val") == "bullet" and text is not None:
                    levels[int(level.get(f"{_W}ilvl", "0"))] = text.get(f"{_W}val", "")
            abstract_marks[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in numbering.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                for ilvl, mark in abstract_marks.get(ref.get(f"{_W}val", ""), {}).items():
                    self.marks[(num.get(f"{_W}numId", ""), ilvl)] = mark

    @staticmethod
    def _num(num_pr: etree._Element) -> tuple[str, int]:
        num_id = num_pr.find(f"{_W}numId")
        level = num_pr.find(f"{_W}ilvl")
        return (
            num_id.get(f"{_W}val", "") if num_id is not None else "",
            int(level.get(f"{_W}val", "0")) if level is not None else 0,
        )

    def label(self, paragraph: etree._Element) -> str:
        direct = paragraph.find(f"{_W}pPr/{_W}numPr")
        if direct is not None:
            key = self._num(direct)
        else:
            style = paragraph.find(f"{_W}pPr/{_W}pStyle")
            key = self.style_numbering.get(
                style.get(f"{_W}val", "") if style is not None else "", ("", 0)
            )
        return self.marks.get(key, "")


def _parts(data: bytes) -> dict[str, etree._Element]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RenderError(f"the Word document is not a valid zip package: {exc}") from None
    parts = {}
    with archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                parts[name] = parse_strictly(archive.read(name), name)
    return parts


def _header_parts(parts: dict[str, etree._Element]) -> list[str]:
    """The headers in the order they show on the first page: the first-page header if any."""
    rels = parts.get("word/_rels/document.xml.rels")
    document = parts["word/document.xml"]
    targets = {}
    if rels is not None:
        for rel in rels:
            targets[rel.get("Id")] = "word/" + rel.get("Target", "")
    names = []
    for section in document.iter(f"{_W}sectPr"):
        references = {
            ref.get(f"{_W}type"): ref.get(f"{{{_RELS}}}id")
            for ref in section.iter(f"{_W}headerReference")
        }
        chosen = references.get("first") if section.find(f"{_W}titlePg") is not None else None
        chosen = chosen or references.get("default")
        if chosen and targets.get(chosen) in parts:
            names.append(targets[chosen])
        break  # the first section's header is the one above the title
    return names


def visible_lines(data: bytes) -> list[str]:
    """The document's paragraphs as a reader sees them: first-page header, then the body, with
    list marks; tabs and line breaks kept."""
    return _visible_lines(_parts(data))


def _visible_lines(parts: dict[str, etree._Element]) -> list[str]:
    numbering = _Numbering(parts)
    lines = []
    for name in [*_header_parts(parts), "word/document.xml"]:
        for paragraph in parts[name].iter(f"{_W}p"):
            text = _paragraph_text(paragraph)
            mark = numbering.label(paragraph)
            lines.append(f"{mark}\t{text}" if mark else text)
    return lines


def visible_text(data: bytes) -> str:
    return "\n".join(visible_lines(data))


def _strings(value: object) -> Iterator[str]:
    """Every piece of text in (a part of) the context."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for part in value:
            yield from _strings(part)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _strings(getattr(value, name))


_TAG = re.compile(r"\{\{|\{%|%\}|\}\}")


def check_docx(data: bytes, context: MinutesContext, parts: frozenset[str] = EVERY_PART) -> None:
    """Fail loudly if the saved document is not well-formed, reaches outside itself (a field
    the template wrote as markup) or lost any of the minutes' text."""
    package = _parts(data)
    for name, root in package.items():
        for problem in reference_problems(name, root, template=False):
            raise RenderError(
                f"{DOCX_TEMPLATE}: the document it produced ({name}) {problem.message}; "
                "nothing was written"
            )
    text = "\n".join(_visible_lines(package))
    if _TAG.search(text):
        # Tag-like text the clerk typed is content; anything else is a tag left unrendered.
        remainder = text
        for value in sorted(
            {s for s in _strings(context) if _TAG.search(s)}, key=len, reverse=True
        ):
            remainder = remainder.replace(value, "").replace(value.upper(), "")
        leftover = _TAG.search(remainder)
        if leftover is not None:
            start = max(0, leftover.start() - 30)
            raise RenderError(
                "the Word template left a tag unrendered: "
                f"'{remainder[start : leftover.end() + 30].strip()}'"
            )
    check_complete(
        text, context, writer="the Word document", advice="nothing was written", parts=parts
    )
