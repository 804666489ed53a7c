"""Reading the kinds of sentence the wiki uses, the consistency checks and name resolution."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import waterketen as wk
from waterketen_wiki import WikiPage
from waterketen_wiki._output import MAX_EMPTY_WARNINGS
from waterketen_wiki._text import split_names


HEAD = "Regio\n\nProefregio\n\nLaatst bijgewerkt: 01-06-2016\n\n"


def load(tmp_path: Path, text: str, **options: object) -> tuple[wk.Network, WikiPage]:
    """Load ``text`` as a page (leniently); the network and the source."""
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    page = WikiPage(path, **options)  # type: ignore[arg-type]
    return wk.load(page, strict=False), page


def warnings(net: wk.Network, field: str) -> list[wk.Problem]:
    """The load's warnings about one field."""
    assert net.report is not None
    return [w for w in net.report.warnings if w.field == field]


def register(*organisations: wk.Organisation) -> wk.Network:
    """A register of the given organisations."""
    return wk.Network(organisations)


def municipality(org_id: str, name: str, code: str, **period: date) -> wk.Organisation:
    """A municipality with a CBS code."""
    return wk.Organisation(
        id=org_id,
        name=name,
        kind=wk.OrgKind.MUNICIPALITY,
        identifiers=(wk.Identifier(scheme="cbs", value=code),),
        period=wk.Period(**period),
    )


class TestNames:
    def test_en_inside_a_name(self) -> None:
        """ "Assen en Aa en Hunze" is two names when the register knows "Aa en Hunze"."""
        known = {"Aa en Hunze", "Hunze en Aa’s"}
        assert split_names("Assen en Aa en Hunze", known.__contains__) == ["Assen", "Aa en Hunze"]
        assert split_names("Noorderzijlvest en Hunze en Aa’s", known.__contains__) == [
            "Noorderzijlvest",
            "Hunze en Aa’s",
        ]

    def test_unknown_names_split_at_every_en(self) -> None:
        """Without knowledge every "en" separates two names."""
        assert split_names("Ab, Cd en Ef en Gh", lambda _: False) == ["Ab", "Cd", "Ef", "Gh"]


class TestPartners:
    def test_stated_count_that_does_not_match_the_names(self, tmp_path: Path) -> None:
        """A page that says 10 municipalities and lists 9 gets a warning naming the sentence."""
        names = "Bedum, Winsum, Eemsmond, Appingedam, Delfzijl, Loppersum, Assen, Tynaarlo en Leek"
        net, _ = load(
            tmp_path,
            HEAD + f"De samenwerking bestaat uit 10 partners: 10 gemeenten.\n\n • Cluster Alles ({names})\n",
        )
        (warning,) = warnings(net, "partners")
        assert warning.place == "line 7"
        assert "states 10 municipalities, but names 9" in warning.reason
        assert "De samenwerking bestaat uit 10 partners" in warning.reason
        assert len(net.partners(on="2016-06-01")) == 9

    def test_total_that_does_not_add_up(self, tmp_path: Path) -> None:
        """A total that is not the sum of its parts gets a warning with the sum."""
        net, _ = load(
            tmp_path,
            HEAD + "De regio bestaat uit 30 partners: 1 gemeente en de waterschappen Noorderzijlvest en "
            "Hunze en Aa’s.\n\n • Cluster Een (Bedum)\n",
        )
        (warning,) = warnings(net, "partners")
        assert "states 30 partners, but the parts it lists add up to 1 + 2 = 3" in warning.reason
        boards = net.partners(on="2016-06-01", kind=wk.OrgKind.WATER_BOARD)
        assert sorted(o.id for o in boards) == ["hunze-en-aas", "noorderzijlvest"]

    def test_companies_named_with_their_word(self, tmp_path: Path) -> None:
        """ "het Waterbedrijf Groningen" in a list of water boards is a water company."""
        net, _ = load(
            tmp_path,
            HEAD + "De samenwerking bestaat uit 3 partners: de waterschappen Noorderzijlvest en het "
            "Waterbedrijf Groningen en Waterleidingmaatschappij Drenthe.\n",
        )
        kinds = {o.id: o.kind for o in net.partners(on="2016-06-01")}
        assert kinds == {
            "noorderzijlvest": wk.OrgKind.WATER_BOARD,
            "waterbedrijf-groningen": wk.OrgKind.WATER_COMPANY,
            "wmd": wk.OrgKind.WATER_COMPANY,
        }
        assert not warnings(net, "partners")

    def test_municipality_list(self, tmp_path: Path) -> None:
        """ "bestaat uit de gemeenten A, B en C" and a bullet list under a sentence about municipalities."""
        net, _ = load(
            tmp_path,
            HEAD + "Het werkgebied omvat de gemeenten Bedum, de Marne en Winsum.\n\n"
            "De deelnemende gemeenten zijn:\n\n • Assen\n • Tynaarlo\n",
        )
        codes = sorted(o.identifier("cbs") or "" for o in net.partners(on="2016-06-01"))
        assert codes == ["GM0005", "GM0053", "GM0106", "GM1663", "GM1730"]


