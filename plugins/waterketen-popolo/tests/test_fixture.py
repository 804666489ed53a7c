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
        """Every person, organisation and membership is in the network or rejected, with reasons."""
        accepted, rejected = places(network)
        objects = fixture_document[collection]
        assert len(objects) == count
        for index, obj in enumerate(objects):
            pointer = f"/{collection}/{index}"
            assert (pointer in accepted) != (pointer in rejected), pointer
            if pointer in rejected:
                assert rejected[pointer].problems
                assert all(p.reason for p in rejected[pointer].problems)
                assert rejected[pointer].record.original == obj  # type: ignore[attr-defined]
            elif "id" in obj:
                assert accepted[pointer] == obj["id"]

    def test_the_accounts(self, network: wk.Network) -> None:
        """Records read = accepted + rejected, one record per Popolo object."""
        assert network.report is not None
        assert network.report.read == 15 + 6 + 15 + 1  # and the one event
        assert network.report.read == network.report.accepted + len(network.report.rejected)
        assert (network.report.accepted, len(network.report.rejected)) == (21, 16)


class TestWhatIsRead:
    def test_persons(self, network: wk.Network) -> None:
        """The 15 members are persons, without birth dates, with the sources of the file."""
        persons = network.entities(wk.Person)
        assert len(persons) == 15
        emmanuel = network.get("07e9d8c9-b8f2-47a7-8b14-13971fa3c249", wk.Person)
        assert emmanuel.name == "Christophe T. Emmanuel"
        assert emmanuel.period == wk.Period()
        assert emmanuel.provenance[0].source.startswith("http://www.sxmparliament.org/")

    def test_organisations(self, network: wk.Network) -> None:
        """The legislature and the parties keep their path-like ids, names and identifiers."""
        legislature = network.get("legislature", wk.Organisation)
        assert (legislature.name, legislature.kind) == ("Estates", wk.OrgKind.OTHER)
        assert legislature.identifier("wikidata") == "Q388526"
        assert (
            network.get("party/united_st._maarten_party", wk.Organisation).name == "United St. Maarten Party"
        )

    def test_memberships_are_reported_with_their_reason(self, network: wk.Network) -> None:
        """A member of the legislature is not a membership waterketen can keep; each says why."""
        _, rejected = places(network)
        first = rejected["/memberships/0"]
        assert first.record.data["id"] == "07e9d8c9-b8f2-47a7-8b14-13971fa3c249@legislature"
        (problem,) = first.problems
        assert (problem.field, problem.place) == ("group", "/memberships/0")
        assert "refers to 'legislature', an organisation" in problem.reason

    def test_the_event_is_reported(self, network: wk.Network) -> None:
        """The legislative period is a Popolo event, which waterketen has no class for."""
        _, rejected = places(network)
        assert "unknown kind of record 'event'" in rejected["/events/0"].problems[0].reason

    def test_what_is_left_out_is_told(self, network: wk.Network) -> None:
        """Each field left out is a warning with its place: images, legacy identifiers, seats, terms, meta."""
        assert network.report is not None
        told = {(w.place, w.field) for w in network.report.warnings}
        assert {("/persons/0", "image"), ("/persons/0", "identifiers"), ("/organizations/1", "seats")} <= told
        assert {
            ("/memberships/0", "legislative_period_id"),
            ("/memberships/0", "on_behalf_of_id"),
            ("/meta", None),
        } <= told
        assert ("/organizations/0", "classification") in told  # 'party'

    def test_strict_read_lists_every_error(self) -> None:
        """A strict read raises one LoadError with all 16 errors."""
        with pytest.raises(wk.LoadError) as error:
            wp.read(FIXTURE)
        assert len(error.value.problems) == 16
