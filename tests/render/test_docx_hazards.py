"""What a Word house style may not hold: references outside the document, fields that fetch
content, document type declarations, parts that unpack to gigabytes; and minutes text too large
for one Word paragraph.

Each hostile template is made here from the Leicester style's own `minutes.docx`; every case
checks that `check-style` reports what export refuses, in the same words.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.domain.model import Lines, Meeting, Paragraph
from clerk_app.render.docx import render_docx
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.stylecheck import check_style_folder
from clerk_app.render.styles import builtin_styles_dir, load_style_folder
from tests.render.test_docx import TITLES_AND_ROWS, make_docx_style

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
BODY = "<w:body>"
MB = 1_000_000


def rels(*relationships: str) -> bytes:
    return (
        f'{DECLARATION}\n<Relationships xmlns="{REL_NS}">{"".join(relationships)}</Relationships>'
    ).encode()


def leicester_copy(folder: Path) -> Path:
    shutil.copytree(builtin_styles_dir() / "leicester", folder)
    return folder


def rewrite(
    folder: Path,
    changes: tuple[tuple[str, str, str], ...] = (),
    add: dict[str, bytes] | None = None,
    zeros: dict[str, int] | None = None,
    bzip2: tuple[str, ...] = (),
) -> Path:
    """The Word template of the style in `folder`, with (part, old, new) replaced once in each
    part, parts added, parts replaced by that many zero bytes (deflated, so that the file stays
    small), parts compressed with bzip2."""
    path = folder / "minutes.docx"
    with zipfile.ZipFile(path) as archive:
        contents = {n: archive.read(n) for n in archive.namelist()}
    for part, old, new in changes:
        text = contents[part].decode("utf-8")
        assert old in text, f"{old!r} not in {part}"
        contents[part] = text.replace(old, new, 1).encode("utf-8")
    contents.update(add or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            if zeros and name in zeros:
                with archive.open(name, "w", force_zip64=True) as member:
                    chunk, left = bytes(16 * MB), zeros[name]
                    while left:
                        member.write(chunk[: min(left, len(chunk))])
                        left -= min(left, len(chunk))
            else:
                method = zipfile.ZIP_BZIP2 if name in bzip2 else zipfile.ZIP_DEFLATED
                archive.writestr(name, data, compress_type=method)
    for name in zeros or {}:
        if name not in contents:
            raise AssertionError(f"{name} is not in the template")
    return folder


@pytest.fixture(scope="module")
def samples() -> tuple[Meeting, ...]:
    from clerk_app.storage import load_meeting

    return tuple(load_meeting(p) for p in sorted(locations.samples_dir().glob("*.minutes")))


def errors_of(folder: Path, samples: tuple[Meeting, ...] = ()) -> list[str]:
    return [str(p) for p in check_style_folder(folder, samples) if p.severity == "error"]


def in_folder(folder: Path, message: str) -> str:
    """A check-style message as export gives it: the template's full path first."""
    return f"{folder}{os.sep}{message}"


def export_refusal(folder: Path, sample: Meeting) -> str:
    """The one-line message export gives for the style in `folder` (it must refuse)."""
    with pytest.raises((StyleError, RenderError)) as info:
        render_docx(sample, load_style_folder(folder))
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# --- references outside the document, and fields that fetch content ---------------------------

ATTACHED = (
    f'<Relationship Id="rIdT" Type="{REL_TYPE}/attachedTemplate" '
    'Target="file:///\\\\host\\share\\Normal.dotm" TargetMode="External"/>'
)


def attached_template(folder: Path) -> None:
    rewrite(
        folder,
        (
            (
                "word/settings.xml",
                '<w:zoom w:val="bestFit"/>',
                '<w:zoom w:val="bestFit"/><w:attachedTemplate r:id="rIdT"/>',
            ),
        ),
        {"word/_rels/settings.xml.rels": rels(ATTACHED)},
    )


def linked_picture(folder: Path) -> None:
    """The crest as a picture Word fetches (r:link) from a server when the minutes are opened:
    it tells whoever runs the server who opened which minutes, and when."""
    rewrite(
        folder,
        (
            (
                "word/_rels/header1.xml.rels",
                'Target="media/image1.png"',
                'Target="http://tracker.example/crest.png" TargetMode="External"',
            ),
            ("word/header1.xml", 'r:embed="rId1"', 'r:link="rId1"'),
        ),
    )


