"""The template context: the only vocabulary house-style templates see.

Templates never touch the model. They get plain, read-only views in which every number, date and
time is already written out in the house style, people are already sorted into the groups the
minutes list them in, and, in a public copy, exempt items have already lost their content: a
template cannot leak what it is never given. Nor does a public copy name anyone present only for
exempt items (`clerk_app.domain.exempt.present_only_for_exempt`), and its part attendance is
given from and to items it does not withhold. `docs/templates.md` lists every name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from clerk_app.domain.exempt import present_only_for_exempt
from clerk_app.domain.house_style import ExemptPolicy, HouseStyle
from clerk_app.domain.model import (
    INTEREST_ACTION_LABELS,
    INTEREST_KIND_LABELS,
    MAX_LIST_DEPTH,
    ROLE_LABELS,
    AttachmentRef,
    Attendance,
    AttendanceStatus,
    Block,
    BulletList,
    Interest,
    Item,
    LeadIn,
    Lines,
    ListEntry,
    Meeting,
    MeetingStatus,
    NumberedList,
    Paragraph,
    PublicQuestions,
    Resolution,
    Role,
    VoteChoice,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.render.errors import RenderError

NUMBER_WORDS = (
    "none",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)


def number_in_words(n: int) -> str:
    """Minutes write small counts in words ("six were in favour"), larger ones in figures."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


# --- views -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonView:
    id: str
    name: str
    """As the minutes write it: "Councillor Batool", "Joycelin Eze-Okubuiro"."""
    title: str
    surname: str
    role: str
    role_label: str
    capacity: str
    status: str
    substitute_for: str
    remote: bool
    arrived_at: str
    left_at: str
    from_minute: str
    to_minute: str
    part_attendance: str
    """Written out: "from minute 196/20", "arrived at 6:10 pm", or empty."""


@dataclass(frozen=True, slots=True)
class AttendanceView:
    chairs: tuple[PersonView, ...]
    vice_chairs: tuple[PersonView, ...]
    members: tuple[PersonView, ...]
    """Members other than the chair and vice-chair who attended, substitutes included."""
    co_opted: tuple[PersonView, ...]
    officers: tuple[PersonView, ...]
    others: tuple[PersonView, ...]
    """Attendees who are not members or officers ("Also Present")."""
    present_members: tuple[PersonView, ...]
    """Every member who attended, chair first: for a one-paragraph roll."""
    apologies: tuple[PersonView, ...]
    absent: tuple[PersonView, ...]
    substitutes: tuple[PersonView, ...]
    everyone: tuple[PersonView, ...]


@dataclass(frozen=True, slots=True)
class EntryView:
    number: int
    text: str
    blocks: tuple[BlockView, ...]


@dataclass(frozen=True, slots=True)
class ParagraphView:
    type: Literal["paragraph", "lead_in"]
    text: str


@dataclass(frozen=True, slots=True)
class ListView:
    type: Literal["bullets", "numbered"]
    start: int
    entries: tuple[EntryView, ...]


@dataclass(frozen=True, slots=True)
class LinesView:
    type: Literal["lines"]
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AttachmentView:
    type: Literal["attachment"]
    label: str
    file_name: str


@dataclass(frozen=True, slots=True)
class QuestionPairView:
    number: int
    question: EntryView | None
    response: EntryView | None


@dataclass(frozen=True, slots=True)
class QuestionsView:
    type: Literal["public_questions"]
    questioner: str
    questions: tuple[EntryView, ...]
    responder: str
    responses: tuple[EntryView, ...]
    pairs: tuple[QuestionPairView, ...]


@dataclass(frozen=True, slots=True)
class NamedVotesView:
    in_favour: tuple[str, ...]
    against: tuple[str, ...]
    abstain: tuple[str, ...]
    absent: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResolutionView:
    type: Literal["resolution"]
    lead_word: str
    numbered: bool
    resolutions: tuple[EntryView, ...]
    proposer: str
    seconder: str
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    vote_text: str
    """The count in words: "six were in favour and two abstained"; empty if none was taken."""
    named_votes: NamedVotesView | None
    outcome: str


