"""Clerk: author the formal minutes of a council meeting and export them in house style."""

# The one place the version is written: pyproject.toml reads it from here (hatch), and so do the
# About box, the Word document's properties and the Windows installer.
__version__ = "0.1.0"
