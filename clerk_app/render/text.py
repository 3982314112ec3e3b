"""Plain-text minutes, from a house style's `minutes.txt.j2`."""

from __future__ import annotations

import re

from clerk_app.domain.model import Meeting
from clerk_app.render.context import build_context
from clerk_app.render.environment import environment_for, render_template, template_cache
from clerk_app.render.errors import StyleError
from clerk_app.render.styles import TEXT_TEMPLATE, StyleFolder


def tidy_text(text: str) -> str:
    """Trailing spaces gone, runs of blank lines made one, a single newline at the end.

    Templates may then leave a blank line wherever one might be needed without counting them.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return joined.strip("\n") + "\n"


def render_text(meeting: Meeting, style: StyleFolder, *, public: bool = True) -> str:
    if not style.text_template.is_file():
        raise StyleError(f"{style.path}: the house style has no {TEXT_TEMPLATE}")
    context = build_context(meeting, style.style, public=public)
    env = environment_for(style.path, autoescape=False, code_cache=template_cache())
    return tidy_text(render_template(env, TEXT_TEMPLATE, context.as_dict()))
