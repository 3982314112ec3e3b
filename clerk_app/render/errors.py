"""Errors of house styles and rendering, each with a message that names the file and the place."""

from __future__ import annotations


class StyleError(Exception):
    """A house style is missing or broken (its style.toml or one of its templates)."""


class RenderError(Exception):
    """Minutes could not be rendered: a template failed, or the output did not check out."""


class RenderLimitError(RenderError):
    """A template went past a limit of its rendering (its time, or the size of what it wrote or
    built): the style is broken. `overran` is the time limit it ran past, if that was it;
    `cancelled`, that the rendering was called off because its result was no longer wanted."""

    def __init__(
        self, message: str, *, overran: float | None = None, cancelled: bool = False
    ) -> None:
        super().__init__(message)
        self.overran = overran
        self.cancelled = cancelled
