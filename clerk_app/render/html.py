"""The minutes as published, as HTML: for printing and for pasting into an email.

The HTML is made from the Word document the house style writes (`render_docx`, the public copy
unless asked otherwise), read back with python-docx: each paragraph with its style's look (font,
size, bold, italic, underline, capitals, alignment, indents, spacing, page breaks), titles and
headings as `<h1>`-`<h3>`, bullets and numbered lines as `<ul>` and `<ol>` (with the numbers the
minutes hold), tables with their borders. So a council's own Word template shapes the printed and
the pasted copy as it shapes its Word export. Everything the minutes say is escaped.

The plain text beside it is the style's own text rendering (`render.text`) of the same copy.

`item_minutes` is one item alone ("Copy this item"): its minute number, title and minute, cut out
of the whole meeting's rendering by invisible markers in the titles (as `render.incremental`
finds an item's lines), so that it reads exactly as it does in the minutes.

No Qt here: the print preview and the clipboard (ui/printing.py, ui/clipboard.py) use it.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import docx
from docx.document import Document as DocumentObject
from docx.opc.part import Part
from lxml import etree

from clerk_app.domain.model import Item, Meeting
from clerk_app.render.docx import render_docx
from clerk_app.render.errors import RenderError
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text, tidy_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
MARK = "\u2063"
"""INVISIBLE SEPARATOR: brackets an item's position in its title while one item is cut out."""
_MARKED = re.compile(f"{MARK}[0-9]+{MARK}")
SENTINEL_ID = "clerk-html-sentinel"
_EMU_PER_MM = 36000
_EMU_PER_PX = 9525
LIST_STEP_PX = 40
"""How far a browser, and Qt, indent a list's items for each level."""
MAX_IMAGE_BYTES = 2_000_000
"""A picture larger than this is left out of the HTML (a crest is some kilobytes)."""
_TWIPS_PER_PT = 20
_PAGE = "\f"
"""A page break inside a paragraph's text, while it is read."""
_LIST_NUMBER = re.compile(r"^\s*\(?([0-9]{1,3}|[a-z]|[ivxl]{2,6})[.)]\)?\t")


@dataclass(frozen=True, slots=True)
class PageSetup:
    """The page the Word template's first section sets, in millimetres (A4, an inch's margins,
    where it says nothing)."""

    width: float = 210.0
    height: float = 297.0
    left: float = 25.4
    top: float = 25.4
    right: float = 25.4
    bottom: float = 25.4


@dataclass(frozen=True, slots=True)
class HtmlMinutes:
    """One copy of the minutes, as HTML and as plain text."""

    html: str
    text: str
    title: str
    page: PageSetup = field(default_factory=PageSetup)
    public: bool = True


# --- reading a Word document's styles ------------------------------------------------------------


def _on(element: etree._Element | None) -> bool | None:
    """A toggle property: <w:b/> is on, w:val="0" or "false" off, absent None."""
    if element is None:
        return None
    value = element.get(f"{_W}val")
    return value not in ("0", "false", "off", "none")


