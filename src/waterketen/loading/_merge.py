"""The merge of two records of one id: the same entity with both provenances, or a conflict naming both."""

from __future__ import annotations

import attrs

from ..errors import Problem
from ..model import Entity, Provenance, a
from ..sources import Record


__all__ = ["conflict", "merge"]


def merge(old: Entity, new: Entity) -> Entity | None:
    """The two records of one id merged, or ``None`` when they disagree."""
    if type(old) is not type(new) or attrs.evolve(old, provenance=()) != attrs.evolve(new, provenance=()):
        return None
    provenance = old.provenance + tuple(p for p in new.provenance if p not in old.provenance)
    return attrs.evolve(old, provenance=provenance)


def conflict(old: Entity, there: Provenance, entity: Entity, record: Record) -> Problem:
    if type(old) is not type(entity):
        detail = f"it is {a(entity.tag)} here and {a(old.tag)} there"
    else:
        fields = [
            f"{a.name} {getattr(entity, a.name)!r:.60} here, {getattr(old, a.name)!r:.60} there"
            for a in attrs.fields(type(entity))
            if a.name != "provenance" and getattr(entity, a.name) != getattr(old, a.name)
        ]
        detail = "; ".join(fields)
    return Problem(
        source=record.provenance.source,
        place=record.provenance.locator,
        field="id",
        reason=f"{entity.id!r} is also defined at {there.source} {there.locator or ''}".rstrip()
        + f" and the two disagree: {detail}",
        record=record.data,
    )
