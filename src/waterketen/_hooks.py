"""The strict structure hooks of the converter: text is text, a number a number, a date a date.

Each raises a TypeError or ValueError that says what was expected;
:mod:`waterketen.convert` installs them (and its fast path falls back to
them for any value it does not take itself).
"""

from __future__ import annotations

import enum
import math
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from cattrs import ForbiddenExtraKeysError

from ._fields import writable_text
from ._time import Bound, Instant, PartialDate, Period, parse_bound, parse_instant


T = TypeVar("T")


def _type_name(cl: Any) -> str:
    names = {str: "text", int: "an integer", float: "a number", bool: "true or false"}
    return names.get(cl, getattr(cl, "__name__", str(cl)))


def _strict(cl: type[T]) -> Callable[[Any, Any], T]:
    def hook(value: Any, _: Any) -> T:
        # bool is an int in Python, but not in data.
        if isinstance(value, cl) and not (cl is not bool and isinstance(value, bool)):
            if cl is str:
                return writable_text(value)  # type: ignore[arg-type, return-value]
            if cl is float and not math.isfinite(value):  # type: ignore[arg-type]
                raise ValueError(f"expected a finite number, got {value!r}")
            return value
        if cl is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)  # type: ignore[return-value]
        raise TypeError(f"expected {_type_name(cl)}, got {value!r:.80}")

    return hook


def _structure_date(value: Any, _: Any) -> date:
    instant = _structure_instant(value, None)
    if isinstance(instant, PartialDate):
        raise ValueError(f"expected a whole day (YYYY-MM-DD), got {value!r}")
    return instant


def _structure_instant(value: Any, _: Any) -> Instant:
    if isinstance(value, datetime):
        raise TypeError(f"expected a date without a time, got {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_instant(value)
    raise TypeError(f"expected a date as text (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r:.80}")


def _structure_optional_instant(value: Any, _: Any) -> Instant | None:
    return None if value is None else _structure_instant(value, None)


def _structure_bound(value: Any, _: Any) -> Bound | None:
    if value is None:
        return None
    if isinstance(value, str):
        return parse_bound(value)
    return _structure_instant(value, None)


def _unstructure_instant(value: Instant) -> str:
    return value.isoformat()


def _structure_period(value: Any, _: Any) -> Period:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a table with start and/or end, got {value!r:.80}")
    extra = set(value) - {"start", "end"}
    if extra:
        raise ForbiddenExtraKeysError("", Period, extra)
    return Period(
        start=_structure_bound(value.get("start"), None), end=_structure_bound(value.get("end"), None)
    )


def _unstructure_period(period: Period) -> dict[str, str]:
    out = {}
    if period.start is not None:
        out["start"] = period.start.isoformat()
    if period.end is not None:
        out["end"] = period.end.isoformat()
    return out


def _is_enum(cl: Any) -> bool:
    return isinstance(cl, type) and issubclass(cl, enum.Enum)


def _structure_enum_factory(cl: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    choices = ", ".join(str(m.value) for m in cl)

    def hook(value: Any, _: Any) -> enum.Enum:
        try:
            return cl(value)
        except (ValueError, TypeError):
            raise ValueError(f"expected one of {choices}; got {value!r:.80}") from None

    return hook


def _is_homogeneous_tuple(cl: Any) -> bool:
    args = typing.get_args(cl)
    return typing.get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis
