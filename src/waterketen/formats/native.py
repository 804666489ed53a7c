"""The native format as JSON and TOML documents: read and written here, one home for the format.

A native document is a table with optional ``format = "waterketen"`` and
``version = 1``, an optional ``source`` table (``name``, ``updated``,
``url``), and one list per kind of entity, named in the plural
(:data:`SECTIONS`). Each item is one record; its place is the JSON pointer
of the item (``/organisations/3``). JSON is what waterketen writes
(:func:`dumps`, :func:`write_json`); TOML is for data written by hand.
The same document one record a line is :mod:`waterketen.formats.jsonl`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._time import Instant, parse_instant
from ..errors import Problem, SourceError
from ..export import Writer
from ..model import ENTITY_TYPES, Entity, Provenance
from ..sources import Record, SourceType


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ..network import Network

__all__ = [
    "FORMAT",
    "HEADER",
    "SECTIONS",
    "VERSION",
    "NativeSource",
    "dumps",
    "json_source",
    "json_writer",
    "records_of_document",
    "section_of",
    "to_document",
    "toml_source",
    "updated_of_document",
    "write_json",
]

FORMAT = "waterketen"
VERSION = 1
SECTIONS: dict[str, str] = {("bodies" if tag == "body" else f"{tag}s"): tag for tag in ENTITY_TYPES}
"""The sections of a native document and the tag of the records in each."""
_SECTION_OF = {tag: section for section, tag in SECTIONS.items()}
HEADER = frozenset({"format", "version", "source"})
"""The keys of a native document that are not sections of records."""


def section_of(tag: str) -> str:
    """The section of a native document that holds records of ``tag``: ``bodies`` for ``body``."""
    return _SECTION_OF[tag]


def records_of_document(document: Any, name: str) -> Iterator[Record]:
    """The records of a parsed native document.

    Raises:
        SourceError: the document is not a table, or of another format or version.
    """
    for tag, data, locator in _located(document, name):
        yield Record(tag=tag, data=data, provenance=Provenance(source=name, locator=locator))


def _located(document: Any, name: str, *, consume: bool = False) -> Iterator[tuple[str, Any, str]]:
    """(tag, data, JSON pointer) of each record; ``consume`` lets go of each item once given."""
    if not isinstance(document, Mapping):
        raise SourceError(
            Problem(source=name, reason=f"expected a table of sections, got {type(document).__name__}")
        )
    fmt, version = document.get("format", FORMAT), document.get("version", VERSION)
    if fmt != FORMAT:
        raise SourceError(
            Problem(source=name, place="/format", reason=f"expected {FORMAT!r}, got {fmt!r:.80}")
        )
    if version != VERSION or isinstance(version, bool):
        raise SourceError(
            Problem(source=name, place="/version", reason=f"expected {VERSION}, got {version!r:.80}")
        )
    for section, items in document.items():
        if section in HEADER:
            continue
        tag = SECTIONS.get(str(section), str(section))
        if not isinstance(items, list):
            # Kept as one record, so the core rejects it with its reason.
            yield tag, items, f"/{section}"
            continue
        for index, item in enumerate(items):
            yield tag, item, f"/{section}/{index}"
            if consume:
                items[index] = None


def updated_of_document(document: Any, name: str) -> Instant | None:
    """The day the header's ``source.updated`` gives (a TOML date-time gives its day).

    Raises:
        SourceError: the value is not a day (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); its place and
            field are named, so a reader can keep the records and report the header alone.
    """
    header = document.get("source") if isinstance(document, Mapping) else None
    value = header.get("updated") if isinstance(header, Mapping) else None
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    reason = f"expected a day as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r:.80}"
    if isinstance(value, str):
        try:
            return parse_instant(value)
        except ValueError as exc:
            reason = str(exc)
    raise SourceError(Problem(source=name, place="/source", field="updated", reason=reason))


class NativeSource:
    """A native document in a file, as JSON or TOML."""

    def __init__(
        self,
        path: str | PathLike[str] | Traversable,
        *,
        syntax: str,
        name: str | None = None,
        prebuilt: Traversable | None = None,
    ) -> None:
        self.path = path
        self.syntax = syntax
        self.name = name or str(path)
        self.prebuilt = prebuilt
        """The records already structured (:mod:`waterketen.sources._prebuilt`), used while current."""
        self.updated: Instant | None = None
        self.warnings: list[Problem] = []
        """A bad header field: the records are read all the same."""

    def __repr__(self) -> str:
        return f"NativeSource({self.name!r}, syntax={self.syntax!r})"

    def records(self) -> Iterator[Record]:
        for tag, data, locator in self._located_records():
            yield Record(tag=tag, data=data, provenance=Provenance(source=self.name, locator=locator))

    def _structured_records(self) -> Sequence[tuple[Entity, str]] | None:
        """The entities with their locators, already structured, if a current prebuilt form is shipped."""
        if self.prebuilt is None:
            return None
        from ..sources._prebuilt import read_prebuilt

        found = read_prebuilt(self.prebuilt, self.path)
        if found is None:
            return None
        self.updated = found.updated
        return found.records

    def _located_records(self) -> Iterator[tuple[str, Any, str]]:
        """The records as (tag, data, locator), the load's fast lane; each item is let go once given."""
        from .files import decode_utf8, parse_json, parse_toml, read_bytes, read_text

        if self.syntax == "json":  # the bytes are let go before the parse
            raw = read_bytes(self.path, self.name)
            text = decode_utf8(raw, self.name)
            del raw
            document = parse_json(text, self.name)
        else:
            document = parse_toml(read_text(self.path, self.name), self.name)
        try:
            self.updated = updated_of_document(document, self.name)
        except SourceError as exc:
            self.warnings.append(exc.problem)
        yield from _located(document, self.name, consume=True)


json_source = SourceType(
    name="json",
    description="the native format as JSON (waterketen's own writer writes it)",
    open=lambda location: NativeSource(location, syntax="json"),
    schemes=("json",),
    suffixes=(".json",),
    aliases=("native-json",),
)
toml_source = SourceType(
    name="toml",
    description="the native format as TOML, for hand-written data",
    open=lambda location: NativeSource(location, syntax="toml"),
    schemes=("toml",),
    suffixes=(".toml",),
    aliases=("native-toml",),
)


def to_document(network: Network) -> dict[str, Any]:
    """The native document of a network: sections of plain mappings, in a stable order.

    Examples:
        >>> doc = wk.formats.native.to_document(wk.load())
        >>> doc["format"], doc["version"], len(doc["organisations"]) >= 31
        ('waterketen', 1, True)
    """
    from ..convert import unstructure_entity

    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for tag, cls in ENTITY_TYPES.items():
        items = [unstructure_entity(e) for e in network.entities(cls)]
        if items:
            document[section_of(tag)] = items
    return document


def dumps(network: Network, *, indent: int | None = 2) -> str:
    """The native document of a network as JSON text."""
    return json.dumps(to_document(network), ensure_ascii=False, indent=indent) + "\n"


def write_json(network: Network, path: str | PathLike[str]) -> None:
    """Write the network to ``path`` as native JSON, atomically."""
    from .files import write_atomically

    write_atomically(path, dumps(network))


def _write(network: Network, path: Path) -> None:
    write_json(network, path)


json_writer = Writer(name="json", description="the native format as JSON", write=_write, suffixes=(".json",))
