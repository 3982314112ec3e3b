"""What the item form's panels of blocks share (public questions, tables, notices of motion): a
group per block of one kind, in the order of the item's body, rebuilt when one is added or
removed; a button to add one (placed by the item form) and one in each group to remove it.

A `BlockGroup` edits the `ordinal`-th block of its `KIND` (looked up at every edit: blocks of
other kinds come and go around it); a `BlockPanel` keeps one group per such block and tells the
groups when the item shown changes (`reload`). `line` lays out a row of fields with their
captions, as the panels and the item form put several on one line; `form_row` a row of a form.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.model import Block, Item
from clerk_app.ui.forms.item_target import ItemTarget
from clerk_app.ui.widgets.panel_inputs import name_widget

LinePart = QWidget | tuple[str | QLabel, QWidget] | int | None
"""Of a `line`: a field, (caption, field): the caption (or a label made already) as its label,
a gap of that many pixels, or None: the rest of the line left empty."""


def line(*parts: LinePart, stretch: dict[QWidget, int] | None = None) -> QHBoxLayout:
    """A row of `parts` (see `LinePart`); `stretch` gives fields a share of the width."""
    row = QHBoxLayout()
    shares = stretch or {}
    for part in parts:
        if part is None:
            row.addStretch(1)
        elif isinstance(part, int):
            row.addSpacing(part)
        else:
            if isinstance(part, tuple):
                caption, part = part
                label = QLabel(caption) if isinstance(caption, str) else caption
                label.setBuddy(part)
                row.addWidget(label)
            row.addWidget(part, shares.get(part, 0))
    return row


def form_row(
    form: QFormLayout, caption: str, field: QWidget | QLayout, buddy: QWidget | None = None
) -> None:
    """A row of `form`: `caption` (its mnemonic moves the focus to `buddy`, or to `field` itself
    when it is a widget), then `field`."""
    label = QLabel(caption)
    if buddy is None:
        assert isinstance(field, QWidget)
        buddy = field
    label.setBuddy(buddy)
    form.addRow(label, field)


class BlockGroup(QGroupBox):
    """The fields of one block of `KIND`, the item's `ordinal`-th of that kind. Subclasses set
    KIND, NAME (``noticeGroup``: the group of the second is ``noticeGroup2``) and WHAT (how undo
    texts name one: "a notice of motion"), make their fields (their accessible names end in
    `suffix`) and `remove_button` (`removal`), and say their `focus_chain` and how they show a
    block (`refresh`)."""

    KIND: ClassVar[type[Block]]
    NAME: ClassVar[str]
    WHAT: ClassVar[str]

    def __init__(self, target: ItemTarget, ordinal: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.ordinal = ordinal
        self.setObjectName(f"{self.NAME}{ordinal + 1}")
        self.suffix = f" ({ordinal + 1})" if ordinal else ""
        """What ends the accessible names of the fields: " (2)" in the second group."""

    @classmethod
    def new_block(cls) -> Any:
        """The block an added group starts from."""
        return cls.KIND()

    def removal(self, text: str, name: str, accessible: str, tip: str) -> QPushButton:
        """The button that takes the block out of the minute."""
        button = QPushButton(text, self)
        name_widget(button, name, f"{accessible}{self.suffix}")
        button.setToolTip(tip)
        button.clicked.connect(self._remove)
        return button

    def focus_chain(self) -> list[QWidget]:
        """The group's fields in tab order (the first is where an added group is typed in)."""
        raise NotImplementedError

    def refresh(self, block: Any) -> None:
        """Show `block` (the group's block, as the meeting now has it)."""
        raise NotImplementedError

    def reload(self) -> None:
        """The item shown changed: what caches the block reads it afresh."""

    def _set(self, field: str, value: Any, text: str, merge: bool = True) -> None:
        self.target.set_block_field(self.KIND, self.ordinal, field, value, text, merge)

    def _remove(self) -> None:
        block = self.target.block_index(self.KIND, self.ordinal)
        path = self.target.path("blocks")
        if block is not None and path is not None:
            self.target.document.remove(
                path, block, f"Remove {self.WHAT} from minute {self.target.minute()}"
            )


G = TypeVar("G", bound=BlockGroup)


class BlockPanel(QGroupBox, Generic[G]):
    """Every block of one kind in the item, in order, a `group` each (hidden when there are
    none); `add_button` adds one (the item form places it with the other buttons that add to
    the minute). `rebuilt` is emitted when the groups were made afresh (the tab order changes).
    """

    rebuilt = Signal()

    def __init__(
        self,
        target: ItemTarget,
        group: type[G],
        title: str,
        name: str,
        add: tuple[str, str, str],
        parent: QWidget | None = None,
    ) -> None:
        """`add`: the add button's text (with its &mnemonic), objectName and tooltip."""
        super().__init__(title, parent)
        self.target = target
        self._group = group
        self._item_id: str | None = None
        name_widget(self, name, title)
        self.groups: list[G] = []
        text, button_name, tip = add
        self.add_button = QPushButton(text, parent)
        name_widget(self.add_button, button_name, text.replace("&", ""))
        self.add_button.setToolTip(tip)
        self.add_button.clicked.connect(self.add_block)
        self.box = QVBoxLayout(self)
        self.setVisible(False)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for group in self.groups:
            chain += group.focus_chain()
        return chain

    def add_block(self) -> None:
        """A new block of the kind at the end of the item's body, the keyboard in its group."""
        item = self.target.item()
        path = self.target.path("blocks")
        if item is None or path is None:
            return
        self.target.document.insert(
            path,
            len(item.blocks),
            self._group.new_block(),
            f"Add {self._group.WHAT} to minute {self.target.minute()}",
        )
        if self.groups:
            self.groups[-1].focus_chain()[0].setFocus()

    def refresh(self, item: Item) -> None:
        blocks = [b for b in item.blocks if isinstance(b, self._group.KIND)]
        if item.id != self._item_id:
            self._item_id = item.id
            self.reload()
        if len(blocks) != len(self.groups):
            for group in self.groups:
                group.setParent(None)
                group.deleteLater()
            self.groups = [self._group(self.target, n, self) for n in range(len(blocks))]
            for group in self.groups:
                self.box.addWidget(group)
                group.show()  # now, not on the next turn of the event loop
            self.setVisible(bool(blocks))
            self.rebuilt.emit()
        for group, block in zip(self.groups, blocks, strict=True):
            group.refresh(block)

    def reload(self) -> None:
        """The item shown changed: the groups read their blocks afresh."""
        for group in self.groups:
            group.reload()
