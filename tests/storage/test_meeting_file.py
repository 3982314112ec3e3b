import json
import os
from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting
from clerk_app.storage import (
    FORMAT_VERSION,
    MeetingFileError,
    load_meeting,
    meeting_to_json,
    save_meeting,
)
from clerk_app.storage.meeting_file import backup_path
from clerk_app.storage.migrations import MigrationError, migrate


def test_sample_round_trips_to_an_identical_model(sample: Meeting, tmp_path: Path) -> None:
    path = tmp_path / "copy.minutes"
    save_meeting(sample, path)
    assert load_meeting(path) == sample
    save_meeting(load_meeting(path), path)
    assert load_meeting(path) == sample


def test_file_shape(sample: Meeting) -> None:
    data = json.loads(meeting_to_json(sample))
    assert data["format_version"] == FORMAT_VERSION
    assert isinstance(data["items"], list) and len(data["items"]) == 15
    assert data["items"][0]["title"] == "Welcome and Apologies for Absence"


def test_the_bundled_sample_is_saved_as_clerk_saves(sample_path: Path, sample: Meeting) -> None:
    # The sample is data the app wrote, not hand-edited JSON that merely loads.
    on_disk = json.loads(sample_path.read_text(encoding="utf-8"))
    written = json.loads(meeting_to_json(sample))
    on_disk.pop("generator"), written.pop("generator")
    assert on_disk == written


def test_save_keeps_the_previous_version_as_backup(sample: Meeting, tmp_path: Path) -> None:
    path = tmp_path / "m.minutes"
    save_meeting(sample, path)
    assert not backup_path(path).exists()
    changed = sample.model_copy(update={"venue": "City Hall"})
    save_meeting(changed, path)
    assert load_meeting(backup_path(path)) == sample
    assert load_meeting(path) == changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.minutes", "m.minutes.bak"]


def error_for(tmp_path: Path, content: bytes | str, name: str = "bad.minutes") -> str:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(MeetingFileError) as info:
        load_meeting(path)
    assert info.value.path == path
    message = str(info.value)
    assert message.startswith(str(path))
    return message.removeprefix(f"{path}: ")


