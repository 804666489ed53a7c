"""Popolo as the world writes it: made-up exports in the style of a parliament's and a council's.

The two files in ``tests/data`` (see its README) hold only fictional persons
and bodies, with the quirks of real exports: year-only and partial dates,
path-like and apostrophe-laden ids, extra top-level keys, memberships
without ids, a person given twice, legislative periods as events, areas,
posts of a council's executive, parties as ``on_behalf_of``.
"""

from __future__ import annotations

import collections
import json
from datetime import date
from typing import Any

import pytest
import waterketen_popolo as wp

import waterketen as wk
from conftest import DATA


PARLIAMENT = DATA / "parliament-style.popolo.json"
COUNCIL = DATA / "council-style.popolo.json"
KEPT = ("persons", "organizations", "memberships")


def document(path: Any) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def kept(network: wk.Network, doc: Any) -> dict[str, tuple[int, int]]:
    """(objects kept, objects in the file) per collection, by the JSON pointers of the network."""
    places = {p.locator for entity in network for p in network.origin(entity.id)}
    return {
        collection: (
            sum(f"/{collection}/{i}" in places for i in range(len(doc[collection]))),
            len(doc[collection]),
        )
        for collection in KEPT
    }


@pytest.fixture(scope="module", params=[PARLIAMENT, COUNCIL], ids=["parliament", "council"])
def read(request: pytest.FixtureRequest) -> tuple[wk.Network, Any]:
    """Each file, read leniently, with its parsed document."""
    return wp.read(request.param, strict=False), document(request.param)


class TestWhatIsKept:
    def test_at_least_95_percent(self, read: tuple[wk.Network, Any]) -> None:
        """At least 95% of the persons, organisations and memberships are kept, and the accounts hold."""
        network, doc = read
        counts = kept(network, doc)
        assert sum(k for k, _ in counts.values()) >= 0.95 * sum(n for _, n in counts.values())
        assert network.report is not None
        assert network.report.read == network.report.accepted + len(network.report.rejected)

    def test_the_rest_is_reported_by_kind(self) -> None:
        """The parliament loses one person without a name and one membership of a person not in the file."""
        network = wp.read(PARLIAMENT, strict=False)
        assert network.report is not None
        by_kind = collections.Counter(r.record.tag for r in network.report.rejected)
        assert by_kind == {"person": 1, "membership": 1}
        reasons = {r.record.provenance.locator: r.problems[0] for r in network.report.rejected}
        assert reasons["/persons/35"].field == "name"
        assert "'person/missing', which is not defined" in reasons["/memberships/48"].reason
        assert kept(network, document(PARLIAMENT)) == {
            "persons": (35, 36),
            "organizations": (6, 6),
            "memberships": (48, 49),
        }

    def test_the_council_is_kept_whole(self) -> None:
        """Every object of the council-style file is kept."""
        network = wp.read(COUNCIL)
        doc = document(COUNCIL)
        assert kept(network, doc) == {c: (len(doc[c]), len(doc[c])) for c in KEPT}

    def test_left_out_is_told_once_per_kind(self, read: tuple[wk.Network, Any]) -> None:
        """No field is told twice: each warning is one kind of object and one field, with its count."""
        network, _ = read
        assert network.report is not None
        keys = [
            (w.place.split("/")[1] if w.place else None, w.field, w.reason) for w in network.report.warnings
        ]
        assert len(keys) == len(set(keys))
        assert len(network.report.warnings) < 25


@pytest.fixture(scope="module")
def parliament() -> wk.Network:
    """The parliament-style file, read leniently."""
    return wp.read(PARLIAMENT, strict=False)


@pytest.fixture(scope="module")
def council() -> wk.Network:
    """The council-style file."""
    return wp.read(COUNCIL)


