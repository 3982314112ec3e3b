"""The open document, its undo stack, commands and export jobs: what the UI drives."""
