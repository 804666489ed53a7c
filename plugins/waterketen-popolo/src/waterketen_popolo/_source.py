"""The Popolo source: a Popolo JSON document as waterketen records.

Every Popolo object becomes one :class:`PopoloRecord` whose locator is its
JSON pointer (``/persons/3``), so the core's accounting holds: records read
= accepted + rejected. A rejected record keeps the Popolo object whole in
``original``. Fields waterketen has no place for are left out of an accepted
record and listed in :attr:`PopoloSource.warnings`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen

import waterketen as wk
import waterketen.errors
from waterketen.formats.files import decode_utf8, parse_json, read_bytes
from waterketen.model import ENTITY_TYPES

from ._mapping import EXTENSION, MAPPERS, Index, Warn, escape, items


__all__ = ["VERSION", "PopoloRecord", "PopoloSource", "popolo_source"]

VERSION = 1
"""The version of the ``waterketen`` extension this plugin reads and writes."""

_SECTIONS: dict[str, str] = {("bodies" if tag == "body" else f"{tag}s"): tag for tag in ENTITY_TYPES}
_SINGULAR = {"areas": "area", "events": "event", "motions": "motion", "vote_events": "vote-event"}
_UNREAD = object()


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
        self.warnings.append(
            wk.Problem(
                source=self.name,
                place=place,
                field=field,
                reason=reason,
                severity=wk.errors.Severity.WARNING,
                record=original,
            )
        )

    def _warn(self, place: str, original: Any) -> Warn:
        def warn(field: str, reason: str) -> None:
            self._warning(place, field, reason, original)

        return warn

    def records(self) -> Iterator[wk.Record]:
        """Every Popolo object of the document as a record, in document order.

        Raises:
            waterketen.SourceError: the document cannot be read at all.
        """
        self.warnings = []
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
            elif isinstance(value, list):
                tag = _SINGULAR.get(key, str(key))
                for pointer, item in items(document, key):
                    yield self._record(tag, item, pointer, item)
            elif not (value is None or value == {}):
                self._warning(f"/{escape(str(key))}", None, "left out: waterketen has no place for it", value)

    def _record(self, tag: str, data: Any, pointer: str, original: Any) -> PopoloRecord:
        provenance = wk.Provenance(source=self.name, locator=pointer)
        return PopoloRecord(tag=tag, data=data, provenance=provenance, original=original)

    def _objects(self, document: Mapping[str, Any], key: str, index: Index) -> Iterator[wk.Record]:
        default_tag, mapper = MAPPERS[key]
        for pointer, obj in items(document, key):
            if not isinstance(obj, Mapping):
                yield self._record(default_tag, obj, pointer, obj)
                continue
            tag, data = mapper(obj, index, self._warn(pointer, obj))
            extension = obj.get(EXTENSION)
            if isinstance(extension, Mapping):
                data.update(extension)
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
