"""Reading CSV files as spreadsheets save them: any common separator, encoding and line ending."""

from __future__ import annotations

import codecs
import csv
import io
from os import PathLike
from pathlib import Path

from attrs import frozen

from ..errors import Problem, SourceError


__all__ = ["Table", "read_table"]

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