class _Styles:
    """A document's styles, with Word's inheritance: direct formatting, then the character
    style, then the paragraph style and the styles it is based on, then the document defaults."""

    def __init__(self, document: DocumentObject) -> None:
        root = document.styles.element
        self.by_id: dict[str, etree._Element] = {}
        self.default_paragraph = ""
        self.default_table = ""
        for style in root.iter(f"{_W}style"):
            style_id = style.get(f"{_W}styleId", "")
            self.by_id[style_id] = style
            if style.get(f"{_W}default") in ("1", "true"):
                kind = style.get(f"{_W}type")
                if kind == "paragraph":
                    self.default_paragraph = style_id
                elif kind == "table":
                    self.default_table = style_id
        defaults = root.find(f"{_W}docDefaults")
        self.run_defaults = (
            defaults.find(f"{_W}rPrDefault/{_W}rPr") if defaults is not None else None
        )
        self.paragraph_defaults = (
            defaults.find(f"{_W}pPrDefault/{_W}pPr") if defaults is not None else None
        )
        self.bullets = _bullet_numbers(document)
        self.looks: dict[tuple[str, str, bytes], _Look] = {}
        self.paragraphs: dict[
            tuple[str, bytes], tuple[str, _Look, int, int | None, float, bool]
        ] = {}
        """What was worked out for a style and its direct formatting, kept: a long meeting has
        thousands of paragraphs in a handful of styles."""

    def look(self, paragraph_style: str, run_style: str, own: etree._Element | None) -> _Look:
        key = (paragraph_style, run_style, etree.tostring(own) if own is not None else b"")
        found = self.looks.get(key)
        if found is None:
            props = ([own] if own is not None else []) + self.run_props(paragraph_style, run_style)
            found = self.looks[key] = _look(props)
        return found

    def chain(self, style_id: str) -> list[etree._Element]:
        """The style and those it is based on, nearest first (a loop is cut)."""
        found: list[etree._Element] = []
        while style_id and style_id in self.by_id and len(found) < 20:
            style = self.by_id[style_id]
            if any(style is seen for seen in found):
                break
            found.append(style)
            based = style.find(f"{_W}basedOn")
            style_id = based.get(f"{_W}val", "") if based is not None else ""
        return found

    def names(self, style_id: str) -> list[tuple[str, str]]:
        """(style id, name) of the chain."""
        result = []
        for style in self.chain(style_id):
            name = style.find(f"{_W}name")
            result.append(
                (
                    style.get(f"{_W}styleId", ""),
                    name.get(f"{_W}val", "") if name is not None else "",
                )
            )
        return result

    def paragraph_props(self, style_id: str) -> list[etree._Element]:
        """The pPr elements that apply to a paragraph of this style, nearest first."""
        props = [p for s in self.chain(style_id) if (p := s.find(f"{_W}pPr")) is not None]
        if self.paragraph_defaults is not None:
            props.append(self.paragraph_defaults)
        return props

    def run_props(self, paragraph_style: str, run_style: str = "") -> list[etree._Element]:
        props = [p for s in self.chain(run_style) if (p := s.find(f"{_W}rPr")) is not None]
        props += [p for s in self.chain(paragraph_style) if (p := s.find(f"{_W}rPr")) is not None]
        if self.run_defaults is not None:
            props.append(self.run_defaults)
        return props


