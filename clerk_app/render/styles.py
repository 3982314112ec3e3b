"""House styles are folders: `style.toml`, `minutes.txt.j2` and `minutes.docx`.

Clerk ships some under `templates/`; a council adds its own in the user's styles folder, where a
style with the same name as a built-in one takes its place.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from clerk_app import locations
from clerk_app.domain.house_style import HouseStyle
from clerk_app.render.errors import StyleError

STYLE_FILE = "style.toml"
TEXT_TEMPLATE = "minutes.txt.j2"
DOCX_TEMPLATE = "minutes.docx"


@dataclass(frozen=True, slots=True)
class StyleFolder:
    name: str
    path: Path
    style: HouseStyle
    builtin: bool

    @property
    def text_template(self) -> Path:
        return self.path / TEXT_TEMPLATE

    @property
    def docx_template(self) -> Path:
        return self.path / DOCX_TEMPLATE


def builtin_styles_dir() -> Path:
    return locations.templates_dir()


def load_style_folder(path: Path, *, builtin: bool = False) -> StyleFolder:
    """Read a style folder's style.toml; the folder's name is the style's name."""
    toml_path = path / STYLE_FILE
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StyleError(f"{path}: not a house style folder (it has no {STYLE_FILE})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(f"{toml_path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise StyleError(f"{toml_path}: {exc}") from None
    data.setdefault("name", path.name)
    try:
        style = HouseStyle.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top)"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise StyleError(f"{toml_path}: {where}: {message}") from None
    return StyleFolder(name=path.name, path=path, style=style, builtin=builtin)


def _style_folders(directory: Path) -> Iterable[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if (p / STYLE_FILE).is_file())


def available_styles(user_dir: Path | None = None) -> dict[str, StyleFolder]:
    """Every usable style by name: built-in ones, then the user's (which win on a clash)."""
    styles = {
        p.name: load_style_folder(p, builtin=True) for p in _style_folders(builtin_styles_dir())
    }
    if user_dir is not None:
        for folder in _style_folders(user_dir):
            styles[folder.name] = load_style_folder(folder)
    return styles


def find_style(name: str, user_dir: Path | None = None) -> StyleFolder:
    if user_dir is not None and (user_dir / name / STYLE_FILE).is_file():
        return load_style_folder(user_dir / name)
    builtin = builtin_styles_dir() / name
    if (builtin / STYLE_FILE).is_file():
        return load_style_folder(builtin, builtin=True)
    known = ", ".join(sorted(available_styles(user_dir))) or "none"
    raise StyleError(f"there is no house style called {name!r} (available: {known})")
