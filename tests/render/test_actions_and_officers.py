"""Officers in attendance and follow-up actions reach the minutes, in text and in Word.

The defect: the Leicester templates printed neither (the sample holds four actions that appeared
nowhere). Leicester's published minutes have no list of actions, so the style prints them in an
annex after the close (`actions_annex = true` in its style.toml), which leaves the minutes proper
as published; a style without the annex prints each action under its minute. An action of an
exempt item is exempt content: a public copy never shows it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest

from clerk_app.domain.house_style import ExemptPolicy
from clerk_app.domain.model import Attendance, FollowUp, Meeting, Person, Role
from clerk_app.render.compare import ANNEX_HEADING, annex, minutes_proper
from clerk_app.render.docx import render_docx, visible_text
from clerk_app.render.errors import StyleError
from clerk_app.render.styles import StyleFolder, find_style, load_style_folder
from clerk_app.render.text import render_text
from tests.factories import feature_meeting
from tests.ooxml import OoxmlValidator, describe

SECRET_ACTION = "Instruct the valuer to accept the offer of £1.2m"
SECRET_OWNER = "Head of Estates"


def actions_meeting() -> Meeting:
    """feature_meeting with a guest, and actions on the budget (minute 14) and on the exempt
    sale of land (minute 15)."""
    meeting = feature_meeting()
    guest = Attendance(
        id="g", person=Person(name="Pat Quinn"), role=Role.OTHER, capacity="Youth Representative"
    )
    actions = {
        "budget": (
            FollowUp(
                action="Publish the new fees.", owner="Head of Finance", due=dt.date(2025, 8, 1)
            ),
            FollowUp(action="Tell the traders"),
        ),
        "land": (FollowUp(action=SECRET_ACTION + ".", owner=SECRET_OWNER),),
    }
    items = tuple(
        item.model_copy(update={"actions": actions.get(item.id, ())}) for item in meeting.items
    )
    return meeting.model_copy(update={"attendance": (*meeting.attendance, guest), "items": items})


def with_annex(name: str, annex_on: bool, policy: ExemptPolicy | None = None) -> StyleFolder:
    folder = find_style(name)
    update: dict[str, object] = {"actions_annex": annex_on}
    if policy is not None:
        update["exempt_in_public"] = policy
    return dataclasses.replace(folder, style=folder.style.model_copy(update=update))


def word_table(data: bytes) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def word_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(
            package.read(name).decode("utf-8", "replace")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        )


# --- officers ---------------------------------------------------------------------------------


def test_leicester_text_prints_officers_after_also_present(leicester: StyleFolder) -> None:
    text = render_text(actions_meeting(), leicester)
    assert (
        "Also Present:\nPat Quinn – Youth Representative\n\n"
        "Officers in Attendance:\nSam Lee – Democratic Services Officer\n* * * * *\n"
    ) in text


def test_leicester_word_prints_officers_after_also_present(leicester: StyleFolder) -> None:
    document = docx.Document(io.BytesIO(render_docx(actions_meeting(), leicester)))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    at = styled.index(("Attendance Heading", "Officers in Attendance:"))
    assert styled[at - 2 : at + 3] == [
        ("Attendance Heading", "Also Present:"),
        ("Attendance", "Pat Quinn – Youth Representative"),
        ("Attendance Heading", "Officers in Attendance:"),
        ("Attendance", "Sam Lee – Democratic Services Officer"),
        ("Separator", "* * * * *"),
    ]


def test_without_officers_there_is_no_officers_heading(
    sample: Meeting, leicester: StyleFolder
) -> None:
    assert "Officers in Attendance" not in render_text(sample, leicester)
    assert "Officers in Attendance" not in visible_text(render_docx(sample, leicester))


# --- actions: the Leicester annex ------------------------------------------------------------


ANNEX_TEXT = f"""{ANNEX_HEADING}
Planning Committee, 2 July 2025

Minute 14
Action: Publish the new fees.
Who: Head of Finance
By when: 1 August 2025

