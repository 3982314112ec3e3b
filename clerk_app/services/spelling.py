"""The speller: which words of a meeting's prose are misspelt, and what to suggest.

A word is known when the dictionary (Enchant, British English by default) knows it, or it is one
of the words Clerk knows besides:

- the meeting's people and the committee's (`set_context_words`, with `meeting_words` and
  `committee_words` to collect them): a name is known as written ("Batool", "Eze-Okubuiro" and
  its parts);
- the committee's own word list (`committee-words.txt` in the committee folder, `set_folder`);
- the clerk's personal dictionary (`personal-words.txt` in Clerk's app-data folder);
- the words ignored this session (`ignore`).

Case: a word known in lower case is also known capitalised (at a sentence start) and in
capitals; a word known with capitals (a name, "Leicester") is known only so (and in capitals).
A known word's possessive is known ("Batool's").

`known` keeps every answer: a word asked about again is one dictionary lookup, so that a
highlighter can ask for each word of each line it draws. The answers are forgotten when the
known words change (`changed` is then emitted, so highlighters redraw); the dictionary's own
answers are kept for the session. The speller is used on the GUI thread (Enchant's dictionaries
are not to be shared between threads).

When no dictionary can be loaded (no Enchant library, no British English dictionary),
`open_speller` still returns a speller: `available` is False, `problem` is the one line to show
(which language, what to install), and every word is known, so nothing is underlined.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from clerk_app.domain.committee import Committee
from clerk_app.domain.fields import TextField, text_fields
from clerk_app.domain.markup import LineGrammar
from clerk_app.domain.model import Meeting, Person
from clerk_app.domain.spelling import Word, markup_words, names_words, words
from clerk_app.services import year
from clerk_app.storage.word_list import (
    COMMITTEE_HEADER,
    PERSONAL_HEADER,
    WordListError,
    committee_word_list,
    personal_word_list,
    read_words,
)
from clerk_app.storage.word_list import add_word as add_to_list

log = logging.getLogger("clerk.spelling")

DEFAULT_LANGUAGE = "en_GB"
LANGUAGE_NAMES = {
    "en_GB": "British English",
    "en_US": "American English",
    "en_AU": "Australian English",
    "en_CA": "Canadian English",
}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
MAX_CACHE = 100_000
"""Answers kept at most (a year's minutes use some tens of thousands of words)."""


class Dictionary(Protocol):
    """What the speller needs of a dictionary (Enchant's `Dict`, or a test's)."""

    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, language)


def install_advice(language: str, platform: str | None = None) -> str:
    """What to install for a language's dictionary, on this machine's system."""
    platform = platform or sys.platform
    name = language_name(language)
    if platform.startswith("linux"):
        package = "hunspell-" + language.lower().replace("_", "-")
        return (
            f"install libenchant-2-2 and {package} (sudo apt-get install libenchant-2-2 {package})"
        )
    if platform == "win32":
        return f"reinstall Clerk: its installer carries the {name} dictionary"
    if platform == "darwin":
        return "install Enchant and a Hunspell dictionary (brew install enchant hunspell)"
    return f"install the Enchant library and a Hunspell dictionary for {name}"


def personal_dictionary(data_dir: Path) -> Path:
    """The clerk's personal dictionary in Clerk's app-data folder (where the settings are:
    `locations.user_data_dir()`)."""
    return personal_word_list(data_dir)


def _people(people: Iterable[Person]) -> list[str]:
    found: list[str] = []
    for person in people:
        found += [
            person.title,
            person.name,
            person.given_name,
            person.family_name,
            person.short_name,
            person.organisation,
        ]
    return [name for name in found if name]


def meeting_words(meeting: Meeting) -> set[str]:
    """The words of the names of the meeting's people: its attendance, speakers, signatories,
    questioners and those they put questions to, substitutes' members and action owners are
    in the model as names too (`names_words` of each)."""
    names = _people(row.person for row in meeting.attendance)
    names += _people(speaker.person for speaker in meeting.speakers)
    names += [row.substitute_for for row in meeting.attendance if row.substitute_for]
    names += [speaker.on_behalf_of for speaker in meeting.speakers if speaker.on_behalf_of]
    names += [signatory.name for signatory in meeting.signatories if signatory.name]
    return names_words(names)


def committee_words(committee: Committee) -> set[str]:
    """The words of the names of the committee's members, named substitutes and regular
    attendees (and the committee's own name and authority)."""
    people = [m.person for m in committee.members]
    people += [s.person for s in committee.substitutes]
    people += [a.person for a in committee.attendees]
    return names_words([*_people(people), committee.name, committee.authority])


