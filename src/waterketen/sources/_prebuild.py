"""Write the prebuilt form of the embedded datasets (read by :mod:`._prebuilt`).

Each shipped native JSON is loaded fresh, on its own; its entities, with the
locators the load gave them, are written as a pickle behind a header that
names the JSON's size and CRC-32 and every class's fields. Equal values
(periods, days, provenances, codes) are written once and shared, as the
converter shares ids and days within one load, so the file is small and
quick to read. The loads of several datasets together that ship prebuilt
(:data:`._prebuilt.LOADS`) are made fresh too, and written with the files
they read. ``nox -s dataset`` (or ``python -m waterketen.sources._prebuild``)
writes them all.
"""

from __future__ import annotations

import copyreg
import io
import json
import pickle
from collections.abc import Callable
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from .._data import data_folder
from .._nameindex import Index
from ..formats.native import NativeSource
from ._prebuilt import FORM, LOADS, VERSION, fingerprint


__all__ = ["prebuild", "prebuild_load", "shipped", "write_all"]


def shipped() -> dict[str, Callable[[], NativeSource]]:
    """Every embedded dataset by its location, each opened as a source that reads its JSON."""
    from ..regions._source import open_regions
    from ..register._build import open_register
    from .embedded import datasets, open_dataset

    out: dict[str, Callable[[], NativeSource]] = {}
    for name in datasets():

        def gnd(name: str = name) -> NativeSource:
            source = open_dataset(name)
            assert isinstance(source, NativeSource), f"embedded:{name} has no shipped JSON"
            return source

        out[f"embedded:{name}"] = gnd
    out["register:"] = lambda: _of(open_register())
    out["regions:"] = open_regions
    return out


def _of(source: object) -> NativeSource:
    assert isinstance(source, NativeSource), "the shipped JSON is missing"
    return source


class _Interner:
    """Makes one object of equal values: equal in every field, those left out of ``==`` too."""

    def __init__(self) -> None:
        self.seen: dict[Any, Any] = {}
        self.classes: dict[type, list[str]] = {}

    def __call__(self, value: Any) -> Any:
        cls = type(value)
        if attrs.has(cls):
            fields = attrs.fields(cls)
            self.classes.setdefault(cls, [f.name for f in fields])
            parts = {f.name: self(getattr(value, f.name)) for f in fields}
            key = self.key(value)
            if key is not None and key in self.seen:
                return self.seen[key]
            if any(parts[f.name] is not getattr(value, f.name) for f in fields):
                value = attrs.evolve(value, **{f.alias: parts[f.name] for f in fields if f.init})
            if key is not None:
                self.seen[key] = value
            return value
        if cls is str:  # one object for equal text (ids, days, pages), written once
            return self.seen.setdefault((str, value), value)
        if cls is tuple:
            return tuple(self(x) for x in value)
        if cls is list:
            return [self(x) for x in value]
        if cls is dict:
            return {k: self(v) for k, v in value.items()}
        if cls is frozenset:
            return frozenset(self(x) for x in value)
        return value

    def key(self, value: Any) -> Any:
        """A key that is equal only for values equal in type and every field, or None if there is none."""
        cls = type(value)
        if attrs.has(cls):
            parts = tuple(self.key(getattr(value, f.name)) for f in attrs.fields(cls))
            return None if None in parts else (cls, parts)
        if cls in (tuple, list, frozenset):
            items = tuple(self.key(x) for x in (sorted(value, key=repr) if cls is frozenset else value))
            return None if None in items else (cls, items)
        if cls is dict:
            pairs = tuple((k, self.key(v)) for k, v in value.items())
            return None if any(p[1] is None for p in pairs) else (cls, pairs)
        try:
            hash(value)
        except TypeError:
            return None
        return (cls, value)


