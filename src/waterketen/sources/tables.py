"""Tables in: a spreadsheet saved as CSV, or an Excel workbook, read through a column mapping.

Public bodies publish lists such as "one row per municipality, with its
code, its name and its region". :class:`TableSource` reads such a table as it
is: the user names the columns that hold the member's code, name, group (the
cooperation, or region) and period, and each row becomes records (an
organisation, its group, a membership) that the core checks like any other.

The file may be separated by semicolons (as Dutch Excel saves it), commas,
tabs or bars (sniffed from the header row), start with a byte-order mark,
end its lines in CRLF, and be UTF-8, UTF-16 (with its mark) or Windows-1252.
Rows are numbered as a spreadsheet shows them: the header is row 1.
An ``.xlsx`` workbook (with openpyxl, the ``xlsx`` extra) is read from one
sheet, chosen by name (default: the first), through the same mapping; its
header may lie below a title, and every place names the sheet.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from .._time import DateLike, as_date
from ..errors import Problem, SourceError
from ..formats.files import Table, read_table
from ..model import OrgKind, Provenance
from ..query import normalise_name
from . import Record, SourceType, Unreadable
from ._rows import DUTCH_KINDS, Row
from ._tablecodes import RowResolver
from ._xlsxfile import XLSX_SUFFIXES, read_xlsx


if TYPE_CHECKING:
    from ..network import Network


__all__ = ["COLUMN_FIELDS", "TableSource", "open_table", "table_source"]

COLUMN_FIELDS = (
    "member_id",
    "member_code",
    "member_name",
    "member_kind",
    "member_start",
    "member_end",
    "group",
    "group_id",
    "cluster",
    "cluster_id",
    "start",
    "end",
)
"""What a column can hold: the fields of the mapping, in the order of the docs."""

_ALIASES = {"id": "member_id", "code": "member_code", "name": "member_name", "kind": "member_kind"}
"""Short names of mapped fields, used on the command line and in ``table:`` locations."""

_MEMBER_KEYS = ("member_id", "member_code", "member_name")
_ORG_KEYS = (*_MEMBER_KEYS, "member_kind", "member_start", "member_end")


class TableSource:
    """A table of members, one row each, read through a column mapping.

    Each row gives an organisation (its id, code, name, kind and period), the
    group it belongs to (a cooperation: the region), optionally a cluster of
    that cooperation, and the membership(s), with the period of the row.

    Args:
        path: the CSV file.
        member_id: the column of the organisation's id (default: made from
            its name, or else its code: ``"Het Hogeland"`` → ``het-hogeland``).
        member_code: the column of its official code, in ``scheme``. For
            ``cbs``, a number of up to four digits becomes ``GM`` and four
            digits (``5`` → ``GM0005``), as spreadsheets drop the zeros.
        member_name: the column of its name (needed unless ``define_members`` is false).
        member_kind: the column of its kind (``municipality``, ``water-board``,
            ... or the Dutch ``gemeente``, ``waterschap``, ``drinkwaterbedrijf``,
            ``provincie``); without it every member is of ``kind``.
        member_start, member_end: the columns of the organisation's own period.
        group: the column of the name of the cooperation (region) it is in.
        group_id: the column of that cooperation's id (default: made from its name).
        cluster: the column of the name of its cluster in that cooperation.
        cluster_id: the column of the cluster's id (default: made from its name).
        start, end: the columns of the period of the membership(s).
        kind: the kind of every member when no column gives it.
        scheme: the scheme of the codes (default ``cbs``).
        define_members: make an organisation record of each row; when false,
            the rows only refer to organisations another source defines.
        define_groups: make a record of each cooperation and cluster; when
            false, they must come from another source.
        end_inclusive: the end columns hold the last day (as many published
            lists do), not the day after; a year or month is kept as it is.
        delimiter: the separator (default: sniffed from the header row).
        encoding: the encoding (default: UTF-8, UTF-16 with a mark, or Windows-1252).
        sheet: the sheet of an ``.xlsx`` workbook (default: the first).
        name: the name errors use for the source (default: the path).
        resolve: resolve each row's code or name (unless the mapping names
            an id column) to an organisation of ``register``, whose id, name
            and kind the row's records then use; doubts are warnings.
        register: the organisations to resolve against (default:
            :func:`waterketen.resolution.default_network`, the national
            register when installed; a code it lacks is then warned about).
        on: the day the table is about, for names that denote several
            organisations over time.

    Dates may be ISO (``2019-01-01``, ``2019-01``, ``2019``) or day first
    (``1-1-2019``, ``01/01/2019``); ``unknown`` and ``onbekend`` are an
    unknown bound. Cells are stripped of spaces; an empty cell is no value.

    Raises:
        SourceError: the mapping is not usable (named on construction), or,
            when reading, the file or a mapped column is missing.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "gemeenten.csv"
        >>> _ = path.write_bytes("\\ufeffCode;Naam;Regio\\r\\n1;Noordwijk-Oost;Regio Oost\\r\\n".encode())
        >>> net = wk.load(wk.TableSource(path, member_code="Code", member_name="Naam", group="Regio"))
        >>> [(o.id, o.identifier("cbs")) for o in net.partners()]
        [('noordwijk-oost', 'GM0001')]
    """

    def __init__(
        self,
        path: str | PathLike[str],
        *,
        member_id: str | None = None,
        member_code: str | None = None,
        member_name: str | None = None,
        member_kind: str | None = None,
        member_start: str | None = None,
        member_end: str | None = None,
        group: str | None = None,
        group_id: str | None = None,
        cluster: str | None = None,
        cluster_id: str | None = None,
        start: str | None = None,
        end: str | None = None,
        kind: OrgKind | str = OrgKind.MUNICIPALITY,
        scheme: str = "cbs",
        define_members: bool = True,
        define_groups: bool = True,
        end_inclusive: bool = False,
        delimiter: str | None = None,
        encoding: str | None = None,
        sheet: str | None = None,
        name: str | None = None,
        resolve: bool = True,
        register: Network | None = None,
        on: DateLike | None = None,
    ) -> None:
        self.path = path
        self.name = name or str(path)
        self.columns: dict[str, str] = {
            key: value
            for key, value in {
                "member_id": member_id,
                "member_code": member_code,
                "member_name": member_name,
                "member_kind": member_kind,
                "member_start": member_start,
                "member_end": member_end,
                "group": group,
                "group_id": group_id,
                "cluster": cluster,
                "cluster_id": cluster_id,
                "start": start,
                "end": end,
            }.items()
            if value is not None
        }
        """The mapping: field → column name."""
        if not isinstance(kind, OrgKind | str):  # a caller without type checks may pass anything
            reason = f"kind must be an OrgKind or its name, such as 'municipality'; got {kind!r:.40}"  # type: ignore[unreachable]
            raise SourceError(Problem(source=self.name, field="kind", reason=reason))
        self.kind = kind.value if isinstance(kind, OrgKind) else DUTCH_KINDS.get(kind.lower(), kind)
        self.scheme = scheme
        self.define_members = define_members
        self.define_groups = define_groups
        self.end_inclusive = end_inclusive
        self.delimiter = delimiter
        self.encoding = encoding
        self.sheet = sheet
        self.resolve = resolve
        self.register = register
        self.on = on
        self.warnings: list[Problem] = []
        """The doubts of the last reading: codes that are none, names resolved by a fuzzy match, ..."""
        self._check()

    def __repr__(self) -> str:
        mapping = ", ".join(f"{k}={v!r}" for k, v in self.columns.items())
        return f"TableSource({self.name!r}, {mapping})"

    def _fail(self, reason: str, place: str | None = None) -> SourceError:
        return SourceError(Problem(source=self.name, place=place, reason=reason))

    def _check(self) -> None:
        columns = self.columns
        if not {"member_id", "member_code", "member_name"} & set(columns):
            raise self._fail(
                "name the column of the member's code, name or id "
                "(member_code=, member_name=, member_id=; on the command line --map code=COLUMN)"
            )
        if self.define_members and "member_name" not in columns:
            raise self._fail(
                "name the column of the member's name (member_name=, or --map name=COLUMN), "
                "or refer to members another source defines (define_members=False)"
            )
        if ("cluster" in columns or "cluster_id" in columns) and not {"group", "group_id"} & set(columns):
            raise self._fail(
                "a cluster is part of a cooperation: "
                "name the column of the group too (group=, or --map group=COLUMN)"
            )
        if self.define_groups and "group_id" in columns and "group" not in columns:
            raise self._fail(
                "name the column of the group's name (group=, or --map group=COLUMN), "
                "or refer to groups another source defines (define_groups=False)"
            )
        if self.define_groups and "cluster_id" in columns and "cluster" not in columns:
            raise self._fail(
                "name the column of the cluster's name (cluster=, or --map cluster=COLUMN), "
                "or refer to groups another source defines (define_groups=False)"
            )
        if self.kind not in {k.value for k in OrgKind}:
            choices = ", ".join(k.value for k in OrgKind)
            raise self._fail(f"kind must be one of {choices}; got {self.kind!r}")
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise self._fail(f"the delimiter must be one character; got {self.delimiter!r}")
        if self.sheet is not None and not self.workbook:
            raise self._fail(f"a sheet ({self.sheet!r}) is chosen only in an .xlsx workbook")

    @property
    def workbook(self) -> bool:
        """True when the table is an Excel workbook (``.xlsx``), read with openpyxl."""
        return str(self.path).lower().endswith(XLSX_SUFFIXES)

    def _table(self) -> Table:
        if self.workbook:
            return read_xlsx(self.path, name=self.name, sheet=self.sheet, columns=self.columns.values())
        return read_table(self.path, name=self.name, delimiter=self.delimiter, encoding=self.encoding)

    @classmethod
    def from_options(cls, path: str | PathLike[str], options: Mapping[str, str]) -> TableSource:
        """A table source from text options, as the command line and ``table:`` locations give them.

        Keys are the mapped fields (``code``, ``name``, ``id``, ``kind``,
        ``group``, ``group-id``, ``cluster``, ``cluster-id``, ``start``,
        ``end``, ``member-start``, ``member-end``, or their long names such as
        ``member_code``), whose values are column names, and the settings
        ``type`` (the kind of every member), ``scheme``, ``delimiter``
        (``tab`` for a tab), ``encoding``, ``sheet`` (of an ``.xlsx``
        workbook), ``at`` (the day of the table),
        ``end-inclusive``, ``define-members``, ``define-groups`` and
        ``resolve`` (``true`` or ``false``).

        Raises:
            SourceError: an unknown key or a bad value.

        Examples:
            >>> wk.TableSource.from_options("g.csv", {"code": "Gemeentecode", "name": "Gemeentenaam"})
            TableSource('g.csv', member_code='Gemeentecode', member_name='Gemeentenaam')
        """
        name = str(path)
        kwargs: dict[str, Any] = {}
        for raw_key, value in options.items():
            key = raw_key.strip().lower().replace("-", "_")
            key = _ALIASES.get(key, key)
            if key in COLUMN_FIELDS:
                kwargs[key] = value
            elif key in ("type", "scheme", "encoding", "sheet"):
                kwargs["kind" if key == "type" else key] = value
            elif key in ("delimiter", "sep"):
                kwargs["delimiter"] = "\t" if value.lower() in ("tab", "\\t") else value
            elif key == "at":
                kwargs["on"] = value
            elif key in ("end_inclusive", "define_members", "define_groups", "resolve"):
                if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
                    raise SourceError(
                        Problem(source=name, field=raw_key, reason=f"expected true or false; got {value!r}")
                    )
                kwargs[key] = value.lower() in ("true", "yes", "1")
            else:
                known = sorted(
                    {*COLUMN_FIELDS, *_ALIASES, "type", "scheme", "delimiter", "encoding", "sheet"}
                )
                raise SourceError(
                    Problem(
                        source=name,
                        field=raw_key,
                        reason=f"not an option of a table; the options are {', '.join(known)}, "
                        "end-inclusive, define-members, define-groups, resolve, at",
                    )
                )
        return cls(path, **kwargs)

    # -- reading -------------------------------------------------------------------------------------

    def _indexes(self, table: Table) -> dict[str, int]:
        exact = {column: index for index, column in enumerate(table.header)}
        loose = {normalise_name(column): index for index, column in enumerate(table.header)}
        out = {}
        for key, column in self.columns.items():
            index = exact.get(column.strip(), loose.get(normalise_name(column)))
            if index is None:
                raise self._fail(
                    f"no column {column!r} (for {key}); the columns are {', '.join(map(repr, table.header))}",
                    place=f"{_where(table)}row {table.header_row}",
                )
            out[key] = index
        return out

    def records(self) -> Iterator[Record]:
        table = self._table()
        indexes = self._indexes(table)
        where = _where(table)
        defined: dict[str, dict[str, Any]] = {}
        membership_ids: set[str] = set()
        source = Path(self.path).name
        resolver = RowResolver(
            source=self.name,
            columns=self.columns,
            scheme=self.scheme,
            kind=self.kind,
            register=self.register,
            resolve=self.resolve and "member_id" not in self.columns,
            on=None if self.on is None else as_date(self.on),
        )
        self.warnings = resolver.warnings
        for number, cells, problem in table.bad:
            place = Provenance(source=self.name, locator=f"{where}row {number}")
            yield Record(tag="?", data=Unreadable(problem=problem, raw=cells), provenance=place)
        for number, cells in table.rows:
            row = Row(self, number, cells, indexes, where)
            provenance = [{"source": source, "locator": f"{where}row {number}"}]
            code = resolver.code(number, row.text("member_code"))
            match = resolver.match(number, code, row.text("member_name"), row.kind())
            member = row.member_id() if match is None else match.id
            if self.define_members:
                data: dict[str, Any] = {"id": member, "name": row.text("member_name"), "kind": row.kind()}
                if match is not None:  # the organisation the row's code or name denotes
                    data |= {"name": match.name, "kind": match.kind.value}
                    if row.text("member_name") not in (None, match.name):
                        data["other_names"] = [row.text("member_name")]
                    code = code or match.identifier(self.scheme)
                if code is not None:
                    data["identifiers"] = [{"scheme": self.scheme, "value": code}]
                period = row.period("member_start", "member_end")
                if period:
                    data["period"] = period
                data["provenance"] = provenance
                yield row.record("organisation", data, _ORG_KEYS)
            group = row.group_id("group", "group_id")
            cluster = row.group_id("cluster", "cluster_id")
            if cluster is not None and group is None:
                row.bad.update(k for k in ("group", "group_id") if k in self.columns)
            groups = [
                (group_id, tag, used)
                for group_id, tag, used in (
                    (group, "cooperation", ("group", "group_id")),
                    (cluster, "cluster", ("cluster", "cluster_id", "group", "group_id")),
                )
                if group_id is not None
            ]
            for group_id, tag, used in groups:
                if self.define_groups:
                    data = {"id": group_id, "name": row.text(used[0])}
                    if tag == "cluster":
                        data["cooperation"] = group
                    if defined.get(group_id) != data:
                        defined[group_id] = data
                        yield row.record(tag, {**data, "provenance": provenance}, used)
                membership_id = f"{member}@{group_id}"
                if membership_id in membership_ids:
                    membership_id = f"{membership_id}#{number}"
                membership_ids.add(membership_id)
                data = {"id": membership_id, "member": member, "group": group_id}
                period = row.period("start", "end")
                if period:
                    data["period"] = period
                data["provenance"] = provenance
                yield row.record("membership", data, (*_MEMBER_KEYS, *used, "start", "end"))


def open_table(location: str) -> TableSource:
    """A table source from a location: a path, with options after ``?`` for a ``table:`` location.

    Without options, mapped fields are found by their own names in the
    header (``code``, ``name``, ``group``, ``start``, ...).
    """
    path, question, query = location.partition("?")
    if question and Path(location).is_file():  # a file whose name has a "?" in it, not options
        path, question, query = location, "", ""
    options = dict(parse_qsl(query, keep_blank_values=True)) if question else {}
    if not any(
        _ALIASES.get(k.lower().replace("-", "_"), k.lower().replace("-", "_")) in COLUMN_FIELDS
        for k in options
    ):
        options = {**_header_options(path, options), **options}
    return TableSource.from_options(path, options)


def _where(table: Table) -> str:
    """The start of a place in the table: the sheet of a workbook."""
    return f"sheet {table.sheet!r}, " if table.sheet is not None else ""


def _header_options(path: str, options: Mapping[str, str]) -> dict[str, str]:
    """A mapping from a table whose header names the fields (``code``, ``name``, ``group``, ...)."""
    try:
        sheet = next((v for k, v in options.items() if k.strip().lower() == "sheet"), None)
        table = read_xlsx(path, sheet=sheet) if path.lower().endswith(XLSX_SUFFIXES) else read_table(path)
    except SourceError:
        return {"name": "name"}  # reading it again in records() reports the problem
    names = {normalise_name(c).replace(" ", "_"): c for c in table.header}
    out = {}
    for field in COLUMN_FIELDS:
        short = next((a for a, f in _ALIASES.items() if f == field), None)
        for candidate in (field, short):
            if candidate is not None and candidate in names:
                out[field] = names[candidate]
                break
    return out or {"name": "name"}


table_source = SourceType(
    name="table",
    description="a CSV table or .xlsx sheet of members, through a column mapping "
    "(table:members.csv?code=Code&name=Naam, table:members.xlsx?sheet=Leden&...)",
    open=open_table,
    schemes=("table",),
    suffixes=(".csv", ".tsv", *XLSX_SUFFIXES),
)