BlockView = ParagraphView | ListView | LinesView | AttachmentView | QuestionsView | ResolutionView


@dataclass(frozen=True, slots=True)
class FollowUpView:
    action: str
    owner: str
    due: str
    done: bool
    minute: str
    """The number of the minute the action arose from, formatted: "158"."""


@dataclass(frozen=True, slots=True)
class RowView:
    """One paragraph of an item's body, flattened for templates that lay out paragraph by
    paragraph (Word): nested lists become rows with a deeper `level`.

    kind: paragraph, lead_in, lines (text holds line breaks), attachment, bullet, numbered
    (`label` is "1."), questioner, responder (`count` responses), vote (details in `block`),
    named_vote (`label` is for/against/abstain/absent, `text` the names), resolution_word,
    resolution (an unnumbered resolution).
    """

    kind: str
    level: int
    text: str
    label: str = ""
    count: int = 0
    block: BlockView | None = None


@dataclass(frozen=True, slots=True)
class ItemRefView:
    number: str
    title: str


@dataclass(frozen=True, slots=True)
class InterestView:
    person: str
    interest: str
    kind: str
    kind_label: str
    item: ItemRefView | None
    action: str
    action_text: str
    withheld: bool = False
    """About an exempt item in a public copy: the member's words are left out (`interest` is
    empty), and under the house style's `omit` policy the item too (`item` is None)."""


@dataclass(frozen=True, slots=True)
class ItemView:
    id: str
    number: str
    title: str
    standing: str
    exempt: bool
    exempt_reason: str
    withheld: bool
    """An exempt item in a public copy: blocks and actions are empty, `notice` says why."""
    notice: str
    blocks: tuple[BlockView, ...]
    rows: tuple[RowView, ...]
    """The blocks as paragraphs in reading order (see RowView)."""
    actions: tuple[FollowUpView, ...]
    interests: tuple[InterestView, ...]
    """Declarations made about this item."""


@dataclass(frozen=True, slots=True)
class MeetingView:
    authority: str
    body: str
    date: str
    date_iso: str
    short_date: str
    start_time: str
    close_time: str
    venue: str
    status: str
    is_draft: bool
    confirmed_on: str
    public: bool
    """This copy is for publication: exempt items are withheld."""
    confidential: bool
    """This copy contains exempt material and must not be published."""
    actions: tuple[FollowUpView, ...]
    """Every item's follow-up actions, in minute order: for an annex of actions. None of an
    item withheld from this copy."""


@dataclass(frozen=True, slots=True)
class StyleView:
    name: str
    display_name: str
    resolution_word: str
    language: str
    actions_annex: bool
    """Follow-up actions go in an annex after the close rather than under their minutes."""


@dataclass(frozen=True, slots=True)
class MinutesContext:
    meeting: MeetingView
    style: StyleView
    attendance: AttendanceView
    interests: tuple[InterestView, ...]
    items: tuple[ItemView, ...]
    generator: str = field(default="Clerk")

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


VIEW_TYPES: frozenset[type] = frozenset(
    {
        PersonView, AttendanceView, EntryView, ParagraphView, ListView, LinesView, AttachmentView,
        QuestionPairView, QuestionsView, NamedVotesView, ResolutionView, FollowUpView, RowView,
        ItemRefView, InterestView, ItemView, MeetingView, StyleView, MinutesContext,
    }
)  # fmt: skip
"""The types templates see (the sandbox trusts their public, non-method attributes)."""


# --- building --------------------------------------------------------------------------------


