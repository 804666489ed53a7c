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

from ._findings import OPEN_END, OPEN_START, Check, CheckReport, Finding, Level
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
    findings: list[Finding] = []
    for check in chosen:
        findings += _spans(_run(check, network, days), days, whole_history=on is None)
    return CheckReport(findings=tuple(findings), rules=tuple(c.name for c in chosen), days=days, on=asked)


def _spans(found: Iterable[Finding], days: Sequence[datetime.date], *, whole_history: bool) -> list[Finding]:
    """The findings of one rule, each once; one made on several days checked is one per run of those days.

    A run of consecutive days checked is one finding from its first day to its
    last. Over the whole history nothing changes between two days checked, so
    a run lasts until the next day checked (or for good after the last), and
    one that holds on the first day checked held on every day before.
    """
    position = {day: i for i, day in enumerate(days)}
    on_days: dict[tuple[str, Level, str, tuple[str, ...]], list[int]] = {}
    out: dict[tuple[object, ...], Finding] = {}
    for finding in found:
        key = (finding.rule, finding.level, finding.message, finding.entities)
        if finding.first is not None and finding.last in (None, finding.first) and finding.first in position:
            on_days.setdefault(key, []).append(position[finding.first])
        else:
            out.setdefault((*key, finding.first, finding.last), finding)
    for (rule, level, message, entities), indices in on_days.items():
        ordered = sorted(set(indices))
        runs: list[list[int]] = []
        for i in ordered:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            first, last = days[run[0]], days[run[-1]]
            if whole_history:
                first = OPEN_START if run[0] == 0 else first
                after = run[-1] + 1
                last = OPEN_END if after == len(days) else days[after] - timedelta(days=1)
            finding = Finding(
                rule=rule, level=level, message=message, entities=entities, first=first, last=last
            )
            out.setdefault((rule, level, message, entities, first, last), finding)
    return list(out.values())


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
