"""Issue 11's "Done when": every kind of element format 2 added has a model home, a form that
edits it, a template-context field, and appears in at least one shipped sample.

`ELEMENTS` is the list, one row per element of the issue: where the model holds it, where the
template context gives it (and that a built context really has it), the widget that edits it
(checked in a real main window, opened on the kitchen-sink meeting saved to a file: the widget
exists, is enabled and shown on its page, and shows the meeting's value), and a test of a
loaded meeting that at least one file in resources/samples passes. A last test walks the
model: every field format 2 added is some element's home, so a field added later without a
form (or a row here) fails.

    python -m tests.test_format2_elements

prints the "Where each element lives" section of docs/file-format.md from the table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from pydantic import BaseModel

from clerk_app import locations
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    Adjournment,
    BreakKind,
    Heading,
    Instrument,
    Item,
    LeadWord,
    ListNumbering,
    Meeting,
    MeetingKind,
    MotionKind,
    NamedVote,
    NoticeOfMotion,
    NumberedList,
    Outcome,
    Person,
    Position,
    Resolution,
    RollAnswer,
    RollCallEntry,
    Section,
    SectionKind,
    Session,
    SessionKind,
    Signatory,
    Speaker,
    SpeakerKind,
    Table,
    VoteChoice,
)
from clerk_app.render.context import (
    BreakView,
    EntryView,
    HeadingView,
    ItemView,
    ListView,
    MeetingView,
    MinutesContext,
    NamedVotesView,
    NoticeView,
    PersonView,
    ResolutionView,
    RollCallView,
    SectionView,
    SessionView,
    SignatoryView,
    SpeakerView,
    StyleView,
    TableView,
    VoteView,
    build_context,
)
from clerk_app.render.styles import available_styles, find_style
from clerk_app.services.settings import Settings
from clerk_app.storage import load_meeting, save_meeting
from clerk_app.ui.body_editor import BodyEditor
from clerk_app.ui.dialogs import Dialogs
from clerk_app.ui.forms.resolutions_panel import ResolutionGroup
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from clerk_app.ui.navigator import Section as NavSection
from clerk_app.ui.tables import RecordTable
from clerk_app.ui.widgets.panel_inputs import CountSpin, WordChoice
from tests.people import entries
from tests.render.kitchen_sink import kitchen_sink

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

# --- the meeting the forms are opened on -----------------------------------------------------


def _item(meeting: Meeting, item_id: str, **fields: Any) -> Meeting:
    items = tuple(i.model_copy(update=fields) if i.id == item_id else i for i in meeting.items)
    return meeting.model_copy(update={"items": items})


@cache
def form_meeting() -> Meeting:
    """The kitchen sink (tests/render/kitchen_sink.py) in a style with a motion wording, with
    what it lacks added: an item's own label, agenda number (taken out of order) and agenda
    particulars, a short form of a name, a consent agenda and reports of committees, an
    adjournment to another day, and the substantive motion as amended."""
    meeting = kitchen_sink("district")
    attendance = list(meeting.attendance)
    attendance[0] = attendance[0].model_copy(
        update={"person": attendance[0].person.model_copy(update={"short_name": "L. Moore"})}
    )
    meeting = meeting.model_copy(
        update={
            "attendance": tuple(attendance),
            "sections": (
                *meeting.sections,
                Section(
                    id="consent",
                    title="Consent agenda",
                    kind=SectionKind.CONSENT,
                    note="The following items were approved on one motion.",
                ),
                Section(id="reports", title="Reports of committees", kind=SectionKind.REPORTS),
            ),
            "adjournments": (
                *meeting.adjournments,
                Adjournment(
                    kind=BreakKind.ADJOURNMENT,
                    after_item_id="notice",
                    from_time=dt.time(21, 0),
                    resumed_on=dt.date(2025, 3, 13),
                    note="The meeting stood adjourned to 13 March",
                ),
            ),
        }
    )
    meeting = _item(
        meeting,
        "bylaw",
        label="A12",
        agenda_number="12",
        section_id="consent",
        agenda_text="To consider the draft dog control by-law.",
        recommendation="That the Council make the by-law.",
        department="Environmental Services",
        report_reference="ENV/25/03",
        written_comments=5,
    )
    meeting = _item(meeting, "notice", agenda_number="11", section_id="reports")
    parks = meeting.item("parks")
    assert parks is not None
    substantive = Resolution(
        kind=MotionKind.SUBSTANTIVE,
        relates_to="m1",
        resolutions=entries("That the green at Mill Lane stay open."),
        numbered=False,
        outcome=Outcome.CARRIED,
    )
    return _item(meeting, "parks", blocks=(*parks.blocks, substantive))


# --- walking meetings and contexts -------------------------------------------------------------


def all_blocks(blocks: tuple[Any, ...]) -> Iterator[Any]:
    """Every block, with those inside list entries (of lists, resolutions, questions)."""
    for block in blocks:
        yield block
        for name in ("entries", "resolutions", "questions", "responses"):
            for entry in getattr(block, name, ()) or ():
                yield from all_blocks(entry.blocks)


def resolutions(meeting: Meeting) -> Iterator[Resolution]:
    for item in meeting.items:
        yield from (b for b in all_blocks(item.blocks) if isinstance(b, Resolution))


def people(meeting: Meeting) -> Iterator[Person]:
    yield from (a.person for a in meeting.attendance)
    yield from (s.person for s in meeting.speakers)


def view_blocks(context: MinutesContext) -> Iterator[Any]:
    def walk(blocks: tuple[Any, ...]) -> Iterator[Any]:
        for block in blocks:
            yield block
            for name in ("entries", "resolutions", "questions", "responses"):
                for entry in getattr(block, name, ()) or ():
                    if isinstance(entry, EntryView):
                        yield from walk(entry.blocks)

    for item in context.items:
        yield from walk(item.blocks)


def view_resolutions(context: MinutesContext) -> Iterator[ResolutionView]:
    yield from (b for b in view_blocks(context) if isinstance(b, ResolutionView))


LETTERS = (ListNumbering.LOWER_ALPHA, ListNumbering.UPPER_ALPHA)
ROMAN = (ListNumbering.LOWER_ROMAN, ListNumbering.UPPER_ROMAN)


@dataclass(frozen=True)
class Contexts:
    """The form meeting's context, the full copy and the public one, and the meeting."""

    full: MinutesContext
    public: MinutesContext
    meeting: Meeting


@cache
def contexts() -> Contexts:
    meeting = form_meeting()
    style = find_style(meeting.house_style).style
    return Contexts(
        build_context(meeting, style, public=False),
        build_context(meeting, style, public=True),
        meeting,
    )


def style_of(meeting: Meeting) -> HouseStyle:
    return find_style(meeting.house_style).style


# --- finding what a widget should show -------------------------------------------------------


@dataclass(frozen=True)
class Pick:
    """Where in the meeting the widget's value is, and the value."""

    value: object
    item: str | None = None
    """The item whose page shows it."""
    group: int = 0
    """Which block's group of the item (the resolution, table or notice of that kind)."""
    row: int = 0
    """The record's row in a table, or which of the widgets of that name."""
    master: int = 0
    """The row the master table must be on (the session, person or speaker shown)."""


Picker = Callable[[Meeting], Pick | None]
B = TypeVar("B")
R = TypeVar("R")


def of_meeting(get: Callable[[Meeting], object]) -> Picker:
    return lambda m: Pick(get(m))


def of_item(cond: Callable[[Item], bool], get: Callable[[Item], object]) -> Picker:
    def pick(meeting: Meeting) -> Pick | None:
        found = next((i for i in meeting.items if cond(i)), None)
        return None if found is None else Pick(get(found), item=found.id)

    return pick


