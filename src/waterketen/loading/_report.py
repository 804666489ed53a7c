"""What a load tells: the report of what it read, accepted and rejected, with every problem."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from .._time import Instant
from ..errors import Problem, Severity
from ..sources import Record


if TYPE_CHECKING:
    from ..matching import Match


__all__ = ["LoadReport", "Rejected", "SourceSummary", "late_accounts"]


@frozen(kw_only=True)
class Rejected:
    """A record that was not accepted, kept whole with its problems."""

    record: Record
    problems: tuple[Problem, ...]


@frozen(kw_only=True)
class SourceSummary:
    """What one source gave."""

    name: str
    read: int
    accepted: int
    updated: Instant | None = None
    as_of: Instant | None = None
    """The day the source says it describes, when it says (a page read as of an earlier day than
    its update, see the loader's staleness check)."""


@frozen(kw_only=True)
class LoadReport:
    """What a load read, accepted and rejected, and every problem with its place.

    ``read == accepted + len(rejected)`` always holds.
    """

    read: int
    accepted: int
    rejected: tuple[Rejected, ...]
    problems: tuple[Problem, ...]
    """Every problem: those of rejected records, of unreadable sources, and warnings."""
    sources: tuple[SourceSummary, ...]
    matches: tuple[Match, ...] = ()
    """The organisations of different sources merged by code (the kept id first), with the rule."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of error severity."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of warning severity."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def __str__(self) -> str:
        lines = [f"read {self.read} records: {self.accepted} accepted, {len(self.rejected)} rejected"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def late_accounts(
    summaries: Sequence[SourceSummary], late_rejected: Sequence[Rejected]
) -> tuple[SourceSummary, ...]:
    """The sources' summaries with the records rejected at the end of the load taken off.

    A record rejected while its source was read is already off that source's
    count; one rejected at the end (``late_rejected``: a reference that came
    to nothing, a cycle) is taken off the count of the source it came from.
    """
    late: dict[str, int] = {}
    for rejected in late_rejected:
        source = rejected.record.provenance.source
        late[source] = late.get(source, 0) + 1
    out = []
    for summary in reversed(summaries):  # a name given twice: the last read takes them
        taken = min(late.pop(summary.name, 0), summary.accepted)
        out.append(evolve(summary, accepted=summary.accepted - taken) if taken else summary)
    return tuple(reversed(out))
