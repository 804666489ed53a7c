"""RDF back into waterketen records: Turtle and JSON-LD, as the writer writes them.

Each resource with a waterketen class (``wkv:Organisation``, ...) is one
record, whose place is its IRI; RDF of other publishers is read through the
standard classes (``org:OrganizationalCollaboration``, ``org:Organization``,
``org:Membership``, ``org:Post``, ``org:ChangeEvent``, ``schema:Person``),
as far as they say what the model needs. The records are raw native
mappings: the core structures and checks them, so a bad value is rejected
with its place and field like any other.

JSON-LD is read only with contexts given inline: a context to fetch from
the web (``"@context": "https://..."``, ``@import``) is refused, since a
load never goes to the network.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

import waterketen as wk
from waterketen.formats.files import decode_utf8, parse_json, read_bytes

from ._vocab import (
    ADMS,
    BASE,
    DCTERMS,
    ORG,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    WKV,
    id_of,
)


__all__ = ["RdfSource", "jsonld_source", "records_of_graph", "turtle_source"]

_TAGS: tuple[tuple[URIRef, str], ...] = (
    (WKV.Cooperation, "cooperation"),
    (WKV.Organisation, "organisation"),
    (WKV.Cluster, "cluster"),
    (WKV.Body, "body"),
    (WKV.Post, "post"),
    (WKV.Person, "person"),
    (WKV.Membership, "membership"),
    (WKV.Tenure, "tenure"),
    (WKV.Agreement, "agreement"),
    (WKV.Spearhead, "spearhead"),
    (WKV.Change, "change"),
    # RDF of other publishers: the standard classes
    (ORG.OrganizationalCollaboration, "cooperation"),
    (ORG.Membership, "membership"),
    (ORG.ChangeEvent, "change"),
    (ORG.Post, "post"),
    (SDO.Person, "person"),
    (ORG.FormalOrganization, "organisation"),
    (ORG.Organization, "organisation"),
)
_INSTANTS = (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear, TIME.inXSDDateTimeStamp)


class _Reader:
    def __init__(self, graph: Graph, name: str, base: str) -> None:
        self.graph, self.name, self.base = graph, name, base

    def id(self, node: Node) -> str:
        """The id of a resource: its ``dct:identifier``, else its IRI (without the base when it has it)."""
        identifier = self.graph.value(node, DCTERMS.identifier)
        if isinstance(identifier, Literal):
            return str(identifier)
        if isinstance(node, BNode):
            return f"_:{node}"
        return id_of(str(node), self.base) or str(node)

    def values(self, subject: Node, predicate: URIRef) -> list[Node]:
        return sorted(self.graph.objects(subject, predicate), key=lambda n: (isinstance(n, Literal), str(n)))

    def one(self, subject: Node, predicate: URIRef) -> Node | list[Node] | None:
        found = self.values(subject, predicate)
        if not found:
            return None
        return found[0] if len(found) == 1 else found

    def put(
        self, out: dict[str, Any], key: str, subject: Node, predicate: URIRef, convert: Any = None
    ) -> None:
        """Put the value of one property in ``out`` (several values go in as a list: the core rejects it)."""
        value = self.one(subject, predicate)
        if value is None:
            return
        if isinstance(value, list):
            out[key] = [self.python(v, convert) for v in value]
        else:
            out[key] = self.python(value, convert)

    def python(self, node: Node, convert: Any = None) -> Any:
        if convert is not None:
            return convert(node)
        if isinstance(node, Literal):
            value = node.toPython()
            if isinstance(value, Decimal):
                return float(value)
            return value if isinstance(value, bool | int | float) else str(node)
        return self.id(node)

    def ordered(self, subject: Node, predicate: URIRef) -> list[Node]:
        def position(node: Node) -> tuple[int, str]:
            value = self.graph.value(node, SDO.position)
            number = value.toPython() if isinstance(value, Literal) else None
            return (number if isinstance(number, int) else 1 << 30, str(node))

        return sorted(self.graph.objects(subject, predicate), key=position)

    def instant(self, node: Node) -> str | None:
        for predicate in _INSTANTS:
            value = self.graph.value(node, predicate)
            if value is not None:
                text = str(value)
                return text[:10] if predicate == TIME.inXSDDateTimeStamp else text
        return None

    def bound(self, node: Node) -> str:
        """A bound as the native format writes it: a date at its precision, ``a..b`` or ``unknown``."""
        types = set(self.graph.objects(node, RDF.type))
        if WKV.UnknownInstant in types:
            return "unknown"
        if WKV.UncertainInstant in types:
            sides = [self.graph.value(node, p) for p in (WKV.notBefore, WKV.notAfter)]
            return "..".join("" if side is None else (self.instant(side) or "") for side in sides)
        text = self.instant(node)
        return "unknown" if text is None else text

    def period(self, out: dict[str, Any], subject: Node, predicate: URIRef) -> None:
        interval = self.graph.value(subject, predicate)
        if interval is None:
            return
        period = {}
        for key, side in (("start", TIME.hasBeginning), ("end", TIME.hasEnd)):
            bound = self.graph.value(interval, side)
            if bound is not None:
                period[key] = self.bound(bound)
        if period:
            out["period"] = period

    def tag_of(self, subject: Node) -> str | None:
        types = set(self.graph.objects(subject, RDF.type))
        return next((tag for cls, tag in _TAGS if cls in types), None)

    def subjects(self) -> Iterator[tuple[Node, str]]:
        seen: set[Node] = set()
        for cls, tag in _TAGS:
            for subject in sorted(self.graph.subjects(RDF.type, cls), key=str):
                if subject not in seen and self.tag_of(subject) == tag:
                    seen.add(subject)
                    yield subject, tag

    def records(self) -> Iterator[wk.Record]:
        for subject, tag in self.subjects():
            data = self.entity(subject, tag)
            place = f"<{subject}>" if isinstance(subject, URIRef) else f"_:{subject}"
            yield wk.Record(tag=tag, data=data, provenance=wk.Provenance(source=self.name, locator=place))

    def entity(self, subject: Node, tag: str) -> dict[str, Any]:
        graph = self.graph
        out: dict[str, Any] = {"id": self.id(subject)}
        if tag == "spearhead":
            self.put(out, "title", subject, SKOS.prefLabel)
        elif tag not in ("membership", "tenure", "change"):
            self.put(out, "name", subject, SKOS.prefLabel)
            if "name" not in out:
                self.put(out, "name", subject, SDO.name)
        self.put(out, "note", subject, SKOS.note)
        provenance = []
        for node in self.ordered(subject, PROV.wasDerivedFrom):
            source = graph.value(node, PROV.hadPrimarySource)
            item: dict[str, Any] = {}
            label = None if source is None else graph.value(source, RDFS.label)
            if label is not None or source is not None:
                item["source"] = str(label if label is not None else source)
            self.put(item, "locator", node, WKV.locator)
            day = graph.value(node, DCTERMS.date)
            if day is not None and (text := self.instant(day)) is not None:
                item["date"] = text
            provenance.append(item)
        if provenance:
            out["provenance"] = provenance
        if tag != "change":
            self.period(out, subject, ORG.memberDuring if tag == "membership" else TIME.hasTime)
        if tag in ("organisation", "cooperation", "cluster"):
            self.other_names(out, subject)
        getattr(self, f"_{tag}")(out, subject)
        return out

    def other_names(self, out: dict[str, Any], subject: Node) -> None:
        head = self.graph.value(subject, WKV.otherNames)
        if head is not None:
            names: list[Any] = []
            for item in Collection(self.graph, head):
                if isinstance(item, Literal):
                    names.append(str(item))
                    continue
                dated: dict[str, Any] = {"name": str(self.graph.value(item, SKOS.prefLabel))}
                self.period(dated, item, TIME.hasTime)
                names.append(dated)
            out["other_names"] = names
            return
        labels = sorted(str(n) for n in self.graph.objects(subject, SKOS.altLabel))
        if labels:
            out["other_names"] = labels

    def kind(self, out: dict[str, Any], subject: Node, family: str, default: str | None) -> None:
        prefix = str(WKV[f"{family}-"])
        kinds = [str(c) for c in self.graph.objects(subject, ORG.classification) if str(c).startswith(prefix)]
        if len(kinds) == 1:
            out["kind"] = kinds[0][len(prefix) :]
        elif kinds:
            out["kind"] = sorted(k[len(prefix) :] for k in kinds)
        elif default is not None:
            out["kind"] = default

    def _organisation(self, out: dict[str, Any], subject: Node) -> None:
        self.kind(out, subject, "org-kind", "other")
        identifiers = []
        for node in self.ordered(subject, ADMS.identifier):
            item: dict[str, Any] = {}
            self.put(item, "scheme", node, ADMS.schemeAgency)
            self.put(item, "value", node, SKOS.notation)
            identifiers.append(item)
        if identifiers:
            out["identifiers"] = identifiers

    def _cooperation(self, out: dict[str, Any], subject: Node) -> None:
        pass

    def _person(self, out: dict[str, Any], subject: Node) -> None:
        pass

    def _cluster(self, out: dict[str, Any], subject: Node) -> None:
        self.put(out, "cooperation", subject, ORG.unitOf)
        self.put(out, "members_known", subject, WKV.membersKnown)

    def _body(self, out: dict[str, Any], subject: Node) -> None:
        self.kind(out, subject, "body-kind", "other")
        self.put(out, "cooperation", subject, WKV.cooperation)
        parent = self.graph.value(subject, ORG.unitOf)
        if parent is not None and (parent, RDF.type, WKV.Cluster) in self.graph:
            out["cluster"] = self.id(parent)
        elif "cooperation" not in out and parent is not None:
            out["cooperation"] = self.id(parent)
        self.put(out, "seats", subject, WKV.seats)

    def _post(self, out: dict[str, Any], subject: Node) -> None:
        self.put(out, "cooperation", subject, WKV.cooperation)
        prefix = str(WKV["role-"])
        duties = []
        for node in self.ordered(subject, WKV.duty):
            item: dict[str, Any] = {}
            self.put(item, "role", node, ORG.role, lambda n: str(n).removeprefix(prefix))
            self.put(item, "body", node, ORG.organization)
            self.period(item, node, TIME.hasTime)
            duties.append(item)
        if duties:
            out["duties"] = duties
        self.put(out, "represents", subject, WKV.represents)

    def _tenure(self, out: dict[str, Any], subject: Node) -> None:
        self.put(out, "holder", subject, WKV.holder)
        self.put(out, "post", subject, WKV.post)

    def _membership(self, out: dict[str, Any], subject: Node) -> None:
        self.put(out, "member", subject, ORG.member)
        self.put(out, "group", subject, ORG.organization)

    def _agreement(self, out: dict[str, Any], subject: Node) -> None:
        graph = self.graph
        self.put(out, "cooperation", subject, WKV.cooperation)
        self.put(out, "date", subject, DCTERMS.date, self.bound)
        goals = []
        for node in self.ordered(subject, WKV.goal):
            item: dict[str, Any] = {}
            self.put(item, "name", node, SDO.name)
            self.put(item, "description", node, SDO.description)
            goals.append(item)
        if goals:
            out["goals"] = goals
        targets = []
        for node in self.ordered(subject, WKV.target):
            target: dict[str, Any] = {}
            self.put(target, "text", node, SDO.text)
            self.put(target, "goal", node, WKV.goalName)
            self.put(target, "amount", node, WKV.amount)
            self.put(target, "approximate", node, WKV.approximate)
            if graph.value(node, WKV.by) is not None:
                self.put(target, "by", node, WKV.by, self.bound)
            targets.append(target)
        if targets:
            out["targets"] = targets
        self.put(out, "partners", subject, WKV.partners)

    def _spearhead(self, out: dict[str, Any], subject: Node) -> None:
        self.put(out, "cooperation", subject, WKV.cooperation)
        self.put(out, "number", subject, WKV.number)

    def _change(self, out: dict[str, Any], subject: Node) -> None:
        prefix = str(WKV["change-kind-"])
        self.put(out, "kind", subject, WKV.changeKind, lambda n: str(n).removeprefix(prefix))
        self.put(out, "date", subject, TIME.hasTime, self.bound)
        self.put(out, "description", subject, DCTERMS.description)
        for key, side, plain in (
            ("before", WKV.before, ORG.originalOrganization),
            ("after", WKV.after, ORG.resultingOrganization),
        ):
            parts = []
            for node in self.ordered(subject, side):
                item: dict[str, Any] = {}
                self.put(item, "id", node, WKV.organisation)
                self.put(item, "partial", node, WKV.partial)
                parts.append(item)
            if not parts:  # RDF of other publishers: the organisations, whole
                parts = [{"id": self.id(o)} for o in self.values(subject, plain)]
            if parts:
                out[key] = parts


def records_of_graph(graph: Graph, name: str, *, base: str = BASE) -> Iterator[wk.Record]:
    """The records of an rdflib graph: one per resource of a class the reader knows."""
    return _Reader(graph, name, base).records()


_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _remote_contexts(value: Any, pointer: str) -> Iterator[str]:
    """The JSON pointers of every context that would be fetched (a string, or ``@import``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{pointer}/{key}"
            if key == "@context":
                contexts = item if isinstance(item, list) else [item]
                for index, context in enumerate(contexts):
                    place = here if not isinstance(item, list) else f"{here}/{index}"
                    if isinstance(context, str):
                        yield place
                    elif isinstance(context, dict) and "@import" in context:
                        yield f"{place}/@import"
            yield from _remote_contexts(item, here)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _remote_contexts(item, f"{pointer}/{index}")


class RdfSource:
    """A Turtle or JSON-LD file as a source of records.

    Args:
        path: the file.
        syntax: ``turtle`` or ``json-ld``; by default from the suffix (``.jsonld`` is JSON-LD).
        base: the base of the IRIs the writer made (``urn:waterketen:``).
        name: the name problems give the source (by default the path).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        syntax: str | None = None,
        base: str = BASE,
        name: str | None = None,
    ) -> None:
        self.path = path
        self.name = name or str(path)
        if syntax is None:
            syntax = "json-ld" if str(path).lower().endswith((".jsonld", ".json")) else "turtle"
        if syntax not in ("turtle", "json-ld"):
            raise ValueError(f"syntax must be 'turtle' or 'json-ld', got {syntax!r:.80}")
        self.syntax = syntax
        self.base = base

    def __repr__(self) -> str:
        return f"RdfSource({self.name!r}, syntax={self.syntax!r})"

    def records(self) -> Iterator[wk.Record]:
        """The records; raises :class:`waterketen.SourceError` when the file cannot be read."""
        text = decode_utf8(read_bytes(self.path, self.name), self.name)
        graph = parse(text, self.syntax, self.name)
        yield from records_of_graph(graph, self.name, base=self.base)


def _problem(name: str, reason: str, place: str | None = None) -> wk.SourceError:
    return wk.SourceError(wk.Problem(source=name, place=place, reason=reason))


def parse(text: str, syntax: str, name: str) -> Graph:
    """Parse Turtle or JSON-LD text into a graph, never fetching anything.

    Raises:
        waterketen.SourceError: the text is not valid, or a JSON-LD context would be fetched.
    """
    graph = Graph()
    if syntax == "json-ld":
        document = parse_json(text, name)
        for place in _remote_contexts(document, ""):
            raise _problem(name, "refused: a JSON-LD context to fetch; give the context inline", place)
        if not isinstance(document, dict | list):
            raise _problem(name, f"expected a JSON-LD object or array, got {type(document).__name__}")
    try:
        with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph
            warnings.simplefilter("ignore", DeprecationWarning)
            graph.parse(data=text, format=syntax)
    except wk.WaterketenError:
        raise
    except Exception as exc:  # rdflib's parsers raise many kinds
        lines = getattr(exc, "lines", None)
        where: str | None = f"line {lines + 1}" if isinstance(lines, int) else None
        message = getattr(exc, "message", None) or str(exc).strip().splitlines()[-1:] or [type(exc).__name__]
        reason = message if isinstance(message, str) else message[0]
        raise _problem(
            name, f"invalid {'Turtle' if syntax == 'turtle' else 'JSON-LD'}: {reason}", where
        ) from None
    return graph


def _open(syntax: str) -> Any:
    def open_rdf(location: str) -> RdfSource:
        return RdfSource(location, syntax=syntax)

    return open_rdf


turtle_source = wk.SourceType(
    name="turtle",
    description="linked data as Turtle, as waterketen-rdf writes it (W3C ORG, OWL-Time, PROV)",
    open=_open("turtle"),
    schemes=("turtle", "ttl"),
    suffixes=(".ttl",),
)
jsonld_source = wk.SourceType(
    name="jsonld",
    description="linked data as JSON-LD, as waterketen-rdf writes it (contexts inline only)",
    open=_open("json-ld"),
    schemes=("jsonld",),
    suffixes=(".jsonld",),
)
