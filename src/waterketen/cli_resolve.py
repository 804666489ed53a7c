"""``waterketen resolve FILE --column NAME``: resolve a column of a spreadsheet.

One job: read a CSV (or TSV) table, resolve the names or codes of one of
its columns with :func:`waterketen.explain`, and write the table back with
the columns ``code``, ``id``, ``rule``, ``score``, ``successors`` (the
organisations that are it today: itself while it exists, else what it went
to) and ``note`` (why a row has no match) added. An added column whose name
the table already has is called ``<name>_resolved``.

Examples:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.csv"
    >>> _ = path.write_text("Gemeente;Nummer\\nGemeente Bedum;1\\nde Pekala's;2\\n")
    >>> header, rows = resolve_table(path, "Gemeente", today=wk.model.parse_instant("2026-12-01"))
    >>> header[2:]
    ('code', 'id', 'rule', 'score', 'successors', 'note')
    >>> [row[2:7] for row in rows]
    [('GM0005', 'bedum', 'normalised', '1', 'het-hogeland'), ('GM0765', 'pekela', 'fuzzy', '0.83', 'pekela')]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from os import PathLike
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from .formats.files import Table
    from .model import Organisation
    from .network import Network
    from .resolution import Outcome

__all__ = ["COLUMNS", "add_arguments", "resolve_table", "run"]

COLUMNS = ("code", "id", "rule", "score", "successors", "note")
"""The columns the command adds, in order."""

_PREFERRED_SCHEMES = ("cbs", "kadaster", "kadaster-bgt")


def add_arguments(parser: argparse.ArgumentParser, day: Callable[[str], date]) -> None:
    """The arguments of the command (``day`` parses ``--at``)."""
    add = parser.add_argument
    add("file", metavar="FILE", help="the CSV or TSV table ('-' for standard input)")
    add("--column", required=True, metavar="NAME", help="the column of names or codes")
    add("--at", type=day, metavar="DATE", help="the day the table is about, YYYY-MM-DD (default: all time)")
    add("--kind", metavar="KIND", help="only organisations of this kind (municipality, gemeente, ...)")
    add("-o", "--output", default="-", metavar="OUT", help="where to write (default: '-', stdout)")
    add("--delimiter", metavar="CHAR", help="the separator (default: sniffed; 'tab' for a tab)")
    add("--encoding", metavar="NAME", help="the encoding (default: UTF-8, UTF-16 or Windows-1252)")
    add(
        "--network",
        action="append",
        default=[],
        metavar="SOURCE",
        help="resolve against these sources (default: the national register, or the embedded dataset)",
    )


def resolve_table(
    path: str | PathLike[str],
    column: str,
    *,
    on: date | None = None,
    kind: str | None = None,
    network: Network | None = None,
    today: date | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The table with the resolution of ``column`` added: its header and its rows.

    Raises:
        SourceError: the file cannot be read, or has no column ``column``
            (the error names the file, row 1 and the columns it has).
        ValueError: ``kind`` is no kind of organisation.
    """
    header, rows, _ = _resolved(
        path, column, on=on, kind=kind, network=network, today=today, delimiter=delimiter, encoding=encoding
    )
    return header, rows


