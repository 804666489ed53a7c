"""Generated pages in the seed's style: what a page states is what the network holds."""

from __future__ import annotations

import difflib
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from attrs import frozen
from hypothesis import assume, given
from hypothesis import strategies as st

import waterketen as wk
from waterketen_wiki import WikiPage


_RESERVED = {
    "en",
    "de",
    "het",
    "van",
    "cluster",
    "clusters",
    "regio",
    "gemeente",
    "gemeenten",
    "waterschap",
    "waterschappen",
    "partners",
    "subregio",
    "deelregio",
}
word = st.builds(
    str.__add__,
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9),
).filter(lambda w: w.lower() not in _RESERVED)
name = st.one_of(
    word, st.builds(lambda a, b: f"{a} {b}", word, word), st.builds(lambda a, b: f"{a}-{b}", word, word)
)


@frozen
class Page:
    """A generated page and what it states."""

    text: str
    region: str
    clusters: dict[str, tuple[str, ...]]
    boards: tuple[str, ...]
    companies: tuple[str, ...]
    stated_total: int
    stated_municipalities: int
    stated_boards: int | None
    stated_clusters: int
    stated_seats: int
    spearheads: tuple[str, ...]
    in_register: frozenset[str]

    @property
    def municipalities(self) -> list[str]:
        return [m for members in self.clusters.values() for m in members]

    @property
    def parts(self) -> int:
        boards = self.stated_boards if self.stated_boards is not None else len(self.boards)
        return self.stated_municipalities + boards + len(self.companies)


def listed(names: list[str] | tuple[str, ...]) -> str:
    """Names as a Dutch list: "A, B en C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def far_apart(names: list[str]) -> bool:
    """No two names so alike that a fuzzy match could take one for the other."""
    lowered = [n.lower() for n in names]
    if len(set(lowered)) != len(lowered):
        return False
    for i, a in enumerate(lowered):
        for b in lowered[i + 1 :]:
            matcher = difflib.SequenceMatcher(None, a, b)
            if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                return False
    return True


@st.composite
def pages(draw: st.DrawFn) -> Page:
    """A region page as the wiki writes them, with counts that may or may not add up."""
    region = draw(name)
    cluster_names = draw(st.lists(word, min_size=1, max_size=5, unique_by=str.lower))
    sizes = [draw(st.integers(1, 4)) for _ in cluster_names]
    boards = draw(st.lists(name, min_size=1, max_size=3))
    companies = draw(st.lists(name, min_size=1, max_size=3))
    municipalities = draw(st.lists(name, min_size=sum(sizes), max_size=sum(sizes)))
    assume(far_apart([region, *cluster_names, *boards, *companies, *municipalities]))
    clusters: dict[str, tuple[str, ...]] = {}
    start = 0
    for cluster, size in zip(cluster_names, sizes, strict=True):
        clusters[cluster] = tuple(municipalities[start : start + size])
        start += size
    off = st.sampled_from([0, 0, 0, -2, -1, 1, 3])
    stated_municipalities = len(municipalities) + draw(off)
    assume(stated_municipalities >= 0)
    stated_boards = draw(st.none() | st.just(len(boards)) | st.integers(0, 5))
    parts = (
        stated_municipalities + (stated_boards if stated_boards is not None else len(boards)) + len(companies)
    )
    stated_total = parts + draw(off)
    stated_clusters = len(clusters) + draw(off)
    stated_seats = len(clusters) + len(boards) + len(companies) + draw(off)
    assume(min(stated_total, stated_clusters, stated_seats) >= 0)
    spearheads = tuple(
        draw(st.lists(st.sampled_from(["Meten", "Riolering", "Educatie", "Energie"]), max_size=4))
    )
    in_register = frozenset(draw(st.sets(st.sampled_from(municipalities))))

    boards_text = (
        f"{stated_boards} waterschappen: {listed(boards)}"
        if stated_boards is not None
        else f"de waterschappen {listed(boards)}"
    )
    lines = [
        "Regio",
        "",
        region,
        "",
        "Laatst bijgewerkt: 03-04-2019",
        "",
        f"De waterketensamenwerking {region} bestaat uit {stated_total} partners: "
        f"{stated_municipalities} gemeenten, {boards_text} en de drinkwaterbedrijven {listed(companies)}.",
        "",
        f"De regio is verdeeld in {stated_clusters} clusters. In elk cluster is een waterteam actief dat "
        "wordt geleid door een clustercoördinator.",
        "",
        *(f" • Cluster {cluster} ({listed(members)})" for cluster, members in clusters.items()),
        "",
        "Speerpunten voor 2015 en 2016 zijn:",
        "",
        *(f" {n}. {title}" for n, title in enumerate(spearheads, start=1)),
        "",
        f"In de regiegroep nemen {stated_seats} managers deel die de clusters, de waterbedrijven en de "
        "waterschappen vertegenwoordigen. Zij hebben een waterregisseur aangesteld.",
        "",
        "Deze waterregisseur is de secretaris van de regiegroep en is voorzitter van het "
        "clustercoördinatorenoverleg.",
    ]
    return Page(
        text="\n".join(lines),
        region=region,
        clusters=clusters,
        boards=tuple(boards),
        companies=tuple(companies),
        stated_total=stated_total,
        stated_municipalities=stated_municipalities,
        stated_boards=stated_boards,
        stated_clusters=stated_clusters,
        stated_seats=stated_seats,
        spearheads=spearheads,
        in_register=in_register,
    )


def register_of(page: Page) -> wk.Network:
    """A register that knows some of the page's municipalities, with made-up codes."""
    return wk.Network(
        wk.Organisation(
            id=f"reg-{n}",
            name=municipality,
            kind=wk.OrgKind.MUNICIPALITY,
            identifiers=(wk.Identifier(scheme="cbs", value=f"GM9{n:03d}"),),
            period=wk.Period(start=date(2000, 1, 1)),
        )
        for n, municipality in enumerate(sorted(page.in_register))
    )


