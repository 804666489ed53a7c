"""Graph formats out: GraphML, GEXF and node-link JSON (kept here; their home is
:mod:`waterketen.formats.graph`, which also reads them)."""

from __future__ import annotations

from ..formats.graph import (
    export_graph,
    gexf_graph,
    gexf_writer,
    graphml_writer,
    node_link_data,
    node_link_writer,
    write_gexf,
    write_graphml,
    write_node_link,
)


__all__ = [
    "export_graph",
    "gexf_graph",
    "gexf_writer",
    "graphml_writer",
    "node_link_data",
    "node_link_writer",
    "write_gexf",
    "write_graphml",
    "write_node_link",
]
