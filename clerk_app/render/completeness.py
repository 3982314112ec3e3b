"""Every word the minutes hold must reach the page: one check for every writer.

A house style's template decides layout and wording around the minutes' text, never whether
that text is printed. After rendering, the writer (text or Word) hands the text a reader sees to
`check_complete`, which looks for every piece of text the template context holds:

- the name of everyone who attended (chair, members, co-opted members, officers, others);
- each item's title, the notice of an item withheld from a public copy, and every paragraph of
  its body (list entries, nested blocks, resolutions, public questions, attachments);
- each follow-up action: what is to be done, who does it and by when;
- format 2's parts: a table's caption and cells, a notice of motion's mover, motion and reply,
  the words of a motion and its debate, headings; and, for a style that prints them, the
  preamble, the closing note, speakers and their summaries, an exempt item's published summary
  and the signatories.

A template's parts that a house style may leave out altogether are the groups of the attendance
(the Leicester minutes name officers only in the text) and the follow-up actions (many councils
keep them in an action log, not in the minutes). A style that never asks for one of them (its
templates never name `officers`, `actions`...) has chosen not to print it: those pieces are not
demanded, so a council's style written before Clerk offered them keeps working. A style that
asks for a part must print all of it. `check-style` says which parts a style leaves out.

What the check compares is already what this copy may show: in a public copy exempt items reach
the context emptied (no body, no actions), so their absence is never a loss. Comparison ignores
line breaks, runs of spaces and case (a style may print titles in capitals), and an action's
closing full stop (a style may put the owner in brackets before it). Vote lines are left out:
styles word the count their own way ("all eight were in favour").

A piece counts as printed when the output holds it anywhere. The search follows each part of
the minutes (each group of the attendance, the items, the actions, which a style may print
under their minutes or in an annex) through the output in order, so that it costs one pass
however long the meeting. Anything missing fails the render with the minute and the words, so
that nothing is ever silently left out.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from clerk_app.render.context import (
    FollowUpView,
    MinutesContext,
    NoticeView,
    ResolutionView,
    RowView,
    TableView,
)
from clerk_app.render.errors import RenderError

UNCOMPARED_ROWS = frozenset({"vote", "named_vote", "readings"})
"""Row kinds whose text a style words its own way."""


OPTIONAL_PARTS: dict[str, tuple[str, ...]] = {
    "chairs": ("chairs", "present_members", "everyone"),
    "vice-chairs": ("vice_chairs", "present_members", "everyone"),
    "members": ("members", "present_members", "everyone"),
    "co-opted members": ("co_opted", "present_members", "everyone"),
    "officers": ("officers", "everyone"),
    "others": ("others", "everyone"),
    "actions": ("actions",),
    # Added with format 2: a style written before them never asks for them.
    "preamble": ("preamble",),
    "closing note": ("closing_note",),
    "speakers": ("speakers", "deputations", "public_speakers"),
    "published summaries": ("summary",),
    "signatories": ("signatories",),
}
"""The parts a style may leave out, and the context names that print each (a style printing
`attendance.present_members` prints the chairs, members and co-opted members)."""
EVERY_PART = frozenset(OPTIONAL_PARTS)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_XML_TAG = re.compile(r"<[^>]+>")


def parts_asked_for(sources: Iterable[str]) -> frozenset[str]:
    """The optional parts that templates with these sources print: those whose context names
    they mention."""
    names = {name for source in sources for name in _NAME.findall(source)}
    return frozenset(
        part for part, printed_by in OPTIONAL_PARTS.items() if names.intersection(printed_by)
    )


@lru_cache(maxsize=32)
def _folder_parts(folder: Path, stamp: tuple[tuple[str, int, int], ...]) -> frozenset[str]:
    sources: list[str] = []
    for name, _mtime, _size in stamp:
        path = folder / name
        try:
            if name.endswith(".docx"):
                with zipfile.ZipFile(path) as package:
                    for member in package.namelist():
                        if member.startswith("word/") and member.endswith(".xml"):
                            xml = package.read(member).decode("utf-8", "replace")
                            sources.append(_XML_TAG.sub("", xml))
            else:
                sources.append(path.read_text(encoding="utf-8", errors="replace"))
        except (OSError, zipfile.BadZipFile):
            return EVERY_PART  # cannot tell: demand everything (the render reports the file)
    return parts_asked_for(sources)


def style_parts(folder: Path, template: str) -> frozenset[str]:
    """The optional parts a style folder's template (`minutes.txt.j2` with the other Jinja
    files it may include, or `minutes.docx`) prints; read once for each version of the files."""
    names = (
        [template]
        if template.endswith(".docx")
        else sorted({template, *(p.name for p in folder.glob("*.j2"))})
    )
    stamp = []
    for name in names:
        try:
            status = (folder / name).stat()
        except OSError:
            return EVERY_PART
        stamp.append((name, status.st_mtime_ns, status.st_size))
    return _folder_parts(folder, tuple(stamp))


def normal(text: str) -> str:
    """Text as compared: whitespace runs made one space, case folded. Capitals first, so that a
    letter a style's capitals change (dotless ı becomes I, ß becomes SS) compares equal to its
    capital: `"ı".casefold()` is not `"I".casefold()`."""
    return " ".join(text.split()).upper().casefold()


def row_texts(row: RowView) -> Iterator[str]:
    """What of one row of an item's body the minutes must show."""
    if row.kind in UNCOMPARED_ROWS:
        return
    block = row.block
    if row.kind == "table" and isinstance(block, TableView):
        yield block.caption
        for cells in (block.header, *block.rows, block.total):
            yield from cells
    elif row.kind == "notice" and isinstance(block, NoticeView):
        yield from (block.mover, block.motion, block.reply_by, block.reply)
    elif row.kind == "motion" and isinstance(block, ResolutionView):
        # The style words the sentence; the words moved (without the "That" a style's
        # wording may supply) must be in it. Words moved from the resolution itself are
        # checked with the resolution.
        words = block.motion.strip().rstrip(".")
        yield words[5:] if words[:5].lower() == "that " else words
    else:
        yield row.text