def _resolved(
    path: str | PathLike[str],
    column: str,
    *,
    on: date | None,
    kind: str | None,
    network: Network | None,
    today: date | None,
    delimiter: str | None,
    encoding: str | None,
) -> tuple[tuple[str, ...], list[tuple[str, ...]], str]:
    from .errors import Problem, SourceError
    from .formats.files import read_table
    from .query import normalise_name
    from .resolution import default_network, explain

    name = os.fspath(path)
    if name == "-":
        table = _read_stdin(delimiter=delimiter, encoding=encoding)
    else:
        table = read_table(path, name=name, delimiter=delimiter, encoding=encoding)
    if table.bad:  # a row that cannot be written back whole: say where, write nothing
        raise SourceError(table.bad[0][2])
    index = {c: i for i, c in enumerate(table.header)}
    loose = {normalise_name(c): i for i, c in enumerate(table.header)}
    at = index.get(column.strip(), loose.get(normalise_name(column)))
    if at is None:
        columns = ", ".join(map(repr, table.header))
        raise SourceError(
            Problem(
                source=name,
                place="row 1",
                field=column,
                reason=f"no column {column!r}; the columns are {columns}",
            )
        )
    net = network if network is not None else default_network()
    today = today or date.today()
    header = table.header + tuple(c if c not in table.header else f"{c}_resolved" for c in COLUMNS)
    rows = []
    remembered: dict[str, tuple[str, ...]] = {}
    for _, cells in table.rows:
        text = cells[at].strip()
        if text not in remembered:
            outcome = explain(text, on=on, kind=kind, network=net) if text else None
            remembered[text] = _cells(net, outcome, today) if outcome else ("",) * len(COLUMNS)
        rows.append(tuple(cells) + remembered[text])
    return header, rows, table.delimiter


def _read_stdin(*, delimiter: str | None, encoding: str | None) -> Table:
    """The table on standard input (``FILE`` is ``-``)."""
    import tempfile
    from pathlib import Path

    from .formats.files import read_table

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stdin.csv"
        path.write_bytes(sys.stdin.buffer.read())
        return read_table(path, name="<stdin>", delimiter=delimiter, encoding=encoding)


def _cells(net: Network, outcome: Outcome, today: date) -> tuple[str, ...]:
    best = outcome.best
    if best is None:
        codes = {_code(c.organisation, c.matched) for c in outcome.candidates}
        code = codes.pop() if len(codes) == 1 else ""  # GM0014 is one code for both Groningens
        from ._resolving import command_words

        return (code, "", "", "", "", command_words(outcome.reason))
    org = best.organisation
    score = f"{best.score:.2f}".rstrip("0").rstrip(".")
    return (_code(org, best.matched), org.id, best.rule.value, score, _today(net, org, today), "")


def _code(org: Organisation, matched: str) -> str:
    for identifier in org.identifiers:
        if str(identifier) == matched:
            return identifier.value
    for scheme in _PREFERRED_SCHEMES:
        value = org.identifier(scheme)
        if value is not None:
            return value
    return org.identifiers[0].value if org.identifiers else ""


def _today(net: Network, org: Organisation, today: date) -> str:
    """The organisations that are ``org`` today: itself while it exists, else its successors then."""
    if org.period.contains(today):
        return org.id
    found: list[str] = []
    for succession in net.successors(org.id, transitive=True):
        successor = succession.organisation
        if getattr(successor, "period", None) is not None and successor.period.contains(today):  # type: ignore[union-attr]
            label = successor.id + (" (part)" if succession.partial else "")
            if label not in found and successor.id not in [f.split(" ")[0] for f in found]:
                found.append(label)
    return "; ".join(found)


def run(args: argparse.Namespace) -> int:
    """Run ``waterketen resolve``; return its exit code."""
    network = None
    if args.network:
        from .loading import load

        network = load(*args.network)
    delimiter = "\t" if args.delimiter in ("tab", "\\t") else args.delimiter
    if delimiter is None and str(args.file).lower().endswith(".tsv"):
        delimiter = "\t"
    try:
        header, rows, separator = _resolved(
            args.file,
            args.column,
            on=args.at,
            kind=args.kind,
            network=network,
            today=None,
            delimiter=delimiter,
            encoding=args.encoding,
        )
    except ValueError as exc:  # a kind that is none
        from .errors import WaterketenError

        if isinstance(exc, WaterketenError):
            raise
        print(f"waterketen resolve: error: {exc}", file=sys.stderr)
        return 2
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        _write(args.output, text)
        unresolved = sum(1 for row in rows if not row[len(header) - len(COLUMNS) + 1])
        print(f"resolved {len(rows) - unresolved} of {len(rows)} rows into {args.output}", file=sys.stderr)
    return 0


def _write(path: str, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file beside it, then renamed)."""
    import tempfile
    from pathlib import Path

    target = Path(path)
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.", delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, target)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, path) from None
