"""The committee a clerk serves through its municipal year, and its next meeting prepared.

A `Committee` holds what stays the same from meeting to meeting: who sits on it and for how long,
who usually attends, its standing items with their usual text, how its minutes are numbered and
the year's meeting dates. `prepare_meeting` makes the next meeting from it and the meeting before:
the membership as the expected attendance, the standing items, the first minute number run on
under the committee's scheme, the previous minutes item naming that meeting's date, and the
actions still open under matters arising. Pure: the caller reads the files
(`clerk_app.storage.folder`) and the open actions (`clerk_app.domain.actions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

from pydantic import Field, model_validator

from clerk_app.domain.house_style import DEFAULT_STYLE, MONTHS, HouseStyle
from clerk_app.domain.law_settings import CouncilTier
from clerk_app.domain.markup import parse_body
from clerk_app.domain.model import (
    STANDING_ITEM_TITLES,
    Attendance,
    CalendarDate,
    Count,
    FollowUp,
    Id,
    Item,
    ListEntry,
    Meeting,
    Model,
    Person,
    Resolution,
    Role,
    StandingItem,
    StyleName,
    TimeOfDay,
    new_id,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.domain.text import Line, Text


class CommitteeKind(StrEnum):
    COMMITTEE = "committee"
    SCRUTINY = "scrutiny"
    CABINET = "cabinet"
    COUNCIL = "council"
    SUB_COMMITTEE = "sub_committee"
    PANEL = "panel"
    BOARD = "board"
    OTHER = "other"


COMMITTEE_KIND_LABELS: dict[CommitteeKind, str] = {
    CommitteeKind.COMMITTEE: "Committee",
    CommitteeKind.SCRUTINY: "Scrutiny commission or committee",
    CommitteeKind.CABINET: "Cabinet or executive",
    CommitteeKind.COUNCIL: "Full council (city, town or parish)",
    CommitteeKind.SUB_COMMITTEE: "Sub-committee",
    CommitteeKind.PANEL: "Panel",
    CommitteeKind.BOARD: "Board",
    CommitteeKind.OTHER: "Other",
}

MEMBER_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.CO_OPTED)
ATTENDEE_ROLES = (Role.OFFICER, Role.OTHER)


class Member(Model):
    """A seat on the committee for a term."""

    id: Id = Field(default_factory=new_id)
    """Kept as the person's attendance id in every meeting prepared, so that a member is the same
    person from meeting to meeting."""
    person: Person = Person()
    role: Role = Role.MEMBER
    capacity: Line = ""
    """For a co-opted member: whom they represent ("Parent Governor Representative (Primary)")."""
    votes: bool = True
    """False for a co-opted member without a vote."""
    term_from: CalendarDate | None = None
    term_to: CalendarDate | None = None

    @model_validator(mode="after")
    def _a_member(self) -> Member:
        if self.role not in MEMBER_ROLES:
            raise ValueError("a member's role is chair, vice-chair, member or co-opted member")
        if self.term_from and self.term_to and self.term_to < self.term_from:
            raise ValueError("a member's term ends before it starts")
        return self

    def serves_on(self, day: dt.date) -> bool:
        return (self.term_from is None or self.term_from <= day) and (
            self.term_to is None or day <= self.term_to
        )


class Substitute(Model):
    """A named substitute the committee's rules allow."""

    id: Id = Field(default_factory=new_id)
    person: Person = Person()
    for_member_id: Id | None = None
    """The member they may stand in for; None: any member (of their group)."""
    note: Line = ""
    """Their group or any condition ("Labour group")."""


class RegularAttendee(Model):
    """An officer or another person who usually attends (a cabinet lead, a union observer)."""

    id: Id = Field(default_factory=new_id)
    person: Person = Person()
    role: Role = Role.OFFICER
    capacity: Line = ""
    """Their job title, or why they attend ("Assistant City Mayor for Education")."""

    @model_validator(mode="after")
    def _not_a_member(self) -> RegularAttendee:
        if self.role not in ATTENDEE_ROLES:
            raise ValueError("someone who usually attends is an officer or also present")
        return self