def _bullet_numbers(document: DocumentObject) -> set[tuple[str, int]]:
    """(numId, level) pairs that Word draws as bullets."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return set()
    abstract: dict[str, set[int]] = {}
    for item in numbering.iter(f"{_W}abstractNum"):
        levels = set()
        for level in item.iter(f"{_W}lvl"):
            fmt = level.find(f"{_W}numFmt")
            if fmt is not None and fmt.get(f"{_W}val") == "bullet":
                levels.add(int(level.get(f"{_W}ilvl", "0")))
        abstract[item.get(f"{_W}abstractNumId", "")] = levels
    found = set()
    for num in numbering.iter(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is not None:
            for level in abstract.get(ref.get(f"{_W}val", ""), set()):
                found.add((num.get(f"{_W}numId", ""), level))
    return found


def _first(props: list[etree._Element], path: str) -> etree._Element | None:
    for prop in props:
        found = prop.find(path)
        if found is not None:
            return found
    return None


def _twips(element: etree._Element | None, *names: str) -> float | None:
    if element is None:
        return None
    for name in names:
        value = element.get(f"{_W}{name}")
        if value is not None:
            try:
                return int(value) / _TWIPS_PER_PT
            except ValueError:
                return None
    return None


# --- one run's look ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Look:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    caps: bool = False
    small_caps: bool = False
    size: float | None = None
    font: str = ""
    colour: str = ""
    raised: str = ""
    """"super" or "sub"."""

    def css(self, base: _Look | None = None) -> str:
        """The CSS of this look, or of what differs from `base`."""
        rules = []
        if (base is None or self.font != base.font) and self.font:
            rules.append(f"font-family:'{self.font}'")
        if (base is None or self.size != base.size) and self.size:
            rules.append(f"font-size:{self.size:g}pt")
        if base is None or self.bold != base.bold:
            rules.append(f"font-weight:{'bold' if self.bold else 'normal'}")
        if base is None or self.italic != base.italic:
            rules.append(f"font-style:{'italic' if self.italic else 'normal'}")
        if base is None or (self.underline, self.strike) != (base.underline, base.strike):
            marks = (("underline", self.underline), ("line-through", self.strike))
            lines = [name for name, on in marks if on]
            rules.append(f"text-decoration:{' '.join(lines) or 'none'}")
        if (base is None and self.caps) or (base is not None and self.caps != base.caps):
            rules.append(f"text-transform:{'uppercase' if self.caps else 'none'}")
        if (base is None or self.small_caps != base.small_caps) and self.small_caps:
            rules.append("font-variant:small-caps")
        if (base is None or self.colour != base.colour) and self.colour:
            rules.append(f"color:#{self.colour}")
        if (base is None or self.raised != base.raised) and self.raised:
            rules.append(f"vertical-align:{self.raised}")
        return "; ".join(rules)


def _look(props: list[etree._Element]) -> _Look:
    def toggle(name: str) -> bool:
        return bool(_on(_first(props, f"{_W}{name}")))

    size = _first(props, f"{_W}sz")
    points: float | None = None
    if size is not None:
        try:
            points = int(size.get(f"{_W}val", "")) / 2
        except ValueError:
            points = None
    fonts = _first(props, f"{_W}rFonts")
    font = ""
    if fonts is not None:
        font = fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi") or ""
    underline = _first(props, f"{_W}u")
    colour = _first(props, f"{_W}color")
    colour_value = colour.get(f"{_W}val", "") if colour is not None else ""
    vertical = _first(props, f"{_W}vertAlign")
    raised = vertical.get(f"{_W}val", "") if vertical is not None else ""
    return _Look(
        bold=toggle("b"),
        italic=toggle("i"),
        underline=underline is not None and underline.get(f"{_W}val", "single") != "none",
        strike=toggle("strike"),
        caps=toggle("caps"),
        small_caps=toggle("smallCaps"),
        size=points,
        font=re.sub(r"[^\w \-]", "", font),
        colour=colour_value if re.fullmatch(r"[0-9A-Fa-f]{6}", colour_value) else "",
        raised={"superscript": "super", "subscript": "sub"}.get(raised, ""),
    )


# --- paragraphs ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    text: str
    look: _Look
    link: str = ""
    image: str = ""
    """An <img> tag (a picture in the text, as a data URL)."""


@dataclass(slots=True)
class _Paragraph:
    pieces: list[_Piece]
    css: str
    look: _Look
    heading: int = 0
    bullet: int | None = None
    """The list level of a bullet paragraph, or None."""
    indent: float = 0.0
    page_break: bool = False

    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


class _Reader:
    """Reads a Word document's body into HTML."""

    def __init__(
        self, document: DocumentObject, part: Part | None = None, styles: _Styles | None = None
    ) -> None:
        self.document = document
        self.part: Part = part if part is not None else document.part
        """The part read (the body, or a header): its relationships name links and pictures."""
        self.styles = styles if styles is not None else _Styles(document)
        self.out: list[str] = []
        self.lists: list[list[object]] = []
        """The lists open: [tag, indent, whether an <li> is open, the next number]."""
        self.break_next = False
        """A section break or page break ended the block before: the next starts a page."""

    # -- the whole body --

    def blocks(self) -> list[etree._Element]:
        body = self.document.element.body
        return [child for child in body if child.tag in (f"{_W}p", f"{_W}tbl")]

    def read(self, blocks: list[etree._Element]) -> str:
        for block in blocks:
            if block.tag == f"{_W}tbl":
                self.close_lists()
                self.table(block)
            else:
                self.paragraph(block)
        self.close_lists()
        return "\n".join(self.out)

    # -- paragraphs --

    def style_of(self, p: etree._Element) -> str:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        return style.get(f"{_W}val", "") if style is not None else self.styles.default_paragraph

    def read_paragraph(self, p: etree._Element) -> list[_Paragraph]:
        """The paragraph, split where a page break stands in it."""
        style = self.style_of(p)
        own = p.find(f"{_W}pPr")
        key = (style, etree.tostring(own) if own is not None else b"")
        known = self.styles.paragraphs.get(key)
        if known is None:
            props = ([own] if own is not None else []) + self.styles.paragraph_props(style)
            known = (
                self.paragraph_css(props),
                self.styles.look(style, "", None),
                self.heading_level(style),
                self.bullet_level(props),
                _twips(_first(props, f"{_W}ind"), "left", "start") or 0.0,
                bool(_on(_first(props, f"{_W}pageBreakBefore"))),
            )
            self.styles.paragraphs[key] = known
        css, base, heading, bullet, indent, break_before = known
        pieces = list(self.pieces(p, style))
        paragraphs = []
        current: list[_Piece] = []
        breaks: list[bool] = [break_before]
        for piece in pieces:
            if piece.text == _PAGE:
                paragraphs.append(current)
                current = []
                breaks.append(True)
            else:
                current.append(piece)
        paragraphs.append(current)
        result = []
        for n, (part, page) in enumerate(zip(paragraphs, breaks, strict=True)):
            if n > 0 and not part and n == len(paragraphs) - 1:
                self.break_next = True  # a break at the end: what follows starts a page
                continue
            result.append(_Paragraph(part, css, base, heading, bullet, indent, page))
        if own is not None:
            section = own.find(f"{_W}sectPr")
            if section is not None:
                kind = section.find(f"{_W}type")
                if kind is None or kind.get(f"{_W}val") != "continuous":
                    self.break_next = True
        return result

    def heading_level(self, style: str) -> int:
        for style_id, name in self.styles.names(style):
            lowered = name.lower()
            if style_id == "Title" or lowered == "title":
                return 1
            match = re.fullmatch(r"heading ?([1-9])", lowered) or re.fullmatch(
                r"Heading([1-9])", style_id
            )
            if match:
                return min(int(match.group(1)), 3)
        names = self.styles.names(style)
        if names:
            name = names[0][1].lower()
            if name.endswith("title"):
                return 1
            if "heading" in name:
                return 2
        return 0

    def bullet_level(self, props: list[etree._Element]) -> int | None:
        numbers = _first(props, f"{_W}numPr")
        if numbers is None:
            return None
        num = numbers.find(f"{_W}numId")
        level = numbers.find(f"{_W}ilvl")
        key = (
            num.get(f"{_W}val", "") if num is not None else "",
            int(level.get(f"{_W}val", "0")) if level is not None else 0,
        )
        return key[1] if key in self.styles.bullets else None

    @staticmethod
    def paragraph_css(props: list[etree._Element]) -> str:
        rules = []
        before = _twips(_first_with(props, "spacing", "before"), "before")
        after = _twips(_first_with(props, "spacing", "after"), "after")
        rules.append(f"margin-top:{_px(before or 0)}px")
        rules.append(f"margin-bottom:{_px(after or 0)}px")
        line = _first_with(props, "spacing", "line")
        if line is not None and (line.get(f"{_W}lineRule") in (None, "auto")):
            with contextlib.suppress(ValueError):
                rules.append(f"line-height:{int(line.get(f'{_W}line', '240')) * 100 // 240}%")
        indents = _first(props, f"{_W}ind")
        left = _twips(indents, "left", "start") or 0.0
        right = _twips(indents, "right", "end") or 0.0
        hanging = _twips(indents, "hanging")
        first = -hanging if hanging is not None else _twips(indents, "firstLine") or 0.0
        if left:
            rules.append(f"margin-left:{_px(left)}px")
        if right:
            rules.append(f"margin-right:{_px(right)}px")
        if first:
            rules.append(f"text-indent:{_px(first)}px")
        align = _first(props, f"{_W}jc")
        value = align.get(f"{_W}val", "") if align is not None else ""
        aligned = {
            "center": "center",
            "right": "right",
            "end": "right",
            "both": "justify",
            "distribute": "justify",
        }.get(value)
        if aligned:
            rules.append(f"text-align:{aligned}")
        return "; ".join(rules)

    def pieces(self, p: etree._Element, style: str) -> Iterator[_Piece]:
        for run in p.iter(f"{_W}r"):
            if any(a.tag in (f"{_W}del", f"{_W}txbxContent") for a in run.iterancestors()):
                continue
            run_style = run.find(f"{_W}rPr/{_W}rStyle")
            own = run.find(f"{_W}rPr")
            look = self.styles.look(
                style, run_style.get(f"{_W}val", "") if run_style is not None else "", own
            )
            link = self.link_of(run)
            for node in run:
                if node.tag == f"{_W}t":
                    yield _Piece(node.text or "", look, link)
                elif node.tag == f"{_W}tab":
                    yield _Piece("\t", look, link)
                elif node.tag == f"{_W}br":
                    page = node.get(f"{_W}type") == "page"
                    yield _Piece(_PAGE if page else "\n", look, link)
                elif node.tag == f"{_W}cr":
                    yield _Piece("\n", look, link)
                elif node.tag == f"{_W}noBreakHyphen":
                    yield _Piece("\u2011", look, link)
                elif node.tag == f"{_W}drawing":
                    image = self.image(node)
                    if image:
                        yield _Piece("", look, link, image)

    def image(self, drawing: etree._Element) -> str:
        """A picture as an <img> of its size in the document, its data in the tag."""
        blip = next(drawing.iter(f"{_A}blip"), None)
        extent = next(drawing.iter(f"{_WP}extent"), None)
        described = next(drawing.iter(f"{_WP}docPr"), None)
        rid = blip.get(f"{_R}embed") if blip is not None else None
        if not rid or rid not in self.part.rels or self.part.rels[rid].is_external:
            return ""
        target = self.part.rels[rid].target_part
        kind = target.content_type
        if kind not in ("image/png", "image/jpeg", "image/gif", "image/bmp"):
            return ""
        blob = target.blob
        if len(blob) > MAX_IMAGE_BYTES:
            return ""
        size = ""
        if extent is not None:
            with contextlib.suppress(ValueError):
                width = round(int(extent.get("cx", "0")) / _EMU_PER_PX)
                height = round(int(extent.get("cy", "0")) / _EMU_PER_PX)
                size = f' width="{width}" height="{height}"'
        alt = (
            described.get("descr") or described.get("title") or "" if described is not None else ""
        )
        data = base64.b64encode(blob).decode("ascii")
        return f'<img src="data:{kind};base64,{data}"{size} alt="{html.escape(alt, quote=True)}">'

    def link_of(self, run: etree._Element) -> str:
        parent = run.getparent()
        if parent is None or parent.tag != f"{_W}hyperlink":
            return ""
        rid = parent.get(f"{_R}id")
        if not rid:
            return ""
        try:
            target = str(self.part.rels[rid].target_ref)
        except KeyError:
            return ""
        return target if re.match(r"(https?:|mailto:)", target) else ""

    def paragraph(self, p: etree._Element) -> None:
        pending, self.break_next = self.break_next, False
        for n, paragraph in enumerate(self.read_paragraph(p)):
            if n == 0 and pending:
                paragraph.page_break = True
            self.write_paragraph(paragraph)

    def write_paragraph(self, paragraph: _Paragraph) -> None:
        text = paragraph.text()
        number = _LIST_NUMBER.match(text) if not paragraph.heading else None
        if paragraph.bullet is not None:
            self.list_item("ul", paragraph, paragraph.indent + paragraph.bullet, None)
            return
        if number is not None and "text-indent:-" in paragraph.css:
            label = number.group(1)
            _strip(paragraph.pieces, number.end())
            self.list_item("ol", paragraph, paragraph.indent, label)
            return
        self.close_lists()
        css = _with_break(paragraph.css, paragraph.page_break)
        tag = f"h{paragraph.heading}" if paragraph.heading else "p"
        look = paragraph.look.css()
        body = _inline(paragraph.pieces, paragraph.look) or "&nbsp;"
        self.out.append(f'<{tag} style="{css}; {look}">{body}</{tag}>')

    def list_item(self, kind: str, paragraph: _Paragraph, indent: float, label: str | None) -> None:
        start = _list_value(label) if label is not None else None
        kind_type = _list_type(label) if label is not None else ""
        while self.lists and float(str(self.lists[-1][1])) > indent + 0.5:
            self.close_list()
        top = self.lists[-1] if self.lists else None
        if top is not None and abs(float(str(top[1])) - indent) <= 0.5:
            same = top[0] == kind and (start is None or start == top[3])
            if not same or paragraph.page_break:
                self.close_list()
                top = None
            else:
                self.out.append("</li>")
        if top is None or abs(float(str(top[1])) - indent) > 0.5:
            attributes = ""
            if kind == "ol":
                attributes = f' start="{start or 1}"' + (
                    f' type="{kind_type}"' if kind_type else ""
                )
            css = "margin-top:0px; margin-bottom:0px"
            if paragraph.page_break:
                css = _with_break(css, True)
            self.out.append(f'<{kind}{attributes} style="{css}">')
            self.lists.append([kind, indent, True, start or 1])
        entry = self.lists[-1]
        entry[3] = int(str(entry[3])) + 1 if start is None else start + 1
        css = re.sub(r"(margin-left|text-indent):[^;]*;? ?", "", paragraph.css).strip("; ")
        # the list indents its items a step (40 pixels) a level: the rest is the paragraph's
        beyond = _px(indent) - LIST_STEP_PX * len(self.lists)
        if beyond > 0:
            css += f"; margin-left:{beyond}px"
        body = _inline(paragraph.pieces, paragraph.look) or "&nbsp;"
        self.out.append(f'<li style="{css}; {paragraph.look.css()}">{body}')

    def close_list(self) -> None:
        kind = str(self.lists.pop()[0])
        self.out.append(f"</li></{kind}>")

    def close_lists(self) -> None:
        while self.lists:
            self.close_list()

    # -- tables --

    def table(self, table: etree._Element) -> None:
        style = table.find(f"{_W}tblPr/{_W}tblStyle")
        style_id = style.get(f"{_W}val", "") if style is not None else self.styles.default_table
        own = table.find(f"{_W}tblPr")
        props = ([own] if own is not None else []) + [
            p for s in self.styles.chain(style_id) if (p := s.find(f"{_W}tblPr")) is not None
        ]
        borders = _first(props, f"{_W}tblBorders")
        bordered = borders is not None and any(
            edge.get(f"{_W}val") not in (None, "nil", "none") for edge in borders
        )
        widths = []
        for grid in table.iter(f"{_W}gridCol"):
            try:
                widths.append(int(grid.get(f"{_W}w", "0")))
            except ValueError:
                widths.append(0)
        total = sum(widths) or 1
        line = "1px solid #000000" if bordered else "none"
        css = _with_break(
            "border-collapse:collapse; margin-top:8px; margin-bottom:8px", self.break_next
        )
        self.break_next = False
        border = ' border="1"' if bordered else ' border="0"'
        self.out.append(
            f'<table{border} cellspacing="0" cellpadding="4" width="100%" style="{css}">'
        )
        rows = table.findall(f"{_W}tr")
        spans = self.row_spans(rows)
        for r, row in enumerate(rows):
            self.out.append("<tr>")
            column = 0
            for c, cell in enumerate(row.findall(f"{_W}tc")):
                span_element = cell.find(f"{_W}tcPr/{_W}gridSpan")
                span = int(span_element.get(f"{_W}val", "1")) if span_element is not None else 1
                rowspan = spans.get((r, c), 1)
                if rowspan == 0:
                    column += span
                    continue
                width = sum(widths[column : column + span]) * 100 // total if widths else 0
                column += span
                attributes = f' width="{width}%"' if width else ""
                attributes += f' colspan="{span}"' if span > 1 else ""
                attributes += f' rowspan="{rowspan}"' if rowspan > 1 else ""
                inner = _Reader(self.document, self.part, self.styles)
                content = inner.read(cell.findall(f"{_W}p") + cell.findall(f"{_W}tbl"))
                css = f"border:{line}; padding:5px"
                self.out.append(f'<td{attributes} valign="top" style="{css}">{content}</td>')
            self.out.append("</tr>")
        self.out.append("</table>")

    @staticmethod
    def row_spans(rows: list[etree._Element]) -> dict[tuple[int, int], int]:
        """Cells merged down (vMerge): the first one's rowspan, 0 for those it covers."""
        spans: dict[tuple[int, int], int] = {}
        open_at: dict[int, tuple[int, int]] = {}
        for r, row in enumerate(rows):
            column = 0
            for c, cell in enumerate(row.findall(f"{_W}tc")):
                span_element = cell.find(f"{_W}tcPr/{_W}gridSpan")
                span = int(span_element.get(f"{_W}val", "1")) if span_element is not None else 1
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is not None and merge.get(f"{_W}val") != "restart" and column in open_at:
                    first = open_at[column]
                    spans[first] = spans.get(first, 1) + 1
                    spans[(r, c)] = 0
                else:
                    if merge is not None:
                        open_at[column] = (r, c)
                    else:
                        open_at.pop(column, None)
                column += span
        return spans


