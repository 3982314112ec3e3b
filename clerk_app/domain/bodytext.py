"""The names the minute-text markup was first imported by; the markup itself (its line grammar,
parser, writer and editing rules) lives in `clerk_app.domain.markup`."""

from __future__ import annotations

from clerk_app.domain.markup import (
    DEFAULT_WORD,
    INDENT,
    RESOLUTION_WORDS,
    TYPED_LIST_DEPTH,
    format_body,
    parse_body,
)

__all__ = [
    "DEFAULT_WORD",
    "INDENT",
    "RESOLUTION_WORDS",
    "TYPED_LIST_DEPTH",
    "format_body",
    "parse_body",
]
