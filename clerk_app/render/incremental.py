"""Text minutes redrawn item by item: what keeps the preview fast on a 300-item meeting.

A house style's text template renders the whole meeting at once. To redraw one item as the clerk
types, the preview needs to know which lines of the minutes each item wrote. `lay_out` renders the
meeting twice: once as it is (the text the clerk sees) and once with an invisible marker in each
item's title and a sentinel item after the last one; the markers say where each item's lines
begin, the sentinel where the last item's end. If the marked rendering, markers and sentinel
taken out, is not exactly the real one (a template that counts its items, say), the layout says
so and the preview redraws whole meetings instead.

`render_item` then redraws one item alone: the meeting reduced to that item (numbered as it is)
and the sentinel, its lines cut out between the two markers. Items whose minute depends on other
items (the declarations item, which names the items declared on; an item a declaration names;
an exempt item, whose withholding changes other parts) are not redrawn alone.

Nothing here imports Qt: the preview calls it, on and off the GUI thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from clerk_app.domain.model import Item, Meeting, StandingItem
from clerk_app.domain.numbering import MinuteNumbering, resolutions_in
from clerk_app.render.context import MinutesContext, build_context, unnamed_in_public
from clerk_app.render.environment import environment_for, render_template, template_cache
from clerk_app.render.errors import StyleError
from clerk_app.render.styles import TEXT_TEMPLATE, StyleFolder
from clerk_app.render.text import tidy_text

MARK = "\u2063"
"""INVISIBLE SEPARATOR: brackets an item's position in its title while laying out."""
SENTINEL_ID = "clerk-layout-sentinel"


def _marker(position: int) -> str:
    return f"{MARK}{position}{MARK}"


@dataclass(frozen=True, slots=True)
class Layout:
    """The text minutes of one meeting, and which lines each item wrote."""

    meeting: Meeting
    public: bool
    rendered: str
    """The text as one rendering of the whole meeting wrote it (see `text` for the current)."""
    prefix: tuple[str, ...] = ()
    """The lines before the first item: the heading and attendance."""
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(item id, its lines) in the order of the minutes; an item a public copy omits has none."""
    tail: tuple[str, ...] = ()
    incremental: bool = False
    """Whether items can be redrawn alone (the marked rendering matched the real one)."""

    @property
    def text(self) -> str:
        """The minutes as they are now, items redrawn alone included."""
        if not self.incremental:
            return self.rendered
        # as the writer ends a text: one newline, whatever blank line the last item left
        return "".join(f"{line}\n" for line in self.lines()).rstrip("\n") + "\n"

    def lines(self) -> list[str]:
        return [*self.prefix, *(line for _, lines in self.sections for line in lines), *self.tail]

    def section_lines(self, item_id: str) -> tuple[int, int] | None:
        """Where an item's lines start, and how many there are; None if it is not laid out."""
        line = len(self.prefix)
        for own, lines in self.sections:
            if own == item_id:
                return line, len(lines)
            line += len(lines)
        return None

    def heading_lines(self) -> list[int]:
        """The first line of each item that has lines, in order."""
        found, line = [], len(self.prefix)
        for _own, lines in self.sections:
            if lines:
                found.append(line)
            line += len(lines)
        return found

    def with_section(self, item_id: str, lines: tuple[str, ...], meeting: Meeting) -> Layout:
        sections = tuple((own, lines if own == item_id else old) for own, old in self.sections)
        return dataclasses.replace(self, meeting=meeting, sections=sections)


def _render(context: MinutesContext, style: StyleFolder) -> str:
    if not style.text_template.is_file():
        raise StyleError(f"{style.path}: the house style has no {TEXT_TEMPLATE}")
    env = environment_for(style.path, autoescape=False, code_cache=template_cache())
    return tidy_text(render_template(env, TEXT_TEMPLATE, context.as_dict()))


def _marked(context: MinutesContext) -> MinutesContext:
    items = tuple(
        dataclasses.replace(view, title=_marker(n) + view.title)
        for n, view in enumerate(context.items)
    )
    return dataclasses.replace(context, items=items)


def _with_sentinel(
    meeting: Meeting, items: Sequence[Item], first: int, following: Item | None = None
) -> Meeting:
    """The meeting reduced to `items` and the sentinel after them. The sentinel stands for
    the item `following` them in the meeting: in its section and session, so that a heading
    the following item starts (written before it, among the lines of the item before) is
    written here too."""
    sentinel = Item(
        id=SENTINEL_ID,
        title="Sentinel",
        section_id=following.section_id if following else None,
        session_id=following.session_id if following else None,
    )
    return meeting.model_copy(update={"items": (*items, sentinel), "first_minute_number": first})


def _cut(text: str, markers: int) -> list[int] | None:
    """The line of the first marker of each position 0..markers-1, each after the one before;
    None if one is missing."""
    lines = text.split("\n")
    found: list[int] = []
    start = 0
    for position in range(markers):
        marker = _marker(position)
        line = next((n for n in range(start, len(lines)) if marker in lines[n]), None)
        if line is None:
            return None
        found.append(line)
        start = line + 1
    return found


