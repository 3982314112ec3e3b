"""Logging to a file in the app-data folder, so that a clerk can send it to IT."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def log_file(data_dir: Path) -> Path:
    return data_dir / "logs" / "clerk.log"


def setup_logging(data_dir: Path) -> Path:
    path = log_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
