"""On a fresh Linux desktop the app names the packages to install instead of Qt's abort."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app import locations
from clerk_app.ui import platform_check
from clerk_app.ui.platform_check import (
    GUI_LIBRARIES,
    XCB_LIBRARIES,
    explain_import_error,
    libraries_to_check,
    message,
    no_display,
    packages_for,
    problem,
    qt_platform,
)

REPO = Path(__file__).resolve().parent.parent.parent
X11 = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


def missing(*sonames: str) -> platform_check.Loader:
    """A fake finder: every library loads but these."""
    return lambda soname: soname not in sonames


def test_qt_platform_is_the_one_qt_tries_first() -> None:
    assert qt_platform({}) == "xcb"
    assert qt_platform(X11) == "xcb"
    assert qt_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert qt_platform({"QT_QPA_PLATFORM": "xcb:nograb"}) == "xcb"
    assert qt_platform({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    wayland = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    assert qt_platform(wayland) == "wayland"
    assert qt_platform({**wayland, "QT_QPA_PLATFORM": "xcb"}) == "xcb"


def test_only_linux_with_the_xcb_platform_is_checked() -> None:
    assert libraries_to_check(X11, "linux") == list(XCB_LIBRARIES)
    assert libraries_to_check({"QT_QPA_PLATFORM": "xcb"}, "linux") == list(XCB_LIBRARIES)
    assert libraries_to_check(X11, "win32") == []
    assert libraries_to_check(X11, "darwin") == []
    assert libraries_to_check({**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux") == []
    # Nothing at all is looked for, or said, on Windows and macOS.
    nothing_loads: platform_check.Loader = lambda soname: False  # noqa: E731
    assert problem({}, "win32", nothing_loads) is None
    assert problem({}, "darwin", nothing_loads) is None


def test_a_missing_xcb_cursor_names_the_package_to_install() -> None:
    said = problem(X11, "linux", missing("libxcb-cursor.so.0"))

    assert said is not None
    assert "libxcb-cursor.so.0" in said
    assert "    sudo apt-get install libxcb-cursor0\n" in said
    assert "QT_QPA_PLATFORM=offscreen" in said and "not a way to use the app" in said
    assert "clerk-app export" in said
    assert "display" not in said


def test_every_missing_library_is_named_once_by_its_package() -> None:
    said = message(
        ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libglib-2.0.so.0", "libgthread-2.0.so.0"]
    )
    assert said is not None
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libglib2.0-0\n" in said
    assert packages_for(["libnew-thing.so.3"]) == ["libnew-thing.so.3"]


def test_nothing_is_said_when_all_is_there() -> None:
    assert problem(X11, "linux", missing()) is None
    assert message([]) is None


def test_no_display_is_said_plainly() -> None:
    assert no_display({}, "linux")
    assert no_display({"XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not no_display(X11, "linux")
    assert not no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not no_display({}, "win32")

    said = problem({}, "linux", missing())
    assert said is not None
    assert said.startswith("Clerk cannot open its window: there is no display here")
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in said
    assert "apt-get" not in said

    both = problem({}, "linux", missing("libxcb-cursor.so.0"))
    assert both is not None
    assert "sudo apt-get install libxcb-cursor0" in both
    assert "Clerk also needs a desktop: there is no display here" in both


def test_qt_failing_to_load_a_library_names_every_missing_one() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    said = explain_import_error(error, missing("libEGL.so.1", "libfontconfig.so.1"))

    assert said is not None
    assert "sudo apt-get install libegl1 libfontconfig1\n" in said
    assert explain_import_error(ImportError("No module named 'PySide6'"), missing()) is None


# --- the lists cover what the installed PySide6 needs -----------------------------------------


def needed(library: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF shared library."""
    data = library.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, library
    shoff, _, _, _, _, shentsize, shnum = struct.unpack_from("<QIHHHHH", data, 0x28)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    dynamic = next(s for s in sections if s[1] == 6)  # SHT_DYNAMIC
    strings = sections[dynamic[6]]  # its sh_link: the string table
    names = []
    for offset in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, offset)
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            start = strings[4] + value
            names.append(data[start : data.index(b"\0", start)].decode())
    return names


BASE = (
    "libc.so",
    "libm.so",
    "libstdc++.so",
    "libgcc_s.so",
    "ld-linux",
    "libpthread.so",
    "libdl.so",
)
"""The C and C++ runtimes: on every Linux machine."""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's Linux libraries")
def test_the_lists_cover_what_the_installed_qt_needs() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    bundled = {path.name for path in (qt / "lib").iterdir()}

    def system(library: Path) -> set[str]:
        return {
            name for name in needed(library) if name not in bundled and not name.startswith(BASE)
        }

    gui = set().union(
        *(system(qt / "lib" / f"libQt6{name}.so.6") for name in ("Core", "Gui", "DBus", "Widgets"))
    )
    xcb = system(qt / "plugins" / "platforms" / "libqxcb.so") | system(
        qt / "lib" / "libQt6XcbQpa.so.6"
    )
    assert "libxcb-cursor.so.0" in xcb  # the list was read from the right files
    assert gui - set(GUI_LIBRARIES) == set()
    assert xcb - set(GUI_LIBRARIES) - set(XCB_LIBRARIES) == set()


# --- the real app ------------------------------------------------------------------------------

FAKE_LOADER = """
import ctypes, sys
hidden = set(sys.argv[1].split(","))
real = ctypes.CDLL
def fake(name, *args, **kwargs):
    if name in hidden:
        raise OSError(name + ": cannot open shared object file: No such file or directory")
    return real(name, *args, **kwargs)
ctypes.CDLL = fake
"""

BLOCK_QT = """
import importlib.abc
class NoEGL(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.startswith("PySide6.Qt"):
            raise ImportError(
                "libEGL.so.1: cannot open shared object file: No such file or directory")
sys.meta_path.insert(0, NoEGL())
"""

START_APP = """
from clerk_app.cli import main
sys.exit(main(sys.argv[2:]))
"""


def start_app(
    tmp_path: Path, hidden: str, environ: dict[str, str], *, block_qt: bool = False
) -> subprocess.CompletedProcess[str]:
    """`clerk-app SAMPLE` as on a fresh desktop, with the loader made to miss `hidden`."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")
    }
    env.update(environ, CLERK_DATA_DIR=str(tmp_path))
    code = FAKE_LOADER + (BLOCK_QT if block_qt else "") + START_APP
    return subprocess.run(
        [sys.executable, "-c", code, hidden, str(locations.sample_meeting())],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's Qt")


@linux_only
def test_the_app_without_xcb_cursor_says_what_to_install(tmp_path: Path) -> None:
    result = start_app(tmp_path, "libxcb-cursor.so.0", {"DISPLAY": ":99"})

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Clerk cannot open its window: this computer lacks")
    assert "sudo apt-get install libxcb-cursor0" in result.stderr
    assert "not a way to use the app" in result.stderr
    assert "platform plugin" not in result.stderr  # Qt never got as far as its abort
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@linux_only
def test_the_app_without_a_display_says_so(tmp_path: Path) -> None:
    result = start_app(tmp_path, "", {})

    assert result.returncode == 2, result.stderr
    assert "there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)" in (
        result.stderr
    )
    assert "platform plugin" not in result.stderr
    assert "Traceback" not in result.stderr


@linux_only
def test_the_app_when_qt_cannot_load_says_what_to_install(tmp_path: Path) -> None:
    result = start_app(tmp_path, "libEGL.so.1", {"DISPLAY": ":99"}, block_qt=True)

    assert result.returncode == 2, result.stderr
    assert "sudo apt-get install libegl1" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
