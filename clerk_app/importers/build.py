"""An imported agenda made into a meeting: the source's words mapped onto the domain.

- People: "Councillor Elly Cutkelvin" is the title "Councillor" and the name "Elly Cutkelvin";
  the source's role words ("Committee Member", "Vice-Chair", "Voting Member", "Co-opted Member
  (non-voting)", "Officer") become roles, and its attendance words ("Expected", "Apologies",
  "Present as substitute", a roll call's "Excused") become the expected attendance.
- Items: in agenda order, with their titles and agenda numbers; the standing items a title
  names ("Declarations of Interest", "Minutes of the Previous Meeting") are marked so; a heading
  ("PART B", "CONSENT CALENDAR") becomes a section over the items after it; restricted items are
  exempt, citing the Schedule 12A paragraph the agenda gives, else with the reason to be filled
  (`clerk-app check` says so). Where the agenda has exempt business and no exclusion of the press
  and public, the usual exclusion is put before the first exempt item (the law asks for it).
- Results a source publishes (Legistar's mover, seconder, tally, votes) become the item's
  resolution, the people matched by name to the attendance.
- Joined to a committee (`join_to_committee`), the meeting is the committee's next meeting
  prepared (numbers, previous minutes, matters arising, members' ids), with the agenda's items
  and attendees over it; `committee_with_members` makes a committee's membership from a site.

Pure: no I/O, no Qt. Each function returns what it made and the notes the clerk should read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from clerk_app.domain.committee import (
    EXCLUSION_ID,
    MEMBER_ROLES,
    Committee,
    Member,
    RegularAttendee,
    StandingItemText,
    exclusion_item,
)
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    STANDING_ITEM_TITLES,
    Attendance,
    AttendanceStatus,
    Item,
    ListEntry,
    Meeting,
    NamedVote,
    Outcome,
    Person,
    Resolution,
    Role,
    Section,
    SectionKind,
    StandingItem,
    VoteChoice,
    new_id,
)
from clerk_app.importers.agenda import Agenda, AgendaItem, Attendee, cited_reason

# --- people -----------------------------------------------------------------------------------

TITLES = (
    "Councillor",
    "Cllr",
    "Cllr.",
    "Alderman",
    "Alderwoman",
    "Mayor",
    "Deputy Mayor",
    "Council Member",
    "Councilmember",
    "Council President",
    "Commissioner",
    "Supervisor",
    "Vice Mayor",
    "Professor",
    "Prof",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Mx",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Revd",
    "Rev",
    "Rev.",
    "Reverend",
)
_TITLE = re.compile(
    r"^(?P<title>(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r"))\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


def _count(number: int, thing: str) -> str:
    """ "1 open action", "4 open actions"."""
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


def clean(text: str) -> str:
    """Runs of white space (a non-breaking space, a tab, a line break) as one space, trimmed."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def split_name(text: str) -> Person:
    """The person a source names: "Councillor Elly Cutkelvin" -> title "Councillor", name
    "Elly Cutkelvin"; "Cllr. Batool" -> "Councillor" is not assumed: the title as given."""
    name = clean(text)
    match = _TITLE.match(name)
    if match is None:
        return Person(name=name)
    title = match.group("title").rstrip(".")
    canonical = next((t for t in TITLES if t.casefold() == title.casefold()), title)
    return Person(title=canonical, name=match.group("rest").strip())


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z]+", " ", text.casefold()).strip() + " "


def role_of(attendee: Attendee) -> Role:
    """The role a source's words give: chair, vice-chair, co-opted, member, officer or also
    present. Unknown words: a member if they are titled as one ("Councillor"), else also
    present."""
    words = _words(attendee.role)
    if " vice " in words and (" chair" in words or " president " in words or "mayor" in words):
        return Role.VICE_CHAIR
    if words.startswith((" chair", " mayor ", " president ", " presiding ")):
        return Role.CHAIR
    if " chair " in words or " chairman " in words or " chairperson " in words:
        return Role.CHAIR
    if "co opt" in words or " coopt" in words or " non voting " in words or "ex officio" in words:
        return Role.CO_OPTED
    if any(
        w in words
        for w in (" officer ", " clerk ", " director ", " manager ", " head ", " lawyer ")
    ):
        return Role.OFFICER
    if any(
        w in words for w in (" member ", " councillor ", " voting ", " substitute ", " reserve ")
    ):
        return Role.MEMBER
    if " councilmember " in words or " alderman " in words or " alderperson " in words:
        return Role.MEMBER
    if " in attendance " in _words(attendee.attendance) or " attendance " in words:
        return Role.OTHER
    person = split_name(attendee.name)
    if person.title.casefold() in ("councillor", "cllr", "councilmember", "council member"):
        return Role.MEMBER
    return Role.OTHER


