"""The descriptions of the built-in source types and writers, which :mod:`waterketen._builtins` offers.

Each is described here and its module imported only when it opens a source or
writes a file: a start that reads the embedded dataset imports neither the
graph formats nor the tables nor the register's builder. The modules keep
their own objects (``waterketen.formats.graph.graphml_source``, ...); a test
checks that every description here is theirs. This module needs no plugin
machinery: :func:`waterketen.registry.source_type_for` settles a built-in
scheme with it alone, without making a plugin manager (pluggy is then not
imported).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from .export._writer import Writer
from .sources import Source, SourceType


if TYPE_CHECKING:
    from .network import Network

__all__ = ["HOMES", "SOURCE_TYPES", "WRITERS"]


def _home(module: str, name: str) -> object:
    return getattr(importlib.import_module(f"waterketen.{module}"), name)


class _Opener:
    """Opens a location with the source type ``name`` of ``module``, importing it on the first call."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def __call__(self, location: str) -> Source:
        found = _home(self.module, self.name)
        assert isinstance(found, SourceType)
        return found.open(location)


class _Writing:
    """Writes with the writer ``name`` of ``module``, importing it on the first call."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def __call__(self, network: Network, path: Path) -> None:
        found = _home(self.module, self.name)
        assert isinstance(found, Writer)
        found.write(network, path)


def _source(module: str, name: str, kind: str, description: str, **more: tuple[str, ...]) -> SourceType:
    return SourceType(name=kind, description=description, open=_Opener(module, name), **more)


def _writer(module: str, name: str, kind: str, description: str, **more: tuple[str, ...]) -> Writer:
    return Writer(name=kind, description=description, write=_Writing(module, name), **more)


SOURCE_TYPES: tuple[SourceType, ...] = (
    _source(
        "formats.native",
        "json_source",
        "json",
        "the native format as JSON (waterketen's own writer writes it)",
        schemes=("json",),
        suffixes=(".json",),
        aliases=("native-json",),
    ),
    _source(
        "formats.jsonl",
        "jsonl_source",
        "jsonl",
        "the native format as JSON Lines, one record a line (read as a stream)",
        schemes=("jsonl",),
        suffixes=(".jsonl",),
    ),
    _source(
        "formats.native",
        "toml_source",
        "toml",
        "the native format as TOML, for hand-written data",
        schemes=("toml",),
        suffixes=(".toml",),
        aliases=("native-toml",),
    ),
    _source(
        "formats.csvdir",
        "csvdir_source",
        "csvdir",
        "the native format as a directory of CSV files, as the csvdir writer writes it",
        schemes=("csvdir",),
        aliases=("native-csv",),
    ),
    _source(
        "sources.tables",
        "table_source",
        "table",
        "a CSV table or .xlsx sheet of members, through a column mapping "
        "(table:members.csv?code=Code&name=Naam, table:members.xlsx?sheet=Leden&...)",
        schemes=("table",),
        suffixes=(".csv", ".tsv", ".xlsx", ".xlsm"),
    ),
    _source(
        "sources.embedded",
        "embedded_source",
        "embedded",
        "a dataset shipped inside waterketen (embedded:groningen-noord-drenthe)",
        schemes=("embedded",),
    ),
    _source(
        "formats.graph",
        "graphml_source",
        "graphml",
        "a graph as GraphML; another tool's through a mapping (graphml:net.graphml?name=label)",
        schemes=("graphml",),
        suffixes=(".graphml",),
    ),
    _source(
        "formats.graph",
        "gexf_source",
        "gexf",
        "a graph as GEXF; another tool's through a mapping (gexf:net.gexf?kind=type)",
        schemes=("gexf",),
        suffixes=(".gexf",),
    ),
    _source(
        "formats.graph",
        "node_link_source",
        "node-link",
        "a graph as node-link JSON; another tool's through a mapping (node-link:net.json?name=label)",
        schemes=("node-link",),
        suffixes=(".node-link.json",),
    ),
    _source(
        "register._build",
        "register_source",
        "register",
        "the national register built in: municipalities 2010-2025, water boards, "
        "drinking-water companies, provinces and their successions (register:)",
        schemes=("register",),
    ),
    _source(
        "regions._source",
        "regions_source",
        "regions",
        "the regional water-chain cooperations built in, each record citing its page (regions:)",
        schemes=("regions",),
    ),
)

WRITERS: tuple[Writer, ...] = (
    _writer("formats.native", "json_writer", "json", "the native format as JSON", suffixes=(".json",)),
    _writer(
        "formats.jsonl",
        "jsonl_writer",
        "jsonl",
        "the native format as JSON Lines, one record a line (loads as a stream)",
        suffixes=(".jsonl",),
    ),
    _writer(
        "formats.csvdir",
        "csvdir_writer",
        "csvdir",
        "a directory of CSV files, one per kind of entity and of relation (read back as csvdir:PATH)",
        aliases=("csv",),
    ),
    _writer(
        "formats.graph",
        "graphml_writer",
        "graphml",
        "the graph as GraphML (networkx)",
        suffixes=(".graphml",),
    ),
    _writer(
        "formats.graph",
        "gexf_writer",
        "gexf",
        "the graph as GEXF 1.2, dynamic (networkx)",
        suffixes=(".gexf",),
    ),
    _writer(
        "formats.graph",
        "node_link_writer",
        "node-link",
        "the graph as node-link JSON (networkx)",
        suffixes=(".node-link.json",),
    ),
)

HOMES: dict[str, tuple[str, str]] = {
    **{f"source {t.name}": (t.open.module, t.open.name) for t in SOURCE_TYPES if isinstance(t.open, _Opener)},
    **{f"writer {w.name}": (w.write.module, w.write.name) for w in WRITERS if isinstance(w.write, _Writing)},
}
"""Where each built-in lives: ``"source json"`` -> ``("formats.native", "json_source")``."""
