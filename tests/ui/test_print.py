"""Print and Print preview: the public copy's real pages, laid out on the Word template's page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.exempt import mark_exempt
from clerk_app.domain.model import Meeting, Paragraph
from clerk_app.render.docx import render_docx
from clerk_app.render.html import minutes_html
from clerk_app.render.pdf import docx_to_pdf
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.printing import CopyQuestions, laid_out, new_printer
from tests.ui.conftest import MakeWindow

FAMILIES = 10
"""The sample's Families First item (minute 159), made exempt."""


class Answers(CopyQuestions):
    """The clerk's answers: the public copy, unless a test says otherwise."""

    public = True
    asked: ClassVar[list[str]] = []

    @classmethod
    def ask_public(cls, parent: QWidget | None, doing: str) -> bool | None:
        cls.asked.append(doing)
        return cls.public

    @classmethod
    def confirm_confidential(cls, parent: QWidget | None, doing: str) -> bool:
        cls.asked.append(f"confidential {doing}")
        return True


@pytest.fixture
def answers() -> type[Answers]:
    Answers.public = True
    Answers.asked = []
    return Answers


def exempt_sample(sample: Meeting) -> Meeting:
    return mark_exempt(sample, [sample.items[FAMILIES].id])


def secret_of(meeting: Meeting) -> str:
    block = meeting.items[FAMILIES].blocks[0]
    assert isinstance(block, Paragraph)
    return block.text


@pytest.fixture
def window(make_window: MakeWindow, sample: Meeting, answers: type[Answers]) -> MainWindow:
    window = make_window(active=True)
    window.resize(1366, 768)
    window.set_document(MeetingDocument(exempt_sample(sample)))
    window.printing.questions = answers
    return window


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.fail("pdfinfo is missing: install poppler-utils")
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)", out.stdout, re.MULTILINE)
    assert found is not None, out.stdout
    return int(found.group(1))


def open_preview(qtbot: QtBot, window: MainWindow) -> QPrintPreviewWidget:
    window.printing.preview_action.trigger()
    qtbot.waitUntil(lambda: window.printing.preview_dialog is not None, timeout=30_000)
    dialog = window.printing.preview_dialog
    assert dialog is not None
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=30_000)
    return preview


def test_the_preview_shows_the_public_copys_pages(
    qtbot: QtBot, window: MainWindow, answers: type[Answers], leicester: StyleFolder
) -> None:
    preview = open_preview(qtbot, window)
    assert answers.asked == ["Preview"]  # the meeting has an exempt item: asked which copy
    dialog = window.printing.preview_dialog
    assert dialog is not None and dialog.isVisible()
    pages = preview.pageCount()
    # the pages the QTextDocument makes of the HTML on that printer's page
    assert window.document is not None
    meeting = window.document.meeting
    minutes = minutes_html(meeting, leicester)
    assert laid_out(minutes, new_printer(minutes)).pageCount() == pages
    assert pages > 1
    assert dialog.windowTitle() == f"Print preview: the public copy — {pages} pages"
    # the page is the Word template's: A4, 23 mm at the sides and 20 at top and bottom
    layout = dialog.printer().pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    margins = layout.margins(QPageLayout.Unit.Millimeter)
    assert (round(margins.left()), round(margins.top())) == (23, 20)
    # the pages say what the public copy says: the exempt minute is not there
    printed = window.printing.printed
    assert printed is not None
    text = words(printed.toPlainText())
    assert words(secret_of(meeting)) not in text
    assert "149. WELCOME AND APOLOGIES FOR ABSENCE" in text
    assert "FAMILIES FIRST PROGRAMME" in text  # its heading stays, as the style prints it


def test_the_confidential_copy_when_chosen(
    qtbot: QtBot, window: MainWindow, answers: type[Answers]
) -> None:
    answers.public = False
    open_preview(qtbot, window)
    dialog = window.printing.preview_dialog
    assert dialog is not None
    assert dialog.windowTitle().startswith("Print preview: the confidential copy — ")
    printed = window.printing.printed
    assert printed is not None
    assert window.document is not None
    assert words(secret_of(window.document.meeting)) in words(printed.toPlainText())


def test_a_meeting_without_exempt_items_is_not_asked(
    qtbot: QtBot, window: MainWindow, sample: Meeting, answers: type[Answers]
) -> None:
    window.set_document(MeetingDocument(sample))
    open_preview(qtbot, window)
    assert answers.asked == []


def test_ctrl_p_prints_the_pages(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, answers: type[Answers]
) -> None:
    window.navigator.setFocus()
    QTest.keyClick(window.navigator, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.printing.print_dialog is not None, timeout=30_000)
    dialog = window.printing.print_dialog
    assert isinstance(dialog, QPrintDialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Print the public copy"
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.done(QDialog.DialogCode.Accepted)  # OK, without the platform's own printer choice
    qtbot.waitUntil(out.exists)
    assert pdf_pages(out) == window.printing.pages > 1
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "WELCOME AND APOLOGIES FOR ABSENCE" in text
    assert window.document is not None
    assert "governments reforms" in secret_of(window.document.meeting)
    assert "governments reforms" not in text


def test_the_pages_are_about_libreoffices(sample: Meeting, leicester: StyleFolder) -> None:
    """The printed copy against LibreOffice's PDF of the Word export of the same copy: Qt lays
    out the HTML, not Word's pages, so a page may break a few lines apart (Word keeps a heading
    with the paragraph after it, and LibreOffice's line spacing differs): within two pages."""
    minutes = minutes_html(sample, leicester)
    qt_pages = laid_out(minutes, new_printer(minutes)).pageCount()
    pdf = docx_to_pdf(render_docx(sample, leicester))
    lo_pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    print(f"Qt: {qt_pages} pages, LibreOffice: {lo_pages} pages")
    assert lo_pages > 1
    assert abs(qt_pages - lo_pages) <= 2, (qt_pages, lo_pages)
