"""The embedded dataset holds the seed's facts (groningen-noord-drenthe-wiki-2019.txt)."""

from __future__ import annotations

import pytest

import waterketen as wk


ON = "2016-01-01"  # inside the seed's picture: agreement of 2014, spearheads 2015-2016

CLUSTERS = {
    "DAL": ["Delfzijl", "Appingedam", "Loppersum"],
    "BMWE": ["Bedum", "De Marne", "Winsum", "Eemsmond"],
    "Westerkwartier": ["Zuidhorn", "Grootegast", "Leek", "Marum"],
    "GHT": ["Groningen", "Haren", "Ten Boer"],
    "Groningen Centraal": ["Hoogezand-Sappemeer", "Menterwolde", "Pekela", "Veendam", "Slochteren"],
    "Groningen Oost": ["Stadskanaal", "Vlagtwedde", "Bellingwedde", "Oldambt"],
    "Kop van Drenthe": ["Noordenveld", "Tynaarlo", "Assen", "Aa en Hunze"],
}


class TestPartners:
    def test_thirty_one(self, net: wk.Network) -> None:
        """31 partners: 27 municipalities, 2 water boards, 2 drinking-water companies."""
        assert len(net.partners(on=ON)) == 31
        kinds = [o.kind for o in net.partners(on=ON)]
        assert kinds.count(wk.OrgKind.MUNICIPALITY) == 27
        assert kinds.count(wk.OrgKind.WATER_BOARD) == 2
        assert kinds.count(wk.OrgKind.WATER_COMPANY) == 2

    def test_stated_count_matches(self, net: wk.Network) -> None:
        """The agreement states 31 partners, as the network holds."""
        agreement = net.get("gnd-bestuurlijk-akkoord-2014", wk.Agreement)
        assert agreement.partners == len(net.partners(on=ON))

    def test_water_partners(self, net: wk.Network) -> None:
        """The two water boards and two water companies are named as in the seed."""
        names = {o.name for o in net.partners(on=ON) if o.kind is not wk.OrgKind.MUNICIPALITY}
        assert names == {
            "Noorderzijlvest",
            "Hunze en Aa’s",
            "Waterbedrijf Groningen",
            "Waterleidingmaatschappij Drenthe",
        }

    def test_codes(self, net: wk.Network) -> None:
        """Each municipality has its verified CBS code; look-up by code finds it."""
        assert net.lookup("cbs", "GM0765", on=ON).name == "Pekela"  # the seed's "de Pekala's"
        assert net.lookup("cbs", "GM1680").name == "Aa en Hunze"
        assert net.lookup("kadaster-bgt", "W0647").name == "Noorderzijlvest"
        assert net.lookup("cbs", "GM9999") is None
        codes = {o.identifier("cbs") for o in net.partners(on=ON, kind=wk.OrgKind.MUNICIPALITY)}
        assert len(codes) == 27


class TestClusters:
    def test_seven(self, net: wk.Network) -> None:
        """7 clusters, in the seed's order."""
        assert [c.name for c in net.clusters(on=ON)] == list(CLUSTERS)

    @pytest.mark.parametrize(("cluster", "members"), CLUSTERS.items())
    def test_members(self, net: wk.Network, cluster: str, members: list[str]) -> None:
        """Each cluster has exactly the municipalities the seed lists, in its order."""
        (found,) = net.find(cluster, kind=wk.Cluster)
        assert [o.name for o in net.partners(on=ON, cluster=found.id)] == members

    def test_cluster_of_each_municipality(self, net: wk.Network) -> None:
        """Every municipality is in exactly one cluster; water partners in none."""
        for org in net.partners(on=ON):
            cluster = net.cluster_of(org.id, on=ON)
            if org.kind is wk.OrgKind.MUNICIPALITY:
                assert cluster is not None
                assert org.name in CLUSTERS[cluster.name]
            else:
                assert cluster is None

    def test_water_team_and_coordinator_per_cluster(self, net: wk.Network) -> None:
        """In each cluster a water team is led by a cluster coordinator."""
        teams = net.bodies(on=ON, kind=wk.BodyKind.WATER_TEAM)
        assert sorted(t.cluster or "" for t in teams) == sorted(c.id for c in net.clusters(on=ON))
        for team in teams:
            (lead,) = [s for s in net.seats(team.id, on=ON) if s.role is wk.Role.LEAD]
            assert lead.post.name.startswith("Clustercoördinator")


