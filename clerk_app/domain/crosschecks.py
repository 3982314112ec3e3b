"""The minutes against themselves: who was in the room for each item, against who is recorded
proposing, seconding, voting and speaking on it; vote counts against the voting members present;
the quorum item by item. Findings of kind `FindingKind.CROSS_CHECK` and `FindingKind.QUORUM`.

Presence item by item is worked out in `clerk_app.domain.presence`. The cross-checks (errors
unless said):

- someone not free to take part in an item (apologies, absent, absent or excused at the
  session's roll call, not yet arrived, left, out of the room for an interest, taking no part
  because of one) recorded proposing, seconding, voting, moving or seconding a notice of motion,
  or asking for a recorded vote on it; a co-opted member without a vote, or an officer, casting a
  named vote;
- more votes recorded than voting members present and free to vote for the item;
- a recorded vote asked for, with nobody's vote recorded;
- a substitute beside the member they replace;
- a chair who left before the last item, or left the room for an interest, with nobody
  recorded presiding;
- (a warning) someone not at the meeting for an item named in its minute with a speaking verb.

Each defect gives one finding: someone recorded doing several things on an item they were not
free to take part in is one finding (at the first of them); votes cast by someone already
queried are not counted again against the members present. The quorum: the first item at
which the voting members in the room fall below the committee's quorum.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from clerk_app.domain.committee import Committee
from clerk_app.domain.exempt import present_only_for_exempt
from clerk_app.domain.finding import FieldPath, Finding, FindingKind, error, warning
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    INTEREST_KIND_LABELS,
    Attendance,
    AttendanceStatus,
    Block,
    BulletList,
    Heading,
    Interest,
    InterestAction,
    LeadIn,
    Lines,
    ListEntry,
    Meeting,
    NoticeOfMotion,
    NumberedList,
    Paragraph,
    PublicQuestions,
    Resolution,
    Role,
    RollAnswer,
    VoteChoice,
)
from clerk_app.domain.presence import (
    IN_THE_ROOM,
    Attendances,
    Presence,
    first_below,
    is_voter,
    present_counts,
    walk_motions,
)

_CAST = frozenset({VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN})
"""A named vote that is a vote: absent and recused are not."""
_VOTING = {
    VoteChoice.FOR: "voting for",
    VoteChoice.AGAINST: "voting against",
    VoteChoice.ABSTAIN: "abstaining on",
}
_MOTION = "the motion"
_NOTICE = "the notice of motion"
_AWAY = frozenset({Presence.ABSENT, Presence.NOT_YET, Presence.LEFT})
"""Not at the meeting for the item (as opposed to out of the room, or in it, for an interest)."""

SPEAKING_VERBS = (
    "said", "asked", "stated", "explained", "commented", "noted", "reported", "added",
    "suggested", "questioned", "queried", "replied", "responded", "informed", "advised",
    "welcomed", "thanked", "raised", "expressed", "highlighted", "confirmed", "presented",
    "introduced", "addressed", "spoke", "emphasised", "stressed", "argued", "remarked",
    "observed", "requested", "indicated", "urged", "outlined", "clarified", "moved",
    "proposed", "seconded", "reminded", "referred", "felt", "agreed", "disagreed",
)  # fmt: skip
"""Verbs that, straight after a person's name in the minute, say they spoke at the item."""
_SPEAKING = "(?i:" + "|".join(SPEAKING_VERBS) + ")"
_TOOK_THE_CHAIR = re.compile(
    r"\b(?:took|take|taking|assumed|assume|assuming|took\s+over)\s+the\s+chair\b"
    r"|\bin\s+the\s+chair\b|\bpresid(?:ed|ing)\b",
    re.IGNORECASE,
)
_TITLES = ("councillor", "cllr", "cllr.")


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _and_join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _describe(person: Attendance) -> str:
    return person.display_name or "an unnamed person"


def _article(label: str) -> str:
    return "an" if label[:1] in "aeiou" else "a"


