"""Tests for the entities of the model."""

from __future__ import annotations

import attrs
import pytest

from waterketen import Body, BodyKind, Identifier, Organisation, OrgKind
from waterketen.model import ENTITY_TYPES, FieldValueError


class TestEntities:
    def test_frozen_slots_keyword_only(self) -> None:
        """Every entity class is frozen, slotted and keyword-only."""
        for cls in ENTITY_TYPES.values():
            assert attrs.has(cls)
            assert "__slots__" in cls.__dict__
            assert all(a.kw_only for a in attrs.fields(cls)), cls
        org = Organisation(id="bedum", name="Bedum", kind=OrgKind.MUNICIPALITY)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            org.name = "x"  # type: ignore[misc]

    @pytest.mark.parametrize("bad", ["", "has space", "tab\there", "x" * 201])
    def test_bad_ids(self, bad: str) -> None:
        """An id is 1-200 characters without spaces or control characters."""
        with pytest.raises(FieldValueError, match="is not an id") as info:
            Organisation(id=bad, name="Bedum", kind=OrgKind.MUNICIPALITY)
        assert info.value.field == "id"

    def test_blank_name(self) -> None:
        """A name must not be blank."""
        with pytest.raises(FieldValueError, match="must not be empty"):
            Organisation(id="x", name="  ", kind=OrgKind.MUNICIPALITY)

    def test_negative_seats(self) -> None:
        """A body cannot have a negative number of seats."""
        with pytest.raises(FieldValueError, match="negative"):
            Body(id="b", name="B", kind=BodyKind.OTHER, cooperation="c", seats=-1)

    def test_identifier(self) -> None:
        """An organisation answers its code in a scheme."""
        org = Organisation(
            id="bedum",
            name="Bedum",
            kind=OrgKind.MUNICIPALITY,
            identifiers=(Identifier(scheme="cbs", value="GM0005"),),
        )
        assert org.identifier("cbs") == "GM0005"
        assert org.identifier("kvk") is None
        assert str(org.identifiers[0]) == "cbs:GM0005"