class TestGovernance:
    def test_regiegroep_has_eleven_seats(self, net: wk.Network) -> None:
        """11 managers represent the 7 clusters, the 2 water companies and the 2 water boards."""
        (regiegroep,) = net.find("regiegroep", kind=wk.Body)
        assert regiegroep.seats == 11
        members = [s for s in net.seats(regiegroep.id, on=ON) if s.role is wk.Role.MEMBER]
        assert len(members) == 11
        represented = [s.represents for s in members]
        assert sum(isinstance(r, wk.Cluster) for r in represented) == 7
        kinds = [r.kind for r in represented if isinstance(r, wk.Organisation)]
        assert sorted(k.value for k in kinds) == ["water-board"] * 2 + ["water-company"] * 2

    def test_waterregisseur_has_two_roles(self, net: wk.Network) -> None:
        """The waterregisseur is secretary of the regiegroep and chairs the coordinators' meeting."""
        (post,) = net.find("waterregisseur", kind=wk.Post)
        duties = {(d.role, net[d.body].name) for d in net.duties(post.id, on=ON)}
        assert duties == {(wk.Role.SECRETARY, "Regiegroep"), (wk.Role.CHAIR, "Clustercoördinatorenoverleg")}

    def test_coordinators_meeting(self, net: wk.Network) -> None:
        """The coordinators' meeting has the 7 coordinators, chaired by the waterregisseur."""
        (meeting,) = net.find("clustercoordinatorenoverleg")
        seats = net.seats(meeting.id, on=ON)
        assert sum(s.role is wk.Role.MEMBER for s in seats) == 7
        assert [s.post.name for s in seats if s.role is wk.Role.CHAIR] == ["Waterregisseur"]


class TestAgreementAndSpearheads:
    def test_goals_and_target(self, net: wk.Network) -> None:
        """The 2014 agreement has the three K's and D, and about 18 million less extra cost by 2020."""
        agreement = net.get("gnd-bestuurlijk-akkoord-2014", wk.Agreement)
        assert agreement.date == wk.PartialDate(2014)
        assert [g.name for g in agreement.goals] == ["kwaliteit", "kwetsbaarheid", "kosten", "duurzaamheid"]
        (target,) = agreement.targets
        assert (target.amount, target.approximate, target.by) == (18_000_000, True, wk.PartialDate(2020))

    def test_nine_spearheads(self, net: wk.Network) -> None:
        """9 spearheads for 2015 and 2016, numbered 1 to 9; none in 2017."""
        spearheads = net.entities(wk.Spearhead, on=ON)
        assert sorted(s.number for s in spearheads) == list(range(1, 10))
        assert net.entities(wk.Spearhead, on="2017-01-01") == ()


class TestProvenance:
    def test_every_record_cites_its_source(self, net: wk.Network) -> None:
        """Every record points at the seed or at a data file (with its place), or at a public
        source of the register (its organisations' records come from the register)."""
        allowed = {"groningen-noord-drenthe-wiki-2019.txt", "municipalities.csv", "mergers.csv", "FACTS.md"}
        for entity in net:
            assert entity.provenance, entity.id
            ours = [p for p in entity.provenance if not p.source.startswith(("https://", "http://"))]
            assert {p.source for p in ours} <= allowed, entity.id
            assert all(p.locator for p in ours), entity.id

    def test_uncertain_in_2014(self, net: wk.Network) -> None:
        """The agreement is dated only to 2014, so mid-2014 memberships are uncertain, not guessed."""
        snapshot = net.at("2014-06-01")
        assert len(snapshot.partners()) == 0
        assert sum(isinstance(e, wk.Membership) for e in snapshot.uncertain()) == 58


class TestShipped:
    def test_json_is_compiled_from_the_toml(self) -> None:
        """The shipped JSON is exactly what the TOML makes (run `nox -s dataset` after editing it)."""
        from importlib.resources import files

        from waterketen.sources.embedded import compiled, datasets

        for name in datasets():
            shipped = (files("waterketen") / "data" / f"{name}.json").read_text(encoding="utf-8")
            assert shipped == compiled(name), f"{name}.json is stale: run nox -s dataset"