class _Builder:
    def __init__(
        self,
        meeting: Meeting,
        style: HouseStyle,
        public: bool,
        unnamed: frozenset[str] | None = None,
    ) -> None:
        self.meeting = meeting
        self.style = style
        self.public = public
        numbering = MinuteNumbering(meeting, style)
        self.numbers = {item.id: numbering.label(n) for n, item in enumerate(meeting.items)}
        # Lookups by id, made once: a long meeting has hundreds of items.
        self.items_by_id = {item.id: item for item in meeting.items}
        self.names = {a.id: a.display_name for a in meeting.attendance}
        self.positions = {item.id: n for n, item in enumerate(meeting.items)}
        # A public copy does not name anyone present only for exempt items (the subject of an
        # HR case, a licence holder, their representative): not in the attendance, not for a
        # declaration, not in a vote. In a consistent meeting a public item never names them;
        # where one does, `check` says so.
        if not public:
            self.unnamed: frozenset[str] = frozenset()
        elif unnamed is not None:
            self.unnamed = unnamed
        else:
            self.unnamed = unnamed_in_public(meeting)
        self.interests_by_item: dict[str | None, list[Interest]] = {}
        self.meeting_interests = [i for i in meeting.interests if i.attendee_id not in self.unnamed]
        for interest in self.meeting_interests:
            self.interests_by_item.setdefault(interest.item_id, []).append(interest)

    def name_of(self, attendee_id: str | None) -> str:
        if attendee_id in self.unnamed:
            return ""
        return self.names.get(attendee_id or "", "")

    def time(self, moment: dt.time | None) -> str:
        return self.style.start_time(moment) if moment else ""

    def withheld(self, item_id: str | None) -> bool:
        item = self.items_by_id.get(item_id or "")
        return bool(self.public and item is not None and item.exempt)

    def hidden(self, item_id: str | None) -> bool:
        """Withheld, and the style hides more than the content (number_only, omit)."""
        return self.withheld(item_id) and self.style.exempt_in_public is not ExemptPolicy.NOTICE

    def omitted(self, item_id: str | None) -> bool:
        """Withheld, and the style leaves the item out of the public copy altogether."""
        return self.withheld(item_id) and self.style.exempt_in_public is ExemptPolicy.OMIT

    def item_ref(self, item_id: str | None) -> ItemRefView | None:
        item = self.items_by_id.get(item_id or "")
        if item is None:
            return None
        if self.omitted(item_id):
            return None
        title = "" if self.hidden(item_id) else item.title
        return ItemRefView(number=self.numbers[item.id], title=title)

    # people

    def public_range(self, record: Attendance) -> tuple[str | None, str | None]:
        """The part attendance a public copy gives: the ends of the range moved in to the
        nearest items not withheld, so that the copy ties nobody to a withheld item (someone
        who came for the private minute 12 and stayed for 13 is "from minute 13"). The range
        is the same for the public items; a record from a copy with none withheld, or whose
        range holds nothing but withheld items (such a person is not named at all), or is back
        to front, keeps its own."""
        start, end = record.present_from_item, record.present_to_item
        if not self.public:
            return start, end
        first = self.positions.get(start or "")
        last = self.positions.get(end or "")
        items = self.meeting.items
        low = 0 if first is None else first
        high = len(items) - 1 if last is None else last
        if low > high:
            return start, end
        if first is not None:
            while low <= high and self.withheld(items[low].id):
                low += 1
        if last is not None:
            while high >= low and self.withheld(items[high].id):
                high -= 1
        if low > high:
            return start, end
        return (
            None if first is None else items[low].id,
            None if last is None else items[high].id,
        )

    def person(self, record: Attendance) -> PersonView:
        def minute(item_id: str | None) -> str:
            # An omitted item's number would point the public at a minute it does not have.
            return "" if self.omitted(item_id) else self.numbers.get(item_id or "", "")

        start, end = self.public_range(record)
        from_minute = minute(start)
        to_minute = minute(end)
        parts = []
        if from_minute and to_minute:
            parts.append(f"from minute {from_minute} to minute {to_minute}")
        elif from_minute:
            parts.append(f"from minute {from_minute}")
        elif to_minute:
            parts.append(f"until minute {to_minute}")
        if record.arrived_at:
            parts.append(f"arrived at {self.time(record.arrived_at)}")
        if record.left_at:
            parts.append(f"left at {self.time(record.left_at)}")
        return PersonView(
            id=record.id,
            name=record.display_name,
            title=record.person.title,
            surname=record.person.name,
            role=record.role.value,
            role_label=ROLE_LABELS[record.role],
            capacity=record.capacity,
            status=record.status.value,
            substitute_for=record.substitute_for,
            remote=record.remote,
            arrived_at=self.time(record.arrived_at),
            left_at=self.time(record.left_at),
            from_minute=from_minute,
            to_minute=to_minute,
            part_attendance=", ".join(parts),
        )

    def attendance(self) -> AttendanceView:
        records = tuple(r for r in self.meeting.attendance if r.id not in self.unnamed)
        attended = [r for r in records if r.attended]

        def views(rows: list[Attendance]) -> tuple[PersonView, ...]:
            return tuple(self.person(r) for r in rows)

        def of(*roles: Role) -> list[Attendance]:
            return [r for r in attended if r.role in roles]

        order = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.CO_OPTED)
        present_members = sorted(
            (r for r in attended if r.is_member), key=lambda r: order.index(r.role)
        )
        return AttendanceView(
            chairs=views(of(Role.CHAIR)),
            vice_chairs=views(of(Role.VICE_CHAIR)),
            members=views(of(Role.MEMBER)),
            co_opted=views(of(Role.CO_OPTED)),
            officers=views(of(Role.OFFICER)),
            others=views(of(Role.OTHER)),
            present_members=views(present_members),
            apologies=views([r for r in records if r.status is AttendanceStatus.APOLOGIES]),
            absent=views([r for r in records if r.status is AttendanceStatus.ABSENT]),
            substitutes=views([r for r in records if r.status is AttendanceStatus.SUBSTITUTE]),
            everyone=views(list(records)),
        )

    def interest(self, record: Interest) -> InterestView:
        # The member's own words about a withheld item are part of what was considered in
        # private ("owns land next to Mill Lane, which the council is selling to..."): the public
        # copy records the declaration, not the words.
        hidden = self.withheld(record.item_id)
        return InterestView(
            person=self.name_of(record.attendee_id),
            interest="" if hidden else record.interest,
            kind=record.kind.value,
            kind_label=INTEREST_KIND_LABELS[record.kind],
            item=self.item_ref(record.item_id),
            action=record.action.value,
            action_text=INTEREST_ACTION_LABELS[record.action],
            withheld=hidden,
        )

    # item bodies

    def entries(self, entries: tuple[ListEntry, ...], start: int = 1) -> tuple[EntryView, ...]:
        return tuple(
            EntryView(number=start + n, text=e.text, blocks=self.blocks(e.blocks))
            for n, e in enumerate(entries)
        )

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[BlockView, ...]:
        return tuple(self.block(b) for b in blocks)

    def block(self, block: Block) -> BlockView:
        match block:
            case Paragraph() | LeadIn():
                return ParagraphView(type=block.type, text=block.text)
            case BulletList():
                return ListView(type="bullets", start=1, entries=self.entries(block.entries))
            case NumberedList():
                return ListView(
                    type="numbered",
                    start=block.start,
                    entries=self.entries(block.entries, block.start),
                )
            case Lines():
                return LinesView(type="lines", lines=block.lines)
            case AttachmentRef():
                return AttachmentView(
                    type="attachment", label=block.label, file_name=block.file_name
                )
            case PublicQuestions():
                return self.questions(block)
            case Resolution():
                return self.resolution(block)
        raise AssertionError(f"unknown block {block!r}")  # pragma: no cover

    def questions(self, block: PublicQuestions) -> QuestionsView:
        questions = self.entries(block.questions)
        responses = self.entries(block.responses)
        pairs = tuple(
            QuestionPairView(
                number=n + 1,
                question=questions[n] if n < len(questions) else None,
                response=responses[n] if n < len(responses) else None,
            )
            for n in range(max(len(questions), len(responses)))
        )
        return QuestionsView(
            type="public_questions",
            questioner=block.questioner,
            questions=questions,
            responder=block.responder,
            responses=responses,
            pairs=pairs,
        )

    def resolution(self, block: Resolution) -> ResolutionView:
        named = None
        if block.named_votes:
            groups: dict[VoteChoice, list[str]] = {choice: [] for choice in VoteChoice}
            for vote in block.named_votes:
                if vote.attendee_id not in self.unnamed:
                    groups[vote.choice].append(self.name_of(vote.attendee_id))
            named = NamedVotesView(
                in_favour=tuple(groups[VoteChoice.FOR]),
                against=tuple(groups[VoteChoice.AGAINST]),
                abstain=tuple(groups[VoteChoice.ABSTAIN]),
                absent=tuple(groups[VoteChoice.ABSENT]),
            )
        return ResolutionView(
            type="resolution",
            lead_word=block.lead_word or self.style.resolution_word,
            numbered=block.numbered,
            resolutions=self.entries(block.resolutions),
            proposer=self.name_of(block.proposer_id),
            seconder=self.name_of(block.seconder_id),
            votes_for=block.votes_for,
            votes_against=block.votes_against,
            abstentions=block.abstentions,
            vote_text=vote_text(block.votes_for, block.votes_against, block.abstentions),
            named_votes=named,
            outcome=block.outcome.value if block.outcome else "",
        )

    def items(self) -> tuple[ItemView, ...]:
        views = []
        for item in self.meeting.items:
            withheld = self.withheld(item.id)
            if withheld and self.style.exempt_in_public is ExemptPolicy.OMIT:
                continue
            show_title = not withheld or self.style.exempt_in_public is ExemptPolicy.NOTICE
            notice = ""
            if withheld:
                reason = item.exempt_reason or "exempt information"
                notice = self.style.exempt_notice.format(reason=reason)
            blocks = () if withheld else self.blocks(item.blocks)
            views.append(
                ItemView(
                    id=item.id,
                    number=self.numbers[item.id],
                    title=item.title if show_title else "",
                    standing=item.standing.value if item.standing else "",
                    exempt=item.exempt,
                    exempt_reason=item.exempt_reason,
                    withheld=withheld,
                    notice=notice,
                    blocks=blocks,
                    rows=tuple(rows_of(blocks)),
                    actions=() if withheld else self.actions(item),
                    interests=tuple(
                        self.interest(i) for i in self.interests_by_item.get(item.id, ())
                    ),
                )
            )
        return tuple(views)

    def actions(self, item: Item) -> tuple[FollowUpView, ...]:
        return tuple(
            FollowUpView(
                action=a.action,
                owner=a.owner,
                due=self.style.short_date(a.due) if a.due else "",
                done=a.done,
                minute=self.numbers[item.id],
            )
            for a in item.actions
        )

    def build(self) -> MinutesContext:
        meeting, style = self.meeting, self.style
        from clerk_app import __version__

        items = self.items()
        return MinutesContext(
            meeting=MeetingView(
                authority=meeting.authority,
                body=meeting.body,
                date=style.date(meeting.date),
                date_iso=meeting.date.isoformat(),
                short_date=style.short_date(meeting.date),
                start_time=style.start_time(meeting.start_time) if meeting.start_time else "",
                close_time=style.close_time(meeting.close_time) if meeting.close_time else "",
                venue=meeting.venue,
                status=meeting.status.value,
                is_draft=meeting.status is MeetingStatus.DRAFT,
                confirmed_on=style.short_date(meeting.confirmed_on) if meeting.confirmed_on else "",
                public=self.public,
                confidential=not self.public and any(i.exempt for i in meeting.items),
                actions=tuple(action for item in items for action in item.actions),
            ),
            style=StyleView(
                name=style.name,
                display_name=style.display_name,
                resolution_word=style.resolution_word,
                language=style.language,
                actions_annex=style.actions_annex,
            ),
            attendance=self.attendance(),
            interests=tuple(self.interest(i) for i in self.meeting_interests),
            items=items,
            generator=f"Clerk {__version__}",
        )


