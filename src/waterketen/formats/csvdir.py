"""The native format as a directory of CSV files, one per kind of entity.

One home for the format, read and written here: what ``waterketen export
--format csvdir`` writes and ``csvdir:PATH`` reads back: a directory with a
file per section of the native format (``organisations.csv``, ``memberships.csv``, ...), a ``relations/``
directory with a file per kind of relation (derived from the entities, for
other tools; the reader leaves it alone) and ``waterketen.json``, which names
the format and its version.

Columns are the fields of the model, in the model's order, with ``period``
as two columns ``start`` and ``end``. A cell holds:

- text as it is; the empty text, and a text that begins with a double
  quote, as a JSON string (``""``);
- a number as digits, ``true`` or ``false``, an enum's value, a date as ISO
  text at its precision (``2019-01-01``, ``2014``) or ``unknown``;
- a list (identifiers, other names, duties, goals, targets, provenance, the
  parts of a change) as compact JSON, the same items as in native JSON;
- nothing (an empty cell) for a field at its default: no note, an open
  bound, an empty list.

The directory is written beside its place and moved there when complete; an
existing directory is replaced only when it is itself a csvdir export (it has
the ``waterketen.json`` file) or empty. Relation files
(``relations/member-of.csv``, ...) have the columns ``source, target, via,
partial, start, end``.
"""

from __future__ import annotations

import csv
import enum
import errno
import functools
import io
import json
import re
import typing
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import fields

from .._time import Period
from ..convert import unstructure_entity
from ..errors import Problem, SourceError
from ..export import Writer
from ..model import ENTITY_TYPES, Entity, Provenance
from ..query import RelationKind
from ..sources import Record, SourceType, Unreadable
from .files import read_table
from .native import SECTIONS
from .writing import atomic_directory


if TYPE_CHECKING:
    from ..network import Network

__all__ = [
    "FORMAT",
    "FORMULA_STARTS",
    "MANIFEST",
    "RELATION_COLUMNS",
    "VERSION",
    "CsvDirectorySource",
    "columns_of",
    "csvdir_source",
    "csvdir_writer",
    "write_csvdir",
]

FORMAT = "waterketen-csv"
VERSION = 1
MANIFEST = "waterketen.json"
"""The file that names the format and version of the directory."""
RELATIONS = "relations"
"""The subdirectory of relation files (derived, not read back)."""
FILE_OF = {tag: f"{section}.csv" for section, tag in SECTIONS.items()}
"""The file of each kind of entity."""

_INTEGER = re.compile(r"[+-]?\d+")


def _kind_of(hint: Any) -> str:
    """How a field's cells are written: text, integer, number, boolean, list, period or plain."""
    if hint is Period:
        return "period"
    if typing.get_origin(hint) is tuple:
        return "list"
    args = {a for a in typing.get_args(hint) if a is not type(None)} or {hint}
    if args == {str}:
        return "text"
    if args == {bool}:
        return "boolean"
    if args == {int}:
        return "integer"
    if args == {float}:
        return "number"
    if all(isinstance(a, type) and issubclass(a, enum.Enum) for a in args):
        return "plain"
    return "plain"  # dates and partial dates: ISO text


@functools.cache
def field_kinds(tag: str) -> dict[str, str]:
    """The fields of an entity class and how each is written."""
    cls = ENTITY_TYPES[tag]
    hints = typing.get_type_hints(cls)
    return {a.name: _kind_of(hints[a.name]) for a in fields(cls)}


