"""The meeting model: everything a set of council minutes records, and nothing about layout.

Models are immutable (frozen, with tuples for sequences). An edit makes a new meeting that shares
every unchanged part with the old one, which keeps undo cheap and makes accidental edits that
bypass the undo stack impossible.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from clerk_app.domain.text import Line, Text

Id = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
"""A stable identifier, used where one part of the meeting refers to another."""

OptionalId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{0,64}$")]
"""An identifier that may be empty: given only when something refers to the record."""

StyleName = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Count = Annotated[int, Field(ge=0, le=10_000)]


def _named(info: ValidationInfo, what: str) -> str:
    # A field of a model names itself; an edit validates a lone value, with no name to give.
    return f"{info.field_name} {what}" if info.field_name else what


def _time_of_day(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    """A time as the clock in the room read it: "20:20" (seconds allowed), nothing else.

    Pydantic would also take a number (seconds after midnight) and a time with a zone ("20:20Z",
    "20:20+01:00"). Minutes record wall-clock times; a zone says the value came from something
    that counted instants, and which wall-clock time it meant (19:20Z is 20:20 in a British
    summer) cannot be known, so such a time is refused rather than silently kept an hour out.
    Keeping one would also make it incomparable with the meeting's other times.
    """
    wanted = _named(info, "must be a time of day such as 20:20")
    if isinstance(value, bool | int | float):
        raise PydanticCustomError("time_of_day", wanted)
    try:
        moment = handler(value)
    except ValidationError:
        raise PydanticCustomError("time_of_day", wanted) from None
    if isinstance(moment, dt.time) and moment.tzinfo is not None:
        raise PydanticCustomError("time_of_day", wanted + ", without a time zone")
    return moment


def _calendar_date(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    """A date written as a date ("2025-06-18"): pydantic would also take a number of seconds
    since 1970, in figures or as a string of them, which no clerk means."""
    wanted = _named(info, "must be a date such as 2025-06-18")
    if isinstance(value, bool | int | float) or (
        isinstance(value, str) and value.strip().lstrip("+-").replace(".", "", 1).isdigit()
    ):
        raise PydanticCustomError("calendar_date", wanted)
    try:
        return handler(value)
    except ValidationError:
        raise PydanticCustomError("calendar_date", wanted) from None


TimeOfDay = Annotated[dt.time, WrapValidator(_time_of_day)]
"""A wall-clock time without a zone: every time the minutes record."""
CalendarDate = Annotated[dt.date, WrapValidator(_calendar_date)]
"""A date written as one: every date the minutes record."""


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        validate_default=True,
        use_enum_values=False,
        str_strip_whitespace=False,
    )


# --- people and attendance -------------------------------------------------------------------


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    CO_OPTED = "co_opted"
    OFFICER = "officer"
    OTHER = "other"


ROLE_LABELS: dict[Role, str] = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-Chair",
    Role.MEMBER: "Member",
    Role.CO_OPTED: "Co-opted member",
    Role.OFFICER: "Officer",
    Role.OTHER: "Also present",
}


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"


STATUS_LABELS: dict[AttendanceStatus, str] = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
    AttendanceStatus.SUBSTITUTE: "Substitute",
}


class Person(Model):
    title: Line = ""
    """How the minutes address them: "Councillor", "Dr", "Mrs"; empty for none."""
    name: Line = ""
    """The name as the minutes write it after the title: "Batool" (a councillor by surname),
    "Joycelin Eze-Okubuiro". Where the parts below are given and this is empty, the given and
    family names make it."""
    given_name: Line = ""
    """Format 2: the forename(s), "Lucy"; empty where not recorded."""
    family_name: Line = ""
    """Format 2: the surname, "Moore": what a surname-only roll call writes."""
    short_name: Line = ""
    """Format 2: a short form the clerk fixes ("L. Moore", "Cllr Moore"); empty means made from
    the parts (the initial and the family name)."""
    organisation: Line = ""
    """Format 2: the organisation or group they belong to or spoke for ("Friends of the Park")."""

    @property
    def full_name(self) -> str:
        """The name without the title: `name`, or the given and family names."""
        return self.name or " ".join(p for p in (self.given_name, self.family_name) if p)

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.full_name}".strip()

    @property
    def surname(self) -> str:
        """The family name: given, or the last word of the name."""
        if self.family_name:
            return self.family_name
        words = self.full_name.split()
        return words[-1] if words else ""

    @property
    def initial_name(self) -> str:
        """The short form: "L. Moore" (given by the clerk, or made from the parts)."""
        if self.short_name:
            return self.short_name
        given = self.given_name.split()
        if given and self.surname:
            return " ".join(f"{g[0]}." for g in given) + " " + self.surname
        return self.full_name


class Attendance(Model):
    """One person's part in the meeting."""

    id: Id = Field(default_factory=new_id)
    person: Person = Person()
    role: Role = Role.MEMBER
    capacity: Line = ""
    """Co-opted capacity, officer's job title or why another attendee was there."""
    status: AttendanceStatus = AttendanceStatus.PRESENT
    substitute_for: Line = ""
    """For a substitute: the member they replaced ("Councillor Kitterick")."""
    remote: bool = False
    arrived_at: TimeOfDay | None = None
    left_at: TimeOfDay | None = None
    present_from_item: Id | None = None
    """Part attendance by minute: the first item they were present for."""
    present_to_item: Id | None = None
    """Part attendance by minute: the last item they were present for."""
    # Format 3.
    votes: bool = True
    """Whether they have a vote: False for a co-opted member without one (a youth
    representative), as the committee's membership says."""

    @property
    def display_name(self) -> str:
        return self.person.display_name

    @property
    def attended(self) -> bool:
        return self.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)

    @property
    def is_member(self) -> bool:
        """A voting or co-opted member of the body, as opposed to officers and visitors."""
        return self.role in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.CO_OPTED)


