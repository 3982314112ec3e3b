"""The template context: the only vocabulary house-style templates see.

Templates never touch the model. They get plain, read-only views in which every number, date and
time is already written out in the house style, people are already sorted into the groups the
minutes list them in, and, in a public copy, exempt items have already lost their content: a
template cannot leak what it is never given. Nor does a public copy name anyone present only for
exempt items (`clerk_app.domain.exempt.present_only_for_exempt`), and its part attendance is
given from and to items it does not withhold. `docs/templates.md` lists every name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from clerk_app.domain.exempt import present_only_for_exempt, published_blocks
from clerk_app.domain.house_style import ExemptPolicy, HouseStyle, letters, ordinal, roman
from clerk_app.domain.model import (
    INTEREST_ACTION_LABELS,
    INTEREST_KIND_LABELS,
    MAX_LIST_DEPTH,
    MEETING_KIND_LABELS,
    ROLE_LABELS,
    Adjournment,
    AttachmentRef,
    Attendance,
    AttendanceStatus,
    Block,
    BreakKind,
    BulletList,
    Heading,
    Interest,
    Item,
    LeadIn,
    LeadWord,
    Lines,
    ListEntry,
    ListNumbering,
    Meeting,
    MeetingStatus,
    NoticeOfMotion,
    NumberedList,
    Outcome,
    Paragraph,
    Person,
    PublicQuestions,
    Reading,
    Resolution,
    Role,
    RollAnswer,
    Section,
    Session,
    Speaker,
    SpeakerKind,
    Table,
    VoteChoice,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.domain.presence import first_below, present_counts
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
    # Added with format 2.
    full_name: str = ""
    """The name without the title: "Lucy Moore" ("Batool" where only that is recorded)."""
    given_name: str = ""
    family_name: str = ""
    """The family name: given, or the name's last word ("Moore"): for a surname-only roll."""
    short_name: str = ""
    """The short form: "L. Moore" (the clerk's, or made from the parts)."""
    organisation: str = ""


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
    marker: str = ""
    """The entry's number as its list counts (format 2): "3", "c", "iii", "C", "III"."""


@dataclass(frozen=True, slots=True)
class ParagraphView:
    type: Literal["paragraph", "lead_in"]
    text: str


@dataclass(frozen=True, slots=True)
class ListView:
    type: Literal["bullets", "numbered"]
    start: int
    entries: tuple[EntryView, ...]
    numbering: str = "decimal"
    """Format 2: decimal, lower_alpha, upper_alpha, lower_roman, upper_roman."""


@dataclass(frozen=True, slots=True)
class HeadingView:
    type: Literal["heading"]
    text: str


@dataclass(frozen=True, slots=True)
class TableView:
    type: Literal["table"]
    caption: str
    header: tuple[str, ...]
    """Padded to `columns` cells, as are every row and the total."""
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]
    """The closing row ("Total", "", "£12,400.00"); empty for none."""
    columns: int


@dataclass(frozen=True, slots=True)
class NoticeView:
    type: Literal["notice_of_motion"]
    mover: str
    mover_person: PersonView | None
    seconder: str
    seconder_person: PersonView | None
    motion: str
    reply_by: str
    reply: str


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
class VoteView:
    """One member's vote in a recorded vote (format 2)."""

    person: PersonView
    name: str
    choice: str
    """for, against, abstain, absent, recused."""
    note: str


@dataclass(frozen=True, slots=True)
class NamedVotesView:
    in_favour: tuple[str, ...]
    against: tuple[str, ...]
    abstain: tuple[str, ...]
    absent: tuple[str, ...]
    # Added with format 2.
    recused: tuple[str, ...] = ()
    roll: tuple[VoteView, ...] = ()
    """Every vote in the order the roll was called, with its person and note."""


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
    # Added with format 2.
    id: str = ""
    lead: str = "style"
    """Which word leads: "style" (lead_word is the style's), "given" (the resolution's own
    word), "none" (lead_word is empty: the text stands alone)."""
    number: str = ""
    """The decision's number: its own ("CAB/2025/14") or the style's running one; or empty."""
    kind: str = "motion"
    """motion, amendment, substitute, substantive, procedural."""
    relates_to: str = ""
    """The id of the motion an amendment, substitute or substantive motion relates to."""
    motion: str = ""
    """The words moved, where they differ from what was resolved."""
    moved: str = ""
    """The style's motion sentence (`motion_wording`) filled in; empty if the style has none
    or there is no proposer."""
    debate: str = ""
    unanimous: bool = False
    recorded_vote: bool = False
    requested_by: str = ""
    proposer_person: PersonView | None = None
    seconder_person: PersonView | None = None
    requested_by_person: PersonView | None = None
    tally: str = ""
    """The counts in figures, for, against, abstaining: "6-0-1" (the last left out when none
    abstained and no count of abstentions was taken); empty without counts."""
    instrument: str = ""
    """resolution, ordinance, bylaw, or empty."""
    readings: tuple[str, ...] = ()
    """first, second, third: the readings given."""
    readings_text: str = ""
    """"read a first, second and third time"; empty for none."""
    withheld: bool = False
    """A resolution of an exempt item that the public copy publishes: its debate and the
    words moved are left out; the decision and its vote, as the record of how it was made,
    are kept."""


