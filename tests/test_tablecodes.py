"""Tables resolve their codes and names through the register; bad codes are located warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

import waterketen as wk
from waterketen.formats.native import write_json

from . import registerlike


REGISTER = registerlike.network()


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "register.json"
    write_json(REGISTER, path)
    return path


def table(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    return path


def warnings(net: wk.Network) -> list[str]:
    assert net.report is not None
    return [f"{p.place}: {p.reason}" for p in net.report.warnings]


class TestCodes:
    def test_bad_codes_are_located(self, tmp_path: Path) -> None:
        """A code that is no code is left out, with the row, the column and the reason."""
        path = table(tmp_path, "Code;Naam\nabc;Proefdorp\n12345;Testmeer\n5;Voorbeeldstad\n")
        source = wk.TableSource(path, member_code="Code", member_name="Naam", register=REGISTER)
        net = wk.load(source, strict=False)
        assert [w for w in warnings(net) if "column 'Code'" in w] == [
            "row 2, column 'Code': 'abc' is not a code (GM0005, 0005, 5, WS16, W0646, PV20, P0020); "
            "the code is left out",
            "row 3, column 'Code': '12345' is not a code: a CBS municipality code is GM and at most "
            "four digits; the code is left out",
        ]
        assert net.get("proefdorp", wk.Organisation).identifiers == ()

    def test_a_code_that_never_existed(self, tmp_path: Path) -> None:
        """Against the register, a well-formed code no organisation had is warned about."""
        path = table(tmp_path, "Code;Naam\nGM9999;Proefdorp\n")
        net = wk.load(wk.TableSource(path, member_code="Code", member_name="Naam", register=REGISTER))
        assert warnings(net) == [
            "row 2, column 'Code': no organisation of the register has had the code GM9999",
            "row 2, column 'Naam': 'Proefdorp' is not in the register; the row is kept as it is",
        ]
        assert net.get("proefdorp", wk.Organisation).identifier("cbs") == "GM9999"

    def test_code_forms(self, tmp_path: Path) -> None:
        """Codes without letters or zeros are read as CBS codes (5 is GM0005), without resolving."""
        path = table(tmp_path, "Code;Naam\n5;Proefdorp\ngm 0017;Testmeer\n")
        net = wk.load(wk.TableSource(path, member_code="Code", member_name="Naam", resolve=False))
        assert [o.identifier("cbs") for o in net.entities(wk.Organisation)] == ["GM0005", "GM0017"]


class TestNames:
    def test_rows_become_register_organisations(self, tmp_path: Path, register: Path) -> None:
        """Names and codes in any form give the register's ids, names and kinds."""
        path = table(
            tmp_path,
            "Code;Naam;Regio\n"
            "GM0005;Gemeente Bedum;Noord\n"
            ";Waterschap Hunze en Aa’s;Noord\n"
            ";HHNK;West\n"
            "1740;NederBetuwe;Midden\n",
        )
        source = wk.TableSource(
            path, member_code="Code", member_name="Naam", group="Regio", register=REGISTER
        )
        net = wk.load(register, source)
        assert [o.id for o in net.members("noord")] == ["bedum", "hunze-en-aas"]
        assert [o.id for o in net.members("west")] == ["hhnk"]
        assert [o.id for o in net.members("midden")] == ["neder-betuwe"]
        bedum = net.get("bedum", wk.Organisation)
        assert (bedum.name, bedum.other_names) == ("Bedum", ("Gemeente Bedum",))
        assert str(bedum.period.end) == "2019-01-01"  # from the register: the table left it out
        assert warnings(net) == []

    def test_fuzzy_is_used_and_says_so(self, tmp_path: Path) -> None:
        """A misspelt name is taken for the closest organisation, with a warning to check it."""
        path = table(tmp_path, "Naam\nde Pekala's\n")
        net = wk.load(wk.TableSource(path, member_name="Naam", register=REGISTER))
        assert [o.id for o in net.entities(wk.Organisation)] == ["pekela"]
        (warning,) = warnings(net)
        assert warning.startswith("row 2, column 'Naam': \"de Pekala's\" is taken for a name like 'Pekela'")
        assert warning.endswith("(rule fuzzy)")

    def test_a_name_of_two_organisations(self, tmp_path: Path) -> None:
        """Groningen without a day is two municipalities: the row stays its own, with the reason."""
        path = table(tmp_path, "Naam\nGroningen\n")
        net = wk.load(wk.TableSource(path, member_name="Naam", register=REGISTER, kind="municipality"))
        (warning,) = warnings(net)
        assert "'Groningen' names 2 organisations over all time" in warning
        dated = wk.TableSource(path, member_name="Naam", register=REGISTER, on="2020-01-01")
        assert [o.id for o in wk.load(dated).entities(wk.Organisation)] == ["groningen-2019"]

    def test_code_and_name_disagree(self, tmp_path: Path) -> None:
        """The code is followed; a name of another organisation is warned about."""
        path = table(tmp_path, "Code;Naam\n5;Pekela\n")
        net = wk.load(wk.TableSource(path, member_code="Code", member_name="Naam", register=REGISTER))
        assert [o.id for o in net.entities(wk.Organisation)] == ["bedum"]
        (warning,) = warnings(net)
        assert "the name 'Pekela' is Pekela (pekela), but the code is Bedum (bedum)" in warning

    def test_a_name_the_code_does_not_have(self, tmp_path: Path) -> None:
        """A name that is none of the code's organisation is warned about; the code is followed."""
        path = table(tmp_path, "Code;Naam\n5;Proefdorp\n5;Gemeente Bedum\n")
        net = wk.load(wk.TableSource(path, member_code="Code", member_name="Naam", register=REGISTER))
        assert warnings(net) == [
            "row 2, column 'Naam': 'Proefdorp' is not a name of Bedum (bedum), whose code the row gives; "
            "the code is followed"
        ]

    def test_references_only(self, tmp_path: Path, register: Path) -> None:
        """A table of codes that defines no organisations refers to the register's."""
        path = table(tmp_path, "Code;Regio\n5;Noord\n0765;Oost\n")
        source = wk.TableSource(
            path, member_code="Code", group="Regio", define_members=False, register=REGISTER
        )
        net = wk.load(register, source)
        assert [o.id for o in net.members("noord")] == ["bedum"]
        assert [o.id for o in net.members("oost")] == ["pekela"]

    def test_options(self) -> None:
        """resolve= and at= are options on the command line and in table: locations."""
        source = wk.TableSource.from_options(
            "t.csv", {"name": "Naam", "resolve": "false", "at": "2020-01-01"}
        )
        assert (source.resolve, source.on) == (False, "2020-01-01")