def embedded_but_external_picture(folder: Path) -> None:
    rewrite(
        folder,
        (
            (
                "word/_rels/header1.xml.rels",
                'Target="media/image1.png"',
                'Target="\\\\host\\share\\crest.png" TargetMode="External"',
            ),
        ),
    )


def field_paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r>{run}</w:r>" for run in runs) + "</w:p>"


BEGIN = '<w:fldChar w:fldCharType="begin"/>'
SEPARATE = '<w:fldChar w:fldCharType="separate"/>'
END = '<w:fldChar w:fldCharType="end"/>'


def instr(text: str) -> str:
    return f'<w:instrText xml:space="preserve">{text}</w:instrText>'


def in_body(xml: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        rewrite(folder, (("word/document.xml", BODY, BODY + xml),))

    return change


include_text = in_body(
    '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\host\\\\share\\\\x.docx&quot; ">'
    "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
)
# A complex field whose name is split over two runs, as Word itself often writes them.
include_picture_in_runs = in_body(
    field_paragraph(
        BEGIN,
        instr(" INCLUDE"),
        instr('PICTURE "http://tracker.example/p.png" \\d'),
        SEPARATE,
        "<w:t>x</w:t>",
        END,
    )
)
# { { QUOTE "INCLUDETEXT" } "\\host\x" }: Word works out the inner field first.
computed_kind = in_body(
    field_paragraph(
        BEGIN,
        BEGIN,
        instr(' QUOTE "INCLUDETEXT" '),
        END,
        instr(' "\\\\host\\x.docx" '),
        SEPARATE,
        "<w:t>x</w:t>",
        END,
    )
)
# The template writes the field's instruction: the sample meetings would not show it.
written_by_the_template = in_body(
    field_paragraph(
        BEGIN, instr('{{ "INCLUDE" ~ "TEXT" }} "\\\\host\\x.docx"'), SEPARATE, "<w:t>x</w:t>", END
    )
)


def dde_in_the_footer(folder: Path) -> None:
    rewrite(
        folder,
        (
            (
                "word/footer1.xml",
                "<w:p>",
                field_paragraph(BEGIN, instr(" ddeauto Excel Sheet1 R1C1 "), END) + "<w:p>",
            ),
        ),
    )


def mail_merge(folder: Path) -> None:
    rewrite(
        folder,
        (
            (
                "word/settings.xml",
                '<w:defaultTabStop w:val="720"/>',
                '<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
                '<w:connectString w:val="DSN=Councillors"/>'
                '<w:query w:val="SELECT * FROM members"/></w:mailMerge>'
                '<w:defaultTabStop w:val="720"/>',
            ),
        ),
    )


def alt_chunk(folder: Path) -> None:
    """A web page in the package that Word converts when it opens the minutes: its pictures
    come from wherever it says."""
    page = b'<html><body><img src="http://tracker.example/p.png"></body></html>'
    chunk = f'<Relationship Id="rIdA" Type="{REL_TYPE}/aFChunk" Target="page.html"/>'
    rewrite(
        folder,
        (
            ("word/document.xml", BODY, BODY + '<w:altChunk r:id="rIdA"/>'),
            (
                "word/_rels/document.xml.rels",
                "</Relationships>",
                chunk + "</Relationships>",
            ),
            (
                "[Content_Types].xml",
                "</Types>",
                '<Default Extension="html" ContentType="text/html"/></Types>',
            ),
        ),
        {"word/page.html": page},
    )


FETCHES = "fetches content from outside the document when Word updates it: remove the field"
EXTERNAL_CASES = {
    "attached template": (
        attached_template,
        "minutes.docx (word/_rels/settings.xml.rels): refers to "
        "'file:///\\\\host\\share\\Normal.dotm' outside the document (an attached template), "
        "which Word would fetch when the minutes are opened: a house style must hold "
        "everything it shows",
    ),
    "linked picture": (
        linked_picture,
        "minutes.docx (word/_rels/header1.xml.rels): refers to "
        "'http://tracker.example/crest.png' outside the document (a picture), which Word would "
        "fetch when the minutes are opened: a house style must hold everything it shows",
    ),
    "external picture": (
        embedded_but_external_picture,
        "minutes.docx (word/_rels/header1.xml.rels): refers to '\\\\host\\share\\crest.png' "
        "outside the document (a picture), which Word would fetch when the minutes are opened: "
        "a house style must hold everything it shows",
    ),
    "INCLUDETEXT": (
        include_text,
        f"minutes.docx (word/document.xml): has an INCLUDETEXT field, which {FETCHES}",
    ),
    "INCLUDEPICTURE in runs": (
        include_picture_in_runs,
        f"minutes.docx (word/document.xml): has an INCLUDEPICTURE field, which {FETCHES}",
    ),
    "computed field": (
        computed_kind,
        "minutes.docx (word/document.xml): has a field whose kind another field works out, "
        "which could make it fetch content from outside the document: remove the field",
    ),
    "field written by the template": (
        written_by_the_template,
        "minutes.docx (word/document.xml): has a field whose instruction the template writes "
        '(\'{{ "INCLUDE" ~ "TEXT" }} "\\\\host\\x.docx"\'), which could make it fetch '
        "content from outside the document: type the field in Word instead",
    ),
    "DDEAUTO": (
        dde_in_the_footer,
        f"minutes.docx (word/footer1.xml): has a DDEAUTO field, which {FETCHES}",
    ),
    "altChunk": (
        alt_chunk,
        "minutes.docx (word/document.xml): holds a piece of another document (an altChunk), "
        "which Word converts when it opens the minutes and which may fetch content from "
        "outside the document: save the template again from Word",
    ),
    "mail merge": (
        mail_merge,
        "minutes.docx (word/settings.xml): is set up for a mail merge, which takes data from "
        "outside the document when Word opens it: make it a normal Word document again "
        "(Mailings, Start Mail Merge, Normal Word Document)",
    ),
}


@pytest.mark.parametrize("case", list(EXTERNAL_CASES))
def test_what_reaches_outside_the_document_is_an_error_and_is_not_exported(
    case: str, tmp_path: Path, sample: Meeting
) -> None:
    make, expected = EXTERNAL_CASES[case]
    folder = leicester_copy(tmp_path / "ours")
    make(folder)
    assert errors_of(folder) == [f"error: {expected}"]
    assert export_refusal(folder, sample) == in_folder(folder, expected)


def test_a_hyperlink_outside_the_document_is_kept(tmp_path: Path, sample: Meeting) -> None:
    """A reader has to click a hyperlink, and Word asks before following it; councils link to
    their website in the footer."""
    folder = leicester_copy(tmp_path / "ours")
    link = (
        f'<Relationship Id="rIdH" Type="{REL_TYPE}/hyperlink" '
        'Target="https://www.leicester.gov.uk/" TargetMode="External"/>'
    )
    rewrite(
        folder,
        (
            (
                "word/footer1.xml",
                "<w:p>",
                '<w:p><w:hyperlink r:id="rIdH"><w:r><w:t>www.leicester.gov.uk</w:t></w:r>'
                "</w:hyperlink></w:p><w:p>",
            ),
        ),
        {"word/_rels/footer1.xml.rels": rels(link)},
    )
    assert errors_of(folder) == []
    data = render_docx(sample, load_style_folder(folder))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        kept = archive.read("word/_rels/footer1.xml.rels").decode()
    assert 'Target="https://www.leicester.gov.uk/" TargetMode="External"' in kept


def test_a_field_the_template_writes_as_markup_is_caught_in_the_output(
    tmp_path: Path, sample: Meeting, samples: tuple[Meeting, ...]
) -> None:
    """`safe` lets a template write markup that no check of the template can see: the
    document it produced is checked too, and check-style finds it by rendering the samples."""
    folder = tmp_path / "markup"
    make_docx_style(
        folder, "{{ '<w:fldSimple w:instr=\"INCLUDETEXT x.docx\"/>' | safe }}", *TITLES_AND_ROWS
    )
    expected = (
        "minutes.docx: the document it produced (word/document.xml) has an INCLUDETEXT field, "
        f"which {FETCHES}; nothing was written"
    )
    assert export_refusal(folder, sample) == expected
    found = errors_of(folder, samples)
    assert found and all(e.endswith(expected) for e in found), found


# --- document type declarations ---------------------------------------------------------------

DOCTYPES = {
    "plain": ("<!DOCTYPE w:hdr>", ""),
    "an entity": ('<!DOCTYPE w:hdr [<!ENTITY boom "boom">]>', "&boom; "),
    "a billion laughs": (
        '<!DOCTYPE w:hdr [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
            for a, b in zip("abcdef", "bcdefg", strict=True)
        )
        + "]>",
        "&g; ",
    ),
    "an external file": ('<!DOCTYPE w:hdr [<!ENTITY pw SYSTEM "file:///etc/passwd">]>', "&pw; "),
    "a remote DTD": ('<!DOCTYPE w:hdr SYSTEM "http://tracker.example/x.dtd">', ""),
}
DTD_ERROR = (
    "minutes.docx (word/header1.xml): holds a document type declaration (<!DOCTYPE …>), which "
    "Word files never have and Clerk does not read: save the template again from Word"
)