BlockView = (
    ParagraphView
    | ListView
    | LinesView
    | AttachmentView
    | QuestionsView
    | ResolutionView
    | HeadingView
    | TableView
    | NoticeView
)


@dataclass(frozen=True, slots=True)
class FollowUpView:
    action: str
    owner: str
    due: str
    done: bool
    minute: str
    """The number of the minute the action arose from, formatted: "158"; for an action carried
    from an earlier meeting, that meeting's minute and date: "158 (18 June 2025)"."""
    # Added with format 3 (the committee's year).
    carried: bool = False
    """Carried from an earlier meeting (under matters arising), not raised at this one."""
    raised_minute: str = ""
    """For a carried action: its minute at the meeting that raised it ("158")."""
    raised_on: str = ""
    """For a carried action: the date of the meeting that raised it, as a short date."""
    done_on: str = ""
    """When it was done, where recorded, as a short date."""


@dataclass(frozen=True, slots=True)
class RowView:
    """One paragraph of an item's body, flattened for templates that lay out paragraph by
    paragraph (Word): nested lists become rows with a deeper `level`.

    kind: paragraph, lead_in, lines (text holds line breaks), attachment, bullet, numbered
    (`label` is "1."), questioner, responder (`count` responses), vote (details in `block`),
    named_vote (`label` is for/against/abstain/absent, `text` the names), resolution_word,
    resolution (an unnumbered resolution). Added with format 2: heading; table (`text` the
    caption, the cells in `block`); notice (a notice of motion, `text` its motion); motion
    (the style's motion sentence, or the words moved) and debate, before a resolution's vote;
    readings ("read a first, second and third time"), after it; named_vote's `label` may be
    recused. A resolution with no lead word has no resolution_word row. A numbered entry's
    `label` is its marker with a full stop ("c.", "iii.").
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
    declarer: PersonView | None = None
    """Format 2: the person who declared it, with their name parts."""


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    title: str
    kind: str
    """part, consent, closed, reports, other."""
    label: str
    note: str


@dataclass(frozen=True, slots=True)
class RollCallView:
    person: PersonView
    name: str
    answer: str
    """present, absent, excused, late."""
    time: str
    note: str


@dataclass(frozen=True, slots=True)
class SessionView:
    id: str
    title: str
    kind: str
    """open or closed."""
    date: str
    """Empty when on the meeting's date."""
    start_time: str
    close_time: str
    venue: str
    note: str
    roll_call: tuple[RollCallView, ...]
    present: tuple[PersonView, ...]
    absent: tuple[PersonView, ...]
    """Absent or excused at the call (late arrivals are in `late`)."""
    late: tuple[PersonView, ...]


@dataclass(frozen=True, slots=True)
class BreakView:
    kind: str
    """adjournment or recess."""
    after: str
    """The number of the item it followed; empty if before the first or the item is not in
    this copy."""
    from_time: str
    to_time: str
    resumed_on: str
    note: str
    text: str
    """Written out: "The meeting adjourned at 7.15pm and reconvened at 7.30pm"."""
    closes_meeting: bool = False
    """An adjournment after the meeting's last item: the end of the meeting, for a style to
    say in its closing rather than among the items (worked out in the whole meeting, so an
    item redrawn alone reads the same)."""


@dataclass(frozen=True, slots=True)
class SpeakerView:
    kind: str
    """deputation or public_speaker."""
    name: str
    title: str
    full_name: str
    given_name: str
    family_name: str
    short_name: str
    organisation: str
    on_behalf_of: str
    item: ItemRefView | None
    remote: bool
    position: str
    """for, against, neutral, or empty."""
    summary: str


