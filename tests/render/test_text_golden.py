"""The Leicester house style reproduces the published minutes."""

from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.render.compare import first_difference, word_similarity
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text
from tests.golden.seed import CLEAN_SEED, RAW_SEED, clean_seed


def test_golden_is_the_seed_with_only_pdf_artefacts_removed() -> None:
    raw = RAW_SEED.read_text(encoding="utf-8")
    golden = CLEAN_SEED.read_text(encoding="utf-8")
    assert clean_seed(raw) == golden
    assert golden.split() == raw.split()  # not one word changed


def test_sample_renders_exactly_as_the_golden(sample: Meeting, leicester: StyleFolder) -> None:
    rendered = render_text(sample, leicester)
    golden = CLEAN_SEED.read_text(encoding="utf-8")
    assert rendered == golden, first_difference(golden, rendered)


def test_similarity_to_the_published_pdf_text(sample: Meeting, leicester: StyleFolder) -> None:
    rendered = render_text(sample, leicester)
    similarity = word_similarity(RAW_SEED.read_text(encoding="utf-8"), rendered)
    assert similarity >= 0.995


def test_similarity_measure_notices_differences() -> None:
    text = CLEAN_SEED.read_text(encoding="utf-8")
    words = text.split()
    assert word_similarity(text, text.replace("\n", " ")) == 1.0
    changed = " ".join(words[:100] + ["extra"] * 60 + words[100:])
    assert 0.98 < word_similarity(text, changed) < 0.995
    assert first_difference("a b c", "a x c") == "word 2: expected 'a b c' but found 'a x c'"


def test_golden_file_is_found_without_the_shared_folder() -> None:
    # The suite must run from a clean clone anywhere: the seed travels with the tests.
    assert RAW_SEED.parent == Path(__file__).resolve().parent.parent / "golden"
