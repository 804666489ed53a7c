"""CSV out and back: a directory of one file per kind of entity and of relation."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import waterketen as wk
from waterketen.formats.csvdir import FILE_OF, RELATION_COLUMNS, columns_of, decode_text, encode_text
from waterketen.formats.csvdir import write_csvdir as write_csv
from waterketen.testing import networks


def round_trip(network: wk.Network) -> wk.Network:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "net"
        write_csv(network, path)
        return wk.load(f"csvdir:{path}")


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


class TestRoundTrip:
    @given(networks())
    def test_generated_networks(self, network: wk.Network) -> None:
        """Every generated network reads back equal from its CSV directory."""
        assert round_trip(network) == network

    def test_embedded_dataset(self, net: wk.Network) -> None:
        """The embedded dataset reads back equal, partial dates, lists and all."""
        again = round_trip(net)
        assert again == net
        assert again.get("gnd-bestuurlijk-akkoord-2014", wk.Agreement).targets[0].approximate

    def test_awkward_text(self) -> None:
        """Empty notes, quotes, separators, line breaks and control characters survive."""
        notes = [
            "",
            '"quoted"',
            'a, "b"; c',
            "line\r\nbreak\rand\nmore",
            "\x00\x1f",
            " spaced ",
            "[1]",
            "true",
        ]
        network = wk.Network(
            [wk.Person(id=f"p{i}", name=f"P{i}", note=note) for i, note in enumerate(notes)]
            + [wk.Person(id="none", name='"Quoted" name')]
        )
        assert round_trip(network) == network

    @pytest.mark.parametrize("text", ["", '"', '""', '"x', 'x"', "plain", "\\"])
    def test_text_cells(self, text: str) -> None:
        """A text cell decodes to the text it encodes."""
        assert decode_text(encode_text(text)) == text


class TestLayout:
    def test_files_and_columns(self, tmp_path: Path, net: wk.Network) -> None:
        """A file per kind of entity and of relation, every one with its stable header."""
        write_csv(net, tmp_path / "net")
        folder = tmp_path / "net"
        assert sorted(p.name for p in folder.glob("*.csv")) == sorted(FILE_OF.values())
        for tag, filename in FILE_OF.items():
            rows = read(folder / filename)
            assert tuple(rows[0]) == columns_of(tag)
            assert len(rows) - 1 == len(net.entities(wk.model.ENTITY_TYPES[tag]))
        relations = list(net.relations())
        total = 0
        for kind in wk.query.RelationKind:
            rows = read(folder / "relations" / f"{kind.value}.csv")
            assert tuple(rows[0]) == RELATION_COLUMNS
            total += len(rows) - 1
        assert total == len(relations)
        manifest = json.loads((folder / "waterketen.json").read_text(encoding="utf-8"))
        assert (manifest["format"], manifest["version"]) == ("waterketen-csv", 1)

    def test_columns_follow_the_model(self) -> None:
        """Columns are the model's fields in order, the period as start and end."""
        for tag, cls in wk.model.ENTITY_TYPES.items():
            expected: list[str] = []
            for field in attrs.fields(cls):
                expected += ["start", "end"] if field.name == "period" else [field.name]
            assert list(columns_of(tag)) == expected
        assert columns_of("organisation") == (
            "id",
            "name",
            "kind",
            "identifiers",
            "other_names",
            "links",
            "contact_details",
            "start",
            "end",
            "note",
            "provenance",
        )

    def test_cells(self, tmp_path: Path, net: wk.Network) -> None:
        """Plain values as text, lists as compact JSON, defaults as empty cells."""
        write_csv(net, tmp_path / "net")
        rows = {r[0]: r for r in read(tmp_path / "net" / "bodies.csv")}
        regiegroep = dict(zip(columns_of("body"), rows["gnd-regiegroep"], strict=True))
        assert (regiegroep["kind"], regiegroep["seats"], regiegroep["cluster"]) == (
            "steering-group",
            "11",
            "",
        )
        assert regiegroep["start"] == "..2014"
        org = dict(
            zip(columns_of("organisation"), read(tmp_path / "net" / "organisations.csv")[1], strict=True)
        )
        assert org["identifiers"] == '[{"scheme":"cbs","value":"GM0010"}]'
        member_of = read(tmp_path / "net" / "relations" / "member-of.csv")
        assert member_of[1] == [
            "delfzijl",
            "groningen-noord-drenthe",
            "delfzijl@groningen-noord-drenthe",
            "false",
            "..2014",
            "2021-01-01",
        ]


