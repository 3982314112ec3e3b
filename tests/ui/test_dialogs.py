"""Save dialogs: a typed name never replaces another meeting without the question, and a
confidential copy is offered a name of its own. The unsaved-changes question is answered from
the keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from clerk_app.ui.dialogs import (
    Dialogs,
    SaveChoice,
    confidential_name,
    save_changes_box,
    save_dialog,
    with_suffix,
)

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def test_the_dialog_adds_the_suffix_before_its_overwrite_question(
    tmp_path: Path, qtbot: QtBot
) -> None:
    # Qt's dialog asks about replacing the file it reports in selectedFiles(): with the default
    # suffix set, "june" typed over an existing june.minutes is that file, so it is asked about.
    (tmp_path / "june.minutes").write_text("another meeting", encoding="utf-8")
    dialog = save_dialog(None, "Save meeting as", tmp_path / "Untitled.minutes", "(*.minutes)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None and edit.text() == "Untitled.minutes"
    edit.setText("june")
    assert dialog.selectedFiles() == [str(tmp_path / "june.minutes")]


def test_a_name_with_a_dot_of_its_own_gets_the_suffix_and_the_question(tmp_path: Path) -> None:
    asked: list[str] = []

    def answer(reply: bool) -> Callable[[Path], bool]:
        def may_replace(path: Path) -> bool:
            asked.append(path.name)
            return reply

        return may_replace

    chosen = tmp_path / "Council 18.06.2025"
    assert with_suffix(chosen, ".minutes", answer(False)) == tmp_path / "Council 18.06.2025.minutes"
    assert asked == []  # nothing there to replace
    (tmp_path / "Council 18.06.2025.minutes").write_text("another meeting", encoding="utf-8")
    assert with_suffix(chosen, ".minutes", answer(False)) is None
    assert with_suffix(chosen, ".minutes", answer(True)) == tmp_path / "Council 18.06.2025.minutes"
    assert asked == ["Council 18.06.2025.minutes"] * 2
    assert with_suffix(tmp_path / "june.MINUTES", ".minutes", answer(False)) == (
        tmp_path / "june.MINUTES"
    )


def test_a_confidential_copy_is_offered_its_own_name() -> None:
    assert confidential_name(Path("C:/Minutes/Cabinet 2025-06-18.docx")) == Path(
        "C:/Minutes/Cabinet 2025-06-18 (CONFIDENTIAL).docx"
    )


def answer_save_changes(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> SaveChoice:
    """Ask the real question and press `key` in it, as the clerk would; a question the key does
    not answer is closed after a while (and counts as Cancel)."""
    pressed: list[bool] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(10, press)
            return
        QTest.keyClick(box, key, modifiers)
        pressed.append(True)

    def give_up() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.done(0)

    QTimer.singleShot(0, press)
    QTimer.singleShot(3000, give_up)
    answer = Dialogs.ask_save_changes(None, "june.minutes")
    assert pressed
    return answer


@pytest.mark.parametrize(
    ("key", "modifiers", "expected"),
    [
        (Qt.Key.Key_S, ALT, SaveChoice.SAVE),
        (Qt.Key.Key_D, ALT, SaveChoice.DISCARD),
        (Qt.Key.Key_C, ALT, SaveChoice.CANCEL),
        (Qt.Key.Key_Return, NONE, SaveChoice.SAVE),
        (Qt.Key.Key_Escape, NONE, SaveChoice.CANCEL),
    ],
)
def test_the_unsaved_changes_question_is_answered_by_its_keys(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier, expected: SaveChoice
) -> None:
    assert answer_save_changes(key, modifiers) is expected


def test_each_answer_to_unsaved_changes_has_its_own_letter(qtbot: QtBot) -> None:
    box, answers = save_changes_box(None, "june.minutes")
    qtbot.addWidget(box)
    buttons = box.findChildren(QAbstractButton)
    letters = [re.search(r"&(\w)", button.text()) for button in buttons]
    assert all(letters), [button.text() for button in buttons]
    assert len({match.group(1).lower() for match in letters if match}) == len(buttons) == 3
    assert set(answers.values()) == set(SaveChoice)
