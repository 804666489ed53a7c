"""The map as GeoJSON (RFC 7946): one feature per drawn member and per group."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

import waterketen as wk
import waterketen.typing
from waterketen.export import write_atomically

from ._boundaries import ATTRIBUTION
from ._build import Group, Member, RegionMap, region_maps
from ._shapes import _day


__all__ = ["NOT_DRAWN_NOTE", "geojson", "geojson_geometry", "geojson_writer"]

NOT_DRAWN_NOTE = (
    "Water boards and drinking-water companies are not drawn: their areas are not in the boundary data."
)


def _lists(value: Any) -> Any:
    """Tuples to lists, all the way down (GeoJSON coordinates as JSON arrays)."""
    if isinstance(value, tuple | list):
        return [_lists(v) for v in value]
    return value


def geojson_geometry(geometry: BaseGeometry) -> dict[str, Any]:
    """A polygonal geometry as an RFC 7946 geometry: exterior rings counter-clockwise, holes clockwise.

    Examples:
        >>> from shapely.geometry import Polygon
        >>> geojson_geometry(Polygon([(0, 0), (0, 1), (1, 1), (0, 0)]))["coordinates"]
        [[[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]
    """
    if geometry.geom_type == "Polygon":
        fixed: BaseGeometry = orient(geometry, sign=1.0)  # type: ignore[arg-type]
    elif geometry.geom_type == "MultiPolygon":
        from shapely.geometry import MultiPolygon

        fixed = MultiPolygon([orient(p, sign=1.0) for p in geometry.geoms])  # type: ignore[attr-defined]
    elif geometry.geom_type == "GeometryCollection":  # a union may leave lines: keep the polygons
        from shapely.geometry import MultiPolygon

        polygons = [
            p
            for g in geometry.geoms  # type: ignore[attr-defined]
            for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])
            if p.geom_type == "Polygon"
        ]
        fixed = MultiPolygon([orient(p, sign=1.0) for p in polygons])
    else:
        raise ValueError(f"expected a polygon or multipolygon, got a {geometry.geom_type}")
    return {k: _lists(v) for k, v in mapping(fixed).items()}


def _member_feature(region: RegionMap, member: Member) -> dict[str, Any]:
    org = member.organisation
    return {
        "type": "Feature",
        "id": org.id,
        "geometry": geojson_geometry(member.shape.geometry),
        "properties": {
            "id": org.id,
            "name": org.name,
            "kind": org.kind.value,
            "cbs": org.identifier("cbs"),
            "cluster": member.cluster_id,
            "cluster_name": member.cluster_name,
            "cluster_status": member.cluster_status,
            "cooperation": region.cooperation.id,
            "day": region.day.isoformat(),
            "shape": member.shape.source,
        },
    }


def _group_feature(region: RegionMap, group: Group) -> dict[str, Any]:
    entity = group.entity
    return {
        "type": "Feature",
        "id": entity.id,
        "geometry": None if group.geometry is None else geojson_geometry(group.geometry),
        "properties": {
            "id": entity.id,
            "name": entity.name,
            "kind": group.kind,
            "cbs": None,
            "cluster": entity.id if isinstance(entity, wk.Cluster) else None,
            "cooperation": region.cooperation.id,
            "day": region.day.isoformat(),
            "members": list(group.members),
            "drawn": list(group.drawn),
            "complete": group.complete,
        },
    }


def to_geojson(regions: list[RegionMap], day: date) -> dict[str, Any]:
    """The FeatureCollection of the maps of one day."""
    features: list[dict[str, Any]] = []
    not_drawn: list[dict[str, Any]] = []
    for region in regions:
        features.extend(_member_feature(region, m) for m in region.members)
        features.extend(_group_feature(region, g) for g in region.groups)
        not_drawn.extend(
            {
                "id": m.organisation.id,
                "name": m.organisation.name,
                "kind": m.organisation.kind.value,
                "cooperation": region.cooperation.id,
                "reason": m.reason,
            }
            for m in region.missing
        )
        not_drawn.extend(
            {
                "id": g.entity.id,
                "name": g.entity.name,
                "kind": g.kind,
                "cooperation": region.cooperation.id,
                "reason": "none of its members has a known shape"
                + (
                    ""
                    if not isinstance(g.entity, wk.Cluster) or g.entity.members_known
                    else " (the data does not list all its members)"
                ),
            }
            for g in region.groups
            if g.geometry is None
        )
    return {
        "type": "FeatureCollection",
        "day": day.isoformat(),
        "attribution": ATTRIBUTION,
        "note": NOT_DRAWN_NOTE,
        "not_drawn": not_drawn,
        "features": features,
    }


def geojson(net: wk.Network, cooperation: str | None = None, *, on: wk.typing.DateLike) -> dict[str, Any]:
    """The map of a cooperation (or of every cooperation) on a day, as a GeoJSON FeatureCollection.

    Args:
        net: the network.
        cooperation: the cooperation's id; by default every cooperation of the network.
        on: the day.

    Returns:
        An RFC 7946 FeatureCollection (WGS84, no ``crs``): a feature per drawn
        partner, per cluster and per cooperation, each with the properties
        ``id``, ``name``, ``kind``, ``cbs``, ``cluster``, ``cooperation`` and
        ``day``; the partners and groups it cannot draw are listed, each with
        the reason, in the top-level member ``not_drawn``.

    Examples:
        >>> doc = geojson(wk.load(), on="2016-01-01")
        >>> bedum = next(f for f in doc["features"] if f["id"] == "bedum")
        >>> bedum["properties"]["cbs"], bedum["properties"]["cluster_name"], bedum["properties"]["day"]
        ('GM0005', 'BMWE', '2016-01-01')
        >>> [(n["id"], n["reason"]) for n in doc["not_drawn"]][0]
        ('noorderzijlvest', 'a water board: its area is not in the boundary data')
    """
    day = _day(on)
    return to_geojson(region_maps(net, cooperation, on=day), day)


def _write(net: wk.Network, path: Path) -> None:
    write_atomically(path, json.dumps(geojson(net, on=date.today()), ensure_ascii=False) + "\n")


geojson_writer = wk.Writer(
    name="geojson",
    description="the map of every cooperation as of today: GeoJSON (RFC 7946), from waterketen-map",
    write=_write,
    suffixes=(".geojson",),
)
"""The ``geojson`` writer: the map of today (``waterketen_map.geojson`` takes any day)."""
