"""The real fixture: an EveryPolitician export of the Estates of Sint Maarten (CC0, see data/README.md)."""

from __future__ import annotations

from typing import Any

import pytest
import waterketen_popolo as wp

import waterketen as wk
from conftest import FIXTURE


@pytest.fixture(scope="module")
def network() -> wk.Network:
    """The fixture, read leniently."""
    return wp.read(FIXTURE, strict=False)


def places(network: wk.Network) -> tuple[dict[str, str], dict[str, wk.loading.Rejected]]:
    """Where each accepted entity and each rejected record came from, by JSON pointer."""
    assert network.report is not None
    accepted = {p.locator: entity.id for entity in network for p in network.origin(entity.id) if p.locator}
    rejected = {r.record.provenance.locator or "": r for r in network.report.rejected}
    return accepted, rejected


class TestEveryObjectIsAccountedFor:
    @pytest.mark.parametrize(
        ("collection", "count"), [("persons", 15), ("organizations", 6), ("memberships", 15)]
    )
    def test_counts(self, network: wk.Network, fixture_document: Any, collection: str, count: int) -> None:
        """Every person, organisation and membership is in the network, from its own place."""
        accepted, rejected = places(network)
        objects = fixture_document[collection]
        assert len(objects) == count
        for index, obj in enumerate(objects):
            pointer = f"/{collection}/{index}"
            assert pointer in accepted, pointer
            assert pointer not in rejected
            if "id" in obj:
                assert accepted[pointer] == obj["id"]

    def test_the_accounts(self, network: wk.Network) -> None:
        """Records read = accepted: one record per person, organisation and membership; none rejected."""
        assert network.report is not None
        assert network.report.read == 15 + 6 + 15
        assert (network.report.accepted, len(network.report.rejected)) == (36, 0)


class TestWhatIsRead:
    def test_persons(self, network: wk.Network) -> None:
        """The 15 members are persons, without birth dates, with their identifiers and the sources."""
        persons = network.entities(wk.Person)
        assert len(persons) == 15
        emmanuel = network.get("07e9d8c9-b8f2-47a7-8b14-13971fa3c249", wk.Person)
        assert emmanuel.name == "Christophe T. Emmanuel"
        assert emmanuel.period == wk.Period()
        assert emmanuel.identifier("everypolitician_legacy") == "c-emmanuel"
        assert emmanuel.provenance[0].source.startswith("http://www.sxmparliament.org/")

    def test_organisations(self, network: wk.Network) -> None:
        """The legislature and the parties keep their path-like ids, names and identifiers."""
        legislature = network.get("legislature", wk.Organisation)
        assert (legislature.name, legislature.kind) == ("Estates", wk.OrgKind.OTHER)
        assert legislature.identifier("wikidata") == "Q388526"
        assert (
            network.get("party/united_st._maarten_party", wk.Organisation).name == "United St. Maarten Party"
        )

    def test_memberships(self, network: wk.Network, fixture_document: Any) -> None:
        """Each member of the legislature is a membership on behalf of a party, in the term's period."""
        memberships = network.memberships("legislature")
        assert len(memberships) == 15
        first = network.get("07e9d8c9-b8f2-47a7-8b14-13971fa3c249@legislature@term/2", wk.Membership)
        assert (first.role, first.on_behalf_of) == ("member", "party/national_alliance")
        assert first.period == wk.Period(start=wk.PartialDate(2014))  # the term's start, "2014"
        parties = {m.on_behalf_of for m in memberships}
        assert parties == {
            o["id"] for o in fixture_document["organizations"] if o["classification"] == "party"
        }

    def test_what_is_left_out_is_told_once_per_kind(self, network: wk.Network) -> None:
        """Each field left out is one warning with its count, at its first place: images, seats, meta."""
        assert network.report is not None
        told = {(w.place, w.field): w.reason for w in network.report.warnings}
        assert "(in 15 persons; this is the first)" in told["/persons/0", "image"]
        assert ("/organizations/1", "seats") in told
        assert ("/meta", None) in told
        assert "15 memberships" in told["/events", None]
        assert len(network.report.warnings) == 7

    def test_strict_read(self) -> None:
        """A strict read succeeds: nothing is an error."""
        assert len(wp.read(FIXTURE).entities(wk.Membership)) == 15

    def test_round_trip(self, network: wk.Network) -> None:
        """What is read is written back and read again unchanged."""
        assert wp.read(wp.to_popolo(network)) == network
