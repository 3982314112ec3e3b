"""Pure edits of an immutable meeting, addressed by path.

A path names a place in the meeting the way findings do: ``("items", 3, "title")`` is the title of
the fourth item, ``("attendance", 0, "person", "name")`` the first attendee's name. Every edit
returns a new meeting that shares all unchanged parts with the old one, and the new value is
validated (and its text cleaned) exactly as if it had been loaded from a file.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, TypeAdapter

Path = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


class EditError(ValueError):
    """A path that does not name a place in the meeting."""


_FIELD_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}
_ELEMENT_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}


def _field_adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    key = (model, field)
    if key not in _FIELD_ADAPTERS:
        _FIELD_ADAPTERS[key] = _make_field_adapter(model, field)
    return _FIELD_ADAPTERS[key]


def _make_field_adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    info = model.model_fields.get(field)
    if info is None:
        raise EditError(f"{model.__name__} has no field {field!r}")
    # pydantic keeps a field's validators and constraints apart from its type: put them back.
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def _element_adapter(model: type[BaseModel], field: str) -> TypeAdapter[Any]:
    key = (model, field)
    if key not in _ELEMENT_ADAPTERS:
        annotation = model.model_fields[field].annotation
        args = getattr(annotation, "__args__", ())
        if not args:
            raise EditError(f"{model.__name__}.{field} is not a list")
        _ELEMENT_ADAPTERS[key] = TypeAdapter(args[0])
    return _ELEMENT_ADAPTERS[key]


def get_at(root: BaseModel, path: Path) -> Any:
    node: Any = root
    for part in path:
        try:
            node = node[part] if isinstance(part, int) else getattr(node, part)
        except (IndexError, AttributeError, TypeError):
            raise EditError(f"no {part!r} in {'.'.join(map(str, path))}") from None
    return node


def _rebuild(root: Any, path: Path, leaf: Any) -> Any:
    """`root` with the thing at `path` replaced by `leaf` (already validated)."""
    if not path:
        return leaf
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        if not isinstance(root, tuple) or not -len(root) <= head < len(root):
            raise EditError(f"no element {head} here")
        items = list(root)
        items[head] = _rebuild(items[head], rest, leaf)
        return tuple(items)
    if not isinstance(root, BaseModel) or head not in type(root).model_fields:
        raise EditError(f"no field {head!r} here")
    return root.model_copy(update={head: _rebuild(getattr(root, head), rest, leaf)})


def _validated(root: BaseModel, path: Path, value: Any) -> Any:
    """`value` checked against the type of the place `path` names."""
    parent = get_at(root, path[:-1])
    last = path[-1]
    if isinstance(last, int) and len(path) >= 3 and isinstance(path[-2], int):
        # a cell of rows (a table's): the row is checked whole, as the field's element
        owner = get_at(root, path[:-3])
        row = list(get_at(root, path[:-1]))
        if not -len(row) <= last < len(row):
            raise EditError(f"no element {last} here")
        row[last] = value
        checked = _element_adapter(type(owner), str(path[-3])).validate_python(tuple(row))
        return checked[last]
    if isinstance(last, int):
        owner = get_at(root, path[:-2])
        return _element_adapter(type(owner), str(path[-2])).validate_python(value)
    if not isinstance(parent, BaseModel):
        raise EditError(f"no field {last!r} here")
    return _field_adapter(type(parent), last).validate_python(value)


def set_at(root: M, path: Path, value: Any) -> M:
    """`root` with the value at `path` replaced, validated and cleaned."""
    if not path:
        raise EditError("an empty path")
    result: M = _rebuild(root, path, _validated(root, path, value))
    return result


def _sequence(root: BaseModel, path: Path) -> tuple[Any, ...]:
    sequence = get_at(root, path)
    if not isinstance(sequence, tuple):
        raise EditError(f"{'.'.join(map(str, path))} is not a list")
    return sequence


def insert_at(root: M, path: Path, index: int, value: Any) -> M:
    """`root` with `value` inserted into the list at `path`, before position `index`."""
    sequence = _sequence(root, path)
    owner = get_at(root, path[:-1])
    element = _element_adapter(type(owner), str(path[-1])).validate_python(value)
    index = max(0, min(index, len(sequence)))
    result: M = _rebuild(root, path, (*sequence[:index], element, *sequence[index:]))
    return result


def remove_at(root: M, path: Path, index: int) -> M:
    sequence = _sequence(root, path)
    if not 0 <= index < len(sequence):
        raise EditError(f"no element {index} in {'.'.join(map(str, path))}")
    result: M = _rebuild(root, path, (*sequence[:index], *sequence[index + 1 :]))
    return result


def move_within(root: M, path: Path, source: int, target: int) -> M:
    """`root` with the element at `source` moved to position `target` of the same list."""
    sequence = list(_sequence(root, path))
    if not 0 <= source < len(sequence):
        raise EditError(f"no element {source} in {'.'.join(map(str, path))}")
    element = sequence.pop(source)
    sequence.insert(max(0, min(target, len(sequence))), element)
    result: M = _rebuild(root, path, tuple(sequence))
    return result
