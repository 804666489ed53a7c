"""CSV out: a directory with a file per kind of entity and per kind of relation.

The layout and the cells are described in :mod:`waterketen.sources.csvdir`,
which reads the directory back (``csvdir:PATH``) into an equal network.
Relation files (``relations/member-of.csv``, ...) have the columns
``source, target, via, partial, start, end``.

The directory is written beside its place and moved there when complete; an
existing directory is replaced only when it is itself a csv export (it has
the ``waterketen.json`` file) or empty.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import tempfile
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from .._relations import RelationKind
from ..model import ENTITY_TYPES
from ..sources.csvdir import FILE_OF, FORMAT, MANIFEST, RELATIONS, VERSION, columns_of, encode_text, row_cells
from . import Writer


if TYPE_CHECKING:
    from ..network import Network

__all__ = ["RELATION_COLUMNS", "csv_writer", "write_csv"]

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


def write_csv(network: Network, path: str | PathLike[str]) -> None:
    """Write the network as a directory of CSV files at ``path``, replacing a previous export.

    Raises:
        FileExistsError: ``path`` is a file, or a directory that is neither
            empty nor a csv export.
        OSError: the directory cannot be written.

    Examples:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp()) / "net"
        >>> wk.write(wk.load(), folder, "csv").name
        'csv'
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
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        temporary.chmod(0o777 & ~umask)  # mkdtemp makes it private; an export is not
        write_files(network, temporary)
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
            os.replace(target, old / "previous")
            os.replace(temporary, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _writer(network: Network, path: Path) -> None:
    write_csv(network, path)


csv_writer = Writer(
    name="csv",
    description="a directory of CSV files, one per kind of entity and of relation (read back as csvdir:PATH)",
    write=_writer,
)
