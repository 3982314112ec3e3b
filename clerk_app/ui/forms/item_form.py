"""One agenda item and its minute: title, standing item, exemption, the minute text typed as
markup, and what the markup cannot show (public questions, the votes on resolutions, follow-up
actions).

Widgets (objectName: accessibleName), in tab order:

- ``itemForm``: the form; ``itemHeading``: the minute number and title, as numbered
- ``itemTitleEdit``: "Item title"
- ``standingCombo``: "Standing item"
- ``exemptCheck``: "Exempt: press and public excluded"
- ``itemLabelEdit``: "Item label" (as the agenda fixes it: "4.1"; empty: the style numbers it)
- ``itemNumberedCheck``: "Has a minute number"
- ``parentItemCombo``: "Sub-item of" (the earlier items, by their minute numbers; "None")
- ``sectionCombo``: "Section"; ``sessionCombo``: "Session" (the meeting's; "None")
- ``agendaNumberEdit``: "Agenda number"
- ``agendaToggle``: "Show agenda details" (collapsed at first), opening ``agendaBox``:
  ``agendaTextEdit`` "Agenda text", ``recommendationEdit`` "Recommendation",
  ``departmentEdit`` "Department", ``reportReferenceEdit`` "Report reference",
  ``writtenCommentsSpin`` "Written comments received" ("Not recorded")
- ``exemptCheck``: "Exempt: press and public excluded"
- ``exemptReasonEdit``: "Reason for exemption" (enabled only for an exempt item)
- shown only for an exempt item: ``exemptSummaryEdit`` "Published summary",
  ``publishResolutionCheck`` "Publish the resolution"
- shown only for the previous minutes item (see `clerk_app.ui.forms.previous_minutes_panel`):
  ``previousMinutesPanel`` with ``previousMeetingEdit`` "Minutes of the meeting held on" and
  ``minutesConfirmedCheck`` "Agreed as a correct record" (ticking it offers to mark that
  meeting's file approved)
- ``bodyEditor``: "Minute text" (a `BodyEditor`: Tab nests, Ctrl+Tab moves on; see
  `clerk_app.ui.body_editor`); ``bodyHelp``: the markup help line; ``bodyProblem``: why the
  text cannot be used yet (a number too large), hidden otherwise
- ``itemSplitter``: between the minute text and ``itemPanelsScroll``, the scrolling panels:
- ``questionsPanel``: "Public questions", a ``questionsGroupN`` per PublicQuestions block with
  ``questionerEdit`` "Questioner", ``responderEdit`` "Responder", ``questionsEditor``
  "Questions", ``responsesEditor`` "Responses" (numbered markup), ``questionsCountLabel``,
  ``removeQuestionsButton`` "Remove public questions"; then ``addQuestionsButton`` "Add public
  questions". With several groups, accessible names end in " (2)", " (3)"...
- ``resolutionsPanel``: "Resolutions", a ``resolutionGroupN`` per Resolution block with
  ``resolutionText`` (read-only), ``leadWordCombo`` "Lead word", ``numberedCheck`` "Numbered",
  ``proposerCombo`` "Proposed by", ``seconderCombo`` "Seconded by", ``votesForSpin`` "Votes
  for", ``votesAgainstSpin`` "Votes against", ``abstentionsSpin`` "Abstentions" (each with
  "Not recorded"), ``outcomeCombo`` "Outcome", ``namedVotesButton`` "Named votes" (shows
  ``namedVotesTable``: a ``namedVoteCombo`` "Vote of Councillor Batool" per member present).
  In format 2 also ``decisionNumberEdit`` "Decision number", ``motionKindCombo`` "Motion
  kind", ``relatesToCombo`` "Relates to" (the earlier resolutions of the item),
  ``unanimousCheck`` "Unanimous" (counts disabled while ticked), ``recordedVoteCheck``
  "Recorded vote requested", ``requestedByCombo`` "Recorded vote requested by",
  ``instrumentCombo`` "Enacts", ``firstReadingCheck``, ``secondReadingCheck``,
  ``thirdReadingCheck`` "First reading"..., ``motionEdit`` "Words moved", ``debateEdit``
  "Debate"; each named vote's row has ``namedVoteNote`` "Note on the vote of ...", and
  Alt+Up / Alt+Down in a row move the vote in the roll-call order.
  With several groups, accessible names end in " of resolution 2"...
- ``tablesPanel``: a ``tableGroupN`` per Table block (see `clerk_app.ui.forms.table_panel`);
  ``addTableButton`` "Add table"
- ``noticesPanel``: a ``noticeGroupN`` per NoticeOfMotion block (see
  `clerk_app.ui.forms.notice_panel`); ``addNoticeButton`` "Add notice of motion"
- ``actionsPanel``: ``actionsTable`` "Follow-up actions" (Action, Owner, Due as dd/mm/yyyy,
  Done, Done on, and Raised, read-only, for an action carried from an earlier meeting; Insert
  adds, Delete removes), ``addActionButton`` "Add action", ``removeActionButton``
  "Remove action"

Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) in any field of the form are the meeting's undo and redo; the
fields' own undo histories are not used.

The lead word is a drop-down, not a free line: the markup reads only AGREED, RESOLVED,
RECOMMENDED and DECIDED as resolution words, and any other word would turn the resolution into
a plain paragraph (losing its votes) at the next keystroke in the minute text.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.bodytext import parse_body
from clerk_app.domain.changes import MeetingChange
from clerk_app.domain.markup import carry_over, format_body, people_names
from clerk_app.domain.model import (
    STANDING_ITEM_TITLES,
    Block,
    BulletList,
    Item,
    NoticeOfMotion,
    NumberedList,
    PublicQuestions,
    Resolution,
    StandingItem,
    Table,
)
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.domain.operations import set_standing
from clerk_app.services.document import EditPath, MeetingDocument
from clerk_app.ui.body_editor import MARKUP_HELP, BodyEditor, indent_of, list_line
from clerk_app.ui.dialogs import Dialogs
from clerk_app.ui.forms.actions_panel import ActionsPanel
from clerk_app.ui.forms.binding import Binding, Disclosure, Form, FormContext, add_row, fit_lines
from clerk_app.ui.forms.block_panel import form_row, line
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.forms.notice_panel import NoticeGroup, NoticesPanel
from clerk_app.ui.forms.previous_minutes_panel import PreviousMinutesPanel
from clerk_app.ui.forms.questions_panel import QuestionsGroup, QuestionsPanel
from clerk_app.ui.forms.resolutions_panel import ResolutionGroup, ResolutionsPanel, one_line
from clerk_app.ui.forms.table_panel import TableGroup, TablesPanel
from clerk_app.ui.messages import error_text
from clerk_app.ui.widgets.panel_inputs import CountSpin

RESOLUTION_FIELDS = {
    "lead_word": "lead_word",
    "numbered": "numbered",
    "proposer_id": "proposer",
    "seconder_id": "seconder",
    "votes_for": "votes_for",
    "votes_against": "votes_against",
    "abstentions": "abstentions",
    "outcome": "outcome",
}
"""Resolution fields (in a finding's path) and the panel widget attribute that edits them."""
RESOLUTION_FIELDS.update(
    {
        "lead": "lead_word",
        "number": "number",
        "kind": "kind",
        "relates_to": "relates_to",
        "motion": "motion",
        "debate": "debate",
        "unanimous": "unanimous",
        "recorded_vote": "recorded_vote",
        "requested_by_id": "requested_by",
        "instrument": "instrument",
        "readings": "first_reading",
    }
)


def _movers(blocks: tuple[Block, ...]) -> list[str | None]:
    return [block.mover_id for block in blocks if isinstance(block, NoticeOfMotion)]


def record_choices(records: Sequence[Any], value: object, what: str) -> list[tuple[str, Any]]:
    """The meeting's sections or sessions by their titles, "None" first."""
    options: list[tuple[str, Any]] = [("None", None)]
    for n, record in enumerate(records):
        title = " ".join(p for p in (record.label if what == "section" else "", record.title) if p)
        options.append((one_line(title, 40) or f"({what} {n + 1}, no title)", record.id))
    if value is not None and all(record.id != value for record in records):
        options.append((f"(a {what} no longer in the meeting)", value))
    return options


class ItemForm(Form):
    """The form for one item, chosen with `set_item(item_id)`.

    Public: `set_item(item_id)`, `focus_path(path)`, `block_changed` (the cursor in the minute
    text moved into another block: its path, for the preview to follow), and the widgets as
    attributes: `title`, `standing`, `exempt`, `reason`, `body`, `questions` (QuestionsPanel),
    `resolutions` (ResolutionsPanel), `actions_panel` (ActionsPanel), `panels` (the scroll
    area holding the three)."""

    block_changed = Signal(object)
    """("items", i, "blocks", b): the block of the minute text the cursor is now in."""

    def __init__(
        self,
        document: MeetingDocument,
        context: FormContext,
        parent: QWidget | None = None,
        *,
        dialogs: type[Dialogs] | None = None,
    ):
        """`dialogs`: how the form asks the clerk (by default the window's `dialogs`, else
        `Dialogs`)."""
        super().__init__(document, context, parent)
        self.setObjectName("itemForm")
        self._dialogs = dialogs
        self.target = target = ItemTarget(document, context)
        self._memory: dict[Hashable, Block] = {}
        self._earlier_choices: (
            tuple[tuple[Item, ...], tuple[object, ...], tuple[tuple[str, Any], ...]] | None
        ) = None
        """Resolutions and public questions that vanished while the clerk typed (see
        `carry_over`), for this item."""
        self._shown: tuple[str | None, tuple[Block, ...] | None, str] = (None, None, "")
        """(item id, its blocks, the style's word) the minute text is known to mean."""
        self._block = -1
        self._split_kind = ""
        """What the item shown holds, as far as the split goes: questions, resolutions, text."""
        self._clerk_split = False
        """The clerk moved the split since: resizing the form leaves it to Qt."""

        self.heading = QLabel(self)
        self.heading.setObjectName("itemHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)

        def at(field: str) -> EditPath | None:
            return target.path(field)

        self.title = self.bind_line(
            "itemTitleEdit", "Item title", lambda: at("title"), "Edit item title"
        )
        self.title.setPlaceholderText("Families First Programme")
        self.standing = QComboBox(self)
        self.named(self.standing, "standingCombo", "Standing item")
        self.standing.addItem("None", None)
        for standing, label in STANDING_ITEM_TITLES.items():
            self.standing.addItem(label, standing)
        self.standing.setToolTip(
            "Items that come up at every meeting; some house styles add their own words to them"
        )
        self.standing.activated.connect(self._standing_chosen)
        self.bindings.append(Binding(self.standing, lambda: at("standing"), self._show_standing))
        self.exempt = self.bind_check(
            "exemptCheck", "E&xempt: press and public excluded", lambda: at("exempt"),
            "Change exemption",
        )  # fmt: skip
        self.exempt.setAccessibleName("Exempt: press and public excluded")
        self.reason = self.bind_line(
            "exemptReasonEdit",
            "Reason for exemption",
            lambda: at("exempt_reason"),
            "Edit exemption reason",
        )
        self.reason.setPlaceholderText(
            "Paragraph 3 of Part 1 of Schedule 12A, Local Government Act 1972"
        )
        self.exempt_summary = self.bind_text(
            "exemptSummaryEdit",
            "Published summary",
            lambda: at("exempt_summary"),
            "Edit published summary",
        )
        self.exempt_summary.setPlaceholderText(
            "What the public minutes may say of the item (empty: nothing)"
        )
        fit_lines(self.exempt_summary, 2)
        self.publish_resolution = self.bind_check(
            "publishResolutionCheck",
            "Publish the resolution",
            lambda: at("publish_resolution"),
            "Change publishing of the resolution",
        )
        self.publish_resolution.setToolTip(
            "The public minutes print the resolutions of this exempt item, not its discussion"
        )

        # Format 2: the item's number and place in the meeting.
        self.label_edit = self.bind_line(
            "itemLabelEdit", "Item label", lambda: at("label"), "Edit item label"
        )
        self.label_edit.setPlaceholderText("the style's")
        self.label_edit.setToolTip(
            "The item's number where the agenda fixes it (4.1, 2(a), A12); "
            "empty for the house style's running number"
        )
        self.label_edit.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.numbered_check = self.bind_check(
            "itemNumberedCheck", "Has a minute number", lambda: at("numbered"), "Change numbering"
        )
        self.numbered_check.setToolTip(
            "Untick for an item without a number (the preliminaries, a heading)"
        )
        self.parent_combo = self.bind_combo(
            "parentItemCombo",
            "Sub-item of",
            lambda: at("parent_id"),
            "Change the item it is a sub-item of",
            self._parent_choices,
        )
        self.parent_combo.setToolTip("An earlier item this one is numbered under (4.1, 4(a))")
        self.parent_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.parent_combo.setMinimumContentsLength(12)
        self.section_combo = self.bind_combo(
            "sectionCombo", "Section", lambda: at("section_id"), "Change section",
            lambda: self._place_choices("section"),
        )  # fmt: skip
        self.session_combo = self.bind_combo(
            "sessionCombo", "Session", lambda: at("session_id"), "Change session",
            lambda: self._place_choices("session"),
        )  # fmt: skip
        for combo in (self.section_combo, self.session_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(8)
        self.agenda_number = self.bind_line(
            "agendaNumberEdit", "Agenda number", lambda: at("agenda_number"),
            "Edit agenda number",
        )  # fmt: skip
        self.agenda_number.setToolTip(
            "Its number on the agenda, kept when it was taken out of order"
        )
        self.agenda_number.setMaximumWidth(self.fontMetrics().averageCharWidth() * 8)

        self.place_toggle = Disclosure(
            self, "placeToggle", "Number and place",
            "The item's own label, whether it is numbered, the item it belongs to, its section, "
            "session and agenda number",
        )  # fmt: skip
        self.place_box = QWidget(self)
        self.place_box.setObjectName("placeBox")
        self.agenda_toggle = Disclosure(
            self, "agendaToggle", "Agenda",
            "What the agenda said of the item, kept apart from what the minutes say",
        )  # fmt: skip
        self.agenda_box = QWidget(self)
        self.agenda_box.setObjectName("agendaBox")
        self.agenda_text = self.bind_text(
            "agendaTextEdit", "Agenda text", lambda: at("agenda_text"), "Edit agenda text"
        )
        self.recommendation = self.bind_text(
            "recommendationEdit", "Recommendation", lambda: at("recommendation"),
            "Edit recommendation",
        )  # fmt: skip
        for edit in (self.agenda_text, self.recommendation):
            fit_lines(edit, 2)
        self.department = self.bind_line(
            "departmentEdit", "Department", lambda: at("department"), "Edit department"
        )
        self.department.setPlaceholderText("Children's Services")
        self.report_reference = self.bind_line(
            "reportReferenceEdit", "Report reference", lambda: at("report_reference"),
            "Edit report reference",
        )  # fmt: skip
        self.report_reference.setPlaceholderText("CYP/25/07")
        self.written_comments = CountSpin(self)
        self.named(self.written_comments, "writtenCommentsSpin", "Written comments received")
        self.written_comments.valueChanged.connect(
            lambda _v: self._set(
                lambda: at("written_comments"),
                self.written_comments.count(),
                "Edit written comments received",
            )
        )
        self.bindings.append(
            Binding(
                self.written_comments, lambda: at("written_comments"),
                self.written_comments.show_count,
            )
        )  # fmt: skip
        agenda_form = QFormLayout(self.agenda_box)
        agenda_form.setContentsMargins(18, 0, 0, 0)
        agenda_form.setVerticalSpacing(4)
        agenda_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(agenda_form, "Agenda text:", self.agenda_text)
        add_row(agenda_form, "Recommendation:", self.recommendation)
        source = line(
            self.department, 8, ("Report reference:", self.report_reference), 8,
            ("Written comments:", self.written_comments),
            stretch={self.department: 2, self.report_reference: 1},
        )  # fmt: skip
        form_row(agenda_form, "Department:", source, self.department)
        self.place_toggle.opened.connect(self.place_box.setVisible)
        self.agenda_toggle.opened.connect(self.agenda_box.setVisible)
        self.place_box.setVisible(False)
        self.agenda_box.setVisible(False)

        self.body = BodyEditor(self, undo_stack=document.undo_stack)
        self.named(self.body, "bodyEditor", "Minute text")
        self.body.setAccessibleDescription(
            "The minute as text: - starts a bullet, 1. a numbered entry, Tab nests, "
            "a resolution word and a colon on a line of its own starts a resolution. "
            "Ctrl+Tab moves on."
        )
        self.body.setPlaceholderText("What was reported, discussed and decided…")
        body_font = QFont(self.body.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.1)
        self.body.setFont(body_font)
        self.help = QLabel(self)
        self.help.setObjectName("bodyHelp")
        self.help.setWordWrap(True)
        help_font = QFont(self.help.font())
        help_font.setPointSizeF(help_font.pointSizeF() * 0.9)
        self.help.setFont(help_font)
        self.problem = QLabel(self)
        self.problem.setObjectName("bodyProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a0102a; font-weight: bold;")
        self.problem.hide()
        self.body.edited.connect(self._body_edited)
        self.body.line_changed.connect(self._line_changed)

        self.previous_minutes = PreviousMinutesPanel(self, target, self.dialogs)
        self.questions = QuestionsPanel(target, self)
        self.tables = TablesPanel(target, self)
        self.notices = NoticesPanel(target, self)
        self.resolutions = ResolutionsPanel(target, self)
        self.actions_panel = ActionsPanel(target, self)
        for panel in (self.questions, self.tables, self.notices, self.resolutions):
            panel.rebuilt.connect(self._fix_tab_order)

        # --- layout: fields, then the minute text over the scrolling panels --------------------
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(fields, "&Title:", self.title)
        standing_row = line(
            self.standing, 8, self.place_toggle, self.agenda_toggle, stretch={self.standing: 1}
        )
        form_row(fields, "&Standing item:", standing_row, self.standing)
        place_form = QFormLayout(self.place_box)
        place_form.setContentsMargins(18, 0, 0, 0)
        place_form.setVerticalSpacing(4)
        place_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        number_row = line(
            self.label_edit, 8, self.numbered_check, 12, ("Sub-item of:", self.parent_combo),
            stretch={self.parent_combo: 1},
        )  # fmt: skip
        form_row(place_form, "Label:", number_row, self.label_edit)
        place_row = line(
            self.section_combo, 8, ("Session:", self.session_combo), 8,
            ("Agenda no.:", self.agenda_number),
            stretch={self.section_combo: 1, self.session_combo: 1},
        )  # fmt: skip
        form_row(place_form, "Section:", place_row, self.section_combo)
        fields.addRow(self.place_box)
        fields.addRow(self.agenda_box)
        exempt_row = line(self.exempt, 12, ("&Reason:", self.reason), stretch={self.reason: 1})
        fields.addRow(QLabel("Exemption:"), exempt_row)
        self.exempt_part = QWidget(self)
        self.exempt_part.setObjectName("exemptPart")
        exempt_layout = QFormLayout(self.exempt_part)
        exempt_layout.setContentsMargins(0, 0, 0, 0)
        exempt_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(exempt_layout, "Published summary:", self.exempt_summary)
        exempt_layout.addRow("", self.publish_resolution)
        fields.addRow(self.exempt_part)
        self.exempt_part.setVisible(False)
        fields.addRow(self.previous_minutes)

        text_part = QWidget(self)
        text_layout = QVBoxLayout(text_part)
        text_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("&Minute text:")
        caption.setBuddy(self.body)
        text_layout.addWidget(caption)
        text_layout.addWidget(self.body, 1)
        text_layout.addWidget(self.problem)
        text_layout.addWidget(self.help)

        inner = QWidget()
        inner.setObjectName("itemPanels")
        panel_layout = QVBoxLayout(inner)
        panel_layout.setContentsMargins(0, 0, 4, 0)
        panel_layout.addWidget(self.questions)
        panel_layout.addWidget(self.tables)
        panel_layout.addWidget(self.notices)
        panel_layout.addWidget(self.resolutions)
        # The buttons that add what the minute text shows as a placeholder line, in one row
        # (under the resolutions, which get the room a 1366x768 laptop has).
        adding = line(
            self.questions.add_button, self.tables.add_button, self.notices.add_button, None
        )
        adding.setContentsMargins(0, 0, 0, 0)
        panel_layout.addLayout(adding)
        panel_layout.addWidget(self.actions_panel)
        panel_layout.addStretch(1)
        self.panels = QScrollArea(self)
        self.panels.setObjectName("itemPanelsScroll")
        self.panels.setWidgetResizable(True)
        self.panels.setFrameShape(QFrame.Shape.NoFrame)
        # Narrower than a resolution's rows (about 600 pixels): scrolled, not cut off
        self.panels.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.panels.setWidget(inner)
        self._panel_area = inner
        inner.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("itemSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(text_part)
        self._text_part = text_part
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.splitterMoved.connect(self._clerk_moved_split)
        self.splitter.installEventFilter(self)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.heading)
        content_layout.addLayout(fields)
        content_layout.addWidget(self.splitter, 1)
        self.content = content
        self.nothing = QLabel("Choose an item in the list on the left, or add one (Ctrl+Shift+N).")
        self.nothing.setObjectName("noItemLabel")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.nothing)
        self.pages.addWidget(content)
        self._fix_tab_order()
        self.refresh()

    def dialogs(self) -> type[Dialogs]:
        """The questions the form asks: its own, or its window's (tests answer them)."""
        if self._dialogs is not None:
            return self._dialogs
        window: Any = self.window()
        found = getattr(window, "dialogs", None)
        return found if isinstance(found, type) and issubclass(found, Dialogs) else Dialogs

    # --- the item on show ----------------------------------------------------------------------

    @property
    def item_id(self) -> str | None:
        return self.target.item_id

    def set_item(self, item_id: str | None) -> None:
        """Show this item (None: none)."""
        if item_id == self.target.item_id:
            self.refresh()
            return
        self.target.item_id = item_id
        self._memory.clear()
        self._block = -1
        self.actions_panel.model.reload()
        self.tables.reload()
        self.refresh()
        item = self.target.item()
        if item is None:
            return
        kind = (
            "questions"
            if any(isinstance(b, PublicQuestions | Table | NoticeOfMotion) for b in item.blocks)
            else "resolutions"
            if any(isinstance(b, Resolution) for b in item.blocks)
            else "text"
        )
        if kind != self._split_kind:
            # Only when the kind of item changes, so that the clerk's own split is kept.
            self._split_kind = kind
            self._clerk_split = False
            self._split()

    def _split(self) -> None:
        """Share the height between the minute text and the panels by what the item holds:
        public questions, tables and notices of motion fill the panels and get most of it; a
        resolution gets what it needs to show whole (on a 1366x768 laptop too); otherwise the
        text gets most."""
        total = self.splitter.height() if self.splitter.isVisible() else 0
        total = total if total > 0 else 600
        line = self.body.fontMetrics().lineSpacing()
        around = self._text_part.sizeHint().height() - self.body.sizeHint().height()
        text_least = min(total // 2, around + 7 * line + 2 * self.body.frameWidth())
        if self._split_kind == "questions":
            text_least = min(text_least, total // 4)
            panels = int(total * 0.75)
        elif self._split_kind == "resolutions" and self.resolutions.groups:
            spacing = max(self._panel_area.layout().spacing(), 0)  # type: ignore[union-attr]
            first = self.resolutions.groups[0].sizeHint().height()
            header = self.resolutions.sizeHint().height() - sum(
                group.sizeHint().height() + spacing for group in self.resolutions.groups
            )
            above = sum(
                panel.sizeHint().height() + spacing
                for panel in (self.questions, self.tables, self.notices)
                if panel.isVisibleTo(self)
            )
            need = above + header + first + 16
            panels = max(int(total * 0.35), need)
        else:
            panels = int(total * 0.35)
        panels = min(panels, total - text_least)
        self.splitter.setSizes([total - panels, panels])

    def _clerk_moved_split(self) -> None:
        self._clerk_split = True

    def _on_changed(self, change: object) -> None:
        # Typing in another item, the header or the close leaves this form alone. (A bare
        # path, as the document sent before it said what changed, redraws as before.)
        if isinstance(change, MeetingChange) and not change.touches_item(self.target.item_id):
            return
        super()._on_changed(change)

    def refresh(self) -> None:
        item = self.target.item()
        if item is None:
            self.pages.setCurrentWidget(self.nothing)
            self.nothing.setText(
                "This item has been deleted. Choose another in the list on the left."
                if self.target.item_id is not None
                else "Choose an item in the list on the left, or add one (Ctrl+Shift+N)."
            )
            self._shown = (None, None, "")
            return
        self.pages.setCurrentWidget(self.content)
        super().refresh()
        word = self.target.word()
        self.body.set_resolution_word(word)  # the style's word starts resolutions as it is typed
        heading = f"{self.target.minute()}. {item.title or '(no title yet)'}"
        if item.exempt:
            heading += "  (exempt)"
        if self.heading.text() != heading:
            self.heading.setText(heading)
        self.reason.setEnabled(item.exempt)
        if self.exempt_part.isVisibleTo(self) != item.exempt:
            self.exempt_part.setVisible(item.exempt)
        self.place_toggle.set_summary(self._place_summary(item))
        agenda = [
            part
            for part in (item.agenda_text, item.recommendation, item.department,
                         item.report_reference)
            if part
        ]  # fmt: skip
        self.agenda_toggle.set_summary("given" if agenda else "")
        help_text = MARKUP_HELP.format(word=word)
        if self.help.text() != help_text:
            self.help.setText(help_text)
        self._refresh_body(item, word)
        self.previous_minutes.refresh(item)
        self.questions.refresh(item)
        self.tables.refresh(item)
        self.notices.refresh(item)
        self.resolutions.refresh(item)

    def _refresh_body(self, item: Item, word: str) -> None:
        shown_id, shown_blocks, shown_word = self._shown
        people = self._people()
        if shown_id != item.id:
            self.body.load_text(format_body(item.blocks, word, people))
            self.problem.hide()
        elif (
            word != shown_word
            or people != self._shown_people
            or (item.blocks is not shown_blocks and item.blocks != shown_blocks)
        ):
            # Changed elsewhere (undo, a panel): show it, unless the text already means it.
            try:
                fresh = parse_body(self.body.markup_text(), word, people=people)
                meant: tuple[Block, ...] | None = carry_over(
                    fresh, item.blocks, dict(self._memory), people
                )
            except ValueError:
                fresh, meant = (), None
            # A notice's line names its mover: one chosen in its panel is named in the text.
            if meant != item.blocks or _movers(fresh) != _movers(item.blocks):
                self.body.replace_text(format_body(item.blocks, word, people))
                self.problem.hide()
        self._shown = (item.id, item.blocks, word)
        self._shown_people = people

    _shown_people: dict[str, str] | None = None

    def _place_summary(self, item: Item) -> str:
        """What the number-and-place fields hold, for their closed toggle."""
        meeting = self.document.meeting
        parts = [f"label {item.label}"] if item.label else []
        if not item.numbered:
            parts.append("no number")
        if item.parent_id is not None:
            parts.append("a sub-item")
        section = next((s for s in meeting.sections if s.id == item.section_id), None)
        if section is not None:
            parts.append(one_line(section.label or section.title or "a section", 16))
        session = next((s for s in meeting.sessions if s.id == item.session_id), None)
        if session is not None:
            parts.append(one_line(session.title or "a session", 16))
        if item.agenda_number:
            parts.append(f"agenda {item.agenda_number}")
        return ", ".join(parts)

    def _place_choices(self, what: str) -> list[tuple[str, Any]]:
        meeting = self.document.meeting
        item = self.target.item()
        if what == "section":
            return record_choices(meeting.sections, item and item.section_id, what)
        return record_choices(meeting.sessions, item and item.session_id, what)

    def _parent_choices(self) -> list[tuple[str, Any]]:
        """The items before this one, by their minute numbers ("None" first); a parent that is
        not earlier (moved below it) or has gone is shown as such."""
        index = self.target.index()
        item = self.target.item()
        if index is None or item is None:
            return [("None", None)]
        meeting = self.document.meeting
        style = self.context.house_style(meeting)
        # The items before this one are the same objects while the clerk types in this one:
        # their labels are worked out again only when one of them, or the numbering, changes.
        earlier_items = meeting.items[:index]
        numbered_by: tuple[object, ...] = (
            style,
            meeting.first_minute_number,
            meeting.minute_prefix,
            meeting.sequence,
            meeting.date,
        )
        cached = self._earlier_choices
        if (
            cached is not None
            and cached[1] == numbered_by
            and len(cached[0]) == len(earlier_items)
            and all(a is b for a, b in zip(cached[0], earlier_items, strict=True))
        ):
            options = list(cached[2])
        else:
            numbering = MinuteNumbering(meeting, style)
            options = [("None", None)]
            for n, earlier in enumerate(earlier_items):
                label = numbering.label(n) or "(no number)"
                options.append(
                    (one_line(f"{label} {earlier.title or '(no title)'}", 48), earlier.id)
                )
            self._earlier_choices = (earlier_items, numbered_by, tuple(options))
        earlier_ids = {earlier.id for earlier in meeting.items[:index]}
        if item.parent_id is not None and item.parent_id not in earlier_ids:
            later = meeting.item(item.parent_id)
            options.append(
                (
                    "(a later item: not used)" if later is not None else "(no longer there)",
                    item.parent_id,
                )
            )
        return options

    def _people(self) -> dict[str, str]:
        """The names the minute text gives people (a notice of motion's mover), by id."""
        return people_names(self.document.meeting)

    def _show_standing(self, value: object) -> None:
        index = self.standing.findData(value)
        if index != self.standing.currentIndex():
            self.standing.setCurrentIndex(max(index, 0))

    def _standing_chosen(self, index: int) -> None:
        path = self.target.path()
        item = self.target.item()
        if path is None or item is None:
            return
        data = self.standing.itemData(index)  # Qt gives the enum back as a plain string
        standing = StandingItem(data) if data else None
        # A standing item gets its usual title if it has none yet (see `set_standing`).
        after = set_standing(self.document.meeting, item.id, standing)
        self.document.edit(after, f"Change standing item of minute {self.target.minute()}", path)

    # --- the minute text -------------------------------------------------------------------------

    def _body_edited(self) -> None:
        item = self.target.item()
        if item is None:
            return
        word = self.target.word()
        people = self._people()
        try:
            fresh = parse_body(self.body.markup_text(), word, people=people)
        except ValueError as exc:
            self.problem.setText(f"Not saved yet: {error_text(exc)}")
            self.problem.show()
            return
        self.problem.hide()
        blocks = carry_over(fresh, item.blocks, self._memory, people)
        new_step = self.body.take_step_break()
        if blocks == item.blocks:
            # A new line that means nothing yet (Enter after a paragraph): the typing after it
            # starts a step of its own, its first letter included.
            if new_step:
                self.target.break_step()
            self._shown = (item.id, item.blocks, word)
            return
        # The text means these blocks: the redraw the edit causes leaves the text alone.
        self._shown = (item.id, blocks, word)
        text = f"Type in minute {self.target.minute()}"
        self.target.set(("blocks",), blocks, text, merge=not new_step)
        now = self.target.item()
        if now is not None:
            self._shown = (now.id, now.blocks, word)

    def _line_changed(self, line: int) -> None:
        index = self.target.index()
        block = self.block_at_line(line)
        if index is None or block is None or block == self._block:
            return
        self._block = block
        self.block_changed.emit(("items", index, "blocks", block))

    def _count_blocks(self, lines: list[str], upto: int) -> int | None:
        try:
            return len(parse_body("\n".join(lines[: upto + 1]), self.target.word()))
        except ValueError:
            return None

    def block_at_line(self, line: int) -> int | None:
        """The index of the body block that line `line` of the minute text belongs to."""
        count = self._count_blocks(self.body.markup_text().split("\n"), line)
        return None if not count else count - 1

    def line_of_block(self, block: int) -> int:
        """The first line of the minute text that belongs to body block `block`."""
        lines = self.body.markup_text().split("\n")
        low, high = 0, len(lines) - 1
        while low < high:
            middle = (low + high) // 2
            count = self._count_blocks(lines, middle)
            if count is not None and count >= block + 1:
                high = middle
            else:
                low = middle + 1
        return low

    def _line_of_entry(self, start: int, entry: int) -> int:
        """The line of the `entry`-th entry of the list that starts at or after line `start`."""
        lines = self.body.markup_text().split("\n")
        indent: int | None = None
        seen = -1
        for number in range(start, len(lines)):
            text = lines[number]
            if not text.strip():
                continue
            found = list_line(text)
            if indent is None and found is not None:
                indent = found.indent
            if indent is not None:
                if indent_of(text) < indent:
                    break
                if found is not None and found.indent == indent:
                    seen += 1
                    if seen == entry:
                        return number
        return start

    # --- finding paths ---------------------------------------------------------------------------

    def focus_path(self, path: EditPath) -> bool:
        """Put the focus on the field of this item that `path` (a finding's) is about."""
        index = self.target.index()
        item = self.target.item()
        if item is None or len(path) < 2 or path[0] != "items" or path[1] != index:
            return False
        rest = path[2:]
        field = rest[0] if rest else "title"
        widget: QWidget | None = None
        if field == "title":
            widget = self.title
        elif field == "standing":
            widget = self.standing
        elif field in ("exempt", "exempt_reason"):
            widget = self.reason if field == "exempt_reason" and item.exempt else self.exempt
        elif field == "previous_meeting" and self.previous_minutes.isVisibleTo(self):
            widget = self.previous_minutes.held_on
        elif field == "minutes_confirmed" and self.previous_minutes.isVisibleTo(self):
            widget = self.previous_minutes.confirmed
        elif field == "actions":
            row = rest[1] if len(rest) > 1 and isinstance(rest[1], int) else 0
            column = self.actions_panel.model.column_for(tuple(rest[2:]))
            self.panels.ensureWidgetVisible(self.actions_panel)
            self.actions_panel.table.go_to(row, column)
            return True
        elif field == "blocks":
            return self._focus_block(item, tuple(rest[1:]))
        else:
            return False
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _focus_in_panel(self, widget: QWidget) -> bool:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_in_panels()  # also when it had the focus already
        return True

    def _focus_block(self, item: Item, rest: EditPath) -> bool:
        if not rest or not isinstance(rest[0], int) or not 0 <= rest[0] < len(item.blocks):
            self.body.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        number = rest[0]
        block = item.blocks[number]
        sub = rest[1:]
        field = sub[0] if sub else None
        entry = sub[1] if len(sub) > 1 and isinstance(sub[1], int) else 0
        if isinstance(block, PublicQuestions):
            ordinal = sum(isinstance(b, PublicQuestions) for b in item.blocks[:number])
            return self._focus_questions(self.questions.groups[ordinal], field, entry)
        if isinstance(block, Table):
            ordinal = sum(isinstance(b, Table) for b in item.blocks[:number])
            return self._focus_table(self.tables.groups[ordinal], sub)
        if isinstance(block, NoticeOfMotion):
            ordinal = sum(isinstance(b, NoticeOfMotion) for b in item.blocks[:number])
            return self._focus_notice(self.notices.groups[ordinal], field)
        if isinstance(block, Resolution) and field is not None and field != "resolutions":
            ordinal = sum(isinstance(b, Resolution) for b in item.blocks[:number])
            return self._focus_resolution(self.resolutions.groups[ordinal], field, sub)
        line = self.line_of_block(number)
        if field in ("entries", "resolutions") and isinstance(
            block, BulletList | NumberedList | Resolution
        ):
            line = self._line_of_entry(line, entry)
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        self.body.go_to_line(line, indent_of(self.body.document().findBlockByNumber(line).text()))
        return True

    def _focus_questions(self, group: QuestionsGroup, field: object, entry: int) -> bool:
        if field == "responder":
            return self._focus_in_panel(group.responder)
        if field in ("questions", "responses"):
            editor = group.questions if field == "questions" else group.responses
            self._focus_in_panel(editor)
            editor.go_to_line(self._entry_line(editor, entry))
            return True
        return self._focus_in_panel(group.questioner)

    def _focus_table(self, group: TableGroup, sub: EditPath) -> bool:
        field = sub[0] if sub else None
        if field in ("header", "rows", "total"):
            table = group.model.table()
            row = sub[1] if field == "rows" and len(sub) > 1 and isinstance(sub[1], int) else 0
            column = sub[-1] if len(sub) > (2 if field == "rows" else 1) else 0
            if table is not None:
                if field == "rows":
                    row += 1 if table.header else 0
                elif field == "total":
                    row = max(group.model.rowCount() - 1, 0)
            self._focus_in_panel(group.grid)
            group.grid.go_to(row, column if isinstance(column, int) else 0)
            return True
        return self._focus_in_panel(group.caption)

    def _focus_notice(self, group: NoticeGroup, field: object) -> bool:
        widget: QWidget = {
            "seconder_id": group.seconder,
            "motion": group.motion,
            "reply_by": group.reply_by,
            "reply": group.reply,
        }.get(str(field), group.mover)
        return self._focus_in_panel(widget)

    @staticmethod
    def _entry_line(editor: BodyEditor, entry: int) -> int:
        lines = editor.markup_text().split("\n")
        seen = -1
        for number, text in enumerate(lines):
            found = list_line(text)
            if found is not None and found.indent == 0:
                seen += 1
                if seen == entry:
                    return number
        return 0

    def _focus_resolution(self, group: ResolutionGroup, field: object, sub: EditPath) -> bool:
        if field == "named_votes":
            group.named_button.setChecked(True)
            combos = list(group.named_combos.values())
            vote = sub[1] if len(sub) > 1 and isinstance(sub[1], int) else None
            shown = group._shown
            if vote is not None and shown is not None and vote < len(shown.named_votes):
                person = shown.named_votes[vote].attendee_id
                chosen: QWidget | None = (
                    group.named_notes.get(person)
                    if len(sub) > 2 and sub[2] == "note"
                    else group.named_combos.get(person)
                )
                if chosen is not None:
                    return self._focus_in_panel(chosen)
            return self._focus_in_panel(combos[0] if combos else group.named_button)
        attribute = RESOLUTION_FIELDS.get(str(field))
        if attribute is None:
            return self._focus_in_panel(group.lead_word)
        widget: QWidget = getattr(group, attribute)
        group.reveal(widget)
        return self._focus_in_panel(widget)

    # --- the panels follow the focus ------------------------------------------------------------

    def _follow_focus(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A field that gets the focus in the scrolling panels is scrolled into view, however it
        got it (Tab, Alt+letter, Add action's new row, a finding)."""
        if now is not None and self._panel_area.isAncestorOf(now):
            self._show_in_panels()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # The panels grow after the focus has moved (a row just added has no place in them
        # until they are laid out): the field with the focus is brought into view again.
        if watched is self._panel_area and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self, self._show_in_panels)
        elif (
            watched is self.splitter
            and event.type() == QEvent.Type.Resize
            and not self._clerk_split
            and self._split_kind
        ):
            QTimer.singleShot(0, self, self._split)
        return super().eventFilter(watched, event)

    def _show_in_panels(self) -> None:
        widget = QApplication.focusWidget()
        area = self._panel_area
        if widget is None or not area.isAncestorOf(widget):
            return
        # What can show of the field: a table's cell editor is cut off by the table.
        place = QRect(widget.mapTo(area, QPoint(0, 0)), widget.size())
        parent = widget.parentWidget()
        while parent is not None and parent is not area:
            place = place.intersected(QRect(parent.mapTo(area, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        margin = 8
        height = self.panels.viewport().height()
        if place.height() + 2 * margin > height:  # too tall to show whole: its cursor, or top
            cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
            if isinstance(cursor, QRectF | QRect) and not cursor.isEmpty():
                box = cursor.toRect() if isinstance(cursor, QRectF) else cursor
                place = QRect(widget.mapTo(area, box.topLeft()), box.size())
            else:
                place.setHeight(max(0, height - 2 * margin))
        bar = self.panels.verticalScrollBar()
        if place.top() - margin < bar.value():
            bar.setValue(place.top() - margin)
        elif place.bottom() + margin > bar.value() + height:
            bar.setValue(place.bottom() + margin - height)

    # --- keyboard order ----------------------------------------------------------------------

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.title, self.standing, self.place_toggle, self.agenda_toggle, self.label_edit,
            self.numbered_check, self.parent_combo, self.section_combo, self.session_combo,
            self.agenda_number, self.agenda_text, self.recommendation, self.department,
            self.report_reference, self.written_comments, self.exempt, self.reason,
            self.exempt_summary, self.publish_resolution,
            *self.previous_minutes.focus_chain(), self.body,
        ]  # fmt: skip
        chain += self.questions.focus_chain()
        chain += self.tables.focus_chain()
        chain += self.notices.focus_chain()
        chain += self.resolutions.focus_chain()
        chain += [self.questions.add_button, self.tables.add_button, self.notices.add_button]
        chain += self.actions_panel.focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
