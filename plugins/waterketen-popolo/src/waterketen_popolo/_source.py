"""The Popolo source: a Popolo JSON document as waterketen records.

Every Popolo object becomes one :class:`PopoloRecord` whose locator is its
JSON pointer (``/persons/3``), so the core's accounting holds: records read
= accepted + rejected. A rejected record keeps the Popolo object whole in
``original``. Fields waterketen has no place for are left out of an accepted
record and listed in :attr:`PopoloSource.warnings`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen

import waterketen as wk
import waterketen.errors
from waterketen.formats.files import decode_utf8, parse_json, read_bytes
from waterketen.model import ENTITY_TYPES

from ._ids import blank, to_id
from ._mapping import EXTENSION, MAPPERS, TENURE, Index, Warn, escape, is_term, items


__all__ = ["VERSION", "PopoloRecord", "PopoloSource", "popolo_source"]

VERSION = 1
"""The version of the ``waterketen`` extension this plugin reads and writes."""

_SECTIONS: dict[str, str] = {("bodies" if tag == "body" else f"{tag}s"): tag for tag in ENTITY_TYPES}
_UNREAD = object()
_INDEX = re.compile(r"/\d+(?=/|$)")
_MERGED = ("persons", "organizations")
"""The collections whose objects of one id are read as one (duplicate persons)."""


@frozen(kw_only=True)
class PopoloRecord(wk.Record):
    """A record of a Popolo document, with the Popolo object as the document has it."""

    original: Any = None
    """The Popolo object, whole (a rejected record loses nothing)."""


def parse(raw: bytes, name: str) -> Any:
    """Parse the bytes of a JSON document, as strictly as the core's native JSON.

    Raises:
        waterketen.SourceError: the bytes are not UTF-8, or not JSON (a key
            twice in one object, ``NaN``, nesting too deep).
    """
    return parse_json(decode_utf8(raw, name), name)


class PopoloSource:
    """A Popolo JSON document, from a file or already parsed.

    Examples:
        >>> source = PopoloSource.of_document({"persons": [{"id": "p1", "name": "Ada", "gender": "f"}]})
        >>> [(r.tag, r.data, r.provenance.locator) for r in source.records()]
        [('person', {'id': 'p1', 'name': 'Ada'}, '/persons/0')]
        >>> print(source.warnings[0])
        warning: popolo document /persons/0 gender: left out: waterketen has no place for this field
    """

    def __init__(self, location: str | os.PathLike[str], *, name: str | None = None) -> None:
        self.path = location
        self.name = name or os.fspath(location)
        self.warnings: list[wk.Problem] = []
        """Fields left out of the last reading, each with its place."""
        self._document: Any = _UNREAD

    @classmethod
    def of_document(cls, document: Any, *, name: str = "popolo document") -> PopoloSource:
        """A source of an already parsed document (any JSON value)."""
        source = cls(name, name=name)
        source._document = document
        return source

    def __repr__(self) -> str:
        return f"PopoloSource({self.name!r})"

    def _read(self) -> Any:
        if self._document is not _UNREAD:
            return self._document
        return parse(read_bytes(self.path, self.name), self.name)

    def _warning(self, place: str, field: str | None, reason: str, original: Any) -> None:
        """Tell of something left out; the same thing left out of many objects is told once, with a count."""
        collection = place.split("/")[1] if place.count("/") >= 2 else place
        key = (collection, _INDEX.sub("/*", field) if field else None, reason)
        tally = self._tally.get(key)
        if tally is None:
            self._tally[key] = [1, place, field, original]
        else:
            tally[0] += 1

    def _told(self) -> list[wk.Problem]:
        told = []
        for (collection, _, reason), (count, place, field, original) in self._tally.items():
            if count > 1:
                reason = f"{reason} (in {count} {collection}; this is the first)"
            told.append(
                wk.Problem(
                    source=self.name,
                    place=place,
                    field=field,
                    reason=reason,
                    severity=wk.errors.Severity.WARNING,
                    record=original,
                )
            )
        return told

    def _warn(self, place: str, original: Any) -> Warn:
        def warn(field: str, reason: str) -> None:
            self._warning(place, field, reason, original)

        return warn

    def records(self) -> Iterator[wk.Record]:
        """Every Popolo object of the document as a record, in document order.

        Persons, organizations, posts and memberships are records. Events that
        are legislative periods are the periods of the memberships that name
        them; other events, areas and any other list are told once each, with
        their count, in :attr:`warnings`, as are the fields left out.

        Raises:
            waterketen.SourceError: the document cannot be read at all.
        """
        self.warnings = []
        self._tally: dict[tuple[str, str | None, str], list[Any]] = {}
        document = self._read()
        if not isinstance(document, Mapping):
            reason = f"expected a Popolo document (an object of collections), got {type(document).__name__}"
            raise wk.SourceError(wk.Problem(source=self.name, reason=reason))
        index = Index.of(document)
        for key, value in document.items():
            if key in MAPPERS:
                yield from self._objects(document, key, index)
            elif key == EXTENSION:
                yield from self._extension(value)
            elif key == "events" and isinstance(value, list):
                self._events(document, value, index)
            elif isinstance(value, list):
                if value:
                    what = f"{len(value)} {'object' if len(value) == 1 else 'objects'} of {str(key)!r:.60}"
                    self._warning(
                        f"/{escape(str(key))}",
                        None,
                        f"left out: {what}, which waterketen has no class for",
                        value,
                    )
            elif not (value is None or value == {}):
                self._warning(f"/{escape(str(key))}", None, "left out: waterketen has no place for it", value)
        self.warnings = self._told()

    def _events(self, document: Mapping[str, Any], events: list[Any], index: Index) -> None:
        terms = [event for event in events if is_term(event)]
        if terms:
            named = sum(
                1
                for _, obj in items(document, "memberships")
                if isinstance(obj, Mapping)
                and isinstance(term := to_id(obj.get("legislative_period_id")), str)
                and term in index.terms
            )
            what = "a legislative period" if len(terms) == 1 else f"{len(terms)} legislative periods"
            reason = f"read as the periods of the {named} memberships that name them: {what}"
            self._warning("/events", None, reason, terms)
        if others := len(events) - len(terms):
            what = (
                "an event that is not a legislative period"
                if others == 1
                else (f"{others} events that are not legislative periods")
            )
            self._warning("/events", None, f"left out: {what}", None)

    def _record(self, tag: str, data: Any, pointer: str, original: Any) -> PopoloRecord:
        provenance = wk.Provenance(source=self.name, locator=pointer)
        return PopoloRecord(tag=tag, data=data, provenance=provenance, original=original)

    def _objects(self, document: Mapping[str, Any], key: str, index: Index) -> Iterator[wk.Record]:
        default_tag, mapper = MAPPERS[key]
        together = _together(document, key) if key in _MERGED else {}
        derived: dict[str, Any] = {}
        for pointer, obj in items(document, key):
            if not isinstance(obj, Mapping):
                yield self._record(default_tag, obj, pointer, obj)
                continue
            warn = self._warn(pointer, obj)
            read = obj
            if isinstance(own := to_id(obj.get("id")), str) and own in together:
                read = _combined(together[own], obj, warn)
            tag, data = mapper(read, index, warn)
            if key == "memberships" and blank(obj.get("id")) and isinstance(data.get("id"), str):
                data["id"] = _unique(data, derived)
            extension = obj.get(EXTENSION)
            if isinstance(extension, Mapping):
                data.update(extension)
                if tag == "tenure" and extension.get(TENURE) is True:
                    del data[TENURE]  # the mark that made it a tenure, not a field
            elif extension is not None:
                data[EXTENSION] = extension  # the core rejects the record, naming the field
            yield self._record(tag, data, pointer, obj)

    def _extension(self, extension: Any) -> Iterator[wk.Record]:
        pointer = f"/{EXTENSION}"
        if not isinstance(extension, Mapping):
            if extension is not None:
                self._warning(pointer, None, "left out: expected an object of sections", extension)
            return
        version = extension.get("version", VERSION)
        if version != VERSION or isinstance(version, bool):
            reason = f"expected version {VERSION} of the extension, got {version!r:.60}"
            raise wk.SourceError(wk.Problem(source=self.name, place=f"{pointer}/version", reason=reason))
        for section in extension:
            if section == "version":
                continue
            tag = _SECTIONS.get(str(section), str(section))
            for place, item in items(extension, section):
                yield self._record(tag, item, pointer + place, item)


def _open(location: str) -> PopoloSource:
    return PopoloSource(location)


popolo_source = wk.SourceType(
    name="popolo",
    description="Popolo JSON: persons, organizations, posts and memberships (popolo:file.json)",
    open=_open,
    schemes=("popolo",),
    suffixes=(".popolo.json",),
)
"""The source type this plugin offers."""


def _together(document: Mapping[str, Any], key: str) -> dict[str, list[Mapping[str, Any]]]:
    """The objects of a collection that share an id with another, by id."""
    by_id: dict[str, list[Mapping[str, Any]]] = {}
    for _, obj in items(document, key):
        if isinstance(obj, Mapping) and isinstance(own := to_id(obj.get("id")), str) and own:
            by_id.setdefault(own, []).append(obj)
    return {own: objects for own, objects in by_id.items() if len(objects) > 1}


def _combined(objects: list[Mapping[str, Any]], this: Mapping[str, Any], warn: Warn) -> dict[str, Any]:
    """What the objects of one id say together: the first value of each field, the items of every list."""
    out: dict[str, Any] = {}
    for obj in objects:
        for field, value in obj.items():
            if value is None or value in ("", [], {}):
                continue
            if field not in out:
                out[field] = value
            elif isinstance(out[field], list) and isinstance(value, list):
                out[field] = [*out[field], *(item for item in value if item not in out[field])]
            elif out[field] != value and obj is this:
                warn(field, f"left out: an object of this id before it says {out[field]!r:.60}")
    warn("id", "read as one with the other objects of this id")
    return out


def _unique(data: dict[str, Any], derived: dict[str, Any]) -> str:
    """A made id, with ``~2``, ``~3``, ... when another object of other content made it too."""
    base: str = data["id"]
    made = base
    number = 1
    while made in derived and derived[made] != {**data, "id": base}:
        number += 1
        made = f"{base}~{number}"
    derived[made] = {**data, "id": base}
    return made
