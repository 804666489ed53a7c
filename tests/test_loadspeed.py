"""The shortcuts of a large load give exactly what the plain paths give: the same value, the same error."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen import convert
from waterketen._fields import check_id
from waterketen.errors import SourceError
from waterketen.formats import files
from waterketen.formats.native import NativeSource, dumps
from waterketen.testing import networks


# -- the accelerated JSON parse --------------------------------------------------------------

_KEYS = st.sampled_from(["a", "b", "a:b", ":", "é", "\\", '"', "ünï:"])
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**25), max_value=10**25)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.sampled_from('ab:é "\\\n\u2028\U0001f600\ud800'), max_size=6)
)
# An object is a list of (key, value) pairs, so that a key can come twice.
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4).map(tuple) | st.lists(st.tuples(_KEYS, inner), max_size=4),
    max_leaves=12,
)


def _text(value: Any, ascii_only: bool, escape_colons: bool, space: str) -> str:
    """JSON text of ``value`` (objects as pair lists, arrays as tuples), written this way or that."""
    if isinstance(value, tuple):
        return "[" + f",{space}".join(_text(v, ascii_only, escape_colons, space) for v in value) + "]"
    if isinstance(value, list):

        def pair(key: str, item: Any) -> str:
            written = (_text(x, ascii_only, escape_colons, space) for x in (key, item))
            return f":{space}".join(written)

        return "{" + f",{space}".join(pair(k, v) for k, v in value) + "}"
    text = json.dumps(value, ensure_ascii=ascii_only)
    return text.replace(":", "\\u003a") if escape_colons and isinstance(value, str) else text


def _standard(raw: bytes) -> Any:
    try:
        return ("value", files.parse_json(files.decode_utf8(raw, "doc"), "doc"))
    except SourceError as exc:
        return ("error", exc.problem)


def _new(raw: bytes) -> Any:
    try:
        return ("value", files.parse_json_bytes(raw, "doc"))
    except SourceError as exc:
        return ("error", exc.problem)


def _same(a: Any, b: Any) -> bool:
    """Equal, in the same order and of the same types all the way down (1 is not 1.0, -0.0 not 0.0)."""
    return bool(a == b) and repr(a) == repr(b)


class TestAcceleratedParse:
    @given(_VALUES, st.booleans(), st.booleans(), st.sampled_from(["", " ", "\n  "]), st.booleans())
    @settings(suppress_health_check=[HealthCheck.too_slow])
    def test_same_value_or_error_as_the_standard_parse(
        self, value: Any, ascii_only: bool, escape_colons: bool, space: str, mark: bool
    ) -> None:
        """Duplicate keys, escaped colons, big integers, lone surrogates, a byte-order mark: as ever."""
        text = _text(value, ascii_only, escape_colons, space)
        raw = (b"\xef\xbb\xbf" if mark else b"") + text.encode("utf-8", "surrogatepass")
        assert _same(_new(raw), _standard(raw))

    @given(st.binary(max_size=40) | st.text(alphabet='{}[]":,1aé\\u0 ', max_size=30).map(str.encode))
    def test_same_on_any_bytes(self, raw: bytes) -> None:
        """Bytes that are not JSON, or not UTF-8, get the standard error."""
        assert _same(_new(raw), _standard(raw))

    @pytest.mark.parametrize(
        "text",
        [
            '{"a": 1, "a": 2}',
            '{"a": {"b": 1, "b": 1}}',
            '[{"a:": "x", "a:": "y"}]',
            '{"a": 1, "\\u0061": 1}',
            '{"a": 12345678901234567890123}',
            '{"a": NaN}',
            '{"a": 1e400}',
            '"\\ud800"',
            "[" * 255 + "]" * 255,
            "[" * 1000 + "]" * 1000,
        ],
    )
    def test_the_known_differences_are_declined(self, text: str) -> None:
        """What orjson reads otherwise than the standard parser never comes from orjson."""
        pytest.importorskip("orjson")
        assert files._accelerated(text.encode()) is files._DECLINED
        assert _same(_new(text.encode()), _standard(text.encode()))

    def test_nested_as_deep_as_orjson_writes(self) -> None:
        """A document nested 254 deep is taken from orjson, and equals the standard parse."""
        pytest.importorskip("orjson")
        raw = ("[" * 254 + "]" * 254).encode()
        assert files._accelerated(raw) is not files._DECLINED
        assert _same(_new(raw), _standard(raw))
        for depth in (254, 255):  # a table's entries are written one at a time
            raw = ('{"a": ' + "[" * depth + "]" * depth + "}").encode()
            assert (files._accelerated(raw) is files._DECLINED) == (depth > 254)
            assert _same(_new(raw), _standard(raw))

    def test_a_native_document_is_accelerated(self) -> None:
        """The common document is taken from orjson (where it is installed), equal to the standard one."""
        pytest.importorskip("orjson")
        raw = dumps(wk.load()).encode()
        found = files._accelerated(raw)
        assert found is not files._DECLINED
        assert found == json.loads(raw)

    def test_without_orjson_the_standard_parse(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """orjson is optional: without it every document goes the standard way."""
        import sys

        monkeypatch.setitem(sys.modules, "orjson", None)
        assert files._accelerated(b'{"a": 1}') is files._DECLINED
        assert files.parse_json_bytes(b'{"a": 1}', "doc") == {"a": 1}


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
