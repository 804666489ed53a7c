"""The type aliases and protocols of the public API, for annotations and for plugin authors.

Examples:
    >>> from waterketen.typing import DateLike
    >>> def partners_on(net: wk.Network, day: DateLike) -> int:
    ...     return len(net.partners(on=day))
    >>> partners_on(wk.load(), "2016-01-01")
    31
"""

from __future__ import annotations

from ._origins import Place
from ._time import Bound, DateLike, Instant, Unknown
from .loading import SourceLike
from .model import Entity
from .sources import Source


__all__ = ["Bound", "DateLike", "Entity", "Instant", "Place", "Source", "SourceLike", "Unknown"]
