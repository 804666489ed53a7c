"""The embedded dataset refers to the register's organisations, and nothing in it contradicts the register."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib.resources import files
from typing import Any

import attrs
import pytest

import waterketen as wk
from waterketen.register.overlay import contradictions, is_reference, with_register


def document() -> dict[str, Any]:
    text = (files("waterketen") / "data" / "groningen-noord-drenthe.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@pytest.fixture(scope="module")
def register() -> wk.Network:
    return wk.load("register:")


@pytest.fixture(scope="module")
def net() -> wk.Network:
    return wk.load()


class TestReferences:
    def test_every_organisation_is_a_reference(self) -> None:
        """The dataset keeps no copy of an organisation: its 37 are references to the register."""
        organisations = document()["organisations"]
        assert len(organisations) == 37
        assert all(is_reference(o) for o in organisations)

    def test_nothing_contradicts_the_register(self) -> None:
        """Names, periods and fields of the references agree with the register."""
        assert contradictions(document()) == []

    def test_the_partners_are_the_register_s(self, net: wk.Network, register: wk.Network) -> None:
        """The 33 municipalities (GM0014 twice) and 4 other partners: the register's ids, codes, end."""
        for org in net.entities(wk.Organisation):
            theirs = register.get(org.id, wk.Organisation)
            assert (org.kind, org.period.end) == (theirs.kind, theirs.period.end), org.id
            assert set(theirs.identifiers) <= set(org.identifiers), org.id
            assert set(theirs.provenance) <= set(org.provenance), org.id
        kinds = [o.kind for o in net.entities(wk.Organisation)]
        assert kinds.count(wk.OrgKind.MUNICIPALITY) == 33
        assert len(kinds) == 37

    def test_only_refinements_differ(self, net: wk.Network, register: wk.Network) -> None:
        """Where the dataset's record differs from the register's, it adds what its own sources state."""
        differ = {}
        for org in net.entities(wk.Organisation):
            theirs = register[org.id]
            fields = [
                a.name
                for a in attrs.fields(wk.Organisation)
                if a.name != "provenance" and getattr(org, a.name) != getattr(theirs, a.name)
            ]
            if fields:
                differ[org.id] = fields
        assert differ == {
            "bellingwedde": ["period"],
            "noorderzijlvest": ["name", "other_names", "period", "note"],
            "hunze-en-aas": ["name", "other_names", "period", "note"],
            "waterbedrijf-groningen": ["period", "note"],
            "wmd": ["other_names", "period"],
        }
        assert net["bellingwedde"].period.start == date(1968, 9, 1)
        assert register["bellingwedde"].period.start == wk.Between(latest=date(2010, 1, 1))

    def test_the_changes_agree(self, net: wk.Network, register: wk.Network) -> None:
        """Every succession of the dataset's changes is one of the register's, on the same day."""

        def links(network: wk.Network, kinds: set[wk.ChangeKind]) -> set[tuple[date, str, str, bool]]:
            return {
                (c.date, b.id, a.id, b.partial or a.partial)
                for c in network.changes()
                if c.kind in kinds
                for b in c.before
                for a in c.after
                if b.id != a.id
            }

        territorial = {
            wk.ChangeKind.MERGER,
            wk.ChangeKind.ABSORPTION,
            wk.ChangeKind.SPLIT,
            wk.ChangeKind.BOUNDARY_CORRECTION,
        }
        mine = links(net, territorial)
        assert len(mine) == 21
        assert mine <= links(register, territorial | {wk.ChangeKind.UNKNOWN})


class TestContradictions:
    def test_a_wrong_name_period_or_id(self) -> None:
        """A reference that says otherwise than the register is reported, each way once."""
        bad = {
            "organisations": [
                {"id": "bedum", "name": "Baflo"},
                {"id": "winsum", "period": {"end": "2020-01-01"}},
                {"id": "nowhere"},
                {"id": "leek", "identifiers": [], "kind_of": "x"},
            ]
        }
        assert contradictions(bad) == [
            "bedum: the name 'Baflo' is none of the register's names",
            "winsum: end 2020-01-01 is not within the register's 2019-01-01",
            "nowhere: the register has no organisation with this id",
            "leek: a reference may not set kind_of",
        ]

    def test_a_refinement_is_no_contradiction(self) -> None:
        """A start inside the register's range, and a spelling of one of its names, agree."""
        fine = {"organisations": [{"id": "assen", "name": "ASSEN", "period": {"start": "1850"}}]}
        assert contradictions(fine) == []
        (filled,) = with_register(fine)["organisations"]
        assert filled["name"] == "ASSEN"
        assert filled["other_names"] == ["Assen"]
        assert filled["period"] == {"start": "1850"}

    def test_an_unknown_reference_is_rejected_by_the_load(self) -> None:
        """A reference the register cannot fill stays as it is, and the load says why."""
        source = wk.Record(tag="organisation", data={"id": "nowhere"}, provenance=wk.Provenance(source="x"))
        doc = with_register({"organisations": [source.data]})
        assert doc["organisations"] == [{"id": "nowhere"}]


def test_load_both_merges_the_refinements() -> None:
    """Loaded together, the dataset and the register do not disagree: where the dataset refines a
    record (a founding day within the register's "no later than 2010"), the two merge into the
    narrower one."""
    net = wk.load("embedded:groningen-noord-drenthe", "register:", strict=False)
    assert net.report is not None
    assert not net.report.rejected
    embedded = wk.load()
    for refined in ("bellingwedde", "hunze-en-aas", "noorderzijlvest"):
        assert net[refined].period == embedded[refined].period, refined
        assert {p.source for p in net.origin(refined)} == {"embedded:groningen-noord-drenthe", "register:"}
