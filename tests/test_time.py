"""Tests for dates of known precision and for periods."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from waterketen import UNKNOWN, Between, PartialDate, Period
from waterketen._time import as_date
from waterketen.model import Certainty, parse_bound, parse_instant
from waterketen.testing import bounds, instants, periods
from waterketen.typing import Bound


days = st.dates(min_value=date(1890, 1, 1), max_value=date(2110, 12, 31))


class TestParseInstant:
    def test_forms(self) -> None:
        """A year, a month and a day each keep their precision."""
        assert parse_instant("2014") == PartialDate(2014)
        assert parse_instant("2014-11") == PartialDate(2014, 11)
        assert parse_instant("2014-11-03") == date(2014, 11, 3)

    @pytest.mark.parametrize(
        "text", ["31-02-2019", "2019-02-31", "2019-13", "19", "2019-1-1", "", "２０１９"]
    )
    def test_rejects(self, text: str) -> None:
        """Anything else is a ValueError that quotes the text."""
        with pytest.raises(ValueError, match=r"2019|date|month|expected"):
            parse_instant(text)

    @given(instants)
    def test_round_trip(self, instant: date | PartialDate) -> None:
        """The ISO text of an instant reads back as the same instant."""
        assert parse_instant(instant.isoformat()) == instant

    def test_query_needs_a_day(self) -> None:
        """A query date must be a whole day."""
        with pytest.raises(ValueError, match="whole day"):
            as_date("2019")


class TestPeriod:
    def test_half_open(self) -> None:
        """Start is inclusive, end exclusive."""
        period = Period(start=date(2018, 1, 1), end=date(2019, 1, 1))
        assert period.contains(date(2018, 1, 1))
        assert period.contains(date(2018, 12, 31))
        assert not period.contains(date(2019, 1, 1))
        assert not period.contains(date(2017, 12, 31))

    def test_open_bounds(self) -> None:
        """An open bound reaches as far as the data goes."""
        assert Period().contains(date(1, 1, 1))
        assert Period(end=date(2000, 1, 1)).contains(date(1999, 12, 31))

    def test_reversed_is_rejected(self) -> None:
        """An end before the start is an error naming both."""
        with pytest.raises(ValueError, match=r"end 2018-01-01 is not after start 2019-01-01"):
            Period(start=date(2019, 1, 1), end=date(2018, 1, 1))
        with pytest.raises(ValueError, match="not after"):
            Period(start=date(2019, 1, 1), end=date(2019, 1, 1))

    def test_partial_start_is_uncertain_inside_its_year(self) -> None:
        """A start known to the year is uncertain within that year only."""
        period = Period(start=PartialDate(2014))
        assert period.certainty(date(2013, 12, 31)) is Certainty.NO
        assert period.certainty(date(2014, 6, 1)) is Certainty.UNCERTAIN
        assert period.certainty(date(2014, 12, 31)) is Certainty.YES
        assert period.certainty(date(2015, 1, 1)) is Certainty.YES

    def test_partial_end(self) -> None:
        """An end known to the month is uncertain within that month."""
        period = Period(end=PartialDate(2020, 4))
        assert period.certainty(date(2020, 3, 31)) is Certainty.YES
        assert period.certainty(date(2020, 4, 15)) is Certainty.UNCERTAIN
        assert period.certainty(date(2020, 5, 1)) is Certainty.NO

    @given(periods(), days)
    def test_certainty_is_consistent(self, period: Period, day: date) -> None:
        """contains implies may_contain; a precise period is never uncertain."""
        if period.contains(day):
            assert period.may_contain(day)
        if period.is_precise:
            assert period.certainty(day) is not Certainty.UNCERTAIN

    @given(periods(), days)
    def test_contains_is_a_sure_yes(self, period: Period, day: date) -> None:
        """contains() computes only two of the four days, and says what certainty() says."""
        assert period.contains(day) is (period.certainty(day) is Certainty.YES)

    @given(periods(), days)
    def test_certainty_is_monotonic(self, period: Period, day: date) -> None:
        """Once surely over, a period stays over; before it surely starts, it is not yet sure."""
        if period.certainty(day) is Certainty.NO and day >= period.latest_start:
            assert period.certainty(day + timedelta(days=1)) is Certainty.NO


class TestUnknownBounds:
    def test_unknown_start(self) -> None:
        """A start no source gives makes every day before the end uncertain."""
        period = Period(start=UNKNOWN, end=date(2020, 4, 1))
        assert period.certainty(date(1990, 1, 1)) is Certainty.UNCERTAIN
        assert period.certainty(date(2020, 3, 31)) is Certainty.UNCERTAIN
        assert period.certainty(date(2020, 4, 1)) is Certainty.NO

    def test_unknown_end(self) -> None:
        """An end no source gives makes every day from the start uncertain."""
        period = Period(start=date(2014, 1, 1), end=UNKNOWN)
        assert period.certainty(date(2013, 12, 31)) is Certainty.NO
        assert period.certainty(date(2014, 1, 1)) is Certainty.UNCERTAIN
        assert str(period) == "[2014-01-01, unknown)"


class TestBetween:
    def test_parse_and_write_back(self) -> None:
        """Ranges read and write back as they were written."""
        for text in ("2019-04-12..", "..2017-11", "2017-01-01..2020"):
            assert parse_bound(text).isoformat() == text

    @pytest.mark.parametrize("text", ["..", "2020..2019", "x..", "2019-02-30.."])
    def test_rejects(self, text: str) -> None:
        """Empty, reversed or malformed ranges are errors."""
        with pytest.raises(ValueError, match=r"range|expected|real date"):
            parse_bound(text)

    def test_certainty(self) -> None:
        """A period ending on or after a day is surely valid before that day, uncertain after."""
        period = Period(start=date(2014, 1, 1), end=Between(earliest=date(2019, 4, 12)))
        assert period.certainty(date(2019, 4, 11)) is Certainty.YES
        assert period.certainty(date(2030, 1, 1)) is Certainty.UNCERTAIN

    @given(bounds)
    def test_round_trip(self, bound: Bound) -> None:
        """Every bound's text reads back as the same bound."""
        assert parse_bound(bound.isoformat()) == bound
