"""`clerk-app check-style`: what it finds in a council's broken copy of a house style."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting, Signatory
from clerk_app.render.stylecheck import check_style_folder
from clerk_app.render.styles import builtin_styles_dir


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A user's copy of the Leicester style, to break: one that writes its times one way, so that
    a test finds only what it breaks."""
    target = tmp_path / "ours"
    shutil.copytree(builtin_styles_dir() / "leicester", target)
    style = target / "style.toml"
    text = style.read_text(encoding="utf-8")
    assert 'close_time_format = "{h}.{mm}{am_pm}"' in text
    style.write_text(
        text.replace(
            'close_time_format = "{h}.{mm}{am_pm}"', 'close_time_format = "{h}:{mm} {am_pm}"'
        ),
        encoding="utf-8",
    )
    return target


def messages(folder: Path, samples: tuple[Meeting, ...] = ()) -> list[str]:
    return [str(p) for p in check_style_folder(folder, samples)]


def rewrite_docx(path: Path, part: str, change: tuple[str, str], count: int = 1) -> None:
    """`change` made in one part of a Word file: the first `count` times (-1: every time)."""
    with zipfile.ZipFile(path) as archive:
        contents = {n: archive.read(n) for n in archive.namelist()}
    text = contents[part].decode("utf-8")
    assert change[0] in text, f"{change[0]!r} not in {part}"
    contents[part] = text.replace(change[0], change[1], count).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


def test_the_builtin_styles_are_clean_but_for_leicesters_times(sample: Meeting) -> None:
    """Leicester writes times as its published minutes do: that is the style's own
    inconsistency, reported here once rather than on every meeting."""
    found = {
        p.name: messages(p, (sample,))
        for p in sorted(builtin_styles_dir().iterdir())
        if (p / "style.toml").is_file()
    }
    assert found == {
        **{name: [] for name in found},
        "leicester": [
            "warning: style.toml: writes the start time like '5:30 pm' but the closing time like "
            "'8.20pm'"
        ],
        "parish": [],
    }


def test_a_style_that_says_it_writes_a_standing_item_its_templates_never_mention(
    copy: Path,
) -> None:
    style = copy / "style.toml"
    text = style.read_text(encoding="utf-8")
    assert 'writes_standing_items = ["declarations"]' in text
    style.write_text(
        text.replace(
            'writes_standing_items = ["declarations"]',
            'writes_standing_items = ["declarations", "petitions"]',
        ),
        encoding="utf-8",
    )
    assert messages(copy) == [
        "warning: style.toml: writes_standing_items names 'petitions', which minutes.txt.j2 never "
        "mentions: its minutes would print that item empty without notice",
        "warning: style.toml: writes_standing_items names 'petitions', which minutes.docx never "
        "mentions: its minutes would print that item empty without notice",
    ]


def test_text_template_syntax_error(copy: Path) -> None:
    template = copy / "minutes.txt.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("{% endif %}", "{% endiff %}", 1),
        encoding="utf-8",
    )
    (found,) = messages(copy)
    assert found.startswith("error: minutes.txt.j2, line ")
    assert "endiff" in found


def test_names_the_context_does_not_provide(copy: Path) -> None:
    template = copy / "minutes.txt.j2"
    template.write_text(
        template.read_text(encoding="utf-8") + "{{ chairman }}{{ meeting.authority }}\n",
        encoding="utf-8",
    )
    (found,) = messages(copy)
    assert found.startswith(
        "error: minutes.txt.j2: uses 'chairman', which the minutes do not provide (they provide: attendance, generator, interests, items, meeting, style)"
    )


def test_word_template_syntax_error_with_its_place(copy: Path) -> None:
    rewrite_docx(
        copy / "minutes.docx",
        "word/document.xml",
        ("P R E S E N T :", "P R E S E N T : {{ meeting.body ) }}"),
    )
    (found,) = messages(copy)
    assert found.startswith("error: minutes.docx (word/document.xml): ")
    assert "near: " in found and "Minutes of the" in found