def of_block(
    kind: type[B], cond: Callable[[B], bool], get: Callable[[B], object], *, row: int = 0
) -> Picker:
    """The first top-level block of `kind` passing `cond`, on its item's page, in its group."""

    def pick(meeting: Meeting) -> Pick | None:
        for item in meeting.items:
            mine = [b for b in item.blocks if isinstance(b, kind)]
            for ordinal, block in enumerate(mine):
                if cond(block):
                    return Pick(get(block), item=item.id, group=ordinal, row=row)
        return None

    return pick


def of_vote(cond: Callable[[NamedVote], bool], get: Callable[[NamedVote], object]) -> Picker:
    """The first named vote passing `cond`: its row among the resolution's named votes."""

    def pick(meeting: Meeting) -> Pick | None:
        for item in meeting.items:
            mine = [b for b in item.blocks if isinstance(b, Resolution)]
            for ordinal, block in enumerate(mine):
                for n, vote in enumerate(block.named_votes):
                    if cond(vote):
                        return Pick(get(vote), item=item.id, group=ordinal, row=n)
        return None

    return pick


def roll_order(meeting: Meeting) -> Pick | None:
    """The named votes' rows of the first recorded vote, by whom: in roll-call order."""

    def picked(r: Resolution) -> object:
        names = [meeting.attendee(v.attendee_id) for v in r.named_votes]
        return tuple(f"Vote of {a.display_name}" for a in names if a is not None)

    return of_block(Resolution, lambda r: len(r.named_votes) > 1, picked)(meeting)


def of_record(
    records: Callable[[Meeting], tuple[R, ...]],
    cond: Callable[[R], bool],
    get: Callable[[R], object],
) -> Picker:
    def pick(meeting: Meeting) -> Pick | None:
        for n, record in enumerate(records(meeting)):
            if cond(record):
                value = get(record)
                return Pick(value, row=n, master=n)
        return None

    return pick


def of_roll(
    cond: Callable[[RollCallEntry], bool], get: Callable[[RollCallEntry], object]
) -> Picker:
    def pick(meeting: Meeting) -> Pick | None:
        for s, session in enumerate(meeting.sessions):
            for n, entry in enumerate(session.roll_call):
                if cond(entry):
                    return Pick(get(entry), row=n, master=s)
        return None

    return pick


def in_markup(cond: Callable[[Any], bool], pattern: Callable[[Any], str]) -> Picker:
    """The minute text of the first item with a block passing `cond` shows `pattern`."""

    def pick(meeting: Meeting) -> Pick | None:
        for item in meeting.items:
            found = next((b for b in all_blocks(item.blocks) if cond(b)), None)
            if found is not None:
                return Pick(re.compile(pattern(found), re.MULTILINE), item=item.id)
        return None

    return pick


def list_pattern(marker: str) -> Callable[[Any], str]:
    """A lettered or roman entry as the markup writes it: a), a., (a), I), (I)..."""
    return lambda b: rf"^\s*\(?{marker}[.)]\s+{re.escape(b.entries[0].text)}$"


# --- the table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Home:
    """A field of a model class (or a value of an enumeration field)."""

    model: type[BaseModel]
    field: str
    value: Enum | None = None

    def __str__(self) -> str:
        where = f"{self.model.__name__}.{self.field}"
        return f"{where} = {self.value.value}" if self.value is not None else where


@dataclass(frozen=True)
class ViewField:
    view: type
    field: str

    def __str__(self) -> str:
        return f"{self.view.__name__}.{self.field}"


@dataclass(frozen=True)
class Widget:
    """A widget that edits the element, on a navigator page of the main window."""

    page: str
    """The navigator row's kind: meeting, attendance, sessions, speakers, sections,
    adjournments, item or close."""
    name: str
    """Its objectName."""
    pick: Picker
    group: str = ""
    """On an item's page, the group it is in: resolutionGroup, tableGroup, noticeGroup."""
    column: str = ""
    """For a table: the column's title."""
    master: str = ""
    """The table whose current row the widget shows (sessionTable for the roll call)."""
    every: bool = False
    """The value is the accessible names of every such widget, in order."""

    def __str__(self) -> str:
        where = f"{self.group}N › " if self.group else ""
        column = f" [{self.column}]" if self.column else ""
        return f"{self.page}: {where}`{self.name}`{column}"


@dataclass(frozen=True)
class Element:
    id: str
    what: str
    model: tuple[Home, ...]
    context: tuple[ViewField, ...]
    in_context: Callable[[Contexts], bool]
    form: tuple[Widget, ...]
    in_sample: Callable[[Meeting], bool]


Get = Callable[[Any], object]
Test = Callable[[Any], bool]


def _given(value: object) -> bool:
    return value not in (None, "", ())


def cell(
    page: str, table: str, column: str, records: Get, get: Get, cond: Test | None = None
) -> Widget:
    """A cell of a record table: the first record passing `cond` (by default: `get` given)."""
    pick = of_record(records, cond or (lambda r: _given(get(r))), get)  # type: ignore[arg-type]
    return Widget(page, table, pick, column=column)


def detail(
    page: str, name: str, master: str, records: Get, get: Get, cond: Test | None = None
) -> Widget:
    """A field under a record table, showing the current record's `get`."""
    pick = of_record(records, cond or (lambda r: _given(get(r))), get)  # type: ignore[arg-type]
    return Widget(page, name, pick, master=master)


def roll(column: str, get: Get, cond: Test | None = None) -> Widget:
    pick = of_roll(cond or (lambda e: _given(get(e))), get)
    return Widget("sessions", "rollCallTable", pick, column=column, master="sessionTable")


def on_meeting(page: str, name: str, get: Callable[[Meeting], object]) -> Widget:
    return Widget(page, name, of_meeting(get))


def on_item(name: str, get: Get, cond: Test | None = None) -> Widget:
    return Widget("item", name, of_item(cond or (lambda i: _given(get(i))), get))


def on_block(kind: type[Any], name: str, get: Get, cond: Test | None = None) -> Widget:
    groups: dict[type[Any], str] = {
        Resolution: "resolutionGroup",
        Table: "tableGroup",
        NoticeOfMotion: "noticeGroup",
    }
    pick = of_block(kind, cond or (lambda b: _given(get(b))), get)
    return Widget("item", name, pick, group=groups[kind])


def on_resolution(name: str, get: Get, cond: Test | None = None) -> Widget:
    return on_block(Resolution, name, get, cond)


def markup(pick: Picker) -> Widget:
    """The minute text (markup) of an item."""
    return Widget("item", "bodyEditor", pick)


def any_res(meeting: Meeting, cond: Callable[[Resolution], bool]) -> bool:
    return any(cond(r) for r in resolutions(meeting))


def any_res_view(c: MinutesContext, cond: Callable[[ResolutionView], bool]) -> bool:
    return any(cond(r) for r in view_resolutions(c))


def any_block(meeting: Meeting, cond: Test) -> bool:
    return any(cond(b) for item in meeting.items for b in all_blocks(item.blocks))


def any_block_view(c: MinutesContext, cond: Test) -> bool:
    return any(cond(b) for b in view_blocks(c))


def lead_value(state: LeadWord) -> Get:
    # the lead-word drop-down's values: "" the style's word, "[none]" none, the word given
    return lambda r: {LeadWord.STYLE: "", LeadWord.NONE: "[none]"}.get(state, r.lead_word)


def in_section(kind: SectionKind) -> Picker:
    """The section drop-down of the first item in a section of `kind`."""

    def pick(meeting: Meeting) -> Pick | None:
        kinds = {s.id: s.kind for s in meeting.sections}
        found = next(
            (i for i in meeting.items if i.section_id and kinds.get(i.section_id) == kind), None
        )
        return None if found is None else Pick(found.section_id, item=found.id)

    return pick