class StandingItemText(Model):
    """A standing item as every meeting takes it."""

    id: Id = Field(default_factory=new_id)
    title: Line = ""
    standing: StandingItem | None = None
    text: Text = ""
    """Its usual minute, in the minute-text markup. For the previous minutes item, `{previous}`
    stands for that meeting's date (empty text: the usual resolution to confirm them)."""


class NumberReset(StrEnum):
    CONTINUOUS = "continuous"
    MUNICIPAL_YEAR = "municipal_year"
    CALENDAR_YEAR = "calendar_year"


NUMBER_RESET_LABELS: dict[NumberReset, str] = {
    NumberReset.CONTINUOUS: "Run on from meeting to meeting",
    NumberReset.MUNICIPAL_YEAR: "Start again each municipal year",
    NumberReset.CALENDAR_YEAR: "Start again each calendar year",
}


class NumberingScheme(Model):
    reset: NumberReset = NumberReset.CONTINUOUS
    year_starts: int = Field(default=5, ge=1, le=12)
    """The month the municipal year starts (May, after the annual meeting, in England)."""
    first_number: int = Field(default=1, ge=1, le=1_000_000)
    """Where numbering starts: at the committee's first meeting, and after each reset."""
    prefix: Line = ""
    """The prefix the house style writes before a number ("C" in "C 08/042"); the style's own
    format says where it goes and what follows the number ("/20")."""

    def year_of(self, day: dt.date) -> int:
        """The year that numbering runs in: a calendar year, or the municipal year by the year
        it started in (2025 for 2025/26)."""
        if self.reset is NumberReset.MUNICIPAL_YEAR and day.month < self.year_starts:
            return day.year - 1
        return day.year

    def restarts_between(self, earlier: dt.date, later: dt.date) -> bool:
        return self.reset is not NumberReset.CONTINUOUS and self.year_of(later) != self.year_of(
            earlier
        )

    def first_after(
        self, previous_date: dt.date | None, previous_last: int | None, day: dt.date
    ) -> int:
        """The first minute number of a meeting on `day`, after a meeting on `previous_date`
        whose last minute was `previous_last` (None, None: the committee's first meeting)."""
        if previous_date is None or previous_last is None:
            return self.first_number
        if self.restarts_between(previous_date, day):
            return self.first_number
        return previous_last + 1

    def describe(self) -> str:
        if self.reset is NumberReset.MUNICIPAL_YEAR:
            month = MONTHS[self.year_starts - 1]
            return f"start again at {self.first_number} each municipal year (from {month})"
        if self.reset is NumberReset.CALENDAR_YEAR:
            return f"start again at {self.first_number} each calendar year"
        return "run on from meeting to meeting"


class Committee(Model):
    authority: Line = ""
    name: Line = ""
    """As the minutes name it: "Children, Young People and Education Scrutiny Commission"."""
    kind: CommitteeKind = CommitteeKind.COMMITTEE
    house_style: StyleName = "leicester"
    quorum: Count | None = None
    """How many voting members make a quorum (None: not recorded)."""
    venue: Line = ""
    """Where it usually meets."""
    start_time: TimeOfDay | None = None
    """When it usually starts."""
    members: tuple[Member, ...] = ()
    substitutes: tuple[Substitute, ...] = ()
    attendees: tuple[RegularAttendee, ...] = ()
    """Officers and others who usually attend."""
    standing_items: tuple[StandingItemText, ...] = ()
    numbering: NumberingScheme = NumberingScheme()
    meeting_dates: tuple[CalendarDate, ...] = ()
    """The year's meeting dates, as agreed."""

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Committee:
        seen: set[str] = set()
        ids = [r.id for r in self.members] + [r.id for r in self.substitutes]
        for record_id in ids + [r.id for r in self.attendees]:
            if record_id in seen:
                raise ValueError(f"the id {record_id!r} is used twice among the people")
            seen.add(record_id)
        items: set[str] = set()
        reserved = {
            PREVIOUS_MINUTES_ID: StandingItem.PREVIOUS_MINUTES,
            MATTERS_ARISING_ID: StandingItem.MATTERS_ARISING,
            EXCLUSION_ID: StandingItem.EXCLUSION_OF_PUBLIC,
        }
        for standing in self.standing_items:
            if standing.id in items:
                raise ValueError(f"standing_items: the id {standing.id!r} is used twice")
            if standing.id == EXEMPT_ARISING_ID or (
                reserved.get(standing.id, standing.standing) is not standing.standing
            ):
                raise ValueError(f"standing_items: the id {standing.id!r} is kept for its own item")
            items.add(standing.id)
        return self

    def members_on(self, day: dt.date) -> tuple[Member, ...]:
        return tuple(member for member in self.members if member.serves_on(day))

    def next_date(self, after: dt.date) -> dt.date | None:
        """The first of the year's dates after `after`."""
        return min((day for day in self.meeting_dates if day > after), default=None)


