"""The one place user messages are shown. Logic calls these; tests replace them."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import QMessageBox, QWidget


def error_text(exc: ValueError) -> str:
    """One readable line for a value the model refused (not pydantic's report)."""
    if isinstance(exc, ValidationError) and exc.errors():
        return str(exc.errors()[0]["msg"])
    return str(exc).splitlines()[0] if str(exc) else "That value cannot be used."


class Messages:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)


class RecordedMessages(Messages):
    """Messages kept instead of shown: for tests and the smoke test."""

    def __init__(self) -> None:
        super().__init__(None)
        self.shown: list[tuple[str, str, str]] = []

    def error(self, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def warning(self, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def info(self, title: str, text: str) -> None:
        self.shown.append(("info", title, text))
