"""The native format of waterketen, read from JSON, JSON Lines or TOML.

A native document is a table with optional ``format = "waterketen"`` and
``version = 1``, an optional ``source`` table (``name``, ``updated``,
``url``), and one list per kind of entity, named in the plural
(:data:`SECTIONS`). Each item is one record; its place is the JSON pointer
of the item (``/organisations/3``).

The JSON Lines form (``.jsonl``) holds the same document one record a line,
so that it can be read as a stream, without the whole file in memory: an
optional first line with the header (``{"format": "waterketen", "version":
1, "source": {...}}``), then one object per line whose one key is the kind
of record and whose value is the record (``{"organisation": {"id": ...}}``;
the plural section name is accepted too). Blank lines are skipped; a
record's place is its line (``line 7``).
"""

from __future__ import annotations

import json
import json.scanner
import re
from collections.abc import Iterator, Mapping
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path
from typing import Any

from .._time import Instant, parse_instant
from ..errors import Problem, SourceError
from ..model import ENTITY_TYPES, Provenance
from . import Record, SourceType


__all__ = ["FORMAT", "SECTIONS", "VERSION", "JsonLinesSource", "NativeSource", "json_source", "toml_source"]

FORMAT = "waterketen"
VERSION = 1
SECTIONS: dict[str, str] = {("bodies" if tag == "body" else f"{tag}s"): tag for tag in ENTITY_TYPES}
"""The sections of a native document and the tag of the records in each."""
_TAG_SECTIONS = {tag: section for section, tag in SECTIONS.items()}
_HEADER = frozenset({"format", "version", "source"})


class _DuplicateKeyError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(f"duplicate key {key!r} in one object")
            seen.add(key)
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_bytes(path: str | PathLike[str] | Traversable, name: str) -> bytes:
    """The bytes of a file, or a :class:`~waterketen.SourceError` naming ``name``."""
    try:
        return path.read_bytes() if isinstance(path, Traversable) else Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(
            Problem(source=name, reason=f"cannot read the file ({exc.strerror or exc})")
        ) from None


def decode_utf8(raw: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark allowed), or a :class:`~waterketen.SourceError` with the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            Problem(
                source=name,
                place=f"line {line}",
                reason=f"not UTF-8 text: byte {raw[exc.start]:#04x} at offset {exc.start}",
            )
        ) from None


def _read_text(path: str | PathLike[str] | Traversable, name: str) -> str:
    return decode_utf8(read_bytes(path, name), name)


def parse_json(text: str, name: str) -> Any:
    """Parse JSON text strictly (no duplicate keys, no NaN), naming the place of a fault."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        place = f"line {exc.lineno}, column {exc.colno}"
        raise SourceError(Problem(source=name, place=place, reason=f"invalid JSON: {exc.msg}")) from None
    except RecursionError:
        raise SourceError(Problem(source=name, reason="invalid JSON: nested too deeply")) from None
    except ValueError as exc:
        raise SourceError(Problem(source=name, reason=f"invalid JSON: {exc}")) from None


_TOML_PLACE = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)$")


def parse_toml(text: str, name: str) -> Any:
    """Parse TOML text, naming the place of a fault."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_PLACE.search(message)
        place = match.group(1) if match else None
        reason = message[: match.start()] if match else message
        raise SourceError(Problem(source=name, place=place, reason=f"invalid TOML: {reason}")) from None
    except RecursionError:
        raise SourceError(Problem(source=name, reason="invalid TOML: nested too deeply")) from None


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
        if section in _HEADER:
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


def _updated(document: Any, name: str) -> Instant | None:
    header = document.get("source") if isinstance(document, Mapping) else None
    value = header.get("updated") if isinstance(header, Mapping) else None
    if value is None:
        return None
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value  # type: ignore[no-any-return]
    try:
        return parse_instant(str(value))
    except ValueError as exc:
        raise SourceError(Problem(source=name, place="/source/updated", reason=str(exc))) from None


