"""The Jinja environment every house-style template runs in.

Templates are data a council may edit or send in, so they run sandboxed (no access to Python
internals such as ``cycler.__init__.__globals__``), immutable (a template cannot change the
context it is given) and strict (a misspelt name is an error, not an empty string).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import (
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplatesNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from clerk_app import locations
from clerk_app.render.context import VIEW_TYPES, number_in_words
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


class ClerkEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with two speed-ups that change nothing a template can do:

    - attributes of Clerk's own context views (frozen dataclasses of plain values, see
      render/context.py) are checked by a short rule instead of the sandbox's general one: public
      names that are not methods;
    - templates compiled from strings (docxtpl hands over every Word part as a string) are kept,
      in memory and as bytecode in `code_cache`, keyed by their source.
    """

    def __init__(self, *args: Any, code_cache: Path | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.code_cache = code_cache
        self._compiled: dict[str, Template] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj) in VIEW_TYPES:
            return not attr.startswith("_") and not callable(value)
        return bool(super().is_safe_attribute(obj, attr, value))

    def from_string(
        self, source: str | nodes.Template, globals: Any = None, template_class: Any = None
    ) -> Template:
        if not isinstance(source, str) or globals or template_class:
            return super().from_string(source, globals, template_class)
        key = hashlib.sha256(f"{self.autoescape}\0{source}".encode()).hexdigest()
        template = self._compiled.get(key)
        if template is None:
            template = self.template_class.from_code(
                self, self._code(key, source), self.make_globals(None)
            )
            if len(self._compiled) > 32:
                self._compiled.clear()
            self._compiled[key] = template
        return template

    def _code(self, key: str, source: str) -> CodeType:
        cached = self.code_cache / f"{key}-{_CODE_TAG}.code" if self.code_cache else None
        if cached is not None:
            try:
                code: CodeType = marshal.loads(cached.read_bytes())
                return code
            except (OSError, ValueError, EOFError, TypeError):
                pass  # not there yet, or unreadable: compile afresh
        code = self.compile(source)
        if cached is not None:
            with contextlib.suppress(OSError):
                cached.parent.mkdir(parents=True, exist_ok=True)
                temporary = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
                temporary.write_bytes(marshal.dumps(code))
                temporary.replace(cached)
        return code


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's bytecode cache for file templates, but a cache that cannot be read or written (a
    full disk, a read-only or missing folder, an app-data "folder" that is a file) is skipped:
    it is only a speed-up, and must never stop the minutes."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


# Bytecode depends on the Python and Jinja versions that made it.
_CODE_TAG = f"py{sys.version_info[0]}{sys.version_info[1]}-jinja{jinja2.__version__}"


def make_environment(
    folder: Path, *, autoescape: bool, code_cache: Path | None = None
) -> ClerkEnvironment:
    if code_cache is not None:
        with contextlib.suppress(OSError):
            code_cache.mkdir(parents=True, exist_ok=True)
    env = ClerkEnvironment(
        loader=FileSystemLoader(folder, encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,  # a council editing its style while Clerk is open sees the change
        finalize=_finalize,
        code_cache=code_cache,
        bytecode_cache=_QuietBytecodeCache(str(code_cache)) if code_cache else None,
    )
    env.filters["sentence"] = sentence
    env.filters["words"] = number_in_words
    env.filters["and_join"] = and_join
    return env


def template_cache() -> Path:
    """Where compiled templates are kept between runs (a cache: safe to delete)."""
    return locations.user_data_dir() / "cache" / "templates"


_ENVIRONMENTS: dict[tuple[Path, bool, Path | None], ClerkEnvironment] = {}


def environment_for(
    folder: Path, *, autoescape: bool, code_cache: Path | None = None
) -> ClerkEnvironment:
    """One environment per style folder and escaping, kept for the life of the process, so that
    templates are compiled once."""
    key = (folder, autoescape, code_cache)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = make_environment(folder, autoescape=autoescape, code_cache=code_cache)
    return _ENVIRONMENTS[key]


RUNTIME_ERRORS: tuple[type[Exception], ...] = (
    ArithmeticError,  # {{ 1 / 0 }}; range(10**7) in the sandbox raises OverflowError
    LookupError,
    TypeError,  # {{ "%d" % "x" }}
    ValueError,
    AttributeError,
    RecursionError,  # a template that includes or calls itself; lists nested without end
)
"""What template code can raise while it runs, like any code: each is the template's fault and
becomes a RenderError naming the template, never a traceback."""

TEMPLATE_ERRORS: tuple[type[Exception], ...] = (TemplateError, SecurityError, *RUNTIME_ERRORS)
"""Everything a template can fail with: its own errors, and the runtime ones."""


def describe_template_error(exc: Exception, template_name: str) -> str:
    """One line that says what is wrong with a template and where."""
    if isinstance(exc, TemplatesNotFound) and len(exc.templates) > 1:
        names = ", ".join(repr(str(n)) for n in exc.templates)
        return f"{template_name}: includes one of {names}, none of which exists"
    if isinstance(exc, TemplateNotFound):
        if exc.name == template_name:
            return f"{template_name}: does not exist"
        return f"{template_name}: includes {exc.name!r}, which does not exist"
    if isinstance(exc, TemplateSyntaxError):
        name = exc.filename or exc.name or template_name
        return f"{name}, line {exc.lineno}: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"{template_name}: the template tried to reach something it may not: {exc}"
    if isinstance(exc, UndefinedError):
        return f"{template_name}: the template uses a name the minutes do not provide: {exc}"
    if isinstance(exc, TemplateError):
        return f"{template_name}: {exc}"
    if isinstance(exc, RecursionError):
        return (
            f"{template_name}: includes, macros or lists nest too deeply "
            "(does the template include or call itself?)"
        )
    return f"{template_name}: {type(exc).__name__}: {exc}"


def render_template(
    env: ImmutableSandboxedEnvironment, template_name: str, context: dict[str, object]
) -> str:
    try:
        return env.get_template(template_name).render(context)
    except TEMPLATE_ERRORS as exc:
        # Template code can fail like any code ("{{ 1 / 0 }}"); say where, not a traceback.
        raise RenderError(describe_template_error(exc, template_name)) from exc
