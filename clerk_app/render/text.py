"""Plain-text minutes, from a house style's `minutes.txt.j2`, checked like Word minutes: the text
must hold every piece of the minutes' text (`clerk_app.render.completeness`), else the render
fails naming the minute and the words the template left out."""

from __future__ import annotations

import re

from clerk_app.domain.model import Meeting
from clerk_app.render.completeness import check_complete, style_parts
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


def render_text(
    meeting: Meeting, style: StyleFolder, *, public: bool = True, quorum: int | None = None
) -> str:
    """The minutes as plain text; raises RenderError if the template left anything out.
    `quorum`: the committee's, where known (the style's inquorate note is printed at the first
    item without one: `build_context`)."""
    if not style.text_template.is_file():
        raise StyleError(f"{style.path}: the house style has no {TEXT_TEMPLATE}")
    context = build_context(meeting, style.style, public=public, quorum=quorum)
    env = environment_for(style.path, autoescape=False, code_cache=template_cache())
    text = tidy_text(render_template(env, TEXT_TEMPLATE, context.as_dict()))
    check_complete(
        text,
        context,
        writer="the text minutes",
        advice=f"the house style's {TEXT_TEMPLATE} does not print it",
        parts=style_parts(style.path, TEXT_TEMPLATE),
    )
    return text
