"""The Network: the entity store, its indexes and the questions it answers.

A :class:`Network` holds entities by id and keeps indexes for the common
questions, built once when the network is made (the index of names on the first
search by name). It does no I/O. A networkx
``MultiDiGraph`` view is built on the first call of :meth:`Network.graph`.

Every question that depends on time takes ``on``: a day (a
:class:`~datetime.date` or ISO text). Without it, the question is asked over
all time. :meth:`Network.at` gives a :class:`Snapshot`, the network as of one
day, which answers the same questions without repeating the day.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import frozen

from . import _display, _history
from ._history import Diff, Event, Succession
from ._relations import Relation, relations_of
from ._time import UNKNOWN, Certainty, DateLike, Period, Unknown, as_date
from .errors import AmbiguityError, UnknownEntityError
from .model import (
    Agreement,
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
    Role,
    Spearhead,
    Tenure,
    a,
)


if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from . import checks
    from .load import LoadReport

__all__ = ["Network", "Seat", "Snapshot", "normalise_name"]

E = TypeVar("E", bound=Entity)

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise_name(name: str) -> str:
    """The form of a name used to look it up: no case, accents or punctuation.

    Examples:
        >>> normalise_name("Hunze en Aa’s")
        'hunze en aas'
        >>> normalise_name("  Groningen &  Noord-Drenthe ")
        'groningen noord drenthe'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", bare)).strip()


def period_of(entity: Entity) -> Period:
    """The validity of an entity (a change is valid from its date on)."""
    if isinstance(entity, Change):
        return Period(start=entity.date)
    return entity.period


@frozen(kw_only=True)
class Seat:
    """A post with a duty in a body: its role, whom it represents, who holds it."""

    post: Post
    role: Role
    represents: Entity | None
    holders: tuple[Entity, ...]