_GENERIC_ROLES = frozenset(
    {
        "",
        "officer",
        "officers",
        "other",
        "others",
        "attendee",
        "guest",
        "in attendance",
        "also present",
        "also in attendance",
        "co-opted member",
        "co-opted",
        "non-voting member",
        "voting member",
        "member",
        "committee member",
    }
)


def capacity_of(attendee: Attendee, role: Role) -> str:
    """What the person is there as, for the minutes' "Name – capacity": the source's own
    capacity, else the words of a role that says more than the role itself ("Youth
    Representative", "Assistant City Mayor for Education", a co-opted member's "(Parent
    Governor Representative (Primary))"). Nothing for a chair, vice-chair or member."""
    if attendee.capacity.strip():
        return clean(attendee.capacity)
    words = clean(attendee.role)
    if role in (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER):
        return ""
    if role is Role.CO_OPTED:
        start, end = words.find("("), words.rfind(")")
        inner = words[start + 1 : end].strip() if 0 <= start < end else ""
        return "" if inner.casefold() in ("non-voting", "voting", "non voting") else inner
    return "" if words.casefold() in _GENERIC_ROLES else words


def votes_of(attendee: Attendee) -> bool:
    """False for a member the source says has no vote ("Co-opted Member (non-voting)")."""
    words = _words(attendee.role)
    return not (" non voting " in words or " without a vote " in words or " no vote " in words)


def status_of(attendee: Attendee) -> AttendanceStatus:
    """The expected attendance a source's words give ("Expected", "Apologies", "Present as
    substitute", a roll call's "Excused"); empty: present (expected)."""
    words = _words(attendee.attendance)
    if (" substitute " in words and " sent " not in words) or attendee.substitute_for:
        return AttendanceStatus.SUBSTITUTE
    if " apolog" in words or " excused " in words or " leave " in words:
        return AttendanceStatus.APOLOGIES
    if " absent " in words or " not present " in words or " did not attend " in words:
        return AttendanceStatus.ABSENT
    return AttendanceStatus.PRESENT


def _key(person: Person) -> tuple[str, str]:
    """Who a person is for matching: the full name, and the surname (casefolded)."""
    return clean(person.full_name).casefold(), person.surname.casefold()


def _match(person: Person, known: Sequence[tuple[Person, str]]) -> str | None:
    """The id of the known person `person` is: the same full name, else the only one with the
    same surname and title (a minute's "Councillor Batool" and a site's "Councillor Sabina
    Batool")."""
    full, surname = _key(person)
    for other, other_id in known:
        if _key(other)[0] == full:
            return other_id
    same = [
        other_id
        for other, other_id in known
        if _key(other)[1] == surname
        and (not other.title or not person.title or other.title == person.title)
    ]
    return same[0] if len(same) == 1 else None


def attendance_from(
    attendees: Iterable[Attendee], known: Sequence[tuple[Person, str]] = ()
) -> tuple[Attendance, ...]:
    """The attendees as the meeting's expected attendance, in the source's order; someone
    matched to a `known` person (a committee's member) takes their id. The same person twice
    (a site that lists a member under two roles) is kept once."""
    result: list[Attendance] = []
    used: set[str] = set()
    seen_names: set[str] = set()
    for attendee in attendees:
        person = split_name(attendee.name)
        if not person.full_name:
            continue
        name_key = _key(person)[0]
        if name_key in seen_names:
            continue
        seen_names.add(name_key)
        attendee_id = _match(person, known)
        if attendee_id is None or attendee_id in used:
            attendee_id = new_id()
        used.add(attendee_id)
        status = status_of(attendee)
        role = role_of(attendee)
        result.append(
            Attendance(
                id=attendee_id,
                person=person,
                role=role,
                capacity=capacity_of(attendee, role),
                status=status,
                substitute_for=clean(attendee.substitute_for),
                votes=votes_of(attendee) if role is Role.CO_OPTED else True,
            )
        )
    return tuple(result)


