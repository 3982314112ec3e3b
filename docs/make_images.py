"""Pictures for the README and the user guide, made from the real program (run by hand).

    python docs/make_images.py              # everything
    python docs/make_images.py minutes      # pages of the sample minutes as Word renders them
    python docs/make_images.py screens      # the app's window on each form, with the sample
    python docs/make_images.py names        # docs/ui.md: every field's object and accessible name
    python docs/make_images.py committee    # docs/committee.md: the committee window, next meeting
    python docs/make_images.py checks       # docs/ui.md: the findings panel on a meeting with slips
    python docs/make_images.py import       # docs/ui.md: File > Import agenda… on a loopback site

Minutes pages: each bundled sample is exported to Word with `clerk-app export`, converted to PDF
by LibreOffice and to PNG by pdftoppm (poppler-utils), as a clerk would see it printed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
IMAGES = DOCS / "images"
REPO = DOCS.parent
SAMPLES = REPO / "resources" / "samples"
PAGES = {
    "leicester-cype-2025-06-18": 3,
    "parish-2020-11-12": 2,
    "uscity-2025-03-04": 3,
    "district-2025-12-10": 3,
}


def minutes_pages() -> None:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for stem, pages in PAGES.items():
            sample = SAMPLES / f"{stem}.minutes"
            if not sample.is_file():
                print(f"skipping {stem}: no sample", file=sys.stderr)
                continue
            pdf = work / f"{stem}.pdf"
            subprocess.run(
                [sys.executable, "-m", "clerk_app", "export", str(sample), "-o", str(pdf)],
                check=True,
            )
            for old in IMAGES.glob(f"minutes-{stem}-*.png"):
                old.unlink()
            prefix = IMAGES / f"minutes-{stem}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-l", str(pages), str(pdf), str(prefix)],
                check=True,
            )
            print("\n".join(str(p) for p in sorted(IMAGES.glob(f"minutes-{stem}-*.png"))))


SCREENS = {
    "start": None,
    "meeting": ("meeting", None),
    "attendance": ("attendance", None),
    "declarations": ("declarations", None),
    "item-questions": ("item", "questions"),
    "item-resolution": ("item", "introduction"),
    "close": ("close", None),
}


def _window(folder: Path) -> tuple[object, object]:
    import json
    import os

    # the offscreen platform's screen made a council laptop's (its own is 800x600)
    screen = folder / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}]}),
        encoding="utf-8",
    )
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={screen}")
    from PySide6.QtWidgets import QApplication

    from clerk_app.render.styles import available_styles
    from clerk_app.services.settings import Settings
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.messages import RecordedMessages

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings(folder), available_styles(), messages=RecordedMessages())
    window.resize(1366, 768)  # a council laptop, maximised
    window.show()
    return app, window


def screens() -> None:
    """The window on each form with the sample open, as the clerk sees it."""
    from PySide6.QtWidgets import QApplication

    from clerk_app import locations
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.navigator import Section

    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app, window = _window(Path(folder))
        assert isinstance(window, MainWindow) and isinstance(app, QApplication)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(IMAGES / "screen-start.png"))
        window.open_path(locations.sample_meeting(), ask=False)
        for name, target in SCREENS.items():
            if target is None:
                continue
            window.show_section(Section(target[0], target[1]))
            for _ in range(10):
                app.processEvents()
            window.preview.render_now()
            app.processEvents()
            path = IMAGES / f"screen-{name}.png"
            window.grab().save(str(path))
            print(path)
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()


def _spin(app: object, rounds: int = 20) -> None:
    import time

    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def committee() -> None:
    """The September meeting prepared from June's through File > Next meeting…, and the
    committee window on the Leicester folder (1200 wide, and a 1366x768 laptop's)."""
    import datetime as dt
    import shutil
    import time

    from PySide6.QtWidgets import QWidget

    from clerk_app import locations
    from clerk_app.render.styles import available_styles
    from clerk_app.services.settings import Settings
    from clerk_app.ui.dialogs import Dialogs, SaveChoice
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.messages import RecordedMessages
    from clerk_app.ui.navigator import Section

    class Answers(Dialogs):
        @classmethod
        def ask_meeting_date(
            cls, parent: QWidget | None, suggested: dt.date, committee_name: str
        ) -> dt.date | None:
            return dt.date(2025, 9, 23)

        @classmethod
        def ask_save_changes(cls, parent: QWidget | None, name: str) -> SaveChoice:
            return SaveChoice.DISCARD

    with tempfile.TemporaryDirectory() as work:
        app, _ = _window(Path(work))  # the laptop's screen and the application
        folder = Path(work) / "Children Young People and Education"
        shutil.copytree(locations.samples_dir() / "committees" / "leicester-cype", folder)
        (folder / "CYPESC 2025-09-23.minutes").unlink()
        window = MainWindow(
            Settings(Path(work) / "appdata"),
            available_styles(),
            messages=RecordedMessages(),
            dialogs=Answers,
            today=lambda: dt.date(2025, 10, 1),
        )
        window.resize(1366, 768)
        window.show()
        _spin(app)
        window.open_path(folder / "CYPESC 2025-06-18.minutes", ask=False)
        _spin(app)
        window.next_meeting()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (
            window.document is None or window.document.meeting.date != dt.date(2025, 9, 23)
        ):
            _spin(app, 2)
        window.pool.waitForDone()
        window.show_section(Section("item", "matters-arising"))
        _spin(app, 10)
        window.preview.render_now()
        _spin(app, 10)
        window.grab().save(str(IMAGES / "prepared-meeting.png"))
        shown = window.year.show_folder(folder)
        while shown.view is None:
            _spin(app, 2)
        pictures = {
            (1200, 720): {
                "Members": "committee-page.png",
                "Actions": "committee-page-actions.png",
                "Numbering": "committee-page-numbering.png",
                "Meetings": "committee-page-meetings.png",
            },
            (1366, 768): {
                "Members": "committee-page-1366.png",
                "Actions": "committee-page-actions-1366.png",
            },
        }
        for (width, height), pages in pictures.items():
            shown.resize(width, height)
            _spin(app)
            for page, name in pages.items():
                shown.show_page(page)
                _spin(app, 10)
                shown.grab().save(str(IMAGES / name))
                print(IMAGES / name)
        shown.close()
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()


def _with_defects(meeting: object) -> object:
    """The parish's November meeting with a slip of each kind: a minute without a title (the
    record), too many votes and a member seconding after leaving (cross-checks), six members
    gone before the last items (the quorum), an exempt minute with no reason (the law) and a
    paragraph against the council's house rules (its time, dates and "Cllr")."""
    from clerk_app.domain import edit
    from clerk_app.domain.model import Meeting

    assert isinstance(meeting, Meeting)
    m = edit.set_at(
        meeting,
        ("items", 3, "blocks", 0, "text"),
        "Councillor Smith welcomed residents at 7:35 pm on the 12th November.",
    )
    m = edit.set_at(m, ("items", 6, "title"), "")
    m = edit.set_at(m, ("items", 5, "blocks", 4, "votes_for"), 12)
    for n in range(2, 8):
        m = edit.set_at(m, ("attendance", n, "present_to_item"), m.items[6].id)
    return edit.set_at(m, ("items", 8, "exempt_reason"), "")


def checks() -> None:
    """docs/images/findings-panel.png: the window at 1366x768 with the findings of several
    kinds in its panel, on a copy of the parish sample's committee folder with slips made."""
    import shutil

    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication

    from clerk_app.domain.model import Meeting
    from clerk_app.storage import read_meeting, save_meeting
    from clerk_app.ui.main_window import MainWindow

    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "parish"
        shutil.copytree(SAMPLES / "committees" / "parish", folder)
        path = folder / "Full Council 2020-11-12.minutes"
        meeting, _ = read_meeting(path)
        with_defects = _with_defects(meeting)
        assert isinstance(with_defects, Meeting)
        save_meeting(with_defects, path)
        app, window = _window(Path(tmp))
        assert isinstance(window, MainWindow) and isinstance(app, QApplication)
        window.open_path(path, ask=False)
        panel = window.findings
        panel.wait_for_lookup()
        _spin(app)
        rows = [panel.model.finding(r) for r in range(panel.model.rowCount())]
        time_row = next(r for r, f in enumerate(rows) if f is not None and f.rule == "time")
        panel.focus_list()
        panel.list.setCurrentIndex(panel.model.index(time_row, 0, QModelIndex()))
        _spin(app)
        window.preview.render_now()
        _spin(app)
        target = IMAGES / "findings-panel.png"
        window.grab().save(str(target))
        print(target, [str(f.kind) for f in panel.findings])
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()


def presence() -> None:
    """docs/images/presence-grid.png (the dock, 1200 wide) and presence-grid-1366.png (the
    window at 1366x768): the parish committee's November meeting, with six members gone after
    the budget so that the meeting is inquorate from the date of the next meeting."""
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from clerk_app.domain import edit
    from clerk_app.storage import read_meeting, save_meeting
    from clerk_app.ui.main_window import MainWindow

    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "parish"
        shutil.copytree(SAMPLES / "committees" / "parish", folder)
        path = folder / "Full Council 2020-11-12.minutes"
        meeting, _ = read_meeting(path)
        for n in range(2, 8):
            meeting = edit.set_at(meeting, ("attendance", n, "present_to_item"), "precept")
        save_meeting(meeting, path)
        app, window = _window(Path(tmp))
        assert isinstance(window, MainWindow) and isinstance(app, QApplication)
        window.open_path(path, ask=False)
        window.findings.wait_for_lookup()
        _spin(app)
        window.show_presence()
        assert window.presence is not None
        window.resizeDocks([window.presence_dock], [330], Qt.Orientation.Vertical)
        window.presence.table.setCurrentIndex(window.presence.model.index(3, 4))
        window.preview.render_now()
        _spin(app)
        target = IMAGES / "presence-grid-1366.png"
        window.grab().save(str(target))
        print(target)
        window.resize(1200, 900)
        window.resizeDocks([window.presence_dock], [330], Qt.Orientation.Vertical)
        _spin(app)
        target = IMAGES / "presence-grid.png"
        window.presence_dock.grab().save(str(target))
        print(target)
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()


def import_agenda() -> None:
    """docs/images/import-agenda.png: File > Import agenda… at 1366x768 over the sample, the
    commission's meetings listed from the fake ModernGov site the tests serve on loopback."""
    import datetime as dt
    import time

    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    from clerk_app.ui.main_window import MainWindow

    sys.path.insert(0, str(REPO))
    from tests.importers.moderngov_site import serve_moderngov
    from tests.importers.server import LoopbackServer

    IMAGES.mkdir(exist_ok=True)
    server = LoopbackServer().start()
    serve_moderngov(server)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app, window = _window(Path(tmp))
            assert isinstance(window, MainWindow) and isinstance(app, QApplication)
            window.year.today = lambda: dt.date(2026, 12, 2)
            window.open_sample()
            _spin(app)
            window.import_agenda_action.trigger()
            from clerk_app.ui.import_dialog import ImportDialog

            dialog = window.findChild(ImportDialog, "importAgendaDialog")
            assert isinstance(dialog, ImportDialog)
            dialog.site.setText(server.url)
            dialog.find_meetings()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and (
                dialog.job is not None or dialog.meetings.count() == 0
            ):
                _spin(app, 2)
            # the address as a clerk types it, not the loopback server's
            dialog.site.setText("https://democracy.leicester.gov.uk")
            _spin(app, 10)
            picture = window.grab()
            painter = QPainter(picture)
            place = dialog.geometry().translated(-window.geometry().topLeft())
            painter.drawPixmap(place.topLeft(), dialog.grab())
            painter.setPen(QColor("#505050"))  # the frame the offscreen platform leaves out
            painter.drawRect(place.adjusted(-1, -1, 0, 0))
            painter.end()
            target = IMAGES / "import-agenda.png"
            picture.save(str(target))
            print(target)
            dialog.close()
            if window.document is not None:
                window.document.undo_stack.setClean()
            window.close()
    finally:
        server.stop()


EDITABLE = ("QLineEdit", "QPlainTextEdit", "QComboBox", "QAbstractSpinBox", "QCheckBox",
            "QAbstractButton", "QAbstractItemView", "QTextEdit")  # fmt: skip


def widget_names() -> list[tuple[str, str, str, str]]:
    """(part, objectName, accessibleName, kind) of every field a clerk can reach, on every form,
    with the sample open (its public questions and resolutions show their panels)."""
    from PySide6.QtWidgets import QApplication, QWidget

    from clerk_app import locations
    from clerk_app.ui.main_window import MainWindow
    from clerk_app.ui.navigator import Section

    rows: dict[str, tuple[str, str, str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        app, window = _window(Path(folder))
        assert isinstance(window, MainWindow) and isinstance(app, QApplication)

        def collect(part: str, root: QWidget) -> None:
            for widget in root.findChildren(QWidget):
                kinds = [k.__name__ for k in type(widget).__mro__]
                if not any(k in kinds for k in EDITABLE) or not widget.isVisibleTo(window):
                    continue
                name = widget.objectName()
                if not name or name.startswith("qt_"):
                    continue
                key = name.rstrip("0123456789")
                accessible = widget.accessibleName().split(" (")[0].split(" of resolution")[0]
                rows.setdefault(key, (part, key, accessible, type(widget).__name__))

        window.open_path(locations.sample_meeting(), ask=False)
        for section, part in (
            (Section("meeting"), "Meeting"),
            (Section("attendance"), "Attendance"),
            (Section("declarations"), "Declarations"),
            (Section("sessions"), "Sessions"),
            (Section("speakers"), "Speakers"),
            (Section("sections"), "Sections"),
            (Section("adjournments"), "Adjournments"),
            (Section("item", "questions"), "Item"),
            (Section("item", "introduction"), "Item"),
            (Section("close"), "Close"),
        ):
            window.show_section(section)
            for _ in range(5):
                app.processEvents()
            page = window.forms.currentWidget()
            assert page is not None
            collect(part, page)
        collect("Window", window.navigator)
        collect("Window", window.preview)
        collect("Window", window.findings)
        window.show_presence()
        for _ in range(5):
            app.processEvents()
        assert window.presence is not None
        collect("Window", window.presence)
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()
    return sorted(
        rows.values(),
        key=lambda r: (list(dict.fromkeys(p for p, *_ in rows.values())).index(r[0]), r[1]),
    )


UI_DOC = DOCS / "ui.md"


def names() -> None:
    lines = [
        "# Fields and their names",
        "",
        "Every field a clerk can reach has an `objectName` (for tests and tools) and an",
        "`accessibleName` (what Windows screen readers say). This list is made from the running",
        "program by `python docs/make_images.py names`; `tests/ui/test_ui_doc.py` checks that it",
        "is complete. Numbered groups (a second resolution, a second set of public questions) add",
        'a number to the objectName and " (2)" or " of resolution 2" to the accessible name.',
        "",
        "The meeting's parts of format 2 each have a page in the navigator: sessions with their",
        "roll calls (`images/screen-sessions.png`), speakers and deputations",
        "(`images/screen-speakers.png`), sections, and adjournments and recesses; signatories",
        "are on the Close page, and the current person's name parts are under the attendance.",
        "",
        "| part | objectName | accessibleName | widget |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {part} | `{name}` | {accessible} | {kind} |"
        for part, name, accessible, kind in widget_names()
    ]
    # Sections written by hand after the generated table ("## Item parts ...") are kept.
    old = UI_DOC.read_text(encoding="utf-8") if UI_DOC.exists() else ""
    kept = old[old.index("\n## ") :] if "\n## " in old else ""
    UI_DOC.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")
    print(UI_DOC)


def main(what: list[str]) -> int:
    jobs = {
        "minutes": minutes_pages,
        "screens": screens,
        "names": names,
        "committee": committee,
        "checks": checks,
        "presence": presence,
        "import": import_agenda,
    }
    for name in what or list(jobs):
        jobs[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
