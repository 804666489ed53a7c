"""The paths that keep large loads fast and lean: the fast converter, the loader's
pending records, the compact indexes and the JSON Lines form of the native format."""

from __future__ import annotations

import gc
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import waterketen as wk
from waterketen import convert
from waterketen.formats.jsonl import write_jsonl
from waterketen.testing import networks, periods


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _lines(*objects: Any) -> str:
    return "".join(json.dumps(o) + "\n" for o in objects)


class TestFastConverter:
    @given(networks())
    def test_fast_and_detailed_agree(self, net: wk.Network) -> None:
        """The fast converter structures every valid record exactly as the detailed one does."""
        detailed = convert._converters()[1]
        for entity in net:
            data = convert.unstructure_entity(entity)
            fast = convert._fast_hook(type(entity))(data, type(entity))
            assert fast == detailed.structure(data, type(entity)) == entity

    @given(networks(max_organisations=3), st.data())
    @settings(suppress_health_check=[HealthCheck.too_slow])
    def test_fast_path_never_accepts_what_the_detailed_rejects(
        self, net: wk.Network, data: st.DataObject
    ) -> None:
        """A record with a field of the wrong type, a missing field or an unknown one fails on both paths."""
        entity = data.draw(st.sampled_from(list(net)))
        record = convert.unstructure_entity(entity)
        key = data.draw(st.sampled_from(sorted(record)))
        fault = data.draw(st.sampled_from(["wrong type", "missing", "unknown"]))
        if fault == "wrong type":
            record[key] = data.draw(st.sampled_from([1.5, [1], {"x": 1}, True]))
        elif fault == "missing":
            del record[key]
        else:
            record["colour"] = "blue"
        detailed = convert._converters()[1]
        try:
            expected = detailed.structure(record, type(entity))
        except Exception:
            expected = None
        try:
            fast = convert._fast_hook(type(entity))(record, type(entity))
        except Exception:
            fast = None
        assert fast == expected

    def test_references_share_the_id_string(self) -> None:
        """A reference is the very string of the id it names, so a large network keeps each id once."""
        net = wk.load()
        for membership in net.entities(wk.Membership):
            assert membership.member is net[membership.member].id
            assert membership.group is net[membership.group].id

    def test_tables_belong_to_one_load(self) -> None:
        """The ids and date bounds the fast path shares live in one load's tables, emptied when it ends."""
        tables = convert.Tables()
        with convert.sharing(tables):
            convert.structure_entity("membership", {"id": "m", "member": "o", "group": "g"})
            assert tables.ids == {"o": "o", "g": "g"}
        with convert.sharing() as other:
            assert other is not tables
            assert not other.ids
        wk.load()
        assert tables.ids == {"o": "o", "g": "g"}  # a load uses its own tables, never another's

    def test_nothing_is_kept_outside_a_load(self) -> None:
        """Structuring a record outside a load shares nothing: no tables are current."""
        convert.structure_entity(
            "membership", {"id": "m", "member": "o", "group": "g", "period": {"start": "2014"}}
        )
        assert convert._TABLES.get() is None


class TestPeriodFastPaths:
    @given(periods(), st.dates())
    def test_contains_is_certainly_yes(self, period: wk.Period, day: date) -> None:
        """The quick check of whole-day bounds answers as the certainty of the four days does."""
        assert period.contains(day) == (period.certainty(day) is wk.model.Certainty.YES)

    @given(periods(), st.dates())
    def test_certainty_agrees_with_the_four_days(self, period: wk.Period, day: date) -> None:
        """certainty() computes each of the four days once and still answers by them."""
        if day < period.earliest_start or day >= period.latest_end:
            expected = wk.model.Certainty.NO
        elif period.latest_start <= day < period.earliest_end:
            expected = wk.model.Certainty.YES
        else:
            expected = wk.model.Certainty.UNCERTAIN
        assert period.certainty(day) is expected