# --- items ------------------------------------------------------------------------------------

_STANDING_WORDS: tuple[tuple[StandingItem, re.Pattern[str]], ...] = tuple(
    (standing, re.compile(pattern, re.IGNORECASE))
    for standing, pattern in (
        (StandingItem.WELCOME_AND_APOLOGIES, r"\bapologies\b"),
        (StandingItem.DECLARATIONS, r"\b(declarations?|disclosures?) of (interests?|pecuniary)"),
        (
            StandingItem.PREVIOUS_MINUTES,
            r"^(confirmation of |approval of )?(the )?minutes\b|\bminutes of (the )?(previous|last)"
            r"|^approval of (the )?minutes",
        ),
        (StandingItem.MATTERS_ARISING, r"\bmatters arising\b"),
        (StandingItem.CHAIRS_ANNOUNCEMENTS, r"\bchair(man|person)?'?s'? announcements?\b"),
        (StandingItem.QUESTIONS, r"^(public )?questions\b|\bquestions, representations\b"),
        (StandingItem.PETITIONS, r"^petitions?\b"),
        (StandingItem.WORK_PROGRAMME, r"\bwork ?programme\b|\bforward plan\b"),
        (StandingItem.ANY_OTHER_BUSINESS, r"\bany other (urgent )?business\b"),
        (
            StandingItem.EXCLUSION_OF_PUBLIC,
            r"\bexclusion of (the )?(press|public)|\bprivate session\b",
        ),
        (StandingItem.MEMBERSHIP, r"^membership( of the| of)?\b"),
        (StandingItem.DATES_OF_MEETINGS, r"^dates? of (future )?meetings\b"),
        (StandingItem.TERMS_OF_REFERENCE, r"^terms of reference\b"),
    )
)


def standing_of(title: str) -> StandingItem | None:
    """The standing item an agenda title names, if any."""
    text = clean(title)
    for standing, pattern in _STANDING_WORDS:
        if pattern.search(text):
            return standing
    return None


_HEADING_KINDS = (
    (re.compile(r"\bconsent\b", re.IGNORECASE), SectionKind.CONSENT),
    (re.compile(r"\bclosed session\b", re.IGNORECASE), SectionKind.CLOSED),
    (re.compile(r"^part\b", re.IGNORECASE), SectionKind.PART),
    (re.compile(r"\breports? of\b", re.IGNORECASE), SectionKind.REPORTS),
)
_PART_LABEL = re.compile(r"^(part\s+\w+)\s*[-:–]?\s*(.*)$", re.IGNORECASE)


def _section(heading: AgendaItem) -> Section:
    title = clean(heading.title)
    kind = next((k for pattern, k in _HEADING_KINDS if pattern.search(title)), SectionKind.OTHER)
    label = clean(heading.number)
    match = _PART_LABEL.match(title)
    if kind is SectionKind.PART and match is not None and not label:
        label = match.group(1).title()
    return Section(title=title, kind=kind, label=label)


_SUB_NUMBER = re.compile(r"^(?P<parent>[A-Za-z]?\d+)(?:\.\d+|\s*\(?[a-z]\)|[a-z])$")


