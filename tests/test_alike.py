"""One cooperation, cluster or body described by two sources under their own ids becomes one entity."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.loading._groups import together
from waterketen.model import parse_bound
from waterketen.testing import FakeSource


MUNICIPALITY = {"id": "bedum", "name": "Bedum", "kind": "municipality"}


def page(prefix: str, *, cluster: dict[str, Any] | None = None, name: str = "Stad & Ommeland") -> FakeSource:
    """A source of one cooperation with one cluster, its water team, its coordinator and Bedum in both."""
    coop, dal = prefix, f"{prefix}-dal"
    return FakeSource(
        [
            ("organisation", MUNICIPALITY),
            ("cooperation", {"id": coop, "name": name}),
            ("cluster", {"id": dal, "name": "DAL", "cooperation": coop, **(cluster or {})}),
            (
                "body",
                {
                    "id": f"{dal}-team",
                    "name": "Waterteam DAL",
                    "kind": "water-team",
                    "cooperation": coop,
                    "cluster": dal,
                },
            ),
            (
                "post",
                {
                    "id": f"{dal}-lead",
                    "name": "Clustercoördinator DAL",
                    "cooperation": coop,
                    "duties": [{"role": "lead", "body": f"{dal}-team"}],
                },
            ),
            ("membership", {"id": f"bedum@{coop}", "member": "bedum", "group": coop}),
            ("membership", {"id": f"bedum@{dal}", "member": "bedum", "group": dal}),
        ],
        name=prefix,
    )


class TestAlike:
    def test_one_entity_with_both_provenances(self) -> None:
        """The second source's cooperation, cluster, body, post and memberships are the first's."""
        net = wk.load(page("first"), page("second", name="Stad en Ommeland"))
        assert [c.id for c in net.entities(wk.Cooperation)] == ["first"]
        assert sorted(e.id for e in net if e.id.startswith("second")) == []
        assert {p.source for p in net.origin("first-dal")} == {"first", "second"}
        assert net.cooperation().other_names == ("Stad en Ommeland",)
        assert [m.id for m in net.memberships("bedum")] == ["bedum@first", "bedum@first-dal"]
        assert [d.body for d in net["first-dal-lead"].duties] == ["first-dal-team"]
        assert net.report is not None
        assert net.report.ok

    def test_the_narrower_dates_are_kept(self) -> None:
        """A cluster dated "no later than 2014 until 2020" by one source and "on 2017-12-31" by the
        other is the first's, dated as it is."""
        net = wk.load(
            page("first", cluster={"period": {"start": "..2014", "end": "2020-01-01"}}),
            page("second", cluster={"period": {"start": "..2017-12-31", "end": "2018-01-01.."}}),
        )
        assert str(net["first-dal"].period) == "[..2014, 2020-01-01)"

    def test_alike_but_disagreeing_stay_apart_with_a_warning(self) -> None:
        """Two clusters of one name whose dates cannot meet are two, and the load says why."""
        net = wk.load(
            page("first", cluster={"period": {"end": "2015-01-01"}}),
            page("second", cluster={"period": {"start": "2016-01-01"}}),
        )
        assert sorted(c.id for c in net.entities(wk.Cluster)) == ["first-dal", "second-dal"]
        assert net.report is not None
        (warning,) = [w for w in net.report.warnings if "alike" in w.reason]
        assert warning.source == "second"
        assert "'second-dal' and 'first-dal' (at first item 3) are alike clusters but disagree: period" in (
            warning.reason
        )

    def test_one_source_keeps_its_own_ids(self) -> None:
        """Two clusters of one name in one source are that source's business: not merged."""
        source = FakeSource(
            [
                ("cooperation", {"id": "c", "name": "C"}),
                ("cluster", {"id": "a", "name": "DAL", "cooperation": "c"}),
                ("cluster", {"id": "b", "name": "DAL", "cooperation": "c"}),
            ]
        )
        other = FakeSource([("cooperation", {"id": "c2", "name": "C"})], name="other")
        net = wk.load(source, other)
        assert sorted(c.id for c in net.entities(wk.Cluster)) == ["a", "b"]
        assert [c.id for c in net.entities(wk.Cooperation)] == ["c"]


DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1))


@st.composite
def periods(draw: st.DrawFn) -> wk.Period:
    """A period of whole days, ranges or open bounds."""
    first, second = sorted(draw(st.lists(DAYS, min_size=2, max_size=2, unique=True)))
    start = draw(st.sampled_from([None, first, parse_bound(f"..{first}")]))
    end = draw(st.sampled_from([None, second, parse_bound(f"{second}..")]))
    return wk.Period(start=start, end=end)


class TestTogether:
    @given(periods())
    def test_with_itself_and_with_nothing_said(self, period: wk.Period) -> None:
        """A period together with itself is itself; with a record that dates nothing, too, but an end
        that may be open is open."""
        assert together(period, period) == period
        # an open end is kept where the other allows it: "still so" lies within "after 2018"
        open_end = period.end if period.latest_end != date.max else None
        assert together(period, wk.Period()) == wk.Period(start=period.start, end=open_end)
        assert together(wk.Period(), period) == wk.Period(start=period.start, end=open_end)

    @given(periods(), periods())
    def test_what_both_allow(self, a: wk.Period, b: wk.Period) -> None:
        """Together, a day surely in the result may be in both; periods that cannot meet give None."""
        both = together(a, b)
        if both is None:
            return
        day = both.latest_start
        if day < both.earliest_end and day != date.min:
            assert a.may_contain(day)
            assert b.may_contain(day)

    def test_disjoint(self) -> None:
        """Periods that cannot share a day cannot be one."""
        assert together(wk.Period(end=date(2015, 1, 1)), wk.Period(start=date(2016, 1, 1))) is None

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("..2017-12-31", "2016-06-01..", "2016-06-01..2017-12-31"),
            ("..2014", "..2017-12-31", "..2014"),
        ],
    )
    def test_ranges_meet(self, a: str, b: str, expected: str) -> None:
        """Two ranges of a start give the days both allow."""
        met = together(wk.Period(start=parse_bound(a)), wk.Period(start=parse_bound(b)))
        assert met is not None
        assert met.start is not None
        assert met.start.isoformat() == expected


class TestStaleness:
    def source(self, **options: Any) -> FakeSource:
        """A source updated in 2019 that lists an organisation ended on 2019-01-01."""
        ended = {**MUNICIPALITY, "period": {"end": "2019-01-01"}}
        records: list[tuple[str, Any]] = [("organisation", ended)]
        records += options.pop("records", [])
        source = FakeSource(records, name="page", updated=date(2019, 4, 3))
        for key, value in options.items():
            setattr(source, key, value)
        return source

    def stale(self, source: FakeSource) -> list[wk.Problem]:
        """The staleness warnings of a load of the source."""
        net = wk.load(source)
        assert net.report is not None
        return [w for w in net.report.warnings if "but lists" in w.reason]

    def test_listing_an_ended_organisation(self) -> None:
        """A source updated after an organisation's end that lists it gets the warning."""
        (warning,) = self.stale(self.source())
        assert "last updated on 2019-04-03 but lists Bedum (bedum), which had ended on 2019-01-01" in (
            warning.reason
        )

    def test_a_source_that_says_the_day_it_describes(self) -> None:
        """A source that says it describes a day before the end (``as_of``) is not stale."""
        assert not self.stale(self.source(as_of=date(2018, 12, 31)))
        assert self.stale(self.source(as_of=date(2019, 1, 1)))

    def test_a_source_that_ends_its_memberships(self) -> None:
        """A source whose memberships of the organisation end by its update day states the end."""
        coop = ("cooperation", {"id": "c", "name": "C"})
        ended = ("membership", {"id": "m", "member": "bedum", "group": "c", "period": {"end": "2019-01-01"}})
        assert not self.stale(self.source(records=[coop, ended]))
        still = ("membership", {"id": "m", "member": "bedum", "group": "c"})
        assert self.stale(self.source(records=[coop, still]))

    def test_in_time_days(self) -> None:
        """The day after the update changes nothing: only the day the source describes does."""
        assert self.stale(self.source(as_of=date(2019, 4, 3) + timedelta(days=1)))