def _first_with(props: list[etree._Element], tag: str, attribute: str) -> etree._Element | None:
    """The nearest `tag` element that sets `attribute` (spacing before, after and line may come
    from different styles)."""
    for prop in props:
        found = prop.find(f"{_W}{tag}")
        if found is not None and found.get(f"{_W}{attribute}") is not None:
            return found
    return None


def _px(points: float) -> int:
    """A length in CSS pixels (96 to the inch): Qt reads margins and indents only in pixels."""
    return round(points * 96 / 72)


def _with_break(css: str, page_break: bool) -> str:
    return f"{css}; page-break-before:always" if page_break else css


def _strip(pieces: list[_Piece], count: int) -> None:
    """The first `count` characters taken off the pieces (a list line's number and tab)."""
    for piece in pieces:
        if count <= 0:
            break
        taken = min(count, len(piece.text))
        piece.text = piece.text[taken:]
        count -= taken


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total, previous = 0, 0
    for char in reversed(text):
        value = values.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _list_value(label: str) -> int:
    if label.isdigit():
        return int(label)
    if len(label) == 1:
        return ord(label) - ord("a") + 1
    return _roman(label) or 1


def _list_type(label: str) -> str:
    if label.isdigit():
        return ""
    return "a" if len(label) == 1 else "i"


