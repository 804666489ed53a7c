"""The seed page read through the plugin holds the embedded dataset's picture of 2016."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import waterketen as wk
from waterketen_wiki import WikiPage


DAY = "2016-01-01"  # inside the picture the seed describes, before any merger


def represented(net: wk.Network, entity_id: str | None) -> Any:
    """Whom a seat stands for, comparable across networks: an organisation by id, a cluster by name."""
    if entity_id is None:
        return None
    entity = net[entity_id]
    if isinstance(entity, wk.Organisation):
        return ("organisation", entity.id)
    return (entity.tag, wk.model.name_of(entity))


def structure(net: wk.Network) -> dict[str, Any]:
    """The network's state on DAY, by structure: names, kinds, codes, compositions, seats, duties."""
    return {
        "partners": sorted((o.id, o.name, o.kind, o.identifier("cbs")) for o in net.partners(on=DAY)),
        "clusters": sorted(
            (c.name, tuple(sorted(o.id for o in net.partners(on=DAY, cluster=c.id))))
            for c in net.clusters(on=DAY)
        ),
        "cluster of": sorted(
            (o.id, getattr(net.cluster_of(o.id, on=DAY), "name", None)) for o in net.partners(on=DAY)
        ),
        "bodies": sorted(
            (b.name, b.kind, b.seats, net[b.cluster].name if b.cluster else None) for b in net.bodies(on=DAY)
        ),
        "posts": sorted(
            (
                p.name,
                tuple(sorted((d.role.value, net[d.body].name) for d in net.duties(p.id, on=DAY))),
                represented(net, p.represents),
            )
            for p in net.posts(on=DAY)
        ),
        "seats": {
            b.name: sorted(
                (s.role.value, represented(net, s.post.represents)) for s in net.seats(b.id, on=DAY)
            )
            for b in net.bodies(on=DAY)
        },
        "agreements": sorted(
            (a.name, str(a.date), a.goals, a.targets, a.partners)
            for a in net.entities(wk.Agreement)
            if a.date is not None and str(a.date) <= DAY
        ),
        "spearheads": sorted((s.number, s.title, str(s.period)) for s in net.entities(wk.Spearhead, on=DAY)),
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
        """On 2016-01-01 the page and the embedded dataset agree on every part, compared by structure."""
        assert structure(seed)[part] == structure(embedded)[part]

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
        """Updated on 2019-04-03, the page still lists the 16 municipalities that had merged away;
        beside the embedded history, each warning names the merger that ended it."""
        assert seed.report is not None
        stale = [w for w in seed.report.warnings if "but lists" in w.reason]
        assert len(stale) == 16
        both = wk.load("embedded:groningen-noord-drenthe", f"wiki:{seed_path}")
        assert both.report is not None
        (bedum,) = [w for w in both.report.warnings if "lists Bedum (bedum)" in w.reason]
        assert bedum.source == f"wiki:{seed_path}"
        assert "ended on 2019-01-01 (merger: Bedum, De Marne, Eemsmond, Winsum (part) → Het Hogeland)" in (
            bedum.reason
        )

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
        # the embedded dataset's provenance is kept: public sources, such as the Kadaster code table
        assert "https://github.com/gwmod/nlmod" in {p.source for p in bedum}

    def test_merges_with_the_embedded_dataset(self, seed_path: Path) -> None:
        """Loaded beside the embedded dataset, the page shares its organisations without conflicts."""
        both = wk.load("embedded:groningen-noord-drenthe", f"wiki:{seed_path}")
        assert len(both.entities(wk.Organisation)) == len(wk.load().entities(wk.Organisation))
        assert both.report is not None
        assert not both.report.rejected
        assert len(both.partners("wiki-groningen-noord-drenthe", on=DAY)) == 31

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