class TestClusters:
    def test_forms_of_a_cluster(self, tmp_path: Path) -> None:
        """A cluster in brackets, after a colon, or with "bestaat uit"."""
        net, _ = load(
            tmp_path,
            HEAD
            + " • Cluster Noord (Bedum en Winsum)\n\nCluster Oost: Delfzijl, Appingedam en Loppersum.\n\n"
            "Subregio Zuid bestaat uit de gemeenten Assen en Tynaarlo.\n",
        )
        clusters = {
            c.name: sorted(o.id for o in net.partners(on="2016-06-01", cluster=c.id)) for c in net.clusters()
        }
        assert clusters == {
            "Noord": ["bedum", "winsum"],
            "Oost": ["appingedam", "delfzijl", "loppersum"],
            "Zuid": ["assen", "tynaarlo"],
        }

    def test_municipality_in_two_clusters(self, tmp_path: Path) -> None:
        """A municipality listed in two clusters is a warning naming both sentences; both memberships stay."""
        net, _ = load(
            tmp_path, HEAD + " • Cluster Noord (Bedum en Winsum)\n • Cluster Zuid (Assen en Bedum)\n"
        )
        (warning,) = warnings(net, "clusters")
        assert warning.place == "line 7"
        assert "'Bedum' (bedum) is listed in 2 clusters" in warning.reason
        assert "line 8 “Cluster Zuid (Assen en Bedum)”" in warning.reason
        with pytest.raises(wk.AmbiguityError):
            net.cluster_of("bedum", on="2016-06-01")

    def test_stated_number_of_clusters(self, tmp_path: Path) -> None:
        """ "verdeeld in 3 clusters" with two listed is a warning."""
        net, _ = load(
            tmp_path,
            HEAD + "De regio is verdeeld in 3 clusters.\n\n • Cluster A (Bedum)\n • Cluster B (Leek)\n",
        )
        (warning,) = warnings(net, "clusters")
        assert "states 3 clusters, but lists 2" in warning.reason


