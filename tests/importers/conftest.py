"""The loopback democracy server for the import tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.importers.server import LoopbackServer

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    running = LoopbackServer().start()
    try:
        yield running
    finally:
        running.stop()
