"""One widget per part of the meeting; each edits the document only through undo commands."""
