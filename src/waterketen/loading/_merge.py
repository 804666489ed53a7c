"""The merge of two records of one id: the same entity with both provenances, or a conflict naming both."""

from __future__ import annotations

from .._matchmerge import combine, differences
from ..errors import Problem
from ..model import Entity, Provenance, a
from ..sources import Record


__all__ = ["conflict", "merge"]


def merge(old: Entity, new: Entity) -> Entity | None:
    """The two records of one id merged, or ``None`` when they disagree (see :mod:`waterketen._matchmerge`).

    A field one record leaves at its default is no disagreement; provenance,
    other names and codes add up.
    """
    if old == new:
        return old
    return combine(old, new)


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
