"""Build the water boards (with their mergers), the drinking-water companies and the provinces.

Ids: a water board's is its name without the word for its kind
("Waterschap", "Wetterskip", "Hoogheemraadschap (van)"): ``noorderzijlvest``,
``hunze-en-aas``, ``delfland``; a drinking-water company's is its short
name (``wmd``, ``waterbedrijf-groningen``); a province's is ``provincie-``
and its name (``provincie-groningen``), since municipalities bear the same
names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from .._time import Between, Bound, Period
from ..model import Change, ChangeKind, Identifier, Organisation, OrgKind, Part, Provenance
from ._data import CBS_LIST, NLMOD, WNT_REGISTER, read_rows
from ._municipalities import FIRST_YEAR, slug


__all__ = ["KADASTER", "drinking_water_companies", "provinces", "water_boards"]

KADASTER = "kadaster-bgt"
"""The identifier scheme of the Kadaster BGT source-holder codes (``W0647``, ``P0020``)."""

_KIND_WORD = re.compile(r"^(?:Waterschap|Wetterskip|Hoogheemraadschap(?: van)?)\s+")
_QUOTED = re.compile(r'"([^"]+)"')
_URL = re.compile(r"https?://[^\s;)]+")


def _cbs_name(source: str) -> str | None:
    found = re.search(r'cbs_code\+cbsName "([^"]+)"', source)
    return found.group(1) if found else None


def _date_sources(source: str) -> tuple[Provenance, ...]:
    """The sources of a water board's dates, from the ``dates:`` part of its ``source`` cell."""
    part = source.split("dates:", 1)[1] if "dates:" in source else ""
    urls = _URL.findall(part)
    if urls:
        return tuple(Provenance(source=u) for u in urls)
    if "cbsComment" in part:
        codes = ", ".join(re.findall(r"WS\d\d", part))
        return (Provenance(source=CBS_LIST.source, locator=f"{CBS_LIST.locator}, cbsComment of {codes}"),)
    return ()


def water_boards() -> tuple[list[Organisation], list[Change]]:
    """The 31 water boards of 2010-2025 and their mergers."""
    orgs: list[Organisation] = []
    ends: dict[date, list[tuple[str, tuple[Provenance, ...]]]] = defaultdict(list)
    starts: dict[date, list[tuple[str, tuple[Provenance, ...]]]] = defaultdict(list)
    for row in read_rows("water-boards.csv"):
        name, source = row["name"], row["source"]
        short = _KIND_WORD.sub("", name)
        others = [short] if short != name else []
        cbs_name = _cbs_name(source)
        if cbs_name and cbs_name not in (name, *others):
            others.append(cbs_name)
        identifiers = []
        provenance: list[Provenance] = []
        if row["cbs_code"]:
            identifiers.append(Identifier(scheme="cbs", value=row["cbs_code"]))
            provenance.append(
                Provenance(source=CBS_LIST.source, locator=f"{CBS_LIST.locator}, cbsId {row['cbs_code']}")
            )
        if row["kadaster_code"]:
            identifiers.append(Identifier(scheme=KADASTER, value=row["kadaster_code"]))
            provenance.append(NLMOD)
        dated = _date_sources(source)
        provenance.extend(dated)
        start: Bound = (
            date.fromisoformat(row["valid_from"])
            if row["valid_from"]
            else Between(latest=date(FIRST_YEAR, 1, 1))
        )
        end = date.fromisoformat(row["valid_until"]) + timedelta(days=1) if row["valid_until"] else None
        org_id = slug(short)
        orgs.append(
            Organisation(
                id=org_id,
                name=name,
                kind=OrgKind.WATER_BOARD,
                identifiers=tuple(identifiers),
                other_names=tuple(others),
                period=Period(start=start, end=end),
                provenance=tuple(provenance),
            )
        )
        if end is not None:
            ends[end].append((org_id, dated))
        if row["valid_from"]:
            starts[start].append((org_id, dated))  # type: ignore[index]
    changes = []
    for day in sorted(ends):
        after = starts.get(day, [])
        sources = list(dict.fromkeys(p for _, dated in (*ends[day], *after) for p in dated))
        anchor = after[0][0] if after else ends[day][0][0]
        changes.append(
            Change(
                id=f"merger-{anchor}-{day.year}",
                kind=ChangeKind.MERGER,
                date=day,
                before=tuple(Part(id=i) for i, _ in ends[day]),
                after=tuple(Part(id=i) for i, _ in after),
                provenance=tuple(sources),
            )
        )
    return orgs, changes


def drinking_water_companies() -> list[Organisation]:
    """The ten drinking-water companies, with the names under which they appear."""
    out = []
    for row in read_rows("drinking-water-companies.csv"):
        name, short, comment = row["name"], row["short_name"], row["comment"]
        others = [short] if short != name else []
        for part in comment.split(";"):
            if "different organisation" in part or "not a drinking-water company" in part:
                continue  # a name of another organisation, said so in the comment
            others += [n for n in _QUOTED.findall(part) if n not in (name, *others)]
        urls = [row["source"], *(u for u in _URL.findall(comment) if u != row["source"])]
        out.append(
            Organisation(
                id=slug(short),
                name=name,
                kind=OrgKind.WATER_COMPANY,
                other_names=tuple(others),
                provenance=(*(Provenance(source=u) for u in dict.fromkeys(urls)), WNT_REGISTER),
            )
        )
    return out


def provinces() -> list[Organisation]:
    """The twelve provinces; twelve since Flevoland was formed on 1 January 1986 (the CBS note of PV24)."""
    flevoland = date(1986, 1, 1)
    out = []
    for row in read_rows("provinces.csv"):
        others = [n for n in (row["kadaster_name"], row["cbs_name"]) if n != row["name"]]
        start: Bound = flevoland if row["cbs_code"] == "PV24" else Between(latest=flevoland)
        out.append(
            Organisation(
                id=f"provincie-{slug(row['name'])}",
                name=row["name"],
                kind=OrgKind.PROVINCE,
                identifiers=(
                    Identifier(scheme="cbs", value=row["cbs_code"]),
                    Identifier(scheme=KADASTER, value=row["kadaster_code"]),
                ),
                other_names=tuple(dict.fromkeys(others)),
                period=Period(start=start),
                provenance=(
                    Provenance(
                        source=CBS_LIST.source, locator=f"{CBS_LIST.locator}, cbsId {row['cbs_code']}"
                    ),
                    NLMOD,
                ),
            )
        )
    return out
