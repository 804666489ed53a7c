"""The built-in source types and writers, registered like any other plugin."""

from __future__ import annotations

from collections.abc import Iterable

from .export import Writer
from .formats.csvdir import csvdir_source, csvdir_writer
from .formats.graph import (
    gexf_source,
    gexf_writer,
    graphml_source,
    graphml_writer,
    node_link_source,
    node_link_writer,
)
from .formats.jsonl import jsonl_source, jsonl_writer
from .formats.native import json_source, json_writer, toml_source
from .hookspecs import hookimpl
from .regions._source import regions_source
from .register._build import register_source
from .sources import SourceType
from .sources.embedded import embedded_source
from .sources.tables import table_source


@hookimpl
def waterketen_source_types() -> Iterable[SourceType]:
    """The native format (JSON, JSON Lines, TOML, CSV directory), tables, embedded data, graphs, registers."""
    return (
        json_source,
        jsonl_source,
        toml_source,
        csvdir_source,
        table_source,
        embedded_source,
        graphml_source,
        gexf_source,
        node_link_source,
        register_source,
        regions_source,
    )


@hookimpl
def waterketen_writers() -> Iterable[Writer]:
    """The native format (JSON, JSON Lines, a CSV directory); the graph as GraphML, GEXF, node-link JSON."""
    return (json_writer, jsonl_writer, csvdir_writer, graphml_writer, gexf_writer, node_link_writer)
