"""The networkx view of a network (imported only when a graph is asked for)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from .model import Change, Membership, Tenure, name_of


if TYPE_CHECKING:
    from .network import Network


def build_graph(network: Network) -> nx.MultiDiGraph[str]:
    """A ``MultiDiGraph`` with a node per entity and an edge per relation."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for entity in network:
        if isinstance(entity, Membership | Tenure | Change):
            continue
        kind = getattr(entity, "kind", None)
        graph.add_node(
            entity.id,
            tag=entity.tag,
            name=name_of(entity),
            kind=kind.value if kind is not None else entity.tag,
            start=_text(entity.period.start),
            end=_text(entity.period.end),
        )
    for relation in network.relations():
        graph.add_edge(
            relation.source,
            relation.target,
            key=f"{relation.via}:{relation.kind.value}",
            kind=relation.kind.value,
            via=relation.via,
            start=_text(relation.period.start),
            end=_text(relation.period.end),
            partial=relation.partial,
        )
    return graph


def _text(value: object) -> str:
    """GraphML has no null: an open bound is the empty string."""
    return "" if value is None else str(value)
