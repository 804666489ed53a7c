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
    from ..plugins import PluginManager

__all__ = ["Writer", "find_writer", "write", "write_atomically", "writers"]


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
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes the file private; a written file is not
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def writers(plugins: PluginManager | None = None) -> tuple[Writer, ...]:
    """Every writer the plugins offer (the built-ins first).

    Examples:
        >>> [w.name for w in wk.writers()][:6]
        ['json', 'jsonl', 'csv', 'graphml', 'gexf', 'node-link']
    """
    from ..plugins import default_plugin_manager

    pm = plugins or default_plugin_manager()
    return tuple(w for offered in reversed(pm.hook.waterketen_writers()) for w in offered)


def find_writer(
    format: str | None = None, path: str | PathLike[str] | None = None, plugins: PluginManager | None = None
) -> Writer:
    """The writer named ``format``, or else the one whose suffix ends ``path``.

    Installed plugins are looked at only when the built-ins have no such writer.

    Raises:
        UnknownFormatError: no writer has that name or suffix.

    Examples:
        >>> wk.find_writer(path="net.graphml").name
        'graphml'
    """
    from ..errors import UnknownFormatError
    from ..plugins import default_plugin_manager, load_entry_points

    pm = plugins or default_plugin_manager()
    for attempt in range(2):
        found = writers(pm)
        if format is not None:
            named = [w for w in found if w.name == format]
            if named:
                return named[0]
        elif path is not None:
            lowered = os.fspath(path).lower()
            matches = [(len(s), w) for w in found for s in w.suffixes if lowered.endswith(s)]
            if matches:
                return max(matches, key=lambda m: m[0])[1]
        if attempt == 0 and not pm.entry_points_loaded:
            load_entry_points(pm)
    names = ", ".join(w.name for w in writers(pm))
    if format is not None:
        raise UnknownFormatError(f"no writer writes the format {format!r}; the formats are {names}")
    raise UnknownFormatError(f"no writer's suffix ends {os.fspath(path or '')!r}; name a format of {names}")


def write(
    network: Network,
    path: str | PathLike[str],
    format: str | None = None,
    *,
    plugins: PluginManager | None = None,
) -> Writer:
    """Write ``network`` to ``path`` in ``format`` (by default, the format its suffix names).

    Args:
        network: the network to write.
        path: the file (or, for ``csv``, the directory) to write.
        format: a writer's name: ``json``, ``csv``, ``graphml``, ``gexf``,
            ``node-link`` or one a plugin offers.
        plugins: the plugin manager to find writers in.

    Returns:
        The writer used.

    Raises:
        UnknownFormatError: no writer has that name, or none the suffix of ``path``.
        OSError: the path cannot be written.
    """
    writer = find_writer(format, path, plugins)
    writer.write(network, Path(path))
    return writer
