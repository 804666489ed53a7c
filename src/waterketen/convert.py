"""The one cattrs converter of waterketen, and how its errors are told.

Sources hand the core plain mappings; the converter structures them into the
entities of :mod:`waterketen.model` and back. It is strict: text is text, a
number is a number, a list is a list, and unknown keys are errors. Every
source therefore gets the same checks and the same messages.

Built like ``cattrs.preconf``: :func:`make_converter` makes a fresh converter
and :func:`configure_converter` installs the hooks. The load pipeline keeps
two: a fast one without detailed validation for the common, valid case, and a
detailed one that it runs only on a record that failed, to say why.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from types import UnionType
from typing import Any

from attrs import fields, has
from cattrs import Converter, ForbiddenExtraKeysError, IterableValidationError

from ._describe import describe_error
from ._fields import writable_text
from ._hooks import (
    _is_enum,
    _is_homogeneous_tuple,
    _strict,
    _structure_bound,
    _structure_date,
    _structure_enum_factory,
    _structure_instant,
    _structure_optional_instant,
    _structure_period,
    _unstructure_instant,
    _unstructure_period,
)
from ._time import Bound, Instant, PartialDate, Period, parse_bound
from .model import ENTITY_TYPES, Entity, Name


__all__ = [
    "Tables",
    "configure_converter",
    "describe_error",
    "make_converter",
    "sharing",
    "structure_entity",
    "unstructure_entity",
]


def configure_converter(converter: Converter) -> None:
    """Install waterketen's hooks on ``converter``."""
    for cl in (str, int, float, bool):
        converter.register_structure_hook(cl, _strict(cl))
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(date, _unstructure_instant)
    converter.register_structure_hook(PartialDate, _structure_instant)
    converter.register_unstructure_hook(PartialDate, _unstructure_instant)
    converter.register_structure_hook_func(lambda t: t == Instant, _structure_instant)
    converter.register_structure_hook_func(lambda t: t == Instant | None, _structure_optional_instant)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, UnionType) and PartialDate in typing.get_args(t),
        lambda v: None if v is None else v.isoformat(),
    )
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, _unstructure_period)
    converter.register_structure_hook_factory(_is_enum, _structure_enum_factory)

    def structure_name(value: Any, _: Any) -> str | Name:
        # An other name: plain text, or a table with its name and period.
        if isinstance(value, str):
            return _fast_str(value, None)  # checked as every text is: no unwritable character
        if isinstance(value, Mapping):
            return converter.structure(value, Name)
        raise TypeError(f"expected text, or a table with name and period; got {value!r:.80}")

    def unstructure_name(value: str | Name) -> Any:
        if isinstance(value, str):
            return value
        return {"name": value.name, "period": _unstructure_period(value.period)}

    converter.register_structure_hook_func(lambda t: t == str | Name, structure_name)
    converter.register_unstructure_hook_func(lambda t: t == str | Name, unstructure_name)
    converter.register_unstructure_hook(Name, unstructure_name)

    def tuple_hook_factory(cl: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = typing.get_args(cl)[0]
        detailed = converter.detailed_validation

        items: list[Callable[[Any, Any], Any]] = []  # the item's hook, looked up on first use

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected a list, got {value!r:.80}")
            if not value:
                return ()
            if not items:
                items.append(converter.get_structure_hook(item_type))
            item = items[0]
            if not detailed:
                return tuple([item(v, item_type) for v in value])
            out, errors = [], []
            for index, v in enumerate(value):
                try:
                    out.append(item(v, item_type))
                except Exception as exc:  # collected and re-raised as a group
                    exc.__notes__ = [*getattr(exc, "__notes__", []), f"Structuring {cl} @ index {index}"]
                    from cattrs.errors import IterableValidationNote

                    exc.__notes__[-1] = IterableValidationNote(exc.__notes__[-1], index, item_type)
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
            return tuple(out)

        return hook

    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook_factory)


def make_converter(*, detailed_validation: bool = True) -> Converter:
    """A new converter for waterketen's entities.

    Args:
        detailed_validation: collect every error of a record with its path
            (slower); without it the first error is raised as it comes.
    """
    converter = Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed_validation
    )
    configure_converter(converter)
    return converter


# -- the fast path ------------------------------------------------------------------------
#
# The fast converter structures the common, valid record; whatever it cannot
# structure it raises on, and structure_entity then runs the detailed one. Its
# hooks are specialised: exact-type checks first and, during a load (see
# sharing()), date bounds parsed once per text and ids shared, so that a
# reference (a membership's ``member``) is the very string of the id it names.
# The tables are bounded, and emptied when the last load ends.

_TABLE_LIMIT = 1 << 21
_PERIOD_KEYS = frozenset({"start", "end"})
_ID_FIELDS = frozenset({"id", "member", "group", "holder", "post", "cooperation", "body", "scheme"})
_OPTIONAL_ID_FIELDS = frozenset({"cluster", "represents"})
_UNREFERENCED = frozenset({"Membership", "Tenure", "Change", "Agreement", "Spearhead"})
"""The entities no other entity refers to: their ids need not be shared."""


