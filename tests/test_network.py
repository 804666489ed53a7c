"""Tests for the Network's queries and views."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from hypothesis import given

import waterketen as wk
from waterketen.testing import networks


ON = "2016-01-01"


def small() -> wk.Network:
    """A network in which one code denotes two organisations at different times."""
    coop = wk.Cooperation(id="c", name="Coop")
    old = wk.Organisation(
        id="groningen",
        name="Groningen",
        kind=wk.OrgKind.MUNICIPALITY,
        identifiers=(wk.Identifier(scheme="cbs", value="GM0014"),),
        period=wk.Period(end=date(2019, 1, 1)),
    )
    new = wk.Organisation(
        id="groningen-2019",
        name="Groningen",
        kind=wk.OrgKind.MUNICIPALITY,
        identifiers=(wk.Identifier(scheme="cbs", value="GM0014"),),
        period=wk.Period(start=date(2019, 1, 1)),
    )
    a = wk.Cluster(id="a", name="A", cooperation="c")
    b = wk.Cluster(id="b", name="B", cooperation="c")
    m1 = wk.Membership(id="m1", member="groningen", group="a", period=wk.Period(end=date(2019, 1, 1)))
    m2 = wk.Membership(id="m2", member="groningen", group="b")
    return wk.Network([coop, old, new, a, b, m1, m2])


class TestLookup:
    def test_by_id(self, net: wk.Network) -> None:
        """Look-up by id; an unknown id is an error that is also a KeyError."""
        assert net["bedum"].name == "Bedum"
        with pytest.raises(wk.UnknownEntityError, match="'nope'"):
            net["nope"]
        with pytest.raises(KeyError):
            net["nope"]
        assert "bedum" in net
        assert "nope" not in net

    def test_get_checks_the_class(self, net: wk.Network) -> None:
        """get() refuses an entity of another class."""
        with pytest.raises(wk.UnknownEntityError, match="is an organisation, not a cluster"):
            net.get("bedum", wk.Cluster)

    @pytest.mark.parametrize(
        "name", ["hunze en aa's", "HUNZE EN AA’S", "Hunze en Aas", "waterschap hunze en aa's"]
    )
    def test_by_name_ignores_case_accents_and_quotes(self, net: wk.Network, name: str) -> None:
        """Names match whatever their case, accents or apostrophes, other names too."""
        assert [e.id for e in net.find(name, exact=True)] == ["hunze-en-aas"]
        assert net.find(name)[0].id == "hunze-en-aas"  # then parts of names, ranked after

    def test_by_name_with_accents(self, net: wk.Network) -> None:
        """Accented and unaccented spellings find the same body."""
        assert net.find("Clustercoördinatorenoverleg") == net.find("clustercoordinatorenoverleg")

    def test_code_reused_needs_a_date(self) -> None:
        """A code that denotes two organisations over time needs a day to choose."""
        network = small()
        assert network.lookup("cbs", "GM0014", on="2018-12-31").id == "groningen"
        assert network.lookup("cbs", "GM0014", on="2019-01-01").id == "groningen-2019"
        with pytest.raises(wk.AmbiguityError, match="pass on="):
            network.lookup("cbs", "GM0014")


class TestQueries:
    def test_cluster_of_is_ambiguous_without_a_day(self) -> None:
        """An organisation in two clusters over time needs a day, one on which it existed."""
        network = small()
        with pytest.raises(wk.errors.NotInPeriodError, match="Groningen did not exist on 2019-06-01"):
            network.cluster_of("groningen", on="2019-06-01")  # its membership of b outlives it
        with pytest.raises(wk.AmbiguityError, match="in clusters a, b"):
            network.cluster_of("groningen", on="2018-06-01")
        with pytest.raises(wk.AmbiguityError, match="pass on="):
            network.cluster_of("groningen")

    def test_members_and_groups(self, net: wk.Network) -> None:
        """members() and groups() are each other's inverse."""
        for group in ("gnd-dal", "groningen-noord-drenthe"):
            for member in net.members(group, on=ON):
                assert group in {g.id for g in net.groups(member.id, on=ON)}

    def test_unknown_group(self, net: wk.Network) -> None:
        """Asking about an unknown id is an error, not an empty answer."""
        with pytest.raises(wk.UnknownEntityError):
            net.members("nope")

    def test_only_cooperation_is_the_default(self) -> None:
        """With two cooperations, queries must name one."""
        network = wk.Network([wk.Cooperation(id="a", name="A"), wk.Cooperation(id="b", name="B")])
        with pytest.raises(wk.AmbiguityError, match="2 cooperations"):
            network.partners()
        assert network.partners("a") == ()

    def test_holders(self) -> None:
        """holders() answers who holds a post on a day."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Body(id="b", name="B", kind=wk.BodyKind.STEERING_GROUP, cooperation="c"),
                wk.Post(
                    id="p",
                    name="Chair",
                    cooperation="c",
                    duties=(wk.model.Duty(role=wk.Role.CHAIR, body="b"),),
                ),
                wk.Person(id="x", name="X"),
                wk.Person(id="y", name="Y"),
                wk.Tenure(id="t1", holder="x", post="p", period=wk.Period(end=date(2020, 4, 1))),
                wk.Tenure(id="t2", holder="y", post="p", period=wk.Period(start=date(2020, 4, 1))),
            ]
        )
        assert [h.id for h in network.holders("p", on="2020-03-31")] == ["x"]
        assert [h.id for h in network.holders("p", on="2020-04-01")] == ["y"]
        assert [s.holders[0].id for s in network.seats("b", on="2021-01-01")] == ["y"]


class TestSnapshot:
    def test_view_answers_like_the_network(self, net: wk.Network) -> None:
        """A snapshot gives the network's answers for its day."""
        snapshot = net.at(ON)
        assert snapshot.partners() == net.partners(on=ON)
        assert snapshot.clusters() == net.clusters(on=ON)
        assert snapshot.cluster_of("bedum") == net.cluster_of("bedum", on=ON)
        assert snapshot.lookup("cbs", "GM0005") == net.lookup("cbs", "GM0005", on=ON)
        assert "bedum" in snapshot
        assert "gnd-speerpunt-1" not in net.at("2018-01-01")

    @given(networks())
    def test_snapshot_holds_only_valid_entities(self, network: wk.Network) -> None:
        """Every entity of a snapshot is surely valid on its day."""
        for day in (date(1950, 1, 1), date(2014, 6, 1), date(2050, 1, 1)):
            for entity in network.at(day):
                assert wk.network.period_of(entity).contains(day)


