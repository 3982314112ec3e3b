"""A public copy never names someone who was present only for exempt items.

In an HR or licensing case the person concerned, their representative and the officer reporting
on them are there for the private item alone; naming them in the public copy ("Also present: Mr
J Smith (from minute 12)") says what the withheld item was about. Their part attendance by minute
is what says so. Generated meetings (seeded, so that a failure can be replayed) are rendered as
text and Word under every exempt policy and both bundled styles, and every output is searched
for their names. `bench/leaks.py` counts the same over 2,000 exports.

A person present partly for exempt items keeps their name, but the public copy's part
attendance speaks only of the items it shows in full: an end of their range on a withheld item
moves in to the nearest item that is not ("from minute 13" for someone present from the private
minute 12 on), under every policy, so that nobody is tied to a withheld item.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
import zipfile

import pytest

from clerk_app.domain.exempt import present_only_for_exempt
from clerk_app.domain.house_style import ExemptPolicy
from clerk_app.domain.model import (
    Attendance,
    AttendanceStatus,
    FollowUp,
    Interest,
    InterestAction,
    InterestKind,
    Item,
    ListEntry,
    Meeting,
    NamedVote,
    Paragraph,
    Person,
    PublicQuestions,
    Resolution,
    Role,
    StandingItem,
    VoteChoice,
)
from clerk_app.render.context import build_context
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.render.text import render_text

TITLES = ("Councillor", "Cllr", "Mrs", "Mr", "Dr", "Ms", "")
TOPICS = ("Budget", "Roads", "Planning", "Parks", "Grants", "Housing", "Libraries", "Waste")
PRIVATE = ("Staffing matters", "Licence review", "Sale of land", "Disciplinary appeal")


def _surname(rng: random.Random, used: set[str]) -> str:
    """A name that can only appear in the output where the minutes name this person."""
    while True:
        name = "Q" + "".join(rng.choice("bcdfghjkmnpqrstvwxz") for _ in range(3)) + "ovitch"
        if name not in used:
            used.add(name)
            return name


def generated_meeting(seed: int) -> Meeting:
    """A meeting with private business and part attendance: people at the whole meeting, some
    present only for runs of exempt items (named in those items' votes, actions, questions and
    declarations, as they would be) and some present for exempt and public items alike."""
    rng = random.Random(seed)
    used: set[str] = set()
    count = rng.randint(3, 10)
    exempt = [rng.random() < 0.4 for _ in range(count)]
    if not any(exempt):
        exempt[rng.randrange(count)] = True
    item_ids = [f"i{n}" for n in range(count)]

    people: list[Attendance] = []
    ranges: dict[str, tuple[int, int]] = {}

    def add(role: Role, span: tuple[int, int] | None, **fields: object) -> None:
        pid = f"p{len(people)}"
        start, end = span if span is not None else (0, count - 1)
        ranges[pid] = (start, end)
        # Part attendance as a clerk records it: one end alone when the other is the meeting's.
        form = "none"
        if span is not None:
            forms = ["both"] + ["from"] * (end == count - 1) + ["to"] * (start == 0)
            form = rng.choice(forms)
        people.append(
            Attendance(
                id=pid,
                person=Person(title=rng.choice(TITLES), name=_surname(rng, used)),
                role=role,
                present_from_item=item_ids[start] if form in ("both", "from") else None,
                present_to_item=item_ids[end] if form in ("both", "to") else None,
                **fields,  # type: ignore[arg-type]
            )
        )

    add(Role.CHAIR, None)
    for _ in range(rng.randint(2, 5)):
        add(rng.choice((Role.MEMBER, Role.VICE_CHAIR, Role.CO_OPTED)), None)
    add(Role.OFFICER, None, capacity="Democratic Services Officer")
    capacities = ("", "Solicitor", "Applicant's representative", "HR Adviser")
    runs = [n for n in range(count) if exempt[n]]
    for _ in range(rng.randint(1, 3)):  # present only for a run of exempt items
        start = rng.choice(runs)
        end = start
        while end + 1 < count and exempt[end + 1] and rng.random() < 0.5:
            end += 1
        role = rng.choice((Role.OTHER, Role.OFFICER, Role.MEMBER, Role.CO_OPTED))
        status = rng.choice((AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE))
        add(
            role,
            (start, end),
            status=status,
            remote=rng.random() < 0.3,
            capacity=rng.choice(capacities),
            substitute_for="Councillor Dunn" if status is AttendanceStatus.SUBSTITUTE else "",
        )
    for _ in range(rng.randint(0, 2)):  # present for private and public business alike
        start = rng.randrange(count)
        end = rng.randrange(start, count)
        if all(exempt[start : end + 1]):
            continue
        add(rng.choice((Role.OTHER, Role.OFFICER, Role.MEMBER)), (start, end))

    def present_at(n: int) -> list[Attendance]:
        return [p for p in people if ranges[p.id][0] <= n <= ranges[p.id][1]]

    items = []
    for n in range(count):
        here = present_at(n)
        blocks: list[object] = [Paragraph(text=f"The {rng.choice(TOPICS).lower()} were noted.")]
        if rng.random() < 0.7 and len(here) >= 2:
            proposer, seconder = rng.sample(here, 2)
            voters = rng.sample(here, rng.randint(0, len(here)))
            blocks.append(
                Resolution(
                    resolutions=(ListEntry(text="That the recommendation be agreed."),),
                    proposer_id=proposer.id,
                    seconder_id=seconder.id,
                    named_votes=tuple(
                        NamedVote(attendee_id=v.id, choice=rng.choice(list(VoteChoice)))
                        for v in voters
                    ),
                )
            )
        if exempt[n] and rng.random() < 0.5:
            asker = rng.choice(here)
            blocks.append(
                PublicQuestions(
                    questioner=asker.display_name,
                    questions=(ListEntry(text="Will the decision be reviewed?"),),
                    responder="The Director",
                    responses=(ListEntry(text="It will."),),
                )
            )
        actions: tuple[FollowUp, ...] = ()
        if rng.random() < 0.4:
            owner = rng.choice(here)
            actions = (FollowUp(action="Write to the applicant", owner=owner.display_name),)
        items.append(
            Item(
                id=item_ids[n],
                title=rng.choice(PRIVATE) if exempt[n] else rng.choice(TOPICS),
                exempt=exempt[n],
                exempt_reason="paragraph 1 of Schedule 12A" if exempt[n] else "",
                blocks=tuple(blocks),  # type: ignore[arg-type]
                actions=actions,
            )
        )
    items.insert(
        0,
        Item(
            id="dec",
            title="Declarations of Interest",
            standing=StandingItem.DECLARATIONS,
            blocks=(Paragraph(text="Declarations are listed below."),),
        ),
    )
    interests = []
    for _ in range(rng.randint(0, 4)):
        n = rng.randrange(count)
        who = rng.choice(present_at(n))
        interests.append(
            Interest(
                attendee_id=who.id,
                interest="they are related to the applicant",
                kind=rng.choice(list(InterestKind)),
                item_id=item_ids[n],
                action=rng.choice(list(InterestAction)),
            )
        )
    return Meeting(
        authority="Anytown Council",
        body="Licensing Committee",
        date=dt.date(2025, 6, 18),
        start_time=dt.time(18, 0),
        close_time=dt.time(20, 0),
        first_minute_number=rng.randint(1, 300),
        attendance=tuple(people),
        interests=tuple(interests),
        items=tuple(items),
    )


def styled(name: str, policy: ExemptPolicy) -> StyleFolder:
    folder = find_style(name)
    return dataclasses.replace(
        folder, style=folder.style.model_copy(update={"exempt_in_public": policy})
    )


def word_text(data: bytes) -> str:
    """What a reader sees and every XML part (comments, properties, headers) of a Word file."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [
            package.read(name).decode("utf-8", "replace")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        ]
    return "\n".join([visible_text(data), *parts])


