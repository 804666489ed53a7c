"""Reading the cells of an Excel workbook (``.xlsx``) as a table, with openpyxl (the ``xlsx`` extra).

openpyxl is imported on first use, so the core starts without it. A cell
becomes the text a CSV export of it would hold: a whole number its digits
(``5``, not ``5.0``), a date its ISO day, ``true`` or ``false``, an empty
cell the empty text. Formulas give their last computed value.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import Problem, SourceError
from ..formats.files import Table
from ..query import normalise_name


__all__ = ["XLSX_SUFFIXES", "cell_text", "read_xlsx"]

XLSX_SUFFIXES = (".xlsx", ".xlsm")
"""The suffixes of the workbooks a table source reads with openpyxl."""

_HEADER_SEARCH = 20
"""How many rows from the top the header may be, below a title."""


def cell_text(value: Any) -> str:
    """The text of a cell's value, as a CSV export would hold it.

    Examples:
        >>> from datetime import datetime
        >>> [cell_text(v) for v in (None, 5, 5.0, 2.5, True, datetime(2019, 1, 1), " Bedum ")]
        ['', '5', '5', '2.5', 'true', '2019-01-01', ' Bedum ']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _openpyxl(name: str) -> Any:
    try:
        import openpyxl
    except ImportError:
        raise SourceError(
            Problem(
                source=name,
                reason="reading .xlsx needs openpyxl, the 'xlsx' extra: pip install 'waterketen[xlsx]'",
            )
        ) from None
    return openpyxl


def read_xlsx(
    path: str | PathLike[str],
    *,
    name: str | None = None,
    sheet: str | None = None,
    columns: Collection[str] = (),
) -> Table:
    """Read the cells of one sheet of a workbook.

    Args:
        path: the ``.xlsx`` file.
        name: the name errors use for it (default: the path).
        sheet: the name of the sheet (default: the first).
        columns: the column names the caller looks for. The header is the
            first row, within the top 20, that has them all (so a title above
            the table is skipped); without them, the first row that is not empty.

    Returns:
        The table, rows numbered as the sheet numbers them, ``sheet`` its name.
        Columns without a name in the header are left out.

    Raises:
        SourceError: openpyxl is not installed, the file is not a workbook,
            the sheet does not exist, or the sheet has no header row.
    """
    name = name or str(path)
    openpyxl = _openpyxl(name)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(
            Problem(source=name, reason=f"cannot read the file ({exc.strerror or exc})")
        ) from None
    import io

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl's own errors: the file is not a workbook
        raise SourceError(
            Problem(source=name, reason=f"not an Excel workbook (.xlsx): {type(exc).__name__}: {exc}"[:300])
        ) from None
    try:
        names = list(book.sheetnames)
        if sheet is None:
            if not names:
                raise SourceError(Problem(source=name, reason="the workbook has no sheets"))
            sheet = names[0]
        elif sheet not in names:
            by_name = {normalise_name(n): n for n in names}
            if normalise_name(sheet) not in by_name:
                raise SourceError(
                    Problem(
                        source=name,
                        field="sheet",
                        reason=f"no sheet {sheet!r}; the sheets are {', '.join(map(repr, names))}",
                    )
                )
            sheet = by_name[normalise_name(sheet)]
        try:
            cells = [
                (number, tuple(cell_text(v) for v in values))
                for number, values in enumerate(book[sheet].iter_rows(values_only=True), start=1)
            ]
        except Exception as exc:  # a damaged sheet
            raise SourceError(
                Problem(
                    source=name,
                    place=f"sheet {sheet!r}",
                    reason=f"cannot read the sheet: {type(exc).__name__}: {exc}"[:300],
                )
            ) from None
    finally:
        book.close()
    return _table(cells, name, sheet, columns)


def _table(
    cells: list[tuple[int, tuple[str, ...]]], name: str, sheet: str, columns: Collection[str]
) -> Table:
    filled = [(number, row) for number, row in cells if any(c.strip() for c in row)]
    wanted = {normalise_name(c) for c in columns}
    header_at = None
    for position, (_, row) in enumerate(filled[:_HEADER_SEARCH]):
        if not wanted or wanted <= {normalise_name(c) for c in row}:
            header_at = position
            break
    if header_at is None:
        header_at = 0  # the caller names the columns it misses
    if not filled:
        raise SourceError(
            Problem(source=name, place=f"sheet {sheet!r}, row 1", reason="the sheet has no header row")
        )
    header_number, header_row = filled[header_at]
    keep = [index for index, cell in enumerate(header_row) if cell.strip()]
    header = tuple(header_row[i].strip() for i in keep)
    rows = []
    for number, row in filled[header_at + 1 :]:
        picked = tuple(row[i] if i < len(row) else "" for i in keep)
        if any(c.strip() for c in picked):
            rows.append((number, picked))
    return Table(header=header, rows=tuple(rows), delimiter="", sheet=sheet, header_row=header_number)
