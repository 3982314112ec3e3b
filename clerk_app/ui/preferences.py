"""Preferences: the clerk's name (recorded in the Word files they export) and the house style a
new meeting starts with."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.render.styles import StyleFolder


@dataclass(frozen=True, slots=True)
class Preferences:
    clerk_name: str
    default_style: str


class PreferencesDialog(QDialog):
    def __init__(
        self, current: Preferences, styles: dict[str, StyleFolder], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self.name = QLineEdit(current.clerk_name)
        self.name.setObjectName("clerkNameEdit")
        self.name.setAccessibleName("Your name")
        self.name.setPlaceholderText("as it should appear in the Word files you export")
        self.style_combo = QComboBox()
        self.style_combo.setObjectName("defaultStyleCombo")
        self.style_combo.setAccessibleName("House style for new meetings")
        for name, folder in sorted(styles.items()):
            shown = folder.style.display_name
            if folder.replaces_builtin:  # a user's style named like a built-in one replaces it
                shown += f" ({folder.origin})"
            self.style_combo.addItem(shown, name)
            self.style_combo.setItemData(
                self.style_combo.count() - 1,
                f"{name}: {folder.origin}, in {folder.path}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.style_combo.setCurrentIndex(max(self.style_combo.findData(current.default_style), 0))
        form = QFormLayout()
        for text, field in (
            ("Your &name:", self.name),
            ("House &style for new meetings:", self.style_combo),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> Preferences:
        return Preferences(self.name.text().strip(), str(self.style_combo.currentData()))
