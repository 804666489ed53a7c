"""Questions of membership: the cooperation, its partners and clusters, members and groups.

Functions take the network first and return plain values (networkx's habit);
:class:`~waterketen.Network` offers each as a method.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._index import every
from .._time import UNKNOWN, DateLike, Unknown, as_date
from ..errors import AmbiguityError
from ..model import Cluster, Cooperation, Entity, Membership, Organisation, OrgKind, period_of


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["cluster_of", "clusters", "cooperation", "groups", "members", "memberships", "partners"]


def cooperation(network: Network, cooperation: str | None = None) -> Cooperation:
    """The cooperation with that id, or the only one when no id is given.

    Raises:
        AmbiguityError: no id is given and the network has not exactly one.

    Examples:
        >>> wk.load().cooperation().name
        'Groningen & Noord-Drenthe'
    """
    if cooperation is not None:
        return network.get(cooperation, Cooperation)
    ids = network.index.by_tag.get(Cooperation.tag, [])
    if len(ids) != 1:
        raise AmbiguityError(f"the network has {len(ids)} cooperations; name one of {ids}")
    return network.get(ids[0], Cooperation)


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

    Examples:
        >>> [o.name for o in wk.query.partners(wk.load(), on="2016-01-01", cluster="gnd-dal")]
        ['Delfzijl', 'Appingedam', 'Loppersum']
    """
    coop = cooperation(network, cooperation_id)
    group = coop.id if cluster is None else network.get(cluster, Cluster).id
    found = _members(network, group, on)
    if cluster is not None:
        partner_ids = {o.id for o in _members(network, coop.id, on)}
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

    Returns:
        The cluster; ``None`` when it is surely in none; :data:`~waterketen.UNKNOWN`
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
    found = {g.id: g for g in groups(network, organisation, on=on) if isinstance(g, Cluster)}
    if len(found) > 1:
        raise AmbiguityError(
            f"{organisation!r} is in clusters {', '.join(found)}"
            + ("" if on is not None else "; pass on=<a day>")
        )
    if found or on is None:
        return next(iter(found.values()), None)
    day = as_date(on)
    for membership in every(network.index.groups_of, organisation):
        group = network[membership.group]
        if (
            isinstance(group, Cluster)
            and membership.period.may_contain(day)
            and group.period.may_contain(day)
        ):
            return UNKNOWN
    for coop in groups(network, organisation, on=day):
        if isinstance(coop, Cooperation) and any(
            not c.members_known for c in clusters(network, coop.id, on=day)
        ):
            return UNKNOWN
    return None


def members(network: Network, group: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
    """The members of a cooperation, cluster or body.

    Examples:
        >>> [m.name for m in wk.load().members("gnd-dal", on="2016-01-01")]
        ['Delfzijl', 'Appingedam', 'Loppersum']
    """
    network[group]  # raises the error that names it
    return _members(network, group, on)


def memberships(network: Network, entity_id: str, *, on: DateLike | None = None) -> tuple[Membership, ...]:
    """The memberships in which ``entity_id`` is the member or the group."""
    index = network.index
    both = [*every(index.groups_of, entity_id), *every(index.members_of, entity_id)]
    return tuple(network.valid(both, on))


def groups(network: Network, member: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
    """The cooperations, clusters and bodies ``member`` belongs to.

    Examples:
        >>> [g.name for g in wk.load().groups("bedum", on="2016-01-01")]
        ['Groningen & Noord-Drenthe', 'BMWE']
    """
    network[member]
    if on is None:
        return tuple(network[m.group] for m in every(network.index.groups_of, member))
    day = as_date(on)
    return tuple(
        group
        for m in network.index.memberships_of(member, day)
        if period_of(group := network[m.group]).contains(day)
    )


def _members(network: Network, group: str, on: DateLike | None) -> tuple[Entity, ...]:
    out: dict[str, Entity] = {}
    if on is None:
        for membership in every(network.index.members_of, group):
            member = network[membership.member]
            out.setdefault(member.id, member)
        return tuple(out.values())
    day = as_date(on)
    for membership in network.index.memberships_in(group, day):
        member = network[membership.member]
        if period_of(member).contains(day):
            out.setdefault(member.id, member)
    return tuple(out.values())
