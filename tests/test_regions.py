"""The regions dataset: built from research files, names resolved by the register, records citing pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import waterketen as wk
from waterketen.regions import _files
from waterketen.regions._build import build
from waterketen.regions._coverage import coverage, coverage_page, national_network
from waterketen.regions._resolve import resolve_name
from waterketen.regions._source import compiled


DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture(scope="module")
def regions() -> wk.Network:
    return wk.load("regions:")


@pytest.fixture(scope="module")
def register() -> wk.Network:
    return wk.load("register:")


@pytest.fixture(scope="module")
def national() -> wk.Network:
    return national_network()


def _findings() -> list[dict[str, str]]:
    data = json.loads((_files.folder() / "findings.json").read_text(encoding="utf-8"))
    return list(data["findings"])


class TestShipped:
    def test_json_is_compiled_from_the_research_files(self) -> None:
        """The shipped regions.json and findings.json are what the research files give (nox -s dataset)."""
        regions, findings = compiled()
        assert (_files.folder() / "regions.json").read_text(encoding="utf-8") == regions, "run nox -s dataset"
        assert (_files.folder() / "findings.json").read_text(encoding="utf-8") == findings, (
            "run nox -s dataset"
        )

    def test_coverage_page_is_generated_from_the_data(self, national: wk.Network) -> None:
        """docs/coverage.md is what the data gives (nox -s coverage)."""
        assert (DOCS / "coverage.md").read_text(encoding="utf-8") == coverage_page(national), (
            "run nox -s coverage"
        )

    def test_every_file_is_built_but_the_deeper_dataset(self, regions: wk.Network) -> None:
        """47 of the 48 files are cooperations; Groningen & Noord-Drenthe stays the embedded dataset."""
        files = _files.read_all()
        assert len(files) == 48
        assert sum(r.part_of is not None for r in files) == 13
        ids = {c.id for c in regions.entities(wk.Cooperation)}
        assert ids == {f"regio-{r.slug}" for r in files if r.slug != "groningen-noord-drenthe"}
        assert "groningen-noord-drenthe" not in regions


class TestChecks:
    def test_check_finds_only_the_documented_facts_of_the_sources(self, regions: wk.Network) -> None:
        """Every error of net.check() is one the data README lists: municipalities in no named cluster."""
        report = regions.check()
        towns = sorted(f.entities[0] for f in report.errors)
        assert {f.rule for f in report.errors} == {"one-cluster"}
        assert towns == sorted(
            [
                *("aalten", "berkelland", "bronckhorst", "doesburg", "amersfoort", "baarn", "bunschoten"),
                *("eemnes", "leusden", "nijkerk", "renkum", "renswoude", "rhenen", "soest", "veenendaal"),
                "wageningen",
            ]
        )
        readme = (_files.folder() / "README.md").read_text(encoding="utf-8")
        for town in towns:
            assert regions[town].name in readme

    def test_load_warns_of_what_the_build_found(self, regions: wk.Network) -> None:
        """The load's warnings are the findings that need a reader: counts, names not found or ambiguous."""
        kinds = [f["kind"] for f in _findings() if f["kind"] != "rule"]
        assert len(regions.report.warnings) == len(kinds) == 13


class TestCoverage:
    def test_share_of_the_342_municipalities_of_2025(self, national: wk.Network) -> None:
        """271 of the 342 municipalities of 2025 are named as partners (79%); 280 with predecessors."""
        found = coverage(national)
        print(
            f"coverage: {len(found.named)} of {len(found.municipalities)} named ({found.share:.1%}), "
            f"{len(found.named) + len(found.through_predecessor)} with predecessors "
            f"({found.share_with_predecessors:.1%})"
        )
        assert len(found.municipalities) == 342
        assert (len(found.named), len(found.through_predecessor)) == (271, 9)

    def test_every_region_has_water_boards_and_municipalities_or_a_reason(self, regions: wk.Network) -> None:
        """Each region names its water board(s), and its municipalities or says that no source names them."""
        for coop in regions.entities(wk.Cooperation):
            members = regions.partners(coop.id)
            if not any(o.kind is wk.OrgKind.WATER_BOARD for o in members):
                assert "No source read names its water board" in (coop.note or ""), coop.id
            if not any(o.kind is wk.OrgKind.MUNICIPALITY for o in members):
                assert "No source read names its municipalities" in (coop.note or ""), coop.id


