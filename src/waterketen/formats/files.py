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
import stat
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ..errors import Problem, SourceError


if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .writing import write_atomically


__all__ = [
    "MAX_BYTES",
    "Table",
    "check_file",
    "decode_utf8",
    "max_bytes",
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


MAX_BYTES = 1 << 31
"""The most bytes read from one file (or one line of JSON Lines): 2 GiB. The environment variable
``WATERKETEN_MAX_BYTES`` sets another limit for a run; a larger file is refused, named."""


def max_bytes() -> int:
    """The size limit in force: ``WATERKETEN_MAX_BYTES`` when it is a number, else :data:`MAX_BYTES`."""
    value = os.environ.get("WATERKETEN_MAX_BYTES", "")
    return int(value) if value.strip().isdigit() else MAX_BYTES


def check_file(path: str | PathLike[str] | Traversable, name: str) -> int:
    """The size of a regular file within the limit; else a :class:`~waterketen.SourceError` that says why.

    A FIFO, a device (``/dev/zero``), a socket or a directory is refused
    before it is opened, so no read blocks or runs out of memory.
    """
    if not isinstance(path, str | PathLike):
        return 0  # inside a package (a Traversable that is no path): a file of waterketen's own
    try:
        status = os.stat(path)
    except OSError as exc:
        raise SourceError(
            Problem(source=name, reason=f"cannot read the file ({exc.strerror or exc})")
        ) from None
    if not stat.S_ISREG(status.st_mode):
        kind = "a directory" if stat.S_ISDIR(status.st_mode) else "not a regular file (a pipe, a device, ...)"
        raise SourceError(Problem(source=name, reason=f"it is {kind}; only files are read"))
    limit = max_bytes()
    if status.st_size > limit:
        raise SourceError(
            Problem(
                source=name,
                reason=f"the file has {status.st_size} bytes, more than the limit of {limit} "
                "(set WATERKETEN_MAX_BYTES to read it)",
            )
        )
    return status.st_size


def read_bytes(path: str | PathLike[str] | Traversable, name: str) -> bytes:
    """The bytes of a regular file within the size limit, or a :class:`~waterketen.SourceError` naming it."""
    check_file(path, name)
    try:
        return Path(path).read_bytes() if isinstance(path, str | PathLike) else path.read_bytes()
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
    """The UTF-8 text of a file (see :func:`read_bytes` and :func:`decode_utf8`)."""
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


_DELIMITERS = (";", ",", "\t", "|")


@frozen(kw_only=True)
class Table:
    """The cells of a CSV file: its header and its rows, numbered as a spreadsheet numbers them."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    """``(row number, cells)``; the header is row 1, blank rows are left out."""
    delimiter: str
    sheet: str | None = None
    """The sheet of a workbook the table is (``None`` for a CSV file)."""
    header_row: int = 1
    """The number of the header row (a sheet may have a title above it)."""
    bad: tuple[tuple[int, tuple[str, ...], Problem], ...] = ()
    """``(row number, cells, problem)`` of each row that has more or fewer cells than the header:
    a reader rejects such a row with its problem and reads the others."""


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
        SourceError: the file cannot be read or decoded, has no header, or is
            not CSV. A row with more or fewer cells than the header is kept in
            ``Table.bad`` with its problem, and the other rows are read.
    """
    name = name or str(path)
    raw = read_bytes(path, name)
    text = _decode(raw, name, encoding).lstrip("\ufeff")
    delimiter = delimiter or _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    bad: list[tuple[int, tuple[str, ...], Problem]] = []
    header: tuple[str, ...] | None = None
    try:
        for number, cells in enumerate(reader, start=1):
            if header is None:
                header = tuple(c.strip() for c in cells)
                continue
            if not any(c.strip() for c in cells):
                continue  # a blank row, or one of empty cells at the end of a sheet
            if len(cells) != len(header):
                column = min(len(cells), len(header)) + 1
                problem = Problem(
                    source=name,
                    place=f"row {number}, column {column}",
                    reason=f"the row has {len(cells)} cells and the header {len(header)} "
                    f"(is a {_show(delimiter)} in a cell not quoted?); the row is left out",
                )
                bad.append((number, tuple(cells), problem))
                continue
            rows.append((number, tuple(cells)))
    except csv.Error as exc:
        raise SourceError(
            Problem(source=name, place=f"line {reader.line_num}", reason=f"invalid CSV: {exc}")
        ) from None
    if not header or not any(header):
        raise SourceError(Problem(source=name, place="row 1", reason="the table has no header row"))
    return Table(header=header, rows=tuple(rows), delimiter=delimiter, bad=tuple(bad))


def _show(delimiter: str) -> str:
    return {"\t": "tab", ";": "semicolon", ",": "comma", "|": "bar"}.get(delimiter, repr(delimiter))


def __getattr__(name: str) -> Any:
    # The atomic writes (and tempfile, shutil and ctypes with them) are imported when a file is written.
    if name == "write_atomically":
        from .writing import write_atomically

        return write_atomically
    raise AttributeError(f"module 'waterketen.formats.files' has no attribute {name!r}")
