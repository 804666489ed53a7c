"""Persons in councils and legislatures: the model's fields for the world's Popolo, in every native format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import waterketen as wk
from waterketen.model import Contact, Link, OtherName


jsonschema = pytest.importorskip("jsonschema")


def council() -> wk.Network:
    """A made-up council with a mayor, a party and a member on behalf of it (all names fictional)."""
    return wk.Network(
        [
            wk.Cooperation(id="c", name="Coop"),
            wk.Organisation(
                id="council/x",
                name="Council of Exampletown",
                kind=wk.OrgKind.OTHER,
                identifiers=(wk.Identifier(scheme="wikidata", value="Q0"),),
                links=(Link(url="https://example.invalid/council", note="website"),),
                contact_details=(Contact(kind="address", value="Main Street 1, Exampletown"),),
            ),
            wk.Organisation(id="party/o'brien", name="O'Brien List", kind=wk.OrgKind.OTHER),
            wk.Person(
                id="person/a",
                name="Person A",
                identifiers=(wk.Identifier(scheme="wikidata", value="Q1"),),
                other_names=(
                    OtherName(name="P. A.", period=wk.Period(start=wk.PartialDate(2010))),
                    OtherName(name="Person Alpha", note="maiden name"),
                ),
                links=(Link(url="https://example.invalid/a"),),
            ),
            wk.Post(id="post/mayor", name="Mayor of Exampletown", cooperation="council/x"),
            wk.Membership(
                id="m1",
                member="person/a",
                group="council/x",
                role="Mayor",
                label="Mayor of Exampletown",
                on_behalf_of="party/o'brien",
                post="post/mayor",
                period=wk.Period(start=wk.PartialDate(2014), end=wk.PartialDate(2018)),
            ),
        ]
    )


class TestMembershipsOfOrganisations:
    def test_a_person_may_be_a_member_of_an_organisation(self) -> None:
        """A membership of a person in a council, with its role, party and post, loads."""
        doc = json.loads(wk.formats.native.dumps(council()))
        net = _load_document(doc)
        membership = net.get("m1", wk.Membership)
        assert (membership.role, membership.on_behalf_of, membership.post) == (
            "Mayor",
            "party/o'brien",
            "post/mayor",
        )
        assert [m.member for m in net.memberships("council/x")] == ["person/a"]

    def test_a_cooperation_is_not_a_member_of_an_organisation(self) -> None:
        """Only persons and organisations are members of organisations."""
        doc = {
            "cooperations": [{"id": "c", "name": "C"}],
            "organisations": [{"id": "o", "name": "O", "kind": "other"}],
            "memberships": [{"id": "m", "member": "c", "group": "o"}],
        }
        with pytest.raises(wk.LoadError, match="refers to 'o', an organisation"):
            _load_document(doc)

    def test_on_behalf_of_and_post_are_references(self) -> None:
        """A party or post that is not there rejects the membership, naming the field."""
        doc = json.loads(wk.formats.native.dumps(council()))
        doc["memberships"][0]["on_behalf_of"] = "party/none"
        doc["memberships"][0]["post"] = "c"
        net = _load_document(doc, strict=False)
        assert net.report is not None
        (rejected,) = net.report.rejected
        assert {p.field for p in rejected.problems} == {"on_behalf_of", "post"}


def _load_document(doc: object, *, strict: bool = True) -> wk.Network:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    path = folder / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return wk.load(path, strict=strict)


class TestEveryNativeFormat:
    def test_json(self, tmp_path: Path) -> None:
        """Native JSON keeps every new field."""
        net = council()
        wk.formats.native.write_json(net, tmp_path / "n.json")
        assert wk.load(tmp_path / "n.json") == net

    def test_jsonl(self, tmp_path: Path) -> None:
        """JSON Lines keeps every new field."""
        net = council()
        wk.write(net, tmp_path / "n.jsonl", "jsonl")
        assert wk.load(tmp_path / "n.jsonl") == net

    def test_csv(self, tmp_path: Path) -> None:
        """A directory of CSV tables keeps every new field."""
        net = council()
        wk.write(net, tmp_path / "out", "csv")
        assert wk.load(f"csvdir:{tmp_path / 'out'}") == net

    def test_schema(self) -> None:
        """What the writer writes is valid against the generated schema, which knows the new fields."""
        schema = wk.schema.json_schema()
        jsonschema.Draft202012Validator(schema).validate(json.loads(wk.formats.native.dumps(council())))
        membership = schema["$defs"]["Membership"]["properties"]
        assert {"role", "label", "on_behalf_of", "post"} <= set(membership)
        assert schema["$defs"]["OtherName"]["required"] == ["name"]
        assert schema["$defs"]["Contact"]["required"] == ["kind", "value"]
