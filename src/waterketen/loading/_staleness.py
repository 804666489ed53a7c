"""The staleness warning: a source that lists organisations which had ended by the day it was updated."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .._time import PartialDate, Period
from ..errors import Problem, Severity
from ..model import Organisation
from ..query import describe_change
from ._report import SourceSummary


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["stale"]


def stale(network: Network, summaries: Iterable[SourceSummary]) -> Iterator[Problem]:
    """Warn when a source lists organisations that had ended by the day it was last updated.

    A source that itself states the end (it gives the change that ended the
    organisation: a history, such as the embedded dataset) is not stale: it
    gets no warning.
    """
    for summary in summaries:
        if summary.updated is None:
            continue
        updated = summary.updated
        day = updated.first_day if isinstance(updated, PartialDate) else updated
        for entity in network.entities(Organisation):
            origins = [o for o in network.origin(entity.id) if o.source == summary.name]
            if not origins or entity.period.latest_end > day:
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