def _entry_rows(entries: tuple[EntryView, ...], kind: str, level: int) -> Iterator[RowView]:
    for entry in entries:
        label = f"{entry.number}." if kind == "numbered" else ""
        yield RowView(kind=kind, level=level, text=entry.text, label=label)
        yield from rows_of(entry.blocks, level + 1)


def rows_of(blocks: tuple[BlockView, ...], level: int = 1) -> Iterator[RowView]:
    """Blocks as a flat sequence of paragraphs, nesting kept as `level`."""
    for block in blocks:
        match block:
            case ParagraphView():
                yield RowView(kind=block.type, level=level, text=block.text)
            case LinesView():
                yield RowView(kind="lines", level=level, text="\n".join(block.lines))
            case AttachmentView():
                yield RowView(kind="attachment", level=level, text=block.label, block=block)
            case ListView():
                kind = "bullet" if block.type == "bullets" else "numbered"
                yield from _entry_rows(block.entries, kind, level)
            case QuestionsView():
                yield RowView(kind="questioner", level=level, text=block.questioner, block=block)
                yield from _entry_rows(block.questions, "numbered", level)
                if block.responses:
                    yield RowView(
                        kind="responder",
                        level=level,
                        text=block.responder,
                        count=len(block.responses),
                        block=block,
                    )
                    yield from _entry_rows(block.responses, "numbered", level)
            case ResolutionView():
                if block.proposer or block.seconder or block.vote_text or block.outcome:
                    yield RowView(kind="vote", level=level, text=block.vote_text, block=block)
                if block.named_votes is not None:
                    for label, names in (
                        ("for", block.named_votes.in_favour),
                        ("against", block.named_votes.against),
                        ("abstain", block.named_votes.abstain),
                        ("absent", block.named_votes.absent),
                    ):
                        if names:
                            yield RowView(
                                kind="named_vote",
                                level=level,
                                label=label,
                                text=", ".join(names),
                                count=len(names),
                                block=block,
                            )
                yield RowView(
                    kind="resolution_word", level=level, text=block.lead_word, block=block
                )
                if block.numbered:
                    yield from _entry_rows(block.resolutions, "numbered", level)
                elif len(block.resolutions) == 1 and not block.resolutions[0].blocks:
                    only = block.resolutions[0]
                    yield RowView(kind="resolution", level=level, text=only.text, block=block)
                else:
                    yield from _entry_rows(block.resolutions, "bullet", level)


