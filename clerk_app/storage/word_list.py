"""Word lists: the committee's own (`committee-words.txt` in the committee folder: place names,
schools, acronyms, the words its minutes use that a dictionary does not know) and the clerk's
personal dictionary (the same format, in Clerk's app-data folder).

A word list is UTF-8 text, one word (or name) a line; lines starting with ``#`` are comments, and
blank lines are ignored. Clerk keeps the words sorted without regard to case, the comments at the
top, so that a list is easy to read and to correct by hand.

The committee's list lives in a shared folder, where two clerks may add a word at nearly the
same moment: `add_word` reads the file again just before writing, writes it atomically only if
it is still that version (`storage.atomic`, under its save lock), and starts again if someone
else's word got there first, so both words are kept.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

from clerk_app.locations import why_not_written
from clerk_app.storage.atomic import (
    REPLACE_ATTEMPTS,
    REPLACE_FIRST_WAIT,
    ChangedOnDiskError,
    FileVersion,
    ReadOnlyError,
    atomic_write,
    read_version,
    write_new,
)

COMMITTEE_WORDS = "committee-words.txt"
"""The committee's word list, in the committee folder."""
PERSONAL_WORDS = "personal-words.txt"
"""The clerk's personal dictionary, in Clerk's app-data folder."""
MAX_WORD_LIST_SIZE = 5 * 1024 * 1024
"""A word list larger than this is not one (a dictionary of 100,000 words is about 1 MB)."""
MAX_WORD_LENGTH = 100
ADD_ATTEMPTS = 20
"""How often `add_word` starts again when the file changed between reading and writing."""

COMMITTEE_HEADER = (
    "# The committee's own words, known to Clerk's spelling in its meetings: place names,\n"
    "# schools, acronyms. One a line; Clerk keeps them in alphabetical order.\n"
)
PERSONAL_HEADER = (
    "# Your own words, known to Clerk's spelling in every meeting.\n"
    "# One a line; Clerk keeps them in alphabetical order.\n"
)


class WordListError(Exception):
    """A word list could not be read or written; `problem` says why in a clerk's words and the
    message names the file."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def committee_word_list(folder: Path) -> Path:
    return folder / COMMITTEE_WORDS


def personal_word_list(data_dir: Path) -> Path:
    return data_dir / PERSONAL_WORDS


def _reason(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return "is a folder, not a word list"
    if isinstance(exc, PermissionError):
        return "you are not allowed to read it"
    return f"cannot be read ({exc.strerror or exc})"


def _read_with_retry(path: Path) -> tuple[bytes, FileVersion] | None:
    """The file's bytes and version. On Windows a file another program holds open for a moment
    (a sync client, a virus scanner) refuses to be read: tried again for about two seconds, as
    `atomic.replace_with_retry` does for a rename."""
    wait = REPLACE_FIRST_WAIT
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            return read_version(path)
        except PermissionError as exc:
            if os.name != "nt" or attempt == REPLACE_ATTEMPTS - 1:
                raise WordListError(path, _reason(exc)) from None
            time.sleep(wait)
            wait = min(wait * 2, 0.5)
        except OSError as exc:
            raise WordListError(path, _reason(exc)) from None
    return None  # not reached: the last attempt returns or raises


def _read(path: Path) -> tuple[list[str], list[str], FileVersion | None]:
    """(comment lines, words, version); a missing file is empty, with no version."""
    try:
        if path.is_dir():
            raise WordListError(path, "is a folder, not a word list")
        status = path.stat()
    except FileNotFoundError:
        return [], [], None
    except OSError as exc:
        raise WordListError(path, _reason(exc)) from None
    if stat.S_ISREG(status.st_mode) and status.st_size > MAX_WORD_LIST_SIZE:
        raise WordListError(path, "is too large to be a word list (more than 5 MB)")
    found = _read_with_retry(path)
    if found is None:
        return [], [], None
    data, version = found
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WordListError(
            path, "is damaged or not a word list (it is not UTF-8 text); correct or remove it"
        ) from None
    if "\x00" in text:
        raise WordListError(path, "is damaged or not a word list; correct or remove it")
    comments: list[str] = []
    entries: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            comments.append(line)
        else:
            entries.append(line)
    return comments, entries, version


def read_words(path: Path) -> frozenset[str]:
    """The words in the list at `path`, as written; none if there is no file. A file that
    cannot be read, or is not a word list, raises WordListError."""
    return frozenset(_read(path)[1])


def sorted_words(entries: set[str]) -> list[str]:
    """Alphabetical without regard to case (then capitals first: "Abbey" before "abbey")."""
    return sorted(entries, key=lambda w: (w.casefold(), w))


def _written(comments: list[str], entries: set[str]) -> bytes:
    lines = [*comments, *sorted_words(entries)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def check_word(word: str) -> str:
    """`word` as a list keeps it (white space trimmed); ValueError saying why it cannot be."""
    entry = word.strip()
    if not entry:
        raise ValueError("there is no word to add")
    if any(c in entry for c in "\r\n\x00"):
        raise ValueError("a word list holds one word a line")
    if entry.startswith("#"):
        raise ValueError("a word starting with # would be read as a comment")
    if len(entry) > MAX_WORD_LENGTH:
        raise ValueError(f"a word is at most {MAX_WORD_LENGTH} letters")
    return entry


def add_word(path: Path, word: str, header: str = COMMITTEE_HEADER) -> frozenset[str]:
    """Add `word` to the list at `path` (made, with `header`'s comments, if there is none) and
    return the words it now holds, others' added meanwhile included.

    The file is read again at once, merged, and written atomically only if it is still the
    version read (another clerk's word added in between is read and kept, and this starts
    again). A word already in the list leaves the file alone. WordListError says why the list
    could not be read or written; ValueError that the word cannot be kept in one."""
    entry = check_word(word)
    for _ in range(ADD_ATTEMPTS):
        comments, entries, version = _read(path)
        words = set(entries)
        if entry in words:
            return frozenset(words)
        words.add(entry)
        try:
            if version is None:
                if not comments:
                    comments = header.strip().splitlines()
                write_new(path, _written(comments, words))
            else:
                atomic_write(path, _written(comments, words), expected=version)
        except (ChangedOnDiskError, FileExistsError):
            continue  # someone else's word got there first: read theirs and add ours again
        except ReadOnlyError:
            raise WordListError(path, "is read-only, so no word can be added to it") from None
        except OSError as exc:
            raise WordListError(
                path, f"the word could not be added ({why_not_written(exc)})"
            ) from None
        return frozenset(words)
    raise WordListError(path, "is being changed by someone else; try again in a moment")
