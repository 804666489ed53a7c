"""How the answers take their arguments: a day, an entity by id or name, a kind, a cooperation."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .._time import Bound, DateLike, as_date
from ..errors import UnknownEntityError
from ..model import (
    BodyKind,
    Cooperation,
    Entity,
    OrgKind,
)
from ..query._refs import entity_id


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
    return entity_id(network, ref, kinds, on=on)


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
