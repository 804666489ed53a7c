"""The typed edges between entities, derived from the entities themselves."""

from __future__ import annotations

import enum
from collections.abc import Iterator

from attrs import frozen

from .._time import Period
from ..model import (
    Agreement,
    Body,
    Change,
    Cluster,
    Entity,
    Membership,
    Post,
    Provenance,
    Role,
    Spearhead,
    Tenure,
)


__all__ = ["Relation", "RelationKind", "relations_of"]


class RelationKind(enum.Enum):
    """The kind of an edge of the network."""

    MEMBER_OF = "member-of"
    """A member belongs to a cooperation, a cluster or a body."""
    PART_OF = "part-of"
    """A cluster, body, post, agreement or spearhead belongs to its parent."""
    HOLDS = "holds"
    """A person or organisation holds a post."""
    CHAIRS = "chairs"
    SECRETARY_OF = "secretary-of"
    SEAT_IN = "seat-in"
    """A post is a member's seat in a body."""
    LEADS = "leads"
    REPRESENTS = "represents"
    """A post stands for a cluster or a partner."""
    SUCCEEDED_BY = "succeeded-by"
    """An organisation (or part of it) went to another in a change."""


_DUTY_RELATIONS = {
    Role.CHAIR: RelationKind.CHAIRS,
    Role.SECRETARY: RelationKind.SECRETARY_OF,
    Role.MEMBER: RelationKind.SEAT_IN,
    Role.LEAD: RelationKind.LEADS,
}


@frozen(kw_only=True)
class Relation:
    """A typed, dated edge from ``source`` to ``target``, stated by entity ``via``."""

    source: str
    kind: RelationKind
    target: str
    via: str
    period: Period = Period()
    partial: bool = False
    provenance: tuple[Provenance, ...] = ()


def relations_of(entity: Entity) -> Iterator[Relation]:
    """The edges an entity states."""
    via, provenance = entity.id, entity.provenance
    if isinstance(entity, Membership):
        yield Relation(
            source=entity.member,
            kind=RelationKind.MEMBER_OF,
            target=entity.group,
            via=via,
            period=entity.period,
            provenance=provenance,
        )
    elif isinstance(entity, Tenure):
        yield Relation(
            source=entity.holder,
            kind=RelationKind.HOLDS,
            target=entity.post,
            via=via,
            period=entity.period,
            provenance=provenance,
        )
    elif isinstance(entity, Change):
        period = Period(start=entity.date)
        for before in entity.before:
            for after in entity.after:
                if before.id != after.id:
                    yield Relation(
                        source=before.id,
                        kind=RelationKind.SUCCEEDED_BY,
                        target=after.id,
                        via=via,
                        period=period,
                        partial=before.partial or after.partial,
                        provenance=provenance,
                    )
    elif isinstance(entity, Cluster | Body | Post | Agreement | Spearhead):
        parent = entity.cluster if isinstance(entity, Body) and entity.cluster else entity.cooperation
        yield Relation(
            source=via,
            kind=RelationKind.PART_OF,
            target=parent,
            via=via,
            period=entity.period,
            provenance=provenance,
        )
        if isinstance(entity, Post):
            for duty in entity.duties:
                yield Relation(
                    source=via,
                    kind=_DUTY_RELATIONS[duty.role],
                    target=duty.body,
                    via=via,
                    period=entity.period,
                    provenance=provenance,
                )
            if entity.represents is not None:
                yield Relation(
                    source=via,
                    kind=RelationKind.REPRESENTS,
                    target=entity.represents,
                    via=via,
                    period=entity.period,
                    provenance=provenance,
                )