class TestProvenance:
    def test_every_record_cites_a_page_and_its_date(self, regions: wk.Network, register: wk.Network) -> None:
        """Every record but the register's cites a web page, with the page's date or 'not stated'."""
        for entity in regions:
            if entity.id in register:
                assert entity == register[entity.id]
                continue
            assert entity.provenance, entity.id
            for p in entity.provenance:
                assert p.source.startswith(("https://", "http://")), entity.id
                assert "page date " in (p.locator or ""), entity.id

    def test_memberships_start_no_later_than_the_page(self, regions: wk.Network) -> None:
        """A membership starts no later than its page's date, never on an invented day."""
        for m in regions.entities(wk.Membership):
            assert isinstance(m.period.start, wk.Between), m.id
            assert m.period.start.earliest is None, m.id


class TestCounts:
    def test_stated_counts_that_disagree_with_the_names_are_reported(self) -> None:
        """Rivierenland's "10 gemeenten" with nine names is the one disagreement."""
        counts = [f for f in _findings() if f["kind"] == "count"]
        assert [(f["region"], f["message"]) for f in counts] == [
            ("rivierenland", "the page states '10 gemeenten' (10) and names 9 municipalities")
        ]

    def test_the_stated_count_is_kept(self, regions: wk.Network) -> None:
        """The stated count stays in the cooperation's note, beside the nine partners."""
        coop = regions.cooperation("regio-rivierenland")
        assert "'10 gemeenten'" in (coop.note or "")
        assert len(regions.partners(coop.id, kind=wk.OrgKind.MUNICIPALITY)) == 9


class TestSubregions:
    def test_both_the_region_and_the_sub_region_answer(self, regions: wk.Network) -> None:
        """Noordkop answers partners, and so does Hollands Noorderkwartier, whole or by its cluster."""
        noordkop = {o.id for o in regions.partners("regio-noordkop")}
        assert {"texel", "den-helder", "schagen-2013", "hollands-kroon", "pwn"} <= noordkop
        parent = "regio-hollands-noorderkwartier"
        assert noordkop <= {o.id for o in regions.partners(parent)}
        cluster = {o.id for o in regions.partners(parent, cluster=f"{parent}-noordkop")}
        assert cluster == noordkop

    def test_a_sub_region_without_members_says_so(self, regions: wk.Network) -> None:
        """A sub-region no page lists members of has members_known false."""
        assert regions.get("regio-hollands-noorderkwartier-alkmaar", wk.Cluster).members_known is False


