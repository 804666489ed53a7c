"""Tests for the loading pipeline: bad input, merging, references, accounting."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk


COOP = {"id": "c", "name": "Coop"}
ORG = {"id": "bedum", "name": "Bedum", "kind": "municipality"}


def write(tmp_path: Path, document: Any, name: str = "net.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def problems(*sources: Any) -> list[wk.Problem]:
    with pytest.raises(wk.LoadError) as info:
        wk.load(*sources)
    return list(info.value.problems)


class TestBadSyntax:
    def test_malformed_json(self, tmp_path: Path) -> None:
        """Broken JSON names the file, line and column."""
        path = tmp_path / "net.json"
        path.write_text('{"organisations": [\n  {"id": "x",}\n]}', encoding="utf-8")
        (problem,) = problems(path)
        assert problem.source == str(path)
        assert problem.place == "line 2, column 14"
        assert "invalid JSON" in problem.reason

    def test_malformed_toml(self, tmp_path: Path) -> None:
        """Broken TOML names the file and line."""
        path = tmp_path / "net.toml"
        path.write_text('[[organisations]]\nid = "x"\nname = \n', encoding="utf-8")
        (problem,) = problems(path)
        assert problem.place is not None
        assert problem.place.startswith("line 3")
        assert "invalid TOML" in problem.reason

    def test_not_utf8(self, tmp_path: Path) -> None:
        """Latin-1 bytes are reported with their line, not decoded wrongly."""
        path = tmp_path / "net.json"
        path.write_bytes(b'{\n"cooperations": [{"id": "c", "name": "Caf\xe9"}]}')
        (problem,) = problems(path)
        assert problem.place == "line 2"
        assert "not UTF-8" in problem.reason

    def test_bom_is_accepted(self, tmp_path: Path) -> None:
        """A UTF-8 byte-order mark is fine."""
        path = tmp_path / "net.json"
        path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"cooperations": [COOP]}).encode())
        assert len(wk.load(path)) == 1

    def test_duplicate_keys(self, tmp_path: Path) -> None:
        """A key twice in one object would lose a value: it is an error."""
        path = tmp_path / "net.json"
        path.write_text('{"cooperations": [{"id": "c", "name": "A", "name": "B"}]}', encoding="utf-8")
        (problem,) = problems(path)
        assert "duplicate key 'name'" in problem.reason

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a problem of that source."""
        (problem,) = problems(tmp_path / "nope.json")
        assert "cannot read" in problem.reason

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """A location no source type handles is reported with the known ones."""
        (problem,) = problems(tmp_path / "net.ods")
        assert "no source type reads" in problem.reason
        assert ".json" in problem.reason

    def test_wrong_format_and_version(self, tmp_path: Path) -> None:
        """Another format or version is refused at its place."""
        (problem,) = problems(write(tmp_path, {"format": "popolo"}))
        assert problem.place == "/format"
        (problem,) = problems(write(tmp_path, {"version": 2}))
        assert problem.place == "/version"

    def test_deep_nesting(self, tmp_path: Path) -> None:
        """Absurd nesting is a problem, not a crash."""
        path = tmp_path / "net.json"
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        (problem,) = problems(path)
        assert "nested too deeply" in problem.reason or "expected a table" in problem.reason


