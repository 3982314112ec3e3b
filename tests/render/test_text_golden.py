"""The Leicester house style reproduces the published minutes.

The golden file is the sample's whole text export: the minutes proper, which are the published
minutes with the PDF's artefacts removed, then the annex of follow-up actions the style prints
after the close (the published minutes have none).
"""

from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.render.compare import annex, first_difference, minutes_proper, word_similarity
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from tests.golden.seed import GOLDEN_TEXT, RAW_SEED, clean_seed


def test_golden_is_the_seed_with_only_pdf_artefacts_removed() -> None:
    raw = RAW_SEED.read_text(encoding="utf-8")
    golden = GOLDEN_TEXT.read_text(encoding="utf-8")
    assert clean_seed(raw) == minutes_proper(golden)
    assert minutes_proper(golden).split() == raw.split()  # not one word changed


def test_golden_ends_with_the_annex_of_the_samples_actions(sample: Meeting) -> None:
    golden = GOLDEN_TEXT.read_text(encoding="utf-8")
    actions = [a for item in sample.items for a in item.actions]
    assert len(actions) == 4
    assert annex(golden).startswith(
        "ACTIONS ARISING FROM THE MEETING\n"
        "Children, Young People and Education Scrutiny Commission, 18 June 2025\n\n"
        "Minute 158\nAction: Circulate how many of the 600 staff"
    )
    for action in actions:
        assert f"Action: {action.action}\nWho: {action.owner}\n" in annex(golden)
    assert golden == minutes_proper(golden) + "\n" + annex(golden)


def test_sample_renders_exactly_as_the_golden(sample: Meeting, leicester: StyleFolder) -> None:
    rendered = render_text(sample, leicester)
    golden = GOLDEN_TEXT.read_text(encoding="utf-8")
    assert rendered == golden, first_difference(golden, rendered)


def test_similarity_to_the_published_pdf_text(sample: Meeting, leicester: StyleFolder) -> None:
    rendered = minutes_proper(render_text(sample, leicester))
    similarity = word_similarity(RAW_SEED.read_text(encoding="utf-8"), rendered)
    assert similarity == 1.0


def test_minutes_proper_stop_at_the_annex_heading_only() -> None:
    text = "1. ACTIONS\n\nThe meeting closed.\n\n   ACTIONS ARISING FROM THE MEETING  \nMinute 1\n"
    assert minutes_proper(text) == "1. ACTIONS\n\nThe meeting closed.\n"
    assert annex(text) == "ACTIONS ARISING FROM THE MEETING  \nMinute 1\n"
    assert minutes_proper("No annex.\n") == "No annex.\n" and annex("No annex.\n") == ""


def test_similarity_measure_notices_differences() -> None:
    text = minutes_proper(GOLDEN_TEXT.read_text(encoding="utf-8"))
    words = text.split()
    assert word_similarity(text, text.replace("\n", " ")) == 1.0
    changed = " ".join(words[:100] + ["extra"] * 60 + words[100:])
    assert 0.98 < word_similarity(text, changed) < 0.995
    assert first_difference("a b c", "a x c") == "word 2: expected 'a b c' but found 'a x c'"


def test_golden_file_is_found_without_the_shared_folder() -> None:
    # The suite must run from a clean clone anywhere: the seed travels with the tests.
    assert RAW_SEED.parent == Path(__file__).resolve().parent.parent / "golden"
