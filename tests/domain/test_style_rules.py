"""The house-style rules (`clerk_app.domain.style_rules`): each rule, on and off, finds each
slip once, naming the minute, the field and the rule, and its fix writes what the council writes
and nothing else; the shipped styles' `[house_rules]` tables fit their own samples."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app import locations
from clerk_app.domain.finding import FindingKind, Severity, apply_fixes
from clerk_app.domain.findings import check_meeting, item_names
from clerk_app.domain.house_rules import HouseRules, TitleCase
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import (
    Attendance,
    Item,
    Meeting,
    Paragraph,
    Person,
    Role,
    Speaker,
)
from clerk_app.domain.style_rules import cased_title, fix_house_style, style_rule_findings
from clerk_app.render.errors import StyleError
from clerk_app.render.styles import available_styles, find_style, load_style_folder
from clerk_app.storage import load_meeting

ALL_ON = HouseRules(
    time="5.30pm",
    no_ordinals=True,
    member_title="Councillor",
    title_case=TitleCase.TITLE,
    capacity_dash=True,
    small_numbers_in_words=True,
    per_cent=True,
)
SLIPS = (
    "Cllr Moore said that 5 votes for, 2 against and 1 abstention on 8th April 2025 at 5:30 pm "
    "were 9% of the whole."
)
"""A minute text that breaks every prose rule."""


def style(rules: HouseRules = ALL_ON) -> HouseStyle:
    return HouseStyle(name="t", display_name="T", house_rules=rules)


def meeting(
    text: str = "",
    *,
    title: str = "Work Programme",
    attendance: tuple[Attendance, ...] = (),
    speakers: tuple[Speaker, ...] = (),
) -> Meeting:
    blocks = (Paragraph(text=text),) if text else ()
    return Meeting(
        date=dt.date(2025, 6, 18),
        first_minute_number=158,
        attendance=attendance,
        speakers=speakers,
        items=(Item(id="item", title=title, blocks=blocks),),
    )


def member(title: str = "Councillor", name: str = "Moore", capacity: str = "") -> Attendance:
    return Attendance(person=Person(title=title, name=name), role=Role.MEMBER, capacity=capacity)


def found(m: Meeting, rules: HouseRules = ALL_ON) -> list[str]:
    s = style(rules)
    return [f.message for f in style_rule_findings(m, s, item_names(m, s))]


def fixed_text(text: str, rules: HouseRules = ALL_ON) -> str:
    """The minute text once every fix is applied (and nothing is left to find)."""
    done, _ = fix_house_style(meeting(text), style(rules))
    assert found(done, rules) == []
    block = done.items[0].blocks[0]
    assert isinstance(block, Paragraph)
    return block.text


# --- each rule --------------------------------------------------------------------------------


def test_every_rule_is_off_by_default_and_an_off_rule_finds_nothing() -> None:
    slips = meeting(SLIPS, title="minutes Of the meeting", attendance=(member("Cllr"),))
    assert HouseRules() == HouseRules(
        time="",
        no_ordinals=False,
        member_title="",
        title_case=TitleCase.ANY,
        capacity_dash=False,
        small_numbers_in_words=False,
        per_cent=False,
    )
    assert found(slips, HouseRules()) == []
    assert [
        f for f in check_meeting(slips, style(HouseRules())) if f.kind is FindingKind.HOUSE_STYLE
    ] == []
    assert fix_house_style(slips, style(HouseRules())) == (slips, 0)


def test_a_time_is_written_as_the_example_in_the_message_the_clerk_reads() -> None:
    m = meeting("The meeting began at 5:30 pm.")
    s = style(HouseRules(time="5.30pm"))
    (finding,) = style_rule_findings(m, s, item_names(m, s))
    assert finding.message == (
        'Minute 158, minute text: "5:30 pm" is written "5.30pm" in this council\'s minutes '
        "(house rule: time)."
    )
    assert finding.severity is Severity.WARNING
    assert finding.kind is FindingKind.HOUSE_STYLE
    assert finding.rule == "time"
    assert finding.path == ("items", 0, "blocks", 0, "text")
    assert finding.fix is not None
    assert finding.fix.label == 'Write "5.30pm"'
    assert finding.fix.new == "The meeting began at 5.30pm."
    fixed, count = apply_fixes(m, [finding.fix])
    assert count == 1
    assert found(fixed, HouseRules(time="5.30pm")) == []


@pytest.mark.parametrize(
    ("example", "text", "written"),
    [
        (
            "5.30pm",
            "at 5:30pm, 5.30 pm, 5.30 p.m., 17:30 and 09:15",
            "at 5.30pm, 5.30pm, 5.30pm, 5.30pm and 9.15am",
        ),
        ("5.30pm", "closed at 8.20 p.m. The next", "closed at 8.20pm. The next"),
        ("5.30pm", "The meeting closed at 6 p.m.", "The meeting closed at 6pm."),
        ("5.30pm", "from 5 pm to 7.00pm", "from 5pm to 7.00pm"),  # no minutes stay none
        ("5.30pm", "at 12.15 a.m. and 12 PM", "at 12.15am and 12pm"),
        ("5:30 pm", "at 5.30pm, until 6pm.", "at 5:30 pm, until 6 pm."),
        ("5.30 p.m.", "closed at 6pm. Then 7.15pm", "closed at 6 p.m. Then 7.15 p.m."),
        ("5.30 p.m.", "at 6 p.m. sharp", "at 6 p.m. sharp"),
        ("17:30", "at 5.30pm and 9 a.m., and 6pm. Then", "at 17:30 and 09:00, and 18:00. Then"),
        ("17:30", "at 10.30 and 10:30", "at 10.30 and 10:30"),
    ],
)
def test_times_of_day_in_the_house_form(example: str, text: str, written: str) -> None:
    assert fixed_text(text, HouseRules(time=example)) == written


@pytest.mark.parametrize(
    "text",
    [
        "a rise of 9.5 in 2025/26, some 3.2 million, section 1.2, a charge of £5.30 and 5.30",
        "paragraphs 10:30 to 11:15 of the ratio 1:10",  # no am or pm, hours that could be either
        "5 amendments and 12 members at 7.45",
        "https://example.org/agenda?at=17:30 and clerk@example.org",
    ],
)
def test_numbers_that_are_not_times_are_left(text: str) -> None:
    assert found(meeting(text), HouseRules(time="5.30pm")) == []


def test_a_meeting_with_several_times_has_one_finding_for_each() -> None:
    assert found(meeting("from 5:30 pm to 6:15 pm"), HouseRules(time="5.30pm")) == [
        'Minute 158, minute text: "5:30 pm" is written "5.30pm" in this council\'s minutes '
        "(house rule: time).",
        'Minute 158, minute text: "6:15 pm" is written "6.15pm" in this council\'s minutes '
        "(house rule: time).",
    ]


ORDINALS = HouseRules(no_ordinals=True)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("held on 8th April 2025 and 22nd May 2025", "held on 8 April 2025 and 22 May 2025"),
        ("on 23rd September", "on 23 September"),
        ("the 8th of April 2025", "the 8 April 2025"),
        ("on April 8th, 2025 and 1st Jan", "on April 8, 2025 and 1 Jan"),
        (
            "the 8th meeting, on the 1st floor, in 2nd May be",
            "the 8th meeting, on the 1st floor, in 2 May be",
        ),
    ],
)
def test_dates_without_ordinals(text: str, written: str) -> None:
    assert fixed_text(text, ORDINALS) == written


def test_an_ordinal_is_one_finding_quoting_the_date() -> None:
    assert found(meeting("on 8th of April 2025"), ORDINALS) == [
        'Minute 158, minute text: "8th of April" is written "8 April" in this council\'s '
        "minutes (house rule: no_ordinals)."
    ]
    assert found(meeting("the 8th meeting"), ORDINALS) == []


COUNCILLOR = HouseRules(member_title="Councillor")
CLLR = HouseRules(member_title="Cllr")


@pytest.mark.parametrize(
    ("rules", "text", "written"),
    [
        (COUNCILLOR, "Cllr Moore and Cllr. Singh", "Councillor Moore and Councillor Singh"),
        (COUNCILLOR, "Cllrs Moore and Singh left", "Councillors Moore and Singh left"),
        (COUNCILLOR, "District Cllr Hall", "District Councillor Hall"),
        (CLLR, "Councillor Moore and Cllr. Singh", "Cllr Moore and Cllr Singh"),
        (CLLR, "Councillors Moore and Singh", "Cllrs Moore and Singh"),
        (
            CLLR,
            "the councillors and a Councillor Call for Action",
            "the councillors and a Councillor Call for Action",
        ),
        (CLLR, "as Councillor, she said", "as Councillor, she said"),
    ],
)
def test_councillors_addressed_in_the_house_form_in_the_text(
    rules: HouseRules, text: str, written: str
) -> None:
    assert fixed_text(text, rules) == written


def test_a_persons_title_of_address_in_the_attendance_and_the_speakers() -> None:
    m = meeting(
        attendance=(member("Cllr", "Moore"), member("County Cllr.", "Hill"), member("Mrs", "Day")),
        speakers=(Speaker(person=Person(title="Cllr", name="Lee")),),
    )
    assert found(m, COUNCILLOR) == [
        'The attendance (Cllr Moore), title of address: "Cllr" is written "Councillor" in this '
        "council's minutes (house rule: member_title).",
        'The attendance (County Cllr. Hill), title of address: "County Cllr." is written '
        '"County Councillor" in this council\'s minutes (house rule: member_title).',
        'The speakers (Cllr Lee), title of address: "Cllr" is written "Councillor" in this '
        "council's minutes (house rule: member_title).",
    ]
    done, count = fix_house_style(m, style(COUNCILLOR))
    assert count == 3
    assert [a.person.title for a in done.attendance] == ["Councillor", "County Councillor", "Mrs"]
    assert done.speakers[0].person.title == "Councillor"
    assert found(done, CLLR) == [
        'The attendance (Councillor Moore), title of address: "Councillor" is written "Cllr" in '
        "this council's minutes (house rule: member_title).",
        'The attendance (County Councillor Hill), title of address: "County Councillor" is '
        'written "County Cllr" in this council\'s minutes (house rule: member_title).',
        'The speakers (Councillor Lee), title of address: "Councillor" is written "Cllr" in '
        "this council's minutes (house rule: member_title).",
    ]


def test_a_substitute_for_a_councillor_is_a_name_field_the_rule_reads() -> None:
    m = meeting(attendance=(member().model_copy(update={"substitute_for": "Cllr Kitterick"}),))
    done, count = fix_house_style(m, style(COUNCILLOR))
    assert count == 1
    assert done.attendance[0].substitute_for == "Councillor Kitterick"


@pytest.mark.parametrize(
    ("case", "title", "written"),
    [
        (TitleCase.TITLE, "Minutes of the previous meeting", "Minutes of the Previous Meeting"),
        (TitleCase.TITLE, "Minutes Of The Previous Meeting", "Minutes of the Previous Meeting"),
        (TitleCase.TITLE, "the work programme", "The Work Programme"),
        (
            TitleCase.TITLE,
            "Introduction to CYPE Scrutiny Commission",
            "Introduction to CYPE Scrutiny Commission",
        ),
        (TitleCase.TITLE, "Budget and precept 2025/26", "Budget and Precept 2025/26"),
        (TitleCase.TITLE, "Notice of Motion: the Way Forward", "Notice of Motion: the Way Forward"),
        (
            TitleCase.TITLE,
            "Two-Hour Parking – Looked-after children",
            "Two-Hour Parking – Looked-after Children",
        ),
        (
            TitleCase.TITLE,
            "Report of A Working Group on Part A",
            "Report of a Working Group on Part A",
        ),
        (TitleCase.TITLE, "McDonald's iPad Scheme (SEND)", "McDonald's iPad Scheme (SEND)"),
        (
            TitleCase.TITLE,
            "(a) the budget and (ii) the precept",
            "(a) the Budget and (ii) the Precept",
        ),
        (TitleCase.SENTENCE, "apologies for absence", "Apologies for absence"),
        (TitleCase.SENTENCE, "Minutes Of the previous meeting", "Minutes of the previous meeting"),
        (
            TitleCase.SENTENCE,
            "Sale of The Old Rectory, Church Lane",
            "Sale of The Old Rectory, Church Lane",
        ),
        (
            TitleCase.SENTENCE,
            "Matters Arising (exempt business)",
            "Matters Arising (exempt business)",
        ),
        (TitleCase.UPPER, "Work Programme 2025/26", "WORK PROGRAMME 2025/26"),
    ],
)
def test_item_titles_in_the_house_case(case: TitleCase, title: str, written: str) -> None:
    assert cased_title(title, case) == written
    rules = HouseRules(title_case=case)
    m = meeting(title=title)
    messages = found(m, rules)
    assert len(messages) == (title != written)
    if title != written:
        assert messages == [
            f'Minute 158, title: "{title}" is written "{written}" in this council\'s minutes '
            "(house rule: title_case)."
        ]
    done, _ = fix_house_style(m, style(rules))
    assert done.items[0].title == written
    assert found(done, rules) == []


def test_a_titles_fix_changes_only_the_letters_that_differ() -> None:
    m = meeting(title="Minutes of the previous meeting")
    s = style(HouseRules(title_case=TitleCase.TITLE))
    (finding,) = style_rule_findings(m, s, item_names(m, s))
    assert finding.fix is not None
    assert (finding.fix.start, finding.fix.end) == (15, 25)
    assert finding.fix.label == "Write the title in title case"


def test_other_rules_in_an_upper_case_title_keep_it_upper_case() -> None:
    rules = HouseRules(time="5.30pm", no_ordinals=True, title_case=TitleCase.UPPER)
    m = meeting(title="Meeting of 8th April at 5:30 PM")
    done, _ = fix_house_style(m, style(rules))
    assert done.items[0].title == "MEETING OF 8 APRIL AT 5.30PM"
    assert found(done, rules) == []


DASH = HouseRules(capacity_dash=True)


@pytest.mark.parametrize(
    ("capacity", "written", "message"),
    [
        (
            "- Youth Representative",
            "Youth Representative",
            '"- Youth Representative" is written "Youth Representative"',
        ),
        (
            "Parent Governor - Primary",
            "Parent Governor – Primary",
            '"Parent Governor - Primary" is written "Parent Governor – Primary"',
        ),
    ],
)
def test_a_capacity_line_has_no_leading_dash_and_en_dashes(
    capacity: str, written: str, message: str
) -> None:
    m = meeting(attendance=(member("", "Joycelin Eze-Okubuiro", capacity),))
    assert found(m, DASH) == [
        f"The attendance (Joycelin Eze-Okubuiro), capacity: {message} in this council's "
        "minutes (house rule: capacity_dash)."
    ]
    done, count = fix_house_style(m, style(DASH))
    assert (count, done.attendance[0].capacity) == (1, written)
    for kept in ("Governor–Primary", "Eze-Okubuiro", "Governor – Primary"):
        assert found(meeting(attendance=(member("", "Day", kept),)), DASH) == []


def test_a_dash_in_the_minute_text_is_not_a_capacity() -> None:
    assert found(meeting("- a point in the text - said"), DASH) == []


SMALL = HouseRules(small_numbers_in_words=True)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("There were 5 votes for and 3 against.", "There were five votes for and three against."),
        (
            "The motion was carried by 7 votes to 2.",
            "The motion was carried by seven votes to two.",
        ),
        ("5 for, 2 against, 1 abstention", "Five for, two against, one abstention"),
        ("carried, with 3 abstaining", "carried, with three abstaining"),
        (
            "3 members voted against and 0 abstentions",
            "Three members voted against and no abstentions",
        ),
        ("The vote was lost 4 to 5.", "The vote was lost four to five."),
        ("carried 6 votes to 0", "carried six votes to nil"),
    ],
)
def test_small_numbers_in_vote_counts_are_words(text: str, written: str) -> None:
    assert fixed_text(text, SMALL) == written


@pytest.mark.parametrize(
    "text",
    [
        "Minute 7 for, information",
        "item 5 votes",
        "on 5 April, 15 votes for and 12 against",
        "a grant of £5 for each, 2.5 votes",
        "fell by 2 to 3 per cent",
        "the 2 options against the 3 proposals",
    ],
)
def test_figures_that_are_not_vote_counts_are_left(text: str) -> None:
    assert found(meeting(text), SMALL) == []


def test_a_small_number_is_one_finding_quoting_its_word() -> None:
    assert found(meeting("carried by 7 votes to 2"), SMALL) == [
        'Minute 158, minute text: "7 votes" is written "seven votes" in this council\'s minutes '
        "(house rule: small_numbers_in_words).",
        'Minute 158, minute text: "to 2" is written "to two" in this council\'s minutes '
        "(house rule: small_numbers_in_words).",
    ]


PER_CENT = HouseRules(per_cent=True)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("a 9% reduction", "a 9 per cent reduction"),
        ("a 9 % reduction and 12.5% more", "a 9 per cent reduction and 12.5 per cent more"),
        ("9 percent, 9pc and 9 p.c. Then", "9 per cent, 9 per cent and 9 per cent. Then"),
        ("ten percent. Percent", "ten per cent. Per cent"),
        ("9 per cent, a percentage", "9 per cent, a percentage"),
    ],
)
def test_per_cent(text: str, written: str) -> None:
    assert fixed_text(text, PER_CENT) == written


def test_a_per_cent_finding_quotes_the_figure() -> None:
    assert found(meeting("a 9% reduction"), PER_CENT) == [
        'Minute 158, minute text: "9%" is written "9 per cent" in this council\'s minutes '
        "(house rule: per_cent)."
    ]


# --- all together -----------------------------------------------------------------------------


def test_overlapping_rules_are_all_fixed_and_a_second_check_finds_none() -> None:
    text = "Cllr Moore said 5 votes were 9% of 17:30"
    m = meeting(text)
    assert len(found(m)) == 4
    done, count = fix_house_style(m, style())
    assert count == 4
    block = done.items[0].blocks[0]
    assert isinstance(block, Paragraph)
    assert block.text == "Councillor Moore said five votes were 9 per cent of 5.30pm"
    assert found(done) == []
    assert fix_house_style(done, style()) == (done, 0)


def test_fixes_change_nothing_the_rules_do_not_cover() -> None:
    text = (
        "The Chair\u2019s \u201cnote\u201d: " + SLIPS + "  Nothing else\u00a0changes; "
        "not £5.30, not 2025/26, not section 1.2 — nor this."
    )
    written = fixed_text(text)
    assert written == (
        "The Chair\u2019s \u201cnote\u201d: Councillor Moore said that five votes for, two "
        "against and one abstention on 8 April 2025 at 5.30pm were 9 per cent of the whole.  "
        "Nothing else\u00a0changes; not £5.30, not 2025/26, not section 1.2 — nor this."
    )


def test_a_title_with_a_slip_of_another_rule_is_fixed_in_a_later_pass() -> None:
    m = meeting(title="report Of Cllr Moore at 5:30 pm")
    done, count = fix_house_style(m, style())
    assert done.items[0].title == "Report of Councillor Moore at 5.30pm"
    assert count == 3
    assert found(done) == []


def test_each_slip_is_one_finding_of_the_whole_check() -> None:
    m = meeting(SLIPS, attendance=(member("Cllr"),))
    findings = check_meeting(m, style())
    house = [f for f in findings if f.kind is FindingKind.HOUSE_STYLE]
    # Cllr (twice: the title and the text), 5, 2, 1, 8th, 5:30 pm, 9%
    assert sorted(f.rule for f in house) == sorted(
        ["member_title"] * 2 + ["small_numbers_in_words"] * 3 + ["no_ordinals", "time", "per_cent"]
    )
    others = [f.message for f in findings if f.kind is not FindingKind.HOUSE_STYLE]
    for slip in ("Cllr", "5:30", "9%", "8th"):
        assert not any(slip in message for message in others), others
    assert all(f.fix is not None and f.severity is Severity.WARNING for f in house)


def test_a_fix_that_no_longer_fits_is_left() -> None:
    m = meeting("at 5:30 pm")
    s = style(HouseRules(time="5.30pm"))
    (finding,) = style_rule_findings(m, s, item_names(m, s))
    assert finding.fix is not None
    typed = fix_house_style(meeting("at 5:30 pm, then"), s)[0]
    assert apply_fixes(typed, [finding.fix]) == (typed, 0)


def test_the_part_is_named_outside_the_items() -> None:
    m = meeting().model_copy(update={"closing_note": "The meeting closed at 8.20 pm."})
    assert found(m, HouseRules(time="5.30pm")) == [
        'The meeting, closing note: "8.20 pm" is written "8.20pm" in this council\'s minutes '
        "(house rule: time)."
    ]


# --- style.toml -------------------------------------------------------------------------------


def _style_folder(tmp_path: Path, table: str) -> Path:
    folder = tmp_path / "ours"
    shutil.copytree(locations.templates_dir() / "district", folder)
    toml = folder / "style.toml"
    text = toml.read_text(encoding="utf-8")
    start = text.index("[house_rules]")
    end = text.find("\n[", start + 1)
    text = text[:start] + table + (text[end:] if end >= 0 else "")
    toml.write_text(text, encoding="utf-8")
    return folder


def test_a_style_states_its_house_rules_in_its_table(tmp_path: Path) -> None:
    folder = _style_folder(
        tmp_path, '[house_rules]\ntime = "17:30"\nmember_title = "Cllr"\ntitle_case = "sentence"\n'
    )
    rules = load_style_folder(folder).style.house_rules
    assert rules == HouseRules(time="17:30", member_title="Cllr", title_case=TitleCase.SENTENCE)
    assert not rules.per_cent  # what it does not say is off


@pytest.mark.parametrize(
    ("table", "where", "words"),
    [
        ('time = "half five"', "house_rules.time", '"half five" is not a time of day'),
        ('time = "5pm"', "house_rules.time", 'give an example such as "5.30pm"'),
        ('member_title = "Cllor"', "house_rules.member_title", 'must be "Councillor" or "Cllr"'),
        (
            'title_case = "lower"',
            "house_rules.title_case",
            'must be "upper", "title" or "sentence"',
        ),
        (
            'no_ordinals = "yes"',
            "house_rules.no_ordinals",
            'must be true or false (without quotes), not "yes"',
        ),
        ("per_cent = 1", "house_rules.per_cent", "must be true or false"),
        ("times = true", "house_rules", '"times" is not a house rule; the rules are time,'),
    ],
)
def test_a_bad_house_rule_is_refused_in_the_clerks_words(
    tmp_path: Path, table: str, where: str, words: str
) -> None:
    folder = _style_folder(tmp_path, f"[house_rules]\n{table}\n")
    with pytest.raises(StyleError) as caught:
        load_style_folder(folder)
    message = str(caught.value)
    assert f"{where}: " in message
    assert words in message
    assert not re.search(r"[Ii]nput should|pydantic|Value error", message), message


def test_house_rules_that_are_not_a_table_are_refused_in_the_clerks_words() -> None:
    with pytest.raises(ValueError, match=r"must be a table of rules: a \[house_rules\] line"):
        HouseStyle.model_validate({"name": "t", "display_name": "T", "house_rules": "on"})


def test_old_styles_without_the_table_find_nothing() -> None:
    old_styles = Path(__file__).parent.parent / "render" / "old_styles"
    folders = [f for f in old_styles.iterdir() if (f / "style.toml").is_file()]
    assert folders
    for folder in folders:
        assert "[house_rules]" not in (folder / "style.toml").read_text(encoding="utf-8")
        old = load_style_folder(folder).style
        assert old.house_rules == HouseRules()
        slips = meeting(SLIPS, title="minutes Of the meeting", attendance=(member("Cllr"),))
        assert style_rule_findings(slips, old, item_names(slips, old)) == []


SAMPLES = sorted(
    [
        *locations.samples_dir().glob("*.minutes"),
        *locations.samples_dir().glob("committees/*/*.minutes"),
    ]
)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_shipped_sample_keeps_its_own_styles_house_rules(path: Path) -> None:
    m = load_meeting(path)
    s = find_style(m.house_style).style
    assert style_rule_findings(m, s, item_names(m, s)) == []
    assert fix_house_style(m, s) == (m, 0)


def test_the_shipped_rules_say_what_each_council_writes() -> None:
    styles = {name: folder.style.house_rules for name, folder in available_styles().items()}
    # the parish sample writes "Cllr Hall" and "Minutes of the previous meeting"
    assert styles["parish"].member_title == "Cllr"
    assert styles["parish"].title_case is TitleCase.SENTENCE
    assert styles["district"] == ALL_ON.model_copy(update={"time": "7.30pm"})
    # Leicester's reference minutes write "8th April 2025" and "9%"
    assert not styles["leicester"].no_ordinals
    assert not styles["leicester"].per_cent
    assert styles["leicester"].member_title == "Councillor"
    # US minutes write "6:41 p.m." and "ten percent", and have no Councillors
    assert styles["uscity"].time == "5:00 p.m."
    assert not styles["uscity"].per_cent
    assert styles["uscity"].member_title == ""


def test_the_leicester_sample_would_break_the_rules_its_style_leaves_off() -> None:
    """The rules are off there because its reference minutes write so, not because the sample
    has none of it."""
    m = load_meeting(locations.samples_dir() / "leicester-cype-2025-06-18.minutes")
    messages = found(m, HouseRules(no_ordinals=True, per_cent=True))
    assert 'Minute 151, resolution: "8th April" is written "8 April"' in messages[0]
    assert any('"9%" is written "9 per cent"' in message for message in messages)


PIECES = (
    "Cllr", "Cllr.", "Councillor", "Councillors", "Cllrs", "Moore", "5", "7", "0", "12", "votes",
    "for", "against", "to", "by", "carried", "abstaining", "abstention", "1", "9%", "9", "%",
    "percent", "pc", "p.c.", "8th", "April", "of", "May", "5:30", "5.30", "pm", "p.m.", "a.m.",
    "17:30", "09:15", "PM", "the", "The", "and", "A", "Part", "-", "–", ".", ",", "Minute", "£5",
    "2025/26", "members", "voted", "in", "favour", "with", "Then", "(a)", ":", "6pm.", "Of",
)  # fmt: skip
RULE_SETS = [
    ALL_ON.model_copy(update={"time": time, "member_title": title, "title_case": case})
    for time in ("5.30pm", "5:30 pm", "5.30 p.m.", "17:30")
    for title in ("Councillor", "Cllr")
    for case in (TitleCase.TITLE, TitleCase.SENTENCE, TitleCase.UPPER)
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(text=texts, title=texts, capacity=texts, rules=st.sampled_from(RULE_SETS))
def test_fixing_leaves_nothing_to_find_and_fixing_again_changes_nothing(
    text: str, title: str, capacity: str, rules: HouseRules
) -> None:
    m = meeting(text, title=title, attendance=(member("Cllr", "Moore", capacity),))
    done, _ = fix_house_style(m, style(rules))
    assert found(done, rules) == []
    assert fix_house_style(done, style(rules)) == (done, 0)
