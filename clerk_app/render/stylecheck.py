"""Checking a house style folder before a council relies on it (`clerk-app check-style FOLDER`).

It reports, each with the file and the place: style.toml errors, and a style that contradicts
itself (the start and the closing time written two ways); template syntax errors (in a Word
template, with the text around the tag); names a template uses that the context does not
provide; a standing item the style says it writes but a template never mentions; Word
paragraph styles used but not defined, and item headings Word's navigation pane would not list;
what in a Word template export refuses (references outside the document, fields that fetch
content, document type declarations, parts too large), before anything else of it is opened;
any failure rendering the bundled sample meetings with it; and a style whose `[law]` table says
the chair signs the minutes it makes (`signature = true`, under a nation's law) but whose
template prints no signature block. Whatever export refuses is an error here: export's own
checks on the sample meetings, and the same words.

These are the style's problems, reported once here rather than on every meeting's findings.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.render.completeness import parts_asked_for
from clerk_app.render.context import MinutesContext
from clerk_app.render.environment import make_environment
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import (
    DOCX_TEMPLATE,
    STYLE_FILE,
    TEXT_TEMPLATE,
    StyleFolder,
    load_style_folder,
)

CONTEXT_NAMES = frozenset(f.name for f in fields(MinutesContext))
_TOO_DEEP = "its tags nest too deeply to be read"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass(frozen=True, slots=True)
class StyleProblem:
    severity: str  # "error" or "warning"
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def _unknown_names(env: ImmutableSandboxedEnvironment, source: str) -> set[str]:
    tree = env.parse(source)
    names = meta.find_undeclared_variables(tree)
    # Jinja's analysis reports a name set inside an `if` as possibly undefined; a name the
    # template assigns anywhere is its own, not one it expects from the context.
    assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}
    return {
        n for n in names if n not in CONTEXT_NAMES and n not in env.globals and n not in assigned
    }


def _check_text(style: StyleFolder, env: ImmutableSandboxedEnvironment) -> Iterator[StyleProblem]:
    path = style.text_template
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield StyleProblem("error", TEXT_TEMPLATE, f"cannot be read: {exc}")
        return
    try:
        unknown = _unknown_names(env, source)
    except TemplateSyntaxError as exc:
        yield StyleProblem("error", f"{TEXT_TEMPLATE}, line {exc.lineno}", exc.message or str(exc))
        return
    except RecursionError:
        yield StyleProblem("error", TEXT_TEMPLATE, _TOO_DEEP)
        return
    for name in sorted(unknown):
        yield StyleProblem(
            "error",
            TEXT_TEMPLATE,
            f"uses '{name}', which the minutes do not provide "
            f"(they provide: {', '.join(sorted(CONTEXT_NAMES))})",
        )


_TAG_TEXT = re.compile(r"<[^>]+>")


def _docx_sources(style: StyleFolder) -> Iterator[tuple[str, str, object]]:
    """(part name, Jinja source as docxtpl prepares it, the part) for body, headers, footers."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(style.docx_template))
    template.render_init()
    yield "word/document.xml", template.patch_xml(template.get_xml()), template.docx._part
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _, part in template.get_headers_footers(uri):
            yield (
                str(part.partname).lstrip("/"),
                template.patch_xml(template.get_part_xml(part)),
                part,
            )


def _check_package(style: StyleFolder) -> Iterator[StyleProblem]:
    """What in the Word file export refuses before opening it (`docx.template_problems`, in
    the same words): parts too large, references and fields reaching outside the document,
    document type declarations."""
    from clerk_app.render.docx import describe_open_error, read_template

    try:
        _, problems = read_template(style.docx_template)
    except OSError as exc:
        problem = describe_open_error(exc)
        yield StyleProblem("error", DOCX_TEMPLATE, f"is not a usable Word document: {problem}")
        return
    for found in problems:
        yield StyleProblem("error", found.place(DOCX_TEMPLATE), found.message)


def _check_docx(style: StyleFolder, env: ImmutableSandboxedEnvironment) -> Iterator[StyleProblem]:
    package = list(_check_package(style))
    if package:
        yield from package
        return  # nothing more of it is opened: it could unpack to gigabytes
    try:
        sources = list(_docx_sources(style))
    except Exception as exc:  # any failure to open it is itself the finding
        from clerk_app.render.docx import describe_open_error

        problem = describe_open_error(exc)
        yield StyleProblem("error", DOCX_TEMPLATE, f"is not a usable Word document: {problem}")
        return
    for part, source, _ in sources:
        try:
            unknown = _unknown_names(env, source)
        except RecursionError:
            yield StyleProblem("error", f"{DOCX_TEMPLATE} ({part})", _TOO_DEEP)
            continue
        except TemplateSyntaxError as exc:
            lines = source.splitlines()
            start = max((exc.lineno or 1) - 2, 0)
            near = " / ".join(
                text
                for text in (_TAG_TEXT.sub("", line).strip() for line in lines[start : start + 3])
                if text
            )
            yield StyleProblem(
                "error", f"{DOCX_TEMPLATE} ({part})", f"{exc.message}; near: {near[:200]}"
            )
            continue
        for name in sorted(unknown):
            yield StyleProblem(
                "error",
                f"{DOCX_TEMPLATE} ({part})",
                f"uses '{name}', which the minutes do not provide",
            )
    yield from _check_docx_styles(style)