def test_word_template_unknown_name_and_missing_style(copy: Path) -> None:
    rewrite_docx(copy / "minutes.docx", "word/document.xml", ("P R E S E N T :", "{{ quorum }}"))
    rewrite_docx(
        copy / "minutes.docx", "word/document.xml", ('w:val="Separator"', 'w:val="Asterisks"')
    )
    found = messages(copy)
    assert (
        "error: minutes.docx (word/document.xml): uses 'quorum', which the minutes do not provide"
        in found
    )
    assert (
        "error: minutes.docx (word/document.xml): uses the style 'Asterisks', which is not defined"
        in found
    )


def test_headings_that_are_not_heading_styles(copy: Path) -> None:
    rewrite_docx(
        copy / "minutes.docx",
        "word/document.xml",
        ('<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="MinuteText"/>'),
        count=-1,
    )
    rewrite_docx(
        copy / "minutes.docx",
        "word/document.xml",
        ('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="MinuteText"/>'),
        count=-1,
    )
    assert messages(copy) == [
        "warning: minutes.docx: no paragraph uses a heading style: Word's navigation pane will not list the items"
    ]


def test_rendering_the_samples_is_part_of_the_check(copy: Path, sample: Meeting) -> None:
    template = copy / "minutes.txt.j2"
    template.write_text("{{ items[0].title }}{{ 1 / 0 }}", encoding="utf-8")
    found = messages(copy, (sample,))
    assert found[0] == (
        "warning: style.toml: writes_standing_items names 'declarations', which minutes.txt.j2 "
        "never mentions: its minutes would print that item empty without notice"
    )
    assert found[1].startswith(
        "error: rendering the sample 'Children, Young People and Education Scrutiny Commission' (public copy): minutes.txt.j2: ZeroDivisionError"
    )


def test_bad_style_toml_and_empty_folder(copy: Path, tmp_path: Path) -> None:
    (copy / "style.toml").write_text(
        'display_name = "x"\nminute_number_format = "{n}"\n', encoding="utf-8"
    )
    (found,) = messages(copy)
    assert "minute_number_format: '{n}' uses {n}" in found
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "style.toml").write_text('display_name = "Empty"\n', encoding="utf-8")
    assert messages(empty) == [f"error: {empty}: has neither minutes.txt.j2 nor minutes.docx"]


@pytest.mark.parametrize(
    ("tag", "problem"),
    [
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{% for i in range(10**7) %}x{% endfor %}", "OverflowError"),
        ('{{ "%d" % "x" }}', "TypeError"),
    ],
)
def test_a_word_template_failing_on_the_samples_is_a_finding(
    copy: Path, sample: Meeting, tag: str, problem: str
) -> None:
    rewrite_docx(
        copy / "minutes.docx",
        "word/document.xml",
        ("<w:body>", f"<w:body><w:p><w:r><w:t>{tag}</w:t></w:r></w:p>"),
    )
    found = messages(copy, (sample,))
    assert any(
        m.startswith("error: rendering the sample") and f"minutes.docx: {problem}" in m
        for m in found
    ), found


@pytest.mark.parametrize("data", [b"not a zip", b""])
def test_a_word_template_that_is_not_a_word_document(copy: Path, data: bytes) -> None:
    (copy / "minutes.docx").write_bytes(data)
    (found,) = messages(copy)
    assert found.startswith("error: minutes.docx: is not a usable Word document")


def test_a_truncated_word_template(copy: Path) -> None:
    template = copy / "minutes.docx"
    template.write_bytes(template.read_bytes()[:20000])
    (found,) = messages(copy)
    assert found.startswith("error: minutes.docx: is not a usable Word document")


def test_a_text_template_nested_too_deeply_to_read(copy: Path) -> None:
    (copy / "minutes.txt.j2").write_text("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}")
    assert messages(copy)[0] == "error: minutes.txt.j2: its tags nest too deeply to be read"


