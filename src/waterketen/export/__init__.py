"""Writers: a network out to a file, in a format a plugin offers."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import frozen


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["Writer", "write_atomically"]


@frozen(kw_only=True)
class Writer:
    """A format a plugin can write a network in."""

    name: str
    description: str
    write: Callable[[Network, Path], None]
    """Write the network to the path (use :func:`write_atomically`)."""
    suffixes: tuple[str, ...] = ()


def write_atomically(path: str | PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    An interrupted write never leaves a half-written file in place.
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
