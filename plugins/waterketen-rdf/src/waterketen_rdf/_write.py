"""A network as RDF: W3C ORG, OWL-Time and PROV (the mapping is in the plugin's README).

Every entity is a resource with its id (``dct:identifier``), its classes (a
standard one and its waterketen one, ``wkv:Organisation``, ...) and its
fields. What has an order in the model (identifiers, duties, goals,
provenance, the parts of a change) is a node with ``schema:position``, so
reading gives the same tuples back.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

import waterketen as wk
import waterketen.model
import waterketen.typing
from waterketen.export import write_atomically

from ._vocab import (
    ADMS,
    BASE,
    CONTEXT,
    DCTERMS,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    WKV,
    XSD,
    entity_iri,
    scheme_iri,
    source_iri,
    term,
)


if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["dumps", "jsonld_writer", "to_graph", "turtle_writer", "write_jsonld", "write_turtle"]

_CLASSES: dict[type, tuple[URIRef, ...]] = {
    wk.Cooperation: (ORG.OrganizationalCollaboration, WKV.Cooperation),
    wk.Organisation: (ORG.Organization, ORG.FormalOrganization, WKV.Organisation),
    wk.Cluster: (ORG.OrganizationalUnit, ORG.Organization, WKV.Cluster),
    wk.Body: (ORG.OrganizationalUnit, ORG.Organization, WKV.Body),
    wk.Post: (ORG.Post, WKV.Post),
    wk.Person: (SDO.Person, WKV.Person),
    wk.Membership: (ORG.Membership, WKV.Membership),
    wk.Tenure: (WKV.Tenure,),
    wk.Agreement: (WKV.Agreement,),
    wk.Spearhead: (WKV.Spearhead,),
    wk.Change: (ORG.ChangeEvent, WKV.Change),
}


def _instant_literal(instant: wk.typing.Instant) -> tuple[URIRef, Literal]:
    """The OWL-Time property and the literal of a point in time, at its precision."""
    if isinstance(instant, date):
        return TIME.inXSDDate, Literal(instant.isoformat(), datatype=XSD.date)
    if instant.month is None:
        return TIME.inXSDgYear, Literal(instant.isoformat(), datatype=XSD.gYear)
    return TIME.inXSDgYearMonth, Literal(instant.isoformat(), datatype=XSD.gYearMonth)


class _Writer:
    def __init__(self, base: str) -> None:
        self.base = base
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def iri(self, entity_id: str) -> URIRef:
        return entity_iri(entity_id, self.base)

    def add(self, subject: Node, predicate: URIRef, value: Node) -> None:
        self.graph.add((subject, predicate, value))

    def instant(self, instant: wk.typing.Instant) -> BNode:
        node = BNode()
        self.add(node, RDF.type, TIME.Instant)
        self.add(node, *_instant_literal(instant))
        return node

    def bound(self, bound: wk.typing.Bound) -> BNode:
        """A bound of a period: an instant at its precision, a range of days, or one not known."""
        if isinstance(bound, wk.Between):
            node = BNode()
            self.add(node, RDF.type, TIME.Instant)
            self.add(node, RDF.type, WKV.UncertainInstant)
            if bound.earliest is not None:
                self.add(node, WKV.notBefore, self.instant(bound.earliest))
            if bound.latest is not None:
                self.add(node, WKV.notAfter, self.instant(bound.latest))
            return node
        if isinstance(bound, wk.typing.Unknown):
            node = BNode()
            self.add(node, RDF.type, TIME.Instant)
            self.add(node, RDF.type, WKV.UnknownInstant)
            return node
        return self.instant(bound)

    def period(self, subject: URIRef | BNode, predicate: URIRef, period: wk.Period) -> None:
        if period.start is None and period.end is None:
            return
        interval = BNode()
        self.add(subject, predicate, interval)
        self.add(interval, RDF.type, TIME.Interval)
        if period.start is not None:
            self.add(interval, TIME.hasBeginning, self.bound(period.start))
        if period.end is not None:
            self.add(interval, TIME.hasEnd, self.bound(period.end))

    def positioned(self, subject: URIRef, predicate: URIRef, index: int, *classes: URIRef) -> BNode:
        node = BNode()
        self.add(subject, predicate, node)
        self.add(node, SDO.position, Literal(index))
        for cls in classes:
            self.add(node, RDF.type, cls)
        return node

    def text(self, subject: Node, predicate: URIRef, value: str | None) -> None:
        if value is not None:
            self.add(subject, predicate, Literal(value))

    def names(self, subject: URIRef, names: tuple[str | wk.model.Name, ...]) -> None:
        items: list[Node] = []
        for name in names:
            self.add(subject, SKOS.altLabel, Literal(str(name)))
            if isinstance(name, str):
                items.append(Literal(name))
            else:  # a name borne during a period: a node with its label and its time
                node = BNode()
                self.add(node, SKOS.prefLabel, Literal(name.name))
                self.period(node, TIME.hasTime, name.period)
                items.append(node)
        if names:  # the labels have no order in RDF; the list keeps it (and a name given twice)
            head = BNode()
            Collection(self.graph, head, items)
            self.add(subject, WKV.otherNames, head)

    def provenance(self, subject: URIRef, provenance: tuple[wk.Provenance, ...]) -> None:
        for index, item in enumerate(provenance):
            node = self.positioned(subject, PROV.wasDerivedFrom, index, PROV.Entity)
            source = source_iri(item.source, self.base)
            self.add(node, PROV.hadPrimarySource, source)
            self.add(source, RDF.type, PROV.Entity)
            self.add(source, RDFS.label, Literal(item.source))
            self.text(node, WKV.locator, item.locator)
            if item.date is not None:  # the day the cited source carries
                self.add(node, DCTERMS.date, self.instant(item.date))

    def entity(self, entity: wk.Entity) -> None:
        subject = self.iri(entity.id)
        for cls in _CLASSES[type(entity)]:
            self.add(subject, RDF.type, cls)
        self.add(subject, DCTERMS.identifier, Literal(entity.id))
        name = None if isinstance(entity, wk.Membership | wk.Tenure | wk.Change) else entity
        if name is not None and not isinstance(name, wk.Spearhead):
            self.text(subject, SKOS.prefLabel, name.name)
        if isinstance(entity, wk.Person):
            self.text(subject, SDO.name, entity.name)
        self.text(subject, SKOS.note, entity.note)
        self.provenance(subject, entity.provenance)
        if not isinstance(entity, wk.Change):
            predicate = ORG.memberDuring if isinstance(entity, wk.Membership) else TIME.hasTime
            self.period(subject, predicate, entity.period)
        if isinstance(entity, wk.Organisation | wk.Cooperation | wk.Cluster):
            self.names(subject, entity.other_names)
        method = getattr(self, f"_{entity.tag}", None)
        if method is not None:
            method(subject, entity)

    def _organisation(self, subject: URIRef, entity: wk.Organisation) -> None:
        self.add(subject, ORG.classification, term("org-kind", entity.kind.value))
        for index, identifier in enumerate(entity.identifiers):
            node = self.positioned(subject, ADMS.identifier, index, ADMS.Identifier)
            self.add(node, SKOS.notation, Literal(identifier.value))
            self.add(node, ADMS.schemeAgency, Literal(identifier.scheme))
            self.add(node, DCTERMS.creator, scheme_iri(identifier.scheme, self.base))
            self.add(
                subject,
                ORG.identifier,
                Literal(identifier.value, datatype=scheme_iri(identifier.scheme, self.base)),
            )

    def _cluster(self, subject: URIRef, entity: wk.Cluster) -> None:
        coop = self.iri(entity.cooperation)
        self.add(subject, ORG.unitOf, coop)
        self.add(coop, ORG.hasUnit, subject)
        self.add(subject, WKV.membersKnown, Literal(entity.members_known))

    def _body(self, subject: URIRef, entity: wk.Body) -> None:
        self.add(subject, ORG.classification, term("body-kind", entity.kind.value))
        parent = self.iri(entity.cluster or entity.cooperation)
        self.add(subject, ORG.unitOf, parent)
        self.add(parent, ORG.hasUnit, subject)
        self.add(subject, WKV.cooperation, self.iri(entity.cooperation))
        if entity.seats is not None:
            self.add(subject, WKV.seats, Literal(entity.seats))

    def _post(self, subject: URIRef, entity: wk.Post) -> None:
        self.add(subject, WKV.cooperation, self.iri(entity.cooperation))
        for index, duty in enumerate(entity.duties):
            body = self.iri(duty.body)
            node = self.positioned(subject, WKV.duty, index, WKV.Duty)
            self.add(node, ORG.role, term("role", duty.role.value))
            self.add(node, ORG.organization, body)
            self.period(node, TIME.hasTime, duty.period)  # a duty's own period, when it has one
            self.add(subject, ORG.postIn, body)
            self.add(subject, ORG.role, term("role", duty.role.value))
        if entity.represents is not None:
            self.add(subject, WKV.represents, self.iri(entity.represents))

    def _tenure(self, subject: URIRef, entity: wk.Tenure) -> None:
        holder, post = self.iri(entity.holder), self.iri(entity.post)
        self.add(subject, WKV.holder, holder)
        self.add(subject, WKV.post, post)
        self.add(post, ORG.heldBy, holder)
        self.add(holder, ORG.holds, post)

    def _membership(self, subject: URIRef, entity: wk.Membership) -> None:
        member, group = self.iri(entity.member), self.iri(entity.group)
        self.add(subject, ORG.member, member)
        self.add(subject, ORG.organization, group)

    def _agreement(self, subject: URIRef, entity: wk.Agreement) -> None:
        self.add(subject, WKV.cooperation, self.iri(entity.cooperation))
        if entity.date is not None:
            self.add(subject, DCTERMS.date, self.instant(entity.date))
        for index, goal in enumerate(entity.goals):
            node = self.positioned(subject, WKV.goal, index, WKV.Goal)
            self.text(node, SDO.name, goal.name)
            self.text(node, SDO.description, goal.description)
        for index, target in enumerate(entity.targets):
            node = self.positioned(subject, WKV.target, index, WKV.Target)
            self.text(node, SDO.text, target.text)
            self.text(node, WKV.goalName, target.goal)
            if target.amount is not None:
                # xsd:decimal keeps every digit; Turtle shortens an xsd:double
                exact = format(Decimal(repr(float(target.amount))), "f")
                self.add(node, WKV.amount, Literal(exact, datatype=XSD.decimal))
            self.add(node, WKV.approximate, Literal(target.approximate))
            if target.by is not None:
                self.add(node, WKV.by, self.instant(target.by))
        if entity.partners is not None:
            self.add(subject, WKV.partners, Literal(entity.partners))

    def _spearhead(self, subject: URIRef, entity: wk.Spearhead) -> None:
        self.add(subject, WKV.cooperation, self.iri(entity.cooperation))
        self.add(subject, WKV.number, Literal(entity.number))
        self.text(subject, SKOS.prefLabel, entity.title)

    def _change(self, subject: URIRef, entity: wk.Change) -> None:
        self.add(subject, WKV.changeKind, term("change-kind", entity.kind.value))
        self.add(subject, TIME.hasTime, self.instant(entity.date))
        self.text(subject, DCTERMS.description, entity.description)
        for side, parts, plain, back in (
            (WKV.before, entity.before, ORG.originalOrganization, ORG.changedBy),
            (WKV.after, entity.after, ORG.resultingOrganization, ORG.resultedFrom),
        ):
            for index, part in enumerate(parts):
                organisation = self.iri(part.id)
                node = self.positioned(subject, side, index, WKV.Part)
                self.add(node, WKV.organisation, organisation)
                self.add(node, WKV.partial, Literal(part.partial))
                self.add(subject, plain, organisation)
                self.add(organisation, back, subject)


def to_graph(network: wk.Network, *, base: str = BASE) -> Graph:
    """The network as an rdflib graph.

    Args:
        network: the network.
        base: the start of every IRI of the network's things (``urn:waterketen:`` by default).

    Examples:
        >>> from rdflib.namespace import ORG
        >>> graph = to_graph(wk.load())
        >>> net = wk.load()
        >>> len(set(graph.subjects(ORG.member, None))) == len(net.entities(wk.Membership))
        True
    """
    writer = _Writer(base)
    for entity in network:
        writer.entity(entity)
    return writer.graph


def dumps(network: wk.Network, format: str = "turtle", *, base: str = BASE) -> str:
    """The network as Turtle (``format="turtle"``) or JSON-LD (``"json-ld"``) text."""
    graph = to_graph(network, base=base)
    if format == "json-ld":
        return graph.serialize(format="json-ld", context=CONTEXT, indent=1, ensure_ascii=False)
    if format == "turtle":
        return graph.serialize(format="turtle")
    raise ValueError(f"format must be 'turtle' or 'json-ld', got {format!r:.80}")


def write_turtle(network: wk.Network, path: str | os.PathLike[str]) -> None:
    """Write the network as Turtle, atomically."""
    write_atomically(path, dumps(network, "turtle"))


def write_jsonld(network: wk.Network, path: str | os.PathLike[str]) -> None:
    """Write the network as JSON-LD, atomically."""
    write_atomically(path, dumps(network, "json-ld") + "\n")


def _write_turtle(network: wk.Network, path: Path) -> None:
    write_turtle(network, path)


def _write_jsonld(network: wk.Network, path: Path) -> None:
    write_jsonld(network, path)


turtle_writer = wk.Writer(
    name="turtle",
    description="linked data as Turtle: W3C ORG, OWL-Time, PROV (waterketen-rdf)",
    write=_write_turtle,
    suffixes=(".ttl",),
)
jsonld_writer = wk.Writer(
    name="jsonld",
    description="linked data as JSON-LD: W3C ORG, OWL-Time, PROV (waterketen-rdf)",
    write=_write_jsonld,
    suffixes=(".jsonld",),
)
