"""Round trips: reading what the writer wrote gives an equal network, in Turtle and in JSON-LD."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import waterketen_rdf as wr
from hypothesis import given, settings

import waterketen as wk
from waterketen.testing import histories, networks


POPOLO_ONLY = {
    wk.Person: ("identifiers", "other_names", "links", "contact_details"),
    wk.Organisation: ("links", "contact_details"),
    wk.Membership: ("role", "label", "on_behalf_of", "post"),
}
"""Fields of the model that only Popolo data fills, which the ORG mapping does not carry yet."""


def _without_popolo_fields(network: wk.Network) -> wk.Network:
    """The network with the fields of :data:`POPOLO_ONLY` at their defaults (and what pointed at them)."""
    import attrs

    out = []
    for entity in network:
        names = POPOLO_ONLY.get(type(entity), ())
        defaults = {f.name: f.default for f in attrs.fields(type(entity)) if f.name in names}
        out.append(attrs.evolve(entity, **defaults) if defaults else entity)  # type: ignore[misc]
    return wk.Network(out)


SYNTAXES = ["turtle", "json-ld"]


class TestRoundTrip:
    @pytest.mark.parametrize("syntax", SYNTAXES)
    def test_embedded_dataset(self, net: wk.Network, syntax: str) -> None:
        """The embedded dataset reads back equal, provenance, partial dates and all."""
        again = wr.read(wr.dumps(net, syntax), syntax)
        assert again == net
        assert again.get("gnd-bestuurlijk-akkoord-2014", wk.Agreement).date == wk.PartialDate(2014)

    @pytest.mark.parametrize("syntax", SYNTAXES)
    @settings(max_examples=30)
    @given(network=networks())
    def test_generated_networks(self, network: wk.Network, syntax: str) -> None:
        """Any generated network reads back equal: every kind of bound, every field ORG carries, in order."""
        network = _without_popolo_fields(network)
        assert wr.read(wr.dumps(network, syntax), syntax) == network

    @pytest.mark.parametrize("syntax", SYNTAXES)
    @settings(max_examples=10)
    @given(network=histories())
    def test_histories(self, network: wk.Network, syntax: str) -> None:
        """Networks of merging organisations read back equal."""
        network = _without_popolo_fields(network)
        assert wr.read(wr.dumps(network, syntax), syntax) == network

    def test_graph_in_memory(self, net: wk.Network) -> None:
        """``from_graph(to_graph(net))`` is the network again, without text in between."""
        assert wr.from_graph(wr.to_graph(net)) == net

    @pytest.mark.parametrize(("suffix", "writer"), [(".ttl", "turtle"), (".jsonld", "jsonld")])
    def test_through_a_file(self, tmp_path: Path, net: wk.Network, suffix: str, writer: str) -> None:
        """``wk.write`` with the plugin's writer, then ``wk.load`` by the suffix, gives the network."""
        path = tmp_path / f"gnd{suffix}"
        assert wk.write(net, path).name == writer
        assert wk.load(path) == net


class TestTime:
    def test_bounds_at_their_precision(self) -> None:
        """A year, a month, a range and an unknown bound are written as OWL-Time says, and read back."""
        period = wk.Period(start=wk.PartialDate(2014), end=wk.Between(earliest=wk.PartialDate(2019, 4)))
        network = wk.Network(
            [
                wk.Organisation(id="a", name="A", kind=wk.OrgKind.MUNICIPALITY, period=period),
                wk.Organisation(
                    id="b",
                    name="B",
                    kind=wk.OrgKind.WATER_BOARD,
                    period=wk.Period(start=wk.UNKNOWN, end=date(2020, 1, 1)),
                ),
            ]
        )
        text = wr.dumps(network, "turtle")
        assert '"2014"^^xsd:gYear' in text
        assert '"2019-04"^^xsd:gYearMonth' in text
        assert '"2020-01-01"^^xsd:date' in text
        assert "wkv:UnknownInstant" in text
        assert "wkv:UncertainInstant" in text
        assert wr.read(text) == network


FOREIGN = """
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/id/samenwerking> a org:OrganizationalCollaboration ; skos:prefLabel "Samenwerking" .
<https://example.org/id/gemeente> a org:Organization ; skos:prefLabel "Gemeente" .
<https://example.org/id/lid> a org:Membership ;
    org:member <https://example.org/id/gemeente> ;
    org:organization <https://example.org/id/samenwerking> ;
    org:memberDuring [ time:hasBeginning [ time:inXSDDate "2015-01-01"^^xsd:date ] ] .
"""


class TestOtherPublishers:
    def test_standard_classes(self) -> None:
        """ORG data without waterketen's classes loads through the standard ones, IRIs as ids."""
        network = wr.read(FOREIGN)
        member = network["https://example.org/id/gemeente"]
        assert isinstance(member, wk.Organisation)
        assert member.kind is wk.OrgKind.OTHER
        assert [o.name for o in network.partners(on="2016-01-01")] == ["Gemeente"]
        assert network.partners(on="2014-12-31") == ()
