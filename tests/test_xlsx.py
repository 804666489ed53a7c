"""Spreadsheets as they are published: .xlsx workbooks through the same column mapping as CSV tables."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import waterketen as wk
from waterketen.sources._xlsxfile import read_xlsx


openpyxl = pytest.importorskip("openpyxl")

HEADER = ("Gemeentecode", "Gemeentenaam", "Regio", "Einddatum")
ROWS: tuple[tuple[Any, ...], ...] = (
    (9901, "Voorbeeldstad", "Regio Proef", None),
    (9902, "Proefdorp", "Regio Proef", datetime(2018, 12, 31)),
)
"""Made-up municipalities (codes 99xx are no real CBS codes)."""


def workbook(path: Path, sheets: dict[str, list[tuple[Any, ...]]]) -> Path:
    """Write a workbook with the given sheets (the first is the active one)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def members(tmp_path: Path) -> Path:
    """A workbook with a title above the table, a second sheet and a date cell."""
    return workbook(
        tmp_path / "gemeenten.xlsx",
        {
            "Toelichting": [("Made-up list for a test",)],
            "Leden": [("Gemeenten in de regio (proef)",), (), HEADER, *ROWS],
        },
    )


MAPPING = {"member_code": "Gemeentecode", "member_name": "Gemeentenaam", "group": "Regio"}


class TestReading:
    def test_same_mapping_as_csv(self, members: Path, tmp_path: Path) -> None:
        """A sheet loads through the mapping of a CSV table and gives the same network."""
        xlsx = wk.load(wk.TableSource(members, sheet="Leden", end="Einddatum", end_inclusive=True, **MAPPING))
        csv = tmp_path / "gemeenten.csv"
        csv.write_text(
            ";".join(HEADER) + "\n9901;Voorbeeldstad;Regio Proef;\n9902;Proefdorp;Regio Proef;31-12-2018\n",
            encoding="utf-8",
        )
        from_csv = wk.load(wk.TableSource(csv, end="Einddatum", end_inclusive=True, **MAPPING))
        assert [(o.id, o.identifier("cbs")) for o in xlsx.partners(on="2019-06-01")] == [
            ("voorbeeldstad", "GM9901")
        ]
        assert xlsx.get("proefdorp@regio-proef", wk.Membership).period.end == date(2019, 1, 1)
        assert [attrs.evolve(e, provenance=()) for e in xlsx] == [
            attrs.evolve(e, provenance=()) for e in from_csv
        ]

    def test_places_name_the_sheet_and_row(self, members: Path) -> None:
        """Every record names the sheet and the row, as the spreadsheet numbers it."""
        net = wk.load(wk.TableSource(members, sheet="Leden", **MAPPING))
        assert [p.locator for p in net.origin("voorbeeldstad")] == ["sheet 'Leden', row 4"]

    def test_a_table_location(self, members: Path) -> None:
        """``table:file.xlsx?sheet=...`` carries the sheet and the mapping."""
        net = wk.load(f"table:{members}?sheet=leden&code=Gemeentecode&name=Gemeentenaam&group=Regio")
        assert len(net.partners()) == 2

    def test_the_first_sheet_by_default(self, tmp_path: Path) -> None:
        """Without a sheet, the first is read; a header of field names needs no mapping."""
        path = workbook(tmp_path / "m.xlsx", {"Blad1": [("code", "name", "group"), (5, "Testdorp", "Proef")]})
        net = wk.load(path)
        (row,) = net.entities(wk.Organisation)  # code 5 resolves to GM0005 (Bedum); the row's name is kept
        assert row.identifier("cbs") == "GM0005"
        assert "Testdorp" in {row.name, *map(str, row.other_names)}

    def test_cells_as_text(self, tmp_path: Path) -> None:
        """Numbers, dates and empty cells read as a CSV export of them would hold them."""
        path = workbook(
            tmp_path / "c.xlsx", {"S": [("a", "b", "c", None), (5.0, date(2019, 1, 1), None, "x")]}
        )
        table = read_xlsx(path)
        assert (table.header, table.rows, table.sheet) == (
            ("a", "b", "c"),
            ((2, ("5", "2019-01-01", "")),),
            "S",
        )


class TestErrors:
    def test_a_bad_cell(self, tmp_path: Path) -> None:
        """A bad cell rejects its record, naming the file, sheet, row and column, and the others load."""
        path = workbook(
            tmp_path / "g.xlsx", {"Leden": [HEADER, *ROWS, (9903, "Foutdorp", "Regio Proef", "gisteren")]}
        )
        net = wk.load(wk.TableSource(path, end="Einddatum", **MAPPING), strict=False)
        assert net.report is not None
        (rejected,) = net.report.rejected
        (problem,) = rejected.problems
        assert (problem.source, problem.place) == (str(path), "sheet 'Leden', row 4, column 'Einddatum'")
        assert "gisteren" in problem.reason
        assert rejected.record.tag == "membership"
        assert len(net.entities(wk.Organisation)) == 3

    def test_no_such_sheet(self, members: Path) -> None:
        """A sheet that is not there is an error listing the sheets."""
        with pytest.raises(wk.LoadError, match="no sheet 'Members'; the sheets are 'Toelichting', 'Leden'"):
            wk.load(wk.TableSource(members, sheet="Members", **MAPPING))

    def test_no_such_column(self, members: Path) -> None:
        """A mapped column that is not in the header names the sheet and the header's row."""
        with pytest.raises(wk.LoadError) as error:
            wk.load(wk.TableSource(members, sheet="Toelichting", **MAPPING))
        (problem,) = error.value.problems
        assert problem.place == "sheet 'Toelichting', row 1"
        assert "no column 'Gemeentecode'" in problem.reason

    def test_not_a_workbook(self, tmp_path: Path) -> None:
        """Bytes that are not a workbook are one located error."""
        path = tmp_path / "kapot.xlsx"
        path.write_bytes(b"PK\x03\x04 not really a zip")
        with pytest.raises(wk.LoadError, match="not an Excel workbook"):
            wk.load(wk.TableSource(path, **MAPPING))

    def test_a_sheet_of_a_csv_file(self) -> None:
        """Only a workbook has sheets."""
        with pytest.raises(wk.SourceError, match=r"only in an \.xlsx workbook"):
            wk.TableSource("g.csv", sheet="Leden", **MAPPING)

    def test_without_openpyxl(self, members: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without openpyxl, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(wk.LoadError, match=r"pip install 'waterketen\[xlsx\]'"):
            wk.load(wk.TableSource(members, **MAPPING))


def test_the_command_line(members: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--map`` and ``--table-option sheet=`` apply to an .xlsx source too."""
    from waterketen.cli import main

    code = main(
        [
            "partners",
            str(members),
            "--map",
            "code=Gemeentecode",
            "--map",
            "name=Gemeentenaam",
            "--map",
            "group=Regio",
            "--table-option",
            "sheet=Leden",
            "--format",
            "csv",
        ]
    )
    assert code == 0
    assert "voorbeeldstad,Voorbeeldstad" in capsys.readouterr().out