class TestCollector:
    def test_collector_is_on_again_after_a_load(self) -> None:
        """A load pauses the garbage collector and switches it back on, even when the load fails."""
        wk.load()
        assert gc.isenabled()
        with pytest.raises(wk.LoadError):
            wk.load("no-such-file.json")
        assert gc.isenabled()

    def test_collector_left_off_when_it_was_off(self) -> None:
        """A load leaves a collector that the caller switched off, off."""
        gc.disable()
        try:
            wk.load()
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestPendingRecords:
    def test_forward_reference_loads(self, tmp_path: Path) -> None:
        """A membership listed before the organisation it names is accepted once the organisation comes."""
        path = _write(
            tmp_path,
            "forward.jsonl",
            _lines(
                {"cooperation": {"id": "coop", "name": "Coop"}},
                {"membership": {"id": "m", "member": "org", "group": "coop"}},
                {"organisation": {"id": "org", "name": "Org", "kind": "municipality"}},
            ),
        )
        net = wk.load(path)
        assert net.members("coop") == (net["org"],)

    def test_rejection_cascades_with_whole_records(self, tmp_path: Path) -> None:
        """A post whose body is missing is rejected, and so is the tenure of that post, each record whole."""
        tenure = {"id": "t", "holder": "p", "post": "post"}
        document = {
            "cooperations": [{"id": "coop", "name": "Coop"}],
            "persons": [{"id": "p", "name": "P"}],
            "posts": [
                {
                    "id": "post",
                    "name": "Post",
                    "cooperation": "coop",
                    "duties": [{"role": "chair", "body": "b"}],
                }
            ],
            "tenures": [tenure],
        }
        path = _write(tmp_path, "cascade.json", json.dumps(document))
        net = wk.load(path, strict=False)
        assert {r.record.data["id"] for r in net.report.rejected} == {"post", "t"}
        assert next(r.record.data for r in net.report.rejected if r.record.tag == "tenure") == tenure
        assert net.report.read == net.report.accepted + len(net.report.rejected) == 4
        assert "t" not in net
        assert "p" in net


class _RecordsOnly:
    """A source that offers only the Source protocol, as a plugin's would."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name

    def records(self) -> Any:
        return self.inner.records()


class TestFastLane:
    def test_fast_lane_and_records_agree(self, tmp_path: Path) -> None:
        """The built-in sources' (tag, data, locator) lane loads what the Record path loads, problems too."""
        document = {
            "cooperations": [{"id": "coop", "name": "Coop"}],
            "organisations": [
                {"id": "org", "name": "Org", "kind": "municipality"},
                {"id": "bad", "name": "Bad", "kind": "gemeentee"},
                {"id": "org", "name": "Other", "kind": "municipality"},
            ],
            "memberships": [
                {"id": "m", "member": "org", "group": "nowhere"},
                {"id": "n", "member": "org", "group": "coop"},
            ],
        }
        path = _write(tmp_path, "doc.json", json.dumps(document))
        fast = wk.load(path, strict=False)
        slow = wk.load(_RecordsOnly(wk.loading.open_source(path)), strict=False)
        assert fast == slow
        assert (
            fast.origin("n")
            == slow.origin("n")
            == (wk.Provenance(source=str(path), locator="/memberships/1"),)
        )
        assert fast.report.rejected == slow.report.rejected
        assert [p.place for p in fast.report.problems] == [
            "/organisations/1",
            "/organisations/2",
            "/memberships/0",
        ]


class TestCompactIndexes:
    def test_origin_of_one_and_of_two_sources(self, tmp_path: Path) -> None:
        """origin() gives a tuple whether the network keeps one place or several."""
        record = {"organisations": [{"id": "org", "name": "Org", "kind": "municipality"}]}
        a = _write(tmp_path, "a.json", json.dumps(record))
        b = _write(tmp_path, "b.json", json.dumps(record))
        assert wk.load(a).origin("org") == (wk.Provenance(source=str(a), locator="/organisations/0"),)
        assert [p.source for p in wk.load(a, b).origin("org")] == [str(a), str(b)]

    def test_network_made_by_hand_keeps_its_origins(self) -> None:
        """A Network given origins answers them as tuples."""
        org = wk.Organisation(id="org", name="Org", kind=wk.OrgKind.MUNICIPALITY)
        place = wk.Provenance(source="here")
        net = wk.Network([org], origins={"org": (place,)})
        assert net.origin("org") == (place,)

    def test_shared_identifier_is_ambiguous(self) -> None:
        """Two organisations with one code are both found under it."""
        orgs = [
            wk.Organisation(
                id=i,
                name=i,
                kind=wk.OrgKind.MUNICIPALITY,
                identifiers=(wk.Identifier(scheme="cbs", value="GM1"),),
                period=wk.Period(start=start, end=end),
            )
            for i, start, end in (
                ("a", None, wk.model.parse_instant("2019-01-01")),
                ("b", wk.model.parse_instant("2019-01-01"), None),
            )
        ]
        net = wk.Network(orgs)
        assert net.lookup("cbs", "GM1", on="2018-06-01") == orgs[0]
        with pytest.raises(wk.AmbiguityError):
            net.lookup("cbs", "GM1")


