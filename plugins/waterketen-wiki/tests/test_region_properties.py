"""Generated region pages in the sentence forms of real pages, in both layouts: a page written from
a known network of names reads back to it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from attrs import frozen
from hypothesis import assume, given
from hypothesis import strategies as st

import waterketen as wk
from waterketen_wiki import WikiPage


_RESERVED = {
    "alle",
    "cluster",
    "clusters",
    "deelnemers",
    "deze",
    "drinkwaterbedrijf",
    "foto",
    "gemeente",
    "gemeenten",
    "gemeentes",
    "hoogheemraadschap",
    "inhoud",
    "onze",
    "organisaties",
    "partijen",
    "partners",
    "portretfoto",
    "provincie",
    "regio",
    "subregio",
    "deelregio",
    "waterbedrijf",
    "waterschap",
    "waterschappen",
    "wetterskip",
}
word = st.builds(
    str.__add__,
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9),
).filter(lambda w: w.lower() not in _RESERVED and not w.lower().endswith("gemeenten"))
name = st.one_of(
    word, st.builds(lambda a, b: f"{a} {b}", word, word), st.builds(lambda a, b: f"{a}-{b}", word, word)
)
abbreviation = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=4)

M, B, C, P = (wk.OrgKind.MUNICIPALITY, wk.OrgKind.WATER_BOARD, wk.OrgKind.WATER_COMPANY, wk.OrgKind.PROVINCE)


def listed(names: list[str]) -> str:
    """Names as a Dutch list: "A, B en C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


@frozen
class Page:
    """A generated page and the network it was written from."""

    text: str
    region: str
    partners: frozenset[tuple[str, wk.OrgKind]]
    abbreviations: dict[str, str]
    subregions: tuple[str, ...]
    contact: tuple[str, str] | None


@st.composite
def pages(draw: st.DrawFn) -> Page:
    """A region page in one of the layouts, naming its partners in one of the forms of real pages."""
    region = draw(name)
    municipalities = draw(st.lists(name, min_size=1, max_size=6))
    boards = draw(st.lists(name, min_size=1, max_size=2))
    company = draw(st.none() | name)
    province = draw(st.none() | name)
    subregions = draw(st.lists(name, max_size=4))
    contact = draw(st.none() | st.tuples(st.builds(lambda a, b: f"{a} {b}", word, word), word))
    every = [region, *municipalities, *boards, *subregions, *([company] if company else [])]
    every += [province] if province else []
    every += list(contact) if contact else []
    assume(len({wk.query.normalise_name(n) for n in every}) == len(every))
    abbreviated = draw(st.booleans())
    abbreviations = {boards[0]: draw(abbreviation)} if abbreviated and len(boards) == 1 else {}

    if len(boards) == 1:
        board_word = draw(st.sampled_from(["Waterschap", "het waterschap", "het hoogheemraadschap"]))
        board_text = f"{board_word} {boards[0]}" + (f" ({abbreviations[boards[0]]})" if abbreviations else "")
    else:
        board_text = f"de waterschappen {listed(boards)}"
    others = [board_text]
    if company:
        others.append(f"drinkwaterbedrijf {company}")
    if province:
        others.append(f"de Provincie {province}")

    form = draw(st.sampled_from(["bestaat uit", "betrokken partijen", "samengewerkt tussen", "dubbele punt"]))
    if form == "betrokken partijen":
        items = [f"Gemeente {', '.join(municipalities)}", *others]
        body = f"Betrokken partijen\n{', '.join(items[:-1])} en {items[-1]}."
    else:
        items = [f"de gemeenten {listed(municipalities)}", *others]
        text = ", ".join(items[:-1]) + " en " + items[-1]
        if form == "bestaat uit":
            body = f"Het samenwerkingsverband {region} bestaat uit {text}."
        elif form == "samengewerkt tussen":
            body = f"In het akkoord wordt samengewerkt tussen {text}."
        else:
            rest = ", ".join([*municipalities, *others[:-1]]) + " en " + others[-1]
            body = f"Het samenwerkingsverband {region} bestaat uit de gemeenten:\n\n{rest}."

    layout = draw(st.sampled_from(["wiki", "current"]))
    head = (
        f"Regio\n\n{region}\n\nContactpersonen:\n\nLaatst bijgewerkt: 03-04-2019"
        if layout == "wiki"
        else f"{region}\n\n╼╾"
    )
    blocks = [head, body]
    if subregions:
        blocks.append(f"De partners zijn verenigd in {len(subregions)} sub-regio’s:")
        blocks.append("\n".join(subregions))
    if contact:
        blocks.append(f"Ambtelijke trekker(s)\n\nPortretfoto\n\n{contact[0]}\n\n{contact[1]}")
    blocks.append("De ambitie van het samenwerkingsverband is een doelmatige waterketen.")
    partners = {(m, M) for m in municipalities} | {(b, B) for b in boards}
    partners |= {(company, C)} if company else set()
    partners |= {(province, P)} if province else set()
    return Page(
        text="\n\n".join(blocks),
        region=region,
        partners=frozenset(partners),
        abbreviations=abbreviations,
        subregions=tuple(subregions),
        contact=contact,
    )


def read(page: Page) -> wk.Network:
    """Load a generated page against an empty register: every name stays the page's, of the kind read."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_text(page.text, encoding="utf-8")
        return wk.load(WikiPage(path, register=wk.Network([])))


class TestGeneratedRegionPages:
    @given(pages())
    def test_partners_read_back(self, page: Page) -> None:
        """The partners, by name and kind, are the page's; an abbreviation is another name."""
        net = read(page)
        assert net.cooperation().name == page.region
        assert {(o.name, o.kind) for o in net.partners()} == page.partners
        assert {(o.name, o.kind) for o in net.entities(wk.Organisation)} == page.partners
        for board, short in page.abbreviations.items():
            (org,) = [o for o in net.partners() if o.name == board]
            assert org.other_names == (short,)

    @given(pages())
    def test_subregions_and_contacts_read_back(self, page: Page) -> None:
        """The sub-regions are clusters of unknown members; the trekker holds the post of her role."""
        net = read(page)
        assert sorted(c.name or "" for c in net.clusters()) == sorted(page.subregions)
        assert all(not c.members_known for c in net.clusters())
        held = {net[t.holder].name: wk.model.name_of(net[t.post]) for t in net.entities(wk.Tenure)}
        assert held == (dict([page.contact]) if page.contact else {})
        assert net.report is not None
        assert not [w for w in net.report.warnings if w.field in ("clusters", "partners")]
        (unused,) = [w for w in net.report.warnings if w.field == "paragraph"]
        assert "De ambitie van het samenwerkingsverband" in unused.reason  # every other paragraph is read