def prebuild(source: NativeSource) -> bytes:
    """The prebuilt form of a shipped dataset: its header line, then the pickle of its entities.

    Raises:
        ValueError: the dataset does not load on its own, or gives one id twice.
    """
    from ..loading import load

    network = load(source)
    records = []
    intern = _Interner()
    for entity in network:
        places = network.origin(entity.id)
        if len(places) != 1 or places[0].locator is None:
            raise ValueError(f"{source.name}: {entity.id!r} comes from {len(places)} places")
        records.append((intern(entity), places[0].locator))
    classes = sorted([c.__module__, c.__qualname__, f] for c, f in intern.classes.items())
    path = source.path
    data = Path(path).read_bytes() if isinstance(path, str | PathLike) else path.read_bytes()
    header = {"form": FORM, "version": VERSION, "source": fingerprint(data), "classes": classes}
    payload = {"records": records, "updated": source.updated}
    head = json.dumps(header, separators=(",", ":")).encode()
    out = io.BytesIO()
    _Pickler(out, protocol=5).dump(payload)
    return head + b"\n" + out.getvalue()


def prebuild_load(locations: tuple[str, ...]) -> bytes:
    """The prebuilt form of a load of shipped datasets together: its header line, then the pickle of
    the network that a fresh load makes (entities, places, report)."""
    from ..loading import _fresh

    network = _fresh(locations, None)
    intern = _Interner()
    entities = {intern(entity_id): intern(entity) for entity_id, entity in network._entities.items()}
    origins = {intern(entity_id): intern(places) for entity_id, places in network._origins._places.items()}
    payload = {
        "entities": entities,
        "origins": origins,
        "main": network._origins.main,
        "report": intern(network.report),
        "names": pickle.dumps(_shared(Index(network).state(), {}), protocol=5),
    }
    classes = sorted([c.__module__, c.__qualname__, f] for c, f in intern.classes.items())
    inputs = [[name, fingerprint(_data_file(name).read_bytes())] for name in _inputs(locations)]
    header = {"form": FORM, "version": VERSION, "load": list(locations), "inputs": inputs, "classes": classes}
    out = io.BytesIO()
    _Pickler(out, protocol=5).dump(payload)
    return json.dumps(header, separators=(",", ":")).encode() + b"\n" + out.getvalue()


def _shared(value: Any, seen: dict[str, str]) -> Any:
    """``value`` with equal texts one object (dict keys too), so that its pickle writes each once."""
    cls = type(value)
    if cls is str:
        return seen.setdefault(value, value)
    if cls is tuple:
        return tuple(_shared(x, seen) for x in value)
    if cls is list:
        return [_shared(x, seen) for x in value]
    if cls is dict:
        return {_shared(k, seen): _shared(v, seen) for k, v in value.items()}
    return value


def _inputs(locations: tuple[str, ...]) -> list[str]:
    """The files a load of the shipped ``locations`` reads, relative to the data folder."""
    from ..loading import open_source
    from ..regions._source import RegionsSource

    folder = Path(str(data_folder()))
    out = []
    for location in locations:
        source = open_source(location)
        assert isinstance(source, NativeSource), f"{location} is not read from a shipped file"
        files = [Path(str(source.path))]
        if isinstance(source, RegionsSource):  # its warnings are the build's findings
            files.append(Path(str(source.path)).with_name("findings.json"))
        out += [file.relative_to(folder).as_posix() for file in files]
    return out


def _data_file(name: str) -> Traversable:
    found = data_folder()
    for part in name.split("/"):
        found = found / part
    return found


class _Pickler(pickle.Pickler):
    """Writes an attrs instance's fields as a tuple, which its ``__setstate__`` reads faster than a dict."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if not attrs.has(cls):
            return NotImplemented
        names = [f.name for f in attrs.fields(cls)]
        return copyreg.__newobj__, (cls,), tuple(getattr(obj, name) for name in names)  # type: ignore[attr-defined]


def write_all() -> list[Traversable]:
    """Write the prebuilt form of every embedded dataset beside its JSON; the files written."""
    written = []
    for opened in shipped().values():
        source = opened()
        target = source.prebuilt
        assert target is not None, f"{source.name} names no prebuilt file"
        source.prebuilt = None  # read the JSON itself
        Path(str(target)).write_bytes(prebuild(source))
        written.append(target)
    for locations, file in LOADS.items():  # after the datasets' own: a fresh load may read them
        target = data_folder()
        for part in file.split("/"):
            target = target / part
        Path(str(target)).write_bytes(prebuild_load(locations))
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(f"wrote {path}")