# --- what the minutes record each person doing on each item -----------------------------------


@dataclass(slots=True)
class _Doings:
    """What one person is recorded doing on one item, each with the path of its field."""

    what: list[tuple[str, str]] = field(default_factory=list)
    """(what they did, to what): ("voting for", "the motion")."""
    paths: list[FieldPath] = field(default_factory=list)
    votes: int = 0
    """Named votes cast (for, against, abstaining)."""

    def add(self, verb: str, thing: str, path: FieldPath) -> None:
        if (verb, thing) not in self.what:
            self.what.append((verb, thing))
            self.paths.append(path)

    def said(self, only_votes: bool = False) -> str:
        """What they did, in words: "proposing and voting for the motion, and asking for a
        recorded vote"."""
        by_thing: dict[str, list[str]] = {}
        for verb, thing in self.what:
            if not only_votes or verb in _VOTING.values():
                by_thing.setdefault(thing, []).append(verb)
        parts = [f"{_and_join(verbs)} {thing}".strip() for thing, verbs in by_thing.items()]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]


def _doings(
    motions: list[tuple[Resolution | NoticeOfMotion, FieldPath]],
) -> dict[str, _Doings]:
    found: dict[str, _Doings] = {}
    for block, path in motions:
        if isinstance(block, Resolution):
            if block.proposer_id is not None:
                found.setdefault(block.proposer_id, _Doings()).add(
                    "proposing", _MOTION, (*path, "proposer_id")
                )
            if block.seconder_id is not None:
                found.setdefault(block.seconder_id, _Doings()).add(
                    "seconding", _MOTION, (*path, "seconder_id")
                )
            for v, vote in enumerate(block.named_votes):
                if vote.choice in _CAST:
                    doings = found.setdefault(vote.attendee_id, _Doings())
                    doings.add(_VOTING[vote.choice], _MOTION, (*path, "named_votes", v))
                    doings.votes += 1
            if block.requested_by_id is not None:
                found.setdefault(block.requested_by_id, _Doings()).add(
                    "asking for a recorded vote", "", (*path, "requested_by_id")
                )
        else:
            if block.mover_id is not None:
                found.setdefault(block.mover_id, _Doings()).add(
                    "moving", _NOTICE, (*path, "mover_id")
                )
            if block.seconder_id is not None:
                found.setdefault(block.seconder_id, _Doings()).add(
                    "seconding", _NOTICE, (*path, "seconder_id")
                )
    return found


def _texts(blocks: tuple[Block, ...], path: FieldPath) -> Iterator[tuple[str, FieldPath]]:
    """The minute's words, nested ones too, each with the path of its field."""
    stack: list[tuple[Block, FieldPath]] = [
        (b, (*path, i)) for i, b in reversed(list(enumerate(blocks)))
    ]
    while stack:
        block, where = stack.pop()
        groups: tuple[tuple[str, tuple[ListEntry, ...]], ...] = ()
        if isinstance(block, Paragraph | LeadIn | Heading):
            yield block.text, (*where, "text")
        elif isinstance(block, Lines):
            for n, line in enumerate(block.lines):
                yield line, (*where, "lines", n)
        elif isinstance(block, BulletList | NumberedList):
            groups = (("entries", block.entries),)
        elif isinstance(block, Resolution):
            yield block.motion, (*where, "motion")
            yield block.debate, (*where, "debate")
            groups = (("resolutions", block.resolutions),)
        elif isinstance(block, PublicQuestions):
            groups = (("questions", block.questions), ("responses", block.responses))
        elif isinstance(block, NoticeOfMotion):
            yield block.reply, (*where, "reply")
        nested: list[tuple[Block, FieldPath]] = []
        for name, entries in groups:
            for e, entry in enumerate(entries):
                yield entry.text, (*where, name, e, "text")
                nested.extend(
                    (b, (*where, name, e, "blocks", k)) for k, b in enumerate(entry.blocks)
                )
        stack.extend(reversed(nested))