class TestResolution:
    def test_case_accents_and_spelling(self, tmp_path: Path) -> None:
        """Case and accents are ignored; a close spelling resolves with a warning naming the match."""
        net, _ = load(tmp_path, HEAD + " • Cluster Noord (BEDUM, de marne en Eemsmnd)\n")
        members = net.partners(on="2016-06-01", cluster="wiki-proefregio/cluster-noord")
        assert sorted(o.id for o in members) == ["bedum", "de-marne", "eemsmond"]
        (warning,) = warnings(net, "name")
        assert "'Eemsmnd' is read as 'Eemsmond' (eemsmond; a close spelling" in warning.reason

    def test_unknown_name_stays_named(self, tmp_path: Path) -> None:
        """A name the register does not know is an organisation of the page, with a warning; never dropped."""
        net, _ = load(tmp_path, HEAD + " • Cluster Noord (Bedum en Atlantis)\n")
        atlantis = net.get("wiki-proefregio/org-atlantis", wk.Organisation)
        assert (atlantis.name, atlantis.kind, atlantis.identifiers) == (
            "Atlantis",
            wk.OrgKind.MUNICIPALITY,
            (),
        )
        (warning,) = warnings(net, "name")
        assert warning.place == "line 7"
        assert "'Atlantis' is not in the register" in warning.reason

    def test_two_equally_close_names_are_not_guessed(self, tmp_path: Path) -> None:
        """A spelling as close to two organisations stays unresolved."""
        known = register(municipality("a", "Westdorp", "GM9001"), municipality("b", "Westdorq", "GM9002"))
        net, _ = load(tmp_path, HEAD + " • Cluster Noord (Westdorx)\n", register=known)
        assert [o.id for o in net.partners()] == ["wiki-proefregio/org-westdorx"]

    def test_member_unknown_on_the_page_date(self, tmp_path: Path) -> None:
        """A cluster member known only before the page's date is kept unresolved, with a warning."""
        known = register(
            municipality("oldtown", "Oldtown", "GM9001", end=date(2010, 1, 1)),
            municipality("newtown", "Newtown", "GM9002", start=date(2010, 1, 1)),
        )
        net, page = load(tmp_path, HEAD + " • Cluster Noord (Oldtown en Newtown)\n", register=known)
        assert page.as_of == date(2016, 6, 1)
        assert sorted(o.id for o in net.partners()) == ["newtown", "wiki-proefregio/org-oldtown"]
        (warning,) = warnings(net, "name")
        assert (
            "'Oldtown' is not known to the register on 2016-06-01 (only oldtown […, 2010-01-01))"
            in warning.reason
        )

    def test_register_codes_are_used(self, tmp_path: Path) -> None:
        """A resolved organisation is the register's: its id, codes and validity."""
        known = register(municipality("newtown", "Newtown", "GM9002", start=date(2010, 1, 1)))
        net, _ = load(tmp_path, HEAD + " • Cluster Noord (Newtown)\n", register=known)
        assert net.lookup("cbs", "GM9002", on="2016-06-01") == net["newtown"]


