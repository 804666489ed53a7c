"""A cooperation on a map on one day: its members' shapes, its groups' unions, and what is not drawn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from attrs import frozen
from shapely.geometry.base import BaseGeometry

import waterketen as wk
import waterketen.typing

from ._shapes import Missing, Shape, _day, shapes_on, union


__all__ = ["Group", "Member", "RegionMap", "map_days", "region_map", "region_maps"]


@frozen(kw_only=True)
class Member:
    """A drawn partner: its shape, and the cluster it was in that day."""

    shape: Shape
    cluster: wk.Cluster | wk.typing.Unknown | None
    """The cluster; ``None`` when surely in none; ``UNKNOWN`` when the data cannot say."""

    @property
    def organisation(self) -> wk.Organisation:
        """The partner."""
        return self.shape.organisation

    @property
    def cluster_status(self) -> str:
        """``known``, ``none`` or ``unknown``."""
        if self.cluster is None:
            return "none"
        return "unknown" if isinstance(self.cluster, wk.typing.Unknown) else "known"

    @property
    def cluster_id(self) -> str | None:
        """The cluster's id, when known."""
        return self.cluster.id if isinstance(self.cluster, wk.Cluster) else None

    @property
    def cluster_name(self) -> str | None:
        """The cluster's name, when known (some clusters have no known name)."""
        return self.cluster.name if isinstance(self.cluster, wk.Cluster) else None


@frozen(kw_only=True)
class Group:
    """A cluster or the cooperation: the union of its drawn members' shapes."""

    entity: wk.Cluster | wk.Cooperation
    members: tuple[str, ...]
    """Every partner member that day (drawn or not)."""
    drawn: tuple[str, ...]
    """The members whose shape is known."""
    geometry: BaseGeometry | None
    """The union of the drawn members' shapes; ``None`` when none is drawn."""

    @property
    def kind(self) -> str:
        """``cluster`` or ``cooperation``."""
        return self.entity.tag

    @property
    def complete(self) -> bool:
        """Whether the shape covers the whole group: every member drawn, and the members all known."""
        known = not isinstance(self.entity, wk.Cluster) or self.entity.members_known
        return known and self.members == self.drawn and bool(self.members)


@frozen(kw_only=True)
class RegionMap:
    """One cooperation on one day."""

    cooperation: wk.Cooperation
    day: date
    members: tuple[Member, ...]
    clusters: tuple[Group, ...]
    region: Group
    partners: tuple[wk.Organisation, ...]
    """Every partner that day, drawn or not."""
    missing: tuple[Missing, ...]
    """The partners not drawn, each with the reason."""

    @property
    def groups(self) -> tuple[Group, ...]:
        """The clusters, then the cooperation."""
        return (*self.clusters, self.region)

    def signature(self) -> tuple[object, ...]:
        """What the map shows: each drawn member with its cluster and shape's source, and the missing."""
        return (
            tuple((m.organisation.id, m.cluster_status, m.cluster_id, m.shape.source) for m in self.members),
            tuple(m.organisation.id for m in self.missing),
        )


def region_map(net: wk.Network, cooperation: str | None = None, *, on: wk.typing.DateLike) -> RegionMap:
    """One cooperation on a map on a day.

    Examples:
        >>> m = region_map(wk.load(), on="2016-01-01")
        >>> len(m.members), len(m.clusters), [o.organisation.id for o in m.missing]
        (27, 7, ['noorderzijlvest', 'hunze-en-aas', 'waterbedrijf-groningen', 'wmd'])
    """
    day = _day(on)
    coop = net.cooperation(cooperation)
    partners = net.partners(coop.id, on=day)
    found = shapes_on(net, [p.id for p in partners], day)
    members: list[Member] = []
    missing: list[Missing] = []
    for item in found:
        if isinstance(item, Shape):
            members.append(Member(shape=item, cluster=_cluster_in(net, coop.id, item.organisation.id, day)))
        else:
            missing.append(item)
    shapes = {m.organisation.id: m.shape.geometry for m in members}

    def group(entity: wk.Cluster | wk.Cooperation, ids: Iterable[str]) -> Group:
        ids = tuple(ids)
        drawn = tuple(i for i in ids if i in shapes)
        geometry = union([shapes[i] for i in drawn]) if drawn else None
        return Group(entity=entity, members=ids, drawn=drawn, geometry=geometry)

    clusters = tuple(
        group(c, (p.id for p in net.partners(coop.id, on=day, cluster=c.id)))
        for c in net.clusters(coop.id, on=day)
    )
    return RegionMap(
        cooperation=coop,
        day=day,
        members=tuple(members),
        clusters=clusters,
        region=group(coop, (p.id for p in partners)),
        partners=partners,
        missing=tuple(missing),
    )


def _cluster_in(
    net: wk.Network, cooperation: str, organisation: str, day: date
) -> wk.Cluster | wk.typing.Unknown | None:
    """The organisation's cluster in this cooperation (it may be in clusters of other regions too)."""
    try:
        return net.cluster_of(organisation, on=day)
    except wk.AmbiguityError:
        ours = [
            g
            for g in net.groups(organisation, on=day)
            if isinstance(g, wk.Cluster) and g.cooperation == cooperation
        ]
        return ours[0] if len(ours) == 1 else wk.UNKNOWN


def region_maps(
    net: wk.Network, cooperation: str | None = None, *, on: wk.typing.DateLike
) -> list[RegionMap]:
    """The map of one cooperation, or of every cooperation of the network when none is named."""
    if cooperation is not None:
        return [region_map(net, cooperation, on=on)]
    return [region_map(net, c.id, on=on) for c in net.entities(wk.Cooperation)]


def _bound_days(period: wk.Period) -> Iterable[date]:
    for day in (period.earliest_start, period.latest_start, period.earliest_end, period.latest_end):
        if date.min < day < date.max:
            yield day


def map_days(net: wk.Network, cooperation: str | None = None) -> list[date]:
    """The days on which the cooperation's map changes, from its first day with partners.

    A day is kept when what the map shows (who is drawn, in which cluster,
    from which boundaries, and who is not) differs from the day before it in
    the list. Candidates are the bounds of the cooperation's memberships, of
    its clusters and of its partners, the days of their changes, and the
    days of the boundary files.

    Examples:
        >>> print(*map_days(wk.load()))
        2014-12-31 2017-01-01 2018-01-01 2019-01-01 2020-01-01 2020-12-31 2021-01-01 2025-01-01

        The partners of "end 2014" are surely partners from the last day of
        2014; in 2020 the clusters of 2014 have ended and those of 2020 are
        surely there only from its last day.
    """
    from ._boundaries import boundary_files

    coop = net.cooperation(cooperation)
    candidates: set[date] = {f.day for f in boundary_files()}
    clusters = net.clusters(coop.id)
    partners: dict[str, wk.Organisation] = {}
    groups: list[wk.Cooperation | wk.Cluster] = [coop, *clusters]
    for group in groups:
        candidates.update(_bound_days(group.period))
        for entity in net.members(group.id):
            if isinstance(entity, wk.Organisation):
                partners[entity.id] = entity
        for membership in net.memberships(group.id):
            candidates.update(_bound_days(membership.period))
    for partner in partners.values():
        candidates.update(_bound_days(partner.period))
        for change in net.changes(partner.id):
            candidates.update(_bound_days(wk.Period(start=change.date)))
    days: list[date] = []
    last: Sequence[object] | None = None
    for day in sorted(candidates):
        if not net.partners(coop.id, on=day):
            continue
        shown = region_map(net, coop.id, on=day).signature()
        if shown != last:
            days.append(day)
            last = shown
    return days
