"""The seed page read through the plugin holds the embedded dataset's picture of 2016."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import waterketen as wk
from waterketen_wiki import WikiPage


DAY = "2017-12-31"  # the day the page is read as of: what it states holds then, before any merger
PICTURE = "2016-01-01"  # a day on which the embedded dataset surely holds the page's picture


def represented(net: wk.Network, entity_id: str | None) -> Any:
    """Whom a seat stands for, comparable across networks: an organisation by id, a cluster by name."""
    if entity_id is None:
        return None
    entity = net[entity_id]
    if isinstance(entity, wk.Organisation):
        return ("organisation", entity.id)
    return (entity.tag, wk.model.name_of(entity))


def structure(net: wk.Network, day: str = DAY) -> dict[str, Any]:
    """The network's state on a day, by structure: names, kinds, codes, compositions, seats, duties."""
    return {
        # by id, kind and code: the page's names are the national register's, the dataset's its own
        "partners": sorted((o.id, o.kind, o.identifier("cbs")) for o in net.partners(on=day)),
        "clusters": sorted(
            (c.name, tuple(sorted(o.id for o in net.partners(on=day, cluster=c.id))))
            for c in net.clusters(on=day)
        ),
        "cluster of": sorted(
            (o.id, getattr(net.cluster_of(o.id, on=day), "name", None)) for o in net.partners(on=day)
        ),
        "bodies": sorted(
            (b.name, b.kind, b.seats, net[b.cluster].name if b.cluster else None) for b in net.bodies(on=day)
        ),
        "posts": sorted(
            (
                # a seat by whom it represents: its name holds the register's or the dataset's name of them
                p.name if p.represents is None else "(a seat)",
                tuple(sorted((d.role.value, net[d.body].name) for d in net.duties(p.id, on=day))),
                represented(net, p.represents),
            )
            for p in net.posts(on=day)
        ),
        "seats": {
            b.name: sorted(
                (s.role.value, represented(net, s.post.represents)) for s in net.seats(b.id, on=day)
            )
            for b in net.bodies(on=day)
        },
        "agreements": sorted(
            (a.name, str(a.date), a.goals, a.targets, a.partners)
            for a in net.entities(wk.Agreement)
            if a.date is not None and str(a.date) <= day
        ),
        "spearheads": sorted((s.number, s.title, str(s.period)) for s in net.entities(wk.Spearhead, on=day)),
        "cooperations": sorted(c.name for c in net.entities(wk.Cooperation)),
    }


