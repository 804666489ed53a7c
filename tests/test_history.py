"""The network through time: the mergers of 2017-2021 and the renewal of the cooperation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.model import period_of
from waterketen.testing import histories


class TestPartnerCounts:
    @pytest.mark.parametrize(
        ("day", "count"), [("2017-06-01", 31), ("2018-06-01", 28), ("2019-06-01", 20), ("2021-06-01", 18)]
    )
    def test_count(self, net: wk.Network, day: str, count: int) -> None:
        """31 partners before the mergers, then 28, 20 and 18."""
        assert len(net.partners(on=day)) == count

    def test_municipalities_since_2021(self, net: wk.Network) -> None:
        """Since 2021: 10 municipalities of Groningen and 4 of Drenthe."""
        assert len(net.partners(on="2021-06-01", kind=wk.OrgKind.MUNICIPALITY)) == 14

    def test_diff_explains_the_drop(self, net: wk.Network) -> None:
        """diff explains 31 -> 18 by its change events."""
        diff = net.diff("2017-06-01", "2021-06-01")
        assert diff.summary() == "31 → 18 partners: 6 mergers, 1 reorganisation"
        assert {e.id for e in diff.removed if isinstance(e, wk.Organisation)} >= {
            "bedum",
            "winsum",
            "groningen",
        }
        for organisation in diff.removed:
            if isinstance(organisation, wk.Organisation):
                assert diff.explain(organisation.id), organisation.id


class TestSuccession:
    def test_winsum_split(self, net: wk.Network) -> None:
        """Winsum went partly to Het Hogeland and partly to Westerkwartier."""
        found = [(s.organisation.id, s.partial) for s in net.successors("winsum", on="2019-01-01")]
        assert found == [("het-hogeland", True), ("westerkwartier", True)]
        assert net.successors("winsum", on="2018-12-31") == ()

    def test_bedum(self, net: wk.Network) -> None:
        """What became of Bedum: Het Hogeland, whole, on 2019-01-01."""
        (succession,) = net.successors("bedum")
        assert succession.organisation.name == "Het Hogeland"
        assert not succession.partial
        assert succession.change.date == date(2019, 1, 1)

    def test_transitive_and_predecessors(self, net: wk.Network) -> None:
        """Successors can be followed; predecessors are the inverse."""
        assert [s.organisation.id for s in net.successors("appingedam", transitive=True)] == ["eemsdelta"]
        names = {s.organisation.name for s in net.predecessors("midden-groningen")}
        assert names == {"Hoogezand-Sappemeer", "Menterwolde", "Slochteren"}

    def test_meerstad_is_a_partial_transfer(self, net: wk.Network) -> None:
        """In 2017 part of Slochteren went to Groningen; in 2018 the rest to Midden-Groningen."""
        on_2017 = [(s.organisation.id, s.partial) for s in net.successors("slochteren", on="2017-06-01")]
        assert on_2017 == [("groningen", True)]
        assert {s.organisation.id for s in net.successors("slochteren")} == {"groningen", "midden-groningen"}


class TestIdentity:
    def test_gm0014_is_two_organisations(self, net: wk.Network) -> None:
        """GM0014 Groningen before and after 2019-01-01 are two organisations; a date chooses."""
        assert net.lookup("cbs", "GM0014", on="2018-12-31").id == "groningen"
        assert net.lookup("cbs", "GM0014", on="2019-01-01").id == "groningen-2019"
        with pytest.raises(wk.AmbiguityError):
            net.lookup("cbs", "GM0014")
        assert [s.organisation.id for s in net.successors("groningen")] == ["groningen-2019"]


class TestClustersOverTime:
    def test_groningen_centraal_in_2018(self, net: wk.Network) -> None:
        """In 2018 Groningen Centraal has Midden-Groningen, Pekela and Veendam."""
        members = {o.name for o in net.at("2018-06-01").partners(cluster="gnd-groningen-centraal")}
        assert members == {"Midden-Groningen", "Pekela", "Veendam"}

    def test_five_clusters_since_2020(self, net: wk.Network) -> None:
        """Since 2020 five clusters; two names known; only Waterpas's member known."""
        clusters = net.clusters(on="2021-06-01")
        assert len(clusters) == 5
        assert [c.name for c in clusters if c.name] == ["Waterpas", "Oost-Groningen"]
        assert net.cluster_of("groningen-2019", on="2021-06-01").name == "Waterpas"
        assert net.cluster_of("westerkwartier", on="2021-06-01") is wk.UNKNOWN

    def test_2020_is_uncertain(self, net: wk.Network) -> None:
        """The reorganisation is dated only to 2020: inside 2020 the clusters are uncertain."""
        snapshot = net.at("2020-06-01")
        assert snapshot.clusters() == ()
        assert sum(isinstance(e, wk.Cluster) for e in snapshot.uncertain()) == 12
        assert snapshot.cluster_of("pekela") is wk.UNKNOWN

    def test_waterregisseur_changed(self, net: wk.Network) -> None:
        """Wessel Rothstegge is waterregisseur from 2020-04-01; Peter Groen's dates are not known."""
        assert [h.name for h in net.holders("gnd-waterregisseur", on="2020-04-01")] == ["Wessel Rothstegge"]
        assert net.holders("gnd-waterregisseur", on="2017-11-01") == ()
        uncertain = {e.id for e in net.at("2017-11-01").uncertain()}
        assert "peter-groen@gnd-waterregisseur" in uncertain

    def test_regiegroep_and_stuurgroep_are_different_bodies(self, net: wk.Network) -> None:
        """The stuurgroep of 2020 is a new body, not a rename of the regiegroep."""
        assert net["gnd-stuurgroep"] != net["gnd-regiegroep"]
        reorganisation = net.get("gnd-reorganisatie-2020", wk.Change)
        assert reorganisation.date == wk.PartialDate(2020)
        assert "gnd-stuurgroep" in {p.id for p in reorganisation.after}