class TestGovernance:
    def test_people_in_posts(self, tmp_path: Path) -> None:
        """Named people hold posts: "De waterregisseur is X", "Voorzitter van de stuurgroep is Y", "Z: W"."""
        net, _ = load(
            tmp_path,
            HEAD + "De waterregisseur is Piet Jansen.\n\nVoorzitter van de stuurgroep is Jan de Vries.\n\n"
            "Secretaris regiegroep: Els van der Berg\n",
        )
        held = {wk.model.name_of(net[t.post]): net[t.holder].name for t in net.entities(wk.Tenure)}
        assert held == {
            "Waterregisseur": "Piet Jansen",
            "Voorzitter Stuurgroep": "Jan de Vries",
            "Secretaris Regiegroep": "Els van der Berg",
        }
        chair = net.get("wiki-proefregio/post-voorzitter-stuurgroep", wk.Post)
        assert [(d.role, net[d.body].name) for d in chair.duties] == [(wk.Role.CHAIR, "Stuurgroep")]

    def test_person_after_the_verb(self, tmp_path: Path) -> None:
        """ "Voor de werkregio X is Piet Jansen de contactpersoon." names the contact person."""
        net, _ = load(tmp_path, HEAD + "Voor de werkregio Proef is Piet Jansen de contactpersoon.\n")
        held = {net[t.holder].name: wk.model.name_of(net[t.post]) for t in net.entities(wk.Tenure)}
        assert held == {"Piet Jansen": "Contactpersoon"}

    def test_contacts_block(self, tmp_path: Path) -> None:
        """Under "Ambtelijke trekker(s)": a name, its role over two lines (an organisation among them),
        a quote and portraits passed over, a second name without a role."""
        net, _ = load(
            tmp_path,
            HEAD + "Ambtelijke trekker(s)\n\nPortretfoto\n\nPiet Jansen\n\nAdviseur Stedelijk Water\n"
            'Waterschap Noorderzijlvest\n\n"Samen verder"\n\nSilhouet i.v.m. missende portretfoto\n\n'
            "Els de Vries\n\nDe ambitie van de samenwerking is een doelmatige waterketen.\n",
        )
        held = {net[t.holder].name: wk.model.name_of(net[t.post]) for t in net.entities(wk.Tenure)}
        assert held == {
            "Piet Jansen": "Adviseur Stedelijk Water Waterschap Noorderzijlvest",
            "Els de Vries": "Ambtelijke trekker",
        }
        assert "noorderzijlvest" in {o.id for o in net.entities(wk.Organisation)}
        assert not net.partners()

    def test_seats_that_do_not_match(self, tmp_path: Path) -> None:
        """A body of N members representing kinds of partner, with another number of them, is a warning."""
        net, _ = load(
            tmp_path,
            HEAD
            + " • Cluster A (Bedum)\n • Cluster B (Leek)\n\nDe samenwerking bestaat uit de waterschappen "
            "Noorderzijlvest en Hunze en Aa’s.\n\n"
            "De stuurgroep bestaat uit 5 bestuurders die de clusters en de waterschappen "
            "vertegenwoordigen.\n",
        )
        (warning,) = warnings(net, "seats")
        assert "5 members representing the clusters, the water boards, but names 4" in warning.reason
        (body,) = net.bodies()
        assert body.seats == 5
        assert sorted(
            represented for represented in (p.represents for p in net.posts(body.id)) if represented
        ) == [
            "hunze-en-aas",
            "noorderzijlvest",
            "wiki-proefregio/cluster-a",
            "wiki-proefregio/cluster-b",
        ]


class TestAgreement:
    @pytest.mark.parametrize(
        ("sentence", "when"),
        [
            ("Eind 2014 is een bestuurlijk akkoord gesloten.", wk.PartialDate(2014)),
            ("In november 2014 is de samenwerkingsovereenkomst getekend.", wk.PartialDate(2014, 11)),
            ("Op 4 juli 2016 is het convenant ondertekend.", date(2016, 7, 4)),
        ],
    )
    def test_date_at_its_precision(self, tmp_path: Path, sentence: str, when: wk.typing.Instant) -> None:
        """An agreement's date keeps the precision the page gives."""
        net, _ = load(tmp_path, HEAD + sentence + "\n")
        (agreement,) = net.entities(wk.Agreement)
        assert agreement.date == when

    def test_goals_and_target(self, tmp_path: Path) -> None:
        """The three K's and D are four goals; "circa 18 miljoen ... in 2020" is an approximate target."""
        net, _ = load(
            tmp_path,
            HEAD + "Eind 2014 is een bestuurlijk akkoord gesloten met de 3K+D als doel. "
            "Op het gebied van kosten wordt circa 18 miljoen bespaard in 2020.\n",
        )
        (agreement,) = net.entities(wk.Agreement)
        assert [g.name for g in agreement.goals] == ["kwaliteit", "kwetsbaarheid", "kosten", "duurzaamheid"]
        (target,) = agreement.targets
        assert (target.amount, target.approximate, target.by, target.goal) == (
            18e6,
            True,
            wk.PartialDate(2020),
            "kosten",
        )


