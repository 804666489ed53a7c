"""Where the drawing puts things: a column per cluster (or stand-alone partner), spread without overlaps."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from attrs import define, field, frozen

from ._time import Unknown
from .errors import AmbiguityError
from .model import Cluster, Cooperation, Organisation, OrgKind


if TYPE_CHECKING:
    from .network import Network

__all__ = ["DX", "DY", "LIST", "Column", "Place", "columns", "cooperation_x", "spread"]

# Layout, in data units: columns DX apart; rows of bodies, posts and the cooperation above the
# header row (y = 0) of clusters and stand-alone partners; members listed below, DY apart.
DX, DY = 1.8, 0.42
LIST = 7
"""Members listed under a column before the list of partners whose cluster is unknown is cut."""


@frozen
class Place:
    """A candidate place of a label: an offset in points from its anchor, and its alignment."""

    dx: float
    dy: float
    ha: Literal["left", "center", "right"]
    va: Literal["bottom", "center", "top"]


@define
class Column:
    """One column of the picture: a cluster with its members, a partner alone, or the unknown."""

    kind: str
    """``cluster``, ``partner`` or ``unknown``."""
    label: str
    entity: Cluster | Organisation | None
    members: list[Organisation] = field(factory=list)
    x: float = 0.0
    header: float | None = None
    """The x of the column's header marker, when it is drawn by another column (a long list)."""


def columns(network: Network, coop: Cooperation, day: date) -> list[Column]:
    """The columns in order: the clusters, the partners alone, the partners whose cluster is unknown."""
    columns: list[Column] = []
    placed: set[str] = set()
    for cluster in network.clusters(coop.id, on=day):
        members = list(network.partners(coop.id, on=day, cluster=cluster.id))
        placed.update(m.id for m in members)
        columns.append(
            Column(kind="cluster", label=cluster.name or "(name unknown)", entity=cluster, members=members)
        )
    unknown: list[Organisation] = []
    for partner in network.partners(coop.id, on=day):
        if partner.id in placed:
            continue
        try:
            found = network.cluster_of(partner.id, on=day)
        except AmbiguityError:  # pragma: no cover - placed under each of its clusters above
            continue
        if isinstance(found, Unknown) and _may_be_in_a_cluster(network, partner, day):
            unknown.append(partner)
        else:
            columns.append(Column(kind="partner", label=partner.name, entity=partner))
    longest = max((len(c.members) for c in columns), default=0)
    size = max(LIST, longest)
    chunks = [unknown[i : i + size] for i in range(0, len(unknown), size)]
    first = len(columns)
    for chunk in chunks:
        columns.append(Column(kind="unknown", label="cluster not known", entity=None, members=chunk))
    for i, column in enumerate(columns):
        column.x = i * DX
    if len(chunks) > 1:  # one header over the whole list
        middle = (columns[first].x + columns[-1].x) / 2
        for column in columns[first:]:
            column.header = middle
    return columns


def _may_be_in_a_cluster(network: Network, partner: Organisation, day: date) -> bool:
    """Whether the sources leave open that ``partner`` is in a cluster on the day.

    Clusters are of municipalities: a water board or a drinking-water company
    is in one only when a membership in a cluster may hold that day.
    """
    if partner.kind is OrgKind.MUNICIPALITY:
        return True
    return any(
        m.member == partner.id and isinstance(network[m.group], Cluster) and m.period.may_contain(day)
        for m in network.memberships(partner.id)
    )


def cooperation_x(body_x: dict[str, float], width: float) -> float:
    """The cooperation sits above the middle of its bodies (or of the picture, without bodies)."""
    xs = list(body_x.values())
    return sum(xs) / len(xs) if xs else (width - DX) / 2


def spread(wanted: dict[str, float], *, gap: float, low: float, high: float) -> dict[str, float]:
    """Positions near the wanted ones, at least ``gap`` apart, kept between low and high if they fit."""
    order = sorted(wanted, key=lambda k: wanted[k])
    placed: dict[str, float] = {}
    previous = None
    for key in order:
        x = max(wanted[key], low)
        if previous is not None:
            x = max(x, previous + gap)
        placed[key] = x
        previous = x
    overflow = (placed[order[-1]] - high) if order else 0.0
    if overflow > 0:
        for key in order:
            placed[key] = max(low, placed[key] - overflow)
        for i in range(1, len(order)):  # keep the gap after the shift
            placed[order[i]] = max(placed[order[i]], placed[order[i - 1]] + gap)
    return placed