def error_for_path(path: Path) -> str:
    with pytest.raises(MeetingFileError) as info:
        load_meeting(path)
    return str(info.value).removeprefix(f"{path}: ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(
        MeetingFileError, match="cannot be read: the file or its folder does not exist"
    ):
        load_meeting(tmp_path / "nowhere.minutes")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError, match="cannot be read: it is a folder"):
        load_meeting(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.minutes"
    path.write_text("{}")

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    # chmod cannot lock out root (CI runs as root) and means nothing on Windows, so the refusal
    # is injected where the operating system would give it.
    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(MeetingFileError, match="permission denied"):
        load_meeting(path)


def test_empty_file(tmp_path: Path) -> None:
    assert error_for(tmp_path, b"") == "is empty"
    assert error_for(tmp_path, b"  \n") == "is empty"


def test_truncated_file(tmp_path: Path, sample: Meeting) -> None:
    text = meeting_to_json(sample)
    for cut in (len(text) // 2, len(text) - 3, 200):
        message = error_for(tmp_path, text[:cut])
        lines = text[:cut].rstrip().count("\n") + 1
        assert message == f"is truncated: it stops after line {lines}, in the middle of the meeting"


def test_not_json(tmp_path: Path) -> None:
    assert error_for(tmp_path, "{format_version: 1}") == (
        "is not valid JSON at line 1, column 2: Expecting property name enclosed in double quotes"
    )
    assert "NaN is not a valid JSON value" in error_for(tmp_path, '{"format_version": NaN}')
    assert "the key 'a' appears twice" in error_for(tmp_path, '{"a": 1, "a": 2}')


def test_not_utf8(tmp_path: Path) -> None:
    assert error_for(tmp_path, '{"body": "caf\xe9"}'.encode("latin-1")) == (
        "is not a meeting file: it is not UTF-8 text (bad byte at offset 13)"
    )


def test_a_docx_renamed(tmp_path: Path) -> None:
    message = error_for(tmp_path, b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4")
    assert message.startswith("is a Word document or another zip file, not a meeting file")


@pytest.mark.parametrize("content", ["[]", "3", '"text"', '{"items": []}'])
def test_wrongly_shaped(tmp_path: Path, content: str) -> None:
    assert (
        error_for(tmp_path, content)
        == "is not a Clerk meeting file (it has no format_version at the top)"
    )


def test_bad_field_names_its_json_path(tmp_path: Path, sample: Meeting) -> None:
    data = json.loads(meeting_to_json(sample))
    data["items"][3]["blocks"][0]["text"] = 42
    assert error_for(tmp_path, json.dumps(data)) == (
        "has a bad value at $.items[3].blocks[0].text: Input should be a valid string (found 42)"
    )
    data = json.loads(meeting_to_json(sample))
    data["attendance"][1]["role"] = "mayor"
    message = error_for(tmp_path, json.dumps(data))
    assert message.startswith("has a bad value at $.attendance[1].role: Input should be 'chair', ")
    data = json.loads(meeting_to_json(sample))
    del data["date"]
    assert error_for(tmp_path, json.dumps(data)) == "has a bad value at $.date: Field required"
    data = json.loads(meeting_to_json(sample))
    data["items"][7]["blocks"][0]["responses"][4]["blocks"][0]["entries"][1]["extra"] = True
    assert error_for(tmp_path, json.dumps(data)) == (
        "has a bad value at $.items[7].blocks[0].responses[4].blocks[0].entries[1].extra: "
        "Extra inputs are not permitted"
    )


def test_several_problems_are_counted(tmp_path: Path, sample: Meeting) -> None:
    data = json.loads(meeting_to_json(sample))
    data["body"] = 1
    data["venue"] = 2
    assert error_for(tmp_path, json.dumps(data)).endswith("; and 1 more problem(s)")


def test_newer_version(tmp_path: Path) -> None:
    assert error_for(tmp_path, '{"format_version": 99}') == (
        f"was written by a newer version of Clerk (file format 99; this version reads formats up "
        f"to {FORMAT_VERSION}). Update Clerk to open it."
    )


@pytest.mark.parametrize("version", ["1", 0, -1, True, None, 1.5])
def test_invalid_version(tmp_path: Path, version: object) -> None:
    assert error_for(tmp_path, json.dumps({"format_version": version})) == (
        f"has an invalid format_version: {version!r}"
    )


def test_lone_surrogates_in_a_file_are_cleaned(tmp_path: Path, sample: Meeting) -> None:
    text = meeting_to_json(sample).replace('"venue": ""', '"venue": "City\\ud800 Hall\\u0007"')
    path = tmp_path / "s.minutes"
    path.write_text(text, encoding="utf-8")
    assert load_meeting(path).venue == "City Hall"


def test_byte_order_mark_is_accepted(tmp_path: Path, sample: Meeting) -> None:
    path = tmp_path / "bom.minutes"
    path.write_bytes(b"\xef\xbb\xbf" + meeting_to_json(sample).encode())
    assert load_meeting(path) == sample


# --- migrations ------------------------------------------------------------------------------


def test_migration_hook_upgrades_step_by_step() -> None:
    def one_to_two(data: dict[str, object]) -> dict[str, object]:
        data["committee"] = data.pop("body")
        return data

    def two_to_three(data: dict[str, object]) -> dict[str, object]:
        data["body"] = data.pop("committee")
        data["upgraded"] = True
        return data

    steps = {1: one_to_two, 2: two_to_three}
    original = {"body": "Cabinet"}
    assert migrate(original, 1, current=3, migrations=steps) == {
        "body": "Cabinet",
        "upgraded": True,
    }
    assert original == {"body": "Cabinet"}  # the caller's data is left alone
    assert migrate({"x": 1}, 3, current=3, migrations=steps) == {"x": 1}
    with pytest.raises(MigrationError, match="format 2 can no longer be read"):
        migrate({}, 2, current=3, migrations={1: one_to_two})


def test_loading_runs_the_migrations(
    monkeypatch: pytest.MonkeyPatch, sample: Meeting, tmp_path: Path
) -> None:
    """Pretend the format is at 2 after renaming `committee` to `body`: a format 1 file that
    still says `committee` opens through the hook, as the same meeting."""
    from clerk_app.storage import migrations

    def one_to_two(old: dict[str, object]) -> dict[str, object]:
        old["body"] = old.pop("committee")
        return old

    monkeypatch.setattr(migrations, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: one_to_two})
    old_file = json.loads(meeting_to_json(sample))
    assert old_file["format_version"] == 2
    old_file["format_version"] = 1
    old_file["committee"] = old_file.pop("body")
    path = tmp_path / "old.minutes"
    path.write_text(json.dumps(old_file), encoding="utf-8")
    assert load_meeting(path) == sample

    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    with pytest.raises(MeetingFileError, match="format 1 can no longer be read"):
        load_meeting(path)


def deep_bullets(depth: int) -> dict[str, object]:
    block: dict[str, object] = {"type": "bullets", "entries": [{"text": f"level {depth}"}]}
    for level in range(depth - 1, 0, -1):
        block = {"type": "bullets", "entries": [{"text": f"level {level}", "blocks": [block]}]}
    return block


@pytest.mark.parametrize("depth", [10, 100])
def test_lists_nested_too_deeply_do_not_load(tmp_path: Path, sample: Meeting, depth: int) -> None:
    """100 levels of bullets once loaded, then crashed every export with RecursionError."""
    data = json.loads(meeting_to_json(sample))
    data["items"][2]["blocks"].append(deep_bullets(depth))
    assert error_for(tmp_path, json.dumps(data)) == (
        f"has a bad value at $.items[2].blocks: lists are nested {depth} levels deep; "
        "at most 9 levels are allowed"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    pipe = tmp_path / "x.minutes"
    os.mkfifo(pipe)
    assert error_for_path(pipe) == "is not a meeting file: it is not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.minutes"
    link.symlink_to("/dev/zero")
    assert error_for_path(link) == "is not a meeting file: it is not a regular file"


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="no /proc here")
def test_reading_stops_past_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows, or claims a size of 0 (as /proc's do), is still read only so far."""
    from clerk_app.storage import meeting_file

    monkeypatch.setattr(meeting_file, "MAX_FILE_SIZE", 10)
    assert error_for_path(Path("/proc/self/status")).endswith("too large to be a meeting file")
