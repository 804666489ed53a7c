"""The boundary files shipped with the plugin, read once on first use.

Each file holds the municipalities of one day (1 January of its year) as
GeoJSON in WGS84, one feature per CBS ``GM`` code; ``data/README.md`` gives
their origin and licence.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from datetime import date
from importlib import resources

from attrs import frozen
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry


__all__ = ["ATTRIBUTION", "FILES", "BoundaryFile", "boundary_files"]

ATTRIBUTION = (
    "Boundaries: Centraal Bureau voor de Statistiek / Kadaster (CC BY 4.0), "
    "via stdekker/open-data-maps (simplified with mapshaper) and cartomap/nl"
)
"""The attribution every output carries (see ``data/README.md``)."""

FILES: tuple[tuple[str, date, str], ...] = (
    ("gemeenten-2014-noord.geojson", date(2014, 1, 1), "the provinces Groningen and Drenthe"),
    ("gemeenten-2023.geojson", date(2023, 1, 1), "the Netherlands"),
    ("gemeenten-2025-noord.geojson", date(2025, 1, 1), "the provinces Groningen and Drenthe"),
)
"""Each shipped file: its name, the day its boundaries hold, the area it covers."""


@frozen(kw_only=True)
class BoundaryFile:
    """The municipalities of one day, by CBS code."""

    name: str
    """The file's name in the package's ``data/``."""
    day: date
    """The day its boundaries hold."""
    area: str
    """What it covers, in words."""
    shapes: Mapping[str, BaseGeometry]
    """The shape of each municipality, by CBS code."""
    names: Mapping[str, str]
    """The name of each municipality as the file spells it, by CBS code."""


def _read(name: str, day: date, area: str) -> BoundaryFile:
    text = resources.files("waterketen_map").joinpath("data", name).read_text(encoding="utf-8")
    features = json.loads(text)["features"]
    return BoundaryFile(
        name=name,
        day=day,
        area=area,
        shapes={f["properties"]["code"]: shape(f["geometry"]) for f in features},
        names={f["properties"]["code"]: f["properties"]["name"] for f in features},
    )


@functools.cache
def boundary_files() -> tuple[BoundaryFile, ...]:
    """Every shipped boundary file, in the order of their days.

    Examples:
        >>> for f in boundary_files():
        ...     print(f.name, f.day, len(f.shapes))
        gemeenten-2014-noord.geojson 2014-01-01 35
        gemeenten-2023.geojson 2023-01-01 342
        gemeenten-2025-noord.geojson 2025-01-01 22
    """
    return tuple(_read(*entry) for entry in FILES)
