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
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ._findings import Check, CheckReport, Finding, Level
from ._time import DateLike, Period, _hi, _lo, as_date
from .model import period_of


if TYPE_CHECKING:
    from .network import Network
    from .plugins import PluginManager

__all__ = ["Check", "CheckReport", "Finding", "Level", "history_days", "run_checks"]


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
    from .registry import checks

    return checks(plugins)


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
    asked = None
    if on is None:
        days = history_days(network)
    elif isinstance(on, date | str):
        asked = as_date(on)
        days = (asked,)
    else:
        days = tuple(sorted({as_date(d) for d in on}))
    findings: dict[tuple[str, Level, str, tuple[str, ...]], Finding] = {}
    for check in chosen:
        for finding in _run(check, network, days):
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
    return CheckReport(
        findings=tuple(findings.values()), rules=tuple(c.name for c in chosen), days=days, on=asked
    )


def _run(check: Check, network: Network, days: Sequence[datetime.date]) -> list[Finding]:
    """The findings of one rule; a rule that fails gives one error finding that names it."""
    try:
        return list(check.run(network, days))
    except Exception as exc:  # a plugin's bug is isolated and named, never let through
        message = f"the rule failed and was not applied: {type(exc).__name__}: {exc}"
        return [Finding(rule=check.name, level=Level.ERROR, message=message)]


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
