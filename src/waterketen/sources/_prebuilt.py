"""The embedded datasets shipped already structured: read here, written by :mod:`._prebuild`.

Next to each embedded dataset's native JSON (``data/<name>.json``,
``data/register/register.json``, ``data/regions/regions.json``) the package
ships a ``.pickle`` of the same records as entities, with their locators,
so a start structures nothing. The file opens with one line of JSON, the
header: the form's own version, the size and CRC-32 of the JSON it was made
from, and for every class in it the names of its fields. The entities follow
as a pickle. A file that is missing, of another version, made from other
JSON or of classes whose fields have changed is not used: the source then
reads its JSON, as it would without the file. ``nox -s dataset`` writes the
files again; a test fails when one of them is not what a fresh load of its
JSON gives.

A load of several embedded datasets together (:data:`LOADS`: the main job's
regions with Groningen & Noord-Drenthe) merges them, which costs more than
reading them: it ships prebuilt too, as the network that load makes (its
entities, their places and the load's report), behind a header that names
the size and CRC-32 of every file the load reads; so does the load of each
dataset alone, which a command on it makes (the loader's accounts and
checks are then not run again at each start). :func:`waterketen.load`
uses it only for those very locations read by the built-in source types,
and only while every file is as it was; otherwise the datasets are loaded
and merged as before. A prebuilt load also ships the name index of its
network (:meth:`waterketen._nameindex.Index.state`, pickled apart so that
only a command that finds or resolves names reads it); the network that
load makes uses it, and no other network.
"""

from __future__ import annotations

import importlib
import json
import sys
import zlib
from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._time import Instant
from ..model import Entity


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


__all__ = [
    "FORM",
    "LOADS",
    "VERSION",
    "Prebuilt",
    "PrebuiltLoad",
    "fingerprint",
    "read_prebuilt",
    "read_prebuilt_load",
]

FORM = "waterketen-prebuilt"
VERSION = 1
"""The version of the form; a file of another version is not used."""


class Prebuilt:
    """The records of one prebuilt file: entities with their locators, and the source's ``updated``."""

    __slots__ = ("records", "updated")

    def __init__(self, records: Sequence[tuple[Entity, str]], updated: Instant | None) -> None:
        self.records = records
        self.updated = updated


LOADS: dict[tuple[str, ...], str] = {
    ("regions:", "embedded:groningen-noord-drenthe"): "national.pickle",
    ("regions:",): "regions/regions.load.pickle",
    ("register:",): "register/register.load.pickle",
    ("embedded:groningen-noord-drenthe",): "groningen-noord-drenthe.load.pickle",
}
"""The loads of several embedded datasets that ship prebuilt: their locations, and their file."""


class PrebuiltLoad:
    """A prebuilt load: the entities by id in the load's order, their places, the first source, the
    report, and the pickled state of the network's name index (read only when it is first used)."""

    __slots__ = ("entities", "main", "names", "origins", "report")

    def __init__(
        self,
        entities: dict[str, Entity],
        origins: dict[str, Any],
        main: str | None,
        report: Any,
        names: bytes | None = None,
    ) -> None:
        self.entities = entities
        self.origins = origins
        self.main = main
        self.report = report
        self.names = names


def fingerprint(data: bytes) -> dict[str, int]:
    """The size and CRC-32 of a source's bytes, which a prebuilt file must have been made from."""
    return {"size": len(data), "crc32": zlib.crc32(data)}


def _fields_of(module: str, qualname: str) -> list[str] | None:
    """The attrs field names of a class, or None when it no longer exists or is no attrs class."""
    found: Any = sys.modules.get(module)
    if found is None:
        try:
            found = importlib.import_module(module)
        except ImportError:
            return None
    for part in qualname.split("."):
        found = getattr(found, part, None)
    fields = getattr(found, "__attrs_attrs__", None)
    return None if fields is None else [f.name for f in fields]


def read_prebuilt(path: Traversable, json_path: Traversable | str | PathLike[str]) -> Prebuilt | None:
    """The records of the prebuilt file ``path`` made from ``json_path``, or None when it cannot be used.

    None when the prebuilt file is missing or unreadable, of another form or
    version, made from other bytes than ``json_path`` holds now, or of
    classes whose fields have changed since.
    """
    try:
        blob = path.read_bytes()
        head, _, body = blob.partition(b"\n")
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("form") != FORM or header.get("version") != VERSION:
            return None
        source = Path(json_path) if isinstance(json_path, str | PathLike) else json_path
        if header.get("source") != fingerprint(source.read_bytes()):
            return None
        if not _same_classes(header):
            return None
        payload = _loads(body)
        return Prebuilt(payload["records"], payload["updated"])
    except Exception:  # a missing, broken or foreign file: the JSON is read instead
        return None


def read_prebuilt_load(
    path: Traversable, folder: Traversable, locations: Sequence[str]
) -> PrebuiltLoad | None:
    """The prebuilt load of ``locations`` in ``path``, or None when it cannot be used.

    None when the file is missing or unreadable, of another form or version,
    of other locations, made from other bytes than a file it names (relative
    to ``folder``, the data folder) holds now, or of classes whose fields have
    changed since.
    """
    try:
        blob = path.read_bytes()
        head, _, body = blob.partition(b"\n")
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("form") != FORM or header.get("version") != VERSION:
            return None
        if header.get("load") != list(locations):
            return None
        for name, expected in header["inputs"]:
            found = folder
            for part in name.split("/"):
                found = found / part
            if fingerprint(found.read_bytes()) != expected:
                return None
        if not _same_classes(header):
            return None
        payload = _loads(body)
        return PrebuiltLoad(
            payload["entities"], payload["origins"], payload["main"], payload["report"], payload.get("names")
        )
    except Exception:  # a missing, broken or foreign file: the datasets are loaded instead
        return None


def _same_classes(header: dict[str, Any]) -> bool:
    """Whether every class the header names has the fields it names."""
    return all(_fields_of(module, qualname) == fields for module, qualname, fields in header["classes"])


def _loads(body: bytes) -> Any:
    try:  # the C reader alone: the pure-Python pickle module is not needed to read
        from _pickle import loads
    except ImportError:  # pragma: no cover - another Python
        from pickle import loads
    return loads(body)
