"""Writers: the :class:`Writer` type, and :func:`write`, which writes a network in a format a plugin offers.

The formats themselves live in :mod:`waterketen.formats` (one module each,
reading and writing); which writer handles a name or a suffix is decided by
:mod:`waterketen.registry`.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._writer import Writer


if TYPE_CHECKING:
    from ..formats.files import write_atomically
    from ..network import Network
    from ..plugins import PluginManager

__all__ = ["Writer", "find_writer", "write", "write_atomically", "writers"]


def writers(plugins: PluginManager | None = None) -> tuple[Writer, ...]:
    """Every writer the plugins offer, the built-ins first (see :mod:`waterketen.registry`)."""
    from ..registry import writers as listed

    return listed(plugins)


def find_writer(
    format: str | None = None, path: str | PathLike[str] | None = None, plugins: PluginManager | None = None
) -> Writer:
    """The writer named ``format``, or else the one whose suffix ends ``path``.

    See :func:`waterketen.registry.find_writer`.

    Examples:
        >>> wk.registry.find_writer(path="net.graphml").name
        'graphml'
    """
    from ..registry import find_writer as found

    return found(format, path, plugins)


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
        WriteError: the path cannot be written, or the writer failed; the
            message names the writer and the path (it is an ``OSError`` too).
    """
    from ..errors import WaterketenError, WriteError

    writer = find_writer(format, path, plugins)
    try:
        writer.write(network, Path(path))
    except WaterketenError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(
            exc.errno or 0, f"the {writer.name} writer cannot write it: {reason}", str(path)
        ) from exc
    except Exception as exc:  # a plugin's writer's bug is named, never let through as it is
        raise WriteError(
            0, f"the {writer.name} writer failed: {type(exc).__name__}: {exc}", str(path)
        ) from exc
    return writer


def __getattr__(name: str) -> Any:
    # The file helpers (and tempfile with them) are imported when a writer asks for them.
    if name == "write_atomically":
        from ..formats.files import write_atomically

        return write_atomically
    raise AttributeError(f"module 'waterketen.export' has no attribute {name!r}")
