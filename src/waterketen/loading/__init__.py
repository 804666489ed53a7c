"""The loading pipeline: sources → records → converter → merge → integrity → Network, with a report.

:func:`load` takes paths, ``scheme:`` locations or source objects (nothing: the
embedded dataset). :mod:`waterketen.registry` says which source type reads a
location; every record is structured by the one converter
(:mod:`waterketen.convert`); records from several sources merge by id
(:mod:`._merge`): a disagreement is reported with both provenances, never
resolved silently; references to unknown ids, and cycles, are errors
(:mod:`._integrity`); a source that lists organisations which had ended by
its own update day gets a warning (:mod:`._staleness`).

A strict load (the default) raises :class:`~waterketen.LoadError` listing
every problem. A lenient load keeps every valid record and puts each rejected
one, whole, in the :class:`LoadReport`: records read = accepted + rejected.
"""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

from .. import registry
from ..errors import LoadError, Problem, SourceError, WaterketenError
from ..network import Network
from ..sources import Source, SourceType
from ._report import LoadReport, Rejected, SourceSummary


if TYPE_CHECKING:
    from ..plugins import PluginManager


__all__ = ["LoadReport", "Rejected", "SourceLike", "SourceSummary", "load", "open_source", "source_types"]

SourceLike = str | os.PathLike[str] | Source
"""What :func:`load` takes: a path, a ``scheme:location`` or a source object."""

DEFAULT_LOCATION = "embedded:groningen-noord-drenthe"
"""What :func:`load` reads when it is given nothing: the embedded dataset."""


def source_types(plugins: PluginManager | None = None) -> tuple[SourceType, ...]:
    """Every source type the plugins offer (see :func:`waterketen.registry.source_types`)."""
    return registry.source_types(plugins)


def open_source(location: SourceLike, plugins: PluginManager | None = None) -> Source:
    """Turn a path, a ``scheme:location`` or a source object into a source.

    Raises:
        UnknownSourceError: no installed source type handles the location.
    """
    if not isinstance(location, str | os.PathLike):
        return location
    text = os.fspath(location)
    source_type, rest = registry.source_type_for(text, plugins)
    try:
        return source_type.open(rest)
    except WaterketenError:
        raise
    except Exception as exc:  # a plugin's bug is named, never let through
        reason = f"the source type {source_type.name} could not open it: {type(exc).__name__}: {exc}"
        raise SourceError(Problem(source=text, reason=reason)) from exc


def load(*sources: SourceLike, strict: bool = True, plugins: PluginManager | None = None) -> Network:
    """Load sources into a :class:`~waterketen.Network`.

    Args:
        *sources: paths (``net.json``, ``net.toml``), locations with a scheme
            (``embedded:groningen-noord-drenthe``, ``wiki:page.txt``) or
            :class:`~waterketen.Source` objects; none loads the embedded dataset.
        strict: raise on any error (the default); when false, keep every
            valid record and report the rest in ``network.report``.
        plugins: the plugin manager to find source types in.

    Raises:
        LoadError: a strict load found errors; every one is listed.

    Examples:
        >>> net = wk.load()
        >>> net.report.read == net.report.accepted + len(net.report.rejected)
        True
    """
    # A load makes many objects and frees few: the collector would walk them
    # again and again for nothing, so it is paused for the load.
    collecting = gc.isenabled()
    gc.disable()
    try:
        network = _shipped(sources or (DEFAULT_LOCATION,), plugins)
        if network is None:
            network = _fresh(sources, plugins)
    finally:
        if collecting:
            gc.enable()
    report = network.report
    assert report is not None  # a load always reports
    if strict and not report.ok:
        raise LoadError(report.errors, report)
    return network


def _fresh(sources: tuple[SourceLike, ...], plugins: PluginManager | None) -> Network:
    """The network of a load of ``sources``: each read, structured, merged and checked now."""
    from ..convert import Tables, sharing  # cattrs: a load that structures records
    from ._loader import Loader, name_of_source

    tables = Tables()
    loader = Loader(tables)
    with sharing(tables):
        for location in sources or (DEFAULT_LOCATION,):
            name = (
                os.fspath(location) if isinstance(location, str | os.PathLike) else name_of_source(location)
            )
            try:
                source = open_source(location, plugins)
            except WaterketenError as exc:
                loader.source_failed(name, exc)
                continue
            loader.read(source)
        network, _ = loader.finish()
    return network


def _shipped(sources: tuple[SourceLike, ...], plugins: PluginManager | None) -> Network | None:
    """The network of a load of embedded datasets that ships prebuilt, if ``sources`` are their very
    locations, the built-in source types read them, and the prebuilt form is current (see
    :mod:`waterketen.sources._prebuilt`)."""
    from ..sources._prebuilt import LOADS

    locations = tuple(location for location in sources if isinstance(location, str))
    file = LOADS.get(locations) if len(locations) == len(sources) else None
    if file is None:
        return None
    from .._builtin_types import SOURCE_TYPES

    for location in locations:
        try:
            source_type, _ = registry.source_type_for(location, plugins)
        except WaterketenError:
            return None
        if not any(source_type is builtin for builtin in SOURCE_TYPES):  # a plugin's, or none
            return None
    from .._data import data_folder
    from .._origins import Origins
    from ..sources._prebuilt import read_prebuilt_load

    folder = path = data_folder()
    for part in file.split("/"):
        path = path / part
    found = read_prebuilt_load(path, folder, locations)
    if found is None:
        return None
    network = Network(found.entities, origins=Origins(found.origins, found.main), report=found.report)
    network._shipped_names = found.names  # the name index of this very network, read on first use
    return network
