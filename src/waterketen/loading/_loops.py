"""The loops a load rejects at its end: memberships that put a group inside itself, successor loops."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..convert import unstructure_entity
from ..model import Body, Change, Cluster, Cooperation, Membership, Organisation
from ..sources import Record
from ._integrity import on_cycles, problem


if TYPE_CHECKING:
    from ._loader import Loader


__all__ = ["reject_group_cycles", "reject_successor_loops"]


def reject_group_cycles(loader: Loader) -> None:
    """Reject the memberships that put a cluster, body, cooperation or organisation inside itloader."""
    entities, groups = loader.entities, (Cooperation, Cluster, Body, Organisation)
    memberships = [
        e for e in entities.values() if type(e) is Membership and isinstance(entities.get(e.member), groups)
    ]
    edges: dict[str, set[str]] = {}
    for membership in memberships:
        edges.setdefault(membership.member, set()).add(membership.group)
    looping = on_cycles(edges)
    for membership in memberships:
        itself = membership.member == membership.group
        if itself or (membership.member in looping and membership.group in looping):
            # Settled records are not kept during a load: the entity's own fields stand for it.
            record = Record(
                tag=Membership.tag,
                data=unstructure_entity(membership),
                provenance=loader.first_origin(membership.id),
            )
            loader.drop(membership.id)
            inside = "itself" if itself else f"a cycle of {', '.join(sorted(looping))}"
            reason = f"puts {membership.member!r} inside {inside}"
            loader.reject(record, [problem(record, "group", reason)])


def reject_successor_loops(loader: Loader) -> None:
    """Reject the change events that make an organisation its own successor."""
    changes = [(loader.entities[i], r) for i, r in loader.change_records.items()]
    edges: dict[str, set[str]] = {}
    for change, _ in changes:
        assert isinstance(change, Change)
        for before in change.before:
            edges.setdefault(before.id, set()).update(a.id for a in change.after if a.id != before.id)
    looping = on_cycles(edges)
    for change, record in changes:
        assert isinstance(change, Change)
        loop = [p.id for p in change.before if p.id in looping]
        if loop and any(a.id in looping and a.id != loop[0] for a in change.after):
            loader.drop(change.id)
            reason = f"makes a successor loop through {', '.join(sorted(looping))}"
            loader.reject(record, [problem(record, "before", reason)])
    loader.change_records.clear()