# --- declarations of interest ----------------------------------------------------------------


class InterestKind(StrEnum):
    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary"
    OTHER_REGISTRABLE = "other_registrable"
    NON_REGISTRABLE = "non_registrable"
    OTHER = "other"


INTEREST_KIND_LABELS: dict[InterestKind, str] = {
    InterestKind.DISCLOSABLE_PECUNIARY: "disclosable pecuniary interest",
    InterestKind.OTHER_REGISTRABLE: "other registrable interest",
    InterestKind.NON_REGISTRABLE: "non-registrable interest",
    InterestKind.OTHER: "interest",
}


class InterestAction(StrEnum):
    NONE = "none"
    LEFT_ROOM = "left_room"
    NO_VOTE = "no_vote"
    NO_DISCUSSION_OR_VOTE = "no_discussion_or_vote"


INTEREST_ACTION_LABELS: dict[InterestAction, str] = {
    InterestAction.NONE: "Remained and took part",
    InterestAction.LEFT_ROOM: "Left the room for the item",
    InterestAction.NO_VOTE: "Took no part in the vote",
    InterestAction.NO_DISCUSSION_OR_VOTE: "Took no part in the discussion or vote",
}


class Interest(Model):
    """A declaration of interest."""

    id: Id = Field(default_factory=new_id)
    attendee_id: Id | None = None
    """Who declared it: an id from the meeting's attendance."""
    interest: Text = ""
    """The interest in the member's words: "she is the Chair of the Advisory Board at ..."."""
    kind: InterestKind = InterestKind.OTHER
    item_id: Id | None = None
    """The item it concerns, if it concerns one."""
    action: InterestAction = InterestAction.NONE


# --- item bodies -----------------------------------------------------------------------------


class Paragraph(Model):
    type: Literal["paragraph"] = "paragraph"
    text: Text = ""


class LeadIn(Model):
    """A line introducing what follows: "Key points included:"."""

    type: Literal["lead_in"] = "lead_in"
    text: Text = ""


class ListEntry(Model):
    """One entry of a list; it may hold further blocks, such as a nested list."""

    text: Text = ""
    blocks: tuple[Block, ...] = ()


class BulletList(Model):
    type: Literal["bullets"] = "bullets"
    entries: tuple[ListEntry, ...] = ()


class ListNumbering(StrEnum):
    """How a numbered list counts (format 2): 1, 2, 3 or a, b, c or i, ii, iii."""

    DECIMAL = "decimal"
    LOWER_ALPHA = "lower_alpha"
    UPPER_ALPHA = "upper_alpha"
    LOWER_ROMAN = "lower_roman"
    UPPER_ROMAN = "upper_roman"