class Network:
    """The entities of one or more cooperations, indexed for the common questions.

    Examples:
        >>> net = wk.load()
        >>> len(net.partners(on="2016-01-01"))
        31
        >>> net.cluster_of("bedum", on="2016-01-01").name
        'BMWE'
    """

    __slots__ = (
        "_by_identifier",
        "_by_tag",
        "_changes_of",
        "_children",
        "_entities",
        "_graph",
        "_groups_of",
        "_members_of",
        "_name_index",
        "_origin_source",
        "_origins",
        "_posts_of_body",
        "_tenures_of_holder",
        "_tenures_of_post",
        "report",
    )

    def __init__(
        self,
        entities: Iterable[Entity] = (),
        *,
        report: LoadReport | None = None,
        origins: Mapping[str, tuple[Provenance, ...]] | None = None,
    ) -> None:
        store: dict[str, Entity] = {}
        for entity in entities:
            if entity.id in store:
                raise AmbiguityError(f"two entities have the id {entity.id!r}")
            store[entity.id] = entity
        self._setup(store, report)
        self._origins: dict[str, Any] = {
            k: v[0] if len(v) == 1 else tuple(v) for k, v in (origins or {}).items()
        }
        self._origin_source: str | None = None

    @classmethod
    def _adopt(cls, store: dict[str, Entity]) -> Network:
        """A network that takes over ``store`` (ids to entities, each id once), without a copy."""
        network = cls.__new__(cls)
        network._setup(store, None)
        network._origins = {}
        network._origin_source = None
        return network

    def _setup(self, store: dict[str, Entity], report: LoadReport | None) -> None:
        self._entities = store
        self.report = report
        """The report of the load that made this network, if a load made it."""
        self._graph: nx.MultiDiGraph[str] | None = None
        self._name_index: Any = None
        """The index of names and codes of :mod:`waterketen.resolution`, built on first use."""
        self._build_indexes()

    # The indexes map a key to one value or, only when there are several, to a
    # tuple of them (most keys have one: a list each would cost more than the
    # entities). _put adds to them (a list while building), _all reads them.

    def _build_indexes(self) -> None:
        by_tag: dict[str, list[str]] = {}
        by_identifier: dict[str, dict[str, Any]] = {}
        members_of: dict[str, Any] = {}
        groups_of: dict[str, Any] = {}
        tenures_of_post: dict[str, Any] = {}
        tenures_of_holder: dict[str, Any] = {}
        posts_of_body: dict[str, Any] = {}
        children: dict[str, Any] = {}
        changes_of: dict[str, Any] = {}
        entities = self._entities
        for entity_id, entity in entities.items():
            tagged = by_tag.get(entity.tag)
            if tagged is None:
                by_tag[entity.tag] = [entity_id]
            else:
                tagged.append(entity_id)

        def each(tag: str) -> list[Any]:
            return [entities[i] for i in by_tag.get(tag, ())]

        # One pass per kind: no dispatch per entity. Within each kind (and so
        # within each index key) entities keep the order of the store.
        for membership in each(Membership.tag):
            _put(members_of, membership.group, membership)
            _put(groups_of, membership.member, membership)
        for tenure in each(Tenure.tag):
            _put(tenures_of_post, tenure.post, tenure)
            _put(tenures_of_holder, tenure.holder, tenure)
        for change in each(Change.tag):
            for part in (*change.before, *change.after):
                _put(changes_of, part.id, change)
        for organisation in each(Organisation.tag):
            for identifier in organisation.identifiers:
                scheme = by_identifier.get(identifier.scheme)
                if scheme is None:
                    scheme = by_identifier[identifier.scheme] = {}
                _put(scheme, identifier.value, organisation.id)
        for cluster in each(Cluster.tag):
            _put(children, cluster.cooperation, cluster.id)
        for body in each(Body.tag):
            _put(children, body.cluster or body.cooperation, body.id)
        for post in each(Post.tag):
            _put(children, post.cooperation, post.id)
            for duty in post.duties:
                _put(posts_of_body, duty.body, post)
        for other in (*each(Agreement.tag), *each(Spearhead.tag)):
            _put(children, other.cooperation, other.id)
        for index in (
            members_of,
            groups_of,
            tenures_of_post,
            tenures_of_holder,
            posts_of_body,
            children,
            changes_of,
        ):
            _freeze(index)
        for scheme in by_identifier.values():
            _freeze(scheme)
        self._by_tag = by_tag
        self._by_identifier = by_identifier
        self._members_of = members_of
        self._groups_of = groups_of
        self._tenures_of_post = tenures_of_post
        self._tenures_of_holder = tenures_of_holder
        self._posts_of_body = posts_of_body
        self._children = children
        self._changes_of = changes_of

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
            from .resolution import unknown

            raise unknown(self, f"no entity has the id {entity_id!r}", entity_id) from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return self._entities == other._entities

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return _display.network_repr(self)

    def _repr_html_(self) -> str:
        return _display.network_html(self)

    def get(self, entity_id: str, kind: type[E]) -> E:
        """The entity with ``entity_id``, which must be of class ``kind``.

        Raises:
            UnknownEntityError: no entity of that class has that id.

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
        found = (self._entities[i] for i in self._by_tag.get(kind.tag, ()))
        return tuple(e for e in self._valid(found, on) if isinstance(e, kind))

    def origin(self, entity_id: str) -> tuple[Provenance, ...]:
        """Where the load found the entity: each source and place that gave it.

        This is the place in the loaded files; the entity's own
        ``provenance`` is where its facts come from, as the data states it.
        """
        self[entity_id]
        found = self._origins.get(entity_id, ())
        if type(found) is str:  # a locator in the network's first source (see load)
            return (Provenance(source=self._origin_source or "", locator=found),)
        return found if isinstance(found, tuple) else (found,)

    def certainty(self, entity_id: str, on: DateLike) -> Certainty:
        """Whether the entity is valid on a day: yes, no, or uncertain at its precision."""
        return period_of(self[entity_id]).certainty(as_date(on))

    # -- finding -----------------------------------------------------------------------

    def lookup(self, scheme: str, value: str, *, on: DateLike | None = None) -> Organisation | None:
        """The organisation with identifier ``scheme:value`` (valid ``on``, when given).

        Raises:
            AmbiguityError: several organisations share the code and no day
                tells them apart.

        Examples:
            >>> wk.load().lookup("cbs", "GM0005").name
            'Bedum'
        """
        ids = _all(self._by_identifier.get(scheme, {}), value)
        found = self._valid((self._entities[i] for i in ids), on)
        orgs = [e for e in found if isinstance(e, Organisation)]
        if len(orgs) > 1:
            names = ", ".join(f"{o.id} {o.period}" for o in orgs)
            raise AmbiguityError(f"{scheme}:{value} denotes {names}; pass on=<a day> to choose")
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
            >>> [e.id for e in net.find("hunze en aa's")]
            ['hunze-en-aas', 'gnd-regiegroep-hunze-en-aas']
            >>> [e.id for e in net.find("hunze en aa's", exact=True)]
            ['hunze-en-aas']
            >>> [e.name for e in net.find("Bedm")]
            ['Bedum']
        """
        from .resolution import find

        return find(self, name, kind=kind, on=on, exact=exact)

    # -- the cooperation -----------------------------------------------------------------

    def cooperation(self, cooperation: str | None = None) -> Cooperation:
        """The cooperation with that id, or the only one when no id is given.

        Raises:
            AmbiguityError: no id is given and the network has not exactly one.
        """
        if cooperation is not None:
            return self.get(cooperation, Cooperation)
        ids = self._by_tag.get("cooperation", [])
        if len(ids) != 1:
            raise AmbiguityError(f"the network has {len(ids)} cooperations; name one of {ids}")
        return self.get(ids[0], Cooperation)

    def partners(
        self,
        cooperation: str | None = None,
        *,
        on: DateLike | None = None,
        kind: OrgKind | None = None,
        cluster: str | None = None,
    ) -> tuple[Organisation, ...]:
        """The partner organisations of a cooperation.

        Args:
            cooperation: the cooperation's id; may be left out when the network has one.
            on: only partners on that day.
            kind: only partners of that kind.
            cluster: only partners that are members of that cluster (on that day).

        Examples:
            >>> net = wk.load()
            >>> len(net.partners(on="2016-01-01", kind=wk.OrgKind.WATER_BOARD))
            2
            >>> [o.name for o in net.partners(on="2016-01-01", cluster="gnd-dal")]
            ['Delfzijl', 'Appingedam', 'Loppersum']
        """
        coop = self.cooperation(cooperation)
        group = coop.id if cluster is None else self.get(cluster, Cluster).id
        members = self._members(group, on)
        if cluster is not None:
            partner_ids = {o.id for o in self._members(coop.id, on)}
            members = tuple(m for m in members if m.id in partner_ids)
        return tuple(o for o in members if isinstance(o, Organisation) and (kind is None or o.kind is kind))

    def clusters(self, cooperation: str | None = None, *, on: DateLike | None = None) -> tuple[Cluster, ...]:
        """The clusters of a cooperation."""
        coop = self.cooperation(cooperation)
        found = self._valid((self._entities[i] for i in _all(self._children, coop.id)), on)
        return tuple(e for e in found if isinstance(e, Cluster))

    def cluster_of(self, organisation: str, *, on: DateLike | None = None) -> Cluster | Unknown | None:
        """The cluster the organisation is a member of on a day.

        Returns:
            The cluster; ``None`` when it is surely in none; :data:`UNKNOWN`
            when the data cannot say (a membership that day is uncertain, or
            a cluster of its cooperation that day does not list all members).

        Raises:
            AmbiguityError: it is in several clusters on that day (or over
                all time, when no day is given).

        Examples:
            >>> net = wk.load()
            >>> net.cluster_of("bedum", on="2016-01-01").name
            'BMWE'
            >>> net.cluster_of("bedum", on="2014-06-01")
            UNKNOWN
        """
        found = {g.id: g for g in self.groups(organisation, on=on) if isinstance(g, Cluster)}
        if len(found) > 1:
            raise AmbiguityError(
                f"{organisation!r} is in clusters {', '.join(found)}"
                + ("" if on is not None else "; pass on=<a day>")
            )
        if found or on is None:
            return next(iter(found.values()), None)
        day = as_date(on)
        for membership in _all(self._groups_of, organisation):
            group = self._entities[membership.group]
            if (
                isinstance(group, Cluster)
                and membership.period.may_contain(day)
                and group.period.may_contain(day)
            ):
                return UNKNOWN
        for coop in self.groups(organisation, on=day):
            if isinstance(coop, Cooperation) and any(
                not c.members_known for c in self.clusters(coop.id, on=day)
            ):
                return UNKNOWN
        return None

    def members(self, group: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
        """The members of a cooperation, cluster or body."""
        if group not in self._entities:
            self[group]  # raises the error that names it
        return self._members(group, on)

    def memberships(self, entity_id: str, *, on: DateLike | None = None) -> tuple[Membership, ...]:
        """The memberships in which ``entity_id`` is the member or the group."""
        both = [*_all(self._groups_of, entity_id), *_all(self._members_of, entity_id)]
        return tuple(self._valid(both, on))

    def groups(self, member: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
        """The cooperations, clusters and bodies ``member`` belongs to."""
        self[member]
        entities = self._entities
        if on is None:
            return tuple(entities[m.group] for m in _all(self._groups_of, member))
        day = as_date(on)
        return tuple(
            group
            for m in _all(self._groups_of, member)
            if m.period.contains(day) and period_of(group := entities[m.group]).contains(day)
        )

    # -- governance -------------------------------------------------------------------------

    def bodies(
        self, cooperation: str | None = None, *, on: DateLike | None = None, kind: BodyKind | None = None
    ) -> tuple[Body, ...]:
        """The governance bodies of a cooperation, its clusters' water teams included."""
        coop = self.cooperation(cooperation)
        found = self.entities(Body, on=on)
        return tuple(b for b in found if b.cooperation == coop.id and (kind is None or b.kind is kind))

    def posts(self, body: str | None = None, *, on: DateLike | None = None) -> tuple[Post, ...]:
        """The posts with a duty in ``body``; without a body, every post."""
        if body is None:
            return self.entities(Post, on=on)
        self.get(body, Body)
        return tuple(self._valid(dict.fromkeys(_all(self._posts_of_body, body)), on))

    def duties(self, post: str, *, on: DateLike | None = None) -> tuple[Duty, ...]:
        """The duties of ``post`` in the bodies that exist (on that day, when given).

        Examples:
            >>> net = wk.load()
            >>> [(d.role.value, net[d.body].name) for d in net.duties("gnd-waterregisseur", on="2016-01-01")]
            [('secretary', 'Regiegroep'), ('chair', 'Clustercoördinatorenoverleg')]
        """
        return tuple(d for d in self.get(post, Post).duties if self._valid_one(self._entities[d.body], on))

    def holders(self, post: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
        """Who holds ``post`` (persons or organisations)."""
        self.get(post, Post)
        return tuple(self._entities[t.holder] for t in self._valid(_all(self._tenures_of_post, post), on))

    def tenures(self, entity_id: str, *, on: DateLike | None = None) -> tuple[Tenure, ...]:
        """The tenures of a post or of a holder."""
        both = [*_all(self._tenures_of_post, entity_id), *_all(self._tenures_of_holder, entity_id)]
        return tuple(self._valid(both, on))

    def seats(self, body: str, *, on: DateLike | None = None) -> tuple[Seat, ...]:
        """Who represents what in ``body``: each post with a duty there.

        Examples:
            >>> seats = wk.load().seats("gnd-regiegroep", on="2016-01-01")
            >>> len([s for s in seats if s.role is wk.Role.MEMBER])
            11
        """
        out = []
        for post in self.posts(body, on=on):
            represents = self._entities.get(post.represents) if post.represents else None
            for duty in post.duties:
                if duty.body == body:
                    out.append(
                        Seat(
                            post=post,
                            role=duty.role,
                            represents=represents,
                            holders=self.holders(post.id, on=on),
                        )
                    )
        return tuple(out)

    def changes(self, organisation: str | None = None, *, on: DateLike | None = None) -> tuple[Change, ...]:
        """The change events (of one organisation, when given), in date order."""
        found = self.entities(Change) if organisation is None else _all(self._changes_of, organisation)
        day = None if on is None else as_date(on)
        return tuple(
            sorted(
                (c for c in found if day is None or period_of(c).earliest_start <= day),
                key=lambda c: period_of(c).earliest_start,
            )
        )

    # -- history ------------------------------------------------------------------------------

    def successors(
        self, organisation: str, *, on: DateLike | None = None, transitive: bool = False
    ) -> tuple[Succession, ...]:
        """See :func:`waterketen._history.successors`."""
        return _history.successors(self, organisation, on=on, transitive=transitive)

    def predecessors(
        self, organisation: str, *, on: DateLike | None = None, transitive: bool = False
    ) -> tuple[Succession, ...]:
        """See :func:`waterketen._history.predecessors`."""
        return _history.predecessors(self, organisation, on=on, transitive=transitive)

    def timeline(self, entity_id: str) -> tuple[Event, ...]:
        """See :func:`waterketen._history.timeline`."""
        return _history.timeline(self, entity_id)

    def diff(self, start: DateLike, end: DateLike) -> Diff:
        """See :func:`waterketen._history.diff`."""
        return _history.diff(self, start, end)

    def check(
        self,
        *,
        on: DateLike | Iterable[DateLike] | None = None,
        rules: Iterable[str] | None = None,
        disable: Iterable[str] = (),
    ) -> checks.CheckReport:
        """Run the domain rules (built-in and from plugins) on the network.

        See :func:`waterketen.checks.run_checks`.

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
        return Snapshot(self, as_date(on))

    def relations(self, *, on: DateLike | None = None) -> Iterator[Relation]:
        """The typed edges between entities (member of, part of, holds, chairs, ...)."""
        day = None if on is None else as_date(on)
        for entity in self._entities.values():
            for relation in relations_of(entity):
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

    # -- helpers -------------------------------------------------------------------------------

    def _valid_one(self, entity: Entity, on: DateLike | None) -> bool:
        return on is None or period_of(entity).contains(as_date(on))

    def _valid(self, entities: Iterable[Any], on: DateLike | None) -> Iterator[Any]:
        if on is None:
            yield from entities
            return
        day = as_date(on)
        for entity in entities:
            period = entity.period if type(entity) is not Change else period_of(entity)
            if period.contains(day):
                yield entity

    def _members(self, group: str, on: DateLike | None) -> tuple[Entity, ...]:
        out: dict[str, Entity] = {}
        entities = self._entities
        if on is None:
            for membership in _all(self._members_of, group):
                member = entities[membership.member]
                out.setdefault(member.id, member)
            return tuple(out.values())
        day = as_date(on)
        for membership in _all(self._members_of, group):
            if membership.period.contains(day):
                member = entities[membership.member]
                if period_of(member).contains(day):
                    out.setdefault(member.id, member)
        return tuple(out.values())


def _freeze(index: dict[Any, Any]) -> None:
    """Turn the lists of an index into tuples, which are smaller, once it is built."""
    for key, found in index.items():
        if type(found) is list:
            index[key] = tuple(found)


def _put(index: dict[Any, Any], key: Any, value: Any) -> None:
    """Add ``value`` under ``key``: the value itself, or a list once there are several."""
    found = index.get(key)
    if found is None:
        index[key] = value
    elif type(found) is list:
        found.append(value)
    else:
        index[key] = [found, value]


def _all(index: dict[Any, Any], key: Any) -> list[Any] | tuple[Any, ...]:
    """Every value under ``key`` (see :func:`_put`)."""
    found = index.get(key)
    if found is None:
        return ()
    return found if type(found) is tuple or type(found) is list else (found,)


class Snapshot:
    """The network as of one day: the same questions, the day given once.

    A snapshot is a view of its network; iterating it yields the entities
    surely valid on its day.
    """

    __slots__ = ("day", "network")

    def __init__(self, network: Network, day: date) -> None:
        self.network = network
        self.day = day

    def __repr__(self) -> str:
        return _display.snapshot_repr(self)

    def _repr_html_(self) -> str:
        return _display.snapshot_html(self)

    def __iter__(self) -> Iterator[Entity]:
        return self.network._valid(self.network, self.day)

    def __contains__(self, entity_id: object) -> bool:
        return (
            isinstance(entity_id, str)
            and entity_id in self.network
            and self.network._valid_one(self.network[entity_id], self.day)
        )

    def uncertain(self) -> Iterator[Entity]:
        """The entities that may or may not be valid on the day, given imprecise dates."""
        for entity in self.network:
            if period_of(entity).certainty(self.day) is Certainty.UNCERTAIN:
                yield entity

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

    def bodies(self, cooperation: str | None = None, *, kind: BodyKind | None = None) -> tuple[Body, ...]:
        """See :meth:`Network.bodies`."""
        return self.network.bodies(cooperation, on=self.day, kind=kind)

    def posts(self, body: str | None = None) -> tuple[Post, ...]:
        """See :meth:`Network.posts`."""
        return self.network.posts(body, on=self.day)

    def holders(self, post: str) -> tuple[Entity, ...]:
        """See :meth:`Network.holders`."""
        return self.network.holders(post, on=self.day)

    def seats(self, body: str) -> tuple[Seat, ...]:
        """See :meth:`Network.seats`."""
        return self.network.seats(body, on=self.day)

    def successors(self, organisation: str, *, transitive: bool = False) -> tuple[Succession, ...]:
        """See :meth:`Network.successors`."""
        return self.network.successors(organisation, on=self.day, transitive=transitive)

    def predecessors(self, organisation: str, *, transitive: bool = False) -> tuple[Succession, ...]:
        """See :meth:`Network.predecessors`."""
        return self.network.predecessors(organisation, on=self.day, transitive=transitive)

    def lookup(self, scheme: str, value: str) -> Organisation | None:
        """See :meth:`Network.lookup`."""
        return self.network.lookup(scheme, value, on=self.day)

    def find(self, name: str, *, kind: type[E] | None = None, exact: bool = False) -> tuple[Entity, ...]:
        """See :meth:`Network.find`."""
        return self.network.find(name, kind=kind, on=self.day, exact=exact)

    def to_frame(self, what: str, *, cooperation: str | None = None) -> pd.DataFrame:
        """See :func:`waterketen.frames.to_frame`: the table as of the snapshot's day."""
        return self.network.to_frame(what, on=self.day, cooperation=cooperation)