def _inline(pieces: list[_Piece], base: _Look) -> str:
    out = []
    for piece in pieces:
        if piece.image:
            out.append(piece.image)
            continue
        text = _MARKED.sub("", piece.text)
        if not text:
            continue
        escaped = html.escape(text).replace("\n", "<br>").replace("\t", "&nbsp;&nbsp;&nbsp; ")
        css = piece.look.css(base)
        if css:
            escaped = f'<span style="{css}">{escaped}</span>'
        if piece.link:
            escaped = f'<a href="{html.escape(piece.link, quote=True)}">{escaped}</a>'
        out.append(escaped)
    return "".join(out)


def page_setup(document: DocumentObject) -> PageSetup:
    """The first section's page and margins, where python-docx can read them."""
    default = PageSetup()
    if not document.sections:
        return default
    section = document.sections[0]

    def mm(value: int | None, fallback: float) -> float:
        return round(value / _EMU_PER_MM, 1) if value else fallback

    return PageSetup(
        width=mm(section.page_width, default.width),
        height=mm(section.page_height, default.height),
        left=mm(section.left_margin, default.left),
        top=mm(section.top_margin, default.top),
        right=mm(section.right_margin, default.right),
        bottom=mm(section.bottom_margin, default.bottom),
    )


def _page(body: str, title: str, base: _Look) -> str:
    look = base.css()
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n"
        f'<body style="{look}">\n{body}\n</body></html>\n'
    )