class Tables:
    """The ids and date bounds shared between the records of one load (see :func:`sharing`)."""

    __slots__ = ("bounds", "ids", "periods")

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.bounds: dict[str, Bound] = {}
        self.periods: dict[tuple[Any, Any], Period] = {}
        """The period of each (start, end) as given: equal periods are one object."""

    def clear(self) -> None:
        """Forget what is shared (a load does so when every record is structured)."""
        self.ids.clear()
        self.bounds.clear()
        self.periods.clear()

    def trim(self) -> None:
        """Forget what is shared once a table is too large (a bound on the memory of a long load)."""
        if max(len(self.ids), len(self.bounds), len(self.periods)) >= _TABLE_LIMIT:
            self.clear()


_TABLES: contextvars.ContextVar[Tables | None] = contextvars.ContextVar("waterketen_tables", default=None)


@contextlib.contextmanager
def sharing(tables: Tables | None = None) -> Iterator[Tables]:
    """Share ids and parsed date bounds between the records structured inside (one load's scope).

    The tables belong to the block (and to its thread or task: they live in a
    context variable): outside it, nothing is kept between calls of
    :func:`structure_entity`, and two loads at once never share anything.
    """
    token = _TABLES.set(tables if tables is not None else Tables())
    try:
        yield _TABLES.get()  # type: ignore[misc]
    finally:
        _TABLES.reset(token)


def _fast_str(value: Any, _: Any) -> str:
    if isinstance(value, str):
        return value if value.isascii() else writable_text(value)
    raise TypeError(f"expected text, got {value!r:.80}")


def _fast_id(value: Any, _: Any) -> str:
    if type(value) is str:
        if not value.isascii():
            writable_text(value)
        tables = _TABLES.get()
        return value if tables is None else tables.ids.setdefault(value, value)
    return _fast_str(value, None)


def _fast_optional_id(value: Any, _: Any) -> str | None:
    return None if value is None else _fast_id(value, None)


def _fast_bound(value: Any) -> Bound | None:
    if type(value) is str:
        tables = _TABLES.get()
        if tables is None:
            return parse_bound(value)
        bound = tables.bounds.get(value)
        if bound is None:
            bound = tables.bounds[value] = parse_bound(value)
        return bound
    return _structure_bound(value, None)


def _fast_period(value: Any, _: Any) -> Period:
    if type(value) is not dict or not value.keys() <= _PERIOD_KEYS:
        return _structure_period(value, None)
    start, end = value.get("start"), value.get("end")
    return Period(
        start=None if start is None else _fast_bound(start),
        end=None if end is None else _fast_bound(end),
    )


def _shared_period(value: Any, tables: Tables | None) -> Period:
    """:func:`_fast_period`, one Period for equal texts within a load (fewer objects to make, to collect).

    Only a period that was made is remembered, so the key holds texts, days
    (TOML) or ``None``; equal keys give equal periods, and a Period is frozen.
    """
    if tables is None or type(value) is not dict or not value.keys() <= _PERIOD_KEYS:
        return _fast_period(value, None)
    start, end = key = (value.get("start"), value.get("end"))
    period = tables.periods.get(key)
    if period is None:
        bounds = tables.bounds
        first = None if start is None else bounds.get(start)
        last = None if end is None else bounds.get(end)
        period = tables.periods[key] = Period(
            start=first if first is not None or start is None else _fast_bound(start),
            end=last if last is not None or end is None else _fast_bound(end),
        )
    return period


