"""Writing Popolo: what each entity becomes, and the embedded dataset against the Popolo rules."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import waterketen_popolo as wp
from popolo_schema import problems

import waterketen as wk


WIKI = "http://samenwerkenaanwater.nl/wiki/de-65-regios/regionaal-feitenonderzoek-groningen-en-noord-drenthe/regio"


class TestEmbeddedDataset:
    def test_keeps_the_popolo_rules(self, net: wk.Network) -> None:
        """The embedded dataset exports to Popolo that keeps the schemas' required fields and date pattern."""
        assert problems(wp.to_popolo(net)) == []

    def test_what_it_becomes(self, net: wk.Network) -> None:
        """Partners, clusters, bodies and posts become organizations and posts a Popolo reader understands."""
        document = wp.to_popolo(net)
        organizations = {o["id"]: o for o in document["organizations"]}
        assert len(document["organizations"]) == len(net.entities(wk.Cooperation)) + len(
            net.entities(wk.Organisation)
        ) + len(net.entities(wk.Cluster)) + len(net.entities(wk.Body))
        assert organizations["gnd-dal"]["parent_id"] == "groningen-noord-drenthe"
        assert organizations["gnd-waterteam-dal"] | {"sources": None} == {
            "id": "gnd-waterteam-dal",
            "name": "Waterteam DAL",
            "classification": "water-team",
            "parent_id": "gnd-dal",
            "dissolution_date": "2020",
            "sources": None,
            "waterketen": {
                "period": {"start": "..2014", "end": "2020"},
                # a Popolo link holds a url and a note: the citation's date goes to the extension
                "provenance": [
                    {"source": WIKI, "locator": f"line {line} of the page's text", "date": "2019-04-03"}
                    for line in (17, 19)
                ],
            },
        }
        assert organizations["gnd-regiegroep"]["waterketen"]["seats"] == 11
        regisseur = next(p for p in document["posts"] if p["id"] == "gnd-waterregisseur")
        assert (regisseur["organization_id"], regisseur["role"]) == ("gnd-regiegroep", "secretary")
        assert [d["role"] for d in regisseur["waterketen"]["duties"]] == [
            "secretary",
            "chair",
            "member",
            "secretary",
        ]
        bedum = next(m for m in document["memberships"] if m["id"] == "bedum@groningen-noord-drenthe")
        assert bedum["member"] == {"@type": "Organization", "id": "bedum"}
        assert "start_date" not in bedum  # "no later than 2014" has no Popolo date; the extension keeps it
        assert bedum["end_date"] == "2018-12-31"
        assert bedum["waterketen"]["period"]["start"] == "..2014"
        assert [a["id"] for a in document["waterketen"]["agreements"]] == [
            "gnd-bestuurlijk-akkoord-2014",
            "gnd-samenwerkingsovereenkomst-2019",
        ]

    def test_text_is_stable(self, net: wk.Network) -> None:
        """Writing twice gives the same text, in UTF-8 without escapes."""
        text = wp.dumps(net)
        assert text == wp.dumps(wp.read(json.loads(text)))
        assert "Clustercoördinatorenoverleg" in text


class TestEntities:
    def test_unknown_cluster_name(self) -> None:
        """A cluster without a known name gets the placeholder Popolo requires; the extension says unknown."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Cluster(id="k", cooperation="c", members_known=False),
            ]
        )
        (_, cluster) = wp.to_popolo(network)["organizations"]
        assert cluster["name"] == wp.UNKNOWN_NAME
        assert cluster["waterketen"] == {"name": None, "members_known": False}
        assert wp.read(wp.to_popolo(network)) == network

    def test_tenures(self) -> None:
        """A tenure is a membership with the post, its place and role, and on whose behalf from the post."""
        network = wk.Network(
            [
                wk.Cooperation(id="c", name="C"),
                wk.Organisation(id="o", name="O", kind=wk.OrgKind.WATER_BOARD),
                wk.Body(id="b", name="B", kind=wk.BodyKind.STEERING_GROUP, cooperation="c"),
                wk.Post(
                    id="p",
                    name="P",
                    cooperation="c",
                    duties=(wk.model.Duty(role=wk.Role.CHAIR, body="b"),),
                    represents="o",
                ),
                wk.Person(id="x", name="X"),
                wk.Tenure(id="t", holder="x", post="p", period=wk.Period(start=wk.PartialDate(2015, 3))),
                wk.Tenure(id="u", holder="o", post="p"),
            ]
        )
        document = wp.to_popolo(network)
        t, u = document["memberships"]
        assert t == {
            "id": "t",
            "person_id": "x",
            "organization_id": "b",
            "role": "chair",
            "post_id": "p",
            "on_behalf_of_id": "o",
            "start_date": "2015-03",
        }
        assert u["member"] == {"@type": "Organization", "id": "o"}
        assert "waterketen" not in document["posts"][0]  # represents is said by the memberships
        assert wp.read(document) == network

    def test_write_is_atomic(self, tmp_path: Path, net: wk.Network) -> None:
        """A failed write leaves the old file in place and no temporary behind."""
        path = tmp_path / "net.popolo.json"
        path.write_text("old", encoding="utf-8")

        class Boom(wk.Network):
            def entities(self, *args: object, **kwargs: object) -> tuple[wk.Entity, ...]:
                raise RuntimeError("interrupted")

        with contextlib.suppress(RuntimeError):
            wp.write(Boom(list(net)), path)
        assert path.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == ["net.popolo.json"]
