"""The national register: its organisations and changes agree with the tables they are built from."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import ClassVar

import pytest

import waterketen as wk
from waterketen.register._build import compiled, shipped_path
from waterketen.register.history import parse_history


def table(name: str) -> list[dict[str, str]]:
    text = (files("waterketen") / "data" / "register" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def register() -> wk.Network:
    return wk.load("register:")


YEARS = range(2010, 2026)


class TestMunicipalities:
    @pytest.mark.parametrize("year", YEARS)
    def test_each_first_of_january_equals_the_table(self, register: wk.Network, year: int) -> None:
        """The municipalities valid on 1 January are exactly the table's codes, each under its spelling."""
        expected = {
            r["code"]: r["name"] for r in table("municipalities-by-year.csv") if int(r["year"]) == year
        }
        day = date(year, 1, 1)
        found = {
            o.identifier("cbs"): o.name_on(day)
            for o in register.entities(wk.Organisation, on=day)
            if o.kind is wk.OrgKind.MUNICIPALITY
        }
        assert found == expected

    def test_a_code_is_one_organisation_on_each_day(self, register: wk.Network) -> None:
        """lookup by code answers one organisation on every 1 January it is listed."""
        for row in table("municipalities-by-year.csv"):
            found = register.lookup("cbs", row["code"], on=f"{row['year']}-01-01")
            assert found is not None, row

    def test_start_no_later_than_2010(self, register: wk.Network) -> None:
        """A municipality listed in 2010 with no known start began no later than 1 January 2010."""
        bedum = register["bedum"]
        assert bedum.period.start == wk.Between(latest=date(2010, 1, 1))
        assert bedum.period.end == date(2019, 1, 1)
        assert register.certainty("bedum", "2009-06-01") is wk.model.Certainty.UNCERTAIN

    def test_history_notes_give_starts(self, register: wk.Network) -> None:
        """A start the CBS note gives is used: Oldambt "Ontstaan per 01-01-2010", Bergen (L.) not."""
        assert register["oldambt"].period.start == date(2010, 1, 1)
        assert register.lookup("cbs", "GM0820").period.start == wk.Between(latest=date(1829, 12, 31))

    def test_spellings_are_other_names_not_organisations(self, register: wk.Network) -> None:
        """Spelling changes under one code are other names with periods."""
        appingedam = register.lookup("cbs", "GM0003")
        assert appingedam.id == "appingedam"
        assert appingedam.name_on(date(2010, 1, 1)) == "Appingendam"
        assert appingedam.name_on(date(2011, 1, 1)) == "Appingedam"
        hengelo = register["hengelo"]
        assert (hengelo.name, hengelo.name_on(date(2023, 1, 1))) == ("Hengelo (O.)", "Hengelo")
        frisian = register.lookup("cbs", "GM1900")
        assert [str(n) for n in frisian.other_names] == ["Sûdwest Fryslân"]
        assert frisian.name == "Súdwest-Fryslân"
        assert register.lookup("cbs", "GM0820").name == "Nuenen, Gerwen en Nederwetten"
        assert [o.id for o in register.find("Sudwest Fryslan")] == ["sudwest-fryslan"]

    def test_groningen_is_two_organisations(self, register: wk.Network) -> None:
        """GM0014 denotes the old Groningen until 2019 and the new one after (a merger that kept the code)."""
        assert register.lookup("cbs", "GM0014", on="2018-12-31").id == "groningen"
        assert register.lookup("cbs", "GM0014", on="2019-01-01").id == "groningen-2019"
        merger = register["merger-groningen-2019"]
        assert merger.kind is wk.ChangeKind.MERGER
        assert {p.id for p in merger.before} == {"groningen", "haren", "ten-boer"}

    def test_ids_follow_the_rule(self, register: wk.Network) -> None:
        """Ids are lower-case slugs; suffixes stay, kept codes add the year."""
        for org_id in ("bergen-nh", "bergen-l", "s-gravenhage", "s-hertogenbosch", "medemblik-2011"):
            assert org_id in register
        assert all(e.id == e.id.lower() and " " not in e.id for e in register)


