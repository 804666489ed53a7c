"""The native format out as JSON Lines: a header line, then one record a line.

:func:`waterketen.load` reads it back (``.jsonl``) one line at a time, so a
large network loads without its whole file in memory.
"""

from __future__ import annotations

import json
import os
import tempfile
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from ..convert import unstructure_entity
from ..model import ENTITY_TYPES
from ..sources.native import FORMAT, VERSION
from . import Writer


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["jsonl_writer", "write_jsonl"]


def write_jsonl(network: Network, path: str | PathLike[str]) -> None:
    """Write the network to ``path`` as native JSON Lines, atomically, one record a line.

    Records come in the order of the native format's sections, so that every
    reference points to a line above it.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.jsonl"
        >>> net = wk.load()
        >>> write_jsonl(net, path)
        >>> path.read_text(encoding="utf-8").splitlines()[0]
        '{"format": "waterketen", "version": 1}'
        >>> wk.load(path) == net
        True
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(json.dumps({"format": FORMAT, "version": VERSION}) + "\n")
            for tag, cls in ENTITY_TYPES.items():
                for entity in network.entities(cls):
                    handle.write(json.dumps({tag: unstructure_entity(entity)}, ensure_ascii=False) + "\n")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write(network: Network, path: Path) -> None:
    write_jsonl(network, path)


jsonl_writer = Writer(
    name="jsonl",
    description="the native format as JSON Lines, one record a line (loads as a stream)",
    write=_write,
    suffixes=(".jsonl",),
)
