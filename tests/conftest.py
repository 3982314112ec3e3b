"""Fixtures shared by the whole suite."""

from __future__ import annotations

import gc
import os
import weakref

# Qt tests run without a display, on every machine; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk_app import locations
from clerk_app.domain.model import Meeting
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.storage import load_meeting
from tests.ooxml import OoxmlValidator, ValidatorMissingError

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return locations.sample_meeting()


@pytest.fixture(scope="session")
def sample(sample_path: Path) -> Meeting:
    return load_meeting(sample_path)


@pytest.fixture(scope="session")
def leicester() -> StyleFolder:
    return find_style("leicester")


@pytest.fixture(autouse=True)
def user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets an empty app-data folder of its own: no test sees the developer's styles,
    settings or recovery copies, and none leaves anything behind."""
    folder = tmp_path_factory.mktemp("appdata")
    monkeypatch.setenv(locations.DATA_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture(scope="session")
def ooxml() -> Iterator[OoxmlValidator]:
    """Microsoft's Open XML validator, started once for the session; the first session on a
    fresh clone installs it (npm ci, under a lock that sessions running at once share)."""
    try:
        validator = OoxmlValidator()
    except ValidatorMissingError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield validator
    validator.close()


@pytest.fixture(autouse=True)
def _nothing_outlives_its_test(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Windowless documents go with their test, and nothing a test froze stays frozen.

    The app freezes what is alive a second after a meeting opens (services/memory.py), and a
    window's document belongs to the window, which deletes it. Tests also make documents with
    no window (so Python, not Qt, owns them); left to the cycle collector, one was collected
    tests later and crashed it inside QUndoStack::clear. Here each such document is deleted
    when its test ends, as a window deletes its own (signals blocked: its views have gone), and
    what the test froze is unfrozen."""
    import shiboken6

    from clerk_app.services.document import MeetingDocument

    made: list[weakref.ref[MeetingDocument]] = []
    original = MeetingDocument.__init__

    def init(self: MeetingDocument, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(weakref.ref(self))

    monkeypatch.setattr(MeetingDocument, "__init__", init)
    yield
    for ref in made:
        document = ref()
        if (
            document is not None
            and shiboken6.isValid(document)
            and shiboken6.Shiboken.ownedByPython(document)
        ):
            document.blockSignals(True)
            document.undo_stack.blockSignals(True)
            document.undo_stack.clear()
            shiboken6.delete(document)
    gc.unfreeze()
