"""The Snapshot: a network as of one day, asking every question of the Network with the day given once.

A snapshot is a view of its network, not a copy; every method of
:class:`~waterketen.Network` that takes ``on`` has its twin here (a test
keeps it so).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from ._time import Certainty, Unknown
from .model import (
    Body,
    BodyKind,
    Change,
    Cluster,
    Duty,
    Entity,
    Membership,
    Organisation,
    OrgKind,
    Post,
    Tenure,
    period_of,
)


if TYPE_CHECKING:
    import pandas as pd

    from .checks import CheckReport
    from .network import Network
    from .query import Relation, Seat, Succession

__all__ = ["Snapshot"]

E = TypeVar("E", bound=Entity)


class Snapshot:
    """The network as of one day: the same questions, the day given once.

    Iterating a snapshot yields the entities surely valid on its day, in
    the order of the network: the first few iterations of the network's
    snapshots read every entity, and then an interval index over every
    entity's period makes it cost time in proportion to what it yields
    (see ``waterketen._index.SCANS``).

    Examples:
        >>> snap = wk.load().at("2016-01-01")
        >>> len(snap.partners()), snap.cluster_of("bedum").name
        (31, 'BMWE')
    """

    __slots__ = ("day", "network")

    def __init__(self, network: Network, day: date) -> None:
        self.network = network
        self.day = day

    def __repr__(self) -> str:
        from ._display import snapshot_repr

        return snapshot_repr(self)

    def _repr_html_(self) -> str:
        from ._display import snapshot_html

        return snapshot_html(self)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.network.index.valid_on(self.day))

    def __contains__(self, entity_id: object) -> bool:
        return (
            isinstance(entity_id, str)
            and entity_id in self.network
            and period_of(self.network[entity_id]).contains(self.day)
        )

    def uncertain(self) -> Iterator[Entity]:
        """The entities that may or may not be valid on the day, given imprecise dates."""
        for entity in self.network:
            if period_of(entity).certainty(self.day) is Certainty.UNCERTAIN:
                yield entity

    def certainty(self, entity_id: str) -> Certainty:
        """See :meth:`Network.certainty`."""
        return self.network.certainty(entity_id, self.day)

    def entities(self, kind: type[E]) -> tuple[E, ...]:
        """See :meth:`Network.entities`."""
        return self.network.entities(kind, on=self.day)

    def lookup(self, scheme: str, value: str) -> Organisation | None:
        """See :meth:`Network.lookup`."""
        return self.network.lookup(scheme, value, on=self.day)

    def find(self, name: str, *, kind: type[E] | None = None, exact: bool = False) -> tuple[Entity, ...]:
        """See :meth:`Network.find`."""
        return self.network.find(name, kind=kind, on=self.day, exact=exact)

    def partners(
        self, cooperation: str | None = None, *, kind: OrgKind | None = None, cluster: str | None = None
    ) -> tuple[Organisation, ...]:
        """See :meth:`Network.partners`."""
        return self.network.partners(cooperation, on=self.day, kind=kind, cluster=cluster)

    def clusters(self, cooperation: str | None = None) -> tuple[Cluster, ...]:
        """See :meth:`Network.clusters`."""
        return self.network.clusters(cooperation, on=self.day)

    def cluster_of(self, organisation: str) -> Cluster | Unknown | None:
        """See :meth:`Network.cluster_of`."""
        return self.network.cluster_of(organisation, on=self.day)

    def members(self, group: str) -> tuple[Entity, ...]:
        """See :meth:`Network.members`."""
        return self.network.members(group, on=self.day)

    def memberships(self, entity_id: str) -> tuple[Membership, ...]:
        """See :meth:`Network.memberships`."""
        return self.network.memberships(entity_id, on=self.day)

    def groups(self, member: str) -> tuple[Entity, ...]:
        """See :meth:`Network.groups`."""
        return self.network.groups(member, on=self.day)

    def bodies(self, cooperation: str | None = None, *, kind: BodyKind | None = None) -> tuple[Body, ...]:
        """See :meth:`Network.bodies`."""
        return self.network.bodies(cooperation, on=self.day, kind=kind)

    def posts(self, body: str | None = None) -> tuple[Post, ...]:
        """See :meth:`Network.posts`."""
        return self.network.posts(body, on=self.day)

    def duties(self, post: str) -> tuple[Duty, ...]:
        """See :meth:`Network.duties`."""
        return self.network.duties(post, on=self.day)

    def still_so(self, entity_id: str) -> str | None:
        """See :meth:`Network.still_so`."""
        return self.network.still_so(entity_id, on=self.day)

    def holders(self, post: str) -> tuple[Entity, ...]:
        """See :meth:`Network.holders`."""
        return self.network.holders(post, on=self.day)

    def tenures(self, entity_id: str) -> tuple[Tenure, ...]:
        """See :meth:`Network.tenures`."""
        return self.network.tenures(entity_id, on=self.day)

    def seats(self, body: str) -> tuple[Seat, ...]:
        """See :meth:`Network.seats`."""
        return self.network.seats(body, on=self.day)

    def changes(self, organisation: str | None = None) -> tuple[Change, ...]:
        """See :meth:`Network.changes`."""
        return self.network.changes(organisation, on=self.day)

    def successors(self, organisation: str, *, transitive: bool = False) -> tuple[Succession, ...]:
        """See :meth:`Network.successors`."""
        return self.network.successors(organisation, on=self.day, transitive=transitive)

    def predecessors(self, organisation: str, *, transitive: bool = False) -> tuple[Succession, ...]:
        """See :meth:`Network.predecessors`."""
        return self.network.predecessors(organisation, on=self.day, transitive=transitive)

    def relations(self) -> Iterator[Relation]:
        """See :meth:`Network.relations`."""
        return self.network.relations(on=self.day)

    def check(self, *, rules: Iterable[str] | None = None, disable: Iterable[str] = ()) -> CheckReport:
        """See :meth:`Network.check`: the rules on the snapshot's day."""
        return self.network.check(on=self.day, rules=rules, disable=disable)

    def to_frame(self, what: str, *, cooperation: str | None = None) -> pd.DataFrame:
        """See :func:`waterketen.frames.to_frame`: the table as of the snapshot's day."""
        return self.network.to_frame(what, on=self.day, cooperation=cooperation)