# --- why someone was not free to take part ----------------------------------------------------


class _Context:
    """What the checks share: presence, the interests by person and item, the item names."""

    def __init__(self, meeting: Meeting, names: list[str]) -> None:
        self.meeting = meeting
        self.names = names
        self.where = Attendances(meeting)
        self.people = {person.id: person for person in meeting.attendance}
        self.spans = {person.id: self.where.span(person) for person in meeting.attendance}
        # Someone present only for exempt items whom a public item names: the exempt check
        # queries it (the public copy leaves the name out), so it is not queried here again.
        self.hidden = {person.id for person in present_only_for_exempt(meeting)}
        self.interests: dict[tuple[str, str], Interest] = {}
        for interest in meeting.interests:
            if interest.action is InterestAction.NONE:
                continue
            key = (interest.attendee_id or "", interest.item_id or "")
            known = self.interests.get(key)
            if known is None or known.action is not InterestAction.LEFT_ROOM:
                self.interests[key] = interest

    def presence(self, person: Attendance, n: int) -> Presence:
        return self.where.at(person, n, self.spans[person.id])

    def why(self, person: Attendance, presence: Presence, n: int) -> str:
        """Why they were not free to take part in the item at `n`, as the minutes say it."""
        item = self.meeting.items[n]
        if presence is Presence.ABSENT:
            if person.status is AttendanceStatus.APOLOGIES:
                return "sent apologies"
            if person.status is AttendanceStatus.ABSENT:
                return "was absent"
            session = next(s for s in self.meeting.sessions if s.id == item.session_id)
            answer = next(
                e.answer
                for e in session.roll_call
                if e.attendee_id == person.id
                and e.answer in (RollAnswer.ABSENT, RollAnswer.EXCUSED)
            )
            which = f"the session '{session.title}'" if session.title else "the item's session"
            word = "excused" if answer is RollAnswer.EXCUSED else "absent"
            return f"was {word} at the roll call of {which}"
        first, last = self.spans[person.id]
        if presence is Presence.NOT_YET:
            return f"had not yet arrived (present from {_lower_first(self.names[first])})"
        if presence is Presence.LEFT:
            return f"had left (present until {_lower_first(self.names[last])})"
        interest = self.interests[(person.id, item.id)]
        label = INTEREST_KIND_LABELS[interest.kind]
        declared = f"declared {_article(label)} {label}"
        if presence is Presence.OUT_FOR_INTEREST:
            return f"{declared} and left the room for the item"
        if interest.action is InterestAction.NO_VOTE:
            return f"{declared} and took no part in the vote"
        return f"{declared} and took no part in the discussion or vote"


# --- the cross-checks -------------------------------------------------------------------------


def crosscheck_findings(meeting: Meeting, style: HouseStyle, names: list[str]) -> list[Finding]:
    """`names` are the items as findings name them (`findings.item_names`)."""
    context = _Context(meeting, names)
    findings: list[Finding] = [*_substitutes(context)]
    chair = _chair_findings(context)
    speaking = _speaking_pattern(context)
    voters = [person for person in meeting.attendance if is_voter(person)]
    for n, item in enumerate(meeting.items):
        if n in chair:
            findings.append(chair[n])
        if not item.blocks:
            continue
        if speaking is not None:
            findings.extend(_spoke_while_away(context, speaking, n))
        motions = list(walk_motions(item.blocks, ("items", n, "blocks")))
        if not motions:
            continue
        queried_votes = 0
        for attendee_id, doings in _doings(motions).items():
            person = context.people.get(attendee_id)
            if person is None:
                continue  # "not in the attendance list" is the record's own finding
            if attendee_id in context.hidden and not item.exempt:
                continue  # the exempt check's finding
            finding = _not_free(context, person, n, doings)
            if finding is not None:
                findings.append(finding)
                queried_votes += doings.votes
        presences = [context.presence(person, n) for person in voters]
        free, no_part = presences.count(Presence.PRESENT), presences.count(Presence.NO_PART)
        for block, path in motions:
            if isinstance(block, Resolution):
                if voters:  # no voting member recorded yet: nothing to count against
                    findings.extend(
                        _too_many_votes(context, block, path, n, free, no_part, queried_votes)
                    )
                findings.extend(_unnamed_recorded_vote(context, block, path, n))
    return findings


