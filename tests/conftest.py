"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

# Qt tests run without a display, on every machine; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.domain.model import Meeting
from clerk_app.render.styles import StyleFolder, find_style
from clerk_app.storage import load_meeting

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
