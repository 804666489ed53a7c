"""Hand-written pages in the sentence forms of real region pages (tests/data, see its README):
the names the reader finds, by kind, against the names each page writes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest

import waterketen as wk
from waterketen_wiki import WikiPage


DATA = Path(__file__).parent / "data"
M, B, C, P = (wk.OrgKind.MUNICIPALITY, wk.OrgKind.WATER_BOARD, wk.OrgKind.WATER_COMPANY, wk.OrgKind.PROVINCE)

EXPECTED: dict[str, dict[wk.OrgKind, set[str]]] = {
    "rivierenland-current": {
        M: {"Buren", "Culemborg", "Geldermalsen", "Maasdriel", "NederBetuwe", "Neerijnen", "Tiel"}
        | {"West Maas en Waal", "Zaltbommel"},
        B: {"Rivierenland"},
    },
    "friesland-current": {P: {"Fryslân"}, B: {"Wetterskip Fryslân"}, C: {"Vitens"}},
    "noordkop-current": {
        M: {"Texel", "Den Helder", "Schagen", "Hollands Kroon"},
        B: {"Hollands Noorderkwartier"},
        C: {"PWN"},
    },
    "rijnland-current": {B: {"Rijnland"}},
    "twente-wiki-2017": {
        M: {"Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo"}
        | {"Hof van Twente", "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden"},
        B: {"Vechtstromen", "Regge en Dinkel"},
    },
    "meierij-current": {
        M: {"Best", "Boxtel", "Haaren", "'s-Hertogenbosch", "Heusden", "Meierijstad", "Oirschot"}
        | {"Oisterwijk", "Sint Michielsgestel", "Sint Oedenrode", "Vught"},
        B: {"Aa en Maas", "De Dommel"},
        C: {"Brabant Water"},
    },
    "achterhoek-wiki-2017": {
        M: {"Doetinchem", "Aalten", "Oost Gelre", "Winterswijk", "Montferland", "Lochem", "Berkelland"}
        | {"Bronckhorst", "Zutphen", "Oude IJsselstreek"},
        B: {"Rijn en IJssel"},  # written "Rijn & IJssel" in the list, "Rijn en IJssel" below it
    },
    "hart-van-brabant-current": {
        M: {"Dongen", "Gilze en Rijen", "Goirle", "Hilvarenbeek", "Loon op Zand", "Oisterwijk", "Tilburg"}
        | {"Waalwijk"},
        B: {"Brabantse Delta", "De Dommel"},
    },
    "west-friesland-current": {
        M: {"Stede Broec", "Enkhuizen", "Drechterland", "Hoorn", "Koggenland", "Opmeer", "Medemblik"},
        B: {"Hollands Noorderkwartier"},
        C: {"PWN"},
    },
    "as50-current": {
        M: {"Bernheze", "Boekel", "Landerd", "Oss", "Schijndel", "Uden", "Veghel", "Meierijstad"}
        | {"Sint Oedenrode"},
        B: {"Aa en Maas", "De Dommel"},
    },
}
"""What each page names, by kind, as it writes the names (without "Gemeente", "Waterschap", …)."""


def read(stem: str) -> tuple[wk.Network, WikiPage]:
    """A fixture page read against the national register (the default), leniently."""
    page = WikiPage(DATA / f"{stem}.txt")
    return wk.load(page, strict=False), page


def found(net: wk.Network, source: str) -> dict[wk.OrgKind, tuple[wk.Organisation, ...]]:
    """The organisations the page gave, by kind."""
    out: dict[wk.OrgKind, tuple[wk.Organisation, ...]] = {}
    for org in net.entities(wk.Organisation):
        if any(p.source == source for p in org.provenance):
            out[org.kind] = (*out.get(org.kind, ()), org)
    return out


def scores(
    pairs: Iterable[tuple[dict[wk.OrgKind, set[str]], dict[wk.OrgKind, tuple[wk.Organisation, ...]]]],
) -> tuple[float, float]:
    """Recall and precision of names by kind over (expected, found) pairs.

    A name the page writes is found when an organisation of its kind that the page gave is what
    the library's resolver makes of it among those organisations, by a rule other than a fuzzy
    match ("Rivierenland" is "Waterschap Rivierenland", "Hengelo" "Hengelo (O.)", "Fryslân"
    "Friesland"); each organisation is found once.
    """
    hits = wanted = given = 0
    for expected, got in pairs:
        for kind in {*expected, *got}:
            want, have = expected.get(kind, set()), got.get(kind, ())
            orgs = wk.Network(have)
            matched = set()
            for name in want:
                r = wk.resolve(name, kind=kind, network=orgs)
                if r is not None and r.rule is not wk.resolution.Rule.FUZZY:
                    matched.add(r.organisation.id)
            hits += len(matched)
            wanted += len(want)
            given += len(have)
    return hits / wanted, hits / given


def names(got: dict[wk.OrgKind, tuple[wk.Organisation, ...]]) -> dict[str, list[str]]:
    """What the page gave, readably (for a failing assertion)."""
    return {kind.value: sorted(o.name for o in orgs) for kind, orgs in got.items()}


class TestRegionPages:
    @pytest.mark.parametrize("stem", sorted(EXPECTED))
    def test_each_page(self, stem: str) -> None:
        """Each page: recall of at least 90% and precision of at least 95% of its names by kind."""
        net, page = read(stem)
        got = found(net, page.name)
        recall, precision = scores([(EXPECTED[stem], got)])
        assert recall >= 0.9, names(got)
        assert precision >= 0.95, names(got)

    def test_all_pages(self) -> None:
        """Over all the pages together, every name is found with its kind."""
        pairs = []
        for stem, expected in EXPECTED.items():
            net, page = read(stem)
            pairs.append((expected, found(net, page.name)))
        assert scores(pairs) == (1.0, 1.0)

    def test_count_that_disagrees_is_kept_and_warned(self) -> None:
        """Rivierenland: "10 gemeenten" against nine names is kept in the note and warned."""
        net, _ = read("rivierenland-current")
        assert net.report is not None
        (warning,) = [w for w in net.report.warnings if w.field == "partners"]
        assert "states 10 municipalities, but names 9" in warning.reason
        assert len(net.partners(kind=M)) == 9
        assert "10 municipalities" in (net.cooperation().note or "")

    def test_start_bodies_and_people(self) -> None:
        """The start "vanaf oktober 2013", the bodies' composition and the trekker with her role."""
        net, _ = read("rivierenland-current")
        coop = net.cooperation()
        assert coop.period.start == wk.PartialDate(2013, 10)
        bodies = {b.name: b.seats for b in net.bodies()}
        assert bodies == {"Stuurgroep": 5, "Kerngroep": 5}
        held = {net[t.holder].name: wk.model.name_of(net[t.post]) for t in net.entities(wk.Tenure)}
        assert held == {"Karin van Dorenmalen": "Coördinator Netwerk Waterketen regio Rivierenland"}

    def test_current_layout_title(self) -> None:
        """A sub-region's page: its title is the cooperation, the line under it its region."""
        net, _ = read("noordkop-current")
        coop = net.cooperation()
        assert coop.name == "Noordkop"
        assert "under the region Hollands Noorderkwartier" in (coop.note or "")
        # "het hoogheemraadschap Hollands Noorderkwartier (HHNK)" is the register's water board,
        # which the library's resolver also knows by that abbreviation
        (board,) = [o for o in net.entities(wk.Organisation) if o.kind is B]
        assert (board.name, board.identifier("cbs")) == ("Hoogheemraadschap Hollands Noorderkwartier", "WS21")
        resolved = wk.resolve("HHNK")
        assert resolved is not None
        assert resolved.organisation.id == board.id

    def test_subregions(self) -> None:
        """ "verenigd in vier sub-regio’s:" and the names under it are four sub-regions, members unknown."""
        net, _ = read("rijnland-current")
        clusters = {c.name: c.members_known for c in net.clusters()}
        assert clusters == dict.fromkeys(
            ["Leidse Regio", "Bollenstreek", "Kennemerland", "Groene Hart"], False
        )
        assert not [w for w in net.report.warnings if w.field == "clusters"]  # type: ignore[union-attr]
        (agreement,) = net.entities(wk.Agreement)
        assert agreement.date == date(2016, 7, 4)

    def test_old_layout(self) -> None:
        """The old wiki layout: the region under "Regio", the last-updated date, a former board."""
        net, page = read("twente-wiki-2017")
        assert (net.cooperation().name, page.updated) == ("Twents Waternet", date(2017, 1, 16))
        assert len(net.partners(kind=M)) == 14

    def test_names_outside_a_partner_list(self) -> None:
        """A drinking-water company named outside the partner list is an organisation, not a partner."""
        net, _ = read("meierij-current")
        partners = {o.name for o in net.partners()}
        assert "Brabant Water" not in partners
        assert {"Waterschap Aa en Maas", "Waterschap De Dommel", "Vught"} <= partners

    def test_count_without_names_is_kept(self) -> None:
        """Friesland: "de 18 Fryske gemeenten" names none; the count is kept in the note, not warned."""
        net, _ = read("friesland-current")
        assert net.report is not None
        assert not [w for w in net.report.warnings if w.field == "partners"]
        assert "18 municipalities" in (net.cooperation().note or "")
        assert {o.name: o.kind for o in net.partners()} == {
            "Friesland": P,  # the page's "Provincie Fryslân", as the register names it
            "Wetterskip Fryslân": B,
            "Vitens": C,
        }

    def test_consists_with_a_year_and_a_body_of_people(self) -> None:
        """As50+: "bestaat in 2016 uit …" is the partner list; "een bestuurlijk trio bestaande uit de
        wethouders van de gemeenten Uden en Veghel en een lid van …" is people, not a second list."""
        net, _ = read("as50-current")
        partners = {o.name for o in net.partners()}
        assert partners == {"Bernheze", "Boekel", "Landerd", "Oss", "Schijndel", "Uden", "Veghel"} | {
            "Waterschap Aa en Maas"
        }
        named = {o.name for o in net.entities(wk.Organisation)}
        assert {"Meierijstad", "Waterschap De Dommel"} <= named - partners

    def test_subregion_with_a_water_company(self) -> None:
        """West-Friesland: a sub-region's title over its region, the company written with its abbreviation."""
        net, _ = read("west-friesland-current")
        coop = net.cooperation()
        assert coop.name == "West-Friesland"
        assert "under the region Hollands Noorderkwartier" in (coop.note or "")
        assert len(net.partners(kind=M)) == 7
        assert [o.name for o in net.partners(kind=C)] == ["PWN Waterleidingbedrijf Noord-Holland"]

    def test_old_layout_with_an_ampersand(self) -> None:
        """Achterhoek+ (old layout): "Waterschap Rijn & IJssel" is the register's board, named once."""
        net, page = read("achterhoek-wiki-2017")
        assert page.updated == date(2017, 5, 23)
        assert len(net.partners(kind=M)) == 10
        assert [o.name for o in net.partners(kind=B)] == ["Waterschap Rijn en IJssel"]
