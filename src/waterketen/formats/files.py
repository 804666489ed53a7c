"""Reading and writing files safely: strict JSON and TOML, CSV tables, atomic writes.

The helpers every format module (and any plugin's reader or writer) needs, so
that every source gets the same error messages: each failure is a
:class:`~waterketen.SourceError` naming the file, the place and the reason.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import tempfile
from importlib.resources.abc import Traversable
from os import PathLike
from pathlib import Path
from typing import Any

from attrs import frozen

from ..errors import Problem, SourceError


__all__ = [
    "Table",
    "decode_utf8",
    "no_duplicate_keys",
    "parse_json",
    "parse_toml",
    "read_bytes",
    "read_table",
    "read_text",
    "reject_constant",
    "write_atomically",
]


class _DuplicateKeyError(ValueError):
    pass


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(f"duplicate key {key!r} in one object")
            seen.add(key)
    return result


def reject_constant(name: str) -> Any:
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


def read_text(path: str | PathLike[str] | Traversable, name: str) -> str:
    return decode_utf8(read_bytes(path, name), name)


def parse_json(text: str, name: str) -> Any:
    """Parse JSON text strictly (no duplicate keys, no NaN), naming the place of a fault."""
    try:
        return json.loads(text, object_pairs_hook=no_duplicate_keys, parse_constant=reject_constant)
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


def write_atomically(path: str | PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    An interrupted write never leaves a half-written file in place.
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes the file private; a written file is not
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_DELIMITERS = (";", ",", "\t", "|")


@frozen(kw_only=True)
class Table:
    """The cells of a CSV file: its header and its rows, numbered as a spreadsheet numbers them."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    """``(row number, cells)``; the header is row 1, blank rows are left out."""
    delimiter: str


def _decode(raw: bytes, name: str, encoding: str | None) -> str:
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise SourceError(
                Problem(source=name, reason=f"cannot decode the file as {encoding}: {exc}")
            ) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(Problem(source=name, reason=f"not UTF-16 text: {exc.reason}")) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")  # what Excel on Windows saves as "CSV"
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            Problem(
                source=name,
                place=f"line {line}",
                reason=f"neither UTF-8 nor Windows-1252: byte {raw[exc.start]:#04x} at offset {exc.start}",
            )
        ) from None


def _sniff(text: str) -> str:
    """The delimiter that splits the header row into the most cells (a comma on a tie)."""
    lines = text.splitlines()
    first = lines[0] if lines else ""
    counts = {}
    for d in _DELIMITERS:
        try:
            counts[d] = len(next(csv.reader([first], delimiter=d), []))
        except csv.Error:  # the header is not CSV with this separator
            counts[d] = 0
    best = max(counts.values())
    return "," if counts[","] == best else next(d for d in _DELIMITERS if counts[d] == best)


def read_table(
    path: str | PathLike[str],
    *,
    name: str | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
) -> Table:
    """Read the cells of a CSV file, checking that every row has as many cells as the header.

    Args:
        path: the file.
        name: the name errors use for it (default: the path).
        delimiter: the separator; by default sniffed from the header row.
        encoding: the text encoding; by default UTF-8 (with or without a
            mark), UTF-16 with a mark, or else Windows-1252.

    Raises:
        SourceError: the file cannot be read or decoded, has no header, has a
            row with more or fewer cells than the header, or is not CSV.
    """
    name = name or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(
            Problem(source=name, reason=f"cannot read the file ({exc.strerror or exc})")
        ) from None
    text = _decode(raw, name, encoding).lstrip("\ufeff")
    delimiter = delimiter or _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] | None = None
    try:
        for number, cells in enumerate(reader, start=1):
            if header is None:
                header = tuple(c.strip() for c in cells)
                continue
            if not any(c.strip() for c in cells):
                continue  # a blank row, or one of empty cells at the end of a sheet
            if len(cells) != len(header):
                raise SourceError(
                    Problem(
                        source=name,
                        place=f"row {number}",
                        reason=f"the row has {len(cells)} cells and the header {len(header)} "
                        f"(is a {_show(delimiter)} in a cell not quoted?)",
                    )
                )
            rows.append((number, tuple(cells)))
    except csv.Error as exc:
        raise SourceError(
            Problem(source=name, place=f"line {reader.line_num}", reason=f"invalid CSV: {exc}")
        ) from None
    if not header or not any(header):
        raise SourceError(Problem(source=name, place="row 1", reason="the table has no header row"))
    return Table(header=header, rows=tuple(rows), delimiter=delimiter)


def _show(delimiter: str) -> str:
    return {"\t": "tab", ";": "semicolon", ",": "comma", "|": "bar"}.get(delimiter, repr(delimiter))