class NativeSource:
    """A native document in a file, as JSON or TOML."""

    def __init__(
        self, path: str | PathLike[str] | Traversable, *, syntax: str, name: str | None = None
    ) -> None:
        self.path = path
        self.syntax = syntax
        self.name = name or str(path)
        self.updated: Instant | None = None

    def __repr__(self) -> str:
        return f"NativeSource({self.name!r}, syntax={self.syntax!r})"

    def records(self) -> Iterator[Record]:
        for tag, data, locator in self._located_records():
            yield Record(tag=tag, data=data, provenance=Provenance(source=self.name, locator=locator))

    def _located_records(self) -> Iterator[tuple[str, Any, str]]:
        """The records as (tag, data, locator), the load's fast lane; each item is let go once given."""
        parse = parse_json if self.syntax == "json" else parse_toml
        document = parse(_read_text(self.path, self.name), self.name)
        self.updated = _updated(document, self.name)
        yield from _located(document, self.name, consume=True)


class JsonLinesSource:
    """A native document in a JSON Lines file, read one line at a time."""

    def __init__(self, path: str | PathLike[str] | Traversable, *, name: str | None = None) -> None:
        self.path = path
        self.name = name or str(path)
        self.updated: Instant | None = None

    def __repr__(self) -> str:
        return f"JsonLinesSource({self.name!r})"

    def records(self) -> Iterator[Record]:
        for tag, data, locator in self._located_records():
            yield Record(tag=tag, data=data, provenance=Provenance(source=self.name, locator=locator))

    def _located_records(self) -> Iterator[tuple[str, Any, str]]:
        """The records as (tag, data, locator), read one line at a time."""
        name = self.name
        try:
            handle = self.path.open("rb") if isinstance(self.path, Traversable) else open(self.path, "rb")  # noqa: SIM115
        except OSError as exc:
            raise SourceError(
                Problem(source=name, reason=f"cannot read the file ({exc.strerror or exc})")
            ) from None
        first = True
        with handle:
            for number, raw in enumerate(handle, 1):
                item = _parse_line(raw, name, number)
                if item is _BLANK:
                    continue
                if first and isinstance(item, dict) and item and item.keys() <= _HEADER:
                    first = False
                    for _ in records_of_document(item, name):  # checks the format and the version
                        pass
                    self.updated = _updated(item, name)
                    continue
                first = False
                if not isinstance(item, dict) or len(item) != 1:
                    raise SourceError(
                        Problem(
                            source=name,
                            place=f"line {number}",
                            reason="expected an object with one key, the kind of record, "
                            'such as {"organisation": {...}}',
                        )
                    )
                [(key, data)] = item.items()
                yield SECTIONS.get(str(key), str(key)), data, f"line {number}"


_BLANK: Any = object()
_LINE_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant)
_LINE_SCAN = json.scanner.make_scanner(_LINE_DECODER)  # type: ignore[arg-type]


def _parse_line(raw: bytes, name: str, number: int) -> Any:
    """One line of a JSON Lines file, parsed strictly; :data:`_BLANK` for a blank one."""
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise SourceError(
            Problem(
                source=name,
                place=f"line {number}",
                reason=f"not UTF-8 text: byte {raw[exc.start]:#04x} at offset {exc.start}",
            )
        ) from None
    try:  # the common line: one value, nothing around it, straight to the C scanner
        item, end = _LINE_SCAN(text, 0)
        if end == len(text):
            return item
    except Exception:  # told below by the strict parse, with its place
        pass
    if not text.strip():
        return _BLANK
    try:
        return _LINE_DECODER.decode(text)
    except json.JSONDecodeError as exc:
        place = f"line {number}, column {exc.colno}"
        raise SourceError(Problem(source=name, place=place, reason=f"invalid JSON: {exc.msg}")) from None
    except RecursionError:
        raise SourceError(
            Problem(source=name, place=f"line {number}", reason="invalid JSON: nested too deeply")
        ) from None
    except ValueError as exc:
        place = f"line {number}"
        raise SourceError(Problem(source=name, place=place, reason=f"invalid JSON: {exc}")) from None


def _open_json(location: str) -> NativeSource | JsonLinesSource:
    if location.lower().endswith(".jsonl"):
        return JsonLinesSource(location)
    return NativeSource(location, syntax="json")


json_source = SourceType(
    name="native-json",
    description="the native format as JSON (waterketen's own writer writes it), or as JSON Lines (.jsonl)",
    open=_open_json,
    schemes=("json",),
    suffixes=(".json", ".jsonl"),
)
toml_source = SourceType(
    name="native-toml",
    description="the native format as TOML, for hand-written data",
    open=lambda location: NativeSource(location, syntax="toml"),
    schemes=("toml",),
    suffixes=(".toml",),
)