def _open(data: bytes) -> DocumentObject:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety for a bad package
        raise RenderError(f"the Word document cannot be read back: {exc}") from None


def docx_html(data: bytes) -> tuple[str, PageSetup, str]:
    """A Word document's body as an HTML page: (the page, its page setup, its title)."""
    document = _open(data)
    reader = _Reader(document)
    body = _first_header(document, reader.styles) + reader.read(reader.blocks())
    title = document.core_properties.title or "Minutes"
    return (
        _page(body, title, reader.styles.look(reader.styles.default_paragraph, "", None)),
        (page_setup(document)),
        title,
    )


def _first_header(document: DocumentObject, styles: _Styles) -> str:
    """The header of the first page (a council's crest and name), as it stands above the
    minutes; page numbers and running headers of later pages are the printer's."""
    if not document.sections:
        return ""
    section = document.sections[0]
    header = (
        section.first_page_header if section.different_first_page_header_footer else section.header
    )
    if header.is_linked_to_previous:
        return ""
    element = header._element
    reader = _Reader(document, header.part, styles)
    blocks = [child for child in element if child.tag in (f"{_W}p", f"{_W}tbl")]
    return reader.read(blocks) + "\n"


def minutes_html(
    meeting: Meeting, style: StyleFolder, *, public: bool = True, clerk: str = ""
) -> HtmlMinutes:
    """The minutes as the house style's Word export has them, as HTML, and its text rendering."""
    data = render_docx(meeting, style, public=public, clerk=clerk)
    page, setup, title = docx_html(data)
    return HtmlMinutes(page, render_text(meeting, style, public=public), title, setup, public)


