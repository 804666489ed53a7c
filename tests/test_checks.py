"""The domain rules: each broken by a small network and kept by another."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest
from hypothesis import given

import waterketen as wk
from waterketen.plugins import get_plugin_manager
from waterketen.testing import histories


D = date


def base(*extra: wk.Entity) -> wk.Network:
    """A cooperation with two municipalities, two clusters and a body."""
    return wk.Network(
        [
            wk.Cooperation(id="c", name="C"),
            wk.Organisation(id="a", name="A", kind=wk.OrgKind.MUNICIPALITY),
            wk.Organisation(id="b", name="B", kind=wk.OrgKind.MUNICIPALITY),
            wk.Cluster(id="k1", name="K1", cooperation="c"),
            wk.Cluster(id="k2", name="K2", cooperation="c"),
            wk.Membership(id="a@c", member="a", group="c"),
            wk.Membership(id="b@c", member="b", group="c"),
            *extra,
        ]
    )


def rule_findings(network: wk.Network, rule: str, on: str | None = "2020-01-01") -> list[wk.checks.Finding]:
    return list(network.check(rules=[rule], on=on).findings)


IN_CLUSTERS = (
    wk.Membership(id="a@k1", member="a", group="k1"),
    wk.Membership(id="b@k2", member="b", group="k2"),
)


class TestOneCluster:
    def test_kept(self) -> None:
        """Each municipality in exactly one cluster: no finding."""
        assert rule_findings(base(*IN_CLUSTERS), "one-cluster") == []

    def test_in_two_clusters(self) -> None:
        """A municipality in two clusters is an error naming both."""
        network = base(*IN_CLUSTERS, wk.Membership(id="a@k2", member="a", group="k2"))
        (finding,) = rule_findings(network, "one-cluster")
        assert finding.level is wk.checks.Level.ERROR
        assert finding.message == "A (a) is in 2 clusters of C (K1, K2), not 1"

    def test_in_none(self) -> None:
        """A municipality in no cluster is an error."""
        (finding,) = rule_findings(base(IN_CLUSTERS[0]), "one-cluster")
        assert "B (b) is in 0 clusters of C (none)" in finding.message

    def test_division_not_known(self) -> None:
        """Where a cluster does not list all members, the rule says nothing."""
        network = wk.Network(
            [*base(IN_CLUSTERS[0]), wk.Cluster(id="k3", cooperation="c", members_known=False)]
        )
        assert rule_findings(network, "one-cluster") == []


def body(seats: int, *posts: wk.Post) -> wk.Network:
    return base(
        wk.Body(id="r", name="R", kind=wk.BodyKind.STEERING_GROUP, cooperation="c", seats=seats), *posts
    )


def seat(post_id: str, represents: str, period: wk.Period | None = None) -> wk.Post:
    return wk.Post(
        id=post_id,
        name=post_id.upper(),
        cooperation="c",
        represents=represents,
        period=period or wk.Period(),
        duties=(wk.model.Duty(role=wk.Role.MEMBER, body="r"),),
    )


class TestSeatCount:
    def test_kept(self) -> None:
        """Two seats stated, two filled, each for a distinct cluster."""
        assert rule_findings(body(2, seat("s1", "k1"), seat("s2", "k2")), "seat-count") == []

    def test_wrong_number(self) -> None:
        """Twelve seats where eleven are stated is an error (here: one where two are)."""
        (finding,) = rule_findings(body(2, seat("s1", "k1")), "seat-count")
        assert finding.message == "R (r) has 1 member seat where 2 are stated"

    def test_same_cluster_twice(self) -> None:
        """Two seats representing one cluster is an error."""
        (finding,) = rule_findings(body(2, seat("s1", "k1"), seat("s2", "k1")), "seat-count")
        assert "several seats representing K1 (k1)" in finding.message

    def test_represented_must_exist(self) -> None:
        """A seat for an organisation that no longer exists is an error."""
        gone = wk.Organisation(
            id="g", name="G", kind=wk.OrgKind.WATER_BOARD, period=wk.Period(end=D(2019, 1, 1))
        )
        network = wk.Network([*body(2, seat("s1", "k1"), seat("s2", "g")), gone])
        (finding,) = rule_findings(network, "seat-count")
        assert "represents G (g), which does not exist then" in finding.message

    def test_uncertain_seats_are_not_counted(self) -> None:
        """On a day the seats' dates do not decide, the rule says nothing."""
        fuzzy = wk.Period(end=wk.model.parse_bound("2017-01-01.."))
        assert rule_findings(body(2, seat("s1", "k1", fuzzy), seat("s2", "k2", fuzzy)), "seat-count") == []