def _not_free(context: _Context, person: Attendance, n: int, doings: _Doings) -> Finding | None:
    """Someone recorded taking part in an item they were not there for, or could not take
    part in; or voting without a vote."""
    presence = context.presence(person, n)
    where = context.names[n]
    if presence is Presence.PRESENT:
        if doings.votes and not is_voter(person):
            first = next(k for k, (verb, _) in enumerate(doings.what) if verb in _VOTING.values())
            what = (
                "a co-opted member without a vote"
                if person.role is Role.CO_OPTED
                else "an officer"
                if person.role is Role.OFFICER
                else "not a voting member"
            )
            return error(
                f"{where}: {_describe(person)} is {what}, but is recorded "
                f"{doings.said(only_votes=True)}.",
                *doings.paths[first],
                kind=FindingKind.CROSS_CHECK,
            )
        return None
    return error(
        f"{where}: {_describe(person)} {context.why(person, presence, n)}, but is recorded "
        f"{doings.said()}.",
        *doings.paths[0],
        kind=FindingKind.CROSS_CHECK,
    )


def _too_many_votes(
    context: _Context,
    block: Resolution,
    path: FieldPath,
    n: int,
    free: int,
    no_part: int,
    queried: int,
) -> Iterator[Finding]:
    """More votes recorded than voting members present and free to vote. Votes by someone
    already queried on the item are that finding's, not counted again here."""
    tally = dict.fromkeys(_CAST, 0)
    for vote in block.named_votes:
        if vote.choice in _CAST:
            tally[vote.choice] += 1
    counts = (
        (block.votes_for, tally[VoteChoice.FOR], "for", "votes_for"),
        (block.votes_against, tally[VoteChoice.AGAINST], "against", "votes_against"),
        (block.abstentions, tally[VoteChoice.ABSTAIN], "abstaining", "abstentions"),
    )
    values = [(given if given is not None else named, word) for given, named, word, _ in counts]
    total = sum(value for value, _ in values)
    if total - min(queried, sum(tally.values())) <= free:
        return
    fields = [name for given, _, _, name in counts if given is not None]
    parts = ", ".join(f"{value} {word}" for value, word in values if value)
    votes = "1 vote" if total == 1 else f"{total} votes"
    members = (
        "no voting member was present for it"
        if free == 0
        else "only 1 voting member was present for it"
        if free == 1
        else f"only {free} voting members were present for it"
    )
    if no_part:
        others = "1 other" if no_part == 1 else f"{no_part} others"
        members += f" and free to vote ({others} took no part, having declared an interest)"
    yield error(
        f"{context.names[n]}: {votes} recorded ({parts}) but {members}.",
        *path,
        fields[0] if fields else "named_votes",
        kind=FindingKind.CROSS_CHECK,
    )


def _unnamed_recorded_vote(
    context: _Context, block: Resolution, path: FieldPath, n: int
) -> Iterator[Finding]:
    if not block.recorded_vote or block.named_votes:
        return
    requester = context.people.get(block.requested_by_id or "")
    by = f" by {_describe(requester)}" if requester is not None else ""
    yield error(
        f"{context.names[n]}: a recorded vote was asked for{by} but nobody's vote is recorded.",
        *path,
        "named_votes",
        kind=FindingKind.CROSS_CHECK,
    )


# --- substitutes ------------------------------------------------------------------------------


