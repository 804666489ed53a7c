"""The native format as JSON Lines: one record a line, read as a stream and written here.

The same document as :mod:`waterketen.formats.native`, one record a line, so
that it can be read without the whole file in memory: an optional first line
with the header (``{"format": "waterketen", "version": 1, "source": {...}}``),
then one object per line whose one key is the kind of record and whose value
is the record (``{"organisation": {"id": ...}}``; the plural section name is
accepted too). Blank lines are skipped; a record's place is its line
(``line 7``).
"""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Iterator
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from .._time import Instant
from ..convert import unstructure_entity
from ..errors import Problem, SourceError
from ..export import Writer
from ..model import ENTITY_TYPES, Provenance
from ..sources import Record, SourceType, Unreadable
from .files import check_file, max_bytes, no_duplicate_keys, reject_constant
from .native import FORMAT, HEADER, SECTIONS, VERSION, records_of_document, updated_of_document
from .writing import atomic_file


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["JsonLinesSource", "jsonl_source", "jsonl_writer", "write_jsonl"]


class JsonLinesSource:
    """A native document in a JSON Lines file, read one line at a time."""

    def __init__(self, path: str | PathLike[str] | Traversable, *, name: str | None = None) -> None:
        self.path = path
        self.name = name or str(path)
        self.updated: Instant | None = None
        self.warnings: list[Problem] = []
        """A bad header field: the records are read all the same."""

    def __repr__(self) -> str:
        return f"JsonLinesSource({self.name!r})"

    def records(self) -> Iterator[Record]:
        for tag, data, locator in self._located_records():
            yield Record(tag=tag, data=data, provenance=Provenance(source=self.name, locator=locator))

    def _located_records(self) -> Iterator[tuple[str, Any, str]]:
        """The records as (tag, data, locator), read one line at a time.

        A line that is not JSON, or not an object with one key, is yielded as
        :class:`~waterketen.sources.Unreadable` with its line number, and the
        lines after it are read: each line is a record of its own.
        """
        name = self.name
        check_file(self.path, name)
        try:
            handle = self.path.open("rb") if isinstance(self.path, Traversable) else open(self.path, "rb")  # noqa: SIM115
        except OSError as exc:
            raise SourceError(
                Problem(source=name, reason=f"cannot read the file ({exc.strerror or exc})")
            ) from None
        first = True
        with handle:
            for number, raw in _lines(handle, name):
                try:
                    item = _parse_line(raw, name, number)
                except SourceError as exc:
                    first = False
                    yield "?", Unreadable(problem=exc.problem, raw=_shown(raw)), f"line {number}"
                    continue
                if item is _BLANK:
                    continue
                if first and isinstance(item, dict) and item and item.keys() <= HEADER:
                    first = False
                    for _ in records_of_document(item, name):  # checks the format and the version
                        pass
                    try:
                        self.updated = updated_of_document(item, name)
                    except SourceError as exc:
                        self.warnings.append(attrs.evolve(exc.problem, place=f"line {number}"))
                    continue
                first = False
                if not isinstance(item, dict) or len(item) != 1:
                    problem = Problem(
                        source=name,
                        place=f"line {number}",
                        reason="expected an object with one key, the kind of record, "
                        f'such as {{"organisation": {{...}}}}; got {_shown(raw):.60}',
                    )
                    yield "?", Unreadable(problem=problem, raw=item), f"line {number}"
                    continue
                [(key, data)] = item.items()
                yield SECTIONS.get(str(key), str(key)), data, f"line {number}"


def _shown(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").rstrip("\r\n")[:200]


def _lines(handle: IO[bytes], name: str) -> Iterator[tuple[int, bytes]]:
    """The lines of a file with their numbers; a line ends at LF, CR LF or a lone CR."""
    limit = max_bytes()
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            raise SourceError(
                Problem(
                    source=name,
                    place=f"line {number + 1}",
                    reason=f"a line longer than the limit of {limit} bytes (set WATERKETEN_MAX_BYTES)",
                )
            )
        if b"\r" not in raw:
            number += 1
            yield number, raw
            continue
        for piece in raw.replace(b"\r\n", b"\n").split(b"\r"):
            if piece:
                number += 1
                yield number, piece


_BLANK: Any = object()
_LINE_DECODER = json.JSONDecoder(object_pairs_hook=no_duplicate_keys, parse_constant=reject_constant)
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


jsonl_source = SourceType(
    name="jsonl",
    description="the native format as JSON Lines, one record a line (read as a stream)",
    open=JsonLinesSource,
    schemes=("jsonl",),
    suffixes=(".jsonl",),
)


def write_jsonl(network: Network, path: str | PathLike[str]) -> None:
    """Write the network to ``path`` as native JSON Lines, atomically, one record a line.

    Records come in the order of the native format's sections, so that every
    reference points to a line above it.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "net.jsonl"
        >>> net = wk.load()
        >>> write_jsonl(net, path)
        >>> path.read_text(encoding="utf-8").splitlines()[0]
        '{"format": "waterketen", "version": 1}'
        >>> wk.load(path) == net
        True
    """
    with atomic_file(path) as handle:
        handle.write(json.dumps({"format": FORMAT, "version": VERSION}) + "\n")
        for tag, cls in ENTITY_TYPES.items():
            for entity in network.entities(cls):
                handle.write(json.dumps({tag: unstructure_entity(entity)}, ensure_ascii=False) + "\n")


def _write(network: Network, path: Path) -> None:
    write_jsonl(network, path)


jsonl_writer = Writer(
    name="jsonl",
    description="the native format as JSON Lines, one record a line (loads as a stream)",
    write=_write,
    suffixes=(".jsonl",),
)
