"""A picture of a cooperation as of a day, drawn with matplotlib.

:func:`draw` shows the cooperation, its governance bodies and the posts that
lead them, who represents what in those bodies, the clusters with their water
teams, and every partner under its cluster. Only what is surely true on the
day is drawn; the figure says how many entities are uncertain that day.

matplotlib is optional: install it with ``pip install 'waterketen[analysis]'``.
The figure is made without pyplot, so it draws anywhere (no display needed):
save it with ``figure.savefig("network.png")``, or let a notebook show it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ._draw_layout import DX, DY, Column, cooperation_x, spread
from ._draw_layout import columns as layout_columns
from ._extras import require
from ._labels import KIND_LEGEND
from ._time import DateLike, as_date
from .model import Body, Cluster, Cooperation, Organisation, OrgKind, Post, Role, name_of
from .network import Network
from .snapshot import Snapshot


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


__all__ = ["COLOURS", "draw"]

COLOURS: dict[str, str] = {
    "municipality": "#56B4E9",
    "water-board": "#0072B2",
    "water-company": "#009E73",
    "province": "#E69F00",
    "other": "#999999",
    "cooperation": "#1B2A49",
    "cluster": "#F0E442",
    "water-team": "#D55E00",
    "body": "#CC79A7",
    "post": "#FFFFFF",
    "line": "#8A8A8A",
}
"""The colours of the picture (the Okabe-Ito palette, readable with colour blindness)."""


_Y_BODIES, _Y_POSTS, _Y_COOP = 2.6, 3.7, 4.7
_WRAP = 18
"""A list of partners whose cluster is unknown is cut into columns of at least this many."""


def draw(
    network: Network | Snapshot,
    on: DateLike | None = None,
    *,
    cooperation: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Draw a cooperation as of a day: bodies, posts, clusters, partners, who represents what.

    Args:
        network: the network, or a snapshot of it (which gives the day).
        on: the day to draw (default: today, or the snapshot's day).
        cooperation: the cooperation's id; may be left out when the network has one.
        ax: the matplotlib axes to draw on; by default a new figure sized to fit.
        title: the title (default: the cooperation's name and the day).

    Returns:
        The matplotlib figure (the one ``ax`` belongs to, when given).

    Raises:
        MissingExtraError: matplotlib is not installed.
        AmbiguityError: no cooperation is named and the network has not exactly one.

    Examples:
        >>> from waterketen.draw import draw
        >>> figure = draw(wk.load(), on="2016-01-01")
        >>> figure.axes[0].get_title(loc="left")
        'Groningen & Noord-Drenthe on 2016-01-01'
        >>> import tempfile, pathlib
        >>> figure.savefig(pathlib.Path(tempfile.mkdtemp()) / "network.png")
    """
    require("matplotlib", extra="analysis", needed_by="draw")
    from matplotlib.figure import Figure

    if isinstance(network, Snapshot):
        on = on or network.day
        network = network.network
    day = date.today() if on is None else as_date(on)
    coop = network.cooperation(cooperation)
    columns = layout_columns(network, coop, day)
    bodies = [b for b in network.bodies(coop.id, on=day) if b.cluster is None]
    members_depth = max((len(c.members) for c in columns), default=0)
    bottom = -1.0 - max(members_depth, 1) * DY
    width = max(len(columns), 4) * DX
    if ax is None:
        figure = Figure(
            figsize=(max(width * 0.95, 9.0), (_Y_COOP - bottom) * 0.72 + 2.6), layout="constrained"
        )
        ax = figure.add_subplot()
    else:
        parent: Any = ax.figure
        while not isinstance(parent, Figure):  # a subfigure's figure is its parent
            parent = parent.figure
        figure = parent
    painter = _Painter(ax, network, day)
    painter.columns(columns)
    body_x = painter.bodies(bodies, columns, width)
    painter.posts(bodies, body_x, width)
    painter.cooperation(coop, body_x, width)
    partners = len(network.partners(coop.id, on=day))
    clusters = len(network.clusters(coop.id, on=day))
    ax.set_title(title or f"{coop.name} on {day.isoformat()}", loc="left", fontsize=13, fontweight="bold")
    uncertain = sum(1 for _ in network.at(day).uncertain())
    note = f"{partners} partners, {clusters} clusters. Drawn: what the data says surely holds on this day."
    if uncertain:
        note += f" Left out: {uncertain} entities whose dates do not tell whether they hold that day."
    ax.text(-DX * 0.5, bottom - 0.5, textwrap.fill(note, 150), fontsize=8, color="#555555", va="top")
    ax.set_xlim(-DX * 0.6, width - DX * 0.1)
    ax.set_ylim(bottom - 1.0, _Y_COOP + 0.6)
    ax.set_axis_off()
    inches = figure.get_figwidth()
    ax.legend(
        handles=painter.legend_handles(),
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=max(1, min(4, int(inches // 3.6))),
        fontsize=8,
        frameon=False,
    )
    return figure


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, _WRAP, break_long_words=False)) or text


class _Painter:
    """Draws onto one axes and remembers what the legend must explain."""

    def __init__(self, ax: Axes, network: Network, day: date) -> None:
        self.ax = ax
        self.network = network
        self.day = day
        self.kinds: set[OrgKind] = set()
        self.used: set[str] = set()
        self.anchor: dict[str, tuple[float, float]] = {}
        """Where the lines to an entity end (its marker)."""
        from matplotlib import patheffects

        self.halo = [patheffects.withStroke(linewidth=3, foreground="white")]

    def _text(self, x: float, y: float, text: str, **style: Any) -> None:
        self.ax.text(x, y, text, path_effects=self.halo, zorder=5, **style)

    def _marker(self, x: float, y: float, kind: str, **style: Any) -> None:
        self.ax.plot([x], [y], zorder=4, linestyle="none", **{**_MARKERS[kind], **style})
        self.used.add(kind)

    def _line(self, a: tuple[float, float], b: tuple[float, float], kind: str) -> None:
        self.ax.plot([a[0], b[0]], [a[1], b[1]], zorder=1, **_LINES[kind])
        self.used.add(kind)

    def columns(self, columns: Sequence[Column]) -> None:
        for column in columns:
            x = column.x
            if column.kind == "partner":
                assert isinstance(column.entity, Organisation)
                self._org_marker(x, 0.0, column.entity, size=13)
                self.anchor[column.entity.id] = (x, 0.0)
                self._text(
                    x, 0.3, _wrap(column.label), ha="center", va="bottom", fontsize=9, fontweight="bold"
                )
                continue
            if column.kind == "cluster":
                assert isinstance(column.entity, Cluster)
                cluster = column.entity
                self._marker(x, 0.0, "cluster")
                self.anchor[cluster.id] = (x, 0.0)
                italic = "italic" if cluster.name is None else "normal"
                self._text(
                    x,
                    0.3,
                    _wrap(column.label),
                    ha="center",
                    va="bottom",
                    fontsize=9,
                    fontweight="bold",
                    style=italic,
                )
                teams = [
                    b
                    for b in self.network.bodies(cluster.cooperation, on=self.day)
                    if b.cluster == cluster.id
                ]
                if teams:
                    self._marker(x + 0.32, -0.22, "water-team")
                    self.anchor[teams[0].id] = (x + 0.32, -0.22)
                if not column.members:
                    text = "(members\nnot known)" if not cluster.members_known else "(no members)"
                    self._text(x - 0.45, -1.0, text, fontsize=8, color="#555555", style="italic", va="center")
            elif column.header is None or column is columns[[c.kind for c in columns].index("unknown")]:
                hx = x if column.header is None else column.header
                self._marker(hx, 0.0, "unknown")
                self._text(
                    hx,
                    0.3,
                    column.label,
                    ha="center",
                    va="bottom",
                    fontsize=9,
                    style="italic",
                    color="#555555",
                )
            head = (x if column.header is None else column.header, -0.25)
            trunk = x - 0.55
            for k, member in enumerate(column.members):
                y = -1.0 - k * DY
                self._org_marker(x - 0.42, y, member, size=7)
                self._text(x - 0.3, y, member.name, fontsize=8, va="center")
                self._line(
                    (trunk, y), (x - 0.42, y), "member-of" if column.kind == "cluster" else "unknown-of"
                )
            if column.members:
                last = -1.0 - (len(column.members) - 1) * DY
                self._line(head, (trunk, -0.6), "member-of" if column.kind == "cluster" else "unknown-of")
                self._line(
                    (trunk, -0.6), (trunk, last), "member-of" if column.kind == "cluster" else "unknown-of"
                )

    def _org_marker(self, x: float, y: float, org: Organisation, size: float) -> None:
        self.kinds.add(org.kind)
        self.ax.plot(
            [x],
            [y],
            marker="o",
            markersize=size,
            color=COLOURS[org.kind.value],
            markeredgecolor="#333333",
            markeredgewidth=0.6,
            linestyle="none",
            zorder=4,
        )

    def bodies(self, bodies: Sequence[Body], columns: Sequence[Column], width: float) -> dict[str, float]:
        """Place each body above what its seats represent; draw the lines of representation."""
        wanted: dict[str, float] = {}
        targets: dict[str, list[tuple[float, float]]] = {}
        for body in bodies:
            points = []
            for seat in self.network.seats(body.id, on=self.day):
                represents = seat.represents
                if seat.role is Role.MEMBER and represents is not None and represents.id in self.anchor:
                    points.append(self.anchor[represents.id])
                for duty in seat.post.duties:
                    if seat.role is Role.MEMBER and duty.body in self.anchor and duty.body != body.id:
                        points.append(self.anchor[duty.body])  # a coordinator: leads a water team
            targets[body.id] = points
            xs = [p[0] for p in points]
            wanted[body.id] = sum(xs) / len(xs) if xs else (width - DX) / 2
        placed = spread(wanted, gap=DX * 1.6, low=0.0, high=width - DX)
        for body in bodies:
            x = placed[body.id]
            self._marker(x, _Y_BODIES, "body")
            self.anchor[body.id] = (x, _Y_BODIES)
            stated = f"\n({body.seats} seats)" if body.seats is not None else ""
            self._text(
                x + 0.22,
                _Y_BODIES + 0.05,
                _wrap(body.name) + stated,
                fontsize=9,
                fontweight="bold",
                va="bottom",
            )
            for point in targets[body.id]:
                is_team = point[1] < 0
                self._line((x, _Y_BODIES), point, "coordinates" if is_team else "represents")
        return placed

    def posts(self, bodies: Sequence[Body], body_x: dict[str, float], width: float) -> None:
        """Draw the posts that chair or are secretary of a body, with their holders on the day."""
        drawn = {b.id for b in bodies}
        posts: dict[str, Post] = {}
        for body in bodies:
            for seat in self.network.seats(body.id, on=self.day):
                if seat.role in (Role.CHAIR, Role.SECRETARY):
                    posts.setdefault(seat.post.id, seat.post)
        coop_x = cooperation_x(body_x, width)
        wanted = {}
        for post in posts.values():
            xs = [body_x[d.body] for d in post.duties if d.body in drawn]
            x = sum(xs) / len(xs)
            if len(set(xs)) == 1 and abs(x - coop_x) < DX * 0.5:
                x += DX * 0.8  # beside, not on, the line from the cooperation down to its body
            wanted[post.id] = x
        placed = spread(wanted, gap=DX * 1.6, low=0.0, high=width - DX)
        for post in posts.values():
            x = placed[post.id]
            self._marker(x, _Y_POSTS, "post")
            holders = [name_of(h) for h in self.network.holders(post.id, on=self.day)]
            label = post.name + (f"\n{', '.join(holders)}" if holders else "")
            self._text(x + 0.2, _Y_POSTS + 0.05, label, fontsize=9, va="bottom")
            for duty in post.duties:
                if duty.body in drawn and duty.role in (Role.CHAIR, Role.SECRETARY):
                    bx = body_x[duty.body]
                    self._line((x, _Y_POSTS), (bx, _Y_BODIES), "duty")
                    self._text(
                        (x + bx) / 2,
                        (_Y_POSTS + _Y_BODIES) / 2,
                        duty.role.value,
                        fontsize=7,
                        ha="center",
                        va="center",
                        style="italic",
                        color="#333333",
                    )

    def cooperation(self, coop: Cooperation, body_x: dict[str, float], width: float) -> None:
        xs = list(body_x.values())
        x = cooperation_x(body_x, width)
        self._marker(x, _Y_COOP, "cooperation")
        self._text(x + 0.3, _Y_COOP, coop.name, fontsize=11, fontweight="bold", va="center")
        for bx in xs:
            self._line((x, _Y_COOP), (bx, _Y_BODIES), "part-of")

    def legend_handles(self) -> list[Any]:
        from matplotlib.lines import Line2D

        handles: list[Any] = []
        for kind in OrgKind:
            if kind in self.kinds:
                handles.append(
                    Line2D(
                        [],
                        [],
                        marker="o",
                        markersize=8,
                        color=COLOURS[kind.value],
                        markeredgecolor="#333333",
                        linestyle="none",
                        label=KIND_LEGEND[kind],
                    )
                )
        for name, label in _LEGEND:
            if name not in self.used:
                continue
            if name in _MARKERS:
                style = {**_MARKERS[name], "markersize": min(10, _MARKERS[name]["markersize"])}
                handles.append(Line2D([], [], linestyle="none", label=label, **style))
            else:
                handles.append(Line2D([], [], label=label, **_LINES[name]))
        return handles


_MARKERS: dict[str, dict[str, Any]] = {
    "cooperation": {"marker": "H", "markersize": 20, "color": COLOURS["cooperation"]},
    "body": {"marker": "s", "markersize": 14, "color": COLOURS["body"], "markeredgecolor": "#333333"},
    "post": {"marker": "D", "markersize": 9, "color": COLOURS["post"], "markeredgecolor": "#333333"},
    "cluster": {"marker": "o", "markersize": 18, "color": COLOURS["cluster"], "markeredgecolor": "#333333"},
    "water-team": {
        "marker": "s",
        "markersize": 7,
        "color": COLOURS["water-team"],
        "markeredgecolor": "#333333",
    },
    "unknown": {
        "marker": "o",
        "markersize": 18,
        "color": "#FFFFFF",
        "markeredgecolor": "#777777",
        "markeredgewidth": 1.2,
    },
}

_LINES: dict[str, dict[str, Any]] = {
    "part-of": {"color": COLOURS["cooperation"], "linewidth": 1.0},
    "duty": {"color": "#333333", "linewidth": 1.0, "linestyle": ":"},
    "represents": {"color": COLOURS["body"], "linewidth": 1.2, "linestyle": "--"},
    "coordinates": {"color": COLOURS["water-team"], "linewidth": 0.9, "linestyle": "-."},
    "member-of": {"color": COLOURS["line"], "linewidth": 1.0},
    "unknown-of": {"color": "#BBBBBB", "linewidth": 1.0, "linestyle": ":"},
}

_LEGEND = (
    ("cooperation", "cooperation"),
    ("body", "governance body"),
    ("post", "post (with its holder, if known)"),
    ("cluster", "cluster"),
    ("water-team", "water team of a cluster"),
    ("unknown", "partners whose cluster is not known"),
    ("part-of", "body of the cooperation"),
    ("duty", "chair or secretary of a body"),
    ("represents", "a seat in the body represents"),
    ("coordinates", "cluster coordinator: leads the water team, sits in the body"),
    ("member-of", "member of the cluster"),
)