class TestBadRecords:
    @pytest.mark.parametrize(
        ("record", "field", "reason"),
        [
            ({**ORG, "kind": "gemeentee"}, "kind", "expected one of municipality"),
            ({**ORG, "name": 5}, "name", "expected text, got 5"),
            ({"id": "bedum", "kind": "municipality"}, "name", "required field is missing"),
            ({**ORG, "colour": "blue"}, "colour", "unknown field(s) 'colour'"),
            ({**ORG, "period": {"start": "31-02-2019"}}, "period", "expected a date"),
            ({**ORG, "period": {"start": "2019-02-31"}}, "period", "not a real date"),
            ({**ORG, "period": {"start": "2019-01-01", "end": "2018-01-01"}}, "period", "not after start"),
            ({**ORG, "identifiers": "GM0005"}, "identifiers", "expected a list"),
            ({**ORG, "identifiers": [{"scheme": "cbs"}]}, "identifiers/0/value", "required field is missing"),
            ({**ORG, "id": "has space"}, "id", "is not an id"),
            ({**ORG, "name": " "}, "name", "must not be empty"),
            ({**ORG, "other_names": [True]}, "other_names/0", "expected text"),
        ],
    )
    def test_field_errors(
        self, tmp_path: Path, record: dict[str, Any], field: str | None, reason: str
    ) -> None:
        """A bad field is named with its record's place and the reason."""
        path = write(tmp_path, {"cooperations": [COOP], "organisations": [ORG, record]})
        found = [p for p in problems(path) if p.place == "/organisations/1"]
        assert found, "the problem names the record's place"
        assert any(p.field == field and reason in p.reason for p in found), found
        assert all(p.source == str(path) for p in found)

    def test_all_problems_reported_together(self, tmp_path: Path) -> None:
        """Every problem of a load is listed, not only the first."""
        bad = [{**ORG, "id": f"o{i}", "kind": "x"} for i in range(3)]
        path = write(
            tmp_path, {"organisations": bad, "clusters": [{"id": "k", "name": "K", "cooperation": "nope"}]}
        )
        found = problems(path)
        assert len(found) == 4
        message = str(wk.LoadError(found))
        assert message.startswith("4 problem(s)")
        assert "/clusters/0 cooperation" in message

    def test_unknown_section(self, tmp_path: Path) -> None:
        """A misspelt section is not skipped silently."""
        (problem,) = problems(write(tmp_path, {"organizations": [ORG]}))
        assert problem.place == "/organizations/0"
        assert "unknown kind of record 'organizations'" in problem.reason

    def test_section_not_a_list(self, tmp_path: Path) -> None:
        """A section that is not a list is one rejected record."""
        (problem,) = problems(write(tmp_path, {"organisations": 5}))
        assert problem.place == "/organisations"
        assert "expected a table of fields, got 5" in problem.reason


class TestReferences:
    def test_unknown_reference(self, tmp_path: Path) -> None:
        """A reference to an undefined id names the field and the id."""
        path = write(
            tmp_path, {"cooperations": [COOP], "clusters": [{"id": "k", "name": "K", "cooperation": "nope"}]}
        )
        (problem,) = problems(path)
        assert (problem.place, problem.field) == ("/clusters/0", "cooperation")
        assert "'nope', which is not defined" in problem.reason

    def test_reference_of_wrong_kind(self, tmp_path: Path) -> None:
        """A reference to an entity of the wrong kind is an error."""
        membership = {"id": "m", "member": "c", "group": "bedum"}
        path = write(tmp_path, {"cooperations": [COOP], "organisations": [ORG], "memberships": [membership]})
        (problem,) = problems(path)
        assert problem.field == "group"
        assert "an organisation, where a cooperation or cluster or body" in problem.reason

    def test_rejection_cascades_in_lenient_mode(self, tmp_path: Path) -> None:
        """A record that points at a rejected one is rejected too, with its own reason."""
        document = {
            "cooperations": [COOP],
            "clusters": [{"id": "k", "name": "K", "cooperation": "c", "colour": 1}],
            "memberships": [{"id": "m", "member": "c", "group": "k"}],
        }
        network = wk.load(write(tmp_path, document), strict=False)
        report = network.report
        assert report is not None
        assert [r.record.provenance.locator for r in report.rejected] == ["/clusters/0", "/memberships/0"]
        assert (report.read, report.accepted) == (3, 1)


class TestMerging:
    def test_same_record_twice_merges(self, tmp_path: Path) -> None:
        """Two sources that agree merge by id; the network knows both origins."""
        a = write(tmp_path, {"cooperations": [COOP]}, "a.json")
        b = write(tmp_path, {"cooperations": [COOP]}, "b.json")
        network = wk.load(a, b)
        assert len(network) == 1
        assert [p.source for p in network.origin("c")] == [str(a), str(b)]

    def test_conflict_names_both_places(self, tmp_path: Path) -> None:
        """Two sources that disagree are reported with both provenances and the field."""
        a = write(tmp_path, {"cooperations": [COOP]}, "a.json")
        b = write(tmp_path, {"cooperations": [{**COOP, "name": "Other"}]}, "b.json")
        (problem,) = problems(a, b)
        assert problem.source == str(b)
        assert problem.place == "/cooperations/0"
        assert f"also defined at {a} /cooperations/0" in problem.reason
        assert "name 'Other' here, 'Coop' there" in problem.reason

    def test_duplicate_within_one_source(self, tmp_path: Path) -> None:
        """A duplicate id inside one file that disagrees is a conflict too."""
        path = write(tmp_path, {"cooperations": [COOP, {**COOP, "name": "B"}]})
        (problem,) = problems(path)
        assert problem.place == "/cooperations/1"
        assert problem.field == "id"


