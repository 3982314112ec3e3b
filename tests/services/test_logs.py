"""The log file: a mistake in one log call does not stop the log; a file that cannot be
written does, quietly."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.services.logs import start_logging


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    setup = start_logging(tmp_path)
    assert setup.path is not None
    yield setup.path
    root = logging.getLogger()
    for handler in root.handlers[:]:
        if getattr(handler, "baseFilename", "").startswith(str(tmp_path)):
            root.removeHandler(handler)
            handler.close()


def _ours(path: Path) -> logging.Handler:
    return next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path)
    )


def record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("clerk.test", logging.WARNING, __file__, 0, message, args, None)


def test_a_badly_formatted_log_call_does_not_stop_the_log(
    logged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = _ours(logged)
    handler.handle(record("one %d", "not a number"))  # logging's own report, on stderr
    handler.handle(record("the next message"))
    handler.flush()
    text = logged.read_text(encoding="utf-8")
    assert "Log opened" in text and "the next message" in text
    assert "TypeError" in capsys.readouterr().err
