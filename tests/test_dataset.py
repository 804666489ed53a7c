"""The embedded dataset holds the seed's facts (the wiki page of 2019) and the corrections of an audit."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

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


EMBEDDED = Path(wk.__file__).parent / "data"
COMMIT = re.compile(r"@ [0-9a-f]{40}\b|commit not recorded")


def _citations(document: object) -> Iterator[dict[str, str]]:
    """Every provenance item anywhere in a native JSON document."""
    if isinstance(document, dict):
        for key, value in document.items():
            if key == "provenance" and isinstance(value, list):
                yield from value
            else:
                yield from _citations(value)
    elif isinstance(document, list):
        for item in document:
            yield from _citations(item)


class TestProvenance:
    def test_every_record_cites_its_source(self, net: wk.Network) -> None:
        """Every record of the embedded dataset cites at least one source."""
        for entity in net:
            assert entity.provenance, entity.id

    @pytest.mark.parametrize(
        "name",
        ["groningen-noord-drenthe.json", "register/register.json", "regions/regions.json"],
    )
    def test_every_citation_resolves_for_a_reader(self, name: str) -> None:
        """Each citation of the embedded data is a public page (an http(s) URL) or a public
        repository whose locator names the path and the commit read: no file of this project's
        working notes (FACTS.md, a CSV line) that a user cannot find."""
        document = json.loads((EMBEDDED / name).read_text(encoding="utf-8"))
        citations = list(_citations(document))
        assert citations
        for citation in citations:
            source = citation["source"]
            assert source.startswith(("https://", "http://")), (name, citation)
            assert not re.search(r"FACTS\.md|\.csv line|wiki-2019\.txt$", source), (name, citation)
            if source.startswith("https://github.com/"):
                assert COMMIT.search(citation.get("locator") or ""), (name, citation)

    def test_the_founding_page_is_cited_with_its_date(self, net: wk.Network) -> None:
        """The seed's facts cite the wiki page itself, with its "Laatst bijgewerkt" day."""
        wiki = [p for p in net["gnd-regiegroep"].provenance if "samenwerkenaanwater.nl/wiki" in p.source]
        assert [(p.locator, p.date) for p in wiki] == [("line 41 of the page's text", date(2019, 4, 3))]

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


class TestStillSoAtTheLatestSource:
    """An open end is confirmed up to the record's latest dated source and assumed after it."""

    def test_latest_source_is_the_latest_dated_citation(self, net: wk.Network) -> None:
        assert net.latest_source("groningen-noord-drenthe") == date(2024, 4, 3)
        assert net.latest_source("wessel-rothstegge@gnd-waterregisseur") == date(2020, 5, 30)
        assert net.latest_source("harrie-koning") is None  # an undated page only

    def test_after_the_latest_source_the_answer_says_so(self, net: wk.Network) -> None:
        assert net.still_so("groningen-noord-drenthe", on="2026-12-01") == (
            "still so at the latest source (2024-04-03)"
        )

    def test_within_the_confirmed_range_nothing_extra(self, net: wk.Network) -> None:
        assert net.still_so("groningen-noord-drenthe", on="2024-04-03") is None
        assert net.still_so("groningen-noord-drenthe", on="2016-01-01") is None

    def test_a_record_with_an_end_or_not_valid_gets_nothing(self, net: wk.Network) -> None:
        assert net.still_so("gnd-dal", on="2026-12-01") is None  # ended in 2020
        assert net.still_so("gnd-rmg", on="2026-12-01") is None  # its end is uncertain, not open
        assert net.still_so("harrie-koning", on="2026-12-01") is None  # no dated source

    def test_the_summary_says_it_on_the_day_line_and_for_holders(self, net: wk.Network) -> None:
        from waterketen._render import summary

        today = summary(net, date(2026, 12, 1)).splitlines()
        assert today[1] == "as of 2026-12-01: still so at the latest source (2024-04-03)"
        assert any("Wessel Rothstegge, still so at the latest source (2020-05-30)" in line for line in today)
        then = summary(net, date(2020, 5, 1))  # within what the sources confirm
        assert "still so at the latest source" not in then

    def test_the_waterregisseur_chairs_the_meeting_only_as_far_as_the_2019_page_says(
        self, net: wk.Network
    ) -> None:
        """The chair duty is stated by the page of 2019-04-03; from 2020 a member duty."""
        roles = {
            day: [
                (d.role.value, d.body)
                for d in net.duties("gnd-waterregisseur", on=day)
                if d.body == "gnd-clustercoordinatorenoverleg"
            ]
            for day in ("2016-01-01", "2019-06-01", "2022-01-01")
        }
        assert roles["2016-01-01"] == [("chair", "gnd-clustercoordinatorenoverleg")]
        assert roles["2019-06-01"] == []
        assert roles["2022-01-01"] == [("member", "gnd-clustercoordinatorenoverleg")]
        seats = net.seats("gnd-clustercoordinatorenoverleg", on="2022-01-01")
        assert [s.role for s in seats if s.post.id == "gnd-waterregisseur"] == [wk.Role.MEMBER]
