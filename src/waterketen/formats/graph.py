"""Graph formats in and out: GraphML, GEXF and node-link JSON.

Out, through networkx. All three write the same graph, :func:`export_graph`: a ``MultiDiGraph``
with a node per entity (memberships, tenures and changes become edges) and an
edge per relation, with typed attributes that networkx reads back as they
were written. networkx is imported only when one of these is written.

Node attributes: ``tag``, ``name``, ``kind`` (text, always); ``start`` and
``end`` (the period's bounds as ISO text at their precision, or
``"unknown"``; left out when open); ``identifiers`` (``scheme:value``
joined by ``"; "``, organisations); ``members_known`` (true/false, clusters);
``cluster`` (text) and ``seats`` (integer, when stated) for bodies;
``number`` (integer, spearheads); ``date`` (text) and ``partners`` (integer,
when stated) for agreements.

Edge attributes: ``kind``, ``via`` (the id of the entity that states the
edge), ``partial`` (true/false), ``start``, ``end`` (left out when open).
Edge keys are ``via:kind:source:target``, unique in the graph.

GEXF: ``start`` and ``end`` are GEXF's own (a dynamic graph whose time
format is ``date``); a node's ``label`` is its name, and an edge's GEXF id
is its key. In GraphML and GEXF, a character XML cannot hold (a control
character in a name, say) is written as U+FFFD, a carriage return as ``&#13;``
(so other readers keep it); an id with such a character is a ``WriteError``.

Every node, and every edge stated by a membership, a tenure or a change,
also carries ``record``: the entity whole, as compact native JSON (ASCII, so
XML holds it as it is). A change that states no edge (it names no
successor) is kept in the ``changes`` attribute of the node of its first
organisation, as a JSON list, or of the graph when it names none. So the
three formats read back to an equal network.

In, through :class:`GraphSource` (``wk.load("net.graphml")``, ``"net.gexf"``,
``"net.node-link.json"``): a node or edge with a ``record`` is read from it;
any other (a graph another tool wrote) through a :class:`GraphMapping`,
which says which attributes hold the name, the kind and the codes, and which
edge types mean membership and part-of. GraphML and GEXF are parsed by
defusedxml: no entity expansion, no external entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from os import PathLike
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from ..errors import Problem, Severity, SourceError
from ..export import Writer
from ..model import (
    Change,
    Membership,
    Provenance,
)
from ..sources import Record, SourceType
from ._graphsyntax import GraphData, Item, parse_gexf, parse_graphml, parse_node_link
from .files import parse_json, read_bytes


if TYPE_CHECKING:
    from ..network import Network

from ._graphmap import _BODY_KINDS, _MAPPED_TAGS, _ORG_KINDS, _STATED_BY, GraphMapping
from ._graphout import export_graph, gexf_graph, node_link_data, write_gexf, write_graphml, write_node_link


__all__ = [
    "GraphMapping",
    "GraphSource",
    "export_graph",
    "gexf_graph",
    "gexf_source",
    "gexf_writer",
    "graphml_source",
    "graphml_writer",
    "node_link_data",
    "node_link_source",
    "node_link_writer",
    "read_graph",
    "write_gexf",
    "write_graphml",
    "write_node_link",
]


_SYNTAXES = {"graphml": parse_graphml, "gexf": parse_gexf, "node-link": parse_node_link}
_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".node-link.json": "node-link", ".json": "node-link"}


class GraphSource:
    """A graph file (GraphML, GEXF or node-link JSON) as a source of records.

    Args:
        path: the file.
        syntax: ``graphml``, ``gexf`` or ``node-link``; by default from the suffix.
        mapping: how to read nodes and edges that carry no waterketen ``record``.
        name: the name problems give the source (by default the path).

    Examples:
        >>> import pathlib, tempfile
        >>> from waterketen.formats.graph import GraphMapping, GraphSource
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.graphml"
        >>> _ = path.write_text(
        ...     '<graphml><key id="n" for="node" attr.name="naam"/><graph edgedefault="directed">'
        ...     '<node id="a"><data key="n">Aa en Hunze</data></node></graph></graphml>')
        >>> net = wk.load(GraphSource(path, mapping=GraphMapping(name="naam")))
        >>> net["a"].name, net["a"].kind.value
        ('Aa en Hunze', 'other')
    """

    def __init__(
        self,
        path: str | PathLike[str],
        *,
        syntax: str | None = None,
        mapping: GraphMapping | None = None,
        name: str | None = None,
    ) -> None:
        self.path = path
        self.name = name or str(path)
        lowered = str(path).lower()
        if syntax is None:
            syntax = next((v for k, v in _SUFFIXES.items() if lowered.endswith(k)), "graphml")
        if syntax not in _SYNTAXES:
            raise ValueError(f"syntax must be one of {', '.join(_SYNTAXES)}, got {syntax!r:.80}")
        self.syntax = syntax
        self.mapping = mapping or GraphMapping()
        self.warnings: list[Problem] = []

    def __repr__(self) -> str:
        return f"GraphSource({self.name!r}, syntax={self.syntax!r})"

    def records(self) -> Iterator[Record]:
        """The records of the graph (raises :class:`~waterketen.SourceError` when it cannot be read)."""
        data = _SYNTAXES[self.syntax](read_bytes(self.path, self.name), self.name)
        self.warnings = list(data.warnings)
        reader = _Reader(data, self.name, self.mapping)
        yield from reader.records()
        self.warnings += reader.warnings()


class _Reader:
    def __init__(self, data: GraphData, name: str, mapping: GraphMapping) -> None:
        self.data, self.name, self.mapping = data, name, mapping
        self.left_out: Counter[str] = Counter()
        self.left_out_place: dict[str, str] = {}
        self.other: Counter[str] = Counter()
        self.other_place: dict[str, str] = {}

    def record(self, tag: str, data: Any, place: str) -> Record:
        return Record(tag=tag, data=data, provenance=Provenance(source=self.name, locator=place))

    def stated(self, tag: str, text: Any, place: str) -> Record:
        """A record carried whole as native JSON text."""
        if isinstance(text, str):
            try:
                return self.record(tag, parse_json(text, self.name), place)
            except SourceError as exc:
                return self.record(tag, f"record is not JSON: {exc.problem.reason}", place)
        return self.record(tag, text, place)

    def changes(self, text: Any, place: str) -> Iterator[Record]:
        try:
            items = parse_json(text, self.name) if isinstance(text, str) else text
        except SourceError as exc:
            items = [f"changes are not JSON: {exc.problem.reason}"]
        for index, item in enumerate(items if isinstance(items, list) else [items]):
            yield self.record(Change.tag, item, f"{place}, changes/{index}")

    def records(self) -> Iterator[Record]:
        data, mapping = self.data, self.mapping
        recorded = {n.id for n in data.nodes if "record" in n.attributes}
        parents: dict[str, str] = {}
        memberships: list[Item] = []
        stated: set[tuple[str, str]] = set()
        edge_records: list[Record] = []
        for edge in data.edges:
            attrs = edge.attributes
            kind = attrs.get(mapping.edge_type, mapping.untyped)
            if "record" in attrs:
                tag = _STATED_BY.get(str(attrs.get("kind")))
                via = str(attrs.get("via", edge.id))
                if tag is not None and (tag, via) not in stated:
                    stated.add((tag, via))
                    edge_records.append(self.stated(tag, attrs["record"], edge.place))
                continue
            if attrs.get("via") in recorded:
                continue  # derived from a node's record
            if kind in mapping.membership:
                memberships.append(edge)
            elif kind in mapping.part_of and edge.source is not None and edge.target is not None:
                parents.setdefault(edge.source, edge.target)
            else:
                self.leave_out(
                    f"edges of type {kind!r}" if kind is not None else "edges without a type", edge.place
                )
        kinds = {n.id: self.tag_of(n) for n in data.nodes if n.id not in recorded}
        if "changes" in data.graph:
            yield from self.changes(data.graph["changes"], "graph")
        for node in data.nodes:
            if "changes" in node.attributes:
                yield from self.changes(node.attributes["changes"], node.place)
            if node.id in recorded:
                yield self.stated(str(node.attributes.get("tag", "")), node.attributes["record"], node.place)
                continue
            tag, kind = kinds[node.id]
            if tag is None:
                self.leave_out(f"nodes of tag {kind!r} without a record", node.place)
                continue
            yield self.record(tag, self.node(node, tag, kind, parents, kinds), node.place)
        yield from edge_records
        used: set[str] = set()
        for edge in memberships:
            record: dict[str, Any] = {"id": self.membership_id(edge, used)}
            if edge.source is not None:
                record["member"] = edge.source
            if edge.target is not None:
                record["group"] = edge.target
            record.update(self.period(edge.attributes))
            yield self.record(Membership.tag, record, edge.place)

    def membership_id(self, edge: Item, used: set[str]) -> str:
        base = edge.id or f"{edge.source}--{edge.target}"
        base = re.sub(r"\s+", "-", base.strip()) or "membership"
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        return candidate

    def tag_of(self, node: Item) -> tuple[str | None, str]:
        """The tag a node is read as (``None``: left out) and its kind, translated."""
        attrs, mapping = node.attributes, self.mapping
        tag = attrs.get(mapping.tag)
        raw = attrs.get(mapping.kind)
        kind = "" if raw is None else str(raw)
        kind = mapping.kinds.get(kind, kind)
        if tag is not None:
            tag = mapping.kinds.get(str(tag), str(tag))
            return (tag if tag in _MAPPED_TAGS else None), (kind if tag in _MAPPED_TAGS else tag)
        if kind in _ORG_KINDS:
            return "organisation", kind
        if kind in ("cooperation", "cluster", "person"):
            return kind, kind
        if kind in _BODY_KINDS:
            return "body", kind
        self.other[kind] += 1
        self.other_place.setdefault(kind, node.place)
        return "organisation", "other"

    def node(
        self,
        node: Item,
        tag: str,
        kind: str,
        parents: dict[str, str],
        kinds: dict[str | None, tuple[str | None, str]],
    ) -> dict[str, Any]:
        attrs, mapping = node.attributes, self.mapping
        out: dict[str, Any] = {}
        if node.id is not None:
            out["id"] = node.id
        name = attrs.get(mapping.name, attrs.get("label"))
        if name is not None and str(name).strip():
            out["name"] = str(name)
        if tag == "organisation":
            out["kind"] = kind if kind in _ORG_KINDS else "other"
            identifiers = [
                {"scheme": scheme, "value": str(attrs[attribute])}
                for scheme, attribute in mapping.codes.items()
                if attrs.get(attribute) not in (None, "")
            ]
            text = attrs.get(mapping.identifiers)
            if isinstance(text, str):
                for item in filter(None, (p.strip() for p in text.split(";"))):
                    scheme, colon, value = item.partition(":")
                    identifiers.append(
                        {"scheme": scheme.strip(), "value": value.strip()} if colon else {"value": item}
                    )
            if identifiers:
                out["identifiers"] = identifiers
        parent = parents.get(node.id or "")
        if tag == "cluster":
            if parent is not None:
                out["cooperation"] = parent
            if isinstance(attrs.get("members_known"), bool):
                out["members_known"] = attrs["members_known"]
        elif tag == "body":
            out["kind"] = kind if kind in _BODY_KINDS else "other"
            if parent is not None and kinds.get(parent, (None, ""))[0] == "cluster":
                out["cluster"] = parent
                parent = parents.get(parent)
            if parent is not None:
                out["cooperation"] = parent
            if "seats" in attrs:
                out["seats"] = attrs["seats"]
        out.update(self.period(attrs))
        return out

    def period(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        period = {
            bound: str(attrs[key]).strip()
            for bound, key in (("start", self.mapping.start), ("end", self.mapping.end))
            if attrs.get(key) not in (None, "")
        }
        return {"period": period} if period else {}

    def leave_out(self, what: str, place: str) -> None:
        self.left_out[what] += 1
        self.left_out_place.setdefault(what, place)

    def warnings(self) -> list[Problem]:
        out = [
            Problem(
                source=self.name,
                place=self.left_out_place[what],
                reason=f"{count} {what} left out: the mapping does not say what they mean",
                severity=Severity.WARNING,
            )
            for what, count in self.left_out.items()
        ]
        out += [
            Problem(
                source=self.name,
                place=self.other_place[kind],
                field=self.mapping.kind,
                reason=f"{count} node(s) of kind {kind!r} read as organisations of kind 'other'",
                severity=Severity.WARNING,
            )
            for kind, count in self.other.items()
        ]
        return out


def read_graph(
    path: str | PathLike[str], *, mapping: GraphMapping | None = None, strict: bool = True
) -> Network:
    """Load a graph file into a network (a shorthand for ``wk.load(GraphSource(path, mapping=...))``)."""
    from ..loading import load

    return load(GraphSource(path, mapping=mapping), strict=strict)


def _opener(syntax: str) -> Any:
    def open_graph(location: str) -> GraphSource:
        path, question, query = location.partition("?")
        if not question:
            return GraphSource(location, syntax=syntax)
        try:
            mapping = GraphMapping.from_options(dict(parse_qsl(query, keep_blank_values=True)))
        except ValueError as exc:
            raise SourceError(Problem(source=location, reason=str(exc))) from None
        return GraphSource(path, syntax=syntax, mapping=mapping)

    return open_graph


graphml_source = SourceType(
    name="graphml",
    description="a graph as GraphML; another tool's through a mapping (graphml:net.graphml?name=label)",
    open=_opener("graphml"),
    schemes=("graphml",),
    suffixes=(".graphml",),
)
gexf_source = SourceType(
    name="gexf",
    description="a graph as GEXF; another tool's through a mapping (gexf:net.gexf?kind=type)",
    open=_opener("gexf"),
    schemes=("gexf",),
    suffixes=(".gexf",),
)
node_link_source = SourceType(
    name="node-link",
    description="a graph as node-link JSON; another tool's through a mapping (node-link:net.json?name=label)",
    open=_opener("node-link"),
    schemes=("node-link",),
    suffixes=(".node-link.json",),
)


graphml_writer = Writer(
    name="graphml", description="the graph as GraphML (networkx)", write=write_graphml, suffixes=(".graphml",)
)
gexf_writer = Writer(
    name="gexf",
    description="the graph as GEXF 1.2, dynamic (networkx)",
    write=write_gexf,
    suffixes=(".gexf",),
)
node_link_writer = Writer(
    name="node-link",
    description="the graph as node-link JSON (networkx)",
    write=write_node_link,
    suffixes=(".node-link.json",),
)
