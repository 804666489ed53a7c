"""Graph formats in: what waterketen writes as GraphML, GEXF and node-link JSON loads back equal,
and graphs of other tools load through a mapping, safely, with located problems."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings

import waterketen as wk
from waterketen.cli import main
from waterketen.formats.graph import GraphMapping, GraphSource
from waterketen.testing import histories, networks


SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "node-link": ".node-link.json"}


def through(network: wk.Network, format: str) -> wk.Network:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"net{SUFFIXES[format]}"
        wk.write(network, path, format)
        return wk.load(path)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestRoundTrip:
    @pytest.mark.parametrize("format", SUFFIXES)
    def test_embedded_dataset(self, net: wk.Network, format: str) -> None:
        """The embedded dataset loads back equal from each graph format, with no warning."""
        again = through(net, format)
        assert again == net
        assert again.report is not None
        assert again.report.warnings == ()

    @pytest.mark.parametrize("format", SUFFIXES)
    @settings(max_examples=25)
    @given(network=networks())
    def test_generated_networks(self, network: wk.Network, format: str) -> None:
        """Any generated network (partial dates, unknown bounds, control characters) loads back equal."""
        assert through(network, format) == network

    @pytest.mark.parametrize("format", SUFFIXES)
    @settings(max_examples=10)
    @given(network=histories())
    def test_histories(self, network: wk.Network, format: str) -> None:
        """Networks of merging organisations load back equal."""
        assert through(network, format) == network

    @pytest.mark.parametrize("format", SUFFIXES)
    def test_change_without_successor(self, format: str) -> None:
        """A change that states no edge (no successor) is kept on its organisation's node."""
        network = wk.Network(
            [
                wk.Organisation(id="a", name="A", kind=wk.OrgKind.MUNICIPALITY),
                wk.Change(
                    id="end-of-a",
                    kind=wk.ChangeKind.REORGANISATION,
                    date=wk.PartialDate(2020),
                    before=(wk.model.Part(id="a"),),
                ),
            ]
        )
        assert through(network, format) == network

    def test_node_link_suffix_wins_over_json(self, tmp_path: Path, net: wk.Network) -> None:
        """``.node-link.json`` is read as a graph, not as the native JSON its ``.json`` would say."""
        path = tmp_path / "net.node-link.json"
        wk.write(net, path)
        assert wk.load(path) == net

    @pytest.mark.parametrize("format", SUFFIXES)
    def test_validate(
        self, tmp_path: Path, net: wk.Network, format: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``waterketen validate`` reads every graph file waterketen writes, without errors."""
        path = tmp_path / f"net{SUFFIXES[format]}"
        wk.write(net, path)
        assert main(["validate", str(path)]) == 0
        assert "0 rejected" in capsys.readouterr().out


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="type" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <key id="d2" for="node" attr.name="cbs" attr.type="string"/>
    <key id="d1" for="edge" attr.name="relation" attr.type="string"/>
    <node id="regio"><data key="d0">Regio Noord</data><data key="d1">regio</data></node>
    <node id="c1"><data key="d0">Cluster Oost</data><data key="d1">cluster</data></node>
    <node id="g1"><data key="d0">Gemeente Een</data><data key="d1">gemeente</data>
      <data key="d2">GM9001</data></node>
    <node id="w1"><data key="d0">Waterschap Twee</data><data key="d1">waterschap</data></node>
    <node id="x1"><data key="d0">Iets</data><data key="d1">stichting</data></node>
    <edge source="c1" target="regio"><data key="d1">deel van</data></edge>
    <edge source="g1" target="c1"><data key="d1">lid</data></edge>
    <edge source="w1" target="regio"><data key="d1">lid</data></edge>
    <edge source="g1" target="w1"><data key="d1">buur</data></edge>
  </graph>
</graphml>
"""

MAPPING = GraphMapping(
    name="label",
    kind="type",
    codes={"cbs": "cbs"},
    kinds={"regio": "cooperation", "gemeente": "municipality", "waterschap": "water-board"},
    edge_type="relation",
    membership=("lid",),
    part_of=("deel van",),
)


class TestForeign:
    def test_malformed_graphml_loads_with_warnings(self, tmp_path: Path) -> None:
        """Keys inside <graph> and one key id for nodes and edges load, each with a warning."""
        path = write(tmp_path, "foreign.graphml", FOREIGN)
        net = wk.load(GraphSource(path, mapping=MAPPING))
        assert net["g1"].kind is wk.OrgKind.MUNICIPALITY
        assert net["g1"].identifier("cbs") == "GM9001"
        assert net["c1"].cooperation == "regio"
        assert net["x1"].kind is wk.OrgKind.OTHER
        assert sorted((m.member, m.group) for m in net.entities(wk.Membership)) == [
            ("g1", "c1"),
            ("w1", "regio"),
        ]
        assert net.report is not None
        reasons = [(w.place, w.field, w.reason) for w in net.report.warnings]
        assert any(p == "line 6" and f == "d2" for p, f, _ in reasons)
        assert any("inside <graph>" in r for _, _, r in reasons)
        assert any(f == "d1" and "for edge and node" in r for _, f, r in reasons)
        assert any("1 edges of type 'buur' left out" in r for _, _, r in reasons)
        assert any("kind 'stichting'" in r for _, _, r in reasons)
        assert net.report.errors == ()

    def test_networkx_refuses_what_we_read(self, tmp_path: Path) -> None:
        """networkx itself does not read this malformed file (the reason the reader is our own)."""
        import networkx as nx

        path = write(tmp_path, "foreign.graphml", FOREIGN)
        with pytest.raises(Exception):  # noqa: B017, PT011 (networkx raises several kinds)
            nx.read_graphml(path)

    def test_query_options(self, tmp_path: Path) -> None:
        """The mapping can be given in the location, after ``?``."""
        path = write(tmp_path, "foreign.graphml", FOREIGN)
        query = (
            "name=label&kind=type&code.cbs=cbs&kinds.regio=cooperation&kinds.gemeente=municipality"
            "&kinds.waterschap=water-board&edge_type=relation&membership=lid&part_of=deel+van"
        )
        assert wk.load(f"graphml:{path}?{query}") == wk.load(GraphSource(path, mapping=MAPPING))

    def test_unknown_option(self, tmp_path: Path) -> None:
        """An unknown mapping option is a located error naming the options."""
        path = write(tmp_path, "foreign.graphml", FOREIGN)
        with pytest.raises(wk.LoadError, match="unknown graph option 'colour'"):
            wk.load(f"graphml:{path}?colour=red")

    def test_cluster_without_cooperation(self, tmp_path: Path) -> None:
        """A node read as a cluster that is part of nothing is rejected with its line and node."""
        text = FOREIGN.replace('<edge source="c1" target="regio"><data key="d1">deel van</data></edge>', "")
        path = write(tmp_path, "foreign.graphml", text)
        net = wk.load(GraphSource(path, mapping=MAPPING), strict=False)
        assert net.report is not None
        assert next((p.place, p.field) for p in net.report.errors) == ("line 9, node 'c1'", "cooperation")

    def test_edge_without_target(self, tmp_path: Path) -> None:
        """An edge without a target is rejected with its line, the rest loads."""
        text = FOREIGN.replace('<edge source="w1" target="regio">', '<edge source="w1">')
        path = write(tmp_path, "foreign.graphml", text)
        net = wk.load(GraphSource(path, mapping=MAPPING), strict=False)
        assert net.report is not None
        assert [(p.place, p.field) for p in net.report.errors] == [("line 16", "group")]
        assert "g1" in net

    def test_gexf_and_node_link_of_another_tool(self, tmp_path: Path) -> None:
        """A GEXF and a node-link graph of another tool load through the same mapping."""
        gexf = write(
            tmp_path,
            "other.gexf",
            '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">'
            '<attributes class="node"><attribute id="0" title="type" type="string"/></attributes>'
            '<nodes><node id="r" label="Regio">'
            '<attvalues><attvalue for="0" value="regio"/></attvalues></node>'
            '<node id="g" label="Gemeente"><attvalues><attvalue for="0" value="gemeente"/></attvalues></node>'
            '</nodes><edges><edge id="e" source="g" target="r" label="lid"/></edges></graph></gexf>',
        )
        mapping = GraphMapping(
            kind="type",
            kinds={"regio": "cooperation", "gemeente": "municipality"},
            edge_type="label",
            membership=("lid",),
        )
        net = wk.load(GraphSource(gexf, mapping=mapping))
        assert net["g"].name == "Gemeente"
        assert [o.id for o in net.partners(on="2020-01-01")] == ["g"]
        node_link = write(
            tmp_path,
            "other.json",
            '{"nodes": [{"id": 1, "label": "Regio", "type": "regio"}, {"id": 2, "label": "Gemeente",'
            ' "type": "gemeente"}], "links": [{"source": 2, "target": 1, "label": "lid"}]}',
        )
        net = wk.load(GraphSource(node_link, mapping=mapping))
        assert [o.name for o in net.partners(on="2020-01-01")] == ["Gemeente"]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE graphml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<graphml><graph><node id="a"><data key="name">&lol3;</data></node></graph></graphml>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE graphml [
  <!ENTITY secret SYSTEM "file:///etc/hostname">
]>
<graphml><graph><node id="a"><data key="name">&secret;</data></node></graph></graphml>
"""


class TestSafety:
    @pytest.mark.parametrize(("text", "entity", "line"), [(BOMB, "lol", 3), (EXTERNAL, "secret", 3)])
    @pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
    def test_entities_are_refused(
        self, tmp_path: Path, text: str, entity: str, line: int, suffix: str
    ) -> None:
        """An entity-expansion bomb and an external entity are refused with the file and the line."""
        path = write(tmp_path, f"bad{suffix}", text)
        with pytest.raises(wk.LoadError) as caught:
            wk.load(path)
        (problem,) = caught.value.report.errors
        assert (problem.source, problem.place) == (str(path), f"line {line}")
        assert f"declares the XML entity {entity!r}" in problem.reason

    def test_not_xml(self, tmp_path: Path) -> None:
        """Broken XML is a located error with line and column."""
        path = write(tmp_path, "bad.graphml", "<graphml>\n<graph><node id='a'></graph>")
        with pytest.raises(wk.LoadError) as caught:
            wk.load(path)
        (problem,) = caught.value.report.errors
        assert problem.place == "line 2, column 23"
        assert problem.reason.startswith("invalid XML: mismatched tag")

    def test_not_graphml(self, tmp_path: Path) -> None:
        """An XML file of another kind is refused, saying what was expected."""
        path = write(tmp_path, "bad.graphml", "<gexf/>")
        with pytest.raises(wk.LoadError, match="expected a <graphml> document, got <gexf>"):
            wk.load(path)
