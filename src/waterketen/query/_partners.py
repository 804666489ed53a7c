"""Questions of membership: the cooperation, its partners and clusters, members and groups.

Functions take the network first and return plain values (networkx's habit);
:class:`~waterketen.Network` offers each as a method.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .._index import every
from .._time import UNKNOWN, DateLike, Unknown, as_date
from ..errors import ON_A_DAY, AmbiguityError, CooperationNotNamedError, UnknownEntityError
from ..model import Body, Cluster, Cooperation, Entity, Membership, Organisation, OrgKind
from ._refs import entity_id, existing


if TYPE_CHECKING:
    from ..network import Network

__all__ = [
    "cluster_of",
    "clusters",
    "cooperation",
    "groups",
    "members",
    "memberships",
    "partners",
]


def cooperation(network: Network, cooperation: str | None = None) -> Cooperation:
    """The cooperation with that id or name, or the only one when none is named.

    A name is matched as :meth:`~waterketen.Network.find` matches it (no case,
    accents or punctuation); an unknown one is told with the names it may mean.

    Raises:
        UnknownEntityError: no cooperation has that id or name.
        CooperationNotNamedError: none is named and the network has not exactly one.

    Examples:
        >>> wk.load().cooperation().name
        'Groningen & Noord-Drenthe'
        >>> wk.load().cooperation("groningen en noord drenthe").id
        'groningen-noord-drenthe'
    """
    if cooperation is not None:
        if cooperation in network and isinstance(network[cooperation], Cooperation):
            return network.get(cooperation, Cooperation)
        return network.get(_by_name(network, cooperation), Cooperation)
    ids = network.index.by_tag.get(Cooperation.tag, [])
    if len(ids) != 1:
        raise CooperationNotNamedError(ids)
    return network.get(ids[0], Cooperation)


def _by_name(network: Network, name: str) -> str:
    """The id of the one cooperation called ``name``: by its name after normalising, else by whole
    words of its name (``Rivierenland`` for ``Netwerk Waterketen regio Rivierenland``)."""
    from .._resolving import find, unknown
    from ._names import names_of, normalise_name

    found = list(find(network, name, kind=Cooperation, exact=True))
    if not found:
        words = normalise_name(name).split()
        found = [
            e
            for e in network.entities(Cooperation)
            if words and any(_has_run(normalise_name(n).split(), words) for n in names_of(e))
        ]
    if len(found) == 1:
        return found[0].id
    if found:
        ids = ", ".join(e.id for e in found)
        raise AmbiguityError(f"{name!r} names {len(found)} cooperations ({ids}); give an id")
    message = f"no cooperation has the id or name {name!r}"
    near = _near(network, normalise_name(name))
    if near:
        raise UnknownEntityError(f"{message}; did you mean {' or '.join(near)}?")
    raise unknown(network, message, name, (Cooperation,))


def _near(network: Network, text: str) -> list[str]:
    """The cooperations with a run of words like ``text`` (a misspelt ``Rivierenland``), best first."""
    import difflib

    from ._names import names_of, normalise_name

    size = len(text.split())
    scored: dict[str, tuple[float, str]] = {}
    for coop in network.entities(Cooperation):
        for name in names_of(coop):
            words = normalise_name(name).split()
            for i in range(len(words) - size + 1):
                ratio = difflib.SequenceMatcher(None, text, " ".join(words[i : i + size])).ratio()
                if ratio >= 0.8 and ratio > scored.get(coop.id, (0.0, ""))[0]:
                    scored[coop.id] = (ratio, name)
    best = sorted(scored.items(), key=lambda item: -item[1][0])[:3]
    return [f"{name} ({coop_id})" for coop_id, (_, name) in best]


def _has_run(words: list[str], run: list[str]) -> bool:
    return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))


def partners(
    network: Network,
    cooperation_id: str | None = None,
    *,
    on: DateLike | None = None,
    kind: OrgKind | None = None,
    cluster: str | None = None,
) -> tuple[Organisation, ...]:
    """The partner organisations of a cooperation.

    Args:
        network: the network to ask.
        cooperation_id: the cooperation's id; may be left out when the network has one.
        on: only partners on that day.
        kind: only partners of that kind.
        cluster: only partners that are members of that cluster (on that day).

    Raises:
        NotInPeriodError: the cluster surely did not exist that day.

    Examples:
        >>> [o.name for o in wk.query.partners(wk.load(), on="2016-01-01", cluster="gnd-dal")]
        ['Delfzijl', 'Appingedam', 'Loppersum']
    """
    coop = cooperation(network, cooperation_id)
    group = coop.id if cluster is None else network.get(cluster, Cluster).id
    if cluster is not None:
        existing(network, group, on)  # the partners of a cluster that had ended are no empty list
    day = None if on is None else as_date(on)
    found = _members(network, group, day)
    if cluster is not None:
        partner_ids = {o.id for o in _members(network, coop.id, day)}
        found = tuple(m for m in found if m.id in partner_ids)
    return tuple(o for o in found if isinstance(o, Organisation) and (kind is None or o.kind is kind))


def clusters(
    network: Network, cooperation_id: str | None = None, *, on: DateLike | None = None
) -> tuple[Cluster, ...]:
    """The clusters of a cooperation.

    Examples:
        >>> len(wk.query.clusters(wk.load(), on="2016-01-01"))
        7
    """
    coop = cooperation(network, cooperation_id)
    children = (network[i] for i in every(network.index.children, coop.id))
    return tuple(e for e in network.valid(children, on) if isinstance(e, Cluster))


def cluster_of(
    network: Network, organisation: str, *, on: DateLike | None = None
) -> Cluster | Unknown | None:
    """The cluster the organisation is a member of on a day.

    Args:
        network: the network to ask.
        organisation: the organisation's id, or a name that names one.
        on: the day; ``None`` asks over all time.

    Returns:
        The cluster; ``None`` when it is surely in none; :data:`~waterketen.UNKNOWN`
        when the data cannot say (a membership that day is uncertain, or
        a cluster of its cooperation that day does not list all members).

    Raises:
        UnknownEntityError: no organisation has that id or name.
        NotInPeriodError: the organisation surely did not exist that day.
        AmbiguityError: it is in several clusters on that day (or over
            all time, when no day is given), or the name names several.

    Examples:
        >>> net = wk.load()
        >>> net.cluster_of("bedum", on="2016-01-01").name
        'BMWE'
        >>> net.cluster_of("Bedum", on="2014-06-01")
        UNKNOWN
    """
    organisation = entity_id(network, organisation, Organisation, on=on)
    day = existing(network, organisation, on)
    found = {g.id: g for g in _groups(network, organisation, day) if isinstance(g, Cluster)}
    if len(found) > 1:
        raise AmbiguityError(
            f"{organisation!r} is in clusters {', '.join(found)}", hint=None if day is not None else ON_A_DAY
        )
    if found or day is None:
        return next(iter(found.values()), None)
    for membership in every(network.index.groups_of, organisation):
        group = network[membership.group]
        if (
            isinstance(group, Cluster)
            and membership.period.may_contain(day)
            and group.period.may_contain(day)
        ):
            return UNKNOWN
    for coop in _groups(network, organisation, day):
        if isinstance(coop, Cooperation) and any(
            not c.members_known for c in clusters(network, coop.id, on=day)
        ):
            return UNKNOWN
    return None


def members(network: Network, group: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
    """The members of a cooperation, cluster or body (its id, or a name that names one).

    Raises:
        UnknownEntityError: no group has that id or name.
        NotInPeriodError: the group surely did not exist that day.

    Examples:
        >>> [m.name for m in wk.load().members("gnd-dal", on="2016-01-01")]
        ['Delfzijl', 'Appingedam', 'Loppersum']
        >>> len(wk.load().members("Cluster GHT", on="2016-01-01"))
        3
    """
    group = entity_id(network, group, (Cooperation, Cluster, Body), on=on)
    return _members(network, group, existing(network, group, on))


def memberships(network: Network, entity_id: str, *, on: DateLike | None = None) -> tuple[Membership, ...]:
    """The memberships in which ``entity_id`` is the member or the group."""
    index = network.index
    both = [*every(index.groups_of, entity_id), *every(index.members_of, entity_id)]
    return tuple(network.valid(both, on))


def groups(network: Network, member: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
    """The cooperations, clusters and bodies ``member`` (an id, or a name) belongs to.

    Examples:
        >>> [g.name for g in wk.load().groups("Bedum", on="2016-01-01")]
        ['Groningen & Noord-Drenthe', 'BMWE']
    """
    member = entity_id(network, member, on=on)
    return _groups(network, member, None if on is None else as_date(on))


def _groups(network: Network, member: str, day: date | None) -> tuple[Entity, ...]:
    """The groups of ``member`` (an id) on ``day`` (over all time for ``None``)."""
    if day is None:
        return tuple([network[m.group] for m in every(network.index.groups_of, member)])
    entities = network.index.entities
    return tuple(
        [
            entities.get(m.group) or network[m.group]  # network[] tells an unknown id
            for m in network.index.memberships_of(member, day, group_exists=True)
        ]
    )


def _members(network: Network, group: str, day: date | None) -> tuple[Entity, ...]:
    """The members of ``group`` (an id) on ``day`` (over all time for ``None``), each once."""
    out: dict[str, Entity] = {}
    if day is None:
        for membership in every(network.index.members_of, group):
            member = network[membership.member]
            out.setdefault(member.id, member)
        return tuple(out.values())
    entities = network.index.entities
    for membership in network.index.memberships_in(group, day, member_exists=True):
        member = entities.get(membership.member) or network[membership.member]  # network[]: see _groups
        out.setdefault(member.id, member)
    return tuple(out.values())