class TestSeedEqualsEmbedded:
    @pytest.mark.parametrize(
        "part",
        [
            "partners",
            "clusters",
            "cluster of",
            "bodies",
            "posts",
            "seats",
            "agreements",
            "spearheads",
            "cooperations",
        ],
    )
    def test_same_structure_on_a_day_of_the_picture(
        self, seed: wk.Network, embedded: wk.Network, part: str
    ) -> None:
        """The page on the day it is read as of states the picture of the embedded dataset, compared
        by structure (the embedded regiegroep's seats may have ended in 2017: it is asked on PICTURE)."""
        day = PICTURE if part == "spearheads" else DAY  # the page dates its spearheads itself: 2015-2016
        assert structure(seed, day)[part] == structure(embedded, PICTURE)[part]

    def test_counts(self, seed: wk.Network) -> None:
        """31 partners of three kinds, 7 clusters of 27 municipalities, 11 seats in the regiegroep."""
        partners = seed.partners(on=DAY)
        assert len(partners) == 31
        assert sorted(k.value for k in {o.kind for o in partners}) == [
            "municipality",
            "water-board",
            "water-company",
        ]
        assert sum(len(seed.partners(on=DAY, cluster=c.id)) for c in seed.clusters(on=DAY)) == 27
        (regiegroep,) = seed.bodies(on=DAY, kind=wk.BodyKind.STEERING_GROUP)
        assert regiegroep.seats == 11
        assert len([s for s in seed.seats(regiegroep.id, on=DAY) if s.role is wk.Role.MEMBER]) == 11

    def test_waterregisseur_has_two_duties(self, seed: wk.Network) -> None:
        """The waterregisseur is secretary of the regiegroep and chairs the coordinators' meeting."""
        (post,) = [p for p in seed.posts(on=DAY) if p.name == "Waterregisseur"]
        assert [(d.role, seed[d.body].name) for d in post.duties] == [
            (wk.Role.SECRETARY, "Regiegroep"),
            (wk.Role.CHAIR, "Clustercoördinatorenoverleg"),
        ]
        assert [p.locator for p in post.provenance] == ["line 41", "line 43"]

    def test_water_teams_are_led_by_coordinators(self, seed: wk.Network) -> None:
        """Each cluster has a water team led by its cluster coordinator."""
        teams = seed.bodies(on=DAY, kind=wk.BodyKind.WATER_TEAM)
        assert sorted(seed[t.cluster].name for t in teams if t.cluster) == sorted(
            c.name for c in seed.clusters(on=DAY) if c.name
        )
        for team in teams:
            (lead,) = [s for s in seed.seats(team.id, on=DAY) if s.role is wk.Role.LEAD]
            assert lead.post.name == f"Clustercoördinator {seed[team.cluster or ''].name}"

    def test_pekela_is_resolved(self, seed: wk.Network) -> None:
        """The page's "de Pekala’s" is Pekela, GM0765, with the page's spelling kept in a note."""
        pekela = seed.lookup("cbs", "GM0765", on=DAY)
        assert pekela is not None
        assert pekela.id == "pekela"
        (membership,) = [m for m in seed.memberships("pekela") if "cluster" in m.group]
        assert membership.note == "The page writes de Pekala’s; read as Pekela."
        assert seed.find("de Marne", kind=wk.Organisation)[0].identifier("cbs") == "GM1663"


