"""One row builder per question: the facts of each answer, typed, built once for every presenter.

The command's tables (the functions of :mod:`waterketen.answers`), the pandas
frames (:mod:`waterketen.frames`), the terminal summary
(``waterketen._render``) and the notebook's HTML (``waterketen._display``)
each take their rows from the builder of the question here and only format
them: which cluster a partner is in, which partners a cluster has, which
seats a body has and who holds a post are decided in one place, so the
presenters cannot drift apart.

Each builder takes the network, the entities the question selects (a query
of :mod:`waterketen.query` chooses them) and the day, and returns one row per
entity, in their order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import frozen

from .._time import DateLike, Unknown
from ..errors import AmbiguityError
from ..model import Body, Cluster, Duty, Entity, Membership, Organisation, Post, Role, Tenure


if TYPE_CHECKING:
    from ..network import Network
    from ..query import Seat

__all__ = [
    "BodyRow",
    "ClusterRow",
    "MembershipRow",
    "PartnerRow",
    "PostRow",
    "TenureRow",
    "body_rows",
    "cluster_rows",
    "membership_rows",
    "partner_rows",
    "post_rows",
    "seat_rows",
    "tenure_rows",
]


@frozen(kw_only=True)
class PartnerRow:
    """A partner organisation and the clusters it is in."""

    organisation: Organisation
    clusters: tuple[Cluster, ...]
    """Every cluster it is a member of (that day, or ever)."""
    cluster: Cluster | None
    """Its one cluster, when the data says it: ``None`` when in none or when not known."""
    cluster_known: bool
    """False when the data cannot say its cluster (an uncertain membership, a cluster that
    does not list its members), or it was in several over the time asked about."""


def partner_rows(
    network: Network, organisations: Iterable[Organisation], *, on: DateLike | None
) -> tuple[PartnerRow, ...]:
    """The rows of the question *partners*: each organisation with its clusters.

    Examples:
        >>> net = wk.load()
        >>> (row,) = partner_rows(net, [net["bedum"]], on="2016-01-01")
        >>> row.cluster.name, row.cluster_known, [c.id for c in row.clusters]
        ('BMWE', True, ['gnd-bmwe'])
    """
    rows = []
    for org in organisations:
        clusters = tuple(dict.fromkeys(g for g in network.groups(org.id, on=on) if isinstance(g, Cluster)))
        try:
            found = network.cluster_of(org.id, on=on)
        except AmbiguityError:
            found, known = None, False
        else:
            known = not isinstance(found, Unknown)
        cluster = found if isinstance(found, Cluster) else None
        rows.append(PartnerRow(organisation=org, clusters=clusters, cluster=cluster, cluster_known=known))
    return tuple(rows)


@frozen(kw_only=True)
class ClusterRow:
    """A cluster and the partners of its cooperation that are its members."""

    cluster: Cluster
    members: tuple[Organisation, ...]
    """Its members that are partners of its cooperation (that day, or ever)."""

    @property
    def members_known(self) -> bool:
        """False when the data does not list all its members: then ``members`` are those known."""
        return self.cluster.members_known


def cluster_rows(
    network: Network, clusters: Iterable[Cluster], *, on: DateLike | None
) -> tuple[ClusterRow, ...]:
    """The rows of the question *clusters*: each cluster with its members.

    Examples:
        >>> net = wk.load()
        >>> rows = cluster_rows(net, net.clusters(on="2016-01-01"), on="2016-01-01")
        >>> [(r.cluster.name, len(r.members)) for r in rows][:2]
        [('DAL', 3), ('BMWE', 4)]
    """
    partners: dict[str, set[str]] = {}  # the partners of each cooperation, asked once
    rows = []
    for cluster in clusters:
        if cluster.cooperation not in partners:
            partners[cluster.cooperation] = {o.id for o in network.partners(cluster.cooperation, on=on)}
        ids = partners[cluster.cooperation]
        members = tuple(
            m for m in network.members(cluster.id, on=on) if isinstance(m, Organisation) and m.id in ids
        )
        rows.append(ClusterRow(cluster=cluster, members=members))
    return tuple(rows)


def seat_rows(network: Network, body: str, *, on: DateLike | None) -> tuple[Seat, ...]:
    """The rows of the question *seats*: each duty of a post in the body, whom it represents, its holders.

    A body that does not surely exist on the day has none (see :func:`waterketen.query.seats`).
    """
    return network.seats(body, on=on)


@frozen(kw_only=True)
class BodyRow:
    """A governance body, its posts and its seats."""

    body: Body
    posts: tuple[Post, ...]
    """The posts with a duty in it."""
    seats: tuple[Seat, ...]
    """Each duty of a post in it (see :func:`seat_rows`)."""

    @property
    def member_seats(self) -> tuple[Seat, ...]:
        """The seats of its members (not its chair, secretary or lead)."""
        return tuple(s for s in self.seats if s.role is Role.MEMBER)

    @property
    def leading_seats(self) -> tuple[Seat, ...]:
        """The seats of its chair, secretary or lead."""
        return tuple(s for s in self.seats if s.role is not Role.MEMBER)


def body_rows(network: Network, bodies: Iterable[Body], *, on: DateLike | None) -> tuple[BodyRow, ...]:
    """The rows of the question *bodies*: each body with its posts and seats.

    Examples:
        >>> net = wk.load()
        >>> (row,) = body_rows(net, [net["gnd-regiegroep"]], on="2016-01-01")
        >>> row.body.seats, len(row.member_seats), [s.post.name for s in row.leading_seats]
        (11, 11, ['Waterregisseur'])
    """
    rows = []
    for body in bodies:
        seats = seat_rows(network, body.id, on=on)
        posts = tuple({s.post.id: s.post for s in seats}.values())  # as network.posts(body), asked once
        rows.append(BodyRow(body=body, posts=posts, seats=seats))
    return tuple(rows)


@frozen(kw_only=True)
class PostRow:
    """A post, its duties in the bodies of the day, whom it represents and who holds it."""

    post: Post
    duties: tuple[Duty, ...]
    represents: Entity | None
    """The entity it represents, when the network has it (``post.represents`` is its id)."""
    holders: tuple[Entity, ...]


def post_rows(network: Network, posts: Iterable[Post], *, on: DateLike | None) -> tuple[PostRow, ...]:
    """The rows of the question *posts*.

    Examples:
        >>> net = wk.load()
        >>> (row,) = post_rows(net, [net["gnd-waterregisseur"]], on="2021-06-01")
        >>> [h.name for h in row.holders], [d.body for d in row.duties]
        (['Wessel Rothstegge'], ['gnd-clustercoordinatorenoverleg', 'gnd-stuurgroep'])
    """
    return tuple(
        PostRow(
            post=post,
            duties=network.duties(post.id, on=on),
            represents=network[post.represents] if post.represents and post.represents in network else None,
            holders=network.holders(post.id, on=on),
        )
        for post in posts
    )


@frozen(kw_only=True)
class MembershipRow:
    """A membership with its member and its group."""

    membership: Membership
    member: Entity
    group: Entity


def membership_rows(network: Network, memberships: Iterable[Membership]) -> tuple[MembershipRow, ...]:
    """The rows of the questions *members* and *memberships*."""
    return tuple(
        MembershipRow(membership=m, member=network[m.member], group=network[m.group]) for m in memberships
    )


@frozen(kw_only=True)
class TenureRow:
    """A tenure with its holder and its post."""

    tenure: Tenure
    holder: Entity
    post: Post


def tenure_rows(network: Network, tenures: Iterable[Tenure]) -> tuple[TenureRow, ...]:
    """The rows of the questions *holders* and *tenures*."""
    return tuple(
        TenureRow(tenure=t, holder=network[t.holder], post=network.get(t.post, Post)) for t in tenures
    )
