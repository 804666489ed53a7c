"""The style of :func:`waterketen.draw.draw`: colours, markers, lines, the legend, where labels may go.

A module of values, with no matplotlib at import: the legend's entries are
made when asked.
"""

from __future__ import annotations

from typing import Any

from ._draw_layout import Place
from ._labels import KIND_LEGEND
from .model import OrgKind


__all__ = ["LEGEND", "LINES", "MARKERS", "PALETTE", "UNCERTAIN_POST", "legend_handles", "places"]

PALETTE: dict[str, str] = {
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


def places(*names: str, gap: float = 12.0) -> tuple[Place, ...]:
    """Candidate places around a marker, ``gap`` points from its centre (more for a bigger marker)."""
    side, rise = gap * 0.75, 5.0
    table = {
        "right-up": Place(side, rise, "left", "bottom"),
        "right": Place(gap, 0, "left", "center"),
        "right-down": Place(side, -rise, "left", "top"),
        "left-up": Place(-side, rise, "right", "bottom"),
        "left": Place(-gap, 0, "right", "center"),
        "left-down": Place(-side, -rise, "right", "top"),
        "up": Place(0, gap, "center", "bottom"),
        "down": Place(0, -gap, "center", "top"),
        "below": Place(0, -2 * gap, "center", "top"),  # between the lines that leave a post downwards
    }
    return tuple(table[n] for n in names)


MARKERS: dict[str, dict[str, Any]] = {
    "cooperation": {"marker": "H", "markersize": 20, "color": PALETTE["cooperation"]},
    "body": {"marker": "s", "markersize": 14, "color": PALETTE["body"], "markeredgecolor": "#333333"},
    "post": {"marker": "D", "markersize": 9, "color": PALETTE["post"], "markeredgecolor": "#333333"},
    "cluster": {"marker": "o", "markersize": 18, "color": PALETTE["cluster"], "markeredgecolor": "#333333"},
    "water-team": {
        "marker": "s",
        "markersize": 7,
        "color": PALETTE["water-team"],
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

UNCERTAIN_POST: dict[str, Any] = {"color": "#F2F2F2", "markeredgecolor": "#777777"}

LINES: dict[str, dict[str, Any]] = {
    "part-of": {"color": PALETTE["cooperation"], "linewidth": 1.0},
    "chair": {"color": "#333333", "linewidth": 1.2, "linestyle": ":"},
    "secretary": {"color": "#333333", "linewidth": 1.0, "linestyle": (0, (5, 2, 1, 2))},
    "represents": {"color": PALETTE["body"], "linewidth": 1.2, "linestyle": "--"},
    "coordinates": {"color": PALETTE["water-team"], "linewidth": 0.9, "linestyle": "-."},
    "member-of": {"color": PALETTE["line"], "linewidth": 1.0},
    "unknown-of": {"color": "#BBBBBB", "linewidth": 1.0, "linestyle": ":"},
    "maybe-seat": {"color": PALETTE["body"], "linewidth": 1.6, "linestyle": (0, (1, 2.5))},
    "maybe-duty": {"color": "#777777", "linewidth": 1.0, "linestyle": (0, (1, 4))},
}

LEGEND = (
    ("cooperation", "cooperation"),
    ("body", "governance body"),
    ("post", "post (with its holder, if known)"),
    ("cluster", "cluster"),
    ("water-team", "water team of a cluster"),
    ("unknown", "partners whose cluster is not known"),
    ("part-of", "body of the cooperation"),
    ("chair", "chairs the body"),
    ("secretary", "is secretary of the body"),
    ("represents", "a seat in the body represents"),
    ("coordinates", "cluster coordinator: leads the water team, sits in the body"),
    ("member-of", "member of the cluster"),
    ("maybe-seat", "a seat that may hold on the day (its dates do not tell)"),
    ("maybe-duty", "a chair or secretary that may hold on the day"),
)


def legend_handles(kinds: set[OrgKind], used: set[str]) -> list[Any]:
    """The legend's entries: the kinds of partner drawn, then the markers and lines used."""
    from matplotlib.lines import Line2D

    handles: list[Any] = []
    for kind in OrgKind:
        if kind in kinds:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    markersize=8,
                    color=PALETTE[kind.value],
                    markeredgecolor="#333333",
                    linestyle="none",
                    label=KIND_LEGEND[kind],
                )
            )
    for name, label in LEGEND:
        if name not in used:
            continue
        if name in MARKERS:
            style = {**MARKERS[name], "markersize": min(10, MARKERS[name]["markersize"])}
            handles.append(Line2D([], [], linestyle="none", label=label, **style))
        else:
            handles.append(Line2D([], [], label=label, **LINES[name]))
    return handles
