"""Validation findings: what a careful clerk would query before publishing the minutes.

The model accepts anything well-formed (a clerk mid-meeting types half a record at a time); these
rules say what is missing or contradictory. Each finding carries the path of the field it is
about, so that the app can take the clerk there.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from clerk_app.domain.committee import Committee, NumberingScheme
from clerk_app.domain.exempt import looks_exempt, present_only_for_exempt
from clerk_app.domain.finding import (
    FINDING_KIND_LABELS,
    FieldPath,
    Finding,
    FindingKind,
    Fix,
    Severity,
    apply_fixes,
    error,
    warning,
)
from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.law_settings import Nation
from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    Block,
    BulletList,
    LeadIn,
    Lines,
    ListEntry,
    Meeting,
    MeetingStatus,
    MotionKind,
    NoticeOfMotion,
    NumberedList,
    Outcome,
    Paragraph,
    PublicQuestions,
    Reading,
    Resolution,
    Role,
    StandingItem,
    VoteChoice,
)
from clerk_app.domain.numbering import MinuteNumbering

__all__ = [
    "FINDING_KIND_LABELS",
    "FieldPath",
    "Finding",
    "FindingKind",
    "Fix",
    "Severity",
    "apply_fixes",
    "check_meeting",
]


def check_meeting(
    meeting: Meeting,
    style: HouseStyle = DEFAULT_STYLE,
    previous: Meeting | None = None,
    scheme: NumberingScheme | None = None,
    committee: Committee | None = None,
) -> list[Finding]:
    """Every finding for the meeting, in the order of the minutes. Pure and quick: it reads
    nothing from disk.

    `previous` is the body's meeting before this one, if known (`clerk_app.storage.library.
    previous_meeting` finds it in a folder): minute numbers run on from it, under the
    committee's numbering `scheme` when its folder has a committee file. `committee` is that
    file's committee, when the meeting is of it: its quorum and its kind (a cabinet's decisions
    are executive decisions). The style's own inconsistencies are not the meeting's:
    `clerk-app check-style` reports them.
    """
    # imported here: each of these makes findings with `clerk_app.domain.finding`, and some
    # use this module's item names
    from clerk_app.domain import crosschecks, law, style_rules

    names = item_names(meeting, style)
    return [
        *_check_header(meeting),
        *numbering_findings(meeting, previous, style, scheme),
        *previous_minutes_findings(meeting, previous, style, names),
        *_check_attendance(meeting),
        *_check_sessions(meeting),
        *_check_interests(meeting, style),
        *_check_items(meeting, style, names),
        *_check_meeting_parts(meeting),
        *_check_exempt(meeting, names),
        *crosschecks.crosscheck_findings(meeting, style, names),
        *crosschecks.quorum_findings(meeting, committee, names),
        *law.law_findings(meeting, style, names, previous=previous, committee=committee),
        *style_rules.style_rule_findings(meeting, style, names),
    ]


def item_names(meeting: Meeting, style: HouseStyle = DEFAULT_STYLE) -> list[str]:
    """How a finding names each item: "Minute 149", or for an item the style shows no number
    for (unnumbered, or a style that numbers only labels) "The item 'Apologies'"."""
    names = []
    for n, (label, item) in enumerate(
        zip(MinuteNumbering(meeting, style).labels(), meeting.items, strict=True)
    ):
        if label:
            names.append(f"Minute {label}")
        elif item.title:
            names.append(f"The item '{item.title}'")
        else:
            names.append(f"Item {n + 1}")
    return names


def _check_header(meeting: Meeting) -> Iterator[Finding]:
    if not meeting.authority:
        yield warning("The meeting has no authority (the council's name).", "authority")
    if not meeting.body:
        yield error("The meeting has no committee or body name.", "body")
    if meeting.start_time is None:
        yield warning("The meeting has no start time.", "start_time")
    yield from _closes_before_it_starts(
        "The meeting", meeting.start_time, meeting.close_time, "close_time"
    )
    if meeting.status is MeetingStatus.APPROVED and meeting.confirmed_on is None:
        yield error(
            "The minutes are marked approved but have no confirmation date.", "confirmed_on"
        )
    if meeting.confirmed_on is not None and meeting.confirmed_on < meeting.date:
        yield error("The minutes are confirmed before the meeting took place.", "confirmed_on")
    if meeting.status is MeetingStatus.DRAFT and meeting.confirmed_on is not None:
        yield warning(
            "The minutes have a confirmation date but are still marked as a draft.", "status"
        )


def _describe(person: Attendance) -> str:
    return person.display_name or "an unnamed person"


def _check_attendance(meeting: Meeting) -> Iterator[Finding]:
    chairs = [(n, a) for n, a in enumerate(meeting.attendance) if a.role is Role.CHAIR]
    if not chairs:
        yield warning("Nobody in the attendance list is marked as chair.", "attendance")
    if len(chairs) > 1:
        names = ", ".join(_describe(a) for _, a in chairs)
        yield error(f"More than one person is marked as chair: {names}.", "attendance")
    for n, chair in chairs:
        if not chair.attended:
            yield error(
                f"The chair, {_describe(chair)}, is not marked present "
                f"({chair.status.value}); mark whoever took the chair instead.",
                "attendance",
                n,
                "status",
            )
    for n, person in enumerate(meeting.attendance):
        if not person.person.full_name:
            yield error(f"Attendance row {n + 1} has no name.", "attendance", n, "person", "name")
        if person.status is AttendanceStatus.SUBSTITUTE and not person.substitute_for:
            yield warning(
                f"{_describe(person)} is a substitute but not for whom.",
                "attendance",
                n,
                "substitute_for",
            )
        if person.remote and not person.attended:
            yield warning(
                f"{_describe(person)} is marked remote but not present.", "attendance", n, "remote"
            )
        if person.arrived_at and person.left_at and person.left_at <= person.arrived_at:
            yield error(f"{_describe(person)} leaves before arriving.", "attendance", n, "left_at")
        for field in ("present_from_item", "present_to_item"):
            item_id = getattr(person, field)
            if item_id is not None and meeting.item(item_id) is None:
                yield error(
                    f"{_describe(person)}'s part attendance refers to an item that no longer "
                    "exists.",
                    "attendance",
                    n,
                    field,
                )
        first = meeting.item_index(person.present_from_item or "")
        last = meeting.item_index(person.present_to_item or "")
        if first is not None and last is not None and last < first:
            yield error(
                f"{_describe(person)} is present to an item before the one they are present from.",
                "attendance",
                n,
                "present_to_item",
            )


def _check_interests(meeting: Meeting, style: HouseStyle) -> Iterator[Finding]:
    has_declarations_item = any(i.standing is StandingItem.DECLARATIONS for i in meeting.items)
    if meeting.interests and not has_declarations_item:
        yield warning(
            "There are declarations of interest but no 'Declarations of Interest' item to "
            "minute them under.",
            "interests",
        )
    for n, interest in enumerate(meeting.interests):
        person = meeting.attendee(interest.attendee_id)
        if person is None:
            yield error(
                f"Declaration {n + 1} names someone who is not in the attendance list.",
                "interests",
                n,
                "attendee_id",
            )
        elif not person.attended:
            yield warning(
                f"{_describe(person)} declared an interest but is not marked present.",
                "interests",
                n,
                "attendee_id",
            )
        if not interest.interest:
            yield error(
                f"Declaration {n + 1} does not say what the interest is.",
                "interests",
                n,
                "interest",
            )
        if interest.item_id is not None and meeting.item(interest.item_id) is None:
            yield error(
                f"Declaration {n + 1} refers to an item that no longer exists.",
                "interests",
                n,
                "item_id",
            )


def _closes_before_it_starts(
    what: str, start: dt.time | None, close: dt.time | None, *where: str | int
) -> Iterator[Finding]:
    """An error if a meeting or session closes before (or as) it starts."""
    if start is not None and close is not None and close <= start:
        yield error(f"{what} closes ({close:%H:%M}) before it starts ({start:%H:%M}).", *where)


def _check_sessions(meeting: Meeting) -> Iterator[Finding]:
    known = {person.id: person for person in meeting.attendance}
    for s, session in enumerate(meeting.sessions):
        what = f"The session '{session.title}'" if session.title else f"Session {s + 1}"
        yield from _closes_before_it_starts(
            what, session.start_time, session.close_time, "sessions", s, "close_time"
        )
        called: set[str] = set()
        for r, entry in enumerate(session.roll_call):
            if entry.attendee_id not in known:
                yield error(
                    f"{what}: roll call entry {r + 1} names someone who is not in the "
                    "attendance list.",
                    "sessions",
                    s,
                    "roll_call",
                    r,
                    "attendee_id",
                )
            elif entry.attendee_id in called:
                yield warning(
                    f"{what}: {_describe(known[entry.attendee_id])} is on the roll call twice.",
                    "sessions",
                    s,
                    "roll_call",
                    r,
                    "attendee_id",
                )
            called.add(entry.attendee_id)


def _check_meeting_parts(meeting: Meeting) -> Iterator[Finding]:
    """Speakers and breaks: what they refer to is still there, and their times make sense."""
    items = {item.id for item in meeting.items}
    for n, speaker in enumerate(meeting.speakers):
        who = speaker.person.display_name or f"Speaker {n + 1}"
        if not speaker.person.full_name and not speaker.on_behalf_of:
            yield warning(f"Speaker {n + 1} has no name.", "speakers", n, "person")
        if speaker.item_id is not None and speaker.item_id not in items:
            yield error(f"{who} spoke on an item that no longer exists.", "speakers", n, "item_id")
    for n, pause in enumerate(meeting.adjournments):
        what = f"{pause.kind.value.capitalize()} {n + 1}"
        if pause.after_item_id is not None and pause.after_item_id not in items:
            yield error(
                f"{what} follows an item that no longer exists.", "adjournments", n, "after_item_id"
            )
        if (
            pause.resumed_on is None
            and pause.from_time is not None
            and pause.to_time is not None
            and pause.to_time < pause.from_time
        ):
            yield error(
                f"{what} ends ({pause.to_time:%H:%M}) before it begins ({pause.from_time:%H:%M}).",
                "adjournments",
                n,
                "to_time",
            )


def _check_items(meeting: Meeting, style: HouseStyle, names: list[str]) -> Iterator[Finding]:
    if not meeting.items:
        yield warning("The meeting has no items.", "items")
    written = frozenset(style.writes_standing_items)
    index: dict[str, int] = {}
    sections = {section.id for section in meeting.sections}
    sessions = {session.id for session in meeting.sessions}
    labels: dict[str, int] = {}
    for n, item in enumerate(meeting.items):
        index.setdefault(item.id, n)
        where = names[n]
        if item.parent_id is not None:
            parent = index.get(item.parent_id)
            if parent is None or parent >= n:
                whose = (
                    "an item that does not come before it"
                    if meeting.item(item.parent_id) is not None
                    else "an item that no longer exists"
                )
                yield warning(
                    f"{where} is a sub-item of {whose}, so it is numbered as a main item.",
                    "items",
                    n,
                    "parent_id",
                )
        if item.section_id is not None and item.section_id not in sections:
            yield error(f"{where} is in a section that no longer exists.", "items", n, "section_id")
        if item.session_id is not None and item.session_id not in sessions:
            yield error(f"{where} is in a session that no longer exists.", "items", n, "session_id")
        if item.label:
            first = labels.setdefault(item.label, n)
            if first != n:
                titles = [meeting.items[first].title, item.title]
                both = " and ".join(f"'{t}'" if t else "an untitled item" for t in titles)
                yield error(f"Two items have the label {item.label}: {both}.", "items", n, "label")
        if not item.title:
            yield error(f"{where} has no title.", "items", n, "title")
        if item.exempt and not item.exempt_reason and style.law.nation is Nation.NONE:
            # under a nation's law, `law` asks for the reason that law gives (an error)
            yield warning(
                f"{where} is exempt but gives no legal reason for excluding the public.",
                "items",
                n,
                "exempt_reason",
            )
        if not item.blocks and item.standing not in written:
            yield warning(f"{where} has no minute text.", "items", n, "blocks")
        earlier: set[str] = set()
        for b, block in enumerate(item.blocks):
            yield from _check_block(meeting, block, where, ("items", n, "blocks", b), earlier)
        for a, action in enumerate(item.actions):
            if not action.action:
                yield warning(
                    f"{where}: follow-up action {a + 1} does not say what is to be done.",
                    "items",
                    n,
                    "actions",
                    a,
                    "action",
                )


def _check_exempt(meeting: Meeting, names: list[str]) -> Iterator[Finding]:
    """What would put private business into the public copy."""
    unmarked = looks_exempt(meeting)
    hidden = present_only_for_exempt(meeting)
    if not unmarked and not hidden:
        return
    index = {item.id: n for n, item in enumerate(meeting.items)}
    for item, reason in unmarked:
        n = index[item.id]
        yield error(
            f"{names[n]} {reason} but is not marked exempt: its content will be in "
            "the public copy.",
            "items",
            n,
            "exempt",
        )
    # Someone the public copy does not name (present only for exempt items) but whom a public
    # item names: the copy leaves the name out there, which is right only if the part
    # attendance is.
    rows = {record.id: n for n, record in enumerate(meeting.attendance)}
    for person in hidden:
        where = [
            names[n]
            for n, item in enumerate(meeting.items)
            if not item.exempt and person.id in _named_in(item.blocks)
        ]
        where += [
            names[index[i.item_id]]
            for i in meeting.interests
            if i.attendee_id == person.id
            and i.item_id in index
            and not meeting.items[index[i.item_id]].exempt
        ]
        if where:
            minutes = ", ".join(w[0].lower() + w[1:] for w in dict.fromkeys(where))
            yield warning(
                f"{_describe(person)} is present only for exempt items but is named at "
                f"{minutes}: the public copy leaves the name out there. Correct the part "
                "attendance if they were present for it.",
                "attendance",
                rows[person.id],
                "present_from_item" if person.present_from_item else "present_to_item",
            )


def _named_in(blocks: tuple[Block, ...]) -> set[str]:
    """The attendance ids a body names: proposers, seconders, named votes, who asked for a
    recorded vote, the movers and seconders of notices of motion; nested ones too."""
    named: set[str] = set()
    stack = list(blocks)
    while stack:
        block = stack.pop()
        entries: tuple[ListEntry, ...] = ()
        if isinstance(block, Resolution):
            named.update(
                i
                for i in (block.proposer_id, block.seconder_id, block.requested_by_id)
                if i is not None
            )
            named.update(vote.attendee_id for vote in block.named_votes)
            entries = block.resolutions
        elif isinstance(block, NoticeOfMotion):
            named.update(i for i in (block.mover_id, block.seconder_id) if i is not None)
        elif isinstance(block, BulletList | NumberedList):
            entries = block.entries
        elif isinstance(block, PublicQuestions):
            entries = block.questions + block.responses
        stack.extend(b for entry in entries for b in entry.blocks)
    return named


def _check_entries(
    meeting: Meeting,
    entries: tuple[ListEntry, ...],
    where: str,
    path: FieldPath,
    earlier: set[str],
) -> Iterator[Finding]:
    for e, entry in enumerate(entries):
        if not entry.text and not entry.blocks:
            yield warning(f"{where}: list entry {e + 1} is empty.", *path, e, "text")
        for b, block in enumerate(entry.blocks):
            yield from _check_block(meeting, block, where, (*path, e, "blocks", b), earlier)


def _check_block(
    meeting: Meeting, block: Block, where: str, path: FieldPath, earlier: set[str]
) -> Iterator[Finding]:
    """`earlier`: the ids of the item's resolutions before this block, in reading order."""
    match block:
        case Paragraph() | LeadIn() if not block.text:
            yield warning(f"{where} has an empty paragraph.", *path, "text")
        case BulletList() | NumberedList():
            if not block.entries:
                yield warning(f"{where} has an empty list.", *path, "entries")
            yield from _check_entries(meeting, block.entries, where, (*path, "entries"), earlier)
        case Lines() if not block.lines:
            yield warning(f"{where} has an empty list of lines.", *path, "lines")
        case PublicQuestions():
            yield from _check_questions(meeting, block, where, path, earlier)
        case Resolution():
            yield from _check_resolution(meeting, block, where, path, earlier)
        case NoticeOfMotion():
            yield from _check_notice(meeting, block, where, path)
        case _:
            pass


def _check_notice(
    meeting: Meeting, block: NoticeOfMotion, where: str, path: FieldPath
) -> Iterator[Finding]:
    if not block.motion:
        yield warning(
            f"{where}: the notice of motion does not say what the motion is.", *path, "motion"
        )
    if block.mover_id is None:
        yield warning(f"{where}: the notice of motion does not say who gave it.", *path, "mover_id")
    for field, role in (
        ("mover_id", "mover of the notice of motion"),
        ("seconder_id", "seconder of the notice of motion"),
    ):
        attendee_id = getattr(block, field)
        if attendee_id is not None and meeting.attendee(attendee_id) is None:
            yield error(f"{where}: the {role} is not in the attendance list.", *path, field)
    if block.mover_id is not None and block.mover_id == block.seconder_id:
        yield error(f"{where}: the mover also seconded the notice of motion.", *path, "seconder_id")
    if block.reply and not block.reply_by:
        yield warning(
            f"{where}: the reply to the notice of motion does not say who gave it.",
            *path,
            "reply_by",
        )


def _check_questions(
    meeting: Meeting, block: PublicQuestions, where: str, path: FieldPath, earlier: set[str]
) -> Iterator[Finding]:
    if not block.questioner:
        yield error(f"{where}: the public question does not say who asked it.", *path, "questioner")
    if not block.questions:
        yield error(f"{where}: the public question has no questions.", *path, "questions")
    if block.responses and not block.responder:
        yield error(f"{where}: the responses do not say who gave them.", *path, "responder")
    if block.responses and len(block.responses) != len(block.questions):
        yield warning(
            f"{where}: {len(block.questions)} questions but {len(block.responses)} responses; "
            "they are paired by number.",
            *path,
            "responses",
        )
    yield from _check_entries(meeting, block.questions, where, (*path, "questions"), earlier)
    yield from _check_entries(meeting, block.responses, where, (*path, "responses"), earlier)


_RELATED = {
    MotionKind.AMENDMENT: "amendment does not say which motion it amends",
    MotionKind.SUBSTITUTE: "substitute motion does not say which motion it replaces",
    MotionKind.SUBSTANTIVE: "substantive motion does not say which motion it was made from",
}
_READING_ORDER = {Reading.FIRST: 1, Reading.SECOND: 2, Reading.THIRD: 3}


def _check_motion(
    block: Resolution, where: str, path: FieldPath, earlier: set[str]
) -> Iterator[Finding]:
    """How the motion relates to the item's others, and how its vote was recorded."""
    if block.relates_to is not None and block.relates_to not in earlier:
        yield error(
            f"{where}: the motion refers to a motion that is not earlier in this minute.",
            *path,
            "relates_to",
        )
    elif block.relates_to is None and block.kind in _RELATED:
        yield warning(f"{where}: the {_RELATED[block.kind]}.", *path, "relates_to")
    if block.id:
        earlier.add(block.id)
    # A recorded vote asked for with nobody's vote recorded: crosschecks (an error, naming who
    # asked for it).
    if block.unanimous:
        against = block.votes_against or 0
        abstained = block.abstentions or 0
        for vote in block.named_votes:
            against += vote.choice is VoteChoice.AGAINST
            abstained += vote.choice is VoteChoice.ABSTAIN
        if against or abstained:
            yield error(
                f"{where}: the vote is marked unanimous, but {against} voted against and "
                f"{abstained} abstained.",
                *path,
                "unanimous",
            )
    order = [_READING_ORDER[r] for r in block.readings]
    if any(b <= a for a, b in pairwise(order)):
        yield warning(
            f"{where}: the readings are not in order (first, second, third), or one is given "
            "twice.",
            *path,
            "readings",
        )


def _check_resolution(
    meeting: Meeting, block: Resolution, where: str, path: FieldPath, earlier: set[str]
) -> Iterator[Finding]:
    if not block.resolutions and not block.motion:
        yield error(f"{where}: the resolution has no text.", *path, "resolutions")
    if not block.numbered and len(block.resolutions) > 1:
        yield warning(
            f"{where}: {len(block.resolutions)} resolutions are not numbered.", *path, "numbered"
        )
    yield from _check_motion(block, where, path, earlier)
    yield from _check_entries(meeting, block.resolutions, where, (*path, "resolutions"), earlier)
    # Whether the proposer and seconder were there for the item: crosschecks.
    for field in ("proposer_id", "seconder_id"):
        attendee_id = getattr(block, field)
        if attendee_id is not None and meeting.attendee(attendee_id) is None:
            role = field.removesuffix("_id")
            yield error(f"{where}: the {role} is not in the attendance list.", *path, field)
    if block.requested_by_id is not None and meeting.attendee(block.requested_by_id) is None:
        yield error(
            f"{where}: whoever asked for the recorded vote is not in the attendance list.",
            *path,
            "requested_by_id",
        )
    if block.proposer_id is not None and block.proposer_id == block.seconder_id:
        yield error(f"{where}: the proposer also seconded the motion.", *path, "seconder_id")
    tally: Counter[VoteChoice] = Counter()
    for v, vote in enumerate(block.named_votes):
        tally[vote.choice] += 1
        if meeting.attendee(vote.attendee_id) is None:
            yield error(
                f"{where}: named vote {v + 1} is by someone not in the attendance list.",
                *path,
                "named_votes",
                v,
            )
    voters = [v.attendee_id for v in block.named_votes]
    if len(voters) != len(set(voters)):
        yield error(f"{where}: someone is recorded as voting twice.", *path, "named_votes")
    if block.named_votes:
        for field, choice in (
            ("votes_for", VoteChoice.FOR),
            ("votes_against", VoteChoice.AGAINST),
            ("abstentions", VoteChoice.ABSTAIN),
        ):
            count = getattr(block, field)
            if count is not None and count != tally[choice]:
                yield error(
                    f"{where}: {count} recorded for '{choice.value}' but {tally[choice]} named.",
                    *path,
                    field,
                )
    votes_for = block.votes_for if block.votes_for is not None else tally[VoteChoice.FOR]
    against = block.votes_against if block.votes_against is not None else tally[VoteChoice.AGAINST]
    if block.outcome is Outcome.CARRIED and (votes_for or against) and votes_for <= against:
        yield warning(
            f"{where}: the motion is marked carried with {votes_for} for and {against} against "
            "(a chair's casting vote should be minuted).",
            *path,
            "outcome",
        )
    if block.outcome is Outcome.LOST and votes_for > against:
        yield warning(
            f"{where}: the motion is marked lost with {votes_for} for and {against} against.",
            *path,
            "outcome",
        )


def previous_minutes_findings(
    meeting: Meeting,
    previous: Meeting | None,
    style: HouseStyle = DEFAULT_STYLE,
    names: list[str] | None = None,
) -> list[Finding]:
    """The minutes of the meeting before are confirmed at this one: a previous minutes item
    that names another meeting's date, minutes confirmed here that are not marked approved in
    their file, and minutes never confirmed (the meeting before is a draft and this one has no
    item to agree them, or is itself approved without having agreed them: a draft with the
    item has them still before it). Pure: the caller finds `previous`, as for the minute
    numbers."""
    names = names if names is not None else item_names(meeting, style)
    findings: list[Finding] = []
    minutes_items = [
        n for n, item in enumerate(meeting.items) if item.standing is StandingItem.PREVIOUS_MINUTES
    ]
    if previous is not None:
        when = style.short_date(previous.date)
        for n in minutes_items:
            named = meeting.items[n].previous_meeting
            if named is not None and named != previous.date:
                findings.append(
                    warning(
                        f"{names[n]} is the minutes of the meeting held on "
                        f"{style.short_date(named)}, but the committee's previous meeting "
                        f"was on {when}.",
                        "items",
                        n,
                        "previous_meeting",
                    )
                )
    confirmed = [n for n in minutes_items if meeting.items[n].minutes_confirmed]
    confirmed += [
        n
        for n, item in enumerate(meeting.items)
        if item.minutes_confirmed and n not in minutes_items
    ]
    if previous is None or previous.status is MeetingStatus.APPROVED:
        return findings
    when = style.short_date(previous.date)
    if confirmed:
        n = confirmed[0]
        findings.append(
            warning(
                f"{names[n]} agrees the minutes of {when} as a correct record, but that "
                "meeting's file is still marked as a draft, not approved.",
                "items",
                n,
                "minutes_confirmed",
            )
        )
    elif not _takes_them(meeting, minutes_items, previous):
        where: tuple[str | int, ...] = (
            ("items", minutes_items[0], "minutes_confirmed") if minutes_items else ()
        )
        never = (
            f"The minutes of the previous meeting, {when}, were never confirmed: they are "
            "still a draft, and this meeting does not record agreeing them as a correct record."
        )
        if style.law.nation is Nation.NONE:
            findings.append(warning(never, *where))
        else:  # the law requires it: one finding, of the law's kind
            never = never.removesuffix(".") + (
                " (paragraph 41(1) of Schedule 12 to the Local Government Act 1972: minutes are "
                "signed as a correct record at the next suitable meeting)."
            )
            findings.append(error(never, *where, kind=FindingKind.LAW))
    return findings


def _takes_them(meeting: Meeting, minutes_items: list[int], previous: Meeting) -> bool:
    """Whether the meeting still has the previous minutes before it: a draft (prepared, or
    being written up) with an item for them that names that meeting or no meeting, which the
    clerk ticks when they are agreed. Minutes approved themselves have said all they will."""
    if meeting.status is MeetingStatus.APPROVED:
        return False
    return any(meeting.items[n].previous_meeting in (None, previous.date) for n in minutes_items)


def numbering_findings(
    meeting: Meeting,
    previous: Meeting | None,
    style: HouseStyle = DEFAULT_STYLE,
    scheme: NumberingScheme | None = None,
) -> list[Finding]:
    """Minute numbers run on from the body's previous meeting: no reuse and no gap.

    Numbers that carry the year ("196/20") or a prefix of the meeting's own are a new run when
    that part changes: 1/21 does not reuse 1/20, and a meeting in the new year may start again at
    1 or run on from the last number; anything else is queried. Each meeting's numbers are
    written as that meeting writes them ("ended at minute 204/20"). Pure: the caller finds
    `previous` (see `clerk_app.storage.library.previous_meeting`).
    """
    if previous is None:
        return []
    before, now = MinuteNumbering(previous, style), MinuteNumbering(meeting, style)
    last, end = before.last, now.last
    if last is None or end is None:
        return []
    first = meeting.first_minute_number
    when = style.short_date(previous.date)
    if scheme is not None:
        return _scheme_findings(meeting, previous, scheme, before, now, last)
    if before.format(last) != now.format(last):  # a new year or a new prefix: a new run
        if first in (1, last + 1):
            return []
        restart = now.format(1)
        in_the_year = style.minute_number(last, previous.date, meeting.minute_prefix)
        which = (
            f"minute numbers that carry the year start again at {restart} in a new year"
            if in_the_year != now.format(last)
            else f"numbers with a new prefix start again at {restart}"
        )
        return [
            warning(
                f"This meeting's minutes start at {now.format(first)}, but the meeting of {when} "
                f"ended at minute {before.format(last)}: {which} (or run on at "
                f"{now.format(last + 1)}).",
                "first_minute_number",
            )
        ]
    return _run_on_findings(meeting, when, before, now, last, end)


def _run_on_findings(
    meeting: Meeting,
    when: str,
    before: MinuteNumbering,
    now: MinuteNumbering,
    last: int,
    end: int,
) -> list[Finding]:
    """Numbers that run on from the meeting before: no reuse, no gap."""
    first = meeting.first_minute_number
    if first <= last:
        return [
            error(
                f"Minute numbers {now.format(first)} to {now.format(min(last, end))} were already "
                f"used at the meeting of {when}, which ended at minute {before.format(last)}.",
                "first_minute_number",
            )
        ]
    if first > last + 1:
        skipped = now.format(last + 1)
        if first - 1 > last + 1:
            skipped += f" to {now.format(first - 1)}"
        return [
            warning(
                f"The meeting of {when} ended at minute {before.format(last)}, so numbering "
                f"skips {skipped}.",
                "first_minute_number",
            )
        ]
    return []


def _scheme_findings(
    meeting: Meeting,
    previous: Meeting,
    scheme: NumberingScheme,
    before: MinuteNumbering,
    now: MinuteNumbering,
    last: int,
) -> list[Finding]:
    """The committee's scheme says when numbers start again: anything else is a finding."""
    first, end = meeting.first_minute_number, now.last or meeting.first_minute_number
    when = now.style.short_date(previous.date)
    expected = scheme.first_after(previous.date, last, meeting.date)
    if first == expected:
        return []
    if scheme.restarts_between(previous.date, meeting.date):
        return [
            warning(
                f"The committee's minute numbers {scheme.describe()}, and this is its first "
                f"meeting of a new year after {when}: its first minute would be "
                f"{now.format(expected)}, not {now.format(first)}.",
                "first_minute_number",
            )
        ]
    if before.format(last) != now.format(last) and first <= last:
        # a number of a new form (a new year in it) that the committee does not start again
        return [
            warning(
                f"The committee's minute numbers {scheme.describe()}: after the meeting of "
                f"{when}, which ended at minute {before.format(last)}, this meeting's first "
                f"minute would be {now.format(expected)}, not {now.format(first)}.",
                "first_minute_number",
            )
        ]
    return _run_on_findings(meeting, when, before, now, last, end)