class TestWriting:
    def test_replaces_a_previous_export(self, tmp_path: Path) -> None:
        """Writing again replaces the previous export whole, leaving nothing behind."""
        folder = tmp_path / "net"
        small = wk.Network([wk.Cooperation(id="c", name="C")])
        write_csv(wk.load(), folder)
        write_csv(small, folder)
        assert wk.load(f"csvdir:{folder}") == small
        assert [p.name for p in tmp_path.iterdir()] == ["net"]

    def test_refuses_what_is_not_an_export(self, tmp_path: Path) -> None:
        """A file, or a directory with other things in it, is never replaced."""
        (tmp_path / "file").write_text("x", encoding="utf-8")
        (tmp_path / "dir").mkdir()
        (tmp_path / "dir" / "thesis.txt").write_text("x", encoding="utf-8")
        for target in ("file", "dir"):
            with pytest.raises(FileExistsError, match="not a waterketen csv export"):
                write_csv(wk.Network(), tmp_path / target)
        assert (tmp_path / "dir" / "thesis.txt").exists()
        (tmp_path / "empty").mkdir()
        write_csv(wk.Network(), tmp_path / "empty")
        assert (tmp_path / "empty" / "waterketen.json").exists()

    def test_failed_write_leaves_nothing(self, tmp_path: Path, net: wk.Network) -> None:
        """An interrupted write leaves the old export in place and no temporary behind."""
        folder = tmp_path / "net"
        write_csv(net, folder)

        class Boom(wk.Network):
            def relations(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
                raise RuntimeError("interrupted")

        with pytest.raises(RuntimeError):
            write_csv(Boom(list(net)), folder)
        assert wk.load(f"csvdir:{folder}") == net
        assert [p.name for p in tmp_path.iterdir()] == ["net"]


class TestReadingBack:
    def test_bad_cells_are_rejected_with_file_row_and_field(self, tmp_path: Path) -> None:
        """A bad cell rejects its record, naming the file, the row and the field."""
        folder = tmp_path / "net"
        write_csv(
            wk.Network(
                [
                    wk.Cooperation(id="c", name="C"),
                    wk.Body(id="b", name="B", kind=wk.BodyKind.OTHER, cooperation="c"),
                ]
            ),
            folder,
        )
        path = folder / "bodies.csv"
        path.write_text(
            path.read_text(encoding="utf-8").replace(",other,c,,", ",other,c,,veel"), encoding="utf-8"
        )
        net = wk.load(f"csvdir:{folder}", strict=False)
        (problem,) = net.report.problems  # type: ignore[union-attr]
        assert (problem.place, problem.field) == ("bodies.csv row 2", "seats")
        assert "expected an integer, got 'veel'" in problem.reason

    def test_a_spreadsheet_may_save_it_again(self, tmp_path: Path, net: wk.Network) -> None:
        """A file saved again by a spreadsheet (semicolons, a BOM) still reads back."""
        folder = tmp_path / "net"
        write_csv(net, folder)
        path = folder / "organisations.csv"
        rows = read(path)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
        assert wk.load(f"csvdir:{folder}") == net

    def test_unknown_column_is_an_unknown_field(self, tmp_path: Path) -> None:
        """A column the model does not have is reported, as in native JSON."""
        folder = tmp_path / "net"
        write_csv(wk.Network([wk.Cooperation(id="c", name="C")]), folder)
        path = folder / "cooperations.csv"
        path.write_text("id,name,colour\r\nc,C,blue\r\n", encoding="utf-8")
        with pytest.raises(wk.LoadError, match=r"cooperations\.csv row 2 colour: unknown field"):
            wk.load(f"csvdir:{folder}")

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (
                lambda f: (f / "waterketen.json").write_text('{"format": "other"}'),
                "expected 'waterketen-csv'",
            ),
            (
                lambda f: (f / "waterketen.json").write_text('{"format": "waterketen-csv", "version": 2}'),
                "version 1",
            ),
            (lambda f: (f / "waterketen.json").write_text("{"), "cannot read it"),
            (lambda f: (f / "notes.csv").write_text("a\n"), "notes.csv: not a file of the format"),
        ],
    )
    def test_not_an_export(self, tmp_path: Path, change: object, message: str) -> None:
        """Another format, another version or a stray file fails the source with its place."""
        folder = tmp_path / "net"
        write_csv(wk.Network([wk.Cooperation(id="c", name="C")]), folder)
        change(folder)  # type: ignore[operator]
        with pytest.raises(wk.LoadError, match=message):
            wk.load(f"csvdir:{folder}")

    def test_not_a_directory(self, tmp_path: Path) -> None:
        """A csvdir: location that is not a directory is a problem of the source."""
        with pytest.raises(wk.LoadError, match="not a directory"):
            wk.load(f"csvdir:{tmp_path / 'nope'}")