Minute 14
Action: Tell the traders
"""


def test_leicester_text_lists_the_actions_after_the_close(leicester: StyleFolder) -> None:
    text = render_text(actions_meeting(), leicester, public=True)
    proper = minutes_proper(text)
    assert proper.endswith("There being no other business, the meeting closed at 11.45am.\n")
    assert "Publish the new fees" not in proper  # nowhere but in the annex
    assert annex(text) == ANNEX_TEXT
    assert text == proper + "\n" + ANNEX_TEXT


def test_leicester_word_lists_the_actions_in_a_table_on_a_page_of_its_own(
    leicester: StyleFolder,
) -> None:
    data = render_docx(actions_meeting(), leicester, public=False)
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    (heading,) = [p for p in paragraphs if p.text == ANNEX_HEADING]
    assert heading.style is not None and heading.style.name == "Annex Heading"
    assert heading.style.paragraph_format.page_break_before
    closing = [p.text for p in paragraphs].index(
        "There being no other business, the meeting closed at 11.45am."
    )
    assert paragraphs.index(heading) > closing
    assert word_table(data) == [
        ["Minute", "Action", "Who", "By when"],
        ["14", "Publish the new fees.", "Head of Finance", "1 August 2025"],
        ["14", "Tell the traders", "", ""],
        ["15", SECRET_ACTION + ".", SECRET_OWNER, ""],
    ]
    (table,) = document.tables
    header = table.rows[0]._tr.trPr
    assert header is not None and header.xpath("./w:tblHeader")  # repeated on every page


def test_the_sample_prints_its_four_actions(sample: Meeting, leicester: StyleFolder) -> None:
    owners = [a.owner for item in sample.items for a in item.actions]
    assert len(owners) == 4
    text = render_text(sample, leicester)
    assert annex(text).count("\nAction: ") == 4
    for owner in owners:
        assert f"Who: {owner}\n" in annex(text)
    rows = word_table(render_docx(sample, leicester))
    assert [row[2] for row in rows[1:]] == owners
    assert [row[0] for row in rows[1:]] == ["158", "158", "159", "161"]
    assert rows[4][3] == "23 September 2025"


def test_without_the_annex_each_action_stands_under_its_minute(leicester: StyleFolder) -> None:
    style = with_annex("leicester", False)
    text = render_text(actions_meeting(), style)
    assert ANNEX_HEADING not in text
    assert (
        "AGREED:\n\n1. That the fees be approved.\n\n"
        "Action: Publish the new fees (Head of Finance, by 1 August 2025).\n\n"
        "Action: Tell the traders.\n\n15. SALE OF LAND AT MILL LANE"
    ) in text
    word = visible_text(render_docx(actions_meeting(), style))
    assert ANNEX_HEADING not in word
    assert "Action: Publish the new fees (Head of Finance, by 1 August 2025)." in word.split("\n")


# --- actions: the parish style ---------------------------------------------------------------


def test_parish_keeps_actions_under_their_minute_unless_asked(tmp_path: Path) -> None:
    parish = find_style("parish")
    assert parish.style.actions_annex is False
    text = render_text(actions_meeting(), parish)
    assert "Action: Publish the new fees (Head of Finance, by 1 August 2025).\n" in text
    assert ANNEX_HEADING not in text
    annexed = with_annex("parish", True)
    text = render_text(actions_meeting(), annexed)
    assert "Action: Publish the new fees (" not in text
    assert minutes_proper(text).endswith(
        "Signed ........................ (Chair)   Date ............\n"
    )
    assert annex(text) == ANNEX_TEXT.replace("Minute 14", "Minute 14/25")
    rows = word_table(render_docx(actions_meeting(), annexed))
    assert rows[1] == ["14/25", "Publish the new fees.", "Head of Finance", "1 August 2025"]


# --- actions of exempt items -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["leicester", "parish"])
@pytest.mark.parametrize("annex_on", [True, False])
@pytest.mark.parametrize("policy", list(ExemptPolicy))
def test_a_public_copy_never_shows_an_exempt_items_actions(
    name: str, annex_on: bool, policy: ExemptPolicy
) -> None:
    style = with_annex(name, annex_on, policy)
    meeting = actions_meeting()
    data = render_docx(meeting, style)
    for where, output in (
        ("text", render_text(meeting, style)),
        ("Word (reader)", visible_text(data)),
        ("Word (xml)", word_xml(data)),
    ):
        assert "Publish the new fees" in output, where
        for secret in ("valuer", "£1.2m", SECRET_OWNER):
            assert secret not in output, f"{where} ({name}, {policy}) shows {secret!r}"


@pytest.mark.parametrize("name", ["leicester", "parish"])
@pytest.mark.parametrize("annex_on", [True, False])
def test_the_confidential_copy_shows_the_exempt_items_actions(name: str, annex_on: bool) -> None:
    style = with_annex(name, annex_on)
    meeting = actions_meeting()
    for output in (
        render_text(meeting, style, public=False),
        visible_text(render_docx(meeting, style, public=False)),
    ):
        assert SECRET_ACTION in output and SECRET_OWNER in output


@pytest.mark.parametrize("name", ["leicester", "parish"])
def test_the_annex_is_valid_open_xml(name: str, ooxml: OoxmlValidator, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(render_docx(actions_meeting(), with_annex(name, True), public=False))
    errors = ooxml.errors(path)
    assert errors == [], describe(errors)


# --- the option ------------------------------------------------------------------------------


def test_the_option_is_on_for_leicester_and_checked(tmp_path: Path, leicester: StyleFolder) -> None:
    assert leicester.style.actions_annex is True
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "style.toml").write_text(
        'display_name = "Ours"\nactions_annex = "often"\n', encoding="utf-8"
    )
    with pytest.raises(
        StyleError, match=r"style\.toml: actions_annex: Input should be a valid boolean"
    ):
        load_style_folder(folder)
    (folder / "style.toml").write_text('display_name = "Ours"\n', encoding="utf-8")
    assert load_style_folder(folder).style.actions_annex is False


def test_a_withheld_declaration_ends_in_one_full_stop(leicester: StyleFolder) -> None:
    # In a public copy the member's words about the exempt item are left out: the sentence
    # ends after the title, with no comma left hanging (",.").
    line = "Councillor Bell declared a disclosable pecuniary interest in minute 15, Sale of Land at Mill Lane. Councillor Bell left the room during the consideration of the item."
    assert line in render_text(actions_meeting(), leicester).split("\n")
    assert line in visible_text(render_docx(actions_meeting(), leicester)).split("\n")
