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

from .._time import DateLike
from ..model import Change, Entity, Membership, Spearhead, Tenure


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["find", "names_of", "normalise_name"]

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


def find(
    network: Network,
    name: str,
    *,
    kind: type[E] | None = None,
    on: DateLike | None = None,
    exact: bool = False,
) -> tuple[Entity, ...]:
    """Entities called ``name``, ranked: the one mechanism of :func:`waterketen.resolution.find`.

    Examples:
        >>> [e.id for e in wk.load().find("hunze en aa's", exact=True)]
        ['hunze-en-aas']
    """
    from .._finding import find as ranked

    return ranked(network, name, kind=kind, on=on, exact=exact)
