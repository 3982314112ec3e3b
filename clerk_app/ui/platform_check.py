"""Before Qt starts on Linux: are the system libraries its window needs there, and a display?

Qt's X11 (xcb) platform plugin needs system libraries that a fresh Linux machine may lack
(libxcb-cursor0 above all, since Qt 6.5). Without them Qt aborts with a message about platform
plugins that helps nobody; without a display it aborts too. `exit_if_unusable()` checks first
and, when something is missing, prints which packages to install (Debian and Ubuntu names) and
ends with status 2. It does nothing on Windows and macOS, and nothing for a platform named in
QT_QPA_PLATFORM other than xcb (offscreen, for the tests). Qt is not imported here: a missing
library that QtGui itself needs shows up as an ImportError, which `explain_import_error` turns
into the same message.

The lists were read off the installed PySide6 (`readelf -d` on plugins/platforms/libqxcb.so,
lib/libQt6XcbQpa.so.6, lib/libQt6Gui.so.6, lib/libQt6Core.so.6, lib/libQt6DBus.so.6);
tests/ui/test_platform_check.py checks they still cover what the installed PySide6 needs.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence

GUI_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}
"""What QtCore, QtGui and QtDBus need on any platform, offscreen too: system library (soname)
to the Debian package that holds it."""

XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
"""What Qt's xcb platform plugin needs besides: soname to Debian package."""

EXIT_STATUS = 2

Loader = Callable[[str], bool]
"""Whether the system library of that soname can be loaded."""


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds `soname` (and what it needs) the way Qt will: through
    LD_LIBRARY_PATH and the system's library cache."""
    import ctypes  # only on the way to a window, not on every import

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def qt_platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first: QT_QPA_PLATFORM's first name (it may be a list,
    "wayland;xcb", with options after a colon), else wayland in a Wayland session, else xcb."""
    named = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if named:
        return named
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def libraries_to_check(environ: Mapping[str, str], platform: str = sys.platform) -> list[str]:
    """The sonames to look for before Qt starts: none off Linux or on a platform other than xcb
    (QtGui's own are loaded by then: a missing one is an ImportError)."""
    if not platform.startswith("linux") or qt_platform(environ) != "xcb":
        return []
    return list(XCB_LIBRARIES)


def missing_libraries(sonames: Iterable[str], loader: Loader = can_load) -> list[str]:
    return [soname for soname in sonames if not loader(soname)]


def no_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """On Linux, a window platform (xcb or wayland) but neither DISPLAY nor WAYLAND_DISPLAY."""
    return (
        platform.startswith("linux")
        and qt_platform(environ) in ("xcb", "wayland")
        and not environ.get("DISPLAY")
        and not environ.get("WAYLAND_DISPLAY")
    )


def packages_for(sonames: Iterable[str]) -> list[str]:
    """The Debian packages holding these libraries, each once, in order; an unknown soname is
    named as it is."""
    known = {**GUI_LIBRARIES, **XCB_LIBRARIES}
    packages: list[str] = []
    for soname in sonames:
        package = known.get(soname, soname)
        if package not in packages:
            packages.append(package)
    return packages


OFFSCREEN_NOTE = (
    "(Setting QT_QPA_PLATFORM=offscreen only hides this: Clerk then runs with no window at all, "
    "so it is not a way to use the app.)"
)
WITHOUT_WINDOW = (
    "Exporting and checking minutes work without the window: clerk-app export and "
    "clerk-app check (see clerk-app --help)."
)


def message(missing: Sequence[str], *, display_missing: bool = False) -> str | None:
    """What to tell whoever started Clerk, given the missing libraries (sonames) and whether
    there is no display; None when nothing is wrong."""
    if not missing and not display_missing:
        return None
    parts = []
    if missing:
        packages = " ".join(packages_for(missing))
        parts.append(
            "Clerk cannot open its window: this computer lacks system libraries that its window "
            f"toolkit (Qt) needs on Linux: {', '.join(missing)}.\n"
            "Install them (the package names are Debian's and Ubuntu's; other Linux "
            "distributions name them alike), then start Clerk again:\n\n"
            f"    sudo apt-get install {packages}\n\n"
            f"{OFFSCREEN_NOTE}"
        )
    if display_missing:
        parts.append(
            ("Clerk also needs a desktop" if missing else "Clerk cannot open its window")
            + ": there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), as on "
            "a server or over a plain SSH connection. Start Clerk from a desktop session, or "
            "over SSH with X forwarding (ssh -X)."
        )
    parts.append(WITHOUT_WINDOW)
    return "\n\n".join(parts)


def problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loader: Loader = can_load,
) -> str | None:
    """The message for this machine (see `message`), or None when Qt's window can start."""
    environ = os.environ if environ is None else environ
    missing = missing_libraries(libraries_to_check(environ, platform), loader)
    return message(missing, display_missing=no_display(environ, platform))


def exit_if_unusable(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loader: Loader = can_load,
) -> None:
    """Before the QApplication: print what is missing and exit with status 2, if anything is."""
    said = problem(environ, platform, loader)
    if said is not None:
        print(said, file=sys.stderr)
        raise SystemExit(EXIT_STATUS)


_SONAME = re.compile(r"(lib[\w.+-]*?\.so(?:\.\d+)*)\b")


def explain_import_error(error: ImportError, loader: Loader = can_load) -> str | None:
    """When Qt itself could not be loaded because a system library is missing (the loader's
    "libEGL.so.1: cannot open shared object file"), the message naming every missing one that
    QtGui needs, and that library; None for any other ImportError."""
    text = str(error)
    if "cannot open shared object file" not in text:
        return None
    named = [
        soname
        for soname in _SONAME.findall(text)
        if soname not in GUI_LIBRARIES and not soname.startswith("libQt6")
    ]
    missing = missing_libraries(GUI_LIBRARIES, loader)
    missing += [soname for soname in named if soname not in missing]
    if not missing:
        return None
    return message(missing)


def exit_for_import_error(error: ImportError, loader: Loader = can_load) -> None:
    """Where Qt is first imported: print the message and exit with status 2 when `error` is a
    missing system library; otherwise return (and the caller raises the error again)."""
    said = explain_import_error(error, loader)
    if said is not None:
        print(said, file=sys.stderr)
        raise SystemExit(EXIT_STATUS)