def public_outputs(meeting: Meeting, style: StyleFolder, *, public: bool = True) -> list[str]:
    return [
        render_text(meeting, style, public=public),
        word_text(render_docx(meeting, style, public=public)),
    ]


def named_in(text: str, people: list[Attendance]) -> list[str]:
    return [p.person.name for p in people if p.person.name in text]


SEEDS = range(40)


@pytest.mark.parametrize("name", ["leicester", "parish"])
@pytest.mark.parametrize("policy", list(ExemptPolicy))
def test_nobody_present_only_for_exempt_items_is_named_in_a_public_copy(
    name: str, policy: ExemptPolicy
) -> None:
    style = styled(name, policy)
    named_in_confidence = 0
    for seed in SEEDS:
        meeting = generated_meeting(seed)
        hidden = present_only_for_exempt(meeting)
        assert hidden, f"seed {seed}: the generator made nobody to hide"
        for output in public_outputs(meeting, style):
            assert named_in(output, hidden) == [], f"seed {seed} names them"
        # The confidential copy names them, so a search that finds nothing means something.
        confidential = render_text(meeting, style, public=False)
        named_in_confidence += bool(named_in(confidential, hidden))
    assert named_in_confidence == len(SEEDS)


@pytest.mark.parametrize("policy", list(ExemptPolicy))
def test_someone_present_partly_for_exempt_items_is_named_with_the_public_items_only(
    policy: ExemptPolicy,
) -> None:
    items = (
        Item(id="a", title="Budget", blocks=(Paragraph(text="Noted."),)),
        Item(id="b", title="Staffing", exempt=True, blocks=(Paragraph(text="Noted."),)),
        Item(id="c", title="Roads", blocks=(Paragraph(text="Noted."),)),
        Item(id="d", title="Land", exempt=True, blocks=(Paragraph(text="Noted."),)),
    )
    people = (
        Attendance(id="chair", person=Person(title="Cllr", name="Ames"), role=Role.CHAIR),
        Attendance(  # came for the private staffing item and stayed for roads
            id="in", person=Person(name="Quinn"), present_from_item="b", present_to_item="c"
        ),
        Attendance(  # there for the budget and roads, left after the land sale
            id="out", person=Person(name="Royce"), present_to_item="d"
        ),
        Attendance(id="hr", person=Person(name="Shaw"), present_from_item="d"),
    )
    meeting = Meeting(
        date=dt.date(2025, 6, 18), first_minute_number=11, items=items, attendance=people
    )
    style = styled("leicester", policy).style
    public = {p.id: p for p in build_context(meeting, style).attendance.everyone}
    assert set(public) == {"chair", "in", "out"}
    assert (public["in"].from_minute, public["in"].to_minute) == ("13", "13")
    assert public["in"].part_attendance == "from minute 13 to minute 13"
    assert (public["out"].from_minute, public["out"].to_minute) == ("", "13")
    confidential = {
        p.id: p for p in build_context(meeting, style, public=False).attendance.everyone
    }
    assert set(confidential) == {"chair", "in", "out", "hr"}
    assert confidential["in"].part_attendance == "from minute 12 to minute 13"
    assert confidential["out"].part_attendance == "until minute 14"


