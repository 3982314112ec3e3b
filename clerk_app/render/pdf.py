"""PDF through LibreOffice: the Word minutes, converted by `soffice --headless`."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from clerk_app.render.errors import RenderError

CONVERSION_TIMEOUT = 180
INSTALL_HINT = (
    "PDF export needs LibreOffice, which was not found. Install LibreOffice (free, from "
    "libreoffice.org) or set CLERK_SOFFICE to the path of its soffice program; or export to "
    "Word and use Word's Save as PDF."
)


def _candidates() -> list[Path]:
    found = [shutil.which("soffice"), shutil.which("libreoffice")]
    paths = [Path(p) for p in found if p]
    for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432"):
        base = os.environ.get(variable)
        if base:
            paths.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    paths.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return paths


SOFFICE_VARIABLE = "CLERK_SOFFICE"


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long, a folder that may not be entered
        return False


def find_soffice() -> Path | None:
    """LibreOffice's soffice: CLERK_SOFFICE, then PATH, then the usual install folders."""
    override = os.environ.get(SOFFICE_VARIABLE)
    if override:
        return Path(override) if _is_file(Path(override)) else None
    return next((p for p in _candidates() if _is_file(p)), None)


def docx_to_pdf(docx: bytes, timeout: float = CONVERSION_TIMEOUT) -> bytes:
    override = os.environ.get(SOFFICE_VARIABLE)
    if override and not _is_file(Path(override)):
        raise RenderError(
            f"{SOFFICE_VARIABLE} is set to {override}, which does not exist or is not a program: "
            f"set it to the path of LibreOffice's soffice program, or remove it to have Clerk "
            "look for LibreOffice in its usual places"
        )
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(INSTALL_HINT)
    try:
        with tempfile.TemporaryDirectory(prefix="clerk-pdf-", ignore_cleanup_errors=True) as folder:
            work = Path(folder)
            source = work / "minutes.docx"
            source.write_bytes(docx)
            return _convert(soffice, work, source, timeout)
    except OSError as exc:  # no space or no permission in the temporary folder
        raise RenderError(f"cannot prepare the PDF: {exc.strerror or exc}") from None


def _convert(soffice: Path, work: Path, source: Path, timeout: float) -> bytes:
    # A profile of its own: otherwise a LibreOffice the clerk has open takes the job over
    # (or refuses it), and two exports at once would fight over one profile.
    profile = (work / "profile").as_uri()
    command = [
        str(soffice),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work),
        str(source),
    ]
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"LibreOffice did not finish the PDF within {timeout:.0f} seconds"
        ) from None
    except OSError as exc:
        raise RenderError(f"LibreOffice could not be started ({soffice}): {exc}") from None
    pdf = work / "minutes.pdf"
    if result.returncode != 0 or not pdf.is_file():
        said = (result.stderr or result.stdout).strip().splitlines()
        detail = said[-1] if said else f"exit status {result.returncode}"
        raise RenderError(f"LibreOffice could not convert the minutes to PDF: {detail}")
    return pdf.read_bytes()