def _make_fast_structure(cl: type[Any], converter: Converter) -> Callable[[Any, Any], Any]:
    """A generated hook for an attrs class: one call of the class, no intermediate dict.

    Like cattrs' own generated hooks without detailed validation, but the check
    for unknown keys is one subset test and a default is passed as itself. The
    common case of a field is written out in the hook (ASCII text is taken as
    it is, an id is shared, a period is shared); any other value goes to the
    field's hook. Anything wrong raises, and the caller falls back to the
    detailed converter.
    """
    from attrs import NOTHING, Factory

    hints = typing.get_type_hints(cl)
    allowed = frozenset(a.name for a in fields(cl))
    names: dict[str, Any] = {
        "__cl": cl,
        "__allowed": allowed,
        "__tables": _TABLES.get,
        "__period": _shared_period,
    }

    def extra(o: Mapping[str, Any]) -> Exception:
        return ForbiddenExtraKeysError("", cl, set(o) - allowed)

    names["__extra"] = extra
    lines, args = [], []
    for a in fields(cl):
        if isinstance(a.default, Factory) or not a.init or a.alias != a.name:  # type: ignore[arg-type]
            from cattrs.gen import make_dict_structure_fn

            return make_dict_structure_fn(cl, converter)
        kind = hints[a.name]
        if a.name in _ID_FIELDS and not (a.name == "id" and cl.__name__ in _UNREFERENCED):
            hook: Any = _fast_id
        elif a.name in _OPTIONAL_ID_FIELDS:
            hook = _fast_optional_id
        else:
            hook = converter.get_structure_hook(kind)
        h, v = f"h_{a.name}", f"v_{a.name}"
        names[h], names[f"t_{a.name}"] = hook, kind
        slow = f"{v} = {h}({v}, t_{a.name})"
        if hook is _fast_id or hook is _fast_optional_id:
            step = [
                f"if type({v}) is str and {v}.isascii() and ids is not None:",
                f"    {v} = ids.setdefault({v}, {v})",
                *([f"elif {v} is not None:"] if hook is _fast_optional_id else ["else:"]),
                f"    {slow}",
            ]
        elif kind is str or kind == str | None:
            test = f"type({v}) is not str or not {v}.isascii()"
            step = [f"if {v} is not None and ({test}):" if kind is not str else f"if {test}:", f"    {slow}"]
        elif kind is Period:
            step = [f"{v} = __period({v}, tables)"]
        elif (
            _is_homogeneous_tuple(kind)
            and has(typing.get_args(kind)[0])
            and typing.get_args(kind)[0] is not cl
        ):
            # A list of tables (identifiers, duties): each item straight to its class's hook.
            item = typing.get_args(kind)[0]
            names[f"hi_{a.name}"], names[f"ti_{a.name}"] = converter.get_structure_hook(item), item
            items = f"tuple([hi_{a.name}(x, ti_{a.name}) for x in {v}])"
            step = [f"if type({v}) is list:", f"    {v} = {items}", "else:", f"    {slow}"]
        else:
            step = [slow]
        if a.default is NOTHING:
            lines += [f"{v} = o[{a.name!r}]", *step]
        else:
            names[f"d_{a.name}"] = a.default
            lines += [f"if {a.name!r} in o:", f"    {v} = o[{a.name!r}]", *(f"    {s}" for s in step)]
            lines += ["else:", f"    {v} = d_{a.name}"]
        args.append(f"{a.name}={v}")
    body = "\n".join(f"    {line}" for line in lines)
    source = (
        f"def structure_{cl.__name__}(o, _):\n"
        "    if not o.keys() <= __allowed:\n"
        "        raise __extra(o)\n"
        "    tables = __tables()\n"
        "    ids = None if tables is None else tables.ids\n"
        f"{body}\n"
        f"    return __cl({', '.join(args)})\n"
    )
    exec(compile(source, f"<waterketen fast structure {cl.__name__}>", "exec"), names)
    hook_fn: Callable[[Any, Any], Any] = names[f"structure_{cl.__name__}"]
    return hook_fn


def _fast_enum_factory(cl: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    members = {m.value: m for m in cl}
    general = _structure_enum_factory(cl)

    def hook(value: Any, _: Any) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        return general(value, None)

    return hook


def _configure_fast(converter: Converter) -> None:
    """Specialise the hooks of the converter without detailed validation."""
    converter.register_structure_hook(str, _fast_str)
    converter.register_structure_hook(Period, _fast_period)
    converter.register_structure_hook_factory(_is_enum, _fast_enum_factory)
    converter.register_structure_hook_factory(has, lambda cl: _make_fast_structure(cl, converter))


_FAST_HOOKS: dict[type[Any], Callable[[Any, Any], Any]] = {}


def _fast_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    """The fast converter's generated hook for an entity class, looked up once."""
    hook = _FAST_HOOKS.get(cls)
    if hook is None:
        hook = _FAST_HOOKS[cls] = _fast_converter().get_structure_hook(cls)
    return hook


@functools.cache
def _fast_converter() -> Converter:
    fast = make_converter(detailed_validation=False)
    _configure_fast(fast)
    return fast


@functools.cache
def _detailed_converter() -> Converter:
    """Made only when a record fails: a load of valid data never pays for it."""
    return make_converter()


def _converters() -> tuple[Converter, Converter]:
    return _fast_converter(), _detailed_converter()


def structure_entity(tag: str, data: Any) -> Entity:
    """Structure ``data`` into the entity class named by ``tag``.

    Raises:
        KeyError: ``tag`` names no entity class.
        Exception: whatever the converter raises for bad data; pass it to
            :func:`describe_error` to get each problem with its path.
    """
    cls = ENTITY_TYPES[tag]
    if type(data) is not dict and not isinstance(data, Mapping):
        raise TypeError(f"expected a table of fields, got {data!r:.80}")
    if (tables := _TABLES.get()) is not None:
        tables.trim()
    try:
        entity: Entity = _fast_hook(cls)(data, cls)
        return entity
    except Exception:
        # The error path only: structure again, collecting every problem.
        return _detailed_converter().structure(data, cls)


def unstructure_entity(entity: Entity) -> dict[str, Any]:
    """The plain mapping of ``entity``, fields at their defaults left out."""
    out: dict[str, Any] = _fast_converter().unstructure(entity)
    return out


def entity_fields(cls: type[Any]) -> tuple[str, ...]:
    """The field names of an entity class, in order."""
    return tuple(a.name for a in fields(cls)) if has(cls) else ()