class NumberedList(Model):
    type: Literal["numbered"] = "numbered"
    start: int = Field(default=1, ge=0, le=100_000)
    entries: tuple[ListEntry, ...] = ()
    numbering: ListNumbering = ListNumbering.DECIMAL
    """Format 2: letters or roman numerals instead of figures."""


class Heading(Model):
    """Format 2: a heading inside an item's minute ("Budget monitoring")."""

    type: Literal["heading"] = "heading"
    text: Line = ""


MAX_TABLE_COLUMNS = 20
MAX_TABLE_ROWS = 2_000


def _table_cells(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    if len(rows) > MAX_TABLE_ROWS:
        raise PydanticCustomError(
            "table_too_long", "a table may have at most {limit} rows", {"limit": MAX_TABLE_ROWS}
        )
    for row in rows:
        if len(row) > MAX_TABLE_COLUMNS:
            raise PydanticCustomError(
                "table_too_wide",
                "a table may have at most {limit} columns",
                {"limit": MAX_TABLE_COLUMNS},
            )
    return rows


class Table(Model):
    """Format 2: a table in the minutes: a schedule of payments, the grants awarded.

    `header` names the columns; each row is its cells in order (a short row leaves the last
    cells empty). `total` is an optional closing row ("Total", "", "£12,400.00")."""

    type: Literal["table"] = "table"
    caption: Line = ""
    header: Annotated[tuple[Line, ...], Field(max_length=MAX_TABLE_COLUMNS)] = ()
    rows: Annotated[tuple[tuple[Line, ...], ...], AfterValidator(_table_cells)] = ()
    total: Annotated[tuple[Line, ...], Field(max_length=MAX_TABLE_COLUMNS)] = ()

    @property
    def columns(self) -> int:
        return max([len(self.header), len(self.total), *(len(r) for r in self.rows)], default=0)


class Lines(Model):
    """Short lines without bullets: a list of meeting dates."""

    type: Literal["lines"] = "lines"
    lines: tuple[Line, ...] = ()


class AttachmentRef(Model):
    """A document attached to the minutes, shown by its label."""

    type: Literal["attachment"] = "attachment"
    label: Line = ""
    file_name: Line = ""


class PublicQuestions(Model):
    """Questions from a member of the public and the answers given, paired by number."""

    type: Literal["public_questions"] = "public_questions"
    questioner: Line = ""
    questions: tuple[ListEntry, ...] = ()
    responder: Line = ""
    """Who answered, as the minutes name them: "The Director of Children's Social Care"."""
    responses: tuple[ListEntry, ...] = ()


class NoticeOfMotion(Model):
    """Format 2: a motion submitted in writing before the meeting, with the written reply given
    (a council's "Notices of Motion" and "Questions on notice")."""

    type: Literal["notice_of_motion"] = "notice_of_motion"
    mover_id: Id | None = None
    """Who gave notice: an id from the attendance."""
    seconder_id: Id | None = None
    motion: Text = ""
    """The motion as submitted."""
    reply_by: Line = ""
    """Who gave the written reply ("The Leader of the Council")."""
    reply: Text = ""


class VoteChoice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    ABSENT = "absent"
    RECUSED = "recused"
    """Format 2: did not vote, having recused themselves (a declared interest)."""


class NamedVote(Model):
    attendee_id: Id
    choice: VoteChoice
    note: Line = ""
    """Format 2: a note on this vote ("because of a declared interest")."""


class Outcome(StrEnum):
    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    """Format 2: withdrawn by its mover (with the meeting's consent)."""
    NOT_PUT = "not_put"
    """Format 2: never put to the vote (it fell, or the meeting moved on)."""


class LeadWord(StrEnum):
    """Format 2: which word leads a resolution."""

    STYLE = "style"
    """The house style's word (AGREED, RESOLVED)."""
    NONE = "none"
    """No word: the resolution's text stands alone."""
    GIVEN = "given"
    """The resolution's own `lead_word` (DETERMINED, NOTED)."""


class MotionKind(StrEnum):
    """Format 2: what a motion is to the motions around it."""

    MOTION = "motion"
    """A motion (the original, or the only one)."""
    AMENDMENT = "amendment"
    """An amendment to the motion it `relates_to`."""
    SUBSTITUTE = "substitute"
    """A substitute motion, replacing the one it `relates_to`."""
    SUBSTANTIVE = "substantive"
    """The substantive motion as amended (the motion it `relates_to`, with the amendments
    carried)."""
    PROCEDURAL = "procedural"
    """A procedural motion (to adjourn, to move to the vote, to exclude the public)."""


class Instrument(StrEnum):
    """Format 2: what a decision enacts, where it is more than a minute."""

    RESOLUTION = "resolution"
    ORDINANCE = "ordinance"
    BYLAW = "bylaw"


class Reading(StrEnum):
    FIRST = "first"
    SECOND = "second"
    THIRD = "third"


class Resolution(Model):
    """What the body decided: "AGREED: 1. That the report be noted.", with the vote if taken;
    in format 2 also a motion put and lost, an amendment, or an ordinance read three times."""

    type: Literal["resolution"] = "resolution"
    id: OptionalId = ""
    """Format 2: how a related motion refers to this one; empty until one does (the form that
    relates a motion to it gives it one), so that text parsed anew compares equal."""
    lead: LeadWord = LeadWord.STYLE
    """Format 2: the style's word, none, or `lead_word`. A word given wins over `style` (see
    `lead_state`), so that code written for format 1, which set only `lead_word`, still works."""
    lead_word: Line = ""
    """The word when `lead` is `given` (format 1: empty meant the style's word)."""
    numbered: bool = True
    resolutions: tuple[ListEntry, ...] = ()
    proposer_id: Id | None = None
    seconder_id: Id | None = None
    votes_for: Count | None = None
    votes_against: Count | None = None
    abstentions: Count | None = None
    named_votes: tuple[NamedVote, ...] = ()
    """In the order the roll was called."""
    outcome: Outcome | None = None
    number: Line = ""
    """Format 2: the decision's own number ("CAB/2025/14", "2024-117"); empty for none, or for
    the style's running decision number."""
    kind: MotionKind = MotionKind.MOTION
    relates_to: Id | None = None
    """Format 2: the motion an amendment, substitute or substantive motion relates to (the id of
    an earlier resolution of the same item)."""
    motion: Text = ""
    """Format 2: the words moved, where they differ from what was resolved (an amendment's
    words, a motion that was lost); empty when the resolutions are the motion."""
    debate: Text = ""
    """Format 2: the debate between the motion and the vote."""
    unanimous: bool = False
    """Format 2: all were in favour, no count taken."""
    recorded_vote: bool = False
    """Format 2: a recorded (named) vote was requested; `named_votes` holds it."""
    requested_by_id: Id | None = None
    """Format 2: who asked for the recorded vote."""
    instrument: Instrument | None = None
    """Format 2: a resolution, ordinance or by-law, numbered by `number`."""
    readings: tuple[Reading, ...] = ()
    """Format 2: the readings given at this meeting ("read a first, second and third time")."""

    @property
    def lead_state(self) -> LeadWord:
        """Which word leads, whatever combination of `lead` and `lead_word` was set: none;
        the word given; or the style's."""
        if self.lead is LeadWord.NONE:
            return LeadWord.NONE
        return LeadWord.GIVEN if self.lead_word else LeadWord.STYLE


Block = Annotated[
    Paragraph
    | LeadIn
    | BulletList
    | NumberedList
    | Lines
    | AttachmentRef
    | PublicQuestions
    | Resolution
    | Heading
    | Table
    | NoticeOfMotion,
    Field(discriminator="type"),
]


MAX_LIST_DEPTH = 9
"""Lists inside lists, at most (Word's list levels stop at nine). A resolution's and public
questions' entries count as a list. Deeper nesting is no meeting's: it only makes templates and
the preview recurse until Python gives up."""


def list_depth(blocks: tuple[Block, ...]) -> int:
    """How many lists deep `blocks` nest (0: no list at all); walked without recursion."""
    deepest = 0
    stack: list[tuple[tuple[Block, ...], int]] = [(blocks, 0)]
    while stack:
        current, depth = stack.pop()
        for block in current:
            groups: tuple[tuple[ListEntry, ...], ...] = ()
            if isinstance(block, BulletList | NumberedList):
                groups = (block.entries,)
            elif isinstance(block, Resolution):
                groups = (block.resolutions,)
            elif isinstance(block, PublicQuestions):
                groups = (block.questions, block.responses)
            for entries in groups:
                deepest = max(deepest, depth + 1)
                stack.extend((entry.blocks, depth + 1) for entry in entries)
    return deepest


def _not_too_deep(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    depth = list_depth(blocks)
    if depth > MAX_LIST_DEPTH:
        raise PydanticCustomError(
            "list_too_deep",
            "lists are nested {depth} levels deep; at most {limit} levels are allowed",
            {"depth": depth, "limit": MAX_LIST_DEPTH},
        )
    return blocks


Blocks = Annotated[tuple[Block, ...], AfterValidator(_not_too_deep)]
"""An item's body: its blocks, with lists nested at most MAX_LIST_DEPTH deep."""


class FollowUp(Model):
    """An action the clerk tracks: "Further information was to be circulated"."""

    id: Id = Field(default_factory=new_id)
    action: Text = ""
    owner: Line = ""
    due: CalendarDate | None = None
    done: bool = False
    # Format 3.
    done_on: CalendarDate | None = None
    """When it was done, where known (ticked at a later meeting: that meeting's date)."""
    raised_on: CalendarDate | None = None
    """For an action carried from an earlier meeting (under matters arising): the date of the
    meeting that raised it. The carried copy keeps the action's id, so the year's action log
    knows it for the same action. None: raised at this meeting."""
    raised_minute: Line = ""
    """For a carried action: its minute at that meeting, as that meeting numbered it ("158")."""


class StandingItem(StrEnum):
    """Items that recur at every meeting; some house styles add text of their own to them."""

    WELCOME_AND_APOLOGIES = "welcome_and_apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    MEMBERSHIP = "membership"
    DATES_OF_MEETINGS = "dates_of_meetings"
    TERMS_OF_REFERENCE = "terms_of_reference"
    CHAIRS_ANNOUNCEMENTS = "chairs_announcements"
    QUESTIONS = "questions"
    PETITIONS = "petitions"
    WORK_PROGRAMME = "work_programme"
    ANY_OTHER_BUSINESS = "any_other_business"
    EXCLUSION_OF_PUBLIC = "exclusion_of_public"
    MATTERS_ARISING = "matters_arising"


STANDING_ITEM_TITLES: dict[StandingItem, str] = {
    StandingItem.WELCOME_AND_APOLOGIES: "Welcome and Apologies for Absence",
    StandingItem.DECLARATIONS: "Declarations of Interest",
    StandingItem.PREVIOUS_MINUTES: "Minutes of the Previous Meeting",
    StandingItem.MEMBERSHIP: "Membership",
    StandingItem.DATES_OF_MEETINGS: "Dates of Meetings",
    StandingItem.TERMS_OF_REFERENCE: "Terms of Reference",
    StandingItem.CHAIRS_ANNOUNCEMENTS: "Chair's Announcements",
    StandingItem.QUESTIONS: "Questions, Representations and Statements of Case",
    StandingItem.PETITIONS: "Petitions",
    StandingItem.WORK_PROGRAMME: "Work Programme",
    StandingItem.ANY_OTHER_BUSINESS: "Any Other Business",
    StandingItem.EXCLUSION_OF_PUBLIC: "Exclusion of the Press and Public",
    StandingItem.MATTERS_ARISING: "Matters Arising",
}


class Item(Model):
    """One agenda item and its minute."""

    id: Id = Field(default_factory=new_id)
    title: Line = ""
    standing: StandingItem | None = None
    exempt: bool = False
    """Taken with the press and public excluded: withheld from the public minutes."""
    exempt_reason: Line = ""
    """The legal ground: "Paragraph 3 of Part 1 of Schedule 12A, Local Government Act 1972", or
    a state's open-meetings section ("Government Code Section 54956.9(d)(1)")."""
    blocks: Blocks = ()
    actions: tuple[FollowUp, ...] = ()
    # Format 2.
    label: Line = ""
    """The item's label where the agenda fixes it ("4.1", "2(a)", "A12"): printed instead of
    the style's number, and it takes no running number. Empty: the style numbers it."""
    numbered: bool = True
    """False for an item without a number (preliminaries, a heading such as "Reports of
    Committees"): it takes no number and the running numbers pass over it."""
    parent_id: Id | None = None
    """A sub-item: the id of an earlier item it belongs to (numbered "4.1" or "4(a)" after it).
    A parent that is not earlier in the meeting (an item moved above it) is ignored: the item
    is numbered as a main item and `check` says so; the file still loads."""
    section_id: Id | None = None
    """The section the item is in (Part A, the consent calendar, closed session)."""
    session_id: Id | None = None
    """The session it was taken in, where the meeting had several."""
    agenda_number: Line = ""
    """Its number on the agenda, kept when it was taken out of order ("7")."""
    agenda_text: Text = ""
    """What the agenda said of it: kept apart from what the minutes say."""
    recommendation: Text = ""
    """The report's recommendation, as the agenda gave it."""
    department: Line = ""
    """The department or officer whose report it was ("Children's Services")."""
    report_reference: Line = ""
    """The report's reference ("CYP/25/07", "Staff Report PW-2025-14")."""
    written_comments: Count | None = None
    """How many written comments were received on it (None: not recorded)."""
    exempt_summary: Text = ""
    """For an exempt item: a summary that may be published (the style prints it in the public
    copy instead of the minute)."""
    publish_resolution: bool = False
    """For an exempt item: its resolutions are published, though the discussion is not."""
    # Format 3.
    previous_meeting: CalendarDate | None = None
    """For the previous minutes item: the date of the meeting whose minutes these are."""
    minutes_confirmed: bool = False
    """For the previous minutes item: the meeting agreed them as a correct record (the app then
    offers to mark that meeting approved, with this meeting's date)."""


class SectionKind(StrEnum):
    PART = "part"
    """A part of the agenda: "Part A", "Part B" (Part B or 2 is usually the exempt part)."""
    CONSENT = "consent"
    """A consent agenda or calendar: items taken together on one motion."""
    CLOSED = "closed"
    """A closed session."""
    REPORTS = "reports"
    """Reports of committees."""
    OTHER = "other"


class Section(Model):
    """Format 2: a group of items, printed as a heading over them."""

    id: Id = Field(default_factory=new_id)
    title: Line = ""
    kind: SectionKind = SectionKind.OTHER
    label: Line = ""
    """Its label where it has one: "A", "Part 2"."""
    note: Text = ""
    """What the minutes say under the heading ("The following items were approved on one
    motion..."): printed in the public copy too, even for a closed section (its public
    record); what was said in private belongs in the exempt items."""


class SessionKind(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class RollAnswer(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"
    LATE = "late"
    """Absent at the call, arrived later (`time`)."""


class RollCallEntry(Model):
    attendee_id: Id
    answer: RollAnswer = RollAnswer.PRESENT
    time: TimeOfDay | None = None
    """For late: when they arrived."""
    note: Line = ""


class Session(Model):
    """Format 2: one sitting of a meeting with several (a closed session, then an open one)."""

    id: Id = Field(default_factory=new_id)
    title: Line = ""
    """"Closed Session", "Regular Session"."""
    kind: SessionKind = SessionKind.OPEN
    date: CalendarDate | None = None
    """Empty: the meeting's date."""
    start_time: TimeOfDay | None = None
    close_time: TimeOfDay | None = None
    venue: Line = ""
    roll_call: tuple[RollCallEntry, ...] = ()
    """Who answered the roll, in the order called."""
    note: Text = ""
    """What the minutes say of the session ("The Mayor called the meeting to order."):
    printed in the public copy too, even for a closed session (the report a closed session
    must make in public); what was said in private belongs in the exempt items."""


class BreakKind(StrEnum):
    ADJOURNMENT = "adjournment"
    RECESS = "recess"


class Adjournment(Model):
    """Format 2: a break in the meeting, or its adjournment to another day."""

    id: Id = Field(default_factory=new_id)
    kind: BreakKind = BreakKind.ADJOURNMENT
    after_item_id: Id | None = None
    """The item it followed (None: before the first)."""
    from_time: TimeOfDay | None = None
    to_time: TimeOfDay | None = None
    """When the meeting resumed; None if it did not that day."""
    resumed_on: CalendarDate | None = None
    """For an adjournment to another day: the date it resumed (or was to)."""
    note: Line = ""
    """Printed in the public copy too."""


class SpeakerKind(StrEnum):
    DEPUTATION = "deputation"
    PUBLIC_SPEAKER = "public_speaker"


class Position(StrEnum):
    FOR = "for"
    AGAINST = "against"
    NEUTRAL = "neutral"


class Speaker(Model):
    """Format 2: a deputation or a member of the public who spoke."""

    id: Id = Field(default_factory=new_id)
    kind: SpeakerKind = SpeakerKind.PUBLIC_SPEAKER
    person: Person = Person()
    on_behalf_of: Line = ""
    """Whom a deputation spoke for ("residents of Mill Lane")."""
    item_id: Id | None = None
    remote: bool = False
    position: Position | None = None
    summary: Text = ""


class Signatory(Model):
    """Format 2: who signs the minutes: the Chair, the Clerk."""

    id: Id = Field(default_factory=new_id)
    role: Line = ""
    """As the signature block writes it: "Chair", "City Clerk", "Mayor"."""
    name: Line = ""
    """Empty: a line to sign and print on."""
    signed_on: CalendarDate | None = None
    """Empty: a place for the date."""


# --- the meeting -----------------------------------------------------------------------------


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class MeetingKind(StrEnum):
    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"
    ANNUAL = "annual"
    SPECIAL = "special"
    REGULAR = "regular"
    BUDGET = "budget"
    ADJOURNED = "adjourned"
    EMERGENCY = "emergency"


MEETING_KIND_LABELS: dict[MeetingKind, str] = {
    MeetingKind.ORDINARY: "Ordinary",
    MeetingKind.EXTRAORDINARY: "Extraordinary",
    MeetingKind.ANNUAL: "Annual",
    MeetingKind.SPECIAL: "Special",
    MeetingKind.REGULAR: "Regular",
    MeetingKind.BUDGET: "Budget",
    MeetingKind.ADJOURNED: "Adjourned",
    MeetingKind.EMERGENCY: "Emergency",
}


class Meeting(Model):
    authority: Line = ""
    body: Line = ""
    """The committee's name: "Children, Young People and Education Scrutiny Commission"."""
    date: CalendarDate
    start_time: TimeOfDay | None = None
    close_time: TimeOfDay | None = None
    venue: Line = ""
    status: MeetingStatus = MeetingStatus.DRAFT
    confirmed_on: CalendarDate | None = None
    """The date the minutes were confirmed as a correct record."""
    house_style: StyleName = "leicester"
    first_minute_number: int = Field(default=1, ge=1, le=1_000_000)
    """Minute numbers run on from the body's previous meetings."""
    minute_prefix: Line = ""
    """For styles whose numbers carry the body's code: "CAB" in "CAB 12/25"."""
    attendance: tuple[Attendance, ...] = ()
    interests: tuple[Interest, ...] = ()
    items: tuple[Item, ...] = ()
    # Format 2.
    kind: MeetingKind = MeetingKind.ORDINARY
    sequence: int | None = Field(default=None, ge=1, le=100_000)
    """The meeting's number in its series: 8 in "the 8th meeting"."""
    preamble: Text = ""
    """How and where the meeting was held ("held in person at City Hall and online")."""
    closing_note: Text = ""
    """What the minutes say at the close; empty for the style's own sentence."""
    sessions: tuple[Session, ...] = ()
    """The meeting's sittings, where it had more than one; each item may say its session."""
    adjournments: tuple[Adjournment, ...] = ()
    sections: tuple[Section, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    """Deputations and public speakers."""
    public_present: Count | None = None
    """How many members of the public attended (None: not recorded)."""
    signatories: tuple[Signatory, ...] = ()
    """Who signs: empty for the style's own signature block."""
    first_decision_number: int | None = Field(default=None, ge=1, le=1_000_000)
    """For styles that number decisions in a run of their own (2024-117): the first's number."""

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Meeting:
        # References between parts of the meeting go by id, so a repeated id would make them
        # ambiguous; the clerk never types ids, so this only trips on a damaged file.
        for field, records in (
            ("attendance", self.attendance),
            ("interests", self.interests),
            ("items", self.items),
            ("sessions", self.sessions),
            ("adjournments", self.adjournments),
            ("sections", self.sections),
            ("speakers", self.speakers),
            ("signatories", self.signatories),
        ):
            seen: set[str] = set()
            for record in records:
                if record.id in seen:
                    raise ValueError(f"{field}: the id {record.id!r} is used twice")
                seen.add(record.id)
        return self

    # Lookups used by rules, templates and forms alike.

    def attendee(self, attendee_id: str | None) -> Attendance | None:
        return next((a for a in self.attendance if a.id == attendee_id), None)

    def item(self, item_id: str | None) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def item_index(self, item_id: str) -> int | None:
        return next((n for n, i in enumerate(self.items) if i.id == item_id), None)


ListEntry.model_rebuild()
