"""Dates of known precision and validity periods.

The one convention of the library: a :class:`Period` starts on its ``start``
(inclusive) and ends on its ``end`` (exclusive); a missing bound (``None``)
means that there is no bound: the period reaches as far as the data goes. A
bound that exists but is not known is :data:`UNKNOWN`: every day it may
affect is then uncertain.

A bound may be known only to the year or the month (a :class:`PartialDate`).
Such a bound says *when* the change happened, to that precision: a period
with ``start=PartialDate(2014)`` began on some day of 2014. Asked about a day
inside 2014 it answers :attr:`Certainty.UNCERTAIN`, rather than guessing.
"""

from __future__ import annotations

import calendar
import enum
from datetime import date, timedelta
from typing import TypeAlias

from attrs import field, frozen


__all__ = [
    "UNKNOWN",
    "Bound",
    "Certainty",
    "DateLike",
    "Instant",
    "PartialDate",
    "Period",
    "Unknown",
    "as_date",
    "parse_instant",
]


@frozen(order=True)
class PartialDate:
    """A date known only to the year, or to the year and month.

    Examples:
        >>> PartialDate(2020)
        PartialDate('2020')
        >>> PartialDate(2014, 11).first_day, PartialDate(2014, 11).after_last_day
        (datetime.date(2014, 11, 1), datetime.date(2014, 12, 1))
    """

    year: int = field()
    month: int | None = field(default=None)

    @year.validator
    def _check_year(self, _: object, value: int) -> None:
        if not 1 <= value <= 9999:
            raise ValueError(f"year {value!r} is outside 1-9999")

    @month.validator
    def _check_month(self, _: object, value: int | None) -> None:
        if value is not None and not 1 <= value <= 12:
            raise ValueError(f"month {value!r} is outside 1-12")

    @property
    def first_day(self) -> date:
        """The first day the date may denote."""
        return date(self.year, self.month or 1, 1)

    @property
    def last_day(self) -> date:
        """The last day the date may denote."""
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def after_last_day(self) -> date:
        """The day after :attr:`last_day` (an exclusive bound)."""
        return self.last_day + timedelta(days=1)

    def isoformat(self) -> str:
        """The ISO 8601 text of the date at its precision: ``2020`` or ``2020-05``."""
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}"

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __str__(self) -> str:
        return self.isoformat()


Instant: TypeAlias = date | PartialDate
"""A point in time: a day, or a year or month when only that is known."""


class Unknown(enum.Enum):
    """The type of :data:`UNKNOWN`: a fact that exists but is not known."""

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        return "unknown"

    def isoformat(self) -> str:
        """``"unknown"``, as the native format writes it."""
        return "unknown"


UNKNOWN = Unknown.UNKNOWN
"""A bound that exists but is not known (a start date no source gives)."""

Bound: TypeAlias = date | PartialDate | Unknown
"""A bound of a period: a day, a year or month, or :data:`UNKNOWN`."""

DateLike: TypeAlias = date | str
"""What queries accept as a day: a :class:`~datetime.date` or ISO text."""


