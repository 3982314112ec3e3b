"""Minutes in any of the formats Clerk writes, as bytes: the format is chosen by file suffix."""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.model import Meeting
from clerk_app.render.errors import RenderError
from clerk_app.render.styles import StyleFolder

FORMATS = {".docx": "Word document", ".txt": "plain text", ".pdf": "PDF (through LibreOffice)"}


def format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        suffixes = list(FORMATS)
        known = ", ".join(suffixes[:-1]) + " or " + suffixes[-1]
        shown = suffix or "a name without a suffix"
        raise RenderError(f"cannot export to {shown}: the output must end in {known}")
    return suffix


def render_minutes(
    meeting: Meeting,
    style: StyleFolder,
    suffix: str,
    *,
    public: bool,
    clerk: str = "",
    quorum: int | None = None,
) -> bytes:
    # Imported here: Word export loads python-docx and lxml, which plain text does not need.
    if suffix == ".txt":
        from clerk_app.render.text import render_text

        return render_text(meeting, style, public=public, quorum=quorum).encode("utf-8")
    if suffix == ".docx":
        from clerk_app.render.docx import render_docx

        return render_docx(meeting, style, public=public, clerk=clerk, quorum=quorum)
    if suffix == ".pdf":
        from clerk_app.render.docx import render_docx
        from clerk_app.render.pdf import docx_to_pdf

        return docx_to_pdf(render_docx(meeting, style, public=public, clerk=clerk, quorum=quorum))
    raise RenderError(f"cannot export to {suffix}")