def _check_docx_styles(style: StyleFolder) -> Iterator[StyleProblem]:
    import zipfile

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    used: dict[str, str] = {}
    try:
        with zipfile.ZipFile(style.docx_template) as archive:
            names = archive.namelist()
            styles_xml = etree.fromstring(archive.read("word/styles.xml"), parser=_SAFE_XML)
            defined = {s.get(f"{w}styleId"): s for s in styles_xml.iter(f"{w}style")}
            for name in names:
                if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                    root = etree.fromstring(archive.read(name), parser=_SAFE_XML)
                    for ref in root.iter(f"{w}pStyle", f"{w}rStyle", f"{w}tblStyle"):
                        used.setdefault(ref.get(f"{w}val", ""), name)
    except KeyError:
        yield StyleProblem("error", DOCX_TEMPLATE, "has no styles (word/styles.xml is missing)")
        return
    except (OSError, EOFError, zipfile.BadZipFile, etree.XMLSyntaxError, zlib.error) as exc:
        yield StyleProblem("error", DOCX_TEMPLATE, f"is not a usable Word document: {exc}")
        return
    for style_id, part in sorted(used.items()):
        if style_id not in defined:
            yield StyleProblem(
                "error",
                f"{DOCX_TEMPLATE} ({part})",
                f"uses the style '{style_id}', which is not defined",
            )

    def is_heading(element: etree._Element) -> bool:
        name = element.find(f"{w}name")
        named = name is not None and name.get(f"{w}val", "").startswith("heading ")
        return named or element.find(f"{w}pPr/{w}outlineLvl") is not None

    heading_ids = {sid for sid, element in defined.items() if is_heading(element)}
    if not heading_ids & set(used):
        yield StyleProblem(
            "warning",
            DOCX_TEMPLATE,
            "no paragraph uses a heading style: Word's navigation pane will not list the items",
        )


_SAMPLE_START, _SAMPLE_CLOSE = dt.time(17, 30), dt.time(20, 20)


def _check_style_rules(style: HouseStyle) -> Iterator[StyleProblem]:
    """Inconsistencies in style.toml itself, such as writing times two different ways."""
    if style.time_format != style.close_time_format:
        start = style.start_time(_SAMPLE_START)
        close = style.close_time(_SAMPLE_CLOSE)
        yield StyleProblem(
            "warning",
            STYLE_FILE,
            f"writes the start time like '{start}' but the closing time like '{close}'",
        )


def _template_sources(style: StyleFolder) -> Iterator[tuple[str, str]]:
    """(file name, Jinja source) of each template that can be read; the others are reported
    by their own checks."""
    if style.text_template.is_file():
        try:
            text = style.text_template.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = None
        if text is not None:
            yield TEXT_TEMPLATE, text
    if style.docx_template.is_file():
        try:
            docx = "\n".join(source for _, source, _ in _docx_sources(style))
        except Exception:  # an unreadable Word template is _check_docx's finding
            docx = None
        if docx is not None:
            yield DOCX_TEMPLATE, docx


def _check_written_items(style: StyleFolder) -> Iterator[StyleProblem]:
    """A standing item the style says it writes must be one its templates test for."""
    written = style.style.writes_standing_items
    if not written:
        return
    for name, source in _template_sources(style):
        for standing in written:
            if f'"{standing.value}"' not in source and f"'{standing.value}'" not in source:
                yield StyleProblem(
                    "warning",
                    STYLE_FILE,
                    f"writes_standing_items names '{standing.value}', which {name} never "
                    "mentions: its minutes would print that item empty without notice",
                )


def _check_rendering(style: StyleFolder, samples: Iterable[Meeting]) -> Iterator[StyleProblem]:
    from clerk_app.render.docx import render_docx
    from clerk_app.render.text import render_text

    for meeting in samples:
        for public in (True, False):
            copy = "public" if public else "full"
            label = f"rendering the sample '{meeting.body}' ({copy} copy)"
            if style.text_template.is_file():
                try:
                    render_text(meeting, style, public=public)
                except (RenderError, StyleError) as exc:
                    yield StyleProblem("error", label, str(exc))
            if style.docx_template.is_file():
                try:
                    render_docx(meeting, style, public=public)
                except (RenderError, StyleError) as exc:
                    yield StyleProblem("error", label, str(exc))


