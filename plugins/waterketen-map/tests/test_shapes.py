"""Which shape an organisation has on a day: the rules of the network's history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

import waterketen as wk
import waterketen_map as wm
from conftest import REGION, municipality
from waterketen.testing import histories


Synthetic = Callable[[list[dict[str, Any]], list[dict[str, Any]]], wk.Network]


def _merger(partial: bool = False, kind: str = "merger") -> dict[str, Any]:
    return {
        "id": "test-change",
        "kind": kind,
        "date": "2018-01-01",
        "before": [{"id": "test-a"}, {"id": "test-b", "partial": partial}],
        "after": [{"id": "test-ab"}],
    }


def _two_into_one() -> list[dict[str, Any]]:
    # GM0007 and GM0048 are codes of the 2014 file; GM9990 is in no file.
    return [
        municipality("test-a", "GM0007", end="2018-01-01"),
        municipality("test-b", "GM0048", end="2018-01-01"),
        municipality("test-ab", "GM9990", start="2018-01-01"),
    ]


class TestFromFiles:
    def test_unchanged_since_the_file(self, net: wk.Network) -> None:
        """A municipality no change touched since 1 Jan 2014 takes its shape from the 2014 file in 2016."""
        found = wm.shape_of(net, "bedum", on="2016-01-01")
        assert isinstance(found, wm.Shape)
        assert found.source == "gemeenten-2014-noord.geojson"
        assert found.geometry.equals(wm.boundary_files()[0].shapes["GM0005"])

    def test_a_boundary_correction_lies_between(self, net: wk.Network) -> None:
        """After the Meerstad correction of 2017 neither Slochteren nor Groningen has a known shape."""
        for organisation in ("slochteren", "groningen"):
            found = wm.shape_of(net, organisation, on="2017-06-01")
            assert isinstance(found, wm.Missing)
            assert "gnd-grenscorrectie-meerstad-2017" in found.reason

    def test_same_code_other_organisation(self, net: wk.Network) -> None:
        """GM0014 of 2023 is the Groningen of 2019, never the old Groningen."""
        old = wm.shape_of(net, "groningen", on="2018-06-01")
        assert isinstance(old, wm.Missing)
        assert "when groningen did not exist" in old.reason
        new = wm.shape_of(net, "groningen-2019", on="2019-06-01")
        assert isinstance(new, wm.Shape)
        assert new.source == "gemeenten-2023.geojson"

    def test_a_file_before_the_day_and_after(self, net: wk.Network) -> None:
        """A file of a later day serves an earlier day when nothing changed between (Westerwolde in 2018)."""
        found = wm.shape_of(net, "westerwolde", on="2018-06-01")
        assert isinstance(found, wm.Shape)
        assert found.source == "gemeenten-2023.geojson"

    def test_not_drawn_kinds(self, net: wk.Network) -> None:
        """Water boards and drinking-water companies are not drawn, and the reason says why."""
        for organisation, reason in (("hunze-en-aas", "a water board"), ("wmd", "a drinking-water company")):
            found = wm.shape_of(net, organisation, on="2016-01-01")
            assert isinstance(found, wm.Missing)
            assert found.reason.startswith(reason)
            assert "not in the boundary data" in found.reason


class TestUnions:
    def test_whole_merger(self, synthetic: Synthetic) -> None:
        """A municipality formed by a whole merger, in no file, is the union of its predecessors."""
        net = synthetic(_two_into_one(), [_merger()])
        found = wm.shape_of(net, "test-ab", on="2018-06-01")
        assert isinstance(found, wm.Shape)
        assert found.source == "union of test-a, test-b (test-change)"
        shapes = wm.boundary_files()[0].shapes
        expected = shapes["GM0007"].union(shapes["GM0048"])
        assert found.geometry.symmetric_difference(expected).area < 1e-3 * expected.area

    def test_union_agrees_with_the_later_file(self) -> None:
        """Bellingwedde and Vlagtwedde of 2014 together cover Westerwolde of 2023 (the rule is sound)."""
        files = wm.boundary_files()
        together = shapely.union_all([files[0].shapes["GM0007"], files[0].shapes["GM0048"]])
        westerwolde = files[1].shapes["GM1950"]
        assert together.symmetric_difference(westerwolde).area < 0.05 * westerwolde.area  # 3 % measured

    @pytest.mark.parametrize(("partial", "kind"), [(True, "merger"), (False, "split"), (False, "absorption")])
    def test_no_union_but_for_a_whole_merger(self, synthetic: Synthetic, partial: bool, kind: str) -> None:
        """A partial transfer, a split or an absorption gives no union: the shape stays unknown."""
        net = synthetic(_two_into_one(), [_merger(partial, kind)])
        found = wm.shape_of(net, "test-ab", on="2018-06-01")
        assert isinstance(found, wm.Missing)
        assert "no shape known" in found.reason

    def test_not_before_the_merger(self, synthetic: Synthetic) -> None:
        """Before the merger the new municipality does not exist, and no union is made for it."""
        net = synthetic(_two_into_one(), [_merger()])
        found = wm.shape_of(net, "test-ab", on="2017-06-01")
        assert isinstance(found, wm.Missing)

    def test_later_change_breaks_the_union(self, synthetic: Synthetic) -> None:
        """A boundary correction after the merger makes the union no longer its shape."""
        organisations = [*_two_into_one(), municipality("test-c", "GM0037")]
        correction = {
            "id": "test-correction",
            "kind": "boundary-correction",
            "date": "2020-01-01",
            "before": [{"id": "test-c", "partial": True}],
            "after": [{"id": "test-ab"}],
        }
        net = synthetic(organisations, [_merger(), correction])
        assert isinstance(wm.shape_of(net, "test-ab", on="2019-06-01"), wm.Shape)
        later = wm.shape_of(net, "test-ab", on="2020-06-01")
        assert isinstance(later, wm.Missing)
        assert "test-correction" in later.reason

    def test_no_code(self, synthetic: Synthetic) -> None:
        """A municipality without a CBS code has no shape, and the reason says so."""
        net = synthetic([municipality("test-x", None)], [])
        found = wm.shape_of(net, "test-x", on="2016-01-01")
        assert isinstance(found, wm.Missing)
        assert "it has no CBS code" in found.reason


class TestEveryDay:
    @given(st.dates(min_value=date(2014, 1, 1), max_value=date(2026, 12, 31)))
    def test_every_partner_once(self, day: date) -> None:
        """On any day each partner is drawn or listed as not drawn, exactly once, and shapes are valid."""
        net = wk.load()
        region = wm.region_map(net, REGION, on=day)
        drawn = [m.organisation.id for m in region.members]
        missing = [m.organisation.id for m in region.missing]
        assert sorted(drawn + missing) == sorted(p.id for p in net.partners(REGION, on=day))
        assert all(m.shape.geometry.is_valid for m in region.members)
        assert all(g.geometry is None or g.geometry.is_valid for g in region.groups)

    def test_bad_day(self, net: wk.Network) -> None:
        """A map needs a whole day."""
        with pytest.raises(ValueError, match="a map needs a day"):
            wm.region_map(net, on="2016")


def _shift(bound: Any, by: timedelta) -> Any:
    return bound + by if isinstance(bound, date) else bound


def _with_codes(net: wk.Network, by: timedelta) -> wk.Network:
    """The network moved ``by`` in time, with a CBS code of the 2014 file for each first organisation."""
    codes = sorted(wm.boundary_files()[0].shapes)
    entities: list[wk.Entity] = []
    for entity in net:
        if isinstance(entity, wk.Change):
            entity = attrs.evolve(entity, date=_shift(entity.date, by))
        elif isinstance(entity, wk.Organisation | wk.Membership):
            period = wk.Period(start=_shift(entity.period.start, by), end=_shift(entity.period.end, by))
            entity = attrs.evolve(entity, period=period)
            if isinstance(entity, wk.Organisation) and entity.id.startswith("org-"):
                code = codes[int(entity.id.removeprefix("org-"))]
                entity = attrs.evolve(entity, identifiers=(wk.Identifier(scheme="cbs", value=code),))
        entities.append(entity)
    return wk.Network(entities)


class TestGeneratedHistories:
    @given(
        histories(),
        st.integers(min_value=0, max_value=30 * 365),
        st.dates(min_value=date(2010, 1, 1), max_value=date(2060, 12, 31)),
    )
    def test_a_partition_of_the_land(self, history: wk.Network, days: int, day: date) -> None:
        """In any history of mergers, every partner is drawn or said missing, and no two drawn overlap."""
        net = _with_codes(history, timedelta(days=days))
        region = wm.region_map(net, "coop", on=day)
        drawn = [m.organisation.id for m in region.members]
        missing = [m.organisation.id for m in region.missing]
        assert sorted(drawn + missing) == sorted(p.id for p in net.partners("coop", on=day))
        for member in region.members:
            if member.shape.source.startswith("union of"):
                change = next(
                    c for c in net.changes(member.organisation.id) if c.kind is wk.ChangeKind.MERGER
                )
                assert not any(p.partial for p in change.before)
        geometries = [m.shape.geometry for m in region.members]
        for i, one in enumerate(geometries):
            assert one.is_valid
            for other in geometries[i + 1 :]:
                assert one.intersection(other).area < 1e-3 * min(one.area, other.area)
