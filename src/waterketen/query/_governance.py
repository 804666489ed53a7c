"""Questions of governance: bodies, posts and their duties, holders, tenures and seats.

Functions take the network first and return plain values (networkx's habit);
:class:`~waterketen.Network` offers each as a method.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from .._index import every
from .._time import DateLike, as_date
from ..model import Body, BodyKind, Duty, Entity, Post, Role, Tenure, period_of
from ._partners import cooperation


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["Seat", "bodies", "duties", "holders", "posts", "seats", "tenures"]


@frozen(kw_only=True)
class Seat:
    """A post with a duty in a body: its role, whom it represents, who holds it."""

    post: Post
    role: Role
    represents: Entity | None
    holders: tuple[Entity, ...]


def bodies(
    network: Network,
    cooperation_id: str | None = None,
    *,
    on: DateLike | None = None,
    kind: BodyKind | None = None,
) -> tuple[Body, ...]:
    """The governance bodies of a cooperation, its clusters' water teams included.

    Examples:
        >>> len(wk.load().bodies(on="2016-01-01", kind=wk.BodyKind.WATER_TEAM))
        7
    """
    coop = cooperation(network, cooperation_id)
    found = network.entities(Body, on=on)
    return tuple(b for b in found if b.cooperation == coop.id and (kind is None or b.kind is kind))


def posts(network: Network, body: str | None = None, *, on: DateLike | None = None) -> tuple[Post, ...]:
    """The posts with a duty in ``body``; without a body, every post."""
    if body is None:
        return network.entities(Post, on=on)
    network.get(body, Body)
    return tuple(network.valid(dict.fromkeys(every(network.index.posts_of_body, body)), on))


def duties(network: Network, post: str, *, on: DateLike | None = None) -> tuple[Duty, ...]:
    """The duties of ``post`` in the bodies that exist (on that day, when given).

    Examples:
        >>> net = wk.load()
        >>> [(d.role.value, net[d.body].name) for d in net.duties("gnd-waterregisseur", on="2016-01-01")]
        [('secretary', 'Regiegroep'), ('chair', 'Clustercoördinatorenoverleg')]
    """
    return tuple(
        d
        for d in network.get(post, Post).duties
        if on is None or period_of(network[d.body]).contains(as_date(on))
    )


def holders(network: Network, post: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
    """Who holds ``post`` (persons or organisations)."""
    network.get(post, Post)
    if on is None:
        return tuple(network[t.holder] for t in every(network.index.tenures_of_post, post))
    return tuple(network[t.holder] for t in network.index.tenures_in(post, as_date(on)))


def tenures(network: Network, entity_id: str, *, on: DateLike | None = None) -> tuple[Tenure, ...]:
    """The tenures of a post or of a holder."""
    index = network.index
    both = [*every(index.tenures_of_post, entity_id), *every(index.tenures_of_holder, entity_id)]
    return tuple(network.valid(both, on))


def seats(network: Network, body: str, *, on: DateLike | None = None) -> tuple[Seat, ...]:
    """Who represents what in ``body``: each post with a duty there.

    Examples:
        >>> seats = wk.load().seats("gnd-regiegroep", on="2016-01-01")
        >>> len([s for s in seats if s.role is wk.Role.MEMBER])
        11
    """
    out = []
    for post in posts(network, body, on=on):
        represents = network[post.represents] if post.represents and post.represents in network else None
        for duty in post.duties:
            if duty.body == body:
                out.append(
                    Seat(
                        post=post,
                        role=duty.role,
                        represents=represents,
                        holders=holders(network, post.id, on=on),
                    )
                )
    return tuple(out)