class TestPage:
    def test_paragraphs_that_yield_nothing(self, tmp_path: Path) -> None:
        """Paragraphs that yield nothing are each a warning with their lines; headings are not."""
        net, _ = load(
            tmp_path, HEAD + "Kopje\n\nDit is een zin over niets.\nNog een.\n\n • Cluster A (Bedum)\n"
        )
        (warning,) = warnings(net, "paragraph")
        assert (warning.place, warning.reason) == (
            "lines 9-10",
            "yielded nothing: “Dit is een zin over niets.”",
        )

    def test_many_empty_paragraphs_are_summed_up(self, tmp_path: Path) -> None:
        """Past a hundred, the paragraphs that yield nothing are told in one warning."""
        filler = "".join(f"Zin nummer {n} zonder inhoud.\n\n" for n in range(MAX_EMPTY_WARNINGS + 20))
        net, _ = load(tmp_path, HEAD + filler)
        found = warnings(net, "paragraph")
        assert len(found) == MAX_EMPTY_WARNINGS + 1
        assert found[-1].reason == "20 more paragraphs yielded nothing"

    def test_no_region(self, tmp_path: Path) -> None:
        """A page that names no region gives its cooperation the file's name, with a warning."""
        net, _ = load(tmp_path, " • Cluster A (Bedum)\n")
        assert net.cooperation().name == "page"
        assert warnings(net, "region")

    def test_dates(self, tmp_path: Path) -> None:
        """A second, different last-updated date is a warning; the first is kept."""
        net, page = load(tmp_path, HEAD + "Laatst bijgewerkt: 02-06-2016\n\nLaatst bijgewerkt: gisteren\n")
        assert page.updated == date(2016, 6, 1)
        assert len(warnings(net, "updated")) == 2

    def test_spearheads(self, tmp_path: Path) -> None:
        """Numbered items are spearheads, with the years of the sentence that introduces them."""
        net, _ = load(
            tmp_path,
            HEAD + "Speerpunten voor 2020-2022 zijn:\n\n 1. Eerste punt\n 2. Tweede punt\n 2. Ander punt\n",
        )
        spearheads = sorted(
            (s.id.rsplit("/", 1)[1], s.title, str(s.period)) for s in net.entities(wk.Spearhead)
        )
        assert spearheads == [
            ("speerpunt-1", "Eerste punt", "[2020-01-01, 2023-01-01)"),
            ("speerpunt-2", "Tweede punt", "[2020-01-01, 2023-01-01)"),
            ("speerpunt-2-2", "Ander punt", "[2020-01-01, 2023-01-01)"),
        ]
        assert len(warnings(net, "spearheads")) == 1