# --- a committee from a meeting ------------------------------------------------------------------

EVERY_MEETING = (
    StandingItem.WELCOME_AND_APOLOGIES,
    StandingItem.DECLARATIONS,
    StandingItem.PREVIOUS_MINUTES,
    StandingItem.MATTERS_ARISING,
    StandingItem.CHAIRS_ANNOUNCEMENTS,
    StandingItem.QUESTIONS,
    StandingItem.PETITIONS,
    StandingItem.WORK_PROGRAMME,
    StandingItem.ANY_OTHER_BUSINESS,
)
"""Standing items taken at every meeting; the membership, the dates and the terms of reference
are the annual meeting's business, and the exclusion of the public is moved when needed."""


def committee_from_meeting(meeting: Meeting, style: HouseStyle = DEFAULT_STYLE) -> Committee:
    """The committee as one of its meetings shows it: for a folder with no committee file (a
    meeting from before, or from elsewhere). Its standing items carry their titles but no usual
    text: what one meeting's minute said is that meeting's, and carried into the next it would
    be a wrong minute waiting to be missed (a committee file says the usual text)."""
    members: list[Member] = []
    attendees: list[RegularAttendee] = []
    for person in meeting.attendance:
        if person.substitute_for:
            continue  # sat for one meeting, in someone else's seat
        if person.role in MEMBER_ROLES:
            members.append(
                Member(
                    id=person.id,
                    person=person.person,
                    role=person.role,
                    capacity=person.capacity,
                    votes=person.votes,
                )
            )
        else:
            attendees.append(
                RegularAttendee(
                    id=person.id, person=person.person, role=person.role, capacity=person.capacity
                )
            )
    standing = [
        StandingItemText(title=item.title, standing=item.standing)
        for item in meeting.items
        if item.standing in EVERY_MEETING and not item.exempt
    ]
    reset = NumberReset.CONTINUOUS
    if any(f"{{{field}}}" in style.minute_number_format for field in ("yy", "yyyy")):
        reset = NumberReset.CALENDAR_YEAR  # the number carries the year: a run per year
    return Committee(
        authority=meeting.authority,
        name=meeting.body,
        house_style=meeting.house_style,
        venue=meeting.venue,
        start_time=meeting.start_time,
        members=tuple(members),
        attendees=tuple(attendees),
        standing_items=tuple(standing),
        numbering=NumberingScheme(reset=reset, prefix=meeting.minute_prefix),
    )


# --- the next meeting, prepared ---------------------------------------------------------------

PREVIOUS_MINUTES_ID = "previous-minutes"
MATTERS_ARISING_ID = "matters-arising"
EXEMPT_ARISING_ID = "matters-arising-exempt"
"""The ids of the items a prepared meeting adds when the committee has no standing item for
them (a prepared item's id is its standing item's: the same from meeting to meeting)."""
PREVIOUS_MINUTES_TEXT = (
    "That the minutes of the meeting held on {previous} be confirmed as a correct record."
)


