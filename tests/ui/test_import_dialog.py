"""File > Import agenda… against a fake ModernGov site on a real loopback server: typed at typing
speed, the committees found (the open meeting's chosen), a meeting picked and imported as the
window's document; the site remembered for the committee; a failing site's one line, nothing
written; joined to a committee folder's .committee file and saved in the folder (a meeting of
that date offered instead); Esc stops waiting for a slow site; the agenda document and a
Legistar client's Web API."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk_app import locations
from clerk_app.services.settings import Settings
from clerk_app.storage import load_meeting
from clerk_app.ui.dialogs import Dialogs, SaveChoice
from clerk_app.ui.import_dialog import ImportDialog
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.messages import RecordedMessages
from tests.importers import agenda_documents, legistar_site
from tests.importers.moderngov_site import (
    COMMITTEE_TITLE,
    SERVICE,
    serve_moderngov,
)
from tests.importers.server import LoopbackServer, Reply
from tests.ui.conftest import MakeWindow

TODAY = dt.date(2026, 6, 1)
DECEMBER = dt.date(2026, 12, 15)
JUNE = dt.date(2025, 6, 18)
SAMPLE_FOLDER = locations.samples_dir() / "committees" / "leicester-cype"
# the commission last, so that choosing it is the dialog's doing, not the site's order
COMMITTEES_LAST = b"""<?xml version="1.0" encoding="utf-8"?>
<committees>
  <committeescount> 3</committeescount>
  <committee><committeeid> 17</committeeid>
    <committeetitle>Audit &amp;amp; Risk Committee</committeetitle></committee>
  <committee><committeeid>9</committeeid>
    <committeetitle>Health and Wellbeing Board</committeetitle></committee>
  <committee><committeeid> 42</committeeid>
    <committeetitle>Children, Young People and Education Scrutiny Commission</committeetitle>
  </committee>
