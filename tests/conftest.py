"""Fixtures shared by the whole suite."""

from __future__ import annotations

import gc
import os

# Qt tests run without a display, on every machine; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

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
def _nothing_stays_frozen() -> Iterator[None]:
    """The app freezes what is alive a second after a meeting opens (services/memory.py), so
    that the collector leaves it alone while the clerk types; the next opening unfreezes it. A
    test ends without a next opening: what it froze is unfrozen here, so that it is collected
    with its own test. Left frozen, forms and documents that tests make without a window (so
    Python, not Qt, owns them) were collected tests later, once Qt had torn down what they point
    to, and crashed the collector inside QUndoStack::clear (a window's document, owned by Qt,
    does not: 36 openings in one window, each after a change of style and back, ran clean)."""
    yield
    gc.unfreeze()
