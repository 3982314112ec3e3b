"""Errors of house styles and rendering, each with a message that names the file and the place."""

from __future__ import annotations


class StyleError(Exception):
    """A house style is missing or broken (its style.toml or one of its templates)."""


class RenderError(Exception):
    """Minutes could not be rendered: a template failed, or the output did not check out."""
