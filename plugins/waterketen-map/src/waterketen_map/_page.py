"""A self-contained web page of the map: inline SVG and a little inline script, no tiles, no network.

One SVG group per day; a control switches between the days on which the
history changes the map. Hovering over (or clicking) a municipality shows its
name, CBS code, cluster and the cooperation's partners that day.
"""

from __future__ import annotations

import html
import json
import math
import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import waterketen as wk
import waterketen.typing
from waterketen.export import write_atomically

from ._boundaries import ATTRIBUTION
from ._build import RegionMap, map_days, region_maps
from ._picture import NO_CLUSTER, UNKNOWN_CLUSTER, cluster_colours, cluster_label
from ._shapes import _day, polygons


if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

__all__ = ["Page", "page"]

WIDTH = 800.0
"""The width of the drawing in SVG units."""


class _Projection:
    """Longitude and latitude to SVG units: an equirectangular projection at the middle latitude."""

    def __init__(self, bounds: Sequence[tuple[float, float, float, float]]) -> None:
        self.x0 = min(b[0] for b in bounds)
        self.y0 = min(b[1] for b in bounds)
        x1 = max(b[2] for b in bounds)
        self.y1 = max(b[3] for b in bounds)
        self.squeeze = math.cos(math.radians((self.y0 + self.y1) / 2))
        self.scale = WIDTH / ((x1 - self.x0) * self.squeeze)
        self.height = (self.y1 - self.y0) * self.scale

    def point(self, x: float, y: float) -> str:
        return f"{(x - self.x0) * self.squeeze * self.scale:.1f} {(self.y1 - y) * self.scale:.1f}"

    def path(self, geometry: BaseGeometry) -> str:
        parts = []
        for polygon in polygons(geometry):
            for ring in (polygon.exterior, *polygon.interiors):
                points = [self.point(x, y) for x, y, *_ in ring.coords[:-1]]
                parts.append("M" + "L".join(points) + "Z")
        return "".join(parts)


def _day_data(regions: list[RegionMap]) -> dict[str, Any]:
    cooperations = {}
    for region in regions:
        cooperations[region.cooperation.id] = {
            "name": region.cooperation.name,
            "partners": [f"{p.name} ({p.kind.value.replace('-', ' ')})" for p in region.partners],
            "not_drawn": [{"name": m.organisation.name, "reason": m.reason} for m in region.missing],
        }
    return {"cooperations": cooperations}


def _svg_group(regions: list[RegionMap], day: date, projection: _Projection, hidden: bool) -> tuple[str, str]:
    off = " off" if hidden else ""
    out = [f'<g class="day{off}" data-day="{day.isoformat()}">']
    legend: list[tuple[str, str, bool]] = []
    for region in regions:
        colours = cluster_colours(region)
        for member in region.members:
            org = member.organisation
            cluster = member.cluster
            if isinstance(cluster, wk.Cluster):
                fill, cluster_text = colours[cluster.id], cluster_label(cluster)
            elif cluster is None:
                fill, cluster_text = NO_CLUSTER, "in no cluster"
            else:
                fill, cluster_text = UNKNOWN_CLUSTER, "not known"
            attributes = {
                "class": "municipality" + (" unknown" if member.cluster_status == "unknown" else ""),
                "d": projection.path(member.shape.geometry),
                "fill": fill,
                "data-id": org.id,
                "data-name": org.name,
                "data-cbs": org.identifier("cbs") or "",
                "data-cluster": cluster_text,
                "data-cooperation": region.cooperation.id,
                "data-shape": member.shape.source,
            }
            out.append(
                "<path "
                + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attributes.items())
                + ">"
                f"<title>{html.escape(org.name)}</title></path>"
            )
        for group in region.clusters:
            if group.geometry is not None:
                out.append(f'<path class="cluster" d="{projection.path(group.geometry)}"/>')
                legend.append((colours[group.entity.id], cluster_label(group.entity), False))  # type: ignore[arg-type]
        statuses = {m.cluster_status for m in region.members}
        if "none" in statuses:
            legend.append((NO_CLUSTER, "in no cluster", False))
        if "unknown" in statuses:
            legend.append((UNKNOWN_CLUSTER, "cluster not known", True))
    out.append("</g>")
    items = "".join(
        f'<li><span class="swatch{" hatched" if hatched else ""}" style="background:{fill}"></span>'
        f"{html.escape(label)}</li>"
        for fill, label, hatched in legend
    )
    return "".join(out), f'<ul class="legend{off}" data-day="{day.isoformat()}">{items}</ul>'


_STYLE = """
body{font-family:system-ui,sans-serif;margin:1em;color:#222}
main{display:flex;gap:1.5em;flex-wrap:wrap}
svg{max-width:100%;max-height:85vh;height:auto;width:auto;border:1px solid #ddd;background:#fafcff}
.off{display:none}
.municipality{stroke:#555;stroke-width:.6;cursor:pointer}
.municipality.unknown{fill:url(#hatch)}
.municipality:hover,.municipality.selected{stroke:#000;stroke-width:2}
.cluster{fill:none;stroke:#111;stroke-width:1.6;pointer-events:none}
aside{min-width:16em;max-width:26em}
.legend{list-style:none;padding:0}
.swatch{display:inline-block;width:1em;height:1em;margin-right:.4em;border:1px solid #555;
vertical-align:middle}
.swatch.hatched{background:repeating-linear-gradient(45deg,#fff 0 3px,#888 3px 4px)!important}
#info{border:1px solid #ccc;padding:.6em;min-height:6em}
#info ul{columns:2;font-size:.85em;padding-left:1.2em}
small{color:#555}
"""

_SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var select = document.getElementById("day");
  var info = document.getElementById("info");
  var pinned = null;
  function text(tag, value) { var e = document.createElement(tag); e.textContent = value; return e; }
  function show(path) {
    var day = select.value, coop = data.days[day].cooperations[path.dataset.cooperation];
    info.replaceChildren(
      text("h2", path.dataset.name),
      text("p", "CBS code: " + (path.dataset.cbs || "none")),
      text("p", "Cluster: " + path.dataset.cluster),
      text("p", "Cooperation: " + coop.name + " (" + coop.partners.length + " partners on " + day + "):"));
    var list = document.createElement("ul");
    coop.partners.forEach(function (p) { list.appendChild(text("li", p)); });
    info.appendChild(list);
    info.appendChild(text("small", "Boundaries: " + path.dataset.shape));
  }
  function notDrawn() {
    var box = document.getElementById("not-drawn"), items = [];
    Object.values(data.days[select.value].cooperations).forEach(function (c) {
      c.not_drawn.forEach(function (m) { items.push(text("li", m.name + ": " + m.reason)); });
    });
    box.replaceChildren.apply(box, items);
  }
  function choose(day) {
    document.querySelectorAll(".day, .legend").forEach(function (g) {
      g.classList.toggle("off", g.getAttribute("data-day") !== day);
    });
    document.getElementById("when").textContent = day;
    pinned = null;
    info.replaceChildren(text("p", "Hover over or click a municipality."));
    notDrawn();
  }
  document.querySelectorAll("path.municipality").forEach(function (path) {
    path.addEventListener("mouseenter", function () { if (!pinned) { show(path); } });
    path.addEventListener("click", function () {
      if (pinned) { pinned.classList.remove("selected"); }
      pinned = pinned === path ? null : path;
      if (pinned) { pinned.classList.add("selected"); }
      show(path);
    });
  });
  select.addEventListener("change", function () { choose(select.value); });
  choose(select.value);
})();
"""


class Page:
    """A self-contained HTML page of the map; it shows itself in a notebook."""

    def __init__(self, text: str, title: str, days: Sequence[date]) -> None:
        self.text = text
        self.title = title
        self.days = tuple(days)

    def __repr__(self) -> str:
        return f"<Page: {self.title}, {len(self.days)} day(s)>"

    def __str__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        # An iframe keeps the page's script and style apart from the notebook's.
        return (
            f'<iframe srcdoc="{html.escape(self.text, quote=True)}" '
            'style="width:100%;height:720px;border:none" sandbox="allow-scripts"></iframe>'
        )

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page (UTF-8) to ``path``."""
        target = Path(path)
        write_atomically(target, self.text)
        return target


def _render(maps: dict[date, list[RegionMap]], title: str) -> str:
    geometries = [m.shape.geometry for regions in maps.values() for r in regions for m in r.members]
    projection = _Projection([g.bounds for g in geometries] or [(0.0, 0.0, 1.0, 1.0)])
    days = list(maps)
    groups, legends = [], []
    for index, day in enumerate(days):
        group, legend = _svg_group(maps[day], day, projection, hidden=index != len(days) - 1)
        groups.append(group)
        legends.append(legend)
    data = {"days": {d.isoformat(): _day_data(maps[d]) for d in days}}
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")  # no markup inside the script
    options = "".join(
        f'<option value="{d.isoformat()}"{" selected" if i == len(days) - 1 else ""}>{d.isoformat()}</option>'
        for i, d in enumerate(days)
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {projection.height:.0f}" '
        f'width="{WIDTH:.0f}" height="{projection.height:.0f}" role="img" aria-label="{html.escape(title)}">'
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="1.5"/></pattern></defs>'
        + "".join(groups)
        + "</svg>"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{html.escape(title)} on <span id="when"></span></h1>
<p><label for="day">Day: </label><select id="day">{options}</select>
<small>(the days on which the history changes the map)</small></p>
<main>
<div>{svg}</div>
<aside>
<div id="info"></div>
<h3>Clusters</h3>{"".join(legends)}
<h3>Not drawn</h3>
<ul id="not-drawn"></ul>
<p><small>Water boards and drinking-water companies are not drawn: their areas are not in the
boundary data. Where no boundary file gives a municipality's shape on a day (a merger, split or boundary
correction lies between), it is listed above instead of guessed.</small></p>
</aside>
</main>
<footer><small>{html.escape(ATTRIBUTION)}. Made by waterketen-map; works offline.</small></footer>
<script type="application/json" id="map-data">{payload}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def page(
    net: wk.Network,
    cooperation: str | None = None,
    *,
    on: wk.typing.DateLike | Iterable[wk.typing.DateLike] | None = None,
) -> Page:
    """A self-contained, offline web page of the map.

    Args:
        net: the network.
        cooperation: the cooperation; by default every cooperation of the network.
        on: the day, or the days, to offer; by default every day on which
            the history changes the map (the last one is shown first).

    Returns:
        The page: ``str(page)`` is its HTML, ``.save(path)`` writes it, and it shows itself in a notebook.

    Examples:
        >>> page(wk.load())
        <Page: Groningen & Noord-Drenthe, 8 day(s)>
        >>> "<script src" in str(page(wk.load(), on="2016-01-01"))  # nothing to fetch
        False
    """
    if on is None:
        coops = [cooperation] if cooperation is not None else [c.id for c in net.entities(wk.Cooperation)]
        days = sorted({d for c in coops for d in map_days(net, c)})
    elif isinstance(on, date | str):
        days = [_day(on)]
    else:
        days = sorted({_day(d) for d in on})
    maps = {d: region_maps(net, cooperation, on=d) for d in days}
    names = sorted({r.cooperation.name for regions in maps.values() for r in regions})
    title = ", ".join(names) if len(names) <= 3 else f"{len(names)} cooperations"
    return Page(_render(maps, title), title, days)
