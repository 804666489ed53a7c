"""Graph formats out: GraphML, GEXF and node-link JSON read back by networkx as they were written."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings

import waterketen as wk
from waterketen.formats.graph import export_graph, gexf_graph
from waterketen.testing import networks


Edges = dict[tuple[str, str, str], dict[str, Any]]


def nodes_and_edges(graph: Any) -> tuple[dict[str, dict[str, Any]], Edges]:
    """The nodes with their attributes, and the edges by (source, target, key) with theirs."""
    nodes = {node: dict(data) for node, data in graph.nodes(data=True)}
    if graph.is_multigraph():
        edges = {(u, v, k): dict(d) for u, v, k, d in graph.edges(keys=True, data=True)}
    else:  # read_gexf gives a DiGraph when no two edges join the same pair; the GEXF id is the key
        edges = {(u, v, d["id"]): dict(d) for u, v, d in graph.edges(data=True)}
    return nodes, edges


def read_graphml(path: Path) -> Any:
    return nx.read_graphml(path, force_multigraph=True)


def read_node_link(path: Path) -> Any:
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


FORMATS: list[tuple[str, str, Callable[[Path], Any], Callable[[wk.Network], Any]]] = [
    ("graphml", ".graphml", read_graphml, export_graph),
    ("gexf", ".gexf", nx.read_gexf, gexf_graph),
    ("node-link", ".node-link.json", read_node_link, export_graph),
]


def round_trip(network: wk.Network, format: str, suffix: str, read: Callable[[Path], Any]) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"net{suffix}"
        wk.write(network, path, format)
        return read(path)


class TestRoundTrip:
    @pytest.mark.parametrize(("format", "suffix", "read", "expected"), FORMATS, ids=[f[0] for f in FORMATS])
    def test_embedded_dataset(
        self,
        net: wk.Network,
        format: str,
        suffix: str,
        read: Callable[[Path], Any],
        expected: Callable[[wk.Network], Any],
    ) -> None:
        """Nodes, edges and their typed attributes come back as written."""
        graph = round_trip(net, format, suffix, read)
        assert nodes_and_edges(graph) == nodes_and_edges(expected(net))
        nodes, edges = nodes_and_edges(graph)
        assert nodes["gnd-regiegroep"]["seats"] == 11
        assert nodes["gnd-dal"]["members_known"] is True
        assert nodes["gnd-speerpunt-9"]["number"] == 9
        assert nodes["bedum"]["end"] == "2019-01-01"
        assert "end" not in nodes["assen"]  # an open bound is left out
        assert all(isinstance(d["partial"], bool) for d in edges.values())

    @pytest.mark.parametrize(("format", "suffix", "read", "expected"), FORMATS, ids=[f[0] for f in FORMATS])
    @settings(max_examples=25)
    @given(network=networks())
    def test_generated_networks(
        self,
        network: wk.Network,
        format: str,
        suffix: str,
        read: Callable[[Path], Any],
        expected: Callable[[wk.Network], Any],
    ) -> None:
        """Any generated network's graph comes back as written."""
        assert nodes_and_edges(round_trip(network, format, suffix, read)) == nodes_and_edges(
            expected(network)
        )


class TestGraph:
    def test_matches_the_network_graph(self, net: wk.Network) -> None:
        """The exported graph has the nodes and edges of net.graph()."""
        exported, plain = export_graph(net), net.graph()
        assert set(exported.nodes) == set(plain.nodes)
        assert sorted((u, v, d["kind"]) for u, v, d in exported.edges(data=True)) == sorted(
            (u, v, d["kind"]) for u, v, d in plain.edges(data=True)
        )

    def test_edge_keys_are_unique(self, net: wk.Network) -> None:
        """Every edge key is unique in the whole graph (GEXF needs unique edge ids)."""
        keys = [k for _, _, k in export_graph(net).edges(keys=True)]
        assert len(keys) == len(set(keys))

    def test_gexf_is_dynamic(self, tmp_path: Path, net: wk.Network) -> None:
        """GEXF carries start and end as its own time bounds, and the name as the label."""
        path = tmp_path / "net.gexf"
        wk.write(net, path)
        text = path.read_text(encoding="utf-8")
        assert 'mode="dynamic"' in text
        assert '<node id="gnd-bmwe" label="BMWE" end="2020">' in text

    @pytest.mark.parametrize(("format", "suffix", "read", "expected"), FORMATS[:2], ids=["graphml", "gexf"])
    def test_characters_xml_cannot_hold(
        self,
        format: str,
        suffix: str,
        read: Callable[[Path], Any],
        expected: Callable[[wk.Network], Any],
    ) -> None:
        """A control character in a name becomes U+FFFD in XML, so the file still reads."""
        network = wk.Network([wk.Person(id="p", name="Persoon\x0bA")])
        graph = round_trip(network, format, suffix, read)
        assert graph.nodes["p"]["name"] == "Persoon\ufffdA"
