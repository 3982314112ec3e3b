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

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.name}".strip()


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


class NumberedList(Model):
    type: Literal["numbered"] = "numbered"
    start: int = Field(default=1, ge=0, le=100_000)
    entries: tuple[ListEntry, ...] = ()


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


class VoteChoice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    ABSENT = "absent"


class NamedVote(Model):
    attendee_id: Id
    choice: VoteChoice


class Outcome(StrEnum):
    CARRIED = "carried"
    LOST = "lost"


class Resolution(Model):
    """What the body decided: "AGREED: 1. That the report be noted.", with the vote if taken."""

    type: Literal["resolution"] = "resolution"
    lead_word: Line = ""
    """Empty means the house style's word (AGREED, RESOLVED)."""
    numbered: bool = True
    resolutions: tuple[ListEntry, ...] = ()
    proposer_id: Id | None = None
    seconder_id: Id | None = None
    votes_for: Count | None = None
    votes_against: Count | None = None
    abstentions: Count | None = None
    named_votes: tuple[NamedVote, ...] = ()
    outcome: Outcome | None = None


Block = Annotated[
    Paragraph
    | LeadIn
    | BulletList
    | NumberedList
    | Lines
    | AttachmentRef
    | PublicQuestions
    | Resolution,
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
}


class Item(Model):
    """One agenda item and its minute."""

    id: Id = Field(default_factory=new_id)
    title: Line = ""
    standing: StandingItem | None = None
    exempt: bool = False
    """Taken with the press and public excluded: withheld from the public minutes."""
    exempt_reason: Line = ""
    """The legal ground: "Paragraph 3 of Part 1 of Schedule 12A, Local Government Act 1972"."""
    blocks: Blocks = ()
    actions: tuple[FollowUp, ...] = ()


# --- the meeting -----------------------------------------------------------------------------


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


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

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Meeting:
        # References between parts of the meeting go by id, so a repeated id would make them
        # ambiguous; the clerk never types ids, so this only trips on a damaged file.
        for field, records in (
            ("attendance", self.attendance),
            ("interests", self.interests),
            ("items", self.items),
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

    def minute_number(self, index: int) -> int:
        """The minute number of the item at this position (numbers run on, item by item)."""
        return self.first_minute_number + index


ListEntry.model_rebuild()