def vote_text(votes_for: int | None, against: int | None, abstained: int | None) -> str:
    """ "six were in favour, two against and one abstained" from whatever counts were taken."""
    parts = []
    if votes_for is not None:
        parts.append(
            f"{number_in_words(votes_for)} {'was' if votes_for == 1 else 'were'} in favour"
        )
    if against is not None:
        parts.append(f"{number_in_words(against)} against")
    if abstained is not None:
        parts.append(f"{number_in_words(abstained)} abstained")
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return "".join(parts)


def unnamed_in_public(meeting: Meeting) -> frozenset[str]:
    """The attendance ids a public copy of `meeting` does not name: those present only for
    exempt items."""
    return frozenset(a.id for a in present_only_for_exempt(meeting))


def build_context(
    meeting: Meeting,
    style: HouseStyle,
    *,
    public: bool = True,
    unnamed: frozenset[str] | None = None,
) -> MinutesContext:
    """The context for rendering `meeting` in `style`; `public` withholds exempt items.

    `unnamed`: who a public copy leaves out, when `meeting` is not the meeting whose minutes
    these are but a part of it (the preview renders one item, or the items with a sentinel
    after them: see render/incremental.py); by default, worked out from `meeting`."""
    try:
        return _Builder(meeting, style, public, unnamed).build()
    except RecursionError:
        # A loaded meeting is capped (MAX_LIST_DEPTH); one built in code may not be.
        raise RenderError(
            f"the minutes' lists nest too deeply to render (at most {MAX_LIST_DEPTH} levels)"
        ) from None
