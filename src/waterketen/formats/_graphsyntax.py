"""The three graph syntaxes read into one plain form, :class:`GraphData`.

GraphML and GEXF are parsed by defusedxml (no entity expansion, no external
entities, no network), with the line of every element kept, so that a
problem names its place. The readers tolerate the malformations real files
have (a ``<key>`` declared inside ``<graph>``, one key id declared for nodes
and for edges, data under an undeclared key) and say so in warnings.
Node-link JSON is parsed as strictly as the native JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from attrs import define, field

from ..errors import Problem, Severity, SourceError
from .files import decode_utf8, parse_json


__all__ = ["GraphData", "Item", "parse_gexf", "parse_graphml", "parse_node_link"]


@define(kw_only=True)
class Item:
    """A node or an edge: its attributes and its place in the file."""

    id: str | None
    attributes: dict[str, Any]
    place: str
    source: str | None = None
    """An edge's source node."""
    target: str | None = None
    """An edge's target node."""


@define(kw_only=True)
class GraphData:
    """A graph as its file holds it: graph attributes, nodes and edges, and what was odd about it."""

    graph: dict[str, Any] = field(factory=dict)
    nodes: list[Item] = field(factory=list)
    edges: list[Item] = field(factory=list)
    warnings: list[Problem] = field(factory=list)


def _local(tag: Any) -> str:
    return str(tag).rpartition("}")[2]