class TestGraph:
    def test_graph_is_built_on_demand(self, net: wk.Network) -> None:
        """The networkx view is a MultiDiGraph with typed edges, cached."""
        graph = net.graph()
        assert graph is net.graph()
        assert graph.nodes["bedum"]["kind"] == "municipality"
        kinds = {d["kind"] for _, _, d in graph.edges(data=True)}
        assert {"member-of", "part-of", "chairs", "secretary-of", "leads", "represents", "seat-in"} <= kinds
        assert graph.has_edge("bedum", "gnd-bmwe")

    def test_relations_by_day(self, net: wk.Network) -> None:
        """Relations can be asked for one day."""
        on_day = list(net.relations(on=ON))
        assert 0 < len(on_day) <= len(list(net.relations()))
        assert "networkx" in sys.modules  # the graph tests above loaded it, on demand


class TestUnknownCluster:
    def test_cluster_division_not_fully_known(self) -> None:
        """When a cluster of the cooperation does not list all members, cluster_of says UNKNOWN."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Organisation(id="o", name="O", kind=wk.OrgKind.MUNICIPALITY),
                wk.Organisation(id="p", name="P", kind=wk.OrgKind.MUNICIPALITY),
                wk.Cluster(id="k", name="K", cooperation="c"),
                wk.Cluster(id="unnamed", cooperation="c", members_known=False),
                wk.Membership(id="o@c", member="o", group="c"),
                wk.Membership(id="p@c", member="p", group="c"),
                wk.Membership(id="o@k", member="o", group="k"),
            ]
        )
        assert network.cluster_of("o", on="2021-01-01").id == "k"
        assert network.cluster_of("p", on="2021-01-01") is wk.UNKNOWN
        assert wk.model.name_of(network["unnamed"]) == "(name unknown)"