class TestTimeline:
    def test_bedum(self, net: wk.Network) -> None:
        """Bedum's timeline: began by 2010 (the register), joined no later than 2014, merged on 2019-01-01."""
        events = [(str(e.date), e.what) for e in net.timeline("bedum")]
        assert events[:2] == [("..2010-01-01", "start"), ("..2014", "joined")]
        assert ("2019-01-01", "change") in events
        assert events[-1][0] == "2019-01-01"

    def test_unknown_dates_come_first(self, net: wk.Network) -> None:
        """Events whose date no source gives come first; ranges keep their text."""
        assert [str(e.date) for e in net.timeline("harrie-koning")] == ["unknown", "unknown"]
        assert [str(e.date) for e in net.timeline("peter-groen")] == ["..2017-09", "2017-11.."]


class TestStaleness:
    def test_source_listing_ended_organisations(self, tmp_path: Path, net: wk.Network) -> None:
        """A source updated in April 2019 that still lists Bedum gets a warning naming the merger."""
        import json

        bedum = wk.formats.native.to_document(wk.Network([net["bedum"]]))["organisations"][0]
        page = tmp_path / "page.json"
        page.write_text(
            json.dumps({"source": {"updated": "2019-04-03"}, "organisations": [bedum]}), encoding="utf-8"
        )
        loaded = wk.load("embedded:groningen-noord-drenthe", page)
        assert loaded.report is not None
        (warning,) = loaded.report.warnings
        assert warning.source == str(page)
        assert (
            "last updated on 2019-04-03 but lists Bedum (bedum), which had ended on 2019-01-01"
            in warning.reason
        )
        assert "merger: Bedum, De Marne, Eemsmond, Winsum (part) → Het Hogeland" in warning.reason

    def test_no_warning_for_a_source_that_states_the_end(self, tmp_path: Path, net: wk.Network) -> None:
        """A source updated after the merger that gives the merger itself lists Bedum as history: no
        warning, alone or beside the embedded dataset (which states the merger too)."""
        import json

        (merger,) = [c for c in net.changes("bedum") if any(p.id == "bedum" for p in c.before)]
        part = wk.Network([merger, *(net[o.id] for o in (*merger.before, *merger.after))])
        document = {"source": {"updated": "2019-04-03"}, **wk.formats.native.to_document(part)}
        page = tmp_path / "history.json"
        page.write_text(json.dumps(document), encoding="utf-8")
        for loaded in (wk.load(page), wk.load("embedded:groningen-noord-drenthe", page)):
            assert loaded.report is not None
            assert not [w for w in loaded.report.warnings if "last updated on" in w.reason]

    def test_no_warning_for_current_data(self, tmp_path: Path, net: wk.Network) -> None:
        """A source updated before the merger gets no warning."""
        import json

        bedum = wk.formats.native.to_document(wk.Network([net["bedum"]]))["organisations"][0]
        page = tmp_path / "page.json"
        page.write_text(
            json.dumps({"source": {"updated": "2018-04-03"}, "organisations": [bedum]}), encoding="utf-8"
        )
        assert wk.load("embedded:groningen-noord-drenthe", page).report.warnings == ()  # type: ignore[union-attr]


days = st.dates(min_value=date(1985, 1, 1), max_value=date(2030, 12, 31))


class TestHistoryProperties:
    @given(histories(), days)
    def test_at_respects_validity(self, network: wk.Network, day: date) -> None:
        """at(d) never holds an organisation outside its validity."""
        for entity in network.at(day):
            assert period_of(entity).contains(day)
        for org in network.at(day).partners():
            assert org.period.contains(day)

    @given(histories())
    def test_successor_chains_have_no_cycles(self, network: wk.Network) -> None:
        """No organisation is its own successor, however far one follows."""
        for org in network.entities(wk.Organisation):
            assert org.id not in {s.organisation.id for s in network.successors(org.id, transitive=True)}

    @given(histories(), days, days)
    def test_diff_turns_one_day_into_the_other(self, network: wk.Network, a: date, b: date) -> None:
        """at(a) minus removed plus added is at(b); every organisation that ended by a change is explained."""
        a, b = min(a, b), max(a, b)
        diff = network.diff(a, b)
        before = {e.id for e in network.at(a)}
        after = {e.id for e in network.at(b)}
        assert (before - {e.id for e in diff.removed}) | {e.id for e in diff.added} == after
        for entity in diff.removed:
            if isinstance(entity, wk.Organisation) and network.changes(entity.id):
                ended_by_change = any(
                    p.id == entity.id and not p.partial for c in network.changes(entity.id) for p in c.before
                )
                if ended_by_change:
                    assert diff.explain(entity.id), entity.id
