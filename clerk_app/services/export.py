"""Exporting a meeting to a file: render, then write atomically, so a failed export leaves no
half-written file and never touches an existing one."""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.render.errors import RenderError
from clerk_app.render.minutes import format_for, render_minutes
from clerk_app.render.styles import StyleFolder
from clerk_app.storage.atomic import atomic_write


class ExportError(Exception):
    pass


def export_minutes(
    meeting: Meeting, out: Path, style: StyleFolder, *, public: bool = True, clerk: str = ""
) -> Path:
    """Write the minutes to `out` in the format its suffix names; returns the path written."""
    suffix = format_for(out)
    try:
        # On Python 3.11 these raise, rather than answer False, for a name too long or a folder
        # that may not be looked into.
        if not out.parent.is_dir():
            raise ExportError(f"{out}: cannot write the minutes there: the folder does not exist")
        if out.is_dir():
            raise ExportError(f"{out}: cannot write the minutes there: it is a folder")
    except OSError as exc:
        raise ExportError(f"{out}: cannot write the minutes there: {exc.strerror or exc}") from exc
    data = render_minutes(meeting, style, suffix, public=public, clerk=clerk)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write the minutes: {exc.strerror or exc}") from exc
    return out


__all__ = ["ExportError", "RenderError", "export_minutes"]