def action_texts(action: FollowUpView) -> Iterator[str]:
    """What of an action the minutes must show: what, who and by when."""
    what = action.action.strip()
    yield what[:-1] if what.endswith(".") else what
    yield action.owner
    yield action.due


def expected_text(
    context: MinutesContext, parts: frozenset[str] = EVERY_PART
) -> Iterator[tuple[str, str, str]]:
    """Every piece of text the minutes must show, as (part, where, text): the part of the
    minutes it belongs to ("attendance: officers", "items", "actions"), where it comes from in
    the words of an error message ("the attendance", "minute 158"), and the text. Within a part
    the pieces come in the order the minutes hold them."""
    attendance = context.attendance
    meeting = context.meeting
    if "preamble" in parts and meeting.preamble:
        yield "preamble", "the preamble", meeting.preamble
    for group, people in (
        ("chairs", attendance.chairs),
        ("vice-chairs", attendance.vice_chairs),
        ("members", attendance.members),
        ("co-opted members", attendance.co_opted),
        ("officers", attendance.officers),
        ("others", attendance.others),
    ):
        if group not in parts:
            continue  # a group the style does not print
        for person in people:  # each group a part: styles order the groups their own way
            yield f"attendance: {group}", "the attendance", person.name
    for item in context.items:
        where = f"minute {item.number}"
        yield "items", where, item.title
        if item.withheld:
            yield "items", where, item.notice
        if item.summary and "published summaries" in parts:
            yield "items", where, item.summary
        for row in item.rows:
            for text in row_texts(row):
                yield "items", where, text
        for speaker in item.speakers if "speakers" in parts else ():
            yield "speakers", where, speaker.name
            yield "speakers", where, speaker.summary
        for action in item.actions if "actions" in parts else ():
            for text in action_texts(action):
                yield "actions", f"the actions of minute {item.number}", text
    if "closing note" in parts and meeting.closing_note:
        yield "closing note", "the closing note", meeting.closing_note
    for signatory in meeting.signatories if "signatories" in parts else ():
        for text in (signatory.role, signatory.name):
            if text:
                yield "signatories", "the signatures", text


def first_missing(
    output: str, context: MinutesContext, parts: frozenset[str] = EVERY_PART
) -> tuple[str, str] | None:
    """Where from and what the first piece of the minutes' text that `output` lacks is, or None
    when the output holds all of it.

    A piece counts as printed when the output holds it anywhere, compared as `normal` text. To
    cost one pass over the output however long the meeting, each part of the minutes is
    followed through the output, in lower case, in order; only a piece not found that way is
    looked for in the whole normalised output."""
    lowered = output.lower()
    if len(lowered) != len(output):  # a letter whose lower case is longer: no shortcut
        lowered = ""
    cursors: dict[str, int] = {}
    document: str | None = None
    for part, where, expected in expected_text(context, parts):
        if not expected.strip():
            continue
        wanted = expected.lower()
        found = lowered.find(wanted, cursors.get(part, 0)) if lowered else -1
        if found >= 0:
            cursors[part] = found + len(wanted)
            continue
        if document is None:
            document = normal(output)
        if normal(expected) not in document:
            return where, expected
    return None


def excerpt(text: str, limit: int = 80) -> str:
    """The start of a text for an error message, on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def check_complete(
    output: str,
    context: MinutesContext,
    *,
    writer: str,
    advice: str,
    parts: frozenset[str] = EVERY_PART,
) -> None:
    """Raise RenderError if `output` lost any of the minutes' text.

    `writer` names the output ("the Word document", "the text minutes"); `advice` ends the
    message (what happened to the output, what to do).
    """
    missing = first_missing(output, context, parts)
    if missing is not None:
        where, text = missing
        raise RenderError(f"{writer} lost text from {where}: '{excerpt(text)}'; {advice}")
