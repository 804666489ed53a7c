"""The types of the domain rules: a rule (:class:`Check`), what it finds (:class:`Finding`), the report."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from attrs import frozen


if TYPE_CHECKING:
    from .network import Network

__all__ = ["Check", "CheckReport", "Finding", "Level"]


class Level(enum.Enum):
    """How serious a finding is."""

    ERROR = "error"
    """The data contradicts itself or the rule."""
    WARNING = "warning"
    """Probably wrong; worth a look."""
    NOTE = "note"
    """Worth knowing, not wrong (a gap in the holders of a post)."""


@frozen(kw_only=True)
class Finding:
    """What a rule found: its level, the entities involved and the days it holds."""

    rule: str
    level: Level
    message: str
    entities: tuple[str, ...] = ()
    first: datetime.date | None = None
    """The first day checked on which it was found (``None``: not about a day)."""
    last: datetime.date | None = None
    """The last day checked on which it was found."""

    def __str__(self) -> str:
        when = ""
        if self.first is not None:
            when = (
                f" on {self.first}"
                if self.last in (None, self.first)
                else f" from {self.first} to {self.last}"
            )
        return f"{self.level.value}: [{self.rule}] {self.message}{when}"


@frozen(kw_only=True)
class Check:
    """A named rule: ``run(network, days)`` yields its findings on those days."""

    name: str
    description: str
    run: Callable[[Network, Sequence[datetime.date]], Iterable[Finding]]
    """``run(network, days)`` yields the findings of the rule on those days."""


@frozen(kw_only=True)
class CheckReport:
    """The findings of the checks run, in a stable order, and the rules that ran."""

    findings: tuple[Finding, ...]
    rules: tuple[str, ...]
    days: tuple[datetime.date, ...]
    on: datetime.date | None = None
    """The day the checks were asked about, when one day was asked (``on=``); ``None`` for many days."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of level error."""
        return tuple(f for f in self.findings if f.level is Level.ERROR)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not self.errors

    def __str__(self) -> str:
        counts = {level: sum(f.level is level for f in self.findings) for level in Level}
        head = ", ".join(f"{n} {level.value}(s)" for level, n in counts.items())
        lines = [f"{len(self.rules)} rules on {len(self.days)} day(s): {head}"]
        lines += [f"  {f}" for f in self.findings]
        return "\n".join(lines)
