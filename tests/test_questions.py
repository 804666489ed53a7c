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


class TestNames:
    def test_python_takes_the_names_the_command_takes(self, net: wk.Network) -> None:
        """Every question that takes an organisation or a group takes its name as well as its id."""
        assert net.cluster_of("Bedum", on="2016-01-01") == net.cluster_of("bedum", on="2016-01-01")
        assert net.members("BMWE", on="2016-01-01") == net.members("gnd-bmwe", on="2016-01-01")
        assert net.groups("Bedum") == net.groups("bedum")
        assert net.successors("Winsum", on="2019-01-01") == net.successors("winsum", on="2019-01-01")
        assert net.predecessors("Eemsdelta") == net.predecessors("eemsdelta")
        assert net.changes("Winsum") == net.changes("winsum")
        assert net.at("2016-01-01").cluster_of("Bedum").name == "BMWE"

    def test_an_unknown_name_suggests_one(self, net: wk.Network) -> None:
        """A mistyped name is an UnknownEntityError that says what was meant."""
        with pytest.raises(
            wk.UnknownEntityError, match=r"no organisation has the id or name 'Bedm'; did you mean Bedum"
        ):
            net.cluster_of("Bedm", on="2016-01-01")

    def test_a_name_of_two_needs_a_day_or_an_id(self, net: wk.Network) -> None:
        """Groningen names two municipalities over all time; a day chooses the one of that day."""
        with pytest.raises(wk.AmbiguityError, match="'Groningen' names 2 entities"):
            net.successors("Groningen")
        assert [s.organisation.id for s in net.predecessors("Groningen", on="2019-06-01")] == [
            "groningen",
            "haren",
            "ten-boer",
        ]

    def test_the_python_answer_and_the_command_answer_agree(self, net: wk.Network) -> None:
        """wk.answers (the command's answers) and the Network take the same name to the same id."""
        answer = wk.answers.cluster_of(net, "Bedum", on="2016-01-01").records()[0]
        cluster = net.cluster_of("Bedum", on="2016-01-01")
        assert isinstance(cluster, wk.Cluster)
        assert answer["cluster"] == cluster.id


class TestLifetime:
    def test_an_organisation_after_its_end(self, net: wk.Network) -> None:
        """Asked about a day after it ended, an organisation is not "in no cluster": it did not exist."""
        with pytest.raises(wk.errors.NotInPeriodError) as caught:
            net.cluster_of("Bedum", on="2026-12-01")
        error = caught.value
        assert str(error) == (
            "Bedum did not exist on 2026-12-01 (it existed from 2010-01-01 or earlier until 2019-01-01); "
            "ask with on=<a day>"
        )
        assert (error.entity, error.day, error.period) == ("bedum", date(2026, 12, 1), net["bedum"].period)
        assert error.told("command").endswith("; ask with --at")

    def test_a_group_after_its_end(self, net: wk.Network) -> None:
        """The members of a cluster that had ended are not an empty list but the same error."""
        with pytest.raises(wk.errors.NotInPeriodError, match="BMWE did not exist on 2026-12-01"):
            net.members("BMWE", on="2026-12-01")
        with pytest.raises(wk.errors.NotInPeriodError):
            wk.answers.members(net, "BMWE", on="2026-12-01")

    def test_the_partners_of_an_ended_cluster(self, net: wk.Network) -> None:
        """partners(cluster=) of a cluster that had ended is the same error, not an empty tuple."""
        with pytest.raises(wk.errors.NotInPeriodError, match="BMWE did not exist on 2026-12-01"):
            net.partners(on="2026-12-01", cluster="gnd-bmwe")
        assert len(net.partners(on="2016-01-01", cluster="gnd-bmwe")) == 4

    def test_a_day_it_may_have_existed_is_no_error(self, net: wk.Network) -> None:
        """A day inside an uncertain bound stays a question the data cannot answer (UNKNOWN)."""
        assert net.cluster_of("Bedum", on="2014-06-01") is wk.UNKNOWN

    def test_in_no_cluster_is_still_none(self, net: wk.Network) -> None:
        """An organisation that existed and is in no cluster answers None, as before."""
        assert net.cluster_of("noorderzijlvest", on="2016-01-01") is None
        assert wk.answers.cluster_of(net, "noorderzijlvest", on="2016-01-01").records()[0]["status"] == "none"

    def test_over_all_time_there_is_no_such_day(self, net: wk.Network) -> None:
        """Without a day, nothing is outside a lifetime."""
        assert net.cluster_of("Bedum") == net.cluster_of("bedum", on="2016-01-01")