def parse_instant(text: str) -> Instant:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into an :data:`Instant`.

    Raises:
        ValueError: the text is none of these forms, or not a real date.

    Examples:
        >>> parse_instant("2019-01-01")
        datetime.date(2019, 1, 1)
        >>> parse_instant("2020")
        PartialDate('2020')
    """
    parts = text.split("-")
    if not all(p.isdigit() and p.isascii() for p in parts) or [len(p) for p in parts] not in (
        [4],
        [4, 2],
        [4, 2, 2],
    ):
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    numbers = [int(p) for p in parts]
    if len(numbers) == 3:
        try:
            return date(numbers[0], numbers[1], numbers[2])
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real date ({exc})") from None
    return PartialDate(numbers[0], numbers[1] if len(numbers) == 2 else None)


def as_date(value: DateLike) -> date:
    """Return the day a query asks about.

    Raises:
        ValueError: ``value`` is text that is not a full ISO date.
    """
    if isinstance(value, date):
        return value
    instant = parse_instant(value)
    if isinstance(instant, PartialDate):
        raise ValueError(f"a query needs a whole day (YYYY-MM-DD), got {value!r}")
    return instant


class Certainty(enum.Enum):
    """Whether something holds on a day: yes, no, or not known at that precision."""

    NO = "no"
    YES = "yes"
    UNCERTAIN = "uncertain"


def _first(instant: Instant) -> date:
    return instant.first_day if isinstance(instant, PartialDate) else instant


def _after_last(instant: Instant) -> date:
    return instant.after_last_day if isinstance(instant, PartialDate) else instant


_MIN = date.min
_MAX = date.max


@frozen(order=False)
class Period:
    """When something is valid: ``start`` inclusive, ``end`` exclusive, either open.

    An open bound (``None``) means there is no bound there; :data:`UNKNOWN`
    means there is one, but no source says when.

    Examples:
        >>> p = Period(start=date(2018, 1, 1), end=date(2019, 1, 1))
        >>> p.contains(date(2018, 12, 31)), p.contains(date(2019, 1, 1))
        (True, False)
        >>> Period(start=PartialDate(2014)).certainty(date(2014, 6, 1))
        <Certainty.UNCERTAIN: 'uncertain'>
        >>> Period(start=UNKNOWN, end=date(2020, 4, 1)).certainty(date(2019, 1, 1))
        <Certainty.UNCERTAIN: 'uncertain'>
    """

    start: Bound | None = None
    end: Bound | None = None

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if (
            start is not None
            and end is not None
            and not isinstance(start, Unknown)
            and not isinstance(end, Unknown)
            and _after_last(end) <= _first(start)
        ):
            raise ValueError(f"end {end} is not after start {start}")

    # The four days that decide every question (computed, not stored, to stay small).
    @property
    def earliest_start(self) -> date:
        """The first day on which the period may have begun."""
        start = self.start
        return _MIN if start is None or isinstance(start, Unknown) else _first(start)

    @property
    def latest_start(self) -> date:
        """The first day from which the period has surely begun."""
        start = self.start
        if start is None:
            return _MIN
        if isinstance(start, Unknown):
            return _MAX  # never sure: it began some time before it ended
        if isinstance(start, PartialDate):
            return start.last_day
        return start

    @property
    def earliest_end(self) -> date:
        """The first day on which the period may have ended."""
        end = self.end
        if end is None:
            return _MAX
        if isinstance(end, Unknown):
            return self.earliest_start  # it may have ended any time after it began
        return _first(end)

    @property
    def latest_end(self) -> date:
        """The first day on which the period has surely ended."""
        end = self.end
        if end is None or isinstance(end, Unknown):
            return _MAX
        return end.last_day if isinstance(end, PartialDate) else end

    @property
    def is_precise(self) -> bool:
        """True when both bounds are whole days or open."""
        return all(b is None or type(b) is date for b in (self.start, self.end))

    def certainty(self, day: date) -> Certainty:
        """Whether ``day`` lies in the period, given the precision of its bounds."""
        if self.start is None and self.end is None:
            return Certainty.YES
        if day < self.earliest_start or day >= self.latest_end:
            return Certainty.NO
        if day >= self.latest_start and day < self.earliest_end:
            return Certainty.YES
        return Certainty.UNCERTAIN

    def contains(self, day: date) -> bool:
        """True when ``day`` surely lies in the period."""
        return self.certainty(day) is Certainty.YES

    def may_contain(self, day: date) -> bool:
        """True when ``day`` lies in the period or may, given imprecise bounds."""
        return self.certainty(day) is not Certainty.NO

    def overlaps(self, other: Period) -> bool:
        """True when the two periods surely share at least one day."""
        return max(self.latest_start, other.latest_start) < min(self.earliest_end, other.earliest_end)

    def __str__(self) -> str:
        start = "…" if self.start is None else str(self.start)
        end = "…" if self.end is None else str(self.end)
        return f"[{start}, {end})"
