"""Spelling in the main window: red wavy underlines in every field of prose, the suggestions
menu on a misspelt word, Alt+F7 to the next one, and F7's check of the whole meeting (see
`controller` and `dialog`; the speller itself is `clerk_app.services.spelling`)."""

from clerk_app.ui.spelling.controller import LANGUAGE_KEY, FieldSpelling, Spelling
from clerk_app.ui.spelling.dialog import COMPLETE, SpellingDialog

__all__ = ["COMPLETE", "LANGUAGE_KEY", "FieldSpelling", "Spelling", "SpellingDialog"]