class TestSeedSource:
    def test_updated_and_reading_day(self, seed_page: WikiPage) -> None:
        """``updated`` is the page's date; it is read as of the last day all its municipalities existed."""
        assert seed_page.updated == date(2019, 4, 3)
        assert seed_page.as_of == date(2017, 12, 31)
        assert seed_page.cooperation == "wiki-groningen-noord-drenthe"

    def test_warnings(self, seed: wk.Network) -> None:
        """The seed's warnings: its reading day, and the four paragraphs that yield nothing."""
        assert seed.report is not None
        stale = [w for w in seed.report.warnings if "but lists" in w.reason]
        warnings = [w for w in seed.report.warnings if w not in stale]
        assert [(w.place, w.field) for w in warnings] == [
            ("line 7", "updated"),
            ("line 45", "paragraph"),
            ("line 49", "paragraph"),
            ("line 57", "paragraph"),
            ("line 59", "paragraph"),
        ]
        assert "read as of 2017-12-31" in warnings[0].reason
        assert "jaarverslag van 2016 - 2017" in warnings[2].reason
        assert seed.report.read == seed.report.accepted
        (summary,) = seed.report.sources
        assert summary.updated == date(2019, 4, 3)

    def test_staleness(self, seed: wk.Network, seed_path: Path) -> None:
        """Updated on 2019-04-03, the page names municipalities merged away on 2019-01-01; it states
        so itself (read as of 2017-12-31, its own warning), so it is not stale, alone or beside the
        embedded history."""
        assert seed.report is not None
        (updated,) = [w for w in seed.report.warnings if w.field == "updated"]
        assert "15 of the organisations it names were not valid then" in updated.reason
        assert "it is read as of 2017-12-31" in updated.reason
        assert not [w for w in seed.report.warnings if "but lists" in w.reason]
        both = wk.load("embedded:groningen-noord-drenthe", f"wiki:{seed_path}")
        assert both.report is not None
        assert not [w for w in both.report.warnings if "but lists" in w.reason]

    def test_provenance_names_lines(self, seed: wk.Network, seed_path: Path) -> None:
        """Every record says which line of the page states it."""
        source = f"wiki:{seed_path}"
        for entity in seed:
            assert entity.provenance, entity.id
            assert any(
                p.source == source and (p.locator or "").startswith("line ") for p in entity.provenance
            )
        assert [p.locator for p in seed["bedum@wiki-groningen-noord-drenthe/cluster-bmwe"].provenance] == [
            "line 20"
        ]
        bedum = seed["bedum"].provenance
        assert bedum[0].source == source
        register = wk.resolution.default_network()["bedum"].provenance
        assert {p.source for p in register} <= {p.source for p in bedum}  # the register's own is kept

    def test_merges_with_the_embedded_dataset(self, seed_path: Path) -> None:
        """Loaded beside the embedded dataset, the page's cooperation, clusters, bodies, posts and
        memberships are the embedded ones, with both provenances: one Groningen & Noord-Drenthe with
        seven 2014-2019 clusters, and no finding of the rules."""
        source = f"wiki:{seed_path}"
        both = wk.load("embedded:groningen-noord-drenthe", source)
        assert len(both.entities(wk.Organisation)) == len(wk.load().entities(wk.Organisation))
        assert both.report is not None
        assert not both.report.rejected
        assert not [w for w in both.report.warnings if "alike" in w.reason]
        assert [c.id for c in both.entities(wk.Cooperation)] == ["groningen-noord-drenthe"]
        assert not [e.id for e in both if e.id.startswith("wiki-")]
        clusters = both.clusters(on=PICTURE)
        assert len(clusters) == 7
        assert all(str(c.period) == "[..2014, 2020)" for c in clusters)
        for entity_id in ("groningen-noord-drenthe", "gnd-dal", "gnd-regiegroep", "gnd-waterregisseur"):
            assert source in {p.source for p in both[entity_id].provenance}, entity_id
            assert len({p.source for p in both[entity_id].provenance} - {source}) >= 1, entity_id
        assert len(both.partners("groningen-noord-drenthe", on=DAY)) == 31
        assert both.check().ok, both.check()

    def test_alone_passes_the_rules_but_a_fact_of_the_page(self, seed: wk.Network) -> None:
        """Alone, the page passes every rule but one: its agreement of end 2014 states 31 partners,
        and the page dates its partners only as no later than the day it is read as of."""
        report = seed.check()
        (finding,) = report.errors
        assert finding.rule == "stated-partner-count"
        assert "states 31 partners, the network has 0" in finding.message
        assert finding.first == date(2014, 12, 31)

    def test_explicit_day(self, seed_path: Path) -> None:
        """Read as of a day after the mergers, merged municipalities stay named, unresolved ones."""
        page = WikiPage(seed_path, as_of="2019-04-03")
        net = wk.load(page)
        assert page.as_of == date(2019, 4, 3)
        assert net.report is not None
        unknown = [w for w in net.report.warnings if w.field == "name"]
        assert len(unknown) == 15
        assert "'Bedum' is not known to the register on 2019-04-03" in " ".join(w.reason for w in unknown)
        assert net["wiki-groningen-noord-drenthe/org-bedum"].name == "Bedum"
        assert len(net.partners(on="2019-04-03")) == 31


class TestPagesOfTwoYears:
    def test_one_region_dated_by_both(self, tmp_path: Path) -> None:
        """Two pages of one region from different years are one cooperation and one cluster, each
        dated from no later than the first page to after the second, without a conflict."""
        text = (
            "Regio\n\nProefregio\n\nLaatst bijgewerkt: {day}\n\n"
            "De samenwerking bestaat uit 3 partners: 3 gemeenten.\n\n"
            " • Cluster Alles (Bedum, Winsum en Assen)\n"
        )
        paths = []
        for year in (2015, 2017):
            path = tmp_path / f"page-{year}.txt"
            path.write_text(text.format(day=f"01-06-{year}"), encoding="utf-8")
            paths.append(f"wiki:{path}")
        net = wk.load(*paths)
        assert net.report is not None
        assert not net.report.rejected
        (coop,) = net.entities(wk.Cooperation)
        assert str(coop.period) == "[..2015-06-01, 2017-06-02..)"
        (cluster,) = net.entities(wk.Cluster)
        assert {p.source for p in net.origin(cluster.id)} == set(paths)
        assert len(net.partners(on="2016-06-01")) == 3
        assert net.check().ok