def _expected_attendance(committee: Committee, day: dt.date) -> tuple[Attendance, ...]:
    people = [
        Attendance(
            id=member.id,
            person=member.person,
            role=member.role,
            capacity=member.capacity,
            votes=member.votes,
        )
        for member in committee.members_on(day)
    ]
    people += [
        Attendance(id=other.id, person=other.person, role=other.role, capacity=other.capacity)
        for other in committee.attendees
    ]
    return tuple(people)


def _previous_minutes(
    standing: StandingItemText | None, previous: Meeting | None, style: HouseStyle
) -> Item:
    title = (standing.title if standing else "") or "Minutes of the Previous Meeting"
    if previous is None:
        return Item(
            id=standing.id if standing else PREVIOUS_MINUTES_ID,
            title=title,
            standing=StandingItem.PREVIOUS_MINUTES,
        )
    when = style.short_date(previous.date)
    text = standing.text if standing and standing.text.strip() else ""
    if text:
        blocks = parse_body(text.replace("{previous}", when), style.resolution_word)
    else:
        blocks = (
            Resolution(resolutions=(ListEntry(text=PREVIOUS_MINUTES_TEXT.format(previous=when)),)),
        )
    return Item(
        id=standing.id if standing else PREVIOUS_MINUTES_ID,
        title=title,
        standing=StandingItem.PREVIOUS_MINUTES,
        blocks=blocks,
        previous_meeting=previous.date,
    )


def _matters_arising(
    standing: StandingItemText | None, carried: Sequence[FollowUp], style: HouseStyle
) -> Item:
    """The carried actions are the item's actions, not words of its minute: said once, where
    the house style prints actions (under the minute, or in its annex, each with where it was
    raised), and ticked done there without a sentence going stale."""
    title = (standing.title if standing else "") or "Matters Arising"
    blocks = parse_body(standing.text, style.resolution_word) if standing and standing.text else ()
    return Item(
        id=standing.id if standing else MATTERS_ARISING_ID,
        title=title,
        standing=StandingItem.MATTERS_ARISING,
        blocks=blocks,
        actions=tuple(carried),
    )


def _last_number(previous: Meeting, style: HouseStyle) -> int:
    """The last running number the meeting before used; one that numbered none (its items all
    labelled or unnumbered) used none of its run, which goes on from where it started."""
    last = MinuteNumbering(previous, style).last
    return last if last is not None else previous.first_minute_number - 1


EXCLUSION_ID = "exclusion-of-public"
"""The id of the exclusion of the press and public a prepared meeting adds before the exempt
business it carries, when the committee has no standing item for it."""
EXCLUSION_TEXT = {
    CouncilTier.PARISH: (
        "That in view of the confidential nature of the business about to be transacted, the "
        "press and public be excluded from the meeting under section 1(2) of the Public Bodies "
        "(Admission to Meetings) Act 1960."
    ),
    CouncilTier.PRINCIPAL: (
        "That under section 100A(4) of the Local Government Act 1972 the press and public be "
        "excluded from the meeting for the following item of business, on the grounds that it "
        "involves the likely disclosure of exempt information as defined in Schedule 12A to "
        "the Act."
    ),
}


def exclusion_item(style: HouseStyle, previous: Meeting | None) -> Item:
    """The exclusion of the press and public, moved before the exempt business (the law asks
    for it before the public leave: `clerk_app.domain.law`): as the meeting before worded its
    own, if it had one (the council's words), else the usual resolution for the kind of
    council. Who moved it and the vote are this meeting's, so they are not carried."""
    before = next(
        (
            item
            for item in (previous.items if previous is not None else ())
            if item.standing is StandingItem.EXCLUSION_OF_PUBLIC and not item.exempt
        ),
        None,
    )
    wording = [
        ListEntry(text=entry.text)
        for block in (before.blocks if before is not None else ())
        if isinstance(block, Resolution)
        for entry in block.resolutions
    ]
    if not wording:
        wording = [ListEntry(text=EXCLUSION_TEXT[style.law.council])]
    title = before.title if before is not None and before.title else ""
    return Item(
        id=EXCLUSION_ID,
        title=title or STANDING_ITEM_TITLES[StandingItem.EXCLUSION_OF_PUBLIC],
        standing=StandingItem.EXCLUSION_OF_PUBLIC,
        blocks=(Resolution(resolutions=tuple(wording)),),
    )


