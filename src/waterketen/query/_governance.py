"""Questions of governance: bodies, posts and their duties, holders, tenures and seats.

Functions take the network first and return plain values (networkx's habit);
:class:`~waterketen.Network` offers each as a method.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import frozen

from .._index import every
from .._time import Certainty, DateLike, Period, as_date
from ..model import Agreement, Body, BodyKind, Duty, Entity, Post, Role, Tenure, period_of
from ._partners import cooperation


if TYPE_CHECKING:
    from ..network import Network

__all__ = [
    "Seat",
    "agreement_certainty",
    "agreements",
    "bodies",
    "duties",
    "holders",
    "posts",
    "seats",
    "tenures",
]


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


def agreement_certainty(agreement: Agreement, day: DateLike) -> Certainty:
    """Whether an agreement holds on ``day``: made by then (its ``date``) and within its period.

    An agreement known only to its year holds uncertainly on the days of that
    year; one made later does not hold.

    Examples:
        >>> akkoord = wk.load()["gnd-bestuurlijk-akkoord-2014"]
        >>> [agreement_certainty(akkoord, d).name for d in ("2010-01-01", "2014-06-01", "2016-01-01")]
        ['NO', 'UNCERTAIN', 'YES']
    """
    when = as_date(day)
    made = Period() if agreement.date is None else Period(start=agreement.date)
    both = (made.certainty(when), agreement.period.certainty(when))
    if Certainty.NO in both:
        return Certainty.NO
    return Certainty.UNCERTAIN if Certainty.UNCERTAIN in both else Certainty.YES


def agreements(
    network: Network, cooperation_id: str | None = None, *, on: DateLike | None = None
) -> tuple[Agreement, ...]:
    """The agreements of a cooperation; on a day, those surely made by then and still in force.

    Examples:
        >>> net = wk.load()
        >>> [a.name for a in agreements(net, on="2016-01-01")], agreements(net, on="2010-01-01")
        (['Bestuurlijk akkoord'], ())
    """
    coop = cooperation(network, cooperation_id)
    found = (a for a in network.entities(Agreement) if a.cooperation == coop.id)
    return tuple(a for a in found if on is None or agreement_certainty(a, on) is Certainty.YES)


def posts(network: Network, body: str | None = None, *, on: DateLike | None = None) -> tuple[Post, ...]:
    """The posts with a duty in ``body``; without a body, every post.

    Asked on a day, a body that does not surely exist that day has no posts
    (as it has no duties in :func:`duties`): the posts of a dissolved body
    are no answer about that day.

    Examples:
        >>> net = wk.load()
        >>> len(net.posts("gnd-regiegroep", on="2016-01-01")), net.posts("gnd-regiegroep", on="2024-01-01")
        (12, ())
    """
    if body is None:
        return network.entities(Post, on=on)
    found = network.get(body, Body)
    if on is not None and not found.period.contains(as_date(on)):
        return ()
    return tuple(network.valid(dict.fromkeys(every(network.index.posts_of_body, body)), on))


def duties(network: Network, post: str, *, on: DateLike | None = None) -> tuple[Duty, ...]:
    """The duties of ``post`` in the bodies that exist (on that day, when given, within the duty's period).

    Examples:
        >>> net = wk.load()
        >>> [(d.role.value, net[d.body].name) for d in net.duties("gnd-waterregisseur", on="2016-01-01")]
        [('secretary', 'Regiegroep'), ('chair', 'Clustercoördinatorenoverleg')]
    """
    return tuple(
        d
        for d in network.get(post, Post).duties
        if on is None or (period_of(network[d.body]).contains(as_date(on)) and d.period.contains(as_date(on)))
    )


def holders(network: Network, post: str, *, on: DateLike | None = None) -> tuple[Entity, ...]:
    """Who holds ``post`` (persons or organisations)."""
    entities = network.index.entities
    if not isinstance(entities.get(post), Post):
        network.get(post, Post)  # tells why: an unknown id, or not a post
    tenures: Sequence[Tenure]
    if on is None:
        tenures = every(network.index.tenures_of_post, post)
    else:
        tenures = network.index.tenures_in(post, as_date(on))
    return tuple(
        [entities.get(t.holder) or network[t.holder] for t in tenures]
    )  # network[] tells an unknown id


def tenures(network: Network, entity_id: str, *, on: DateLike | None = None) -> tuple[Tenure, ...]:
    """The tenures of a post or of a holder."""
    index = network.index
    both = [*every(index.tenures_of_post, entity_id), *every(index.tenures_of_holder, entity_id)]
    return tuple(network.valid(both, on))


def seats(network: Network, body: str, *, on: DateLike | None = None) -> tuple[Seat, ...]:
    """Who represents what in ``body``: each post with a duty there.

    Asked on a day, a body that does not surely exist that day has no seats.

    Examples:
        >>> seats = wk.load().seats("gnd-regiegroep", on="2016-01-01")
        >>> len([s for s in seats if s.role is wk.Role.MEMBER])
        11
        >>> wk.load().seats("gnd-regiegroep", on="2024-01-01")
        ()
    """
    out = []
    for post in posts(network, body, on=on):
        represents = network[post.represents] if post.represents and post.represents in network else None
        for duty in post.duties:
            if duty.body == body and (on is None or duty.period.contains(as_date(on))):
                out.append(
                    Seat(
                        post=post,
                        role=duty.role,
                        represents=represents,
                        holders=holders(network, post.id, on=on),
                    )
                )
    return tuple(out)
