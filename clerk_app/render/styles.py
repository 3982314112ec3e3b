"""House styles are folders: `style.toml`, `minutes.txt.j2` and `minutes.docx`.

Clerk ships some under `templates/`; a council adds its own in the user's styles folder, where a
style with the same name as a built-in one takes its place (and says so wherever styles are
listed: `StyleFolder.replaces_builtin`).
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
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
    replaces_builtin: bool = False
    """A user's style named like a built-in one, which it replaces."""

    @property
    def origin(self) -> str:
        """Where the style comes from, in words: "built-in", "user", or "user; replaces the
        built-in style of that name"."""
        if self.builtin:
            return "built-in"
        if self.replaces_builtin:
            return "user; replaces the built-in style of that name"
        return "user"

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
    except RecursionError:
        raise StyleError(f"{toml_path}: its arrays or tables nest too deeply") from None
    data.setdefault("name", path.name)
    try:
        style = HouseStyle.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top)"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise StyleError(f"{toml_path}: {where}: {message}") from None
    return StyleFolder(name=path.name, path=path, style=style, builtin=builtin)


@dataclass(frozen=True, slots=True)
class StyleCatalogue:
    """The usable styles by name, and the style folders that could not be loaded, with why."""

    styles: dict[str, StyleFolder]
    broken: dict[str, StyleError]
    replaced: dict[str, StyleFolder] = field(default_factory=dict)
    """The built-in styles a user's style of the same name replaces, by name."""


def _scan(directory: Path, catalogue: StyleCatalogue, *, builtin: bool) -> None:
    try:
        folders = sorted(directory.iterdir()) if directory.is_dir() else []
    except OSError as exc:
        catalogue.broken[directory.name] = StyleError(
            f"{directory}: the styles folder cannot be read: {exc.strerror or exc}"
        )
        return
    for folder in folders:
        try:
            if not (folder / STYLE_FILE).is_file():
                continue  # not a style folder: some other file a council keeps there
            style = load_style_folder(folder, builtin=builtin)
        except OSError as exc:
            catalogue.broken[folder.name] = StyleError(f"{folder}: cannot be read: {exc}")
        except StyleError as exc:
            catalogue.broken[folder.name] = exc
        else:
            builtin_one = catalogue.styles.get(folder.name)
            if not builtin and builtin_one is not None and builtin_one.builtin:
                catalogue.replaced[folder.name] = builtin_one
                style = dataclasses.replace(style, replaces_builtin=True)
            catalogue.styles[folder.name] = style
            catalogue.broken.pop(folder.name, None)


def style_catalogue(user_dir: Path | None = None) -> StyleCatalogue:
    """Every style folder: the built-in ones, then the user's (which win on a clash). A folder
    that cannot be loaded is set aside in `broken`, so that one council's broken style never
    stops the others (nor hides what is wrong with them). A broken user style leaves the built-in
    one of its name usable."""
    catalogue = StyleCatalogue({}, {})
    _scan(builtin_styles_dir(), catalogue, builtin=True)
    if user_dir is not None:
        _scan(user_dir, catalogue, builtin=False)
    return catalogue


def available_styles(user_dir: Path | None = None) -> dict[str, StyleFolder]:
    """Every usable style by name: built-in ones, then the user's (which win on a clash).
    Broken folders are left out: `style_catalogue` says which and why."""
    return style_catalogue(user_dir).styles


def find_style(name: str, user_dir: Path | None = None) -> StyleFolder:
    """The style called `name`; a StyleError saying what is wrong with it if it is broken, or
    which styles there are if there is none of that name."""
    try:
        builtin = builtin_styles_dir() / name
        if user_dir is not None and (user_dir / name / STYLE_FILE).is_file():
            style = load_style_folder(user_dir / name)
            if (builtin / STYLE_FILE).is_file():
                style = dataclasses.replace(style, replaces_builtin=True)
            return style
        if (builtin / STYLE_FILE).is_file():
            return load_style_folder(builtin, builtin=True)
    except OSError as exc:  # a name too long for a path, a folder that cannot be read
        raise StyleError(
            f"cannot look up the house style {name!r}: {exc.strerror or exc}"
        ) from None
    catalogue = style_catalogue(user_dir)
    known = ", ".join(sorted(catalogue.styles)) or "none"
    broken = f"; broken: {', '.join(sorted(catalogue.broken))}" if catalogue.broken else ""
    raise StyleError(f"there is no house style called {name!r} (available: {known}{broken})")