class TestSuccessions:
    def test_every_code_that_leaves_has_a_successor_with_a_source(self, register: wk.Network) -> None:
        """Each code leaving between two years has a successor change citing a public source."""
        missing = []
        for row in table("municipality-code-changes.csv"):
            if row["change"] != "left":
                continue
            gone = register.lookup("cbs", row["code"], on=f"{row['from_year']}-01-01")
            found = register.successors(gone.id)
            if not found or not all(s.change.provenance for s in found):
                missing.append(row["code"])
            for succession in found:
                assert all(p.source.startswith(("https://", "http://")) for p in succession.change.provenance)
        assert missing == []

    def test_every_code_that_comes_has_predecessors(self, register: wk.Network) -> None:
        """Each new code of a year starts on the date of the change that made it, from its predecessors."""
        for row in table("municipality-code-changes.csv"):
            if row["change"] != "came":
                continue
            new = register.lookup("cbs", row["code"], on=f"{row['to_year']}-01-01")
            found = register.predecessors(new.id)
            assert found, row["code"]
            assert new.period.start in {s.change.date for s in found}, row["code"]

    def test_unknown_kinds_are_marked_and_listed(self, register: wk.Network) -> None:
        """Where no source says merger or absorption, the change says unknown, with a note.

        The research left none unknown (Alkmaar 2015 was first unknown, then found to be a
        merger into a new municipality); the list below is the report of those left.
        """
        unknown = [c for c in register.changes() if c.kind is wk.ChangeKind.UNKNOWN]
        assert all(c.note and "No source says" in c.note for c in unknown)
        assert [c.id for c in unknown] == []
        assert register.lookup("cbs", "GM0361", on="2015-01-01").id == "alkmaar-2015"

    def test_an_unknown_row_becomes_an_unknown_change(self) -> None:
        """A succession of unknown kind is not guessed: kind unknown, the receiver continues, a note."""
        from waterketen.register._municipalities import _changes, _Era

        eras = {
            "GM0001": [
                _Era(code="GM0001", id="a", years=(2010,), start=date(2000, 1, 1), end=date(2011, 1, 1))
            ],
            "GM0002": [_Era(code="GM0002", id="b", years=(2010, 2011), start=date(2000, 1, 1), end=None)],
        }
        row = {
            "date": "2011-01-01",
            "kind": "unknown",
            "from_code": "GM0001",
            "from_name": "A",
            "to_code": "GM0002",
            "to_name": "B",
            "partial": "unknown",
            "keeps_code": "no",
            "status": "unknown",
            "source_url": "https://example.org/a",
            "source_says": "",
        }
        (change,) = _changes([row], eras)
        assert change.kind is wk.ChangeKind.UNKNOWN
        assert [p.id for p in change.before] == ["a"]
        assert "No source says" in change.note
        assert "Whether the whole of A (GM0001)" in change.note
        assert "Not verified" in change.note

    def test_split_parts_are_partial(self, register: wk.Network) -> None:
        """Winsum (2019) went partly to Het Hogeland and partly to Westerkwartier."""
        found = [(s.organisation.id, s.partial) for s in register.successors("winsum")]
        assert found == [("het-hogeland", True), ("westerkwartier", True)]

    def test_boundary_correction_keeps_both(self, register: wk.Network) -> None:
        """Meerstad (2017): part of Slochteren to Groningen; Slochteren ends only in 2018."""
        change = register["boundary-correction-groningen-2017"]
        assert [(p.id, p.partial) for p in change.before] == [("slochteren", True)]
        assert register["slochteren"].period.end == date(2018, 1, 1)

    def test_transitive_successors_reach_today(self, register: wk.Network) -> None:
        """Andijk (2010) → Medemblik (the municipality of 2011, which kept code GM0420)."""
        found = [s.organisation.id for s in register.successors("andijk", transitive=True)]
        assert found == ["medemblik-2011"]

    def test_the_domain_rules_hold(self, register: wk.Network) -> None:
        """No rule finds anything: every change ends and starts what it should, codes never overlap."""
        report = register.check()
        assert not report.findings, report.findings[:5]


