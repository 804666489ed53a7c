"""How the answers take their arguments: a day, an entity by id or name, a kind, a cooperation."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .._time import Bound, Certainty, DateLike, as_date
from ..errors import AmbiguityError, UnknownEntityError
from ..model import (
    BodyKind,
    Cooperation,
    Entity,
    OrgKind,
    a,
)


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["resolve"]


def _day(on: DateLike | None) -> date | None:
    return None if on is None else as_date(on)


def _bound(value: Bound | None) -> str | None:
    return None if value is None else value.isoformat()


def _kind(entity: Entity) -> str | None:
    kind = getattr(entity, "kind", None)
    return None if kind is None else str(kind.value)


def _period_of(entity: Entity) -> tuple[str | None, str | None]:
    period = getattr(entity, "period", None)
    if period is None:
        return None, None
    return _bound(period.start), _bound(period.end)


def resolve(
    network: Network,
    ref: str,
    kinds: type[Entity] | tuple[type[Entity], ...] | None = None,
    *,
    on: DateLike | None = None,
) -> str:
    """The id of the entity that ``ref`` names: its id, or else its name.

    A name is matched as :meth:`~waterketen.Network.find` matches it (no case,
    accents or punctuation). When several entities have the name, those valid
    ``on`` the day are preferred.

    Args:
        network: the network to look in.
        ref: an id or a name.
        kinds: the entity classes ``ref`` must name.
        on: the day the question is about.

    Raises:
        UnknownEntityError: nothing of those kinds has that id or name.
        AmbiguityError: several have that name.

    Examples:
        >>> net = wk.load()
        >>> wk.answers.resolve(net, "Cluster DAL", wk.Cluster), wk.answers.resolve(net, "bedum")
        ('gnd-dal', 'bedum')
    """
    wanted: tuple[type[Entity], ...] = (
        () if kinds is None else kinds if isinstance(kinds, tuple) else (kinds,)
    )
    what = " or ".join(k.tag for k in wanted) if wanted else "entity"
    if ref in network:
        entity = network[ref]
        if not wanted or isinstance(entity, wanted):
            return ref
        raise UnknownEntityError(f"{ref!r} is {a(entity.tag)}, not {a(what)}")
    found = [e for e in network.find(ref, exact=True) if not wanted or isinstance(e, wanted)]
    if len(found) > 1 and on is not None:
        day = as_date(on)
        valid = [e for e in found if network.certainty(e.id, day) is Certainty.YES]
        found = valid or found
    if not found:
        from ..resolution import unknown

        raise unknown(network, f"no {what} has the id or name {ref!r}", ref, wanted)
    if len(found) > 1:
        ids = ", ".join(e.id for e in found)
        raise AmbiguityError(f"{ref!r} names {len(found)} entities ({ids}); give an id")
    return found[0].id


def _org_kind(kind: OrgKind | str | None) -> OrgKind | None:
    if kind is None or isinstance(kind, OrgKind):
        return kind
    try:
        return OrgKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in OrgKind)
        raise ValueError(f"expected a kind of {choices}; got {kind!r}") from None


def _body_kind(kind: BodyKind | str | None) -> BodyKind | None:
    if kind is None or isinstance(kind, BodyKind):
        return kind
    try:
        return BodyKind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in BodyKind)
        raise ValueError(f"expected a kind of {choices}; got {kind!r}") from None


def _cooperation(network: Network, cooperation: str | None, on: DateLike | None) -> str | None:
    if cooperation is None:
        return None
    try:
        return resolve(network, cooperation, Cooperation, on=on)
    except UnknownEntityError:  # by whole words of its name, or told with did-you-mean
        return network.cooperation(cooperation).id


# -- the questions -----------------------------------------------------------------------------------