def test_declarations_and_votes_by_someone_hidden_are_left_out_of_the_public_copy() -> None:
    items = (
        Item(id="dec", title="Declarations of Interest", standing=StandingItem.DECLARATIONS),
        Item(
            id="hr",
            title="Staffing",
            exempt=True,
            exempt_reason="paragraph 1",
            blocks=(Paragraph(text="Noted."),),
        ),
    )
    people = (
        Attendance(id="chair", person=Person(title="Cllr", name="Ames"), role=Role.CHAIR),
        Attendance(id="rep", person=Person(name="Quill"), present_from_item="hr"),
    )
    meeting = Meeting(
        date=dt.date(2025, 6, 18),
        items=items,
        attendance=people,
        interests=(
            Interest(attendee_id="rep", interest="is the employee's partner", item_id="hr"),
            Interest(attendee_id="chair", interest="knows the employee", item_id="hr"),
        ),
    )
    for policy in ExemptPolicy:
        context = build_context(meeting, styled("leicester", policy).style)
        assert [i.person for i in context.interests] == ["Cllr Ames"]
        by_item = [i.person for v in context.items for i in v.interests]
        assert by_item == ([] if policy is ExemptPolicy.OMIT else ["Cllr Ames"])
        for output in public_outputs(meeting, styled("parish", policy)):
            assert "Quill" not in output
    confidential = build_context(
        meeting, styled("leicester", ExemptPolicy.OMIT).style, public=False
    )
    assert [i.person for i in confidential.interests] == ["Quill", "Cllr Ames"]