def section_row(kind: SectionKind, what: str) -> Element:
    def in_context(c: Contexts) -> bool:
        return any(
            i.section is not None and i.section.kind == kind.value and i.section_start
            for i in c.full.items
        )

    def in_sample(m: Meeting) -> bool:
        return any(
            s.kind == kind and any(i.section_id == s.id for i in m.items) for s in m.sections
        )

    return Element(
        f"section-{kind.value}",
        what,
        (
            Home(Meeting, "sections"),
            Home(Section, "kind", kind),
            Home(Section, "title"),
            Home(Item, "section_id"),
        ),
        (
            ViewField(MeetingView, "sections"),
            ViewField(ItemView, "section"),
            ViewField(SectionView, "kind"),
        ),
        in_context,
        (
            cell(
                "sections",
                "sectionTable",
                "Kind",
                lambda m: m.sections,
                lambda s: s.kind,
                lambda s: s.kind == kind,
            ),
            Widget("item", "sectionCombo", in_section(kind)),
        ),
        in_sample,
    )


def out_of_order(meeting: Meeting) -> bool:
    """An item taken out of agenda order, as the template context judges it."""
    context = build_context(meeting, style_of(meeting), public=False)
    return any(i.out_of_order and i.agenda_number for i in context.items)


def roll_in_order(c: Contexts) -> bool:
    """The context's named votes are in the order the roll was called (the model's)."""
    called = [[v.attendee_id for v in r.named_votes] for r in resolutions(c.meeting)]
    shown = [
        [v.person.id for v in r.named_votes.roll] if r.named_votes is not None else []
        for r in view_resolutions(c.full)
    ]
    return any(len(votes) > 1 for votes in called) and shown == called


def recused_with_note(c: Contexts) -> bool:
    return any(
        v.note and v.choice == "recused"
        for r in view_resolutions(c.full)
        if r.named_votes is not None
        for v in r.named_votes.roll
    )


def withheld_resolution_published(c: Contexts) -> bool:
    return any(
        i.withheld and i.publish_resolution and any(isinstance(b, ResolutionView) for b in i.blocks)
        for i in c.public.items
    )


def speakers_for_and_against(m: Meeting) -> bool:
    speakers = [s for s in m.speakers if s.kind is SpeakerKind.PUBLIC_SPEAKER]
    sides = any(s.position in (Position.FOR, Position.AGAINST) for s in speakers)
    return sides and any(s.remote for s in speakers)


def moved_in_style(m: Meeting) -> bool:
    return bool(style_of(m).motion_wording) and any_res(m, lambda r: r.proposer_id is not None)


def is_unanimous(r: Resolution) -> bool:
    return r.unanimous


def is_recorded(r: Resolution) -> bool:
    return r.recorded_vote


def is_read(r: Resolution) -> bool:
    return bool(r.readings)


def is_kind(kind: MotionKind) -> Test:
    return lambda r: r.kind is kind


def has_outcome(outcome: Outcome) -> Test:
    return lambda r: r.outcome is outcome


def has_lead(state: LeadWord) -> Test:
    return lambda r: r.lead_state is state


def read(reading: str) -> Get:
    return lambda r: any(x.value == reading for x in r.readings)


def numbered(kinds: tuple[ListNumbering, ...]) -> Test:
    return lambda b: isinstance(b, NumberedList) and b.numbering in kinds


SESSIONS: Get = lambda m: m.sessions  # noqa: E731
ADJOURNMENTS: Get = lambda m: m.adjournments  # noqa: E731
SECTIONS: Get = lambda m: m.sections  # noqa: E731
SPEAKERS: Get = lambda m: m.speakers  # noqa: E731
SIGNATORIES: Get = lambda m: m.signatories  # noqa: E731
ATTENDANCE: Get = lambda m: m.attendance  # noqa: E731


def item_text(key: str, title: str, field: str, widget: str) -> Element:
    """An element that is one text field of an item, edited on the item's page."""
    return Element(
        key,
        title,
        (Home(Item, field),),
        (ViewField(ItemView, field),),
        lambda c: any(getattr(i, field) for i in c.full.items),
        (on_item(widget, lambda i: getattr(i, field)),),
        lambda m: any(getattr(i, field) for i in m.items),
    )


