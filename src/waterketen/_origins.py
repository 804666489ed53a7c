"""Where a load found each entity: the origins table a network keeps beside its store.

A place in the network's first source is kept as its locator alone (a string),
any other as a :class:`~waterketen.Provenance`, and several as a tuple: at a
million entities a Provenance each would double the memory of the load.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Provenance


__all__ = ["Origins", "Place"]

Place = str | Provenance | tuple[Provenance, ...]
"""One entity's places: a locator in the first source, a provenance, or several."""


class Origins:
    """The places a load found the entities in (see :meth:`waterketen.Network.origin`)."""

    __slots__ = ("_places", "main")

    def __init__(self, places: dict[str, Place] | None = None, main: str | None = None) -> None:
        self._places: dict[str, Place] = places if places is not None else {}
        self.main = main
        """The name of the first source, which bare locators belong to."""

    @classmethod
    def of_mapping(cls, places: Mapping[str, tuple[Provenance, ...]]) -> Origins:
        """Origins from a plain mapping of ids to their provenances."""
        return cls({k: v[0] if len(v) == 1 else tuple(v) for k, v in places.items()})

    def __call__(self, entity_id: str) -> tuple[Provenance, ...]:
        found = self._places.get(entity_id, ())
        if isinstance(found, str):
            return (Provenance(source=self.main or "", locator=found),)
        return found if isinstance(found, tuple) else (found,)
