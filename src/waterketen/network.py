"""The Network: the entity store, its indexes, look-up by id and code, days, relations and the graph view.

A :class:`Network` holds entities by id and keeps typed indexes
(:mod:`waterketen._index`) for the common questions, built once when it is
made. It does no I/O and knows none of its presenters. The questions
themselves live in :mod:`waterketen.query`, written networkx-style (the
network first, plain values back); each method here is a one-line delegate.

Every question that depends on time takes ``on``: a day (a
:class:`~datetime.date` or ISO text). Without it, the question is asked over
all time. :meth:`Network.at` gives a :class:`~waterketen.Snapshot`, the
network as of one day, which answers the same questions without the day.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, TypeVar

from . import query
from ._index import Index, every
from ._origins import Origins
from ._time import Certainty, DateLike, Unknown, as_date
from .errors import ON_A_DAY, AmbiguityError, UnknownEntityError
from .model import (
    Body,
    BodyKind,
    Change,
    Cluster,
    Cooperation,
    Duty,
    Entity,
    Membership,
    Organisation,
    OrgKind,
    Post,
    Provenance,
    Tenure,
    a,
    period_of,
)


if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from ._nameindex import Index as NameIndex
    from .checks import CheckReport
    from .loading import LoadReport
    from .query import Diff, Event, Relation, Seat, Succession
    from .snapshot import Snapshot

__all__ = ["Network"]

E = TypeVar("E", bound=Entity)


class Network:
    """The entities of one or more cooperations, indexed for the common questions.

    Args:
        entities: the entities, each id once; a ``dict`` of ids to entities
            is taken over as it is, without a copy.
        origins: where a load found each entity (see :meth:`origin`).
        report: the report of the load that made the network.

    Raises:
        AmbiguityError: two entities have the same id.

    Examples:
        >>> net = wk.load()
        >>> len(net.partners(on="2016-01-01"))
        31
        >>> net.cluster_of("bedum", on="2016-01-01").name
        'BMWE'
    """

    __slots__ = ("_entities", "_graph", "_name_index", "_origins", "_shipped_names", "index", "report")

    def __init__(
        self,
        entities: Iterable[Entity] | Mapping[str, Entity] = (),
        *,
        origins: Origins | Mapping[str, tuple[Provenance, ...]] | None = None,
        report: LoadReport | None = None,
    ) -> None:
        if isinstance(entities, dict):
            store: dict[str, Entity] = entities
        elif isinstance(entities, Mapping):
            store = dict(entities)
        else:
            store = {}
            for entity in entities:
                if entity.id in store:
                    raise AmbiguityError(f"two entities have the id {entity.id!r}")
                store[entity.id] = entity
        self._entities: dict[str, Entity] = store
        self.index = Index(store)
        """The typed indexes of the store (for the query modules)."""
        self._origins = origins if isinstance(origins, Origins) else Origins.of_mapping(origins or {})
        self.report = report
        """The report of the load that made this network, if a load made it."""
        self._graph: nx.MultiDiGraph[str] | None = None
        self._name_index: NameIndex | None = None
        self._shipped_names: bytes | None = None
        """The name index's state that a prebuilt load of this very network ships (set by the load)."""

    # -- the store -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __getitem__(self, entity_id: str) -> Entity:
        try:
            return self._entities[entity_id]
        except KeyError:
            from ._resolving import unknown

            raise unknown(self, f"no entity has the id {entity_id!r}", entity_id) from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return self._entities == other._entities

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        from ._display import network_repr

        return network_repr(self)

    def _repr_html_(self) -> str:
        from ._display import network_html

        return network_html(self)

    def get(self, entity_id: str, kind: type[E]) -> E:
        """The entity with ``entity_id``, which must be of class ``kind``.

        Raises:
            ~waterketen.UnknownEntityError: no entity of that class has that id.

        Examples:
            >>> wk.load().get("bedum", wk.Organisation).name
            'Bedum'
        """
        entity = self[entity_id]
        if not isinstance(entity, kind):
            raise UnknownEntityError(f"{entity_id!r} is {a(entity.tag)}, not {a(kind.tag)}")
        return entity

    def entities(self, kind: type[E], *, on: DateLike | None = None) -> tuple[E, ...]:
        """Every entity of class ``kind`` (valid ``on`` that day, when given)."""
        found = (self._entities[i] for i in self.index.by_tag.get(kind.tag, ()))
        return tuple(e for e in self.valid(found, on) if isinstance(e, kind))

    def origin(self, entity_id: str) -> tuple[Provenance, ...]:
        """Where the load found the entity: each source and place that gave it.

        This is the place in the loaded files; the entity's own
        ``provenance`` is where its facts come from, as the data states it.
        """
        self[entity_id]
        return self._origins(entity_id)

    def certainty(self, entity_id: str, on: DateLike) -> Certainty:
        """Whether the entity is valid on a day: yes, no, or uncertain at its precision."""
        return period_of(self[entity_id]).certainty(as_date(on))

    def valid(self, entities: Iterable[E], on: DateLike | None) -> Iterator[E]:
        """The entities that are surely valid ``on`` a day (all of them, without a day)."""
        if on is None:
            yield from entities
            return
        day = as_date(on)
        for entity in entities:
            if period_of(entity).contains(day):
                yield entity

    def name_index(self) -> NameIndex:
        """The index of names and codes (of ``waterketen.resolution``), built on first use (or
        read from the prebuilt load that made this network)."""
        if self._name_index is None:
            from ._nameindex import Index

            self._name_index = Index(self, self._shipped_names)
            self._shipped_names = None
        return self._name_index

    # -- finding ---------------------------------------------------------------------------

    def lookup(self, scheme: str, value: str, *, on: DateLike | None = None) -> Organisation | None:
        """The organisation with identifier ``scheme:value`` (valid ``on``, when given).

        Raises:
            AmbiguityError: several organisations share the code and no day
                tells them apart.

        Examples:
            >>> wk.load().lookup("cbs", "GM0005").name
            'Bedum'
        """
        codes = self.index.by_identifier.get(scheme)
        ids = () if codes is None else every(codes, value)
        day = None if on is None else as_date(on)
        orgs = [
            e
            for e in map(self._entities.__getitem__, ids)
            if isinstance(e, Organisation) and (day is None or period_of(e).contains(day))
        ]
        if len(orgs) > 1:
            names = ", ".join(f"{o.id} {o.period}" for o in orgs)
            raise AmbiguityError(f"{scheme}:{value} denotes {names}", hint=ON_A_DAY)
        return orgs[0] if orgs else None

    def find(
        self, name: str, *, kind: type[E] | None = None, on: DateLike | None = None, exact: bool = False
    ) -> tuple[Entity, ...]:
        """Entities called ``name``, ranked (see :func:`waterketen.resolution.find`).

        Names match in any case, accents, punctuation or spacing, other names
        too; then parts of names (``bed`` finds Bedum), then, when nothing
        else does, similar names. ``exact=True`` keeps only whole names.

        Examples:
            >>> net = wk.load()
            >>> [e.id for e in net.find("hunze en aa's", exact=True)]
            ['hunze-en-aas']
            >>> [e.name for e in net.find("Bedm")]
            ['Bedum']
        """
        return query.find(self, name, kind=kind, on=on, exact=exact)

    # -- the questions: see waterketen.query --------------------------------------------------

    def cooperation(self, cooperation: str | None = None) -> Cooperation:
        """See :func:`waterketen.query.cooperation`."""
        return query.cooperation(self, cooperation)

    def partners(
        self,
        cooperation: str | None = None,
        *,
        on: DateLike | None = None,
        kind: OrgKind | None = None,
        cluster: str | None = None,
    ) -> tuple[Organisation, ...]:
        """See :func:`waterketen.query.partners`.

        Examples:
            >>> net = wk.load()
            >>> len(net.partners(on="2016-01-01", kind=wk.OrgKind.WATER_BOARD))
            2
            >>> [o.name for o in net.partners(on="2016-01-01", cluster="gnd-dal")]
            ['Delfzijl', 'Appingedam', 'Loppersum']
        """
        return query.partners(self, cooperation, on=on, kind=kind, cluster=cluster)

    def clusters(self, cooperation: str | None = None, *, on: DateLike | None = None) -> tuple[Cluster, ...]:
        """See :func:`waterketen.query.clusters`."""
        return query.clusters(self, cooperation, on=on)

    def cluster_of(self, organisation: str, *, on: DateLike | None = None) -> Cluster | Unknown | None:
        """See :func:`waterketen.query.cluster_of`."""
        return query.cluster_of(self, organisation, on=on)

    def members(self, group: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
        """See :func:`waterketen.query.members`."""
        return query.members(self, group, on=on)

    def memberships(self, entity_id: str, *, on: DateLike | None = None) -> tuple[Membership, ...]:
        """See :func:`waterketen.query.memberships`."""
        return query.memberships(self, entity_id, on=on)

    def groups(self, member: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
        """See :func:`waterketen.query.groups`."""
        return query.groups(self, member, on=on)

    def bodies(
        self, cooperation: str | None = None, *, on: DateLike | None = None, kind: BodyKind | None = None
    ) -> tuple[Body, ...]:
        """See :func:`waterketen.query.bodies`."""
        return query.bodies(self, cooperation, on=on, kind=kind)

    def posts(self, body: str | None = None, *, on: DateLike | None = None) -> tuple[Post, ...]:
        """See :func:`waterketen.query.posts`."""
        return query.posts(self, body, on=on)

    def duties(self, post: str, *, on: DateLike | None = None) -> tuple[Duty, ...]:
        """See :func:`waterketen.query.duties`."""
        return query.duties(self, post, on=on)

    def latest_source(self, entity_id: str) -> datetime.date | None:
        """See :func:`waterketen.query.latest_source`."""
        return query.latest_source(self, entity_id)

    def still_so(self, entity_id: str, *, on: DateLike) -> str | None:
        """See :func:`waterketen.query.still_so`."""
        return query.still_so(self, entity_id, on=on)

    def holders(self, post: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
        """See :func:`waterketen.query.holders`."""
        return query.holders(self, post, on=on)

    def tenures(self, entity_id: str, *, on: DateLike | None = None) -> tuple[Tenure, ...]:
        """See :func:`waterketen.query.tenures`."""
        return query.tenures(self, entity_id, on=on)

    def seats(self, body: str, *, on: DateLike | None = None) -> tuple[Seat, ...]:
        """See :func:`waterketen.query.seats`."""
        return query.seats(self, body, on=on)

    def changes(self, organisation: str | None = None, *, on: DateLike | None = None) -> tuple[Change, ...]:
        """See :func:`waterketen.query.changes`."""
        return query.changes(self, organisation, on=on)

    def successors(
        self, organisation: str, *, on: DateLike | None = None, transitive: bool = False
    ) -> tuple[Succession, ...]:
        """See :func:`waterketen.query.successors`."""
        return query.successors(self, organisation, on=on, transitive=transitive)

    def predecessors(
        self, organisation: str, *, on: DateLike | None = None, transitive: bool = False
    ) -> tuple[Succession, ...]:
        """See :func:`waterketen.query.predecessors`."""
        return query.predecessors(self, organisation, on=on, transitive=transitive)

    def timeline(self, entity_id: str) -> tuple[Event, ...]:
        """See :func:`waterketen.query.timeline`."""
        return query.timeline(self, entity_id)

    def diff(self, start: DateLike, end: DateLike) -> Diff:
        """See :func:`waterketen.query.diff`."""
        return query.diff(self, start, end)

    def check(
        self,
        *,
        on: DateLike | Iterable[DateLike] | None = None,
        rules: Iterable[str] | None = None,
        disable: Iterable[str] = (),
    ) -> CheckReport:
        """Run the domain rules, built-in and installed; see :func:`waterketen.checks.run_checks`.

        Examples:
            >>> wk.load().check(on="2016-01-01").ok
            True
        """
        from .checks import run_checks

        return run_checks(self, on=on, rules=rules, disable=disable)

    def to_frame(
        self, what: str, *, on: DateLike | None = None, cooperation: str | None = None
    ) -> pd.DataFrame:
        """See :func:`waterketen.frames.to_frame` (needs ``pip install 'waterketen[analysis]'``)."""
        from .frames import to_frame

        return to_frame(self, what, on=on, cooperation=cooperation)

    # -- time and graphs ----------------------------------------------------------------------

    def at(self, on: DateLike) -> Snapshot:
        """The network as of one day: a view, not a copy.

        Examples:
            >>> snap = wk.load().at("2016-01-01")
            >>> len(snap.partners()), len(snap.clusters())
            (31, 7)
        """
        from .snapshot import Snapshot

        return Snapshot(self, as_date(on))

    def relations(self, *, on: DateLike | None = None) -> Iterator[Relation]:
        """The typed edges between entities (member of, part of, holds, chairs, ...)."""
        day = None if on is None else as_date(on)
        for entity in self._entities.values():
            for relation in query.relations_of(entity):
                if day is None or relation.period.contains(day):
                    yield relation

    def graph(self) -> nx.MultiDiGraph[str]:
        """A networkx ``MultiDiGraph`` of entities and relations, built on first use.

        Nodes are the ids of every entity that is not itself a relation
        (memberships, tenures and changes become edges); node attributes are
        ``tag``, ``name`` and ``kind``; every edge has ``kind``, ``start``,
        ``end`` and ``via`` (the id of the entity that states it).
        """
        if self._graph is None:
            from ._graph import build_graph

            self._graph = build_graph(self)
        return self._graph
