"""Exporting a meeting to a file: render, then write atomically, so a failed export leaves no
half-written file and never touches an existing one."""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.exempt import Unmarked, looks_exempt
from clerk_app.domain.model import Meeting
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.render.errors import RenderError
from clerk_app.render.minutes import format_for, render_minutes
from clerk_app.render.styles import StyleFolder
from clerk_app.storage.atomic import atomic_write


class ExportError(Exception):
    pass


class UnmarkedExemptError(ExportError):
    """A public copy refused: items look exempt but are not marked so (see `unmarked_exempt`)."""

    def __init__(self, message: str, unmarked: list[Unmarked], problem: str) -> None:
        super().__init__(message)
        self.unmarked = unmarked
        self.problem = problem
        """The one-line sentence of `unmarked_exempt`, for a caller that words its own advice."""


def unmarked_exempt(
    meeting: Meeting, style: StyleFolder, unmarked: list[Unmarked] | None = None
) -> str | None:
    """Why a public copy of `meeting` may publish private business, in one line, or None.

    The items that look exempt but are not marked so (they follow the exclusion of the press and
    public, or give a reason for excluding it), by minute number: for the question the app asks
    before a public export, and the refusal `export_minutes` makes without an answer."""
    if unmarked is None:
        unmarked = looks_exempt(meeting)
    if not unmarked:
        return None
    labels = MinuteNumbering(meeting, style.style).labels()
    index = {item.id: n for n, item in enumerate(meeting.items)}
    by_reason: dict[str, list[str]] = {}
    for item, reason in unmarked:
        by_reason.setdefault(reason, []).append(labels[index[item.id]])
    parts = []
    for reason, numbers in by_reason.items():
        if len(numbers) == 1:
            parts.append(f"minute {numbers[0]} {reason}")
        else:
            shown = numbers if len(numbers) <= 6 else [*numbers[:5], f"{len(numbers) - 5} more"]
            listed = ", ".join(shown[:-1]) + " and " + shown[-1]
            verb = reason.replace("follows", "follow", 1).replace("gives", "give", 1)
            parts.append(f"minutes {listed} {verb}")
    said = "; ".join(parts)
    return (
        f"{said[0].upper()}{said[1:]}, but {'is' if len(unmarked) == 1 else 'are'} not marked "
        "exempt: the public copy would publish "
        f"{'its' if len(unmarked) == 1 else 'their'} content"
    )


def export_minutes(
    meeting: Meeting,
    out: Path,
    style: StyleFolder,
    *,
    public: bool = True,
    clerk: str = "",
    allow_unmarked: bool = False,
    quorum: int | None = None,
) -> Path:
    """Write the minutes to `out` in the format its suffix names; returns the path written.
    `quorum`: the committee's (`Committee.quorum`), where known, for the style's inquorate note.

    A public copy of a meeting with items that look exempt but are not marked so is refused
    (`UnmarkedExemptError`) unless `allow_unmarked`: the clerk has been told which and confirmed
    that they may be published. A confidential copy (`public=False`) publishes nothing.
    """
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
    if public and not allow_unmarked:
        unmarked = looks_exempt(meeting)
        problem = unmarked_exempt(meeting, style, unmarked)
        if problem is not None:
            them, they = ("it", "it") if len(unmarked) == 1 else ("them", "they")
            raise UnmarkedExemptError(
                f"{out}: not exported: {problem}. Mark {them} exempt, or confirm that {they} "
                "may be published",
                unmarked,
                problem,
            )
    data = render_minutes(meeting, style, suffix, public=public, clerk=clerk, quorum=quorum)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise ExportError(f"{out}: cannot write the minutes: {exc.strerror or exc}") from exc
    return out


__all__ = [
    "ExportError",
    "RenderError",
    "UnmarkedExemptError",
    "export_minutes",
    "unmarked_exempt",
]