def chair(*tenures: wk.Tenure) -> wk.Network:
    return base(
        wk.Body(id="r", name="R", kind=wk.BodyKind.STEERING_GROUP, cooperation="c"),
        wk.Post(id="p", name="Chair", cooperation="c", duties=(wk.model.Duty(role=wk.Role.CHAIR, body="r"),)),
        wk.Person(id="x", name="X"),
        wk.Person(id="y", name="Y"),
        *tenures,
    )


class TestSingleHolder:
    def test_kept(self) -> None:
        """One holder after the other: no finding."""
        network = chair(
            wk.Tenure(id="t1", holder="x", post="p", period=wk.Period(end=D(2020, 4, 1))),
            wk.Tenure(id="t2", holder="y", post="p", period=wk.Period(start=D(2020, 4, 1))),
        )
        assert rule_findings(network, "single-holder", on=None) == []

    def test_two_at_once(self) -> None:
        """Two waterregisseurs at once is an error with the days it holds."""
        network = chair(
            wk.Tenure(id="t1", holder="x", post="p", period=wk.Period(end=D(2020, 5, 1))),
            wk.Tenure(id="t2", holder="y", post="p", period=wk.Period(start=D(2020, 4, 1))),
        )
        (finding,) = rule_findings(network, "single-holder", on=None)
        assert finding.level is wk.checks.Level.ERROR
        assert (finding.first, finding.last) == (D(2020, 4, 1), D(2020, 4, 30))

    def test_gap_is_a_note(self) -> None:
        """A gap between holders is a note."""
        network = chair(
            wk.Tenure(id="t1", holder="x", post="p", period=wk.Period(end=D(2020, 1, 1))),
            wk.Tenure(id="t2", holder="y", post="p", period=wk.Period(start=D(2020, 4, 1))),
        )
        (finding,) = rule_findings(network, "single-holder", on=None)
        assert finding.level is wk.checks.Level.NOTE
        assert (finding.first, finding.last) == (D(2020, 1, 1), D(2020, 3, 31))


class TestWithinLifetime:
    def test_kept(self) -> None:
        """Memberships inside their member's life: no finding."""
        assert rule_findings(base(*IN_CLUSTERS), "within-lifetime", on=None) == []

    def test_membership_outlives_member(self) -> None:
        """A membership that outlives its member is an error."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Organisation(
                    id="a", name="A", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(end=D(2019, 1, 1))
                ),
                wk.Membership(id="a@c", member="a", group="c"),
            ]
        )
        (finding,) = rule_findings(network, "within-lifetime", on=None)
        assert finding.entities == ("a@c", "a")
        assert "outlives or predates A (a)" in finding.message


class TestStatedPartnerCount:
    def test_kept_and_broken(self) -> None:
        """An agreement stating 2 partners matches; stating 3 does not."""
        good = wk.Agreement(id="g", name="G", cooperation="c", date=D(2015, 1, 1), partners=2)
        bad = wk.Agreement(id="h", name="H", cooperation="c", date=wk.PartialDate(2015), partners=3)
        (finding,) = rule_findings(base(good, bad), "stated-partner-count", on=None)
        assert finding.message == "H (h) states 3 partners, the network has 2"
        assert finding.first == D(2015, 12, 31)


class TestUniqueIdentifier:
    def test_reused_code_in_time_is_fine(self) -> None:
        """One code for two organisations at different times is allowed."""
        code = (wk.Identifier(scheme="cbs", value="GM0014"),)
        network = wk.Network(
            [
                wk.Organisation(
                    id="o",
                    name="O",
                    kind=wk.OrgKind.MUNICIPALITY,
                    identifiers=code,
                    period=wk.Period(end=D(2019, 1, 1)),
                ),
                wk.Organisation(
                    id="n",
                    name="N",
                    kind=wk.OrgKind.MUNICIPALITY,
                    identifiers=code,
                    period=wk.Period(start=D(2019, 1, 1)),
                ),
            ]
        )
        assert rule_findings(network, "unique-identifier", on=None) == []

    def test_same_code_at_once(self) -> None:
        """One code for two organisations on one day is an error."""
        code = (wk.Identifier(scheme="cbs", value="GM0014"),)
        network = wk.Network(
            [
                wk.Organisation(id="o", name="O", kind=wk.OrgKind.MUNICIPALITY, identifiers=code),
                wk.Organisation(
                    id="n",
                    name="N",
                    kind=wk.OrgKind.MUNICIPALITY,
                    identifiers=code,
                    period=wk.Period(start=D(2019, 1, 1)),
                ),
            ]
        )
        (finding,) = rule_findings(network, "unique-identifier", on=None)
        assert finding.message == "cbs:GM0014 denotes both O (o) and N (n)"


class TestChangeValidity:
    def merger(self, end: date, start: date) -> wk.Network:
        return wk.Network(
            [
                wk.Organisation(id="o", name="O", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(end=end)),
                wk.Organisation(
                    id="n", name="N", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(start=start)
                ),
                wk.Change(
                    id="m",
                    kind=wk.ChangeKind.MERGER,
                    date=D(2019, 1, 1),
                    before=(wk.model.Part(id="o"),),
                    after=(wk.model.Part(id="n"),),
                ),
            ]
        )

    def test_kept(self) -> None:
        """The merged organisation ends the day its successor starts, the change's date."""
        assert rule_findings(self.merger(D(2019, 1, 1), D(2019, 1, 1)), "change-validity", on=None) == []

    def test_broken(self) -> None:
        """An organisation that outlives its merger is an error."""
        (finding,) = rule_findings(self.merger(D(2019, 6, 1), D(2019, 1, 1)), "change-validity", on=None)
        assert finding.message.startswith("O (o) should end on 2019-01-01, the date of merger m")


