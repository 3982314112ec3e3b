"""Where Clerk's own files are: house-style templates, the sample meetings, icons.

They sit at the top of a source checkout (`templates/`, `resources/`) and inside the package in a
wheel or a frozen build (`clerk_app/_data/`). Nothing is ever looked up relative to the working
directory: the app is started from shortcuts, file associations and other folders.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


class DataNotFoundError(RuntimeError):
    pass


def data_root(package_dir: Path = PACKAGE_DIR) -> Path:
    """The folder that holds `templates/` and `resources/`."""
    candidates = (
        package_dir / "_data",  # an installed wheel, or a PyInstaller build (see clerk.spec)
        package_dir.parent,  # a source checkout, installed editable or not
    )
    for candidate in candidates:
        if (candidate / "templates").is_dir() and (candidate / "resources").is_dir():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise DataNotFoundError(f"Clerk's templates and resources are missing (looked in {looked})")


def templates_dir() -> Path:
    return data_root() / "templates"


def resources_dir() -> Path:
    return data_root() / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"


APP_NAME = "Clerk"
DATA_DIR_VARIABLE = "CLERK_DATA_DIR"


def user_data_dir() -> Path:
    """The user's own Clerk folder: house styles, settings, recovery copies, logs.

    `%LOCALAPPDATA%\\Clerk` on Windows, `~/.local/share/Clerk` on Linux. CLERK_DATA_DIR moves it
    (a portable install, a test run).
    """
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def why_not_written(error: OSError) -> str:
    """Why a file could not be written, in a clerk's words (no error numbers): "the disk is
    full", "the folder is read-only", "you are not allowed to write there"..."""
    number = error.errno
    if number in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if number == errno.EROFS:
        return "the folder is read-only"
    # On Windows a folder IT has locked down gives PermissionError (EACCES) too: only Windows
    # can confirm what a roaming profile over its quota reports (ERROR_DISK_FULL maps to ENOSPC).
    if isinstance(error, PermissionError) or number in (errno.EACCES, errno.EPERM):
        return "you are not allowed to write there"
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "a file is in the way of its folder"
    if isinstance(error, FileNotFoundError):
        return "its folder cannot be found"
    return error.strerror.lower() if error.strerror else "it cannot be written to"


def user_styles_dir() -> Path:
    """Where a council puts house styles of its own, one folder each."""
    return user_data_dir() / "styles"


SAMPLE_NAME = "leicester-cype-2025-06-18.minutes"


def sample_meeting() -> Path:
    """The bundled demo meeting: the Leicester scrutiny commission of 18 June 2025."""
    return samples_dir() / SAMPLE_NAME
