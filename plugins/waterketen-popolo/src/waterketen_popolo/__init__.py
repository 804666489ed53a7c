"""Popolo JSON in and out for waterketen.

Popolo (popoloproject.com) is the civic-tech standard for persons,
organizations, posts and memberships. This plugin offers a source type
(``popolo:file.json`` or any ``*.popolo.json``) and a writer, and the
functions :func:`read`, :func:`write`, :func:`to_popolo` and :func:`dumps`.
The mapping is in the plugin's README.

Examples:
    >>> import waterketen as wk
    >>> net = wk.load()
    >>> read(to_popolo(net)) == net
    True
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import waterketen as wk

from ._ids import to_id
from ._mapping import CLASSIFICATIONS, EXTENSION, UNKNOWN_NAME
from ._source import VERSION, PopoloRecord, PopoloSource, popolo_source
from ._writer import classification, dumps, popolo_writer, to_popolo, write


__all__ = [
    "CLASSIFICATIONS",
    "EXTENSION",
    "UNKNOWN_NAME",
    "VERSION",
    "PopoloRecord",
    "PopoloSource",
    "classification",
    "dumps",
    "popolo_source",
    "popolo_writer",
    "read",
    "to_id",
    "to_popolo",
    "waterketen_source_types",
    "waterketen_writers",
    "write",
]


def read(
    source: str | os.PathLike[str] | Mapping[str, Any], *, strict: bool = True, name: str | None = None
) -> wk.Network:
    """Read a Popolo document into a network.

    Args:
        source: a path to a Popolo JSON file, or a parsed document.
        strict: raise on any error (the default); when false, keep every
            valid record and report the rest in ``network.report``.
        name: the name problems give the source (by default the path).

    Returns:
        The network. Its ``report`` also lists, as warnings, the Popolo
        fields that were left out because waterketen has no place for them.

    Raises:
        waterketen.LoadError: a strict read found errors; every one is listed.

    Examples:
        >>> doc = {"persons": [{"id": "person/1", "name": "Ada", "image": "a.jpg"}],
        ...        "organizations": [{"id": "x", "name": "X", "classification": "party"}]}
        >>> net = read(doc)
        >>> net["person/1"].name, net["x"].kind
        ('Ada', <OrgKind.OTHER: 'other'>)
        >>> for warning in net.report.warnings:
        ...     print(warning.place, warning.field, warning.reason)
        /persons/0 image left out: waterketen has no place for this field
        /organizations/0 classification read as an organisation of kind 'other': 'party' is not one it knows
    """
    if isinstance(source, Mapping):
        popolo = PopoloSource.of_document(source, name=name or "popolo document")
    else:
        popolo = PopoloSource(source, name=name)
    return wk.load(popolo, strict=strict)  # the core adds the source's warnings to the report


@wk.hookimpl
def waterketen_source_types() -> Iterable[wk.SourceType]:
    """The Popolo source type: ``popolo:file.json`` and ``*.popolo.json``."""
    return (popolo_source,)


@wk.hookimpl
def waterketen_writers() -> Iterable[wk.Writer]:
    """The Popolo writer, for ``*.popolo.json``."""
    return (popolo_writer,)