</committees>
"""


class Discard(Dialogs):
    @classmethod
    def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
        return SaveChoice.DISCARD


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    running = LoopbackServer().start()
    try:
        serve_moderngov(running)
        yield running
    finally:
        running.stop()


def window_on(make_window: MakeWindow, path: Path | None = None) -> MainWindow:
    """A window on the meeting at `path` (the sample, unsaved, for None), its today TODAY."""
    window = make_window(Discard, active=True)
    window.year.today = lambda: TODAY
    if path is None:
        window.open_sample()
    else:
        assert window.open_path(path, ask=False)
    return window


def open_dialog(qtbot: QtBot, window: MainWindow) -> ImportDialog:
    window.import_agenda_action.trigger()
    dialog = window.findChild(ImportDialog, "importAgendaDialog")
    assert isinstance(dialog, ImportDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def type_site(dialog: ImportDialog, text: str) -> None:
    dialog.site.setFocus()
    dialog.site.selectAll()
    QTest.keyClick(dialog.site, Qt.Key.Key_Delete)
    QTest.keyClicks(dialog.site, text, Qt.KeyboardModifier.NoModifier, 20)
    QTest.keyClick(dialog.site, Qt.Key.Key_Return)


def wait_idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)


def meeting_lines(dialog: ImportDialog) -> list[str]:
    return [dialog.meetings.item(row).text() for row in range(dialog.meetings.count())]


def test_import_a_meeting_from_a_moderngov_site(
    qtbot: QtBot, make_window: MakeWindow, server: LoopbackServer
) -> None:
    """Typed, found, picked, imported: the window's document has the agenda's items and
    attendees, unsaved (the sample's folder has no committee file); the site is offered next
    time for the committee."""
    server.reply(f"{SERVICE}/GetCommittees", Reply(COMMITTEES_LAST, content_type="text/xml"))
    window = window_on(make_window)
    dialog = open_dialog(qtbot, window)
    assert dialog.site.text() == ""  # nothing remembered yet
    qtbot.waitUntil(dialog.site.hasFocus, timeout=2000)
    type_site(dialog, server.url)
    qtbot.waitUntil(lambda: dialog.meetings.count() > 0, timeout=5000)
    assert dialog.committee.currentText() == COMMITTEE_TITLE  # the open meeting's body
    assert dialog.committee.itemText(0) == "Audit & Risk Committee"  # decoded once
    assert meeting_lines(dialog) == [
        "Tuesday 15 December 2026, 17:30: " + COMMITTEE_TITLE,
        "Tuesday 19 January 2027, 17:30: " + COMMITTEE_TITLE,
        "Tuesday 16 March 2027: " + COMMITTEE_TITLE + " (provisional)",
    ]  # from today to a year ahead, by date
    asked = [s.query for s in server.seen if s.route.endswith("/GetMeetings")]
    assert asked[-1]["sFromDate"] == "01/06/2026"
    assert asked[-1]["sToDate"] == "01/06/2027"
    assert "3 meetings" in dialog.status.text()
    # a year back, the June meeting too
    dialog.past.setFocus()
    QTest.keyClick(dialog.past, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.meetings.count() == 5, timeout=5000)
    assert meeting_lines(dialog)[0].startswith("Wednesday 18 June 2025, 17:30")
    QTest.keyClick(dialog.past, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.meetings.count() == 3, timeout=5000)
    assert dialog.meetings.hasFocus()
    assert dialog.meetings.currentRow() == 0
    QTest.keyClick(dialog.meetings, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.document is not None and window.document.meeting.date == DECEMBER,
        timeout=5000,
    )
    assert not dialog.isVisible()
    assert window.document is not None
    meeting = window.document.meeting
    assert window.document.path is None  # not joined: saved where the clerk says
    assert meeting.body == COMMITTEE_TITLE
    titles = [item.title for item in meeting.items]
    assert "School Place Planning & Admissions 2027/28" in titles
    assert titles.index("Declarations of Interest") < titles.index("Work Programme")
    names = [entry.person.name for entry in meeting.attendance]
    assert "Misbah Batool" in names
    assert "Kate Katomeris" in names
    assert "Imported " in window.statusBar().currentMessage()
    # next time, for this committee, the site is offered
    dialog = open_dialog(qtbot, window)
    assert dialog.site.text() == server.url
    assert dialog.chosen_system() == "moderngov"


def test_the_source_is_remembered_per_committee(user_data: Path) -> None:
    settings = Settings(user_data)
    assert settings.import_source("Leicester City Council", "Audit") is None
    settings.remember_import_source(
        "Leicester City Council", "Children, Young People and Education Scrutiny Commission",
        "moderngov", "https://democracy.leicester.gov.uk",
    )  # fmt: skip
    settings.remember_import_source("City of Seattle", "City Council", "legistar", "seattle")
    assert settings.import_source(
        "LEICESTER CITY COUNCIL", "children, young people and education scrutiny commission"
    ) == ("moderngov", "https://democracy.leicester.gov.uk", "")
    assert settings.import_source("City of Seattle", "City Council") == ("legistar", "seattle", "")
    # a committee with none: the last source used
    assert settings.import_source("Leicester City Council", "Audit") == ("legistar", "seattle", "")
    settings.sync()
    assert Settings(user_data).import_source("City of Seattle", "City Council") == (
        "legistar",
        "seattle",
        "",
    )


def test_a_failing_site_shows_one_line_and_writes_nothing_esc_stops_a_slow_one(
    qtbot: QtBot, make_window: MakeWindow, server: LoopbackServer, tmp_path: Path
) -> None:
    folder = tmp_path / "CYPE"
    folder.mkdir()
    shutil.copy(SAMPLE_FOLDER / "CYPESC 2025-06-18.minutes", folder)
    path = folder / "CYPESC 2025-06-18.minutes"
    before = sorted(p.name for p in folder.glob("*.minutes"))
    server.reply(
        f"{SERVICE}/GetCommittees",
        Reply(b"<html><body><h1>Server Error in '/' Application.</h1></body></html>", 500,
              "text/html"),
    )  # fmt: skip
    window = window_on(make_window, path)
    dialog = open_dialog(qtbot, window)
    type_site(dialog, server.url)
    qtbot.waitUntil(lambda: dialog.job is None and bool(dialog.status.text()), timeout=5000)
    message = dialog.status.text()
    assert "\n" not in message
    assert message.startswith("http://127.0.0.1:")
    assert "Traceback" not in message
    assert dialog.isVisible()
    assert dialog.committee.count() == 0
    assert not dialog.import_button.isEnabled()
    assert dialog.find_button.isEnabled()  # another try may be made
    assert dialog.site.hasFocus()  # where the clerk was
    assert isinstance(window.messages, RecordedMessages)
    assert window.messages.shown == []  # in the dialog, not a box
    assert window.document is not None and window.document.path == path
    assert sorted(p.name for p in folder.glob("*.minutes")) == before

    # a slow site: Esc stops waiting, the late answer is dropped, a second Esc closes
    server.reply(
        f"{SERVICE}/GetCommittees", Reply(COMMITTEES_LAST, content_type="text/xml", delay=0.4)
    )
    QTest.keyClick(dialog.site, Qt.Key.Key_Return)
    assert dialog.job is not None
    assert "Finding the committees of" in dialog.status.text()
    assert not dialog.site.isEnabled()
    assert not dialog.find_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # waiting stopped, the dialog still there
    assert dialog.job is None
    assert dialog.site.isEnabled()
    assert "Stopped waiting" in dialog.status.text()
    assert dialog.site.hasFocus()
    window.pool.waitForDone(5000)
    QApplication.processEvents()  # the late answer arrives, and is dropped
    assert dialog.committee.count() == 0
    assert "Stopped waiting" in dialog.status.text()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.document is not None and window.document.path == path


def test_joined_to_the_committee_folder_and_saved_there(
    qtbot: QtBot, make_window: MakeWindow, server: LoopbackServer, tmp_path: Path
) -> None:
    """The open meeting's folder has a .committee file: the import is the committee's meeting,
    saved in the folder under its own name; a meeting of a date the folder holds is offered."""
    folder = tmp_path / "CYPE"
    shutil.copytree(SAMPLE_FOLDER, folder)
    september = folder / "CYPESC 2025-09-23.minutes"
    window = window_on(make_window, september)
    dialog = open_dialog(qtbot, window)
    assert "leicester-cype.committee" in dialog.status.text()
    type_site(dialog, server.url)
    qtbot.waitUntil(lambda: dialog.meetings.count() == 3, timeout=5000)
    QTest.keyClick(dialog.meetings, Qt.Key.Key_Return)
    saved = folder / "CYPESC 2026-12-15.minutes"
    qtbot.waitUntil(lambda: window.document is not None and window.document.path == saved,
                    timeout=5000)  # fmt: skip
    assert window.document is not None
    assert not window.document.modified
    assert load_meeting(saved) == window.document.meeting
    assert "School Place Planning & Admissions 2027/28" in [
        item.title for item in window.document.meeting.items
    ]
    assert f"saved as {saved.name}" in window.statusBar().currentMessage()
    assert isinstance(window.messages, RecordedMessages)
    [(kind, title, text)] = window.messages.shown  # what the importer noticed, told
    assert (kind, title) == ("info", "Imported agenda")
    assert "4 open actions carried" in text
    names = sorted(p.name for p in folder.iterdir() if p.suffix == ".minutes")
    # the June meeting is in the folder already: offered, nothing written
    dialog = open_dialog(qtbot, window)
    assert dialog.site.text() == server.url  # remembered for the committee
    QTest.keyClick(dialog.site, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.meetings.count() == 3, timeout=5000)
    QTest.keyClick(dialog.past, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.meetings.count() == 5, timeout=5000)
    dialog.meetings.setCurrentRow(0)
    QTest.keyClick(dialog.meetings, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.existing is not None, timeout=5000)
    assert "already holds the meeting of 18 June 2025" in dialog.status.text()
    assert dialog.import_button.text() == "&Open it"
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".minutes") == names
    QTest.keyClick(dialog.meetings, Qt.Key.Key_Return)
    june = folder / "CYPESC 2025-06-18.minutes"
    qtbot.waitUntil(lambda: window.document is not None and window.document.path == june,
                    timeout=5000)  # fmt: skip
    assert not dialog.isVisible()


def test_import_an_agenda_document_then_a_legistar_meeting(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """The other two sources, in one window: the clerk's agenda document (remembered for the
    commission), then a Legistar client's meeting through its Web API on loopback."""
    agenda = agenda_documents.leicester(tmp_path / "agenda.docx")
    window = window_on(make_window)
    window.year.today = lambda: legistar_site.TODAY
    dialog = open_dialog(qtbot, window)
    dialog.system.setFocus()
    QTest.keyClick(dialog.system, Qt.Key.Key_End)
    assert dialog.chosen_system() == "docx"
    assert dialog.file.isVisible() and not dialog.site.isVisible()
    assert not dialog.import_button.isEnabled()  # no document yet
    QTest.keyClick(dialog.system, Qt.Key.Key_Tab)
    assert dialog.file.hasFocus()
    QTest.keyClicks(dialog.file, str(agenda), Qt.KeyboardModifier.NoModifier, 1)
    sample = window.document
    QTest.keyClick(dialog.file, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not sample, timeout=5000)
    assert window.document is not None and window.document.path is None
    assert window.document.meeting.date == JUNE
    titles = [item.title for item in window.document.meeting.items]
    assert "Families First Programme" in titles
    assert not dialog.isVisible()
    dialog = open_dialog(qtbot, window)  # the document, remembered for the commission
    assert dialog.chosen_system() == "docx"
    assert dialog.file.text() == str(agenda)

    server = LoopbackServer().start()
    try:
        legistar_site.serve_legistar(server)
        dialog.system.setFocus()
        QTest.keyClick(dialog.system, Qt.Key.Key_Up)
        assert dialog.chosen_system() == "legistar"
        assert dialog.api.isVisible() and dialog.site_label.text() == "Legistar &client:"
        type_site(dialog, "")  # an empty client: said, and nothing asked
        assert dialog.job is None and "Type the client" in dialog.status.text()
        QTest.keyClicks(dialog.site, legistar_site.CLIENT, Qt.KeyboardModifier.NoModifier, 20)
        dialog.api.setFocus()
        QTest.keyClicks(dialog.api, server.url, Qt.KeyboardModifier.NoModifier, 1)
        QTest.keyClick(dialog.api, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.meetings.count() > 0, timeout=5000)
        assert dialog.committee.currentText() == legistar_site.BODY_NAME
        assert meeting_lines(dialog)[0].startswith("Tuesday 8 December 2026")
        QTest.keyClick(dialog.meetings, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: (
                window.document is not None
                and window.document.meeting.body == legistar_site.BODY_NAME
            ),
            timeout=5000,
        )
    finally:
        server.stop()
    assert window.document is not None
    assert window.document.meeting.date == dt.date(2026, 12, 8)
    assert window.document.meeting.house_style == "uscity"
    assert len(window.document.meeting.attendance) > 0