class TestResolution:
    @pytest.mark.parametrize(
        ("name", "kind", "on", "expected", "rule"),
        [
            ("NederBetuwe", wk.OrgKind.MUNICIPALITY, None, "neder-betuwe", "spacing"),
            ("Mook- en Middelaar", wk.OrgKind.MUNICIPALITY, None, "mook-en-middelaar", "name"),
            ("Gemeente Arnhem", wk.OrgKind.MUNICIPALITY, None, "arnhem", "prefix"),
            ("Het Hoogheemraadschap van Delfland", wk.OrgKind.WATER_BOARD, None, "delfland", "prefix"),
            ("Waterschap Rijn & IJssel", wk.OrgKind.WATER_BOARD, None, "rijn-en-ijssel", "prefix"),
            ("Wetterskip Fryslân", wk.OrgKind.WATER_BOARD, None, "fryslan", "name"),
            ("waterleidingbedrijf Noord-Holland (PWN)", wk.OrgKind.WATER_COMPANY, None, "pwn", "parenthesis"),
            ("Waterleidingmaatschappij Limburg", wk.OrgKind.WATER_COMPANY, None, "wml", "spacing"),
            ("Nuenen", wk.OrgKind.MUNICIPALITY, None, "nuenen-gerwen-en-nederwetten", "short-form"),
            ("Provincie Fryslân", wk.OrgKind.PROVINCE, None, "provincie-friesland", "prefix"),
            ("Waterschap Veluwe", wk.OrgKind.WATER_BOARD, None, "veluwe", "name"),
            ("Groningen", wk.OrgKind.MUNICIPALITY, date(2016, 1, 1), "groningen", "name"),
            ("Groningen", wk.OrgKind.MUNICIPALITY, None, "groningen-2019", "name"),
        ],
    )
    def test_tricky_names(
        self, register: wk.Network, name: str, kind: wk.OrgKind, on: date | None, expected: str, rule: str
    ) -> None:
        """Prefixes, spacing, typos, short forms and the day of the page resolve by the rule named."""
        found = resolve_name(register, name, kind, on)
        assert (found.organisation.id if found.organisation else None, found.rule) == (expected, rule)

    def test_undated_pages_say_which_day_was_taken(self, register: wk.Network) -> None:
        """An undated page resolves a name as of the last day it is valid, and the note says so."""
        found = resolve_name(register, "Geldermalsen", wk.OrgKind.MUNICIPALITY, None)
        assert found.organisation is not None
        assert "no date" in (found.note or "")

    def test_ambiguous_and_unknown_names_resolve_to_nothing(self, register: wk.Network) -> None:
        """ "Bergen" is two municipalities; "Den Haag" is no name of the register."""
        assert resolve_name(register, "Bergen", wk.OrgKind.MUNICIPALITY, None).candidates == (
            "bergen-l",
            "bergen-nh",
        )
        assert not resolve_name(register, "Den Haag", wk.OrgKind.MUNICIPALITY, None).resolved

    def test_unresolved_names_stay_organisations_of_their_region(self, regions: wk.Network) -> None:
        """A name the register lacks is an organisation of the region with its stated kind and a note."""
        org = regions.get("regio-delfland-den-haag", wk.Organisation)
        assert org.kind is wk.OrgKind.MUNICIPALITY
        assert "not found in the register" in (org.note or "").lower()

    def test_abbreviations_defined_on_a_page_resolve(self) -> None:
        """ "HHNK", defined on the Noordkop page, resolves to Hollands Noorderkwartier elsewhere."""
        built = build()
        memberships = {e.id for e in built.entities if isinstance(e, wk.Membership)}
        assert "regio-zaanstreek-waterland--hollands-noorderkwartier" in memberships


class TestBadFiles:
    def test_a_bad_kind_is_located(self) -> None:
        """A partner of an unknown kind names the file, the place and the field."""
        text = (
            'slug = "x"\nname = "X"\nother_names = []\n'
            '[[sources]]\nid = "s1"\nurl = "https://example.org/"\npage_date = ""\nlayout = "news"\n'
            '[[partners]]\nname = "A"\nkind = "gemeentee"\nsource = "s1"\nwhere = ""\n'
        )
        with pytest.raises(wk.SourceError) as caught:
            _files.read_region("x.toml", text)
        problem = caught.value.problem
        assert (problem.source, problem.place, problem.field) == ("x.toml", "/partners/0", "kind")

    def test_a_missing_source_is_located(self) -> None:
        """An item that names no source of the file is an error at its place."""
        text = (
            'slug = "x"\nname = "X"\nother_names = []\n'
            '[[sources]]\nid = "s1"\nurl = "https://example.org/"\npage_date = "2019-13"\nlayout = "news"\n'
        )
        with pytest.raises(wk.SourceError) as caught:
            _files.read_region("x.toml", text)
        assert caught.value.problem.field == "page_date"