_SIGN_HERE = re.compile(r"^\s*(?:signed|signature)\b|[._]{8,}|…{3,}", re.IGNORECASE | re.MULTILINE)
"""A place to sign: a line led by "Signed" or "Signature", or a line of dots or rules to sign on
(not a resolution saying the minutes be "signed by the Chair")."""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_body_text(data: bytes) -> str:
    """The body's paragraphs of a Word document made, one a line (headers and footers are left
    out: a chair's initials on each page are not the signature)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"), parser=_SAFE_XML)
    return "\n".join(
        "".join(t.text or "" for t in paragraph.iter(f"{_W}t")) for paragraph in root.iter(f"{_W}p")
    )


def _unsigned_meeting(samples: tuple[Meeting, ...]) -> Meeting:
    """A meeting that lists no signatories of its own, so that the style's own block prints."""
    if samples:
        return samples[0].model_copy(update={"signatories": ()})
    from clerk_app.domain.model import Attendance, Item, Paragraph, Person, Role

    return Meeting(
        authority="Anytown Council",
        body="Full Council",
        date=dt.date(2025, 6, 18),
        start_time=_SAMPLE_START,
        attendance=(Attendance(person=Person(name="A Smith"), role=Role.CHAIR),),
        items=(Item(title="Apologies for Absence", blocks=(Paragraph(text="None."),)),),
    )


def _check_signature(style: StyleFolder, samples: tuple[Meeting, ...]) -> Iterator[StyleProblem]:
    """A style whose `[law]` table says the chair signs the minutes it makes (`signature =
    true`, under a nation's law) prints a place to sign in each of its templates, for a meeting
    that names no signatories of its own: the chair signs the minutes as a correct record
    (paragraph 41(1) of Schedule 12 to the Local Government Act 1972)."""
    from clerk_app.domain.law_settings import Nation
    from clerk_app.render.docx import render_docx
    from clerk_app.render.text import render_text

    law = style.style.law
    if law.nation is Nation.NONE or not law.signature:
        return
    meeting = _unsigned_meeting(samples)
    made: list[tuple[str, str]] = []
    try:
        if style.text_template.is_file():
            made.append((TEXT_TEMPLATE, render_text(meeting, style, public=False)))
        if style.docx_template.is_file():
            made.append((DOCX_TEMPLATE, _docx_body_text(render_docx(meeting, style, public=False))))
    except (RenderError, StyleError):
        return  # a template that cannot render is the rendering check's finding
    for template, text in made:
        if not _SIGN_HERE.search(text):
            yield StyleProblem(
                "error",
                template,
                "prints no signature block (a line 'Signed ........ (Chair)') for minutes that "
                "name no signatories, though style.toml's [law] says the chair signs them "
                "(signature = true; paragraph 41(1) of Schedule 12 to the Local Government Act "
                "1972): add one, or set signature = false if the council signs another copy",
            )


def check_style_folder(folder: Path, samples: Iterable[Meeting] = ()) -> list[StyleProblem]:
    """Everything wrong with the style in `folder`; empty if it is ready to use."""
    samples = tuple(samples)
    try:
        style = load_style_folder(folder)
    except StyleError as exc:
        return [StyleProblem("error", STYLE_FILE, str(exc))]
    problems: list[StyleProblem] = list(_check_style_rules(style.style))
    has_text, has_docx = style.text_template.is_file(), style.docx_template.is_file()
    if not has_text and not has_docx:
        return [
            StyleProblem("error", str(folder), f"has neither {TEXT_TEMPLATE} nor {DOCX_TEMPLATE}")
        ]
    if not has_docx:
        problems.append(
            StyleProblem("warning", str(folder), f"has no {DOCX_TEMPLATE}: no Word export")
        )
    if not has_text:
        problems.append(
            StyleProblem("warning", str(folder), f"has no {TEXT_TEMPLATE}: no text export")
        )
    env = make_environment(folder, autoescape=False)
    if has_text:
        problems.extend(_check_text(style, env))
    if has_docx:
        problems.extend(_check_docx(style, make_environment(folder, autoescape=True)))
    if not any(p.severity == "error" for p in problems):
        problems.extend(_check_written_items(style))
        problems.extend(_check_rendering(style, samples))
        problems.extend(_check_signature(style, samples))
        problems.extend(_check_parts_left_out(style))
    return problems


_PART_NAMES = {
    "officers": "the officers in attendance",
    "others": "the others present (not members)",
    "co-opted members": "the co-opted members",
    "actions": "the follow-up actions",
}


def _check_parts_left_out(style: StyleFolder) -> Iterator[StyleProblem]:
    """Parts of the minutes a template never prints: allowed (the completeness check does not
    demand them), but whoever looks after the style should know."""
    for template, source in _template_sources(style):
        printed = parts_asked_for([source])
        for part, words in _PART_NAMES.items():
            if part not in printed:
                yield StyleProblem(
                    "warning",
                    template,
                    f"never prints {words}: minutes that have them will not show them",
                )
