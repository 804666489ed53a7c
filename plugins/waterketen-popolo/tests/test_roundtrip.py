"""Round trips: ``read(write(net)) == net``, and ``write(read(doc))`` keeps what the mapping covers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import waterketen_popolo as wp
from hypothesis import given
from popolo_schema import problems
from popolo_strategies import popolo_documents

import waterketen as wk
from waterketen.testing import networks


COLLECTIONS = ("persons", "organizations", "posts", "memberships")


def as_json(document: dict[str, Any]) -> Any:
    """The document as a reader of the file would see it."""
    return json.loads(json.dumps(document, ensure_ascii=False))


class TestNetworkRoundTrip:
    @given(networks())
    def test_generated_networks(self, network: wk.Network) -> None:
        """Every generated network reads back equal from its Popolo document, which keeps the Popolo rules."""
        document = wp.to_popolo(network)
        assert problems(document) == []
        assert wp.read(as_json(document)) == network

    def test_through_a_file(self, tmp_path: Path, net: wk.Network) -> None:
        """The embedded dataset reads back equal from a file, partial dates and all."""
        path = tmp_path / "gnd.popolo.json"
        wp.write(net, path)
        again = wp.read(path)
        assert again == net
        assert again.get("gnd-bestuurlijk-akkoord-2014", wk.Agreement).date == wk.PartialDate(2014)
        assert again.report is not None
        assert again.report.warnings == ()

    def test_change_events_partial_dates_and_unknown_bounds(self) -> None:
        """A merger, a year-only start and an unknown end survive the trip, and say so in the extension."""
        network = wk.Network(
            [
                wk.Organisation(
                    id="a", name="A", kind=wk.OrgKind.MUNICIPALITY, period=wk.Period(end=wk.UNKNOWN)
                ),
                wk.Organisation(
                    id="b",
                    name="B",
                    kind=wk.OrgKind.MUNICIPALITY,
                    period=wk.Period(start=wk.PartialDate(2014)),
                ),
                wk.Change(
                    id="a-to-b",
                    kind=wk.ChangeKind.MERGER,
                    date=wk.PartialDate(2019, 1),
                    before=(wk.model.Part(id="a", partial=True),),
                    after=(wk.model.Part(id="b"),),
                ),
            ]
        )
        document = wp.to_popolo(network)
        a, b = document["organizations"]
        assert "dissolution_date" not in a
        assert a["waterketen"] == {"period": {"end": "unknown"}}
        assert b["founding_date"] == "2014"
        assert "waterketen" not in b
        assert document["waterketen"]["changes"][0]["date"] == "2019-01"
        assert wp.read(as_json(document)) == network


class TestDocumentRoundTrip:
    @given(popolo_documents())
    def test_covered_fields_are_kept(self, document: dict[str, Any]) -> None:
        """Reading and writing a valid Popolo document gives back every covered field, and no extension."""
        network = wp.read(as_json(document))
        assert network.report is not None
        assert network.report.warnings == ()
        again = wp.to_popolo(network)
        for collection in COLLECTIONS:
            written = {obj["id"]: obj for obj in again[collection]}
            assert set(written) == {obj["id"] for obj in document[collection]}
            for obj in document[collection]:
                assert {key: written[obj["id"]].get(key) for key in obj} == obj
                assert "waterketen" not in written[obj["id"]]

    @given(popolo_documents())
    def test_generated_documents_keep_the_popolo_rules(self, document: dict[str, Any]) -> None:
        """The strategy itself draws documents that keep the Popolo schemas' rules."""
        assert problems(document) == []


class TestPeopleFields:
    def test_persons_and_memberships_of_organisations(self) -> None:
        """Persons' identifiers, other names, links and contacts, and memberships with role, label,
        party and post are written as plain Popolo, with no extension, and read back equal."""
        council = wk.Organisation(
            id="council/x",
            name="Council of Exampletown",
            kind=wk.OrgKind.OTHER,
            links=(wk.model.Link(url="https://example.invalid/council", note="website"),),
            contact_details=(
                wk.model.Contact(
                    kind="address", value="Main Street 1", period=wk.Period(start=wk.PartialDate(2001))
                ),
            ),
        )
        person = wk.Person(
            id="person/a",
            name="Person A",
            identifiers=(wk.Identifier(scheme="wikidata", value="Q1"),),
            other_names=(wk.model.OtherName(name="P. A.", period=wk.Period(start=wk.PartialDate(2010))),),
            links=(wk.model.Link(url="https://example.invalid/a"),),
        )
        network = wk.Network(
            [
                council,
                wk.Organisation(id="party/o'brien", name="O'Brien List", kind=wk.OrgKind.OTHER),
                person,
                wk.Post(id="post/mayor", name="Mayor", cooperation="council/x"),
                wk.Membership(
                    id="m1",
                    member="person/a",
                    group="council/x",
                    role="Mayor",
                    label="Mayor of Exampletown",
                    on_behalf_of="party/o'brien",
                    post="post/mayor",
                ),
            ]
        )
        document = wp.to_popolo(network)
        assert not any(
            wp.EXTENSION in obj
            for key in ("persons", "organizations", "memberships")
            for obj in document[key]
        )
        assert wp.read(document) == network

    def test_a_tenure_of_an_organisations_post(self) -> None:
        """A tenure of an organisation's post stays a tenure (marked in the extension), not a membership."""
        network = wk.Network(
            [
                wk.Organisation(id="council", name="Council", kind=wk.OrgKind.OTHER),
                wk.Person(id="p", name="Person A"),
                wk.Post(id="clerk", name="Clerk", cooperation="council"),
                wk.Tenure(id="t", holder="p", post="clerk"),
            ]
        )
        document = wp.to_popolo(network)
        (membership,) = document["memberships"]
        assert membership[wp.EXTENSION] == {"tenure": True}
        assert wp.read(document) == network