@pytest.mark.parametrize("utf16", [False, True], ids=["utf-8", "utf-16"])
@pytest.mark.parametrize("case", list(DOCTYPES))
def test_a_document_type_declaration_is_a_style_error(
    case: str, utf16: bool, tmp_path: Path, sample: Meeting
) -> None:
    doctype, reference = DOCTYPES[case]
    folder = leicester_copy(tmp_path / "ours")
    rewrite(
        folder,
        (
            ("word/header1.xml", "standalone='yes'?>", f"standalone='yes'?>\n{doctype}"),
            (
                "word/header1.xml",
                "<w:t>{{ meeting.authority }}</w:t>",
                f"<w:t>{reference}{{{{ meeting.authority }}}}</w:t>",
            ),
        ),
    )
    if utf16:
        path = folder / "minutes.docx"
        with zipfile.ZipFile(path) as archive:
            contents = {n: archive.read(n) for n in archive.namelist()}
        header = contents["word/header1.xml"].decode().replace("UTF-8", "UTF-16")
        contents["word/header1.xml"] = header.encode("utf-16")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in contents.items():
                archive.writestr(name, data)
    assert errors_of(folder) == [f"error: {DTD_ERROR}"]
    assert export_refusal(folder, sample) == in_folder(folder, DTD_ERROR)


