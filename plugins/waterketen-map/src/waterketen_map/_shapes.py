"""Which shape an organisation has on a day, decided by the network's history.

A boundary file of day ``F`` gives an organisation its shape on day ``d``
when the organisation (the same id, found by its CBS code) exists on both
days and no change touching it (a merger, split, boundary correction,
whole or in part) lies between them. A municipality formed by a merger in
which every part was whole takes the union of its predecessors' shapes on
the day before, when no file gives it a shape. Otherwise the shape is
unknown, and the outputs say so with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import shapely
from attrs import frozen
from shapely.geometry import GeometryCollection, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

import waterketen as wk
import waterketen.model
import waterketen.typing

from ._boundaries import BoundaryFile, boundary_files


__all__ = ["GRID", "Missing", "Shape", "polygons", "shape_of", "shapes_on", "union"]

GRID = 1e-4
"""The grid (in degrees, about 10 m) unions are computed on: the finest of the data's own precisions."""


@frozen(kw_only=True)
class Shape:
    """The shape of an organisation on a day, and where it came from."""

    organisation: wk.Organisation
    day: date
    geometry: BaseGeometry
    source: str
    """The boundary file, or the union of predecessors (naming the merger)."""


@frozen(kw_only=True)
class Missing:
    """An organisation the map does not draw on a day, and why."""

    organisation: wk.Organisation
    day: date
    reason: str


def polygons(geometry: BaseGeometry) -> list[Polygon]:
    """The polygons of a polygonal geometry (a union may also hold lines or points: they are left out)."""
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon | GeometryCollection):
        return [p for g in geometry.geoms for p in polygons(g)]
    return []


def union(geometries: Sequence[BaseGeometry]) -> BaseGeometry:
    """The union of shapes, on the data's grid (so that borders drawn twice leave no slivers)."""
    return shapely.union_all(list(geometries), grid_size=GRID)


def _between(change: wk.Change, a: date, b: date) -> bool:
    """Whether the change may take effect after day ``a`` and by day ``b`` (in either order)."""
    lo, hi = min(a, b), max(a, b)
    when = wk.Period(start=change.date)
    return lo < when.latest_start and when.earliest_start <= hi


def _touches(change: wk.Change, organisation: str) -> bool:
    return any(p.id == organisation for p in (*change.before, *change.after))


def _changes_between(net: wk.Network, organisation: str, a: date, b: date) -> list[wk.Change]:
    return [c for c in net.changes(organisation) if _touches(c, organisation) and _between(c, a, b)]


def _from_file(net: wk.Network, org: wk.Organisation, day: date, file: BoundaryFile) -> Shape | str:
    """The organisation's shape on ``day`` from ``file``, or why the file cannot give it."""
    code = org.identifier("cbs")
    if code is None:
        return "it has no CBS code"
    if code not in file.shapes:
        return f"{file.name} (of {file.day}) covers {file.area}, and {code} is not in it"
    if not org.period.contains(file.day):
        return f"{file.name} is of {file.day}, when {org.id} did not exist (its {code} is another's)"
    between = _changes_between(net, org.id, file.day, day)
    if between:
        names = ", ".join(f"{c.id} ({c.kind.value}, {c.date})" for c in between)
        return f"{file.name} is of {file.day}, and {names} lies between"
    return Shape(organisation=org, day=day, geometry=file.shapes[code], source=file.name)


def _order(day: date, files: Sequence[BoundaryFile], counts: dict[str, int]) -> list[BoundaryFile]:
    """The files in the order they are tried: most valid members, then nearest day, earlier first."""
    return sorted(files, key=lambda f: (-counts.get(f.name, 0), abs((f.day - day).days), f.day > day))


