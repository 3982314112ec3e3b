"""The year's action log, written out: rows, CSV for a spreadsheet, Word in the house style, and
one line per action for the command line.

Render may not import storage (the layers contract in pyproject.toml makes them siblings), so the
writers here return bytes and the caller saves them with `clerk_app.storage.atomic.atomic_write`,
as it saves the minutes. Nothing here touches a file but the house style's templates it reads.

Choices (docs/action-log.md says more):

- CSV dates are ISO (2025-09-23): Excel makes a real date of them whatever the machine's
  regional settings, so the Due and Raised columns sort and filter as dates; "23 September 2025"
  is read as a date by some Excels and as text by others. Word and the command line write dates
  as the house style writes short dates.
- The Word log lists the outstanding actions first (overdue ones marked with a bold "Overdue",
  not by colour alone), then the completed ones, each in the order they were raised: the order
  of matters arising, so a clerk can read the two side by side.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from clerk_app import __version__
from clerk_app.domain.actions import ActionEntry, raised_at
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting, MeetingStatus
from clerk_app.render.context import build_context
from clerk_app.render.docx import (
    _StrictTemplate,
    open_template,
    parse_strictly,
    reference_problems,
    set_properties,
    visible_text,
)
from clerk_app.render.environment import (
    TEMPLATE_ERRORS,
    describe_template_error,
    environment_for,
    render_limits,
    template_cache,
)
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import StyleFolder

COLUMNS = ("Action", "Owner", "Due", "Raised", "Minute", "Item", "Status", "Done on")
"""The log's columns, in order: the header row of every table it makes."""

ACTIONS_TEMPLATE = "actions.docx"
"""A style's own Word template for the action log, if it has one (rendered by docxtpl with the
context `action_log_context` makes); without one, the log is built on its `minutes.docx`."""

WORD_TITLE = "Action log"

_SHARES = (0.23, 0.14, 0.115, 0.115, 0.08, 0.12, 0.095, 0.105)
"""Each column's share of the width between the margins: eight columns fit a portrait page
with the text at CELL_POINTS and narrow cell margins ("September" and "C 08/042" unbroken)."""
CELL_POINTS = 8
_CELL_MARGIN_TWIPS = 57  # 1 mm each side, where Word's default is 1.9 mm
_HEADER_FILL = "D9D9D9"
_STYLE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_TAG = re.compile(r"\{\{|\{%|%\}|\}\}")
_FORMULA_START = re.compile(r"^(?:[=+@\t\r]|-(?=\S))")


# --- rows --------------------------------------------------------------------------------------


def _date(day: dt.date | None, style: HouseStyle | None) -> str:
    if day is None:
        return ""
    return style.short_date(day) if style is not None else day.isoformat()


def entry_row(entry: ActionEntry, today: dt.date, style: HouseStyle | None = None) -> list[str]:
    """One action's cells, in the order of COLUMNS. Dates as `style` writes short dates, or ISO
    (2025-09-23) without one. Status is "Open", "Overdue" or "Done"; Done on says when."""
    return [
        entry.action,
        entry.owner,
        _date(entry.due, style),
        _date(entry.raised_on, style),
        entry.raised_minute,
        entry.item_title,
        entry.state(today),
        _date(entry.completed_on, style),
    ]


def action_log_rows(
    entries: Iterable[ActionEntry], today: dt.date, style: HouseStyle | None = None
) -> list[list[str]]:
    """The header row, then one row per action in the order given."""
    return [list(COLUMNS), *(entry_row(e, today, style) for e in entries)]


# --- CSV ---------------------------------------------------------------------------------------


