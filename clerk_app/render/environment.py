"""The Jinja environment every house-style template runs in.

Templates are data a council may edit or send in, so they run sandboxed (no access to Python
internals such as ``cycler.__init__.__globals__``), immutable (a template cannot change the
context it is given), strict (a misspelt name is an error, not an empty string), limited (a
template that loops without end or builds something enormous is stopped and reported, see
`RenderLimits`) and kept inside its folder (an include, or a link, cannot reach a file outside the
style folder).
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import marshal
import math
import os
import re
import sys
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from types import BuiltinMethodType, CodeType, MethodType
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
    pass_context,
    pass_environment,
    pass_eval_context,
)
from jinja2.bccache import Bucket
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.filters import (
    do_batch,
    do_center,
    do_format,
    do_indent,
    do_pprint,
    do_replace,
    do_tojson,
    do_wordwrap,
    make_attrgetter,
    sync_do_join,
    sync_do_slice,
    sync_do_sum,
)
from jinja2.loaders import split_template_path
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum
from markupsafe import Markup, soft_str

from clerk_app import locations
from clerk_app.render.context import VIEW_TYPES, number_in_words
from clerk_app.render.errors import RenderError, RenderLimitError


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
    if type(value) in _CONTAINERS:
        _check_weight(value)  # written out, a list that holds itself many times is enormous
    return "" if value is None else value


# --- limits ------------------------------------------------------------------------------------

TIME_LIMIT_S = 10.0
"""How long one rendering may run: real minutes take a fraction of a second."""
OUTPUT_LIMIT = 50_000_000
"""How many characters one rendering may write (50 MB: the longest real minutes are a few)."""
BUILD_LIMIT = 250_000_000
"""How many characters of text a rendering may build along the way (joins, repeats, macros)."""
ITEM_LIMIT = 1_000_000
"""The most items a list a template builds (`[x] * n`, `batch`, `slice`) may have."""
WIDTH_LIMIT = 100_000
"""The widest a template may pad, indent or format a value (`center`, `"%9999999d"`)."""
INT_BITS_LIMIT = 100_000
"""The largest number a template may work out (about 30,000 digits; Python writes 4,300)."""
LIPSUM_LIMIT = 100
"""The most paragraphs of placeholder text (`lipsum(n)`) a template may ask for."""


class TemplateLimitError(TemplateError):
    """A template went past a limit of its rendering: it ran too long, or wrote or built too
    much. `overran` is the time limit it ran past, if that was the limit."""

    def __init__(self, message: str, *, overran: float | None = None) -> None:
        super().__init__(message)
        self.overran = overran


class TemplateCancelledError(TemplateLimitError):
    """The rendering was called off (`RenderLimits.cancel`): its result is no longer wanted."""


@dataclass(eq=False, slots=True)
class RenderLimits:
    """The limits of a rendering. `cancel()` may be called from another thread: the rendering
    stops at its next check (the preview calls off a layout a newer one has replaced)."""

    seconds: float = field(default_factory=lambda: TIME_LIMIT_S)
    output: int = field(default_factory=lambda: OUTPUT_LIMIT)
    built: int = field(default_factory=lambda: BUILD_LIMIT)
    cancelled: bool = False
    background: bool = False
    """Rendering on a worker thread: the GUI thread is let in often (a template looping in the
    background would otherwise keep it waiting for Python's lock each time it wants it)."""

    def cancel(self) -> None:
        self.cancelled = True


def _size(characters: int) -> str:
    return f"{characters / 1_000_000:g} MB"


class _Budget:
    """What one rendering (or every rendering inside one `render_limits`) has used."""

    __slots__ = ("built", "deadline", "limits", "ticks", "written")

    def __init__(self, limits: RenderLimits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.written = 0
        self.built = 0
        self.ticks = 0 if limits.background else -1

    def tick(self) -> None:
        if self.limits.cancelled or time.monotonic() > self.deadline:
            self.stop()
        if self.ticks >= 0:
            self.ticks += 1
            # lets a waiting thread (the GUI's) take Python's lock: every 16 ticks (about a
            # thousand loop steps); at every 256 the GUI stood still for 1.7 s on a machine
            # whose waiting thread seldom won the lock back (tests/ui/test_hostile_style.py)
            if not self.ticks % 16:
                time.sleep(0)

    def stop(self) -> None:
        if self.limits.cancelled:
            raise TemplateCancelledError("the rendering was called off")
        raise TemplateLimitError(overran_message(self.limits.seconds), overran=self.limits.seconds)

    def wrote(self, characters: int) -> None:
        self.written += characters
        if self.written > self.limits.output:
            raise TemplateLimitError(
                f"the template wrote more than {_size(self.limits.output)} "
                "(does it repeat something without end?)"
            )
        self.tick()

    def build(self, characters: int) -> None:
        """A piece of text of this size is about to be made."""
        if characters > self.limits.output:
            raise TemplateLimitError(
                f"the template builds a text of more than {_size(self.limits.output)} "
                f"({characters:,} characters)"
            )
        self.built += characters
        if self.built > self.limits.built:
            raise TemplateLimitError(
                f"the template built more than {_size(self.limits.built)} of text along the way "
                "(does it repeat something without end?)"
            )


def overran_message(seconds: float) -> str:
    return f"the template ran for more than {seconds:g} s (does it loop without end?)"


_BUDGET: ContextVar[_Budget | None] = ContextVar("clerk_render_budget", default=None)


@contextlib.contextmanager
def render_limits(limits: RenderLimits | None = None) -> Iterator[RenderLimits]:
    """Every template rendered inside, on this thread, shares one budget: `limits`' time from
    now, its output and its building. Outside any, each rendering has a budget of its own with
    the default limits.

    For a writer that renders several templates for one export (the Word writer renders the
    body, each header and footer): around them all, the export is stopped after the one time
    limit, not after one for each part. Without `limits`, inside another `render_limits` (the
    preview's worker, which may call its rendering off), the budget under way goes on."""
    outer = _BUDGET.get()
    if limits is None and outer is not None:
        yield outer.limits
        return
    limits = limits or RenderLimits()
    token = _BUDGET.set(_Budget(limits))
    try:
        yield limits
    finally:
        _BUDGET.reset(token)


def _budget() -> _Budget | None:
    return _BUDGET.get()


def _refuse_width(width: object) -> None:
    if isinstance(width, int) and width > WIDTH_LIMIT:
        raise TemplateLimitError(
            f"the template asks for a width of {width:,} characters (at most {WIDTH_LIMIT:,})"
        )


def _refuse_items(count: object) -> None:
    if isinstance(count, int) and count > ITEM_LIMIT:
        raise TemplateLimitError(
            f"the template builds a list of {count:,} items (at most {ITEM_LIMIT:,})"
        )


_CONTAINERS = (list, tuple, dict, set, frozenset)


def _weight(value: object, limit: int) -> int:
    """How many items writing `value` out goes through, counting a list as often as it is held
    (`[[1] * 1000] * 1000` holds a million); counted up to just past `limit`."""
    known: dict[int, int] = {}

    def weigh(value: object, depth: int) -> int:
        if type(value) not in _CONTAINERS or depth > 100:
            return 1
        key = id(value)
        if key in known:
            return known[key]
        known[key] = 1  # a list that holds itself is written "[...]"
        items: Iterable[object] = (
            value.values() if isinstance(value, dict) else value  # type: ignore[assignment]
        )
        total = 1
        for item in items:
            total += weigh(item, depth + 1)
            if total > limit:
                break
        known[key] = total
        return total

    return weigh(value, 0)


def _check_weight(value: object) -> None:
    weight = _weight(value, ITEM_LIMIT)
    if weight > ITEM_LIMIT:
        raise TemplateLimitError(
            f"the template builds lists of more than {ITEM_LIMIT:,} items in all "
            "(a list held many times over?)"
        )


def _build(characters: int) -> None:
    budget = _budget()
    if budget is not None:
        budget.build(characters)
    elif characters > OUTPUT_LIMIT:
        _Budget(RenderLimits()).build(characters)


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")


def _check_format(fmt: str, values: Iterable[object], *, braces: bool) -> None:
    """Refuse a format that pads or writes digits wider than WIDTH_LIMIT, written in the format
    (`%99999999d`, `{:99999999}`) or taken from the values (`%*d`, `{:{}}`)."""
    starred = False
    if braces:
        for spec in _BRACE_SPEC.finditer(fmt):
            for number in re.findall(r"\d+", spec.group(1)):
                _refuse_width(int(number))
        starred = "{" in fmt and ":" in fmt and re.search(r":[^{}]*\{", fmt) is not None
    elif "%" in fmt:
        for spec in _PERCENT_SPEC.finditer(fmt):
            for part in spec.groups():
                if part == "*":
                    starred = True
                elif part is not None:
                    _refuse_width(int(part))
    if starred:
        for value in values:
            _refuse_width(value)


def _format_values(args: object) -> Iterable[object]:
    if isinstance(args, tuple):
        return args
    if isinstance(args, dict):
        return args.values()
    return (args,)


def _check_str_call(method: BuiltinMethodType, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Refuse a call of a text's own method (`"x".center(10**9)`) that would build something
    enormous; the arguments to call it with (an iterable to join, made a list)."""
    text = str(method.__self__)
    name = method.__name__
    if name in ("center", "ljust", "rjust", "zfill") and args:
        _refuse_width(args[0])
    elif name == "expandtabs" and args and isinstance(args[0], int):
        _refuse_width(args[0])
        _build(len(text) + text.count("\t") * args[0])
    elif name == "replace" and len(args) >= 2:
        _check_replace(text, args[0], args[1], args[2] if len(args) > 2 else -1)
    elif name == "join" and args:
        items = _joined(args[0], text)
        return (items, *args[1:])
    return args


def _check_replace(text: object, old: object, new: object, count: object = -1) -> None:
    if not isinstance(text, str) or not isinstance(old, str) or not isinstance(new, str):
        return
    if len(new) <= len(old):
        return
    found = len(text) + 1 if not old else text.count(old)
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    _build(len(text) + found * (len(new) - len(old)))


def _joined(values: Iterable[object], separator: str) -> list[object]:
    """`values` as a list, refused as soon as joining them would be too long."""
    budget = _budget()
    items: list[object] = []
    total = 0
    limit = budget.limits.output if budget is not None else OUTPUT_LIMIT
    for value in values:
        items.append(value)
        total += len(separator) + (len(value) if isinstance(value, str) else 0)
        if total > limit:
            _build(total)
        if budget is not None and not len(items) % 1024:
            budget.tick()
    _build(total)
    _check_weight(items)
    return items


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an arithmetic that would make something enormous, before working it out."""
    if operator == "**":
        if (
            type(left) in (int, bool)
            and type(right) in (int, bool)
            and right > 0
            and abs(left) > 1
            and right * left.bit_length() > INT_BITS_LIMIT
        ):
            raise TemplateLimitError(_too_big_number(left, operator, right))
    elif operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > INT_BITS_LIMIT:
                raise TemplateLimitError(_too_big_number(left, operator, right))
            return
        sequence, times = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(times, int) and isinstance(sequence, str | list | tuple):
            size = len(sequence) * max(times, 0)
            if isinstance(sequence, str):
                _build(size)
            else:
                _refuse_items(size)
                inside = _weight(sequence, ITEM_LIMIT) - 1  # what one copy holds, all told
                if times > 1 and inside * times > ITEM_LIMIT:
                    _check_weight(sequence * (ITEM_LIMIT // max(inside, 1) + 1))
    elif operator == "+":
        if isinstance(left, str) and isinstance(right, str):
            _build(len(left) + len(right))
        elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
            _refuse_items(len(left) + len(right))
            _check_weight([left, right])
    elif operator == "%" and isinstance(left, str):
        _check_format(left, _format_values(right), braces=False)


def _too_big_number(left: int, operator: str, right: int) -> str:
    def short(n: int) -> str:
        if n.bit_length() < 64:
            return str(n)
        return f"a number of {int(n.bit_length() * math.log10(2)) + 1:,} digits"

    return (
        f"the template works out a number too large to write ({short(left)} {operator} "
        f"{short(right)}: more than {int(INT_BITS_LIMIT * math.log10(2)):,} digits)"
    )


# --- filters and globals that could make something enormous, checked first ----------------------


def _limited_center(value: str, width: int = 80) -> str:
    _refuse_width(width)
    return do_center(value, width)


def _limited_indent(s: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    _refuse_width(width)
    text = str(s)
    pad = width if isinstance(width, int) else len(str(width))
    _build(len(text) + (text.count("\n") + 1) * max(pad, 0))
    return do_indent(s, width, first, blank)


@pass_environment
def _limited_wordwrap(
    environment: jinja2.Environment,
    s: str,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    _refuse_width(width)
    if wrapstring is not None:
        text = str(s)
        lines = len(text) // max(width, 1) + text.count("\n") + 1
        _build(len(text) + lines * len(str(wrapstring)))
    return do_wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens)


def _limited_format(value: str, *args: Any, **kwargs: Any) -> str:
    _check_format(str(value), [*args, *kwargs.values()], braces=False)
    return do_format(value, *args, **kwargs)


@pass_eval_context
def _limited_replace(
    eval_ctx: EvalContext, s: str, old: str, new: str, count: int | None = None
) -> str:
    _check_replace(str(s), str(old), str(new), -1 if count is None else count)
    return do_replace(eval_ctx, s, old, new, count)


@pass_eval_context
def _limited_join(
    eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None
) -> str:
    items = value if attribute is not None else _joined(value, str(d))
    return sync_do_join(eval_ctx, items, d, attribute)


def _limited_batch(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
    _refuse_items(linecount)
    return do_batch(value, linecount, fill_with)


def _limited_slice(value: Collection[Any], slices: int, fill_with: Any = None) -> Any:
    _refuse_items(slices)
    return sync_do_slice(value, slices, fill_with)


def _limited_string(value: Any) -> str:
    _check_weight(value)
    return soft_str(value)


@pass_eval_context
def _limited_tojson(eval_ctx: EvalContext, value: Any, indent: int | None = None) -> Markup:
    _check_weight(value)
    return do_tojson(eval_ctx, value, indent)


def _limited_pprint(value: Any) -> str:
    _check_weight(value)
    return do_pprint(value)


@pass_environment
def _limited_sum(
    environment: jinja2.Environment,
    iterable: Iterable[Any],
    attribute: str | int | None = None,
    start: Any = 0,
) -> Any:
    if isinstance(start, int | float) and not isinstance(start, bool):
        return sync_do_sum(environment, iterable, attribute, start)
    # texts and lists added up one by one, each step checked (Python's own sum of lists takes
    # as long as the square of their number, all at once)
    if attribute is not None:
        iterable = map(make_attrgetter(environment, attribute), iterable)
    total = start
    budget = _budget()
    for value in iterable:
        _check_binop("+", total, value)
        total = total + value
        if budget is not None:
            budget.tick()
    return total


LIMITED_FILTERS: dict[str, Callable[..., Any]] = {
    "center": _limited_center,
    "indent": _limited_indent,
    "wordwrap": _limited_wordwrap,
    "format": _limited_format,
    "replace": _limited_replace,
    "join": _limited_join,
    "batch": _limited_batch,
    "slice": _limited_slice,
    "string": _limited_string,
    "tojson": _limited_tojson,
    "pprint": _limited_pprint,
    "sum": _limited_sum,
}
"""Jinja's filters that could make something enormous, each refusing to first."""


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if not isinstance(n, int) or n > LIPSUM_LIMIT:
        raise TemplateLimitError(
            f"the template asks for {n:,} paragraphs of placeholder text (at most {LIPSUM_LIMIT})"
        )
    _refuse_width(max)
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


@pass_context
def _loop(context: Context, iterable: Any) -> Any:
    """What every `{% for %}` loops over: the budget checked at each step (a loop with nothing
    in it, over a `batch` or a `slice`, calls nothing and writes nothing)."""
    budget = _budget()
    if budget is None:
        return iterable
    return _CheckedLoop(iterable, budget)


class _CheckedLoop:
    __slots__ = ("budget", "iterable")

    def __init__(self, iterable: Any, budget: _Budget) -> None:
        self.iterable = iterable
        self.budget = budget

    def __iter__(self) -> Iterator[Any]:
        # told at the first step and every 64th: a loop inside a loop is told as it starts
        tick = self.budget.tick
        for step, value in enumerate(self.iterable):
            if not step & 63:
                tick()
            yield value

    def __len__(self) -> int:
        return len(self.iterable)


LOOP_FILTER = "_clerk_loop"


class _CodeGenerator(CodeGenerator):
    """Jinja's code, with every `~` checked for the size of what it joins before joining it."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 - Jinja's
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"{func_name}(environment.sized_parts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(")))")


def _with_checked_loops(tree: nodes.Template) -> nodes.Template:
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Filter(loop.iter, LOOP_FILTER, [], [], None, None, lineno=loop.lineno)
    return tree


class LimitedTemplate(Template):
    """A template rendered within limits (`RenderLimits`). One that ran past its time limit is
    remembered: rendered again with no more time, it fails at once rather than run as long
    again (the preview would otherwise retry it on every keystroke). Edited, it is a new
    template, tried afresh."""

    overran: tuple[float, str] | None = None

    def render(self, *args: Any, **kwargs: Any) -> str:
        budget = _budget()
        token = None
        if budget is None:
            budget = _Budget(RenderLimits())
            token = _BUDGET.set(budget)
        try:
            if self.overran is not None and budget.limits.seconds <= self.overran[0]:
                raise TemplateLimitError(self.overran[1], overran=self.overran[0])
            context = self.new_context(dict(*args, **kwargs))
            parts: list[str] = []
            written = 0
            try:
                for part in self.root_render_func(context):
                    parts.append(part)
                    written += len(part)
                    if written > 4096:  # the budget told every few thousand characters
                        budget.wrote(written)
                        written = 0
                budget.wrote(written)
            except Exception:
                self.environment.handle_exception()
            return "".join(parts)
        except TemplateLimitError as exc:
            # remembered only past the full time limit: a shorter one (the preview's, on the GUI
            # thread) may be too short for a slow machine, the style not broken
            if (
                exc.overran is not None
                and exc.overran >= TIME_LIMIT_S
                and not isinstance(exc, TemplateCancelledError)
            ):
                self.overran = (max(exc.overran, (self.overran or (0.0, ""))[0]), str(exc))
            raise
        finally:
            if token is not None:
                _BUDGET.reset(token)


class _StyleFolderLoader(FileSystemLoader):
    """Templates from the style folder, and only from it: a name whose real path (links
    followed) lies outside the folder's real path is refused, so that a link in a style folder
    cannot put another file (a password file, someone's letters) into the minutes. Links that
    stay inside the folder are fine."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = Path(searchpath, *pieces)
            try:
                folder = Path(searchpath).resolve()
                real = filename.resolve()
                inside = real.is_relative_to(folder)
                exists = real.is_file()
            except (OSError, RuntimeError):  # a link loop, a name too long
                continue
            if not inside:
                # Path.resolve follows Windows' links and junctions too: only Windows can confirm
                # that a junction out of a style folder is refused there as a link is here.
                raise SecurityError(f"{template!r} is a link to a file outside the style folder")
            if not exists:
                continue
            try:
                contents = real.read_bytes().decode(self.encoding)
                mtime = real.stat().st_mtime
            except OSError:
                continue

            def uptodate(real: Path = real, mtime: float = mtime) -> bool:
                try:
                    return real.stat().st_mtime == mtime
                except OSError:
                    return False

            return contents, os.path.normpath(filename), uptodate
        raise TemplateNotFound(template)


class ClerkEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, within limits (`RenderLimits`): every call (macros included), every step of
    every `{% for %}` and every piece written checks the rendering's time; `*`, `**`, `%`, `+`,
    `~`, the filters and text methods that could make something enormous refuse to first
    (`TemplateLimitError`, a TemplateError). With two speed-ups that change nothing a template
    can do:

    - attributes of Clerk's own context views (frozen dataclasses of plain values, see
      render/context.py) are checked by a short rule instead of the sandbox's general one: public
      names that are not methods;
    - templates compiled from strings (docxtpl hands over every Word part as a string) are kept,
      in memory and as bytecode in `code_cache`, keyed by their source.
    """

    code_generator_class = _CodeGenerator
    template_class = LimitedTemplate
    # intercepted, they are also never worked out while compiling (`{{ 7**123456789 }}`)
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, code_cache: Path | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.code_cache = code_cache
        self._compiled: dict[str, Template] = {}
        self.globals["lipsum"] = _lipsum
        self.filters.update(LIMITED_FILTERS)
        self.filters[LOOP_FILTER] = _loop

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        return str(super()._generate(_with_checked_loops(source), name, filename, defer_init))

    def call(
        __self,  # noqa: N805 - Jinja's own way of naming them, free for a template's keywords
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        budget = _BUDGET.get()
        if budget is None:
            return super().call(__context, __obj, *args, **kwargs)
        budget.tick()
        if type(__obj) is BuiltinMethodType and type(__obj.__self__) is str:
            args = _check_str_call(__obj, args)
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, str) and len(result) > 1024:  # a macro's output, say
            budget.build(len(result))
        return result

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return self.binop_table[operator](left, right)

    def sized_parts(self, parts: tuple[Any, ...]) -> tuple[Any, ...]:
        """The parts of a `~`, refused if joined they would be enormous."""
        _build(sum(len(part) for part in parts if isinstance(part, str)))
        for part in parts:
            if type(part) in _CONTAINERS:
                _check_weight(part)
        return parts

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if type(value) is not BuiltinMethodType and type(value) is not MethodType:
            return None  # not a method: not a text's (or Markup's) format or format_map
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        fmt = str(value.__self__)
        sandboxed = wrapper

        def limited(*args: Any, **kwargs: Any) -> str:
            values = [*args, *kwargs.values()]
            for value in (*args, *kwargs.values()):
                if isinstance(value, dict):  # format_map
                    values.extend(value.values())
            _check_format(fmt, values, braces=True)
            return sandboxed(*args, **kwargs)

        return limited

    def getattr(self, obj: Any, attribute: str) -> Any:
        # the views' attributes, the most read by far, by the short rule at once (a view holds
        # plain values: never a text's `format`, which the sandbox would otherwise wrap)
        if type(obj) in VIEW_TYPES and not attribute.startswith("_"):
            try:
                value = builtins.getattr(obj, attribute)
            except AttributeError:
                pass
            else:
                if not callable(value):
                    return value
        return super().getattr(obj, attribute)

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


CODE_VERSION = 2
"""Which Clerk code generation made a template's bytecode (2: with the rendering limits): bytecode
made by another is not used."""

# Bytecode depends on the Python and Jinja versions that made it, and on Clerk's code generation.
_CODE_TAG = (
    f"py{sys.version_info[0]}{sys.version_info[1]}-jinja{jinja2.__version__}-clerk{CODE_VERSION}"
)


def make_environment(
    folder: Path, *, autoescape: bool, code_cache: Path | None = None
) -> ClerkEnvironment:
    if code_cache is not None:
        with contextlib.suppress(OSError):
            code_cache.mkdir(parents=True, exist_ok=True)
    env = ClerkEnvironment(
        loader=_StyleFolderLoader(folder, encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,  # a council editing its style while Clerk is open sees the change
        finalize=_finalize,
        code_cache=code_cache,
        bytecode_cache=(
            _QuietBytecodeCache(str(code_cache), f"__clerk{CODE_VERSION}_%s.cache")
            if code_cache
            else None
        ),
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
    MemoryError,  # something enormous the limits did not foresee
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
    if isinstance(exc, MemoryError):
        return (
            f"{template_name}: the template ran out of memory (does it build something enormous?)"
        )
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
    except TemplateLimitError as exc:
        raise RenderLimitError(
            describe_template_error(exc, template_name),
            overran=exc.overran,
            cancelled=isinstance(exc, TemplateCancelledError),
        ) from exc
    except TEMPLATE_ERRORS as exc:
        # Template code can fail like any code ("{{ 1 / 0 }}"); say where, not a traceback.
        raise RenderError(describe_template_error(exc, template_name)) from exc
