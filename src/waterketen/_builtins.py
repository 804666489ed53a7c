"""The built-in sources and writers, registered like any other plugin."""

from __future__ import annotations

from collections.abc import Iterable

from .export import Writer
from .export.jsonl import jsonl_writer
from .export.native import json_writer
from .hookspecs import hookimpl
from .sources import SourceType
from .sources.embedded import embedded_source
from .sources.native import json_source, toml_source


@hookimpl
def waterketen_source_types() -> Iterable[SourceType]:
    """The native format as JSON and TOML, and the embedded datasets."""
    return (json_source, toml_source, embedded_source)


@hookimpl
def waterketen_writers() -> Iterable[Writer]:
    """The native format as JSON and as JSON Lines."""
    return (json_writer, jsonl_writer)