ELEMENTS: tuple[Element, ...] = (
    # --- the meeting ---
    Element(
        "meeting-kind",
        "The meeting's kind (ordinary, extraordinary, annual, regular...)",
        (Home(Meeting, "kind", MeetingKind.EXTRAORDINARY),),
        (ViewField(MeetingView, "kind"), ViewField(MeetingView, "kind_label")),
        lambda c: c.full.meeting.kind != "ordinary" and bool(c.full.meeting.kind_label),
        (on_meeting("meeting", "meetingKindCombo", lambda m: m.kind),),
        lambda m: m.kind is not MeetingKind.ORDINARY,
    ),
    Element(
        "sequence",
        "Its number in its series (the 8th meeting)",
        (Home(Meeting, "sequence"),),
        (ViewField(MeetingView, "sequence"), ViewField(MeetingView, "sequence_text")),
        lambda c: c.full.meeting.sequence is not None and bool(c.full.meeting.sequence_text),
        (on_meeting("meeting", "sequenceSpin", lambda m: m.sequence),),
        lambda m: m.sequence is not None,
    ),
    Element(
        "sessions",
        "Several sessions in one meeting, each with its times",
        (
            Home(Meeting, "sessions"),
            Home(Session, "title"),
            Home(Session, "kind", SessionKind.CLOSED),
            Home(Session, "date"),
            Home(Session, "start_time"),
            Home(Session, "close_time"),
            Home(Session, "venue"),
            Home(Session, "note"),
            Home(Item, "session_id"),
        ),
        (
            ViewField(MeetingView, "sessions"),
            ViewField(SessionView, "start_time"),
            ViewField(SessionView, "close_time"),
            ViewField(ItemView, "session"),
            ViewField(ItemView, "session_start"),
        ),
        lambda c: (
            len(c.full.meeting.sessions) > 1
            and any(s.start_time and s.close_time for s in c.full.meeting.sessions)
            and any(i.session is not None and i.session_start for i in c.full.items)
        ),
        (
            cell("sessions", "sessionTable", "Title", SESSIONS, lambda s: s.title),
            cell("sessions", "sessionTable", "Start", SESSIONS, lambda s: s.start_time),
            cell("sessions", "sessionTable", "Close", SESSIONS, lambda s: s.close_time),
            cell(
                "sessions",
                "sessionTable",
                "Kind",
                SESSIONS,
                lambda s: s.kind,
                lambda s: s.kind is SessionKind.CLOSED,
            ),
            cell("sessions", "sessionTable", "Venue", SESSIONS, lambda s: s.venue),
            cell("sessions", "sessionTable", "Note", SESSIONS, lambda s: s.note),
            on_item("sessionCombo", lambda i: i.session_id),
        ),
        lambda m: len(m.sessions) > 1 and any(s.start_time is not None for s in m.sessions),
    ),
    Element(
        "session-roll-call",
        "A session's own roll call (present, absent, excused, late)",
        (
            Home(Session, "roll_call"),
            Home(RollCallEntry, "attendee_id"),
            Home(RollCallEntry, "answer", RollAnswer.LATE),
            Home(RollCallEntry, "time"),
            Home(RollCallEntry, "note"),
        ),
        (
            ViewField(SessionView, "roll_call"),
            ViewField(RollCallView, "answer"),
            ViewField(RollCallView, "time"),
            ViewField(SessionView, "late"),
        ),
        lambda c: any(
            r.answer == "late" and r.time for s in c.full.meeting.sessions for r in s.roll_call
        ),
        (
            roll("Attendee", lambda e: e.attendee_id),
            roll("Answer", lambda e: e.answer, lambda e: e.answer is RollAnswer.LATE),
            roll("Time", lambda e: e.time),
            roll("Note", lambda e: e.note),
        ),
        lambda m: any(s.roll_call for s in m.sessions),
    ),
    Element(
        "recess",
        "A recess, with its times",
        (
            Home(Meeting, "adjournments"),
            Home(Adjournment, "kind", BreakKind.RECESS),
            Home(Adjournment, "after_item_id"),
            Home(Adjournment, "from_time"),
            Home(Adjournment, "to_time"),
            Home(Adjournment, "note"),
        ),
        (
            ViewField(MeetingView, "breaks"),
            ViewField(ItemView, "breaks_after"),
            ViewField(BreakView, "from_time"),
            ViewField(BreakView, "to_time"),
        ),
        lambda c: (
            any(b.kind == "recess" and b.from_time and b.to_time for b in c.full.meeting.breaks)
            and any(i.breaks_after for i in c.full.items)
        ),
        (
            cell(
                "adjournments",
                "adjournmentTable",
                "Kind",
                ADJOURNMENTS,
                lambda a: a.kind,
                lambda a: a.kind is BreakKind.RECESS,
            ),
            cell(
                "adjournments",
                "adjournmentTable",
                "After item",
                ADJOURNMENTS,
                lambda a: a.after_item_id,
            ),
            cell("adjournments", "adjournmentTable", "From", ADJOURNMENTS, lambda a: a.from_time),
            cell("adjournments", "adjournmentTable", "To", ADJOURNMENTS, lambda a: a.to_time),
            cell("adjournments", "adjournmentTable", "Note", ADJOURNMENTS, lambda a: a.note),
        ),
        lambda m: any(a.kind is BreakKind.RECESS and a.from_time for a in m.adjournments),
    ),
    Element(
        "adjournment",
        "An adjournment (to another day)",
        (Home(Adjournment, "kind", BreakKind.ADJOURNMENT), Home(Adjournment, "resumed_on")),
        (
            ViewField(BreakView, "kind"),
            ViewField(BreakView, "resumed_on"),
            ViewField(BreakView, "text"),
        ),
        lambda c: any(
            b.kind == "adjournment" and b.resumed_on and b.text for b in c.full.meeting.breaks
        ),
        (
            cell(
                "adjournments",
                "adjournmentTable",
                "Kind",
                ADJOURNMENTS,
                lambda a: a.kind,
                lambda a: a.kind is BreakKind.ADJOURNMENT,
            ),
            cell(
                "adjournments",
                "adjournmentTable",
                "Resumed on",
                ADJOURNMENTS,
                lambda a: a.resumed_on,
            ),
        ),
        lambda m: any(a.kind is BreakKind.ADJOURNMENT for a in m.adjournments),
    ),
    Element(
        "preamble",
        "A preamble: how and where the meeting was held",
        (Home(Meeting, "preamble"),),
        (ViewField(MeetingView, "preamble"),),
        lambda c: bool(c.full.meeting.preamble),
        (on_meeting("meeting", "preambleEdit", lambda m: m.preamble),),
        lambda m: bool(m.preamble),
    ),
    Element(
        "closing-note",
        "A closing note",
        (Home(Meeting, "closing_note"),),
        (ViewField(MeetingView, "closing_note"),),
        lambda c: bool(c.full.meeting.closing_note),
        (on_meeting("close", "closingNoteEdit", lambda m: m.closing_note),),
        lambda m: bool(m.closing_note),
    ),
    Element(
        "signatories",
        "Signatories, with their names and a place for the date",
        (
            Home(Meeting, "signatories"),
            Home(Signatory, "role"),
            Home(Signatory, "name"),
            Home(Signatory, "signed_on"),
        ),
        (
            ViewField(MeetingView, "signatories"),
            ViewField(SignatoryView, "role"),
            ViewField(SignatoryView, "name"),
            ViewField(SignatoryView, "signed_on"),
        ),
        lambda c: any(s.role and s.name for s in c.full.meeting.signatories),
        (
            cell("close", "signatoryTable", "Role", SIGNATORIES, lambda s: s.role),
            cell("close", "signatoryTable", "Name", SIGNATORIES, lambda s: s.name),
            cell("close", "signatoryTable", "Signed on", SIGNATORIES, lambda s: s.signed_on),
        ),
        lambda m: any(s.role for s in m.signatories),
    ),
    # --- items ---
    Element(
        "item-label",
        "An item's explicit label (4.1, 2(a), A12)",
        (Home(Item, "label"),),
        (ViewField(ItemView, "label"), ViewField(ItemView, "number")),
        lambda c: any(i.label and i.label in i.number for i in c.full.items),
        (on_item("itemLabelEdit", lambda i: i.label),),
        lambda m: any(i.label for i in m.items),
    ),
    Element(
        "unnumbered-item",
        "An unnumbered item (preliminaries, a heading)",
        (Home(Item, "numbered"),),
        (ViewField(ItemView, "numbered"),),
        lambda c: any(not i.numbered and not i.number for i in c.full.items),
        (on_item("itemNumberedCheck", lambda i: i.numbered, lambda i: not i.numbered),),
        lambda m: any(not i.numbered for i in m.items),
    ),
    Element(
        "sub-item",
        "A sub-item, numbered under its parent",
        (Home(Item, "parent_id"),),
        (ViewField(ItemView, "level"), ViewField(ItemView, "parent_number")),
        lambda c: any(i.level > 0 and i.parent_number for i in c.full.items),
        (on_item("parentItemCombo", lambda i: i.parent_id),),
        lambda m: any(i.parent_id is not None for i in m.items),
    ),
    section_row(SectionKind.PART, "A section: a part of the agenda (Part A, Part B)"),
    section_row(SectionKind.CONSENT, "A section: a consent agenda or calendar"),
    section_row(SectionKind.CLOSED, "A section: a closed session"),
    section_row(SectionKind.REPORTS, "A section: reports of committees"),
    Element(
        "section-label-and-note",
        "A section's label, and what the minutes say under it",
        (Home(Section, "label"), Home(Section, "note")),
        (ViewField(SectionView, "label"), ViewField(SectionView, "note")),
        lambda c: (
            any(s.label for s in c.full.meeting.sections)
            and any(s.note for s in c.full.meeting.sections)
        ),
        (
            cell("sections", "sectionTable", "Title", SECTIONS, lambda s: s.title),
            cell("sections", "sectionTable", "Label", SECTIONS, lambda s: s.label),
            cell("sections", "sectionTable", "Note", SECTIONS, lambda s: s.note),
        ),
        lambda m: any(s.label for s in m.sections) and any(s.note for s in m.sections),
    ),
    Element(
        "order-of-business",
        "Items taken out of agenda order, the agenda number kept",
        (Home(Item, "agenda_number"),),
        (ViewField(ItemView, "agenda_number"), ViewField(ItemView, "out_of_order")),
        lambda c: any(i.out_of_order and i.agenda_number for i in c.full.items),
        (on_item("agendaNumberEdit", lambda i: i.agenda_number),),
        out_of_order,
    ),
    item_text(
        "agenda-text",
        "What the agenda said, kept apart from the minute",
        "agenda_text",
        "agendaTextEdit",
    ),
    item_text(
        "recommendation", "The report's recommendation", "recommendation", "recommendationEdit"
    ),
    item_text("department", "The department whose report it was", "department", "departmentEdit"),
    item_text(
        "report-reference", "The report's reference", "report_reference", "reportReferenceEdit"
    ),
    # --- decisions ---
    Element(
        "decision-number",
        "A decision's own number (CAB/2025/14, 2024-117)",
        (Home(Resolution, "number"), Home(Meeting, "first_decision_number")),
        (ViewField(ResolutionView, "number"),),
        lambda c: any_res_view(c.full, lambda r: bool(r.number)),
        (
            on_resolution("decisionNumberEdit", lambda r: r.number),
            on_meeting("meeting", "firstDecisionNumberSpin", lambda m: m.first_decision_number),
        ),
        lambda m: any_res(m, lambda r: bool(r.number)),
    ),
    Element(
        "lead-style",
        "The lead word: the style's",
        (Home(Resolution, "lead", LeadWord.STYLE),),
        (ViewField(ResolutionView, "lead"), ViewField(ResolutionView, "lead_word")),
        lambda c: any_res_view(c.full, lambda r: r.lead == "style" and bool(r.lead_word)),
        (on_resolution("leadWordCombo", lead_value(LeadWord.STYLE), has_lead(LeadWord.STYLE)),),
        lambda m: any_res(m, has_lead(LeadWord.STYLE)),
    ),
    Element(
        "lead-none",
        "The lead word: none",
        (Home(Resolution, "lead", LeadWord.NONE),),
        (ViewField(ResolutionView, "lead"),),
        lambda c: any_res_view(c.full, lambda r: r.lead == "none"),
        (on_resolution("leadWordCombo", lead_value(LeadWord.NONE), has_lead(LeadWord.NONE)),),
        lambda m: any_res(m, has_lead(LeadWord.NONE)),
    ),
    Element(
        "lead-given",
        "The lead word: a word given (NOTED, DETERMINED)",
        (Home(Resolution, "lead", LeadWord.GIVEN), Home(Resolution, "lead_word")),
        (ViewField(ResolutionView, "lead"), ViewField(ResolutionView, "lead_word")),
        lambda c: any_res_view(c.full, lambda r: r.lead == "given" and bool(r.lead_word)),
        (on_resolution("leadWordCombo", lead_value(LeadWord.GIVEN), has_lead(LeadWord.GIVEN)),),
        lambda m: any_res(m, has_lead(LeadWord.GIVEN)),
    ),
    Element(
        "motion-wording",
        "The motion in the clerk's sentence (the style's motion_wording)",
        (
            Home(Resolution, "motion"),
            Home(Resolution, "proposer_id"),
            Home(HouseStyle, "motion_wording"),
        ),
        (
            ViewField(StyleView, "motion_wording"),
            ViewField(ResolutionView, "moved"),
            ViewField(ResolutionView, "motion"),
            ViewField(ResolutionView, "proposer_person"),
        ),
        lambda c: (
            bool(c.full.style.motion_wording) and any_res_view(c.full, lambda r: bool(r.moved))
        ),
        (
            on_resolution("motionEdit", lambda r: r.motion),
            on_resolution("proposerCombo", lambda r: r.proposer_id),
            on_resolution("seconderCombo", lambda r: r.seconder_id),
        ),
        moved_in_style,
    ),
    Element(
        "amendment",
        "An amendment to a motion",
        (
            Home(Resolution, "kind", MotionKind.AMENDMENT),
            Home(Resolution, "relates_to"),
            Home(Resolution, "id"),
        ),
        (
            ViewField(ResolutionView, "kind"),
            ViewField(ResolutionView, "relates_to"),
            ViewField(ResolutionView, "id"),
        ),
        lambda c: any_res_view(c.full, lambda r: r.kind == "amendment" and bool(r.relates_to)),
        (
            on_resolution("motionKindCombo", lambda r: r.kind, is_kind(MotionKind.AMENDMENT)),
            on_resolution("relatesToCombo", lambda r: r.relates_to, is_kind(MotionKind.AMENDMENT)),
        ),
        lambda m: any_res(m, lambda r: r.kind is MotionKind.AMENDMENT and r.relates_to is not None),
    ),
    Element(
        "substitute-motion",
        "A substitute motion",
        (Home(Resolution, "kind", MotionKind.SUBSTITUTE),),
        (ViewField(ResolutionView, "kind"),),
        lambda c: any_res_view(c.full, lambda r: r.kind == "substitute" and bool(r.relates_to)),
        (on_resolution("motionKindCombo", lambda r: r.kind, is_kind(MotionKind.SUBSTITUTE)),),
        lambda m: any_res(m, is_kind(MotionKind.SUBSTITUTE)),
    ),
    Element(
        "substantive-motion",
        "The substantive motion as amended",
        (Home(Resolution, "kind", MotionKind.SUBSTANTIVE),),
        (ViewField(ResolutionView, "kind"),),
        lambda c: any_res_view(c.full, lambda r: r.kind == "substantive" and bool(r.relates_to)),
        (on_resolution("motionKindCombo", lambda r: r.kind, is_kind(MotionKind.SUBSTANTIVE)),),
        lambda m: any_res(m, is_kind(MotionKind.SUBSTANTIVE)),
    ),
    Element(
        "withdrawn",
        "A motion withdrawn",
        (Home(Resolution, "outcome", Outcome.WITHDRAWN),),
        (ViewField(ResolutionView, "outcome"),),
        lambda c: any_res_view(c.full, lambda r: r.outcome == "withdrawn"),
        (on_resolution("outcomeCombo", lambda r: r.outcome, has_outcome(Outcome.WITHDRAWN)),),
        lambda m: any_res(m, has_outcome(Outcome.WITHDRAWN)),
    ),
    Element(
        "not-put",
        "A motion not put",
        (Home(Resolution, "outcome", Outcome.NOT_PUT),),
        (ViewField(ResolutionView, "outcome"),),
        lambda c: any_res_view(c.full, lambda r: r.outcome == "not_put"),
        (on_resolution("outcomeCombo", lambda r: r.outcome, has_outcome(Outcome.NOT_PUT)),),
        lambda m: any_res(m, has_outcome(Outcome.NOT_PUT)),
    ),
    Element(
        "unanimous",
        "Unanimous, without counts",
        (Home(Resolution, "unanimous"),),
        (ViewField(ResolutionView, "unanimous"),),
        lambda c: any_res_view(c.full, lambda r: r.unanimous and r.votes_for is None),
        (on_resolution("unanimousCheck", lambda r: r.unanimous, is_unanimous),),
        lambda m: any_res(m, is_unanimous),
    ),
    Element(
        "recorded-vote",
        "A recorded vote requested, and by whom",
        (Home(Resolution, "recorded_vote"), Home(Resolution, "requested_by_id")),
        (
            ViewField(ResolutionView, "recorded_vote"),
            ViewField(ResolutionView, "requested_by"),
            ViewField(ResolutionView, "requested_by_person"),
        ),
        lambda c: any_res_view(c.full, lambda r: r.recorded_vote and bool(r.requested_by)),
        (
            on_resolution("recordedVoteCheck", lambda r: r.recorded_vote, is_recorded),
            on_resolution("requestedByCombo", lambda r: r.requested_by_id),
        ),
        lambda m: any_res(m, is_recorded),
    ),
    Element(
        "roll-call-order",
        "Named votes in roll-call order",
        (Home(Resolution, "named_votes"),),
        (
            ViewField(NamedVotesView, "roll"),
            ViewField(VoteView, "person"),
            ViewField(VoteView, "choice"),
        ),
        roll_in_order,
        (Widget("item", "namedVoteCombo", roll_order, group="resolutionGroup", every=True),),
        lambda m: any_res(m, lambda r: len(r.named_votes) > 1),
    ),
    Element(
        "vote-note",
        "A note per vote (recused, because of a declared interest)",
        (Home(NamedVote, "note"), Home(NamedVote, "choice", VoteChoice.RECUSED)),
        (ViewField(VoteView, "note"), ViewField(VoteView, "choice")),
        recused_with_note,
        (
            Widget(
                "item",
                "namedVoteNote",
                of_vote(lambda v: bool(v.note), lambda v: v.note),
                group="resolutionGroup",
            ),
            Widget(
                "item",
                "namedVoteCombo",
                of_vote(lambda v: v.choice is VoteChoice.RECUSED, lambda v: v.choice),
                group="resolutionGroup",
            ),
        ),
        lambda m: any(
            v.note and v.choice is VoteChoice.RECUSED for r in resolutions(m) for v in r.named_votes
        ),
    ),
    Element(
        "debate",
        "Debate between the motion and the vote",
        (Home(Resolution, "debate"),),
        (ViewField(ResolutionView, "debate"),),
        lambda c: any_res_view(c.full, lambda r: bool(r.debate)),
        (on_resolution("debateEdit", lambda r: r.debate),),
        lambda m: any_res(m, lambda r: bool(r.debate)),
    ),
    Element(
        "readings",
        "By-law or ordinance readings",
        (Home(Resolution, "readings"), Home(Resolution, "instrument", Instrument.BYLAW)),
        (
            ViewField(ResolutionView, "readings"),
            ViewField(ResolutionView, "readings_text"),
            ViewField(ResolutionView, "instrument"),
        ),
        lambda c: any_res_view(
            c.full, lambda r: bool(r.readings and r.readings_text and r.instrument)
        ),
        (
            on_resolution("instrumentCombo", lambda r: r.instrument),
            on_resolution("firstReadingCheck", read("first"), is_read),
            on_resolution("secondReadingCheck", read("second"), is_read),
            on_resolution("thirdReadingCheck", read("third"), is_read),
        ),
        lambda m: any_res(m, lambda r: bool(r.readings) and r.instrument is not None),
    ),
    # --- people ---
    Element(
        "name-parts",
        "A person's given and family names",
        (Home(Person, "given_name"), Home(Person, "family_name")),
        (
            ViewField(PersonView, "given_name"),
            ViewField(PersonView, "family_name"),
            ViewField(SpeakerView, "given_name"),
            ViewField(SpeakerView, "family_name"),
        ),
        lambda c: any(p.given_name and p.family_name for p in c.full.attendance.everyone),
        (
            detail(
                "attendance",
                "givenNameEdit",
                "attendanceTable",
                ATTENDANCE,
                lambda a: a.person.given_name,
            ),
            detail(
                "attendance",
                "familyNameEdit",
                "attendanceTable",
                ATTENDANCE,
                lambda a: a.person.family_name,
            ),
            detail(
                "speakers",
                "speakerGivenNameEdit",
                "speakerTable",
                SPEAKERS,
                lambda s: s.person.given_name,
                lambda s: True,
            ),
            detail(
                "speakers",
                "speakerFamilyNameEdit",
                "speakerTable",
                SPEAKERS,
                lambda s: s.person.family_name,
                lambda s: True,
            ),
        ),
        lambda m: any(p.given_name and p.family_name for p in people(m)),
    ),
    Element(
        "short-name",
        "A short form of a name (L. Moore)",
        (Home(Person, "short_name"),),
        (ViewField(PersonView, "short_name"), ViewField(SpeakerView, "short_name")),
        lambda c: any(p.short_name == "L. Moore" for p in c.full.attendance.everyone),
        (
            detail(
                "attendance",
                "shortNameEdit",
                "attendanceTable",
                ATTENDANCE,
                lambda a: a.person.short_name,
            ),
            detail(
                "speakers",
                "speakerShortNameEdit",
                "speakerTable",
                SPEAKERS,
                lambda s: s.person.short_name,
                lambda s: True,
            ),
        ),
        lambda m: any(p.short_name for p in people(m)),
    ),
    Element(
        "organisation",
        "An organisation or group (of the Friends of the Park)",
        (Home(Person, "organisation"),),
        (ViewField(PersonView, "organisation"), ViewField(SpeakerView, "organisation")),
        lambda c: any(s.organisation for s in c.full.meeting.speakers),
        (
            detail(
                "speakers",
                "speakerOrganisationEdit",
                "speakerTable",
                SPEAKERS,
                lambda s: s.person.organisation,
            ),
            detail(
                "attendance",
                "organisationEdit",
                "attendanceTable",
                ATTENDANCE,
                lambda a: a.person.organisation,
                lambda a: True,
            ),
        ),
        lambda m: any(p.organisation for p in people(m)),
    ),
    Element(
        "public-present",
        "The number of members of the public present",
        (Home(Meeting, "public_present"),),
        (ViewField(MeetingView, "public_present"), ViewField(MeetingView, "public_present_text")),
        lambda c: (
            c.full.meeting.public_present is not None and bool(c.full.meeting.public_present_text)
        ),
        (on_meeting("meeting", "publicPresentSpin", lambda m: m.public_present),),
        lambda m: m.public_present is not None,
    ),
    Element(
        "deputation",
        "A deputation: who, on whose behalf, on which item",
        (
            Home(Meeting, "speakers"),
            Home(Speaker, "kind", SpeakerKind.DEPUTATION),
            Home(Speaker, "person"),
            Home(Speaker, "on_behalf_of"),
            Home(Speaker, "item_id"),
            Home(Speaker, "summary"),
        ),
        (
            ViewField(MeetingView, "deputations"),
            ViewField(SpeakerView, "on_behalf_of"),
            ViewField(SpeakerView, "item"),
            ViewField(ItemView, "speakers"),
        ),
        lambda c: any(s.on_behalf_of and s.item is not None for s in c.full.meeting.deputations),
        (
            cell(
                "speakers",
                "speakerTable",
                "Kind",
                SPEAKERS,
                lambda s: s.kind,
                lambda s: s.kind is SpeakerKind.DEPUTATION,
            ),
            cell("speakers", "speakerTable", "Name", SPEAKERS, lambda s: s.person.name),
            cell("speakers", "speakerTable", "On behalf of", SPEAKERS, lambda s: s.on_behalf_of),
            cell("speakers", "speakerTable", "Item", SPEAKERS, lambda s: s.item_id),
            cell("speakers", "speakerTable", "Summary", SPEAKERS, lambda s: s.summary),
        ),
        lambda m: any(s.kind is SpeakerKind.DEPUTATION and s.on_behalf_of for s in m.speakers),
    ),
    Element(
        "public-speaker",
        "A public speaker: in person or remote, for or against, on an item",
        (
            Home(Speaker, "kind", SpeakerKind.PUBLIC_SPEAKER),
            Home(Speaker, "remote"),
            Home(Speaker, "position", Position.FOR),
        ),
        (
            ViewField(MeetingView, "public_speakers"),
            ViewField(SpeakerView, "remote"),
            ViewField(SpeakerView, "position"),
        ),
        lambda c: any(s.remote and s.position for s in c.full.meeting.public_speakers),
        (
            cell(
                "speakers",
                "speakerTable",
                "Kind",
                SPEAKERS,
                lambda s: s.kind,
                lambda s: s.kind is SpeakerKind.PUBLIC_SPEAKER,
            ),
            cell(
                "speakers",
                "speakerTable",
                "Remote",
                SPEAKERS,
                lambda s: s.remote,
                lambda s: s.remote,
            ),
            cell("speakers", "speakerTable", "Position", SPEAKERS, lambda s: s.position),
        ),
        speakers_for_and_against,
    ),
    Element(
        "written-comments",
        "Written comments received, counted",
        (Home(Item, "written_comments"),),
        (ViewField(ItemView, "written_comments"),),
        lambda c: any(i.written_comments for i in c.full.items),
        (on_item("writtenCommentsSpin", lambda i: i.written_comments),),
        lambda m: any(i.written_comments is not None for i in m.items),
    ),
    # --- blocks ---
    Element(
        "table",
        "A table (a schedule of payments, grants)",
        (Home(Table, "caption"), Home(Table, "header"), Home(Table, "rows"), Home(Table, "total")),
        (
            ViewField(TableView, "caption"),
            ViewField(TableView, "header"),
            ViewField(TableView, "rows"),
            ViewField(TableView, "total"),
        ),
        lambda c: any_block_view(
            c.full, lambda b: isinstance(b, TableView) and bool(b.rows and b.header)
        ),
        (
            on_block(Table, "tableCaptionEdit", lambda t: t.caption),
            on_block(Table, "tableGrid", lambda t: t.header[0], lambda t: bool(t.header)),
            on_block(Table, "tableTotalCheck", lambda t: bool(t.total), lambda t: bool(t.total)),
        ),
        lambda m: any_block(m, lambda b: isinstance(b, Table) and bool(b.rows)),
    ),
    Element(
        "lettered-list",
        "A list numbered with letters",
        (Home(NumberedList, "numbering", ListNumbering.LOWER_ALPHA),),
        (ViewField(ListView, "numbering"), ViewField(EntryView, "marker")),
        lambda c: any_block_view(
            c.full, lambda b: isinstance(b, ListView) and "alpha" in b.numbering
        ),
        (markup(in_markup(numbered(LETTERS), list_pattern("[aA]"))),),
        lambda m: any_block(m, numbered(LETTERS)),
    ),
    Element(
        "roman-list",
        "A list numbered with roman numerals",
        (Home(NumberedList, "numbering", ListNumbering.LOWER_ROMAN),),
        (ViewField(ListView, "numbering"), ViewField(EntryView, "marker")),
        lambda c: any_block_view(
            c.full, lambda b: isinstance(b, ListView) and "roman" in b.numbering
        ),
        (markup(in_markup(numbered(ROMAN), list_pattern("[iI]"))),),
        lambda m: any_block(m, numbered(ROMAN)),
    ),
    Element(
        "heading",
        "A heading inside an item",
        (Home(Heading, "text"),),
        (ViewField(HeadingView, "text"),),
        lambda c: any_block_view(c.full, lambda b: isinstance(b, HeadingView) and bool(b.text)),
        (
            markup(
                in_markup(lambda b: isinstance(b, Heading), lambda b: rf"^## {re.escape(b.text)}$")
            ),
        ),
        lambda m: any_block(m, lambda b: isinstance(b, Heading)),
    ),
    Element(
        "notice-of-motion",
        "A notice of motion with its written reply",
        (
            Home(NoticeOfMotion, "mover_id"),
            Home(NoticeOfMotion, "seconder_id"),
            Home(NoticeOfMotion, "motion"),
            Home(NoticeOfMotion, "reply_by"),
            Home(NoticeOfMotion, "reply"),
        ),
        (
            ViewField(NoticeView, "mover_person"),
            ViewField(NoticeView, "motion"),
            ViewField(NoticeView, "reply_by"),
            ViewField(NoticeView, "reply"),
        ),
        lambda c: any_block_view(
            c.full, lambda b: isinstance(b, NoticeView) and bool(b.reply and b.mover)
        ),
        (
            on_block(NoticeOfMotion, "noticeMoverCombo", lambda n: n.mover_id),
            on_block(NoticeOfMotion, "noticeSeconderCombo", lambda n: n.seconder_id),
            on_block(NoticeOfMotion, "noticeMotionEdit", lambda n: n.motion),
            on_block(NoticeOfMotion, "noticeReplyByEdit", lambda n: n.reply_by),
            on_block(NoticeOfMotion, "noticeReplyEdit", lambda n: n.reply),
        ),
        lambda m: any_block(m, lambda b: isinstance(b, NoticeOfMotion) and bool(b.reply)),
    ),
    # --- exempt ---
    Element(
        "exempt-summary",
        "An exempt item's published summary",
        (Home(Item, "exempt_summary"),),
        (ViewField(ItemView, "summary"),),
        lambda c: any(i.withheld and i.summary for i in c.public.items),
        (
            on_item(
                "exemptSummaryEdit",
                lambda i: i.exempt_summary,
                lambda i: i.exempt and bool(i.exempt_summary),
            ),
        ),
        lambda m: any(i.exempt and i.exempt_summary for i in m.items),
    ),
    Element(
        "publish-resolution",
        "An exempt item publishing its resolution",
        (Home(Item, "publish_resolution"),),
        (ViewField(ItemView, "publish_resolution"), ViewField(ResolutionView, "withheld")),
        withheld_resolution_published,
        (
            on_item(
                "publishResolutionCheck",
                lambda i: i.publish_resolution,
                lambda i: i.exempt and i.publish_resolution,
            ),
        ),
        lambda m: any(i.exempt and i.publish_resolution for i in m.items),
    ),
    Element(
        "exempt-citation",
        "A closed-session item's statutory citation",
        (Home(Item, "exempt_reason"), Home(Item, "exempt")),
        (ViewField(ItemView, "exempt_reason"),),
        lambda c: any(i.exempt and i.exempt_reason for i in c.public.items),
        (
            on_item(
                "exemptReasonEdit",
                lambda i: i.exempt_reason,
                lambda i: i.exempt and bool(i.exempt_reason),
            ),
        ),
        lambda m: any(i.exempt and i.exempt_reason for i in m.items),
    ),
)


