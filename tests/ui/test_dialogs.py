"""Save dialogs: a typed name never replaces another meeting without the question, and a
confidential copy is offered a name of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.ui.dialogs import confidential_name, save_dialog, with_suffix


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