def _exempt_arising(carried: Sequence[FollowUp], reason: str, style: HouseStyle) -> Item:
    """Open actions of exempt business: carried, but into an exempt item of their own."""
    item = _matters_arising(None, carried, style)
    return item.model_copy(
        update={
            "id": EXEMPT_ARISING_ID,
            "title": "Matters Arising (exempt business)",
            "exempt": True,
            "exempt_reason": reason,
        }
    )


def prepare_meeting(
    committee: Committee,
    day: dt.date,
    *,
    previous: Meeting | None = None,
    carried: Sequence[FollowUp] = (),
    carried_exempt: Sequence[FollowUp] = (),
    exempt_reason: str = "",
    style: HouseStyle = DEFAULT_STYLE,
) -> Meeting:
    """The committee's meeting on `day`, prepared: expected attendance, standing items, the
    first minute number after `previous` (the committee's meeting before, if any) under the
    committee's scheme, the previous minutes item naming that meeting, and `carried` (the open
    actions of earlier meetings, as `FollowUp`s with `raised_on` and `raised_minute`) under
    matters arising. `carried_exempt` are open actions of exempt business: they go into an
    exempt item at the end (citing `exempt_reason`), never into the public matters arising,
    after the exclusion of the press and public (added unless the committee has one).
    `style` is the committee's house style."""
    numbering = committee.numbering
    previous_last = _last_number(previous, style) if previous is not None else None
    first = numbering.first_after(previous.date if previous else None, previous_last, day)
    items: list[Item] = []
    previous_at: int | None = None
    arising_at: int | None = None
    for standing in committee.standing_items:
        if standing.standing is StandingItem.PREVIOUS_MINUTES:
            previous_at = len(items)
            items.append(_previous_minutes(standing, previous, style))
        elif standing.standing is StandingItem.MATTERS_ARISING:
            arising_at = len(items)
            items.append(_matters_arising(standing, carried, style))
        else:
            blocks = parse_body(standing.text, style.resolution_word) if standing.text else ()
            items.append(
                Item(
                    id=standing.id, title=standing.title, standing=standing.standing, blocks=blocks
                )
            )
    if previous is not None and previous_at is None:
        # after the preliminaries (welcome, apologies, declarations)
        previous_at = next(
            (
                n
                for n, item in enumerate(items)
                if item.standing
                not in (StandingItem.WELCOME_AND_APOLOGIES, StandingItem.DECLARATIONS)
            ),
            len(items),
        )
        items.insert(previous_at, _previous_minutes(None, previous, style))
        if arising_at is not None and arising_at >= previous_at:
            arising_at += 1
    if carried and arising_at is None:
        at = previous_at + 1 if previous_at is not None else len(items)
        items.insert(at, _matters_arising(None, carried, style))
    if carried_exempt:
        if not any(item.standing is StandingItem.EXCLUSION_OF_PUBLIC for item in items):
            items.append(exclusion_item(style, previous))
        items.append(_exempt_arising(carried_exempt, exempt_reason, style))
    return Meeting(
        authority=committee.authority,
        body=committee.name,
        date=day,
        start_time=committee.start_time,
        venue=committee.venue,
        house_style=committee.house_style,
        first_minute_number=first,
        minute_prefix=numbering.prefix or (previous.minute_prefix if previous else ""),
        attendance=_expected_attendance(committee, day),
        items=tuple(items),
        sequence=previous.sequence + 1 if previous is not None and previous.sequence else None,
    )