def read(page: Page) -> wk.Network:
    """Load a generated page against its register, strictly (warnings never fail a load)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_text(page.text, encoding="utf-8")
        return wk.load(WikiPage(path, register=register_of(page)))


def warning_fields(net: wk.Network) -> Counter[str | None]:
    """How many warnings the load gave about each field."""
    assert net.report is not None
    return Counter(w.field for w in net.report.warnings)


class TestGeneratedPages:
    @given(pages())
    def test_the_network_holds_what_the_page_states(self, page: Page) -> None:
        """Partners, clusters and their members, kinds, codes and spearheads are the page's."""
        net = read(page)
        assert net.cooperation().name == page.region
        day = "2019-04-03"
        partners = net.partners(on=day)
        names = Counter((o.name, o.kind) for o in partners)
        expected = Counter(
            [(m, wk.OrgKind.MUNICIPALITY) for m in page.municipalities]
            + [(b, wk.OrgKind.WATER_BOARD) for b in page.boards]
            + [(c, wk.OrgKind.WATER_COMPANY) for c in page.companies]
        )
        assert names == expected
        clusters = {c.name: tuple(o.name for o in net.partners(on=day, cluster=c.id)) for c in net.clusters()}
        assert clusters == page.clusters
        for org in partners:
            resolved = org.name in page.in_register
            assert (org.identifier("cbs") is not None) == resolved
            assert org.id.startswith("reg-") == resolved
        assert [s.title for s in sorted(net.entities(wk.Spearhead), key=lambda s: s.number)] == list(
            page.spearheads
        )

    @given(pages())
    def test_governance(self, page: Page) -> None:
        """The regiegroep has the stated seats and one member post for each cluster, board and company."""
        net = read(page)
        (regiegroep,) = net.bodies(kind=wk.BodyKind.STEERING_GROUP)
        assert regiegroep.seats == page.stated_seats
        members = [s for s in net.seats(regiegroep.id) if s.role is wk.Role.MEMBER]
        assert len(members) == len(page.clusters) + len(page.boards) + len(page.companies)
        teams = net.bodies(kind=wk.BodyKind.WATER_TEAM)
        assert sorted(net[t.cluster or ""].name or "" for t in teams) == sorted(page.clusters)
        (regisseur,) = [p for p in net.posts() if p.name == "Waterregisseur"]
        assert [d.role for d in regisseur.duties] == [wk.Role.SECRETARY, wk.Role.CHAIR]

    @given(pages())
    def test_checks_fire_exactly_when_counts_disagree(self, page: Page) -> None:
        """The count, cluster and seat checks warn exactly when the page's numbers disagree."""
        fields = warning_fields(read(page))
        disagreements = [
            page.stated_total != page.parts,
            page.stated_municipalities != len(page.municipalities),
            page.stated_boards is not None and page.stated_boards != len(page.boards),
        ]
        assert fields["partners"] == sum(disagreements)
        assert fields["clusters"] == (page.stated_clusters != len(page.clusters))
        assert fields["seats"] == (
            page.stated_seats != len(page.clusters) + len(page.boards) + len(page.companies)
        )

    @given(pages())
    def test_unresolved_names_are_warned_once(self, page: Page) -> None:
        """Each name the register does not know is one warning, and stays an organisation."""
        fields = warning_fields(read(page))
        unknown = len(page.municipalities) - len(page.in_register) + len(page.boards) + len(page.companies)
        assert fields["name"] == unknown
