"""The regional water map for waterketen: municipalities and clusters on a map.

Boundaries of the municipalities (CBS / Kadaster, CC BY 4.0) ship with the
plugin, so maps work offline. A municipality's shape on a day comes from the
boundary file of a day between which and that day the network's history
records no change touching it; a group's shape is the union of its
members'. What cannot be drawn is listed with the reason, never guessed.

- :func:`geojson`: the map as an RFC 7946 FeatureCollection (also the
  ``geojson`` writer);
- :func:`picture`: a static picture (PNG or SVG), coloured by cluster, or the
  country coloured by cooperation;
- :func:`page`: a self-contained web page with a control for the days on
  which the history changes the map;
- :func:`main`: the command ``waterketen map``.

Examples:
    >>> import waterketen as wk
    >>> m = region_map(wk.load(), on="2016-01-01")
    >>> len(m.members), len(m.clusters)
    (27, 7)
"""

from __future__ import annotations

from collections.abc import Iterable

import waterketen as wk

from ._boundaries import ATTRIBUTION, FILES, BoundaryFile, boundary_files
from ._build import Group, Member, RegionMap, map_days, region_map, region_maps
from ._command import main
from ._geojson import geojson, geojson_geometry, geojson_writer
from ._page import Page, page
from ._picture import Picture, picture
from ._shapes import Missing, Shape, shape_of


__all__ = [
    "ATTRIBUTION",
    "FILES",
    "BoundaryFile",
    "Group",
    "Member",
    "Missing",
    "Page",
    "Picture",
    "RegionMap",
    "Shape",
    "boundary_files",
    "geojson",
    "geojson_geometry",
    "geojson_writer",
    "main",
    "map_days",
    "page",
    "picture",
    "region_map",
    "region_maps",
    "shape_of",
    "waterketen_writers",
]


@wk.hookimpl
def waterketen_writers() -> Iterable[wk.Writer]:
    """The ``geojson`` writer: the map of every cooperation as of today, for ``*.geojson``."""
    return (geojson_writer,)
