"""Dates of known precision and validity periods.

The one convention of the library: a :class:`Period` starts on its ``start``
(inclusive) and ends on its ``end`` (exclusive); a missing bound (``None``)
means that there is no bound: the period reaches as far as the data goes. A
bound that exists but is not known is :data:`UNKNOWN`, and one known only
to lie in a range of days is a :class:`Between`: every day such a bound may
affect is then uncertain.

A bound may be known only to the year or the month (a :class:`PartialDate`).
Such a bound says *when* the change happened, to that precision: a period
with ``start=PartialDate(2014)`` began on some day of 2014. Asked about a day
inside 2014 it answers :attr:`Certainty.UNCERTAIN`, rather than guessing.
"""

from __future__ import annotations

import enum
import functools
import re
from datetime import date, timedelta
from typing import TypeAlias

from attrs import field, frozen

from .errors import DateError


_MIN = date.min
_MAX = date.max


__all__ = [
    "UNKNOWN",
    "Between",
    "Bound",
    "Certainty",
    "DateLike",
    "Instant",
    "PartialDate",
    "Period",
    "Unknown",
    "as_date",
    "parse_bound",
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
        if month == 12:
            return date(self.year, 12, 31)
        return date(self.year, month + 1, 1) - timedelta(days=1)

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


@frozen
class Between:
    """A day known only to lie on or after ``earliest`` and on or before ``latest``.

    Either side may be open, not both (that is :data:`UNKNOWN`). Written
    ``2019-04-12..``, ``..2017-11`` or ``2017-11..2020-04-01``.

    Examples:
        >>> Between(earliest=date(2019, 4, 12))
        Between('2019-04-12..')
        >>> parse_bound("..2017-11").latest
        PartialDate('2017-11')
    """

    earliest: Instant | None = None
    latest: Instant | None = None

    def __attrs_post_init__(self) -> None:
        if self.earliest is None and self.latest is None:
            raise ValueError("a range needs at least one side; write 'unknown' for none")
        if self.earliest is not None and self.latest is not None and _hi(self.latest) < _lo(self.earliest):
            raise ValueError(f"range {self.isoformat()} ends before it starts")

    def isoformat(self) -> str:
        """The text of the range: ``2019-04-12..``, ``..2017-11``, ``a..b``."""
        earliest = "" if self.earliest is None else self.earliest.isoformat()
        latest = "" if self.latest is None else self.latest.isoformat()
        return f"{earliest}..{latest}"

    def __repr__(self) -> str:
        return f"Between({self.isoformat()!r})"

    def __str__(self) -> str:
        return self.isoformat()


Bound: TypeAlias = date | PartialDate | Between | Unknown
"""A bound of a period: a day, a year or month, a range of days, or :data:`UNKNOWN`."""

DateLike: TypeAlias = date | str
"""What queries accept as a day: a :class:`~datetime.date` or ISO text."""


def parse_instant(text: str) -> Instant:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into an :data:`Instant`.

    Raises:
        ~waterketen.errors.DateError: the text is none of these forms (the
            message guesses the ISO form of a day written day first, as in
            Dutch: ``01-01-2016``), or not a real date.

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
        raise DateError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}{_did_you_mean(text)}")
    numbers = [int(p) for p in parts]
    if len(numbers) == 3:
        try:
            return date(numbers[0], numbers[1], numbers[2])
        except ValueError as exc:
            raise DateError(f"{text!r} is not a real date ({exc})") from None
    return PartialDate(numbers[0], numbers[1] if len(numbers) == 2 else None)


def parse_bound(text: str) -> Bound:
    """Read a bound: a date at its precision, ``unknown``, or a range ``a..b``.

    Raises:
        ValueError: the text is none of these forms.

    Examples:
        >>> parse_bound("2019-04-12..")
        Between('2019-04-12..')
        >>> parse_bound("unknown")
        UNKNOWN
    """
    if text == "unknown":
        return UNKNOWN
    if ".." in text:
        earliest, _, latest = text.partition("..")
        return Between(
            earliest=parse_instant(earliest) if earliest else None,
            latest=parse_instant(latest) if latest else None,
        )
    return parse_instant(text)


@functools.lru_cache(maxsize=256)
def _parse_day(text: str) -> Instant:
    """:func:`parse_instant`, remembered: queries in a loop ask about the same few days."""
    return parse_instant(text)


def as_date(value: DateLike) -> date:
    """Return the day a query asks about: a date, or its text as ``YYYY-MM-DD``.

    Raises:
        ~waterketen.errors.DateError: ``value`` is not a date, nor text of a
            whole day; the message says the form and guesses the day meant.

    Examples:
        >>> as_date("2016-01-01")
        datetime.date(2016, 1, 1)
        >>> try:
        ...     as_date("2016")
        ... except DateError as exc:
        ...     print(exc)
        expected a whole day (YYYY-MM-DD), got '2016', a year: ask about one of its days, such as 2016-01-01
    """
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateError(f"expected a whole day (a date, or text as YYYY-MM-DD), got {value!r:.80}")
    try:
        instant = _parse_day(value)
    except DateError as exc:
        expected = f"expected a whole day (YYYY-MM-DD), got {value!r}"
        reason = str(exc).partition(f"{value!r} is ")[2]
        if reason:  # not a real date
            raise DateError(f"{expected}, which is {reason}") from None
        raise DateError(f"{expected}{_did_you_mean(value)}") from None
    if isinstance(instant, PartialDate):
        what = "a year" if instant.month is None else "a month"
        raise DateError(
            f"expected a whole day (YYYY-MM-DD), got {value!r}, {what}: ask about one of its days, "
            f"such as {instant.first_day}"
        )
    return instant


