"""The answer to a question: a small table that renders as JSON, CSV or aligned text."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, TypeAlias

from attrs import field, frozen


__all__ = ["FORMATS", "LIST_SEPARATOR", "Answer", "Cell", "table"]

Cell: TypeAlias = str | int | float | bool | tuple[str, ...] | None
"""A value in an answer: text, a number, true/false, nothing, or a list of texts."""

FORMATS = ("table", "json", "csv")
"""The formats an answer can be rendered in."""

LIST_SEPARATOR = ";"
"""What joins the items of a list in a CSV cell."""


def _freeze(extra: Mapping[str, Any]) -> dict[str, Any]:
    return dict(extra)


@frozen(kw_only=True)
class Answer:
    """The answer to one question: a table with named columns.

    Attributes:
        command: the question, as the command line names it (``"partners"``).
        at: the day the question was asked about; ``None`` for all time.
        columns: the names of the columns, in their stable order.
        rows: one tuple of cells per row, in the order of ``columns``.
        extra: further top-level values of the JSON form (``validate`` uses it).
    """

    command: str
    at: date | None
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    extra: Mapping[str, Any] = field(factory=dict, converter=_freeze)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Cell]]:
        """The rows as mappings from column to cell."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_json(self) -> dict[str, Any]:
        """The JSON form: ``{"command", "at", "columns", "rows", ...extra}``.

        Lists are JSON arrays, nothing is ``null``; each row is an object with
        every column, in column order.

        Examples:
            >>> answer = wk.answers.cluster_of(wk.load(), "bedum", on="2016-01-01")
            >>> answer.to_json()["rows"][0]["cluster"]
            'gnd-bmwe'
        """
        return {
            "command": self.command,
            "at": None if self.at is None else self.at.isoformat(),
            "columns": list(self.columns),
            "rows": [{c: _json_cell(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows],
            **self.extra,
        }

    def dumps(self, *, indent: int | None = 2) -> str:
        """The JSON form as text, ending in a newline."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent) + "\n"

    def to_csv(self) -> str:
        """The rows as CSV with a header row; list items joined by ``;``, nothing as an empty cell.

        Examples:
            >>> print(wk.answers.bodies(wk.load(), on="2016-01-01").to_csv().splitlines()[1])
            gnd-regiegroep,Regiegroep,steering-group,groningen-noord-drenthe,,11,..2014,2019-04-12..
        """
        import csv  # only the CSV format needs it

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows([_csv_cell(v) for v in row] for row in self.rows)
        return out.getvalue()

    def to_table(self) -> str:
        """The rows as an aligned text table for the terminal."""
        return table(self.columns, self.rows)

    def render(self, format: str) -> str:
        """The answer in one of :data:`FORMATS`.

        Raises:
            ValueError: the format is not one of them.
        """
        if format == "json":
            return self.dumps()
        if format == "csv":
            return self.to_csv()
        if format == "table":
            return self.to_table()
        raise ValueError(f"expected a format of {', '.join(FORMATS)}; got {format!r}")


def _json_cell(value: Cell) -> Any:
    return list(value) if isinstance(value, tuple) else value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = LIST_SEPARATOR.join(value) if isinstance(value, tuple) else str(value)
    # A text a spreadsheet would run as a formula gets a leading apostrophe (OWASP, CSV injection).
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split())  # one line per row, whatever the text holds


def table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """An aligned text table: a header, then one line per row (lists joined by commas).

    Examples:
        >>> print(table(("id", "seats"), [("regiegroep", 11), ("waterteam", None)]))
        id          seats
        regiegroep  11
        waterteam
    """
    lines = [list(columns), *([_text(v) for v in row] for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(columns))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
