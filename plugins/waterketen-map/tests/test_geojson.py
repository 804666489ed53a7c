"""The map as GeoJSON: valid per RFC 7946, one feature per member and group, properties complete."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import shapely
from shapely.geometry import shape

import waterketen as wk
import waterketen_map as wm
from conftest import REGION


MEMBER_PROPERTIES = {
    "id",
    "name",
    "kind",
    "cbs",
    "cluster",
    "cluster_name",
    "cluster_status",
    "cooperation",
    "day",
}
GROUP_PROPERTIES = {
    "id",
    "name",
    "kind",
    "cbs",
    "cluster",
    "cooperation",
    "day",
    "members",
    "drawn",
    "complete",
}


def _rings(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon"
    return list(geometry["coordinates"])


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def _kind(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [f for f in doc["features"] if f["properties"]["kind"] == kind]


@pytest.fixture(scope="module", params=["2016-01-01", "2017-06-01", "2019-06-01", "2025-01-01"])
def day_and_doc(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    """The GeoJSON of the embedded network on several days (through a JSON round trip)."""
    day: str = request.param
    return day, json.loads(json.dumps(wm.geojson(wk.load(), on=day)))


class TestRFC7946:
    def test_collection(self, day_and_doc: tuple[str, dict[str, Any]]) -> None:
        """A FeatureCollection without ``crs``, the day and the attribution at the top."""
        day, doc = day_and_doc
        assert doc["type"] == "FeatureCollection"
        assert "crs" not in doc
        assert doc["day"] == day
        assert "Centraal Bureau voor de Statistiek / Kadaster" in doc["attribution"]

    def test_geometries(self, day_and_doc: tuple[str, dict[str, Any]]) -> None:
        """Every geometry is a valid (multi)polygon in WGS84, rings closed, exteriors counter-clockwise."""
        _, doc = day_and_doc
        for feature in doc["features"]:
            assert feature["type"] == "Feature"
            if feature["geometry"] is None:  # a group none of whose members is drawn
                assert feature["properties"]["drawn"] == []
                continue
            assert shape(feature["geometry"]).is_valid, feature["id"]
            for polygon in _rings(feature["geometry"]):
                for index, ring in enumerate(polygon):
                    assert ring[0] == ring[-1]
                    assert len(ring) >= 4
                    assert all(len(p) == 2 and -180 <= p[0] <= 180 and -90 <= p[1] <= 90 for p in ring)
                    assert (_signed_area(ring) > 0) == (index == 0), "right-hand rule"

    def test_properties_complete(self, day_and_doc: tuple[str, dict[str, Any]]) -> None:
        """Members and groups carry every property, with the day."""
        day, doc = day_and_doc
        for feature in doc["features"]:
            properties = feature["properties"]
            expected = MEMBER_PROPERTIES if properties["kind"] == "municipality" else GROUP_PROPERTIES
            assert expected <= set(properties), feature["id"]
            assert properties["day"] == day
            assert properties["id"] == feature["id"]
            if properties["kind"] == "municipality":
                assert properties["cbs"].startswith("GM")

    def test_one_feature_per_member_and_group(self, day_and_doc: tuple[str, dict[str, Any]]) -> None:
        """A feature per drawn partner, per cluster and for the cooperation; the rest listed with reasons."""
        day, doc = day_and_doc
        net = wk.load()
        ids = [f["id"] for f in doc["features"]]
        assert len(ids) == len(set(ids))
        members = {f["id"] for f in _kind(doc, "municipality")}
        not_drawn = {n["id"]: n["reason"] for n in doc["not_drawn"]}
        partners = {p.id for p in net.partners(REGION, on=day)}
        assert members | (set(not_drawn) & partners) == partners
        assert not members & set(not_drawn)
        assert {f["id"] for f in _kind(doc, "cluster")} == {c.id for c in net.clusters(REGION, on=day)}
        assert [f["id"] for f in _kind(doc, "cooperation")] == [REGION]
        assert all(reason for reason in not_drawn.values())


class TestTheRegion:
    def test_2016_seven_clusters_cover_the_27(self) -> None:
        """In 2016 seven clusters, each complete, together cover the 27 municipalities, none twice."""
        doc = wm.geojson(wk.load(), on="2016-01-01")
        members = _kind(doc, "municipality")
        clusters = _kind(doc, "cluster")
        assert len(members) == 27
        assert len(clusters) == 7
        assert all(c["properties"]["complete"] for c in clusters)
        assert sorted(m for c in clusters for m in c["properties"]["members"]) == sorted(
            f["id"] for f in members
        )
        covered = shapely.union_all([shape(c["geometry"]) for c in clusters])
        municipalities = shapely.union_all([shape(m["geometry"]) for m in members])
        assert covered.symmetric_difference(municipalities).area < 1e-3 * municipalities.area
        for member in members:
            home = next(c for c in clusters if member["id"] in c["properties"]["members"])
            assert member["properties"]["cluster"] == home["id"]
            assert shape(home["geometry"]).buffer(1e-3).contains(shape(member["geometry"]))

    def test_2016_and_2025_differ_as_the_mergers_say(self) -> None:
        """27 municipalities in 2016, 14 in 2025, the same area; each of 2025 covers its predecessors."""
        net = wk.load()
        before = {
            f["id"]: shape(f["geometry"]) for f in _kind(wm.geojson(net, on="2016-01-01"), "municipality")
        }
        after = {
            f["id"]: shape(f["geometry"]) for f in _kind(wm.geojson(net, on="2025-01-01"), "municipality")
        }
        assert (len(before), len(after)) == (27, 14)
        old, new = shapely.union_all(list(before.values())), shapely.union_all(list(after.values()))
        assert old.symmetric_difference(new).area < 0.02 * old.area
        for organisation, geometry in after.items():
            # The 2016 municipalities mostly inside a 2025 one: those it took over whole (Winsum was split).
            whole = {
                s.organisation.id for s in net.predecessors(organisation, transitive=True) if not s.partial
            }
            expected = (whole & set(before)) or {organisation}
            inside = {i for i, g in before.items() if g.intersection(geometry).area > 0.5 * g.area}
            assert inside - {"winsum"} == expected, organisation

    def test_missing_after_the_correction(self) -> None:
        """In mid-2017 Groningen and Slochteren are listed as not drawn, with the correction as the reason."""
        doc = wm.geojson(wk.load(), on="2017-06-01")
        reasons = {n["id"]: n["reason"] for n in doc["not_drawn"]}
        assert "gnd-grenscorrectie-meerstad-2017" in reasons["groningen"]
        assert "gnd-grenscorrectie-meerstad-2017" in reasons["slochteren"]
        assert {"noorderzijlvest", "hunze-en-aas", "waterbedrijf-groningen", "wmd"} <= set(reasons)


class TestWriter:
    def test_writer_by_suffix(self, tmp_path: Path, net: wk.Network) -> None:
        """``wk.write(net, "map.geojson")`` writes the map of today through the plugin's writer."""
        path = tmp_path / "map.geojson"
        writer = wk.write(net, path)
        assert writer.name == "geojson"
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["type"] == "FeatureCollection"
        assert len(_kind(doc, "municipality")) == 14

    def test_geometry_kinds(self) -> None:
        """Only polygonal geometries are written."""
        with pytest.raises(ValueError, match="expected a polygon"):
            wm.geojson_geometry(shapely.Point(1, 2))
