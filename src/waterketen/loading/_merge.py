"""The merge of two records of one id: the same entity with both provenances, or a conflict naming both."""

from __future__ import annotations

import contextlib
from typing import Any

import attrs

from .._matchmerge import ADDITIVE, combine, differences
from ..errors import Problem
from ..model import Body, Cluster, Cooperation, Entity, Membership, Organisation, Post, Provenance, Tenure, a
from ..sources import Record
from ._groups import together


__all__ = ["Merger", "conflict", "merge"]

_DATED = (Organisation, Cooperation, Cluster, Body, Post, Membership, Tenure)


def merge(old: Entity, new: Entity) -> Entity | None:
    """The two records of one id merged, or ``None`` when they disagree (see :mod:`waterketen._matchmerge`).

    A field one record leaves at its default is no disagreement; provenance,
    other names and codes add up. The periods of two records of an organisation,
    cooperation, cluster, body, post, membership or tenure may differ where they can be one
    (:func:`waterketen.loading._groups.together`: the narrower bounds are kept).
    """
    if old == new:
        return old
    merged = combine(old, new)
    if merged is None and type(old) is type(new) and isinstance(old, _DATED):
        # Two pages of different years, each dating a cluster as it holds on its day; the register's
        # "no later than 2010" beside a dataset's founding day.
        period = together(old.period, new.period)  # type: ignore[union-attr]
        if period is not None:
            dated: tuple[Any, Any] = (old, new)
            merged = combine(*(attrs.evolve(x, period=period) for x in dated))
    return merged


class _Gathered:
    """What later records of one entity add to one additive field, in order.

    As in :func:`merge`, an item of a record is added unless an earlier
    record has it already.
    """

    __slots__ = ("base", "items", "seen")

    def __init__(self, base: tuple[Any, ...]) -> None:
        self.base = base
        self.items: list[Any] = []
        self.seen: set[Any] = set()
        self.note(base)

    def note(self, items: tuple[Any, ...] | list[Any]) -> None:
        for item in items:
            with contextlib.suppress(TypeError):  # unhashable (no value of the model): has() looks one by one
                self.seen.add(item)

    def has(self, item: Any) -> bool:
        try:
            return item in self.seen
        except TypeError:
            return any(item == other for other in (*self.base, *self.items))

    def add(self, items: tuple[Any, ...]) -> None:
        fresh = [item for item in items if not self.has(item)]
        self.items.extend(fresh)
        self.note(fresh)


class Merger:
    """The merges of one load, in time linear in the number of records.

    :func:`merge` builds a new tuple of provenances (and other names) for
    every record of an id, so that a thousand records of one id cost a
    million steps. Here the entity kept while reading holds the additive
    fields of its first record only; what later records add is gathered
    aside (each item once, in order) and put on the entity once, by
    :meth:`settle`, before anything reads those fields.
    """

    def __init__(self) -> None:
        self.gathered: dict[str, dict[str, _Gathered]] = {}
        """Per entity id, per additive field, what its later records add."""

    def merge(self, old: Entity, new: Entity) -> Entity | None:
        """``old`` and ``new`` merged as :func:`merge` does, but for their additive fields."""
        if old == new:
            return old
        names = [n for n in ADDITIVE if hasattr(new, n)]
        emptied: dict[str, Any] = {n: () for n in names if getattr(new, n)}
        bare = attrs.evolve(new, **emptied)
        merged = merge(old, bare)
        if merged is None:
            return None
        fields = self.gathered.get(old.id)
        if fields is None:
            fields = self.gathered[old.id] = {n: _Gathered(getattr(old, n)) for n in names}
        reset: dict[str, Any] = {}
        for name in names:
            fields[name].add(getattr(new, name))
            base, now = getattr(old, name), getattr(merged, name)
            if now != base:  # combine added to it (an organisation's other name): gathered instead
                fields[name].add(now[len(base) :])
                reset[name] = base
        return attrs.evolve(merged, **reset) if reset else merged

    def settle(self, entities: dict[str, Entity]) -> None:
        """Put what was gathered on the entities still there, each changed once."""
        for entity_id, fields in self.gathered.items():
            entity = entities.get(entity_id)
            if entity is None:
                continue
            changes = {n: getattr(entity, n) + tuple(g.items) for n, g in fields.items() if g.items}
            if changes:
                entities[entity_id] = attrs.evolve(entity, **changes)
        self.gathered.clear()


def conflict(old: Entity, there: Provenance, entity: Entity, record: Record) -> Problem:
    if type(old) is not type(entity):
        detail = f"it is {a(entity.tag)} here and {a(old.tag)} there"
    else:
        detail = "; ".join(differences(old, entity))
    return Problem(
        source=record.provenance.source,
        place=record.provenance.locator,
        field="id",
        reason=f"{entity.id!r} is also defined at {there.source} {there.locator or ''}".rstrip()
        + f" and the two disagree: {detail}",
        record=record.data,
    )
