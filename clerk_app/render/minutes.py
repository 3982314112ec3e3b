"""Minutes in any of the formats Clerk writes, as bytes: the format is chosen by file suffix."""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.render.errors import RenderError
from clerk_app.render.styles import StyleFolder
from clerk_app.render.text import render_text

FORMATS = {".txt": "plain text"}


def format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        shown = suffix or "a name without a suffix"
        raise RenderError(f"cannot export to {shown}: the output must end in {known}")
    return suffix


def render_minutes(meeting: Meeting, style: StyleFolder, suffix: str, *, public: bool) -> bytes:
    if suffix == ".txt":
        return render_text(meeting, style, public=public).encode("utf-8")
    raise RenderError(f"cannot export to {suffix}")
