"""Draw the maps the documentation shows, into a folder (by default the repository's ``docs/_static``).

Run ``nox -s map-pictures`` (or ``python plugins/waterketen-map/docs/render.py [FOLDER]``) after a
change to the map or to the embedded dataset, and commit the files it writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import waterketen as wk
import waterketen_map as wm


HERE = Path(__file__).resolve().parent
STATIC = HERE.parent.parent.parent / "docs" / "_static"
REGION = "groningen-noord-drenthe"
PICTURES = {
    "map-gnd-2016-01-01.png": ("2016-01-01", False),
    "map-gnd-2025-01-01.png": ("2025-01-01", False),
    "map-national-2025-01-01.png": ("2025-01-01", True),
}
"""Each picture's file name, day, and whether it is the national map."""
PAGE = "map-gnd.html"
"""The interactive page, every day on which the map changes."""


def render(folder: Path = STATIC) -> list[Path]:
    """Write the pictures and the page into ``folder``; return the paths written."""
    net = wk.load()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    # The national map: every documented region (the embedded regions with Groningen & Noord-Drenthe).
    country = wk.load("embedded:groningen-noord-drenthe", "regions:", strict=False)
    for name, (day, national) in PICTURES.items():
        cooperation = None if national else REGION
        source = country if national else net
        written.append(wm.picture(source, cooperation, on=day, national=national).save(folder / name))
    written.append(wm.page(net, REGION).save(folder / PAGE))
    return written


if __name__ == "__main__":
    for path in render(Path(sys.argv[1]) if len(sys.argv) > 1 else STATIC):
        print(f"wrote {path}")