def _results(item: AgendaItem, people: Sequence[tuple[Person, str]]) -> Resolution | None:
    """The resolution a source's results give (mover, seconder, result, tally, votes)."""
    if not (item.result or item.mover or item.seconder or item.votes or item.tally):
        return None
    proposer = _match(split_name(item.mover), people) if item.mover else None
    seconder = _match(split_name(item.seconder), people) if item.seconder else None
    words = _words(item.result + " " + item.action)
    outcome: Outcome | None = None
    if any(w in words for w in (" pass", " carried ", " adopted ", " approved ", " agreed ")):
        outcome = Outcome.CARRIED
    elif any(w in words for w in (" fail", " lost ", " defeated ", " rejected ", " denied ")):
        outcome = Outcome.LOST
    elif " withdrawn " in words:
        outcome = Outcome.WITHDRAWN
    named: list[NamedVote] = []
    for vote in item.votes:
        voter = _match(split_name(vote.name), people)
        choice = _choice(vote.value)
        if voter is not None and choice is not None and all(v.attendee_id != voter for v in named):
            named.append(NamedVote(attendee_id=voter, choice=choice))
    votes_for = votes_against = abstentions = None
    tally = re.fullmatch(r"\s*(\d+)\s*[:\-–/]\s*(\d+)(?:\s*[:\-–/]\s*(\d+))?\s*", item.tally)
    if tally is not None:
        votes_for, votes_against = int(tally.group(1)), int(tally.group(2))
        abstentions = int(tally.group(3)) if tally.group(3) else None
    elif named:
        votes_for = sum(v.choice is VoteChoice.FOR for v in named)
        votes_against = sum(v.choice is VoteChoice.AGAINST for v in named)
        abstentions = sum(v.choice is VoteChoice.ABSTAIN for v in named) or None
    text = clean(item.action)
    entries = (ListEntry(text=text[0].upper() + text[1:]),) if text else ()
    return Resolution(
        resolutions=entries,
        proposer_id=proposer,
        seconder_id=seconder,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        named_votes=tuple(named),
        outcome=outcome,
        recorded_vote=bool(named),
    )


def _choice(value: str) -> VoteChoice | None:
    words = _words(value)
    if any(w in words for w in (" aye ", " yes ", " yea ", " for ", " in favour ", " in favor ")):
        return VoteChoice.FOR
    if any(w in words for w in (" nay ", " no ", " against ", " opposed ")):
        return VoteChoice.AGAINST
    if " abstain" in words:
        return VoteChoice.ABSTAIN
    if " recus" in words or " conflict " in words:
        return VoteChoice.RECUSED
    if " absent " in words or " excused " in words:
        return VoteChoice.ABSENT
    return None


def _items(
    agenda: Agenda, people: Sequence[tuple[Person, str]]
) -> tuple[list[Item], list[Section], list[str]]:
    items: list[Item] = []
    sections: list[Section] = []
    notes: list[str] = []
    section_id: str | None = None
    by_number: dict[str, str] = {}
    untitled = 0
    for source in agenda.items:
        if source.heading:
            section = _section(source)
            sections.append(section)
            section_id = section.id
            continue
        title = clean(source.title)
        number = clean(source.number)
        if not title:
            untitled += 1
            title = f"Item {number}" if number else "Untitled item"
        parent: str | None = None
        sub = _SUB_NUMBER.match(number)
        if sub is not None and sub.group("parent") in by_number:
            parent = by_number[sub.group("parent")]
        result = _results(source, people)
        item = Item(
            title=title,
            standing=standing_of(title),
            exempt=source.exempt,
            exempt_reason=clean(source.exempt_reason)
            or (cited_reason(source.agenda_text + " " + title) if source.exempt else ""),
            agenda_number=number,
            agenda_text=source.agenda_text.strip(),
            recommendation=source.recommendation.strip(),
            department=clean(source.department),
            report_reference=clean(source.report_reference),
            parent_id=parent,
            section_id=section_id,
            blocks=(result,) if result is not None else (),
        )
        if number:
            by_number.setdefault(number.rstrip("."), item.id)
        items.append(item)
    if untitled:
        notes.append(
            f"{_count(untitled, 'item')} had no title on the agenda: each is named by its number"
        )
    reasons = sum(item.exempt and not item.exempt_reason for item in items)
    if reasons:
        notes.append(
            f"{_count(reasons, 'exempt item')} {'gives' if reasons == 1 else 'give'} no reason "
            "for excluding the public: fill it in "
            "(the paragraph of Schedule 12A)"
        )
    return items, sections, notes