class TestWaterBoards:
    COUNTS: ClassVar[dict[int, int]] = {
        2010: 26,
        2011: 25,
        2012: 25,
        2013: 24,
        2014: 23,
        2015: 23,
        2016: 22,
        **dict.fromkeys(range(2017, 2026), 21),
    }

    @pytest.mark.parametrize("year", YEARS)
    def test_count_on_first_of_january(self, register: wk.Network, year: int) -> None:
        """The water boards valid on 1 January match the counts of the reference data."""
        boards = register.entities(wk.Organisation, on=date(year, 1, 1))
        assert sum(o.kind is wk.OrgKind.WATER_BOARD for o in boards) == self.COUNTS[year]

    def test_codes_and_mergers(self, register: wk.Network) -> None:
        """Codes in both schemes; the mergers of 2011-2017 are changes with their sources."""
        assert register.lookup("cbs", "WS17").id == "noorderzijlvest"
        assert register.lookup("kadaster-bgt", "W0646").id == "hunze-en-aas"
        mergers = [
            c
            for c in register.changes()
            if any(register[p.id].kind is wk.OrgKind.WATER_BOARD for p in c.after)
        ]
        assert [(c.date.year, [p.id for p in c.after]) for c in mergers] == [
            (2011, ["scheldestromen"]),
            (2013, ["vallei-en-veluwe"]),
            (2014, ["vechtstromen"]),
            (2016, ["drents-overijsselse-delta"]),
            (2017, ["limburg"]),
        ]
        assert all(c.provenance for c in mergers)


class TestOthers:
    def test_drinking_water_companies(self, register: wk.Network) -> None:
        """Ten companies, found by the names they appear under; another organisation's name is not theirs."""
        companies = register.entities(wk.Organisation)
        assert sum(o.kind is wk.OrgKind.WATER_COMPANY for o in companies) == 10
        assert [o.id for o in register.find("NV WML")] == ["wml"]
        assert register.find("Vitens Evides International") == ()
        assert register.find("Stichting WereldWaternet") == ()

    def test_provinces(self, register: wk.Network) -> None:
        """Twelve provinces with CBS and Kadaster codes; Kadaster's Fryslân is another name."""
        provinces = [o for o in register.entities(wk.Organisation) if o.kind is wk.OrgKind.PROVINCE]
        assert len(provinces) == 12
        assert register.lookup("kadaster-bgt", "P0021").id == "provincie-friesland"
        assert [o.id for o in register.find("Fryslân", kind=wk.Organisation, exact=True)] == [
            "fryslan",
            "provincie-friesland",
        ]

    def test_every_record_cites_a_public_source(self, register: wk.Network) -> None:
        """No record rests on a local file: each cites a URL or a repository."""
        for entity in register:
            assert entity.provenance, entity.id
            for provenance in entity.provenance:
                assert provenance.source.startswith(("https://", "http://")), (entity.id, provenance)


