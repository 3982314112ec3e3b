"""The speller: the dictionary, the known names and lists, case rules, caching, adding words."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from clerk_app.domain.fields import text_fields
from clerk_app.domain.markup import grammar
from clerk_app.domain.model import Meeting
from clerk_app.domain.spelling import Word
from clerk_app.services.spelling import (
    Speller,
    committee_words,
    install_advice,
    meeting_misspellings,
    meeting_words,
    open_speller,
    personal_dictionary,
)
from clerk_app.storage.committee_file import load_committee
from clerk_app.storage.word_list import COMMITTEE_WORDS, WordListError, read_words
from tests.sample_committees import COMMITTEES


class Counting:
    """Enchant's dictionary, counting what is asked of it."""

    def __init__(self) -> None:
        import enchant  # type: ignore[import-untyped]

        self.real = enchant.Dict("en_GB")
        self.checked: list[str] = []

    def check(self, word: str) -> bool:
        self.checked.append(word)
        return bool(self.real.check(word))

    def suggest(self, word: str) -> list[str]:
        return list(self.real.suggest(word))


@pytest.fixture
def speller() -> Speller:
    found = open_speller(personal=None, folder=None)
    assert found.available, (
        f"{found.problem}: spelling tests need pyenchant, libenchant-2-2 and hunspell-en-gb"
    )
    return found


def test_british_english(speller: Speller) -> None:
    assert speller.language == "en_GB" and speller.problem == ""
    for word in ("colour", "organisation", "councillor", "Leicester", "councillor’s", "o’clock"):
        assert speller.known(word), word
    for word in ("color", "organization", "Batool", "leicester", "recieve"):
        assert not speller.known(word), word
    assert speller.suggest("color", 2) == ["colour", "Colo"]
    assert speller.suggest("recieve")[0] == "receive"
    assert len(speller.suggest("recieve")) <= 6
    assert speller.suggest("councillor’z")[0] == "councillor’s"  # apostrophes as typed


def test_case_rules(speller: Speller) -> None:
    speller.set_context_words({"Batool", "Eze-Okubuiro", "Eze", "Okubuiro"})
    speller.set_folder(None)
    speller.ignore("safeguarding")
    # lower case known: capitalised and in capitals too
    assert speller.known("Colour") and speller.known("COLOUR")
    assert speller.known("Safeguarding") and speller.known("SAFEGUARDING")
    # a name: as written and in capitals, not in lower case
    assert speller.known("Batool") and speller.known("BATOOL")
    assert not speller.known("batool")
    assert speller.known("Batool's") and speller.known("Batool’s")
    assert speller.known("Eze-Okubuiro") and speller.known("Okubuiro")
    # a dictionary's proper noun is not known in lower case
    assert speller.known("Leicester") and not speller.known("leicester")


def test_misspelt_words_and_markup_lines(speller: Speller) -> None:
    speller.set_context_words({"Batool"})
    text = "Councillor Batool said the color of CYP/25/07 was fine at 5.30pm; SEND recieved."
    at, then = text.index("color"), text.index("recieved")
    assert speller.misspelt(text) == [Word(at, at + 5, "color"), Word(then, then + 8, "recieved")]
    rules = grammar("AGREED")
    assert speller.misspelt_markup("  - the color", rules) == [Word(8, 13, "color")]
    assert speller.misspelt_markup("AGREED:", rules) == []
    assert speller.misspelt_markup("[table: Budgett colr]", rules) == []
    assert speller.misspelt_markup("## Organization", rules) == [Word(3, 15, "Organization")]


def test_a_known_word_asked_again_is_one_lookup(speller: Speller) -> None:
    dictionary = Counting()
    checker = Speller(dictionary)
    assert not checker.known("color") and checker.known("colour")
    asked = len(dictionary.checked)
    for _ in range(1000):
        assert not checker.known("color") and checker.known("colour")
    assert len(dictionary.checked) == asked
    # new names forget the answers but not the dictionary's: no new lookups (a name is
    # known from the names, without asking the dictionary)
    checker.set_context_words({"Batool"})
    assert checker.known("colour") and checker.known("Batool")
    assert len(dictionary.checked) == asked