# --- the tests -----------------------------------------------------------------------------

IDS = [e.id for e in ELEMENTS]


@cache
def shipped() -> dict[str, Meeting]:
    return {p.name: load_meeting(p) for p in sorted(locations.samples_dir().glob("*.minutes"))}


def test_the_elements_are_told_apart() -> None:
    assert len(set(IDS)) == len(IDS)
    assert len(shipped()) >= 4  # the two format 1 samples and the two written for format 2


@pytest.mark.parametrize("element", ELEMENTS, ids=IDS)
def test_element_has_a_model_home(element: Element) -> None:
    for home in element.model:
        assert home.field in home.model.model_fields, str(home)
        if home.value is not None:
            annotation = str(home.model.model_fields[home.field].annotation)
            assert type(home.value).__name__ in annotation, str(home)
            assert home.value in type(home.value), str(home)


@pytest.mark.parametrize("element", ELEMENTS, ids=IDS)
def test_element_has_a_template_context_field(element: Element) -> None:
    for where in element.context:
        assert dataclasses.is_dataclass(where.view), str(where)
        assert where.field in where.view.__dataclass_fields__, str(where)
    assert element.in_context(contexts()), f"{element.id}: not in the kitchen sink's context"


@pytest.mark.parametrize("element", ELEMENTS, ids=IDS)
def test_element_appears_in_a_shipped_sample(element: Element) -> None:
    assert element.in_sample(form_meeting()), f"{element.id}: the test's own meeting lacks it"
    holding = [name for name, meeting in shipped().items() if element.in_sample(meeting)]
    assert holding, f"{element.id} ({element.what}) is in no sample of resources/samples"


