"""Finding entities by name in a given network, ranked, and the "did you mean" of an unknown one.

The part of :mod:`waterketen._resolving` that :meth:`waterketen.Network.find`
and the errors of unknown entities need, apart from the resolution's own
classes, so that a search by name imports no more than it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._nameindex import _Hit, index_of
from ._time import DateLike, as_date
from .errors import UnknownEntityError
from .model import Entity, period_of


if TYPE_CHECKING:
    from .network import Network

__all__ = ["find", "suggestion", "unknown"]


def find(
    network: Network,
    name: str,
    *,
    kind: type[Any] | None = None,
    on: DateLike | None = None,
    exact: bool = False,
) -> tuple[Entity, ...]:
    """Entities called ``name``, ranked: exact and normalised names, then parts of names, then
    (when nothing else matches) similar names. ``exact`` keeps only the first kind."""
    index = index_of(network)
    classes = () if kind is None else (kind,)
    hits: list[_Hit] = [h for tier in index.tiers(name, None, organisations=False)[0] for h in tier]
    if not exact:
        hits += index.partial(name, None, organisations=False)
        if not hits:
            hits = index.fuzzy(name, None, organisations=False)
    day = None if on is None else as_date(on)
    out: dict[str, Entity] = {}
    for hit in hits:
        entity = network[hit.id]
        if classes and not isinstance(entity, classes):
            continue
        if day is not None and not period_of(entity).contains(day):
            continue
        out.setdefault(hit.id, entity)
    return tuple(out.values())


def unknown(
    network: Network, message: str, text: str, kinds: tuple[type[Entity], ...] = ()
) -> UnknownEntityError:
    """An :class:`~waterketen.UnknownEntityError` whose message ends in "did you mean …?".

    The suggestions are looked for only when the message is shown.
    """
    return _Unknown(message, network, text, kinds)


class _Unknown(UnknownEntityError):
    def __init__(self, message: str, network: Network, text: str, kinds: tuple[type[Entity], ...]) -> None:
        super().__init__(message)
        self._about: tuple[Network, str, tuple[type[Entity], ...]] | None = (network, text, kinds)
        self._message = message

    def __str__(self) -> str:
        if self._about is not None:
            network, text, kinds = self._about
            self._about = None
            self._message += suggestion(network, text, kinds)
        return self._message


def suggestion(network: Network, text: str, kinds: tuple[type[Entity], ...]) -> str:
    """The "; did you mean ...?" for ``text``: up to three names like it or with it as a part."""
    index = index_of(network)
    hits = index.partial(text, None, organisations=False) + index.fuzzy(
        text, None, organisations=False, cutoff=0.6
    )
    names: list[str] = []
    for hit in sorted(hits, key=lambda h: -h.score):
        entity = network[hit.id]
        if kinds and not isinstance(entity, kinds):
            continue
        label = f"{hit.matched} ({hit.id})"
        if label not in names:
            names.append(label)
        if len(names) == 3:
            break
    return f"; did you mean {' or '.join(names)}?" if names else ""
