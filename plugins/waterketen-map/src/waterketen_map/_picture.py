"""Static pictures with matplotlib: a region coloured by cluster, or the country coloured by cooperation.

The figures are built without pyplot (no global state, no display needed),
and show themselves in Jupyter as PNG or SVG.
"""

from __future__ import annotations

import functools
import io
import math
import os
import textwrap
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import waterketen as wk
import waterketen.typing

from ._boundaries import ATTRIBUTION, boundary_files
from ._build import RegionMap, region_map, region_maps
from ._shapes import _day, polygons, union


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from shapely.geometry.base import BaseGeometry

__all__ = ["Picture", "cluster_colours", "picture"]

_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#edc948",
    "#76b7b2",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#86bcb6",
    "#d4a6c8",
)
"""Tableau's ten colours and two more: distinct, and readable under black labels."""
NO_CLUSTER = "#e8e8e8"
UNKNOWN_CLUSTER = "#ffffff"


def colour(index: int) -> str:
    """The ``index``-th colour of the palette (repeating after twelve)."""
    return _PALETTE[index % len(_PALETTE)]


def cluster_colours(region: RegionMap) -> dict[str, str]:
    """A colour for each cluster of the map, by cluster id, in the order of the clusters."""
    return {g.entity.id: colour(i) for i, g in enumerate(region.clusters)}


def cluster_label(cluster: wk.Cluster) -> str:
    """A cluster's name, or a label that says the name is not known."""
    return cluster.name or f"{cluster.id} (name not known)"


class Picture:
    """A map as a matplotlib figure, shown in notebooks, saved as PNG or SVG."""

    def __init__(self, figure: Figure, title: str) -> None:
        self.figure = figure
        self.title = title

    def __repr__(self) -> str:
        return f"<Picture: {self.title}>"

    def _render(self, format: str) -> bytes:
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"Date": None} if format == "svg" else {}
        self.figure.savefig(buffer, format=format, dpi=150, metadata=metadata)
        return buffer.getvalue()

    def _repr_png_(self) -> bytes:
        return self._render("png")

    def _repr_svg_(self) -> str:
        return self._render("svg").decode("utf-8")

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the picture; its suffix (``.png`` or ``.svg``) chooses the format.

        Raises:
            ValueError: the suffix is neither.
        """
        target = Path(path)
        format = target.suffix.lower().lstrip(".")
        if format not in ("png", "svg"):
            raise ValueError(f"a picture is saved as .png or .svg, got {target.name!r}")
        target.write_bytes(self._render(format))
        return target


def _path(geometry: BaseGeometry) -> Any:
    from matplotlib.path import Path as MplPath

    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for polygon in polygons(geometry):
        for ring in (polygon.exterior, *polygon.interiors):
            points = list(ring.coords)
            vertices.extend((x, y) for x, y, *_ in points)
            codes.extend(
                [int(MplPath.MOVETO), *[int(MplPath.LINETO)] * (len(points) - 2), int(MplPath.CLOSEPOLY)]
            )
    return MplPath(vertices, codes)


def _draw(axes: Axes, geometry: BaseGeometry, **style: Any) -> None:
    from matplotlib.patches import PathPatch

    axes.add_patch(PathPatch(_path(geometry), **style))


def _frame(axes: Axes, geometries: Iterable[BaseGeometry], margin: float = 0.04) -> None:
    bounds = [g.bounds for g in geometries]
    if not bounds:
        axes.set_axis_off()
        return
    x0, y0 = min(b[0] for b in bounds), min(b[1] for b in bounds)
    x1, y1 = max(b[2] for b in bounds), max(b[3] for b in bounds)
    dx, dy = (x1 - x0) * margin, (y1 - y0) * margin
    axes.set_xlim(x0 - dx, x1 + dx)
    axes.set_ylim(y0 - dy, y1 + dy)
    axes.set_aspect(1 / math.cos(math.radians((y0 + y1) / 2)))  # degrees of longitude are shorter
    axes.set_axis_off()


def _figure(size: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained")


def _footer(figure: Figure, lines: Iterable[str]) -> None:
    text = "\n".join(textwrap.fill(line, 130) for line in lines if line)
    figure.supxlabel(text, fontsize=6.5, ha="left", x=0.01, color="#333333")


def _not_drawn_lines(regions: Iterable[RegionMap]) -> list[str]:
    others: list[str] = []
    unknown: list[str] = []
    for region in regions:
        for missing in region.missing:
            org = missing.organisation
            if org.kind is wk.OrgKind.MUNICIPALITY:
                unknown.append(org.name)
            else:
                others.append(f"{org.name} ({org.kind.value.replace('-', ' ')})")
    lines = []
    if others:
        lines.append(f"Not drawn: {', '.join(others)}. Their areas are not in the boundary data.")
    if unknown:
        lines.append(
            f"No shape known on this day for: {', '.join(unknown)} (the boundary files do not give it; "
            "the GeoJSON's not_drawn says why)."
        )
    return lines


def _region_picture(region: RegionMap) -> Picture:
    from matplotlib.patches import Patch

    figure = _figure((9.6, 7.0))
    axes = figure.add_subplot()
    colours = cluster_colours(region)
    for member in region.members:
        cluster = member.cluster_id
        style: dict[str, Any] = {"facecolor": colours[cluster] if cluster else NO_CLUSTER}
        if member.cluster_status == "unknown":
            style = {"facecolor": UNKNOWN_CLUSTER, "hatch": "////"}
        _draw(axes, member.shape.geometry, edgecolor="#555555", linewidth=0.5, **style)
    for group in region.clusters:
        if group.geometry is not None:
            _draw(axes, group.geometry, facecolor="none", edgecolor="#111111", linewidth=1.4)
    from matplotlib import patheffects

    halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    for member in region.members:
        point = member.shape.geometry.representative_point()
        axes.annotate(
            member.organisation.name,
            (point.x, point.y),
            ha="center",
            va="center",
            fontsize=6.5,
            color="#111111",
            path_effects=halo,
        )
    _frame(axes, [m.shape.geometry for m in region.members])
    handles = [
        Patch(facecolor=colours[g.entity.id], edgecolor="#111111", label=cluster_label(g.entity))  # type: ignore[arg-type]
        for g in region.clusters
        if g.drawn
    ]
    statuses = {m.cluster_status for m in region.members}
    if "none" in statuses:
        handles.append(Patch(facecolor=NO_CLUSTER, edgecolor="#555555", label="in no cluster"))
    if "unknown" in statuses:
        handles.append(
            Patch(facecolor=UNKNOWN_CLUSTER, edgecolor="#555555", hatch="////", label="cluster not known")
        )
    if handles:
        axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=7,
            title="clusters",
            title_fontsize=8,
            frameon=False,
        )
    title = f"{region.cooperation.name} on {region.day.isoformat()}"
    axes.set_title(title, fontsize=11)
    sources = sorted({m.shape.source for m in region.members})
    empty = [cluster_label(g.entity) for g in region.clusters if not g.drawn]  # type: ignore[arg-type]
    _footer(
        figure,
        [
            *_not_drawn_lines([region]),
            f"Clusters with no known member drawn: {', '.join(empty)}." if empty else "",
            f"{ATTRIBUTION}. Boundaries used: {', '.join(sources)}.",
        ],
    )
    return Picture(figure, title)


@functools.cache
def _netherlands() -> BaseGeometry:
    """The country's outline: the union of the municipalities of 2023."""
    national = next(f for f in boundary_files() if f.area == "the Netherlands")
    return union(list(national.shapes.values()))


