"""How far the sources reach: an open end is confirmed up to the latest dated source.

A record whose period has no end holds, as far as the data knows, up to the
day of the latest source that states it (the ``date`` of its
:class:`~waterketen.Provenance`); after that day it is assumed, not known. The
answers say so: on a day after it, "still so at the latest source
(2024-04-03)" rather than asserting the record for that day; on a day within
the confirmed range they say nothing extra.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from .._time import DateLike, PartialDate, as_date
from ..model import period_of


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["latest_source", "still_so", "still_so_text"]


def latest_source(network: Network, entity_id: str) -> datetime.date | None:
    """The day of the latest dated source behind a record, or None when no source is dated.

    The sources are the record's own ``provenance`` and the places the load
    found it. A source dated to the month or the year counts from its first
    day (the least it confirms).

    Examples:
        >>> net = wk.load()
        >>> net.latest_source("groningen-noord-drenthe")
        datetime.date(2024, 4, 3)
    """
    entity = network[entity_id]
    provenance = (*getattr(entity, "provenance", ()), *network.origin(entity_id))
    days = [
        p.date.first_day if isinstance(p.date, PartialDate) else p.date
        for p in provenance
        if p.date is not None
    ]
    return max(days, default=None)


def still_so_text(day: datetime.date) -> str:
    """The words the answers use for an open end beyond the sources.

    Examples:
        >>> still_so_text(datetime.date(2024, 4, 3))
        'still so at the latest source (2024-04-03)'
    """
    return f"still so at the latest source ({day.isoformat()})"


def still_so(network: Network, entity_id: str, *, on: DateLike) -> str | None:
    """What to add to an answer for ``on`` about a record that holds then only by its open end.

    The words of :func:`still_so_text` when the record's period has no end,
    holds on the day, and the day lies after the record's latest dated source;
    None when the sources reach the day, when the record has an end or does
    not surely hold on the day, or when no source of it is dated.

    Examples:
        >>> net = wk.load()
        >>> net.still_so("groningen-noord-drenthe", on="2026-12-01")
        'still so at the latest source (2024-04-03)'
        >>> net.still_so("groningen-noord-drenthe", on="2023-06-01") is None
        True
    """
    day = as_date(on)
    period = period_of(network[entity_id])
    if period.end is not None or not period.contains(day):
        return None
    latest = latest_source(network, entity_id)
    if latest is None or day <= latest:
        return None
    return still_so_text(latest)
