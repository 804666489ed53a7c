"""The packaged reference tables of the register, read as rows, and the public sources they cite.

The CSV files in ``waterketen/data/register/`` are unchanged copies of the
project's reference data (their ``README.md`` names each file's origin). This
module reads them and says, for every kind of fact, which public source it
comes from, as a :class:`~waterketen.Provenance`: a URL, or a repository with
the path and commit of the file.
"""

from __future__ import annotations

import csv
import io
import re
from importlib.resources import files

from ..model import Provenance


__all__ = [
    "CARTOMAP",
    "CBS_LIST",
    "NLMOD",
    "WNT_REGISTER",
    "boundary_file",
    "read_rows",
    "sources_of",
]

CARTOMAP = "https://github.com/cartomap/nl"
"""The repository of CBS/Kadaster generalised municipality boundaries per year (the municipalities)."""

_CARTOMAP_COMMITS = {
    **dict.fromkeys(range(2010, 2017), "10e524b4348439e7d022bef107fa5cb000120449"),
    2020: "5790c83dea5d4fcbe4533d8276c2090104434cdb",
    2022: "5a11208587cb264ae2efe4d121fc1b5152d65a7e",
    2023: "7234d7f822d98610d144184dbcd74a9ac5c6d730",
    2024: "01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6",
    2025: "01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6",
}
"""The commit read for each year (not recorded for 2017, 2018, 2019 and 2021)."""

_CARTOMAP_GEOJSON = frozenset({2014, 2017, 2018, 2019, 2021, 2025})
"""The years read from the ``.geojson`` file; the others from its ``.topojson`` twin."""

CBS_LIST = Provenance(
    source="https://github.com/openstate/datasets",
    locator="osn/sources/cbs/source-cbs.csv @ 4c06a00a92413085e927b4f3a666e50ab4543048",
)
"""The CBS identifier list (GM, WS and PV codes and the CBS history notes), from CBS dataderden tables."""

NLMOD = Provenance(
    source="https://github.com/gwmod/nlmod",
    locator="nlmod/read/bgt.py get_bronhouder_names() @ 8933091a0ca69358590faa4c5f7f233768a2e64b",
)
"""The Kadaster BGT source-holder codes (W and P codes)."""

WNT_REGISTER = Provenance(
    source="https://github.com/openstate/datasets",
    locator="osn/sources/wnt-register/wnt-register-20160907.csv @ 417c82951a910f581f9078b3d555e5935717df00",
)
"""The WNT register snapshot of 2016-09-07, which names the drinking-water companies."""


def boundary_file(year: int) -> Provenance:
    """The cartomap/nl file (and the commit read) that lists the municipalities of 1 January ``year``.

    Examples:
        >>> boundary_file(2010).locator
        'wgs84/gemeente_2010.topojson @ 10e524b4348439e7d022bef107fa5cb000120449'
        >>> boundary_file(2018).locator
        'wgs84/gemeente_2018.geojson (commit not recorded)'
    """
    suffix = "geojson" if year in _CARTOMAP_GEOJSON else "topojson"
    commit = _CARTOMAP_COMMITS.get(year)
    where = f"@ {commit}" if commit else "(commit not recorded)"
    return Provenance(source=CARTOMAP, locator=f"wgs84/gemeente_{year}.{suffix} {where}")


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of the packaged table ``data/register/<name>`` as mappings of its header."""
    text = (files("waterketen") / "data" / "register" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


_WIKIPEDIA = re.compile(r"^(nl|de|en)\.wikipedia (\S+)\s*(.*)$")
_SITE = re.compile(r"^((?:[a-z0-9-]+\.)+(?:nl|org|com|eu|net|info)(?:/\S*)?)\s*(.*)$")


def sources_of(cell: str) -> tuple[Provenance, ...]:
    """The sources a ``source_url`` cell names, separated by ``;``.

    A URL stays as it is; a site written without its scheme (``openkamer.org/kamerstuk/34805/3``)
    gets ``https://``, a Wikipedia article written ``nl.wikipedia Title`` its address, and
    anything after the address is the place in it.

    Examples:
        >>> [p.source for p in sources_of("openkamer.org/kamerstuk/34594/3 ; nl.wikipedia Het_Hogeland")]
        ['https://openkamer.org/kamerstuk/34594/3', 'https://nl.wikipedia.org/wiki/Het_Hogeland']
        >>> sources_of("herindeling.westerkwartier.nl FAQ")[0].locator
        'FAQ'
    """
    out = []
    for item in (i.strip() for i in cell.split(";")):
        if not item:
            continue
        wiki, site = _WIKIPEDIA.match(item), _SITE.match(item)
        if item.startswith(("https://", "http://")):
            out.append(Provenance(source=item))
        elif "gwmod/nlmod" in item:
            out.append(NLMOD)
        elif wiki:
            url = f"https://{wiki.group(1)}.wikipedia.org/wiki/{wiki.group(2)}"
            out.append(Provenance(source=url, locator=wiki.group(3) or None))
        elif site:
            out.append(Provenance(source=f"https://{site.group(1)}", locator=site.group(2) or None))
        else:
            out.append(Provenance(source=item))
    return tuple(out)