def _national_picture(regions: list[RegionMap], day: date) -> Picture:
    from matplotlib.patches import Patch

    many = len(regions) > 8  # a legend of many regions goes beside the map, not over it
    figure = _figure((13.0, 9.0) if many else (7.0, 8.2))
    axes = figure.add_subplot()
    country = _netherlands()
    _draw(axes, country, facecolor="#f2f2f2", edgecolor="#999999", linewidth=0.4)
    handles = []
    for index, region in enumerate(regions):
        shade = colour(index)
        for member in region.members:
            _draw(axes, member.shape.geometry, facecolor=shade, edgecolor="#ffffff", linewidth=0.3)
        if region.region.geometry is not None:
            _draw(axes, region.region.geometry, facecolor="none", edgecolor="#111111", linewidth=0.9)
        handles.append(Patch(facecolor=shade, edgecolor="#111111", label=region.cooperation.name))
    handles.append(Patch(facecolor="#f2f2f2", edgecolor="#999999", label="no cooperation in the data"))
    if many:
        axes.legend(
            handles=handles,
            loc="center left",
            bbox_to_anchor=(1.02, 0.5),
            fontsize=6,
            ncols=2 if len(handles) > 30 else 1,
            title="cooperations",
            title_fontsize=7,
        )
    else:
        axes.legend(handles=handles, loc="lower right", fontsize=7, title="cooperations", title_fontsize=8)
    _frame(axes, [country])
    title = f"Regional water-chain cooperations on {day.isoformat()}"
    axes.set_title(title, fontsize=11)
    _footer(
        figure,
        [
            f"{len(regions)} cooperation(s) in the network. The grey outline is the country as its "
            "municipalities of 2023 cover it.",
            *_not_drawn_lines(regions),
            f"{ATTRIBUTION}.",
        ],
    )
    return Picture(figure, title)


def picture(
    net: wk.Network, cooperation: str | None = None, *, on: wk.typing.DateLike, national: bool | None = None
) -> Picture:
    """A picture of the map on a day.

    Args:
        net: the network.
        cooperation: the cooperation to draw, coloured by cluster.
        on: the day.
        national: draw the country with one colour per cooperation. By
            default, when no cooperation is named and the network has
            several.

    Returns:
        The picture: it shows itself in a notebook; ``.save(path)`` writes PNG or SVG.

    Examples:
        >>> picture(wk.load(), on="2016-01-01")
        <Picture: Groningen & Noord-Drenthe on 2016-01-01>
        >>> picture(wk.load(), on="2016-01-01", national=True)
        <Picture: Regional water-chain cooperations on 2016-01-01>
    """
    day = _day(on)
    if national is None:
        national = cooperation is None and len(net.entities(wk.Cooperation)) != 1
    if national:
        return _national_picture(region_maps(net, cooperation, on=day), day)
    return _region_picture(region_map(net, cooperation, on=day))
