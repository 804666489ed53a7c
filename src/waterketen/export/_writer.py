"""The Writer type: a format a plugin can write a network in (offered through ``waterketen_writers``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["Writer"]


@frozen(kw_only=True)
class Writer:
    """A format a plugin can write a network in."""

    name: str
    description: str
    write: Callable[[Network, Path], None]
    """Write the network to the path (use :func:`write_atomically`)."""
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """Other names the writer answers to (names it had before)."""