# --- parts that unpack to far more than a house style holds -------------------------------------


MEASURED = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(done.returncode)\n"
)
"""Runs a command and prints its peak memory (in KB, as Linux gives it). The command runs as
the grandchild of the test: Linux carries a process's peak memory across exec, so the test's
own child would report pytest's size."""


def run_measured(*args: str | Path, data_dir: Path) -> tuple[int, str, float, int]:
    """Run clerk-app in a process of its own: exit status, what it wrote to stderr, seconds, and
    its peak memory in bytes. (The resource module is POSIX-only: this measures on Linux.)"""
    env = {**os.environ, locations.DATA_DIR_VARIABLE: str(data_dir)}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, sys.executable, "-m", "clerk_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    seconds = time.monotonic() - start
    return done.returncode, done.stderr, seconds, int(done.stdout) * 1024


def test_an_image_that_unpacks_to_hundreds_of_megabytes_is_refused_unread(
    tmp_path: Path, sample_path: Path, user_data: Path
) -> None:
    """The audit's 1.5 MB template holding a 1.5 GB image took 3.1 GB and 11.6 s per export;
    here a 300 MB one (a 300 KB file). Clerk reads the sizes the file declares before opening
    it, and never unpacks it."""
    folder = leicester_copy(user_data / "styles" / "bomb")
    rewrite(folder, zeros={"word/media/image1.png": 300 * MB})
    assert (folder / "minutes.docx").stat().st_size < MB
    expected = (
        "minutes.docx (word/media/image1.png): unpacks to 300 MB, more than one part of a house "
        "style may hold (50 MB)"
    )
    out = tmp_path / "m.docx"
    code, err, seconds, peak = run_measured(
        "export", sample_path, "-o", out, "--style", "bomb", data_dir=user_data
    )
    assert (code, err) == (2, f"clerk-app: error: {in_folder(folder, expected)}\n")
    assert not out.exists()
    assert peak < 150 * MB, f"export's peak memory was {peak / MB:.0f} MB"
    assert seconds < 15
    code, err, seconds, peak = run_measured("check-style", folder, data_dir=user_data)
    assert code == 1
    assert peak < 150 * MB, f"check-style's peak memory was {peak / MB:.0f} MB"
    assert errors_of(folder) == [f"error: {expected}"]


def test_parts_that_together_unpack_to_too_much_are_refused(
    tmp_path: Path, sample: Meeting
) -> None:
    folder = leicester_copy(tmp_path / "ours")
    pictures = {f"word/media/extra{n}.png": 45 * MB for n in range(5)}
    rewrite(folder, add=dict.fromkeys(pictures, b""), zeros=pictures)
    expected = "minutes.docx: unpacks to 225 MB in all, more than a house style may hold (200 MB)"
    assert errors_of(folder) == [f"error: {expected}"]
    assert export_refusal(folder, sample) == in_folder(folder, expected)