def test_a_style_that_never_prints_officers_or_actions_is_told_so() -> None:
    """Allowed (the export does not refuse it), but whoever looks after the style should know."""
    old = Path(__file__).parent / "old_styles" / "leicester-2025-11"
    problems = [str(p) for p in check_style_folder(old)]
    for template in ("minutes.txt.j2", "minutes.docx"):
        for words in ("the officers in attendance", "the follow-up actions"):
            assert (
                f"warning: {template}: never prints {words}: minutes that have them will "
                "not show them"
            ) in problems
    assert not any(p.startswith("error") for p in problems)
    current = [str(p) for p in check_style_folder(builtin_styles_dir() / "leicester")]
    assert not any("never prints" in p for p in current)


# The chair's signature (the law checks, issue 14): a style whose [law] says the chair signs the
# minutes it makes prints a place to sign; that is the style's concern, not each meeting's.
DISTRICT_SIGNED = "Signed ........................................ (Chair)"
DISTRICT_DATE = "Date ...................."
UNSIGNED = "error: {}: prints no signature block (a line 'Signed ........ (Chair)') for minutes"


@pytest.fixture
def district(tmp_path: Path) -> Path:
    target = tmp_path / "district"
    shutil.copytree(builtin_styles_dir() / "district", target)
    return target


def unsign(folder: Path, text: bool = True, docx: bool = True) -> None:
    """The style's own signature block (for minutes naming no signatories) taken out."""
    if text:
        template = folder / "minutes.txt.j2"
        source = template.read_text(encoding="utf-8")
        line = f"{DISTRICT_SIGNED}   {DISTRICT_DATE}\n"
        assert source.count(line) == 1
        template.write_text(source.replace(line, "\n"), encoding="utf-8")
    if docx:
        word = folder / "minutes.docx"
        rewrite_docx(word, "word/document.xml", (f"<w:t>{DISTRICT_SIGNED}</w:t>", "<w:t></w:t>"))
        rewrite_docx(word, "word/document.xml", (f"<w:t>{DISTRICT_DATE}</w:t>", "<w:t></w:t>"))


def set_law(folder: Path, old: str, new: str) -> None:
    style = folder / "style.toml"
    text = style.read_text(encoding="utf-8")
    assert old in text
    style.write_text(text.replace(old, new), encoding="utf-8")


def test_a_style_whose_chair_signs_prints_a_signature_block(
    district: Path, sample: Meeting
) -> None:
    assert messages(district, (sample,)) == []
    unsign(district, docx=False)
    (found,) = messages(district, (sample,))
    assert found.startswith(UNSIGNED.format("minutes.txt.j2"))
    assert "paragraph 41(1) of Schedule 12 to the Local Government Act 1972" in found
    assert found.endswith("add one, or set signature = false if the council signs another copy")
    unsign(district, text=False)
    assert [m[:60] for m in messages(district, (sample,))] == [
        UNSIGNED.format("minutes.txt.j2")[:60],
        UNSIGNED.format("minutes.docx")[:60],
    ]
    # without samples too (a meeting of its own is rendered)
    assert len(messages(district)) == 2


def test_a_block_for_the_meetings_own_signatories_only_is_not_the_styles_block(
    district: Path, sample: Meeting
) -> None:
    """The sample names signatories; the check renders it without them, as a meeting that
    names none prints the style's own block."""
    unsign(district)
    signed = sample.model_copy(update={"signatories": (Signatory(role="Chair"),)})
    assert len(messages(district, (signed,))) == 2


@pytest.mark.parametrize(
    ("old", "new"),
    [("signature = true", "signature = false"), ('nation = "england"', 'nation = "none"')],
)
def test_no_signature_block_is_asked_for_when_the_law_does_not_ask_it(
    district: Path, sample: Meeting, old: str, new: str
) -> None:
    unsign(district)
    set_law(district, old, new)
    assert messages(district, (sample,)) == []
