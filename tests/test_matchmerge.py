"""Tests for merging across sources: one organisation under two sources' ids, by its code."""

from __future__ import annotations

import json
from pathlib import Path

import waterketen as wk


def write(path: Path, document: dict[str, object]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def table(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def org(id: str, name: str, code: str, **more: object) -> dict[str, object]:
    return {
        "id": id,
        "name": name,
        "kind": "municipality",
        "identifiers": [{"scheme": "cbs", "value": code}],
        **more,
    }


class TestDefaults:
    """A field one source leaves out (its default) is not a conflict."""

    def test_embedded_and_a_table(self, tmp_path: Path) -> None:
        """The embedded dataset and a table of the same municipalities load together (issue 20 item 5)."""
        path = table(tmp_path / "g.csv", "Code;Naam\n5;Bedum\n14;Groningen\n9;Ten Boer\n17;Haren\n")
        net = wk.load(
            "embedded:groningen-noord-drenthe", wk.TableSource(path, member_code="Code", member_name="Naam")
        )
        assert net.report is not None
        assert net.report.ok, net.report.problems
        bedum = net.get("bedum", wk.Organisation)
        assert str(bedum.period.end) == "2019-01-01"  # the table's open period gives way
        assert [p.source for p in net.origin("bedum")] == ["embedded:groningen-noord-drenthe", str(path)]

    def test_real_disagreement_is_reported(self, tmp_path: Path) -> None:
        """Two values that both sources give and that differ are a conflict, with both places and values."""
        a = write(tmp_path / "a.json", {"organisations": [org("x", "Bedum", "GM0005")]})
        b = write(tmp_path / "b.json", {"organisations": [org("x", "Bedum", "GM0005", kind="province")]})
        net = wk.load(a, b, strict=False)
        assert net.report is not None
        (problem,) = net.report.errors
        assert problem.source == str(b)
        assert f"also defined at {a} /organisations/0" in problem.reason
        assert "kind 'province' here, 'municipality' there" in problem.reason


class TestByCode:
    """Records of one organisation under two ids merge when they carry one code on the same days."""

    def sources(self, tmp_path: Path) -> tuple[Path, Path]:
        first = write(
            tmp_path / "register.json",
            {
                "organisations": [
                    org("bedum", "Bedum", "GM0005", period={"end": "2019-01-01"}),
                    org("pekela", "Pekela", "GM0765"),
                    org("groningen", "Groningen", "GM0014", period={"end": "2019-01-01"}),
                    org("groningen-2019", "Groningen", "GM0014", period={"start": "2019-01-01"}),
                ]
            },
        )
        second = table(
            tmp_path / "regio.csv",
            "Gemeentecode;Gemeentenaam;Regio\n"
            "GM0005;Gemeente Bedum;Noord\n"
            "0765;De Pekela's;Oost\n"
            "14;Stad Groningen;Stad\n",
        )
        return first, second

    def test_merged_with_both_provenances(self, tmp_path: Path) -> None:
        """The table's rows become the register's organisations, each with both sources' places."""
        first, second = self.sources(tmp_path)
        source = wk.TableSource(
            second, member_code="Gemeentecode", member_name="Gemeentenaam", group="Regio", resolve=False
        )
        net = wk.load(first, source, strict=False)
        assert net.report is not None
        ids = {o.id for o in net.entities(wk.Organisation)}
        assert {"bedum", "pekela"} <= ids
        assert not {"gemeente-bedum", "de-pekelas"} & ids
        assert [p.source for p in net.origin("bedum")] == [str(first), str(second)]
        assert net.get("bedum", wk.Organisation).other_names == ("Gemeente Bedum",)
        keys = {(m.first, m.second, m.rule, m.key) for m in net.report.matches}
        assert ("bedum", "gemeente-bedum", "identifier", "cbs:GM0005") in keys
        assert ("pekela", "de-pekelas", "identifier", "cbs:GM0765") in keys

    def test_references_follow(self, tmp_path: Path) -> None:
        """The table's memberships point at the kept ids."""
        first, second = self.sources(tmp_path)
        source = wk.TableSource(
            second, member_code="Gemeentecode", member_name="Gemeentenaam", group="Regio", resolve=False
        )
        net = wk.load(first, source, strict=False)
        assert [o.id for o in net.members("noord")] == ["bedum"]
        assert [o.id for o in net.members("oost")] == ["pekela"]

    def test_a_code_of_two_organisations_is_not_merged(self, tmp_path: Path) -> None:
        """GM0014 is two municipalities in time: a row with no day matches both, so it stays apart."""
        first, second = self.sources(tmp_path)
        source = wk.TableSource(
            second, member_code="Gemeentecode", member_name="Gemeentenaam", group="Regio", resolve=False
        )
        net = wk.load(first, source, strict=False)
        assert "stad-groningen" in net
        assert not any(m.key == "cbs:GM0014" for m in net.report.matches)  # type: ignore[union-attr]

    def test_disagreeing_records_stay_apart(self, tmp_path: Path) -> None:
        """Same code, same days, but another name: a warning with both places and both values."""
        first = write(tmp_path / "a.json", {"organisations": [org("bedum", "Bedum", "GM0005")]})
        second = write(tmp_path / "b.json", {"organisations": [org("gm0005", "Winsum", "GM0005")]})
        net = wk.load(first, second, strict=False)
        assert net.report is not None
        assert {"bedum", "gm0005"} <= {o.id for o in net.entities(wk.Organisation)}
        (warning,) = net.report.warnings
        assert warning.source == str(second)
        assert f"(at {first} /organisations/0)" in warning.reason
        assert "name 'Winsum' here, 'Bedum' there" in warning.reason
        assert net.report.matches == ()

    def test_one_source_is_left_alone(self, tmp_path: Path) -> None:
        """Two records of one source that share a code are that source's business: not merged."""
        path = write(
            tmp_path / "a.json",
            {"organisations": [org("a", "Bedum", "GM0005"), org("b", "Bedum", "GM0005")]},
        )
        net = wk.load(path)
        assert {"a", "b"} <= {o.id for o in net.entities(wk.Organisation)}

    def test_find_matches_still_reports(self) -> None:
        """find_matches keeps reporting what it matched and by which rule."""
        a = wk.Organisation(id="a", name="Bedum", kind=wk.OrgKind.MUNICIPALITY)
        b = wk.Organisation(id="b", name="bedum", kind=wk.OrgKind.MUNICIPALITY)
        (match,) = wk.matching.find_matches(wk.Network([a, b])).matches  # type: ignore[attr-defined]
        assert (match.first, match.second, match.rule) == ("a", "b", "name")