def test_a_size_no_deflated_part_could_have_is_refused(tmp_path: Path, sample: Meeting) -> None:
    """A part whose declared size is more than deflate can make of its compressed bytes: made
    to mislead whatever trusts the declared size."""
    folder = leicester_copy(tmp_path / "ours")
    path = folder / "minutes.docx"
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/media/image1.png")
    name = info.filename.encode()
    entry = data.index(b"PK\x01\x02")  # the central directory's first entry
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, 40 * MB)  # the central directory's size
    path.write_bytes(bytes(data))
    kb = round(info.compress_size / 1000)
    expected = (
        f"minutes.docx (word/media/image1.png): claims to unpack to 40 MB from {kb} KB, which "
        "no Word file does: the file is damaged or made to mislead"
    )
    assert errors_of(folder) == [f"error: {expected}"]
    assert export_refusal(folder, sample) == in_folder(folder, expected)


def test_a_compression_word_never_uses_is_refused(tmp_path: Path, sample: Meeting) -> None:
    """bzip2 makes a few bytes of any size: Word writes only stored and deflated parts."""
    folder = leicester_copy(tmp_path / "ours")
    rewrite(folder, bzip2=("word/media/image1.png",))
    expected = (
        "minutes.docx (word/media/image1.png): is compressed in a way Word never uses (bzip2): "
        "save the template again from Word"
    )
    assert errors_of(folder) == [f"error: {expected}"]
    assert export_refusal(folder, sample) == in_folder(folder, expected)


# --- minutes text too large for one Word paragraph ----------------------------------------------


def with_paragraph(meeting: Meeting, block: Paragraph | Lines, index: int = 3) -> Meeting:
    item = meeting.items[index]
    bigger = item.model_copy(update={"blocks": (*item.blocks, block)})
    items = (*meeting.items[:index], bigger, *meeting.items[index + 1 :])
    return meeting.model_copy(update={"items": items})


@pytest.mark.parametrize(
    ("text", "size"), [("word " * 2_400_000, "12 MB"), ("é" * 5_100_000, "10 MB")]
)
def test_a_paragraph_too_large_for_word_says_where(text: str, size: str, sample: Meeting) -> None:
    """lxml, under docxtpl, holds at most 10 MB of text in one paragraph's run and silently
    cuts the rest: the export used to fail with "lost text". It says what and where instead."""
    meeting = with_paragraph(sample, Paragraph(text=text))
    with pytest.raises(RenderError) as info:
        render_docx(meeting, load_style_folder(builtin_styles_dir() / "leicester"))
    assert str(info.value) == (
        f"Minute 152's text is {size}, more than Clerk can put in one Word paragraph (9.9 MB): "
        "split it into shorter paragraphs; nothing was written"
    )


def test_a_committee_name_too_large_for_word_says_so(sample: Meeting) -> None:
    meeting = sample.model_copy(update={"body": "Scrutiny " * 1_200_000})
    with pytest.raises(RenderError) as info:
        render_docx(meeting, load_style_folder(builtin_styles_dir() / "leicester"))
    assert str(info.value).startswith(
        "The meeting's committee name is 11 MB, more than Clerk can put in one Word paragraph"
    )


def test_long_text_in_short_lines_goes_to_word_whole(sample: Meeting) -> None:
    """The limit is on one run of text: twelve lines of a megabyte each are written whole."""
    lines = tuple(f"{n} " + "x" * (MB - 10) for n in range(12))
    meeting = with_paragraph(sample, Lines(lines=lines))
    data = render_docx(meeting, load_style_folder(builtin_styles_dir() / "leicester"))
    assert len(data) > 20_000  # rendered and checked complete (nothing lost)


def test_export_names_the_first_problem_and_counts_the_rest(
    tmp_path: Path, sample: Meeting
) -> None:
    folder = leicester_copy(tmp_path / "ours")
    attached_template(folder)
    include_text(folder)
    dde_in_the_footer(folder)
    assert len(errors_of(folder)) == 3
    message = export_refusal(folder, sample)
    assert message.startswith(f"{folder}{os.sep}minutes.docx (")
    assert message.endswith("(and 2 more problems: check-style lists them)")