class TestSameOrganisation:
    def test_ambiguous_name_is_reported_not_merged(self) -> None:
        """'Groningen' without a date matches the old and the new municipality: ambiguous."""
        code = (wk.Identifier(scheme="cbs", value="GM0014"),)
        network = wk.Network(
            [
                wk.Organisation(
                    id="groningen",
                    name="Groningen",
                    kind=wk.OrgKind.MUNICIPALITY,
                    identifiers=code,
                    period=wk.Period(end=D(2019, 1, 1)),
                ),
                wk.Organisation(
                    id="groningen-2019",
                    name="Groningen",
                    kind=wk.OrgKind.MUNICIPALITY,
                    identifiers=code,
                    period=wk.Period(start=D(2019, 1, 1)),
                ),
                wk.Organisation(id="page", name="Groningen", kind=wk.OrgKind.MUNICIPALITY),
                wk.Organisation(id="province", name="Groningen", kind=wk.OrgKind.PROVINCE),
            ]
        )
        findings = rule_findings(network, "same-organisation", on=None)
        assert len(findings) == 1
        assert "matches several organisations by name" in findings[0].message
        assert "not merged" in findings[0].message

    def test_identifier_first(self) -> None:
        """Two records with the same code on the same days match by identifier, whatever their names."""
        code = (wk.Identifier(scheme="cbs", value="GM0765"),)
        network = wk.Network(
            [
                wk.Organisation(id="pekela", name="Pekela", kind=wk.OrgKind.MUNICIPALITY, identifiers=code),
                wk.Organisation(
                    id="pekalas", name="de Pekala's", kind=wk.OrgKind.MUNICIPALITY, identifiers=code
                ),
            ]
        )
        (finding,) = rule_findings(network, "same-organisation", on=None)
        assert "matched by identifier: cbs:GM0765" in finding.message


class TestRunner:
    def test_embedded_dataset_passes_every_rule_on_every_day(self, net: wk.Network) -> None:
        """The embedded dataset keeps every built-in rule on every day of its history."""
        report = net.check()
        assert report.findings == ()
        assert len(report.rules) == 8
        assert len(report.days) > 30

    def test_switch_off_by_name(self) -> None:
        """A rule can be switched off by name; an unknown name is an error."""
        network = base(IN_CLUSTERS[0])
        assert network.check(on="2020-01-01", disable=["one-cluster"]).ok
        with pytest.raises(ValueError, match="no such rule"):
            network.check(rules=["nope"])

    def test_plugin_rule(self) -> None:
        """A plugin adds a rule through the hook, run beside the built-in ones."""

        def empty_clusters(network: wk.Network, days: Iterable[date]) -> Iterable[wk.checks.Finding]:
            for day in days:
                for cluster in network.clusters(on=day):
                    if not network.members(cluster.id, on=day):
                        yield wk.checks.Finding(
                            rule="no-empty-clusters",
                            level=wk.checks.Level.WARNING,
                            message=f"{cluster.name} is empty",
                            entities=(cluster.id,),
                            first=day,
                            last=day,
                        )

        class Plugin:
            @wk.hookimpl
            def waterketen_checks(self) -> Iterable[wk.checks.Check]:
                return [wk.checks.Check(name="no-empty-clusters", description="", run=empty_clusters)]

        pm = get_plugin_manager(entry_points=False)
        pm.register(Plugin())
        report = wk.checks.run_checks(base(IN_CLUSTERS[0]), on="2020-01-01", plugins=pm)
        assert "warning: [no-empty-clusters] K2 is empty on 2020-01-01" in str(report)

    def test_findings_over_days_are_merged(self) -> None:
        """One finding on many days is reported once with its first and last day."""
        network = base(IN_CLUSTERS[0])
        (finding,) = network.check(rules=["one-cluster"], on=["2020-01-01", "2021-01-01"]).findings
        assert (finding.first, finding.last) == (D(2020, 1, 1), D(2021, 1, 1))

    @given(histories())
    def test_consistent_histories_have_no_errors(self, network: wk.Network) -> None:
        """A network built to keep the invariants yields no errors."""
        assert network.check().errors == ()
