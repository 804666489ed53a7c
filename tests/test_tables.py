"""Tables in: spreadsheets of members, as public bodies publish them, read through a column mapping.

The tables here are written in that style (Dutch headers, semicolons, a
byte-order mark, CRLF, Windows-1252, day-first dates). Their names and codes
are synthetic (GM99xx is no CBS code); no real fact is stated.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen.testing import names


HEADER = ["Gemeentecode", "Gemeentenaam", "Provincie", "Regio", "Ingangsdatum", "Einddatum"]
ROWS = [
    ["9901", "Voorbeeldstad", "Proefland", "Regio Noord", "1-1-2015", ""],
    ["GM9902", "Proefdorp", "Proefland", "Regio Noord", "01-01-2015", "31-12-2018"],
    ["9903", "Testmeer aan Zee", "Proefland", "Regio Zuid", "2016", ""],
]
MAPPING = {
    "member_code": "Gemeentecode",
    "member_name": "Gemeentenaam",
    "group": "Regio",
    "start": "Ingangsdatum",
    "end": "Einddatum",
}


def write_table(
    path: Path,
    rows: list[list[str]],
    *,
    header: list[str] = HEADER,
    delimiter: str = ";",
    encoding: str = "utf-8-sig",
    newline: str = "\r\n",
) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def load(path: Path, **options: object) -> wk.Network:
    return wk.load(wk.TableSource(path, **{**MAPPING, **options}))  # type: ignore[arg-type]


class TestReading:
    def test_dutch_spreadsheet(self, tmp_path: Path) -> None:
        """A semicolon table with a BOM, CRLF and Dutch headers loads through the mapping."""
        net = load(write_table(tmp_path / "gemeenten.csv", ROWS))
        assert [(c.id, c.name) for c in net.entities(wk.Cooperation)] == [
            ("regio-noord", "Regio Noord"),
            ("regio-zuid", "Regio Zuid"),
        ]
        orgs = net.partners("regio-noord", on="2016-06-01")
        assert [(o.id, o.name, o.identifier("cbs")) for o in orgs] == [
            ("voorbeeldstad", "Voorbeeldstad", "GM9901"),
            ("proefdorp", "Proefdorp", "GM9902"),
        ]
        assert net.partners("regio-noord", on="2019-01-01")[0].id == "voorbeeldstad"
        membership = net.get("proefdorp@regio-noord", wk.Membership)
        assert membership.period == wk.Period(start=date(2015, 1, 1), end=date(2018, 12, 31))
        assert net.get("testmeer-aan-zee@regio-zuid", wk.Membership).period.start == wk.PartialDate(2016)

    def test_provenance_is_the_row(self, tmp_path: Path) -> None:
        """Each record says its row (the header is row 1), in the load and in the entity."""
        path = write_table(tmp_path / "gemeenten.csv", ROWS)
        net = load(path)
        assert net.origin("proefdorp") == (wk.Provenance(source=str(path), locator="row 3"),)
        assert net["proefdorp"].provenance == (wk.Provenance(source="gemeenten.csv", locator="row 3"),)
        assert net.report is not None
        assert net.report.read == 3 + 2 + 3

    @pytest.mark.parametrize(
        ("delimiter", "encoding", "newline"),
        [
            (",", "utf-8", "\n"),
            (";", "utf-8", "\r\n"),
            ("\t", "utf-8-sig", "\n"),
            ("|", "utf-8", "\r\n"),
            (";", "cp1252", "\r\n"),
            ("\t", "utf-16", "\r\n"),
        ],
    )
    def test_any_common_dialect(self, tmp_path: Path, delimiter: str, encoding: str, newline: str) -> None:
        """Separator, encoding (Windows-1252 and UTF-16 too) and line ends do not change the network."""
        rows = [[*ROWS[0][:1], "Óostërdâl", *ROWS[0][2:]], *ROWS[1:]]
        expected = load(write_table(tmp_path / "gemeenten.csv", rows))
        other = tmp_path / "other"
        other.mkdir()
        path = write_table(
            other / "gemeenten.csv", rows, delimiter=delimiter, encoding=encoding, newline=newline
        )
        assert load(path, name=str(tmp_path / "gemeenten.csv")) == expected
        assert load(path).get("oosterdal", wk.Organisation).name == "Óostërdâl"

    def test_quoted_cells(self, tmp_path: Path) -> None:
        """A quoted cell may hold the separator, quotes and a line break."""
        path = write_table(
            tmp_path / "t.csv", [["9901", 'De "Proef"; Stad\nNoord', "P", "Regio Noord", "", ""]]
        )
        assert load(path)["de-proef-stad-noord"].name == 'De "Proef"; Stad\nNoord'

    def test_blank_rows_are_skipped(self, tmp_path: Path) -> None:
        """Empty rows at the end of a sheet (only separators) are not records."""
        path = write_table(tmp_path / "t.csv", [*ROWS, ["", "", "", "", "", ""], ["  ", "", "", "", "", ""]])
        net = load(path)
        assert net.report is not None
        assert net.report.read == 8

    def test_columns_match_loosely(self, tmp_path: Path) -> None:
        """Column names match whatever their case, accents or surrounding spaces."""
        header = [" gemeentecode ", "GEMEENTENAAM", "Provincie", "Régio", "Ingangsdatum", "Einddatum"]
        net = load(write_table(tmp_path / "t.csv", ROWS, header=header))
        assert len(net.entities(wk.Organisation)) == 3


class TestMapping:
    def test_kinds_and_member_periods(self, tmp_path: Path) -> None:
        """A kind column (Dutch or English) and the organisation's own period."""
        header = ["Naam", "Soort", "Opgeheven"]
        rows = [["Waterschap Proef", "Waterschap", "31-12-2020"], ["Testwater", "water-company", ""]]
        path = write_table(tmp_path / "t.csv", rows, header=header)
        source = wk.TableSource(
            path, member_name="Naam", member_kind="Soort", member_end="Opgeheven", end_inclusive=True
        )
        net = wk.load(source)
        board = net.get("waterschap-proef", wk.Organisation)
        assert (board.kind, board.period.end) == (wk.OrgKind.WATER_BOARD, date(2021, 1, 1))
        assert net.get("testwater", wk.Organisation).kind is wk.OrgKind.WATER_COMPANY

    def test_clusters(self, tmp_path: Path) -> None:
        """A cluster column makes clusters of the row's cooperation, with memberships in both."""
        header = ["Code", "Naam", "Regio", "Cluster"]
        rows = [
            ["9901", "Voorbeeldstad", "Regio Proef", "Cluster A"],
            ["9902", "Proefdorp", "Regio Proef", ""],
        ]
        path = write_table(tmp_path / "t.csv", rows, header=header)
        net = wk.load(
            wk.TableSource(path, member_code="Code", member_name="Naam", group="Regio", cluster="Cluster")
        )
        assert net.get("cluster-a", wk.Cluster).cooperation == "regio-proef"
        assert [o.id for o in net.partners(cluster="cluster-a")] == ["voorbeeldstad"]
        assert net.cluster_of("proefdorp", on="2020-01-01") is None

    def test_ids_from_columns_and_reference_to_other_sources(self, tmp_path: Path) -> None:
        """With define_members and define_groups false, rows refer to what another source defines."""
        base = wk.Network(
            [
                wk.Cooperation(id="proef", name="Proef"),
                wk.Cluster(id="proef-a", name="A", cooperation="proef"),
                wk.Organisation(id="stad", name="Stad", kind=wk.OrgKind.MUNICIPALITY),
            ]
        )
        wk.formats.native.write_json(base, tmp_path / "base.json")
        path = write_table(
            tmp_path / "t.csv",
            [["stad", "proef", "proef-a", "2020"]],
            header=["Id", "Regio-id", "Cluster-id", "Van"],
        )
        table = wk.TableSource(
            path,
            member_id="Id",
            group_id="Regio-id",
            cluster_id="Cluster-id",
            start="Van",
            define_members=False,
            define_groups=False,
        )
        net = wk.load(tmp_path / "base.json", table)
        assert [o.id for o in net.partners(cluster="proef-a", on="2021-06-01")] == ["stad"]

    def test_repeated_member_gets_distinct_memberships(self, tmp_path: Path) -> None:
        """A member in a group twice (two periods) gets two memberships; the organisation merges."""
        rows = [["9901", "Stad", "P", "Regio", "2015", "2017"], ["9901", "Stad", "P", "Regio", "2019", ""]]
        net = load(write_table(tmp_path / "t.csv", rows))
        assert [m.id for m in net.memberships("stad")] == ["stad@regio", "stad@regio#3"]
        assert not net.partners("regio", on="2018-06-01")

    def test_header_names_the_fields(self, tmp_path: Path) -> None:
        """A table whose header uses the field names loads without a mapping."""
        path = write_table(
            tmp_path / "leden.csv", [["9901", "Stad", "Regio"]], header=["code", "name", "group"]
        )
        assert wk.load(path).lookup("cbs", "GM9901").name == "Stad"  # type: ignore[union-attr]

    def test_options_in_a_location(self, tmp_path: Path) -> None:
        """A table: location carries the mapping after ?, as the command line's --map does."""
        path = write_table(tmp_path / "t.csv", ROWS)
        location = f"table:{path}?code=Gemeentecode&name=Gemeentenaam&group=Regio&delimiter=%3B"
        assert wk.load(location).lookup("cbs", "GM9903").name == "Testmeer aan Zee"  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({}, "name the column of the member's code, name or id"),
            ({"member_code": "Code"}, "name the column of the member's name"),
            ({"member_name": "N", "cluster": "C"}, "a cluster is part of a cooperation"),
            ({"member_name": "N", "kind": "gemeentee"}, "kind must be one of"),
            ({"member_name": "N", "delimiter": ";;"}, "the delimiter must be one character"),
        ],
    )
    def test_unusable_mapping(self, options: dict[str, str], message: str) -> None:
        """A mapping that cannot work is a SourceError when the source is made."""
        with pytest.raises(wk.SourceError, match=message):
            wk.TableSource("t.csv", **options)  # type: ignore[arg-type]

    def test_unknown_option(self) -> None:
        """from_options names an unknown option and a bad true/false."""
        with pytest.raises(wk.SourceError, match="not an option of a table"):
            wk.TableSource.from_options("t.csv", {"colour": "Kleur"})
        with pytest.raises(wk.SourceError, match="expected true or false"):
            wk.TableSource.from_options("t.csv", {"name": "N", "end-inclusive": "soms"})