def _with_exclusion(items: list[Item], style: HouseStyle) -> list[Item]:
    """The items with the usual exclusion of the press and public before the first exempt one,
    unless an exclusion comes before it already."""
    first = next((n for n, item in enumerate(items) if item.exempt), None)
    if first is None or any(
        item.standing is StandingItem.EXCLUSION_OF_PUBLIC for item in items[:first]
    ):
        return items
    exclusion = exclusion_item(style, None)
    if any(item.id == EXCLUSION_ID for item in items):
        exclusion = exclusion.model_copy(update={"id": new_id()})
    exclusion = exclusion.model_copy(update={"section_id": items[first].section_id})
    return [*items[:first], exclusion, *items[first:]]


def meeting_from_agenda(agenda: Agenda, style: HouseStyle) -> tuple[Meeting, tuple[str, ...]]:
    """The agenda as a meeting of its own (no committee file), in `style`."""
    attendance = attendance_from(agenda.attendees)
    people = [(a.person, a.id) for a in attendance]
    items, sections, notes = _items(agenda, people)
    meeting = Meeting(
        authority=clean(agenda.authority),
        body=clean(agenda.body),
        date=agenda.date,
        start_time=agenda.time,
        venue=clean(agenda.venue),
        house_style=style.name,
        attendance=attendance,
        items=tuple(_with_exclusion(items, style)),
        sections=tuple(sections),
        first_minute_number=_first_minute(agenda),
    )
    return meeting, tuple(notes)


def _first_minute(agenda: Agenda) -> int:
    """The minute number the site gave the first item (ModernGov's `minutesitemnumber`, once
    the minutes are numbered: "149"), so that the minutes run on the council's numbers; 1 when
    it gives none."""
    for item in agenda.items:
        if item.heading:
            continue
        number = item.minute_number.strip().rstrip(".")
        return int(number) if number.isdigit() and 1 <= int(number) <= 1_000_000 else 1
    return 1


def join_to_committee(
    agenda: Agenda, prepared: Meeting, committee: Committee, style: HouseStyle
) -> tuple[Meeting, tuple[str, ...]]:
    """The agenda over the committee's meeting prepared for its date (`prepared`, from
    `prepare_meeting`): the agenda's items in its order, each standing item taking the prepared
    one's minute (the previous minutes' resolution, the usual text) and the carried actions kept
    (matters arising added after the previous minutes if the agenda has none); the attendees
    matched to the committee's people by name (so that a member keeps their id from meeting to
    meeting), the committee's members the site does not list kept as expected."""
    known = [(member.person, member.id) for member in committee.members]
    known += [(other.person, other.id) for other in committee.attendees]
    listed = attendance_from(agenda.attendees, known)
    listed_ids = {a.id for a in listed}
    kept = [a for a in prepared.attendance if a.id not in listed_ids]
    # the committee's word on a member's role and vote, the site's on their attendance
    by_id = {a.id: a for a in prepared.attendance}
    attendance = tuple(
        a.model_copy(
            update={
                "role": by_id[a.id].role,
                "capacity": by_id[a.id].capacity or a.capacity,
                "votes": by_id[a.id].votes,
                "person": by_id[a.id].person,
            }
        )
        if a.id in by_id and a.status is not AttendanceStatus.SUBSTITUTE
        else a
        for a in listed
    ) + tuple(kept)
    people = [(a.person, a.id) for a in attendance]
    items, sections, notes = _items(agenda, people)
    unused = list(prepared.items)
    merged: list[Item] = []
    for item in items:
        twin = next(
            (p for p in unused if item.standing is not None and p.standing is item.standing),
            None,
        )
        if twin is None:
            merged.append(item)
            continue
        unused.remove(twin)
        merged.append(
            twin.model_copy(
                update={
                    "title": item.title,
                    "agenda_number": item.agenda_number,
                    "agenda_text": item.agenda_text or twin.agenda_text,
                    "section_id": item.section_id,
                    "exempt": item.exempt or twin.exempt,
                    "exempt_reason": item.exempt_reason or twin.exempt_reason,
                    "report_reference": item.report_reference or twin.report_reference,
                    "blocks": twin.blocks or item.blocks,
                }
            )
        )
    for left in unused:
        if not left.actions:
            continue  # a standing item this agenda does not take
        if left.exempt:
            merged.append(left)
            continue
        after = next(
            (n + 1 for n, i in enumerate(merged) if i.standing is StandingItem.PREVIOUS_MINUTES),
            None,
        )
        if after is None:
            after = next(
                (
                    n
                    for n, i in enumerate(merged)
                    if i.standing
                    not in (StandingItem.WELCOME_AND_APOLOGIES, StandingItem.DECLARATIONS)
                ),
                len(merged),
            )
        merged.insert(after, left)
        notes.append(
            "the agenda has no matters arising: "
            f"{_count(len(left.actions), 'open action')} carried "
            "under an item of their own"
        )
    if kept and agenda.attendees:
        members = sum(a.role in MEMBER_ROLES for a in kept)
        if members:
            notes.append(
                f"{_count(members, 'member')} of the committee file "
                f"{'is' if members == 1 else 'are'} not on the site's list: kept as "
                "expected (check the membership)"
            )
    meeting = prepared.model_copy(
        update={
            "date": agenda.date,
            "start_time": agenda.time or prepared.start_time,
            "venue": clean(agenda.venue) or prepared.venue,
            "attendance": attendance,
            "items": tuple(_with_exclusion(merged, style)),
            "sections": tuple(sections),
        }
    )
    # validated again: the merged parts must make a meeting
    return Meeting.model_validate(meeting.model_dump()), tuple(notes)


