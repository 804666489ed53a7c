"""The vocabularies the RDF of waterketen uses, and the IRIs of its things.

W3C ORG for organisations, units, memberships, posts and change events;
OWL-Time for periods and instants; PROV for provenance; ADMS and SKOS for
identifiers and names; Dublin Core terms and schema.org where those have no
term. What none of them has (a cluster's ``members_known``, a body's stated
seats, the precise parts of a change, ...) is in the waterketen vocabulary
:data:`WKV`, a URN: it names, it does not resolve.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD


__all__ = [
    "ADMS",
    "BASE",
    "CONTEXT",
    "DCTERMS",
    "ORG",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "TIME",
    "WKV",
    "XSD",
    "entity_iri",
    "id_of",
    "scheme_iri",
    "source_iri",
]

ADMS = Namespace("http://www.w3.org/ns/adms#")
WKV = Namespace("urn:waterketen:vocab#")
"""Terms of waterketen's own, where the standard vocabularies have none."""
BASE = "urn:waterketen:"
"""The default base of the IRIs of a network's things: ``urn:waterketen:id:bedum``."""

PREFIXES: dict[str, Any] = {
    "org": ORG,
    "time": TIME,
    "prov": PROV,
    "dct": DCTERMS,
    "skos": SKOS,
    "adms": ADMS,
    "schema": SDO,
    "xsd": XSD,
    "rdfs": RDFS,
    "wkv": WKV,
}

CONTEXT: dict[str, Any] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
"""The JSON-LD context the writer compacts with (prefixes only: every term keeps its IRI)."""


def entity_iri(entity_id: str, base: str = BASE) -> URIRef:
    """The IRI of an entity: the base, ``id:``, and the id percent-encoded.

    Examples:
        >>> str(entity_iri("gnd-dal")), str(entity_iri("ocd-division/country:nl"))
        ('urn:waterketen:id:gnd-dal', 'urn:waterketen:id:ocd-division%2Fcountry%3Anl')
    """
    return URIRef(f"{base}id:{quote(entity_id, safe='')}")


def id_of(iri: str, base: str = BASE) -> str | None:
    """The id of an entity IRI made by :func:`entity_iri`, else ``None``."""
    prefix = f"{base}id:"
    return unquote(iri[len(prefix) :]) if iri.startswith(prefix) else None


def source_iri(name: str, base: str = BASE) -> URIRef:
    """The IRI of a source a fact comes from (shared by every fact from it)."""
    return URIRef(f"{base}source:{quote(name, safe='')}")


def scheme_iri(scheme: str, base: str = BASE) -> URIRef:
    """The IRI of an identifier scheme (``cbs``), also the datatype of ``org:identifier`` literals."""
    return URIRef(f"{base}scheme:{quote(scheme, safe='')}")


def term(kind: str, value: str) -> URIRef:
    """The IRI of an enumerated value: ``wkv:org-kind-municipality``, ``wkv:role-chair``."""
    return WKV[f"{kind}-{value}"]
