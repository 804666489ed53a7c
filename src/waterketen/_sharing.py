"""The ids and date bounds that the records of one load share, apart from the converter itself.

:func:`waterketen.convert.sharing` is this module's :func:`sharing`: it lives
here so that a load whose sources come already structured (the embedded
datasets' prebuilt forms) can open its scope without importing cattrs.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from ._time import Bound

__all__ = ["TABLES", "Tables", "sharing"]

_TABLE_LIMIT = 1 << 21


class Tables:
    """The ids and date bounds shared between the records of one load (see :func:`sharing`)."""

    __slots__ = ("bounds", "ids")

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.bounds: dict[str, Bound] = {}

    def clear(self) -> None:
        """Forget what is shared (a load does so when every record is structured)."""
        self.ids.clear()
        self.bounds.clear()

    def trim(self) -> None:
        """Forget what is shared once a table is too large (a bound on the memory of a long load)."""
        if len(self.ids) >= _TABLE_LIMIT or len(self.bounds) >= _TABLE_LIMIT:
            self.clear()


TABLES: contextvars.ContextVar[Tables | None] = contextvars.ContextVar("waterketen_tables", default=None)
"""The tables of the load in progress in this thread or task, if any."""


@contextlib.contextmanager
def sharing(tables: Tables | None = None) -> Iterator[Tables]:
    """Share ids and parsed date bounds between the records structured inside (one load's scope).

    The tables belong to the block (and to its thread or task: they live in a
    context variable): outside it, nothing is kept between calls of
    :func:`~waterketen.convert.structure_entity`, and two loads at once never share anything.
    """
    token = TABLES.set(tables if tables is not None else Tables())
    try:
        yield TABLES.get()  # type: ignore[misc]
    finally:
        TABLES.reset(token)
