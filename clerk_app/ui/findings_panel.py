"""What `clerk-app check` would say, kept up to date: the findings panel.

A list of the findings (severity, where, the field, what is wrong) that the clerk filters by
kind (the record, cross-checks, quorum, the law, the house style) or to errors only; Enter or a
double click on one goes to its field, Fix (Ctrl+Enter) applies the fix a finding offers and
Fix all (Ctrl+Shift+Enter) every house-style fix shown, each as one undo step. F8 takes the
keyboard to the list from anywhere in the window.

The checks are pure and run once the typing pauses, on a worker thread (about 30 ms for a
300-item meeting, with every check and house rule on: `python -m bench.checks`); their findings
are shown when they come, unless the meeting has changed since. A fix, or the committee found,
checks at once. What is slow is finding the committee's previous meeting
(reading every meeting file in the folder, perhaps on a network share) and its committee file:
that runs on a worker thread when the meeting is opened or saved, its date, committee or
authority change, or the previous minutes are ticked as agreed (which may have changed the
previous meeting's file), never at a keystroke; the minute numbers (under the committee's
numbering scheme, when the folder has a committee file for this meeting's committee), the
confirmation of the previous minutes, the quorum and the committee's kind are checked against
them as soon as they are found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.committee import Committee, NumberingScheme
from clerk_app.domain.finding import FINDING_KIND_LABELS, FindingKind, Fix, apply_fixes
from clerk_app.domain.findings import Finding, Severity, check_meeting, item_names
from clerk_app.domain.house_style import DEFAULT_STYLE, HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.domain.places import place
from clerk_app.render.styles import StyleFolder
from clerk_app.services.document import MeetingDocument
from clerk_app.services.year import folder_committee
from clerk_app.storage import previous_meeting

DELAY_MS = 300
"""The check waits for a pause in typing: findings do not need to follow every keystroke."""

FOCUS_KEY = "F8"
"""Takes the keyboard to the findings from anywhere in the window."""
FIX_KEY = "Ctrl+Return"
FIX_ALL_KEY = "Ctrl+Shift+Return"

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("Severity", "Where", "Field", "Finding")
SEVERITY, WHERE, FIELD, MESSAGE = range(4)

_SEVERITY_TEXT = {Severity.ERROR: "Error", Severity.WARNING: "Warning"}


class _Found(QObject):
    found = Signal(int, object, object, object)
    """the request's number, the previous meeting (or None), the committee's numbering scheme
    (or None) and the committee (or None)"""


class _PreviousMeetingJob(QRunnable):
    def __init__(
        self, number: int, folder: Path, meeting: Meeting, exclude: Path | None, signals: _Found
    ) -> None:
        super().__init__()
        self.number, self.folder, self.meeting, self.exclude = number, folder, meeting, exclude
        self.signals = signals

    def run(self) -> None:
        found = previous_meeting(self.folder, self.meeting, exclude=self.exclude)
        committee = folder_committee(self.folder, self.meeting)
        scheme = committee.numbering if committee is not None else None
        self.signals.found.emit(self.number, found[1] if found else None, scheme, committee)


class FindingsModel(QAbstractTableModel):
    """The findings shown, one row each in the order of the minutes: severity, where, the
    field, the finding."""

    def __init__(self, icons: dict[Severity, QIcon], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icons = icons
        self.rows: list[tuple[Finding, str, str]] = []

    def set_rows(self, rows: list[tuple[Finding, str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def finding(self, row: int) -> Finding | None:
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        finding, part, field = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column == MESSAGE:
            return _without_place(finding.message, part, field)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (_SEVERITY_TEXT[finding.severity], part, field, finding.message)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return self.icons[finding.severity]
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = FINDING_KIND_LABELS[finding.kind]
            todo = (
                f"Fix ({_key_text(FIX_KEY)}): {finding.fix.label}"
                if finding.fix is not None
                else "Press Enter to go to it."
            )
            return f"{finding.message}\n{kind}. {todo}"
        return None


def _without_place(message: str, part: str, field: str) -> str:
    """The message less the place the Where and Field columns already say ("Minute 199/20,
    minute text: ..." is "..."); the tooltip and screen readers have it whole."""
    for said in (f"{part}, {field}: ", f"{part}: "):
        if message.startswith(said) and len(message) > len(said):
            rest = message[len(said) :]
            return rest[0].upper() + rest[1:] if rest[0] != '"' else rest
    return message


def _key_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class _Checked(QObject):
    done = Signal(int, object, object, object)
    """the check's number, the meeting checked, its findings and its items' names"""


class _CheckJob(QRunnable):
    """`check_meeting` on a worker thread: the meeting and everything it is checked against are
    immutable, and the checks are pure, so the typing goes on while a long meeting is checked
    (about 30 ms at 300 items)."""

    def __init__(
        self,
        number: int,
        meeting: Meeting,
        style: HouseStyle,
        context: tuple[Meeting | None, NumberingScheme | None, Committee | None],
        signals: _Checked,
    ) -> None:
        super().__init__()
        self.number, self.meeting, self.style, self.context = number, meeting, style, context
        self.signals = signals

    def run(self) -> None:
        previous, scheme, committee = self.context
        findings = check_meeting(
            self.meeting, self.style, previous=previous, scheme=scheme, committee=committee
        )
        names = item_names(self.meeting, self.style)
        self.signals.done.emit(self.number, self.meeting, findings, names)


class FindingsPanel(QWidget):
    navigate = Signal(object)
    """The path of the finding the clerk activated."""
    checked = Signal()
    """The findings were worked out again (`findings` holds them)."""

    def __init__(
        self,
        document: MeetingDocument,
        styles: dict[str, StyleFolder],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.document = document
        self.styles = styles
        self.setObjectName("findingsPanel")
        self.findings: list[Finding] = []
        """Every finding, in the order of the minutes (whatever the filter shows)."""
        self.shown: list[Finding] = []
        """The findings the filter shows, as the list shows them."""
        self.previous: Meeting | None = None
        """The committee's previous meeting in the same folder, once found."""
        self.scheme: NumberingScheme | None = None
        """The numbering scheme of the committee file in the same folder, once found."""
        self.committee: Committee | None = None
        """The meeting's committee, from the committee file in the same folder, once found."""
        self._looked_up: tuple[object, ...] | None = None
        self._lookups = 0
        self._checked_once = False
        self._names: list[str] = []
        self._build()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._found = _Found(self)
        self._found.found.connect(self._previous_found)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.check_soon)
        self._checks = 0
        self._check_pool = QThreadPool(self)
        self._check_pool.setMaxThreadCount(1)
        self._checked = _Checked(self)
        self._checked.done.connect(self._check_done)
        document.changed.connect(self._on_changed)
        document.saved.connect(self._on_saved)
        self.look_up_previous()
        self.check_now()

    # --- the widgets -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("findingsKind")
        self.kind_filter.setAccessibleName("Show findings of")
        self.kinds: list[FindingKind | None] = [None, *FINDING_KIND_LABELS]
        """The filter's choices, in order: None is all of them."""
        for kind in self.kinds:
            self.kind_filter.addItem("All" if kind is None else FINDING_KIND_LABELS[kind])
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_filter.currentIndexChanged.connect(self._show)
        self.errors_only = QCheckBox("Errors only")
        self.errors_only.setObjectName("findingsErrorsOnly")
        self.errors_only.setAccessibleName("Errors only")
        self.errors_only.toggled.connect(self._show)
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setAccessibleName("Findings: what needs attention")
        self.fix_button = QPushButton("Fix")
        self.fix_button.setObjectName("fixFindingButton")
        self.fix_button.setAccessibleName("Fix")
        self.fix_button.setToolTip(f"Apply this finding's fix ({_key_text(FIX_KEY)})")
        self.fix_button.clicked.connect(self.fix_current)
        self.fix_all_button = QPushButton("Fix all")
        self.fix_all_button.setObjectName("fixAllFindingsButton")
        self.fix_all_button.setAccessibleName("Fix all")
        self.fix_all_button.setToolTip(
            f"Apply every house-style fix shown, as one step ({_key_text(FIX_ALL_KEY)})"
        )
        self.fix_all_button.clicked.connect(self.fix_all)
        icons = {
            Severity.ERROR: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.model = FindingsModel(icons, self)
        self.list = QTreeView()
        self.list.setObjectName("findingsList")
        self.list.setAccessibleName("Findings")
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((SEVERITY, 90), (WHERE, 160), (FIELD, 180)):
            header.resizeSection(column, width)
        self.list.activated.connect(self._activated)
        self.list.selectionModel().currentRowChanged.connect(self._enable)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        shown = QLabel("Show:")
        shown.setBuddy(self.kind_filter)
        for widget in (shown, self.kind_filter, self.errors_only):
            top.addWidget(widget)
        top.addWidget(self.summary, 1)
        top.addWidget(self.fix_button)
        top.addWidget(self.fix_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        QWidget.setTabOrder(self.kind_filter, self.errors_only)
        QWidget.setTabOrder(self.errors_only, self.list)
        QWidget.setTabOrder(self.list, self.fix_button)
        QWidget.setTabOrder(self.fix_button, self.fix_all_button)

        self.focus_action = self._action("Go to the findings", FOCUS_KEY, self.focus_list)
        self.focus_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.focus_action.setObjectName("focusFindingsAction")
        self.fix_action = self._action("Fix", FIX_KEY, self.fix_current)
        self.fix_all_action = self._action("Fix all", FIX_ALL_KEY, self.fix_all)
        for action in (self.fix_action, self.fix_all_action):
            # in the panel only: Ctrl+Enter in a form's field is that field's
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _action(self, text: str, key: str, slot: Any) -> QAction:
        action = QAction(text, self)
        keys = [QKeySequence(key)]
        if "Return" in key:
            keys.append(QKeySequence(key.replace("Return", "Enter")))  # the keypad's Enter
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # a few lines: the forms and the preview need the height more than the findings do
        return QSize(600, 130)

    def focus_list(self) -> None:
        """F8: the keyboard goes to the findings (the first one, if none is current yet)."""
        dock = self.parentWidget()
        if dock is not None:
            dock.raise_()
        if self.model.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- the look-up of the previous meeting and the committee ---------------------------------

    def _on_changed(self, change: MeetingChange) -> None:
        if change.header:
            self.look_up_previous()
        elif change.path and change.path[-1] == "minutes_confirmed":
            self.look_up_previous(again=True)  # the previous meeting's file may have changed
        self.timer.start()

    def _on_saved(self, _path: object) -> None:
        self.look_up_previous(again=True)  # the folder may hold a committee file by now

    def look_up_previous(self, *, again: bool = False) -> None:
        """Find the previous meeting of the committee in the meeting's folder, and the
        committee (its numbering scheme, quorum and kind) from the folder's committee file (in
        the background), unless what they depend on is what it was last time (`again`:
        whatever it was)."""
        meeting, path = self.document.meeting, self.document.path
        key = (path, meeting.date, meeting.body.casefold(), meeting.authority.casefold())
        if key == self._looked_up and not again:
            return
        self._looked_up = key
        self._lookups += 1
        if path is None:
            self._previous_found(self._lookups, None, None, None)
            return
        self._pool.start(
            _PreviousMeetingJob(self._lookups, path.parent, meeting, path, self._found)
        )

    def wait_for_lookup(self, milliseconds: int = 30_000) -> bool:
        """The background work done: the look-up, and a check on its way (its findings are
        shown once the event loop delivers them)."""
        looked_up = self._pool.waitForDone(milliseconds)
        return self._check_pool.waitForDone(milliseconds) and looked_up

    def _previous_found(
        self, number: int, previous: object, scheme: object, committee: object
    ) -> None:
        if number != self._lookups:
            return  # a newer look-up is on its way
        assert previous is None or isinstance(previous, Meeting)
        assert scheme is None or isinstance(scheme, NumberingScheme)
        assert committee is None or isinstance(committee, Committee)
        if (previous, scheme, committee) != (self.previous, self.scheme, self.committee):
            self.previous, self.scheme, self.committee = previous, scheme, committee
            self.check_now()

    # --- the findings ----------------------------------------------------------------------------

    def _style(self, meeting: Meeting) -> HouseStyle:
        folder = self.styles.get(meeting.house_style)
        return folder.style if folder else DEFAULT_STYLE

    def check_now(self) -> None:
        """Check the meeting as it is, here and now (a fix applied, the committee found, a test
        that reads the findings at once)."""
        self._checks += 1  # a check on its way is of an older meeting
        meeting = self.document.meeting
        style = self._style(meeting)
        findings = check_meeting(
            meeting, style, previous=self.previous, scheme=self.scheme, committee=self.committee
        )
        self._take(findings, item_names(meeting, style))

    def check_soon(self) -> None:
        """Check the meeting on the worker thread, once the typing has paused: its findings are
        shown when they come, unless the meeting has changed since (a newer check follows)."""
        self._checks += 1
        meeting = self.document.meeting
        context = (self.previous, self.scheme, self.committee)
        job = _CheckJob(self._checks, meeting, self._style(meeting), context, self._checked)
        self._check_pool.start(job)

    def _check_done(self, number: int, meeting: object, findings: object, names: object) -> None:
        if number != self._checks or meeting is not self.document.meeting:
            return  # typed in since, or checked at once since: a newer check says more
        assert isinstance(findings, list) and isinstance(names, list)
        self._take(findings, names)

    def _take(self, findings: list[Finding], names: list[str]) -> None:
        if findings != self.findings or not self._checked_once:
            self._checked_once = True
            self.findings = findings
            self._names = names
            self._show()
        self.checked.emit()

    def _show(self) -> None:
        """The list, the filter's counts and the buttons, for the findings and the filter."""
        kind = self.kinds[max(0, self.kind_filter.currentIndex())]
        errors_only = self.errors_only.isChecked()
        for row, here in enumerate(self.kinds):
            count = sum(here is None or f.kind is here for f in self.findings)
            label = "All" if here is None else FINDING_KIND_LABELS[here]
            self.kind_filter.setItemText(row, f"{label} ({count})")
        of_kind = [f for f in self.findings if kind is None or f.kind is kind]
        errors = sum(f.severity is Severity.ERROR for f in of_kind)
        self.errors_only.setText(f"Errors only ({errors})")
        self.shown = [f for f in of_kind if not errors_only or f.severity is Severity.ERROR]
        current = self.list.currentIndex().row()
        meeting = self.document.meeting
        self.model.set_rows([(f, *place(meeting, f.path, self._names)) for f in self.shown])
        if self.shown and current >= 0:
            self.list.setCurrentIndex(self.model.index(min(current, len(self.shown) - 1), 0))
        self.summary.setText(self._summary())
        self._enable()

    def _summary(self) -> str:
        if not self.findings:
            return "No problems found."
        errors = self.number_of(Severity.ERROR)
        warnings = self.number_of(Severity.WARNING)
        said = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        if len(self.shown) < len(self.findings):
            said += f" ({len(self.shown)} shown)"
        return said

    def _enable(self) -> None:
        finding = self.current_finding()
        # a finding without a fix shows no Fix: Enter takes the clerk to its field
        self.fix_button.setVisible(finding is not None and finding.fix is not None)
        fixes = len(self._house_style_fixes())
        self.fix_all_button.setEnabled(fixes > 0)
        self.fix_all_button.setText(f"Fix all ({fixes})" if fixes else "Fix all")

    def number_of(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    def current_finding(self) -> Finding | None:
        index = self.list.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def _house_style_fixes(self) -> list[Fix]:
        return [
            f.fix for f in self.shown if f.kind is FindingKind.HOUSE_STYLE and f.fix is not None
        ]

    def _activated(self, index: QModelIndex) -> None:
        finding = self.model.finding(index.row())
        if finding is not None:
            self.navigate.emit(finding.path)

    # --- fixes -----------------------------------------------------------------------------------

    def fix_current(self) -> None:
        """Apply the fix the current finding offers, as one undo step named by it."""
        finding = self.current_finding()
        if finding is not None and finding.fix is not None:
            self._apply([finding.fix], finding.fix.label)

    def fix_all(self) -> None:
        """Apply every house-style fix shown, as one undo step: "Apply house style (4 fixes)"."""
        fixes = self._house_style_fixes()
        if fixes:
            self._apply(fixes, None)

    def _apply(self, fixes: list[Fix], text: str | None) -> None:
        self.timer.stop()
        document = self.document
        document.close_step()  # typing before the fix is its own step
        meeting, count = apply_fixes(document.meeting, fixes)
        if count:
            if text is None:
                text = f"Apply house style ({_count(count, 'fix')})"
            document.edit(meeting, text, fixes[0].path)
            document.close_step()
        self.check_now()
        if not count:
            self.summary.setText("The text has changed since: checked again.")
        self.list.setFocus()


def _count(n: int, noun: str) -> str:
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun}es" if noun.endswith("x") else f"{n} {noun}s"