# --- one item alone ------------------------------------------------------------------------------


def _marker(position: int) -> str:
    return f"{MARK}{position}{MARK}"


def _marked(meeting: Meeting, index: int) -> Meeting:
    """The meeting with markers in the titles of the item at `index` and every item after it,
    and a sentinel item after the last (the end of the last item's minute)."""
    items = list(meeting.items)
    last = items[-1]
    sentinel = Item(
        id=SENTINEL_ID, title="Sentinel", section_id=last.section_id, session_id=last.session_id
    )
    items.append(sentinel)
    marked = tuple(
        item.model_copy(update={"title": _marker(n) + item.title}) if n >= index else item
        for n, item in enumerate(items)
    )
    return meeting.model_copy(update={"items": marked})


def _block_text(block: etree._Element) -> str:
    """A paragraph's or table's words, tabs as spaces."""
    return "".join(
        " " if node.tag == f"{_W}tab" else node.text or ""
        for node in block.iter(f"{_W}t", f"{_W}tab")
    )


def _has_marker(text: str, start: int) -> int | None:
    """The position of the first marker in `text` at `start` or after, if any."""
    for found in _MARKED.finditer(text):
        position = int(found.group(0).strip(MARK))
        if position >= start:
            return position
    return None


def item_minutes(
    meeting: Meeting, style: StyleFolder, item_id: str, *, public: bool = True, clerk: str = ""
) -> HtmlMinutes:
    """One item's minute (its number, title and minute) as the minutes print it."""
    index = next((n for n, item in enumerate(meeting.items) if item.id == item_id), None)
    if index is None:
        raise RenderError("the item is not in the meeting")
    marked = _marked(meeting, index)
    document = _open(render_docx(marked, style, public=public, clerk=clerk))
    reader = _Reader(document)
    blocks = reader.blocks()
    texts = [_block_text(block) for block in blocks]
    start = next((n for n, text in enumerate(texts) if _marker(index) in text), None)
    if start is None:
        copy = "public copy" if public else "minutes"
        raise RenderError(f"the {copy} does not print this item")
    end = next(
        (n for n in range(start + 1, len(blocks)) if _has_marker(texts[n], index + 1) is not None),
        len(blocks),
    )
    body = reader.read(blocks[start:end])
    title = _MARKED.sub("", re.sub(r"\s+", " ", texts[start])).strip()
    base = reader.styles.look(reader.styles.default_paragraph, "", None)
    text = _item_text(marked, style, index, public)
    return HtmlMinutes(_page(body, title, base), text, title, page_setup(document), public)


def _item_text(marked: Meeting, style: StyleFolder, index: int, public: bool) -> str:
    lines = render_text(marked, style, public=public).split("\n")
    start = next((n for n, line in enumerate(lines) if _marker(index) in line), None)
    if start is None:
        return ""
    end = next(
        (n for n in range(start + 1, len(lines)) if _has_marker(lines[n], index + 1) is not None),
        len(lines),
    )
    return tidy_text("\n".join(_MARKED.sub("", line) for line in lines[start:end]))


def plain_of(html_text: str) -> str:
    """The words of an HTML page, tags taken out (for tests and the clipboard's check)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", html_text))


__all__ = [
    "HtmlMinutes",
    "PageSetup",
    "docx_html",
    "item_minutes",
    "minutes_html",
    "page_setup",
    "plain_of",
]