def _lines(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n")[:-1]) if text.endswith("\n") else tuple(text.split("\n"))


def _unmark(line: str) -> str:
    if MARK not in line:
        return line
    parts = line.split(MARK)
    # marker text is the odd parts: MARK digits MARK; the line then loses the trailing spaces
    # the writer takes off every line (an empty title leaves "149. ")
    return "".join(p for n, p in enumerate(parts) if n % 2 == 0 or not p.isdigit()).rstrip()


def render_whole(meeting: Meeting, style: StyleFolder, *, public: bool) -> Layout:
    """The meeting rendered as it is, not yet laid out item by item (one rendering)."""
    return Layout(
        meeting, public, _render(build_context(meeting, style.style, public=public), style)
    )


def lay_out(meeting: Meeting, style: StyleFolder, *, public: bool) -> Layout:
    """Render `meeting` and work out which lines each item wrote (two renderings)."""
    return segment(render_whole(meeting, style, public=public), style)


def segment(plain: Layout, style: StyleFolder) -> Layout:
    """`plain` (a whole rendering) with the lines each item wrote worked out: a second, marked
    rendering. `plain` as it is if the two do not agree."""
    meeting, public, text = plain.meeting, plain.public, plain.rendered
    # The sentinel stays in the last item's section and session (nothing follows it there),
    # and the numbers and places are the meeting's own: which item is the last, which ends a
    # session, is what it is in the minutes, not in the probe.
    last = meeting.items[-1] if meeting.items else None
    probe = _with_sentinel(meeting, meeting.items, meeting.first_minute_number, last)
    context = _marked(
        build_context(
            probe,
            style.style,
            public=public,
            unnamed=unnamed_in_public(meeting),
            numbering=MinuteNumbering(meeting, style.style),
        )
    )
    marked = _render(context, style)
    views = context.items
    cuts = _cut(marked, len(views))
    if cuts is None:
        return plain
    lines = [_unmark(line) for line in _lines(marked)]
    sentinel_at = cuts[-1]
    # the sentinel's own lines: its heading, and blank lines up to whatever follows it
    after = sentinel_at + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    shown = {view.id: n for n, view in enumerate(views[:-1])}
    sections: list[tuple[str, tuple[str, ...]]] = []
    for item in meeting.items:
        n = shown.get(item.id)
        if n is None:
            sections.append((item.id, ()))
            continue
        end = cuts[n + 1]
        sections.append((item.id, tuple(lines[cuts[n] : end])))
    layout = Layout(
        meeting,
        public,
        text,
        prefix=tuple(lines[: cuts[0]]),
        sections=tuple(sections),
        tail=tuple(lines[after:]),
        incremental=True,
    )
    if layout.text != text:
        return plain
    return layout


_PLACE_FIELDS = ("label", "numbered", "parent_id", "section_id", "session_id", "agenda_number")
"""What an item says of its place among the others: a change to any of them changes other
items' lines (numbers, a section's heading), so the item is not redrawn alone."""


def _numbers_decisions(style: StyleFolder, meeting: Meeting) -> bool:
    return bool(style.style.decision_number_format) and meeting.first_decision_number is not None


def _decisions(item: Item) -> list[tuple[object, ...]]:
    """What of an item's resolutions decides the decision numbers of the items after it."""
    return [
        (r.id, r.number, r.kind, r.outcome, r.relates_to, r.instrument)
        for r in resolutions_in(item.blocks)
    ]


def _stands_alone(meeting: Meeting, item: Item) -> bool:
    """Whether the item's minute can be drawn without the rest of the meeting."""
    if item.standing is StandingItem.DECLARATIONS or item.exempt:
        return False
    return not any(interest.item_id == item.id for interest in meeting.interests)


def render_item(
    layout: Layout, meeting: Meeting, item_id: str, style: StyleFolder
) -> Layout | None:
    """`layout` with one item redrawn from `meeting`; None if it must be laid out again.

    Only for a meeting that differs from the layout's in that item's content alone."""
    if not layout.incremental:
        return None
    index = meeting.item_index(item_id)
    if index is None or layout.section_lines(item_id) is None:
        return None
    item = meeting.items[index]
    old = layout.meeting.item(item_id)
    if old is None or not _stands_alone(meeting, item) or not _stands_alone(layout.meeting, old):
        return None
    if any(getattr(old, name) != getattr(item, name) for name in _PLACE_FIELDS):
        return None
    if style.style.actions_annex and old.actions != item.actions:
        return None  # the annex after the close lists every item's actions
    if _numbers_decisions(style, meeting) and _decisions(old) != _decisions(item):
        return None  # the later items' decision numbers move
    following = meeting.items[index + 1] if index + 1 < len(meeting.items) else None
    if following is not None and following.exempt and layout.public:
        return None  # which item starts the next heading depends on the style's exempt policy
    probe = _with_sentinel(meeting, (item,), meeting.first_minute_number, following)
    unnamed = unnamed_in_public(meeting) if layout.public else frozenset()
    numbering = MinuteNumbering(meeting, style.style)
    context = _marked(
        build_context(
            probe, style.style, public=layout.public, unnamed=unnamed, numbering=numbering
        )
    )
    marked = _render(context, style)
    cuts = _cut(marked, len(context.items))
    if cuts is None or len(cuts) != 2:
        return None
    lines = [_unmark(line) for line in _lines(marked)]
    redrawn = layout.with_section(item_id, tuple(lines[cuts[0] : cuts[1]]), meeting)
    start, count = redrawn.section_lines(item_id) or (0, 0)
    around = redrawn.lines()[max(start - 1, 0) : start + count + 1]
    if any(not a and not b for a, b in pairwise(around)):
        # blank lines meeting at its edges (an item without a number or title writes an empty
        # heading line): the writer makes such a run one line, so lay the minutes out again
        return None
    return redrawn
