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
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree

from clerk_app import __version__
from clerk_app.domain.model import Meeting
from clerk_app.render.completeness import EVERY_PART, check_complete, style_parts
from clerk_app.render.context import MinutesContext, build_context
from clerk_app.render.environment import (
    TEMPLATE_ERRORS,
    describe_template_error,
    environment_for,
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
    """docxtpl with a strict parse of what the template produced, before docxtpl's lenient one."""

    def fix_tables(self, xml: str) -> Any:
        parse_strictly(xml, "word/document.xml")
        return super().fix_tables(xml)

    def map_headers_footers_xml(self, rel_key: str, xml: bytes) -> None:
        part = self.docx._part.rels[rel_key].target_part
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


def render_docx(
    meeting: Meeting, style: StyleFolder, *, public: bool = True, clerk: str = ""
) -> bytes:
    """The minutes as a Word document, checked; raises RenderError rather than write a bad one.
    `clerk` (the clerk's name, from the app's settings) is recorded as the last to modify it."""
    if not style.docx_template.is_file():
        raise StyleError(f"{style.path}: the house style has no {DOCX_TEMPLATE}")
    context = build_context(meeting, style.style, public=public)
    env = environment_for(style.path, autoescape=True, code_cache=template_cache())
    template = _StrictTemplate(str(style.docx_template))
    try:
        template.init_docx()
    except Exception as exc:  # python-docx fails in many ways on a damaged file: all one finding
        raise RenderError(
            f"{style.docx_template}: not a usable Word document ({describe_open_error(exc)})"
        ) from exc
    try:
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
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props = template.docx.core_properties
    props.title = f"Minutes: {meeting.body}, {meeting.short_date}"[:255]
    props.subject = meeting.body[:255]
    props.author = meeting.authority[:255]
    props.last_modified_by = (clerk or f"Clerk {__version__}")[:255]
    props.keywords = "minutes"
    props.category = "Minutes"
    copy = (
        "public copy"
        if meeting.public
        else "confidential copy"
        if meeting.confidential
        else "full copy"
    )
    props.comments = f"Exported by Clerk {__version__} ({copy}, {meeting.status})"
    props.language = style.language
    props.created = props.modified = now
    props.revision = 1
    props.content_status = "Draft" if meeting.is_draft else "Approved"
    styles = template.docx.styles.element
    defaults = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    if defaults is not None:
        lang = defaults.find(f"{_W}lang")
        if lang is None:
            lang = etree.SubElement(defaults, f"{_W}lang")
        lang.set(f"{_W}val", style.language)
    for part in template.docx.part.package.iter_parts():
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
    parts = _parts(data)
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
    """Fail loudly if the saved document is not well-formed or lost any of the minutes' text."""
    text = visible_text(data)
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
