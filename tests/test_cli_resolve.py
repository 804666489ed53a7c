"""``waterketen resolve FILE --column NAME``: a column of a spreadsheet resolved and written back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from waterketen.cli import main

from . import registerlike
from .test_cli import run


EMBEDDED = ("--network", "embedded:groningen-noord-drenthe")
"""The tests ask the embedded dataset: the default, the national register, knows a province Groningen too."""

TABLE = (
    "Gemeente;Nummer\nGemeente Bedum;1\nGroningen;2\nde Pekala's;3\nWinsum;4\n5;5\nabc;6\n12345;7\nGM9999;8\n"
)


def rows(text: str, delimiter: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "gemeenten.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


class TestResolve:
    def test_writes_the_added_columns(self, table: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Each row gets its code, id, rule, score and today's organisations; the rest says why not."""
        assert main(["resolve", str(table), "--column", "Gemeente", *EMBEDDED]) == 0
        out = rows(capsys.readouterr().out)
        assert list(out[0]) == ["Gemeente", "Nummer", "code", "id", "rule", "score", "successors", "note"]
        by_name = {r["Gemeente"]: r for r in out}
        assert by_name["Gemeente Bedum"] | {} == {
            "Gemeente": "Gemeente Bedum",
            "Nummer": "1",
            "code": "GM0005",
            "id": "bedum",
            "rule": "normalised",
            "score": "1",
            "successors": "het-hogeland",
            "note": "",
        }
        assert by_name["de Pekala's"]["rule"] == "fuzzy"
        assert float(by_name["de Pekala's"]["score"]) < 1
        assert by_name["Winsum"]["successors"] == "het-hogeland (part); westerkwartier (part)"
        assert by_name["5"]["rule"] == "exact-code"
        groningen = by_name["Groningen"]
        assert (groningen["id"], groningen["code"]) == ("", "GM0014")  # two organisations, one code
        assert "pass --at DATE" in groningen["note"]  # the command's words: no on=
        assert "on=" not in groningen["note"]
        assert by_name["abc"]["note"] == "no organisation has the name or code 'abc'"
        assert "is not a code" in by_name["12345"]["note"]
        assert by_name["GM9999"]["note"] == "no organisation has the code GM9999"

    def test_at_a_day(self, table: Path, tmp_path: Path) -> None:
        """--at resolves names as of that day; -o writes the file."""
        out = tmp_path / "out.csv"
        result = run(
            "resolve", str(table), "--column", "gemeente", "--at", "2018-06-01", "-o", str(out), *EMBEDDED
        )
        assert result.returncode == 0, result.stderr
        assert "resolved 5 of 8 rows" in result.stderr
        by_name = {r["Gemeente"]: r for r in rows(out.read_text(encoding="utf-8"))}
        assert by_name["Groningen"]["id"] == "groningen"
        assert by_name["Groningen"]["successors"] == "groningen-2019"

    def test_tsv_and_another_network(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A TSV table keeps its tabs; --network resolves against other sources."""
        from waterketen.formats.native import write_json

        register = tmp_path / "register.json"
        write_json(registerlike.network(), register)
        path = tmp_path / "w.tsv"
        path.write_text("naam\nHHNK\nDen Haag\nWetterskip FryslÃ¢n\n", encoding="utf-8")
        assert main(["resolve", str(path), "--column", "naam", "--network", str(register)]) == 0
        out = rows(capsys.readouterr().out, "\t")
        assert [(r["id"], r["rule"]) for r in out] == [
            ("hhnk", "abbreviation"),
            ("s-gravenhage", "other-name"),
            ("wetterskip-fryslan", "normalised"),
        ]
        assert out[0]["code"] == "WS21"

    def test_kind(self, table: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--kind keeps organisations of one kind; a kind that is none is a usage error."""
        assert main(["resolve", str(table), "--column", "Gemeente", "--kind", "gemeente"]) == 0
        assert main(["resolve", str(table), "--column", "Gemeente", "--kind", "gemeentee"]) == 2
        assert "expected a kind of organisation" in capsys.readouterr().err


class TestErrors:
    def test_missing_column(self, table: Path) -> None:
        """A column the table lacks is named, with the file, row 1 and the columns it has."""
        result = run("resolve", str(table), "--column", "Naam")
        assert result.returncode == 1
        assert result.stderr == (
            f"waterketen: {table} row 1 Naam: no column 'Naam'; the columns are 'Gemeente', 'Nummer'\n"
        )

    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file that cannot be read is named, with the reason."""
        result = run("resolve", str(tmp_path / "nope.csv"), "--column", "Naam")
        assert result.returncode == 1
        assert "nope.csv: cannot read the file" in result.stderr

    def test_bad_rows(self, tmp_path: Path) -> None:
        """A row with too many cells is located."""
        path = tmp_path / "bad.csv"
        path.write_text("a;b\n1;2;3\n", encoding="utf-8")
        result = run("resolve", str(path), "--column", "a")
        assert result.returncode == 1
        assert "bad.csv row 2, column 3: the row has 3 cells and the header 2" in result.stderr

    def test_output_into_a_missing_folder(self, table: Path, tmp_path: Path) -> None:
        """An output path that cannot be written is named as the user gave it."""
        target = tmp_path / "missing" / "out.csv"
        result = run("resolve", str(table), "--column", "Gemeente", "-o", str(target))
        assert result.returncode == 1
        assert str(target) in result.stderr
        assert ".out.csv." not in result.stderr

    def test_help(self) -> None:
        """The command explains itself."""
        result = run("resolve", "--help")
        assert result.returncode == 0
        assert result.stdout.startswith("usage: waterketen resolve")
        assert json.dumps("--column")[1:-1] in result.stdout
