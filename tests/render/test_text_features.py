"""What the Leicester text style writes for what the seed does not show."""

import datetime as dt

import pytest

from clerk_app.domain.house_style import ExemptPolicy
from clerk_app.domain.model import (
    ListEntry,
    Meeting,
    MeetingStatus,
    NamedVote,
    Outcome,
    Resolution,
    VoteChoice,
)
from clerk_app.render.context import build_context, vote_text
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text, tidy_text
from tests.factories import feature_meeting


@pytest.fixture
def meeting() -> Meeting:
    return feature_meeting()


def test_draft_mark_and_attendance_details(meeting: Meeting, leicester: StyleFolder) -> None:
    text = render_text(meeting, leicester)
    assert text.startswith(
        "DRAFT: subject to confirmation at the next meeting.\n\nLeicester City Council\n"
    )
    assert "Held: WEDNESDAY, 2 JULY 2025 at 10:00 am\n" in text
    assert "Councillor Ames (Chair)\n" in text
    assert (
        "In Attendance:\nCouncillor Bell (attending remotely)\nCouncillor Cole (substituting for Councillor Dunn; from minute 14)\n"
        in text
    )
    assert "Officers in Attendance:\nSam Lee – Democratic Services Officer\n* * * * *\n" in text
    assert "Apologies for absence were received from Councillor Dunn and Councillor Eyre.\n" in text
    assert text.endswith("There being no other business, the meeting closed at 11.45am.\n")
    approved = meeting.model_copy(
        update={"status": MeetingStatus.APPROVED, "confirmed_on": dt.date(2025, 9, 1)}
    )
    assert not render_text(approved, leicester).startswith("DRAFT")


def test_votes_and_resolutions(meeting: Meeting, leicester: StyleFolder) -> None:
    text = render_text(meeting, leicester)
    assert (
        "14. BUDGET & <FEES>\n\nIt was moved by Councillor Ames, seconded by Councillor Bell, and upon being "
        "put to the vote, six were in favour, none against and two abstained; the motion was CARRIED.\n\n"
        "AGREED:\n\n1. That the fees be approved.\n"
    ) in text


def test_named_votes(meeting: Meeting, leicester: StyleFolder) -> None:
    block = Resolution(
        lead_word="RESOLVED",
        numbered=False,
        resolutions=(ListEntry(text="That the application be refused."),),
        named_votes=(
            NamedVote(attendee_id="a", choice=VoteChoice.FOR),
            NamedVote(attendee_id="b", choice=VoteChoice.AGAINST),
            NamedVote(attendee_id="c", choice=VoteChoice.FOR),
        ),
        outcome=Outcome.CARRIED,
    )
    items = (*meeting.items[:2], meeting.items[2].model_copy(update={"blocks": (block,)}))
    text = render_text(meeting.model_copy(update={"items": items}), leicester)
    assert (
        "Upon being put to the vote; the motion was CARRIED.\n\nFor: Councillor Ames, Councillor Cole\n"
        "Against: Councillor Bell\n\nRESOLVED:\n\nThat the application be refused.\n"
    ) in text


def test_declaration_with_kind_item_and_action(meeting: Meeting, leicester: StyleFolder) -> None:
    text = render_text(meeting, leicester, public=False)
    assert (
        "Councillor Bell declared a disclosable pecuniary interest in minute 15, Sale of Land at Mill Lane, "
        "in that she owns land next to Mill Lane. Councillor Bell left the room during the consideration of the item.\n"
    ) in text
    no_interests = render_text(meeting.model_copy(update={"interests": ()}), leicester)
    assert (
        "13. DECLARATIONS OF INTEREST\n\nThere were no declarations of interest.\n" in no_interests
    )


def test_public_copy_withholds_exempt_items(meeting: Meeting, leicester: StyleFolder) -> None:
    public = render_text(meeting, leicester)
    assert "£1.2m" not in public
    assert (
        "15. SALE OF LAND AT MILL LANE\n\nThis item was considered in private, the press and public being "
        "excluded (paragraph 3 of Schedule 12A). Its minute is not published.\n"
    ) in public
    assert "CONFIDENTIAL" not in public
    full = render_text(meeting, leicester, public=False)
    assert "The offer of £1.2m was accepted." in full
    assert full.startswith("CONFIDENTIAL: NOT FOR PUBLICATION.")


@pytest.mark.parametrize("policy", list(ExemptPolicy))
def test_the_context_never_holds_exempt_content_in_public(
    meeting: Meeting, leicester: StyleFolder, policy: ExemptPolicy
) -> None:
    style = leicester.style.model_copy(update={"exempt_in_public": policy})
    context = build_context(meeting, style, public=True)
    assert "£1.2m" not in repr(context)
    land = [i for i in context.items if i.id == "land"]
    if policy is ExemptPolicy.OMIT:
        assert land == []
        assert [i.number for i in context.items] == ["12", "13", "14"]
    else:
        assert land[0].withheld and land[0].blocks == ()
        assert (land[0].title == "Sale of Land at Mill Lane") is (policy is ExemptPolicy.NOTICE)
        # the declaration about the item says no more than the item itself
        (interest,) = context.interests
        assert interest.item is not None and interest.item.title == land[0].title


def test_vote_text() -> None:
    assert vote_text(6, None, 2) == "six were in favour and two abstained"
    assert vote_text(1, 0, None) == "one was in favour and none against"
    assert vote_text(None, None, None) == ""
    assert vote_text(25, 3, 1) == "25 were in favour, three against and one abstained"


def test_tidy_text() -> None:
    assert tidy_text("\n\na  \n\n\n\nb\n\n") == "a\n\nb\n"
