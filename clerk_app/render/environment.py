"""The Jinja environment every house-style template runs in.

Templates are data a council may edit or send in, so they run sandboxed (no access to Python
internals such as ``cycler.__init__.__globals__``), immutable (a template cannot change the
context it is given) and strict (a misspelt name is an error, not an empty string).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jinja2 import (
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from clerk_app.render.context import number_in_words
from clerk_app.render.errors import RenderError


def sentence(text: str) -> str:
    """The text as a sentence: ends with a full stop unless it already ends with punctuation."""
    text = text.rstrip()
    return text if not text or text.endswith((".", "?", "!", ":", ";")) else text + "."


def and_join(values: Iterable[object]) -> str:
    """ "A, B and C": a list as an English sentence writes it."""
    items = [str(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _finalize(value: object) -> object:
    return "" if value is None else value


def make_environment(folder: Path, *, autoescape: bool) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(folder, encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=_finalize,
    )
    env.filters["sentence"] = sentence
    env.filters["words"] = number_in_words
    env.filters["and_join"] = and_join
    return env


def describe_template_error(exc: Exception, template_name: str) -> str:
    """One line that says what is wrong with a template and where."""
    if isinstance(exc, TemplateSyntaxError):
        name = exc.filename or exc.name or template_name
        return f"{name}, line {exc.lineno}: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"{template_name}: the template tried to reach something it may not: {exc}"
    if isinstance(exc, UndefinedError):
        return f"{template_name}: the template uses a name the minutes do not provide: {exc}"
    if isinstance(exc, TemplateError):
        return f"{template_name}: {exc}"
    return f"{template_name}: {type(exc).__name__}: {exc}"


def render_template(
    env: ImmutableSandboxedEnvironment, template_name: str, context: dict[str, object]
) -> str:
    try:
        return env.get_template(template_name).render(context)
    except (TemplateError, SecurityError) as exc:
        raise RenderError(describe_template_error(exc, template_name)) from exc
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        # Template code can fail like any code ("{{ 1 / 0 }}"); say where, not a traceback.
        raise RenderError(describe_template_error(exc, template_name)) from exc
