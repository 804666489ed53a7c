"""A picture of a cooperation as of a day, drawn with matplotlib.

:func:`draw` shows the cooperation, its governance bodies and the posts that
lead them, who represents what in those bodies, the clusters with their water
teams, and every partner under its cluster. Only what is surely true on the
day is drawn as such; a seat or a duty whose dates do not tell whether it
holds that day is drawn in a style of its own (dotted), and the figure
says how many other entities are uncertain that day and left out. Lines end
at markers and never run through a label: the labels of the cooperation,
its bodies and its posts move to a free side of their marker.

matplotlib is optional: install it with ``pip install 'waterketen[analysis]'``.
The figure is made without pyplot, so it draws anywhere (no display needed):
save it with ``figure.savefig("network.png")``, or let a notebook show it: the
figure shows itself as a PNG, in a fresh kernel too.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ._draw_layout import DX, DY, Column, Place, cooperation_x, spread
from ._draw_layout import columns as layout_columns
from ._draw_style import LINES, MARKERS, PALETTE, UNCERTAIN_POST, legend_handles, places
from ._extras import require
from ._time import Certainty, DateLike, as_date
from .model import Body, Cluster, Cooperation, Duty, Organisation, OrgKind, Post, Role, name_of
from .network import Network
from .query import Seat
from .snapshot import Snapshot


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Annotation


__all__ = ["COLOURS", "draw"]

COLOURS: dict[str, str] = dict(PALETTE)
"""The colours of the picture (the Okabe-Ito palette, readable with colour blindness)."""


_Y_BODIES, _Y_POSTS, _Y_COOP = 2.6, 3.7, 4.7
_Y_HEAD, _Y_LIST = -0.28, -1.15
"""The top of the labels under the header row, and the first row of members listed below them."""
_TEAM_DX = 0.38
"""A cluster's water team sits beside it in the header row, so that every line from above ends there."""
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
        The matplotlib figure; a notebook shows it as a PNG (the figure ``ax``
        belongs to, when given, which shows itself as its maker set it up).

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

    from ._draw_figure import Drawing, place_labels

    if isinstance(network, Snapshot):
        on = on or network.day
        network = network.network
    day = date.today() if on is None else as_date(on)
    coop = network.cooperation(cooperation)
    columns = layout_columns(network, coop, day)
    bodies = [b for b in network.bodies(coop.id, on=day) if b.cluster is None]
    members_depth = max((len(c.members) for c in columns), default=0)
    bottom = _Y_LIST - max(members_depth, 1) * DY
    width = max(len(columns), 4) * DX
    figure: Figure
    if ax is None:
        figure = Drawing(
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
    uncertain = sum(1 for e in network.at(day).uncertain() if e.id not in painter.drawn_uncertain)
    note = f"{partners} partners, {clusters} clusters. Drawn: what the data says surely holds on this day"
    if painter.drawn_uncertain:
        note += ", and dotted what may hold (its dates are not precise enough to tell)"
    note += "."
    if uncertain:
        note += f" Left out: {uncertain} other entities whose dates do not tell whether they hold that day."
    ax.text(-DX * 0.5, bottom - 0.5, textwrap.fill(note, 150), fontsize=8, color="#555555", va="top")
    ax.set_xlim(-DX * 0.6, width - DX * 0.1)
    ax.set_ylim(bottom - 1.0, _Y_COOP + 0.6)
    ax.set_axis_off()
    inches = figure.get_figwidth()
    ax.legend(
        handles=legend_handles(painter.kinds, painter.used),
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=max(1, min(4, int(inches // 3.6))),
        fontsize=8,
        frameon=False,
    )
    place_labels(figure, ax, painter.movable)
    return figure


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, _WRAP, break_long_words=False)) or text


class _Painter:
    """Draws onto one axes and remembers what the legend must explain and which labels may move."""

    def __init__(self, ax: Axes, network: Network, day: date) -> None:
        self.ax = ax
        self.network = network
        self.day = day
        self.kinds: set[OrgKind] = set()
        self.used: set[str] = set()
        self.anchor: dict[str, tuple[float, float]] = {}
        """Where the lines to an entity end (its marker)."""
        self.movable: list[tuple[Annotation, Sequence[Place], Sequence[object]]] = []
        """The labels that go to a free side of their marker, with the lines each may touch."""
        self.drawn_uncertain: set[str] = set()
        """The entities drawn though their dates (or those of a duty of theirs drawn) do not tell
        whether they hold on the day."""
        from matplotlib import patheffects

        self.halo = [patheffects.withStroke(linewidth=3, foreground="white")]

    def _text(self, x: float, y: float, text: str, **style: Any) -> None:
        self.ax.text(x, y, text, path_effects=self.halo, zorder=5, **style)

    def _label(
        self, x: float, y: float, text: str, places: Sequence[Place], own: Sequence[object] = (), **style: Any
    ) -> None:
        """A label beside the point (x, y), moved to the first of ``places`` that no line crosses."""
        first = places[0]
        label = self.ax.annotate(
            text,
            (x, y),
            xytext=(first.dx, first.dy),
            textcoords="offset points",
            ha=first.ha,
            va=first.va,
            path_effects=self.halo,
            zorder=5,
            annotation_clip=False,
            **style,
        )
        label.set_in_layout(False)
        self.movable.append((label, places, own))

    def _marker(self, x: float, y: float, kind: str, **style: Any) -> None:
        self.ax.plot([x], [y], zorder=4, linestyle="none", **{**MARKERS[kind], **style})
        self.used.add(kind)

    def _line(self, a: tuple[float, float], b: tuple[float, float], kind: str) -> object:
        (line,) = self.ax.plot([a[0], b[0]], [a[1], b[1]], zorder=1, label=f"_{kind}", **LINES[kind])
        self.used.add(kind)
        return line

    def columns(self, columns: Sequence[Column]) -> None:
        """The header row (clusters, partners alone, the unknown) with the members listed below."""
        for column in columns:
            x = column.x
            if column.kind == "partner":
                assert isinstance(column.entity, Organisation)
                self._org_marker(x, 0.0, column.entity, size=13)
                self.anchor[column.entity.id] = (x, 0.0)
                self._text(
                    x, _Y_HEAD, _wrap(column.label), ha="center", va="top", fontsize=9, fontweight="bold"
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
                    _Y_HEAD,
                    _wrap(column.label),
                    ha="center",
                    va="top",
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
                    self._marker(x + _TEAM_DX, 0.0, "water-team")
                    self.anchor[teams[0].id] = (x + _TEAM_DX, 0.0)
                if not column.members:
                    text = "(members\nnot known)" if not cluster.members_known else "(no members)"
                    self._text(
                        x - 0.45, _Y_LIST, text, fontsize=8, color="#555555", style="italic", va="center"
                    )
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
            kind = "member-of" if column.kind == "cluster" else "unknown-of"
            trunk = x - 0.55
            for k, member in enumerate(column.members):
                y = _Y_LIST - k * DY
                self._org_marker(x - 0.42, y, member, size=7)
                self._text(x - 0.3, y, member.name, fontsize=8, va="center")
                self._line((trunk, y), (x - 0.42, y), kind)
            if column.members:
                last = _Y_LIST - (len(column.members) - 1) * DY
                top = _Y_LIST + DY * 0.6
                if column.kind == "unknown":  # no label under the marker: the list hangs from it
                    self._line((x if column.header is None else column.header, -0.25), (trunk, top), kind)
                self._line((trunk, top), (trunk, last), kind)

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

    def _seat_targets(self, body: Body, seats: Sequence[Seat]) -> list[tuple[tuple[float, float], str]]:
        """Where the lines of the member seats end: what they represent, the water team they lead."""
        points = []
        for seat in seats:
            represents = seat.represents
            if seat.role is Role.MEMBER and represents is not None and represents.id in self.anchor:
                points.append((self.anchor[represents.id], "represents"))
            for duty in self._duties(seat.post):
                if seat.role is Role.MEMBER and duty.body in self.anchor and duty.body != body.id:
                    points.append((self.anchor[duty.body], "coordinates"))  # leads a water team
        return points

    def _certainty(self, post: Post, duty: Duty) -> Certainty:
        """Whether ``post`` has ``duty`` on the day: the post and the duty's own period both hold."""
        both = (self.network.certainty(post.id, self.day), duty.period.certainty(self.day))
        if Certainty.NO in both:
            return Certainty.NO
        return Certainty.UNCERTAIN if Certainty.UNCERTAIN in both else Certainty.YES

    def _duties(self, post: Post) -> list[Duty]:
        """The duties of ``post`` that hold on the day or may (a duty that surely ended is no line)."""
        return [d for d in post.duties if self._certainty(post, d) is not Certainty.NO]

    def _uncertain_seats(self, body: Body) -> list[Seat]:
        """The seats in ``body`` whose post's or duty's dates do not tell whether it holds on the day."""
        return [
            Seat(
                post=post,
                role=duty.role,
                represents=None if post.represents is None else self.network[post.represents],
                holders=(),
            )
            for post in self.network.posts(body.id)
            for duty in post.duties
            if duty.body == body.id and self._certainty(post, duty) is Certainty.UNCERTAIN
        ]

    def bodies(self, bodies: Sequence[Body], columns: Sequence[Column], width: float) -> dict[str, float]:
        """Place each body above what its seats represent; draw the lines of representation."""
        wanted: dict[str, float] = {}
        targets: dict[str, list[tuple[tuple[float, float], str]]] = {}
        maybe: dict[str, list[tuple[tuple[float, float], str]]] = {}
        for body in bodies:
            targets[body.id] = self._seat_targets(body, self.network.seats(body.id, on=self.day))
            uncertain = self._uncertain_seats(body)
            maybe[body.id] = self._seat_targets(body, uncertain)
            self.drawn_uncertain.update(s.post.id for s in uncertain if self._seat_targets(body, [s]))
            xs = [p[0][0] for p in targets[body.id] or maybe[body.id]]
            wanted[body.id] = sum(xs) / len(xs) if xs else (width - DX) / 2
        placed = spread(wanted, gap=DX * 1.6, low=0.0, high=width - DX)
        for body in bodies:
            x = placed[body.id]
            self._marker(x, _Y_BODIES, "body")
            self.anchor[body.id] = (x, _Y_BODIES)
            stated = f"\n({body.seats} seats)" if body.seats is not None else ""
            self._label(
                x,
                _Y_BODIES,
                _wrap(body.name) + stated,
                places("right-up", "left-up", "up", "right", "left"),
                fontsize=9,
                fontweight="bold",
            )
            for point, kind in targets[body.id]:
                self._line((x, _Y_BODIES), point, kind)
            for point, _ in maybe[body.id]:
                self._line((x, _Y_BODIES), point, "maybe-seat")
        return placed

    def _posts_of(self, bodies: Sequence[Body]) -> tuple[dict[str, Post], set[str]]:
        """The posts that chair or are secretary of a drawn body on the day, and those whose own dates
        do not tell whether they hold (a sure post with a duty that may hold is drawn as sure)."""
        posts: dict[str, Post] = {}
        for body in bodies:
            for seat in self.network.seats(body.id, on=self.day):
                if seat.role in (Role.CHAIR, Role.SECRETARY):
                    posts.setdefault(seat.post.id, seat.post)
        uncertain = set()
        for body in bodies:
            for seat in self._uncertain_seats(body):
                if seat.role in (Role.CHAIR, Role.SECRETARY) and seat.post.id not in posts:
                    posts[seat.post.id] = seat.post
                    if self.network.certainty(seat.post.id, self.day) is Certainty.UNCERTAIN:
                        uncertain.add(seat.post.id)
        return posts, uncertain

    def _leads(self, post: Post, drawn: set[str]) -> list[str]:
        """The drawn bodies ``post`` chairs or is secretary of on the day (or may be), each once."""
        roles = (Role.CHAIR, Role.SECRETARY)
        return list(dict.fromkeys(d.body for d in self._duties(post) if d.body in drawn and d.role in roles))

    def posts(self, bodies: Sequence[Body], body_x: dict[str, float], width: float) -> None:
        """Draw the posts that chair or are secretary of a body, with their holders on the day."""
        drawn = {b.id for b in bodies}
        posts, uncertain = self._posts_of(bodies)
        self.drawn_uncertain |= uncertain
        coop_x = cooperation_x(body_x, width)
        wanted = {}
        for post in posts.values():
            # Above the middle of the bodies its lines go to, each counted once: not its other duties
            # (a member's seat, a duty ended or not yet begun), which draw no line from the post.
            xs = [body_x[b] for b in self._leads(post, drawn)]
            x = sum(xs) / len(xs)
            if len(set(xs)) == 1 and abs(x - coop_x) < DX * 0.5:
                x += DX * 0.8  # beside, not on, the line from the cooperation down to its body
            wanted[post.id] = x
        placed = spread(wanted, gap=DX * 0.9, low=0.0, high=width - DX)
        for post in posts.values():
            x = placed[post.id]
            maybe = post.id in uncertain
            self._marker(x, _Y_POSTS, "post", **(UNCERTAIN_POST if maybe else {}))
            holders = [name_of(h) for h in self.network.holders(post.id, on=self.day)]
            label = post.name + (f"\n{', '.join(holders)}" if holders else "")
            around = places("right-up", "left-up", "up", "right", "left", "below")
            self._label(x, _Y_POSTS, label, around, fontsize=9, style="italic" if maybe else "normal")
            for duty in self._duties(post):
                if duty.body in drawn and duty.role in (Role.CHAIR, Role.SECRETARY):
                    sure = self._certainty(post, duty) is Certainty.YES
                    if not sure:  # the post, or only this duty of it, may hold on the day
                        self.drawn_uncertain.add(post.id)
                    kind = duty.role.value if sure else "maybe-duty"
                    self._line((x, _Y_POSTS), (body_x[duty.body], _Y_BODIES), kind)

    def cooperation(self, coop: Cooperation, body_x: dict[str, float], width: float) -> None:
        xs = list(body_x.values())
        x = cooperation_x(body_x, width)
        self._marker(x, _Y_COOP, "cooperation")
        self._label(
            x, _Y_COOP, coop.name, places("right", "left", "up", gap=16), fontsize=11, fontweight="bold"
        )
        for bx in xs:
            self._line((x, _Y_COOP), (bx, _Y_BODIES), "part-of")
