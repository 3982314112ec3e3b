"""Sections (format 2): groups of items printed under a heading (Part A, the consent calendar, a
closed session, reports of committees), and which items are in each.

Widgets (objectName: accessibleName, keys):

- ``sectionsForm``: the form
- ``sectionTable``: "Sections"; columns Title, Kind ("p" Part, "co" Consent agenda, "cl"
  Closed session, "r" Reports, "o" Other), Label ("A", "Part 2"), Note (what the minutes say
  under the heading; Shift+Enter starts a new line); the keys of every table form
- ``addSectionButton`` (Alt+A; Insert), ``removeSectionButton`` (Alt+R; Delete),
  ``moveSectionUpButton`` (Alt+U; Alt+Up), ``moveSectionDownButton`` (Alt+W; Alt+Down)
- ``sectionItemsList``: "Items in the section" (Alt+T): every item of the meeting, by minute
  number and title, ticked if it is in the current section (an item in another section says
  which); Space ticks or unticks the current one, each one undo step. An item is in one
  section at most: ticking it here takes it out of another.

Removing a section takes its items out of it (`operations.remove_section`); Ctrl+Z puts both
back.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from clerk_app.domain import operations
from clerk_app.domain.model import Meeting, Section, SectionKind
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.services.document import EditPath
from clerk_app.ui.forms.record_form import PartListForm, label_choices
from clerk_app.ui.tables import Column, ColumnKind

LIST: EditPath = ("sections",)
TITLE, KIND, LABEL, NOTE = range(4)
SECTION_KIND_LABELS = {
    SectionKind.PART: "Part of the agenda",
    SectionKind.CONSENT: "Consent agenda or calendar",
    SectionKind.CLOSED: "Closed session",
    SectionKind.REPORTS: "Reports of committees",
    SectionKind.OTHER: "Other",
}


class SectionsForm(PartListForm):
    LIST = LIST
    RECORD = Section
    NOUN = "section"
    PLURAL = "sections"
    HEADING = "Sections"
    DEFAULT_COLUMN = TITLE

    def table_columns(self) -> list[Column]:
        return [
            Column("Title", ("title",), width=24, stretch=True),
            Column(
                "Kind",
                ("kind",),
                ColumnKind.CHOICE,
                label_choices(SECTION_KIND_LABELS),
                width=16,
                any_word=True,
            ),
            Column("Label", ("label",), width=6, description="Its label, if any: A, Part 2"),
            Column(
                "Note",
                ("note",),
                ColumnKind.TEXT,
                width=30,
                stretch=True,
                description="What the minutes say under the heading",
            ),
        ]

    def add_details(self) -> None:
        self.items_list = QListWidget(self)
        self.named(self.items_list, "sectionItemsList", "Items in the section")
        self.items_list.setToolTip("Space ticks or unticks the current item")
        self.items_list.itemChanged.connect(self._ticked)
        self.items_caption = QLabel("I&tems in the current section:", self)
        self.items_caption.setBuddy(self.items_list)

    def add_below(self) -> None:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.items_caption)
        layout.addWidget(self.items_list, 1)

    def without_rows(self, meeting: Meeting, rows: list[int]) -> Meeting:
        """Without these sections; their items are in none (`operations.remove_section`)."""
        for record_id in [meeting.sections[r].id for r in rows]:
            meeting = operations.remove_section(meeting, record_id)
        return meeting

    def describe(self, row: int) -> str:
        title = self.document.meeting.sections[row].title
        return f"section {title}" if title else "section"

    def current_section(self) -> Section | None:
        row = self.table.current_row()
        sections = self.document.meeting.sections
        return sections[row] if 0 <= row < len(sections) else None

    def _update_buttons(self) -> None:
        super()._update_buttons()  # at every redraw and every move to another row
        if hasattr(self, "items_list"):
            self._fill_items()

    def _fill_items(self) -> None:
        """The list as the meeting and the current section have it: entries changed in place
        where the items are the same (ticking one redraws the list from its own signal)."""
        meeting = self.document.meeting
        section = self.current_section()
        numbering = MinuteNumbering(meeting, self.context.house_style(meeting))
        titles = {s.id: s.title or s.label or "another section" for s in meeting.sections}
        self.items_list.setEnabled(section is not None)
        rows: list[tuple[str, str, bool]] = []
        for n, item in enumerate(meeting.items):
            label = numbering.label(n)
            text = f"{label}. {item.title or '(no title)'}" if label else item.title
            inside = section is not None and item.section_id == section.id
            if item.section_id is not None and not inside:
                text += f"  (in {titles.get(item.section_id, 'a removed section')})"
            rows.append((item.id, text or "(no title)", inside))
        entries = self.items_list
        with QSignalBlocker(entries):
            same = entries.count() == len(rows) and all(
                entries.item(n).data(Qt.ItemDataRole.UserRole) == row[0]
                for n, row in enumerate(rows)
            )
            if not same:
                current = entries.currentRow()
                entries.clear()
                for item_id, _text, _inside in rows:
                    entry = QListWidgetItem()
                    entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    entry.setData(Qt.ItemDataRole.UserRole, item_id)
                    entry.setCheckState(Qt.CheckState.Unchecked)  # a box, even unticked
                    entries.addItem(entry)
                if 0 <= current < entries.count():
                    entries.setCurrentRow(current)
            for n, (_id, text, inside) in enumerate(rows):
                entry = entries.item(n)
                if entry.text() != text:
                    entry.setText(text)
                state = Qt.CheckState.Checked if inside else Qt.CheckState.Unchecked
                if entry.checkState() != state:
                    entry.setCheckState(state)

    def _ticked(self, entry: QListWidgetItem) -> None:
        section = self.current_section()
        meeting = self.document.meeting
        index = meeting.item_index(str(entry.data(Qt.ItemDataRole.UserRole)))
        if section is None or index is None:
            return
        inside = entry.checkState() == Qt.CheckState.Checked
        item = meeting.items[index]
        if inside == (item.section_id == section.id):
            return
        name = section.title or section.label or "the section"
        text = f"Put item in {name}" if inside else f"Take item out of {name}"
        self.document.set(
            ("items", index, "section_id"), section.id if inside else None, text, merge=False
        )