class TestAccounting:
    @given(
        st.lists(
            st.one_of(
                st.fixed_dictionaries(
                    {"id": st.sampled_from(["a", "b", "c d"]), "name": st.sampled_from(["A", "", 3])}
                ),
                st.integers(),
                st.text(max_size=3),
            ),
            max_size=8,
        )
    )
    def test_read_is_accepted_plus_rejected(self, items: list[Any]) -> None:
        """Whatever the records, read = accepted + rejected, and nothing else escapes."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "net.json"
            path.write_text(json.dumps({"cooperations": items}), encoding="utf-8")
            network = wk.load(path, strict=False)
        report = network.report
        assert report is not None
        assert report.read == len(items)
        assert report.read == report.accepted + len(report.rejected)
        assert len(network) <= report.accepted

    @given(st.binary(max_size=200))
    def test_arbitrary_bytes_raise_only_load_errors(self, data: bytes) -> None:
        """Arbitrary bytes never raise anything but the library's own errors."""
        import tempfile

        for suffix in (".json", ".toml"):
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"net{suffix}"
                path.write_bytes(data)
                with contextlib.suppress(wk.WaterketenError):
                    wk.load(path)


class TestSourceObjects:
    def test_custom_source(self) -> None:
        """Any object with a name and records() is a source."""

        class Inline:
            name = "inline"

            def records(self) -> list[wk.Record]:
                return [
                    wk.Record(
                        tag="cooperation", data=COOP, provenance=wk.Provenance(source="inline", locator="1")
                    )
                ]

        assert wk.load(Inline())["c"].name == "Coop"

    def test_failing_source_is_reported(self) -> None:
        """A source that crashes is a problem of that source, not a traceback."""

        class Broken:
            name = "broken"

            def records(self) -> list[wk.Record]:
                raise RuntimeError("boom")

        (problem,) = problems(Broken())
        assert problem.source == "broken"
        assert "RuntimeError: boom" in problem.reason
        assert len(wk.load(Broken(), strict=False)) == 0


class TestSuccessorLoops:
    def test_loop_is_rejected(self, tmp_path: Path) -> None:
        """Changes that make an organisation its own successor are rejected, naming the loop."""
        orgs = [{"id": i, "name": i.upper(), "kind": "municipality"} for i in ("a", "b")]
        changes = [
            {
                "id": "x",
                "kind": "merger",
                "date": "2018-01-01",
                "before": [{"id": "a"}],
                "after": [{"id": "b"}],
            },
            {
                "id": "y",
                "kind": "merger",
                "date": "2019-01-01",
                "before": [{"id": "b"}],
                "after": [{"id": "a"}],
            },
        ]
        found = problems(write(tmp_path, {"organisations": orgs, "changes": changes}))
        assert [p.place for p in found] == ["/changes/0", "/changes/1"]
        assert all("successor loop through a, b" in p.reason for p in found)


class TestSourceWarnings:
    def test_warnings_reach_the_report(self) -> None:
        """A source's ``warnings``, read after its records, are in the report and fail no strict load."""

        class Doubtful:
            name = "doubtful"

            def __init__(self) -> None:
                self.warnings: list[wk.Problem] = []

            def records(self) -> list[wk.Record]:
                self.warnings.append(wk.Problem(source="doubtful", place="line 3", reason="odd name"))
                return [wk.Record(tag="cooperation", data=COOP, provenance=wk.Provenance(source="doubtful"))]

        net = wk.load(Doubtful())
        assert net.report is not None
        (warning,) = net.report.warnings
        assert (warning.place, warning.reason) == ("line 3", "odd name")
        assert warning.severity is wk.errors.Severity.WARNING
        assert net.report.ok

    def test_warnings_are_kept_as_warnings(self) -> None:
        """A warning given with error severity is still a warning; a non-Problem is the source's bug."""

        class Confused:
            name = "confused"
            warnings = (wk.Problem(source="confused", reason="said as error"), "not a problem")

            def records(self) -> list[wk.Record]:
                return []

        net = wk.load(Confused(), strict=False)
        assert net.report is not None
        assert [p.reason for p in net.report.warnings] == ["said as error"]
        (error,) = net.report.errors
        assert "not a Problem" in error.reason
