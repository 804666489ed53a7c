"""The native format out: a network as a JSON document that :func:`waterketen.load` reads back."""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..convert import unstructure_entity
from ..model import ENTITY_TYPES
from ..sources.native import FORMAT, SECTIONS, VERSION
from . import Writer, write_atomically


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["dumps", "json_writer", "to_document", "write_json"]

_SECTION_OF = {tag: section for section, tag in SECTIONS.items()}


def to_document(network: Network) -> dict[str, Any]:
    """The native document of a network: sections of plain mappings, in a stable order.

    Examples:
        >>> doc = wk.to_document(wk.load())
        >>> doc["format"], doc["version"], len(doc["organisations"]) >= 31
        ('waterketen', 1, True)
    """
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for tag, cls in ENTITY_TYPES.items():
        items = [unstructure_entity(e) for e in network.entities(cls)]
        if items:
            document[_SECTION_OF[tag]] = items
    return document


def dumps(network: Network, *, indent: int | None = 2) -> str:
    """The native document of a network as JSON text."""
    return json.dumps(to_document(network), ensure_ascii=False, indent=indent) + "\n"


def write_json(network: Network, path: str | PathLike[str]) -> None:
    """Write the network to ``path`` as native JSON, atomically."""
    write_atomically(path, dumps(network))


def _write(network: Network, path: Path) -> None:
    write_json(network, path)


json_writer = Writer(name="json", description="the native format as JSON", write=_write, suffixes=(".json",))
