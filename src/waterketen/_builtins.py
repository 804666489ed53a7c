"""The built-in source types and writers, registered like any other plugin.

They are described in :mod:`waterketen._builtin_types`, each with its module
imported only when it opens a source or writes a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._builtin_types import HOMES, SOURCE_TYPES, WRITERS
from .hookspecs import hookimpl


if TYPE_CHECKING:
    from .export._writer import Writer
    from .sources import SourceType

__all__ = ["HOMES", "waterketen_source_types", "waterketen_writers"]


@hookimpl
def waterketen_source_types() -> Iterable[SourceType]:
    """The native format (JSON, JSON Lines, TOML, CSV directory), tables, embedded data, graphs, registers."""
    return SOURCE_TYPES


@hookimpl
def waterketen_writers() -> Iterable[Writer]:
    """The native format (JSON, JSON Lines, a CSV directory); the graph as GraphML, GEXF, node-link JSON."""
    return WRITERS
