"""The merge of two records of one id: the same entity with both provenances, or a conflict naming both."""

from __future__ import annotations

from typing import Any

import attrs

from .._matchmerge import combine, differences
from ..errors import Problem
from ..model import Body, Cluster, Cooperation, Entity, Membership, Organisation, Post, Provenance, Tenure, a
from ..sources import Record
from ._groups import together


__all__ = ["conflict", "merge"]

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
