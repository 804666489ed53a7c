"""The built-in sources and writers, registered like any other plugin."""

from __future__ import annotations

from collections.abc import Iterable

from .export import Writer
from .export.graph import gexf_writer, graphml_writer, node_link_writer
from .export.jsonl import jsonl_writer
from .export.native import json_writer
from .export.tables import csv_writer
from .hookspecs import hookimpl
from .regions._source import regions_source
from .register._build import register_source
from .sources import SourceType
from .sources.csvdir import csv_directory_source
from .sources.embedded import embedded_source
from .sources.native import json_source, toml_source
from .sources.tables import table_source


@hookimpl
def waterketen_source_types() -> Iterable[SourceType]:
    """The native format as JSON, TOML and a CSV directory, tables of members, the embedded datasets,
    the national register and the regions."""
    return (
        json_source,
        toml_source,
        csv_directory_source,
        table_source,
        embedded_source,
        register_source,
        regions_source,
    )


@hookimpl
def waterketen_writers() -> Iterable[Writer]:
    """The native format as JSON, JSON Lines and CSV files; the graph as GraphML, GEXF and node-link JSON."""
    return (json_writer, jsonl_writer, csv_writer, graphml_writer, gexf_writer, node_link_writer)
