"""The shortcuts of a large load give exactly what the plain paths give: the same value, the same error."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen import convert
from waterketen._fields import check_id
from waterketen.formats.native import NativeSource, dumps
from waterketen.testing import networks


# -- the ids -----------------------------------------------------------------------------------

_ID = re.compile(r"[^\s\x00-\x1f\x7f]{1,200}")


class _Attribute:
    name = "id"


@given(st.text(max_size=8) | st.text(alphabet=st.characters(max_codepoint=0x7F), min_size=195, max_size=205))
def test_check_id_is_the_expression(text: str) -> None:
    """The quick test of a printable ASCII id takes exactly what the expression takes."""
    try:
        check_id(None, _Attribute(), text)
        ok = True
    except ValueError:
        ok = False
    assert ok == bool(_ID.fullmatch(text))


# -- the shared periods and the loaded network -------------------------------------------------


class _RecordsOnly:
    """A source that offers only the Source protocol: each record structured alone, nothing shared."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name

    def records(self) -> Any:
        return self.inner.records()


class TestLoadedNetwork:
    @given(networks())
    @settings(
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], max_examples=30
    )
    def test_fast_load_equals_each_record_structured_alone(self, tmp_path: Path, net: wk.Network) -> None:
        """A load of native JSON gives what structuring each record on its own (detailed) gives."""
        path = tmp_path / "net.json"
        path.write_text(dumps(net), encoding="utf-8")
        fast = wk.load(path, strict=False)
        detailed = convert._converters()[1]
        alone = [detailed.structure(convert.unstructure_entity(e), type(e)) for e in net]
        assert {e.id: e for e in fast} == {e.id: e for e in alone}
        assert not fast.report.problems
        assert fast == wk.load(_RecordsOnly(NativeSource(path, syntax="json")), strict=False)

    def test_equal_periods_are_one_object(self, tmp_path: Path) -> None:
        """Within a load, records with the same period text share one Period; another text, another."""
        document = {
            "cooperations": [{"id": "c", "name": "C", "period": {"start": "2014"}}],
            "organisations": [
                {"id": f"o{i}", "name": "O", "kind": "municipality", "period": {"start": "2014"}}
                for i in range(3)
            ]
            + [{"id": "p", "name": "P", "kind": "municipality", "period": {"start": "2014", "end": "2015"}}],
        }
        path = tmp_path / "doc.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        net = wk.load(path)
        assert net["c"].period is net["o0"].period is net["o2"].period
        assert net["p"].period is not net["c"].period
        assert net["p"].period == wk.Period(start=wk.PartialDate(2014), end=wk.PartialDate(2015))

    def test_bad_period_is_rejected_each_time(self, tmp_path: Path) -> None:
        """A period that fails is never remembered: each record with it is rejected, with its reason."""
        bad = {"start": "2015", "end": "2014"}
        document = {
            "organisations": [
                {"id": f"o{i}", "name": "O", "kind": "municipality", "period": bad} for i in range(2)
            ]
        }
        path = tmp_path / "doc.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        net = wk.load(path, strict=False)
        assert len(net.report.rejected) == 2
        assert [p.field for p in net.report.problems] == ["period", "period"]


# -- the cycles ----------------------------------------------------------------------------------

_NODES = st.sampled_from("abcdefgh")


@given(st.dictionaries(_NODES, st.sets(_NODES, max_size=4), max_size=8))
def test_on_cycles_is_every_node_of_a_cycle(edges: dict[str, set[str]]) -> None:
    """The nodes the load finds on cycles (after leaving out those without an edge in or out) are the
    nodes of the strongly connected components of more than one node."""
    import networkx as nx

    from waterketen.loading._integrity import on_cycles

    graph = nx.DiGraph([(a, b) for a, targets in edges.items() for b in targets])
    expected = {n for c in nx.strongly_connected_components(graph) if len(c) > 1 for n in c}
    before = {a: set(b) for a, b in edges.items()}
    assert on_cycles(edges) == expected
    assert edges == before  # the caller's edges are left as they were


# -- the indexes -------------------------------------------------------------------------------


@given(networks())
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40)
def test_indexes_are_each_key_with_its_values_in_order(net: wk.Network) -> None:
    """Each index built in bulk holds, under each key, what a plain walk of the store finds, in order."""
    from waterketen._index import Index, every

    index = Index({e.id: e for e in net})
    memberships = list(net.entities(wk.Membership))
    tenures = list(net.entities(wk.Tenure))
    walks = {
        "members_of": [(m.group, m) for m in memberships],
        "groups_of": [(m.member, m) for m in memberships],
        "tenures_of_post": [(t.post, t) for t in tenures],
        "tenures_of_holder": [(t.holder, t) for t in tenures],
        "posts_of_body": [(d.body, p) for p in net.entities(wk.Post) for d in p.duties],
    }
    for name, pairs in walks.items():
        built = getattr(index, name)
        assert set(built) == {k for k, _ in pairs}
        for key in built:
            assert list(every(built, key)) == [v for k, v in pairs if k == key]
            assert not isinstance(built[key], list)
