"""The name index finds what a full scan of every name finds: parts of names by a sorted list of
word-suffixes, not a loop over every name."""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen._nameindex import Index, Rule, _Hit
from waterketen._names import key, repair


def scanned(index: Index, text: str, want: wk.OrgKind | None, *, organisations: bool) -> list[_Hit]:
    """The parts of names as the index found them before: by reading every name."""
    wanted = key(repair(text)[0])
    if len(wanted) < 2:
        return []
    hits: dict[str, _Hit] = {}
    for parts, name, entity_id in index.words:
        whole = "".join(parts)
        if len(whole) <= len(wanted) or entity_id in hits:
            continue
        if any("".join(parts[i:]).startswith(wanted) for i in range(len(parts))) and index._keep(
            (entity_id,), want, organisations
        ):
            score = 0.5 + 0.5 * len(wanted) / len(whole)
            hits[entity_id] = _Hit(entity_id, Rule.PARTIAL, score, name, f"part of the name {name!r}")
    return sorted(hits.values(), key=lambda h: -h.score)


# Few short words, so that names share words and parts of words, and queries hit many of them.
_words = st.sampled_from(["bed", "bedum", "um", "de", "aa", "a", "hunze", "en", "1", "12", "ée", "Zuid"])
_names = st.lists(_words, min_size=1, max_size=4).map(lambda w: " ".join(w))
_texts = _names | st.text(alphabet="abdeimnuz12 -", max_size=8)


@st.composite
def _networks(draw: st.DrawFn) -> wk.Network:
    entities: list[wk.Entity] = []
    for i in range(draw(st.integers(1, 12))):
        others = tuple(draw(st.lists(_names, max_size=2)))
        kind = draw(st.sampled_from(wk.OrgKind))
        entities.append(wk.Organisation(id=f"o{i}", name=draw(_names), kind=kind, other_names=others))
    for i in range(draw(st.integers(0, 3))):
        entities.append(wk.Cluster(id=f"c{i}", name=draw(_names), cooperation="k"))
    return wk.Network(entities)


@given(_networks(), st.lists(_texts, min_size=1, max_size=5), st.sampled_from([None, *wk.OrgKind]))
def test_parts_of_names_are_those_of_a_full_scan(
    net: wk.Network, texts: list[str], want: wk.OrgKind | None
) -> None:
    index = net.name_index()
    for text in texts:
        for organisations in (False, True):
            expected = scanned(index, text, want, organisations=organisations)
            assert index.partial(text, want, organisations=organisations) == expected


@given(_networks(), _texts)
def test_find_is_that_of_a_full_scan(net: wk.Network, text: str) -> None:
    found = net.find(text)
    with mock.patch.object(Index, "partial", scanned):
        assert wk.Network(list(net)).find(text) == found  # a fresh network: a fresh name index


def test_a_part_of_a_name_from_a_word_on() -> None:
    net = wk.Network(
        [
            wk.Organisation(id="bedum", name="Bedum", kind=wk.OrgKind.MUNICIPALITY),
            wk.Organisation(id="zb", name="Zuid-Bedum", kind=wk.OrgKind.MUNICIPALITY),
            wk.Organisation(id="ub", name="Umbed", kind=wk.OrgKind.MUNICIPALITY),
        ]
    )
    assert [e.id for e in net.find("bed")] == ["bedum", "zb"]  # not Umbed: "bed" does not start a word
    assert [e.id for e in net.find("dumz")] == []


class _Counted(list[tuple[tuple[str, ...], str, str]]):
    """The names of an index, counting each one read; reading them all in a loop is refused."""

    reads = 0

    def __getitem__(self, i: int) -> tuple[tuple[str, ...], str, str]:  # type: ignore[override]
        self.reads += 1
        return super().__getitem__(i)

    def __iter__(self) -> object:  # type: ignore[override]
        raise AssertionError("a search by part of a name read every name")


def test_a_search_reads_only_the_names_it_finds() -> None:
    orgs = [
        wk.Organisation(id=f"o{i}", name=f"Gemeente {i}", kind=wk.OrgKind.MUNICIPALITY) for i in range(500)
    ]
    index = wk.Network(
        [*orgs, wk.Organisation(id="b", name="Bedum", kind=wk.OrgKind.MUNICIPALITY)]
    ).name_index()
    index.partial("x", None, organisations=False)  # too short: no search
    index.partial("bed", None, organisations=False)
    index.words = counted = _Counted(index.words)
    assert [h.id for h in index.partial("bed", None, organisations=False)] == ["b"]
    assert counted.reads == 1
    assert len(index.partial("gemeente 1", None, organisations=False)) == 110  # 10-19, 100-199


def every_name_by_key(net: wk.Network) -> dict[tuple[str, str], str]:
    """(a key, an id) → the first name of the entity with that key, for every entity (as kept before)."""
    from waterketen._nameindex import names_of
    from waterketen._names import form

    named: dict[tuple[str, str], str] = {}
    for entity in net:
        for name in names_of(entity):
            shape = form(name)
            for each in (shape.full, shape.bare, shape.core):
                named.setdefault((each, entity.id), name)
    return named


@given(_networks())
def test_the_name_of_each_key_is_that_of_the_full_map(net: wk.Network) -> None:
    """The index keeps the names by key only for entities of several names; it names each key as before."""
    index = net.name_index()
    for (wanted, entity_id), name in every_name_by_key(net).items():
        assert index._name_of(entity_id, wanted) == name


def test_the_name_of_each_key_of_the_shipped_loads() -> None:
    """So for every key of the shipped datasets, from the shipped index and from a fresh one."""
    for location in ("regions:", "register:", "embedded:groningen-noord-drenthe"):
        net = wk.load(location)
        fresh = Index(wk.Network(list(net)))
        for (wanted, entity_id), name in every_name_by_key(net).items():
            assert net.name_index()._name_of(entity_id, wanted) == name
            assert fresh._name_of(entity_id, wanted) == name
