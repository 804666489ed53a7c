"""Questions by name: the normal form of a name, and the entities called so.

The index of names is built on the first search by name (see
:meth:`waterketen.Network.name_index`); it is keyed by the hash of each
normalised name rather than by the name itself, which would be a second copy
of every name; :func:`find` checks the names of what it finds, so two names
with one hash never mix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar

from .._index import _Builder, every
from .._time import DateLike
from ..model import Change, Entity, Membership, Spearhead, Tenure


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["build_name_index", "find", "names_of", "normalise_name"]

E = TypeVar("E", bound=Entity)

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise_name(name: str) -> str:
    """The form of a name used to look it up: no case, accents or punctuation.

    Examples:
        >>> normalise_name("Hunze en Aa’s")
        'hunze en aas'
        >>> normalise_name("  Groningen &  Noord-Drenthe ")
        'groningen noord drenthe'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", bare)).strip()


def names_of(entity: Entity) -> Iterator[str]:
    """The names an entity is found by: its name (a spearhead's title) and its other names."""
    if isinstance(entity, Membership | Tenure | Change):
        return
    first = entity.title if isinstance(entity, Spearhead) else entity.name
    if first:
        yield first
    yield from (n if type(n) is str else str(n) for n in getattr(entity, "other_names", ()) if n)


def build_name_index(network: Network) -> dict[int, str | tuple[str, ...]]:
    """The ids of the network's entities by the hash of each of their normalised names."""
    by_name: _Builder[int, str] = _Builder()
    for entity in network:
        if isinstance(entity, Membership | Tenure | Change):
            continue
        for name in names_of(entity):
            key = hash(normalise_name(name))
            found = by_name.get(key)
            if found != entity.id and not (isinstance(found, list) and entity.id in found):
                by_name.put(key, entity.id)
    return by_name.frozen()


def find(
    network: Network, name: str, *, kind: type[E] | None = None, on: DateLike | None = None
) -> tuple[Entity, ...]:
    """Entities called ``name`` (any case, accents or punctuation; other names too).

    Examples:
        >>> [e.id for e in wk.load().find("hunze en aa's")]
        ['hunze-en-aas']
    """
    wanted = normalise_name(name)
    found = (
        entity
        for entity in (network[i] for i in every(network.name_index(), hash(wanted)))
        if any(normalise_name(n) == wanted for n in names_of(entity))
    )
    return tuple(e for e in network.valid(found, on) if kind is None or isinstance(e, kind))
