"""The figure :func:`waterketen.draw.draw` returns, and where its movable labels go.

:class:`Drawing` is a matplotlib figure that shows itself in a notebook (its
``_repr_png_``), with no pyplot and no ``%matplotlib inline``: the last line
of a cell, ``draw(net, on=day)``, shows the picture in a fresh kernel.

:func:`place_labels` puts each label that may move (the cooperation's, the
bodies', the posts') at the first of its candidate places where no line of
the picture crosses it and it covers no other label. It measures the text as
matplotlib lays it out, so it holds for any font and figure size.

This module imports matplotlib: :mod:`waterketen.draw` imports it only after
checking that the ``analysis`` extra is installed.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from matplotlib.figure import Figure
from matplotlib.path import Path

from ._draw_layout import Place


if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Annotation, Text
    from matplotlib.transforms import Bbox

__all__ = ["PNG_DPI", "Drawing", "crossings", "place_labels"]

PNG_DPI = 80
"""The resolution of the picture a notebook shows (the figure is wide: about 1,500 pixels)."""


class Drawing(Figure):
    """A matplotlib figure that a notebook shows as a PNG, without pyplot or ``%matplotlib inline``."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
        return buffer.getvalue()


def _segments(ax: Axes) -> list[tuple[Path, object]]:
    """Every drawn line of the axes as a path in display coordinates, with the line it belongs to."""
    out: list[tuple[Path, object]] = []
    for line in ax.lines:
        if line.get_linestyle() in ("None", "none", "", " "):
            continue
        points = line.get_transform().transform(line.get_xydata())
        if len(points) >= 2:
            out.append((Path(points), line))
    return out


def _markers(ax: Axes) -> list[Bbox]:
    """The extent of every marker drawn alone (not on a line), in display coordinates."""
    from matplotlib.transforms import Bbox

    out = []
    for line in ax.lines:
        if line.get_linestyle() not in ("None", "none", "", " "):
            continue
        half = float(line.get_markersize()) * ax.figure.dpi / 72 / 2
        for x, y in line.get_transform().transform(line.get_xydata()):
            out.append(Bbox.from_extents(x - half, y - half, x + half, y + half))
    return out


def _box(text: Text, pad: float = 2.0) -> Bbox:
    return text.get_window_extent().padded(pad)


def crossings(ax: Axes, text: Text, *, ignore: Sequence[object] = ()) -> int:
    """How many lines of ``ax`` cross the extent of ``text`` (lines in ``ignore`` left out)."""
    box = _box(text)
    return sum(1 for path, line in _segments(ax) if line not in ignore and path.intersects_bbox(box))


def place_labels(
    figure: Figure, ax: Axes, labels: Sequence[tuple[Annotation, Sequence[Place], Sequence[object]]]
) -> None:
    """Move each label to its first candidate place that no line crosses and that covers no label.

    ``labels`` pairs each movable label with its candidate places and the lines
    it may touch (those it annotates). A label for which no place is free goes
    to the place with the fewest crossings. Labels are placed in the order given.
    """
    with warnings.catch_warnings():  # a glyph missing from the font is told when the figure is saved
        warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        figure.draw_without_rendering()  # lays the figure out: the extents below are final
    segments = _segments(ax)
    moving = {id(label) for label, _, _ in labels}
    taken = [_box(t, 0.0) for t in ax.texts if id(t) not in moving and t.get_text()]
    taken += _markers(ax)
    for label, places, own in labels:
        best: tuple[int, Place] | None = None
        for place in places:
            label.set_position((place.dx, place.dy))
            label.set_horizontalalignment(place.ha)
            label.set_verticalalignment(place.va)
            box = _box(label)
            cost = sum(1 for path, line in segments if line not in own and path.intersects_bbox(box))
            cost += sum(1 for other in taken if box.overlaps(other))
            if best is None or cost < best[0]:
                best = (cost, place)
            if cost == 0:
                break
        if best is not None:
            place = best[1]
            label.set_position((place.dx, place.dy))
            label.set_horizontalalignment(place.ha)
            label.set_verticalalignment(place.va)
            taken.append(_box(label, 0.0))