def _name_forms(person: Attendance) -> set[str]:
    """The ways the minutes may write someone's name, lower case: "councillor sam kitterick",
    "sam kitterick", "councillor kitterick", "cllr kitterick"."""
    full = person.person.full_name.strip().lower()
    title = person.person.title.strip().lower()
    surname = person.person.surname.strip().lower()
    forms = {full, person.person.initial_name.strip().lower()} - {""}
    titles = {title} | (set(_TITLES) if title in _TITLES else set())
    titles.discard("")
    for t in titles:
        forms |= {f"{t} {full}", f"{t} {surname}"} if surname else {f"{t} {full}"}
    return {" ".join(f.split()) for f in forms if f}


def _without_title(name: str) -> str:
    words = name.lower().split()
    while words and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


def _substitutes(context: _Context) -> Iterator[Finding]:
    """A substitute beside the member they replace: both present for some item."""
    meeting = context.meeting
    members = [p for p in meeting.attendance if p.is_member]
    for sub in meeting.attendance:
        if sub.status is not AttendanceStatus.SUBSTITUTE or not sub.substitute_for.strip():
            continue
        wanted = " ".join(sub.substitute_for.lower().split())
        bare = _without_title(wanted)
        matches = [
            p
            for p in members
            if p.id != sub.id
            and (wanted in _name_forms(p) or bare in {_without_title(f) for f in _name_forms(p)})
        ]
        if len(matches) != 1:
            continue  # nobody, or not one person, by that name: nothing to compare
        (member,) = matches
        if not member.attended or not _overlap(context, sub, member):
            continue
        row = meeting.attendance.index(member)
        yield error(
            f"{_describe(sub)} is recorded as substitute for {_describe(member)}, who is also "
            f"recorded present: mark {_describe(member)}'s apologies, or correct whom "
            f"{_describe(sub)} replaced.",
            "attendance",
            row,
            "status",
            kind=FindingKind.CROSS_CHECK,
        )


def _overlap(context: _Context, one: Attendance, other: Attendance) -> bool:
    """Whether both were at the meeting for some item (or, with no items, at all)."""
    count = len(context.meeting.items)
    if not count:
        return True
    a, b = context.spans[one.id], context.spans[other.id]
    return max(a[0], b[0]) <= min(a[1], b[1])


# --- the chair --------------------------------------------------------------------------------


def _chair_findings(context: _Context) -> dict[int, Finding]:
    """Items with nobody presiding, by index: after a chair left before the last item (one
    finding, at the first such item), and items the chair left the room for because of an
    interest. Someone presides when the vice-chair is in the room, or the minute says who took
    the chair (for one who left: the minute of the item they left, or the next)."""
    meeting, names = context.meeting, context.names
    chairs = [p for p in meeting.attendance if p.role is Role.CHAIR and p.attended]
    if len(chairs) != 1 or not meeting.items:
        return {}  # none, or several: the record's own findings
    (chair,) = chairs
    vice_chairs = [p for p in meeting.attendance if p.role is Role.VICE_CHAIR]

    def presided(k: int) -> bool:
        return any(context.presence(vc, k) in IN_THE_ROOM for vc in vice_chairs)

    def says_so(k: int) -> bool:
        texts = (text for text, _ in _texts(meeting.items[k].blocks, ()))
        return any(_TOOK_THE_CHAIR.search(text) for text in texts)

    found: dict[int, Finding] = {}
    first, last = context.spans[chair.id]
    for k in range(first, last + 1):
        out = context.presence(chair, k) is Presence.OUT_FOR_INTEREST
        if out and not presided(k) and not says_so(k):
            found[k] = error(
                f"{names[k]}: the Chair, {_describe(chair)}, left the room for the item "
                "(a declared interest) and nobody is recorded presiding: say who took the "
                "chair for it.",
                "items",
                k,
                "blocks",
                kind=FindingKind.CROSS_CHECK,
            )
    if last >= len(meeting.items) - 1 or says_so(last) or says_so(last + 1):
        return found
    unchaired = next((k for k in range(last + 1, len(meeting.items)) if not presided(k)), None)
    if unchaired is not None:
        found[unchaired] = error(
            f"{names[unchaired]}: the Chair, {_describe(chair)}, had left (present until "
            f"{_lower_first(names[last])}) and nobody is recorded presiding: say who took the "
            f"chair in {_lower_first(names[last])}.",
            "items",
            last,
            "blocks",
            kind=FindingKind.CROSS_CHECK,
        )
    return found


