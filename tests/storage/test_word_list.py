"""Word lists: the committee's committee-words.txt and the personal dictionary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from clerk_app.storage import atomic, word_list
from clerk_app.storage.word_list import (
    COMMITTEE_WORDS,
    WordListError,
    add_word,
    committee_word_list,
    read_words,
)
from tests.helpers_mount import run_in_tmpfs

REPO = Path(__file__).resolve().parents[2]


def test_reading(tmp_path: Path) -> None:
    path = tmp_path / COMMITTEE_WORDS
    assert committee_word_list(tmp_path) == path
    assert read_words(path) == frozenset()  # no file: no words
    path.write_bytes(
        "\ufeff# Places\r\nMillgate\n\n  Ofsted  \n#Braunstone\nEze-Okubuiro\nsafeguarding\n".encode()
    )
    assert read_words(path) == {"Millgate", "Ofsted", "Eze-Okubuiro", "safeguarding"}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xff\xfe\x00\x01garbage", "is damaged or not a word list (it is not UTF-8 text)"),
        (b"Millgate\x00\x00\x00", "is damaged or not a word list; correct or remove it"),
    ],
)
def test_a_damaged_list_says_so(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / COMMITTEE_WORDS
    path.write_bytes(data)
    with pytest.raises(WordListError) as raised:
        read_words(path)
    assert raised.value.path == path
    assert raised.value.problem.startswith(problem)
    assert str(raised.value).startswith(f"{path}: ")


def test_a_folder_or_a_huge_file_is_not_a_list(tmp_path: Path) -> None:
    (tmp_path / COMMITTEE_WORDS).mkdir()
    with pytest.raises(WordListError, match="is a folder, not a word list"):
        read_words(tmp_path / COMMITTEE_WORDS)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(word_list.MAX_WORD_LIST_SIZE + 1)
    with pytest.raises(WordListError, match="too large to be a word list"):
        read_words(huge)


def test_adding_keeps_the_list_sorted_and_its_comments(tmp_path: Path) -> None:
    path = tmp_path / COMMITTEE_WORDS
    assert add_word(path, " Ofsted ") == {"Ofsted"}
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# The committee's own words")
    assert text.endswith("\nOfsted\n")
    for word in ("millgate", "Braunstone", "Abbey", "abbey", "Ofsted"):
        add_word(path, word)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [
        "Abbey",
        "abbey",
        "Braunstone",
        "millgate",
        "Ofsted",
    ]
    assert len([line for line in lines if line.startswith("#")]) == 2
    # a list written by hand keeps its comments, at the top
    path.write_text("zebra\n# mine\napple\n", encoding="utf-8")
    add_word(path, "Mango")
    assert path.read_text(encoding="utf-8") == "# mine\napple\nMango\nzebra\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".lock"))]


@pytest.mark.parametrize(
    ("word", "problem"),
    [("", "there is no word"), ("two\nlines", "one word a line"), ("#tag", "comment")],
)
def test_what_cannot_be_added(tmp_path: Path, word: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        add_word(tmp_path / COMMITTEE_WORDS, word)
    assert not (tmp_path / COMMITTEE_WORDS).exists()


def test_a_word_added_by_another_clerk_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between this clerk's reading the list and writing it, another adds a word: the write is
    refused as the file changed, the list is read again and both words are kept."""
    path = tmp_path / COMMITTEE_WORDS
    path.write_text("Millgate\n", encoding="utf-8")
    real_write = atomic.atomic_write
    calls: list[str] = []

    def other_clerk_first(target: Path, data: bytes, **kwargs: object) -> object:
        if not calls:
            target.write_text("Millgate\nRutland\n", encoding="utf-8")  # the other clerk's
        calls.append(data.decode())
        return real_write(target, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(word_list, "atomic_write", other_clerk_first)
    assert add_word(path, "Ofsted") == {"Millgate", "Ofsted", "Rutland"}
    assert len(calls) == 2
    assert read_words(path) == {"Millgate", "Ofsted", "Rutland"}


def test_a_list_made_by_another_clerk_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / COMMITTEE_WORDS
    real_new = atomic.write_new

    def other_clerk_first(target: Path, data: bytes) -> object:
        if not target.exists():
            target.write_text("Rutland\n", encoding="utf-8")
        return real_new(target, data)

    monkeypatch.setattr(word_list, "write_new", other_clerk_first)
    assert add_word(path, "Ofsted") == {"Ofsted", "Rutland"}
    assert path.read_text(encoding="utf-8") == "Ofsted\nRutland\n"


def test_clerks_adding_at_the_same_time_keep_every_word(tmp_path: Path) -> None:
    """Four processes adding ten words each to one shared list, at once: all forty are kept."""
    path = tmp_path / COMMITTEE_WORDS
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from clerk_app.storage.word_list import add_word\n"
        "path, who, start = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])\n"
        "time.sleep(max(0.0, start - time.time()))\n"
        "for n in range(10):\n"
        "    add_word(path, f'{who}word{n}')\n"
    )
    start = f"{__import__('time').time() + 1.5}"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(path), who, start],
            cwd=REPO,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in "abcd"
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    assert read_words(path) == {f"{who}word{n}" for who in "abcd" for n in range(10)}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".lock"))]


def test_a_read_only_list_is_refused_in_a_clerks_words(tmp_path: Path) -> None:
    path = tmp_path / COMMITTEE_WORDS
    path.write_text("Millgate\n", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(WordListError) as raised:
        add_word(path, "Ofsted")
    assert raised.value.problem == "is read-only, so no word can be added to it"
    assert read_words(path) == {"Millgate"}


def test_a_read_only_folder_is_refused_in_a_clerks_words() -> None:
    result = run_in_tmpfs(
        "from clerk_app.storage.word_list import WordListError, add_word, read_words\n"
        "path = MOUNT / 'committee-words.txt'\n"
        "assert read_words(path) == frozenset()\n"
        "try:\n"
        "    add_word(path, 'Ofsted')\n"
        "except WordListError as exc:\n"
        "    print(exc.problem)\n",
        "1m",
        read_only=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "the word could not be added (the folder is read-only)\n"


def test_a_list_held_open_on_windows_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to read a file a sync client or a scanner holds for a moment: tried
    again; elsewhere a refusal is at once the clerk's message."""
    path = tmp_path / COMMITTEE_WORDS
    path.write_text("Ofsted\n", encoding="utf-8")
    real_read = atomic.read_version
    refusals = [PermissionError(13, "held by another process")] * 2

    def held(target: Path) -> object:
        if refusals:
            raise refusals.pop()
        return real_read(target)

    monkeypatch.setattr(word_list, "read_version", held)
    monkeypatch.setattr(word_list, "os", SimpleNamespace(name="nt"))
    assert read_words(path) == {"Ofsted"} and not refusals

    monkeypatch.setattr(word_list, "os", SimpleNamespace(name="posix"))
    refusals.append(PermissionError(13, "denied"))
    with pytest.raises(WordListError) as raised:
        read_words(path)
    assert raised.value.problem == "you are not allowed to read it"