@dataclass(frozen=True, slots=True)
class SignatoryView:
    role: str
    name: str
    signed_on: str
    """The date signed; empty for a place to write it."""


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
    # Added with format 2.
    numbered: bool = True
    """False for an item without a number (`number` is empty)."""
    label: str = ""
    """The label the agenda fixed ("4.1"), or empty (`number` shows it either way)."""
    level: int = 0
    """0 for a main item, 1 for a sub-item, 2 for a sub-item's sub-item."""
    parent_number: str = ""
    agenda_number: str = ""
    out_of_order: bool = False
    """Taken out of agenda order: its agenda number comes before one already taken (5.3
    heard after 5.4 is out of order; 5.4 is not)."""
    section: SectionView | None = None
    section_start: bool = False
    """The first item of its section: print the section's heading before it."""
    session: SessionView | None = None
    session_start: bool = False
    """The first item of its session."""
    session_end: bool = False
    """The last item of its session, another session's item following it (not the meeting's
    last item): worked out in the whole meeting, so an item redrawn alone reads the same."""
    agenda_text: str = ""
    recommendation: str = ""
    department: str = ""
    report_reference: str = ""
    written_comments: int | None = None
    summary: str = ""
    """For an exempt item: the summary the council publishes (in the public copy too)."""
    publish_resolution: bool = False
    speakers: tuple[SpeakerView, ...] = ()
    """Deputations and public speakers on this item (none of a withheld item's)."""
    breaks_after: tuple[BreakView, ...] = ()
    """Adjournments and recesses that followed this item."""
    inquorate_note: str = ""
    """At the first item at which the meeting was inquorate: the style's `inquorate_note`, to
    print where the item's minute ends; empty at every other item, and when the quorum is not
    known (`build_context` is given none)."""


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
    # Added with format 2.
    kind: str = "ordinary"
    kind_label: str = "Ordinary"
    sequence: int | None = None
    sequence_text: str = ""
    """"8th"; empty when not recorded."""
    preamble: str = ""
    closing_note: str = ""
    """The clerk's closing words; empty for the style's sentence."""
    public_present: int | None = None
    public_present_text: str = ""
    """"Twelve members of the public", "One member of the public"; empty when not recorded."""
    sessions: tuple[SessionView, ...] = ()
    breaks: tuple[BreakView, ...] = ()
    """Every adjournment and recess, in order."""
    sections: tuple[SectionView, ...] = ()
    speakers: tuple[SpeakerView, ...] = ()
    """Every deputation and public speaker this copy names."""
    deputations: tuple[SpeakerView, ...] = ()
    public_speakers: tuple[SpeakerView, ...] = ()
    signatories: tuple[SignatoryView, ...] = ()


@dataclass(frozen=True, slots=True)
class StyleView:
    name: str
    display_name: str
    resolution_word: str
    language: str
    actions_annex: bool
    """Follow-up actions go in an annex after the close rather than under their minutes."""
    # Added with format 2.
    number_items: bool = True
    motion_wording: str = ""


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
        HeadingView, TableView, NoticeView, VoteView, SectionView, RollCallView, SessionView,
        BreakView, SpeakerView, SignatoryView,
    }
)  # fmt: skip
"""The types templates see (the sandbox trusts their public, non-method attributes)."""


# --- building --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Parts:
    sections: tuple[SectionView, ...]
    sessions: tuple[SessionView, ...]
    speakers: tuple[tuple[str | None, SpeakerView], ...]
    """Each speaker this copy names, with the item they spoke on."""
    breaks: tuple[BreakView, ...]
    """One for each adjournment, in the meeting's order."""


