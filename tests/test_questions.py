"""Questions asked in Python when the question is off: dates, names, days outside a lifetime, hints.

Issue 19, items 6, 8, 9 and 10: the Python side of what ``tests/test_cli_usage.py``
checks on the command line.
"""

from __future__ import annotations

from datetime import date

import pytest

import waterketen as wk
from waterketen.errors import DateError


class TestDates:
    @pytest.mark.parametrize(
        ("text", "meant"),
        [
            ("01-01-2016", "2016-01-01"),
            ("1-2-2016", "2016-02-01"),
            ("31.12.2016", "2016-12-31"),
            ("12/31/2016", "2016-12-31"),
            ("2016/1/1", "2016-01-01"),
            ("20160101", "2016-01-01"),
        ],
    )
    def test_a_day_written_otherwise_is_guessed(self, net: wk.Network, text: str, meant: str) -> None:
        """A day written day first (the Dutch way) or otherwise is a DateError naming the day meant."""
        with pytest.raises(DateError, match=f"got '{text}'; did you mean {meant}\\?"):
            net.at(text)

    def test_a_year_is_not_a_day(self, net: wk.Network) -> None:
        """A year or a month is refused once, in the same words, with a day of it."""
        with pytest.raises(DateError, match=r"expected a whole day \(YYYY-MM-DD\), got '2016', a year"):
            net.partners(on="2016")
        with pytest.raises(DateError, match="a month: ask about one of its days, such as 2016-03-01"):
            net.at("2016-03")

    def test_a_date_error_is_a_value_error(self) -> None:
        """DateError is a WaterketenError and, as before, a ValueError."""
        with pytest.raises(wk.WaterketenError):
            wk.load().at("not a day")
        assert issubclass(DateError, ValueError)

    def test_not_text(self, net: wk.Network) -> None:
        """Something that is neither a date nor text is a DateError too, not an AttributeError."""
        with pytest.raises(DateError, match="expected a whole day"):
            net.at(20160101)  # type: ignore[arg-type]

    def test_a_data_date_is_guessed_too(self) -> None:
        """A bound in the data written day first gets the same guess, with the forms bounds take."""
        with pytest.raises(
            DateError, match=r"YYYY, YYYY-MM or YYYY-MM-DD, got '01-01-2016'; did you mean 2016-01-01"
        ):
            wk.model.parse_instant("01-01-2016")

    def test_a_real_day_is_still_a_day(self, net: wk.Network) -> None:
        """Whole days, as text or dates, answer as before."""
        assert len(net.at("2016-01-01").partners()) == len(net.at(date(2016, 1, 1)).partners()) == 31


class TestHints:
    def test_python_is_told_the_argument(self, net: wk.Network) -> None:
        """In Python an ambiguous code says which argument chooses: on=, not the command's --at."""
        with pytest.raises(wk.AmbiguityError) as caught:
            net.lookup("cbs", "GM0014")
        assert str(caught.value).endswith("; pass on=<a day> to choose")
        assert "--at" not in str(caught.value)

    def test_the_command_line_is_told_the_option(self, net: wk.Network) -> None:
        """The same error, told on the command line, names the option."""
        with pytest.raises(wk.AmbiguityError) as caught:
            net.lookup("cbs", "GM0014")
        assert caught.value.told("command").endswith("; pass --at DATE to choose")
        assert "on=" not in caught.value.told("command")

    def test_an_error_without_a_hint_is_told_alike(self) -> None:
        """An error with no hint reads the same in either interface."""
        error = wk.AmbiguityError("two answers")
        assert str(error) == error.told("command") == error.told("python") == "two answers"