@pytest.fixture(scope="module")
def meeting_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("format2") / "kitchen-sink.minutes"
    save_meeting(form_meeting(), path)
    return path


def shown(widget: QWidget) -> object:
    """What a value widget shows, as the model's value where it can be told."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

    if isinstance(widget, BodyEditor):
        return widget.markup_text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, CountSpin):
        return widget.count()
    if isinstance(widget, QSpinBox):
        return (
            None
            if widget.value() < widget.minimum() + 1 and widget.specialValueText()
            else widget.value()
        )
    if isinstance(widget, WordChoice):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    raise AssertionError(f"{widget.objectName()}: no value to read from a {type(widget).__name__}")


def same(seen: object, wanted: object) -> bool:
    if isinstance(wanted, re.Pattern):
        return isinstance(seen, str) and wanted.search(seen) is not None
    if isinstance(wanted, Enum):
        wanted = wanted.value
    if isinstance(seen, Enum):
        seen = seen.value
    return seen == wanted


def check_widget(window: MainWindow, widget: Widget, meeting: Meeting) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    pick = widget.pick(meeting)
    assert pick is not None, f"{widget}: the meeting has nothing for it to show"
    section = NavSection("item", pick.item) if widget.page == "item" else NavSection(widget.page)
    window.navigator.choose(section)
    page = window.pages[widget.page]
    assert window.forms.currentWidget() is page, str(widget)
    scope: QWidget = page
    if widget.page == "item":
        form = window.item_form
        form.place_toggle.setChecked(True)
        form.agenda_toggle.setChecked(True)
    if widget.group:
        group = page.findChild(QWidget, f"{widget.group}{pick.group + 1}")
        assert group is not None, f"{widget}: no {widget.group}{pick.group + 1}"
        scope = group
    if widget.master:
        master = page.findChild(RecordTable, widget.master)
        assert master is not None, f"{widget}: no {widget.master}"
        master.go_to(pick.master, 0)
    QApplication.processEvents()
    found = [w for w in scope.findChildren(QWidget, widget.name) if not w.isHidden()]
    assert found, f"{widget}: no such widget"
    if widget.every:
        assert all(w.isEnabled() for w in found), str(widget)
        names = tuple(w.accessibleName() for w in found)
        assert names == pick.value, f"{widget}: {names} shown, {pick.value} wanted"
        return
    assert pick.row < len(found) or isinstance(found[0], RecordTable), str(widget)
    shown_widget = found[0] if isinstance(found[0], RecordTable) else found[pick.row]
    if isinstance(scope, ResolutionGroup):
        scope.reveal(shown_widget)
        QApplication.processEvents()
    assert shown_widget.isEnabled(), f"{widget}: disabled"
    assert shown_widget.isVisible(), f"{widget}: not shown on its page"
    if isinstance(shown_widget, RecordTable):
        model = shown_widget.record_model
        if widget.column:
            headers = [c.header for c in model.columns]
            assert widget.column in headers, f"{widget}: the columns are {headers}"
            column = headers.index(widget.column)
            index = model.index(pick.row, column)
            seen = model.value(index)
        else:
            index = model.index(pick.row, 0)
            seen = model.data(index)
        assert index.isValid(), f"{widget}: no row {pick.row}"
        flags = model.flags(index)
        assert flags & Qt.ItemFlag.ItemIsEnabled, f"{widget}: the cell is disabled"
        editable = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        assert flags & editable, f"{widget}: the cell cannot be edited"
    else:
        seen = shown(shown_widget)
    assert same(seen, pick.value), f"{widget}: shows {seen!r}, the meeting has {pick.value!r}"


@pytest.fixture(scope="module")
def form_window(
    qapp: QApplication, meeting_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    """One window on the meeting for every element's look at its forms: a look changes
    nothing (each test checks that), and a window of its own for each of the 53 elements
    cost the suite about a minute (opening the meeting, drawing its preview)."""
    window = MainWindow(
        Settings(tmp_path_factory.mktemp("forms-appdata")),
        available_styles(),
        messages=RecordedMessages(),
        dialogs=Dialogs,
    )
    window.resize(1366, 768)
    window.show()
    assert window.open_path(meeting_file)
    yield window
    if window.document is not None:
        window.document.undo_stack.setClean()
    window.pool.waitForDone(60_000)
    window.preview.wait_for_layout()
    window.close()
    window.deleteLater()
    qapp.processEvents()


@pytest.mark.parametrize("element", ELEMENTS, ids=IDS)
def test_element_has_a_form(element: Element, form_window: MainWindow) -> None:
    window = form_window
    assert window.document is not None
    meeting = window.document.meeting
    assert meeting == form_meeting()
    assert element.form, f"{element.id}: no widget edits it"
    for widget in element.form:
        check_widget(window, widget, meeting)
    assert window.document.meeting == meeting  # looking changed nothing


# --- every format 2 field is some element's home ------------------------------------------

FORMAT_1_FIELDS: dict[type[BaseModel], frozenset[str]] = {
    # the fields of clerk_app/domain/model.py before issue 11 (git show b34cb92:...)
    Meeting: frozenset(
        [
            "authority",
            "body",
            "date",
            "start_time",
            "close_time",
            "venue",
            "status",
            "confirmed_on",
            "house_style",
            "first_minute_number",
            "minute_prefix",
            "attendance",
            "interests",
            "items",
        ]
    ),
    Item: frozenset(["id", "title", "standing", "exempt", "exempt_reason", "blocks", "actions"]),
    Person: frozenset({"title", "name"}),
    Resolution: frozenset(
        [
            "type",
            "lead_word",
            "numbered",
            "resolutions",
            "proposer_id",
            "seconder_id",
            "votes_for",
            "votes_against",
            "abstentions",
            "named_votes",
            "outcome",
        ]
    ),
    NamedVote: frozenset({"attendee_id", "choice"}),
    NumberedList: frozenset({"type", "start", "entries"}),
}
NEW_RECORDS: tuple[type[BaseModel], ...] = (
    Section, Session, RollCallEntry, Adjournment, Speaker, Signatory, Heading, Table,
    NoticeOfMotion,
)  # fmt: skip
"""Records format 2 added whole: their `id` (how other parts refer to them) and `type` (a
block's kind) are no element of their own."""


FORMAT_3_FIELDS: frozenset[tuple[type[BaseModel], str]] = frozenset(
    {(Item, "previous_meeting"), (Item, "minutes_confirmed")}
)
"""Added by format 3 (the committee's year, issue 12), whose tests are its own (the other
records format 3 extends are not in the table above)."""


def format_2_fields() -> list[tuple[type[BaseModel], str]]:
    fields = [
        (model, name)
        for model, old in FORMAT_1_FIELDS.items()
        for name in model.model_fields
        if name not in old and (model, name) not in FORMAT_3_FIELDS
    ]
    fields += [
        (model, name)
        for model in NEW_RECORDS
        for name in model.model_fields
        if name not in ("id", "type")
    ]
    return fields


def test_every_format_2_field_is_some_elements_home() -> None:
    homes = {(home.model, home.field) for element in ELEMENTS for home in element.model}
    missing = [f"{m.__name__}.{f}" for m, f in format_2_fields() if (m, f) not in homes]
    assert missing == [], "format 2 fields no element lists (add a row, and a form): " + ", ".join(
        missing
    )


# --- the guide's table ---------------------------------------------------------------------

DOC_TITLE = "## Where each element lives"


def where_each_element_lives() -> str:
    lines = [
        DOC_TITLE,
        "",
        "Issue 11's elements of format 2: where the model keeps each, the widget that edits it "
        "(the navigator page, the group on an item's page, the objectName and a table's "
        "column), what templates see, and the shipped samples that hold it. Generated from "
        "`tests/test_format2_elements.py` (`python -m tests.test_format2_elements`), which "
        "checks every row.",
        "",
        "| Element | Model | Form | Template context | Samples |",
        "| --- | --- | --- | --- | --- |",
    ]
    for element in ELEMENTS:
        holding = [n.removesuffix(".minutes") for n, m in shipped().items() if element.in_sample(m)]
        lines.append(
            "| "
            + " | ".join(
                (
                    element.what,
                    ", ".join(f"`{h}`" for h in element.model),
                    "; ".join(dict.fromkeys(str(w) for w in element.form)),
                    ", ".join(f"`{v}`" for v in element.context),
                    ", ".join(holding) or "**none yet**",
                )
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def test_the_file_format_guide_lists_where_each_element_lives() -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "file-format.md").read_text("utf-8")
    assert DOC_TITLE in guide, "docs/file-format.md has no section " + DOC_TITLE
    section = guide[guide.index(DOC_TITLE) :]
    assert section == where_each_element_lives(), (
        "docs/file-format.md's last section differs from the table: regenerate it with "
        "python -m tests.test_format2_elements"
    )


if __name__ == "__main__":  # pragma: no cover - by hand
    sys.stdout.write(where_each_element_lives())