class TestHistoryNotes:
    def test_parse_and_report_the_rest(self) -> None:
        """Every note parses but the glossary notes of sub-municipal ids and Angerlo's lone full stop."""
        facts, unparsed = parse_history(table("municipality-history.csv"))
        assert Counter(f.kind for f in facts) == {
            "created": 31,
            "abolished": 19,
            "renamed": 18,
            "began": 10,
            "boundary": 9,
            "reorganised": 4,
        }
        assert sorted({u.text for u in unparsed}) == [".", "dg = deelgemeente", "sd = stadsdeel"]
        assert [u.code for u in unparsed if u.text == "."] == ["GM0199"]
        assert len(unparsed) == 18

    def test_dates_in_both_forms(self) -> None:
        """01-01-2004 and 1-1-2004 are the same day."""
        facts, _ = parse_history(
            [
                {
                    "code": "GM1740",
                    "name": "Neder-Betuwe",
                    "comment": "Nieuw gevormd per 1-1-2004 oude naam: Kesteren.",
                },
                {"code": "GM0556", "name": "Maassluis", "comment": "Grenscorrectie per 1-1-2004."},
                {
                    "code": "GM0781",
                    "name": "Geldrop",
                    "comment": "Opgeheven per 01-01-2004 over naar: Geldrop-Mierlo.",
                },
            ]
        )
        assert {f.day for f in facts} == {date(2004, 1, 1)}
        assert [f.names for f in facts] == [("Kesteren",), (), ("Geldrop-Mierlo",)]

    def test_new_codes_of_2011_2016_agree_with_their_notes(self, register: wk.Network) -> None:
        """A code created 2011-2016 starts on the day its note says it was created."""
        facts, _ = parse_history(table("municipality-history.csv"))
        created = {f.code: f.day for f in facts if f.kind == "created" and f.day and f.day.year >= 2011}
        assert created
        for code, day in created.items():
            assert register.lookup("cbs", code, on=day).period.start == day

    def test_boundary_parcels_name_their_codes(self) -> None:
        """A Grenswijziging lists its parcels' municipalities with their codes."""
        facts, _ = parse_history(r for r in table("municipality-history.csv") if r["code"] == "GM0518")
        received = next(f for f in facts if f.kind == "boundary" and f.day == date(2002, 1, 1))
        assert received.codes == ("GM0548", "GM0577", "GM0594", "GM0603", "GM0624")


class TestShipped:
    def test_json_is_a_fresh_build(self) -> None:
        """data/register/register.json is what the tables compile to (run nox -s dataset after a change)."""
        assert shipped_path().read_text(encoding="utf-8") == compiled(), (
            "register.json is stale: nox -s dataset"
        )

    def test_loads_as_it_was_built(self, register: wk.Network) -> None:
        """The shipped JSON gives the very entities the builder makes."""
        from waterketen.register._build import entities

        assert wk.Network(entities()) == register

    def test_a_location_is_an_error(self) -> None:
        """register: takes no location."""
        with pytest.raises(wk.LoadError, match="no location"):
            wk.load("register:municipalities")


def test_by_year_codes_per_kind() -> None:
    """Sanity of the fixture tables: 6,059 rows, 16 years."""
    per_year = defaultdict(int)
    for row in table("municipalities-by-year.csv"):
        per_year[row["year"]] += 1
    assert sum(per_year.values()) == 6059
    assert len(per_year) == 16


class TestAsANetwork:
    def test_frames(self, register: wk.Network) -> None:
        """Without a cooperation, the partners frame lists every organisation; changes every change."""
        pytest.importorskip("pandas")
        frame = register.to_frame("partners", on="2016-01-01")
        assert frame.loc["bedum", ["name", "kind", "cbs"]].tolist() == ["Bedum", "municipality", "GM0005"]
        assert frame.loc["noorderzijlvest", "kadaster-bgt"] == "W0647"
        assert (frame["kind"] == "municipality").sum() == 390
        assert len(register.to_frame("changes")) == len(register.changes())

    def test_diff_and_timeline(self, register: wk.Network) -> None:
        """A diff between two days is explained by the register's changes."""
        found = register.diff("2018-06-01", "2019-06-01")
        assert {c.id for c in found.explain("winsum")} == {"split-winsum-2019"}
        assert [e.what for e in register.timeline("winsum")] == ["start", "end", "change"]

    def test_round_trip_through_native_json(self, register: wk.Network, tmp_path: Path) -> None:
        """Written as native JSON and read back, the register is the same network."""
        wk.formats.native.write_json(register, tmp_path / "register.json")
        assert wk.load(tmp_path / "register.json") == register