class _Builder:
    def __init__(
        self,
        meeting: Meeting,
        style: HouseStyle,
        public: bool,
        unnamed: frozenset[str] | None = None,
        numbering: MinuteNumbering | None = None,
        quorum: int | None = None,
        inquorate_item: str | None = None,
    ) -> None:
        self.meeting = meeting
        # The item whose minute ends with the inquorate note: given (for a part of a meeting,
        # the whole meeting's), or worked out from the quorum.
        if inquorate_item is None and quorum and style.inquorate_note:
            first = first_below(present_counts(meeting), quorum)
            inquorate_item = meeting.items[first].id if first is not None else None
        self.inquorate_item = inquorate_item if style.inquorate_note else None
        self.style = style
        self.public = public
        numbering = numbering or MinuteNumbering(meeting, style)
        self.numbers = {item.id: numbering.label_of(item.id) or "" for item in meeting.items}
        self.numbering = numbering
        self._decision_numbers: dict[int, str] | None = None
        self._parts: _Parts | None = None
        self.attendees = {a.id: a for a in meeting.attendance}
        self._people: dict[str, PersonView] = {}
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

    def decision_number(self, block: Resolution) -> str:
        # Worked out on the first resolution: a keystroke in an item without one does not walk
        # the whole meeting's blocks.
        if not self.style.decision_number_format or self.meeting.first_decision_number is None:
            return block.number
        if self._decision_numbers is None:
            self._decision_numbers = self.numbering.decision_labels()
        return self._decision_numbers.get(id(block), block.number)

    def person_of(self, attendee_id: str | None) -> PersonView | None:
        """The attendee as a person with name parts; None for nobody, or someone this copy
        does not name."""
        if attendee_id is None or attendee_id in self.unnamed:
            return None
        view = self._people.get(attendee_id)
        if view is None:
            record = self.attendees.get(attendee_id)
            if record is None:
                return None
            view = self._people[attendee_id] = self.person(record)
        return view

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
            **name_parts(record.person),
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
            declarer=self.person_of(record.attendee_id),
        )

    # item bodies

    def entries(
        self,
        entries: tuple[ListEntry, ...],
        start: int = 1,
        numbering: ListNumbering = ListNumbering.DECIMAL,
    ) -> tuple[EntryView, ...]:
        return tuple(
            EntryView(
                number=start + n,
                text=e.text,
                blocks=self.blocks(e.blocks),
                marker=list_marker(start + n, numbering),
            )
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
                    entries=self.entries(block.entries, block.start, block.numbering),
                    numbering=block.numbering.value,
                )
            case Heading():
                return HeadingView(type="heading", text=block.text)
            case Table():
                return table_view(block)
            case NoticeOfMotion():
                return NoticeView(
                    type="notice_of_motion",
                    mover=self.name_of(block.mover_id),
                    mover_person=self.person_of(block.mover_id),
                    seconder=self.name_of(block.seconder_id),
                    seconder_person=self.person_of(block.seconder_id),
                    motion=block.motion,
                    reply_by=block.reply_by,
                    reply=block.reply,
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

    def resolution(self, block: Resolution, withheld: bool = False) -> ResolutionView:
        """The resolution as a template sees it; `withheld`: of an exempt item whose
        resolution a public copy publishes, without the motion's words or the debate."""
        named = None
        if block.named_votes:
            groups: dict[VoteChoice, list[str]] = {choice: [] for choice in VoteChoice}
            roll = []
            for vote in block.named_votes:
                person = self.person_of(vote.attendee_id)
                if vote.attendee_id in self.unnamed:
                    continue
                name = self.name_of(vote.attendee_id)
                groups[vote.choice].append(name)
                if person is not None:
                    roll.append(
                        VoteView(
                            person=person,
                            name=name,
                            choice=vote.choice.value,
                            note="" if withheld else vote.note,
                        )
                    )
            named = NamedVotesView(
                in_favour=tuple(groups[VoteChoice.FOR]),
                against=tuple(groups[VoteChoice.AGAINST]),
                abstain=tuple(groups[VoteChoice.ABSTAIN]),
                absent=tuple(groups[VoteChoice.ABSENT]),
                recused=tuple(groups[VoteChoice.RECUSED]),
                roll=tuple(roll),
            )
        lead = block.lead_state
        if lead is LeadWord.STYLE and block.outcome in NOT_DECIDED:
            # The style's word says the body decided it ("RESOLVED:"); a motion lost,
            # withdrawn or not put was not decided. A word the clerk gave stays.
            lead = LeadWord.NONE
        if lead is LeadWord.NONE:
            word = ""
        elif lead is LeadWord.GIVEN:
            word = block.lead_word
        else:
            word = self.style.resolution_word
        proposer = self.name_of(block.proposer_id)
        seconder = self.name_of(block.seconder_id)
        motion = "" if withheld else block.motion
        text = vote_text(block.votes_for, block.votes_against, block.abstentions)
        if not text and block.unanimous:
            text = "all were in favour"
        return ResolutionView(
            type="resolution",
            lead_word=word,
            numbered=block.numbered,
            resolutions=self.entries(block.resolutions),
            proposer=proposer,
            seconder=seconder,
            votes_for=block.votes_for,
            votes_against=block.votes_against,
            abstentions=block.abstentions,
            vote_text=text,
            named_votes=named,
            outcome=block.outcome.value if block.outcome else "",
            id=block.id,
            lead=lead.value,
            number=self.decision_number(block),
            kind=block.kind.value,
            relates_to=block.relates_to or "",
            motion=motion,
            moved=moved_sentence(self.style.motion_wording, proposer, seconder, motion, block),
            debate="" if withheld else block.debate,
            unanimous=block.unanimous,
            recorded_vote=block.recorded_vote,
            requested_by=self.name_of(block.requested_by_id),
            proposer_person=self.person_of(block.proposer_id),
            seconder_person=self.person_of(block.seconder_id),
            requested_by_person=self.person_of(block.requested_by_id),
            tally=tally(block.votes_for, block.votes_against, block.abstentions),
            instrument=block.instrument.value if block.instrument else "",
            readings=tuple(r.value for r in block.readings),
            readings_text=readings_text(block.readings),
            withheld=withheld,
        )

    def items(self) -> tuple[ItemView, ...]:
        meeting = self.meeting
        parts = self.parts()
        sections = {view.id: view for view in parts.sections}
        sessions = {view.id: view for view in parts.sessions}
        speakers: dict[str | None, list[SpeakerView]] = {}
        for item_id, speaker in parts.speakers:
            speakers.setdefault(item_id, []).append(speaker)
        breaks: dict[str | None, list[BreakView]] = {}
        for record, view in zip(meeting.adjournments, parts.breaks, strict=True):
            breaks.setdefault(record.after_item_id, []).append(view)
        levels, out_of_order_ids, session_ends = self.places()
        views: list[ItemView] = []
        previous_section: str | None = None
        previous_session: str | None = None
        note = ""  # the inquorate note, until an item of this copy prints it
        for item in meeting.items:
            if item.id == self.inquorate_item:
                note = self.style.inquorate_note
            level = levels.get(item.id, 0)
            out_of_order = item.id in out_of_order_ids
            section = sections.get(item.section_id or "")
            session = sessions.get(item.session_id or "")
            section_start = section is not None and item.section_id != previous_section
            session_start = session is not None and item.session_id != previous_session
            withheld = self.withheld(item.id)
            if withheld and self.style.exempt_in_public is ExemptPolicy.OMIT:
                # A break after an item the copy leaves out follows the item before it.
                if views and item.id in breaks:
                    views[-1] = dataclasses.replace(
                        views[-1], breaks_after=views[-1].breaks_after + tuple(breaks[item.id])
                    )
                continue
            # An omitted item leaves the section open: the next item in it does not start it.
            previous_section, previous_session = item.section_id, item.session_id
            show_title = not withheld or self.style.exempt_in_public is ExemptPolicy.NOTICE
            notice = ""
            if withheld:
                reason = item.exempt_reason or "exempt information"
                notice = self.style.exempt_notice.format(reason=reason)
            if not withheld:
                blocks = self.blocks(item.blocks)
            elif item.publish_resolution:
                blocks = tuple(
                    self.resolution(block, withheld=True)
                    for block in published_blocks(item)
                    if isinstance(block, Resolution)
                )
            else:
                blocks = ()
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
                    numbered=bool(self.numbers[item.id]),
                    label=item.label,
                    level=level,
                    parent_number=(self.numbering.label_of(item.parent_id) or "" if level else ""),
                    agenda_number=item.agenda_number,
                    out_of_order=out_of_order,
                    section=section,
                    section_start=section_start,
                    session=session,
                    session_start=session_start,
                    session_end=session is not None and item.id in session_ends,
                    # What the agenda said of a withheld item is part of what was withheld.
                    agenda_text="" if withheld else item.agenda_text,
                    recommendation="" if withheld else item.recommendation,
                    department="" if withheld else item.department,
                    report_reference="" if withheld else item.report_reference,
                    written_comments=None if withheld else item.written_comments,
                    summary=item.exempt_summary if item.exempt else "",
                    publish_resolution=item.publish_resolution,
                    speakers=tuple(speakers.get(item.id, ())),
                    breaks_after=tuple(breaks.get(item.id, ())),
                    inquorate_note=note,
                )
            )
            note = ""
        if note and views:
            # the item was left out of this copy, and none after it printed: the last one does
            views[-1] = dataclasses.replace(views[-1], inquorate_note=note)
        return tuple(views)

    def places(self) -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
        """Each item's depth (0 for a main item, 1 for a sub-item...), the items taken out of
        agenda order, and the items that end a session with another following, worked out in
        the meeting being numbered: the whole meeting, when this one is a part of it (an item
        redrawn alone)."""
        levels: dict[str, int] = {}
        out_of_order: set[str] = set()
        session_ends: set[str] = set()
        highest: tuple[int, str] | None = None
        whole = self.numbering.meeting.items
        for before, after in pairwise(whole):
            if before.session_id is not None and after.session_id != before.session_id:
                session_ends.add(before.id)
        for item in whole:
            if item.parent_id is not None and item.parent_id in levels:
                levels[item.id] = levels[item.parent_id] + 1
            else:
                levels[item.id] = 0
            key = _agenda_key(item.agenda_number)
            if key is None:
                continue
            if highest is not None and key < highest:
                out_of_order.add(item.id)
            else:
                highest = key
        return levels, frozenset(out_of_order), frozenset(session_ends)

    def parts(self) -> _Parts:
        """The views of the meeting's sections, sessions, speakers and breaks, made once for
        the items that refer to them and the meeting's lists alike."""
        if self._parts is None:
            meeting = self.meeting
            self._parts = _Parts(
                sections=tuple(self.section(record) for record in meeting.sections),
                sessions=tuple(self.session(record) for record in meeting.sessions),
                speakers=tuple(self.speakers()),
                breaks=tuple(self.break_view(record) for record in meeting.adjournments),
            )
        return self._parts

    def section(self, record: Section) -> SectionView:
        return SectionView(
            id=record.id,
            title=record.title,
            kind=record.kind.value,
            label=record.label,
            note=record.note,
        )

    def session(self, record: Session) -> SessionView:
        roll = []
        for entry in record.roll_call:
            person = self.person_of(entry.attendee_id)
            if person is None:
                continue
            roll.append(
                RollCallView(
                    person=person,
                    name=person.name,
                    answer=entry.answer.value,
                    time=self.time(entry.time),
                    note=entry.note,
                )
            )
        return SessionView(
            id=record.id,
            title=record.title,
            kind=record.kind.value,
            date=self.style.date(record.date) if record.date else "",
            start_time=self.time(record.start_time),
            close_time=self.style.close_time(record.close_time) if record.close_time else "",
            venue=record.venue,
            note=record.note,
            roll_call=tuple(roll),
            present=tuple(r.person for r in roll if r.answer == RollAnswer.PRESENT.value),
            absent=tuple(
                r.person
                for r in roll
                if r.answer in (RollAnswer.ABSENT.value, RollAnswer.EXCUSED.value)
            ),
            late=tuple(r.person for r in roll if r.answer == RollAnswer.LATE.value),
        )

    def speakers(self) -> Iterator[tuple[str | None, SpeakerView]]:
        """Every speaker this copy names, with the item they spoke on: none on an item the
        copy withholds (a deputation on a private item is part of what was considered)."""
        for record in self.meeting.speakers:
            if self.withheld(record.item_id):
                continue
            yield record.item_id, self.speaker(record)

    def speaker(self, record: Speaker) -> SpeakerView:
        parts = name_parts(record.person)
        return SpeakerView(
            kind=record.kind.value,
            name=record.person.display_name,
            title=record.person.title,
            full_name=parts["full_name"],
            given_name=parts["given_name"],
            family_name=parts["family_name"],
            short_name=parts["short_name"],
            organisation=parts["organisation"],
            on_behalf_of=record.on_behalf_of,
            item=self.item_ref(record.item_id),
            remote=record.remote,
            position=record.position.value if record.position else "",
            summary=record.summary,
        )

    def break_view(self, record: Adjournment) -> BreakView:
        after = (
            ""
            if self.omitted(record.after_item_id)
            else self.numbers.get(record.after_item_id or "", "")
        )
        start, end = self.time(record.from_time), self.time(record.to_time)
        verb = "adjourned" if record.kind is BreakKind.ADJOURNMENT else "adjourned for a recess"
        text = f"The meeting {verb}"
        text += f" at {start}" if start else ""
        if end:
            text += f" and reconvened at {end}"
        elif record.resumed_on:
            text += f" until {self.style.short_date(record.resumed_on)}"
        items = self.numbering.meeting.items
        return BreakView(
            closes_meeting=bool(
                record.kind is BreakKind.ADJOURNMENT
                and items
                and record.after_item_id == items[-1].id
            ),
            kind=record.kind.value,
            after=after,
            from_time=start,
            to_time=end,
            resumed_on=self.style.short_date(record.resumed_on) if record.resumed_on else "",
            note=record.note,
            text=text + ".",
        )

    def actions(self, item: Item) -> tuple[FollowUpView, ...]:
        style = self.style
        views = []
        for a in item.actions:
            raised_on = style.short_date(a.raised_on) if a.raised_on else ""
            minute = self.numbers[item.id]
            if a.raised_on is not None:  # where it arose: another meeting's minute
                minute = f"{a.raised_minute} ({raised_on})" if a.raised_minute else raised_on
            views.append(
                FollowUpView(
                    action=a.action,
                    owner=a.owner,
                    due=style.short_date(a.due) if a.due else "",
                    done=a.done,
                    minute=minute,
                    carried=a.raised_on is not None,
                    raised_minute=a.raised_minute,
                    raised_on=raised_on,
                    done_on=style.short_date(a.done_on) if a.done_on else "",
                )
            )
        return tuple(views)

    def build(self) -> MinutesContext:
        meeting, style = self.meeting, self.style
        from clerk_app import __version__

        items = self.items()
        parts = self.parts()
        speakers = tuple(view for _item, view in parts.speakers)
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
                kind=meeting.kind.value,
                kind_label=MEETING_KIND_LABELS[meeting.kind],
                sequence=meeting.sequence,
                sequence_text=ordinal(meeting.sequence) if meeting.sequence else "",
                preamble=meeting.preamble,
                closing_note=meeting.closing_note,
                public_present=meeting.public_present,
                public_present_text=public_text(meeting.public_present),
                sessions=parts.sessions,
                breaks=parts.breaks,
                sections=parts.sections,
                speakers=speakers,
                deputations=tuple(s for s in speakers if s.kind == SpeakerKind.DEPUTATION.value),
                public_speakers=tuple(
                    s for s in speakers if s.kind == SpeakerKind.PUBLIC_SPEAKER.value
                ),
                signatories=tuple(
                    SignatoryView(
                        role=s.role,
                        name=s.name,
                        signed_on=style.short_date(s.signed_on) if s.signed_on else "",
                    )
                    for s in meeting.signatories
                ),
            ),
            style=StyleView(
                name=style.name,
                display_name=style.display_name,
                resolution_word=style.resolution_word,
                language=style.language,
                actions_annex=style.actions_annex,
                number_items=style.number_items,
                motion_wording=style.motion_wording,
            ),
            attendance=self.attendance(),
            interests=tuple(self.interest(i) for i in self.meeting_interests),
            items=items,
            generator=f"Clerk {__version__}",
        )