def _variants(word: str) -> list[str]:
    """The forms in which a known word would make `word` known: as written; in lower case when
    it is capitalised or in capitals; capitalised when it is in capitals ("BATOOL")."""
    forms = [word]
    if word[1:].islower() or word.isupper():
        if word[:1].isupper():
            forms.append(word.lower())
        if word.isupper():
            forms.append(word[:1] + word[1:].lower())
    return forms


class Speller(QObject):
    """Spelling for one window: a dictionary, the known words and the answers so far."""

    changed = Signal()
    """The known words changed (a word added or ignored, other names, another folder): what
    was underlined must be drawn again."""

    def __init__(
        self,
        dictionary: Dictionary | None,
        language: str = DEFAULT_LANGUAGE,
        *,
        problem: str = "",
        personal: Path | None = None,
        folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self._dictionary = dictionary
        self.available: bool = dictionary is not None
        """Whether a dictionary is loaded; when not, every word is known."""
        self.problem: str = problem
        """Why no dictionary could be loaded, in one line to show once; empty when one is."""
        self.word_list_problem: str = ""
        """Why the committee's word list or the personal dictionary could not be read (the
        spelling goes on without it); empty when both could."""
        self.personal = personal
        self.folder: Path | None = None
        self._personal_words: frozenset[str] = frozenset()
        self._folder_words: frozenset[str] = frozenset()
        self._context: frozenset[str] = frozenset()
        self._ignored: set[str] = set()
        self._known_words: set[str] = set()
        self._answers: dict[str, bool] = {}
        self._from_dictionary: dict[str, bool] = {}
        self._suggestions: dict[tuple[str, int], list[str]] = {}
        self._problems: dict[str, str] = {}
        if personal is not None:
            self._personal_words = self._read("personal", personal)
        if folder is not None:
            self._folder_words = self._read("folder", committee_word_list(folder))
            self.folder = folder
        self._rebuild()

    # --- the known words ------------------------------------------------------------------------

    def _read(self, key: str, path: Path) -> frozenset[str]:
        try:
            found = read_words(path)
        except WordListError as exc:
            log.warning("Word list not read: %s", exc)
            self._problems[key] = f"{exc}; spelling goes on without it"
            found = frozenset()
        else:
            self._problems.pop(key, None)
        self.word_list_problem = "; ".join(self._problems.values())
        return found

    def _rebuild(self) -> None:
        known: set[str] = set(self._ignored)
        for entries in (self._personal_words, self._folder_words):
            known |= names_words(entries)
            known |= {entry.strip() for entry in entries}
        known |= self._context
        self._known_words = {word.translate(_APOSTROPHES) for word in known}
        self._answers.clear()

    def _known_changed(self) -> None:
        self._rebuild()
        self.changed.emit()

    def set_context_words(self, names: Iterable[str]) -> None:
        """The names of the meeting's people and the committee's (`meeting_words`,
        `committee_words`), known as written; they replace the ones set before."""
        context = frozenset(names)
        if context == self._context:
            return
        self._context = context
        self._known_changed()

    def set_folder(self, folder: Path | None) -> None:
        """The committee folder whose `committee-words.txt` is known (None: no committee's
        list); words added from now on go to that list."""
        self.folder = folder
        self._folder_words = (
            self._read("folder", committee_word_list(folder)) if folder is not None else frozenset()
        )
        if folder is None:
            self._problems.pop("folder", None)
            self.word_list_problem = "; ".join(self._problems.values())
        self._known_changed()

    def reload(self) -> None:
        """Read the word lists again (another clerk may have added to the committee's)."""
        if self.personal is not None:
            self._personal_words = self._read("personal", self.personal)
        if self.folder is not None:
            self._folder_words = self._read("folder", committee_word_list(self.folder))
        self._known_changed()

    @property
    def word_list(self) -> Path | None:
        """Where `add_word` adds: the committee's list when a folder is set, else the
        personal dictionary (None when there is neither)."""
        if self.folder is not None:
            return committee_word_list(self.folder)
        return self.personal

    def add_word(self, word: str) -> Path | None:
        """Know `word` from now on: added to the committee's word list when a committee folder
        is set, else to the personal dictionary; returns the file it went to. It is known
        this session even when the file cannot be written: WordListError then says why (and
        ValueError when `word` cannot be kept in a list: empty, several lines)."""
        word = word.strip()
        self._ignored.add(word)
        target = self.word_list
        try:
            if target is not None:
                header = COMMITTEE_HEADER if self.folder is not None else PERSONAL_HEADER
                written = add_to_list(target, word, header)
                if self.folder is not None:
                    self._folder_words = written
                else:
                    self._personal_words = written
        finally:
            self._known_changed()
        return target

    def ignore(self, word: str) -> None:
        """Know `word` for the rest of this session (it is written nowhere)."""
        if word in self._ignored:
            return
        self._ignored.add(word)
        self._known_changed()

    # --- checking -------------------------------------------------------------------------------

    def known(self, word: str) -> bool:
        """Whether `word` is spelt right (see the module's rules); True for every word when no
        dictionary is loaded."""
        answer = self._answers.get(word)
        if answer is None:
            answer = self._known(word)
            if len(self._answers) >= MAX_CACHE:
                self._answers.clear()
            self._answers[word] = answer
        return answer

    def _known(self, word: str) -> bool:
        if self._dictionary is None or not word:
            return True
        plain = word.translate(_APOSTROPHES)
        forms = _variants(plain)
        if plain.endswith("'s") and len(plain) > 3:
            forms += _variants(plain[:-2])
        if any(form in self._known_words for form in forms):
            return True
        return self._in_dictionary(plain)

    def _in_dictionary(self, word: str) -> bool:
        answer = self._from_dictionary.get(word)
        if answer is None:
            assert self._dictionary is not None
            try:
                answer = bool(self._dictionary.check(word))
            except Exception:  # Enchant refuses some strings (too long, odd characters)
                log.debug("Enchant could not check %r", word, exc_info=True)
                answer = True
            if len(self._from_dictionary) >= MAX_CACHE:
                self._from_dictionary.clear()
            self._from_dictionary[word] = answer
        return answer

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        """Up to `limit` spellings to offer for `word`, the likeliest first (none without a
        dictionary). Apostrophes are given back as the word has them (’ or ')."""
        if self._dictionary is None or not word or limit <= 0:
            return []
        key = (word, limit)
        found = self._suggestions.get(key)
        if found is None:
            plain = word.translate(_APOSTROPHES)
            curly = "’" in word
            try:
                offered = self._dictionary.suggest(plain)
            except Exception:
                log.debug("Enchant could not suggest for %r", word, exc_info=True)
                offered = []
            found = []
            for suggestion in offered:
                if curly:
                    suggestion = suggestion.replace("'", "’")
                if suggestion != word and suggestion not in found:
                    found.append(suggestion)
                if len(found) == limit:
                    break
            if len(self._suggestions) > 1000:
                self._suggestions.clear()
            self._suggestions[key] = found
        return list(found)

    def misspelt(self, text: str) -> list[Word]:
        """The words of `text` (prose) that are not known, with their places in it."""
        if self._dictionary is None:
            return []
        return [w for w in words(text) if not self.known(w.text)]

    def misspelt_markup(self, line: str, grammar: LineGrammar) -> list[Word]:
        """The words of one line of the minute-text markup that are not known, with their
        places in the line (markers, resolution words and placeholders left out)."""
        if self._dictionary is None:
            return []
        return [w for w in markup_words(line, grammar) if not self.known(w.text)]


def _load_dictionary(language: str) -> tuple[Dictionary | None, str]:
    name = language_name(language)
    try:
        import enchant  # type: ignore[import-untyped]  # pyenchant has no type information
    except ImportError as exc:  # pyenchant missing, or the Enchant library it loads
        log.warning("Spelling unavailable: %s", exc)
        return None, f"Spelling is off: the Enchant library is missing ({install_advice(language)})"
    try:
        dictionary: Any = enchant.Dict(language)
    except enchant.errors.DictNotFoundError:
        log.warning("Spelling unavailable: no %s dictionary", language)
        return None, f"Spelling is off: there is no {name} dictionary ({install_advice(language)})"
    except (enchant.errors.Error, OSError, ValueError) as exc:
        log.warning("Spelling unavailable: %s", exc)
        return (
            None,
            f"Spelling is off: the {name} dictionary cannot be loaded ({install_advice(language)})",
        )
    return dictionary, ""


def open_speller(
    language: str = DEFAULT_LANGUAGE,
    *,
    personal: Path | None,
    folder: Path | None,
    parent: QObject | None = None,
) -> Speller:
    """A speller for `language` with the clerk's personal dictionary at `personal` and the
    committee folder `folder` (either may be None). Never raises for a missing dictionary or
    library: the speller is then not `available` and says why in `problem`."""
    dictionary, problem = _load_dictionary(language)
    return Speller(
        dictionary, language, problem=problem, personal=personal, folder=folder, parent=parent
    )


# --- a whole meeting ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A word not known, in one of the meeting's texts (`field.text[word.start:word.end]`)."""

    field: TextField
    word: Word


def meeting_misspellings(speller: Speller, meeting: Meeting) -> Iterator[Misspelling]:
    """Every word not known in the meeting's prose (`text_fields` of kind "prose": names and
    codes are not checked), in the order the minutes read."""
    for field in text_fields(meeting):
        if field.kind != "prose":
            continue
        for word in speller.misspelt(field.text):
            yield Misspelling(field, word)


folder_committee = year.folder_committee
"""The folder's committee file's committee, when it is the meeting's (kept here for callers
that found it here first)."""
