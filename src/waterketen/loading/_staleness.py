"""The staleness warning: a source that lists organisations which had ended by the day it was updated."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING

from .._time import Instant, PartialDate, Period
from ..errors import Problem, Severity
from ..model import Organisation
from ..query import describe_change
from ._report import SourceSummary


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["as_of_of", "stale"]


def as_of_of(source: object) -> Instant | None:
    """The day a source says it describes (its ``as_of`` attribute, a day), if it says.

    A wiki page updated on 3 April 2019 that names municipalities merged
    away on 1 January 2019 says, in its own warning, that it is read as of the
    last day they all existed: that is the day it describes.
    """
    value = getattr(source, "as_of", None)
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date | PartialDate) else None


def stale(network: Network, summaries: Iterable[SourceSummary]) -> Iterator[Problem]:
    """Warn when a source lists organisations that had ended by the day it was last updated.

    A source that itself states the end is not stale: it gets no warning. It
    states the end when it gives the change that ended the organisation (a
    history, such as the embedded dataset), when it ends its own memberships
    of the organisation by then, or when it says it describes a day on which
    the organisation had not yet ended (``as_of``, see :func:`as_of_of`).
    """
    for summary in summaries:
        if summary.updated is None:
            continue
        updated = summary.updated
        day = _first_day(updated)
        described = None if summary.as_of is None else _first_day(summary.as_of)
        for entity in network.entities(Organisation):
            origins = [o for o in network.origin(entity.id) if o.source == summary.name]
            if not origins or entity.period.latest_end > day:
                continue
            if described is not None and entity.period.latest_end > described:
                continue  # the source describes a day before the end, and says so
            if _memberships_end(network, entity, summary.name, day):
                continue
            ending = [
                c
                for c in network.changes(entity.id)
                if any(p.id == entity.id for p in c.before) and Period(start=c.date).contains(day)
            ]
            if any(o.source == summary.name for c in ending for o in network.origin(c.id)):
                continue
            ended_by = [describe_change(network, c) for c in ending]
            why = f" ({'; '.join(ended_by)})" if ended_by else ""
            yield Problem(
                source=summary.name,
                place=origins[0].locator,
                reason=f"the source was last updated on {updated} but lists {entity.name} ({entity.id}), "
                f"which had ended on {entity.period.end}{why}",
                severity=Severity.WARNING,
            )


def _first_day(when: Instant) -> date:
    return when.first_day if isinstance(when, PartialDate) else when


def _memberships_end(network: Network, entity: Organisation, source: str, day: date) -> bool:
    """Whether the source gives memberships of the organisation, each ending by ``day``."""
    own = [m for m in network.memberships(entity.id) if any(o.source == source for o in network.origin(m.id))]
    return bool(own) and all(m.period.latest_end <= day for m in own)