def _entry_rows(entries: tuple[EntryView, ...], kind: str, level: int) -> Iterator[RowView]:
    for entry in entries:
        label = f"{entry.marker or entry.number}." if kind == "numbered" else ""
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
            case HeadingView():
                yield RowView(kind="heading", level=level, text=block.text, block=block)
            case TableView():
                yield RowView(kind="table", level=level, text=block.caption, block=block)
            case NoticeView():
                yield RowView(kind="notice", level=level, text=block.motion, block=block)
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
                if block.moved or block.motion:
                    yield RowView(
                        kind="motion", level=level, text=block.moved or block.motion, block=block
                    )
                if block.debate:
                    yield RowView(kind="debate", level=level, text=block.debate, block=block)
                if block.proposer or block.seconder or block.vote_text or block.outcome:
                    yield RowView(kind="vote", level=level, text=block.vote_text, block=block)
                if block.readings_text:
                    yield RowView(
                        kind="readings", level=level, text=block.readings_text, block=block
                    )
                if block.named_votes is not None:
                    for label, names in (
                        ("for", block.named_votes.in_favour),
                        ("against", block.named_votes.against),
                        ("abstain", block.named_votes.abstain),
                        ("absent", block.named_votes.absent),
                        ("recused", block.named_votes.recused),
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
                if block.lead != "none":
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


def name_parts(person: Person) -> dict[str, str]:
    """A person's name parts, as PersonView and SpeakerView give them."""
    return {
        "full_name": person.full_name,
        "given_name": person.given_name,
        "family_name": person.surname,
        "short_name": person.initial_name,
        "organisation": person.organisation,
    }


def list_marker(number: int, numbering: ListNumbering) -> str:
    """An entry's number as its list counts: 3, c, iii, C, III."""
    match numbering:
        case ListNumbering.LOWER_ALPHA:
            return letters(number)
        case ListNumbering.UPPER_ALPHA:
            return letters(number).upper()
        case ListNumbering.LOWER_ROMAN:
            return roman(number)
        case ListNumbering.UPPER_ROMAN:
            return roman(number).upper()
    return str(number)


def table_view(block: Table) -> TableView:
    columns = block.columns

    def padded(cells: tuple[str, ...]) -> tuple[str, ...]:
        return (*cells, *("",) * (columns - len(cells)))

    return TableView(
        type="table",
        caption=block.caption,
        header=padded(block.header) if block.header else (),
        rows=tuple(padded(row) for row in block.rows),
        total=padded(block.total) if block.total else (),
        columns=columns,
    )


def tally(votes_for: int | None, against: int | None, abstained: int | None) -> str:
    """The counts in figures: "6-0-1" (for, against, abstaining); "6-1" with no abstentions
    counted; empty without a count in favour."""
    if votes_for is None:
        return ""
    parts = [votes_for, against or 0]
    if abstained:
        parts.append(abstained)
    return "-".join(str(n) for n in parts)


_READINGS = {Reading.FIRST: "first", Reading.SECOND: "second", Reading.THIRD: "third"}


def readings_text(readings: tuple[Reading, ...]) -> str:
    """ "read a first, second and third time"; "read a third time"; empty for none."""
    words = [_READINGS[r] for r in readings]
    if not words:
        return ""
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"read a {listed} time"


NOT_DECIDED = frozenset({Outcome.LOST, Outcome.WITHDRAWN, Outcome.NOT_PUT})
"""Outcomes of a motion the body did not decide."""


def moved_sentence(
    wording: str, proposer: str, seconder: str, motion: str, block: Resolution
) -> str:
    """The style's motion sentence filled in: "It was moved by Councillor Moore, seconded by
    Councillor Patel, that the report be approved". The motion is the words moved, or else the
    first resolution's text, without a leading "That" where the wording says "that {motion}";
    words that start "That" cannot follow any other wording ("to {motion}"), and give an
    empty sentence, as does a style without a wording or a motion without a proposer."""
    if not wording or not proposer:
        return ""
    words = motion or (block.resolutions[0].text if block.resolutions else "")
    words = words.strip().rstrip(".")
    if words[:5].lower() == "that " and "{motion}" in wording:
        if "that {motion}" not in wording.lower():
            return ""  # "to That the park be sold": the style words it itself
        words = words[5:]  # the wording says "that"
    if not seconder:
        # "..., seconded by {seconder}, ..." loses its clause, wherever the wording puts it
        for clause in (", seconded by {seconder},", ", seconded by {seconder}"):
            wording = wording.replace(clause, "")
        wording = wording.replace(" seconded by {seconder}", "")
    sentence = wording.format_map({"proposer": proposer, "seconder": seconder, "motion": words})
    return " ".join(sentence.split())


def public_text(count: int | None) -> str:
    """ "Twelve members of the public"; empty when not recorded."""
    if count is None:
        return ""
    noun = "member" if count == 1 else "members"
    words = number_in_words(count)
    words = "No" if count == 0 else words[:1].upper() + words[1:]
    return f"{words} {noun} of the public"


def _agenda_key(number: str) -> tuple[int, str] | None:
    """An agenda number ordered as the agenda runs: "7" < "7a" < "10"; None for none."""
    text = number.strip()
    if not text:
        return None
    digits = ""
    for char in text:
        if not char.isdigit():
            break
        digits += char
    return (int(digits) if digits else 0, text[len(digits) :].lower())


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
    numbering: MinuteNumbering | None = None,
    quorum: int | None = None,
    inquorate_item: str | None = None,
) -> MinutesContext:
    """The context for rendering `meeting` in `style`; `public` withholds exempt items.

    `unnamed`: who a public copy leaves out, when `meeting` is not the meeting whose minutes
    these are but a part of it (the preview renders one item, or the items with a sentinel
    after them: see render/incremental.py); by default, worked out from `meeting`. `numbering`,
    likewise: the numbers of the meeting whose part `meeting` is (a sub-item alone is still
    "4.1"); by default, `meeting`'s own.

    `quorum`: the committee's quorum (`Committee.quorum`), where known: the first item at which
    fewer voting members were in the room (`clerk_app.domain.presence`) ends with the style's
    `inquorate_note`; None (the default) prints no note. `inquorate_item`, for a part of a
    meeting: the id of the whole meeting's first inquorate item (it wins over `quorum`)."""
    try:
        return _Builder(
            meeting,
            style,
            public,
            unnamed,
            numbering,
            quorum=quorum,
            inquorate_item=inquorate_item,
        ).build()
    except RecursionError:
        # A loaded meeting is capped (MAX_LIST_DEPTH); one built in code may not be.
        raise RenderError(
            f"the minutes' lists nest too deeply to render (at most {MAX_LIST_DEPTH} levels)"
        ) from None