class TestRegionPageForms:
    def test_bare_names_take_the_kind_the_register_gives(self, tmp_path: Path) -> None:
        """A name with no kind word in a partner list is what the register resolves it to."""
        known = register(
            wk.Organisation(id="vitens", name="Vitens", kind=wk.OrgKind.WATER_COMPANY),
            municipality("bedum", "Bedum", "GM0005"),
        )
        net, _ = load(
            tmp_path,
            HEAD + "Het verband bestaat uit de volgende organisaties: Bedum, Vitens en Onbekend.\n",
            register=known,
        )
        kinds = {o.name: o.kind for o in net.partners()}
        assert kinds == {
            "Bedum": wk.OrgKind.MUNICIPALITY,
            "Vitens": wk.OrgKind.WATER_COMPANY,
            "Onbekend": wk.OrgKind.OTHER,
        }

    def test_total_then_dit_zijn(self, tmp_path: Path) -> None:
        """ "bestaat uit 3 samenwerkingspartners. Dit zijn de gemeenten A en B en het waterschap C." is one
        statement: its parts add up."""
        net, _ = load(
            tmp_path,
            HEAD + "Het netwerk bestaat uit 3 samenwerkingspartners. Dit zijn de gemeenten Bedum en Winsum "
            "en het waterschap Noorderzijlvest.\n",
        )
        assert len(net.partners()) == 3
        assert not warnings(net, "partners")

    def test_region_named_in_prose_and_saved_copy_lines(self, tmp_path: Path) -> None:
        """No title: "De regio X, bestaande uit …" names the region; URL and DATE lines are the copy's."""
        net, page = load(
            tmp_path,
            "URL: https://example.invalid/regios/x/\nDATE: 23-05-2017\nDe regio Proef+, bestaande uit de "
            "gemeenten Bedum en Winsum, werkt samen.\n",
        )
        assert net.cooperation().name == "Proef+"
        assert page.updated == date(2017, 5, 23)
        assert "https://example.invalid/regios/x/" in (net.cooperation().note or "")
        assert not warnings(net, "paragraph")

    def test_one_of_the_parents_subregions_is_no_count(self, tmp_path: Path) -> None:
        """ "is een van de vijf deelregio's binnen X" states no number of the page's own clusters."""
        net, _ = load(tmp_path, HEAD + "De regio Proef is een van de vijf deelregio's binnen Noord.\n")
        assert not warnings(net, "clusters")

    def test_table_of_contents_is_not_spearheads(self, tmp_path: Path) -> None:
        """The numbered items under "Inhoud" are a table of contents."""
        net, _ = load(
            tmp_path,
            HEAD + "Inhoud\n\n 1. Betrokken partijen\n 2. Aanpak\n\nBetrokken partijen\n"
            "Gemeente Bedum, Winsum en Waterschap Noorderzijlvest.\n",
        )
        assert not net.entities(wk.Spearhead)
        assert sorted(o.id for o in net.partners()) == ["bedum", "noorderzijlvest", "winsum"]

    def test_close_spelling_needs_a_register_of_the_region(self, tmp_path: Path) -> None:
        """When most of a page's names are not in the register, a close spelling is not trusted."""
        net, _ = load(tmp_path, HEAD + "Het verband bestaat uit de gemeenten Haaren, Boxtel en Vught.\n")
        assert "haren" not in {o.id for o in net.entities(wk.Organisation)}
        assert {o.name for o in net.partners()} == {"Haaren", "Boxtel", "Vught"}

    def test_counted_part_with_its_names_in_brackets(self, tmp_path: Path) -> None:
        """ "27 gemeenten (alle … en de vier gemeenten …), twee waterbedrijven (Waterbedrijf A en B)": what
        the brackets hold is the part's breakdown and names, not more parts."""
        net, _ = load(
            tmp_path,
            HEAD + "De waterketen is een netwerkorganisatie van 3 gemeenten (alle gemeenten van de provincie "
            "Groningen), twee waterschappen (Noorderzijlvest en Hunze en Aa’s) en twee waterbedrijven "
            "(Waterbedrijf Groningen en Waterleidingmaatschappij Drenthe).\n",
        )
        assert sorted(o.id for o in net.partners()) == [
            "hunze-en-aas",
            "noorderzijlvest",
            "waterbedrijf-groningen",
            "wmd",
        ]
        assert not warnings(net, "partners")  # no municipality is named: the 3 is only kept
        assert "3 municipalities, 2 water boards, 2 water companies" in (net.cooperation().note or "")

    def test_contacts_listed_with_telephone_numbers(self, tmp_path: Path) -> None:
        """ "Contactpersonen:" with " • Voorzitter regiegroep: X, 06-…" and " • Waterregisseur: Y, 06-…"."""
        net, _ = load(
            tmp_path,
            HEAD + "Contactpersonen:\n\n • Voorzitter regiegroep: Piet Jansen, 0594-000000\n"
            " • Waterregisseur: Els de Vries, 06-00000000\n",
        )
        held = {net[t.holder].name: wk.model.name_of(net[t.post]) for t in net.entities(wk.Tenure)}
        assert held == {"Piet Jansen": "Voorzitter Regiegroep", "Els de Vries": "Waterregisseur"}

    def test_clusters_counted_but_not_listed(self, tmp_path: Path) -> None:
        """A count of clusters the page lists none of is kept in the note, not warned."""
        net, _ = load(tmp_path, HEAD + "De regio is verdeeld in vijf clusters.\n")
        assert not warnings(net, "clusters")
        assert "The page states 5 clusters" in (net.cooperation().note or "")