# --- speaking while away ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Speaking:
    pattern: re.Pattern[str]
    owners: dict[str, Attendance]
    """Each name form (lower case, spaces made one) -> whose it is."""


def _speaking_pattern(context: _Context) -> _Speaking | None:
    """One pattern for the names of everyone away from some item, followed by a speaking verb.
    A form of name that two people share ("Councillor Patel") is left out: it names neither."""
    meeting = context.meeting
    count = len(meeting.items)
    forms_of: dict[str, set[str]] = {}
    for person in meeting.attendance:
        for form in _name_forms(person):
            forms_of.setdefault(form, set()).add(person.id)
    owners: dict[str, Attendance] = {}
    for person in meeting.attendance:
        first, last = context.spans[person.id]
        away = (
            not person.attended
            or first > 0
            or last < count - 1
            or any(s == person.id for _, s in context.where.away_from_session)
        )
        if not away:
            continue
        for form in _name_forms(person):
            if len(forms_of[form]) == 1 and " " in form:
                owners[form] = person
    if not owners:
        return None
    names = sorted(owners, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in name.split()) for name in names)
    pattern = re.compile(
        rf"\b(?P<name>(?i:{alternatives}))\s+(?:also\s+|then\s+|further\s+)?{_SPEAKING}\b"
    )
    return _Speaking(pattern, owners)


def _spoke_while_away(context: _Context, speaking: _Speaking, n: int) -> Iterator[Finding]:
    item = context.meeting.items[n]
    seen: set[str] = set()
    for text, path in _texts(item.blocks, ("items", n, "blocks")):
        if not text:
            continue
        for match in speaking.pattern.finditer(text):
            person = speaking.owners[" ".join(match.group("name").lower().split())]
            if person.id in seen:
                continue
            presence = context.presence(person, n)
            if presence not in _AWAY:
                continue
            seen.add(person.id)
            yield warning(
                f"{context.names[n]}: {_describe(person)} {context.why(person, presence, n)}, "
                f"but the minute says '{match.group(0)}'.",
                *path,
                kind=FindingKind.CROSS_CHECK,
            )


# --- the quorum -------------------------------------------------------------------------------


def quorum_findings(
    meeting: Meeting, committee: Committee | None, names: list[str]
) -> list[Finding]:
    """The first item at which fewer voting members were in the room than the committee's
    quorum: an error when a decision is recorded at it or after, else a warning."""
    quorum = committee.quorum if committee is not None else None
    if not quorum:
        return []
    counts = present_counts(meeting)
    k = first_below(counts, quorum)
    if k is None:
        return []
    present = counts[k]
    members = (
        "no voting member was"
        if present == 0
        else "only 1 voting member was"
        if present == 1
        else f"only {present} voting members were"
    )
    message = f"{names[k]}: {members} present, and the committee's quorum is {quorum}."
    decided = next(
        (
            m
            for m in range(k, len(meeting.items))
            if any(isinstance(b, Resolution) for b, _ in walk_motions(meeting.items[m].blocks))
        ),
        None,
    )
    if decided is None:
        return [warning(message, "items", k, "blocks", kind=FindingKind.QUORUM)]
    at = "at it" if decided == k else f"after it, at {_lower_first(names[decided])}"
    return [
        error(
            f"{message} A decision is recorded {at}, when the meeting could not transact business.",
            "items",
            k,
            "blocks",
            kind=FindingKind.QUORUM,
        )
    ]