def committee_with_members(
    people: Iterable[Attendee],
    style: HouseStyle,
    *,
    name: str = "",
    committee: Committee | None = None,
) -> tuple[Committee, tuple[str, ...]]:
    """A committee's membership from a site's list of people: its members (chair, vice-chair,
    members, co-opted) and usual attendees (officers, others). Substitutes and people sent
    apologies for are members too; someone listed as substituting for a member is not (they sat
    once). Over `committee` when given: its members matched by name keep their ids, the others
    are replaced; else a new committee named `name` in `style`."""
    known: list[tuple[Person, str]] = []
    if committee is not None:
        known = [(m.person, m.id) for m in committee.members]
        known += [(a.person, a.id) for a in committee.attendees]
    members: list[Member] = []
    attendees: list[RegularAttendee] = []
    used: set[str] = set()
    substitutes = 0
    for person_seen in attendance_from(people, known):
        if person_seen.status is AttendanceStatus.SUBSTITUTE or person_seen.substitute_for:
            substitutes += 1
            continue
        if person_seen.id in used:
            continue
        used.add(person_seen.id)
        if person_seen.role in MEMBER_ROLES:
            members.append(
                Member(
                    id=person_seen.id,
                    person=person_seen.person,
                    role=person_seen.role,
                    capacity=person_seen.capacity,
                    votes=person_seen.votes,
                )
            )
        else:
            attendees.append(
                RegularAttendee(
                    id=person_seen.id,
                    person=person_seen.person,
                    role=person_seen.role,
                    capacity=person_seen.capacity,
                )
            )
    terms = {clean(p.name).casefold(): p for p in people}
    members = [
        m.model_copy(
            update={
                "term_from": terms[k].term_from if k in terms else None,
                "term_to": terms[k].term_to if k in terms else None,
            }
        )
        if (k := clean(f"{m.person.title} {m.person.name}").casefold()) in terms
        else m
        for m in members
    ]
    notes: list[str] = []
    if substitutes:
        notes.append(f"{_count(substitutes, 'substitute')} left out: they sat in a member's place")
    if committee is None:
        made = Committee(
            name=clean(name),
            house_style=style.name,
            members=tuple(members),
            attendees=tuple(attendees),
            standing_items=tuple(_usual_standing_items()),
        )
    else:
        made = committee.model_copy(
            update={"members": tuple(members), "attendees": tuple(attendees)}
        )
    return Committee.model_validate(made.model_dump()), tuple(notes)


def _usual_standing_items() -> list[StandingItemText]:
    return [
        StandingItemText(title=STANDING_ITEM_TITLES[s], standing=s)
        for s in (
            StandingItem.WELCOME_AND_APOLOGIES,
            StandingItem.DECLARATIONS,
            StandingItem.PREVIOUS_MINUTES,
        )
    ]
