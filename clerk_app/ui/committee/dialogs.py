"""The small questions of the committee's year: the next meeting's date, and which meeting Ctrl+N
starts. `clerk_app.ui.dialogs.Dialogs` asks them (tests replace its methods)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.ui.widgets.value_fields import DateField


class MeetingDateDialog(QDialog):
    """ "Date of the meeting: [23/09/2025]": the date typed as the forms type dates."""

    def __init__(self, parent: QWidget | None, suggested: dt.date, committee_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDateDialog")
        self.setWindowTitle("Next meeting")
        who = f"the {committee_name}" if committee_name else "the committee"
        label = QLabel(f"Prepare the meeting of {who} on (dd/mm/yyyy):")
        label.setWordWrap(True)
        self.field = DateField(empty_text="dd/mm/yyyy", required=True)
        self.field.setObjectName("meetingDateEdit")
        self.field.setAccessibleName("Date of the meeting")
        self.field.show_value(suggested)
        # no model behind it: the field holds what is entered
        self.field.value_entered.connect(lambda value, _run: self.field.show_value(value))
        self.field.value_typed.connect(lambda value, _run: self.field.show_value(value))
        self.field.selectAll()
        label.setBuddy(self.field)
        self.problem = QLabel()
        self.problem.setObjectName("meetingDateProblem")
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Prepare")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.chosen: dt.date | None = None

    def accept(self) -> None:
        try:
            day = self.field.read(self.field.text())
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            self.field.setFocus()
            return
        self.chosen = day
        super().accept()

    def ask(self) -> dt.date | None:
        return self.chosen if self.exec() == QDialog.DialogCode.Accepted else None


class NewMeetingDialog(QDialog):
    """Ctrl+N: the next meeting of a committee (the open meeting's, or a recent folder's), or a
    blank meeting. The first choice is chosen; arrows move, Enter starts."""

    def __init__(self, parent: QWidget | None, choices: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("newMeetingDialog")
        self.setWindowTitle("New meeting")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Start which meeting?"))
        self.group = QButtonGroup(self)
        for n, text in enumerate(choices):
            button = QRadioButton(text)
            button.setObjectName(f"newMeetingChoice{n}")
            button.setAccessibleName(text.replace("&", ""))
            self.group.addButton(button, n)
            layout.addWidget(button)
            if n == 0:
                button.setChecked(True)
                button.setFocus()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ask(self) -> int | None:
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = self.group.checkedId()
        return chosen if chosen >= 0 else None