def _from_merger(net: wk.Network, org: wk.Organisation, day: date, depth: int) -> Shape | str:
    """The union of the predecessors' shapes, where a whole merger formed the organisation."""
    mergers = [
        c
        for c in net.changes(org.id)
        if c.kind is wk.ChangeKind.MERGER and any(p.id == org.id for p in c.after)
    ]
    if not mergers:
        return "no whole merger formed it"
    change = mergers[-1]
    start = wk.Period(start=change.date)
    if not start.is_precise:
        return f"the day of {change.id} is not known precisely"
    if any(p.partial for p in (*change.before, *change.after)) or len(change.after) != 1:
        return f"{change.id} was not whole (a part of an organisation moved), so no union is drawn"
    merged = start.earliest_start
    if day < merged:
        return f"it was formed by {change.id} on {merged}, after {day}"
    later = [c for c in _changes_between(net, org.id, merged, day) if c.id != change.id]
    if later:
        return f"{', '.join(c.id for c in later)} changed it after {change.id}"
    before = merged - timedelta(days=1)
    parts: list[BaseGeometry] = []
    for part in change.before:
        found = _shape_of(net, part.id, before, depth + 1)
        if isinstance(found, Missing):
            return f"the predecessor {part.id} has no known shape on {before}: {found.reason}"
        parts.append(found.geometry)
    return Shape(
        organisation=org,
        day=day,
        geometry=union(parts),
        source=f"union of {', '.join(p.id for p in change.before)} ({change.id})",
    )


def _shape_of(
    net: wk.Network, organisation: str, day: date, depth: int, order: Sequence[BoundaryFile] | None = None
) -> Shape | Missing:
    org = net.get(organisation, wk.Organisation)
    if org.kind is wk.OrgKind.WATER_BOARD:
        return Missing(
            organisation=org, day=day, reason="a water board: its area is not in the boundary data"
        )
    if org.kind is wk.OrgKind.WATER_COMPANY:
        return Missing(
            organisation=org, day=day, reason="a drinking-water company: its area is not in the boundary data"
        )
    if org.kind is not wk.OrgKind.MUNICIPALITY:
        return Missing(organisation=org, day=day, reason=f"a {org.kind.value}: only municipalities are drawn")
    reasons = []
    for file in order if order is not None else _order(day, boundary_files(), {}):
        found = _from_file(net, org, day, file)
        if isinstance(found, Shape):
            return found
        reasons.append(found)
    if depth < 8:  # a chain of mergers is short; the bound only guards against a cycle in bad data
        merged = _from_merger(net, org, day, depth)
        if isinstance(merged, Shape):
            return merged
        reasons.append(merged)
    return Missing(organisation=org, day=day, reason="no shape known: " + "; ".join(reasons))


def shape_of(net: wk.Network, organisation: str, *, on: wk.typing.DateLike) -> Shape | Missing:
    """The shape of one organisation on a day, or why it is not known.

    Examples:
        >>> net = wk.load()
        >>> shape_of(net, "bedum", on="2016-01-01").source
        'gemeenten-2014-noord.geojson'
        >>> print(shape_of(net, "slochteren", on="2017-06-01").reason)  # doctest: +ELLIPSIS
        no shape known: gemeenten-2014-noord.geojson is of 2014-01-01, and gnd-grenscorrectie-meerstad-2017...
        >>> shape_of(net, "noorderzijlvest", on="2016-01-01").reason
        'a water board: its area is not in the boundary data'
    """
    day = _day(on)
    return _shape_of(net, organisation, day, 0)


def shapes_on(net: wk.Network, organisations: Sequence[str], day: date) -> list[Shape | Missing]:
    """The shapes of several organisations on one day, preferring one file for all where it can."""
    files = boundary_files()
    counts: dict[str, int] = {}
    for file in files:
        for organisation in organisations:
            org = net.get(organisation, wk.Organisation)
            if org.kind is wk.OrgKind.MUNICIPALITY and isinstance(_from_file(net, org, day, file), Shape):
                counts[file.name] = counts.get(file.name, 0) + 1
    order = _order(day, files, counts)
    return [_shape_of(net, organisation, day, 0, order) for organisation in organisations]


def _day(on: wk.typing.DateLike) -> date:
    if isinstance(on, date):
        return on
    instant = wk.model.parse_instant(str(on))
    period = wk.Period(start=instant)
    if not period.is_precise:
        raise ValueError(f"a map needs a day, got {on!r}")
    return period.earliest_start
