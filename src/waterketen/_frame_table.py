"""The columns of one pandas frame, each with its kind, filled row by row; and the cells of periods."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ._time import Between, Bound, PartialDate, Unknown
from .model import BodyKind, Change, ChangeKind, Entity, OrgKind


if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PERIOD_COLUMNS",
    "Table",
    "bound_columns",
    "bound_values",
    "enum_values",
    "joined",
    "period_values",
]


class Table:
    """Columns of one frame, each with its kind, filled row by row."""

    def __init__(self, columns: Sequence[tuple[str, str]]) -> None:
        self.ids: list[str] = []
        self.kinds = dict(columns)
        self.values: dict[str, list[Any]] = {name: [] for name in self.kinds}
        self.categories: dict[str, list[str]] = {}

    def row(self, entity_id: str, **values: Any) -> None:
        self.ids.append(entity_id)
        for name in self.kinds:
            self.values[name].append(values.get(name))

    def frame(self) -> pd.DataFrame:
        import numpy as np
        import pandas as pd

        data: dict[str, Any] = {}
        for name, kind in self.kinds.items():
            values = self.values[name]
            if kind == "string":
                data[name] = pd.array(values, dtype="string")
            elif kind == "category":
                categories = self.categories.get(name) or sorted({v for v in values if v is not None})
                data[name] = pd.Categorical(values, categories=categories)
            elif kind == "date":
                days = [np.datetime64("NaT") if v is None else np.datetime64(v.isoformat()) for v in values]
                data[name] = np.array(days, dtype="datetime64[s]")
            elif kind == "Int64":
                data[name] = pd.array(values, dtype="Int64")
            else:
                data[name] = np.array(values, dtype=bool)
        index = pd.Index(self.ids, dtype="string", name="id")
        return pd.DataFrame(data, index=index)


def bound_columns(prefix: str) -> list[tuple[str, str]]:
    return [(prefix, "string"), (f"{prefix}_earliest", "date"), (f"{prefix}_latest", "date")]


PERIOD_COLUMNS = [*bound_columns("start"), *bound_columns("end")]


def _days(bound: Bound | None) -> tuple[date | None, date | None]:
    """The first and last day a bound may denote; ``None`` where nothing is known."""
    if bound is None or isinstance(bound, Unknown):
        return None, None
    if isinstance(bound, PartialDate):
        return bound.first_day, bound.last_day
    if isinstance(bound, Between):
        earliest = None if bound.earliest is None else _days(bound.earliest)[0]
        latest = None if bound.latest is None else _days(bound.latest)[1]
        return earliest, latest
    return bound, bound


def bound_values(prefix: str, bound: Bound | None) -> dict[str, Any]:
    earliest, latest = _days(bound)
    return {
        prefix: None if bound is None else bound.isoformat(),
        f"{prefix}_earliest": earliest,
        f"{prefix}_latest": latest,
    }


def period_values(entity: Entity) -> dict[str, Any]:
    if isinstance(entity, Change):
        return {}
    return {**bound_values("start", entity.period.start), **bound_values("end", entity.period.end)}


def enum_values(kind: type[OrgKind] | type[BodyKind] | type[ChangeKind]) -> list[str]:
    return [member.value for member in kind]


def joined(items: Iterable[str]) -> str | None:
    text = "; ".join(items)
    return text or None