class _Tree:
    """An XML document parsed safely, with the line of each element."""

    def __init__(self, raw: bytes, name: str, syntax: str) -> None:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import DefusedXMLParser

        self.lines: dict[int, int] = {}
        lines = self.lines
        parser: Any = None

        class Builder(ElementTree.TreeBuilder):
            def start(self, tag: Any, attrs: Any) -> ElementTree.Element:
                element = super().start(tag, attrs)
                lines[id(element)] = parser.parser.CurrentLineNumber
                return element

        parser = DefusedXMLParser(
            target=Builder(), forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
        try:
            parser.feed(raw)
            self.root: ElementTree.Element = parser.close()
        except DefusedXmlException as exc:
            line = parser.parser.CurrentLineNumber
            what = getattr(exc, "name", None)
            reason = (
                f"refused: the file declares the XML entity {what!r}; entities are not expanded "
                "(they can blow up in memory or read other files)"
                if what
                else f"refused: {exc}"
            )
            raise SourceError(Problem(source=name, place=f"line {line}", reason=reason)) from None
        except ElementTree.ParseError as exc:
            line, column = exc.position
            message = str(exc).rpartition(":")[0] or str(exc)
            raise SourceError(
                Problem(
                    source=name, place=f"line {line}, column {column + 1}", reason=f"invalid XML: {message}"
                )
            ) from None
        except (RecursionError, MemoryError):
            raise SourceError(Problem(source=name, reason="invalid XML: nested too deeply")) from None
        if _local(self.root.tag) != syntax:
            raise SourceError(
                Problem(
                    source=name,
                    place="line 1",
                    reason=f"expected a <{syntax}> document, got <{_local(self.root.tag)}>",
                )
            )

    def line(self, element: ElementTree.Element) -> str:
        return f"line {self.lines.get(id(element), 0)}"


def _children(element: ElementTree.Element, name: str) -> Iterator[ElementTree.Element]:
    return (child for child in element if _local(child.tag) == name)


_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def _typed(text: str, kind: str) -> Any:
    """A GraphML or GEXF value of a declared type; the text itself when it does not read as
    that type (the core then rejects it, with its place, if the field matters)."""
    kind = kind.lower()
    if kind in ("boolean", "bool"):
        lowered = text.strip().lower()
        return lowered in _TRUE if lowered in _TRUE | _FALSE else text
    try:
        if kind in ("int", "long", "integer"):
            return int(text)
        if kind in ("float", "double"):
            return float(text)
    except ValueError:
        return text
    return text


def parse_graphml(raw: bytes, name: str) -> GraphData:
    """Read GraphML bytes into a :class:`GraphData`.

    Raises:
        SourceError: the bytes are not XML, declare entities, or are not GraphML.
    """
    tree = _Tree(raw, name, "graphml")
    data = GraphData()
    keys: dict[tuple[str, str], tuple[str, str, Any]] = {}
    """(key id, domain) -> (attribute name, type, default)."""
    domains: dict[str, set[str]] = {}
    graphs = list(_children(tree.root, "graph"))
    declared = [(k, False) for k in _children(tree.root, "key")]
    for graph in graphs:
        declared += [(k, True) for k in _children(graph, "key")]
    for key, inside in declared:
        key_id = key.get("id")
        place = tree.line(key)
        if key_id is None:
            data.warnings.append(
                Problem(source=name, place=place, field="id", reason="a <key> without an id is ignored")
            )
            continue
        if inside:
            data.warnings.append(
                Problem(
                    source=name,
                    place=place,
                    field=key_id,
                    reason="the <key> is declared inside <graph>; GraphML declares keys before the graph "
                    "(read as if it were)",
                    severity=Severity.WARNING,
                )
            )
        domain = key.get("for", "all")
        default = next(_children(key, "default"), None)
        kind = key.get("attr.type", "string")
        attribute = key.get("attr.name", key_id)
        if (key_id, domain) in keys:
            data.warnings.append(
                Problem(
                    source=name,
                    place=place,
                    field=key_id,
                    reason=f"the key id is declared twice for {domain!r}; the first declaration is used",
                )
            )
            continue
        if domains.get(key_id):
            data.warnings.append(
                Problem(
                    source=name,
                    place=place,
                    field=key_id,
                    reason=f"one key id is declared for {' and '.join(sorted(domains[key_id] | {domain}))}; "
                    "each is read with its own declaration",
                )
            )
        domains.setdefault(key_id, set()).add(domain)
        keys[key_id, domain] = (attribute, kind, None if default is None else (default.text or ""))
    if not graphs:
        raise SourceError(
            Problem(source=name, place=tree.line(tree.root), reason="the GraphML has no <graph>")
        )
    if len(graphs) > 1:
        data.warnings.append(
            Problem(source=name, place=tree.line(graphs[1]), reason="only the first <graph> is read")
        )
    graph = graphs[0]
    undeclared: set[str] = set()

    def attributes(element: ElementTree.Element, domain: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for (_, key_domain), (attribute, kind, default) in keys.items():
            if key_domain == domain and default is not None:
                out[attribute] = _typed(default, kind)
        for item in _children(element, "data"):
            key_id = item.get("key", "")
            declaration = keys.get((key_id, domain)) or keys.get((key_id, "all"))
            if declaration is None:
                others = [v for (k, _), v in keys.items() if k == key_id]
                declaration = others[0] if others else (key_id, "string", None)
                if key_id not in undeclared:
                    undeclared.add(key_id)
                    data.warnings.append(
                        Problem(
                            source=name,
                            place=tree.line(item),
                            field=key_id,
                            reason=f"data under a key not declared for {domain}s; read as "
                            f"{declaration[0]!r} ({declaration[1]})",
                        )
                    )
            attribute, kind, _ = declaration
            out[attribute] = _typed("".join(item.itertext()), kind)
        return out

    data.graph = attributes(graph, "graph")
    for node in _children(graph, "node"):
        place, node_id = tree.line(node), node.get("id")
        if next(_children(node, "graph"), None) is not None:
            data.warnings.append(
                Problem(source=name, place=place, field=node_id, reason="a nested graph is not read")
            )
        data.nodes.append(
            Item(id=node_id, attributes=attributes(node, "node"), place=_node_place(place, node_id))
        )
    for edge in _children(graph, "edge"):
        data.edges.append(
            Item(
                id=edge.get("id"),
                attributes=attributes(edge, "edge"),
                place=tree.line(edge),
                source=edge.get("source"),
                target=edge.get("target"),
            )
        )
    if next(_children(graph, "hyperedge"), None) is not None:
        data.warnings.append(Problem(source=name, place=tree.line(graph), reason="hyperedges are not read"))
    data.warnings = [_warning(p) for p in data.warnings]
    return data


def _node_place(place: str, node_id: str | None) -> str:
    return place if node_id is None else f"{place}, node {node_id!r}"


def _warning(problem: Problem) -> Problem:
    import attrs

    return attrs.evolve(problem, severity=Severity.WARNING)


_GEXF_TIME = ("start", "end")


def parse_gexf(raw: bytes, name: str) -> GraphData:
    """Read GEXF bytes (1.1 to 1.3) into a :class:`GraphData`.

    A node's ``label`` is kept as the attribute ``label``; ``start`` and
    ``end`` (GEXF's own time bounds) as attributes of those names.

    Raises:
        SourceError: the bytes are not XML, declare entities, or are not GEXF.
    """
    tree = _Tree(raw, name, "gexf")
    data = GraphData()
    graph = next(_children(tree.root, "graph"), None)
    if graph is None:
        raise SourceError(Problem(source=name, place=tree.line(tree.root), reason="the GEXF has no <graph>"))
    declared: dict[tuple[str, str], tuple[str, str, Any]] = {}
    for block in _children(graph, "attributes"):
        domain = block.get("class", "node")
        for attribute in _children(block, "attribute"):
            default = next(_children(attribute, "default"), None)
            declared[attribute.get("id", ""), domain] = (
                attribute.get("title", attribute.get("id", "")),
                attribute.get("type", "string"),
                None if default is None else (default.text or ""),
            )

    def attributes(element: ElementTree.Element, domain: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            title: _typed(default, kind)
            for (_, d), (title, kind, default) in declared.items()
            if d == domain and default is not None
        }
        for key in ("label", *_GEXF_TIME):
            if element.get(key) is not None:
                out[key] = element.get(key)
        for block in _children(element, "attvalues"):
            for value in _children(block, "attvalue"):
                key_id = value.get("for", value.get("id", ""))
                title, kind, _ = declared.get((key_id, domain), (key_id, "string", None))
                out[title] = _typed(value.get("value", ""), kind)
        return out

    for nodes in _children(graph, "nodes"):
        for node in _children(nodes, "node"):
            place, node_id = tree.line(node), node.get("id")
            data.nodes.append(
                Item(id=node_id, attributes=attributes(node, "node"), place=_node_place(place, node_id))
            )
    for edges in _children(graph, "edges"):
        for edge in _children(edges, "edge"):
            _gexf_edge(data, edge, tree.line(edge), attributes(edge, "edge"))
    return data


def _gexf_edge(data: GraphData, edge: ElementTree.Element, place: str, attrs: dict[str, Any]) -> None:
    if edge.get("label") is not None:
        attrs["label"] = edge.get("label")
    data.edges.append(
        Item(
            id=edge.get("id"),
            attributes=attrs,
            place=place,
            source=edge.get("source"),
            target=edge.get("target"),
        )
    )


_SCALAR = (str, int, float, bool, type(None))


def parse_node_link(raw: bytes, name: str) -> GraphData:
    """Read node-link JSON bytes (``nodes`` and ``edges`` or ``links``) into a :class:`GraphData`.

    Raises:
        SourceError: the bytes are not strict JSON, or not a node-link object.
    """
    document = parse_json(decode_utf8(raw, name), name)
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        raise SourceError(Problem(source=name, reason='expected a node-link object with a list "nodes"'))
    data = GraphData()
    graph = document.get("graph", {})
    data.graph = dict(graph) if isinstance(graph, dict) else {}
    for index, node in enumerate(document["nodes"]):
        place = f"/nodes/{index}"
        if not isinstance(node, dict):
            node = {"": node}  # the core rejects it: no id, no name
        node_id = _text(node.get("id"))
        attributes = {k: v for k, v in node.items() if k != "id"}
        data.nodes.append(Item(id=node_id, attributes=attributes, place=_node_place(place, node_id)))
    section = "edges" if "edges" in document else "links"
    edges = document.get(section, [])
    if not isinstance(edges, list):
        raise SourceError(Problem(source=name, place=f"/{section}", reason="expected a list of edges"))
    for index, edge in enumerate(edges):
        if not isinstance(edge, dict):
            edge = {"": edge}
        key = edge.get("key", edge.get("id"))
        attributes = {k: v for k, v in edge.items() if k not in ("source", "target", "key")}
        data.edges.append(
            Item(
                id=_text(key),
                attributes=attributes,
                place=f"/{section}/{index}",
                source=_text(edge.get("source")),
                target=_text(edge.get("target")),
            )
        )
    return data


def _text(value: Any) -> str | None:
    """A node id as text: node-link ids may be numbers."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value)
