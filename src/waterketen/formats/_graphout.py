"""The graph formats out: the one networkx graph of a network, written as GraphML, GEXF or node-link JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._time import Period
from ..convert import unstructure_entity
from ..errors import WriteError
from ..model import (
    Agreement,
    Body,
    Change,
    Cluster,
    Entity,
    Membership,
    Organisation,
    Spearhead,
    Tenure,
    name_of,
)
from .writing import write_atomically


if TYPE_CHECKING:
    import networkx as nx

    from ..network import Network

__all__ = ["export_graph", "gexf_graph", "node_link_data", "write_gexf", "write_graphml", "write_node_link"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(graph: nx.MultiDiGraph[str], path: str | Path, syntax: str) -> nx.MultiDiGraph[str]:
    """The graph with every character XML 1.0 cannot hold, in text attributes, replaced by U+FFFD.

    The ``record`` attribute (ASCII JSON) keeps the text exact for the reader.
    An id cannot be changed so (two ids could become one): an id holding such
    a character (a network made by hand; a load refuses them) is a
    :class:`~waterketen.errors.WriteError` naming it.
    """
    ids = [*graph, *(data.get("via", "") for _, _, data in graph.edges(data=True))]
    for entity_id in ids:
        found = _NOT_XML.search(entity_id)
        if found is not None:
            raise WriteError(
                0,
                f"the id {entity_id!r} holds U+{ord(found.group()):04X}, "
                f"which {syntax} (XML 1.0) cannot hold",
                str(path),
            )

    def clean(data: dict[str, Any]) -> None:
        for key, value in data.items():
            if isinstance(value, str) and _NOT_XML.search(value):
                data[key] = _NOT_XML.sub("\ufffd", value)

    for _, data in graph.nodes(data=True):
        clean(data)
    for _, _, data in graph.edges(data=True):
        clean(data)
    return graph


def _period(period: Period) -> dict[str, str]:
    out = {}
    if period.start is not None:
        out["start"] = period.start.isoformat()
    if period.end is not None:
        out["end"] = period.end.isoformat()
    return out


def _record(entity: Entity) -> str:
    """The entity as compact native JSON, in ASCII (XML holds it as it is)."""
    return json.dumps(unstructure_entity(entity), separators=(",", ":"))


def export_graph(network: Network) -> nx.MultiDiGraph[str]:
    """The graph the graph formats write (see the module's description).

    Examples:
        >>> from waterketen.formats.graph import export_graph
        >>> graph = export_graph(wk.load())
        >>> graph.nodes["gnd-regiegroep"]["seats"], graph.nodes["bedum"]["identifiers"]
        (11, 'cbs:GM0005')
    """
    import networkx as nx

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    stating: dict[str, str] = {}
    edgeless: dict[str, list[Any]] = {}
    for entity in network:
        if isinstance(entity, Membership | Tenure | Change):
            stating[entity.id] = _record(entity)
            if isinstance(entity, Change) and not any(
                b.id != a.id for b in entity.before for a in entity.after
            ):
                parts = [p.id for p in (*entity.before, *entity.after)]
                edgeless.setdefault(parts[0] if parts else "", []).append(unstructure_entity(entity))
            continue
        kind = getattr(entity, "kind", None)
        data: dict[str, Any] = {
            "tag": entity.tag,
            "name": name_of(entity),
            "kind": entity.tag if kind is None else kind.value,
            **_period(entity.period),
        }
        if isinstance(entity, Organisation) and entity.identifiers:
            data["identifiers"] = "; ".join(str(i) for i in entity.identifiers)
        elif isinstance(entity, Cluster):
            data["members_known"] = entity.members_known
        elif isinstance(entity, Body):
            if entity.cluster is not None:
                data["cluster"] = entity.cluster
            if entity.seats is not None:
                data["seats"] = entity.seats
        elif isinstance(entity, Spearhead):
            data["number"] = entity.number
        elif isinstance(entity, Agreement):
            if entity.date is not None:
                data["date"] = entity.date.isoformat()
            if entity.partners is not None:
                data["partners"] = entity.partners
        data["record"] = _record(entity)
        graph.add_node(entity.id, **data)
    for relation in network.relations():
        kind = relation.kind.value
        record = stating.get(relation.via)
        graph.add_edge(
            relation.source,
            relation.target,
            key=f"{relation.via}:{kind}:{relation.source}:{relation.target}",
            kind=kind,
            via=relation.via,
            partial=relation.partial,
            **_period(relation.period),
            **({} if record is None else {"record": record}),
        )
    for part, changes in edgeless.items():
        target = graph.nodes[part] if part in graph else graph.graph
        target["changes"] = json.dumps(changes, separators=(",", ":"))
    return graph


def write_graphml(network: Network, path: str | Path) -> None:
    """Write the network as GraphML, atomically (read it back with ``nx.read_graphml``).

    The text is the writer's own: ``nx.generate_graphml`` splits it into lines
    at every line break Python knows (CR, U+2028, ...), which would change
    the text of a name. A carriage return is written as ``&#13;``: an XML
    reader turns a literal one into a line feed.
    """
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(_xml_safe(export_graph(network), path, "GraphML"))
    write_atomically(path, str(writer).replace("\r", "&#13;"))


def gexf_graph(network: Network) -> nx.MultiDiGraph[str]:
    """The graph written as GEXF: :func:`export_graph`, with labels and edge ids."""
    graph = export_graph(network)
    for _, data in graph.nodes(data=True):
        data["label"] = data["name"]
        _gexf_times(data)
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["id"] = key
        _gexf_times(data)
    return graph


_GEXF_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


def _gexf_times(data: dict[str, Any]) -> None:
    """GEXF's own ``start`` and ``end`` hold dates only: a range or an unknown bound is left to ``record``."""
    for bound in ("start", "end"):
        value = data.get(bound)
        if value is not None and not _GEXF_DATE.fullmatch(str(value)):
            del data[bound]


def write_gexf(network: Network, path: str | Path) -> None:
    """Write the network as GEXF 1.2, atomically (read it back with ``nx.read_gexf``).

    As for GraphML, the text is the writer's own, not split into lines (the
    values are attributes, where the writer escapes CR, LF and tab itself).
    """
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(_xml_safe(gexf_graph(network), path, "GEXF"))
    write_atomically(path, str(writer))


def node_link_data(network: Network) -> dict[str, Any]:
    """The node-link form of the graph: ``{"directed", "multigraph", "graph", "nodes", "edges"}``."""
    import networkx as nx

    graph = export_graph(network)
    try:
        data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    except TypeError:  # networkx before 3.4
        data = nx.node_link_data(graph, link="edges")
    return data


def write_node_link(network: Network, path: str | Path) -> None:
    """Write the network as node-link JSON, atomically (read it back with ``nx.node_link_graph``)."""
    text = json.dumps(node_link_data(network), ensure_ascii=False, indent=1)
    write_atomically(path, text + "\n")


# -- in --------------------------------------------------------------------------------------------
