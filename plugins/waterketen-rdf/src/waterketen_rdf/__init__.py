"""Linked data in and out for waterketen: JSON-LD and Turtle.

A network is written in the W3C Organization Ontology (ORG), with OWL-Time
for its periods (partial dates at their precision, unknown bounds said to
be unknown), PROV for where each fact comes from, and ADMS identifiers for
the CBS and other codes; what those have no term for is in the waterketen
vocabulary (``urn:waterketen:vocab#``). Reading the file back gives an equal
network. The plugin offers the writers ``turtle`` (``.ttl``) and ``jsonld``
(``.jsonld``) and a source type for each; the mapping is in its README.

Examples:
    >>> import waterketen as wk
    >>> net = wk.load()
    >>> read(dumps(net, "turtle"), "turtle") == net
    True
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

import waterketen as wk

from ._read import RdfSource, jsonld_source, parse, records_of_graph, turtle_source
from ._vocab import BASE, CONTEXT, WKV, entity_iri
from ._write import dumps, jsonld_writer, to_graph, turtle_writer, write_jsonld, write_turtle


__all__ = [
    "BASE",
    "CONTEXT",
    "WKV",
    "RdfSource",
    "dumps",
    "entity_iri",
    "from_graph",
    "jsonld_source",
    "jsonld_writer",
    "read",
    "to_graph",
    "turtle_source",
    "turtle_writer",
    "waterketen_source_types",
    "waterketen_writers",
    "write_jsonld",
    "write_turtle",
]


class _GraphSource:
    """An rdflib graph already in memory, as a source."""

    def __init__(self, graph: Graph, name: str, base: str) -> None:
        self.graph, self.name, self.base = graph, name, base

    def records(self) -> Iterable[wk.Record]:
        return records_of_graph(self.graph, self.name, base=self.base)


def from_graph(graph: Graph, *, strict: bool = True, name: str = "rdf graph", base: str = BASE) -> wk.Network:
    """Load an rdflib graph (as :func:`to_graph` makes it) into a network.

    Raises:
        waterketen.LoadError: a strict load found errors; every one is listed.
    """
    return wk.load(_GraphSource(graph, name, base), strict=strict)


def read(text: str, syntax: str = "turtle", *, strict: bool = True, name: str | None = None) -> wk.Network:
    """Load Turtle or JSON-LD text into a network.

    Args:
        text: the document.
        syntax: ``turtle`` or ``json-ld``.
        strict: raise on any error (the default); when false, keep every
            valid record and report the rest in ``network.report``.
        name: the name problems give the source.

    Raises:
        waterketen.LoadError: the text cannot be read, or a strict load found errors.
    """
    label = name or f"{syntax} text"
    try:
        graph = parse(text, syntax, label)
    except wk.SourceError as exc:
        raise wk.LoadError([exc.problem]) from None
    return from_graph(graph, strict=strict, name=label)


@wk.hookimpl
def waterketen_source_types() -> Iterable[wk.SourceType]:
    """Turtle (``*.ttl``, ``turtle:``) and JSON-LD (``*.jsonld``, ``jsonld:``)."""
    return (turtle_source, jsonld_source)


@wk.hookimpl
def waterketen_writers() -> Iterable[wk.Writer]:
    """The writers ``turtle`` (``.ttl``) and ``jsonld`` (``.jsonld``)."""
    return (turtle_writer, jsonld_writer)
