"""Typed use of the analysis API (frames, draw, rich display); checked by ``mypy --strict`` (not run)."""

from __future__ import annotations

import waterketen as wk
from waterketen.draw import draw
from waterketen.frames import to_frame, valid_on


def partners_on(net: wk.Network, day: str) -> int:
    frame = to_frame(net, "partners")
    return int(valid_on(frame, day).sum())


def picture(net: wk.Network, path: str) -> None:
    figure = draw(net.at("2016-01-01"), title="Groningen & Noord-Drenthe")
    figure.savefig(path)


def summaries(net: wk.Network) -> list[str]:
    snapshot = net.at("2016-01-01")
    return [net._repr_html_(), snapshot._repr_html_(), net.diff("2016-01-01", "2021-06-01")._repr_html_()]


def cluster_sizes(net: wk.Network) -> dict[str, int]:
    frame = net.to_frame("clusters", on="2016-01-01")
    return {str(k): int(v) for k, v in frame["members"].items()}