_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _did_you_mean(text: str) -> str:
    """The "; did you mean 2016-01-01?" of a day written otherwise: day first (Dutch), slashes, dots."""
    text = text.strip()
    candidates: list[tuple[int, int, int]] = []
    if found := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) for g in found.groups())
        candidates = [(year, month, day), (year, day, month)]  # the Dutch form first, then the American
    elif found := _YEAR_FIRST.fullmatch(text) or _COMPACT.fullmatch(text):
        year, month, day = (int(g) for g in found.groups())
        candidates = [(year, month, day)]
    for year, month, day in candidates:
        try:
            return f"; did you mean {date(year, month, day).isoformat()}?"
        except ValueError:
            continue
    return ""


class Certainty(enum.Enum):
    """Whether something holds on a day: yes, no, or not known at that precision."""

    NO = "no"
    YES = "yes"
    UNCERTAIN = "uncertain"


@functools.lru_cache(maxsize=4096)
def _partial_days(year: int, month: int | None) -> tuple[date, date]:
    """The first and the last day a year or a month may denote (remembered: time filters ask often)."""
    partial = PartialDate(year, month)
    return partial.first_day, partial.last_day


def _lo(bound: Bound) -> date:
    """The earliest day a bound may denote."""
    if isinstance(bound, date):
        return bound
    if isinstance(bound, PartialDate):
        return _partial_days(bound.year, bound.month)[0]
    if isinstance(bound, Between) and bound.earliest is not None:
        return _lo(bound.earliest)
    return _MIN


def _hi(bound: Bound) -> date:
    """The latest day a bound may denote."""
    if isinstance(bound, date):
        return bound
    if isinstance(bound, PartialDate):
        return _partial_days(bound.year, bound.month)[1]
    if isinstance(bound, Between) and bound.latest is not None:
        return _hi(bound.latest)
    return _MAX


@frozen(order=False)
class Period:
    """When something is valid: ``start`` inclusive, ``end`` exclusive, either open.

    An open bound (``None``) means there is no bound there; :data:`UNKNOWN`
    means there is one, but no source says when; a :class:`PartialDate` or a
    :class:`Between` says it lies in a range of days.

    Examples:
        >>> p = Period(start=date(2018, 1, 1), end=date(2019, 1, 1))
        >>> p.contains(date(2018, 12, 31)), p.contains(date(2019, 1, 1))
        (True, False)
        >>> Period(start=PartialDate(2014)).certainty(date(2014, 6, 1))
        <Certainty.UNCERTAIN: 'uncertain'>
        >>> Period(start=UNKNOWN, end=date(2020, 4, 1)).certainty(date(2019, 1, 1))
        <Certainty.UNCERTAIN: 'uncertain'>
        >>> Period(start=date(2014, 1, 1), end=parse_bound("2019-04-12..")).certainty(date(2019, 4, 11))
        <Certainty.YES: 'yes'>
    """

    start: Bound | None = None
    end: Bound | None = None

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if start is None or end is None:
            return
        empty = end <= start if isinstance(start, date) and isinstance(end, date) else _hi(end) < _lo(start)
        if empty:
            raise ValueError(f"end {end} is not after start {start}")

    # The four days that decide every question (computed, not stored, to stay small).
    @property
    def earliest_start(self) -> date:
        """The first day on which the period may have begun."""
        return _MIN if self.start is None else _lo(self.start)

    @property
    def latest_start(self) -> date:
        """The first day from which the period has surely begun."""
        return _MIN if self.start is None else _hi(self.start)

    @property
    def earliest_end(self) -> date:
        """The first day on which the period may have ended."""
        return _MAX if self.end is None else _lo(self.end)

    @property
    def latest_end(self) -> date:
        """The first day on which the period has surely ended."""
        return _MAX if self.end is None else _hi(self.end)

    @property
    def is_precise(self) -> bool:
        """True when both bounds are whole days or open."""
        return all(b is None or type(b) is date for b in (self.start, self.end))

    def certainty(self, day: date) -> Certainty:
        """Whether ``day`` lies in the period, given the precision of its bounds."""
        start, end = self.start, self.end
        # The four computed days, each computed once.
        earliest_start, latest_start = (_MIN, _MIN) if start is None else (_lo(start), _hi(start))
        earliest_end, latest_end = (_MAX, _MAX) if end is None else (_lo(end), _hi(end))
        if day < earliest_start or day >= latest_end:
            return Certainty.NO
        if day >= latest_start and day < earliest_end:
            return Certainty.YES
        return Certainty.UNCERTAIN

    def contains(self, day: date) -> bool:
        """True when ``day`` surely lies in the period."""
        start, end = self.start, self.end
        # What certainty() says YES to, computing only the two days it needs: on or after the
        # latest day the period may start and before the earliest it may end (a bound's earliest
        # day is never after its latest, so such a day is never a NO either).
        if start is not None and day < (start if type(start) is date else _hi(start)):
            return False
        return day < (_MAX if end is None else end if type(end) is date else _lo(end))

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
