"""Domain rules: checks of a cooperation's invariants, run as plugins.

A :class:`Check` has a name, a description and a function that receives the
network and the days to check and yields :class:`Finding` objects. Checks
come from the hook ``waterketen_checks``; the built-in rules in
:mod:`waterketen._rules` are default plugins like the built-in sources, and a
rule can be switched off by name.

Examples:
    >>> report = wk.load().check()
    >>> report.errors
    ()
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from attrs import frozen

from ._time import DateLike, Period, _hi, _lo, as_date
from .network import period_of


if TYPE_CHECKING:
    from .network import Network
    from .plugins import PluginManager

__all__ = ["Check", "CheckReport", "Finding", "Level", "history_days", "run_checks"]


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


def history_days(network: Network) -> tuple[datetime.date, ...]:
    """The days on which something in the network may change, with the day before and after each.

    Between two such days nothing changes, so checking these days checks
    every day of the network's history.
    """
    days: set[date] = set()
    for entity in network:
        period = period_of(entity)
        for bound in (period.start, period.end):
            if bound is None:
                continue
            for day in (_lo(bound), _hi(bound)):
                if date.min < day < date.max:
                    days.update((day - timedelta(days=1), day, day + timedelta(days=1)))
    # A network without dates is the same on every day: one day stands for all.
    return tuple(sorted(days)) or (date.today(),)


def _checks(plugins: PluginManager | None) -> tuple[Check, ...]:
    from .plugins import default_plugin_manager

    pm = plugins or default_plugin_manager()
    return tuple(c for offered in pm.hook.waterketen_checks() for c in offered)


def run_checks(
    network: Network,
    *,
    on: DateLike | Iterable[DateLike] | None = None,
    rules: Iterable[str] | None = None,
    disable: Iterable[str] = (),
    plugins: PluginManager | None = None,
) -> CheckReport:
    """Run the checks on a network.

    Args:
        on: a day or days to check; by default every day of the network's history.
        rules: only these rules (by name); by default all.
        disable: rules to switch off, by name.
        plugins: the plugin manager to take checks from.

    Raises:
        ValueError: a named rule does not exist.
    """
    available = {c.name: c for c in _checks(plugins)}
    wanted = list(available) if rules is None else list(rules)
    unknown = sorted((set(wanted) | set(disable)) - set(available))
    if unknown:
        raise ValueError(f"no such rule(s): {', '.join(unknown)}; there are {', '.join(sorted(available))}")
    chosen = [available[name] for name in wanted if name not in set(disable)]
    if on is None:
        days = history_days(network)
    elif isinstance(on, date | str):
        days = (as_date(on),)
    else:
        days = tuple(sorted({as_date(d) for d in on}))
    findings: dict[tuple[str, Level, str, tuple[str, ...]], Finding] = {}
    for check in chosen:
        for finding in check.run(network, days):
            key = (finding.rule, finding.level, finding.message, finding.entities)
            seen = findings.get(key)
            if seen is None:
                findings[key] = finding
            elif finding.first is not None:
                first = min(d for d in (seen.first, finding.first) if d is not None)
                last = max(d for d in (seen.last, finding.last, finding.first) if d is not None)
                findings[key] = Finding(
                    rule=seen.rule,
                    level=seen.level,
                    message=seen.message,
                    entities=seen.entities,
                    first=first,
                    last=last,
                )
    return CheckReport(findings=tuple(findings.values()), rules=tuple(c.name for c in chosen), days=days)


def sure_days(period: Period) -> tuple[datetime.date, datetime.date]:
    """The days ``[from, until)`` on which a period surely holds."""
    return period.latest_start, period.earliest_end


def possible_days(period: Period) -> tuple[datetime.date, datetime.date]:
    """The days ``[from, until)`` on which a period may hold."""
    return period.earliest_start, period.latest_end


def iter_pairs(items: Sequence[object]) -> Iterator[tuple[int, int]]:
    """Every pair of positions ``i < j``."""
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            yield i, j