def test_checking_a_thousand_word_minute_is_quick(speller: Speller, sample: Meeting) -> None:
    text = " ".join(field.text for field in text_fields(sample) if field.kind == "prose")
    words = text.split()
    minute = " ".join((words * (1000 // len(words) + 1))[:1000])
    started = time.perf_counter()
    speller.misspelt(minute)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    speller.misspelt(minute)
    warm = time.perf_counter() - started
    # measured on the development machine: about 10 ms cold, 1.5 ms warm
    assert cold < 1.0 and warm < 0.1, (cold, warm)


def test_changed_is_emitted_when_the_known_words_change(speller: Speller, tmp_path: Path) -> None:
    said: list[None] = []
    speller.changed.connect(lambda: said.append(None))
    speller.set_context_words({"Batool"})
    speller.set_context_words({"Batool"})  # the same: nothing to redraw
    assert len(said) == 1
    speller.ignore("relook")
    speller.ignore("relook")
    assert len(said) == 2 and speller.known("relook")
    speller.set_folder(tmp_path)
    assert len(said) == 3


def test_ignored_words_are_for_the_session(tmp_path: Path, user_data: Path) -> None:
    personal = personal_dictionary(user_data)
    first = open_speller(personal=personal, folder=tmp_path)
    first.ignore("relook")
    assert first.known("relook")
    assert not personal.exists() and not (tmp_path / COMMITTEE_WORDS).exists()
    assert not open_speller(personal=personal, folder=tmp_path).known("relook")


def test_words_are_added_to_the_committees_list_or_the_personal_dictionary(
    tmp_path: Path, user_data: Path
) -> None:
    personal = personal_dictionary(user_data)
    assert personal == user_data / "personal-words.txt"
    folder = tmp_path / "committee"
    folder.mkdir()
    speller = open_speller(personal=personal, folder=folder)
    assert not speller.known("Ofsted")
    said: list[None] = []
    speller.changed.connect(lambda: said.append(None))
    assert speller.add_word("Ofsted") == folder / COMMITTEE_WORDS
    assert speller.known("Ofsted") and speller.known("OFSTED") and len(said) == 1
    assert read_words(folder / COMMITTEE_WORDS) == {"Ofsted"}
    assert not personal.exists()

    speller.set_folder(None)
    assert not speller.known("Millgate")
    assert speller.add_word("Millgate") == personal
    assert read_words(personal) == {"Millgate"}
    assert personal.read_text(encoding="utf-8").startswith("# Your own words")

    # a new session knows both; another folder knows only the personal one
    again = open_speller(personal=personal, folder=folder)
    assert again.known("Ofsted") and again.known("Millgate")
    elsewhere = open_speller(personal=personal, folder=tmp_path)
    assert elsewhere.known("Millgate") and not elsewhere.known("Ofsted")


def test_another_clerks_words_are_read_again(tmp_path: Path) -> None:
    mine = open_speller(personal=None, folder=tmp_path)
    theirs = open_speller(personal=None, folder=tmp_path)
    theirs.add_word("Rutland")
    assert not mine.known("Rutland")
    mine.add_word("Ofsted")  # adding reads the list again, their word with it
    assert mine.known("Rutland") and mine.known("Ofsted")
    assert read_words(tmp_path / COMMITTEE_WORDS) == {"Ofsted", "Rutland"}
    theirs.reload()
    assert theirs.known("Ofsted")


def test_a_word_that_cannot_be_written_is_known_this_session(tmp_path: Path) -> None:
    (tmp_path / COMMITTEE_WORDS).write_text("Millgate\n", encoding="utf-8")
    (tmp_path / COMMITTEE_WORDS).chmod(0o444)
    speller = open_speller(personal=None, folder=tmp_path)
    with pytest.raises(WordListError, match="is read-only"):
        speller.add_word("Ofsted")
    assert speller.known("Ofsted") and speller.known("Millgate")


def test_a_damaged_list_is_said_and_spelling_goes_on(tmp_path: Path, user_data: Path) -> None:
    (tmp_path / COMMITTEE_WORDS).write_bytes(b"\xff\xfe\x00\x01")
    speller = open_speller(personal=personal_dictionary(user_data), folder=tmp_path)
    assert speller.available
    assert speller.word_list_problem == (
        f"{tmp_path / COMMITTEE_WORDS}: is damaged or not a word list (it is not UTF-8 text); "
        "correct or remove it; spelling goes on without it"
    )
    assert not speller.known("color")
    (tmp_path / COMMITTEE_WORDS).write_text("Ofsted\n", encoding="utf-8")
    speller.reload()
    assert speller.word_list_problem == "" and speller.known("Ofsted")


def test_the_meetings_and_the_committees_people(sample: Meeting) -> None:
    found = meeting_words(sample)
    assert {"Councillor", "Batool", "Singh", "Sangha", "Eze-Okubuiro", "Eze", "Okubuiro"} <= found
    assert {"Sampson-Vincent", "Sampson", "Vincent", "Jennifer", "Day", "Pantling"} <= found
    committee = load_committee(COMMITTEES / "leicester-cype" / "leicester-cype.committee")
    members = committee_words(committee)
    assert {"Batool", "Bonham", "Gregg", "Moore", "Joycelin", "Okubuiro", "Pantling"} <= members


def test_the_whole_meeting(speller: Speller, sample: Meeting) -> None:
    speller.set_context_words(meeting_words(sample))
    found = list(meeting_misspellings(speller, sample))
    assert all(m.field.kind == "prose" for m in found)
    assert all(m.field.text[m.word.start : m.word.end] == m.word.text for m in found)
    assert ("interest declared", "Millgate") in {(m.field.label, m.word.text) for m in found}
    speller.ignore("Millgate")
    assert "Millgate" not in {m.word.text for m in meeting_misspellings(speller, sample)}


def test_no_library_or_no_dictionary_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)
    speller = open_speller(personal=None, folder=None)
    assert not speller.available
    assert speller.problem == (
        "Spelling is off: the Enchant library is missing (install libenchant-2-2 and "
        "hunspell-en-gb (sudo apt-get install libenchant-2-2 hunspell-en-gb))"
    )
    assert speller.known("color") and speller.misspelt("the color") == []
    assert speller.misspelt_markup("- color", grammar()) == [] and speller.suggest("color") == []
    monkeypatch.undo()
    missing = open_speller("xx_XX", personal=None, folder=None)
    assert not missing.available
    assert missing.problem.startswith("Spelling is off: there is no xx_XX dictionary")


def test_what_to_install_on_each_system() -> None:
    assert install_advice("en_GB", "linux") == (
        "install libenchant-2-2 and hunspell-en-gb (sudo apt-get install libenchant-2-2 "
        "hunspell-en-gb)"
    )
    assert install_advice("en_GB", "win32") == (
        "reinstall Clerk: its installer carries the British English dictionary"
    )