class TestBadRows:
    def test_bad_cells_name_row_and_column(self, tmp_path: Path) -> None:
        """A bad cell rejects its row's records with the row and the column; the rest load."""
        rows = [
            ["9901", "Voorbeeldstad", "P", "Regio", "31-02-2016", ""],
            ["9902", "", "P", "Regio", "", ""],
            ["9903", "Proefdorp", "P", "Regio", "", "morgen"],
            ["9904", "Testmeer", "P", "Regio", "2015", ""],
        ]
        path = write_table(tmp_path / "t.csv", rows)
        net = wk.load(wk.TableSource(path, **MAPPING), strict=False)  # type: ignore[arg-type]
        report = net.report
        assert report is not None
        assert report.read == report.accepted + len(report.rejected)
        places = {(p.place, p.field) for p in report.problems}
        assert ("row 2, column 'Ingangsdatum'", "period") in places
        assert ("row 3, column 'Gemeentenaam'", "id") in places
        assert ("row 4, column 'Einddatum'", "period") in places
        reasons = " ".join(p.reason for p in report.problems)
        assert "'2016-02-31' is not a real date" in reasons
        assert [o.id for o in net.entities(wk.Organisation)] == ["voorbeeldstad", "proefdorp", "testmeer"]
        assert [o.id for o in net.partners(on="2016-01-01")] == ["testmeer"]
        with pytest.raises(wk.LoadError, match="row 4, column 'Einddatum'"):
            wk.load(wk.TableSource(path, **MAPPING))  # type: ignore[arg-type]

    def test_bad_kind_names_the_column(self, tmp_path: Path) -> None:
        """An unknown kind in a kind column names that column."""
        path = write_table(tmp_path / "t.csv", [["Stad", "Gemeentee"]], header=["Naam", "Soort"])
        with pytest.raises(wk.LoadError, match="row 2, column 'Soort' kind: expected one of municipality"):
            wk.load(wk.TableSource(path, member_name="Naam", member_kind="Soort"))

    def test_ragged_row(self, tmp_path: Path) -> None:
        """A row with more cells than the header is rejected at its row and column; the others are read."""
        path = tmp_path / "t.csv"
        path.write_text("Code;Naam;Regio\n9901;Stad;Regio\n9902;Proef;dorp;Regio\n", encoding="utf-8")
        with pytest.raises(
            wk.LoadError, match=r"row 3, column 4: the row has 4 cells and the header 3 \(is a semicolon"
        ):
            wk.load(wk.TableSource(path, member_code="Code", member_name="Naam", group="Regio"))
        net = wk.load(
            wk.TableSource(path, member_code="Code", member_name="Naam", group="Regio"), strict=False
        )
        assert net.report is not None
        assert net.report.read == net.report.accepted + len(net.report.rejected)
        assert len(net.report.rejected) == 1
        assert "stad" in {o.name.lower() for o in net.entities(wk.Organisation)}

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "the table has no header row"),
            (b"Naam\n\x81\x8d\x90\n", "neither UTF-8 nor Windows-1252"),
            (b'Naam;Regio\n"Stad;Regio\n', "invalid CSV"),
            (b"Code;Regio\n1;R\n", "no column 'Naam' \\(for member_name\\); the columns are 'Code', 'Regio'"),
        ],
    )
    def test_unreadable_tables(self, tmp_path: Path, content: bytes, message: str) -> None:
        """A table that cannot be read is one problem of its source, with its place."""
        path = tmp_path / "t.csv"
        path.write_bytes(content)
        with pytest.raises(wk.LoadError, match=message):
            wk.load(wk.TableSource(path, member_name="Naam"))

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing table is a problem of that source."""
        with pytest.raises(wk.LoadError, match="cannot read the file"):
            wk.load(tmp_path / "nope.csv")


cells = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)


class TestProperties:
    @given(st.lists(st.lists(cells, min_size=4, max_size=4), max_size=6), st.sampled_from([";", ",", "\t"]))
    def test_any_cells_are_accounted_for(self, rows: list[list[str]], delimiter: str) -> None:
        """Whatever the cells, only waterketen's errors escape and read = accepted + rejected."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = write_table(
                Path(folder) / "t.csv", rows, header=["Code", "Naam", "Regio", "Einde"], delimiter=delimiter
            )
            source = wk.TableSource(path, member_code="Code", member_name="Naam", group="Regio", end="Einde")
            net = wk.load(source, strict=False)
        report = net.report
        assert report is not None
        assert report.read == report.accepted + len(report.rejected)

    @given(st.lists(st.tuples(names, st.integers(1, 9999)), max_size=6, unique_by=lambda t: t[1]))
    def test_members_come_through(self, members: list[tuple[str, int]]) -> None:
        """Every member of a well-formed table is a partner with its name and code."""
        import tempfile

        from waterketen.query import normalise_name

        slugs = {normalise_name(n).replace(" ", "-") for n, _ in members}
        rows = [[str(code), name, "Regio Proef"] for name, code in members]
        with tempfile.TemporaryDirectory() as folder:
            path = write_table(Path(folder) / "t.csv", rows, header=["Code", "Naam", "Regio"])
            net = wk.load(
                wk.TableSource(path, member_code="Code", member_name="Naam", group="Regio", resolve=False),
                strict=False,
            )
        if len(slugs) == len(members) and all(slugs):
            partners = net.partners("regio-proef") if members else ()
            assert [(o.name, o.identifier("cbs")) for o in partners] == [
                (name.strip(), f"GM{code:04d}") for name, code in members
            ]
