"""PDF through LibreOffice, when LibreOffice or the machine lets the clerk down: each failure is
one RenderError that says what happened, never a traceback."""

from __future__ import annotations

import errno
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk_app.render import pdf
from clerk_app.render.errors import RenderError

Use = Callable[[str], None]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice scripts are sh")


def fake_soffice(tmp_path: Path, body: str) -> Path:
    """A stand-in for soffice: a shell script given soffice's arguments."""
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.fixture
def use(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Use:
    """Set CLERK_SOFFICE to a fake soffice with the given body."""

    def use(body: str) -> None:
        monkeypatch.setenv("CLERK_SOFFICE", str(fake_soffice(tmp_path, body)))

    return use


def test_libreoffice_failing_says_what_it_said(use: Use) -> None:
    use('echo "Error: source file could not be loaded" >&2; exit 1')
    with pytest.raises(
        RenderError,
        match="LibreOffice could not convert the minutes to PDF: Error: source file could not "
        "be loaded",
    ):
        pdf.docx_to_pdf(b"docx")


def test_libreoffice_failing_silently_gives_its_exit_status(use: Use) -> None:
    use("exit 77")
    with pytest.raises(RenderError, match="could not convert the minutes to PDF: exit status 77"):
        pdf.docx_to_pdf(b"docx")


def test_libreoffice_succeeding_without_a_pdf(use: Use) -> None:
    use("echo 'convert minutes.docx -> minutes.pdf using filter'; exit 0")
    with pytest.raises(RenderError, match="could not convert the minutes to PDF: convert minutes"):
        pdf.docx_to_pdf(b"docx")


def test_libreoffice_taking_too_long(use: Use) -> None:
    use("exec sleep 30")
    with pytest.raises(RenderError, match="did not finish the PDF within 1 seconds"):
        pdf.docx_to_pdf(b"docx", timeout=1)


def test_a_fake_that_writes_the_pdf(use: Use) -> None:
    # the arguments end: --outdir FOLDER SOURCE
    use(
        'for last; do :; done; out=$(dirname "$last"); printf "%%PDF-1.7 fake" > "$out/minutes.pdf"'
    )
    assert pdf.docx_to_pdf(b"docx") == b"%PDF-1.7 fake"


def test_libreoffice_that_cannot_be_started(use: Use) -> None:
    use("exit 0")
    Path(str(pdf.find_soffice())).chmod(0o644)  # not executable
    with pytest.raises(RenderError, match="LibreOffice could not be started"):
        pdf.docx_to_pdf(b"docx")


def test_clerk_soffice_naming_a_missing_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "missing" / "soffice"
    monkeypatch.setenv("CLERK_SOFFICE", str(missing))
    with pytest.raises(RenderError) as info:
        pdf.docx_to_pdf(b"docx")
    message = str(info.value)
    assert message.startswith(f"CLERK_SOFFICE is set to {missing}, which does not exist")
    assert "was not found" not in message


def test_no_libreoffice_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLERK_SOFFICE", raising=False)
    monkeypatch.setattr(pdf, "_candidates", list)
    with pytest.raises(RenderError, match=r"PDF export needs LibreOffice, which was not found\."):
        pdf.docx_to_pdf(b"docx")


@pytest.mark.parametrize("where", ["folder", "write"])
def test_no_space_for_the_pdf_work(use: Use, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    use("exit 0")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "folder":
        monkeypatch.setattr(tempfile, "mkdtemp", full)
    else:
        monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(RenderError, match="cannot prepare the PDF: No space left on device"):
        pdf.docx_to_pdf(b"docx")