@functools.cache
def columns_of(tag: str) -> tuple[str, ...]:
    """The columns of the file of an entity kind, in their stable order.

    Examples:
        >>> from waterketen.formats.csvdir import columns_of
        >>> columns_of("membership")[:3], columns_of("membership")[-4:]
        (('id', 'member', 'group'), ('start', 'end', 'note', 'provenance'))
    """
    out: list[str] = []
    for name, kind in field_kinds(tag).items():
        out += ["start", "end"] if kind == "period" else [name]
    return tuple(out)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters with which a spreadsheet reads a cell as a formula (OWASP, CSV injection)."""


def encode_text(text: str) -> str:
    """A text as a cell: as it is, unless it is empty, begins with a double quote, or looks like a formula.

    A text that a spreadsheet would run as a formula (``=HYPERLINK(...)``,
    ``+cmd``, ``@SUM``) gets a leading apostrophe, as OWASP recommends, and so
    does a text that begins with an apostrophe itself: :func:`decode_text`
    takes exactly one off, so the round trip is exact.

    Examples:
        >>> encode_text("=1+1"), decode_text(encode_text("=1+1"))
        ("'=1+1", '=1+1')
        >>> encode_text("'s-Gravenhage"), decode_text(encode_text("'s-Gravenhage"))
        ("''s-Gravenhage", "'s-Gravenhage")
    """
    if not text or text.startswith('"'):
        return json.dumps(text, ensure_ascii=False)
    if text.startswith(("'", *FORMULA_STARTS)):
        return "'" + text
    return text


def decode_text(cell: str) -> str:
    """The text of a cell (see :func:`encode_text`); a cell that is not valid JSON stays as it is."""
    if cell.startswith("'"):
        return cell[1:]
    if cell.startswith('"'):
        try:
            value = json.loads(cell)
        except ValueError:
            return cell
        if isinstance(value, str):
            return value
    return cell


def _decode(kind: str, cell: str) -> Any:
    """The raw value of a cell for the converter; a cell it cannot read stays text, so the core says why."""
    if kind == "text":
        return decode_text(cell)
    if kind == "integer" and _INTEGER.fullmatch(cell.strip()):
        return int(cell)
    if kind == "number":
        try:
            return float(cell)
        except ValueError:
            return cell
    if kind == "boolean" and cell.lower() in ("true", "false"):
        return cell.lower() == "true"
    if kind == "list":
        try:
            return json.loads(cell)
        except ValueError:
            return cell
    return cell


def row_data(tag: str, header: tuple[str, ...], cells: tuple[str, ...]) -> dict[str, Any]:
    """The raw mapping of one row of an entity file: empty cells left out, the period put together."""
    kinds = field_kinds(tag)
    data: dict[str, Any] = {}
    period: dict[str, str] = {}
    for column, cell in zip(header, cells, strict=True):
        if cell == "":
            continue
        if column in ("start", "end") and kinds.get("period") == "period":
            period[column] = cell
        else:
            data[column] = _decode(kinds.get(column, "plain"), cell)
    if period:
        data["period"] = period
    return data


class CsvDirectorySource:
    """A directory written by the ``csvdir`` writer (or by hand in its layout)."""

    def __init__(self, path: str | PathLike[str], *, name: str | None = None) -> None:
        self.path = Path(path)
        self.name = name or str(path)

    def __repr__(self) -> str:
        return f"CsvDirectorySource({self.name!r})"

    def _check(self) -> None:
        if not self.path.is_dir():
            raise SourceError(Problem(source=self.name, reason="not a directory (a csv export is one)"))
        manifest = self.path / MANIFEST
        if manifest.exists():
            try:
                header = json.loads(manifest.read_text(encoding="utf-8-sig"))
            except (OSError, ValueError) as exc:
                raise SourceError(
                    Problem(source=self.name, place=MANIFEST, reason=f"cannot read it: {exc}")
                ) from None
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                got = header.get("format") if isinstance(header, dict) else header
                raise SourceError(
                    Problem(source=self.name, place=MANIFEST, reason=f"expected {FORMAT!r}, got {got!r:.80}")
                )
            if header.get("version") != VERSION:
                raise SourceError(
                    Problem(
                        source=self.name,
                        place=MANIFEST,
                        reason=f"expected version {VERSION}, got {header.get('version')!r:.80}",
                    )
                )
        known = set(FILE_OF.values())
        for path in sorted(self.path.glob("*.csv")):
            if path.name not in known:
                raise SourceError(
                    Problem(
                        source=self.name,
                        place=path.name,
                        reason=f"not a file of the format; the files are {', '.join(FILE_OF.values())}",
                    )
                )

    def records(self) -> Iterator[Record]:
        self._check()
        inside = self.path.resolve()
        for tag, filename in FILE_OF.items():
            path = self.path / filename
            if not path.exists() and not path.is_symlink():
                continue
            if path.is_symlink() or not path.resolve().is_relative_to(inside):
                reason = "a link, not a file inside the directory: it is not read"
                problem = Problem(source=self.name, place=filename, reason=reason)
                yield _unreadable(tag, problem, self.name, filename)
                continue
            try:
                table = read_table(path, name=f"{self.name}/{filename}")  # a spreadsheet may save it with ;
            except SourceError as exc:
                yield _unreadable(tag, exc.problem, self.name, filename)
                continue
            for number, cells, problem in table.bad:
                yield _unreadable(tag, problem, self.name, f"{filename} row {number}", cells)
            for number, cells in table.rows:
                place = f"{filename} row {number}"
                try:
                    data: Any = row_data(tag, table.header, cells)
                except RecursionError:
                    reason = "a cell is nested too deeply to read"
                    data = Unreadable(
                        problem=Problem(source=self.name, place=place, reason=reason), raw=cells
                    )
                yield Record(tag=tag, data=data, provenance=Provenance(source=self.name, locator=place))


def _unreadable(tag: str, problem: Problem, name: str, place: str, raw: Any = None) -> Record:
    return Record(
        tag=tag,
        data=Unreadable(problem=problem, raw=raw),
        provenance=Provenance(source=name, locator=place),
    )


def row_cells(entity: Entity) -> list[str]:
    """The cells of an entity's row, in the order of :func:`columns_of`."""
    data = unstructure_entity(entity)
    kinds = field_kinds(entity.tag)
    period = data.get("period", {})
    out = []
    for column in columns_of(entity.tag):
        if column in ("start", "end") and kinds.get("period") == "period":
            out.append(period.get(column, ""))
            continue
        value = data.get(column)
        kind = kinds[column]
        if value is None or (kind == "list" and not value):
            out.append("")
        elif kind == "text":
            out.append(encode_text(value))
        elif kind == "list":
            out.append(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        elif kind == "boolean":
            out.append("true" if value else "false")
        else:
            out.append(str(value))
    return out


RELATION_COLUMNS = ("source", "target", "via", "partial", "start", "end")
"""The columns of every relation file."""


def _csv_text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _write(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_files(network: Network, folder: Path) -> None:
    """Write the files of the export into an existing, empty ``folder``."""
    for tag, cls in ENTITY_TYPES.items():
        rows = [row_cells(e) for e in network.entities(cls)]
        _write(folder / FILE_OF[tag], _csv_text(columns_of(tag), rows))
    by_kind: dict[RelationKind, list[list[str]]] = {kind: [] for kind in RelationKind}
    for relation in network.relations():
        period = relation.period
        by_kind[relation.kind].append(
            [
                encode_text(relation.source),
                encode_text(relation.target),
                encode_text(relation.via),
                "true" if relation.partial else "false",
                "" if period.start is None else period.start.isoformat(),
                "" if period.end is None else period.end.isoformat(),
            ]
        )
    (folder / RELATIONS).mkdir()
    for kind, rows in by_kind.items():
        _write(folder / RELATIONS / f"{kind.value}.csv", _csv_text(RELATION_COLUMNS, rows))
    manifest = {"format": FORMAT, "version": VERSION, "files": sorted(FILE_OF.values())}
    _write(folder / MANIFEST, json.dumps(manifest, indent=2) + "\n")


def write_csvdir(network: Network, path: str | PathLike[str]) -> None:
    """Write the network as a directory of CSV files at ``path``, replacing a previous export.

    Raises:
        FileExistsError: ``path`` is a file, or a directory that is neither
            empty nor a csv export.
        OSError: the directory cannot be written.

    Examples:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp()) / "net"
        >>> wk.write(wk.load(), folder, "csvdir").name
        'csvdir'
        >>> wk.load(f"csvdir:{folder}") == wk.load()
        True
    """
    target = Path(path)
    if target.exists() and not (
        target.is_dir() and ((target / MANIFEST).is_file() or not any(target.iterdir()))
    ):
        raise FileExistsError(
            errno.EEXIST, "exists and is not a waterketen csv export; not replacing it", str(target)
        )
    with atomic_directory(target) as folder:
        write_files(network, folder)


def _writer(network: Network, path: Path) -> None:
    write_csvdir(network, path)


csvdir_source = SourceType(
    name="csvdir",
    description="the native format as a directory of CSV files, as the csvdir writer writes it",
    open=CsvDirectorySource,
    schemes=("csvdir",),
    aliases=("native-csv",),
)
csvdir_writer = Writer(
    name="csvdir",
    description="a directory of CSV files, one per kind of entity and of relation (read back as csvdir:PATH)",
    write=_writer,
    aliases=("csv",),
)
