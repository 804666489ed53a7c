"""The JSON Schema of the native format: generated from the model, it accepts what the writer writes."""

from __future__ import annotations

import re
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
from waterketen._fields import check_id as _check_id
from waterketen.schema import WHITESPACE
from waterketen.testing import networks


jsonschema = pytest.importorskip("jsonschema")
VALIDATOR = jsonschema.Draft202012Validator(wk.schema.json_schema())


def errors(document: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(document)]


class TestSchema:
    def test_is_a_valid_schema(self) -> None:
        """The schema itself is valid JSON Schema, draft 2020-12."""
        jsonschema.Draft202012Validator.check_schema(wk.schema.json_schema())

    def test_every_section_and_field(self) -> None:
        """Every section of the format and every field of the model is in the schema."""
        schema = wk.schema.json_schema()
        for section, tag in wk.formats.native.SECTIONS.items():
            cls = wk.model.ENTITY_TYPES[tag]
            assert schema["properties"][section]["items"] == {"$ref": f"#/$defs/{cls.__name__}"}
            fields = [a.name for a in attrs.fields(cls)]
            assert list(schema["$defs"][cls.__name__]["properties"]) == fields

    def test_whitespace_is_pythons(self) -> None:
        """The whitespace class of the patterns is exactly what Python strips."""
        pattern = re.compile(f"[{WHITESPACE}]")
        assert all(bool(pattern.fullmatch(c)) == c.isspace() for c in map(chr, range(sys.maxunicode + 1)))


class TestWriterOutput:
    def test_embedded_dataset(self, net: wk.Network) -> None:
        """The native document of the embedded dataset is valid."""
        assert errors(wk.formats.native.to_document(net)) == []

    @given(networks())
    def test_generated_networks(self, network: wk.Network) -> None:
        """The native document of every generated network is valid."""
        assert errors(wk.formats.native.to_document(network)) == []

    @given(st.text(max_size=12))
    def test_ids_mean_the_same(self, text: str) -> None:
        """The schema takes a text as an id exactly when the model does."""
        try:
            _check_id(None, type("A", (), {"name": "id"})(), text)
            model_ok = True
        except ValueError:
            model_ok = False
        document = {"persons": [{"id": text, "name": "P"}]}
        assert (errors(document) == []) == model_ok


class TestBadDocuments:
    @pytest.mark.parametrize(
        ("document", "message"),
        [
            ({"format": "other"}, "format: 'waterketen' was expected"),
            ({"version": 2}, "version: 1 was expected"),
            ({"organisations": [{"id": "x", "name": "X", "kind": "gemeentee"}]}, "organisations/0/kind"),
            ({"organisations": [{"id": "x", "kind": "municipality"}]}, "'name' is a required property"),
            ({"persons": [{"id": "x y", "name": "X"}]}, "persons/0/id"),
            ({"persons": [{"id": "x", "name": "  "}]}, "persons/0/name"),
            ({"persons": [{"id": "x", "name": "X", "colour": "blue"}]}, "Additional properties"),
            (
                {"persons": [{"id": "x", "name": "X", "period": {"start": "1-1-2019"}}]},
                "persons/0/period/start",
            ),
            ({"persons": [{"id": "x", "name": "X", "period": {"start": "2019-01-01\n"}}]}, "period/start"),
            (
                {"bodies": [{"id": "b", "name": "B", "kind": "other", "cooperation": "c", "seats": -1}]},
                "seats",
            ),
            (
                {"clusters": [{"id": "c", "name": None, "cooperation": "x", "members_known": "yes"}]},
                "members_known",
            ),
            ({"things": []}, "Additional properties"),
        ],
    )
    def test_rejected(self, document: dict[str, Any], message: str) -> None:
        """What the loader refuses, the schema refuses too, at the same place."""
        found = errors(document)
        assert found, document
        assert any(message in e for e in found), found