class TestParliament:
    @pytest.fixture
    def network(self, parliament: wk.Network) -> wk.Network:
        """The parliament-style file."""
        return parliament

    def test_terms_are_periods(self, network: wk.Network) -> None:
        """A member of a term has the term's period; one who joined later keeps their own start."""
        first = network.get("00000000-aaaa-4bbb-8ccc-000000000000@legislature@term/1", wk.Membership)
        assert first.period == wk.Period(start=date(2010, 6, 1), end=date(2014, 6, 1))
        later = network.get("00000003-aaaa-4bbb-8ccc-000000000003@legislature@term/2@2015", wk.Membership)
        assert later.period == wk.Period(start=wk.PartialDate(2015))
        left = network.get("00000004-aaaa-4bbb-8ccc-000000000004@legislature@term/2", wk.Membership)
        assert left.period == wk.Period(start=wk.PartialDate(2014), end=wk.PartialDate(2016, 3))

    def test_on_behalf_of_parties(self, network: wk.Network) -> None:
        """Memberships say their party; a switch of party in one term is two memberships."""
        switched = "00000005-aaaa-4bbb-8ccc-000000000005@legislature@term/2"
        assert network.get(switched, wk.Membership).on_behalf_of == "party/green's"
        assert network.get(f"{switched}~2", wk.Membership).on_behalf_of == "party/independent"
        assert (
            network.get("person/o'hara-b@legislature@term/2", wk.Membership).on_behalf_of == "party/green's"
        )

    def test_quirky_ids(self, network: wk.Network) -> None:
        """Apostrophes and path-like ids are kept; spaces are percent-encoded the same way every time."""
        assert network["person/o'hara-b"].name == "Person O'Hara"
        assert network["person%20q%20r"].name == "Person Q R"
        assert network.get("person%20q%20r@legislature@term/2", wk.Membership).member == "person%20q%20r"

    def test_persons(self, network: wk.Network) -> None:
        """Identifiers, other names with periods, links and partial birth dates are kept."""
        a = network.get("00000000-aaaa-4bbb-8ccc-000000000000", wk.Person)
        assert a.identifier("wikidata") == "Q990000"
        assert a.period.start == wk.PartialDate(1950)
        assert [(n.name, n.period) for n in a.other_names] == [
            ("Person A (alias)", wk.Period()),
            ("P. A.", wk.Period(start=wk.PartialDate(2012), end=date(2016, 7, 1))),
        ]
        assert a.links[0].note == "Wikipedia (en)"

    def test_a_person_given_twice_is_one(self, network: wk.Network) -> None:
        """The second object of a person's id adds its identifier; both places are the person's."""
        c = network.get("00000002-aaaa-4bbb-8ccc-000000000002", wk.Person)
        assert {i.scheme for i in c.identifiers} == {"wikidata", "everypolitician_legacy", "assembly"}
        assert [p.locator for p in network.origin(c.id)] == ["/persons/2", "/persons/34"]

    def test_a_duplicate_membership_is_one(self, network: wk.Network) -> None:
        """An exact duplicate of a membership without an id is the same membership."""
        assert len(network.memberships("legislature")) == 48 - 1

    def test_round_trip(self, network: wk.Network) -> None:
        """What is read is written as Popolo and read back unchanged."""
        assert wp.read(wp.to_popolo(network)) == network


class TestCouncil:
    @pytest.fixture
    def network(self, council: wk.Network) -> wk.Network:
        """The council-style file."""
        return council

    def test_mayor_and_deputies(self, network: wk.Network) -> None:
        """The mayor and deputy mayors are members of the executive holding their posts, with their roles."""
        executive = network.memberships("ocd-organization/executive")
        assert [(m.role, m.post, m.on_behalf_of) for m in executive] == [
            ("Mayor", "ocd-post/mayor", None),
            ("Deputy Mayor", "ocd-post/deputy-mayor-1", "ocd-organization/party-red"),
            ("Deputy Mayor", "ocd-post/deputy-mayor-2", "ocd-organization/party-grey"),
        ]
        mayor = network.get("ocd-membership/1", wk.Membership)
        assert mayor.label == "Mayor of Exampleville"
        assert mayor.period == wk.Period(start=date(2018, 1, 1), end=date(2024, 1, 1))
        assert network.get("ocd-post/mayor", wk.Post).cooperation == "ocd-organization/executive"

    def test_council_and_parties(self, network: wk.Network) -> None:
        """Councillors are members of the council on behalf of a group, and members of their group."""
        council = network.memberships("ocd-organization/council")
        assert len(council) == 13  # twelve councillors and the ward's seat
        assert len(network.memberships("ocd-organization/party-red")) == 6
        town_hall = network.get("ocd-organization/council", wk.Organisation).contact_details[0]
        assert (town_hall.kind, town_hall.label) == ("address", "Town hall")

    def test_no_phone_or_email_of_persons(self) -> None:
        """The made-up files, like all the project's data, hold no telephone number or e-mail of a person."""
        for path in (PARLIAMENT, COUNCIL):
            for person in document(path)["persons"]:
                kinds = {c.get("type") for c in person.get("contact_details", [])}
                assert not kinds & {"voice", "phone", "cell", "fax", "email"}
                assert "email" not in person

    def test_round_trip(self, network: wk.Network) -> None:
        """What is read is written as Popolo and read back unchanged."""
        assert wp.read(wp.to_popolo(network)) == network


def test_a_party_not_in_the_file_costs_no_membership() -> None:
    """An ``on_behalf_of_id`` naming no organization of the document is left out; the membership stays."""
    document = {
        "persons": [{"id": "a", "name": "Person A"}],
        "organizations": [{"id": "leg", "name": "Legislature", "classification": "legislature"}],
        "memberships": [{"person_id": "a", "organization_id": "leg", "on_behalf_of_id": "party/gone"}],
    }
    network = wp.read(document)
    assert network.get("a@leg", wk.Membership).on_behalf_of is None
    assert network.report is not None
    assert [(w.field, w.reason) for w in network.report.warnings] == [
        ("classification", "read as an organisation of kind 'other': 'legislature' is not one it knows"),
        ("on_behalf_of_id", "left out: 'party/gone' is no organization of the document"),
    ]
