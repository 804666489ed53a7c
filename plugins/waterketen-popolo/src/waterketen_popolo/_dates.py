"""Popolo dates to waterketen period bounds and back.

Popolo writes a date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and gives the
*last* day of a membership, a post or an organisation (``end_date``,
``dissolution_date``, ``death_date``). waterketen's periods end *exclusive*.
A whole-day end therefore moves by one day each way; a year or month keeps
its precision and is written back as it was read (``"2014"`` stays
``PartialDate(2014)`` and is written ``"2014"``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import waterketen as wk
import waterketen.model
import waterketen.typing

from ._ids import blank


__all__ = ["end_from_popolo", "end_to_popolo", "start_from_popolo", "start_to_popolo"]


def start_from_popolo(value: Any) -> Any:
    """The native start bound for a Popolo start date (``None`` when there is none).

    Anything but a blank is passed on as it is: the core checks it and
    reports a bad date with its reason.
    """
    return None if blank(value) else value


def end_from_popolo(value: Any) -> Any:
    """The native, exclusive end bound for a Popolo end date (the last day).

    The last day there is, ``9999-12-31`` (a common way to say "no end"), has
    no day after it: it is read as an open end, the same days as far as the
    core's calendar goes (an open period ends before ``date.max``).

    Examples:
        >>> end_from_popolo("2018-12-31"), end_from_popolo("2014-11"), end_from_popolo(None)
        ('2019-01-01', '2014-11', None)
        >>> end_from_popolo("9999-12-31") is None
        True
    """
    if blank(value):
        return None
    if not isinstance(value, str):
        return value
    try:
        instant = wk.model.parse_instant(value)
    except ValueError:
        return value  # the core says why
    if isinstance(instant, wk.PartialDate):
        return value
    if instant == date.max:
        return None  # no exclusive end can follow it: an open one
    return (instant + timedelta(days=1)).isoformat()


def start_to_popolo(bound: wk.typing.Bound | None) -> str | None:
    """The Popolo start date of a bound; ``None`` for an open or unknown bound, or a range.

    Examples:
        >>> start_to_popolo(wk.PartialDate(2014)), start_to_popolo(wk.UNKNOWN)
        ('2014', None)
    """
    if bound is None or isinstance(bound, wk.typing.Unknown | wk.Between):
        return None  # Popolo has no range of days: the extension field keeps it
    return bound.isoformat()


def end_to_popolo(bound: wk.typing.Bound | None) -> str | None:
    """The Popolo end date (the last day) of an exclusive end bound.

    ``None`` when Popolo cannot say it: an open or unknown end, a range of
    days, or an end on the first day there is.

    Examples:
        >>> end_to_popolo(date(2019, 1, 1)), end_to_popolo(wk.PartialDate(2014, 11))
        ('2018-12-31', '2014-11')
    """
    if bound is None or isinstance(bound, wk.typing.Unknown | wk.Between):
        return None
    if isinstance(bound, wk.PartialDate):
        return bound.isoformat()
    if bound == date.min:
        return None
    return (bound - timedelta(days=1)).isoformat()