def _spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: one that starts like one ("=", "+", "@",
    "-" followed by more) gets a leading apostrophe, which Excel and LibreOffice show as text."""
    return f"'{cell}" if _FORMULA_START.match(cell) else cell


def action_log_csv(entries: Iterable[ActionEntry], today: dt.date) -> bytes:
    """The log as CSV for Excel: UTF-8 with a byte order mark (without one, Excel on Windows
    reads "Councillor Ó Sé" as the machine's code page), CRLF between rows, every cell quoted
    where it must be (commas, quotes, new lines in an action), ISO dates. Save it with
    `atomic_write`."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    for row in action_log_rows(entries, today):
        writer.writerow([_spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- text --------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def action_log_text(
    entries: Iterable[ActionEntry], today: dt.date, style: HouseStyle | None = None
) -> str:
    """One line per action, for the command line: where it was raised, its status, what it is,
    who has it and by when. Dates as `style` writes short dates, ISO without one."""
    lines = []
    for entry in entries:
        where = raised_at(entry.raised_minute, _date(entry.raised_on, style))
        status = entry.state(today)
        if entry.completed_on is not None:
            status += f" {_date(entry.completed_on, style)}"
        details = "; ".join(
            part
            for part in (entry.owner, f"due {_date(entry.due, style)}" if entry.due else "")
            if part
        )
        line = f"{where or 'Raised where not recorded'} [{status}] {_one_line(entry.action)}"
        lines.append(f"{line} ({_one_line(details)})" if details else line)
    return "".join(f"{line}\n" for line in lines)


# --- Word: the context -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActionRowView:
    """One action as the Word log (and a style's `actions.docx`) shows it: its cells, in words."""

    action: str
    owner: str
    due: str
    raised: str
    minute: str
    item: str
    status: str
    done_on: str
    overdue: bool
    done: bool

    @property
    def cells(self) -> tuple[str, ...]:
        return (
            self.action,
            self.owner,
            self.due,
            self.raised,
            self.minute,
            self.item,
            self.status,
            self.done_on,
        )


@dataclass(frozen=True, slots=True)
class ActionLogView:
    """What an `actions.docx` template sees as `log`."""

    title: str
    """ "Action log"."""
    authority: str
    committee: str
    printed_on: str
    """The date of printing, as the style writes short dates."""
    summary: str
    """ "5 actions: 3 outstanding (1 overdue), 2 completed."."""
    columns: tuple[str, ...]
    outstanding: tuple[ActionRowView, ...]
    """Open actions, in the order raised; overdue ones have `overdue` set."""
    completed: tuple[ActionRowView, ...]
    actions: tuple[ActionRowView, ...]
    """Every action, in the order raised."""


def _row_view(entry: ActionEntry, today: dt.date, style: HouseStyle) -> ActionRowView:
    action, owner, due, raised, minute, item, status, done_on = entry_row(entry, today, style)
    return ActionRowView(
        action=action,
        owner=owner,
        due=due,
        raised=raised,
        minute=minute,
        item=item,
        status=status,
        done_on=done_on,
        overdue=entry.overdue(today),
        done=entry.done,
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def action_log_view(
    entries: Sequence[ActionEntry],
    style: HouseStyle,
    committee: str,
    authority: str,
    today: dt.date,
) -> ActionLogView:
    rows = tuple(_row_view(e, today, style) for e in entries)
    outstanding = tuple(r for r in rows if not r.done)
    completed = tuple(r for r in rows if r.done)
    overdue = sum(r.overdue for r in outstanding)
    summary = (
        f"{_plural(len(rows), 'action')}: {len(outstanding)} outstanding"
        f"{f' ({overdue} overdue)' if overdue else ''}, {len(completed)} completed."
        if rows
        else "There are no actions."
    )
    return ActionLogView(
        title=WORD_TITLE,
        authority=authority,
        committee=committee,
        printed_on=style.short_date(today),
        summary=summary,
        columns=COLUMNS,
        outstanding=outstanding,
        completed=completed,
        actions=rows,
    )


def action_log_context(
    log: ActionLogView, style_folder: StyleFolder, today: dt.date
) -> dict[str, Any]:
    """What the log's Word template is rendered with: `log`, and the names the style's minutes
    templates use (`meeting`, `style`, ...) for a meeting of the committee on the day of printing,
    approved and public, so that the headers and footers of `minutes.docx` (the authority, the
    committee, "Page 1 of 3") read as they do on its minutes, without "DRAFT"."""
    name = style_folder.name if _STYLE_NAME.match(style_folder.name) else "plain"
    meeting = Meeting(
        authority=log.authority,
        body=log.committee,
        date=today,
        status=MeetingStatus.APPROVED,
        confirmed_on=today,
        house_style=name,
    )
    context = build_context(meeting, style_folder.style, public=True).as_dict()
    context["log"] = log
    return context


# --- Word: the document ------------------------------------------------------------------------


def _render(template: _StrictTemplate, context: dict[str, Any], folder: Path, name: str) -> None:
    env = environment_for(folder, autoescape=True, code_cache=template_cache())
    try:
        with render_limits():
            template.render(context, jinja_env=env, autoescape=True)
    except TEMPLATE_ERRORS as exc:
        raise RenderError(describe_template_error(exc, name)) from exc


def _clear_body(document: DocumentObject) -> None:
    """Everything of the body but its last section's page setup (size, margins, headers)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _style(document: DocumentObject, *names: str) -> str | None:
    """The first of `names` that the document has as a paragraph style."""
    have = {s.name for s in document.styles if s.type == 1}  # WD_STYLE_TYPE.PARAGRAPH
    return next((n for n in names if n in have), None)


def _text_width(document: DocumentObject) -> int:
    section = document.sections[-1]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    if width is None or left is None or right is None:
        return 9_000_000  # A4 less 2.5 cm margins, near enough
    return int(width - left - right)


def _paragraph(document: DocumentObject, text: str, style: str | None) -> Paragraph:
    paragraph = document.add_paragraph(text)
    if style is not None:
        paragraph.style = style
    return paragraph


def _cell(cell: _Cell, text: str, style: str | None, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if style is not None:
        paragraph.style = style
    lines = text.split("\n")
    for n, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = Pt(CELL_POINTS)
        if bold:
            run.bold = True
        if n < len(lines) - 1:
            run.add_break()


def _table(
    document: DocumentObject, rows: Sequence[ActionRowView], names: dict[str, str | None]
) -> None:
    width = _text_width(document)
    table = document.add_table(rows=1 + len(rows), cols=len(COLUMNS))
    if "Table Grid" in {s.name for s in document.styles}:
        table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    margins = "".join(
        f'<w:{side} w:w="{_CELL_MARGIN_TWIPS}" w:type="dxa"/>' for side in ("left", "right")
    )
    cell_margins = parse_xml(f"<w:tblCellMar {nsdecls('w')}>{margins}</w:tblCellMar>")
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:  # the schema's order: the margins come before the look
        look.addprevious(cell_margins)
    else:
        table._tbl.tblPr.append(cell_margins)
    for column, share in zip(table.columns, _SHARES, strict=True):
        column.width = int(width * share)
        for cell in column.cells:
            cell.width = int(width * share)
    header, *body = table.rows
    for cell, title in zip(header.cells, COLUMNS, strict=True):
        _cell(cell, title, names["heading"], bold=names["heading"] is None)
        cell._tc.get_or_add_tcPr().append(
            parse_xml(
                f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{_HEADER_FILL}"/>'
            )
        )
    for row, view in zip(body, rows, strict=True):
        for n, (cell, text) in enumerate(zip(row.cells, view.cells, strict=True)):
            # Overdue is said in bold words, never by colour alone.
            _cell(cell, text, names["text"], bold=view.overdue and COLUMNS[n] == "Status")
    for n, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        if n == 0:
            properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))  # repeats on every page
        properties.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


def _build(document: DocumentObject, log: ActionLogView) -> None:
    names = {
        "title": _style(document, "Annex Heading", "Title", "Heading 1"),
        "subtitle": _style(document, "Annex Subtitle", "Subtitle", "Heading 2"),
        "group": _style(document, "Annex Table Heading", "Heading 2"),
        "heading": _style(document, "Annex Table Heading", "Table Heading"),
        "text": _style(document, "Annex Text", "Table Text"),
    }
    _paragraph(document, log.title, names["title"])
    subtitle = f"{log.authority}: {log.committee}" if log.authority else log.committee
    if subtitle:
        _paragraph(document, subtitle, names["subtitle"])
    _paragraph(document, f"Printed on {log.printed_on}. {log.summary}", names["subtitle"])
    for heading, rows, none in (
        ("Outstanding actions", log.outstanding, "No actions are outstanding."),
        ("Completed actions", log.completed, "No actions have been completed."),
    ):
        if not log.actions:
            break
        _paragraph(document, heading, names["group"])
        if rows:
            _table(document, rows, names)
            _paragraph(document, "", None)  # Word merges tables that touch
        else:
            _paragraph(document, none, None)


def _properties(document: DocumentObject, log: ActionLogView, style: HouseStyle) -> None:
    set_properties(
        document,
        title=f"{log.title}: {log.committee}, {log.printed_on}",
        subject=log.committee,
        author=log.authority,
        modified_by=f"Clerk {__version__}",
        kind="Action log",
        comments=f"Exported by Clerk {__version__}",
        language=style.language,
    )


def _check(data: bytes, log: ActionLogView) -> None:
    """Every part parses strictly, nothing reaches outside the document, no tag is left, and
    every action's words are there."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                root = parse_strictly(package.read(name), name)
                for problem in reference_problems(name, root, template=False):
                    raise RenderError(
                        f"the action log's Word document ({name}) {problem.message}; "
                        "nothing was written"
                    )
    shown = " ".join(visible_text(data).split())
    remainder = shown
    for row in log.actions:
        for text in row.cells:
            remainder = remainder.replace(" ".join(text.split()), "")
    if _TAG.search(remainder) and _TAG.search(log.committee + log.authority) is None:
        raise RenderError(
            "the action log's Word template left a tag unrendered; nothing was written"
        )
    missing = [r.action for r in log.actions if " ".join(r.action.split()) not in shown]
    if missing:
        raise RenderError(
            f"the action log's Word document lost the action {missing[0][:80]!r}; "
            "nothing was written"
        )


def action_log_docx(
    entries: Sequence[ActionEntry],
    style_folder: StyleFolder,
    committee: str,
    authority: str,
    today: dt.date,
) -> bytes:
    """The log as a Word document in the house style, checked (RenderError or StyleError rather
    than a bad document). With the style's own `actions.docx`, that template rendered with
    `action_log_context`; otherwise built on the style's `minutes.docx`: its body cleared (its
    page setup, headers, footers and styles kept, the headers rendered as for minutes of the
    committee dated `today`), then the title, the committee, the date of printing, and the
    outstanding and the completed actions in tables of COLUMNS. Save it with `atomic_write`."""
    style = style_folder.style
    log = action_log_view(entries, style, committee, authority, today)
    context = action_log_context(log, style_folder, today)
    own = style_folder.path / ACTIONS_TEMPLATE
    if own.is_file():
        template = open_template(own)
        _render(template, context, style_folder.path, ACTIONS_TEMPLATE)
    else:
        if not style_folder.docx_template.is_file():
            raise StyleError(f"{style_folder.path}: the house style has no minutes.docx")
        template = open_template(style_folder.docx_template)
        _clear_body(template.docx)
        _render(template, context, style_folder.path, style_folder.docx_template.name)
        _build(template.docx, log)
    _properties(template.docx, log, style)
    buffer = io.BytesIO()
    template.save(buffer)
    data = buffer.getvalue()
    _check(data, log)
    return data


__all__ = [
    "ACTIONS_TEMPLATE",
    "COLUMNS",
    "ActionLogView",
    "ActionRowView",
    "action_log_context",
    "action_log_csv",
    "action_log_docx",
    "action_log_rows",
    "action_log_text",
    "action_log_view",
    "entry_row",
]
