"""Clerk: author the formal minutes of a council meeting and export them in house style."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("clerk-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
