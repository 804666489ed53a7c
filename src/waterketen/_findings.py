"""The types of the domain rules: a rule (:class:`Check`), what it finds (:class:`Finding`), the report."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from attrs import frozen


if TYPE_CHECKING:
    from .network import Network

__all__ = ["OPEN_END", "OPEN_START", "Check", "CheckReport", "Finding", "Level", "when"]

OPEN_START = datetime.date.min
"""The ``first`` of a finding that holds on every day before its ``last``."""
OPEN_END = datetime.date.max - datetime.timedelta(days=1)
"""The ``last`` of a finding that holds on every day from its ``first`` on (9999-12-30 or later)."""


def when(first: datetime.date | None, last: datetime.date | None) -> str:
    """The days of a finding in words: ``on 2020-01-01``, ``from 2019-01-01 until 2020-01-01``, ….

    ``last`` is the last day it holds, so "until" names the day after it (as
    a period's end does); open sides are not dates.

    Examples:
        >>> import datetime as dt
        >>> when(dt.date(2020, 4, 1), dt.date(2020, 4, 30))
        'from 2020-04-01 until 2020-05-01'
        >>> when(OPEN_START, dt.date(2017, 12, 31)), when(dt.date(2020, 1, 1), OPEN_END)
        ('until 2018-01-01', 'from 2020-01-01 on')
        >>> when(OPEN_START, OPEN_END), when(dt.date(2020, 1, 1), None), when(None, None)
        ('on every day', 'on 2020-01-01', '')
    """
    if first is None:
        return ""
    open_start = first <= OPEN_START
    open_end = last is not None and last >= OPEN_END
    if open_start and open_end:
        return "on every day"
    if last is None or last == first:
        return f"on {first.isoformat()}"
    until = (last + datetime.timedelta(days=1)).isoformat() if not open_end else ""
    if open_start:
        return f"until {until}"
    return f"from {first.isoformat()} on" if open_end else f"from {first.isoformat()} until {until}"


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
    """The first day on which it holds (``None``: not about a day; ``date.min``: every day before)."""
    last: datetime.date | None = None
    """The last day on which it holds (``9999-12-30`` or later: every day after ``first``).

    Checked over the whole history, these are the days it holds (between two
    days checked nothing changes); checked on days given, the days given."""

    def when(self) -> str:
        """The days it holds in words (see :func:`when`)."""
        return when(self.first, self.last)

    def __str__(self) -> str:
        days = self.when()
        return f"{self.level.value}: [{self.rule}] {self.message}{' ' + days if days else ''}"


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
