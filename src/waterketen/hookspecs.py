"""The hook specifications of waterketen (pluggy project name ``"waterketen"``).

A plugin is a module or object with functions named like these hooks and
marked with :data:`hookimpl`; an installed package announces it in the
entry-point group ``waterketen``. The built-in sources and writers are
plugins of the same kind (see :mod:`waterketen._builtins`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy


if TYPE_CHECKING:
    from .checks import Check
    from .export import Writer
    from .sources import SourceType

__all__ = [
    "hookimpl",
    "hookspec",
    "waterketen_checks",
    "waterketen_source_types",
    "waterketen_writers",
]

hookspec = pluggy.HookspecMarker("waterketen")
"""Marks a hook specification."""
hookimpl = pluggy.HookimplMarker("waterketen")
"""Marks a plugin's implementation of a hook: ``@hookimpl``."""


@hookspec
def waterketen_source_types() -> Iterable[SourceType]:  # type: ignore[empty-body]
    """Offer kinds of source that :func:`waterketen.load` can read.

    Returns:
        An iterable of :class:`~waterketen.SourceType`: each names the URI
        schemes and file suffixes it handles and opens a location into a
        :class:`~waterketen.Source`.

    Example:
        .. code-block:: python

            @hookimpl
            def waterketen_source_types():
                return [SourceType(name="wiki", description="region pages of the wiki",
                                   open=WikiPage, schemes=("wiki",))]
    """


@hookspec
def waterketen_writers() -> Iterable[Writer]:  # type: ignore[empty-body]
    """Offer formats that :func:`waterketen.write` can write a network in.

    Returns:
        An iterable of :class:`~waterketen.Writer`: each names its format and
        file suffixes and writes a network to a path.

    Example:
        .. code-block:: python

            @hookimpl
            def waterketen_writers():
                return [Writer(name="popolo", description="Popolo JSON",
                               write=write_popolo, suffixes=(".popolo.json",))]
    """


@hookspec
def waterketen_checks() -> Iterable[Check]:  # type: ignore[empty-body]
    """Offer rules that :meth:`waterketen.Network.check` runs.

    Returns:
        An iterable of :class:`~waterketen.checks.Check`: each has a ``name``
        (to switch it off by), a ``description`` and ``run(network, days)``,
        which yields :class:`~waterketen.checks.Finding` objects for those days.

    Example:
        .. code-block:: python

            @hookimpl
            def waterketen_checks():
                def no_empty_clusters(network, days):
                    for day in days:
                        for coop in network.entities(Cooperation, on=day):  # one or many
                            for cluster in network.clusters(coop.id, on=day):
                                if not network.members(cluster.id, on=day):
                                    yield Finding(
                                        rule="no-empty-clusters", level=Level.WARNING,
                                        message=f"{cluster.name} is empty",
                                        entities=(cluster.id,), first=day, last=day,
                                    )

                return [Check(name="no-empty-clusters", description="...", run=no_empty_clusters)]
    """