class TestJsonLines:
    @given(networks())
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test_round_trip(self, tmp_path: Path, net: wk.Network) -> None:
        """Writing a network as JSON Lines and loading it back gives the same network."""
        path = tmp_path / "net.jsonl"
        write_jsonl(net, path)
        assert wk.load(path) == net

    def test_embedded_round_trip_and_places(self, tmp_path: Path) -> None:
        """The embedded dataset survives JSON Lines, and each record's place is its line."""
        net = wk.load()
        path = tmp_path / "net.jsonl"
        write_jsonl(net, path)
        again = wk.load(path)
        assert again == net
        first = next(iter(again))
        assert again.origin(first.id) == (wk.Provenance(source=str(path), locator="line 2"),)

    def test_writer_is_offered_through_the_hook(self) -> None:
        """The JSON Lines writer is a built-in writer like the JSON one."""
        pm = wk.plugins.get_plugin_manager(entry_points=False)
        writers = {w.name: w for offered in pm.hook.waterketen_writers() for w in offered}
        assert writers["jsonl"].suffixes == (".jsonl",)

    def test_header_sets_updated_and_checks_the_format(self, tmp_path: Path) -> None:
        """The header line gives the source's date and must name the native format."""
        good = _write(
            tmp_path,
            "good.jsonl",
            _lines({"format": "waterketen", "version": 1, "source": {"updated": "2019-04-03"}})
            + "\n"
            + _lines({"cooperations": {"id": "coop", "name": "Coop"}}),
        )
        net = wk.load(good)
        assert net.report.sources[0].updated == wk.model.parse_instant("2019-04-03")
        bad = _write(tmp_path, "bad.jsonl", _lines({"format": "popolo"}))
        with pytest.raises(wk.LoadError) as caught:
            wk.load(bad)
        assert caught.value.problems[0].place == "/format"

    @pytest.mark.parametrize(
        ("text", "place", "reason"),
        [
            ('{"cooperation": {"id": "c", "name": "C"}}\n{"person": \n', "line 2, column 12", "invalid JSON"),
            ('{"cooperation": {"id": "c", "name": "C"}, "person": {}}\n', "line 1", "one key"),
            ("[1, 2]\n", "line 1", "one key"),
            ('{"person": {"id": "p", "id": "q"}}\n', "line 1", "duplicate key"),
        ],
    )
    def test_faulty_line_is_placed(self, tmp_path: Path, text: str, place: str, reason: str) -> None:
        """A line that is not one record names its line (and column) and the reason."""
        path = _write(tmp_path, "faulty.jsonl", text)
        with pytest.raises(wk.LoadError) as caught:
            wk.load(path)
        problem = caught.value.problems[-1]
        assert problem.place == place
        assert reason in problem.reason

    def test_bad_record_is_rejected_with_its_line(self, tmp_path: Path) -> None:
        """A record the converter rejects is kept whole, placed at its line; the others load."""
        path = _write(
            tmp_path,
            "lenient.jsonl",
            _lines(
                {"organisation": {"id": "o", "name": "O", "kind": "gemeentee"}},
                {"person": {"id": "p", "name": "P"}},
            ),
        )
        net = wk.load(path, strict=False)
        assert [(r.record.provenance.locator, r.problems[0].field) for r in net.report.rejected] == [
            ("line 1", "kind")
        ]
        assert "p" in net

    def test_not_utf8_is_placed(self, tmp_path: Path) -> None:
        """A line that is not UTF-8 is named with its byte."""
        path = tmp_path / "latin.jsonl"
        path.write_bytes(b'{"person": {"id": "p", "name": "Caf\xe9"}}\n')
        with pytest.raises(wk.LoadError) as caught:
            wk.load(path)
        assert caught.value.problems[0].place == "line 1"
        assert "0xe9" in caught.value.problems[0].reason
